"""Pinned cases of reported speech: each names the rule expected to decide its quote's speaker,
so a changed rule shows which cases move."""

from __future__ import annotations

import pytest

from tests.attribution.cases import Case, check, ids

CASES = [
    Case(
        "indirect.unsaid",
        "Hillary Clinton did not say whether she would “accept the result” of the vote.",
        "accept the result",
        None,
        "mixed",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_indirect(case: Case) -> None:
    check(case)
