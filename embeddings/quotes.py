"""Quotes and who said them: direct and mixed quotes found by their marks, indirect speech
("X said that …", "according to X, …") found in the parse, each with its cue verb and speaker.

Runs once per article at index time; every quote's text is a slice of the article's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from embeddings.marks import DOUBLE_OPEN, Stretch, find_stretches, inside
from embeddings.nlp import original_text
from embeddings.speakers import (
    AUTHORING_VERBS,
    DOCUMENTS,
    FEMALE,
    GROUP_NOUNS,
    MALE,
    OFFICE_QUALIFIERS,
    ORG_WORDS,
    PARTY_NAMES,
    PARTY_WORDS,
    PRONOUNS,
    ROLE_NOUNS,
    Cast,
    Person,
    aged,
    description_words,
    known_given_name,
    looks_like_org,
    name_chains,
    name_tokens,
    norm,
    not_a_person,
    party_of,
    unlikely_name,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from embeddings.nlp import ParsedArticle

SPEECH_VERBS = set(
    """
    accuse acknowledge add admit advise affirm agree allege announce answer argue ask assert
    attest begin blast boast brag call caution charge chime cite claim comment complain concede
    conclude confirm contend continue counter criticise criticize declare demand deny describe
    disclose dismiss emphasise emphasize exclaim explain go hail indicate insist joke lament
    laugh learn maintain mention mock muse note observe offer pledge point post praise predict
    proclaim promise put question quip quote recall recount reiterate remark remind reply report
    respond retort reveal say scoff shout slam sneer state stress suggest tell testify thank
    tout tweet urge vow warn whisper wonder write yell
    """.split()
)
#: Verbs whose complement clause is reported speech (for indirect quotes).
INDIRECT_VERBS = set(
    """
    acknowledge add admit affirm agree allege announce argue assert boast charge claim complain
    concede conclude confirm contend counter declare deny disclose emphasise emphasize explain
    indicate insist learn maintain mention note observe pledge point predict promise recall
    reiterate remind report reveal say state stress suggest tell testify tweet vow warn write
    """.split()
)
#: Verbs that report a promise or a demand as a to-clause ("promised to cut taxes", "urged
#: Congress to act") and verbs that report a charge or praise ("accused him of lying").
COMMISSIVE_VERBS = {"agree", "ask", "call", "offer", "pledge", "promise", "tell", "urge", "vow", "warn"}
#: Verbs whose object is the one told, so a "that" clause hung on the object is still what was said.
TELLING_VERBS = {"assure", "inform", "remind", "tell", "warn"}
#: Verbs whose object is what was said: "cited his endorsements from 88 generals", "called for
#: the repeal of Obamacare", "stressed her support of the raid".
NOMINAL_VERBS = {"acknowledge", "announce", "call", "cite", "demand", "deny", "emphasise", "emphasize", "mention", "question", "stress"}
JUDGING_VERBS = {"accuse", "blast", "charge", "criticise", "criticize", "hail", "mock", "praise", "slam", "thank"}
#: Verbs that report a question: "asked whether Republicans would hold the House".
QUESTION_VERBS = {"ask", "question", "wonder"}
#: Every verb `_reported_clause` reads.
REPORTING_VERBS = INDIRECT_VERBS | COMMISSIVE_VERBS | JUDGING_VERBS | NOMINAL_VERBS | QUESTION_VERBS
KINDS = ("direct", "mixed", "indirect")
_DASH_NAME = re.compile(
    r"[ \t\u00a0]*[\u2015\u2014\u2013-]+[ \t\u00a0]*([A-Z][\w.'\u2019-]*(?:[ \u00a0][A-Z][\w.'\u2019-]*){0,3})[ \t\u00a0]*(?:\n|$|,)"
)
_LISTED = re.compile(r"[\s,;]*(?:and|or|,)?[\s,]*")  # what joins quotes of one list: “A,” “B” and “C”
#: A dateline opening a story: "LONDON (Reuters) - ", "LA CROSSE, Wisc. — ", "Washington (AFP) – ".
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+)*|[A-Z][a-z]+(?: [A-Z][a-z]+)*(?= \())"
    r"(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)?(?: \([A-Za-z ]+\))? ?[-\u2013\u2014]{1,2} "
)
_LABEL = re.compile(r"([A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2}):\s")


@dataclass(frozen=True)
class Quote:
    """One attributed quotation. `text` == article.text[start:end], always."""

    article_id: str
    text: str
    start: int
    end: int
    paragraph: int
    kind: str
    speaker: str | None
    mention: str | None
    cue: str | None
    roles: tuple[str, ...] = ()
    #: the speaker is a group as this article names it ("Police"), not a person or organisation
    group: bool = False


@dataclass
class _Found:
    start: int
    end: int
    paragraph: int
    kind: str
    person: Person | None
    mention: str | None
    cue: str | None
    group: int | None = None
    #: the cue is a verb of saying (or "according to"): else, with no speaker found, its subject
    #: is no speaker to show ("the social safety net" of "… become “a hammock …”")
    saying: bool = True
    #: inside what the sentence says was not said ("did not say whether he would “accept the
    #: result”"): whose words they are is unknown, and no other quote's speaker is lent to them
    unsaid: bool = False

    @property
    def needs_speaker(self) -> bool:
        """No speaker or mention yet, and free to take a mate's (what no one said takes none)."""
        return self.person is None and self.mention is None and not self.unsaid


def _quote_mask(n: int, stretches: list[Stretch]) -> list[bool]:
    mask = [False] * n
    for s in stretches:
        for i in range(s.mark_start, min(n, s.mark_end)):
            mask[i] = True
    return mask


#: Verbs that speak only with "back": "Hillary shot back, “…”", "Trump fired back".
RETORT_VERBS = {"fire", "hit", "shoot", "strike"}


def _speaks(verb: Token) -> bool:
    """A verb of speech here: "continued to be" is not, "began talking about" and "shot back" are."""
    lemma = verb.lemma_.lower()
    if lemma in RETORT_VERBS:
        return any(c.lower_ == "back" and c.dep_ in {"advmod", "prt"} for c in verb.children)
    going_on = [c for c in verb.children if c.dep_ == "xcomp"] if lemma in {"begin", "continue"} else []
    if going_on:  # what is begun or continued decides
        return any(c.lemma_.lower() == "talk" or _speaks(c) for c in going_on)
    return lemma in SPEECH_VERBS


def _cue_tokens(doc: Doc, mask: list[bool]) -> list[Token]:
    out = []
    for tok in doc:
        if inside(tok, mask):
            continue
        if tok.pos_ in {"VERB", "AUX"} and _speaks(tok):
            if tok.lower_ == "called" and tok.i >= 2 and doc[tok.i - 2].lower_ == "so" and doc[tok.i - 1].text == "-":
                continue  # "the so-called Trans-Pacific Partnership"
            if tok.lemma_.lower() == "go" and not any(c.lower_ in {"on", "after", "far", "further"} and c.i > tok.i for c in tok.children):
                continue  # "went on", "went after X as “…”", "went so far as to say" speak; "the tram going too fast" does not
            out.append(tok)
        elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            out.append(tok)
    return out


