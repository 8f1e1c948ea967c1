"""Pinned cases of speakers carried to quotes with no cue of their own: each names the rule expected to decide its quote's speaker,
so a changed rule shows which cases move."""

from __future__ import annotations

import pytest

from tests.attribution.cases import Case, check, ids

CASES = [
    Case(
        "carryover.after_narration",
        "His former business partner at Lenox, Lawrence B. Cummings, called him a master at bolting together deals. “He showed again and again an ability to put together deals that other people couldn't.”",
        "He showed again and again",
        "Lawrence B. Cummings",
        "direct",
    ),
    Case(
        "carryover.after_narration",
        'On "Face the Nation," Sen. Bernie Sanders (Vt.) named young voters\' exhaustion with bigotry as a reason to back Clinton. "The younger people are sick and tired of discrimination and racism."',
        "sick and tired",
        "Bernie Sanders",
        "direct",
    ),
    Case(
        "carryover.after_narration",
        "John Bolton distanced himself from the critics on Tuesday. “I am going to support him, and support him enthusiastically.”",
        "support him enthusiastically",
        "John Bolton",
        "direct",
    ),
    Case(
        "carryover.after_narration",
        "Bernie Sanders took questions on Sunday.\n\nSanders delivered a snappy retort: “No one is tearing this up. We're going to go forward.” He bemoaned the cost of health care.",
        "No one is tearing this up",
        "Bernie Sanders",
        "direct",
    ),
    Case(
        "carryover.introduced_before",
        "What “go after them” actually means is left to voters, since Donald Trump spoke only in bromides.\n\n“We have to do something and it’s the only way you stop it.”",
        "the only way you stop it",
        "Trump",
        "direct",
    ),
    Case(
        "carryover.introduced_before",
        'Here are the key points of the plan:\n\n"We will build the wall and fix the roads."',
        "fix the roads",
        None,
        "direct",
    ),
    Case(
        "carryover.named_before_colon",
        "DEMOGRAPHICS FAVOR CRUZ, BUT ECONOMY FAVORS TRUMP - David Wasserman: “Indiana, which bills itself as the Crossroads of America, has a lot of voters.”",
        "Crossroads of America",
        "David Wasserman",
        "direct",
    ),
    Case(
        "carryover.named_before_colon",
        'Hillary Clinton and Jeb Bush spoke on ISIS.\n\nClinton: "Our goal is not to deter or contain ISIS, but to defeat and destroy ISIS." Bush: "The mission is to destroy ISIS -- not to contain it."',
        "The mission is to destroy ISIS",
        "Jeb Bush",
        "direct",
    ),
    Case(
        "carryover.paragraph_before",
        "“We built this company from nothing,” said founder Sarah Lin.\n\n“Now it employs 3,000 people in six countries.”",
        "Now it employs 3,000 people",
        "Sarah Lin",
        "direct",
    ),
    Case(
        "carryover.paragraph_before",
        "Labour leader Jeremy Corbyn said: “This government has failed the young.\n\n“It has failed the old. It has failed everyone.”",
        "It has failed the old",
        "Jeremy Corbyn",
        "direct",
    ),
    Case(
        "carryover.paragraph_before",
        "In a statement, the chairman, Richard Brooks, said:\n\n“The board has full confidence in the management team.”",
        "full confidence in the management team",
        "Richard Brooks",
        "direct",
    ),
    Case(
        "carryover.paragraph_before",
        'Morton Blackwell has endorsed Sen. Ted Cruz for president.\n\nHe then listed the qualities necessary in a successful Republican nominee:\n\n"Has the candidate a record of personal activism?\n\n"Can the liberal media destroy any truly conservative candidate?"',
        "liberal media destroy",
        "Morton Blackwell",
        "direct",
    ),
    Case(
        "carryover.same_quote",
        "“We will rebuild the bridge this year.\n\n“It will take two years and a lot of money,” Mayor Alice Brennan said.",
        "rebuild the bridge this year",
        "Alice Brennan",
        "direct",
    ),
    Case(
        "carryover.share_within_paragraph",
        "“If you don't have a positive tone, you will have a hard time,” said Alfonso Aguilar, the executive director of the Latino Partnership for Conservative Principles, who also said that the two men must do more. “Hispanics won't vote for someone just because they're Hispanic.”",
        "Hispanics won't vote",
        "Alfonso Aguilar",
        "direct",
    ),
    Case(
        "carryover.share_within_paragraph",
        '"This is a disease," Chris Christie said. "It’s not a moral failing. It’s a disease."\nNeither Cruz nor Christie acknowledged the administration\'s efforts to combat the epidemic.',
        "not a moral failing",
        "Chris Christie",
        "direct",
    ),
    Case(
        "carryover.share_within_paragraph",
        'Donald Trump and Jeb Bush clashed over eminent domain.\n\n"Jeb wants to be a tough guy tonight," Trump shot back. "Let me talk."',
        "Let me talk",
        "Donald Trump",
        "direct",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_carryover(case: Case) -> None:
    check(case)
