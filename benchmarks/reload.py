"""Reload costs on the bbc-2004 corpus (2,095 articles), measured in one run:

    python benchmarks/reload.py [--corpus DIR] [--limit N]

1. full build into an empty index (baseline), with its peak memory;
2. reload of the unchanged corpus: as a ratio of the full build;
3. reload after changing one article.
Each of these is a real `whosaid index` process, so model loading is included in every step.
4. the bot's in-process /reload (model, parser and index in memory): unchanged, then after
   changing one article, several rounds.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpora import BBC

ROOT = Path(__file__).resolve().parents[1]


def run(corpus: Path, index: Path) -> tuple[float, str]:
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", "index", "--articles", str(corpus), "--index", str(index)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - started, proc.stdout.strip().splitlines()[1]


def in_process_reloads(corpus: Path, index: Path, rounds: int) -> None:
    """The bot's /reload: the model, the parser and the previous index are already in memory.
    One article is changed before each round (a different one each time)."""
    sys.path.insert(0, str(ROOT))
    from embeddings.live import LiveIndex
    from embeddings.settings import Settings

    settings = Settings(articles_dir=corpus, index_dir=index, _env_file=None)
    live = LiveIndex(settings)
    live.open()
    live.warm_up()  # what open() starts in a thread, finished before the clock starts
    started = time.perf_counter()
    live.reload()
    print(f"  in-process /reload, nothing changed: {time.perf_counter() - started:.2f}s")
    files = sorted(corpus.rglob("*.txt"))
    times, embedded = [], []
    for n in range(rounds):
        target = files[(n + 2) * len(files) // (rounds + 2)]
        target.write_text(target.read_text(encoding="utf-8") + "\n\nOne more paragraph, added for the benchmark.\n", encoding="utf-8")
        started = time.perf_counter()
        result = live.reload()
        times.append(time.perf_counter() - started)
        embedded.append(result.report.embedded)
    print(
        f"  in-process /reload after changing one article ({rounds} rounds): median {statistics.median(times):.2f}s, "
        f"max {max(times):.2f}s; texts embedded per round {embedded}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=BBC)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    ap.add_argument("--rounds", type=int, default=10, help="one-article reloads in the bot's process")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, index = Path(tmp) / "articles", Path(tmp) / "index"
        files = sorted(args.corpus.rglob("*.txt"))
        if args.limit:
            files = files[: args.limit]
        for f in files:
            dst = corpus / f.relative_to(args.corpus)
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, dst)
        print(f"corpus: {len(files)} articles from {args.corpus}")
        full, summary = run(corpus, index)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"  full build:          {full:8.1f}s  peak memory {peak_mb:.0f} MB  ({summary})")
        same, summary = run(corpus, index)
        print(f"  unchanged reload:    {same:8.1f}s  = {same / full:.1%} of the full build  ({summary})")
        target = files[0]
        changed = corpus / target.relative_to(args.corpus)
        changed.write_text(changed.read_text(encoding="utf-8") + "\n\nA paragraph added for the benchmark.\n", encoding="utf-8")
        one, summary = run(corpus, index)
        print(f"  one article changed: {one:8.1f}s  = {one / full:.1%} of the full build  ({summary})")
        in_process_reloads(corpus, index, args.rounds)


if __name__ == "__main__":
    main()
