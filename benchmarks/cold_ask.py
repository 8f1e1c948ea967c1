"""Cold start of a question: `whosaid ask` from process start to the printed answer, and the
process's peak memory, with questions embedded by the ONNX copy of the model (no torch) against
the torch model (an empty model cache, so the ONNX copy is not found), and with the index in the
SQLite store against the same index in the JSON Lines format it replaced (format 1, read whole),
in one run.

    python benchmarks/cold_ask.py                 # the retrieval benchmark's index if built, else the sample
    python benchmarks/cold_ask.py --index DIR --runs 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "Who said there is still a lot of work to be done?"


def one_run(index: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds to the printed answer and peak RSS in MB of one `whosaid ask`."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "ask", QUESTION, "--index", str(index)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"whosaid ask failed ({status})")
    return seconds, usage.ru_maxrss / 1024


def measure(index: Path, env: dict[str, str], runs: int) -> tuple[float, float]:
    results = [one_run(index, env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--index", type=Path, help="an index folder (default: .bench-cache/articles-index, else the sample's)")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        index = args.index or ROOT / ".bench-cache" / "articles-index"
        if not index.is_dir():
            index = Path(tmp) / "sample-index"
            subprocess.run(
                [sys.executable, "-m", "bot.cli", "index", "--articles", "sample", "--index", str(index)], cwd=ROOT, env=env, check=True
            )
        subprocess.run(
            [sys.executable, "-c", "from embeddings.vectors import prepare_query_model; prepare_query_model()"], env=env, check=True
        )
        jsonl = Path(tmp) / "format-1"
        subprocess.run([sys.executable, "-c", _AS_FORMAT_1, str(index), str(jsonl)], env=env, check=True)
        torch_s, torch_mb = measure(index, {**env, "XDG_CACHE_HOME": str(Path(tmp) / "empty-cache")}, args.runs)
        json_s, json_mb = measure(jsonl, env, args.runs)
        onnx_s, onnx_mb = measure(index, env, args.runs)
    print(f"index: {index}")
    print(f"torch, SQLite store:          {torch_s:.2f} s to the answer, peak {torch_mb:.0f} MB")
    print(f"onnx, JSON Lines (format 1):  {json_s:.2f} s to the answer, peak {json_mb:.0f} MB")
    print(f"onnx, SQLite store (default): {onnx_s:.2f} s to the answer, peak {onnx_mb:.0f} MB")
    print(f"against torch: {onnx_s / torch_s:.2f}x the time, {onnx_mb / torch_mb:.2f}x the memory")
    print(f"against format 1: {onnx_s / json_s:.2f}x the time, {onnx_mb / json_mb:.2f}x the memory")


_AS_FORMAT_1 = "import sys; from pathlib import Path; from embeddings.store import load; from embeddings.store.jsonl import save_jsonl; "
_AS_FORMAT_1 += "save_jsonl(load(Path(sys.argv[1])), Path(sys.argv[2]))"


if __name__ == "__main__":
    main()
