"""BM25 over passages or quotes, built so that a one-article reload costs almost nothing and a
saved index opens without tokenizing anything.

bm25s tokenizes and retrieves (top-k, weight masks). Its index build loops over documents in
Python (~0.7 s for the 23k texts of bbc-2004, each reload); here each text's term counts are kept
(by a digest of the text) from the previous generation and the score matrix bm25s searches is
computed for all documents at once with numpy, with bm25s's own formulas (method "lucene": idf
log(1 + (N - df + 0.5) / (df + 0.5)), tf / (tf + k1 (1 - b + b |d| / avgdl))).
tests/test_lexical.py checks the matrix against bm25s's own build.

A saved Lexical is a vocabulary file and arrays (`save`, `load`); the arrays open memory-mapped.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import bm25s
import numpy as np
import orjson
import scipy.sparse as sp

logging.getLogger("bm25s").setLevel(logging.WARNING)

_EMPTY = ""  # bm25s scores documents without tokens through an empty token; it gets id 0
#: the arrays a saved Lexical is made of, besides its vocabulary
ARRAYS = ("keys", "doc_indptr", "doc_terms", "doc_tf", "lengths", "score_data", "score_indices", "score_indptr")


def text_keys(texts: list[str]) -> np.ndarray:
    """An 8-byte digest per text: how a reload finds the counts of a text it already had."""
    digests = b"".join(hashlib.blake2b(t.encode(), digest_size=8).digest() for t in texts)
    return np.frombuffer(digests, np.uint64).copy() if texts else np.zeros(0, np.uint64)


class Lexical:
    """A bm25s retriever over `texts`; `previous` (the generation this one replaces) lends the
    vocabulary and the term counts of the texts it already had."""

    def __init__(self, texts: list[str], previous: Lexical | None = None) -> None:
        # a copy: the previous generation keeps serving with its own vocabulary during a reload
        self.vocab: dict[str, int] = dict(previous.vocab) if previous is not None else {_EMPTY: 0}
        self.keys = text_keys(texts)
        rows = self._reused_rows(previous)
        new = [i for i in range(len(texts)) if rows[i] is None]
        tokenized = bm25s.tokenize([texts[i] for i in new], stopwords="en", show_progress=False, return_ids=False) if new else []
        for i, words in zip(new, tokenized, strict=True):
            ids = np.fromiter((self.vocab.setdefault(w, len(self.vocab)) for w in words), np.int64, len(words))
            terms, tf = np.unique(ids, return_counts=True)
            rows[i] = (terms.astype(np.int32), tf.astype(np.float32), len(words))
        sizes = np.fromiter((len(r[0]) for r in rows), np.int64, len(rows))
        self.doc_indptr = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        self.doc_terms = np.concatenate([r[0] for r in rows]) if rows else np.zeros(0, np.int32)
        self.doc_tf = np.concatenate([r[1] for r in rows]) if rows else np.zeros(0, np.float32)
        self.lengths = np.fromiter((r[2] for r in rows), np.float32, len(rows))
        self.retriever = self._retriever(self._score_matrix()) if texts else None

    def _reused_rows(self, previous: Lexical | None) -> list[tuple[np.ndarray, np.ndarray, int] | None]:
        """The counts of each text that `previous` already had (None for the others)."""
        rows: list[tuple[np.ndarray, np.ndarray, int] | None] = [None] * len(self.keys)
        if previous is None or not len(previous.keys) or not len(self.keys):
            return rows
        sorter = np.argsort(previous.keys, kind="stable")
        at = sorter[np.minimum(np.searchsorted(previous.keys, self.keys, sorter=sorter), len(sorter) - 1)]
        for i in np.flatnonzero(previous.keys[at] == self.keys):
            j = int(at[i])
            a, b = previous.doc_indptr[j], previous.doc_indptr[j + 1]
            rows[i] = (np.asarray(previous.doc_terms[a:b]), np.asarray(previous.doc_tf[a:b]), int(previous.lengths[j]))
        return rows

    def _score_matrix(self) -> dict:
        defaults = bm25s.BM25(method="lucene")
        k1, b = defaults.k1, defaults.b
        n = len(self.lengths)
        docs = np.repeat(np.arange(n, dtype=np.int32), np.diff(self.doc_indptr))
        df = np.bincount(self.doc_terms, minlength=len(self.vocab)).astype(np.float64)
        idf = np.where(df > 0, np.log(1 + (n - df + 0.5) / (df + 0.5)), 0).astype(np.float32)
        tf = self.doc_tf
        tfc = tf / (k1 * ((1 - b) + b * self.lengths[docs] / self.lengths.mean()) + tf)
        matrix = sp.csc_matrix(((idf[self.doc_terms] * tfc).astype(np.float32), (docs, self.doc_terms)), shape=(n, len(self.vocab)))
        return {"data": matrix.data, "indices": matrix.indices, "indptr": matrix.indptr, "num_docs": n}

    def _retriever(self, scores: dict) -> bm25s.BM25:
        retriever = bm25s.BM25(method="lucene")
        retriever.scores = scores
        retriever.vocab_dict = self.vocab
        retriever.unique_token_ids_set = set(self.vocab.values())
        retriever.nonoccurrence_array = None  # only the bm25l and bm25+ methods have one
        return retriever

    @property
    def size(self) -> int:
        return len(self.lengths)

    def save(self, folder: Path, name: str) -> None:
        """Write the vocabulary and the arrays as `name.*` files in `folder` (not synced: the
        caller syncs the folder it writes)."""
        (folder / f"{name}.vocab.json").write_bytes(orjson.dumps(sorted(self.vocab, key=self.vocab.__getitem__)))
        scores = self.retriever.scores if self.retriever is not None else {"data": [], "indices": [], "indptr": []}
        arrays = {k: getattr(self, k) for k in ARRAYS[:5]} | {f"score_{k}": np.asarray(scores[k]) for k in ("data", "indices", "indptr")}
        for key, array in arrays.items():
            np.save(folder / f"{name}.{key}.npy", array)

    @classmethod
    def load(cls, folder: Path, name: str) -> Lexical:
        """A saved Lexical, its arrays memory-mapped: opening it tokenizes and computes nothing."""
        self = cls.__new__(cls)
        words = orjson.loads((folder / f"{name}.vocab.json").read_bytes())
        self.vocab = {w: i for i, w in enumerate(words)}
        arrays = {k: np.load(folder / f"{name}.{k}.npy", mmap_mode="r").view(np.ndarray) for k in ARRAYS}
        for key in ARRAYS[:5]:
            setattr(self, key, arrays[key])
        scores = {"data": arrays["score_data"], "indices": arrays["score_indices"], "indptr": arrays["score_indptr"]}
        self.retriever = self._retriever({**scores, "num_docs": self.size}) if self.size else None
        return self

    def search(self, query: str, k: int, allowed: np.ndarray | None = None) -> list[int]:
        """Positions of the best-matching texts (score > 0), restricted to `allowed` when given."""
        if self.retriever is None:
            return []
        words = bm25s.tokenize([query], stopwords="en", show_progress=False, return_ids=False)[0]
        ids = [self.vocab[w] for w in words if w in self.vocab]
        if not ids:
            return []
        mask = None
        if allowed is not None:
            mask = np.zeros(self.size, dtype=np.float32)
            mask[allowed] = 1.0
        scores = self.retriever.get_scores(ids, weight_mask=mask)
        # the top k among the texts that hold a query word: bm25s's own top-k partitions all
        # scores, mostly zeros, which took 35 ms of a 60 ms answer at 240k quotes
        hits = np.flatnonzero(scores > 0)
        if len(hits) > k:
            hits = hits[np.argpartition(-scores[hits], k - 1)[:k]]
        return [int(d) for d in hits[np.lexsort((hits, -scores[hits]))]]
