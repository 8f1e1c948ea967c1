"""Questions as people type them: each shape is read as the search it asks for."""

from __future__ import annotations

import pytest

from bot.questions import read_question

SPEAKER_QUESTIONS = [
    ("What did Umerov say about the meeting?", "Umerov", "the meeting"),
    ("What did the secretary of state say about Russia?", "the secretary of state", "Russia"),
    ("What does Rubio think of Russia?", "Rubio", "Russia"),
    ("What did Rubio say?", "Rubio", None),
    ("Did Rubio say anything about Russia?", "Rubio", "Russia"),
    ("Has Rubio said anything about Russia?", "Rubio", "Russia"),
    ("Did Umerov mention the meeting?", "Umerov", "the meeting"),
    ("Has Rubio commented on the peace plan?", "Rubio", "the peace plan"),
    ("Did Rubio say the meeting was productive?", "Rubio", "the meeting was productive"),
    ("What has Rubio been saying about Russia?", "Rubio", "Russia"),
    ("What is Rubio saying about Russia?", "Rubio", "Russia"),
    ("What\u2019s Umerov saying?", "Umerov", None),
    ("How did Umerov describe the meeting?", "Umerov", "the meeting"),
    ("What did Trump call Clinton?", "Trump", "Clinton"),
    ("What did Rubio talk about?", "Rubio", None),
    ("Quotes from Rubio on Russia", "Rubio", "Russia"),
    ("show me quotes by Rubio", "Rubio", None),
    ("Can you tell me what Rubio said about Ukraine?", "Rubio", "Ukraine"),
    ("Tell me what the secretary of state thinks of Russia", "the secretary of state", "Russia"),
]

WHO_SAID_QUESTIONS = [
    ("Who said there is still a lot of work to be done?", "there is still a lot of work to be done"),
    ("Who called the meeting productive?", "the meeting productive"),
    ("Who said: \u201cour goal is a prosperous, strong Ukraine\u201d", "our goal is a prosperous, strong Ukraine"),
    ("Did anyone call the meeting productive?", "the meeting productive"),
    ("Has anybody said the war must end?", "the war must end"),
    ("Do you know who said the talks were productive?", "the talks were productive"),
    ("Which official said the meeting was productive?", "the meeting was productive"),
    ("Who is quoted as saying the war must end?", "the war must end"),
    ("Who talked about Russia?", "Russia"),
]

OTHER_QUESTIONS = [
    "Who is Rubio?",
    "What was said about Russia?",
    "What happened in Miami?",
    "Did the talks go well?",
    "How do I bake bread?",
]


@pytest.mark.parametrize(("question", "speaker", "about"), SPEAKER_QUESTIONS)
def test_questions_about_a_speaker(question: str, speaker: str, about: str | None) -> None:
    asked = read_question(question)
    assert (asked.speaker, asked.about, asked.who_said) == (speaker, about, None)


@pytest.mark.parametrize(("question", "words"), WHO_SAID_QUESTIONS)
def test_questions_about_who_said_some_words(question: str, words: str) -> None:
    asked = read_question(question)
    assert (asked.who_said, asked.speaker) == (words, None)


@pytest.mark.parametrize("question", OTHER_QUESTIONS)
def test_other_questions_search_the_articles(question: str) -> None:
    asked = read_question(question)
    assert (asked.who_said, asked.speaker, asked.about) == (None, None, None)


# Questions in readers' own words: a description of the speaker, any verb of saying or attitude.
DESCRIBED_QUESTIONS = [
    ("Which Tory frontbencher slammed the plan as a shambles?", "Tory frontbencher", "the plan as a shambles", "slam"),
    ("Which former Labour minister urged calm over the figures?", "former Labour minister", "calm over the figures", "urge"),
    ("Who was it that dubbed the budget a con?", None, "the budget a con", "dub"),
    ("Who once joked that the team could not lose?", None, "the team could not lose", "joke"),
    ("Someone insisted the deal was off - who?", None, "the deal was off", "insist"),
    ("Which spokesman, who quit last year, accused the board of lying?", "spokesman who quit last year", "the board of lying", "accuse"),
]


@pytest.mark.parametrize(("question", "described", "words", "verb"), DESCRIBED_QUESTIONS, ids=[q[0][:40] for q in DESCRIBED_QUESTIONS])
def test_who_said_with_a_description_and_any_verb(question: str, described: str | None, words: str, verb: str) -> None:
    asked = read_question(question)
    assert (asked.described, asked.who_said, asked.verb, asked.speaker) == (described, words, verb, None)


OPEN_SPEAKER_QUESTIONS = [
    ("What was Blair's view of the war?", "Blair", "the war"),
    ("What is Clinton's position on splitting up banks?", "Clinton", "splitting up banks"),
    ("How did Umerov respond to the proposal?", "Umerov", "the proposal"),
    ("How did Renault chairman Louis Schweitzer sum up the year?", "Renault chairman Louis Schweitzer", "the year"),
    ("Did Labour chairman Ian McCartney rule out a deal?", "Labour chairman Ian McCartney", "a deal"),
]


@pytest.mark.parametrize(("question", "speaker", "about"), OPEN_SPEAKER_QUESTIONS, ids=[q[0][:40] for q in OPEN_SPEAKER_QUESTIONS])
def test_speaker_questions_with_any_verb(question: str, speaker: str, about: str) -> None:
    asked = read_question(question)
    assert (asked.speaker, asked.about, asked.who_said) == (speaker, about, None)


@pytest.mark.parametrize(
    ("question", "since", "until"),
    [
        ("What did Tony Blair say about the war in January 2005?", "2005-01-01", "2005-01-31"),
        ("What did Rubio say on 30 November 2025?", "2025-11-30", "2025-11-30"),
        ("What did Rubio say about Russia?", None, None),
    ],
    ids=["month", "day", "none"],
)
def test_a_date_in_the_question_is_a_filter_not_a_topic(question: str, since: str | None, until: str | None) -> None:
    asked = read_question(question)
    assert (asked.since, asked.until) == (since, until)
    assert "2005" not in (asked.about or "") and "November" not in (asked.about or "")


def test_words_in_quotation_marks_are_kept_verbatim() -> None:
    asked = read_question("Who said \u2018we will not back down on this\u2019 about the strike?")
    assert asked.quoted == "we will not back down on this"
    assert read_question("Who's the minister's spokesman?").quoted is None
