"""A fitted speaker chooser, measured by k-fold cross-validation over PolNeAR train (issue 36):
after the rules, every quote's candidates (the people and organisations named around it, and
nobody) are scored by a logistic model whose features include the rules' own decision, and the
model overrules the rules where it is sure. It is a measurement, not part of whosaid: the
cross-validated gain is under a point and dev gets no better (docs/attribution-learning.md).

    python benchmarks/chooser.py [--folds 5] [--limit N]
    python benchmarks/eval_attribution.py --folds 5      (the same, from the scorer)

A quote scored by eval_attribution.py teaches which candidate is its gold speaker (strictly: the
one the Source is about, by its head word, so that "Clinton campaign spokesman Brian Fallon"
teaches Fallon and not Hillary Clinton), except where that gold is a proxy: an unnamed description
("a source said") is scored against the last named Source before it, who is someone else, so
those quotes teach nothing. Each held-out fold is scored by a model fitted on the other folds,
with the scorer of eval_attribution.py; dev is the second check, with the model fitted on train.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import pickle
import sys
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_attribution import Report, evaluate, load_split, speaker_strict  # noqa: E402

from embeddings.attribution.cast import Person, norm  # noqa: E402
from embeddings.attribution.extract import read_article  # noqa: E402
from embeddings.attribution.lexicon import FEMALE, MALE, REPORTING_VERBS, SAYING_VERBS  # noqa: E402
from embeddings.attribution.rule import TABLES  # noqa: E402
from embeddings.attribution.trace import rule_of, steps_of  # noqa: E402

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from embeddings.attribution.found import Found, Reading

CACHE = ROOT / ".bench-cache"
#: the thresholds tried; the one kept is the most accurate whose changes are right at least
#: RIGHT_PER_WRONG times for each wrong speaker they add (a wrong speaker is worse than none)
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
RIGHT_PER_WRONG = 4
#: gold categories whose Source is the speaker (or its antecedent), so they can teach
TEACHING = {"named", "pronoun", "organisation", "none"}

#: candidates named this far (characters) before the quote's paragraph are left out
REACH = 3000
#: at most this many candidates besides nobody, the nearest first
MOST = 10

_PERSON_FEATURES = (
    "rules_chose",
    "before_in_paragraph",
    "after_in_paragraph",
    "inside_quote",
    "near_before",
    "distance_before",
    "distance_after",
    "never_before",
    "subject_in_paragraph",
    "last_subject",
    "last_speaker",
    "times_spoke",
    "times_named",
    "most_recent",
    "second_recent",
    "organisation",
    "group",
    "certain",
    "relative",
    "has_titles",
    "mention_names_them",
    "pronoun_gender_agrees",
    "pronoun_gender_clashes",
    "speaks_in_paragraph",
    "spoke_paragraph_before",
)
_SYNTAX = (
    "in_quote_sentence",
    "subject_of_speech_verb",
    "subject_of_verb_over_quote",
    "object_in_quote_sentence",
    "possessor_in_quote_sentence",
)
_NOBODY_FEATURES = (
    "nobody",
    "nobody_rules_chose",
    "nobody_no_cue",
    "nobody_has_mention",
    "nobody_direct",
    "nobody_mixed",
    "nobody_indirect",
)


def _rule_names() -> tuple[str, ...]:
    return tuple(sorted(r.name for rules in TABLES.values() for r in rules))


@cache
def feature_names() -> tuple[str, ...]:
    """Every feature, in the order of the fitted weights: the rule that decided is one feature per
    rule, for the person it chose and for a nobody it chose."""
    rules = _rule_names()
    return (*_PERSON_FEATURES, *_SYNTAX, *(f"chose_by:{r}" for r in rules), *_NOBODY_FEATURES, *(f"nobody_by:{r}" for r in rules))


@dataclass(frozen=True)
class Candidate:
    """One possible speaker of a quote (`person` None: nobody), with its features by name."""

    person: Person | None
    features: dict[str, float]

    def vector(self) -> list[float]:
        return [self.features.get(name, 0.0) for name in feature_names()]


def deciding_rule(how: str) -> str:
    """The rule that decided a quote's speaker, from its trace: the outermost step."""
    return rule_of(steps_of(how)[0]) if how else ""


