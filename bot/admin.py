"""The admins' commands: /reload, /add and /remove, which change what is loaded."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.commands import Refused, is_admin, private_reply, send_pages
from bot.render import embeds, pack
from bot.uploads import Upload, remove_file, save_upload
from embeddings.index import headings
from embeddings.live import ReloadInProgress
from embeddings.progress import Progress, Step
from embeddings.store import is_own

if TYPE_CHECKING:
    from bot.discord_app import WhosaidBot

log = logging.getLogger(__name__)

#: how long Discord lets a deferred interaction be answered (15 minutes), less a margin
INTERACTION_SECONDS = 14 * 60


def setup(bot: WhosaidBot) -> None:
    """Register the admins' commands on the bot's tree."""
    _reload(bot)
    _add(bot)
    _remove(bot)


def _reload(bot: WhosaidBot) -> None:
    tree = bot.tree

    @tree.command(name="reload", description="Re-read the articles folder (admins only).")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def reload(interaction: discord.Interaction) -> None:
        if not is_admin(bot, interaction.user):
            raise Refused("Only server admins can reload the articles.")
        if bot.live.reloading:
            raise Refused("A reload is already running; try again when it has finished.")
        await interaction.response.defer(thinking=True)
        started, loop = time.monotonic(), asyncio.get_running_loop()

        def show(step: Step) -> None:  # (from the reload's thread) the reply says how far it has got
            if time.monotonic() - started < INTERACTION_SECONDS:
                asyncio.run_coroutine_threadsafe(interaction.edit_original_response(content=f"Reloading \u2026 {step.line()}"), loop)

        try:
            result = await asyncio.to_thread(bot.live.reload, progress=Progress(show, every=bot.progress_every))
        except ReloadInProgress as exc:
            await private_reply(interaction, str(exc))
            return
        except Exception as exc:  # the previous index keeps serving; say so
            log.exception("reload failed")
            await private_reply(interaction, f"Reload failed; the previous articles are still being served. ({exc})")
            return
        pages = embeds("Reloaded", pack(reload_lines(result), budget=1800))
        if time.monotonic() - started >= INTERACTION_SECONDS and interaction.channel is not None:
            await interaction.channel.send(embed=pages[0])  # the interaction's token has expired: a message of its own
            return
        await send_pages(interaction, pages)


def _add(bot: WhosaidBot) -> None:
    tree = bot.tree

    @tree.command(name="add", description="Add articles: attach up to five files (admins only).")
    @app_commands.describe(file="An article: .txt, .md, .html, .json or .jsonl")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def add(
        interaction: discord.Interaction,
        file: discord.Attachment,
        file2: discord.Attachment | None = None,
        file3: discord.Attachment | None = None,
        file4: discord.Attachment | None = None,
        file5: discord.Attachment | None = None,
    ) -> None:
        _admins_only(bot, interaction, "add articles")
        await interaction.response.defer(thinking=True)
        folder, limit = bot.settings.articles_dir, bot.settings.max_file_bytes
        uploads = []
        for att in (a for a in (file, file2, file3, file4, file5) if a is not None):
            if att.size > limit:  # (not even downloaded)
                uploads.append(Upload(att.filename, reason=f"too large ({att.size:,} bytes; the limit is {limit:,})"))
                continue
            uploads.append(await asyncio.to_thread(save_upload, att.filename, await att.read(), folder, limit))
        lines = [_upload_line(u) for u in uploads]
        if any(u.saved for u in uploads):
            lines += await _reload_lines_or_failure(bot)
        await send_pages(interaction, embeds("Added articles", pack(lines, budget=1800)))


def _remove(bot: WhosaidBot) -> None:
    tree = bot.tree

    @tree.command(name="remove", description="Take an article out of the folder and the index (admins only).")
    @app_commands.describe(article="The article's headline")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def remove(interaction: discord.Interaction, article: str) -> None:
        _admins_only(bot, interaction, "remove articles")
        found = bot.live.searcher.index.articles.get(article) if is_own(article, bot.settings) else None
        if found is None:
            raise Refused("No article of this bot's folder has that headline; pick one from the list.")
        await interaction.response.defer(thinking=True)
        try:
            await asyncio.to_thread(remove_file, bot.settings.articles_dir, found.path)
        except FileNotFoundError as exc:
            await private_reply(interaction, f"Could not remove it: {exc}.")
            return
        lines = [f"- removed {found.path} (\u201c{found.title}\u201d)", *await _reload_lines_or_failure(bot)]
        await send_pages(interaction, embeds("Removed an article", pack(lines, budget=1800)))

    @remove.autocomplete("article")
    async def headlines(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        typed = current.lower()
        arts = [a for a in headings(bot.live.searcher.index.articles) if typed in a.title.lower() and is_own(a.id, bot.settings)]
        return [app_commands.Choice(name=a.title[:100], value=a.id) for a in arts[:25]]


def _admins_only(bot: WhosaidBot, interaction: discord.Interaction, what: str) -> None:
    if not is_admin(bot, interaction.user):
        raise Refused(f"Only server admins can {what}.")
    if bot.live.reloading:
        raise Refused("A reload is running; try again when it has finished.")


def _upload_line(u: Upload) -> str:
    if u.saved is None:
        return f"\u2717 {u.filename}: skipped, {u.reason}"
    titles = ", ".join(f"\u201c{t}\u201d" for t in u.titles[:3]) + (f" and {len(u.titles) - 3} more" if len(u.titles) > 3 else "")
    return f"+ {u.saved}: {titles}"


async def _reload_lines_or_failure(bot: WhosaidBot) -> list[str]:
    """Index what changed in the folder; the reply's lines either way (a failure keeps the old index serving)."""
    try:
        return reload_lines(await asyncio.to_thread(bot.live.reload))
    except Exception as exc:
        log.exception("reload after an upload failed")
        return [f"Indexing failed; the previous articles are still being served. ({exc})"]


def reload_lines(result) -> list[str]:
    r = result.report
    lines = [
        f"**{result.articles}** articles, {result.passages} passages, {result.quotes} quotes loaded in {r.seconds:.1f}s.",
        f"Added {len(r.added)}, updated {len(r.updated)}, removed {len(r.removed)}, unchanged {r.unchanged}, "
        f"duplicates {len(r.duplicates)}, skipped {len(r.skipped)}.",
    ]
    lines += [f"+ {p}" for p in r.added[:20]] + ([f"+ \u2026 and {len(r.added) - 20} more"] if len(r.added) > 20 else [])
    lines += [f"~ {p}" for p in r.updated[:20]]
    lines += [f"\u2212 {p}" for p in r.removed[:20]]
    lines += [f"skipped {s.path}: {s.reason}" for s in r.skipped[:20]]
    return lines
