"""Does a change keep attribution as it was? Runs `whosaid extract --json` of a git revision (in a
temporary worktree) and of this working tree over the four shared corpora (PolNeAR dev and train,
newsplease, all of bbc-2004), and compares them line by line, leaving out `how` (the trace names
rules, so a renamed rule is no change of output).

    python benchmarks/same_extraction.py --base HEAD~3            # all four corpora
    python benchmarks/same_extraction.py --base HEAD --only dev   # the quick one
    python benchmarks/same_extraction.py --base v1 --against v2     # two revisions
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import BBC, CORPORA, POLNEAR

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "dev": POLNEAR / "dev" / "text",
    "train": POLNEAR / "train" / "text",
    "newsplease": CORPORA / "newsplease",
    "bbc-2004": BBC,
}


def extract(tree: Path, files: list[Path]) -> list[dict]:
    """`whosaid extract --json` as the code in `tree` runs it, one dict per quote, without `how`."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(tree)}
    rows: list[dict] = []
    for start in range(0, len(files), 500):  # (argument lists stay short)
        chunk = [str(f) for f in files[start : start + 500]]
        command = [sys.executable, "-m", "bot.cli", "extract", "--json", *chunk]
        out = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True)
        rows += [json.loads(line) for line in out.stdout.splitlines()]
    for row in rows:
        row.pop("how", None)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", default="HEAD", help="the revision to compare with (default HEAD)")
    ap.add_argument("--against", help="a revision to compare it with, instead of the working tree")
    ap.add_argument("--only", choices=sorted(SETS), action="append", help="only these corpora")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"base": args.base, "against": args.against}
        made = {k: Path(tmp) / k for k, rev in trees.items() if rev}
        for k, path in made.items():
            subprocess.run(["git", "worktree", "add", "--detach", "-q", str(path), trees[k]], cwd=ROOT, check=True)
        try:
            same = True
            for name in args.only or list(SETS):
                files = sorted(p for p in SETS[name].rglob("*") if p.is_file())
                before, after = extract(made["base"], files), extract(made.get("against", ROOT), files)
                moved = sum(a != b for a, b in zip(before, after, strict=False)) + abs(len(before) - len(after))
                same = same and moved == 0
                print(f"{name}: {len(files)} files, {len(before)} quotes before, {len(after)} after, {moved} lines differ", flush=True)
        finally:
            for path in made.values():
                subprocess.run(["git", "worktree", "remove", "--force", str(path)], cwd=ROOT, check=True)
    print("identical apart from how" if same else "OUTPUT CHANGED")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
