"""Answers as Discord embeds, within every Discord limit. A quote and its citation stay together;
what does not fit goes to the next page, never cut mid-citation."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import discord

from bot.answer import Answer, PassageHit, QuoteHit, citation, heading, lead
from embeddings.attribution import explain

DESCRIPTION_LIMIT = 4096
TITLE_LIMIT = 256
FOOTER_LIMIT = 2048
MESSAGE_EMBED_TOTAL = 6000
#: Room kept free on each page, so that title + description + footer stay under 6,000.
PAGE_BUDGET = 3800
COLOUR_FOUND = discord.Colour.blurple()
COLOUR_NOT_FOUND = discord.Colour.light_grey()


def quote_block(h: QuoteHit, number: int) -> str:
    words = h.quote.text
    body = f"> {words}" if h.quote.kind != "indirect" else f"{words} *(reported speech)*"
    body = body.replace("\n", "\n> ") if h.quote.kind != "indirect" else body
    return f"{lead(h, lambda who: f'**{who}**')}:\n{body}\n[{number}] {citation(h.article, h.quote.paragraph)}"


def passage_block(p: PassageHit, number: int) -> str:
    """The reporter's words: plain text, in no one's mouth and in no quotation marks."""
    return f"{p.passage.text}\n[{number}] {citation(p.article, p.passage.first_paragraph)}"


def _split_long(block: str, budget: int) -> list[str]:
    """A single block longer than a page: cut the quoted text at spaces, keep the citation whole
    at the end of the last piece."""
    head, _, cite = block.rpartition("\n[")
    cite = "[" + cite
    pieces: list[str] = []
    room = budget - 20
    while len(head) > room:
        cut = head.rfind(" ", 0, room)
        cut = cut if cut > room // 2 else room
        pieces.append(head[:cut] + " \u2026")
        head = "> \u2026 " + head[cut:].lstrip()
    if len(head) + len(cite) + 1 > budget:
        pieces.append(head)
        pieces.append(cite)
    else:
        pieces.append(head + "\n" + cite)
    return pieces


def pack(blocks: list[str], budget: int = PAGE_BUDGET) -> list[str]:
    """Blocks into page descriptions of at most `budget` characters, in order."""
    pages: list[str] = []
    current = ""
    for block in blocks:
        parts = _split_long(block, budget) if len(block) > budget else [block]
        for part in parts:
            candidate = f"{current}\n\n{part}" if current else part
            if len(candidate) > budget and current:
                pages.append(current)
                current = part
            else:
                current = candidate
    if current:
        pages.append(current)
    return pages


def answer_pages(answer: Answer) -> list[discord.Embed]:
    """One embed per page; every page is a complete message under Discord's limits."""
    title = answer.question[: TITLE_LIMIT - 1] + ("\u2026" if len(answer.question) >= TITLE_LIMIT else "")
    if not answer.found:
        return [discord.Embed(title=title, description=answer.text[:DESCRIPTION_LIMIT], colour=COLOUR_NOT_FOUND)]
    blocks = [quote_block(h, i) for i, h in enumerate(answer.quotes, 1)]
    blocks += [passage_block(p, len(answer.quotes) + i) for i, p in enumerate(answer.passages, 1)]
    first = heading(answer.match, answer.note)
    return embeds(title, pack([f"*{first}*", *blocks] if first else blocks))


def embeds(title: str, pages: list[str]) -> list[discord.Embed]:
    out = []
    for n, page in enumerate(pages, 1):
        embed = discord.Embed(title=title, description=page, colour=COLOUR_FOUND)
        if len(pages) > 1:
            embed.set_footer(text=f"page {n} of {len(pages)}")
        out.append(embed)
    return out


