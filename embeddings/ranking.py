"""Which quote answers a question, scored with what surrounds it.

A quote's own vector knows its words; a question in a reader's own words often matches the
passage around the quote better (its speaker, role, cue and headline), and names the speaker by
a description ("Which Republican pollster …"). Candidates come from quote hits and from the
quotes inside the best passages; each gets the features below, and a logistic regression fitted
on the dev questions (benchmarks/fit_ranker.py, weights in ranker.json) turns them into the
probability that the quote is the one asked for. The same probability decides refusal.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Set
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from embeddings import verbs
from embeddings.people import loose_words, role_words, words
from embeddings.search import Hit, content_words, coverage, in_order

if TYPE_CHECKING:
    from embeddings.attribution import Quote
    from embeddings.search import Searcher

WEIGHTS = Path(__file__).with_name("ranker.json")
#: How many quote hits and passage hits a question's candidates come from.
QUOTE_HITS = 40
PASSAGE_HITS = 10
#: A speaker's quotes are all scored when they are this many or fewer, else the best quote hits.
ALL_OF_SPEAKER = 400

FEATURES = (
    "cosine",  # the question against the quote's own vectors (best piece)
    "cosine_gap",  # that, less the best candidate's: how this quote stands among the others
    "fused",  # the hybrid (dense + BM25 + wording) score of the quote search; 0 if not a quote hit
    "coverage",  # share of the question's content words in the quote
    "in_order",  # share of the question's words in the quote in order
    "passage_cosine",  # the question against the passage that holds the quote (headline included)
    "passage_gap",  # that, less the best candidate's
    "passage_coverage",  # share of the question's content words in that passage
    "described",  # share of the speaker description's words among the speaker's roles and names
    "described_near",  # share of them in the passage around the quote
    "described_none",  # the question describes the speaker and none of its words fit this one
    "cue",  # the question's verb is the quote's cue ("Who slammed …" and "…, he slammed")
    "named",  # the quote has a named speaker
    "indirect",  # reported speech
    "long",  # log of the quote's length in words
)


@dataclass(frozen=True)
class Scored:
    """A candidate quote, its features and the fitted probability that it answers the question."""

    id: int
    features: tuple[float, ...]
    probability: float
    cosine: float


#: What decides whether a question is answered at all: its best candidate's features, the
#: ranker's log-odds for it and its lead over the second.
#: Only measures of meaning and of who: a question's length or how many of its words a quote
#: shares would learn how the dev questions were written, not whether a quote answers one.
#: `speaker_share`: how much of the five best candidates' probability is on the best one's
#: speaker: a person quoted several times near the words is likelier the one who said them.
REFUSAL_FEATURES = ("logit", "lead", "speaker_share", "cosine", "passage_cosine", "described", "described_none", "named")
SHARE_AMONG = 5
#: A question whose words (this many or more) a quote holds nearly all in order is answered
#: whatever the models say: the reader remembered the words, and these are they.
VERBATIM_SHARE = 0.8
VERBATIM_WORDS = 4
#: Shown after the best quote: others whose probability is at least this share of its.
KEEP_SHARE = 0.1


@dataclass(frozen=True)
class Logistic:
    """A logistic regression over standardised features."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    def logit(self, features: tuple[float, ...]) -> float:
        return self.intercept + sum(c * (f - m) / s for c, f, m, s in zip(self.coef, features, self.mean, self.scale, strict=True))

    def probability(self, features: tuple[float, ...]) -> float:
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, self.logit(features)))))

    def to_json(self) -> dict:
        return {"mean": list(self.mean), "scale": list(self.scale), "coef": list(self.coef), "intercept": self.intercept}


@dataclass(frozen=True, eq=False)
class Ranker:
    """The quote scorer, and per search ("who_said": who said these words; "speaker": a
    person's quotes on a topic) a second model that says whether its best quote answers the
    question at all, with the score below which the question is refused."""

    quote: Logistic
    refusal: dict[str, Logistic]
    thresholds: dict[str, float]

    def probability(self, features: tuple[float, ...]) -> float:
        return self.quote.probability(features)

    def answers(self, path: str, ranked: list[Scored], words: int, speakers: list[str | None]) -> bool:
        """Whether the candidates (as `verbatim_first` orders them; `speakers`: the first few's)
        answer a question of `words` words at all."""
        if not ranked:
            return False
        if verbatim(ranked[0], words):
            return True
        return self.refusal[path].probability(question_features(ranked, speakers)) >= self.thresholds[path]

    def to_json(self) -> dict:
        return {
            "features": list(FEATURES),
            "quote": self.quote.to_json(),
            "refusal_features": list(REFUSAL_FEATURES),
            "refusal": {k: v.to_json() for k, v in self.refusal.items()},
            "thresholds": self.thresholds,
        }


