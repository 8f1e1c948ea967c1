"""Rules as named data: each stage's rules are small functions in one ordered table, read top to
bottom; the first rule with an opinion decides, and the decision remembers which rule it was, so
every speaker can say why it is who it is."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from embeddings.attribution.cast import Person

if TYPE_CHECKING:
    from embeddings.attribution.cast import Person

C = TypeVar("C")


@dataclass(frozen=True)
class Decision:
    """A rule's verdict: a person, or a deliberate nobody (`person` None), with the mention it read."""

    person: Person | None
    mention: str | None
    #: the cue a carried speaker brings along ("Rubio said:" closing the paragraph before)
    cue: str | None = None
    #: the `how` of the quote a carried speaker comes from
    via: str = ""


@dataclass(frozen=True)
class Rule(Generic[C]):
    """One named rule of a stage. `decide` returns None for "no opinion"."""

    stage: str
    decide: Callable[[C], Decision | None]
    #: a step that runs on its own, not in a first-match table (a sharing pass, a byline)
    step: bool = False

    @property
    def name(self) -> str:
        return f"{self.stage}.{self.decide.__name__.lstrip('_')}"

    @property
    def summary(self) -> str:
        """The first line of the rule's docstring: what it decides, in words."""
        return (inspect.getdoc(self.decide) or "").split("\n\n")[0].replace("\n", " ")


def table(stage: str, *rules: Callable[[C], Decision | None]) -> tuple[Rule[C], ...]:
    """An ordered table of one stage's rules, registered for the rule catalogue."""
    made = tuple(Rule(stage, fn) for fn in rules)
    TABLES[stage] = made + TABLES.get(stage, ())
    return made


def steps(stage: str, *fns: Callable) -> tuple[Rule, ...]:
    """Named steps of a stage that run on their own (not first-match), registered for the catalogue."""
    made = tuple(Rule(stage, fn, step=True) for fn in fns)
    TABLES[stage] = TABLES.get(stage, ()) + made
    return made


def first_opinion(rules: Sequence[Rule[C]], context: C) -> tuple[Rule[C], Decision] | None:
    """The first rule with an opinion, and its decision; None when no rule has one."""
    for rule in rules:
        decision = rule.decide(context)
        if decision is not None:
            return rule, decision
    return None


def first_match(rules: Sequence[Rule[C]], context: C) -> tuple[Rule[C], Decision]:
    """As first_opinion, for a table whose last rule always decides."""
    found = first_opinion(rules, context)
    if found is None:
        raise LookupError(f"no rule of {rules[0].stage} decided")
    return found


#: every stage's table, by stage name, in the order the stages were imported
TABLES: dict[str, tuple[Rule, ...]] = {}


def rule_named(name: str) -> Rule | None:
    """The rule with this name ("resolve.pronoun_gendered"), if there is one."""
    return next((r for rules in TABLES.values() for r in rules if r.name == name), None)
