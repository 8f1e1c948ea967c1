"""Retrieval quality on questions generated from PolNeAR dev annotations, with the whole bbc-2004
corpus mixed in as distractors:

    python benchmarks/eval_retrieval.py [--no-distractors] [--max-questions N] [--encoder onnx-int8]

- "Who said …?" questions: a cut, lightly reworded window of a gold direct quote (named source);
- "What did <surname> say about <topic>?": content words of the gold quote as the topic;
- unanswerable: a speaker paired with the topic of a quote from another article.
Reports Recall@1/@5 and MRR of the gold quote, top-1 speaker accuracy, for dense, BM25 and
hybrid retrieval; then, with the answer threshold, the refusal rate on unanswerable questions and
the Recall@5 kept on answerable ones. The index is cached in .bench-cache/ (built incrementally).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpora import BBC, POLNEAR  # noqa: E402
from eval_attribution import TITLES, file_offsets, gold_items, named, parse_ann, speaker_ok  # noqa: E402

from bot.answer import answer  # noqa: E402
from embeddings.people import quote_ids  # noqa: E402
from embeddings.pipeline import build_index, open_searcher  # noqa: E402
from embeddings.progress import TerminalProgress  # noqa: E402
from embeddings.settings import Settings  # noqa: E402

STOP = set("the a an and or of to in on at for with is are was were be been it its this that i we you he she they".split())


def make_corpus(cache: Path, distractors: bool) -> Path:
    corpus = cache / ("articles" if distractors else "articles-dev")
    if corpus.exists():
        return corpus
    (corpus / "polnear").mkdir(parents=True)
    for f in (POLNEAR / "dev" / "text").glob("*.txt"):
        shutil.copy(f, corpus / "polnear" / f.name)
    if distractors:
        shutil.copytree(BBC, corpus / "bbc")
    return corpus


def questions(rng: random.Random, limit: int, old_names: bool = False, old_named: bool = False) -> tuple[list[dict], list[dict]]:
    """Answerable questions with their gold (file, span, speaker), and unanswerable ones.

    The questions are drawn as before session 15, so that each keeps its words; then, unless
    `old_named`, those whose gold speaker is no name by eval_attribution's corrected `named()`
    ("Many lawmakers", a proxy taken past "His") are left out rather than replaced."""
    first_ann: dict[str, Path] = {}
    for a in sorted((POLNEAR / "dev" / "attributions").glob("*.ann")):
        first_ann.setdefault(a.stem.rsplit("_", 1)[0], a)
    items = []
    for text_path in sorted((POLNEAR / "dev" / "text").glob("*.txt")):
        if text_path.stem not in first_ann:
            continue
        raw = text_path.read_text(encoding="utf-8")
        relations = parse_ann(first_ann[text_path.stem])
        gold, _ = gold_items(raw, relations, old=True)
        now = {g["span"]: g["speaker"] for g in gold_items(raw, relations)[0]}
        for g in gold:
            words = raw[g["span"][0] : g["span"][1]].split()
            if len(words) >= 8 and g["speaker"] and named(g["speaker"], old=True):
                kept = old_named or (now.get(g["span"]) == g["speaker"] and named(g["speaker"]))
                items.append({"file": text_path.name, "raw": raw, "span": g["span"], "speaker": g["speaker"], "words": words, "kept": kept})
    rng.shuffle(items)
    items = items[:limit]
    answerable, unanswerable = [], []
    for it in items:
        w = [re.sub(r"[^\w'’-]", "", x) for x in it["words"]]
        w = [x for x in w if x]
        n = min(len(w), rng.randint(6, 10))
        start = rng.randrange(0, len(w) - n + 1)
        window = w[start : start + n]
        del window[rng.randrange(1, len(window) - 1)]  # reworded: a word dropped, case and punctuation gone
        answerable.append({**it, "kind": "who", "q": f"Who said {' '.join(window).lower()}?"})
        topic = [x for x in w if x.lower() not in STOP and len(x) > 3]
        surname = asked_name(it["speaker"], old_names)
        if len(topic) >= 3 and surname:
            about = " ".join(rng.sample(topic, 3)).lower()
            answerable.append({**it, "kind": "what", "q": f"What did {surname} say about {about}?", "surname": surname, "about": about})
    whats = [a for a in answerable if a["kind"] == "what"]
    for a in whats:
        other = rng.choice([b for b in whats if b["file"] != a["file"] and not speaker_ok(b["speaker"], a["speaker"])])
        unanswerable.append({"q": f"What did {a['surname']} say about {other['about']}?"})
    return [a for a in answerable if a["kept"]], unanswerable


def _capitalised(text: str) -> list[str]:
    """The capitalised words of a Source that are not stop words, in order."""
    return [x for x in re.findall(r"[A-Z][\w’'-]+", text) if x.lower() not in STOP]


def asked_name(source: str, old: bool = False) -> str | None:
    """The name a user asks by: the surname of the Source's person ("Sen. Claire McCaskill (D-Mo.)"
    → McCaskill, "Michael Oppenheimer, a professor … at Princeton University" → Oppenheimer), else
    the last capitalised word of the Source's first named part ("The Daily Caller" → Caller).
    Until session 15 it was the last capitalised word of the whole Source ("D-Mo", "University"):
    `old` (`--old-names`) asks that way, to compare with earlier numbers."""
    capitalised = _capitalised(source)
    if not capitalised:
        return None
    if old:
        return capitalised[-1]
    from embeddings.nlp import load_nlp

    def people(text: str) -> list:
        doc = load_nlp()(text)
        return [e for e in doc.ents if e.label_ == "PERSON" and not (e.end < len(doc) and doc[e.end].tag_ == "POS")]

    parts = re.split(r"[,(]|\s(?:of|at|for|from|who|in|with)\s", source)
    # the person the Source is about: the last one of its first part ("Clinton campaign spokesman
    # Brian Fallon"), else the first one after it ("Another critic, Laurence H. Tribe,")
    person = (people(parts[0]) or [None])[-1] or next(iter(people(source)), None)
    if person is not None:
        words = [w for w in person.text.split() if w[:1].isalpha() and w.rstrip(".") not in {"II", "III", "IV", "Jr", "Sr"}]
        if words:
            return words[-1]
    for part in parts:
        words = [x for x in _capitalised(part) if x.lower().rstrip(".") not in TITLES]
        if words:
            return words[-1]
    return capitalised[-1]


def matches(searcher, q, item: dict) -> bool:
    """A retrieved quote is the gold one: same file, character ranges overlapping by half."""
    article = searcher.index.articles[q.article_id]
    if not article.path.endswith(item["file"]):
        return False
    raw_starts, art_starts = file_offsets(Path(item["file"]), item["raw"])
    p = q.paragraph - 1
    delta = raw_starts[p] - art_starts[p]
    a, b = q.start + delta, q.end + delta
    gs = item["span"]
    overlap = max(0, min(b, gs[1]) - max(a, gs[0]))
    return overlap >= 0.5 * min(b - a, gs[1] - gs[0])


def retrieve(searcher, item: dict) -> list[int]:
    if item["kind"] == "who":
        text = item["q"].removeprefix("Who said ").rstrip("?")
        return [h.id for h in searcher.quotes(text, k=5)]
    ids = quote_ids(searcher.directory.find(item["surname"]))
    return [h.id for h in searcher.quotes(item["about"], k=5, quote_ids=ids)] if ids else []


def report_ranks(searcher, label: str, items: list[dict]) -> None:
    """Print Recall@1/@5, MRR of the gold quote and the top quote's speaker accuracy."""
    r1 = r5 = mrr = spk = 0.0
    for it in items:
        ids = retrieve(searcher, it)
        ranks = [r for r, i in enumerate(ids) if matches(searcher, searcher.index.quotes[i], it)]
        if ranks:
            r1 += ranks[0] == 0
            r5 += 1
            mrr += 1 / (ranks[0] + 1)
        if ids:
            top = searcher.index.quotes[ids[0]]
            spk += speaker_ok(searcher.directory.canonical(top), it["speaker"])
    n = max(1, len(items))
    print(f"  {label}  R@1 {r1 / n:.3f}  R@5 {r5 / n:.3f}  MRR {mrr / n:.3f}  speaker@1 {spk / n:.3f}")


