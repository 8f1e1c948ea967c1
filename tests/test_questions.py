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