def _subject(cue: Token, mask: list[bool] | None = None) -> Token | None:
    """The speaker token of a cue: its subject, the object of 'according to', or one found by
    climbing participles and relative clauses ("…, adding that", "Rubio, who said"). Words
    inside quotation marks are never the speaker (the parser may make a quoted title the subject)."""

    if cue.lower_ == "according":
        to = cue.doc[cue.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        return objs[0] if objs else None
    before = cue.doc[cue.i - 1] if cue.i > 0 else None
    if cue.tag_ == "VBG" and before is not None and before.ent_type_ == "PERSON" and before.dep_ == "pobj" and before.head.lower_ == "of":
        return before  # "footage of Hillary Clinton asking, “…”": she asks, not the ad
    # "Erin Brockovich, the … activist, endorsed Sanders' approach Saturday, saying she …": the parser
    # lost the main verb and hung the speech verb on the name; a verb that takes no person as object
    # is no passive there ("Clinton, asked about …" was asked)
    if cue.dep_ == "acl" and cue.head.ent_type_ == "PERSON" and cue.head.i < cue.i and norm(cue.lemma_) in INTRANSITIVE_SPEECH:
        if not inside(cue.head, mask) and not any(c.dep_ in {"agent", "auxpass"} for c in cue.children):
            return cue.head
    tok = cue
    for _ in range(4):
        subs = [
            c
            for c in tok.children
            if c.dep_ in {"nsubj", "nsubjpass"} and not inside(c, mask) and (any(ch.isalnum() for ch in c.text) or _share(c))
        ]
        # a poll's share the parser hung on the verb as a number: "About 4 in 10 say they want …"
        subs = subs or [c for c in tok.children if c.dep_ == "nummod" and c.i < tok.i and any(x.lower_ == "in" for x in c.children)]
        # "“Very good reporter,” Trump, the … frontrunner, said": the parser made the quoted words
        # the subject and the speaker their apposition
        subs += [
            a
            for c in tok.children
            if c.dep_ == "nsubj" and inside(c, mask)
            for a in c.children
            if a.dep_ == "appos" and a.ent_type_ == "PERSON" and not inside(a, mask)
        ]
        if (
            subs
            and tok.i == cue.head.i
            and cue.tag_ == "VBG"
            and tok.dep_ == "ccomp"
            and tok.head.i < tok.i
            and _speaks(tok.head)
            and not _speaks(tok)
        ):
            # "Gore insisted it was “premature” …, while adding …, “…”": the parser hung the
            # participle on what was insisted; it is the one who insisted who adds (not when what
            # the participle hangs on speaks itself: "Comey cannot say that “…,” Lewandowski added, saying")
            tok = tok.head
            continue
        if subs:
            # two subjects: a place or a date is the parser's mistake ("…in Berea, OH, …, Gov. John Kasich said")
            sub = next((s for s in subs if s.ent_type_ not in {"GPE", "LOC", "DATE", "TIME"}), subs[0])
            # of several, a person is the speaker: "said co-host Mika Brzezinski" (subjects "co", "-",
            # "Brzezinski"), "The rejection signals “…” for the EU, Geert Wilders … said" (but
            # "Several Republican leaders, including Sens. John McCain …" are a group)
            # nor "Voters, Clinton suggested, don’t have to worry": a parenthetical's speaker is the name before it
            aside = tok.dep_ == "parataxis" and any(s.i == tok.i - 1 and s.ent_type_ == "PERSON" for s in subs)
            if sub.tag_ not in {"NNS", "NNPS"} or aside:
                sub = next((s for s in subs if s.ent_type_ == "PERSON"), sub)
            if sub.pos_ == "ADP":  # "Of Carson, Levine, who …, said": the parser made the fronted "Of" the subject
                sub = next((c for c in sub.children if c.dep_ == "pobj"), sub)
            dateline = _DATELINE.match(cue.doc.text)
            if dateline and sub.idx < dateline.end():
                # "LONDON (Reuters) - Donald Trump said", "LA CROSSE, Wisc. — Gov. Mike Pence …, saying"
                later = [s for s in subs if s.idx >= dateline.end()]
                later = later or [t for t in sub.subtree if t.idx >= dateline.end() and t.head.idx < dateline.end()]
                return later[0] if later else None
            if sub.lower_ in {"who", "that"} and tok.dep_ == "relcl":
                return _relative_head(tok, mask)
            by = _agent(cue, mask) if sub.dep_ == "nsubjpass" and tok.i == cue.i and _passive(cue) else None
            if by is not None and norm(cue.lemma_) in PASSIVE_SAYING - QUESTION_VERBS:
                return by  # "was described by friends as a “caring person”": the friends speak, not the one described
            if tok.i == cue.i and (apposed := _name_running_in(sub, tok, mask)) is not None:
                return apposed
            return _name_beside(sub, tok, mask) or sub
        if tok.dep_ == "relcl":
            return _relative_head(tok, mask)
        if tok.i != cue.i and norm(tok.lemma_) in DOCUMENTS and tok.dep_ == "dobj" and tok.head.lemma_ in AUTHORING_VERBS:
            tok = tok.head  # "issued a statement Tuesday saying, …": whoever issued it
            continue
        # (a verb the parser left unattached, "dep", climbs to a verb only: "Majorities of Democrats
        # … going to the polls Tuesday say", not "That's a fraction of the $20 million experts say")
        if (
            tok.dep_ in {"advcl", "xcomp", "conj", "ccomp", "pcomp", "acl", "prep", "parataxis"}
            or (tok.dep_ == "dep" and tok.head.pos_ == "VERB")
        ) and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    # "Clinton seemed ready to riff on it, telling the crowd, “…”": the parser hung the
    # participle on the quote's verb; its subject is the sentence's
    root = cue.sent.root
    if cue.tag_ == "VBG" and inside(cue.head, mask) and root.i < cue.i and not inside(root, mask):
        subs = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"} and not inside(c, mask)]
        if subs:
            return subs[0]
    # "Sen. Elizabeth Warren (D-MA) said …" — the parser lost the subject behind a parenthesis
    left = cue.i - 1
    if left > 0 and cue.doc[left].text == "," and cue.doc[left - 1].text == ")":
        left -= 1  # "Gov. John Kasich (R-OH), said"
    if left >= 0 and cue.doc[left].text == ")":
        while left > cue.sent.start and cue.doc[left].text != "(":
            left -= 1
        left -= 1
    if (
        left >= cue.sent.start
        and (cue.doc[left].pos_ == "PROPN" or _adverb_name(cue.doc[left]))
        and cue.doc[left].ent_type_ in {"PERSON", ""}
    ):
        return cue.doc[left]
    # "…," Flynn, a top Trump surrogate, said — a person before an apposition the parser lost
    # (or a name with an age: "…,” Ramos, 58, told AFP", Ramos tagged an organisation)
    if left >= cue.sent.start and cue.doc[left].text == ",":
        for j in range(left - 1, max(cue.sent.start, cue.i - 14) - 1, -1):
            cand = cue.doc[j]
            if (
                (cand.ent_type_ == "PERSON" or (cand.pos_ == "PROPN" and aged(cand)))
                and not inside(cand, mask)
                and j + 1 < len(cue.doc)
                and cue.doc[j + 1].text == ","
            ):
                return cand
            if inside(cand, mask):
                break
    # "…," said Rubio — an inverted subject the parser attached elsewhere; only right after a
    # quote or a comma ("a Times article hailed Trump as …" has none, nor "urging Congress to");
    # "tell" is never inverted: "…,” Ramos, 58, told AFP" is told to AFP, by whoever the parser lost
    inverted = cue.tag_ != "VBG" and (cue.i == cue.sent.start or cue.doc[cue.i - 1].is_punct) and norm(cue.lemma_) != "tell"
    for right in cue.doc[cue.i + 1 : cue.i + 6] if inverted else []:
        if inside(right, mask):
            break
        if right.i + 1 < len(cue.doc) and cue.doc[right.i + 1].text == "-" and not right.whitespace_:
            continue  # "added the Uruguayan-born researcher" is no one called Uruguayan
        if right.pos_ == "PROPN" or right.lower_ in MALE | FEMALE or _adverb_name(right):
            while right.dep_ == "compound" and right.i < right.head.i < cue.i + 6 and right.head.pos_ == "PROPN":
                right = right.head  # "recalled Mr. Rhodes", the parser's object: the name, not the "Mr."
            if (
                right.dep_ in {"nsubj", "nsubjpass"}
                and right.head.dep_ == "ccomp"
                and right.head.head.i == cue.i
                and not _speaks(right.head)
                and not cue.doc[cue.i - 1].is_quote
                and cue.doc[right.i + 1 : right.i + 2].text != ","
            ):
                break  # "…, said Mr. Trump was a candidate …": the subject of what was said (not "“…,” said Robert Reich, who …")
            return right
        if right.pos_ in {"DET", "NOUN", "ADJ"} and right.dep_ in {"det", "compound", "amod", "nmod", "nsubj", "dobj", "npadvmod"}:
            continue  # "said spokesman Dan Fox", "beamed delegate Donald Hartley"
        if right.tag_ in {"VBN", "VBD"} and right.dep_ == "amod":
            continue  # "said retired neurosurgeon Ben Carson"
        break
    return None


def _agent(verb: Token, mask: list[bool] | None) -> Token | None:
    """Who did it, of a passive verb: "friends" in "was described by friends"."""
    return next((p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj" and not inside(p, mask)), None)


def _passive(verb: Token) -> bool:
    """A verb in the passive: "was described", not "he's said" (has said), which the parser may take for one."""
    return any(c.dep_ == "nsubjpass" for c in verb.children) and any(
        c.dep_ == "auxpass" and norm(c.text) != "s"
        for c in verb.children  # norm("’s") is "s"
    )


def _unspoken_passive(cue: Token, mask: list[bool] | None, first: Token | None) -> bool:
    """Quoted words inside a passive speech verb's clause that the sentence gives to no one: "the
    attachment is labelled “joke”" (by no one it says), "Rubio was asked by moderator Gerard Baker
    whether it would “risk …”" (the question is Baker's, but shown as his, Baker would be the "he"
    of Rubio's answer next). No other quote's speaker is lent to them. Words outside the clause
    are the subject's own ("When Trump was questioned about the dispute, his response … “…”")."""
    if norm(cue.lemma_) not in PASSIVE_SAYING or not _passive(cue) or (first is not None and first not in cue.subtree):
        return False
    return _agent(cue, mask) is None or norm(cue.lemma_) in QUESTION_VERBS


#: Speech verbs that take no person as object, so that a participle of them after a name is no passive.
INTRANSITIVE_SPEECH = set(
    """
    add argue claim comment concede declare explain insist joke note post quip remark reply
    respond say state tweet write
    """.split()
)


def _adverb_name(tok: Token) -> bool:
    """A surname the tagger took for an adverb ("said Skelly", "Early described it") or for a verb
    that is a subject ("Trump shot back"): capitalised inside a sentence, where an adverb or a verb
    is not, or opening it as a name ("Desailly says …", PERSON)."""
    return (
        (tok.pos_ == "ADV" or (tok.pos_ == "VERB" and tok.dep_ == "nsubj"))
        and tok.is_alpha
        and tok.text[:1].isupper()
        and not tok.is_upper
        and (tok.i > tok.sent.start or tok.ent_type_ == "PERSON")
    )


def _share(tok: Token) -> bool:
    """A poll's share written with a sign: "47% say …" (the subject token is the "%")."""
    return tok.text == "%" and any(c.dep_ == "nummod" for c in tok.children)


def _relative_head(clause: Token, mask: list[bool] | None) -> Token | None:
    """Who a relative clause is about: "Rubio, who said"; "Alfonso Aguilar, the executive
    director of …, who also said" is Aguilar, not a description to resolve."""
    head = clause.head
    if inside(head, mask):
        return None
    if head.dep_ == "appos" and head.pos_ == "NOUN" and head.head.ent_type_ == "PERSON" and not inside(head.head, mask):
        return head.head
    # "celebrities like Oprah Winfrey, Will Smith … and Stevie Wonder, who joked": the parser hangs the
    # clause on the first of the list; the one it follows is meant (not "…, who both said": all of them)
    conjuncts = [c for c in head.conjuncts if c.i > head.i]
    who = clause.left_edge
    if (
        head.ent_type_ == "PERSON"
        and conjuncts
        and who.lower_ in {"who", "whom"}
        and conjuncts[-1].right_edge.i + 2 == who.i
        and conjuncts[-1].ent_type_ == "PERSON"
        and not any(t.lower_ in {"both", "all", "each", "together", "jointly"} for t in clause.subtree)
    ):
        return conjuncts[-1]
    return head


def _name_beside(sub: Token, verb: Token, mask: list[bool] | None) -> Token | None:
    """ "“…,” Deborah Tamargo, the chairwoman of …, recalled": the parser made the description the
    subject and left the name beside it; the name, right before the comma, is the speaker."""
    start = sub.left_edge.i
    if sub.pos_ != "NOUN" or start < 2 or sub.doc[start - 1].text != ",":
        return None
    name = sub.doc[start - 2]
    if name.ent_type_ == "PERSON" and name.head.i in {verb.i, sub.i} and not inside(name, mask):
        return name
    return None


def _name_running_in(sub: Token, verb: Token, mask: list[bool] | None) -> Token | None:
    """ "To understand the real Dred Scott, Chief Justice Roberts said, …": a name in apposition to a
    named subject that runs right into the verb, with no comma to close it, is the one who speaks
    (between two names only: "The film's director Peter Chelsom said" keeps its description)."""
    if sub.ent_type_ != "PERSON":
        return None
    return next(
        (
            a
            for a in sub.children
            if a.dep_ == "appos"
            and a.ent_type_ == "PERSON"
            and a.right_edge.i + 1 == verb.i
            and a.doc[a.left_edge.i - 1].text == ","
            and not inside(a, mask)
        ),
        None,
    )


def _mention_span(tok: Token) -> Span:
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i
    # "described by friends as a “caring person”": the parser may hang the "as" on the speaker
    right = min([right, *(c.i - 1 for c in tok.rights if c.dep_ == "prep" and c.lower_ == "as")])
    if right - left > 25:  # a run-on subtree: keep the head and its close modifiers
        left, right = max(left, tok.i - 6), min(right, tok.i + 12)
    span = doc[left : right + 1]
    while (
        len(span) > 1 and span[-1].is_punct and not (span[-1].text == ")" and "(" in span.text) and span[-1].text != "%"
    ):  # keep "(D-Ill.)", "47%" whole
        span = span[:-1]
    while len(span) > 1 and span[0].is_punct:
        span = span[1:]
    return span


#: Nouns for a newspaper or magazine, which refer back to the one the story named last ("the paper said").
PUBLICATION_NOUNS = {"daily", "magazine", "newspaper", "paper", "publication", "tabloid", "weekly"}
#: … but "a white paper", "the research paper" are documents.
NOT_NEWSPAPERS = {"academic", "position", "research", "white", "working"}
#: "it said" refers to an organisation named at most this many characters before (a wider reach
#: found the White House for "what it calls", said of a group named just before in other words)
IT_WINDOW = 600
#: Nouns for any kind of organisation, which refer back as "it" does: "the group said", "The agency declined".
GENERIC_ORG_NOUNS = {"agency", "company", "firm", "group", "organisation", "organization", "outlet", "website"}
#: … of which these may be a newspaper.
PRESS_ORG_NOUNS = {"company", "firm", "outlet", "website"}


def _resolve(tok: Token, at: int, offset: int, cast: Cast, mask: list[bool], cue: Token) -> tuple[Person | None, str]:
    """Turn the speaker token of a cue into a person of the article (or None, never a guess).
    Names inside quotation marks (a book or show title) are never the speaker."""
    span = _mention_span(tok)
    mention = original_text(span)
    low = norm(tok.text)
    lemma = norm(tok.lemma_)
    if low in PRONOUNS and tok.pos_ == "PRON":
        if low in MALE | FEMALE:
            return _antecedent(tok, at, offset, cast), tok.text
        if low == "it":  # "it said": an organisation
            person = _referent_before(tok, at, offset, cast, mask, cue, documents=True)
            return (person if person is not None else cast.recent_org(min(at, offset + tok.idx), window=IT_WINDOW)), tok.text
        if low == "they":  # "Police said …" / "they said": the group that spoke last, if one did just before
            person = _referent_before(tok, at, offset, cast, mask, cue, documents=False)
            return (person if person is not None else cast.recent_group(min(at, offset + tok.idx), window=IT_WINDOW)), tok.text
        return None, tok.text
    if _adverb_name(tok):  # "said Skelly": only someone the story has named so
        person = cast.find_person([tok.text], at)
        if person is not None:
            cast.speakers.append((at, person))
        return person, tok.text
    chains = [c for c in name_chains(span) if name_tokens(c) and not inside(c[0], mask)]
    for c in chains:  # the small model tags many surnames ORG; a person of that name wins
        known = cast.find_person([t.text for t in name_tokens(c)], at) if looks_like_org(c) else None
        if known is not None and (tok in c or tok.head in c):
            cast.speakers.append((at, known))
            return known, mention
    possessors = {t.i for t in span if t.dep_ == "poss" or (t.i + 1 < len(tok.doc) and tok.doc[t.i + 1].tag_ == "POS")}

    def known(c: list[Token]) -> bool:
        return cast.find_person([t.text for t in name_tokens(c)], at) is not None

    def titled(c: list[Token]) -> bool:
        """A name with a person's role in apposition: "Will Estrada, the chairman for …" (tagged a work of art)."""
        return c[-1].pos_ == "PROPN" and any(a.dep_ == "appos" and norm(a.lemma_) in ROLE_NOUNS | EPITHETS for a in c[-1].children)

    people = [
        c
        for c in chains
        if not looks_like_org(c)
        and (known(c) or titled(c) or not (not_a_person(c) or unlikely_name(c)))
        and c[-1].i not in possessors
        # "the Lib Dem leader", "a senior Tory MP": a party is no one's name ("said Labour" is the party's)
        and (low in PARTY_SPOKESMEN or not _party_only(name_tokens(c)))
    ]
    # a name in a prepositional phrase of the subject is not the speaker: "the Commission on
    # Presidential Debates", "a spokesman for Senator Ted Cruz"
    # … except the author of a document: "a report by Politico", "an analysis by Lily Batchelder"
    document = lemma in DOCUMENT_NOUNS
    renamed = [c for c in people if _names_role(c, tok)]
    people = [c for c in people if tok in c or not _under_prep(c[-1], tok) or (document and _object_of(c[-1], tok, {"by"})) or c in renamed]
    # nor one in a clause that describes the subject ("Turkey, which occupies northern Cyprus, …
    # calling", "A woman who has accused Bill Clinton said"), except the maker of a thing ("a court
    # document filed by state attorney Dave Aronberg", "a speech Mrs. Clinton delivered")
    people = [c for c in people if tok in c or c in renamed or _alias(c[-1], tok) or _maker(c[-1], tok) or not _in_clause(c[-1], tok)]
    if lemma in ENTOURAGE or tok.tag_ == "NNS":  # "a senior Cruz adviser said", "Donald Trump fans slam" is not Cruz or Trump speaking
        people = [c for c in people if tok in c or c in renamed or not _modifies(c[-1], tok)]
    body = low in ORG_WORDS and low not in DOCUMENTS and tok.tag_ != "NNS"  # "the campaign", "May's office"
    if body:  # "the Clinton campaign said": not Clinton
        people = [c for c in people if tok in c or c[-1].head.i != tok.i]
    own = [c for c in people if any(t.i == tok.i or t.head.i == tok.i or t.head.head.i == tok.i for t in c)]
    # "Clinton spokesman Jesse Lehrich": Lehrich's own name first; "One Trump backer and Obama critic,
    # former House speaker Newt Gingrich": the name in apposition, not a modifier's
    own.sort(key=lambda c: (tok not in c, c[-1].dep_ != "appos"))
    own = renamed or own
    pick = own[0] if own else (people[-1] if people else None)
    if pick is not None:
        toks = name_tokens(pick)
        if len(toks) <= 4:
            person = cast.add(toks, offset + toks[0].idx, subject=True)
            if person is not None:
                cast.note_titles(toks, person)
                cast.speakers.append((offset + toks[0].idx, person))
            return person, mention
    # "another Muslim who worshiped at the Islamic Center" is not the centre
    orgs = [c for c in chains if looks_like_org(c) and not _in_clause(c[-1], tok)]
    if document:  # "the IMF report", "a new report by Politico": the organisation that wrote it
        # ("a Morning Consult Poll" is Morning Consult's, not the tagger's "Morning" alone; but "the
        # U.S. Geological Survey" is a name, and "Referee Graham Poll" a person)
        maker = tok.ent_type_ == "" and not any(known_given_name(t.text) for t in span)
        orgs = [c[:-1] if maker and c[-1].i == tok.i and len(c) > 1 else c for c in orgs]
        orgs = [c for c in orgs if c[-1].head.i == tok.i or _object_of(c[-1], tok, {"by"})]
    if lemma in SPOKESPEOPLE and tok.tag_ == "NN":  # "A spokeswoman for YouTube", "a YouTube spokeswoman": YouTube speaks
        # the organisation itself, not one inside its phrase ("a spokesman for Mayor Frank G. Jackson of Cleveland")
        own_orgs = [
            c
            for c in orgs
            if (c[-1].head.i == tok.i or _object_of(c[-1], tok, {"for", "of"}))
            and not any(t.ent_type_ in {"GPE", "LOC", "NORP"} for t in c)  # "a foreign ministry spokesman in Berlin", "the German …"
        ]
        own_orgs = [c for c in own_orgs if cast.find_person([t.text for t in name_tokens(c)], at) is None]
        if own_orgs:
            org = own_orgs[0]
            return cast.add(list(org), offset + org[0].idx, org=True, subject=True), mention
    # a demonym: "the Dutchman" (tagged ORG), "the Texan" (not "The Federalist", a magazine the
    # tagger calls NORP, nor "the Guardian" or "the Vatican")
    demonym = tok.text[:1].isupper() and (
        (low.endswith(("man", "woman")) and low not in ROLE_NOUNS) or (tok.ent_type_ == "NORP" and low.endswith(("an", "ese")))
    )
    after_the = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    the_one = tok.tag_ in {"NN", "NNP"} and after_the
    if demonym and low not in PARTY_WORDS and the_one:
        # "the Dutchman said" (tagged ORG), "the Irishman": an epithet for someone the story named
        # ("the Republican" is a role noun, resolved with the party below)
        return cast.recent(at, _noun_gender(low)), mention
    one_of = any(c.dep_ in {"det", "nummod"} and c.lower_ in {"a", "an", "one", "another"} for c in tok.children)
    party_member = low in PARTY_WORDS and the_one  # "the Democrat" is someone of that party, as "the Republican" is
    if orgs and tok.ent_type_ == "NORP" and (one_of or party_member or not any(t.i == tok.i for t in orgs[0])):
        orgs = []  # "another New Hampshire Democrat" is someone from there, not the state; "one Democrat" not the party
    if orgs and lemma in ROLE_NOUNS - SPOKESPEOPLE and not any(t.i == tok.i for t in orgs[0]):
        # "the Labour MP for Birkenhead", "a senior Tory MP", "Senator from Texas": a member speaks,
        # not the party or the place; but a name the role word ends is the organisation's ("The New
        # Hampshire Union Leader", a newspaper)
        glued = orgs[0][-1].i == tok.i - 1 and orgs[0][-1].dep_ == "compound"
        if not glued or _party_only(orgs[0]):
            orgs = []
    if orgs and (tok.pos_ == "PROPN" or any(t.i == tok.i for t in orgs[0]) or document):
        org = orgs[0]
        return cast.add(list(org), offset + org[0].idx, org=True, subject=True), mention
    if body and (org := cast.named(tok, offset)) is not None:
        if org.org:  # a speaking organisation is what a later "it said" refers to
            cast.organisations.append((offset + tok.idx, org, True))
        return org, mention  # "O'Malley's campaign says", "the Sanders campaign said"
    if body and (owner := next((t for t in tok.children if t.dep_ == "poss" and norm(t.text) in MALE | FEMALE), None)) is not None:
        # "her campaign said": the campaign of whoever "her" is, a group apart from the person
        person = _antecedent(owner, at, offset, cast)
        if person is not None:
            return Person(f"{person.name} {tok.lower_}", person.words | {low}, org=True, group=True), mention
    # a document speaks for its maker: "The piece said" after "The Washington Post ran a feature"
    paper = _document_of(tok)
    if paper is not None:
        author = cast.author_of(paper, offset)
        if author is None and any(t.lower_ in {"the", "this", "that"} for t in tok.doc[paper.left_edge.i : paper.i]):
            author = cast.document_author(DOCUMENTS[norm(paper.lemma_)], at)
        if author is not None:
            return author, mention
    # "said the 46-year-old": an age for a noun is an epithet for the story's salient person when
    # that is also the person named last ("… in the shape of Emma Watson, who plays Hermione. The
    # 14-year-old said" is not the actress who spoke before), and no one the story does not name
    # spoke since ("a 34-year-old woman said …")
    if lemma == "old" and after_the and any(c.dep_ == "npadvmod" and c.lower_ in {"year", "years"} for c in tok.children):
        person = cast.recent(at, None)
        if person is not cast.latest_person(at):
            return None, mention
        return (None if _unnamed_since(cast, person, at) else person), mention
    # a description: "the secretary of State", "the official", "a source"
    definite = any(t.lower_ in {"the", "this", "that"} or t.dep_ == "poss" for t in span[:3])
    words = description_words(t for t in span if t.i <= tok.i + 6)
    if definite and words:
        # "the two-term president": a known title without the adjectives that only describe (an
        # office qualifier, a party or a nationality stays: "the former president", "the GOP
        # nominee", "the German foreign ministry spokesman" is not the Taliban's)
        core = description_words(t for t in span if t.i <= tok.i + 6 and (t.i == tok.i or not _describes_only(t)))
        person = cast.by_title(words, at) or (cast.by_title(core, at) if lemma in ROLE_NOUNS and core != words else None)
        if person is not None:
            return person, mention
        if low in ORG_WORDS and tok.tag_ != "NNS" and (org := cast.recent_org(at, low)) is not None:
            return org, mention  # "the commission" after "the Commission on Presidential Debates"
        # "The agency declined" after "the FBI confirmed", as "it" would; but "Fiorina's speaking firm"
        # is hers, and "the organization that has declared a caliphate" someone new
        restrictive = any(c.dep_ in {"relcl", "acl"} and tok.doc[c.left_edge.i - 1].text != "," for c in tok.children)
        owned = any(t.dep_ == "poss" and t.pos_ in {"PROPN", "PRON"} for t in span[:3])  # but "the nation's largest gun group"
        if low in GENERIC_ORG_NOUNS and tok.tag_ != "NNS" and not owned and not restrictive:
            # (a newspaper is "the paper", "the outlet", "the website", not "the group" or "the agency")
            org = cast.recent_org(at, window=IT_WINDOW, any_subject=True, press=low in PRESS_ORG_NOUNS)
            if org is not None:
                return org, mention
        # "the paper said", "the editorial board writes", "the paper's editorial board": the newspaper named last
        # (not "a white paper", "the research paper")
        editorial = lemma == "board" and any(t.lower_ == "editorial" for t in span[:4])
        paper = (lemma in PUBLICATION_NOUNS and tok.tag_ != "NNS" and not any(t.lower_ in NOT_NEWSPAPERS for t in span)) or editorial
        if paper and not owned and not restrictive and (outlet := cast.recent_outlet(at)) is not None:
            return outlet, mention
        # "his wife", "my father" are someone else: an epithet refers back only after "the"
        possessor = next((t for t in span[:3] if t.dep_ == "poss"), None)
        epithet = lemma in EPITHETS and possessor is None
        # "the aide", "Clinton's spokesman": someone's entourage, whom the salient person of the story
        # is not, whoever it is (which leaves "Obama's former campaign strategist", said of David
        # Axelrod, unresolved); "the official" often is that person. "A second official", "the
        # official, who spoke on condition of anonymity" is someone the story does not name
        refers_back = lemma in REFERRING_ROLES or epithet
        unnamed = any(t.lower_ in UNNAMED_WORDS for t in span)
        # "the chairwoman of Florida's Hillsborough County GOP", of a body the story has not named
        # before, is someone new, not the latest woman
        unnamed = unnamed or any(not cast.named_before(name, offset + tok.idx) for name in _office_of(tok))
        if refers_back and not unnamed and tok.tag_ != "NNS":
            person = cast.recent(at, _noun_gender(low), party=party_of(words))
            if person is not None and person.party is None and words <= set(PARTY_WORDS.values()):
                # "The Democrat said", after Obama met Trump: a bare party is said to tell two people
                # apart, so it is whoever the story gave that party, not the man named last
                return None, mention
            # "the official" after "a Clinton campaign official said" is that official again
            if _unnamed_since(cast, person, at, lemma):
                return None, mention
            # "Pagliano's lawyer", "his lawyer": whoever it is, not the one whose lawyer they are
            if possessor is not None and person is not None and person is _possessor(possessor, at, offset, cast):
                return None, mention
            return person, mention
    if _is_group(tok) and _voiced(tok, cue):  # "Police said", "Administration officials say": the group speaks
        return _group_person(span, tok), mention
    if tok.pos_ == "NOUN":
        cast.unnamed.append((offset + tok.idx, lemma))
    return None, mention


#: What a group does with words or views besides SPEECH_VERBS: crowds chant, poll respondents think.
GROUP_VERBS = set(
    """
    believe boo cheer chant consider disagree expect express favor favour feel oppose prefer rate
    read scream see sign sing support think view voice vote want
    """.split()
)


#: Verbs whose subject is shown as the one who said a quote when the article does not say who
#: that is ("one Latino conservative dubbed it “the yuca primary”"); any other verb's subject is
#: no speaker ("the social safety net has become “a hammock …”").
SAYING_VERBS = SPEECH_VERBS | GROUP_VERBS | {"brand", "confess", "dub", "label", "nickname", "publish", "ridicule", "speak", "term"}

#: Speech verbs whose passive subject is who the words are about or put to, not who says them
#: ("was quoted as saying", "was reported to have said" are still theirs).
PASSIVE_SAYING = SAYING_VERBS - {"cite", "quote", "report"}


def _voiced(tok: Token, cue: Token) -> bool:
    """Whether the plural `tok` can be a group speaking through `cue`: people ("About 200
    protesters congregated, chanting …", "Aides to Mr. Sanders") or anything a speech verb makes
    speak; but "the balloons cascaded down" and "his endorsements will carry “a great deal of
    weight”" are no speakers."""
    lemma = cue.lemma_.lower()
    if cue.lower_ == "according" or lemma in SPEECH_VERBS | REPORTING_VERBS | GROUP_VERBS:
        return True
    noun = norm(tok.lemma_)
    agent = noun.endswith(("er", "or", "ist", "ian", "ant", "ent", "ee")) and not noun.endswith("ment")
    return agent or tok.ent_type_ == "NORP" or noun in COLLECTIVE_NOUNS or norm(tok.text) in GROUP_NOUNS


def _office_of(tok: Token) -> list[str]:
    """The proper names a role's phrase holds an office of ("the director of the European Centre"
    → "European Centre")."""
    names = []
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "for", "at"}:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "PROPN":
                chain = [c for c in obj.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [obj]
                names.append(tok.doc[chain[0].i : obj.i + 1].text)
    return names


def _noun_gender(low: str) -> str | None:
    """The gender a noun for a person gives ("spokeswoman", "the Dutchman", "his wife"), if any."""
    if low.endswith("woman") or low in FEMALE_NOUNS:
        return "f"
    if low.endswith("man") or low in MALE_NOUNS:
        return "m"
    return None


def _describes_only(t: Token) -> bool:
    """An adjective, number or hyphenated modifier that says nothing about which office ("two-term",
    "veteran"); not a qualifier, a party or a nationality ("former", "GOP", "German")."""
    doc = t.doc
    hyphened = (t.i + 1 < len(doc) and doc[t.i + 1].text == "-") or (t.i > 0 and doc[t.i - 1].text == "-")
    return (
        (t.pos_ in {"ADJ", "NUM"} or hyphened)
        and t.ent_type_ not in {"NORP", "GPE", "ORG", "PERSON"}
        and norm(t.text) not in OFFICE_QUALIFIERS
        and norm(t.text) not in PARTY_WORDS
    )


def _antecedent(tok: Token, at: int, offset: int, cast: Cast) -> Person | None:
    """The person "he"/"she" (or "his"/"her") refers to: its antecedent comes before the
    pronoun, not just before the quote. A quote that opens its paragraph right after a newcomer's
    introduction is theirs ("… Henry Crespo, president of the caucus." / "“…,” he said")."""
    gender = "m" if norm(tok.text) in MALE else "f"
    if at == offset and (newcomer := cast.newcomer(offset, offset + tok.idx, gender)) is not None:
        return newcomer
    here = min(at, offset + tok.idx)
    person = cast.recent(here, gender)
    # "The executive spokeswoman said …. She said: “…”" is that spokeswoman again, whom the story
    # does not name, when she spoke after the person's last mention and just before (not an aide,
    # who on train was as often the one a named person spoke with)
    last = person.last_mention(here) if person is not None else -1
    for off, noun in cast.unnamed:
        if last < off < here and here - off < UNNAMED_REACH and noun in SPOKESPEOPLE and _noun_gender(noun) in (None, gender):
            return None
    return person


def _unnamed_since(cast: Cast, person: Person | None, at: int, noun: str | None = None) -> bool:
    """Someone the story does not name (a `noun`, if given: "the official") was the subject of a
    sentence after `person` was last named and before `at`: a description then refers to them."""
    last = person.last_mention(at) if person is not None else -1
    return any(last < off < at and noun in (None, unnamed) for off, unnamed in cast.unnamed)


#: How far back (characters) an unnamed spokesman who spoke is still the "he" or "she" that follows.
UNNAMED_REACH = 400


def _possessor(tok: Token, at: int, offset: int, cast: Cast) -> Person | None:
    """Who "his", "Pagliano's" or "the president's" refers to, as far as the article's people tell."""
    if norm(tok.text) in MALE | FEMALE:
        return _antecedent(tok, at, offset, cast)
    if tok.pos_ == "NOUN":
        titled = cast.by_title(description_words(tok.subtree), at)
        return titled or (cast.recent(at, None) if norm(tok.lemma_) in ROLE_NOUNS else None)
    return cast.find_person([t.text for t in tok.subtree if t.pos_ == "PROPN"], at)


#: Person nouns news uses for someone it has just named ("the gambling tycoon said", "the
#: radioman added"); like the roles, they refer back to the most salient person.
EPITHETS = set(
    """
    activist anchor challenger columnist comedian commentator developer doctor editor
    entrepreneur father frontrunner front-runner historian husband incumbent investor
    journalist magnate mother neurosurgeon novelist pastor physician preacher publisher rabbi
    radioman rapper runner scholar scientist surgeon tycoon wife
    """.split()
)
FEMALE_NOUNS = {"actress", "mother", "wife"}
MALE_NOUNS = {"father", "husband"}
#: Singular nouns that name a group of people ("Police said", "the family said").
COLLECTIVE_NOUNS = {"audience", "crowd", "family", "police", "public", "staff"}
#: A part of a group: "52 percent of voters", "a majority of Americans", "a number of senators".
QUANTITY_NOUNS = {"fraction", "half", "majority", "minority", "number", "percent", "plurality", "quarter", "share", "third"}
#: People who speak for or about someone else: "a Clinton aide said" is not Clinton speaking.
ENTOURAGE = set(
    """
    adviser advisor aide ally associate attorney backer confidant confidante consultant donor
    friend insider lawyer loyalist official operative source spokesman spokesperson spokeswoman
    staffer strategist supporter surrogate
    """.split()
)
#: Role nouns that refer back to the story's salient person ("the official", "the senator"), not an entourage's.
REFERRING_ROLES = ROLE_NOUNS - (ENTOURAGE - {"official"})
#: Words by which news marks a source it does not name.
UNNAMED_WORDS = {"anonymity", "anonymously", "another", "other", "second", "third", "unidentified", "unnamed"}
#: Who speaks for an organisation as the organisation: "a spokeswoman for YouTube" is YouTube speaking.
SPOKESPEOPLE = {"spokesman", "spokesperson", "spokeswoman"}
#: Words that take a part of a group: "many of her supporters", "most of the delegates".
QUANTIFIERS = {"all", "few", "many", "most", "several", "some"}
#: Plural things the parser may make a subject of "show", "suggest", "say": no group of people
#: ("His eyes say …", "Clinton's attacks saying …", "Other controversial policies vowing …").
THING_NOUNS = {
    "attack",
    "bias",
    "bottle",
    "cheer",
    "comment",
    "concern",
    "datum",
    "data",
    "demand",
    "disruption",
    "eye",
    "factor",
    "figure",
    "finding",
    "fortune",
    "investment",
    "job",
    "mine",
    "name",
    "number",
    "policy",
    "practice",
    "promise",
    "reason",
    "remark",
    "result",
    "right",
    "rule",
    "statistic",
    "trailer",
}


def _is_group(tok: Token) -> bool:
    """A plural or collective common noun as the speaker ("Authorities", "many lawmakers");
    documents ("the reports") speak for an author instead, and "those few weeks" is no one."""
    lemma = "percent" if tok.text == "%" else norm(tok.lemma_)
    of_people = any(
        c.lower_ == "of" and any(o.dep_ == "pobj" and o.tag_ in {"NNS", "NNPS"} and norm(o.lemma_) not in _NOT_PEOPLE for o in c.children)
        for c in tok.children
    )
    if lemma in QUANTIFIERS:  # "Many of her Republican supporters say"
        return of_people
    if tok.pos_ == "NUM":  # a poll's share: "Six in 10 say", "About three in 10 said", "Nine in 10 Democratic voters say"
        return any(c.lower_ == "in" for c in tok.children)
    if tok.pos_ not in {"NOUN", "PROPN"} or norm(tok.text) in PRONOUNS or tok.ent_type_ in {"DATE", "TIME"}:
        return False
    if lemma in QUANTITY_NOUNS:  # "Only 52 percent of registered voters said", "a majority of Americans", "Thirty percent said"
        bare = not any(c.lower_ == "of" for c in tok.children)  # "Nearly half said", "A majority say"
        return (
            of_people
            or (bare and lemma not in {"number", "percent", "share"})
            or (lemma == "percent" and any(c.dep_ == "nummod" for c in tok.children))
        )
    if lemma in DOCUMENT_NOUNS | THING_NOUNS or norm(tok.text) in THING_NOUNS:
        return False
    return tok.tag_ in {"NNS", "NNPS"} or lemma in COLLECTIVE_NOUNS


def _note_groups(doc: Doc, offset: int, cues: list[Token], mask: list[bool], cast: Cast) -> None:
    """Plural subjects, for a later "they said": a group that speaks ("Police said") is what it
    refers to; any other plural subject ("the protesters marched", "the results show") comes
    between and leaves "they" unresolved."""
    speaking = {cue.i for cue in cues}
    for tok in doc:
        if tok.dep_ != "nsubj" or inside(tok, mask):
            continue
        pair = _named_together(tok, offset, cast)
        if pair is not None:
            cast.groups.append((offset + tok.idx, pair))
            continue
        is_group = _is_group(tok)
        if not (is_group or tok.tag_ in {"NNS", "NNPS"}):
            continue
        group = _group_person(_mention_span(tok), tok) if is_group and tok.head.i in speaking else None
        cast.groups.append((offset + tok.idx, group))


def _named_together(tok: Token, offset: int, cast: Cast) -> Person | None:
    """People the story has named, coordinated as one subject ("Professors Foner and Alba
    suggest …"): a later "they write" is the two of them."""
    heads = [tok, *tok.conjuncts]
    if len(heads) < 2 or any(h.pos_ != "PROPN" for h in heads):
        return None
    people: list[Person] = []
    for h in heads:  # each conjunct's head is the surname ("Professors Nancy Foner" → Foner)
        person = cast.find_person([h.text], offset + h.idx)
        if person is None or any(person is p for p in people):  # the same person, not an equal-looking one
            return None
        people.append(person)
    return Person(" and ".join(p.name for p in people), set().union(*(p.words for p in people)), group=True)


#: Words of a party's spokesman ("the Tory spokesman", "the Lib Dems' Treasury spokesman"), whom British news names:
#: the parties a name may open with, and Britain's by their other names.
PARTY_SPOKESMEN = PARTY_NAMES | set("conservative conservatives dem dems lib liberal plaid shadow snp tories".split())


def _party_only(tokens: list[Token]) -> bool:
    """Words that name a party and nothing else ("Lib Dem", "Tory"): no one's name."""
    return all(norm(t.text) in PARTY_SPOKESMEN for t in tokens)


def _note_unnamed(doc: Doc, offset: int, mask: list[bool], cast: Cast) -> None:
    """People the story introduces without a name ("a 26-year-old man", "a judge"): a later "the
    man said" is that person, not the last man the story named. A spokesman who speaks unnamed
    ("The executive spokeswoman said …") counts before the paragraph's quotes are read; a party's
    spokesman is a named frontbencher ("The Tory spokesman", after "Michael Ancram said")."""
    for tok in doc:
        lemma = norm(tok.lemma_)
        spokesman = (
            lemma in SPOKESPEOPLE
            and tok.dep_.startswith("nsubj")
            and not any(t.ent_type_ == "PERSON" or norm(t.text) in PARTY_SPOKESMEN for t in tok.subtree)
        )
        if (
            tok.pos_ == "NOUN"
            and (lemma in ROLE_NOUNS or lemma in EPITHETS or spokesman)
            and tok.dep_ not in {"appos", "attr", "compound"}
            and (spokesman or any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children))
            and not any(c.dep_ in {"appos", "compound"} and c.ent_type_ == "PERSON" for c in tok.children)
            and not inside(tok, mask)
        ):
            cast.unnamed.append((offset + tok.idx, lemma))


def _group_person(span: Span, tok: Token) -> Person:
    """A group speaker as the article names it, capitalised: "Police", "Many lawmakers"."""
    label = _group_label(span, tok)
    return Person(label[:1].upper() + label[1:], set(), group=True)


def _group_label(span: Span, tok: Token) -> str:
    """The group's words up to a comma, a bracket, a dash or a clause ("Central European leaders
    who have been …" → "Central European leaders", "Scott's relatives, including his wife" →
    "Scott's relatives", "29 percent of those surveyed" → "29 percent of those")."""
    end = span.end
    for t in span:
        if t.i > tok.i and (
            t.text in {",", "(", "—", "--"}
            or (t.text == "-" and t.doc[t.i - 1].whitespace_)  # "Some liberal economists - including …"
            or t.dep_ in {"relcl", "acl", "appos"}
            or (t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"})
        ):
            clause = t.head if t.dep_ in {"aux", "auxpass"} else t
            end = clause.left_edge.i if clause.dep_ in {"relcl", "acl", "appos"} or clause.pos_ in {"VERB", "AUX"} else t.i
            break
    return span.doc[span.start : max(end, tok.i + 1)].text.strip(" ,")


#: Documents speak for whoever wrote them ("the IMF report said", "according to a poll by …").
DOCUMENT_NOUNS = {"analysis", "article", "complaint", "letter", "memo", "poll", "report", "ruling", "statement", "study", "survey"}
#: Plurals that are no part of a group of people: "some of her emails" did not speak.
_NOT_PEOPLE = DOCUMENT_NOUNS | THING_NOUNS | DOCUMENTS.keys()


def _referent_before(tok: Token, at: int, offset: int, cast: Cast, mask: list[bool], cue: Token, documents: bool) -> Person | None:
    """What "it" or "they" refers to when the main-clause subject before it is a body ("Trump's
    campaign backtracked, putting out a statement. In cases of abortion, it said, …", "Clinton's
    campaign is seeking to contrast … what they call …") or, for "it", a document ("the paper notes
    …, it says"): the organisation, or the document's maker, who may be a person. Not the "it" of "It
    has been reported"."""
    thing = _subject_before(tok, mask) if tok.dep_ == "nsubj" else None
    if thing is None or not (documents or norm(thing.lemma_) in ORG_WORDS):
        return None
    person = _resolve(thing, at, offset, cast, mask, cue)[0]
    if person is not None and (person.org or (documents and norm(thing.lemma_) in DOCUMENTS)):
        return person
    return None


def _subject_before(tok: Token, mask: list[bool]) -> Token | None:
    """The main-clause subject before "it" or "they" in its paragraph, when that is a body or a
    document ("the campaign", "The piece"), which the pronoun then refers to; None when the subject
    before is anything else (another "it" is passed over: "it said … it added")."""
    for t in reversed(tok.doc[: tok.i]):
        if t.dep_ not in {"nsubj", "nsubjpass"} or inside(t, mask) or t.lower_ == "it":
            continue
        if t.head.dep_ != "ROOT" and not (t.head.dep_ == "conj" and t.head.head.dep_ == "ROOT"):
            continue  # a subject in a reported or subordinate clause: "Deutsche Bank said the court should …"
        lemma = norm(t.lemma_)
        return t if t.tag_ == "NN" and (lemma in DOCUMENTS or lemma in ORG_WORDS) else None
    return None


def _document_of(tok: Token) -> Token | None:
    """The document a speaker mention stands for: the mention itself ("the ad"), the one whose
    narrator speaks ("the ad's narrator", "a narrator in the Clinton ad") or whose results do
    ("results of the poll")."""
    if norm(tok.lemma_) in DOCUMENTS:
        return tok
    narrator = norm(tok.lemma_) in {"announcer", "narrator"}
    for c in tok.children:
        if narrator and c.dep_ == "poss" and norm(c.lemma_) in DOCUMENTS:
            return c
        if c.dep_ == "prep" and (c.lower_ == "of" or (narrator and c.lower_ == "in")):
            # "early results of exit polls conducted by Edison Research"
            return next((o for o in c.children if o.dep_ == "pobj" and norm(o.lemma_) in DOCUMENTS), None)
    return None


def _in_clause(t: Token, head: Token) -> bool:
    """Whether `t` sits in a clause that describes `head` ("a Muslim who worshiped at the Islamic
    Center"), rather than in its own phrase."""
    while t.head.i != t.i and t.i != head.i:
        if t.pos_ in {"VERB", "AUX"} and t.dep_ in {"relcl", "acl"}:
            return True
        t = t.head
    return False


def _object_of(t: Token, head: Token, preps: set[str]) -> bool:
    """Whether `t` is the object of a phrase of `head` opened by one of `preps` ("a report by
    Politico", "a spokeswoman for YouTube")."""
    return t.dep_ == "pobj" and t.head.lower_ in preps and t.head.head.i == head.i


#: Verbs by which someone makes what then speaks for them ("a declaration filed by …", "a speech … delivered").
MAKING_VERBS = (AUTHORING_VERBS - {"run"}) | {"commission", "compile", "conduct", "deliver", "draft", "give", "prepare", "present", "sign"}
#: Nouns of people that are no role: "a man attacked by …" is not speaking for his attacker.
PERSON_NOUNS = {"boy", "child", "girl", "individual", "man", "person", "victim", "woman"}


def _maker(t: Token, head: Token) -> bool:
    """Who made the thing `head` names, in the clause that describes it: "a court document filed by
    Dave Aronberg", "a speech Mrs. Clinton delivered" (not a person's attacker or accuser)."""
    if head.ent_type_ or norm(head.lemma_) in ROLE_NOUNS | EPITHETS | GROUP_NOUNS | PERSON_NOUNS:
        return False
    if t.dep_ == "pobj" and t.head.lower_ == "by":
        verb = t.head.head
        made = verb.dep_ == "acl" and verb.tag_ == "VBN"
    else:
        verb = t.head
        made = t.dep_ == "nsubj" and verb.dep_ == "relcl"
    # (made, not owned or led: "The company, majority-owned by Japan's Suzuki" speaks for itself)
    return made and verb.head.i == head.i and norm(verb.lemma_) in MAKING_VERBS


def _alias(t: Token, head: Token) -> bool:
    """A name the subject goes by: "the base chief known as Bob", "a man named John Smith"."""
    verb = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "as" else t.head if t.dep_ == "oprd" else None
    return verb is not None and verb.dep_ == "acl" and verb.head.i == head.i and norm(verb.lemma_) in {"call", "know", "name"}


def _names_role(chain: list[Token], tok: Token) -> bool:
    """A person's name set off by commas after a role's phrase names the role, not the thing in
    the phrase: "The author of the book, Mitchell Zuckoff, said", "The director of the European
    Centre, Ina Kirsch, told" (the parser hangs the name on "book", "Centre"). After a person's
    noun it would name that person: "a spokesman for the chairman, X"."""
    before = tok.doc[chain[0].i - 1] if chain[0].i > 0 else None
    if (
        norm(tok.lemma_) in ROLE_NOUNS
        and before is not None
        and before.ent_type_ in {"ORG", "GPE", "LOC", "FAC"}
        and chain[0].ent_type_ == "PERSON"
        and chain[0].ent_iob_ == "B"
        and _under_prep(chain[-1], tok)
    ):
        return True  # with no comma, glued by the parser to the body: "Shadow leader of the Commons Oliver Heald said"
    anchor = chain[-1].head
    thing = (anchor.pos_ == "NOUN" and anchor.ent_type_ == "") or anchor.ent_type_ in {"ORG", "GPE", "LOC", "FAC"}
    return (
        norm(tok.lemma_) in ROLE_NOUNS | EPITHETS
        and chain[-1].dep_ == "appos"
        and chain[-1].ent_type_ == "PERSON"
        and chain[0].i > 0
        and tok.doc[chain[0].i - 1].text == ","
        and thing
        and norm(anchor.lemma_) not in ROLE_NOUNS | EPITHETS | GROUP_NOUNS
        and _under_prep(anchor, tok)
    )


def _modifies(t: Token, head: Token) -> bool:
    """`t` is a premodifier of `head`, directly or through others ("Clinton" in "a Clinton campaign spokesman")."""
    while t.dep_ in {"compound", "poss", "nmod", "amod"} and t.head.i != t.i:
        t = t.head
        if t.i == head.i:
            return True
    return False


def _under_prep(t: Token, head: Token) -> bool:
    """Whether `t` is in a prepositional phrase of `head` itself ("a spokesman for Cruz"); one
    of an apposition does not count ("the head of the delegation, secretary of … Rustem Umerov",
    where the parser put the name into the council's phrase)."""
    while t.head.i != t.i and t.i != head.i:  # spaCy makes a new Token per access: compare .i
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.i == head.i:
            return True
        t = t.head
    return False


_SMALL_WORDS = {"a", "an", "and", "at", "by", "for", "in", "is", "of", "on", "or", "the", "to", "with"}
_TITLE_BEFORE = {
    "on", "in", "of", "to", "at", "titled", "called", "named", "entitled", "show", "program", "programme",
    "film", "movie", "book", "series", "column", "song", "album", "documentary", "magazine", "newspaper",
    "podcast", "memoir", "novel", "play", "episode", "sitcom", "drama", "concert", "anthem", "ad",
    "the", "so-called",
}  # fmt: skip
#: Words after a title that say it is one: "“Broad City” star Arturo Castro".
_TITLE_AFTER = {"star", "actor", "actress", "host", "creator", "author"}


def _title(para: str, s: Stretch) -> bool:
    """A show, book or film title in quotation marks ("appeared on “Good Morning America”",
    "his book “Sin Miedo”"): a name, not something anybody said."""
    words = para[s.start : s.end].rstrip(" .,").split()
    if not 1 <= len(words) <= 7 or not para[s.start : s.start + 1].isupper():
        return False
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL_WORDS for w in words):
        return False
    if para[s.start : s.end].rstrip().endswith(("!", "?")):
        return False
    before = para[: s.mark_start].split()
    last = before[-1].lower().rstrip(",:") if before else ""
    after = para[s.mark_end :].split()
    return last in _TITLE_BEFORE or last.endswith(("’s", "'s")) or (bool(after) and after[0] in _TITLE_AFTER)


def _kind(para: str, s: Stretch) -> str:
    first = para[s.start]
    before = para[: s.mark_start].rstrip()
    if not before or before.endswith((":", ".", "?", "!")) or first.isupper() or first.isdigit():
        return "direct"
    return "mixed"


def _window(doc: Doc, stretches: list[Stretch], k: int) -> tuple[int, int]:
    """The paragraph characters that may hold the attribution of stretch k: its sentences,
    not reaching into the neighbouring quotes."""
    s = stretches[k]
    start, end = s.mark_start, s.mark_end
    for sent in doc.sents:
        if sent.start_char <= s.mark_start < sent.end_char:
            start = sent.start_char
        if sent.start_char < s.mark_end <= sent.end_char + 1:
            end = sent.end_char
    if end <= s.mark_end:  # the quote closes its sentence: the cue may open the next ("… ." he said)
        nxt = [sent for sent in doc.sents if sent.start_char >= s.mark_end]
        if nxt and len(nxt[0]) <= 12:
            end = nxt[0].end_char
    if k > 0:
        start = max(start, stretches[k - 1].mark_end)
    if k + 1 < len(stretches):
        end = min(end, stretches[k + 1].mark_start)
    # a quoted sentence that ends its line ends its attribution too: the next line is a new
    # paragraph the file did not separate ("“… I’m pro-life.”\nNeither Cruz nor Christie acknowledged …")
    if doc.text[s.start : s.end].rstrip().endswith((".", "?", "!")) and doc.text[s.mark_end :].lstrip(" \t").startswith("\n"):
        end = min(end, s.mark_end)
    return start, end


def _first_word(doc: Doc, s: Stretch) -> Token | None:
    """The first token of the quoted words."""
    return next((t for t in doc if s.start <= t.idx < s.end), None)


def _hung_from(first: Token | None) -> set[int]:
    """The tokens the quoted words hang from in the parse (their first word's ancestors)."""
    return {a.i for a in first.ancestors} if first is not None else set()


def _pick_cue(cues: list[Token], s: Stretch, lo: int, hi: int, above: set[int]) -> Token | None:
    """The cue of a stretch among the speech verbs of its window: the one the quoted words hang
    from ("described the incident as a “terrible situation,” but stopped short of calling …" →
    described), else the nearest, after the quote when that is as near as before it."""
    window = [c for c in cues if lo <= c.idx < hi]
    if not window:
        return None
    governing = [c for c in window if c.i in above]
    if governing:
        return max(governing, key=lambda c: c.i if c.idx < s.mark_start else -c.i)
    after = [c for c in window if c.idx >= s.mark_end]
    before = [c for c in window if c.idx < s.mark_start]
    near_after = after[0] if after and after[0].idx - s.mark_end < 60 else None
    near_before = before[-1] if before else None
    if near_after is not None and (near_before is None or near_after.idx - s.mark_end <= s.mark_start - near_before.idx):
        return near_after
    return near_before or (after[0] if after else None)


def _adjacent_verb(doc: Doc, s: Stretch) -> Token | None:
    """'"This is fantastic!" beamed Donald Hartley' / '"…," Viguerie notes': in news style a verb
    right after a closing quote is its cue, whatever the verb (the tagger may even call it a noun).
    After a quoted sentence closed by a full stop only a speech verb ("“… couldn't move.” He said
    the tram slid …" goes on about the same speaker; "“Dump Trump.” The balloons cascaded down" does not)."""
    closed = doc.text[s.start : s.end].rstrip().endswith(".")
    words = [t for t in doc if t.idx >= s.mark_end and not t.is_punct][:3]
    for j, tok in enumerate(words):
        speech = tok.lemma_.lower() in SPEECH_VERBS
        if closed and not speech:
            continue
        if tok.pos_ == "VERB" or (speech and j > 0):
            preceding = words[:j]
            if all(t.pos_ in {"PROPN", "PRON", "DET", "NOUN"} for t in preceding):
                return tok
            return None
    return None


def _governing_verb(doc: Doc, s: Stretch) -> Token | None:
    """No speech verb at all: the verb the quote hangs from in the parse ("Gibbs derided
    \u201cthe professional left\u201d", "She applauded him … \u201cover and over again\u201d")."""
    inside = [t for t in doc if s.start <= t.idx < s.end]
    for tok in inside[:1] + inside[-1:]:
        head = tok
        for _ in range(8):
            if not (s.mark_start <= head.idx < s.mark_end) or head.head.i == head.i:
                break
            head = head.head
        if s.mark_start <= head.idx < s.mark_end:
            continue
        for _ in range(3):
            if head.pos_ in {"VERB", "AUX"} and head.lemma_ != "be" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
                return _reporting(head) or head
            if head.head.i == head.i:
                break
            head = head.head
    return None


def _reporting(verb: Token) -> Token | None:
    """The speech verb whose reported clause `verb` is ("Green said places such as Iowa “have …,”
    while “Nevada is …”": Green says both), unless `verb` reports speech itself."""
    if _speaks(verb) or verb.lemma_.lower() in REPORTING_VERBS - SPEECH_VERBS:
        return None
    # (through an adjective or a to-clause: "Cruz said he’s certain Rubio will continue to be “a champion …”")
    while (verb.dep_ in {"ccomp", "acomp", "xcomp"} or (verb.dep_ == "conj" and verb.head.dep_ == "ccomp")) and verb.head.i != verb.i:
        verb = verb.head
        if _speaks(verb):
            return verb
    return None


def _cue_text(cue: Token, first: int | None = None) -> str:
    """The cue as a reader would say it before the words it introduces: with its particle
    ("pointed out") and, right after it, the preposition whose object they are ("called for",
    "warned of"; not "referred as" for "referred to him as"), given `first`, the index of the
    words' first token."""
    if cue.lower_ == "according":
        return "according to"
    doc = cue.doc
    words = [cue, *(c for c in cue.children if c.dep_ == "prt" or (c.lower_ == "back" and norm(cue.lemma_) in RETORT_VERBS))]
    if first is not None and norm(cue.lemma_) in OBJECT_VERBS:
        # "Blair told the BBC: “…”", "Clinton called the plan “…”": a short named object, not a
        # pronoun that needs the article to read ("told him"), nor the words themselves
        obj = next((c for c in cue.children if c.dep_ in {"dobj", "dative"} and c.pos_ != "PRON"), None)
        if obj is not None:
            lo, hi = obj.left_edge.i, obj.right_edge.i
            if lo < first <= hi:  # "described the decision as “very disappointing”": the object up to the words
                hi = first - 1  # (without an article left hanging: "to call a “special meeting”")
                while hi >= lo and (doc[hi].is_quote or doc[hi].is_punct or doc[hi].pos_ == "DET"):
                    hi -= 1
            # "told his supporters" reads alone; "told those who …" does not, nor "told Radio 4's"
            # ("told Radio 4's Today …", parsed short)
            clean = not any(
                t.is_quote or t.is_punct or t.pos_ in {"VERB", "AUX"} or (t.pos_ == "PRON" and t.dep_ != "poss") for t in doc[lo : hi + 1]
            ) and (hi < lo or doc[hi].tag_ != "POS")
            if clean and hi - lo < 5 and lo > words[-1].i and (hi < first or first < cue.i):
                words += list(doc[lo : hi + 1])
    if first is not None:
        between = [t for t in doc[words[-1].i + 1 : first] if not t.is_quote]
        if len(between) == 1 and between[0].dep_ == "prep" and between[0].head.i == cue.i:
            words.append(between[0])
    # as the article spaced them: "called Clinton's remarks", not "Clinton 's"
    return "".join(
        t.text + (t.whitespace_ if k + 1 < len(words) and words[k + 1].i == t.i + 1 else " ") for k, t in enumerate(words)
    ).strip()


#: Verbs that read wrong without their object: "Blair told: “…”" is "Blair told the BBC: “…”".
OBJECT_VERBS = {"accuse", "assure", "brand", "call", "describe", "dub", "inform", "label", "remind", "tell", "term", "urge"}


def extract_quotes(parsed: ParsedArticle, min_words_unattributed: int = 2) -> list[Quote]:
    """Every quote of one article with its speaker resolved inside the article."""
    article = parsed.article
    cast = Cast()
    found: list[_Found] = []
    group = 0
    last_para_cue: tuple[Person | None, str | None, str | None] | None = None
    prev_open = False
    prev_quoted = False  # the previous paragraph holds a direct quote of two words or more (a phrase in marks does not count)
    for number, (doc, para, offset) in enumerate(zip(parsed.docs, article.paragraphs, article.paragraph_starts, strict=True), 1):
        stretches = find_stretches(para)
        kinds = [_kind(para, s) for s in stretches]  # for the quotes and for the next paragraph's prev_quoted
        mask = _quote_mask(len(para), stretches)
        cues = _cue_tokens(doc, mask) if doc is not None else []
        clauses = {
            cue.i: _introduced_quote(_reported_clause(cue), cue, para, stretches) for cue in cues if cue.lemma_.lower() in REPORTING_VERBS
        }
        if doc is not None:
            cast.read(doc, offset, mask, _reported_mask(len(para), cues, clauses))
            _note_groups(doc, offset, cues, mask, cast)
            _note_unnamed(doc, offset, mask, cast)
        para_found: list[_Found] = []
        for k, s in enumerate(stretches):
            if _title(para, s):
                continue
            person, mention, cue_text, saying, unsaid = None, None, None, True, False
            kind = kinds[k]
            if doc is not None:
                lo, hi = _window(doc, stretches, k)
                first = _first_word(doc, s)
                above, mixed = _hung_from(first), kind == "mixed"
                cue = _pick_cue(cues, s, lo, hi, above) or _adjacent_verb(doc, s) or _governing_verb(doc, s)
                if cue is not None and cue.idx >= s.mark_end and mixed and cue.i not in above:
                    cue = _governing_verb(doc, s) or cue  # "likened the rules to “burning …” - a charge that"
                if cue is not None and _unspoken_passive(cue, mask, first):
                    # "when Lomu was asked whether he was taking a risk he replied: “…”" (the parser hung the
                    # quote on "asked"): the answer's verb
                    cue = next(
                        (c for c in reversed(cues) if cue.i < c.i and c.idx < s.mark_start and not _unspoken_passive(c, mask, first)), cue
                    )
                listed = (
                    para_found
                    and para_found[-1].end == offset + stretches[k - 1].end
                    and _LISTED.fullmatch(para[stretches[k - 1].mark_end : s.mark_start])
                )
                if listed and mixed:  # went on about “A,” “B” and “C”: one speaker for the list
                    person, mention, cue_text, cue = para_found[-1].person, para_found[-1].mention, para_found[-1].cue, None
                    unsaid = para_found[-1].unsaid  # (and no one's, when the first is no one's: "described as “A” and “B”")
                if cue is not None and mixed and _unsaid(cue):
                    # words in marks inside what someone did not say ("did not say whether he would
                    # “accept the result”") are not theirs, unless a speech verb reports that
                    # ("Cruz said he wasn't going to “act like a servile puppy dog”")
                    cue = next((t for t in cue.ancestors if t in cues and not _unsaid(t)), None)
                    unsaid = cue is None
                if cue is not None:
                    subj = _subject(cue, mask)
                    cue_text = _cue_text(cue, first.i if first is not None else None)
                    saying = cue.lower_ == "according" or cue.lemma_.lower() in SAYING_VERBS
                    if subj is not None:
                        person, mention = _resolve(subj, offset + s.mark_start, offset, cast, mask, cue)
                    if _unspoken_passive(cue, mask, first):
                        person, mention, unsaid = None, None, True
            byline = _DASH_NAME.match(para, s.mark_end) if doc is not None else None
            if byline:  # listicle style: “…” ― Sonya Herridge
                toks = name_tokens([t for t in doc if byline.start(1) <= t.idx < byline.end(1)])
                if toks and len(toks) <= 4:
                    person, mention, cue_text, saying = cast.add(toks, offset + toks[0].idx, subject=True), byline.group(1), "\u2015", True
            label = _LABEL.match(para, s.start)
            if label and person is None:  # transcript style: "PENCE: Well, look, …"
                toks = [t for t in doc if label.start(1) <= t.idx < label.end(1)] if doc is not None else []
                person = cast.find([t.text for t in toks], offset + s.start) if toks else None
                if person is None and toks:
                    person = cast.add(toks, offset + s.start, subject=True)
                mention, cue_text, saying = label.group(1), ":", True
            starts_para = not para[: s.mark_start].strip()
            continues = starts_para and prev_open and k == 0
            if unsaid:
                pass  # no one's words that the sentence tells
            elif (
                cue_text is None
                and starts_para
                and k == 0
                and last_para_cue is not None
                and not _named_after(doc, s, mask, last_para_cue[0])
            ):
                # "Rubio said:" closing the previous paragraph, or the previous speaker going on (not
                # when the quote's sentence goes on to name someone: "“…,” is the assessment of Graham Lane")
                person, mention, cue_text = last_para_cue
                saying = True
            elif (
                cue_text is None
                and person is None
                and starts_para
                and k == 0
                and number > 1
                and not _named_after(doc, s, mask, cast.last_subject_before(offset))
            ):
                # a quote paragraph right after one that introduces its speaker as subject
                # ("Viguerie is upbeat about Cruz's chances." / "“Not only can Ted Cruz win …”")
                prev_start = article.paragraph_starts[number - 2]
                intro = cast.last_subject_before(offset)
                at = intro.last_mention(offset) if intro is not None else -1
                if intro is not None and at >= prev_start and not prev_quoted:
                    person, mention = intro, intro.name
            elif cue_text is None and person is None and doc is not None and (named := _name_before_colon(doc, s, offset, cast)):
                person, mention = named, named.name  # "… - David Wasserman: “Indiana, which …”", "Clinton: “…” Bush: “…”"
            elif (
                cue_text is None
                and person is None
                and not starts_para
                and doc is not None
                and para[: s.mark_start].rstrip()[-1:] in {".", "!", ":"}  # not after a question: the answer is someone else's
            ):
                # a quote sentence after narration about its speaker, in the same paragraph
                # ("Bolton distanced himself from … “I'm going to support him …”"); a show's
                # title in marks before it is no quote ("On “Face the Nation,” Sanders …"). After a
                # colon, the subject of the sentence that introduces it ("Sanders delivered a
                # snappy retort: “…”"), not someone before ("The sign read: “…”"). After another
                # quote, only someone made the subject since ("“…” His friend, Saxon Spence, lays
                # the blame on one issue. “…”"); else the earlier quote's speaker goes on
                intro = cast.last_subject_before(offset + s.mark_start)
                # (after another quote, as the subject: "but Mr Blair himself" is no one who speaks next)
                mentions = [o for o, p, subj in cast.mentions if p is intro and subj] if para_found else intro.mentions if intro else []
                at = max((m for m in mentions if m < offset + s.mark_start), default=-1)
                since = offset + (stretches[k - 1].mark_end if para_found else 0)
                told = [f for f in para_found if f.mention is not None]
                if para_found and (
                    intro is None
                    or not intro.certain
                    or any(f.person is intro for f in told[-1:])
                    or any(since <= offset + c.idx < offset + s.mark_start for c in cues)
                ):
                    # the same speaker going on, or a cue between the two quotes ("“A,” Obama's former
                    # strategist said. “B.”"): the earlier quote's attribution is shared below (and a lone
                    # word made a subject, "the Republic look to have an edge", is no one to take it from)
                    intro = None
                if para[: s.mark_start].rstrip().endswith(":"):
                    colon = _colon_before(doc, s)
                    since += colon.sent.start_char if colon is not None else len(para)
                if intro is not None and at >= since:
                    person, mention = intro, intro.name
            if continues:
                gid = found[-1].group if found and found[-1].group is not None else group
            else:
                group += 1
                gid = group
            words = len(para[s.start : s.end].split())
            if words < 2 and cue_text is None:
                continue
            if words < min_words_unattributed and person is None and mention is None:
                continue
            if continues:
                kind = "direct"
            if k > 0 and para_found and para_found[-1].kind == "direct":
                gap = para[stretches[k - 1].mark_end : s.mark_start]
                if len(gap) < 80 and gap.rstrip().endswith(",") and "." not in gap:
                    kind = "direct"  # the second half of a split quote: "A," X said, "b."
            item = _Found(offset + s.start, offset + s.end, number, kind, person, mention, cue_text, gid, saying, unsaid)
            para_found.append(item)
            if person is not None and not person.org:  # "She said: “…” She added: “…”" is she again
                cast.speakers.append((item.start, person))
        # split quotes ("A," Rubio said, "B.") and multi-paragraph quotes share one speaker
        for item in para_found:
            if item.needs_speaker:
                mates = [f for f in found + para_found if f.group == item.group and (f.person or f.mention)]
                if mates:
                    item.person, item.mention, item.cue, item.saying = mates[0].person, mates[0].mention, mates[0].cue, mates[0].saying
        for item in para_found:
            if item.person is not None and item.mention is not None:
                for f in found:
                    if f.group == item.group and f.needs_speaker:
                        f.person, f.mention, f.cue, f.saying = item.person, item.mention, item.cue, item.saying
            if item.person is not None and not item.person.org:
                cast.speakers.append((item.start, item.person))
        if len(para_found) >= 2:
            _share_within_paragraph(para_found)
        found.extend(para_found)
        if doc is not None:
            found.extend(_indirect(doc, offset, number, cues, clauses, mask, cast))
        prev_open = bool(stretches) and stretches[-1].open_end
        prev_quoted = any(len(para[s.start : s.end].split()) >= 2 and kind == "direct" for s, kind in zip(stretches, kinds, strict=True))
        attributed = [f for f in para_found if f.person is not None or f.mention is not None]
        intro = _introducing_verb(doc, cues) if doc is not None and para.rstrip().endswith(":") else None
        if intro is not None:
            subj = _subject(intro, mask)
            person, mention = _resolve(subj, offset + intro.idx, offset, cast, mask, intro) if subj is not None else (None, None)
            if cues or (person is not None and not person.group):  # a speech verb, or someone named did it
                last_para_cue = (person, mention, _cue_text(intro))
            else:
                last_para_cue = None
        elif attributed and attributed[-1].paragraph == number:
            last_para_cue = (attributed[-1].person, attributed[-1].mention, attributed[-1].cue)
        else:
            last_para_cue = None
    found.sort(key=lambda f: f.start)
    return [
        Quote(
            article_id=article.id,
            text=article.text[f.start : f.end],
            start=f.start,
            end=f.end,
            paragraph=f.paragraph,
            kind=f.kind,
            speaker=f.person.name if f.person is not None else None,
            mention=f.mention if f.person is not None or f.saying else None,
            cue=f.cue if f.person is not None or f.saying else None,
            roles=tuple(sorted(f.person.titles)) if f.person is not None else (),
            group=f.person is not None and f.person.group,
        )
        for f in found
    ]


def _named_after(doc: Doc | None, s: Stretch, mask: list[bool], person: Person | None) -> bool:
    """The quote's sentence names a person other than `person` after its closing mark ("“…,” is
    the dry assessment of Graham Lane"; not "“…” from diplomacy to the defense budget, in Bolton's view")."""
    last = next((t for t in reversed(doc) if t.idx < s.end), None) if doc is not None else None
    return last is not None and any(
        t.idx >= s.mark_end
        and t.ent_type_ == "PERSON"
        and t.pos_ == "PROPN"
        and not inside(t, mask)
        and (person is None or norm(t.text) not in person.words)
        for t in last.sent
    )


def _colon_before(doc: Doc, s: Stretch) -> Token | None:
    """The colon that opens a quote ("… retort: “…”"), if one comes right before its mark."""
    last = next((t for t in reversed(doc) if t.idx < s.mark_start and not t.is_space), None)
    return last if last is not None and last.text == ":" else None


def _name_before_colon(doc: Doc, s: Stretch, offset: int, cast: Cast) -> Person | None:
    """A name right before the colon that opens a quote is its speaker ("- Philip Bump: “…”",
    "Clinton: “…” Bush: “…”"), unless something was said to them ("delivered a blunt message to
    Trump: “…”")."""
    colon = _colon_before(doc, s)
    if colon is None or colon.i == 0 or doc[colon.i - 1].ent_type_ != "PERSON":
        return None
    name = next(e for e in doc.ents if e.start <= colon.i - 1 < e.end)
    if name.root.dep_ in {"pobj", "dobj", "dative"}:
        return None
    return cast.find([t.text for t in name_tokens(list(name))], offset + name.start_char)


def _introducing_verb(doc: Doc, cues: list[Token]) -> Token | None:
    """The verb of a paragraph ending in a colon, which introduces the quote paragraph after it:
    its last speech verb, else the verb of its last sentence when someone named does it ("He
    then listed the qualities a nominee needs:")."""
    if cues:
        return cues[-1]
    root = doc[-1].sent.root
    return root if root.pos_ == "VERB" else None


def _share_within_paragraph(items: list[_Found]) -> None:
    """News style gives one attribution per paragraph: "A," X said. "B." — an unattributed
    quote takes the speaker of the nearest attributed quote before it, else after it (one a cue
    attributes: a quote given to the subject of the narration before it does not reach back)."""
    for k, item in enumerate(items):
        if not item.needs_speaker:
            continue
        before = [f for f in items[:k] if f.mention is not None]
        after = [f for f in items[k + 1 :] if f.mention is not None and f.cue is not None]
        source = before[-1] if before else (after[0] if after else None)
        if source is not None:
            item.person, item.mention, item.cue = source.person, source.mention, source.cue


def _indirect(
    doc: Doc, offset: int, number: int, cues: list[Token], clauses: dict[int, Span | None], mask: list[bool], cast: Cast
) -> list[_Found]:
    """Reported speech: what a speech verb reports (`clauses`, by cue position, from
    `_reported_clause`), or the clause 'according to X' qualifies, when no quotation marks are involved."""
    out: list[_Found] = []
    for cue in cues:
        if _unsaid(cue):
            continue
        if cue.lower_ == "according":
            span = _according_clause(cue)
        else:
            span = clauses.get(cue.i)
            if span is None:
                continue
        span = _before_quote(span, mask, cue)
        if span is None:
            continue
        subj = _subject(cue, mask)
        holds_subject = subj is not None and span.start <= subj.i < span.end
        around = (
            subj is not None
            and span.start <= cue.i < span.end
            and cue.i not in {subj.head.i, subj.head.head.i if subj.dep_ == "appos" else -1}
            and cue.lower_ != "according"
        )
        if subj is None or (holds_subject and (span.start > cue.i or around)):
            # "…," said Ben Carson, asked about …: the parser's clause holds the speaker; so does
            # the clause the cue hangs from ("Durbin, noting …, said, “…”"), no parenthetical "X said"
            continue
        # a name inside what was said is never who said it ("a woman who has accused Bill Clinton
        # of rape"); a parenthetical cue's clause holds its speaker ("…, Rubio said, …")
        said = mask if holds_subject else [*mask[: span.start_char], *[True] * (span.end_char - span.start_char), *mask[span.end_char :]]
        person, mention = _resolve(subj, offset + cue.idx, offset, cast, said, cue)
        out.append(
            _Found(offset + span.start_char, offset + span.end_char, number, "indirect", person, mention, _cue_text(cue, span.start))
        )
    return out


def _according_clause(cue: Token) -> Span:
    """What 'according to X' vouches for: the sentence after it when it leads; the main clause
    before it when it trails one ("Trump has won 758 delegates, according to a CNN tally, but …");
    else the whole sentence, where either side alone is a fragment ("Over the long term, according
    to the budget office, the deficits will rise"; "While Clinton accepted some blame, according to
    donors, she made little mention of …")."""
    doc, sent = cue.doc, cue.sent
    lo = doc[cue.i + 1].right_edge.i + 1
    while lo < sent.end and doc[lo].is_punct:
        lo += 1
    hi = cue.i
    while hi > sent.start and doc[hi - 1].is_punct:
        hi -= 1
    if hi == sent.start:
        return doc[lo : sent.end]
    root = sent.root
    main_before = root.i < hi and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in root.children)
    # "The AP reported that, according to …, 85 of the 154 meetings …": the clause goes on after it
    if not any(t.is_alpha for t in doc[lo : sent.end]) or (main_before and doc[hi - 1].pos_ not in {"SCONJ", "ADP", "PRON", "DET"}):
        return doc[sent.start : hi]
    end = sent.end
    while end > lo and doc[end - 1].is_punct and doc[end - 1].text not in {'"', "\u201d", "'", "\u2019"}:
        end -= 1
    return doc[sent.start : end]


#: Verbs whose "to" clause is a speech act not made: "declined to say whether …", "refused to comment".
REFUSING_VERBS = {"avoid", "decline", "fail", "refuse"}


def _unsaid(cue: Token) -> bool:
    """A speech act the sentence says was not made: "Trump did not say that he would accept the
    result", "never said", "refused to say whether …", "did not want to say". Its clause is no one's
    speech, and showing it as reported speech would put the words in the subject's mouth."""
    verb = cue
    while True:
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        if verb.dep_ != "xcomp" or verb.head.pos_ not in {"VERB", "AUX"}:
            return False
        verb = verb.head
        if verb.lemma_.lower() in REFUSING_VERBS:
            return True


def _reported_mask(n: int, cues: list[Token], clauses: dict[int, Span | None]) -> list[bool]:
    """Characters of clauses a speech verb reports ("McLenney said Clinton doesn't …"): their
    subjects are what the speaker talks about, not who a later "she said" refers to."""
    mask = [False] * n
    for cue in cues:
        if cue.lemma_.lower() in INDIRECT_VERBS and (span := clauses.get(cue.i)) is not None:
            for i in range(span.start_char, min(n, span.end_char)):
                mask[i] = True
    return mask


def _reported_clause(cue: Token) -> Span | None:
    """What a speech verb reports: its complement clause on either side ("X said that Y",
    "Y, sources said"), a promise or demand ("vowed to Y", "urged X to Y"), a charge ("accused X
    of Y") or, for a parenthetical cue, the clause around it ("Y, he said, Z")."""
    doc = cue.doc
    lemma = cue.lemma_.lower()
    if lemma == "point" and any(c.dep_ == "dobj" for c in cue.children) and not any(c.dep_ == "prt" for c in cue.children):
        return None  # "points out that …", "pointed up …"; but "points his finger at Obama" says nothing
    comps = [c for c in cue.children if c.dep_ == "ccomp"] if lemma in INDIRECT_VERBS else []
    if not comps and lemma in INDIRECT_VERBS:
        # a clause the parser hung elsewhere or took for something else
        comps = _that_clause(cue) or _gerund_clause(cue) or _clause_after_adverbial(cue)
    right = [c for c in cue.children if c.i > cue.i]
    obj = next((c for c in right if c.dep_ in {"dobj", "dative"}), None)
    to_clause = next(
        (c for c in right if c.dep_ in {"xcomp", "ccomp"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None
    )
    charge = next((c for c in right if c.dep_ == "prep" and c.lower_ in {"of", "for"}), None)
    if charge is None and obj is not None:  # the parser may hang "of …" on the object
        charge = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ in {"of", "for"} and c.i > obj.i), None)
    if comps:
        comp = next((c for c in comps if c.i > cue.i), comps[0])
        span = doc[comp.left_edge.i : comp.right_edge.i + 1]
        for c in comps:  # "told me he’s had a … life": the parser split "he's had" into two clauses
            if c.i > comp.i and c.left_edge.i == span.end and not any(g.dep_.startswith("nsubj") for g in c.children):
                span = doc[span.start : c.right_edge.i + 1]
    elif lemma in INDIRECT_VERBS and (trailing := _trailing_clause(cue)) is not None:
        span = trailing
    elif lemma in COMMISSIVE_VERBS and to_clause is not None:
        # "promised to begin taking executive action", "urged Congress to fast-track the deal"
        asked = obj is not None and obj.i < to_clause.i and lemma in {"ask", "call", "tell", "urge", "warn"}
        start = obj.left_edge.i if asked else to_clause.left_edge.i
        return doc[start : to_clause.right_edge.i + 1]
    elif lemma in QUESTION_VERBS and (asked := _question(cue)) is not None:
        return asked
    elif lemma in JUDGING_VERBS and obj is not None and charge is not None and charge.i > obj.i:
        # "accused Republicans of placing the NRA ahead of children"
        return doc[obj.left_edge.i : charge.right_edge.i + 1]
    elif lemma in NOMINAL_VERBS and (said := _said_object(cue, obj)) is not None:
        return said
    elif cue.dep_ == "parataxis" and cue.head.pos_ in {"VERB", "AUX"}:
        span = doc[cue.head.left_edge.i : cue.head.right_edge.i + 1]
    elif (
        lemma in INDIRECT_VERBS and obj is None and cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)
    ):
        span = _as_aside(cue)  # (None falls through: nothing to trim)
    else:
        return None
    if span and span[0].lower_ == "that":
        span = span[1:]
    return span


