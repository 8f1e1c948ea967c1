"""Hybrid search over passages and quotes: dense vectors (FAISS) and BM25 (bm25s), fused by
reciprocal rank, so paraphrases and exact names or numbers are both found. Filters (by speaker,
source, date range) are applied inside both searches, not by fetching more and throwing away."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

import bm25s
import numpy as np
from threadpoolctl import ThreadpoolController

from embeddings.dates import check_date
from embeddings.index import Index, column, plain
from embeddings.nearest import nearest
from embeddings.vectors import encode

log = logging.getLogger(__name__)

RRF_K = 60
#: Weight of the BM25 ranking against the dense one in the fused score (1.0 is plain reciprocal
#: rank fusion). Tuned with benchmarks/eval_retrieval.py on PolNeAR dev questions among the
#: bbc-2004 distractors: 2.5 gave who-said R@5 0.938, 4.0 gives 0.955, 8.0 0.958.
BM25_WEIGHT = 4.0
#: Bonus, added to the fused score, per share of the question's content words a text holds: people
#: quote the words they remember, and a text holding all of them should beat a short one holding
#: two. benchmarks/eval_retrieval.py (--coverage-weight): who-said R@1 0.812 at 0, 0.920 at 0.02,
#: 0.945 at 0.04, 0.963 at 0.08. Kept at 0.04: those questions reuse the quote's words, and a
#: larger bonus would let shared words outweigh meaning on paraphrased questions.
COVERAGE_WEIGHT = 0.04
#: Bonus per share of the question's words a text holds in the question's order (in_order): people
#: who remember a fragment remember its words in sequence, which BM25 and the coverage bonus ignore.
#: benchmarks/eval_retrieval.py (--order-weight), who-said R@1 at 0 / 0.04 / 0.08: 0.965 / 0.985 /
#: 0.990 on fragments; with the fragment's words shuffled (another seed than the script's own
#: shuffled line) 0.965 / 0.960 / 0.950. Kept at 0.04, the coverage bonus's weight: a shuffled
#: question loses one point of R@1 at most.
ORDER_WEIGHT = 0.04
CANDIDATES = 50
#: passages whose content words are kept worked out (a question's candidates number about 100)
PASSAGE_WORDS_KEPT = 8192
_WORD = re.compile(r"\w\w+")
_STOPWORDS = set(bm25s.stopwords.STOPWORDS_EN) if hasattr(bm25s, "stopwords") else set()


@dataclass(frozen=True)
class Where:
    """Which articles a search may use: by source (a case-insensitive part of the outlet's name or
    domain) and by date range (inclusive, YYYY-MM-DD; undated articles are left out of a range)."""

    source: str | None = None
    since: str | None = None
    until: str | None = None

    def __post_init__(self) -> None:
        for value in (self.since, self.until):
            if value is not None:
                check_date(value)

    def __bool__(self) -> bool:
        return bool(self.source or self.since or self.until)


def plural(n: int, one: str, many: str) -> str:
    """ "1 has", "397 have"."""
    return f"{n} {one if n == 1 else many}"


@dataclass(frozen=True)
class Hit:
    """A search result: position in the index's list, fused score, dense cosine, and how much of
    the query's wording the text holds (content words anywhere; words in order)."""

    id: int
    score: float
    cosine: float
    coverage: float
    in_order: float = 0.0


def content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOPWORDS}


def coverage(words: set[str], text: str) -> float:
    """Share of the query's content `words` that occur in the text (1.0 = all of them)."""
    return len(words & content_words(text)) / len(words) if words else 0.0


