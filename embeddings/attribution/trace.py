"""The trace of a decision, `how`: the rule that decided a quote's speaker and the mentions it went
through, short enough to store with every quote and readable enough to show."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from embeddings.attribution.cast import Person
from embeddings.attribution.rule import rule_named

if TYPE_CHECKING:
    from embeddings.attribution.cast import Person


def said_by(rule: str, person: Person | None, mention: str | None, at: int, paragraph_starts: list[int]) -> str:
    """A decision in words: "resolve.pronoun_gendered: ‘he’ → Marco Rubio, named in ¶2", where the
    person was last named before the mention at `at` (left out when the mention is the name)."""
    said = f"\u2018{mention}\u2019 \u2192 " if mention else ""
    if person is None:
        return f"{rule}: {said}nobody"
    named = person.last_mention(at)
    by_name = mention is not None and person.name.split()[-1].lower() in mention.lower()
    where = f", named in \u00b6{bisect_right(paragraph_starts, named)}" if named >= 0 and not by_name else ""
    return f"{rule}: {said}{person.name}{where}"


def carried(rule: str, how: str, paragraph: int | None = None) -> str:
    """A speaker carried from another quote: "carryover.same_quote ← ¶3 (resolve.named_person: …)"."""
    where = f" \u2190 \u00b6{paragraph}" if paragraph is not None else ""
    return f"{rule}{where} ({how})" if how else f"{rule}{where}"


_CARRIED = re.compile(r"^([a-z_]+\.[a-z_]+(?: \u2190 \u00b6\d+)?) \((.*)\)$")


def steps_of(how: str) -> list[str]:
    """The steps of a trace, outermost first: a carried speaker's source follows it."""
    out = []
    while (m := _CARRIED.match(how)) is not None:
        out.append(m.group(1))
        how = m.group(2)
    return [*out, how] if how else out


def rule_of(step: str) -> str:
    """The name of the rule a step of a trace names ("resolve.pronoun_gendered: ‘he’ → …")."""
    return re.split(r"[:\s]", step, maxsplit=1)[0]


def explain(how: str) -> str:
    """A trace as lines a reader can follow: each step, and in words what its rule does."""
    lines = []
    for step in steps_of(how):
        rule = rule_named(rule_of(step))
        lines.append(step)
        if rule is not None and rule.summary:
            lines.append(f"    {rule.summary}")
    return "\n".join(lines)