def quote_list_pages(title: str, hits: list[QuoteHit], per_page: int = 5) -> list[discord.Embed]:
    """/quotes: a few quotes per page, each with its citation."""
    blocks = [quote_block(h, i) for i, h in enumerate(hits, 1)]
    pages: list[str] = []
    for start in range(0, len(blocks), per_page):
        pages.extend(pack(blocks[start : start + per_page]))
    return embeds(title[:TITLE_LIMIT], pages or ["No quotes found."])


def within_limits(embed: discord.Embed) -> bool:
    """Discord's documented embed limits (used by tests and as a last guard before sending)."""
    fields_ok = len(embed.fields) <= 25 and all(len(f.name or "") <= 256 and len(f.value or "") <= 1024 for f in embed.fields)
    return (
        len(embed.title or "") <= TITLE_LIMIT
        and len(embed.description or "") <= DESCRIPTION_LIMIT
        and len(embed.footer.text or "") <= FOOTER_LIMIT
        and fields_ok
        and len(embed) <= MESSAGE_EMBED_TOTAL
    )


def why_pages(hits: tuple[QuoteHit, ...] | list[QuoteHit]) -> list[discord.Embed]:
    """Why each quote shown has its speaker: the rules that decided, numbered as the answer is."""
    blocks = [f"**[{n}] {h.speaker or 'No one named'}**\n{explain(h.quote.how)}" for n, h in enumerate(hits, 1) if h.quote.how]
    return embeds("Why this speaker?", pack(blocks) or ["These quotes carry no trace of how their speaker was found."])


class Pages(discord.ui.View):
    """Previous / next buttons over a list of embeds (only the asker turns the pages), and a "Why
    this speaker?" button that shows anyone who presses it, privately, how each speaker was found."""

    def __init__(
        self,
        pages: list[discord.Embed],
        owner_id: int,
        why: list[discord.Embed] | None = None,
        vote: Callable[[int, int], None] | None = None,
        timeout: float = 600,
    ) -> None:
        super().__init__(timeout=timeout)
        self.pages = pages
        self.owner_id = owner_id
        self.index = 0
        self.why_pages = why or []
        self.vote = vote
        if len(pages) < 2:
            self.remove_item(self.previous)
            self.remove_item(self.next)
        if not self.why_pages:
            self.remove_item(self.why)
        if vote is None:
            self.remove_item(self.good)
            self.remove_item(self.bad)
        self._sync()

    @property
    def needed(self) -> bool:
        """Whether the message needs the view at all (more pages, or a trace to show)."""
        return bool(self.children)

    def _sync(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        pressed = (interaction.data or {}).get("custom_id")
        anyone = {self.why.custom_id, self.good.custom_id, self.bad.custom_id}
        if pressed not in anyone and interaction.user.id != self.owner_id:
            await interaction.response.send_message("Only the person who asked can turn these pages.", ephemeral=True)
            return False
        return True

    @discord.ui.button(label="Previous", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        self.index = max(0, self.index - 1)
        self._sync()
        await interaction.response.edit_message(embed=self.pages[self.index], view=self)

    @discord.ui.button(label="Next", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        self.index = min(len(self.pages) - 1, self.index + 1)
        self._sync()
        await interaction.response.edit_message(embed=self.pages[self.index], view=self)

    @discord.ui.button(label="Why this speaker?", style=discord.ButtonStyle.secondary)
    async def why(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.send_message(embed=self.why_pages[0], ephemeral=True)

    @discord.ui.button(emoji="\N{THUMBS UP SIGN}", style=discord.ButtonStyle.secondary)
    async def good(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._voted(interaction, 1)

    @discord.ui.button(emoji="\N{THUMBS DOWN SIGN}", style=discord.ButtonStyle.secondary)
    async def bad(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._voted(interaction, -1)

    async def _voted(self, interaction: discord.Interaction, vote: int) -> None:
        assert self.vote is not None
        await asyncio.to_thread(self.vote, interaction.user.id, vote)
        thanks = "Thanks: noted." if vote > 0 else "Thanks: someone will check this answer."
        await interaction.response.send_message(thanks, ephemeral=True)