def _trailing_clause(cue: Token) -> Span | None:
    """ "Sanders remains committed to …, his top aide, Tad Devine, told The Huffington Post": the
    parser made the verb of a trailing attribution a conjunct of the clause it reports (not "Trump
    won, and he said …", joined by "and")."""
    subj = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    if cue.dep_ != "conj" or cue.head.i > cue.i or subj is None or any(c.dep_ == "cc" and c.i < cue.i for c in cue.head.children):
        return None
    comma = subj.left_edge.i - 1
    if comma <= cue.sent.start or cue.doc[comma].text != "," or cue.head.i >= comma:
        return None
    return cue.doc[cue.sent.start : comma]


def _as_aside(cue: Token) -> Span | None:
    """What an "as X noted" aside reports (`cue` is its verb): the clause it qualifies, not one it
    interrupts ("As Clyburn noted, those voters will give Sanders a second look", "…, as POLITICO
    has reported"). "Patriot failed as predicted" has no one who predicted it; "as he mentioned
    raising the minimum wage", "as she angrily said, “…”" tell when, not what."""
    doc = cue.doc
    head = cue.head
    after = doc.text[cue.right_edge.idx + len(cue.right_edge.text) :].lstrip(" ,:")[:1]
    if (
        head.pos_ not in {"VERB", "AUX"}
        or not any(c.dep_ == "nsubj" for c in cue.children)
        or any(c.i > cue.i and c.dep_ not in {"prep", "npadvmod", "advmod", "punct", "agent"} for c in cue.children)
        or after in DOUBLE_OPEN
    ):
        return None
    ahead = doc[head.left_edge.i : cue.left_edge.i]
    if cue.right_edge.i < head.i and not any(not t.is_punct and t.dep_ not in {"cc", "advmod"} for t in ahead):
        span = doc[cue.right_edge.i + 1 : head.right_edge.i + 1]
    elif cue.left_edge.i > head.i and head.left_edge.i < cue.left_edge.i:
        # after a clause, the aside qualifies the nearest proposition: "It does not answer
        # whether Scott had a gun, as police have said" reports that Scott had a gun
        span = doc[head.left_edge.i : cue.left_edge.i]
        t, inner = next(t for t in reversed(span) if not t.is_punct), None
        while t.i != head.i and t.head.i != t.i:
            if t.dep_ in {"ccomp", "advcl"} and t.pos_ in {"VERB", "AUX"}:
                inner = t
            t = t.head
        if inner is not None:
            span = doc[inner.left_edge.i : inner.right_edge.i + 1]
            while len(span) and span[0].dep_ == "mark":
                span = span[1:]
    else:
        return None
    return span


