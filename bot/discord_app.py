"""The Discord bot: `create_bot()` for tests and harnesses, `main()` for `whosaid run`."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import re
import sys
import time
from collections.abc import Callable

import discord
from discord.ext import commands

from bot import commands as bot_commands
from bot.answer import NOTHING_LOADED, Answer, answer, told
from bot.feedback import FeedbackStore
from bot.render import Pages, answer_pages, why_pages
from bot.settings import BotSettings
from embeddings.index import IndexLoadError
from embeddings.live import LiveIndex
from embeddings.search import Where

log = logging.getLogger(__name__)


class WhosaidBot(commands.Bot):
    """Slash commands, a context menu and @mentions, all answered from one `LiveIndex`."""

    def __init__(self, settings: BotSettings, **client_kwargs) -> None:
        intents = discord.Intents.default()
        intents.message_content = True
        client_kwargs.setdefault("allowed_mentions", discord.AllowedMentions.none())
        super().__init__(
            command_prefix=commands.when_mentioned, intents=intents, help_command=None, tree_cls=bot_commands.WhosaidTree, **client_kwargs
        )
        self.settings = settings
        self.live = LiveIndex(settings)
        self.cooldowns: dict[int, float] = {}
        self.errors: list[BaseException] = []
        self.started = time.monotonic()
        self.ready_after: float | None = None
        #: seconds between edits of a /reload reply that says how far the reload has got
        self.progress_every = 5.0
        self.feedback = FeedbackStore(settings.index_dir / "feedback.sqlite") if settings.feedback else None

    async def setup_hook(self) -> None:
        # Loading (or first building) the index embeds text: a worker thread, never the loop.
        await asyncio.to_thread(self.live.open)
        await asyncio.to_thread(told, "saying")  # the verb table loads now, not in the first answer
        bot_commands.setup(self)
        if self.settings.guild_id:
            guild = discord.Object(id=self.settings.guild_id)
            self.tree.copy_global_to(guild=guild)
            await self.tree.sync(guild=guild)
        else:
            await self.tree.sync()
        if self.settings.watch:
            self.loop.create_task(self._watch())
        if self.settings.milvus_uri and self.settings.milvus_refresh_seconds > 0:
            self.loop.create_task(self._refresh())

    async def on_ready(self) -> None:
        self.ready_after = time.monotonic() - self.started
        log.info("ready as %s after %.1fs", self.user, self.ready_after)

    async def answer(self, question: str, where: Where | None = None) -> Answer:
        try:
            return await self._answer(question, where)
        except IndexLoadError:  # another writer's publish took rows this process still served
            if not await asyncio.to_thread(self.live.refresh):
                raise
            return await self._answer(question, where)

    async def _answer(self, question: str, where: Where | None) -> Answer:
        searcher = self.live.searcher  # one generation for the whole answer, even if a reload lands
        s = self.settings
        result = await asyncio.to_thread(answer, question, searcher, s.min_score, s.max_quotes, s.max_passages, where)
        if result.text == NOTHING_LOADED:
            hint = f"{NOTHING_LOADED} An admin can add some with /add, or put files in `{s.articles_dir}` and run /reload."
            return dataclasses.replace(result, text=hint)
        return result

    def voter(self, result: Answer) -> Callable[[int, int], None] | None:
        """What the 👍 / 👎 buttons of this answer call, or None (feedback off, or nothing found)."""
        store = self.feedback
        if store is None or not result.found:
            return None
        return lambda user_id, vote: store.record(result, user_id, vote)

    async def on_message(self, message: discord.Message) -> None:
        """`@whosaid who said …?` gets the same answer as /ask, as a reply."""
        if message.author.bot or self.user is None or self.user not in message.mentions:
            return
        if self.settings.channel_ids and message.channel.id not in self.settings.channel_ids:
            return
        question = re.sub(rf"<@!?{self.user.id}>", "", message.content).strip()
        try:
            bot_commands.check_cooldown(self, message.author.id)
        except bot_commands.Refused as exc:
            await message.reply(str(exc), mention_author=False)
            return
        if not question:
            await message.reply("Ask me who said what, e.g. \u201cwho said the talks were productive?\u201d", mention_author=False)
            return
        try:
            async with message.channel.typing():
                result = await self.answer(question)
                pages = answer_pages(result)
        except Exception as exc:
            log.exception("answering a mention failed")
            self.errors.append(exc)
            await message.reply("Sorry, something went wrong while answering. The error has been logged.", mention_author=False)
            return
        view = Pages(pages, message.author.id, why_pages(result.quotes) if result.found else None, self.voter(result))
        extra = {"view": view} if view.needed else {}
        await message.reply(embed=pages[0], mention_author=False, **extra)

    async def _watch(self) -> None:
        """Re-index when the articles folder changes (WHOSAID_WATCH=true), debounced."""
        from watchfiles import awatch

        async for _ in awatch(self.settings.articles_dir, debounce=2000):
            try:
                result = await asyncio.to_thread(self.live.reload)
                log.info("articles changed: %s", result.report.summary(self.live.searcher.index).splitlines()[1])
            except Exception:
                log.exception("automatic reload failed; the previous index keeps serving")

    async def _refresh(self) -> None:
        """Serve what other writers publish to the shared Milvus, checked now and then."""
        while True:
            await asyncio.sleep(self.settings.milvus_refresh_seconds)
            try:
                await asyncio.to_thread(self.live.refresh)
            except Exception:
                log.exception("could not check Milvus for new articles; the current index keeps serving")


def create_bot(settings: BotSettings | None = None, **client_kwargs) -> commands.Bot:
    """The bot, not yet started; extra keyword arguments go to discord.py's client (e.g. `connector=`)."""
    return WhosaidBot(settings or BotSettings(), **client_kwargs)


def main() -> None:
    """`whosaid run`: start the bot with the token from the environment or `.env`."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = BotSettings()
    token = settings.discord_token.get_secret_value().strip() if settings.discord_token else ""
    if not token:
        print("whosaid: DISCORD_TOKEN is not set; put it in .env or the environment (see .env.example)", file=sys.stderr)
        sys.exit(2)
    bot = create_bot(settings)
    try:
        bot.run(token, log_handler=None)
    except discord.LoginFailure:
        print("whosaid: Discord rejected the token in DISCORD_TOKEN; copy it again from the developer portal", file=sys.stderr)
        sys.exit(2)
    except discord.PrivilegedIntentsRequired:
        print(
            "whosaid: enable the Message Content intent for the bot in the developer portal (Bot tab), then start again",
            file=sys.stderr,
        )
        sys.exit(2)
