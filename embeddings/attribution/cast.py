"""Who is who in an article: the people and organisations it mentions, their names, titles and
gender cues. The rule is: resolve when the article supports it, otherwise leave the speaker unknown."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

import gender_guesser.detector

from embeddings.attribution.lexicon import (
    AGENCIES,
    AUTHORING_VERBS,
    DOCUMENTS,
    FEMALE,
    FEMALE_TITLES,
    GROUP_NOUNS,
    KIN_NOUNS,
    MALE,
    MALE_TITLES,
    NOT_NAME_WORDS,
    OFFICE_QUALIFIERS,
    ORG_LABELS,
    ORG_TITLE_WORDS,
    ORG_WORDS,
    PARTICLES,
    PARTY_NAMES,
    PARTY_WORDS,
    PUBLICATION_WORDS,
    ROLE_NOUNS,
    TITLES,
)
from embeddings.marks import inside
from embeddings.nlp import original_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def _kin_before(tok: Token) -> bool:
    """Whether a name is introduced as someone's relative: "his daughter Ivanka Trump", "first
    lady Michelle Obama" (the president's wife)."""
    doc = tok.doc
    before = norm(doc[tok.i - 1].text) if tok.i > 0 else ""
    return before in KIN_NOUNS or (before == "lady" and tok.i > 1 and norm(doc[tok.i - 2].text) == "first")


def _org_named(ent: Span) -> Person | None:
    """An organisation as the entity names it, without article or possessive ("the Wall Street
    Journal's" → "Wall Street Journal"); None when nothing is left."""
    words = [t.text for t in ent if t.pos_ != "DET" and t.tag_ != "POS"]
    return Person(" ".join(words), {norm(w) for w in words} - {""}, org=True) if words else None


#: A web address as a name: "DailyMail.com" is an organisation, never a person.
_DOMAIN = re.compile(r"\.(com|org|net|gov|co\.uk)$", re.IGNORECASE)


_NAME_CHARS = re.compile(r"^[A-Z][\w.'\u2019-]*$")


#: A lower-case letter followed by a capital inside a word: once in "McDonald", twice in "RealClearPolitics".
_GLUED = re.compile(r"[a-z][A-Z]")


@lru_cache(maxsize=1)
def _detector() -> gender_guesser.detector.Detector:
    return gender_guesser.detector.Detector(case_sensitive=False)


def first_name_gender(name: str) -> str | None:
    """'m'/'f' when the first name is a clear case in gender-guesser's name list, else None."""
    words = name.split()
    if len(words) < 2:
        return None
    return {"male": "m", "female": "f"}.get(_gender_of(words[0]))


def _gender_of(first_name: str) -> str:
    """gender-guesser's answer for a first name; a hyphenated one by its first part ("Jean-Marc": Jean)."""
    return _detector().get_gender(first_name.split("-")[0])


def gendered_given_name(word: str) -> bool:
    """A first name gender-guesser gives a gender, if only mostly ("Bernie", "Sydney"); not one
    it calls androgynous, which takes in words like "Justice", "London" and "Sri"."""
    return _gender_of(word) in {"male", "female", "mostly_male", "mostly_female"}


def known_given_name(word: str) -> bool:
    """Whether gender-guesser lists the word as a first name of anyone ("Billie", "Jean"); a
    shouted word is a heading, not a name ("HOPE Hillary Clinton")."""
    return not (word.isupper() and len(word) > 2) and _gender_of(word) != "unknown"


def norm(word: str) -> str:
    return word.lower().replace("\u2019", "'").strip(".,'")


@dataclass
class Person:
    """One person (or organisation) of an article, with every name and title seen for them."""

    name: str
    words: set[str]
    titles: set[str] = field(default_factory=set)
    gender: str | None = None
    org: bool = False
    mentions: list[int] = field(default_factory=list)
    gender_from_title: str | None = None
    #: seen as a PERSON entity or with a full name: only such people are the antecedent of a
    #: pronoun (a lone capitalised word — "Debates", "Amendment" — may be no person at all)
    certain: bool = False
    #: a group named as the article names it ("Police", "Administration officials"): it speaks
    #: here, but is no one person and is never merged with another article's group of that name
    group: bool = False
    #: introduced as someone's relative ("his daughter Ivanka Trump"): a bare "Trump" means the other one
    relative: bool = False

    @property
    def party(self) -> str | None:
        """The party the titles seen for them name ("Republican presidential candidate"), if any."""
        return party_of(title_words(" ".join(self.titles).split()))

    def last_mention(self, at: int) -> int:
        """Where they were last named before `at` (-1: not yet)."""
        return max((m for m in self.mentions if m < at), default=-1)

    def add_title(self, title: str) -> None:
        title = " ".join(title.split()).strip(" ,").lower()
        if title and len(title) < 120:
            self.titles.add(title)


def _honorific(tok: Token) -> str | None:
    """The gender an honorific right before a name word gives ("Mrs. Clinton"), if any."""
    before = norm(tok.doc[tok.i - 1].text) if tok.i > 0 else ""
    return "m" if before in MALE_TITLES else "f" if before in FEMALE_TITLES else None


def _is_title(tok: Token) -> bool:
    """A title word, unless hyphenated to the word before it ("Magnus McEwen-King")."""
    return norm(tok.text) in TITLES and not (tok.i > 0 and _inner_hyphen(tok.doc[tok.i - 1]))


def _particle(tok: Token) -> bool:
    """A name particle between two name words."""
    doc = tok.doc
    return (
        tok.text in PARTICLES
        and 0 < tok.i < len(doc) - 1
        and bool(_NAME_CHARS.match(doc[tok.i - 1].text))
        and bool(_NAME_CHARS.match(doc[tok.i + 1].text))
        and doc[tok.i + 1].pos_ == "PROPN"
    )


