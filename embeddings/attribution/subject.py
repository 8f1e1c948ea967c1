"""Finding who does the cue: the subject of the speech verb, read through the small parser's slips."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from embeddings.attribution.cast import aged, norm
from embeddings.attribution.lexicon import (
    AUTHORING_VERBS,
    CENSURING_VERBS,
    DOCUMENTS,
    FEMALE,
    INTRANSITIVE_SPEECH,
    MALE,
    ORG_WORDS,
    PASSIVE_SAYING,
    QUESTION_VERBS,
    RETORT_VERBS,
    SPEECH_VERBS,
)
from embeddings.attribution.rule import Rule, first_match, steps, table
from embeddings.marks import inside

if TYPE_CHECKING:
    from spacy.tokens import Token


def _speaks(verb: Token) -> bool:
    """A verb of speech here: "continued to be" is not, "began talking about" and "shot back" are."""
    lemma = verb.lemma_.lower()
    if lemma in RETORT_VERBS:
        return any(c.lower_ == "back" and c.dep_ in {"advmod", "prt"} for c in verb.children)
    going_on = [c for c in verb.children if c.dep_ == "xcomp"] if lemma in {"begin", "continue"} else []
    if going_on:  # what is begun or continued decides
        return any(c.lemma_.lower() == "talk" or _speaks(c) for c in going_on)
    return lemma in SPEECH_VERBS


#: A dateline opening a story: "LONDON (Reuters) - ", "LA CROSSE, Wisc. — ", "Washington (AFP) – ".
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+)*|[A-Z][a-z]+(?: [A-Z][a-z]+)*(?= \())"
    r"(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)?(?: \([A-Za-z ]+\))? ?[-\u2013\u2014]{1,2} "
)


@dataclass(frozen=True)
class Picked:
    """A subject rule's verdict: the speaker token, or a deliberate none."""

    token: Token | None


class CueSite:
    """What the subject rules read: the cue, the quotation marks around it, and the token left of it
    once a parenthesis ("Sen. Elizabeth Warren (D-MA) said") is stepped over."""

    def __init__(self, cue: Token, mask: list[bool] | None) -> None:
        self.cue, self.mask, self.doc = cue, mask, cue.doc

    @cached_property
    def left(self) -> int:
        cue, doc = self.cue, self.doc
        left = cue.i - 1
        if left > 0 and doc[left].text == "," and doc[left - 1].text == ")":
            left -= 1  # "Gov. John Kasich (R-OH), said"
        if left >= 0 and doc[left].text == ")":
            while left > cue.sent.start and doc[left].text != "(":
                left -= 1
            left -= 1
        return left


def _according_to(x: CueSite) -> Picked | None:
    """“According to X”: X, the object of “to”."""
    if x.cue.lower_ != "according":
        return None
    objs = [c for c in x.doc[x.cue.i + 1].children if c.dep_ == "pobj"]
    return Picked(objs[0] if objs else None)


def _person_in_footage(x: CueSite) -> Picked | None:
    """“Footage of Hillary Clinton asking, “…””: she asks, not the ad."""
    cue = x.cue
    before = x.doc[cue.i - 1] if cue.i > 0 else None
    if cue.tag_ == "VBG" and before is not None and before.ent_type_ == "PERSON" and before.dep_ == "pobj" and before.head.lower_ == "of":
        return Picked(before)
    return None


def _name_the_cue_hangs_on(x: CueSite) -> Picked | None:
    """“Erin Brockovich, the … activist, endorsed Sanders' approach Saturday, saying she …”: the parser
    lost the main verb and hung the speech verb on the name; a verb that takes no person as object is
    no passive there (“Clinton, asked about …” was asked)."""
    cue = x.cue
    if cue.dep_ == "acl" and cue.head.ent_type_ == "PERSON" and cue.head.i < cue.i and norm(cue.lemma_) in INTRANSITIVE_SPEECH:
        if not inside(cue.head, x.mask) and not any(c.dep_ in {"agent", "auxpass"} for c in cue.children):
            return Picked(cue.head)
    return None


