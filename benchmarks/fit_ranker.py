"""Fit the quote ranker (embeddings/ranking.py) and its refusal threshold, with 5-fold
cross-validation by question, and write embeddings/ranker.json:

    python benchmarks/fit_ranker.py [--no-write] [--folds 5] [--target-refusal 0.95]

Training questions: the hand-written dev questions (../shared/questions/paraphrase-dev.jsonl),
and the fragment questions eval_retrieval.py generates from PolNeAR dev, so that remembered words
stay as well answered as paraphrases. Every candidate the answer code would score is a row;
its label says whether it covers the gold quote. The printed cross-validated figures (each
question scored by a model that never saw it) are the honest ones; eval_questions.py scores the
committed weights, fitted on all of dev.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpora import POLNEAR  # noqa: E402
from eval_attribution import speaker_ok  # noqa: E402
from eval_questions import QUESTIONS, covers, gold_span, load_questions, open_bench_searcher  # noqa: E402
from eval_retrieval import matches  # noqa: E402
from eval_retrieval import questions as fragment_questions  # noqa: E402

from bot.answer import ranking_query  # noqa: E402
from bot.questions import read_question  # noqa: E402
from embeddings.people import quote_ids  # noqa: E402
from embeddings.ranking import (  # noqa: E402
    ALL_OF_SPEAKER,
    FEATURES,
    SHARE_AMONG,
    WEIGHTS,
    Logistic,
    Ranker,
    Scored,
    candidates,
    question_features,
    score,
    verbatim,
    verbatim_first,
)

#: a ranker that scores nothing: features only
FLAT = Ranker(Logistic(tuple(0.0 for _ in FEATURES), tuple(1.0 for _ in FEATURES), tuple(0.0 for _ in FEATURES), 0.0), {}, {})


@dataclass
class Item:
    """One question's candidates: features, labels and speakers, and what the question is."""

    question: str
    kind: str
    source: str  # "paraphrase" or "fragment"
    gold_speaker: str | None
    features: np.ndarray
    labels: np.ndarray
    speakers: list[str | None]
    texts: list[str]
    path: str  # the search the question takes: "speaker" (a person's quotes on a topic) or "who_said"
    words: int  # the words searched for


def rows(searcher, question: str) -> tuple[list, list[int], str, int] | None:
    """The candidates `answer()` would score for the question, or None if it asks no quote search."""
    asked = read_question(question)
    if asked.speaker:
        found = searcher.directory.lookup(asked.speaker)
        ids = quote_ids(found.speakers)
        if not ids or not asked.about:
            return None
        ask = ranking_query(asked)
        cands = candidates(searcher, ask, ids, len(ids) <= ALL_OF_SPEAKER)
        way = "speaker"
    elif asked.who_said:
        ask = ranking_query(asked)
        cands = candidates(searcher, ask)
        way = "who_said"
    else:
        return None
    scored = score(searcher, ask, cands, FLAT)
    return scored, [s.id for s in scored], way, len(ask.text.split())


def collect(searcher, limit: int) -> list[Item]:
    out: list[Item] = []
    for q in load_questions(QUESTIONS):
        gold = gold_span(q) if q["kind"] != "unanswerable" else None
        out.append(
            _item(
                searcher,
                q["question"],
                q["kind"],
                "paraphrase",
                q.get("speaker"),
                lambda quote, g=gold: g is not None and covers(searcher, quote, g),
            )
        )
    answerable, unanswerable = fragment_questions(random.Random(13), limit)
    for it in answerable:
        out.append(_item(searcher, it["q"], it["kind"], "fragment", it["speaker"], lambda quote, it=it: matches(searcher, quote, it)))
    for it in unanswerable:
        out.append(_item(searcher, it["q"], "unanswerable", "fragment", None, lambda quote: False))
    for q in unloaded_fragments(searcher, random.Random(17), limit):
        out.append(_item(searcher, q, "unanswerable", "unloaded", None, lambda quote: False))
    return out


_QUOTED = re.compile(r"\u201c([^\u201d]{40,400})\u201d")


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def unloaded_fragments(searcher, rng: random.Random, limit: int) -> list[str]:
    """ "Who said <words>?" for words quoted in PolNeAR train, an article set the index does not
    hold, unless the index has those words anyway (a quote repeated by another outlet)."""
    loaded = "\n".join(_plain(a.text) for a in searcher.index.articles.values())
    out = []
    for path in sorted((POLNEAR / "train" / "text").glob("*.txt")):
        for m in _QUOTED.finditer(path.read_text(encoding="utf-8")):
            words = _plain(m.group(1)).split()
            n = min(len(words), rng.randint(6, 10))
            start = rng.randrange(0, len(words) - n + 1)
            window = " ".join(words[start : start + n])
            if len(words) >= 8 and window not in loaded:
                out.append(f"Who said {window}?")
    rng.shuffle(out)
    return out[:limit]


