"""Pinned cases of the cue's subject: each names the rule expected to decide its quote's speaker,
so a changed rule shows which cases move."""

from __future__ import annotations

import pytest

from tests.attribution.cases import Case, check, ids

CASES = [
    Case(
        "subject.cue_subject",
        "Mr. Slinker, whose latest start-up, Paradata, uses big data to help brands find suppliers, said Mr. Trump was a candidate very much in the spirit of Silicon Valley: ''He's a start-up kind of guy.''",
        "start-up kind of guy",
        None,
        "direct",
    ),
    Case(
        "subject.unspoken_passive",
        "At the debate, Rubio was asked whether it would “risk a war with Iran” to tear up the deal.",
        "risk a war with Iran",
        None,
        "mixed",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_subject(case: Case) -> None:
    check(case)