#: Nouns whose "that" clause is their own content, not what the verb's subject said.
CONTENT_NOUNS = set(
    """
    accusation allegation assertion belief charge claim concern evidence fact fear idea impression
    indication news notion possibility report rumor rumour sign speculation story suggestion theory view
    """.split()
)


#: Tags of a verb with a tense.
FINITE = {"VBD", "VBP", "VBZ"}


def _gerund_clause(cue: Token) -> list[Token]:
    """A clause opening with a gerund, which the parser took for the verb's complement:
    "economists, like their Republican counterparts, say taxing consumption encourages savings"."""
    return [
        c
        for c in cue.children
        if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == cue.i + 1 and any(g.tag_ in FINITE | {"MD"} for g in c.subtree)
    ]


def _clause_after_adverbial(cue: Token) -> list[Token]:
    """A clause after an adverbial, which the parser took for one more adverbial: "said after the
    convention he would not accept …". A clause of its own has its subject and a tense, and no
    "if", "when" or "because" to make it a condition or a time, nor "the more" a comparison."""
    return [
        c
        for c in cue.children
        if c.dep_ == "advcl"
        and c.i > cue.i
        and not any(g.dep_ == "mark" or g.tag_ in {"WRB", "WDT", "WP"} for g in c.children)
        and not any(g.tag_ in {"JJR", "RBR"} for g in cue.doc[c.left_edge.i : c.left_edge.i + 2])
        and any(g.dep_ in {"nsubj", "nsubjpass"} and g.i < c.i for g in c.children)
        and (c.tag_ in FINITE or any(g.dep_ in {"aux", "auxpass"} and g.tag_ in FINITE | {"MD"} for g in c.children))
    ]


