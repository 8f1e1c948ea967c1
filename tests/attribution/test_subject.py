"""Pinned cases of the cue's subject: each names the rule expected to decide its quote's speaker,
so a changed rule shows which cases move."""

from __future__ import annotations

import pytest

from tests.attribution.cases import Case, check, ids, ids_of, subject_in

CASES = [
    Case(
        "subject.no_subject",
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


# (rule, sentence, the cue's text, the speaker token it must find; None: none)
SUBJECT_CASES = [
    ("subject.according_to", "Unemployment rose in May, according to the Labor Department.", "according", "Department"),
    ("subject.person_in_footage", "The ad shows footage of Hillary Clinton asking, \u201cWhere is the money?\u201d", "asking", "Clinton"),
    (
        "subject.name_the_cue_hangs_on",
        "Erin Brockovich, the legendary environmental activist and lawyer, endorsed Sanders\u2019 approach Saturday, saying she would vote.",
        "saying",
        "Brockovich",
    ),
    ("subject.judged_for_saying", "Mr Blair attacked Mr Howard for saying the plan would cost billions.", "saying", "Howard"),
    ("subject.judged_for_saying", "The minister criticised the unions for claiming that jobs would go.", "claiming", "unions"),
    ("subject.judged_for_saying", "She accused the senator of suggesting that the vote was rigged.", "suggesting", "senator"),
    ("subject.grammatical_subject", "She was praised for saying that the vote was fair.", "saying", "She"),
    ("subject.grammatical_subject", "\u201cWe will win this,\u201d said spokesman Dan Fox.", "said", "Fox"),
    (
        "subject.sentence_subject",
        "Clinton talked up her \u201c50-state strategy,\u201d promising to campaign across the country.",
        "promising",
        "Clinton",
    ),
    (
        "subject.name_right_before",
        "Saturday at the Massachusetts Democratic state\u2019s party convention Sen. Elizabeth Warren (D-MA) said Trump was a "
        "\u201cproven failure\u201d in business.",
        "said",
        "Warren",
    ),
    (
        "subject.person_before_apposition",
        "There's a severe disconnect between this White House and our military,\u201d Flynn, a top Trump surrogate, said Thursday.",
        "said",
        "Flynn",
    ),
    (
        "subject.inverted_subject",
        "Said Ellis: \u201cI don\u2019t get the sense she\u2019s the least bit interested in tax reform.\u201d",
        "Said",
        "Ellis",
    ),
    ("subject.no_subject", "\u201cGo home now\u201d was written on the wall.", "written", None),
]


@pytest.mark.parametrize(("rule", "body", "cue", "speaker"), SUBJECT_CASES, ids=ids_of(SUBJECT_CASES))
def test_subject_rule(rule: str, body: str, cue: str, speaker: str | None) -> None:
    found, decided = subject_in(body, cue)
    assert decided == rule and (found.text if found is not None else None) == speaker
