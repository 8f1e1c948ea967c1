"""The slash commands and the "Who said this?" context menu. Everything slow (embedding,
search, reload) runs in a worker thread; the event loop only talks to Discord."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.answer import list_quotes
from bot.render import Pages, answer_pages, embeds, pack, quote_list_pages, why_pages
from embeddings.index import Heading, headings
from embeddings.search import Where, check_date

if TYPE_CHECKING:
    from bot.discord_app import WhosaidBot

log = logging.getLogger(__name__)
ADMIN_PERMISSIONS = discord.Permissions(manage_guild=True)


class Refused(app_commands.CheckFailure):
    """A check that failed with a message for the user (shown ephemerally)."""


def is_admin(bot: WhosaidBot, user: discord.abc.User) -> bool:
    if user.id in bot.settings.admin_user_ids:
        return True
    if isinstance(user, discord.Member):
        perms = user.guild_permissions
        if perms.administrator or perms.manage_guild:
            return True
        return any(role.id in bot.settings.admin_role_ids for role in user.roles)
    return False


def check_cooldown(bot: WhosaidBot, user_id: int) -> None:
    """Per-user cooldown between questions (WHOSAID_COOLDOWN_SECONDS)."""
    wait = bot.settings.cooldown_seconds
    now = time.monotonic()
    last = bot.cooldowns.get(user_id)
    if wait > 0 and last is not None and now - last < wait:
        raise Refused(f"Please wait {wait - (now - last):.0f} more second(s) before asking again.")
    bot.cooldowns[user_id] = now


async def send_pages(
    interaction: discord.Interaction,
    pages: list[discord.Embed],
    why: list[discord.Embed] | None = None,
    ephemeral: bool = False,
    vote: Callable[[int, int], None] | None = None,
) -> None:
    """A followup with the first page, buttons when there are more, "Why this speaker?" when `why`
    has it, and 👍 / 👎 when `vote` takes votes."""
    view = Pages(pages, interaction.user.id, why, vote)
    extra = {"view": view} if view.needed else {}
    await interaction.followup.send(embed=pages[0], ephemeral=ephemeral, **extra)


class DateTransformer(app_commands.Transformer):
    """A YYYY-MM-DD option; anything else is refused with a message, not a traceback."""

    async def transform(self, interaction: discord.Interaction, value: str) -> str:
        try:
            return check_date(value)
        except ValueError as exc:
            raise Refused(f"{exc}.") from None


Date = app_commands.Transform[str, DateTransformer]
FILTERS = {
    "source": "Only articles from this outlet (part of its name or domain)",
    "since": "Only articles dated on or after this day (YYYY-MM-DD)",
    "until": "Only articles dated on or before this day (YYYY-MM-DD)",
}


def _listed(article: Heading) -> str:
    """An article's line in /articles: headline, then outlet and date when the article gives them."""
    where = ", ".join(part for part in (article.source, article.date) if part)
    return f"**{article.title}** \u2014 {where}" if where else f"**{article.title}**"


def setup(bot: WhosaidBot) -> None:
    """Register the commands on the bot's tree."""
    tree = bot.tree

    @tree.command(name="ask", description="Who said what: ask about the loaded news articles.")
    @app_commands.describe(question="e.g. Who said the talks were productive? / What did Rubio say about Russia?", **FILTERS)
    async def ask(
        interaction: discord.Interaction,
        question: app_commands.Range[str, 1, 500],
        source: str | None = None,
        since: Date | None = None,
        until: Date | None = None,
    ) -> None:
        check_cooldown(bot, interaction.user.id)
        await interaction.response.defer(thinking=True)
        result = await bot.answer(question, Where(source, since, until))
        await send_pages(interaction, answer_pages(result), why_pages(result.quotes) if result.found else None, vote=bot.voter(result))

    @tree.command(name="quotes", description="A person's quotes in the loaded articles.")
    @app_commands.describe(
        speaker="A name or title, e.g. Rubio or the secretary of state", about="Rank the quotes by this topic", **FILTERS
    )
    async def quotes(
        interaction: discord.Interaction,
        speaker: str,
        about: str | None = None,
        source: str | None = None,
        since: Date | None = None,
        until: Date | None = None,
    ) -> None:
        await interaction.response.defer(thinking=True)
        hits = await asyncio.to_thread(list_quotes, bot.live.searcher, speaker, about, 50, Where(source, since, until))
        title = f"Quotes from {speaker}" + (f" about {about}" if about else "")
        if not hits:
            await interaction.followup.send(embed=discord.Embed(title=title[:256], description=f"No quotes from {speaker} found."))
            return
        await send_pages(interaction, quote_list_pages(title, hits), why_pages(hits[:5]))

    @quotes.autocomplete("speaker")
    async def speaker_names(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        if not bot.live.ready:
            return []
        names = bot.live.searcher.directory.names(current, limit=25)
        return [app_commands.Choice(name=n[:100], value=n[:100]) for n in names]

    @tree.command(name="articles", description="What articles are loaded, newest first.")
    async def articles(interaction: discord.Interaction) -> None:
        searcher = bot.live.searcher
        arts = sorted(headings(searcher.index.articles), key=lambda a: (a.date or "", a.title), reverse=True)
        lines = [_listed(a) for a in arts]
        title = f"{len(arts)} articles loaded, {len(searcher.index.quotes)} quotes"
        pages = embeds(title, pack(lines, budget=1800) or ["No articles are loaded."])
        await interaction.response.defer()
        await send_pages(interaction, pages)

    from bot import admin  # (it builds on this module's helpers)

    admin.setup(bot)

    @tree.context_menu(name="Who said this?")
    async def who_said_this(interaction: discord.Interaction, message: discord.Message) -> None:
        check_cooldown(bot, interaction.user.id)
        text = message.content.strip()
        if not text:  # (before the defer: a reply after a public defer would be public too)
            await interaction.response.send_message("That message has no text to look for.", ephemeral=True)
            return
        await interaction.response.defer(thinking=True)
        result = await bot.answer(f"Who said {text[:500]}")
        await send_pages(interaction, answer_pages(result), why_pages(result.quotes) if result.found else None, vote=bot.voter(result))

    @tree.error
    async def on_error(interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        if isinstance(error, Refused | app_commands.CheckFailure):
            message = str(error) or "You can't use this command here."
        else:
            log.error("command %s failed", interaction.command.name if interaction.command else "?", exc_info=error)
            bot.errors.append(error)
            message = "Sorry, something went wrong while answering. The error has been logged."
        await private_reply(interaction, message)


async def private_reply(interaction: discord.Interaction, message: str) -> None:
    """An error reply only the user sees. After a public defer a followup would be public too, so
    the "thinking…" message goes and the reply comes as a private followup."""
    if not interaction.response.is_done():
        await interaction.response.send_message(message, ephemeral=True)
        return
    try:
        await interaction.delete_original_response()
    except discord.HTTPException:  # (already gone, or never sent)
        pass
    await interaction.followup.send(message, ephemeral=True)


class WhosaidTree(app_commands.CommandTree):
    """The command tree, with the channel allow-list (WHOSAID_CHANNEL_IDS) checked first."""

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        allowed = getattr(self.client, "settings", None)
        channels = allowed.channel_ids if allowed is not None else []
        if channels and interaction.channel_id not in channels:
            await interaction.response.send_message("I answer in other channels of this server.", ephemeral=True)
            return False
        return True