class _Around:
    """What every candidate of one quote is measured against, each reading worked out once."""

    def __init__(self, f: Found, run: Reading, docs: list[Doc | None]) -> None:
        starts = run.article.paragraph_starts
        self.f, self.run, self.doc = f, run, docs[f.paragraph - 1]
        self.para_start = starts[f.paragraph - 1]
        self.para_end = starts[f.paragraph] if f.paragraph < len(starts) else len(run.article.text)
        self.rule = deciding_rule(f.how)

    @cached_property
    def speakers_here(self) -> set[int]:
        return {id(o.person) for o in self.run.found if o.paragraph == self.f.paragraph and o is not self.f and o.person is not None}

    @cached_property
    def speakers_before(self) -> set[int]:
        return {id(o.person) for o in self.run.found if o.paragraph == self.f.paragraph - 1 and o.person is not None}

    @cached_property
    def recency(self) -> list[int]:
        """The people (not organisations) by their last mention before the quote, latest first, as ids."""
        at = self.f.start
        last = sorted(((p.last_mention(at), id(p)) for p in self.run.cast.people if not p.org and p.last_mention(at) >= 0), reverse=True)
        return [i for _, i in last]

    @cached_property
    def last_subject(self) -> Person | None:
        return self.run.cast.last_subject_before(self.f.start)

    @cached_property
    def last_speaker(self) -> Person | None:
        return next((q for off, q in reversed(self.run.cast.speakers) if off < self.f.start), None)

    @cached_property
    def tokens(self) -> dict[int, Token]:
        """The paragraph's tokens by where they start in the article."""
        return {self.para_start + t.idx: t for t in self.doc} if self.doc is not None else {}

    @cached_property
    def quote_sentences(self) -> tuple[set[int], set[int]]:
        """The sentences the quote is in (by first token) and the words its first word hangs from."""
        inner = [t for at, t in self.tokens.items() if self.f.start <= at < self.f.end]
        if not inner:
            return set(), set()
        return {t.sent.start for t in inner}, {anc.i for anc in inner[0].ancestors}


def candidates(f: Found, run: Reading, docs: list[Doc | None]) -> list[Candidate]:
    """Nobody, and the people and organisations named near the quote (and the rules' choice);
    `docs` are the article's parsed paragraphs."""
    around = _Around(f, run, docs)
    near = [p for p in run.cast.people if any(around.para_start - REACH <= m < around.para_end for m in p.mentions)]
    near.sort(key=lambda p: _distance(p, f))
    people = near[:MOST]
    if f.person is not None and all(p is not f.person for p in people):
        people.append(f.person)
    return [_nobody(around), *(Candidate(p, _person_features(p, around)) for p in people)]


def _distance(p: Person, f: Found) -> int:
    return min((f.start - m if m < f.start else m - f.end for m in p.mentions if not f.start <= m < f.end), default=10**6)


def _person_features(p: Person, a: _Around) -> dict[str, float]:
    f, cast = a.f, a.run.cast
    last = p.last_mention(f.start)
    after = min((m for m in p.mentions if f.end <= m < a.para_end), default=-1)
    chose = f.person is p
    mention = {norm(w) for w in (f.mention or "").split()}
    low = (f.mention or "").lower()
    gender = "m" if low in MALE else "f" if low in FEMALE else None
    out = {
        "rules_chose": chose,
        "before_in_paragraph": last >= a.para_start,
        "after_in_paragraph": after >= 0,
        "inside_quote": any(f.start <= m < f.end for m in p.mentions),
        "near_before": last >= 0 and f.start - last < 200,
        "distance_before": math.log1p(max(0, f.start - last) / 100) if last >= 0 else 0.0,
        "distance_after": math.log1p((after - f.end) / 100) if after >= 0 else 0.0,
        "never_before": last < 0,
        "subject_in_paragraph": any(s and q is p and a.para_start <= off < a.para_end for off, q, s in cast.mentions),
        "last_subject": a.last_subject is p,
        "last_speaker": a.last_speaker is p,
        "times_spoke": math.log1p(sum(q is p for off, q in cast.speakers if off < f.start)),
        "times_named": math.log1p(len(p.mentions)),
        "most_recent": bool(a.recency) and a.recency[0] == id(p),
        "second_recent": len(a.recency) > 1 and a.recency[1] == id(p),
        "organisation": p.org,
        "group": p.group,
        "certain": p.certain,
        "relative": p.relative,
        "has_titles": bool(p.titles),
        "mention_names_them": bool(mention & p.words),
        "pronoun_gender_agrees": gender is not None and p.gender == gender,
        "pronoun_gender_clashes": gender is not None and p.gender not in (None, gender),
        "speaks_in_paragraph": id(p) in a.speakers_here,
        "spoke_paragraph_before": id(p) in a.speakers_before,
    }
    out.update(_syntax(p, a))
    if chose:
        out[f"chose_by:{a.rule}"] = 1.0
    return {k: float(v) for k, v in out.items()}