def _judged_for_saying(x: CueSite) -> Picked | None:
    """Who is judged for words said them: “Blair attacked Howard for saying …” is Howard's,
    “accused the unions of claiming …” the unions'; the one who attacks or praises did not say it."""
    cue, prep = x.cue, x.cue.head
    if cue.tag_ != "VBG" or cue.dep_ != "pcomp" or prep.lower_ not in {"for", "of"}:
        return None
    if norm(cue.lemma_) in QUESTION_VERBS or norm(cue.lemma_) == "offer":
        return None  # "accused the moderators of asking “please attack Ted” questions": the accuser's words
    if prep.head.dep_ == "dobj":  # "of" hung on the object: "accused some critics of claiming"
        verb, obj = prep.head.head, prep.head
    else:
        verb, obj = prep.head, next((c for c in prep.head.children if c.dep_ == "dobj"), None)
    if obj is None or verb.pos_ != "VERB" or norm(verb.lemma_) not in CENSURING_VERBS or inside(obj, x.mask):
        return None
    return Picked(obj)


def _grammatical_subject(x: CueSite) -> Picked | None:
    """The subject of the cue, or of the verb it hangs from: climbing participles, complements and
    relative clauses (“…, adding that”, “Rubio, who said”) and a document's issuer (“issued a
    statement Tuesday saying, …”)."""
    cue, mask = x.cue, x.mask
    tok = cue
    for _ in range(4):
        subs = _subjects_of(tok, mask)
        if subs and _hung_on_what_was_said(cue, tok):
            tok = tok.head
            continue
        if subs:
            return Picked(_the_speaker_of(subs, tok, cue, mask))
        if tok.dep_ == "relcl":
            return Picked(_relative_head(tok, mask))
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
    return None


def _subjects_of(tok: Token, mask: list[bool] | None) -> list[Token]:
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
    return subs


def _hung_on_what_was_said(cue: Token, tok: Token) -> bool:
    """“Gore insisted it was “premature” …, while adding …, “…””: the parser hung the participle on
    what was insisted; it is the one who insisted who adds (not when what the participle hangs on
    speaks itself: “Comey cannot say that “…,” Lewandowski added, saying”)."""
    return (
        tok.i == cue.head.i and cue.tag_ == "VBG" and tok.dep_ == "ccomp" and tok.head.i < tok.i and _speaks(tok.head) and not _speaks(tok)
    )


def _the_speaker_of(subs: list[Token], tok: Token, cue: Token, mask: list[bool] | None) -> Token | None:
    """Of the subjects of `tok`, the speaker's token."""
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


def _sentence_subject(x: CueSite) -> Picked | None:
    """“Clinton seemed ready to riff on it, telling the crowd, “…””: the parser hung the participle on
    the quote's verb; its subject is the sentence's."""
    cue, mask = x.cue, x.mask
    root = cue.sent.root
    if cue.tag_ == "VBG" and inside(cue.head, mask) and root.i < cue.i and not inside(root, mask):
        subs = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"} and not inside(c, mask)]
        if subs:
            return Picked(subs[0])
    return None


def _name_right_before(x: CueSite) -> Picked | None:
    """A name right before the cue, the parser having lost it as the subject, behind a parenthesis
    too: “Sen. Elizabeth Warren (D-MA) said …”."""
    cue, left = x.cue, x.left
    if left >= cue.sent.start and (x.doc[left].pos_ == "PROPN" or _adverb_name(x.doc[left])) and x.doc[left].ent_type_ in {"PERSON", ""}:
        return Picked(x.doc[left])
    return None


