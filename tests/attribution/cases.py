"""A pinned attribution case: a snippet of news text, a fragment of one of its quotes, the speaker
it must get (None: nobody, never a guess), its kind, and the rule expected to decide it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from embeddings.attribution import steps_of
from embeddings.attribution.rule import rule_named
from tests.quotes_helper import quotes_of


@dataclass(frozen=True)
class Case:
    rule: str
    body: str
    fragment: str
    speaker: str | None
    kind: str | None


def ids(cases: list[Case]) -> list[str]:
    """Readable ids, numbered within each rule: resolve.age_epithet[1], resolve.age_epithet[2], …"""
    seen: Counter[str] = Counter()
    out = []
    for case in cases:
        seen[case.rule] += 1
        out.append(f"{case.rule}[{seen[case.rule]}]")
    return out


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
    decided = re.split(r"[:\s]", steps_of(q.how)[0], maxsplit=1)[0]
    assert decided == case.rule, f"decided by {q.how}"
