"""The words of a mention: the span a speaker token heads, and names said together."""

from __future__ import annotations

from typing import TYPE_CHECKING

from embeddings.attribution.cast import Cast, Person
from embeddings.attribution.lexicon import DOCUMENT_NOUNS, DOCUMENTS, THING_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


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


#: Plurals that are no part of a group of people: "some of her emails" did not speak.
_NOT_PEOPLE = DOCUMENT_NOUNS | THING_NOUNS | DOCUMENTS.keys()