def _that_clause(cue: Token) -> list[Token]:
    """A "that" clause the parser hung on a noun of the cue's adverbials ("said during a news
    conference that he may wait …" parsed as a relative clause of "conference"): a "that"
    marking a clause is no relative pronoun, so the clause is what was said."""
    # (the one told may carry it too: "told a meeting of Pacific Island leaders that few people understood …")
    climb = {"pobj", "prep", "npadvmod", "dobj", "dative"} if cue.lemma_.lower() in TELLING_VERBS else {"pobj", "prep", "npadvmod"}
    for tok in cue.doc[cue.i + 1 : cue.sent.end]:
        # (not "pointed to reports that Trump called …": what a report or claim says is its own content)
        if (
            tok.dep_ not in {"relcl", "acl", "advcl"}
            or norm(tok.head.lemma_) in CONTENT_NOUNS
            or not any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
        ):
            continue
        head = tok.head
        while head.i != cue.i and head.dep_ in climb and head.head.i != head.i:
            head = head.head
        if any(t.lower_ in {"so", "such"} for t in cue.doc[cue.i + 1 : tok.i]):
            return []  # a result, not what was said: "tells so many lies that Clinton could risk …"
        return [tok] if head.i == cue.i else []
    return []


def _introduced_quote(clause: Span | None, cue: Token, para: str, stretches: list[Stretch]) -> Span | None:
    """No clause when the parser took the sentence that introduces a quote for what a later cue
    reports: in "Mosman saw Santilli's words differently: “When he says …,” he said" the quote
    is what was said, and Mosman the one who said it."""
    if clause is None or clause.start > cue.i:
        return clause
    for s in stretches:
        if clause[0].idx < s.mark_start < cue.idx and para[: s.mark_start].rstrip().endswith(":"):
            return None
    return clause


