"""Question latency at scale, query embedding included, Discord and model load excluded:

    python benchmarks/latency.py [--sizes 10000 100000 1000000] [--queries 200]

Real passages are embedded once; larger indexes are filled with synthetic vectors drawn around
them (real vector + Gaussian noise, normalised), which keeps the neighbourhood structure of real
embeddings. For each size: p50/p95 of embed + exact FAISS search (IndexFlatIP, what whosaid uses),
the embedding alone as the baseline of the same run, and memory per passage of the vectors.
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

from embeddings.vectors import encode, load_model  # noqa: E402

BBC = ROOT.parent / "shared" / "corpus" / "bbc-2004"
QUESTIONS = [
    "Who said the economy would grow next year?",
    "What did the chancellor say about taxes?",
    "Who called the merger a disaster for shareholders?",
    "Who said the team played well despite the defeat?",
    "What did the minister say about the election?",
]


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
        if len(texts) >= args.seed_passages:
            break
    seed = encode(model, texts[: args.seed_passages], batch_size=64)
    rng = np.random.default_rng(0)
    questions = [QUESTIONS[i % len(QUESTIONS)] + f" ({i})" for i in range(args.queries)]
    for q in questions[:5]:
        encode(model, [q])  # warm-up
    embed_times = []
    for q in questions:
        t = time.perf_counter()
        encode(model, [q])
        embed_times.append(time.perf_counter() - t)
    print(f"query embedding alone (baseline): p50 {percentile(embed_times, 50):.1f} ms, p95 {percentile(embed_times, 95):.1f} ms")
    print(f"{'passages':>10} {'p50 ms':>8} {'p95 ms':>8} {'p95 / embedding':>16} {'MB vectors':>11} {'bytes/passage':>14}")
    for n in args.sizes:
        base = seed[rng.integers(0, len(seed), n)]
        vectors = base + rng.normal(0, 0.03, base.shape).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        index = faiss.IndexFlatIP(vectors.shape[1])
        index.add(vectors)
        times = []
        for q in questions:
            t = time.perf_counter()
            qv = encode(model, [q])
            index.search(qv, 50)
            times.append(time.perf_counter() - t)
        p95 = percentile(times, 95)
        mb = vectors.nbytes / 1e6
        ratio = p95 / percentile(embed_times, 95)
        print(f"{n:>10} {percentile(times, 50):>8.1f} {p95:>8.1f} {ratio:>15.1f}x {mb:>11.0f} {vectors.nbytes / n:>14.0f}")
        del index, vectors, base


if __name__ == "__main__":
    main()
