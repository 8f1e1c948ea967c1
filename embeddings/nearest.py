"""Nearest vectors by inner product (cosine: the vectors are normalised), with FAISS.

FAISS holds the vectors as 8-bit codes (a scalar quantizer: 384 bytes a vector, a quarter of
float32), which is what a search reads and what stays in memory; its candidates are then scored
again exactly on the float32 vectors, of which a question reads only those rows. The index type
follows the size: a scan of every code while that is fast enough, an inverted file (k-means
cells, a query scans the few nearest cells) beyond. A filtered search over a small subset (one
speaker's quotes) scores the subset exactly; over a large one, FAISS applies the ID selector
inside the search.
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
#: A filter leaving at most this many vectors is scored exactly on their float32 rows, without
#: FAISS; up to SCAN_LIMIT, FAISS scans the codes of every cell for them (an IVF's probed cells
#: could miss one speaker's few quotes); beyond, a filtered search probes as usual.
SUBSET_LIMIT = 1_000
SCAN_LIMIT = 20_000
#: Candidates taken from the 8-bit codes per result wanted, before the exact scores pick: the
#: codes' error (about 0.005 of cosine) reorders only near-ties, and 2x covers them
#: (benchmarks/latency.py: recall@10 against exact search).
RESCORE = 2
QUANTIZER = faiss.ScalarQuantizer.QT_8bit


def vector_index(vectors: np.ndarray, dim: int, exact_limit: int = EXACT_LIMIT) -> faiss.Index:
    """A FAISS index of 8-bit codes over `vectors` (rows are ids), a full scan or IVF by size."""
    if len(vectors) <= exact_limit:
        index = faiss.IndexScalarQuantizer(dim, QUANTIZER, faiss.METRIC_INNER_PRODUCT)
        if len(vectors):
            index.train(_sample(vectors, len(vectors)))
            index.add(vectors)
        return index
    nlist = int(math.sqrt(len(vectors)))
    quantizer = faiss.IndexFlatIP(dim)
    index = faiss.IndexIVFScalarQuantizer(quantizer, dim, nlist, QUANTIZER, faiss.METRIC_INNER_PRODUCT)
    index.train(_sample(vectors, 40 * nlist))
    index.add(vectors)
    index.nprobe = max(1, nlist // PROBE_SHARE)
    return index


def _sample(vectors: np.ndarray, n: int) -> np.ndarray:
    """At most n rows, the same for the same vectors: the same cells and codes each build."""
    rng = np.random.default_rng(0)
    return np.ascontiguousarray(vectors[np.sort(rng.choice(len(vectors), min(len(vectors), n), replace=False))])


def nearest(index: faiss.Index, vectors: np.ndarray, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[int]:
    """Ids of the `k` vectors nearest to `query` (shape (1, dim)), only among `allowed` if given."""
    if index.ntotal == 0 or k <= 0:
        return []
    if not isinstance(index, faiss.Index):  # a store that searches its own vectors (Milvus)
        return [] if allowed is not None and not len(allowed) else index.nearest(query, k, allowed)
    if allowed is not None:
        if len(allowed) == 0:
            return []
        if len(allowed) <= SUBSET_LIMIT:
            scores = vectors[allowed] @ query[0]
            top = np.argsort(-scores, kind="stable")[:k]
            return [int(allowed[i]) for i in top]
        selector = faiss.IDSelectorBatch(allowed.astype(np.int64))
        params = (
            faiss.SearchParametersIVF(sel=selector, nprobe=index.nlist if len(allowed) <= SCAN_LIMIT else index.nprobe)
            if isinstance(index, faiss.IndexIVF)
            else faiss.SearchParameters(sel=selector)
        )
        _, ids = index.search(query, min(RESCORE * k, index.ntotal), params=params)
    else:
        _, ids = index.search(query, min(RESCORE * k, index.ntotal))
    found = np.sort(ids[0][ids[0] >= 0])  # rows in file order: fewer pages read
    ranked = found[np.argsort(-(vectors[found] @ query[0]), kind="stable")]
    return [int(i) for i in ranked[:k]]
