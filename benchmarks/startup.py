"""Start-up: process start to first answer with a persisted index, memory per passage, the
latency of whole answers (hybrid search, fusion, answer assembly) once the index is loaded, and
what writing a reload that changed 10 articles costs, for the SQLite store, the Milvus store
(Milvus Lite, in the process, and as a server on 127.0.0.1) and the JSON Lines format SQLite replaced (format 1), in one run:

    python benchmarks/startup.py [--passages 10000 100000] [--seed-articles 40] [--questions 100]

A real index is built from the first bbc-2004 articles; large ones are made from it by copying
its articles (new paths and ids) with their passages, quotes and vectors (plus a little noise, so
no two vectors are equal) and saved as a normal generation in each format (format 1 only up to
--json-limit passages: it is read whole into memory; Milvus up to --milvus-limit, as Milvus Lite
writes ~2,000 rows a second). Then `whosaid ask … --json` runs as a fresh
process on each: the small index is the baseline of the same run (Python, imports, model load),
the difference is what the index size costs. Then each index answers the same questions
in-process (who-said fragments and what-did questions drawn from the seed articles' quotes):
p50/p95 of `answer()` with the query embedding, the small index again the baseline. Last, 10
articles are changed and the store written as a reload writes it: a whole new generation for
the files, the changed articles' rows for Milvus ("reload s"; parsing and embedding those 10
articles costs the same in every store and at every size, and is left out).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpora import BBC  # noqa: E402

from bot.answer import answer  # noqa: E402
from embeddings.index import Index  # noqa: E402
from embeddings.lexical import Lexical  # noqa: E402
from embeddings.pipeline import build_index, open_searcher  # noqa: E402
from embeddings.settings import Settings  # noqa: E402
from embeddings.store import PUBLISHED, load, save  # noqa: E402
from embeddings.store.jsonl import save_jsonl  # noqa: E402
from embeddings.store.milvus import disconnect, publish  # noqa: E402

QUESTION = "Who said the economy would grow next year?"


def enlarge(index: Index, passages: int) -> Index:
    """Copies of every article until the index holds about `passages` passages."""
    copies = max(1, -(-passages // max(1, len(index.passages))))
    rng = np.random.default_rng(0)
    articles, hashes, ps, qs = {}, {}, [], []
    for c in range(copies):
        for a in index.articles.values():
            new_id = f"{a.id}c{c}"
            articles[new_id] = dataclasses.replace(a, id=new_id, path=f"copy{c}/{a.path}")
            hashes[new_id] = f"{index.hashes[a.id]}-{c}"
        ps += [dataclasses.replace(p, article_id=f"{p.article_id}c{c}") for p in index.passages]
        qs += [dataclasses.replace(q, article_id=f"{q.article_id}c{c}") for q in index.quotes]

    def noisy(v: np.ndarray) -> np.ndarray:
        out = np.tile(v, (copies, 1)) + rng.normal(0, 0.01, (len(v) * copies, v.shape[1])).astype(np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    owner = np.concatenate([index.quote_owner + c * len(index.quotes) for c in range(copies)])
    pv, qv = noisy(index.passage_vectors), noisy(index.quote_vectors)
    lexical = {  # the copies' texts are the seed's: their counts are lent, not tokenized again
        f"{kind}_lexical": Lexical([r.text for r in records], getattr(index, f"{kind}_lexical"))
        for kind, records in (("passage", ps), ("quote", qs))
    }
    return Index(index.model, index.dim, articles, hashes, ps, qs, pv, qv, owner, **lexical)


# runs the command and prints its peak memory (KB): each measurement gets its own process tree
_PEAK = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def first_answer(index_dir: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from process start to the answer, and the process's peak memory in MB."""
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _PEAK, sys.executable, "-m", "bot.cli", "ask", QUESTION, "--index", str(index_dir), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env},
    )
    seconds = time.perf_counter() - started
    answer, peak_kb = proc.stdout.strip().rsplit("\n", 1)
    assert '"found"' in answer, answer[:200]
    return seconds, int(peak_kb) / 1024


def questions(index: Index, n: int) -> list[str]:
    """Who-said fragments (six words of a quote, one dropped) and what-did questions (a speaker's
    surname and three of the quote's longer words), as users ask them."""
    rng = random.Random(7)
    quotes = [q for q in index.quotes if q.speaker and len(q.text.split()) >= 8]
    asked = []
    for q in rng.sample(quotes, min(len(quotes), n)):
        words = [w.strip(".,;:!?\"'\u201c\u201d") for w in q.text.split()]
        start = rng.randrange(0, len(words) - 5)
        window = words[start : start + 6]
        del window[rng.randrange(1, 5)]
        asked.append(f"Who said {' '.join(window).lower()}?")
        topic = [w.lower() for w in words if len(w) > 4]
        if len(topic) >= 3:
            asked.append(f"What did {q.speaker.split()[-1]} say about {' '.join(rng.sample(topic, 3))}?")
    return asked


