"""Question latency at scale, query embedding included, Discord and model load excluded:

    python benchmarks/latency.py [--sizes 10000 100000 1000000] [--queries 200]

Real passages are embedded once; larger indexes are filled with synthetic vectors mixed from
them (one real vector plus a share of another plus Gaussian noise, normalised): many distinct
points with the topical structure of real embeddings. For each size: p50/p95 of embed + search
with the index whosaid builds for that size (embeddings/nearest.py: 8-bit codes, scanned whole up
to 50k vectors, IVF beyond, candidates rescored on float32) and with exact search on the same
vectors, the embedding alone as the baseline of the same run, recall@10 of the chosen index
against exact, its build time and float32 bytes per passage.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import faiss
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpora import BBC  # noqa: E402

from embeddings.nearest import nearest, vector_index  # noqa: E402
from embeddings.vectors import encode, load_model  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    return float(np.percentile(np.asarray(values) * 1000, p))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--seed-passages", type=int, default=2000)
    args = ap.parse_args()
    model = load_model("all-MiniLM-L6-v2")
    texts = []
    for f in sorted(BBC.rglob("*.txt")):
        texts.extend(p for p in f.read_text(encoding="utf-8").split("\n\n") if len(p.split()) > 20)
        if len(texts) >= args.seed_passages + args.queries:
            break
    seed = encode(model, texts[: args.seed_passages], batch_size=64)
    rng = np.random.default_rng(0)
    # questions about passages that are not among the seeds: "Who said <its first words>?"
    questions = [f"Who said {' '.join(t.split()[:10])}?" for t in texts[args.seed_passages : args.seed_passages + args.queries]]
    for q in questions[:5]:
        encode(model, [q])  # warm-up
    embed_times = []
    for q in questions:
        t = time.perf_counter()
        encode(model, [q])
        embed_times.append(time.perf_counter() - t)
    print(f"query embedding alone (baseline): p50 {percentile(embed_times, 50):.1f} ms, p95 {percentile(embed_times, 95):.1f} ms")
    print(
        f"{'passages':>10} {'index':>6} {'build s':>8} {'p50 ms':>7} {'p95 ms':>7} {'exact p95':>10} "
        f"{'p95/embed':>10} {'recall@10':>10} {'bytes/passage':>14}"
    )
    for n in args.sizes:
        first = seed[rng.integers(0, len(seed), n)]
        second = seed[rng.integers(0, len(seed), n)] * rng.uniform(0, 1, (n, 1)).astype(np.float32)
        vectors = first + second + rng.normal(0, 0.02, first.shape).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        del first, second
        started = time.perf_counter()
        index = vector_index(vectors, vectors.shape[1])
        build = time.perf_counter() - started
        exact = faiss.IndexFlatIP(vectors.shape[1])
        exact.add(vectors)
        times, exact_times, found = [], [], 0
        for q in questions:
            t = time.perf_counter()
            qv = encode(model, [q])
            got = nearest(index, vectors, qv, 50)
            times.append(time.perf_counter() - t)
            t = time.perf_counter()
            qv = encode(model, [q])
            _, truth = exact.search(qv, 50)
            exact_times.append(time.perf_counter() - t)
            found += len(set(got[:10]) & set(truth[0][:10].tolist()))
        p95 = percentile(times, 95)
        kind = "IVF" if isinstance(index, faiss.IndexIVF) else "scan"  # of 8-bit codes, rescored exactly
        print(
            f"{n:>10} {kind:>6} {build:>8.1f} {percentile(times, 50):>7.1f} {p95:>7.1f} {percentile(exact_times, 95):>10.1f} "
            f"{p95 / percentile(embed_times, 95):>9.1f}x {found / (10 * len(questions)):>10.3f} {vectors.nbytes / n:>14.0f}"
        )
        del index, exact, vectors


if __name__ == "__main__":
    main()
