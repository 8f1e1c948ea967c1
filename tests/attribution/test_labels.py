"""Pinned cases of bylines and transcript labels: each names the rule expected to decide its quote's speaker,
so a changed rule shows which cases move."""

from __future__ import annotations

import pytest

from tests.attribution.cases import Case, check, ids

CASES = [
    Case(
        "labels.dash_byline",
        "“He represents our greatest shame.” ― Sonya Herridge\n“He is ignorant of our culture.”― Pamela Padilla",
        "He is ignorant of our culture",
        "Pamela Padilla",
        "direct",
    ),
    Case(
        "labels.transcript_label",
        '"PENCE: Well, the question really should be why she invited him."',
        "the question really should be",
        "PENCE",
        "direct",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_labels(case: Case) -> None:
    check(case)
