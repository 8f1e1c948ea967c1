"""Passages: the retrieval unit. Whole sentences, grouped within and across paragraphs to the
size all-MiniLM-L6-v2 embeds well (it reads 256 word pieces), never cutting a quote if avoidable."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from embeddings.articles import Article
from embeddings.attribution import Quote

if TYPE_CHECKING:
    from embeddings.nlp import Sentence

MIN_WORDS = 60
MAX_WORDS = 180


@dataclass(frozen=True)
class Passage:
    """A run of whole sentences of one article. `text` == article.text[start:end]."""

    article_id: str
    text: str
    start: int
    end: int
    first_paragraph: int
    last_paragraph: int


def _words(article: Article, start: int, end: int) -> int:
    return len(article.text[start:end].split())


def _units(article: Article, sentences: list[Sentence], quotes: list[Quote]) -> list[tuple[int, int, int]]:
    """Paragraphs, or for a long paragraph, groups of sentences that do not split a quote."""
    inside = [(q.start, q.end) for q in quotes if q.kind != "indirect"]

    def cuts_quote(pos: int) -> bool:
        return any(s < pos < e for s, e in inside)

    units: list[tuple[int, int, int]] = []
    by_para: dict[int, list[Sentence]] = {}
    for sent in sentences:
        by_para.setdefault(sent.paragraph, []).append(sent)
    for number, para in enumerate(article.paragraphs, 1):
        start = article.paragraph_starts[number - 1]
        end = start + len(para)
        if len(para.split()) <= MAX_WORDS or number not in by_para:
            units.append((start, end, number))
            continue
        sents = by_para[number]
        piece_start = sents[0].start
        for prev, nxt in itertools.pairwise(sents):
            too_long = _words(article, piece_start, nxt.end) > MAX_WORDS
            if too_long and (not cuts_quote(nxt.start) or _words(article, piece_start, nxt.end) > 3 * MAX_WORDS):
                units.append((piece_start, prev.end, number))
                piece_start = nxt.start
        units.append((piece_start, sents[-1].end, number))
    return units


def make_passages(article: Article, sentences: list[Sentence], quotes: list[Quote]) -> list[Passage]:
    """Greedy grouping: close a passage once it has MIN_WORDS, or before it would pass MAX_WORDS."""
    passages: list[Passage] = []
    current: list[tuple[int, int, int]] = []

    def flush() -> None:
        if current:
            s, e = current[0][0], current[-1][1]
            passages.append(Passage(article.id, article.text[s:e], s, e, current[0][2], current[-1][2]))
            current.clear()

    for unit in _units(article, sentences, quotes):
        if current and _words(article, current[0][0], unit[1]) > MAX_WORDS:
            flush()
        current.append(unit)
        if _words(article, current[0][0], current[-1][1]) >= MIN_WORDS:
            flush()
    flush()
    return passages


def embed_text(article: Article, passage_text: str) -> str:
    """What the model reads: a short context line, then the passage."""
    context = " · ".join(x for x in (article.title, article.source, article.date) if x)
    return f"{context}\n{passage_text}"
