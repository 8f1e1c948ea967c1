"""Indexing throughput: the whole pipeline versus the embedding model alone, in one run:

    python benchmarks/throughput.py [--articles 100] [--encoders torch onnx-int8]

For each encoder: passages per second of a full `whosaid index` build (read, parse, quotes,
passages, embedding of passages and quote pieces, BM25, save) into an empty index, and of
`model.encode` alone on the same passage texts. The ratio says how much the pipeline costs
beyond embedding the passages; the last line compares the encoders' speed.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpora import BBC  # noqa: E402

from embeddings import pipeline  # noqa: E402
from embeddings.passages import embed_text  # noqa: E402
from embeddings.pipeline import build_index  # noqa: E402
from embeddings.settings import Settings  # noqa: E402
from embeddings.vectors import encode, load_model  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--encoders", nargs="+", default=["torch", "onnx-int8"])
    args = ap.parse_args()
    files = sorted(BBC.rglob("*.txt"))[:: max(1, 2095 // args.articles)][: args.articles]
    model_rates = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "articles"
        for f in files:
            dst = corpus / f.relative_to(BBC)
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, dst)
        for encoder in args.encoders:
            settings = Settings(articles_dir=corpus, index_dir=Path(tmp) / f"index-{encoder}", encoder=encoder, _env_file=None)
            model = load_model(settings.embedder)
            encode(model, ["warm up"] * 8)
            from embeddings.nlp import load_nlp, parse_articles

            load_nlp(settings.spacy_model)
            embedding = 0.0

            def timed_encode(model: object, texts: list[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
                """`encode`, timed: the pipeline's own embedding calls, passages and quote pieces."""
                nonlocal embedding
                began = time.perf_counter()
                try:
                    return encode(model, texts, batch_size, progress)
                finally:
                    embedding += time.perf_counter() - began

            pipeline.encode = timed_encode
            try:
                started = time.perf_counter()
                index, report = build_index(settings)
                whole = time.perf_counter() - started
            finally:
                pipeline.encode = encode
            texts = [embed_text(index.articles[p.article_id], p.text) for p in index.passages]
            started = time.perf_counter()
            encode(model, texts, settings.batch_size)
            alone = time.perf_counter() - started
            n = len(texts)
            model_rates[encoder] = n / alone
            print(
                f"{encoder:>9}: {len(index.articles)} articles, {n} passages (+{report.embedded - n} quote pieces embedded): "
                f"pipeline {n / whole:5.1f} passages/s, model.encode alone {n / alone:5.1f} passages/s "
                f"= pipeline at {alone / whole:.0%} of the model"
            )
            if encoder == args.encoders[0]:
                # where the rest goes: the spaCy parse alone (one core), on the same articles
                articles = list(index.articles.values())
                started = time.perf_counter()
                parse_articles(articles, load_nlp(settings.spacy_model))
                parse = time.perf_counter() - started
                print(
                    f"{'':>9}  spaCy parse alone: {parse:.1f}s = {parse / alone:.0%} of model.encode's {alone:.1f}s "
                    f"(a pipeline that only parsed and embedded the passages would reach {alone / (alone + parse):.0%})"
                )
                print(
                    f"{'':>9}  embedding inside the pipeline (passages and quote pieces): {embedding:.1f}s = {alone / embedding:.0%} "
                    f"of what the passages alone take; with the parse added {alone / (embedding + parse):.0%}"
                )
    if "torch" in model_rates and "onnx-int8" in model_rates:
        print(f"onnx-int8 encoder: {model_rates['onnx-int8'] / model_rates['torch']:.2f}x the torch fp32 speed on the same passages")


if __name__ == "__main__":
    main()