def _headline(tok: Token) -> bool:
    """A line in title case ("Ted Cruz Apologizes To Ben Carson For Telling Supporters …"),
    where the tagger reads verbs as parts of names. The line, not the sentence: the parser runs
    a headline on into the plain line after it ("… Invasion Of Iraq / See photos from …")."""
    sent = tok.sent
    start = max((t.i + 1 for t in sent if t.i < tok.i and "\n" in t.text), default=sent.start)
    end = min((t.i for t in sent if t.i > tok.i and "\n" in t.text), default=sent.end)
    words = [t.text for t in tok.doc[start:end] if t.is_alpha and len(t.text) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def name_tokens(span: Span | list[Token]) -> list[Token]:
    """The capitalised name words of a mention (and particles between them), with titles and
    possessives dropped."""
    out = [
        t
        for t in span
        if (_NAME_CHARS.match(t.text) and (t.pos_ in {"PROPN", "NOUN", "ADJ", "X"} or t.i > t.sent.start or is_proper(t)))
        or _particle(t)
        or _hyphen_tail(t)
    ]
    # the name starts after the last title or role word: "Texas Senator Ted Cruz",
    # "Former Clinton Senior Adviser Sidney Blumenthal"
    if len(out) > 1 and _is_title(out[-1]) and norm(out[-1].text) not in ORG_TITLE_WORDS and out[-1].ent_type_ != "PERSON":
        return []  # a title of its own, cut from the name after it: "First Lady" (Michelle Obama)
    # (a party before a full name is no part of it: "Tory Liam Fox"; but "Tory Burch" is her name)
    cut = max(
        (
            k + 1
            for k, t in enumerate(out[:-1])
            if _is_title(t) or norm(t.text) in ROLE_NOUNS or (norm(t.text) in PARTY_NAMES and len(out) - k > 2)
        ),
        default=0,
    )
    names = [t for t in out[cut:] if t.tag_ != "POS" and t.lower_ not in NOT_NAME_WORDS]
    kept = [t for t in names if not _is_title(t) or (t.ent_type_ == "PERSON" and t is not names[0])]
    if len(kept) >= 3 and (kept[-1].tag_ in {"VBD", "VBG", "VBN", "VBZ"} or (kept[-1].tag_ == "NNPS" and _headline(kept[-1]))):
        kept = kept[:-1]  # a headline's verb glued to the name: "Ted Cruz Apologizes To Ben Carson", "Luciana Lopez Saying"
    if not kept and len(names) == 1 and names[0].ent_type_ == "PERSON":
        return names  # a surname that is also a title word: "King says …"
    # a caption's shouted words glued to a name ("GETTY Obama", "STREET BEATING Donald Trump"):
    # the name is the plainly written part, or the shouted one when that is two words and the
    # plain part a lone common word ("AMY SCHUMER Comedian")
    shouted = [t for t in kept if t.text.isupper() and t.text.isalpha() and len(t.text) > 1]
    if shouted and len(shouted) < len(kept):
        plain = [t for t in kept if t not in shouted]
        return plain if len(plain) > 1 or len(shouted) == 1 or plain[0].ent_type_ == "PERSON" else shouted
    return kept


def unlikely_name(tokens: list[Token]) -> bool:
    """Headings, shouting and datelines the parser takes for names ("IOWA POLLS",
    "MAKE MEXICO GREAT", "Washington (AFP)"); a known person's name is checked before this."""
    words = [t.text for t in tokens if t.text.isalpha()]
    if words and all(w.isupper() for w in words) and any(len(w) > 3 for w in words):
        return True
    doc = tokens[-1].doc
    after = tokens[-1].i + 1
    return after + 1 < len(doc) and doc[after].text == "(" and doc[after + 1].lower_ in AGENCIES


def _someone_else(role: Token) -> bool:
    """A noun joined by "and" to a name that stands for someone or something else ("the prime
    minister and Mr Brown", "his supporters and Mr Sanders", "two men and …"), not a second role
    of the same person ("actress and activist Kamala Lopez")."""
    return role.tag_ in {"NNS", "NNPS"} or role.ent_type_ == "PERSON" or any(c.dep_ in {"det", "poss", "nummod"} for c in role.children)


def is_proper(tok: Token) -> bool:
    """A name word: tagged a proper noun, or capitalised inside a sentence, or a capitalised
    sentence-initial subject that is not a common group word ("Manafort said", "Sanders tells")."""
    if tok.pos_ == "PROPN" or (tok.pos_ == "ADV" and tok.ent_type_ == "PERSON" and tok.is_title):  # "Desailly says …", as parsed
        return True
    if not _NAME_CHARS.match(tok.text) or tok.pos_ not in {"NOUN", "ADJ", "VERB", "X"}:
        return False
    if tok.i > tok.sent.start:
        return tok.pos_ != "VERB"
    low = norm(tok.text)
    return tok.dep_.startswith("nsubj") and low not in GROUP_NOUNS | ROLE_NOUNS and not tok.is_stop


def _full_name_after_title(before: Token, tok: Token) -> bool:
    """A PERSON entity of two or more words at `tok`, after a word that is not a given name."""
    doc = tok.doc
    full = tok.ent_type_ == "PERSON" and tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I"
    return full and not known_given_name(before.text)


def _inner_hyphen(tok: Token) -> bool:
    """A hyphen with no space on either side after a word ("Coca-Cola"), not a dash between
    words nor a letter's ("G-III", "I-Vt.")."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return tok.text == "-" and before is not None and len(before.text) > 1 and not before.whitespace_ and not tok.whitespace_


def _hyphen_tail(tok: Token) -> bool:
    """The lower-case end of a hyphenated name the tagger marks as part of a person's: "moon" in "Ban Ki-moon"."""
    doc = tok.doc
    return (
        tok.ent_type_ == "PERSON"
        and tok.text.isalpha()
        and tok.i >= 2
        and _inner_hyphen(doc[tok.i - 1])
        and bool(_NAME_CHARS.match(doc[tok.i - 2].text))
    )


def name_chains(span: Span) -> list[list[Token]]:
    """Runs of adjacent proper-noun tokens in a span, cut at organisation words and entities."""
    chains: list[list[Token]] = []
    current: list[Token] = []
    for tok in span:
        if current and _inner_hyphen(tok) and tok.i + 1 < span.end and is_proper(tok.doc[tok.i + 1]):
            continue  # "Coca-Cola", "Wealth-X": the tokenizer's hyphen inside one name
        proper = is_proper(tok) or (bool(current) and _particle(tok))
        # an entity ends the chain at the next one, and a full name after a word that is no given
        # name starts a chain of its own: "New York City Public Advocate Trish James"
        breaks = current and tok.ent_iob_ == "B" and (current[-1].ent_iob_ != "O" or _full_name_after_title(current[-1], tok))
        if proper and tok.tag_ != "POS" and not breaks:
            current.append(tok)
            nxt = tok.doc[tok.i + 1] if tok.i + 1 < span.end else None
            # an organisation word ends a name ("White House Press Secretary Josh Earnest") unless
            # the organisation's entity goes on with another ("the National Police Agency")
            goes_on = nxt is not None and nxt.ent_iob_ == "I" and nxt.ent_type_ == "ORG" and norm(nxt.text) in ORG_WORDS
            if norm(tok.text) in ORG_WORDS and not goes_on:
                chains.append(current)
                current = []
        else:
            if current:
                chains.append(current)
            current = [tok] if proper and tok.tag_ != "POS" else []
    if current:
        chains.append(current)
    return chains


_NOT_PEOPLE_LABELS = {"DATE", "TIME", "GPE", "LOC", "NORP", "CARDINAL", "ORDINAL", "EVENT", "WORK_OF_ART", "LAW", "MONEY", "PERCENT"}


_CALENDAR = set(
    """
    april august december february friday january july june march may monday november october
    saturday september sunday thursday tuesday wednesday
    """.split()
)


def not_a_person(tokens: list[Token]) -> bool:
    """Places, dates, nationalities and the like ("Tuesday", "New Hampshire", "OH")."""
    if all(t.ent_type_ in _NOT_PEOPLE_LABELS for t in tokens):
        return True
    if len(tokens) == 1:
        text = tokens[0].text
        return norm(text) in _CALENDAR or (text.isupper() and len(text) <= 3)
    return False


def looks_like_org(tokens: list[Token]) -> bool:
    """An organisation, place or group rather than a person. An entity label only counts when
    the chain is the whole entity: spaCy's small model tags "the … Council Rustem Umerov" as ORG."""
    if not tokens:
        return False
    if any(norm(t.text) in ORG_WORDS or _DOMAIN.search(t.text) for t in tokens):  # "DailyMail.com", "GunBroker.com"
        return True
    if tokens[0].ent_type_ not in ORG_LABELS or any(t.ent_type_ != tokens[0].ent_type_ for t in tokens):
        return False
    doc = tokens[0].doc
    ent = next((e for e in doc.ents if e.start <= tokens[0].i < e.end), None)
    if ent is None or given_name(ent):
        return False
    return ent.end == tokens[-1].i + 1 and all(t.pos_ == "DET" for t in doc[ent.start : tokens[0].i])


def given_name(ent: Span) -> bool:
    """An entity tagged ORG that is a person by its first name ("Carly Fiorina", with "Carly"
    tagged an adverb), or tagged anything but a person and given an age ("Adil Salahi, 76,"
    tagged a place): two or three name words, none an organisation's word, and no article ("the
    so-called Ferguson Effect" is no one)."""
    tokens = [t for t in ent if not _inner_hyphen(t)]  # "Magnus McEwen-King"
    return (
        not any(c.dep_ == "det" for c in ent.root.children)
        and 2 <= len(tokens) <= 3
        and all(_NAME_CHARS.match(t.text) for t in tokens)
        and not any(norm(t.text) in ORG_WORDS or _is_title(t) for t in tokens)
        and ((ent.label_ == "ORG" and first_name_gender(ent.text) is not None) or (ent.label_ != "PERSON" and aged(ent.root)))
    )


def aged(tok: Token) -> bool:
    """A name followed by an age between commas ("Adil Salahi, 76, told the Mail"): a person."""
    return any(
        c.dep_ == "appos" and c.text.isdigit() and 0 < int(c.text) < 120 and c.i == tok.i + 2 and tok.doc[tok.i + 1].text == ","
        for c in tok.children
    )


def _as_written(pairs: list[tuple[Token, str]]) -> str:
    """A name's words as the article writes them: the tokenizer splits "Lopez-Cantera" and
    "Jean-Marc" at the hyphen, which the name keeps."""
    out = pairs[0][1]
    for k, ((prev, _), (tok, word)) in enumerate(pairwise(pairs), 1):
        doc = tok.doc
        joined = tok.i == prev.i + 2 and doc[prev.i + 1].text == "-" and not prev.whitespace_ and not doc[prev.i + 1].whitespace_
        if joined and min(k, len(pairs) - k) >= 2:
            joined = False  # two names on either side: "the Muhammad Ali-Joe Frazier fight"
        out += ("-" if joined else " ") + word
    return out


def title_words(words: Iterable[str]) -> set[str]:
    """Normalised words of a title or description, each party under one spelling."""
    return {PARTY_WORDS.get(w, w) for w in (norm(w) for w in words)}


def description_words(tokens: Iterable[Token]) -> set[str]:
    """The nouns, names and adjectives of a description, normalised as titles are ("the GOP nominee")."""
    return title_words(t.text for t in tokens if t.pos_ in {"NOUN", "PROPN", "ADJ"})


def party_of(words: Iterable[str]) -> str | None:
    """The party a title or description names, if it names exactly one."""
    parties = {PARTY_WORDS[w] for w in words if w in PARTY_WORDS}
    return parties.pop() if len(parties) == 1 else None


def _word_set(person: Person) -> frozenset[str]:
    """A name's words without punctuation: "Chicago Sun-Times" as one entity or as "Sun - Times"."""
    return frozenset(w for w in person.words if any(c.isalnum() for c in w))


def _latest(pairs: Iterable[tuple[int, Person | None]]) -> tuple[int, Person | None]:
    """The (offset, person) pair with the highest offset, or (-1, None)."""
    return max(pairs, default=(-1, None), key=lambda pair: pair[0])


def _latest_within(pairs: list[tuple[int, Person | None]], at: int, window: int) -> Person | None:
    """The person of the latest pair before `at`, if it lies less than `window` characters back."""
    off, person = _latest((off, p) for off, p in pairs if off < at)
    return person if at - off < window else None


@dataclass(frozen=True)
class _Marked:
    """A paragraph as Cast.read sees it: its parse, where it starts, which characters are quoted or reported."""

    doc: Doc
    offset: int
    quoted: list[bool] | None
    reported: list[bool] | None

    def outside(self, tok: Token) -> bool:
        """Outside quotation marks."""
        return not inside(tok, self.quoted)


class Cast:
    """The people of one article, built as its paragraphs are read, then queried for resolution."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.mentions: list[tuple[int, Person, bool]] = []  # (offset, person, was a subject)
        self.speakers: list[tuple[int, Person]] = []  # named speakers, in order of their quotes
        self.unnamed: list[tuple[int, str]] = []  # speakers the article leaves unnamed, by noun: (offset, "official")
        self.groups: list[tuple[int, Person | None]] = []  # plural subjects; a group that spoke is what "they said" refers to
        self.organisations: list[tuple[int, Person, bool]] = []  # named organisations (not speakers yet)
        self.subject_orgs: list[tuple[int, Person, bool]] = []  # any other organisation a sentence is about
        self.documents: list[tuple[int, str, Person]] = []  # (offset, kind, author): "the Post ran a feature"
        self.outlets: list[tuple[int, Person]] = []  # named newspapers and magazines: what "the paper said" refers to
        self.introduced: list[tuple[int, int, Person]] = []  # (start, end, person): "Henry Crespo, president of …"
        self.paragraphs: list[tuple[int, str]] = []  # (offset, text) of the paragraphs read so far
        self.places: Counter[str] = Counter()  # one-word places the tagger named so far, by how often
        self.named_people: Counter[str] = Counter()  # one-word PERSON entities so far, by how often

    # -- building -------------------------------------------------------------------------
    def spoke(self, at: int, person: Person) -> None:
        """`person` spoke at `at`: whom a later "he said" or "she added" may go on with."""
        self.speakers.append((at, person))

    def org_spoke(self, at: int, org: Person) -> None:
        """An organisation spoke at `at` ("the Sanders campaign said"): what a later "it said" refers to."""
        self.organisations.append((at, org, True))

    def note_unnamed(self, at: int, noun: str) -> None:
        """Someone the story does not name spoke at `at` ("a source", "the official"): a later epithet is not the person named last."""
        self.unnamed.append((at, noun))

    def note_group(self, at: int, group: Person | None) -> None:
        """A group spoke or was the subject at `at` ("Police said"): what a later "they said" refers to."""
        self.groups.append((at, group))

    def find(self, words: list[str], at: int | None = None, gender: str | None = None) -> Person | None:
        """The person a name refers to: a person whose names include all these words.
        With an honorific's `gender`, only one of that gender ("Mrs. Clinton" is not Bill);
        with several, the one mentioned most recently before `at`, or for a bare surname the
        person (not organisation or relative) mentioned most, first named on a tie."""
        keys = {norm(w) for w in words} - {""}
        if not keys:
            return None
        matches = [p for p in self.people if keys <= p.words]
        if gender is not None:
            # "Mr. Khan" after Ghazala Khan is someone else; a first name's gender can be wrong
            # ("Mr. Tribe" after Laurence H. Tribe), which leaves "Tribe" apart, not misattributed
            matches = [p for p in matches if p.org or p.gender in (None, gender)]
        elif len(keys) == 1:
            # "President Obama" is not "first lady Michelle Obama", even when he was never named in full
            # (but "Melania" is "his wife Melania Trump")
            matches = [p for p in matches if not (p.relative and len(p.words) > 1 and norm(p.name.split()[-1]) in keys)]
        if not matches:
            return None
        if len(matches) == 1 or at is None:
            return matches[0]

        def last_before(p: Person) -> int:
            before = [m for m in p.mentions if m <= at]
            return max(before) if before else -1

        if len(keys) == 1:
            # a bare surname is a person, not an organisation, nor a relative introduced as one ("his
            # daughter Ivanka Trump"); the namesake the story has mentioned most, not the latest one
            # ("Murphy" is Senator Chris Murphy after a line about Anne Marie Murphy); as often, the one
            # named first, as news introduces the protagonist first
            return max(
                matches, key=lambda p: (not p.org, not p.relative, len({m for m in p.mentions if m <= at}), -min(p.mentions, default=at))
            )
        return max(matches, key=last_before)

    def find_person(self, words: list[str], at: int | None = None) -> Person | None:
        """Like `find`, but only a person, never an organisation."""
        person = self.find(words, at)
        return person if person is not None and not person.org else None

    def add(self, tokens: list[Token], offset: int, org: bool = False, subject: bool = False, salient: bool = True) -> Person | None:
        """Register a name; `salient=False` for names inside quotes, which are never the
        antecedent of the speaker's "he"/"she" (the speaker talks about them)."""
        pairs = [(t, t.text.replace("\u2019", "'")) for t in tokens]
        if pairs and norm(pairs[-1][1]).endswith("'s"):
            pairs[-1] = (pairs[-1][0], pairs[-1][1][:-2])
        pairs = [(t, w) for t, w in pairs if norm(w)]
        if not pairs or any(len(_GLUED.findall(w)) >= 3 for _, w in pairs):
            return None  # scraped page furniture glued to names: "Jen BenderyFlagShareLikeReplyPaige Lavender"
        words = [w for _, w in pairs]
        shown = _as_written(pairs)
        person = self.find(words, offset, _honorific(tokens[0]))
        glued = self._glued_before(words, offset) if person is None and len(words) >= 3 and not org else None
        if glued is not None:
            person = glued
        elif person is None:
            person = self._extended(tokens, words, shown, org)
        elif len(words) > len(person.name.replace("-", " ").split()) and not person.org:
            person.name = shown
        if not person.org and person.gender_from_title is None:
            # the full name's given name decides once there is one: "Billie Jean King" (mostly
            # female, so no gender) is not the male "Jean King" the tagger saw first
            given = person.name.split()
            person.gender = first_name_gender(person.name) if len(given) > 1 and known_given_name(given[0]) else person.gender
        person.certain = person.certain or len(person.words) > 1 or any(t.ent_type_ == "PERSON" for t in tokens)
        person.mentions.append(offset)
        if salient:
            self.mentions.append((offset, person, subject))
        return person

    def _glued_before(self, words: list[str], offset: int) -> Person | None:
        """A full name already seen, with words glued before it by the tagger ("Leesburg, Virginia
        Donald Trump accused …", a page's "Invalid Email Christian Horner, the Red Bull team
        principal"): news writes the full name first, not last (a given name before it is part of
        the name: "Billie Jean King" after "Jean King")."""
        for k in range(1, len(words) - 1):
            rest = {norm(w) for w in words[k:]}
            named_first = any(known_given_name(w) for w in words[:k])
            glued = next(
                (p for p in self.people if p.words == rest and not p.org and p.mentions and (not named_first or min(p.mentions) < offset)),
                None,
            )
            if glued is not None:
                return glued
        return None

    def _extended(self, tokens: list[Token], words: list[str], shown: str, org: bool) -> Person:
        """A new name: a longer form of a shorter one seen earlier ("Rubio" then "Marco Rubio"), or a new person."""
        keys = {norm(w) for w in words}
        shorter = [p for p in self.people if p.words < keys and not p.org and not org]
        # … but "his daughter Ivanka Trump" is not the "Trump" of the story so far
        kin = _kin_before(tokens[0])
        person = shorter[-1] if len(shorter) == 1 and not kin else None
        # a given name of the other gender is someone else: "Mr. Obama and the first lady,
        # Michelle Obama" (her own person, as when "his wife" introduces her)
        if person is not None and person.gender and first_name_gender(shown) not in (None, person.gender):
            person = None
        if person is None:
            person = Person(shown, keys, org=org, relative=kin)
            self.people.append(person)
        # in a line written in title case a capitalised noun after a name is no part of it:
        # "President Obama Speech at Black Caucus Foundation" is Obama, not "Obama Speech"
        elif not (_headline(tokens[0]) and norm(words[-1]) not in person.words):
            person.words |= keys
            person.name = shown
        return person

    def read(self, doc: Doc, offset: int, quoted: list[bool] | None = None, reported: list[bool] | None = None) -> None:
        """Register the people of one paragraph: PERSON entities, their titles and gender cues.
        `quoted`/`reported` mark characters inside quotation marks / reported speech."""
        self.paragraphs.append((offset, doc.text))
        p = _Marked(doc, offset, quoted, reported)
        for ent in doc.ents:
            self._note_entity(ent, p)
        for tok in doc:
            self._note_missed_subject(tok, p)
        for tok in doc:
            self._note_titled_subject(tok, p)
        for i, tok in enumerate(doc):
            self._note_honorific(i, tok, p)
        for tok in doc:
            self._note_document(tok, p)

    def _topic(self, tok: Token, p: _Marked) -> bool:
        """Whether `tok` is what its sentence is about: the subject, or a name in apposition to it
        ("His former partner, Lawrence Cummings, called …"), also where the parser hung the name on a
        place or firm in the subject's phrase ("His partner at Lenox, Lawrence B. Cummings, called …")."""
        head = tok
        if head.dep_ == "poss":  # "Oz's dubious advice earned him …": Oz is who the sentence is about
            head = head.head
        if head.dep_ == "appos":
            head = head.head
            while head.ent_type_ in {"ORG", "GPE"} and head.dep_ == "pobj" and head.head.dep_ == "prep":
                head = head.head.head
        # the subject of a clause that only describes a noun is no topic of the story:
        # "Asked about the event that Clinton faces Trump, she replied" (she is not Clinton)
        # (a name the parser took for an adverb of its verb: "Desailly says the Russian's arrival …")
        lost = head.dep_ == "advmod" and head.ent_type_ == "PERSON" and head.i < head.head.i
        lost = lost and not any(c.dep_.startswith("nsubj") for c in head.head.children)
        if not (head.dep_.startswith("nsubj") or lost) or head.head.dep_ in {"relcl", "acl"} or inside(tok, p.reported):
            return False
        # the subject of a clause embedded under another subject's verb is not what the sentence is
        # about: "Christie's been making the case that Rubio isn't ready. “…,” he said" (Christie)
        verb = head.head
        if verb.dep_ not in {"ccomp", "advcl"} or inside(verb.head, p.quoted):
            return True
        return not self._about_the_main_subject(verb, p)

    def _about_the_main_subject(self, verb: Token, p: _Marked) -> bool:
        """A clause under another subject's verb is about that subject when it is a person ("If
        Clinton's wobbly on the TPP, she's …" is still about Clinton), or a "he"/"she" before the
        clause it governs ("he does believe McConnell is correct" is about whoever he is; not "Gray
        ticked through the code: “…,” he said", nor a clause that reports in turn: "He told Mr Trump …
        Mr Obama has previously said …"), through an adjective ("Ferguson is confident his young
        players … are up to the task") or a gerund's phrase ("Sanders did go further in trying to hold
        Snyder accountable")."""
        main = verb.head
        while main.dep_ in {"acomp", "xcomp", "pcomp", "prep"} and main.head.i != main.i:
            main = main.head
        reports = any(c.dep_ == "ccomp" for c in verb.children)
        return any(
            c.dep_.startswith("nsubj")
            and p.outside(c)
            and (
                (c.pos_ == "PROPN" and (c.ent_type_ == "PERSON" or self.find_person([c.text])))
                or (verb.dep_ == "ccomp" and c.i < verb.i and c.pos_ == "PRON" and norm(c.text) in MALE | FEMALE and not reports)
            )
            for c in main.children
        )

    def _note_entity(self, ent: Span, p: _Marked) -> None:
        """A named entity: a person (with titles and an introduction), an outlet, or an organisation."""
        # a one-word name the tagger took for a place again and again is that place (see
        # _a_place): "Clarkston became his home" (PERSON) after seven times a place
        if len(ent) == 1 and ent.label_ in {"PERSON", "GPE", "LOC"}:
            place = ent.label_ == "PERSON" and self._a_place(ent.text)  # judged before this one counts
            (self.named_people if ent.label_ == "PERSON" else self.places)[norm(ent.text)] += 1
            if place:
                return
        if self._note_body(ent, p):
            return
        by_name = given_name(ent)
        if ent.label_ != "PERSON" and not by_name and not self._person_by_role(ent):
            if ent.label_ == "ORG" and self._topic(ent.root, p) and p.outside(ent[0]):
                self._note_subject_org(ent, p.offset)
            return
        toks = [t for t in ent if not _inner_hyphen(t)] if by_name else name_tokens(ent)
        if not toks or len(toks) > 4 or any(norm(t.text) in ORG_WORDS for t in toks):
            return
        person = self.add(toks, p.offset + toks[0].idx, subject=self._topic(toks[-1], p), salient=p.outside(toks[0]))
        end = self.note_titles(toks, person) if person is not None else None
        if person is not None and end is not None and p.outside(toks[0]) and not inside(toks[0], p.reported):
            self.introduced.append((p.offset + toks[0].idx, p.offset + end, person))

    def _note_body(self, ent: Span, p: _Marked) -> bool:
        """A newspaper ("the Wall Street Journal editorial board": what "the paper" and "the editorial
        board" refer to; the small model tags "Politico" a person) and an organisation ("the Commission
        on Presidential Debates": what "the commission" and "it" may refer to later, kept apart from
        the people, so that "the Cruz campaign" never stands for Cruz). True when it was the latter."""
        outlet = (ent.label_ == "ORG" and any(norm(t.text) in PUBLICATION_WORDS for t in ent)) or (
            ent.label_ == "PERSON" and len(ent) == 1 and norm(ent.text) in PUBLICATION_WORDS
        )
        if outlet and p.outside(ent[0]) and (paper := _org_named(ent)) is not None:
            self.outlets.append((p.offset + ent.start_char, paper))
        if ent.label_ == "ORG" and len(ent) > 1 and any(norm(t.text) in ORG_WORDS for t in ent) and p.outside(ent[0]):
            if (org := _org_named(ent)) is not None:
                self.organisations.append((p.offset + ent.start_char, org, self._topic(ent.root, p)))
            return True
        return False

    def _note_missed_subject(self, tok: Token, p: _Marked) -> None:
        """A subject the small model's NER missed ("Secretary General Ban Ki-moon condemned …"; "Trump",
        tagged NN or even VB at the start of a sentence, when the article already named him)."""
        if (
            tok.dep_ not in {"nsubj", "nsubjpass"}  # "Rubio was asked by …" is about Rubio
            or norm(tok.text) in ORG_WORDS
            or not (tok.tag_ == "NNP" or (tok.pos_ != "PRON" and tok.text[:1].isupper() and self.find_person([tok.text]) is not None))
        ):
            return
        chain = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i >= tok.i - 3] + [tok]
        if tok.ent_type_ == "PERSON":  # "Public Advocate Trish James" (but "Billie Jean King")
            cut = max((k + 1 for k, c in enumerate(chain) if c.ent_type_ != "PERSON" and not known_given_name(c.text)), default=0)
            chain = chain[cut:]
        toks = name_tokens(chain)
        if not toks:
            return
        # but "a South Carolina Democrat" is no Carolina
        first_named = len(toks) == 2 and known_given_name(toks[0].text) and not any(t.ent_type_ in {"GPE", "LOC", "NORP"} for t in toks)
        if (
            tok.ent_type_ not in {"", "PERSON"} or looks_like_org(toks) or (len(toks) == 1 and self._a_place(tok.text))
        ) and not first_named:
            # "Trump", "Sanders" tagged ORG: a subject all the same when the article already named a
            # person so ("Donald Trump"), or when a first name says so ("CLEVELAND - Donald Trump
            # painted …", one ORG for the tagger)
            if self.find_person([t.text for t in toks]) is None:
                return
        person = self.add(toks, p.offset + toks[0].idx, subject=self._topic(tok, p), salient=p.outside(toks[0]))
        if person is not None:
            self.note_titles(toks, person)

    def _note_titled_subject(self, tok: Token, p: _Marked) -> None:
        """ "The Tory leader was asked …": a title the story gave someone, as the subject, makes them
        the one a following "He replies" is about."""
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.tag_ == "NN" and norm(tok.lemma_) in ROLE_NOUNS | TITLES and p.outside(tok):
            span = p.doc[tok.left_edge.i : tok.i + 1]
            if span[0].lower_ == "the" and not any(t.ent_type_ == "PERSON" or t.dep_ == "poss" for t in span) and self._topic(tok, p):
                person = self.by_title(description_words(span), p.offset + tok.idx)
                if person is not None and not person.org:
                    person.mentions.append(p.offset + tok.idx)
                    self.mentions.append((p.offset + tok.idx, person, True))

    def _note_honorific(self, i: int, tok: Token, p: _Marked) -> None:
        """ "Mr", "Mrs", "Lord": the gender of the person named next."""
        low = norm(tok.text)
        if low in MALE_TITLES | FEMALE_TITLES and i + 1 < len(p.doc):
            gender = "m" if low in MALE_TITLES else "f"
            nxt = self.find([p.doc[i + 1].text], p.offset + p.doc[i + 1].idx, gender)
            if nxt is not None and nxt.gender_from_title is None and nxt.gender in (None, gender):
                nxt.gender = nxt.gender_from_title = gender

    def _note_document(self, tok: Token, p: _Marked) -> None:
        """A document and its maker ("The Washington Post ran a feature"), for a later "the piece said"."""
        kind = DOCUMENTS.get(norm(tok.lemma_))
        if kind is not None and tok.pos_ == "NOUN" and p.outside(tok):
            author = self.author_of(tok, p.offset)
            if author is not None:
                self.documents.append((p.offset + tok.idx, kind, author))

    def _a_place(self, word: str) -> bool:
        """Whether the tagger has taken this one word for a place again and again, far more often
        than for a person, and the story named no such person (not "Rihanna", twice a place)."""
        places, people = self.places[norm(word)], self.named_people[norm(word)]
        return places >= 3 and places > 2 * people and self.find_person([word]) is None

    def _note_subject_org(self, ent: Span, offset: int) -> None:
        """An organisation a sentence is about ("Ameriquest was one of several firms sued …"): what
        "the company" refers to next (not "it", which on a bbc-2004/newsplease sample went as often
        to the wrong one as the right); none of several ("Tesco and Unilever clashed after the company said")."""
        named = _org_named(ent)
        if named is None or any(c.dep_ == "conj" for c in ent.root.children) or self.find_person([t.text for t in ent]) is not None:
            return
        org = self.find(list(named.words))  # "the Post" after "The Washington Post said"
        self.subject_orgs.append((offset + ent.start_char, org if org is not None and org.org else named, True))

    @staticmethod
    def _person_by_role(ent: Span) -> bool:
        """The small model tags some people's names as ORG; an apposition like
        ", secretary of …" or ", a spokesman" shows a person."""
        if ent.label_ not in {"ORG", "GPE", "NORP"} or any(norm(t.text) in ORG_WORDS for t in ent):
            return False
        return any(c.dep_ == "appos" and c.lemma_.lower() in ROLE_NOUNS | TITLES for c in ent.root.children)

    def note_titles(self, toks: list[Token], person: Person) -> int | None:
        """Premodifier titles ("secretary of State Marco Rubio") and appositions
        ("Rustem Umerov, secretary of …", "the head of the delegation, Rustem Umerov"); returns
        where the name and a role in apposition to it end (news introduces a newcomer so)."""
        appos = None
        doc = toks[0].doc
        sent_start = toks[0].sent.start
        j = toks[0].i
        while j > sent_start and toks[0].i - j < 8:
            t = doc[j - 1]
            if t.is_punct or t.pos_ in {"VERB", "AUX", "SCONJ", "PRON"} or t.tag_ == "POS":
                break
            if t.lower_ in {"of", "the", "and", "for"} or t.pos_ in {"PROPN", "NOUN", "ADJ"}:
                j -= 1
            else:
                break
        # only words that modify the name are its title: "Secretary of State Marco Rubio", but not
        # "the spokesman for Mrs. Clinton", "a positive view of Mr. Trump" nor "how good a prime
        # minister Gordon Brown will make" (the parser hangs the name on the role there)
        anchor = toks[-1]
        while anchor.dep_ in {"compound", "flat"} and anchor.head.i > anchor.i:  # "Charles Elliott III"
            anchor = anchor.head
        own = {t.i for t in anchor.subtree}
        role = anchor.head
        if (
            anchor.dep_ in {"appos", "conj"}
            and role.pos_ == "NOUN"
            and role.i < toks[0].i
            and doc[role.left_edge.i].lower_ not in {"a", "an"}
            and not (
                anchor.dep_ == "conj" and any(t.dep_ == "cc" or t.text == "," for t in doc[role.i + 1 : toks[0].i]) and _someone_else(role)
            )
        ):
            own |= {t.i for t in role.subtree if t.i < toks[0].i}  # "conservative chat host Hugh Hewitt", as parsed
        outside = [t.i for t in doc[j : toks[0].i] if t.i not in own]
        j = outside[-1] + 1 if outside else j
        premod = doc[j : toks[0].i]
        while len(premod) and premod[0].lower_ in {"of", "the", "and", "for"}:
            premod = premod[1:]
        if len(premod) and any(t.pos_ == "NOUN" or norm(t.text) in TITLES for t in premod):
            person.add_title(original_text(premod))
        head = toks[-1]
        for child in head.children:
            if child.dep_ == "appos" and child.i > head.i and doc[child.left_edge.i - 1].text == ",":
                span = doc[child.left_edge.i : child.right_edge.i + 1]
                if span.root.pos_ == "NOUN":
                    person.add_title(re.sub(r"^(the|a|an)\s+", "", original_text(span), flags=re.I))
                    appos = span.end_char
        if j > sent_start + 1 and doc[j - 1].text == ",":
            base = doc[j - 2]
            while base.dep_ in {"pobj", "prep"} and base.head.i < base.i:
                base = base.head
            if base.pos_ == "NOUN" and base.lemma_.lower() in ROLE_NOUNS | TITLES:
                lo = base.left_edge.i
                phrase = doc[lo : j - 1]
                person.add_title(re.sub(r"^(the|a|an)\s+", "", phrase.text, flags=re.I))
                appos = appos or toks[-1].idx + len(toks[-1])
        return appos

    def author_of(self, tok: Token, offset: int) -> Person | None:
        """Who made the document `tok` names, when the sentence says: its owner ("Clinton's ad",
        "a Hillary Clinton ad"), its "by", "from" or "in" phrase ("a statement issued by the Sanders
        campaign", "an article in Politico") or the subject that ran, released or wrote it ("The Washington Post ran a feature")."""
        owners = [c for c in tok.children if c.dep_ in {"poss", "compound"} and c.pos_ == "PROPN"]
        # an ad "in the Los Angeles Times" was only placed there; an article in Politico is Politico's
        preps = {"by", "from", "in"} if DOCUMENTS.get(norm(tok.lemma_)) == "press" else {"by", "from"}
        for child in tok.children:
            for t in [child, *child.children] if child.dep_ in {"acl", "amod"} else [child]:  # "data available from the FBI"
                if t.dep_ in {"agent", "prep"} and t.lower_ in preps:
                    owners += [o for o in t.children if o.dep_ == "pobj"]
        if tok.dep_ == "dobj" and norm(tok.head.lemma_) in AUTHORING_VERBS:
            owners += [c for c in tok.head.children if c.dep_ == "nsubj"]
        independent = tok.ent_type_ == "" and not any(c.dep_ == "poss" for c in tok.children)
        for owner in owners:
            author = self.named(owner, offset)
            if author is not None:
                return author
            # a one-word maker no one has named is an organisation: "a Gallup poll", "a Quinnipiac
            # poll", "a POLITICO analysis" (not "a Republican ad", "a Sunday poll", "its FEC reports",
            # nor a word of a name: "the U.S. Geological Survey", "Referee Graham Poll")
            if (
                owner.dep_ == "compound"
                and is_proper(owner)
                and owner.ent_type_ in {"ORG", "GPE", ""}
                and independent
                and not known_given_name(owner.text)
            ):
                return Person(owner.text, {norm(owner.text)}, org=True)
        return None

    def named(self, head: Token, offset: int) -> Person | None:
        """The person or organisation a noun phrase names ("the Washington Post", "Clinton",
        "the Sanders campaign"), or None for a description ("a reporter")."""
        doc = head.doc
        span = doc[head.left_edge.i : head.i + 1]
        # (an owner the tagger took for a common noun is a name all the same when the story knows
        # it: "Trump/NN ’s campaign", "Sanders/NNS ’ campaign" are not the latest campaign)
        chain = [
            t
            for t in span
            if t.tag_ != "POS"
            and t.dep_ != "case"
            and (is_proper(t) or (t.dep_ == "poss" and t.text[:1].isupper() and self.find_person([t.text]) is not None))
        ]
        if not chain or (head.i != chain[-1].i and norm(head.text) not in ORG_WORDS):
            return None  # "Mr Collett's family" is not Mr Collett
        # the name is the run of name words that ends the phrase: "Clinton campaign manager Robby
        # Mook" is Robby Mook (a lower-case word between them is a role, not a name's particle)
        for k in range(len(chain) - 1, 0, -1):
            if any(t.is_alpha and t.is_lower and not _particle(t) for t in doc[chain[k - 1].i + 1 : chain[k].i]):
                chain = chain[k:]
                break
        if norm(head.text) in ORG_WORDS or looks_like_org(chain):
            while span[0].pos_ == "DET":
                span = span[1:]
            # "the Washington Post" is one across articles; "the Sanders campaign" and "May's office"
            # are groups as the article names them, never merged with Sanders or May
            return Person(original_text(span), {norm(t.text) for t in span if t.tag_ != "POS"} - {""}, org=True, group=head.pos_ == "NOUN")
        toks = name_tokens(chain)
        person = self.find_person([t.text for t in toks], offset + head.idx) if toks else None
        if person is None and toks and len(toks) <= 4 and (head.ent_type_ == "PERSON" or len(toks) > 1):
            person = self.add(toks, offset + toks[0].idx, salient=False)
        return person

    def document_author(self, kind: str, at: int, window: int = 3000) -> Person | None:
        """The maker of the latest document of this kind before `at` ("The piece said" after
        "The Washington Post ran a feature")."""
        return _latest((off, p) for off, k, p in self.documents if k == kind and off < at and at - off < window)[1]

    def last_subject_before(self, at: int) -> Person | None:
        for off, person, subject in reversed(self.mentions):
            if off < at and subject and not person.org:
                return person
        return None

    # -- resolving ------------------------------------------------------------------------
    def recent(self, at: int, gender: str | None, window: int = 1500, party: str | None = None) -> Person | None:
        """The most salient person before `at`: the latest named speaker, else the latest subject,
        else the latest mention; agreeing in gender when the pronoun has one, and in party when
        the description names one ("the GOP nominee" is not the Democratic nominee)."""

        def fits(p: Person) -> bool:
            if p.org or not p.certain or (gender is not None and p.gender not in (None, gender)):
                return False
            return party is None or p.party in (None, party)

        # latest by position, not by when it was noted: a paragraph's speakers are noted after its names
        subj_at, last_subject = _latest((off, p) for off, p, s in self.mentions if off < at and s and fits(p))
        speaker_at, last_speaker = _latest((off, p) for off, p in self.speakers if off < at and fits(p))
        if at - speaker_at >= window:
            last_speaker = None
        if last_speaker is not None and last_subject is not None and last_subject is not last_speaker:
            return last_subject if subj_at > speaker_at and at - subj_at < 800 else last_speaker
        if last_speaker is not None:
            return last_speaker
        if last_subject is not None and at - subj_at < window:
            return last_subject
        return _latest((off, p) for off, p, _ in self.mentions if off < at and at - off < window and fits(p))[1]

    def latest_person(self, at: int, window: int = 1500) -> Person | None:
        """The person named last before `at`, subject or not: whom an age refers to ("… the shape of
        Emma Watson, who plays Hermione. The 14-year-old said …")."""
        return _latest((off, p) for off, p, _ in self.mentions if off < at and at - off < window and not p.org and p.certain)[1]

    def newcomer(self, before: int, at: int, gender: str) -> Person | None:
        """The person first named, with a role in apposition, last before `before`, when nobody has
        been named since, up to `at`: "… concerns Henry Crespo, president of …" / "“…,” he said"."""
        start, end, person = max((i for i in self.introduced if i[0] < before), default=(-1, -1, None), key=lambda i: i[0])
        # it overrides salience, so it takes a known gender that agrees ("Dirty Dancing, 98 Degrees and … posters" is no one)
        if person is None or person.org or min(person.mentions) != start or person.gender != gender:
            return None
        return None if any(end <= off < at for off, _, _ in self.mentions) else person

    def recent_org(
        self, at: int, word: str | None = None, window: int = 1500, any_subject: bool = False, press: bool = True
    ) -> Person | None:
        """The latest organisation before `at` with `word` in its name ("the commission said"),
        or without a word, the latest one that spoke or was a subject ("it said"); `any_subject`
        counts every organisation a sentence was about ("the company said"); without `press`, no
        newspaper that reported ("the group said" is not the Chicago Sun-Times)."""
        known = self.mentions + self.organisations + (self.subject_orgs if any_subject else [])
        papers = set() if press else {_word_set(o) for _, o in self.outlets}
        return _latest(
            (off, p)
            for off, p, s in known
            if p.org and off < at and at - off < window and (word in p.words if word else s) and _word_set(p) not in papers
        )[1]

    def recent_outlet(self, at: int, window: int = 1500) -> Person | None:
        """The newspaper or magazine named last before `at`: "the paper said", "the editorial board writes"."""
        return _latest_within(self.outlets, at, window)

    def recent_group(self, at: int, window: int) -> Person | None:
        """The group a "they" at `at` refers to: the latest plural subject, if it is a group that spoke ("Police said")."""
        return _latest_within(self.groups, at, window)

    def named_before(self, name: str, at: int) -> bool:
        """Whether the article has used `name` before `at` (an organisation the story already
        knows, so that "the former CEO of Hewlett-Packard" may be someone it named)."""
        return any(name in text[: max(0, at - offset)] for offset, text in self.paragraphs if offset < at)

    def by_title(self, words: set[str], at: int) -> Person | None:
        """A definite description ("the secretary of State") matched against known titles."""
        best, best_at = None, -1
        for person in self.people:
            for title in person.titles:
                named = title_words(title.split())
                if words and words <= named and not (named - words) & OFFICE_QUALIFIERS:
                    last = person.last_mention(at)
                    if last > best_at:
                        best, best_at = person, last
        return best