def _person_before_apposition(x: CueSite) -> Picked | None:
    """“…,” Flynn, a top Trump surrogate, said: a person before an apposition the parser lost (or a
    name with an age: “…,” Ramos, 58, told AFP”, Ramos tagged an organisation)."""
    cue, doc, left = x.cue, x.doc, x.left
    if left < cue.sent.start or doc[left].text != ",":
        return None
    for j in range(left - 1, max(cue.sent.start, cue.i - 14) - 1, -1):
        cand = doc[j]
        if (
            (cand.ent_type_ == "PERSON" or (cand.pos_ == "PROPN" and aged(cand)))
            and not inside(cand, x.mask)
            and j + 1 < len(doc)
            and doc[j + 1].text == ","
        ):
            return Picked(cand)
        if inside(cand, x.mask):
            break
    return None


def _inverted_subject(x: CueSite) -> Picked | None:
    """“…,” said Rubio: an inverted subject the parser attached elsewhere, only right after a quote or
    a comma (“a Times article hailed Trump as …” has none); “tell” is never inverted (“…,” Ramos, 58,
    told AFP” is told to AFP)."""
    cue, doc = x.cue, x.doc
    if cue.tag_ == "VBG" or not (cue.i == cue.sent.start or doc[cue.i - 1].is_punct) or norm(cue.lemma_) == "tell":
        return None
    for right in doc[cue.i + 1 : cue.i + 6]:
        if inside(right, x.mask):
            break
        if right.i + 1 < len(doc) and doc[right.i + 1].text == "-" and not right.whitespace_:
            continue  # "added the Uruguayan-born researcher" is no one called Uruguayan
        if right.pos_ == "PROPN" or right.lower_ in MALE | FEMALE or _adverb_name(right):
            while right.dep_ == "compound" and right.i < right.head.i < cue.i + 6 and right.head.pos_ == "PROPN":
                right = right.head  # "recalled Mr. Rhodes", the parser's object: the name, not the "Mr."
            if _said_of_someone(cue, right):
                break
            return Picked(right)
        if right.pos_ in {"DET", "NOUN", "ADJ"} and right.dep_ in {"det", "compound", "amod", "nmod", "nsubj", "dobj", "npadvmod"}:
            continue  # "said spokesman Dan Fox", "beamed delegate Donald Hartley"
        if right.tag_ in {"VBN", "VBD"} and right.dep_ == "amod":
            continue  # "said retired neurosurgeon Ben Carson"
        break
    return None


def _said_of_someone(cue: Token, right: Token) -> bool:
    """“…, said Mr. Trump was a candidate …”: the subject of what was said, not who said it (but
    “"…," said Robert Reich, who …” is Reich)."""
    doc = cue.doc
    return (
        right.dep_ in {"nsubj", "nsubjpass"}
        and right.head.dep_ == "ccomp"
        and right.head.head.i == cue.i
        and not _speaks(right.head)
        and not doc[cue.i - 1].is_quote
        and doc[right.i + 1 : right.i + 2].text != ","
    )


def _no_subject(x: CueSite) -> Picked | None:
    """No speaker token the parse gives: the quote stays unattributed unless carried over."""
    return Picked(None)


SUBJECT_RULES = table(
    "subject",
    _according_to,
    _person_in_footage,
    _name_the_cue_hangs_on,
    _judged_for_saying,
    _grammatical_subject,
    _sentence_subject,
    _name_right_before,
    _person_before_apposition,
    _inverted_subject,
    _no_subject,
)


def subject_rule(cue: Token, mask: list[bool] | None = None) -> tuple[Token | None, Rule[CueSite]]:
    """The speaker token of a cue and the subject rule that found it (the first with an opinion).
    Words inside quotation marks are never the speaker (the parser may make a quoted title the subject)."""
    rule, picked = first_match(SUBJECT_RULES, CueSite(cue, mask))
    return picked.token, rule


def _cue_subject(cue: Token, mask: list[bool] | None = None) -> Token | None:
    """The speaker token of a cue (see subject_rule)."""
    return subject_rule(cue, mask)[0]


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


(UNSPOKEN_PASSIVE,) = steps("subject", _unspoken_passive)
NO_SUBJECT = SUBJECT_RULES[-1]
