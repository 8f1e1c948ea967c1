"""Every speaker says why: the rule that decided it, readable, and the catalogue written from the rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from embeddings.attribution import explain, steps_of
from embeddings.attribution.catalogue import catalogue
from embeddings.attribution.rule import TABLES, rule_named
from tests.conftest import ARTICLES
from tests.quotes_helper import quotes_of

DOCS = Path(__file__).resolve().parents[2] / "docs" / "attribution.md"


def test_the_rule_catalogue_in_docs_is_the_code_s() -> None:
    assert DOCS.read_text(encoding="utf-8") == catalogue(), "docs/attribution.md is stale: run `whosaid rules > docs/attribution.md`"


def test_every_rule_has_a_name_of_its_own_and_says_what_it_does() -> None:
    rules = [r for rules in TABLES.values() for r in rules]
    assert len({r.name for r in rules}) == len(rules)
    assert all(r.summary for r in rules), [r.name for r in rules if not r.summary]


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.stem)
def test_every_quote_names_the_rule_that_decided_its_speaker(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    title, _, body = text.partition("\n\n")
    for q in quotes_of(body, title):
        steps = steps_of(q.how)
        assert steps, f"no trace for {q.text!r}"
        assert all(rule_named(s.split(":")[0].split(" ")[0]) is not None for s in steps), q.how
        assert steps[-1].endswith(q.speaker if q.speaker else "nobody") or q.speaker in steps[-1], q.how


def test_a_pronoun_s_trace_goes_through_the_person_it_stands_for() -> None:
    (q,) = [q for q in quotes_of("Senator Jane Ortiz arrived late. \u201cWe will win this,\u201d she said.") if "win" in q.text]
    assert q.speaker == "Jane Ortiz"
    assert q.how == "resolve.pronoun_gendered: \u2018she\u2019 \u2192 Jane Ortiz, named in \u00b61"
    lines = explain(q.how).splitlines()
    assert lines[0] == q.how and "latest person of that gender" in lines[1]


def test_a_carried_speaker_names_both_rules() -> None:
    found = quotes_of("\u201cThe bridge will open in May,\u201d the engineer Tomas Berg said. \u201cIt is strong.\u201d")
    strong = next(q for q in found if "strong" in q.text)
    assert strong.speaker == "Tomas Berg"
    first, *rest = steps_of(strong.how)
    assert first == "carryover.share_within_paragraph" and rest == [
        "resolve.named_person: \u2018the engineer Tomas Berg\u2019 \u2192 Tomas Berg"
    ]
