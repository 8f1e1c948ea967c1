"""A speaker carried from one quote to the next: within a paragraph, after a colon, after narration."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from embeddings.attribution.cast import Cast, Person, name_tokens, norm
from embeddings.attribution.found import Attribution, Found, Reading, Said
from embeddings.attribution.rule import Decision, steps, table
from embeddings.attribution.trace import carried
from embeddings.marks import Stretch, inside

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _named_after(doc: Doc | None, s: Stretch, mask: list[bool], person: Person | None) -> bool:
    """The quote's sentence names a person other than `person` after its closing mark ("“…,” is
    the dry assessment of Graham Lane"; not "“…” from diplomacy to the defense budget, in Bolton's view")."""
    last = next((t for t in reversed(doc) if t.idx < s.end), None) if doc is not None else None
    return last is not None and any(
        t.idx >= s.mark_end
        and t.ent_type_ == "PERSON"
        and t.pos_ == "PROPN"
        and not inside(t, mask)
        and (person is None or norm(t.text) not in person.words)
        for t in last.sent
    )


def _colon_before(doc: Doc, s: Stretch) -> Token | None:
    """The colon that opens a quote ("… retort: “…”"), if one comes right before its mark."""
    last = next((t for t in reversed(doc) if t.idx < s.mark_start and not t.is_space), None)
    return last if last is not None and last.text == ":" else None


def _name_before_colon(doc: Doc, s: Stretch, offset: int, cast: Cast) -> Person | None:
    """A name right before the colon that opens a quote is its speaker ("- Philip Bump: “…”",
    "Clinton: “…” Bush: “…”"), unless something was said to them ("delivered a blunt message to
    Trump: “…”")."""
    colon = _colon_before(doc, s)
    if colon is None or colon.i == 0 or doc[colon.i - 1].ent_type_ != "PERSON":
        return None
    name = next(e for e in doc.ents if e.start <= colon.i - 1 < e.end)
    if name.root.dep_ in {"pobj", "dobj", "dative"}:
        return None
    return cast.find([t.text for t in name_tokens(list(name))], offset + name.start_char)


def _introducing_verb(doc: Doc, cues: list[Token]) -> Token | None:
    """The verb of a paragraph ending in a colon, which introduces the quote paragraph after it:
    its last speech verb, else the verb of its last sentence when someone named does it ("He
    then listed the qualities a nominee needs:")."""
    if cues:
        return cues[-1]
    root = doc[-1].sent.root
    return root if root.pos_ == "VERB" else None


def _share_within_paragraph(items: list[Found]) -> None:
    """News style gives one attribution per paragraph: "A," X said. "B." — an unattributed
    quote takes the speaker of the nearest attributed quote before it, else after it (one a cue
    attributes: a quote given to the subject of the narration before it does not reach back)."""
    for k, item in enumerate(items):
        if not item.needs_speaker:
            continue
        before = [f for f in items[:k] if f.mention is not None]
        after = [f for f in items[k + 1 :] if f.mention is not None and f.cue is not None]
        source = before[-1] if before else (after[0] if after else None)
        if source is not None:
            item.person, item.mention, item.cue = source.person, source.mention, source.cue
            item.how = carried(SHARE_WITHIN_PARAGRAPH.name, source.how)


@dataclass
class Site:
    """Where a quote with no cue of its own stands, for the carry-over rules: its paragraph, its
    quoted stretch, the quotes before it, and what the paragraph before handed on."""

    doc: Doc | None
    para: str
    offset: int
    number: int
    k: int
    stretches: list[Stretch]
    cues: list[Token]
    mask: list[bool]
    cast: Cast
    paragraph_starts: list[int]
    para_found: list[Found]
    last: Said | None
    prev_quoted: bool
    so_far: Attribution

    @property
    def s(self) -> Stretch:
        return self.stretches[self.k]

    @property
    def starts_para(self) -> bool:
        return not self.para[: self.s.mark_start].strip()

    @property
    def uncued(self) -> bool:
        """No cue gave the quote a speaker (nor a byline or a label)."""
        return self.so_far.cue is None and self.so_far.person is None

    def keep(self) -> Decision:
        """The rule applies but finds no one: the quote stays as it is, and no later rule is tried."""
        return Decision(self.so_far.person, self.so_far.mention, self.so_far.cue)


