"""A random sample of quotes from bbc-2004 stories nobody tuned attribution on (business,
entertainment, tech), printed with their paragraph and the one before, to be read by hand:
is the speaker right, wrong, or left unresolved? (issue 36). The sample is fixed by its seed, so a
later extractor can be read on the same quotes; docs/unseen-read.md keeps the verdicts.

    python benchmarks/unseen_sample.py [--n 100] [--seed 36] [--predictions extract.jsonl]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpora import BBC  # noqa: E402

CATEGORIES = ("business", "entertainment", "tech")


def extracted(predictions: Path | None) -> list[dict]:
    if predictions is not None:
        output = predictions.read_text(encoding="utf-8")
    else:
        folders = [str(BBC / c) for c in CATEGORIES]
        cmd = [sys.executable, "-m", "bot.cli", "extract", *folders, "--json"]
        output = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=True).stdout
    return [json.loads(line) for line in output.splitlines()]


def context(row: dict, before: int = 450, after: int = 150) -> str:
    """The text around the quote, as whosaid reads the article (the quote in [[ ]])."""
    from embeddings.articles import parse_text

    path = Path(row["article"])
    text = parse_text(path.read_text(encoding="utf-8"), path.name).text
    a, b = row["start"], row["end"]
    return f"…{text[max(0, a - before) : a]}[[{text[a:b]}]]{text[b : b + after]}…".replace("\n", " / ")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=36)
    ap.add_argument("--predictions", type=Path)
    args = ap.parse_args()
    rows = sorted(extracted(args.predictions), key=lambda r: (r["article"], r["start"]))
    sample = random.Random(args.seed).sample(rows, args.n)
    for i, row in enumerate(sample, 1):
        name = "/".join(Path(row["article"]).parts[-2:])
        print(f"#{i} {name} ¶{row['paragraph']} [{row['kind']}] → {row['speaker'] or 'NOBODY'}   ({row['how']})")
        print("   " + context(row))
        print()


if __name__ == "__main__":
    main()
