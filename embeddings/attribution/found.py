"""What attribution produces: a Quote, and the Found record each stage fills in on the way."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from embeddings.attribution.cast import Cast, Person
from embeddings.attribution.trace import said_by

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from embeddings.articles import Article
    from embeddings.marks import Stretch


@dataclass(frozen=True)
class Quote:
    """One attributed quotation. `text` == article.text[start:end], always."""

    article_id: str
    text: str
    start: int
    end: int
    paragraph: int
    kind: str
    speaker: str | None
    mention: str | None
    cue: str | None
    roles: tuple[str, ...] = ()
    #: the speaker is a group as this article names it ("Police"), not a person or organisation
    group: bool = False
    #: why this speaker: the rule that decided it and the mentions it went through
    how: str = ""


@dataclass
class Found:
    """A quote being attributed: what the stages have found so far."""

    start: int
    end: int
    paragraph: int
    kind: str
    person: Person | None
    mention: str | None
    cue: str | None
    group: int | None = None
    #: the cue is a verb of saying (or "according to"): else, with no speaker found, its subject
    #: is no speaker to show ("the social safety net" of "… become “a hammock …”")
    saying: bool = True
    #: inside what the sentence says was not said ("did not say whether he would “accept the
    #: result”"): whose words they are is unknown, and no other quote's speaker is lent to them
    unsaid: bool = False
    #: why this speaker (see Quote.how)
    how: str = ""

    @property
    def needs_speaker(self) -> bool:
        """No speaker or mention yet, and free to take a mate's (what no one said takes none)."""
        return self.person is None and self.mention is None and not self.unsaid


@dataclass
class Attribution:
    """Who a quote is given to while its paragraph is read, and why (`how`)."""

    person: Person | None = None
    mention: str | None = None
    cue: str | None = None
    saying: bool = True
    unsaid: bool = False
    how: str = ""


@dataclass(frozen=True)
class Said:
    """The speaker a paragraph hands to a quote paragraph after it ("Rubio said:", or its last attributed quote)."""

    person: Person | None
    mention: str | None
    cue: str | None
    how: str


@dataclass
class Paragraph:
    """One paragraph as the stages read it: its quoted stretches, their kinds, its cues."""

    number: int
    doc: Doc | None
    para: str
    offset: int
    stretches: list[Stretch]
    kinds: list[str]
    mask: list[bool]
    cues: list[Token]
    clauses: dict[int, Span | None]


@dataclass
class Reading:
    """What reading an article carries from one paragraph to the next."""

    article: Article
    cast: Cast = field(default_factory=Cast)
    found: list[Found] = field(default_factory=list)
    group: int = 0
    last: Said | None = None
    prev_open: bool = False
    #: the previous paragraph holds a direct quote of two words or more (a phrase in marks does not count)
    prev_quoted: bool = False

    def said_by(self, rule: str, person: Person | None, mention: str | None, at: int) -> str:
        return said_by(rule, person, mention, at, self.article.paragraph_starts)