def verbatim_first(ranked: list[Scored], words: int, among: int = 10) -> list[Scored]:
    """Candidates that hold the question's words (nearly all, in order) before the rest: "the
    budget was “pure fantasy”" answers "Who said the budget was pure fantasy?" better than its
    fragment "pure fantasy" that the scorer may put first."""
    exact = [s for s in ranked[:among] if verbatim(s, words)]
    return exact + [s for s in ranked if s not in exact] if exact else ranked


def question_features(ranked: list[Scored], speakers: list[str | None]) -> tuple[float, ...]:
    """REFUSAL_FEATURES of a question's candidates, best first (`speakers`: of the first SHARE_AMONG)."""
    p1 = ranked[0].probability
    p2 = ranked[1].probability if len(ranked) > 1 else 0.0
    logit = math.log(max(p1, 1e-9) / max(1 - p1, 1e-9))
    top = dict(zip(FEATURES, ranked[0].features, strict=True))
    return (logit, p1 - p2, speaker_share(ranked, speakers), *(top[name] for name in REFUSAL_FEATURES[3:]))


def speaker_share(ranked: list[Scored], speakers: list[str | None]) -> float:
    """The share of the first candidates' probability that is on the first one's speaker."""
    first = ranked[:SHARE_AMONG]
    mass = sum(s.probability for s in first)
    if not mass or not speakers or speakers[0] is None:
        return 0.0
    return sum(s.probability for s, who in zip(first, speakers, strict=False) if who == speakers[0]) / mass


def verbatim(best: Scored, words: int) -> bool:
    return words >= VERBATIM_WORDS and best.features[FEATURES.index("in_order")] >= VERBATIM_SHARE


def _logistic(data: dict) -> Logistic:
    return Logistic(tuple(data["mean"]), tuple(data["scale"]), tuple(data["coef"]), data["intercept"])


@lru_cache(maxsize=1)
def load_ranker(path: Path = WEIGHTS) -> Ranker:
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES or tuple(data["refusal_features"]) != REFUSAL_FEATURES:
        raise RuntimeError(f"{path} was fitted on other features; refit with benchmarks/fit_ranker.py")
    return Ranker(_logistic(data["quote"]), {k: _logistic(v) for k, v in data["refusal"].items()}, data["thresholds"])


@dataclass(frozen=True)
class Asked:
    """What a question gives the scorer: the words to match, who it describes, its verb."""

    text: str
    described: str = ""
    verb: str | None = None


def candidates(searcher: Searcher, asked: Asked, allowed: list[int] | None = None, exhaustive: bool = False) -> dict[int, Hit | None]:
    """Candidate quote ids with their quote-search hit (None for those found only inside a
    passage). `allowed`: only these quotes (a speaker's, or a filter's); `exhaustive` scores all of them."""
    found: dict[int, Hit | None] = {h.id: h for h in searcher.quotes(asked.text, k=QUOTE_HITS, quote_ids=allowed)}
    if exhaustive and allowed is not None:
        return {i: found.get(i) for i in allowed}
    keep = set(allowed) if allowed is not None else None
    for i in described_quotes(searcher, asked, keep):
        found.setdefault(i, None)
    passage_ids = None if keep is None else sorted({int(searcher.quote_passage[i]) for i in keep if searcher.quote_passage[i] >= 0})
    if passage_ids == []:
        return found
    for p in searcher.passages(asked.text, k=PASSAGE_HITS, passage_ids=passage_ids, wording=False):
        for i in searcher.quotes_in_passage(p.id):
            if keep is None or i in keep:
                found.setdefault(i, None)
    return found


#: A described speaker's quotes join the candidates when the speaker's roles hold this share of
#: the description's words; the best DESCRIBED_QUOTES of them by cosine, from DESCRIBED_SPEAKERS people.
DESCRIBED_SHARE = 0.6
DESCRIBED_SPEAKERS = 40
DESCRIBED_QUOTES = 30


