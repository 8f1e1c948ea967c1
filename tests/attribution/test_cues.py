"""Pinned cases of the cue of a quote: each names the rule expected to decide its quote's speaker,
so a changed rule shows which cases move."""

from __future__ import annotations

import pytest

from tests.attribution.cases import Case, check, ids

CASES = [
    Case(
        "cues.find_cue",
        "The banner over the stage was new. Below it, in red letters, “Make the city great again.”",
        "Make the city great again",
        None,
        None,
    ),
    Case(
        "cues.listed_with",
        "As Trump went on about “how the system is rigged,” and “wounded American families” and “our own struggling citizens,” Melanie said yes, over and over again.",
        "our own struggling citizens",
        "Trump",
        "mixed",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_cues(case: Case) -> None:
    check(case)
