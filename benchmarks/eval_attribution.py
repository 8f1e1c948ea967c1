"""Score `whosaid extract` against PolNeAR's human attribution annotations.

    python benchmarks/eval_attribution.py [--split dev] [--limit N] [--verbose] [--predictions extract.jsonl]
    python benchmarks/eval_attribution.py --folds 5    (k-fold cross-validation over train: benchmarks/chooser.py)

Definitions (fixed, so numbers compare across versions):
- gold items: every stretch between double quotation marks (straight or curly; a paragraph break
  ends a stretch) of two words or more, inside the Content of an annotated relation; first
  annotator file per article;
- predictions: direct and mixed quotes of two words or more opened by a double quotation mark
  (single-quoted and ''-quoted ones are left out, as the gold leaves them out); a prediction matches a gold item when
  their character ranges overlap by at least 50% of each (one-to-one);
- speaker accuracy over matched items: the predicted speaker shares a name word with the Source;
  when the Source is a pronoun or description, with the nearest preceding named Source of the file
  ("named" = has a capitalised word that is not a title or pronoun, not counting a first word
  that is a determiner, quantifier or pronoun — "Many lawmakers" is no name; `--old-named` for
  the definition before session 15; a Source that opens with a
  determiner and ends in a lower-case noun is a description: "the Vermont senator");
- Source, Cue and Content span F1 over all relations: see benchmarks/spans.py;
- indirect: gold = Content spans with no quotation mark; a prediction of any kind matches when the
  ranges overlap by 50% of the gold; speaker found = correct as above; reported separately for
  relations whose Cue is a speech verb or "according to" (PolNeAR also annotates beliefs, plans
  and deeds as attributions: "wants", "plans", "shows"); broken down by the source's category and
  by whether the content is a clause or a noun phrase ("cited derogatory comments"), with the score
  it could reach if every clause of a named, pronoun or organisation source were found and right.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpora import POLNEAR  # noqa: E402
from spans import gold_relations, predicted_relations, print_spans  # noqa: E402
from spans import score_article as score_spans  # noqa: E402

from embeddings.articles import parse_text  # noqa: E402

DOUBLE = set('"\u201c\u201d\u201e\u00ab\u00bb')
PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "him", "her", "them", "his", "its", "their", "who", "one"}
TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "the",
    "a",
    "an",
    "president",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "secretary",
    "former",
    "vice",
    "gop",
    "democratic",
    "republican",
    "presidential",
    "nominee",
    "candidate",
}
ORG_HINTS = {
    "campaign",
    "committee",
    "house",
    "party",
    "department",
    "post",
    "times",
    "news",
    "cnn",
    "fbi",
    "poll",
    "survey",
    "report",
    "statement",
    "group",
    "administration",
    "government",
    "agency",
    "office",
    "court",
    "council",
    "network",
    "journal",
    "press",
    "foundation",
    "association",
    "union",
    "website",
}


@dataclass
class Relation:
    content: list[tuple[int, int]]
    source: str | None
    source_start: int
    cue: str = ""


def parse_ann(path: Path) -> list[Relation]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"^T\d+\t", line):
            tid, rest, *text = line.split("\t")
            label, _, ranges = rest.partition(" ")
            parts = [tuple(int(x) for x in r.split()) for r in ranges.split(";")]
            spans[tid] = (label, parts, text[0] if text else "")
        elif re.match(r"^E\d+\t", line):
            relations.append(dict(arg.split(":") for arg in line.split("\t")[1].split()))
    out = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""))
        if not content:
            continue
        source = spans.get(rel.get("Source", ""))
        cue = spans.get(rel.get("Cue", ""))
        out.append(Relation(content[1], source[2] if source else None, source[1][0][0] if source else -1, cue[2] if cue else ""))
    return out


DETERMINERS = {"the", "a", "an", "another", "this", "that", "his", "her", "their", "its", "our", "one", "two", "some", "several", "other"}


#: Words that open a Source without naming anyone: "Many lawmakers", "These voters", "Few people", "No one".
QUANTIFIERS = {"all", "both", "each", "every", "everyone", "few", "many", "most", "my", "no", "not", "nobody", "some", "these", "those"}


def _bare(word: str) -> str:
    """A word as names are compared: lower case, no possessive, no edge punctuation."""
    return word.lower().replace("\u2019", "'").removesuffix("'s").strip(".,'")


def named(source: str | None, old: bool = False) -> bool:
    """Has a capitalised word that is not a title or pronoun, and is not a description that
    merely contains one ("the Vermont senator", "a New York Times reporter"). A Source's first
    word is capitalised because it opens a sentence, so when it is a determiner, quantifier or
    pronoun ("Many lawmakers", "His", "This") it names no one. `old`: the definition before
    session 15, which counted those first words and read "his" as "hi" (it stripped a final "s"
    for the possessive), kept to compare with earlier numbers."""
    if not source:
        return False
    words = re.findall(r"[\w.'\u2019-]+", source)
    if len(words) > 1 and words[0].lower() in DETERMINERS and words[-1].islower():
        return False
    if old:
        return any(w[0].isupper() and w.lower().strip(".,'\u2019s") not in TITLES | PRONOUNS for w in words)
    if words and words[0].lower() in DETERMINERS | QUANTIFIERS | PRONOUNS | {"this"}:
        words = words[1:]
    bare = (_bare(w) for w in words if w[0].isupper())
    return any(w not in TITLES | PRONOUNS for w in bare)


def name_words(text: str | None) -> set[str]:
    if not text:
        return set()
    words = {_bare(w) for w in re.findall(r"[\w.'\u2019-]+", text)}
    return {w for w in words if len(w) > 1 and w not in TITLES | PRONOUNS}


def category(source: str | None, old: bool = False) -> str:
    if not source:
        return "none"
    low = source.lower().strip()
    if low in PRONOUNS:
        return "pronoun"
    if any(h in low.split() for h in ORG_HINTS):
        return "organisation"
    return "named" if named(source, old) else "description"


def stretches(text: str) -> list[tuple[int, int]]:
    """Spans between double quotation marks; a paragraph break ends a stretch."""
    out = []
    for para in re.finditer(r"[^\n]+", text):
        marks = [m.start() for m in re.finditer('["\u201c\u201d\u201e\u00ab\u00bb]', para.group())]
        base = para.start()
        i = 0
        while i < len(marks):
            a = marks[i]
            if i + 1 < len(marks):
                b = marks[i + 1]
                out.append((base + a + 1, base + b))
                i += 2
            else:
                out.append((base + a + 1, para.end()))
                i += 1
    return [(a, b) for a, b in out if len(text[a:b].split()) >= 2]


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def gold_items(text: str, relations: list[Relation], old: bool = False) -> tuple[list[dict], list[dict]]:
    """Quoted gold stretches and unquoted (indirect) gold contents, each with its gold speaker."""
    named_sources = sorted((r.source_start, r.source) for r in relations if named(r.source, old))

    def gold_speaker(r: Relation) -> str | None:
        if named(r.source, old):
            return r.source
        before = [s for start, s in named_sources if start < min(c[0] for c in r.content)]
        return before[-1] if before else None

    all_stretches = stretches(text)
    quoted, indirect = [], []
    for r in relations:
        spk = gold_speaker(r)
        kinds = []
        for c in r.content:
            inside = [s for s in all_stretches if overlap(s, c) >= 0.5 * (s[1] - s[0])]
            outside_letters = len(re.sub(r"[^A-Za-z]", "", text[c[0] : c[1]])) - sum(
                len(re.sub(r"[^A-Za-z]", "", text[s[0] : s[1]])) for s in inside
            )
            for s in inside:
                kinds.append(s)
                quoted.append(
                    {"span": s, "speaker": spk, "category": category(r.source, old), "kind": "mixed" if outside_letters > 3 else "direct"}
                )
        content_text = "".join(text[a:b] for a, b in r.content)
        if not kinds and not (set(content_text) & DOUBLE):
            span = (min(a for a, _ in r.content), max(b for _, b in r.content))
            indirect.append({"span": span, "speaker": spk, "category": category(r.source, old), "cue": r.cue})
    uniq = {q["span"]: q for q in quoted}
    return list(uniq.values()), indirect


def file_offsets(path: Path, raw: str) -> list[int]:
    """Where each article paragraph starts in the raw file."""
    article = parse_text(raw, path.name)
    starts, pos = [], 0
    for para in article.paragraphs:
        found = raw.find(para, pos)
        starts.append(found)
        pos = found + len(para) if found >= 0 else pos
    return starts, article.paragraph_starts


@cache
def speech_cue(cue: str) -> bool:
    """A cue of reported speech: a speech verb in any form (spaCy's lemmas), or 'according to'
    (PolNeAR also annotates beliefs, plans and deeds: 'wants', 'plans', 'shows', 'lifted')."""
    from embeddings.attribution import SPEECH_VERBS
    from embeddings.nlp import load_nlp

    words = load_nlp()(cue.lower())
    return any(t.lower_ == "according" or t.lemma_ in SPEECH_VERBS for t in words)


@cache
def clause(content: str) -> bool:
    """Whether a reported content is a clause ("that he would win", "to raise taxes") rather than a
    noun phrase ("called for a special meeting", "declared bankruptcy"), which is no one's words."""
    from embeddings.nlp import load_nlp

    words = load_nlp()(content)
    return any(t.dep_ in {"nsubj", "nsubjpass", "expl"} for t in words) or any(
        t.tag_ == "VB" and any(a.lower_ == "to" for a in t.children) for t in words
    )


def speaker_ok(pred: str | None, gold: str | None) -> bool:
    return bool(pred and gold and name_words(pred) & name_words(gold))


PREPOSITIONS = {"for", "of", "at", "from", "with", "to", "in", "on"}


def gold_head(source: str | None) -> str | None:
    """The word a Source is about: the last word of its first comma-separated part that names
    someone ("Clinton campaign spokesman Brian Fallon" -> "fallon", "the presidential nominee,
    Donald Trump," -> "trump", "McConnell aides" -> "aides", "The Clinton campaign" -> "campaign")."""
    if not source:
        return None
    parts = [p.strip() for p in re.split(r",|\b(?:who|which|that)\b", source) if p.strip()]
    part = next((p for p in parts if named(p)), parts[0] if parts else "")
    words = re.findall(r"[\w.'\u2019-]+", part)
    # "A spokeswoman for Hillary Clinton" is about the spokeswoman ("Secretary of State John Kerry" is Kerry)
    cut = next((i for i in range(1, len(words)) if words[i] in PREPOSITIONS and words[i - 1].islower()), len(words))
    words = words[:cut]
    return _bare(words[-1]) if words else None


def speaker_strict(pred: str | None, gold: str | None) -> bool:
    """The predicted speaker is the one the Source is about, not someone it mentions: the Source's
    head word is one of the speaker's ("Hillary Clinton" is not "A spokeswoman for Hillary
    Clinton", nor "Clinton campaign spokesman Brian Fallon")."""
    head = gold_head(gold)
    return bool(pred and head and head in name_words(pred))


def load_split(split: str, limit: int = 0) -> tuple[list[Path], dict[str, Path]]:
    """The split's article files that have an annotation, and each one's first annotator file."""
    texts = sorted((POLNEAR / split / "text").glob("*.txt"))
    first_ann: dict[str, Path] = {}
    for a in sorted((POLNEAR / split / "attributions").glob("*.ann")):
        first_ann.setdefault(a.stem.rsplit("_", 1)[0], a)
    texts = [t for t in texts if t.stem in first_ann]
    return (texts[:limit] if limit else texts), first_ann


def read_predictions(output: str) -> dict[str, list[dict]]:
    """`whosaid extract --json` lines, by article file name."""
    predicted: dict[str, list[dict]] = defaultdict(list)
    for line in output.splitlines():
        row = json.loads(line)
        predicted[Path(row["article"]).name].append(row)
    return predicted


@dataclass
class Report:
    """The counts behind every printed figure; `gold` is each scored prediction's gold speaker,
    keyed by (file name, start), for a fitted model to learn from."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    spk: Counter = field(default_factory=Counter)
    cats: defaultdict = field(default_factory=lambda: defaultdict(Counter))
    ind: Counter = field(default_factory=Counter)
    speech_shapes: defaultdict = field(default_factory=lambda: defaultdict(Counter))
    gold: dict = field(default_factory=dict)
    #: Source, Cue and Content span scores over all relations (benchmarks/spans.py)
    spans: Counter = field(default_factory=Counter)


def evaluate(
    texts: list[Path], first_ann: dict[str, Path], predicted: dict[str, list[dict]], verbose: bool = False, old: bool = False
) -> Report:
    """Score the predictions of every article against its first annotator's relations."""
    report = Report()
    for path in texts:
        _score_article(path, first_ann[path.stem], predicted[path.name], report, verbose, old)
    return report


def _score_article(path: Path, ann: Path, predictions: list[dict], report: Report, verbose: bool, old: bool) -> None:
    raw = path.read_text(encoding="utf-8")
    rels = parse_ann(ann)
    gold, gold_ind = gold_items(raw, rels, old)
    raw_starts, art_starts = file_offsets(path, raw)
    spk, cats, ind, speech_shapes = report.spk, report.cats, report.ind, report.speech_shapes

    def to_file(row: dict) -> tuple[int, int]:
        p = row["paragraph"] - 1
        delta = raw_starts[p] - art_starts[p]
        return row["start"] + delta, row["end"] + delta

    def double_marked(r: dict) -> bool:
        """Predicted quoted stretches are held to the gold's definition: double marks."""
        a = to_file(r)[0] - 1
        while a > 0 and raw[a].isspace():
            a -= 1
        return raw[a] in DOUBLE

    preds = [r for r in predictions if r["kind"] in ("direct", "mixed") and len(r["quote"].split()) >= 2 and double_marked(r)]
    report.n_pred += len(preds)
    report.n_gold += len(gold)
    used: set[int] = set()
    for g in gold:
        gs = g["span"]
        match = None
        for i, r in enumerate(preds):
            if i in used:
                continue
            ps = to_file(r)
            ov = overlap(gs, ps)
            if ov >= 0.5 * (gs[1] - gs[0]) and ov >= 0.5 * (ps[1] - ps[0]):
                match = i
                break
        if match is None:
            if verbose:
                print(f"MISS {path.name}: {raw[gs[0] : gs[1]][:80]!r}")
            continue
        used.add(match)
        report.tp += 1
        report.gold[(path.name, preds[match]["start"])] = (g["speaker"], g["category"])
        ok = speaker_ok(preds[match]["speaker"], g["speaker"])
        wrong = not ok and preds[match]["speaker"] is not None
        strict = speaker_strict(preds[match]["speaker"], g["speaker"])
        spk["all"] += 1
        spk["all_ok"] += ok
        spk["all_wrong"] += wrong
        spk["all_strict"] += strict
        spk["all_strict_wrong"] += not strict and preds[match]["speaker"] is not None
        if g["category"] == "named":
            spk["named"] += 1
            spk["named_ok"] += ok
            spk["named_wrong"] += wrong
            spk["named_strict"] += strict
            spk["named_strict_wrong"] += not strict and preds[match]["speaker"] is not None
        cats[g["category"]]["n"] += 1
        cats[g["category"]]["ok"] += ok
        cats[g["kind"]]["n"] += 1
        cats[g["kind"]]["ok"] += ok
        if verbose and not ok:
            print(
                f"SPK[{g['category']}] {path.name}: gold={g['speaker']!r} pred={preds[match]['speaker']!r} "
                f"mention={preds[match]['mention']!r}: {preds[match]['quote'][:60]!r}"
            )
    if verbose:
        for i, r in enumerate(preds):
            if i not in used:
                print(f"FP  {path.name}: {r['quote'][:80]!r} ({r['speaker']})")
    all_preds = [(to_file(r), r) for r in predictions]
    score_spans(gold_relations(raw, ann), predicted_relations(raw, all_preds), report.spans)
    for g in gold_ind:
        if not g["speaker"]:
            continue
        gs = g["span"]
        hits = [r for ps, r in all_preds if overlap(gs, ps) >= 0.5 * (gs[1] - gs[0]) or overlap(gs, ps) >= 0.5 * (ps[1] - ps[0])]
        for r in hits:
            report.gold.setdefault((path.name, r["start"]), (g["speaker"], g["category"]))
        ok = any(speaker_ok(r["speaker"], g["speaker"]) for r in hits)
        speech = speech_cue(g["cue"])
        for key in ("", "speech_") if speech else ("",):
            ind[key + "n"] += 1
            ind[key + "matched"] += bool(hits)
            ind[key + "ok"] += ok
        if speech:
            shape = (g["category"], "clause" if clause(raw[gs[0] : gs[1]]) else "phrase")
            speech_shapes[shape] += Counter(n=1, matched=bool(hits), ok=ok)
        if verbose and speech and not ok:
            found = f"pred={[r['speaker'] for r in hits]!r}" if hits else "no content"
            print(f"IND {path.name}: gold={g['speaker']!r} cue={g['cue']!r} {found}: {raw[gs[0] : gs[1]][:80]!r}")


def print_report(split: str, n_articles: int, report: Report) -> None:
    spk, cats, ind, speech_shapes = report.spk, report.cats, report.ind, report.speech_shapes
    p = report.tp / report.n_pred if report.n_pred else 0.0
    r = report.tp / report.n_gold if report.n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"PolNeAR {split}: {n_articles} articles, {report.n_gold} gold quoted stretches, {report.n_pred} predicted")
    print(f"quoted-segment precision {p:.3f} recall {r:.3f} F1 {f1:.3f}")
    print(f"named-speaker accuracy {spk['named_ok'] / max(1, spk['named']):.3f} ({spk['named_ok']}/{spk['named']})")
    print(f"all-speaker accuracy   {spk['all_ok'] / max(1, spk['all']):.3f} ({spk['all_ok']}/{spk['all']})")
    print(
        f"strict (the Source's head word is the speaker's): named {spk['named_strict'] / max(1, spk['named']):.3f}, "
        f"all {spk['all_strict'] / max(1, spk['all']):.3f}"
    )
    print(
        f"wrong speakers shown: named {spk['named_wrong']} ({spk['named_strict_wrong']} strict), "
        f"all {spk['all_wrong']} ({spk['all_strict_wrong']} strict); the rest of the misses are unresolved"
    )
    print("by category (matched items):")
    for cat in ("named", "pronoun", "description", "organisation", "none", "direct", "mixed"):
        if cats[cat]["n"]:
            print(f"  {cat:<13} {cats[cat]['ok'] / cats[cat]['n']:.3f} ({cats[cat]['ok']}/{cats[cat]['n']})")
    print(
        f"indirect/mixed relations without quotation marks, with a resolvable source: {ind['n']}; "
        f"content found {ind['matched'] / max(1, ind['n']):.3f}; speaker found {ind['ok'] / max(1, ind['n']):.3f}"
    )
    n_speech = max(1, ind["speech_n"])
    print(
        f"  of which with a speech cue ('said that …', 'according to …'): {ind['speech_n']}; "
        f"content found {ind['speech_matched'] / n_speech:.3f}; speaker found {ind['speech_ok'] / n_speech:.3f}"
    )
    print("    by source and content (share; content found; speaker found):")
    for (cat, shape), c in sorted(speech_shapes.items()):
        print(f"      {cat:<13} {shape:<7} {c['n'] / n_speech:6.1%}  {c['matched'] / c['n']:.3f}  {c['ok'] / c['n']:.3f}")
    # what the speech-cue score could reach if every clause reported of a named, pronoun or
    # organisation source were found with its speaker, and the rest scored as now: a noun phrase is
    # no one's words, and an unnamed description ("a source said") is scored against the last
    # named Source before it, who is someone else
    reachable = sum(
        c["n"] if shape == "clause" and cat in {"named", "pronoun", "organisation"} else c["ok"]
        for (cat, shape), c in speech_shapes.items()
    )
    print(f"    at most {reachable / n_speech:.3f} with every clause of a named, pronoun or organisation source found and right")
    print_spans(report.spans)


