"""Finding quoted stretches by their quotation marks, tolerant of the mess real text has:
unbalanced marks, apostrophes, nested quotes and quotes that run over paragraph breaks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

DOUBLE_OPEN = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d", '"': '"'}
SINGLE_OPEN = {"\u2018": "\u2019", "'": "'"}
ALL_MARKS = set(DOUBLE_OPEN) | set(DOUBLE_OPEN.values()) | set(SINGLE_OPEN) | set(SINGLE_OPEN.values())
_OPEN_BEFORE = set(" \t\n([{\u2014\u2013-/:;,") | {"\u201c", '"', "\u00ab"}


@dataclass(frozen=True)
class Stretch:
    """The content between a pair of marks in one paragraph (marks excluded).

    `open_end`: the paragraph ended before a closing mark (the quote runs on).
    `mark_start`/`mark_end`: the positions of the marks (or the paragraph edge)."""

    start: int
    end: int
    mark_start: int
    mark_end: int
    double: bool
    open_end: bool = False


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _OPEN_BEFORE or before in ALL_MARKS) and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def find_stretches(text: str) -> list[Stretch]:
    """Top-level quoted stretches of one paragraph, double marks first, single where no double."""
    stretches: list[Stretch] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        # (a closing mark typed where the opening one belongs, when one closes it later:
        # ”Mr. Trump embodies …” ― Sonya Herridge)
        misused = ch == "\u201d" and _can_open(text, i) and _find_close(text, i + 1, ch, double=True) >= 0
        if (ch in DOUBLE_OPEN and (ch != '"' or _can_open(text, i))) or misused:
            close = "\u201d" if misused else DOUBLE_OPEN[ch]
            j = _find_close(text, i + 1, close, double=True)
            if j < 0:  # runs to the end of the paragraph: a multi-paragraph quote, or a stray mark
                s, e = _trim(text, i + 1, n)
                if e > s:
                    stretches.append(Stretch(s, e, i, n, True, open_end=True))
                break
            s, e = _trim(text, i + 1, j)
            if e > s:
                stretches.append(Stretch(s, e, i, j + 1, True))
            i = j + 1
            continue
        pair = _single_pair(text, i)
        if pair is not None:
            width, j = pair
            s, e = _trim(text, i + width, j)
            if e > s:
                stretches.append(Stretch(s, e, i, j + width, False))
            i = j + width
            continue
        i += 1
    return stretches


def _single_pair(text: str, i: int) -> tuple[int, int] | None:
    """(width of the marks, index of the closing mark) of a single-marked quote opened at `i`:
    the New York Times' ''…'' (two apostrophes standing for “), else '…' or ‘…’."""
    if text.startswith("''", i) and _can_open(text, i) and i + 2 < len(text) and not text[i + 2].isspace():
        j = _find_doubled_close(text, i + 2)
        if j > 0:
            return 2, j
    if text[i] in SINGLE_OPEN and _can_open(text, i):
        j = _find_close(text, i + 1, SINGLE_OPEN[text[i]], double=False)
        if j > 0:
            return 1, j
    return None


def _find_doubled_close(text: str, i: int) -> int:
    """Index of the '' closing a quote opened by '' before `i` (one not followed by a letter:
    "… 'Primates of Park Avenue,'  '' Ms. Ferriss noted"), or -1."""
    j = text.find("''", i)
    while j > 0 and j + 2 < len(text) and text[j + 2].isalnum():
        j = text.find("''", j + 1)
    return j


def _find_close(text: str, i: int, close: str, double: bool) -> int:
    """Index of the mark closing a quote opened before `i`, or -1 if the paragraph ends first."""
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == close and (close != '"' or _can_close(text, i) or i + 1 == n or _spaced_close(text, i)):
            if double or _can_close(text, i):
                return i
        elif double and ch == "\u201c" and close == "\u201d" and _can_close(text, i):
            return i  # an opening mark typed where the closing one belongs: “expedited review“ of
        elif double and ch in ('"', "\u201d") and ch != close and close in ('"', "\u201d") and _can_close(text, i):
            return i  # straight and curly marks mixed in one pair: "Oz has a huge bully pulpit,” said
        elif double and ch in ("\u201c", "\u00ab") and ch != close:
            # a fresh opening mark before any close: the earlier mark was stray
            inner = _find_close(text, i + 1, DOUBLE_OPEN[ch], double=True)
            if inner < 0:
                return -1
            i = inner
        elif not double and ch in ("\u201c", "\u201d", '"', "\n"):
            return -1  # single quotes never run across double marks or lines
        i += 1
    return -1


def _spaced_close(text: str, i: int) -> bool:
    """A straight mark set off by spaces right after the end of a sentence or of a nested quote
    closes the open quote: "… the term 'African American outreach,' " he told the group"."""
    return i >= 2 and text[i - 1] == " " and text[i - 2] in "'\u2019,.?!" and (i + 1 == len(text) or text[i + 1].isspace())


def inside(tok: Token, mask: list[bool] | None) -> bool:
    """Whether a token starts on a marked character of its paragraph (`mask`: one flag per
    character, for text inside quotation marks or inside reported speech)."""
    return mask is not None and tok.idx < len(mask) and mask[tok.idx]