def _question(cue: Token) -> Span | None:
    """What someone asked: a whether/if or wh- clause after the verb ("Paul also asked how it's
    conservative to add a trillion dollars"). Not for a participle ("Asked whether …, Clinton
    shook her head"): there the subject was asked, the asker is unnamed."""
    if cue.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in cue.children):
        return None
    for c in cue.children:
        if c.i > cue.i and c.dep_ in {"ccomp", "advcl"}:
            first = cue.doc[c.left_edge.i]
            if first.lower_ in {"whether", "if"} or first.tag_ in {"WDT", "WP", "WP$", "WRB"}:
                return cue.doc[c.left_edge.i : c.right_edge.i + 1]
    return None


def _said_object(cue: Token, obj: Token | None) -> Span | None:
    """The noun phrase a verb of NOMINAL_VERBS reports ("called for <the complete repeal …>"),
    when it says something (three words or more, not a pronoun)."""
    if cue.lemma_.lower() == "call":
        prep = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > cue.i), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or obj.pos_ == "PRON":
        return None
    span = cue.doc[obj.left_edge.i : obj.right_edge.i + 1]
    return span if len(span) >= 3 else None


def _before_quote(span: Span, mask: list[bool], cue: Token) -> Span | None:
    """Reported speech stops where a quotation starts (the quote is its own item), unless what
    comes before only leads into it, when the whole clause is reported, marks and all; four words
    or more must remain, or three that make a clause beside its cue or marked as one ("said they
    were angry", "Morale has suffered, employees complain", "suggested in a speech that she is unqualified")."""
    cut = whole = False
    for tok in span:
        if inside(tok, mask):
            before = span.doc[span.start : tok.i]
            words = [t for t in before if not (t.is_punct or t.is_space)]
            # words that only lead into the quote ("it underscores that Trump is “…”", "he would
            # consider it a “…”", "Clinton’s “…” was her “criminal” attempt") say nothing alone,
            # however many: the whole clause is reported, its quoted words in their marks
            leads_in = bool(words) and (words[-1].pos_ in {"AUX", "DET", "ADP", "SCONJ", "CCONJ", "PART"} or words[-1].dep_ == "mark")
            whole = leads_in and words[-1].dep_ != "prt"  # ("the agreements were handed out" is whole)
            # what is reported must still say something of its own: "As The Daily Caller
            # reported, the Cosby Show creator and star “gave …”" leaves only its subject
            said = span if whole else before
            if not any(t.pos_ in {"VERB", "AUX"} and not inside(t, mask) for t in said):
                return None
            if not whole:
                span, cut = before, True
            break
    # a clause reported whole keeps its quotation marks, down to the closing one ("… commander-in-chief.”")
    if whole and inside(span[-1], mask):
        end = span.end
        while end < len(span.doc) and span.doc[end].is_punct and not span.doc[end].is_quote:
            end += 1
        if end < len(span.doc) and span.doc[end].is_quote:
            span = span.doc[span.start : end + 1]
    while len(span) and (span[-1].is_punct or span[-1].is_space) and not (whole and span[-1].is_quote):
        span = span[:-1]
    while len(span) and (span[0].is_punct or span[0].is_space) and not (whole and span[0].is_quote):
        span = span[1:]
    # (a whole clause: "she seemed very" cut short before a quote is none, "before he died" is a time, "what went
    # wrong" a question, "she does not" an echo of something said before, and "reported a 500%
    # increase in the number of phishing messages it was catching" no clause of the cue's)
    clause = (
        len(span) == 3
        and not cut
        and (0 < span.start - cue.i <= 3 or 0 <= cue.i - span.end <= 2 or (span.start > 0 and span.doc[span.start - 1].dep_ == "mark"))
        and span[0].dep_ in {"nsubj", "nsubjpass"}
        and not span[0].tag_.startswith("W")
        and any(t.pos_ in {"VERB", "AUX"} for t in span)
        and span[-1].pos_ not in {"AUX", "PART"}
        and span[-1].dep_ != "neg"
        and norm(span[-1].text) not in {"n't", "not"}  # (the tagger may call "n’t" a number)
    )
    return span if len(span) >= 4 or clause else None