def run_extract(texts: list[Path]) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", "extract", *map(str, texts), "--json"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    if proc.returncode != 0:
        sys.exit(f"extract failed: {proc.stderr[-2000:]}")
    return proc.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--verbose", action="store_true", help="print misses")
    ap.add_argument("--old-named", action="store_true", help="the 'named' definition before session 15 (see named())")
    ap.add_argument("--predictions", type=Path, help="score this saved `whosaid extract --json` output instead of running extract")
    ap.add_argument("--folds", type=int, default=0, help="k-fold cross-validation over train of the fitted chooser (benchmarks/chooser.py)")
    args = ap.parse_args()
    if args.folds:
        from chooser import report_cv

        report_cv(args.folds, args.limit)
        return
    texts, first_ann = load_split(args.split, args.limit)
    started = time.perf_counter()
    output = args.predictions.read_text(encoding="utf-8") if args.predictions else run_extract(texts)
    seconds = time.perf_counter() - started
    report = evaluate(texts, first_ann, read_predictions(output), args.verbose, args.old_named)
    print_report(args.split, len(texts), report)
    if not args.predictions:
        print(f"extract: {seconds:.1f}s for {len(texts)} articles ({len(texts) / seconds:.2f} articles/s, includes model load)")


if __name__ == "__main__":
    main()
