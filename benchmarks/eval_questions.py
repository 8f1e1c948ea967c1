"""Answers to questions asked in readers' own words (../shared/questions/paraphrase-dev.jsonl),
asked through `answer()`, the code behind `whosaid ask`, over PolNeAR dev plus all of bbc-2004:

    python benchmarks/eval_questions.py [--verbose] [--kind who_said] [--dump FILE]

Per kind: speaker@1 (the first quote's speaker shares a name word with the gold speaker), quote@1
and quote@3 (a shown quote covers at least half of the gold quote's words), MRR of the gold quote
among the shown ones, the refusal rate on unanswerable questions, and answer latency p50/p95.
The index is the one `eval_retrieval.py` builds and caches in .bench-cache/.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpora import CORPORA  # noqa: E402
from eval_attribution import file_offsets, speaker_ok  # noqa: E402
from eval_retrieval import make_corpus  # noqa: E402

from bot.answer import Answer, answer  # noqa: E402
from embeddings.pipeline import build_index, open_searcher  # noqa: E402
from embeddings.progress import TerminalProgress  # noqa: E402
from embeddings.search import Searcher  # noqa: E402
from embeddings.settings import Settings  # noqa: E402

QUESTIONS = CORPORA.parent / "questions" / "paraphrase-dev.jsonl"
KINDS = ("who_said", "what_did", "who_said_exact", "unanswerable")
_WORD = re.compile(r"\w+")
#: where each corpus of the questions lies in the benchmark's articles folder
FOLDERS = {"polnear-dev": ("text/", "polnear/"), "bbc-2004": ("", "bbc/")}


@dataclass(frozen=True)
class Gold:
    """A gold quote as a span of the indexed article's text."""

    path: str
    start: int
    end: int
    text: str


def load_questions(path: Path = QUESTIONS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_span(item: dict) -> Gold:
    """The gold offsets (into the raw file) moved to the article text the index holds."""
    strip, folder = FOLDERS[item["corpus"]]
    raw_path = CORPORA / ("polnear/dev" if item["corpus"] == "polnear-dev" else "bbc-2004") / item["article"]
    raw = raw_path.read_text(encoding="utf-8")
    raw_starts, art_starts = file_offsets(raw_path, raw)

    def moved(offset: int) -> int:
        p = max(i for i, s in enumerate(raw_starts) if 0 <= s <= offset)
        return offset - raw_starts[p] + art_starts[p]

    return Gold(folder + item["article"].removeprefix(strip), moved(item["start"]), moved(item["end"]), raw[item["start"] : item["end"]])


def covers(searcher: Searcher, quote, gold: Gold) -> bool:
    """The quote holds at least half of the gold quote's words: in the gold's article, or in a
    copy of the story under another name that has the gold's words too."""
    article = searcher.index.articles[quote.article_id]
    if article.path.endswith(gold.path):
        start, end = gold.start, gold.end
    else:
        found = article.text.find(gold.text)
        if found < 0:
            return False
        start, end = found, found + len(gold.text)
    words = [(m.start() + start, m.end() + start) for m in _WORD.finditer(article.text[start:end])]
    inside = sum(quote.start <= a and b <= quote.end for a, b in words)
    return bool(words) and inside >= 0.5 * len(words)


def refused(result: Answer) -> bool:
    """No quote is put in anyone's mouth: the answer says the articles don't say."""
    return not result.found or not result.quotes


def score(searcher: Searcher, items: list[dict], verbose: bool = False) -> dict[str, dict[str, float]]:
    rows: dict[str, dict[str, list[float]]] = {k: {} for k in KINDS}
    for item in items:
        started = time.perf_counter()
        result = answer(item["question"], searcher)
        took = (time.perf_counter() - started) * 1000
        row = rows[item["kind"]]
        row.setdefault("latency", []).append(took)
        if item["kind"] == "unanswerable":
            row.setdefault("refused", []).append(refused(result))
            if verbose and not refused(result):
                print(f"  NOT REFUSED {item['question']!r} -> {result.text.splitlines()[0][:150]}")
            continue
        gold = gold_span(item)
        hits = [covers(searcher, h.quote, gold) for h in result.quotes]
        rank = hits.index(True) + 1 if True in hits else 0
        first = result.quotes[0].speaker if result.quotes else None
        row.setdefault("speaker@1", []).append(speaker_ok(first, item["speaker"]))
        row.setdefault("quote@1", []).append(rank == 1)
        row.setdefault("quote@3", []).append(0 < rank <= 3)
        row.setdefault("MRR", []).append(1 / rank if rank else 0.0)
        if verbose and (rank != 1 or not speaker_ok(first, item["speaker"])):
            shown = result.text.splitlines()[0][:150] if result.text else ""
            print(f"  MISS [{item['kind']}] {item['question']!r}\n    gold {item['speaker']}: {gold.text[:100]!r}\n    got  {shown}")
    return {kind: {m: sum(v) / len(v) for m, v in row.items() if m != "latency"} | latency(row) for kind, row in rows.items() if row}


def latency(row: dict[str, list[float]]) -> dict[str, float]:
    times = sorted(row.get("latency", []))
    if not times:
        return {}
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {"p50 ms": statistics.median(times), "p95 ms": p95}


def print_table(table: dict[str, dict[str, float]], counts: dict[str, int]) -> None:
    metrics = ("speaker@1", "quote@1", "quote@3", "MRR", "refused", "p50 ms", "p95 ms")
    print(f"{'kind':<16}{'n':>5}" + "".join(f"{m:>11}" for m in metrics))
    for kind, row in table.items():
        cells = "".join(
            f"{row[m]:>11.3f}" if m in row and "ms" not in m else f"{row[m]:>11.1f}" if m in row else f"{'':>11}" for m in metrics
        )
        print(f"{kind:<16}{counts[kind]:>5}{cells}")
    both = [k for k in ("who_said", "what_did") if k in table]
    if len(both) == 2:
        n = counts["who_said"] + counts["what_did"]
        joint = {m: sum(table[k][m] * counts[k] for k in both) / n for m in ("speaker@1", "quote@3")}
        print(f"who_said + what_did: speaker@1 {joint['speaker@1']:.3f}  quote@3 {joint['quote@3']:.3f}")


def open_bench_searcher(cache: Path) -> Searcher:
    corpus = make_corpus(cache, True)
    settings = Settings(articles_dir=corpus, index_dir=cache / f"{corpus.name}-index", _env_file=None)
    build_index(settings, progress=TerminalProgress())
    return open_searcher(settings)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=ROOT / ".bench-cache")
    ap.add_argument("--questions", type=Path, default=QUESTIONS)
    ap.add_argument("--kind", choices=KINDS, action="append", help="only these kinds (repeatable)")
    ap.add_argument("--verbose", action="store_true", help="print every miss")
    args = ap.parse_args()
    if not args.questions.exists():
        sys.exit(f"no questions at {args.questions}: this benchmark needs ../shared beside the repository")
    items = [q for q in load_questions(args.questions) if not args.kind or q["kind"] in args.kind]
    searcher = open_bench_searcher(args.cache)
    answer("warm-up: who said hello?", searcher)
    table = score(searcher, items, args.verbose)
    counts = {k: sum(q["kind"] == k for q in items) for k in KINDS}
    print_table(table, counts)


if __name__ == "__main__":
    main()