def _item(searcher, question: str, kind: str, source: str, speaker: str | None, is_gold) -> Item:
    got = rows(searcher, question)
    scored, ids, way, n = got if got else ([], [], "speaker" if kind in ("what", "what_did") else "who_said", 0)
    quotes = [searcher.index.quotes[i] for i in ids]
    return Item(
        question,
        kind,
        source,
        speaker,
        np.array([s.features for s in scored], dtype=float).reshape(-1, len(FEATURES)),
        np.array([bool(is_gold(q)) for q in quotes]),
        [searcher.directory.canonical(q) for q in quotes],
        [q.text for q in quotes],
        way,
        n,
    )


def _logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray, c: float) -> Logistic:
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=c, max_iter=3000).fit(scaler.transform(x), y, sample_weight=w)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    return Logistic(tuple(scaler.mean_), tuple(scale), tuple(model.coef_[0]), float(model.intercept_[0]))


def _weight(item: Item, paraphrase_weight: float) -> float:
    return paraphrase_weight if item.source == "paraphrase" else 1.0


def fit_quotes(items: list[Item], c: float, paraphrase_weight: float) -> Logistic:
    """The quote scorer: every candidate of every question is a row."""
    have = [i for i in items if len(i.features)]
    x = np.vstack([i.features for i in have])
    y = np.concatenate([i.labels for i in have])
    w = np.concatenate([np.full(len(i.labels), _weight(i, paraphrase_weight)) for i in have])
    return _logistic(x, y, w, c)


@dataclass
class Outcome:
    """A question as the answer code would treat it, given a quote scorer."""

    ranked: list  # candidates' Scored-like (probability, features) best first
    speaker_right: bool
    first: bool
    top3: bool
    words: int = 0
    speakers: list = field(default_factory=list)  # of the first few candidates, as ranked
    answer_score: float = 0.0  # the refusal model's probability, filled in later

    @property
    def features(self) -> tuple[float, ...]:
        return question_features(self.ranked, self.speakers)

    @property
    def verbatim(self) -> bool:
        return bool(self.ranked) and verbatim(self.ranked[0], self.words)

    def answered(self, threshold: float) -> bool:
        return self.verbatim or (bool(self.ranked) and self.answer_score >= threshold)


def outcome(item: Item, quote_model: Logistic) -> Outcome:
    if not len(item.features):
        return Outcome([], False, False, False)
    p = np.array([quote_model.probability(tuple(f)) for f in item.features])
    ranked = [Scored(int(k), tuple(item.features[k]), float(p[k]), 0.0) for k in np.argsort(-p, kind="stable")]
    ranked = verbatim_first(ranked, item.words)
    order = [s.id for s in ranked]
    top = order[0]
    distinct, seen = [], set()
    for k in order:
        if item.texts[k] not in seen:
            seen.add(item.texts[k])
            distinct.append(k)
    right = bool(item.gold_speaker) and bool(speaker_ok(item.speakers[top], item.gold_speaker))
    speakers = [item.speakers[s.id] for s in ranked[:SHARE_AMONG]]
    return Outcome(ranked, right, bool(item.labels[top]), bool(item.labels[np.array(distinct[:3])].any()), item.words, speakers)


def fit_refusal(
    pairs: list[tuple[Item, Outcome]], c: float, paraphrase_weight: float, sources=("paraphrase", "fragment")
) -> dict[str, Logistic]:
    """Per search: answer (1) when the best quote's speaker is right, refuse (0) otherwise."""
    out = {}
    for way in ("who_said", "speaker"):
        have = [(i, o) for i, o in pairs if i.path == way and o.ranked and not o.verbatim and i.source in sources]
        x = np.array([o.features for _, o in have])
        y = np.array([o.speaker_right for _, o in have])
        w = np.array([_weight(i, paraphrase_weight) for i, _ in have])
        out[way] = _logistic(x, y, w, c)
    return out


def folds_of(n: int, folds: int) -> list[set[int]]:
    order = list(range(n))
    random.Random(7).shuffle(order)
    return [{order[k] for k in range(f, n, folds)} for f in range(folds)]


def cross_validate(items: list[Item], folds: int, c: float, paraphrase_weight: float) -> list[tuple[Item, Outcome]]:
    """Each question's outcome from models (scorer and refusal) fitted without its fold."""
    split = folds_of(len(items), folds)
    outcomes: dict[int, Outcome] = {}
    for held in split:
        model = fit_quotes([items[k] for k in range(len(items)) if k not in held], c, paraphrase_weight)
        outcomes |= {k: outcome(items[k], model) for k in held}
    for held in split:
        refusal = fit_refusal([(items[k], outcomes[k]) for k in range(len(items)) if k not in held], c, paraphrase_weight)
        for k in held:
            o = outcomes[k]
            o.answer_score = refusal[items[k].path].probability(o.features) if o.ranked else 0.0
    return [(items[k], outcomes[k]) for k in range(len(items))]


