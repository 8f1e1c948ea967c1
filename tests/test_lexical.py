"""Our BM25 index build gives bm25s's own scores, and a reload's index equals a fresh one."""

from __future__ import annotations

import random

import bm25s
import numpy as np

from embeddings.lexical import Lexical
from tests.conftest import ARTICLES


def corpus() -> list[str]:
    texts = [p for f in sorted(ARTICLES.rglob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    rng = random.Random(3)
    words = " ".join(texts).split()
    return texts + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 40))) for _ in range(200)] + ["", "the of and"]


def reference(texts: list[str], query: str, k: int) -> tuple[list[int], list[float]]:
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False)
    docs, scores = retriever.retrieve(bm25s.tokenize([query], stopwords="en", show_progress=False), k=k, show_progress=False)
    return [int(d) for d, s in zip(docs[0], scores[0], strict=True) if s > 0], [float(s) for s in scores[0] if s > 0]


def top_scores(lexical: Lexical, query: str, k: int) -> list[float]:
    words = bm25s.tokenize([query], stopwords="en", return_ids=False, show_progress=False)[0]
    _, scores = lexical.retriever.retrieve([[lexical.vocab[w] for w in words if w in lexical.vocab]], k=k, show_progress=False)
    return [float(s) for s in scores[0] if s > 0]


def test_scores_equal_bm25s_and_reuse_changes_nothing() -> None:
    texts = corpus()
    fresh = Lexical(texts)
    changed = [*texts[5:], "Rubio said the talks in Miami were productive and the work continues."]
    reused = Lexical(changed, previous=fresh)  # 5 texts gone, 1 new, the vocabulary grown
    for query in ["work to be done peace plan", "Rubio Miami talks", "Umerov delegation productive meeting", "document progress"]:
        ref_docs, ref_scores = reference(changed, query, 10)
        assert ref_scores and np.allclose(top_scores(reused, query, 10), ref_scores, rtol=1e-4)
        assert set(reused.search(query, 10)) == set(ref_docs)
        assert reused.search(query, 10) == Lexical(changed).search(query, 10)


def test_filtered_search_stays_inside_the_mask() -> None:
    texts = corpus()
    lexical = Lexical(texts)
    allowed = np.arange(0, len(texts), 3)
    hits = lexical.search("Rubio work peace", 20, allowed)
    assert hits and set(hits) <= set(allowed.tolist())
    assert lexical.search("zzzz-not-a-word", 5) == []


def test_a_saved_index_opens_with_the_same_results_and_lends_its_counts(tmp_path) -> None:
    texts = corpus()
    built = Lexical(texts)
    built.save(tmp_path, "passages")
    opened = Lexical.load(tmp_path, "passages")
    allowed = np.arange(0, len(texts), 2)
    for query in ["Rubio Miami talks", "work to be done peace plan"]:
        assert opened.search(query, 10) == built.search(query, 10)
        assert opened.search(query, 10, allowed) == built.search(query, 10, allowed)
    changed = [*texts[3:], "Umerov called the Miami meeting productive."]
    assert Lexical(changed, previous=opened).search("Umerov productive meeting", 5) == Lexical(changed).search(
        "Umerov productive meeting", 5
    )
