"""Reloads under load and killed reloads, on the test fixtures plus made-up articles:

    python benchmarks/reload_stress.py [--reloads 20] [--askers 20] [--kills 20] [--milvus]

1. A serving index (the bot's LiveIndex) reloads `--reloads` times, each time after an article
   was added and another changed, while `--askers` threads ask questions without pause: every
   answer must be found, verbatim in its cited article, from one generation.
2. `whosaid index` runs `--kills` times over a folder that changed, and is killed with SIGKILL
   after a random delay: after each kill the index must open and answer, and the next run
   completes the build.
With `--milvus`, the index is served from Milvus Lite (a file in the run's folder) as well: the
reloads publish to it, and a killed build may be killed while publishing.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.answer import answer  # noqa: E402
from embeddings.live import LiveIndex  # noqa: E402
from embeddings.pipeline import build_index, open_searcher  # noqa: E402
from embeddings.settings import Settings  # noqa: E402
from embeddings.store import load  # noqa: E402
from embeddings.store.milvus import disconnect  # noqa: E402
from tests.conftest import ARTICLES  # noqa: E402
from tests.filler import write_filler  # noqa: E402

QUESTIONS = ["Who said there is still a lot of work to be done?", "What did Umerov say?", "Who said the plan will cost more?"]


def ask_until(live: LiveIndex, stop: threading.Event, tally: dict[str, int], errors: list[str]) -> None:
    rng = random.Random(threading.get_ident())
    while not stop.is_set():
        searcher = live.searcher  # one generation per answer, as a question handler does
        try:
            got = answer(rng.choice(QUESTIONS), searcher)
            bad = [h for h in got.quotes if h.article.text[h.quote.start : h.quote.end] != h.quote.text]
            if not got.found or bad:
                errors.append(f"{got.question!r}: found={got.found}, {len(bad)} quotes not verbatim")
        except Exception as exc:  # counted, not raised: the run reports every failure
            errors.append(f"{type(exc).__name__}: {exc}")
        tally["answers"] += 1


def reloads_under_load(settings: Settings, reloads: int, askers: int) -> None:
    live = LiveIndex(settings)
    live.open()
    stop, tally, errors = threading.Event(), {"answers": 0}, []
    threads = [threading.Thread(target=ask_until, args=(live, stop, tally, errors)) for _ in range(askers)]
    for t in threads:
        t.start()
    seconds = []
    for n in range(reloads):
        write_filler(settings.articles_dir, n + 1, prefix="stress")  # one new article each round
        changed = settings.articles_dir / "rubio-umerov-miami-talks.txt"
        changed.write_text(changed.read_text(encoding="utf-8") + f"\n\nUpdate {n}: talks resume.", encoding="utf-8")
        started = time.perf_counter()
        live.reload()
        seconds.append(time.perf_counter() - started)
    stop.set()
    for t in threads:
        t.join()
    print(
        f"{reloads} reloads under {askers} askers: {tally['answers']} answers, {len(errors)} failed; "
        f"reload median {sorted(seconds)[len(seconds) // 2]:.2f} s, max {max(seconds):.2f} s"
    )
    for e in errors[:10]:
        print("  ", e)


def killed_builds(settings: Settings, kills: int) -> None:
    rng = random.Random(0)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "WHOSAID_MILVUS_URI": settings.milvus_uri}
    cmd = [sys.executable, "-m", "bot.cli", "index", "--articles", str(settings.articles_dir), "--index", str(settings.index_dir)]
    broken, delays = 0, []
    for n in range(kills):
        write_filler(settings.articles_dir, 2, prefix=f"killed-{n}")
        delay = rng.uniform(0.5, 12.0)
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        delays.append(delay)
        try:
            got = answer(QUESTIONS[0], open_searcher(settings))
            broken += not got.found
        except Exception as exc:
            broken += 1
            print(f"   after a kill at {delay:.1f} s: {type(exc).__name__}: {exc}")
        if settings.milvus_uri:
            disconnect(settings.milvus_uri)  # Milvus Lite: the next build's process opens the file
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    complete = len(load(settings.index_dir).articles)
    if settings.milvus_uri:
        served = len(open_searcher(settings).index.articles)
        print(f"   Milvus serves {served} articles, the folder holds {complete}")
    print(
        f"{kills} builds killed at {min(delays):.1f}-{max(delays):.1f} s: {broken} left an index that did not open and answer; "
        f"the next build completed ({complete} articles)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reloads", type=int, default=20)
    ap.add_argument("--askers", type=int, default=20)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--milvus", action="store_true", help="serve from Milvus Lite too")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "articles"
        shutil.copytree(ARTICLES, corpus)
        write_filler(corpus, 12)
        uri = str(Path(tmp) / "milvus.db") if args.milvus else ""
        settings = Settings(articles_dir=corpus, index_dir=Path(tmp) / "index", milvus_uri=uri, _env_file=None)
        build_index(settings)
        reloads_under_load(settings, args.reloads, args.askers)
        if uri:
            disconnect(uri)
        killed_builds(settings, args.kills)


if __name__ == "__main__":
    main()
