"""Reported speech: the clause a speech verb reports, "according to X", asides and questions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from embeddings.attribution.cast import Cast, norm
from embeddings.attribution.cues import _cue_text
from embeddings.attribution.found import Found
from embeddings.attribution.lexicon import (
    COMMISSIVE_VERBS,
    CONTENT_NOUNS,
    FINITE,
    INDIRECT_VERBS,
    JUDGING_VERBS,
    NOMINAL_VERBS,
    QUESTION_VERBS,
    REFUSING_VERBS,
    TELLING_VERBS,
)
from embeddings.attribution.resolve import resolve
from embeddings.attribution.rule import steps
from embeddings.attribution.subject import _cue_subject
from embeddings.attribution.trace import said_by
from embeddings.marks import DOUBLE_OPEN, Stretch, inside

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def _indirect(
    doc: Doc,
    offset: int,
    number: int,
    cues: list[Token],
    clauses: dict[int, Span | None],
    mask: list[bool],
    cast: Cast,
    paragraph_starts: list[int],
) -> list[Found]:
    """Reported speech: what a speech verb reports (`clauses`, by cue position, from
    `_reported_clause`), or the clause 'according to X' qualifies, when no quotation marks are involved."""
    out: list[Found] = []
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
        subj = _cue_subject(cue, mask)
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
        decided, rule = resolve(subj, offset + cue.idx, offset, cast, said, cue)
        person, mention = decided.person, decided.mention
        how = said_by(rule.name, person, mention, offset + subj.idx, paragraph_starts)
        start, end = offset + span.start_char, offset + span.end_char
        out.append(Found(start, end, number, "indirect", person, mention, _cue_text(cue, span.start), how=how))
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


(UNSAID,) = steps("indirect", _unsaid)