def described_quotes(searcher: Searcher, asked: Asked, keep: set[int] | None) -> list[int]:
    """Quotes of the people the description fits ("Which Hoover Institution fellow …"), nearest first."""
    described = loose_words(words(asked.described) - _DESCRIPTION_STOP) - _GENERIC if asked.described else set()
    if not described:
        return []
    fits = searcher.directory.described_by(described, DESCRIBED_SHARE)[:DESCRIBED_SPEAKERS]
    ids = [i for s, _ in fits for i in s.quote_ids if keep is None or i in keep]
    if not ids:
        return []
    qvec = searcher.embed(asked.text)[0]
    cos = searcher.quote_cosines(list(ids), qvec)
    return [ids[k] for k in np.argsort(cos)[::-1][:DESCRIBED_QUOTES]]


#: Description words that fit too many people to pick any out.
_GENERIC = {"former", "senior", "ex", "then", "top", "leading", "longtime", "veteran"}


def score(searcher: Searcher, asked: Asked, found: dict[int, Hit | None], ranker: Ranker | None = None) -> list[Scored]:
    """The candidates, most probable first."""
    if not found:
        return []
    ranker = ranker or load_ranker()
    ids = list(found)
    qvec = searcher.embed(asked.text)[0]
    cos = np.array(searcher.quote_cosines(list(ids), qvec))
    pids = searcher.quote_passage[ids]
    searcher.prefetch(quotes=ids, passages=pids[pids >= 0].tolist())
    pcos = np.where(pids >= 0, searcher.index.passage_vectors[np.maximum(pids, 0)] @ qvec, 0.0)
    query_words = content_words(asked.text)
    described = loose_words(words(asked.described) - _DESCRIPTION_STOP) if asked.described else set()
    out = []
    for n, i in enumerate(ids):
        quote = searcher.index.quotes[i]
        passage = searcher.passage_texts[pids[n]] if pids[n] >= 0 else quote.text
        hit = found[i]
        fit = speaker_fit(searcher, quote, described)
        near = _share(described, loose_words(words(passage))) if described else 0.0
        feats = (
            float(cos[n]),
            float(cos[n] - cos.max()),
            hit.score if hit else 0.0,
            hit.coverage if hit else coverage(query_words, quote.text),
            hit.in_order if hit else in_order(asked.text, quote.text),
            float(pcos[n]),
            float(pcos[n] - pcos.max()),
            _share(query_words, searcher.passage_words(int(pids[n])) if pids[n] >= 0 else content_words(passage)),
            fit,
            near,
            float(bool(described) and not near and not fit),
            float(bool(asked.verb) and cue_lemma(quote.cue) == asked.verb),
            float(searcher.directory.canonical(quote) is not None),
            float(quote.kind == "indirect"),
            math.log(1 + len(quote.text.split())),
        )
        out.append(Scored(i, feats, ranker.probability(feats), float(cos[n])))
    return sorted(out, key=lambda s: -s.probability)


#: Words of a description that say nothing of who: "Which *of the* …".
_DESCRIPTION_STOP = {"who", "which", "whose", "that", "then", "now", "once", "one"}


def speaker_fit(searcher: Searcher, quote: Quote, described: set[str]) -> float:
    """How much of the question's description of the speaker the quote's speaker's roles and names hold."""
    return _share(described, _speaker_words(searcher, quote)) if described else 0.0


def _share(wanted: set[str], have: Set[str]) -> float:
    return len(wanted & have) / len(wanted) if wanted else 0.0


def _speaker_words(searcher: Searcher, quote: Quote) -> set[str]:
    speaker = searcher.directory.of_name.get(quote.speaker) if quote.speaker else None
    have = role_words(speaker) if speaker else words(quote.speaker or "")
    for role in quote.roles:
        have |= words(role)
    return loose_words(have)


_CUE_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=4096)
def cue_lemma(cue: str | None) -> str | None:
    """The verb of a quote's cue, as a dictionary lemma ("slammed" -> "slam")."""
    m = _CUE_WORD.search(cue or "")
    if not m:
        return None
    word = m.group(0).lower()
    return next(iter(verbs.lemmas(word)), word)