def _name_root(tok: Token) -> Token:
    """The head word of the name a mention starts with ("Donald" of "Donald Trump" → "Trump")."""
    while tok.dep_ in {"compound", "flat"} and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _syntax(p: Person, a: _Around) -> dict[str, bool]:
    """How the candidate's mentions stand to the quote in the parse: the subject of a speech verb
    in the quote's sentences, or of the verb the quote hangs from, or an object (told to, spoken
    of) or a possessor there."""
    f = a.f
    sents, over = a.quote_sentences
    out = dict.fromkeys(_SYNTAX, False)
    for m in p.mentions:
        tok = a.tokens.get(m)
        if tok is None or f.start <= m < f.end or tok.sent.start not in sents:
            continue
        root = _name_root(tok)
        subject = root.dep_ in {"nsubj", "nsubjpass"} or (root.dep_ == "pobj" and root.head.lower_ == "by")
        speech = root.head.lemma_.lower() in SAYING_VERBS | REPORTING_VERBS or root.head.lower_ == "according"
        out["in_quote_sentence"] = True
        out["subject_of_speech_verb"] |= subject and speech
        out["subject_of_verb_over_quote"] |= root.dep_ == "nsubj" and root.head.i in over
        out["object_in_quote_sentence"] |= root.dep_ in {"dobj", "dative", "iobj"} or (root.dep_ == "pobj" and root.head.lower_ != "by")
        out["possessor_in_quote_sentence"] |= root.dep_ == "poss"
    return out


def _nobody(a: _Around) -> Candidate:
    f = a.f
    chose = f.person is None
    out = {
        "nobody": 1.0,
        "nobody_rules_chose": float(chose),
        "nobody_no_cue": float(f.cue is None),
        "nobody_has_mention": float(f.mention is not None),
        f"nobody_{f.kind}": 1.0,
    }
    if chose:
        out[f"nobody_by:{a.rule}"] = 1.0
    return Candidate(None, out)


@dataclass(frozen=True)
class Model:
    """A fitted logistic model over candidates, and how sure it must be to overrule the rules."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float

    def probability(self, c: Candidate) -> float:
        z = self.intercept + sum(
            w * (c.features.get(n, 0.0) - m) / s for n, m, s, w in zip(self.names, self.mean, self.scale, self.coef, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-z))


@dataclass
class Read:
    """One article as the rules read it: each quote with its candidates."""

    name: str
    text: str
    quotes: list[tuple[Found, list[Candidate]]]


def _stamp() -> str:
    """Changes whenever the attribution code does, so a stale cache is read again."""
    files = [*sorted((ROOT / "embeddings" / "attribution").glob("*.py")), Path(__file__)]
    return hashlib.sha1(b"".join(f.read_bytes() for f in files)).hexdigest()[:12]


def read_split(split: str, texts: list[Path]) -> list[Read]:
    """Every article read by the rules alone, with candidates; cached per attribution version."""
    cache = CACHE / f"chooser-{split}-{len(texts)}-{_stamp()}.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from embeddings.articles import read_file
    from embeddings.nlp import load_nlp, parse_articles

    nlp = load_nlp()
    reads = []
    for path in texts:
        for parsed in parse_articles(read_file(path, str(path), 10**8), nlp):
            run = read_article(parsed)
            reads.append(Read(path.name, parsed.article.text, [(f, candidates(f, run, parsed.docs)) for f in run.found]))
    CACHE.mkdir(exist_ok=True)
    for stale in CACHE.glob(f"chooser-{split}-*.pkl"):  # reads of older attribution code
        stale.unlink()
    cache.write_bytes(pickle.dumps(reads))
    return reads


def rows(read: Read, model: Model | None) -> list[dict]:
    """The article's quotes as `whosaid extract --json` rows, speakers as the model leaves them."""
    out = []
    for f, cands in read.quotes:
        person = f.person
        if model is not None and not f.unsaid:
            p, best = max(((model.probability(c), c) for c in cands), key=lambda pc: pc[0])
            if best.person is not f.person and p >= model.threshold:
                person = best.person
        out.append(
            {"article": read.name, "quote": read.text[f.start : f.end], "speaker": person.name if person is not None else None,
             "mention": f.mention, "kind": f.kind, "paragraph": f.paragraph, "start": f.start, "end": f.end}
        )  # fmt: skip
    return out