def report(results: list[tuple[Item, Outcome]], thresholds: dict[str, float]) -> None:
    groups: dict[tuple[str, str], list[tuple[bool, Outcome, bool]]] = {}
    for item, o in results:
        answered = o.answered(thresholds[item.path])
        groups.setdefault((item.source, item.kind), []).append((answered, o, bool(item.labels.any())))
    print("  thresholds " + ", ".join(f"{k} {v:.3f}" for k, v in thresholds.items()))
    for (source, kind), rows_ in sorted(groups.items()):
        n = len(rows_)
        if kind == "unanswerable":
            print(f"    {source:<10} {kind:<15} n={n:<4} refused {sum(not a for a, _, _ in rows_) / n:.3f}")
            continue
        spk, q1, q3 = (sum(a and getattr(o, m) for a, o, _ in rows_) / n for m in ("speaker_right", "first", "top3"))
        ceiling = sum(r for _, _, r in rows_) / n
        print(f"    {source:<10} {kind:<15} n={n:<4} speaker@1 {spk:.3f} quote@1 {q1:.3f} quote@3 {q3:.3f}  (gold reachable {ceiling:.3f})")


def choose_thresholds(results: list[tuple[Item, Outcome]], targets: dict[str, float]) -> dict[str, float]:
    """The pair of thresholds (one per search) that answers the most hand-written questions with
    the right speaker while refusing, of the unanswerable questions of each source, its target share."""
    grid = np.arange(0.0, 1.0, 0.01)
    unanswerable = {
        src: [(i.path, o) for i, o in results if i.kind == "unanswerable" and i.source == src]
        for src in ("paraphrase", "fragment", "unloaded")
    }
    right = [(i.path, o) for i, o in results if i.source == "paraphrase" and o.speaker_right]
    best, best_pair = -1, {"who_said": 1.0, "speaker": 1.0}
    for tw in grid:
        for ts in grid:
            t = {"who_said": tw, "speaker": ts}
            if all(not u or sum(not o.answered(t[w]) for w, o in u) / len(u) >= targets[src] for src, u in unanswerable.items()):
                kept = sum(o.answered(t[w]) for w, o in right)
                if kept > best:
                    best, best_pair = kept, {"who_said": float(tw), "speaker": float(ts)}
    return best_pair


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=ROOT / ".bench-cache")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation of the logistic regressions")
    ap.add_argument("--fragments", type=int, default=400, help="fragment questions from eval_retrieval.py")
    ap.add_argument("--target-refusal", type=float, default=0.95, help="share of unanswerable questions to refuse")
    ap.add_argument(
        "--fragment-refusal",
        type=float,
        default=0.96,
        help="the same for eval_retrieval.py's (0.955 before the ranker: it must not refuse fewer)",
    )
    ap.add_argument("--paraphrase-weight", type=float, default=5.0, help="weight of a hand-written question against a generated one")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--load", type=Path, help="read the candidates' features from this pickle instead of the index")
    ap.add_argument("--save", type=Path, help="also pickle the candidates' features here")
    ap.add_argument("--drop", action="append", default=[], choices=FEATURES, help="fit without this feature (to measure what it adds)")
    ap.add_argument("--only-quote-hits", action="store_true", help="candidates from the quote search alone (to measure the others)")
    args = ap.parse_args()
    if args.load:
        items = pickle.loads(args.load.read_bytes())
    else:
        items = collect(open_bench_searcher(args.cache), args.fragments)
    if args.save:
        args.save.write_bytes(pickle.dumps(items))
    for item in items:
        if args.only_quote_hits and len(item.features):
            keep = item.features[:, FEATURES.index("fused")] > 0
            item.features, item.labels = item.features[keep], item.labels[keep]
            item.speakers = [x for x, k in zip(item.speakers, keep, strict=True) if k]
            item.texts = [x for x, k in zip(item.texts, keep, strict=True) if k]
        for name in args.drop:
            item.features[:, FEATURES.index(name)] = 0.0
    print(f"{len(items)} questions, {sum(len(i.labels) for i in items)} candidates")
    results = cross_validate(items, args.folds, args.c, args.paraphrase_weight)
    targets = {"paraphrase": args.target_refusal, "unloaded": args.target_refusal, "fragment": args.fragment_refusal}
    thresholds = choose_thresholds(results, targets)
    print("cross-validated (each question scored by models fitted without it):")
    report(results, thresholds)
    print("the same, answering every question (ranking alone):")
    report(results, dict.fromkeys(thresholds, 0.0))
    quote_model = fit_quotes(items, args.c, args.paraphrase_weight)
    ranker = Ranker(quote_model, fit_refusal(results, args.c, args.paraphrase_weight), thresholds)
    for name, c in sorted(zip(FEATURES, quote_model.coef, strict=True), key=lambda t: -abs(t[1])):
        print(f"  {name:<18} {c:+.3f}")
    if not args.no_write:
        WEIGHTS.write_text(json.dumps(ranker.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
