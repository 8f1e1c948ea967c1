"""Quote extraction over every article of the shared corpora and a fuzz run of malformed
quotation: counts crashes (there should be none), checks that every quote is verbatim, and
prints articles per second per corpus.

    python benchmarks/robustness.py [--corpora polnear-train polnear-dev bbc-2004 newsplease]
                                    [--limit N] [--fuzz 300]

The same functions the index uses (read_file, parse_articles, extract_quotes), in one process;
the spaCy load is outside the timings.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpora import CORPORA as SHARED  # noqa: E402

from embeddings.articles import Article, ArticleError, parse_text, read_file  # noqa: E402
from embeddings.attribution import extract_quotes  # noqa: E402
from embeddings.nlp import load_nlp, parse_articles  # noqa: E402

CORPORA = {
    "polnear-train": (SHARED / "polnear" / "train" / "text", "*.txt"),
    "polnear-dev": (SHARED / "polnear" / "dev" / "text", "*.txt"),
    "bbc-2004": (SHARED / "bbc-2004", "*.txt"),
    "newsplease": (SHARED / "newsplease", "*.json"),
}
MARKS = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "``", "''"]
WORDS = "the minister said he told reporters that we will not accept it according to officials Rubio Marco".split()


def check(articles: list[Article], nlp, crashes: list[str]) -> tuple[int, int]:
    """Extract every article's quotes; a crash or a quote that is not verbatim is recorded."""
    quotes = 0
    for parsed in parse_articles(articles, nlp):
        try:
            found = extract_quotes(parsed)
        except Exception:
            crashes.append(f"{parsed.article.path}: {traceback.format_exc(limit=3)}")
            continue
        text = parsed.article.text
        bad = [q for q in found if text[q.start : q.end] != q.text]
        if bad:
            crashes.append(f"{parsed.article.path}: {len(bad)} quotes not verbatim")
        quotes += len(found)
    return len(articles), quotes


def fuzz_bodies(n: int, seed: int = 7) -> list[str]:
    """Malformed quotation: mark soup, unbalanced and nested marks, quotes in headlines (the
    title line), a 500-KB paragraph."""
    rng = random.Random(seed)
    bodies = ["\u201cA paragraph of 500 KB " + "word " * 100_000 + "\u201d he said."]
    for _ in range(n):
        paras = []
        for _ in range(rng.randint(1, 6)):
            tokens = []
            for _ in range(rng.randint(0, 60)):
                tokens.append(rng.choice(MARKS) if rng.random() < 0.25 else rng.choice(WORDS))
            paras.append(" ".join(tokens) if rng.random() < 0.5 else "".join(tokens))
        bodies.append("\n\n".join(p for p in paras if p.strip()) or "\u201c")
    return bodies


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", nargs="+", default=list(CORPORA), choices=list(CORPORA))
    ap.add_argument("--limit", type=int, default=0, help="at most N files per corpus")
    ap.add_argument("--fuzz", type=int, default=300, help="number of generated malformed articles")
    args = ap.parse_args()
    nlp = load_nlp()
    crashes: list[str] = []
    for name in args.corpora:
        folder, pattern = CORPORA[name]
        files = sorted(folder.rglob(pattern))[: args.limit or None]
        articles: list[Article] = []
        unreadable = 0
        for path in files:
            try:
                articles.extend(read_file(path, str(path), 5_000_000))
            except ArticleError as exc:  # a clear refusal, not a crash
                unreadable += 1
                print(f"  {name}: skipped {path.name}: {exc}")
        started = time.perf_counter()
        n, quotes = check(articles, nlp, crashes)
        seconds = time.perf_counter() - started
        print(f"{name:>13}: {n} articles ({unreadable} refused), {quotes} quotes, {seconds:.1f} s = {n / seconds:.1f} articles/s")
    bodies = fuzz_bodies(args.fuzz)
    articles = [parse_text(f'Headline with \u201ca quote\u201d and "marks\n\n{body}', f"fuzz-{i}.txt") for i, body in enumerate(bodies)]
    started = time.perf_counter()
    n, quotes = check(articles, nlp, crashes)
    print(f"{'fuzz':>13}: {n} malformed articles (one with a 500-KB paragraph), {quotes} quotes, {time.perf_counter() - started:.1f} s")
    print(f"crashes or non-verbatim quotes: {len(crashes)}")
    for c in crashes[:20]:
        print(c)
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
