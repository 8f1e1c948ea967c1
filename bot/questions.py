"""How a question is read: who said some words, what someone said (about something), or
anything else. People ask in many shapes ("Did Rubio say anything about Russia?", "What has
Umerov been saying?", "Quotes from Rubio on Russia"); each shape maps to one of three searches."""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"

#: Verbs of saying after "who" ("Who called the meeting productive?", "Who talked about Russia?").
_WHO_CUES = (
    r"said|says|say|called|calls|described|describes|claimed|claims|told|stated|declared|warned|"
    r"noted|added|argued|insisted|promised|wrote|tweeted|stressed|emphasi[sz]ed|remarked|predicted|"
    r"admitted|announced|suggested|vowed|pledged|asserted|mentioned|joked|complained|"
    r"(?:talked|spoke|commented)\s+(?:about|on|of)"
)
#: Verbs of saying in the forms "what did X <verb>" and "did X <verb> anything".
_VERBS = (
    r"say|said|tell|told|think|thought|claim|claimed|write|written|wrote|tweet|tweeted|note|noted|add|added|"
    r"argue|argued|announce|announced|promise|promised|warn|warned|mention|mentioned|comment|commented|"
    r"talk|talked|speak|spoke|spoken|call|called|describe|described"
)
_ING = r"saying|telling|claiming|writing|tweeting|arguing|announcing|promising|warning|thinking|talking|commenting"
_ABOUT = r"about|on|regarding|of|concerning|to|over"
_END = r"[\s?.!]*$"
#: What a question is about, after its verb: "… about Russia?", "… the meeting?", or nothing.
_TOPIC = rf"(?:\s+(?:{_ABOUT})\b)?(?:\s+(?P<about>.+?))?{_END}"

WHO_SAID = re.compile(
    r"^\s*(?:who|which\s+\w+(?:\s+\w+)?)\s+(?:(?:has|had|did|was|is)\s+)?"
    rf"(?:quoted\s+(?:as\s+)?saying|(?:{_WHO_CUES}))\b[\s,:]*(?:that\s+)?(?P<what>.+?){_END}",
    re.I | re.S,
)
WHAT_DID = re.compile(
    r"^\s*(?:what|how)\s+(?:did|does|has|have|had|do)\s+(?P<who>.+?)\s+"
    rf"(?:been\s+(?:{_ING})|{_VERBS})\b{_TOPIC}",
    re.I | re.S,
)
WHAT_IS = re.compile(
    rf"^\s*what(?:\s+(?:is|was|are|were)|'s|\u2019s)\s+(?P<who>.+?)\s+(?:{_ING})\b{_TOPIC}",
    re.I | re.S,
)
DID_SAY = re.compile(
    rf"^\s*(?:did|does|has|have|had|do)\s+(?P<who>.+?)\s+(?:ever\s+)?(?:{_VERBS})\b"
    rf"(?:\s+(?:anything|something|much))?{_TOPIC}",
    re.I | re.S,
)
#: "what Rubio said about Russia", asked as a request ("Tell me what …") or bare; not "what was said".
WHAT_SAID = re.compile(
    r"^\s*what\s+(?!(?:was|is|were|are|has|have|had|been|did|does|do)\b)(?P<who>.+?)\s+(?:has\s+|had\s+)?"
    rf"(?:said|says|told|tells|thinks|thought|wrote|writes|tweeted|claimed|claims|argued|argues|called|calls)\b{_TOPIC}",
    re.I | re.S,
)
QUOTES_FROM = re.compile(
    r"^\s*(?:(?:show|give|find|list|get)\s+(?:me\s+)?)?(?:(?:all|any|the)\s+)?(?:quotes|quotations|statements)\s+"
    rf"(?:from|by|of)\s+(?P<who>.+?)(?:\s+(?:{_ABOUT})\s+(?P<about>.+?))?{_END}",
    re.I | re.S,
)


@dataclass(frozen=True)
class Question:
    """`who_said`: the words to find a speaker for; `speaker` (and maybe `about`): whose quotes
    to show; neither: a question about the articles."""

    text: str
    who_said: str | None = None
    speaker: str | None = None
    about: str | None = None


def clean(text: str) -> str:
    """Words as typed, without the quotation marks around them."""
    return text.strip().strip(_QUOTE_MARKS).strip()


#: A polite opening that changes nothing: "Do you know who said …", "Can you tell me what …".
POLITE = re.compile(
    r"^\s*(?:(?:do|does)\s+(?:you|anyone|anybody)\s+know|(?:can|could|would)\s+you\s+(?:please\s+)?(?:tell|show)\s+me|"
    r"(?:please\s+)?tell\s+me|i\s+wonder|i\s+want\s+to\s+know|please)\b[\s,]*",
    re.I,
)
#: "Did anyone say …" asks who said it.
ANYONE = {"anyone", "anybody", "someone", "somebody", "any one", "any official", "any politician"}


def read_question(question: str) -> Question:
    """The question's shape; a question of none of these shapes searches the passages."""
    question = " ".join(question.split())
    asked = POLITE.sub("", question, count=1) or question
    for shape in (WHAT_DID, WHAT_IS, DID_SAY, WHAT_SAID, QUOTES_FROM):
        if m := shape.match(asked):
            who = clean(m.group("who"))
            about = clean(m.group("about")) if m.group("about") else None
            if who.lower() in ANYONE:
                return Question(question, who_said=about) if about else Question(question)
            return Question(question, speaker=who, about=about or None)
    if m := WHO_SAID.match(asked):
        return Question(question, who_said=clean(m.group("what")))
    return Question(question)