def sweep(searcher, answerable: list[dict], unanswerable: list[dict]) -> None:
    """Calibration table for what-did questions. A hit is relevant when its cosine reaches t or
    when the quote holds at least a share c of the topic's content words (and cosine >= 0.1);
    for each (t, c): the share of unanswerable questions refused / of answerable ones still
    answered with the gold quote."""
    good, bad = [], []
    for it in (a for a in answerable if a["kind"] == "what"):
        ids = quote_ids(searcher.directory.find(it["surname"]))
        hits = searcher.quotes(it["about"], k=5, quote_ids=ids) if ids else []
        good.append([(h.cosine, h.coverage) for h in hits if matches(searcher, searcher.index.quotes[h.id], it)])
    for u in unanswerable:
        surname, about = re.match(r"What did (\S+) say about (.+)\?", u["q"]).groups()
        ids = quote_ids(searcher.directory.find(surname))
        hits = searcher.quotes(about, k=5, quote_ids=ids) if ids else []
        bad.append([(h.cosine, h.coverage) for h in hits])

    def passes(cosine: float, cover: float, t: float, c: float) -> bool:
        return cosine >= t or (cover >= c and cosine >= 0.1)

    shares = (0.5, 0.67, 0.8, 1.01)
    print("  what-did calibration: refused unanswerable / gold kept, for cosine t (rows) and word share c (columns; 1.01 = off)")
    print("        " + "".join(f"{c:>15}" for c in shares))
    for t in (0.25, 0.3, 0.35, 0.4, 0.45, 0.5):
        cells = []
        for c in shares:
            refused = sum(not any(passes(x, y, t, c) for x, y in b) for b in bad) / max(1, len(bad))
            kept = sum(any(passes(x, y, t, c) for x, y in g) for g in good) / max(1, len(good))
            cells.append(f"{refused:.3f}/{kept:.3f}")
        print(f"    {t:.2f}" + "".join(f"{cell:>15}" for cell in cells))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-distractors", action="store_true")
    ap.add_argument("--max-questions", type=int, default=400)
    ap.add_argument("--cache", type=Path, default=ROOT / ".bench-cache")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--bm25-weight", type=float, default=None, help="override the fusion weight (for tuning)")
    ap.add_argument("--coverage-weight", type=float, default=None, help="override the word-coverage bonus (for tuning)")
    ap.add_argument("--order-weight", type=float, default=None, help="override the in-order bonus (for tuning)")
    ap.add_argument("--old-named", action="store_true", help="keep questions whose gold speaker is no name (see questions())")
    ap.add_argument("--old-names", action="store_true", help="ask what-did questions by the pre-session-15 name (see asked_name)")
    ap.add_argument("--encoder", choices=["torch", "onnx-int8"], default="torch", help="the embedding encoder (WHOSAID_ENCODER)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    corpus = make_corpus(args.cache, not args.no_distractors)
    suffix = "" if args.encoder == "torch" else f"-{args.encoder}"
    settings = Settings(articles_dir=corpus, index_dir=args.cache / f"{corpus.name}-index{suffix}", encoder=args.encoder, _env_file=None)
    started = time.perf_counter()
    _, report = build_index(settings, progress=TerminalProgress())
    print(f"index: {report.summary(open_searcher(settings).index).splitlines()[0]} ({time.perf_counter() - started:.0f}s)")
    searcher = open_searcher(settings)
    if args.bm25_weight is not None:
        searcher.bm25_weight = args.bm25_weight
    if args.coverage_weight is not None:
        searcher.coverage_weight = args.coverage_weight
    if args.order_weight is not None:
        searcher.order_weight = args.order_weight
    answerable, unanswerable = questions(rng, args.max_questions, args.old_names, args.old_named)
    print(
        f"questions: {sum(a['kind'] == 'who' for a in answerable)} who-said, {sum(a['kind'] == 'what' for a in answerable)} what-did, "
        f"{len(unanswerable)} unanswerable"
    )
    for mode in ("dense", "bm25", "hybrid"):
        searcher.mode = mode
        for kind in ("who", "what"):
            report_ranks(searcher, f"{mode:<6} {kind}-questions", [a for a in answerable if a["kind"] == kind])
    searcher.mode = "hybrid"
    # the in-order bonus (search.ORDER_WEIGHT) favours a fragment's word order; the same who-said
    # questions with their words shuffled show what it costs a question that keeps no order
    mixer = random.Random(args.seed)
    shuffled = []
    for it in (a for a in answerable if a["kind"] == "who"):
        words = it["q"].removeprefix("Who said ").rstrip("?").split()
        mixer.shuffle(words)
        shuffled.append({**it, "q": f"Who said {' '.join(words)}?"})
    report_ranks(searcher, "hybrid who-questions, words shuffled", shuffled)
    sweep(searcher, answerable, unanswerable)
    refused = sum(not answer(u["q"], searcher).found for u in unanswerable)
    kept = first = speaker = 0
    who = [it for it in answerable if it["kind"] == "who"]
    for it in answerable:
        a = answer(it["q"], searcher)
        kept += any(matches(searcher, h.quote, it) for h in a.quotes) if a.found else 0
        if it["kind"] == "who" and a.found:
            first += matches(searcher, a.quotes[0].quote, it)
            speaker += speaker_ok(a.quotes[0].speaker, it["speaker"])
    print(
        f"refusal on unanswerable: {refused / max(1, len(unanswerable)):.3f}; "
        f"answerable answered with the gold quote in the answer (R@5 after threshold): {kept / max(1, len(answerable)):.3f}"
    )
    print(f"who-said through answer(): gold quote first {first / max(1, len(who)):.3f}, its speaker first {speaker / max(1, len(who)):.3f}")


if __name__ == "__main__":
    main()
