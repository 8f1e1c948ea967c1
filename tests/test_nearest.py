"""Nearest-vector search: exact for small indexes, IVF for large ones, filters inside."""

from __future__ import annotations

import faiss
import numpy as np

from embeddings.nearest import nearest, vector_index


def clustered(n: int, dim: int = 64, seed: int = 0) -> np.ndarray:
    """Vectors around a few hundred centres, like embeddings of many stories on fewer topics."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(300, dim))
    v = centres[rng.integers(0, len(centres), n)] + rng.normal(scale=0.6, size=(n, dim))
    v = v.astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_small_index_is_exact_large_one_is_ivf_with_high_recall() -> None:
    vectors = clustered(60_000)
    assert isinstance(vector_index(vectors[:1000], 64), faiss.IndexFlatIP)
    ivf = vector_index(vectors, 64, exact_limit=50_000)
    assert isinstance(ivf, faiss.IndexIVFFlat)
    exact = vector_index(vectors, 64, exact_limit=10**9)
    queries = clustered(50, seed=1)
    found = sum(len(set(nearest(ivf, vectors, q[None], 10)) & set(nearest(exact, vectors, q[None], 10))) for q in queries)
    assert found / (10 * len(queries)) >= 0.95


def test_filtered_search_returns_only_allowed_ids_small_and_large() -> None:
    vectors = clustered(60_000)
    index = vector_index(vectors, 64, exact_limit=50_000)
    q = clustered(1, seed=2)
    for allowed in (np.arange(0, 60_000, 7), np.arange(100, 130)):
        hits = nearest(index, vectors, q, 10, allowed)
        assert hits and set(hits) <= set(allowed.tolist())
    # a small subset is scored exactly: the best allowed vector comes first
    few = np.arange(100, 130)
    assert nearest(index, vectors, q, 1, few)[0] == int(few[np.argmax(vectors[few] @ q[0])])
    assert nearest(index, vectors, q, 10, np.array([], dtype=np.int64)) == []
