"""Quotes and who said them, by stage: marks and cues, the cue's subject, the subject resolved to
a person of the article's cast, carry-over between quotes, and reported speech.

Runs once per article at index time; every quote's text is a slice of the article's text. This is
the package's face: other modules import from here, not from its stages.
"""

from embeddings.attribution.cast import first_name_gender, gendered_given_name
from embeddings.attribution.extract import extract_quotes
from embeddings.attribution.found import Quote
from embeddings.attribution.lexicon import (
    OBJECT_VERBS,
    OFFICE_QUALIFIERS,
    PARTY_NAMES,
    REPORTING_VERBS,
    SAYING_VERBS,
    SPEECH_VERBS,
    TITLES,
)
from embeddings.attribution.rule import TABLES, Rule
from embeddings.attribution.trace import explain, steps_of

__all__ = [
    "OBJECT_VERBS",
    "OFFICE_QUALIFIERS",
    "PARTY_NAMES",
    "REPORTING_VERBS",
    "SAYING_VERBS",
    "SPEECH_VERBS",
    "TABLES",
    "TITLES",
    "Quote",
    "Rule",
    "explain",
    "extract_quotes",
    "first_name_gender",
    "gendered_given_name",
    "steps_of",
]
