"""Nearest-vector search: a scan of 8-bit codes for small indexes, IVF for large ones, the
candidates scored again exactly; filters inside."""

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


def truth(vectors: np.ndarray, q: np.ndarray, k: int) -> list[int]:
    return np.argsort(-(vectors @ q))[:k].tolist()


def test_small_index_scans_codes_large_one_is_ivf_both_with_high_recall() -> None:
    vectors = clustered(60_000)
    small = vector_index(vectors[:5000], 64)
    assert isinstance(small, faiss.IndexScalarQuantizer)
    ivf = vector_index(vectors, 64, exact_limit=50_000)
    assert isinstance(ivf, faiss.IndexIVFScalarQuantizer)
    queries = clustered(50, seed=1)
    for index, among in ((small, vectors[:5000]), (ivf, vectors)):
        found = sum(len(set(nearest(index, among, q[None], 10)) & set(truth(among, q, 10))) for q in queries)
        assert found / (10 * len(queries)) >= 0.95
    # the scores that order the results are exact: the best of the codes' candidates comes first
    assert all(nearest(small, vectors[:5000], q[None], 1) == truth(vectors[:5000], q, 1) for q in queries[:20])


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
