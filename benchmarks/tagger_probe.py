"""A probe of the token-tagger route (issue 36): fine-tune the bundled MiniLM on CPU to tag
Source, Cue and Content tokens of PolNeAR train paragraphs (as CofeNet does with BERT), and score
its spans on dev by benchmarks/spans.py's definitions. Nothing in whosaid uses it; it measures
whether the route is worth building, and what it costs.

    python benchmarks/tagger_probe.py [--epochs 1] [--limit N] [--max-length 192]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_attribution import load_split  # noqa: E402
from spans import KINDS, add_pair, pair_by_overlap, relation_ranges, tokens  # noqa: E402

LABELS = ("O", *(f"{p}-{k}" for k in KINDS for p in "BI"))


def paragraphs(raw: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", raw)]


def char_labels(raw: str, rels: list[dict]) -> list[str]:
    """A label per character: the span type it is in (Cue over Source over Content where they nest)."""
    lab = ["O"] * len(raw)
    for kind in ("Content", "Source", "Cue"):
        for rel in rels:
            for a, b in rel.get(kind, []):
                for i in range(a, min(b, len(raw))):
                    lab[i] = kind
    return lab


def examples(split: str, limit: int, tokenizer, max_length: int) -> list[dict]:
    texts, first_ann = load_split(split, limit)
    out = []
    for path in texts:
        raw = path.read_text(encoding="utf-8")
        lab = char_labels(raw, relation_ranges(first_ann[path.stem]))
        for a, b in paragraphs(raw):
            enc = tokenizer(raw[a:b], truncation=True, max_length=max_length, return_offsets_mapping=True)
            tags, prev = [], "O"
            for s, e in enc["offset_mapping"]:
                if s == e:
                    tags.append(-100)
                    continue
                kind = lab[a + s]
                tag = "O" if kind == "O" else ("I-" if prev == kind else "B-") + kind
                tags.append(LABELS.index(tag))
                prev = kind
            out.append({"input_ids": enc["input_ids"], "labels": tags, "offsets": [(a + s, a + e) for s, e in enc["offset_mapping"]],
                        "name": path.name})  # fmt: skip
    return out


def batches(items: list[dict], size: int):
    import torch

    for i in range(0, len(items), size):
        chunk = items[i : i + size]
        n = max(len(x["input_ids"]) for x in chunk)
        ids = torch.tensor([x["input_ids"] + [0] * (n - len(x["input_ids"])) for x in chunk])
        mask = torch.tensor([[1] * len(x["input_ids"]) + [0] * (n - len(x["input_ids"])) for x in chunk])
        labels = torch.tensor([x["labels"] + [-100] * (n - len(x["labels"])) for x in chunk])
        yield chunk, ids, mask, labels


def predicted_spans(item: dict, tags: list[int], raw: str) -> dict[str, list[frozenset[int]]]:
    """Runs of one span type (a B- starts a new one) as word-token sets."""
    out: dict[str, list[frozenset[int]]] = {k: [] for k in KINDS}
    current, kind = [], None
    for (s, e), t in zip(item["offsets"], tags, strict=False):
        if s == e:
            continue
        label = LABELS[t]
        if label == "O" or label.startswith("B-") or (kind is not None and label[2:] != kind):
            if current and kind:
                out[kind].append(tokens(raw, current))
            current, kind = [], None
        if label != "O":
            kind = label[2:]
            current.append((s, e))
    if current and kind:
        out[kind].append(tokens(raw, current))
    return {k: [v for v in vs if v] for k, vs in out.items()}


def score(pred: dict[str, list[frozenset[int]]], gold: dict[str, list[frozenset[int]]], totals: Counter) -> None:
    """Spans of each type paired one to one by overlap: exact and Jaccard, as in spans.py."""
    for kind in KINDS:
        for i, j in pair_by_overlap(pred[kind], gold[kind]):
            add_pair(kind, pred[kind][i], gold[kind][j], totals)
        totals[f"{kind}_pred"] += len(pred[kind])
        totals[f"{kind}_gold"] += len(gold[kind])


def main() -> None:
    import torch
    from spans import print_spans
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    from embeddings.vectors import model_path

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--epochs", type=float, default=1.0)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--max-length", type=int, default=192)
    ap.add_argument("--batch", type=int, default=16)
    args = ap.parse_args()
    torch.manual_seed(0)
    random.seed(0)
    path = model_path("sentence-transformers/all-MiniLM-L6-v2")
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModelForTokenClassification.from_pretrained(path, num_labels=len(LABELS))
    train = examples("train", args.limit, tokenizer, args.max_length)
    dev = examples("dev", 0, tokenizer, args.max_length)
    random.shuffle(train)
    steps = max(1, int(len(train) / args.batch * args.epochs))
    opt = torch.optim.AdamW(model.parameters(), lr=5e-5)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / 100) * max(0.0, 1 - s / steps))
    model.train()
    started, step = time.perf_counter(), 0
    while step < steps:
        for _, ids, mask, labels in batches(train, args.batch):
            loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
            loss.backward()
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 100 == 0:
                print(f"step {step}/{steps} loss {loss.item():.3f} {time.perf_counter() - started:.0f}s", flush=True)
            if step >= steps:
                break
    trained = time.perf_counter() - started
    model.eval()
    totals: Counter = Counter()
    texts, first_ann = load_split("dev")
    raws = {p.name: p.read_text(encoding="utf-8") for p in texts}
    started = time.perf_counter()
    by_article: dict[str, dict[str, list[frozenset[int]]]] = {}
    with torch.no_grad():
        for chunk, ids, mask, _ in batches(dev, 32):
            tags = model(input_ids=ids, attention_mask=mask).logits.argmax(-1).tolist()
            for item, t in zip(chunk, tags, strict=True):
                found = predicted_spans(item, t, raws[item["name"]])
                acc = by_article.setdefault(item["name"], {k: [] for k in KINDS})
                for k in KINDS:
                    acc[k].extend(found[k])
    tagged = time.perf_counter() - started
    for p in texts:
        raw = raws[p.name]
        rels = relation_ranges(first_ann[p.stem])
        gold = {k: [tokens(raw, r[k]) for r in rels if k in r] for k in KINDS}
        gold = {k: list(dict.fromkeys(g for g in v if g)) for k, v in gold.items()}
        score(by_article.get(p.name, {k: [] for k in KINDS}), gold, totals)
    print(f"trained {steps} steps of {args.batch} paragraphs in {trained:.0f}s; tagged {len(dev)} dev paragraphs in {tagged:.1f}s")
    print_spans(totals)


if __name__ == "__main__":
    main()
