"""Groups that speak as a group ("Police said", "Six in 10 say"), and the unnamed ones the story mentions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from embeddings.attribution.cast import Cast, Person, norm
from embeddings.attribution.lexicon import (
    COLLECTIVE_NOUNS,
    DOCUMENT_NOUNS,
    EPITHETS,
    PARTY_SPOKESMEN,
    PRONOUNS,
    QUANTIFIERS,
    QUANTITY_NOUNS,
    ROLE_NOUNS,
    SPOKESPEOPLE,
    THING_NOUNS,
)
from embeddings.attribution.mentions import _NOT_PEOPLE, _mention_span, _named_together
from embeddings.marks import inside

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


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
            cast.note_group(offset + tok.idx, pair)
            continue
        is_group = _is_group(tok)
        if not (is_group or tok.tag_ in {"NNS", "NNPS"}):
            continue
        group = _group_person(_mention_span(tok), tok) if is_group and tok.head.i in speaking else None
        cast.note_group(offset + tok.idx, group)


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
            cast.note_unnamed(offset + tok.idx, lemma)


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
