"""A pinned attribution case: a snippet of news text, a fragment of one of its quotes, the speaker
it must get (None: nobody, never a guess), its kind, and the rule expected to decide it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from embeddings.articles import parse_text
from embeddings.attribution import steps_of
from embeddings.attribution.cues import _quote_mask
from embeddings.attribution.rule import rule_named
from embeddings.attribution.subject import subject_rule
from embeddings.attribution.trace import rule_of
from embeddings.marks import find_stretches
from embeddings.nlp import load_nlp, parse_articles
from tests.quotes_helper import quotes_of

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True)
class Case:
    rule: str
    body: str
    fragment: str
    speaker: str | None
    kind: str | None


def ids(cases: list[Case]) -> list[str]:
    """Readable ids, numbered within each rule: resolve.age_epithet[1], resolve.age_epithet[2], …"""
    return ids_of([(case.rule,) for case in cases])


def ids_of(rows: list[tuple]) -> list[str]:
    """The same ids for rows whose first item is the rule's name."""
    seen: Counter[str] = Counter()
    out = []
    for row in rows:
        seen[row[0]] += 1
        out.append(f"{row[0]}[{seen[row[0]]}]")
    return out


def subject_in(body: str, cue: str) -> tuple[Token | None, str]:
    """The speaker token the subject rules find for the cue `cue` of a one-paragraph snippet, and the rule."""
    (parsed,) = parse_articles([parse_text(f"Headline\n\n{body}", "snippet.txt")], load_nlp())
    doc, para = parsed.docs[0], parsed.article.paragraphs[0]
    token = next(t for t in doc if t.text == cue)
    found, rule = subject_rule(token, _quote_mask(len(para), find_stretches(para)))
    return found, rule.name


def check(case: Case) -> None:
    """The quote is found verbatim, with the speaker (a subset of its name words), kind and deciding rule."""
    assert rule_named(case.rule) is not None, f"no rule {case.rule}"
    found = quotes_of(case.body)
    matches = [q for q in found if case.fragment in q.text]
    assert matches, f"no quote containing {case.fragment!r} in {[q.text for q in found]}"
    q = min(matches, key=lambda q: len(q.text))  # the quote itself, not a reported clause around it
    if case.speaker is None:
        assert q.speaker is None, f"guessed {q.speaker!r} for an unresolvable speaker ({q.how})"
    else:
        assert q.speaker is not None and set(case.speaker.split()) <= set(q.speaker.split()), (q.speaker, q.mention, q.how)
    if case.kind is not None:
        assert q.kind == case.kind
    decided = rule_of(steps_of(q.how)[0])
    assert decided == case.rule, f"decided by {q.how}"
