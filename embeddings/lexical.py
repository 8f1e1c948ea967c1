"""BM25 over passages or quotes (bm25s), built so that the next index generation tokenizes only
its new texts: a one-article reload must not re-tokenize the whole corpus."""

from __future__ import annotations

import logging

import bm25s
import numpy as np

logging.getLogger("bm25s").setLevel(logging.WARNING)

_EMPTY = ""  # bm25s scores documents with no token through an empty token; we give it id 0


class Lexical:
    """A bm25s index over `texts`, with each text's token ids kept for the next generation."""

    def __init__(self, texts: list[str], previous: Lexical | None = None) -> None:
        # a copy: the previous generation keeps serving with its own vocabulary during a reload
        self.vocab: dict[str, int] = dict(previous.vocab) if previous is not None else {_EMPTY: 0}
        known = previous.ids_of if previous is not None else {}
        new = [t for t in dict.fromkeys(texts) if t not in known]
        self.ids_of: dict[str, list[int]] = {}
        if new:
            words = bm25s.tokenize(new, stopwords="en", show_progress=False, return_ids=False)
            for text, tokens in zip(new, words, strict=True):
                self.ids_of[text] = [self.vocab.setdefault(w, len(self.vocab)) for w in tokens]
        for text in texts:
            if text not in self.ids_of:
                self.ids_of[text] = known[text]
        self.size = len(texts)
        self.retriever: bm25s.BM25 | None = None
        if texts:
            self.retriever = bm25s.BM25()
            tokens = bm25s.tokenization.Tokenized(ids=[self.ids_of[t] for t in texts], vocab=self.vocab)
            self.retriever.index(tokens, show_progress=False)

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
        docs, scores = self.retriever.retrieve([ids], k=min(k, self.size), show_progress=False, weight_mask=mask)
        return [int(d) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]
