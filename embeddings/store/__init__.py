"""Where an index lives: a directory of generations (`generations`), each the records in SQLite
(`sqlite`) beside memory-mapped arrays, FAISS and BM25 files, so that opening an index reads
almost nothing and a question reads what it touches.

    gen-…/records.sqlite          articles, passages, quotes, file stamps
    gen-…/<name>.npy              vectors, text digests, positions (memory-mapped)
    gen-…/passages.faiss …        FAISS indexes (memory-mapped), BM25 vocabularies and arrays
    gen-…/manifest.json           format, model, extractor, counts; written last
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import faiss
import numpy as np

from embeddings.index import Index, IndexLoadError
from embeddings.lexical import Lexical
from embeddings.settings import Settings, split_embedder
from embeddings.store import sqlite as records
from embeddings.store.generations import CURRENT, MANIFEST, current_generation, fsync_write, publish
from embeddings.store.jsonl import load_jsonl
from embeddings.store.rows import RowFile

__all__ = [
    "CURRENT",
    "FORMAT_VERSION",
    "IndexLoadError",
    "current_generation",
    "is_local",
    "is_own",
    "is_saved",
    "load",
    "open_serving",
    "save",
    "share",
]

FORMAT_VERSION = 2
#: the arrays of a generation, one `.npy` file each, named for the Index field they hold
ARRAYS = (
    "passage_vectors",
    "quote_vectors",
    "quote_owner",
    "passage_keys",
    "quote_keys",
    "passage_article",
    "quote_article",
    "quote_passage",
    "article_source",
    "article_date",
)
KINDS = ("passage", "quote")
#: read by rows (`RowFile`): a question reads its candidates' float32 vectors, the rest are mapped
VECTORS = ("passage_vectors", "quote_vectors")


def self_check(index: Index) -> None:
    """Counts agree and a probe query finds what it should: refuse to switch to a bad build."""
    if len(index.passage_vectors) != len(index.passages) or len(index.quote_vectors) != len(index.quote_owner):
        raise IndexLoadError("self-check failed: vector and record counts differ")
    if index.passage_index.ntotal != len(index.passages):
        raise IndexLoadError("self-check failed: FAISS holds a different number of passages")
    if len(index.passages):
        probe = np.array(index.passage_vectors[len(index.passages) // 2 : len(index.passages) // 2 + 1])
        scores, _ = index.passage_index.search(probe, 1)
        if not scores[0][0] > 0.99:
            raise IndexLoadError("self-check failed: a probe query did not find its own passage")


def _manifest(index: Index) -> dict:
    return {
        "format": FORMAT_VERSION,
        "extractor": index.extractor,
        "model": index.model,
        "dim": index.dim,
        "articles": len(index.articles),
        "passages": len(index.passages),
        "quotes": len(index.quotes),
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


def save(index: Index, index_dir: Path) -> str:
    """Write `index` as a new generation and switch CURRENT to it atomically; returns its name."""
    self_check(index)
    manifest = _manifest(index)

    def write(folder: Path) -> None:
        records.write(folder / records.DATABASE, index, manifest)
        for name in ARRAYS:
            np.save(folder / f"{name}.npy", np.ascontiguousarray(getattr(index, name)))
        for kind in KINDS:
            faiss.write_index(getattr(index, f"{kind}_index"), str(folder / f"{kind}s.faiss"))
            getattr(index, f"{kind}_lexical").save(folder, f"{kind}s")
        fsync_write(folder / MANIFEST, json.dumps(manifest, indent=2).encode())

    index.generation = publish(index_dir, write)
    index.format = FORMAT_VERSION
    return index.generation


def is_saved(index: Index) -> bool:
    """Whether `index` is on disk in the current format (else a build writes it, even unchanged)."""
    return index.format == FORMAT_VERSION


def _model_settings(recorded: str) -> str:
    """The settings that select the model an index records ("name" or "name@encoder")."""
    model, encoder = split_embedder(recorded)
    return f"WHOSAID_MODEL={model} WHOSAID_ENCODER={encoder}"


def _read_manifest(index_dir: Path, gen: Path, model_name: str | None) -> dict:
    try:
        manifest = json.loads((gen / MANIFEST).read_text())
    except (OSError, ValueError) as exc:
        raise IndexLoadError(f"index generation {gen} is unreadable ({exc}); rebuild it with `whosaid index`") from exc
    if manifest.get("format") not in (1, FORMAT_VERSION):
        raise IndexLoadError(f"index at {index_dir} has format {manifest.get('format')}; rebuild it with `whosaid index`")
    if model_name is not None and manifest["model"] != model_name:
        raise IndexLoadError(
            f"index at {index_dir} was built with model {manifest['model']!r} but the setting is "
            f"{model_name!r}: rebuild it with `whosaid index` or set {_model_settings(manifest['model'])}"
        )
    return manifest


def _mapped(path: Path) -> np.ndarray:
    """A memory-mapped array as a plain ndarray: np.memmap's own indexing costs microseconds a
    lookup, and the ranker reads positions one by one."""
    return np.load(path, mmap_mode="r").view(np.ndarray)


def load(index_dir: Path, model_name: str | None = None) -> Index:
    """Open the serving generation: records stay in the database, arrays on disk, mapped."""
    gen = current_generation(index_dir)
    manifest = _read_manifest(index_dir, gen, model_name)
    if manifest["format"] == 1:
        return load_jsonl(gen, manifest)
    try:
        db, articles, passages, quotes = records.records(gen / records.DATABASE, manifest)
        arrays = {name: _mapped(gen / f"{name}.npy") for name in ARRAYS if name not in VECTORS}
        arrays |= {name: RowFile(gen / f"{name}.npy") for name in VECTORS}
        found = {f"{kind}_index": faiss.read_index(str(gen / f"{kind}s.faiss"), faiss.IO_FLAG_MMAP_IFC) for kind in KINDS}
        found |= {f"{kind}_lexical": Lexical.load(gen, f"{kind}s") for kind in KINDS}
        stamps = db.stamps()
        people = db.people()
        stored = db.one("SELECT (SELECT max(n) FROM articles), (SELECT max(n) FROM passages), (SELECT max(n) FROM quotes)")
    except (OSError, ValueError, KeyError, TypeError, RuntimeError, sqlite3.Error) as exc:
        raise IndexLoadError(f"index generation {gen} is unreadable ({exc}); rebuild it with `whosaid index`") from exc
    if (
        tuple(-1 if n is None else n for n in stored) != (len(articles) - 1, len(passages) - 1, len(quotes) - 1)
        or len(arrays["passage_vectors"]) != len(passages)
        or len(arrays["quote_vectors"]) != len(arrays["quote_owner"])
        or found["passage_index"].ntotal != len(passages)
        or found["quote_index"].ntotal != len(arrays["quote_vectors"])
    ):
        raise IndexLoadError(f"index generation {gen} is inconsistent; rebuild it with `whosaid index`")
    return Index(
        model=manifest["model"],
        dim=int(manifest["dim"]),
        articles=articles,
        hashes=records.Later(db.hashes),
        passages=passages,
        quotes=quotes,
        generation=gen.name,
        extractor=manifest.get("extractor", 0),
        stamps=stamps,
        people=people,
        format=FORMAT_VERSION,
        **arrays,
        **found,
    )


def open_serving(settings: Settings, index_dir: Path | None = None) -> Index:
    """The index questions are answered from: Milvus when it is set, else the index folder."""
    if settings.milvus_uri:
        from embeddings.store.milvus_views import open_milvus

        return open_milvus(settings.milvus_uri, settings.milvus_collection, settings.embedder, settings.milvus_token)
    return load(index_dir or settings.index_dir, settings.embedder)


#: what the last publish to Milvus left, kept in the writer's index folder (`milvus.publish`)
PUBLISHED = "milvus-published.json"


def share(index: Index, settings: Settings, articles_dir: Path | None = None, index_dir: Path | None = None) -> None:
    """Publish the articles of this writer's folder to Milvus, when it is set (only what differs is written)."""
    if settings.milvus_uri:
        from embeddings.store.milvus import publish

        state = (index_dir or settings.index_dir) / PUBLISHED
        publish(index, settings.milvus_uri, settings.milvus_collection, settings.shard(articles_dir), settings.milvus_token, state)


def is_own(article_id: str, settings: Settings) -> bool:
    """Whether an article served is one of this writer's folder (with Milvus, others publish too):
    what `/remove` may take out of the folder."""
    if not settings.milvus_uri:
        return True
    from embeddings.store.milvus import shard_tag

    return article_id.startswith(f"{shard_tag(settings.shard())}-")


def is_local(index: Index) -> bool:
    """Whether `index` is a generation of an index folder (what a build can reuse), not Milvus's."""
    return not index.generation.startswith("milvus:")