def training_rows(reads: list[Read], gold: dict) -> tuple[np.ndarray, np.ndarray]:
    """A row per candidate of every quote whose gold can teach; label: it is the gold speaker."""
    x, y = [], []
    for read in reads:
        for f, cands in read.quotes:
            speaker, category = gold.get((read.name, f.start), (None, None))
            if category not in TEACHING or f.unsaid:
                continue
            labels = [c.person is not None and speaker_strict(c.person.name, speaker) for c in cands]
            labels[0] = not any(labels[1:])  # nobody is right when no one named is
            x.extend(c.vector() for c in cands)
            y.extend(labels)
    return np.array(x, dtype=float), np.array(y, dtype=int)


def fit(x: np.ndarray, y: np.ndarray, threshold: float, c: float = 1.0) -> Model:
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, max_iter=5000).fit((x - mean) / scale, y)
    return Model(feature_names(), tuple(mean), tuple(scale), tuple(float(w) for w in lr.coef_[0]), float(lr.intercept_[0]), threshold)


def score(reads: list[Read], model: Model | None, texts: list[Path], first_ann: dict) -> Report:
    return evaluate(texts, first_ann, {r.name: rows(r, model) for r in reads})


def summary(report: Report) -> str:
    s = report.spk

    def part(key: str) -> str:
        n = max(1, s[key])
        return f"{key} {s[key + '_ok'] / n:.3f} strict {s[key + '_strict'] / n:.3f} ({s[key + '_strict_wrong']} wrong)"

    return f"{part('named')}  {part('all')}"


def add(total: Report, part: Report) -> None:
    total.spk.update(part.spk)


def cross_validate(reads: list[Read], texts: list[Path], first_ann: dict, folds: int, gold: dict) -> dict[float, Report]:
    """Each fold scored by models fitted on the others, at every threshold."""
    by_name = {p.name: p for p in texts}
    totals = {t: Report() for t in (0.0, *THRESHOLDS)}
    order = sorted(range(len(reads)), key=lambda i: hashlib.sha1(reads[i].name.encode()).hexdigest())
    for k in range(folds):
        held = [reads[i] for n, i in enumerate(order) if n % folds == k]
        rest = [reads[i] for n, i in enumerate(order) if n % folds != k]
        x, y = training_rows(rest, gold)
        held_texts = [by_name[r.name] for r in held]
        add(totals[0.0], score(held, None, held_texts, first_ann))
        base = fit(x, y, 1.0)
        for t in THRESHOLDS:
            model = Model(base.names, base.mean, base.scale, base.coef, base.intercept, t)
            add(totals[t], score(held, model, held_texts, first_ann))
    return totals


def keep(totals: dict[float, Report]) -> float:
    """The threshold to commit, chosen on the cross-validated counts."""
    base = totals[0.0].spk

    def fair(t: float) -> bool:
        gained = totals[t].spk["all_strict"] - base["all_strict"]
        wronged = totals[t].spk["all_strict_wrong"] - base["all_strict_wrong"]
        return gained >= RIGHT_PER_WRONG * max(0, wronged)

    return max((t for t in THRESHOLDS if fair(t)), key=lambda t: totals[t].spk["all_strict"], default=max(THRESHOLDS))


def report_cv(folds: int, limit: int = 0) -> None:
    """Print the rules alone and the chooser, cross-validated on train, and both on dev."""
    texts, first_ann = load_split("train", limit)
    reads = read_split("train", texts)
    gold = score(reads, None, texts, first_ann).gold
    totals = cross_validate(reads, texts, first_ann, folds, gold)
    print(f"PolNeAR train, {len(texts)} articles, {folds}-fold cross-validation by article:")
    print(f"  rules alone           {summary(totals[0.0])}")
    for t in THRESHOLDS:
        print(f"  chooser, sure >= {t:.2f} {summary(totals[t])}")
    threshold = keep(totals)
    x, y = training_rows(reads, gold)
    model = fit(x, y, threshold)
    dev_texts, dev_ann = load_split("dev")
    dev = read_split("dev", dev_texts)
    print(f"kept: sure >= {threshold:.2f} (the most accurate whose changes are right at least {RIGHT_PER_WRONG} times for each wrong one)")
    print(f"PolNeAR dev, fitted on all of train: rules alone {summary(score(dev, None, dev_texts, dev_ann))}")
    print(f"                                     chooser     {summary(score(dev, model, dev_texts, dev_ann))}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    report_cv(args.folds, args.limit)


if __name__ == "__main__":
    main()
