"""Nearest vectors by inner product (cosine: the vectors are normalised), with FAISS.

The index type follows the size: exact search (IndexFlatIP) while scanning every vector is fast
enough, an inverted file (IndexIVFFlat: k-means cells, a query scans the few nearest cells)
beyond. A filtered search over a small subset (one speaker's quotes) scores the subset exactly;
over a large one, FAISS applies the ID selector inside the search.
"""

from __future__ import annotations

import math

import faiss
import numpy as np

#: Above this many vectors the exact scan costs more than ~25 ms on 2 cores: use the IVF.
EXACT_LIMIT = 50_000
#: Share of the ~sqrt(n) cells a query scans: 1/8 keeps recall@10 against exact >= 0.95
#: (benchmarks/latency.py measures it) while scanning ~1/8 of the vectors at most.
PROBE_SHARE = 8
#: A filter leaving at most this many vectors is scored exactly, without FAISS.
SUBSET_LIMIT = 20_000


def vector_index(vectors: np.ndarray, dim: int, exact_limit: int = EXACT_LIMIT) -> faiss.Index:
    """A FAISS index over `vectors` (rows are ids), exact or IVF by size."""
    if len(vectors) <= exact_limit:
        index = faiss.IndexFlatIP(dim)
        if len(vectors):
            index.add(vectors)
        return index
    nlist = int(math.sqrt(len(vectors)))
    quantizer = faiss.IndexFlatIP(dim)
    index = faiss.IndexIVFFlat(quantizer, dim, nlist, faiss.METRIC_INNER_PRODUCT)
    rng = np.random.default_rng(0)  # the same cells for the same vectors
    sample = vectors[np.sort(rng.choice(len(vectors), min(len(vectors), 40 * nlist), replace=False))]
    index.train(sample)
    index.add(vectors)
    index.nprobe = max(1, nlist // PROBE_SHARE)
    return index


def nearest(index: faiss.Index, vectors: np.ndarray, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[int]:
    """Ids of the `k` vectors nearest to `query` (shape (1, dim)), only among `allowed` if given."""
    if index.ntotal == 0 or k <= 0:
        return []
    if allowed is not None:
        if len(allowed) == 0:
            return []
        if len(allowed) <= SUBSET_LIMIT:
            scores = vectors[allowed] @ query[0]
            top = np.argsort(-scores, kind="stable")[:k]
            return [int(allowed[i]) for i in top]
        selector = faiss.IDSelectorBatch(allowed.astype(np.int64))
        params = (
            faiss.SearchParametersIVF(sel=selector, nprobe=index.nprobe)
            if isinstance(index, faiss.IndexIVF)
            else faiss.SearchParameters(sel=selector)
        )
        _, ids = index.search(query, min(k, index.ntotal), params=params)
    else:
        _, ids = index.search(query, min(k, index.ntotal))
    return [int(i) for i in ids[0] if i >= 0]