def _paragraph_before(x: Site) -> Decision | None:
    """A quote opening its paragraph, with no cue, is the speaker's of the paragraph before: “Rubio
    said:” closing it, or its last attributed quote (the speaker going on); not when the quote's
    sentence goes on to name someone (““…,” is the assessment of Graham Lane”)."""
    if x.so_far.cue is not None or not x.starts_para or x.k != 0 or x.last is None:
        return None
    if _named_after(x.doc, x.s, x.mask, x.last.person):
        return None
    return Decision(x.last.person, x.last.mention, x.last.cue, via=x.last.how or "nobody")


def _introduced_before(x: Site) -> Decision | None:
    """A quote paragraph right after one that introduces its speaker as subject (“Viguerie is upbeat
    about Cruz's chances.” / “Not only can Ted Cruz win …”), unless that paragraph held a quote."""
    if not x.uncued or not x.starts_para or x.k != 0 or x.number == 1:
        return None
    intro = x.cast.last_subject_before(x.offset)
    if _named_after(x.doc, x.s, x.mask, intro):
        return None
    prev_start = x.paragraph_starts[x.number - 2]
    at = intro.last_mention(x.offset) if intro is not None else -1
    if intro is not None and at >= prev_start and not x.prev_quoted:
        return Decision(intro, intro.name)
    return x.keep()


def _named_before_colon(x: Site) -> Decision | None:
    """A name right before the colon that opens the quote: “- David Wasserman: “…””, “Clinton: “…” Bush: “…””."""
    if x.uncued and x.doc is not None and (named := _name_before_colon(x.doc, x.s, x.offset, x.cast)):
        return Decision(named, named.name)
    return None


def _after_narration(x: Site) -> Decision | None:
    """A quote sentence after narration about its speaker in the same paragraph (“Bolton distanced
    himself from … “I'm going to support him …””); after a colon, the subject of the sentence that
    introduces it (“Sanders delivered a snappy retort: “…””); after another quote, only someone made
    the subject since, else the earlier quote's speaker goes on (shared later)."""
    before = x.para[: x.s.mark_start].rstrip()
    if not x.uncued or x.starts_para or x.doc is None or before[-1:] not in {".", "!", ":"}:  # not after a question
        return None
    at_quote = x.offset + x.s.mark_start
    intro = x.cast.last_subject_before(at_quote)
    # (after another quote, as the subject: "but Mr Blair himself" is no one who speaks next)
    mentions = [o for o, p, subj in x.cast.mentions if p is intro and subj] if x.para_found else intro.mentions if intro else []
    at = max((m for m in mentions if m < at_quote), default=-1)
    since = x.offset + (x.stretches[x.k - 1].mark_end if x.para_found else 0)
    if x.para_found and _goes_on(x, intro, since):
        intro = None
    if before.endswith(":"):
        colon = _colon_before(x.doc, x.s)
        since += colon.sent.start_char if colon is not None else len(x.para)
    if intro is not None and at >= since:
        return Decision(intro, intro.name)
    return x.keep()


def _goes_on(x: Site, intro: Person | None, since: int) -> bool:
    """The earlier quote's speaker going on, or a cue between the two quotes (“A,” Obama's former
    strategist said. “B.”): its attribution is shared later (and a lone word made a subject, “the
    Republic look to have an edge”, is no one to take it from)."""
    told = [f for f in x.para_found if f.mention is not None]
    return (
        intro is None
        or not intro.certain
        or any(f.person is intro for f in told[-1:])
        or any(since <= x.offset + c.idx < x.offset + x.s.mark_start for c in x.cues)
    )


RULES = table("carryover", _paragraph_before, _introduced_before, _named_before_colon, _after_narration)


def _same_quote(para_found: list[Found], run: Reading) -> None:
    """The parts of one quote share one speaker: a split quote (“A,” Rubio said, “B.”) and a quote
    that runs over several paragraphs."""
    for item in para_found:
        if item.needs_speaker:
            mates = [f for f in run.found + para_found if f.group == item.group and (f.person or f.mention)]
            if mates:
                _lend(mates[0], item, mates[0].paragraph)
    for item in para_found:
        if item.person is not None and item.mention is not None:
            for f in run.found:
                if f.group == item.group and f.needs_speaker:
                    _lend(item, f, item.paragraph)
        if item.person is not None and not item.person.org:
            run.cast.spoke(item.start, item.person)


def _lend(source: Found, to: Found, paragraph: int) -> None:
    to.person, to.mention, to.cue, to.saying = source.person, source.mention, source.cue, source.saying
    to.how = carried(SAME_QUOTE.name, source.how, paragraph)


SHARE_WITHIN_PARAGRAPH, SAME_QUOTE = steps("carryover", _share_within_paragraph, _same_quote)