def in_order(query: str, text: str) -> float:
    """Share of the query's words (stop words too) that the text holds in the same order, gaps
    allowed: "Who said nobody has the guts" is answered by a long quote holding those words even
    when the quote's vector, averaged over much more, is far from the question's."""
    q = _WORD.findall(query.lower())
    if not q:
        return 0.0
    blocks = SequenceMatcher(None, q, _WORD.findall(text.lower()), autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(q)


_DOMAIN_END = re.compile(r"^www\.|\.(?:com|org|net|gov|co\.uk|co|uk|us)$")


def outlet_key(name: str) -> str:
    """An outlet's name compared loosely: case, spaces, "www." and the domain's ending aside."""
    return re.sub(r"[^a-z0-9]", "", _DOMAIN_END.sub("", name.strip().lower()))


def in_one_run(query: str, text: str) -> float:
    """Share of the query's words that the text holds as one unbroken run: what "these words are
    in the article" means, where `in_order` allows gaps."""
    q = _WORD.findall(query.lower())
    t = _WORD.findall(text.lower())
    if not q or not t:
        return 0.0
    return SequenceMatcher(None, q, t, autojunk=False).find_longest_match(0, len(q), 0, len(t)).size / len(q)


def one_blas_thread() -> None:
    """numpy's and scipy's OpenBLAS to one thread. Their idle threads spin on the two cores and
    starve the next query embedding: whole answers at 100k passages took p50 23 / p95 85 ms with
    them, 13.9 / 16.7 ms without (benchmarks/startup.py). Faiss's own BLAS is left alone. The limit
    holds for the whole process; the indexing path does not need those threads (throughput.py
    measured the same with OPENBLAS_NUM_THREADS=1)."""
    controller = ThreadpoolController()
    ours = [lib["filepath"] for lib in controller.info() if lib["user_api"] == "blas" and "faiss" not in lib["filepath"]]
    if ours:
        controller.select(filepath=ours).limit(limits=1)


class Texts(Sequence[str]):
    """The texts of passages or quotes, read when asked for (only candidates' texts are)."""

    def __init__(self, records: Sequence) -> None:
        self._records = records

    def __len__(self) -> int:
        return len(self._records)

    def __getitem__(self, i):  # type: ignore[override]
        return self._records[i].text


class Runs:
    """Which positions hold each value of `owners` (a quote's rows, a passage's quotes): sorted
    once, then a slice per lookup, where a list per value would cost a Python object each."""

    def __init__(self, owners: np.ndarray, values: int) -> None:
        owners = np.asarray(owners)
        self._order = np.argsort(owners, kind="stable")
        self._starts = np.searchsorted(owners[self._order], np.arange(values + 1))

    def of(self, value: int) -> list[int]:
        if not 0 <= value < len(self._starts) - 1:
            return []
        return self._order[self._starts[value] : self._starts[value + 1]].tolist()


class Searcher:
    """An index, its model and its lexical indexes, ready to answer; one per index generation."""

    def __init__(self, index: Index, model, mode: str = "hybrid") -> None:
        one_blas_thread()
        self.index = index
        self.model = model
        self.mode = mode  # "hybrid", "dense" or "bm25": evaluation compares them
        self.bm25_weight = BM25_WEIGHT
        self.coverage_weight = COVERAGE_WEIGHT
        self.order_weight = ORDER_WEIGHT
        self.directory = index.people
        self._embedded: dict[str, np.ndarray] = {}
        self._embedded_lock = threading.Lock()
        self._passage_words: dict[int, frozenset[str]] = {}
        self._all_quotes: str | None = None
        self._outlets: dict[str, str] | None = None
        self.passage_texts = Texts(index.passages)
        self.quote_texts = Texts(index.quotes)
        self.passage_bm25, self.quote_bm25 = index.passage_lexical, index.quote_lexical
        self.quote_passage = index.quote_passage
        # the rows of each quote, the quotes of each passage and of each article: runs of positions
        self._rows_of_quote = Runs(index.quote_owner, len(index.quotes))
        self._quotes_of_passage = Runs(index.quote_passage, len(index.passages))
        self._quotes_of_article = Runs(index.quote_article, len(index.articles))
        # each article's outlet and date, so that a filter becomes a mask in a few array
        # operations, not a loop over the articles per question
        self.article_source, self.article_date = index.article_source, index.article_date
        self.passage_article = index.passage_article
        self.quote_article = index.quote_article
        self._article_number: dict[str, int] | None = None

    def prefetch(self, quotes=(), passages=(), articles: bool = False) -> None:
        """Read these records in one request each, where the store reads over a network (Milvus),
        and with `articles` the articles they are in; the records of a generation on disk are
        read as they are asked for, and nothing is done here for them."""
        for records, wanted in ((self.index.quotes, quotes), (self.index.passages, passages)):
            if hasattr(records, "prefetch") and len(wanted):
                records.prefetch(wanted)
                if articles and hasattr(self.index.articles, "prefetch"):
                    self.index.articles.prefetch([records[i].article_id for i in wanted])

    def quotes_in_passage(self, p: int) -> list[int]:
        """The quotes that start in passage p, in index order."""
        return self._quotes_of_passage.of(p)

    def quotes_in_article(self, article_id: str) -> list[int]:
        """The quotes of an article, in index order."""
        if (number := getattr(self.index.articles, "number", None)) is None:
            if self._article_number is None:
                self._article_number = {a: n for n, a in enumerate(self.index.articles)}
            number = self._article_number.get
        n = number(article_id)
        return [] if n is None else self._quotes_of_article.of(n)

    def allowed(self, where: Where | None, kind: str, ids: list[int] | np.ndarray | None = None) -> np.ndarray | None:
        """The passage or quote ids a search may return: `ids` (if given) of admitted articles."""
        chosen = np.asarray(ids, dtype=np.int64) if ids is not None else None
        if not where:
            return chosen
        admitted = self.admitted(where)
        owners = self.quote_article if kind == "quotes" else self.passage_article
        if chosen is None:
            return np.flatnonzero(admitted[owners])
        return chosen[admitted[owners[chosen]]]

    def admitted(self, where: Where) -> np.ndarray:
        """Which articles (by position) the filter lets through."""
        admitted = np.ones(len(self.index.articles), dtype=bool)
        if where.source:
            admitted &= np.char.find(self.article_source, where.source.lower()) >= 0
        if where.since or where.until:
            admitted &= self.article_date != ""
        if where.since:
            admitted &= self.article_date >= where.since
        if where.until:
            admitted &= self.article_date <= where.until
        return admitted

    def left_out(self, where: Where | None) -> str | None:
        """When a filter lets no article through, why, in counts ("The filter leaves out all 397
        articles: 397 have no date."); None when some get through."""
        if not where or self.admitted(where).any():
            return None
        n = len(self.index.articles)
        reasons = []
        if where.since or where.until:
            undated = int((self.article_date == "").sum())
            reasons += [f"{plural(undated, 'has', 'have')} no date"] if undated else []
            reasons += [f"{plural(n - undated, 'is', 'are')} dated outside the range"] if n - undated else []
        if where.source:
            unnamed = int((self.article_source == "").sum())
            reasons += [f"{plural(unnamed, 'names', 'name')} no outlet"] if unnamed else []
            others = n - unnamed
            reasons += [f"{plural(others, 'is', 'are')} from other outlets than \u201c{where.source}\u201d"] if others else []
        return f"The filter leaves out all {n} articles: " + "; ".join(reasons) + "."

    def outlets(self) -> dict[str, str]:
        """The articles' outlets by a loose key ("foxnews" for "Fox News" and "foxnews.com"), so a
        question that names one ("… on Fox News?") can filter by it."""
        if self._outlets is None:
            self._outlets = {outlet_key(s): s for s in set(self.article_source.tolist()) if s and outlet_key(s)}
        return self._outlets

    def quoted_anywhere(self, words: str) -> bool:
        """Whether some quote holds these words as typed (case, spacing and apostrophes aside)."""
        if hasattr(self.index.quotes, "holds"):  # the database's own index: no copy of every quote in memory
            return self.index.quotes.holds(plain(words))
        if self._all_quotes is None:
            self._all_quotes = "\n".join(plain(t) for t in column(self.index.quotes, "text"))
        return plain(words) in self._all_quotes

    def passage_words(self, i: int) -> frozenset[str]:
        """A passage's content words, worked out once (the ranker asks for them per candidate);
        the last few thousand kept, so memory follows what questions touch."""
        with self._embedded_lock:
            found = self._passage_words.pop(i, None)
        if found is None:
            found = frozenset(content_words(self.passage_texts[i]))
        with self._embedded_lock:
            self._passage_words[i] = found  # the most recent last
            if len(self._passage_words) > PASSAGE_WORDS_KEPT:
                self._passage_words.pop(next(iter(self._passage_words)))
        return found

    def embed(self, text: str) -> np.ndarray:
        """The text's vector; a question's is asked for by several searches, so the last few are kept."""
        if (cached := self._embedded.get(text)) is not None:
            return cached
        vector = encode(self.model, [text])
        with self._embedded_lock:  # the bot answers on several threads
            if len(self._embedded) >= 16:
                self._embedded.pop(next(iter(self._embedded)))
            self._embedded[text] = vector
        return vector

    def _hybrid(self, kind: str, query: str, k: int, allowed: np.ndarray | None, mode: str, wording: bool = True) -> list[Hit]:
        """Fuse dense and lexical rankings; for quotes, dense rows are pieces folded to their quote."""
        quotes = kind == "quotes"
        if quotes:
            faiss_index, vectors, lexical = self.index.quote_index, self.index.quote_vectors, self.quote_bm25
            texts = self.quote_texts
            owner = self.index.quote_owner
        else:
            faiss_index, vectors, lexical = self.index.passage_index, self.index.passage_vectors, self.passage_bm25
            texts = self.passage_texts
            owner = None
        if allowed is not None and len(allowed) == 0:
            return []
        qvec = self.embed(query)
        ranked: dict[int, float] = {}
        if mode in ("hybrid", "dense"):
            rows_allowed = allowed
            if quotes and allowed is not None:
                rows_allowed = np.flatnonzero(np.isin(owner, allowed))
            seen: set[int] = set()
            for row in nearest(faiss_index, vectors, qvec, CANDIDATES, rows_allowed):
                i = int(owner[row]) if quotes else row
                if i not in seen:
                    seen.add(i)
                    ranked[i] = ranked.get(i, 0.0) + 1.0 / (RRF_K + len(seen) - 1)
        if mode in ("hybrid", "bm25"):
            for rank, i in enumerate(lexical.search(query, CANDIDATES, allowed)):
                ranked[i] = ranked.get(i, 0.0) + self.bm25_weight / (RRF_K + rank)
        if not wording:  # ranks alone: what the caller needs is which texts, not how worded
            best = sorted(ranked, key=lambda i: -ranked[i])[:k]
            return [Hit(i, ranked[i], 0.0, 0.0) for i in best]
        self.prefetch(**{kind: list(ranked)})
        words = content_words(query)
        covered = {i: coverage(words, texts[i]) for i in ranked}
        ordered = {i: in_order(query, texts[i]) for i in ranked}
        if mode == "hybrid":
            for i in ranked:
                ranked[i] += self.coverage_weight * covered[i] + self.order_weight * ordered[i]
        best = sorted(ranked, key=lambda i: -ranked[i])[:k]
        cosines = self.quote_cosines(best, qvec[0]) if quotes else (vectors[np.asarray(best, np.int64)] @ qvec[0]).tolist()
        return [Hit(i, ranked[i], cosines[n], covered[i], ordered[i]) for n, i in enumerate(best)]

    def quote_cosines(self, ids: list[int], qvec: np.ndarray) -> list[float]:
        """The query vector against each quote of `ids`: its best piece. The rows of all of them
        are read at once."""
        rows = [self._rows_of_quote.of(i) for i in ids]
        if not rows:
            return []
        scores = self.index.quote_vectors[np.concatenate(rows).astype(np.int64)] @ qvec
        starts = np.cumsum([0, *map(len, rows[:-1])])
        return np.maximum.reduceat(scores, starts).astype(float).tolist()

    def quotes(self, query: str, k: int = 10, quote_ids: list[int] | None = None, where: Where | None = None) -> list[Hit]:
        return self._hybrid("quotes", query, k, self.allowed(where, "quotes", quote_ids), self.mode)

    def passages(
        self, query: str, k: int = 5, where: Where | None = None, passage_ids: list[int] | None = None, wording: bool = True
    ) -> list[Hit]:
        """`wording=False`: by fused rank alone, without the wording bonuses and the cosine (faster)."""
        return self._hybrid("passages", query, k, self.allowed(where, "passages", passage_ids), self.mode, wording)
