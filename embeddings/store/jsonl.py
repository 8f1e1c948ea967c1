"""Generations of format 1 (JSON Lines and whole `.npy` arrays, read into memory): an index
written before the SQLite store still opens and its vectors are reused by the next build, which
writes the current format. `save_jsonl` writes one, for the tests and for benchmarks that
measure the new store against it."""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import orjson

from embeddings.articles import Article, Stamp
from embeddings.attribution import Quote
from embeddings.index import Index, IndexLoadError, no_keys
from embeddings.passages import Passage
from embeddings.store.generations import CURRENT, MANIFEST


def _read_jsonl(path: Path) -> list[dict]:
    with open(path, "rb") as fh:
        return [orjson.loads(line) for line in fh if line.strip()]


def _articles(gen: Path) -> tuple[dict[str, Article], dict[str, str]]:
    articles: dict[str, Article] = {}
    hashes: dict[str, str] = {}
    for row in _read_jsonl(gen / "articles.jsonl"):
        fields = {k: row[k] for k in ("id", "path", "title", "date", "source", "url")}
        article = Article(**fields, paragraphs=tuple(row["paragraphs"]))
        article.__dict__["content_hash"] = row["hash"]  # known: spare hashing every article again
        articles[article.id] = article
        hashes[article.id] = row["hash"]
    return articles, hashes


def save_jsonl(index: Index, index_dir: Path) -> None:
    """`index` as the serving generation of `index_dir`, in format 1."""
    gen = index_dir / f"gen-{time.strftime('%Y%m%d-%H%M%S')}-000000001"
    gen.mkdir(parents=True)
    rows = [{**a.meta(), "paragraphs": a.paragraphs, "hash": index.hashes[a.id]} for a in index.articles.values()]
    for name, records in (("articles", rows), ("passages", index.passages), ("quotes", index.quotes)):
        (gen / f"{name}.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    for name in ("passage_vectors", "quote_vectors", "quote_owner", "passage_keys", "quote_keys"):
        np.save(gen / f"{name}.npy", np.asarray(getattr(index, name)))
    (gen / "stamps.json").write_text(json.dumps({k: [v.mtime_ns, v.size, v.articles] for k, v in index.stamps.items()}))
    (gen / MANIFEST).write_text(json.dumps({"format": 1, "extractor": index.extractor, "model": index.model, "dim": index.dim}))
    (index_dir / CURRENT).write_text(gen.name)


def load_jsonl(gen: Path, manifest: dict) -> Index:
    """A format-1 generation, whole in memory."""
    try:
        articles, hashes = _articles(gen)
        passages = [Passage(**row) for row in _read_jsonl(gen / "passages.jsonl")]
        quotes = [Quote(**{**row, "roles": tuple(row["roles"])}) for row in _read_jsonl(gen / "quotes.jsonl")]
        pv, qv, owner = (np.load(gen / f"{name}.npy") for name in ("passage_vectors", "quote_vectors", "quote_owner"))
        stamps_file = gen / "stamps.json"
        stamps = {k: Stamp(*v) for k, v in json.loads(stamps_file.read_text()).items()} if stamps_file.is_file() else {}
        # generations written before text digests have none: their texts are embedded again once
        keys = [np.load(gen / f) if (gen / f).is_file() else no_keys() for f in ("passage_keys.npy", "quote_keys.npy")]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IndexLoadError(f"index generation {gen} is unreadable ({exc}); rebuild it with `whosaid index`") from exc
    if len(pv) != len(passages) or len(qv) != len(owner) or (len(owner) and owner.max() >= len(quotes)):
        raise IndexLoadError(f"index generation {gen} is inconsistent; rebuild it with `whosaid index`")
    # digests that do not match their vectors row for row are not trusted: those texts are embedded again
    keys = [k if len(k) == len(v) else no_keys() for k, v in zip(keys, (pv, qv), strict=True)]
    return Index(
        manifest["model"], int(manifest["dim"]), articles, hashes, passages, quotes, pv, qv, owner,
        gen.name, manifest.get("extractor", 0), stamps, *keys, format=1,
    )  # fmt: skip