def answer_latency(settings: Settings, index_dir: Path, asked: list[str]) -> tuple[float, float]:
    """p50 and p95 milliseconds of answer() on a loaded index, the query embedding included."""
    searcher = open_searcher(settings, index_dir)
    answer(asked[0], searcher)  # warm-up
    times = []
    for q in asked:
        started = time.perf_counter()
        answer(q, searcher)
        times.append((time.perf_counter() - started) * 1000)
    return float(np.percentile(times, 50)), float(np.percentile(times, 95))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Store:
    """One way of keeping an index: how it is saved, how a process is told to open it, and what
    a reload that changed a few articles writes. "milvus" is Milvus Lite in the process;
    "milvus-server" the same engine as a server on 127.0.0.1 (`milvus-lite server`), so that
    the asking process holds only its own memory, as with a Milvus server elsewhere."""

    def __init__(self, name: str, tmp: Path) -> None:
        self.name, self.tmp = name, tmp
        self.servers: dict[Path, tuple[subprocess.Popen, str]] = {}

    def uri(self, folder: Path) -> str:
        if self.name == "milvus-server":
            return self.servers[folder][1]
        return str(folder / "milvus.db") if self.name == "milvus" else ""

    def _serve(self, folder: Path) -> None:
        port = free_port()
        data = folder / "milvus.db"
        server = subprocess.Popen(
            ["milvus-lite", "server", "--data-dir", str(data), "--host", "127.0.0.1", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(600):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        self.servers[folder] = (server, f"http://127.0.0.1:{port}")

    def save(self, index: Index, folder: Path) -> None:
        if self.name == "jsonl":
            save_jsonl(index, folder)
            return
        save(index, folder)
        if self.name == "milvus-server":
            self._serve(folder)
        if self.name.startswith("milvus"):
            publish(index, self.uri(folder), "whosaid", "benchmark", state=folder / PUBLISHED)
            disconnect(self.uri(folder))  # Milvus Lite: one process at a time holds the file

    def reload(self, index: Index, folder: Path) -> float:
        """Seconds to write `index` with 10 of its articles changed, as a reload writes it."""
        changed = dataclasses.replace(index, hashes={a: h if n >= 10 else f"{h}-edited" for n, (a, h) in enumerate(index.hashes.items())})
        started = time.perf_counter()
        if self.name.startswith("milvus"):
            publish(changed, self.uri(folder), "whosaid", "benchmark", state=folder / PUBLISHED)  # as `whosaid index` does
            disconnect(self.uri(folder))
        else:
            (save_jsonl if self.name == "jsonl" else save)(changed, folder)
        return time.perf_counter() - started

    def measure(self, settings: Settings, folder: Path, asked: list[str]) -> tuple[float, ...]:
        """Seconds to the first answer and peak MB of a fresh process; p50 and p95 ms in-process;
        seconds to write a reload of 10 changed articles."""
        uri = self.uri(folder)
        seconds, peak = first_answer(folder, {"WHOSAID_MILVUS_URI": uri})
        latency = answer_latency(settings.model_copy(update={"milvus_uri": uri}), folder, asked)
        if uri:
            disconnect(uri)
        row = (seconds, peak, *latency, self.reload(load(folder), folder))
        if folder in self.servers:
            self.servers.pop(folder)[0].terminate()
        return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--passages", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--json-limit", type=int, default=200_000, help="largest index also measured in format 1")
    ap.add_argument("--milvus-limit", type=int, default=100_000, help="largest index also measured in Milvus Lite")
    ap.add_argument("--stores", nargs="+", default=["sqlite", "milvus", "milvus-server", "jsonl"])
    ap.add_argument("--seed-articles", type=int, default=40)
    ap.add_argument("--questions", type=int, default=100, help="quotes to draw questions from (two questions each)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, small_dir = Path(tmp) / "articles", Path(tmp) / "small"
        for f in sorted(BBC.rglob("*.txt"))[: args.seed_articles]:
            dst = corpus / f.relative_to(BBC)
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, dst)
        settings = Settings(articles_dir=corpus, index_dir=small_dir, _env_file=None)
        small, _ = build_index(settings)
        asked = questions(small, args.questions)
        seed = load(small_dir)
        print(f"seed index: {len(small.passages):,} passages, {len(small.quotes):,} quotes; {len(asked)} questions")
        print(_HEAD)
        limits = {"jsonl": args.json_limit, "milvus": args.milvus_limit, "milvus-server": args.milvus_limit}
        for store in (Store(name, Path(tmp)) for name in args.stores):
            base = Path(tmp) / f"small-{store.name}"
            store.save(seed, base)
            row0 = store.measure(settings, base, asked)
            print(_row(store.name, seed, base, row0, "(baseline)"))
            for n in (n for n in args.passages if n <= limits.get(store.name, n)):
                big = enlarge(seed, n)
                big_dir = Path(tmp) / f"{store.name}-{n}"
                store.save(big, big_dir)
                del big
                count = load(big_dir)
                row = store.measure(settings, big_dir, asked)
                per = (row[1] - row0[1]) * 1e6 / (len(count.passages) - len(seed.passages))
                print(_row(store.name, count, big_dir, row, f"{per:,.0f}"))
                del count
                shutil.rmtree(big_dir)


_HEAD = "        store  passages    quotes  disk MB  first answer s  peak MB  B/passage  p50 ms  p95 ms  reload s"


def _row(store: str, index: Index, folder: Path, row: tuple[float, ...], per: str) -> str:
    """A line of the table; Milvus's disk is its own file alone (the writer's folder is the SQLite store's)."""
    files = (folder / "milvus.db").rglob("*") if store.startswith("milvus") else folder.rglob("*")
    disk = sum(f.stat().st_size for f in files if f.is_file()) / 1e6
    counts = f"{len(index.passages):>9,} {len(index.quotes):>9,} {disk:>8.0f}"
    return f"{store:>13} {counts} {row[0]:>15.2f} {row[1]:>8.0f} {per:>10} {row[2]:>7.1f} {row[3]:>7.1f} {row[4]:>9.2f}"


if __name__ == "__main__":
    main()
