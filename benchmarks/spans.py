"""Source, Cue and Content span scores over every PolNeAR attribution relation, as the PolNeAR
literature reports them (exact-match F1 and token-Jaccard F1 per span type), so that whosaid stands
next to published extractors (CofeNet, COLING 2022, on PolNeAR test: Source 83.2, Cue 75.3,
Content 72.9 exact F1).

Definitions (ours; the published ones are token-tagging scores over sentences, so the comparison
is indicative, not exact):
- a span is the set of word tokens (runs of letters and digits) inside its character ranges, so
  quotation marks and punctuation at an edge never decide a match;
- gold: every relation of the first annotator file, beliefs and plans included;
- predicted: every quote `whosaid extract` gives (direct, mixed, indirect); its Content is the
  quote, its Source the mention its speaker was read from and its Cue the cue, each found in the
  article where it occurs nearest the quote (extract reports them as text);
- a prediction is paired one-to-one with the gold relation whose Content it overlaps most;
  exact: a paired span with the same tokens scores 1; Jaccard: |A ∩ B| / |A ∪ B|;
  precision = score / predicted spans of the type, recall = score / gold spans of the type.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

WORD = re.compile(r"\w+")
KINDS = ("Source", "Cue", "Content")


def tokens(raw: str, ranges: list[tuple[int, int]]) -> frozenset[int]:
    """The start offsets of the word tokens inside the ranges."""
    return frozenset(m.start() + a for a, b in ranges for m in WORD.finditer(raw[a:b]))


def relation_ranges(ann: Path) -> list[dict[str, list[tuple[int, int]]]]:
    """Every relation's Source, Cue and Content character ranges, as the brat file gives them."""
    spans: dict[str, list[tuple[int, int]]] = {}
    out = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if re.match(r"^T\d+\t", line):
            tid, rest, *_ = line.split("\t")
            _, _, ranges = rest.partition(" ")
            spans[tid] = [tuple(int(x) for x in r.split()) for r in ranges.split(";")]
        elif re.match(r"^E\d+\t", line):
            args = dict(arg.split(":") for arg in line.split("\t")[1].split())
            out.append({k: spans[args[k]] for k in KINDS if args.get(k) in spans})
    return out


def gold_relations(raw: str, ann: Path) -> list[dict[str, frozenset[int]]]:
    """Every relation's Source, Cue and Content tokens (a part it lacks is left out)."""
    out = []
    for ranges in relation_ranges(ann):
        rel = {k: tokens(raw, r) for k, r in ranges.items()}
        if rel.get("Content"):
            out.append(rel)
    return out


def _nearest(raw: str, text: str | None, near: int) -> list[tuple[int, int]]:
    """Where `text` occurs in the article nearest `near` (a character offset), as one range."""
    if not text:
        return []
    hits = [m.start() for m in re.finditer(re.escape(text), raw)]
    if not hits:
        return []
    at = min(hits, key=lambda h: abs(h - near))
    return [(at, at + len(text))]


def predicted_relations(raw: str, rows: list[tuple[tuple[int, int], dict]]) -> list[dict[str, frozenset[int]]]:
    """Each predicted quote's Content, and the Source and Cue it was read from, as tokens."""
    out = []
    for (a, b), row in rows:
        rel = {"Content": tokens(raw, [(a, b)])}
        if row.get("speaker") is not None or row.get("mention"):
            source = tokens(raw, _nearest(raw, row.get("mention"), a))
            if source:
                rel["Source"] = source
        cue = tokens(raw, _nearest(raw, row.get("cue"), a))
        if cue:
            rel["Cue"] = cue
        if rel["Content"]:
            out.append(rel)
    return out


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def pair_by_overlap(pred: list[frozenset[int]], gold: list[frozenset[int]]) -> list[tuple[int, int]]:
    """Predicted and gold token sets paired one to one, the largest overlaps first."""
    ranked = sorted(((len(p & g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold) if p & g), reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in ranked:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def add_pair(kind: str, p: frozenset[int], g: frozenset[int], totals: Counter) -> None:
    """One paired span's exact and Jaccard score."""
    totals[f"{kind}_both"] += 1
    totals[f"{kind}_exact"] += p == g
    totals[f"{kind}_jaccard"] += jaccard(p, g)


def score_article(gold: list[dict], pred: list[dict], totals: Counter) -> None:
    """Pair predictions with gold relations by Content overlap, one to one, and add up the scores."""
    for i, j in pair_by_overlap([p["Content"] for p in pred], [g["Content"] for g in gold]):
        for kind in KINDS:
            p, g = pred[i].get(kind), gold[j].get(kind)
            if p and g:
                add_pair(kind, p, g, totals)
    for kind in KINDS:
        totals[f"{kind}_pred"] += sum(kind in p for p in pred)
        totals[f"{kind}_gold"] += sum(kind in g for g in gold)


def prf(totals: Counter, kind: str, measure: str) -> tuple[float, float, float]:
    hit = totals[f"{kind}_{measure}"]
    p = hit / totals[f"{kind}_pred"] if totals[f"{kind}_pred"] else 0.0
    r = hit / totals[f"{kind}_gold"] if totals[f"{kind}_gold"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


#: CofeNet (Wang et al., COLING 2022) on PolNeAR test, exact-match F1, as published
COFENET = {"Source": 83.2, "Cue": 75.3, "Content": 72.9}


def print_spans(totals: Counter) -> None:
    print("Source / Cue / Content spans over all relations (benchmarks/spans.py; CofeNet: exact F1 on PolNeAR test):")
    print("  span      exact P / R / F1     Jaccard P / R / F1   exact where paired   gold  predicted  CofeNet")
    for kind in KINDS:
        ep, er, ef = prf(totals, kind, "exact")
        jp, jr, jf = prf(totals, kind, "jaccard")
        both, gold, pred = totals[f"{kind}_both"], totals[f"{kind}_gold"], totals[f"{kind}_pred"]
        print(
            f"  {kind:<8} {100 * ep:5.1f} {100 * er:5.1f} {100 * ef:5.1f}    {100 * jp:5.1f} {100 * jr:5.1f} {100 * jf:5.1f}"
            f"    {totals[f'{kind}_exact'] / max(1, both):.3f} of {both:<6} {gold:5} {pred:8}    {COFENET[kind]}"
        )
