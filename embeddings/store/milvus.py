"""The index in Milvus, for an archive that outgrows one machine or is shared by several bots:
`WHOSAID_MILVUS_URI` set to a file (`….db`: Milvus Lite in this process) or a server's URL.

Several writers publish into the same collections, each its own *shard* (a machine and its
articles folder), and every reader answers from all of them. A writer keeps its own generation
in its index folder (what its next build reuses) and publishes the difference (`publish`).
Rows are keyed by article *version* ("shard-article-hash"): a changed article is written as
new rows, shown by its head row once they are all in; the old version's head goes then, its
rows at the next publish. So a reader never sees half an article, a process serving the old
version keeps reading it, and a publish cut short is finished by the next.

    <name>_articles   an article's head row (heading, hash) and its paragraphs in parts
    <name>_passages   text (Milvus's BM25 function), vector, offsets
    <name>_quotes     text (BM25) and in lower case, the quote's other fields as JSON
    <name>_pieces     the vectors a quote is searched by, each with its quote
    <name>_shards     each writer's model, dimension and extractor, and when it last published
    <name>_retired    article versions replaced or removed, whose rows the next publish deletes

Keys are "version#n", so a reader that numbers rows in key order finds an article's rows side
by side (`embeddings.store.milvus_views`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import orjson

from embeddings.index import Index, IndexLoadError, plain
from embeddings.store.generations import fsync_write

log = logging.getLogger(__name__)

KINDS = ("articles", "passages", "quotes", "pieces", "shards", "retired")
#: the collections an article's rows are in
ROWS = ("pieces", "quotes", "passages", "articles")
#: the `part` of an article's head row (heading, hash): the row that makes the article visible
HEAD = -1
KEY_LENGTH = 64
TEXT_LENGTH = 65_535
#: characters of paragraphs (as JSON) an article row holds: at 4 bytes a character, under
#: Milvus's 65,535-byte VARCHAR
PART_CHARS = 16_000
BATCH = 256
#: the scalar fields each collection is filtered by (others: shard and article)
SELECTED_BY = {"articles": ("shard", "article", "part"), "pieces": ("shard", "article", "quote")}
#: HNSW on every vector field, which Milvus Lite and a server both build
VECTOR_INDEX = {"index_type": "HNSW", "metric_type": "IP", "params": {"M": 16, "efConstruction": 200}}
PASSAGE_FIELDS = ("text", "start", "end", "first_paragraph", "last_paragraph")
QUOTE_FIELDS = ("start", "end", "paragraph", "kind", "speaker", "mention", "cue", "roles", "group", "how")
ARTICLE_FIELDS = ("id", "path", "title", "date", "source", "url")


@dataclass(frozen=True)
class Published:
    """What a publish changed in Milvus, for the build's log line."""

    shard: str
    inserted: int
    deleted: int
    seconds: float


def connect(uri: str, token: str = ""):
    """One client per URI and process: Milvus Lite lets one process at a time hold its file."""
    from pymilvus import MilvusClient

    with _CLIENTS_LOCK:
        if (uri, token) in _CLIENTS:
            return _CLIENTS[uri, token]
        try:
            client = MilvusClient(uri=uri, token=token) if token else MilvusClient(uri=uri)
        except Exception as exc:  # pymilvus raises its own errors, and OSError for a Lite file another process holds
            raise IndexLoadError(f"cannot open Milvus at {uri}: {exc}") from exc
        _CLIENTS[uri, token] = client
        if is_lite(uri):
            _LITE.add(id(client))
        return client


def disconnect(uri: str, token: str = "") -> None:
    """Close this process's client; of a Milvus Lite file, stop its server so another process can open it."""
    with _CLIENTS_LOCK:
        client = _CLIENTS.pop((uri, token), None)
    if client is not None:
        _LITE.discard(id(client))
        client.close()
    if is_lite(uri):
        from milvus_lite.server_manager import server_manager_instance

        server_manager_instance.release_server(uri)


def is_lite(uri: str) -> bool:
    """A file path: Milvus Lite, which answers a query of any length (a server stops at 16,384
    rows and is read with an iterator, which Milvus Lite only half supports)."""
    return uri.endswith(".db")


_CLIENTS: dict[tuple[str, str], object] = {}
_LITE: set[int] = set()  # ids of the clients of Milvus Lite files
_CLIENTS_LOCK = threading.Lock()


def shard_tag(shard: str) -> str:
    """A writer's name as a short key prefix: rows of two writers never share a key."""
    return hashlib.blake2b(shard.encode(), digest_size=4).hexdigest()


def collection(name: str, kind: str) -> str:
    return f"{name}_{kind}"


def _analyzer() -> dict:
    """BM25's words as the file store's bm25s takes them: lower case, English stop words out."""
    import bm25s

    return {"tokenizer": "standard", "filter": ["lowercase", {"type": "stop", "stop_words": sorted(bm25s.stopwords.STOPWORDS_EN)}]}


def _schema(kind: str, dim: int):
    """One collection's fields: key, shard, article and record for all, then what the kind needs."""
    from pymilvus import DataType, Function, FunctionType, MilvusClient

    schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("key", DataType.VARCHAR, max_length=KEY_LENGTH, is_primary=True)
    schema.add_field("shard", DataType.VARCHAR, max_length=16)
    schema.add_field("article", DataType.VARCHAR, max_length=KEY_LENGTH)
    schema.add_field("record", DataType.VARCHAR, max_length=TEXT_LENGTH)
    if kind in ("passages", "quotes"):
        schema.add_field("text", DataType.VARCHAR, max_length=TEXT_LENGTH, enable_analyzer=True, analyzer_params=_analyzer())
        schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
        schema.add_field("start", DataType.INT64)
        bm25 = Function(name=f"{kind}_bm25", function_type=FunctionType.BM25, input_field_names=["text"], output_field_names=["sparse"])
        schema.add_function(bm25)
    if kind == "passages":
        schema.add_field("end", DataType.INT64)
    if kind == "quotes":
        schema.add_field("plain", DataType.VARCHAR, max_length=TEXT_LENGTH)
    if kind == "pieces":
        schema.add_field("quote", DataType.VARCHAR, max_length=KEY_LENGTH)
    if kind == "articles":
        schema.add_field("part", DataType.INT64)
        schema.add_field("hash", DataType.VARCHAR, max_length=2 * KEY_LENGTH)
        schema.add_field("body", DataType.VARCHAR, max_length=TEXT_LENGTH)
    if kind != "quotes":  # every collection needs a vector field: that of articles, shards and retired holds nothing
        schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dim if kind in ("passages", "pieces") else 2)
    return schema


def ensure(client, name: str, dim: int) -> None:
    """Make the collections that are missing (another writer may be making them at the same
    moment); refuse a dimension other than the existing one's."""
    for kind in KINDS:
        if not client.has_collection(collection(name, kind)):
            _create(client, name, kind, dim)
        elif kind == "passages" and (found := dimension(client, name)) != dim:
            raise IndexLoadError(
                f"the Milvus collections {name}_* hold {found}-dimensional vectors, not {dim}: set another WHOSAID_MILVUS_COLLECTION"
            )
    load(client, name)


def _create(client, name: str, kind: str, dim: int) -> None:
    params = client.prepare_index_params()
    if kind != "quotes":
        params.add_index("vector", **VECTOR_INDEX)
    if kind in ("passages", "quotes"):
        params.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
    # the fields publishes and filters select rows by: without an index each such filter reads every row
    for field in SELECTED_BY.get(kind, ("shard", "article")):
        params.add_index(field, index_type="INVERTED")
    try:
        # Strong: a publish reads what it just wrote, and a reader opening after it sees all of it
        client.create_collection(collection(name, kind), schema=_schema(kind, dim), consistency_level="Strong")
    except Exception:
        if client.has_collection(collection(name, kind)):
            return  # another writer made it first, and makes its index
        raise
    # Milvus Lite builds an index as it is asked to; pymilvus would poll for it twice a second
    client.create_index(collection(name, kind), params, sync=id(client) not in _LITE)


def load(client, name: str, wait: float = 30.0) -> None:
    """Load every collection for searching; one another writer has just made may still lack its index."""
    deadline = time.monotonic() + wait
    for kind in KINDS:
        while True:
            try:
                client.load_collection(collection(name, kind))
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)


def dimension(client, name: str) -> int:
    """The passages' vector size in the collections called `name`."""
    for f in client.describe_collection(collection(name, "passages"))["fields"]:
        if f["name"] == "vector":
            return int(f["params"]["dim"])
    raise IndexLoadError(f"the Milvus collection {name}_passages has no vector field")


def every(client, name: str, kind: str, expr: str, fields: list[str]) -> Iterator[dict]:
    """Every row matching `expr`, in batches (one query returns at most 16,384)."""
    if id(client) in _LITE:
        yield from client.query(collection(name, kind), filter=expr, output_fields=fields)
        return
    it = client.query_iterator(collection(name, kind), batch_size=16_384, filter=expr, output_fields=fields)
    try:
        while batch := it.next():
            yield from batch
    finally:
        it.close()


def among(field: str, values: list[str]) -> str:
    """A Milvus filter: `field` is one of `values`."""
    return f"{field} in {orjson.dumps(values).decode()}"


def article_key(tag: str, article_id: str, content_hash: str) -> str:
    """A version of an article: a changed article is new rows under a new key, so a process still
    serving the old version keeps reading it while the new one is written."""
    return f"{tag}-{article_id}-{hashlib.blake2b(content_hash.encode(), digest_size=4).hexdigest()}"


def publish(index: Index, uri: str, name: str, shard: str, token: str = "", state: Path | None = None) -> Published:
    """Make Milvus hold what `index` holds for this shard, writing only the articles that differ.

    New versions are written, then shown by their head row; a replaced version's head goes at
    once and its rows at the next publish, which first deletes what the last one retired.
    `state` (a file in the writer's index folder) remembers what the last publish left, so the
    next one need not read every head of the shard back."""
    started = time.perf_counter()
    client = connect(uri, token)
    ensure(client, name, index.dim)
    tag = shard_tag(shard)
    _same_model(client, name, tag, index.model)
    mine = f'shard == "{tag}"'
    retired = {r["article"]: orjson.loads(r["record"] or "{}") for r in every(client, name, "retired", mine, ["article", "record"])}
    deleted = _delete(client, name, retired) + _delete_keys(client, name, "retired", list(retired))
    there = _published(client, uri, name, tag, state)
    here = {article_key(tag, a, index.hashes[a]): n for n, a in enumerate(index.articles)}
    new = {here[k]: k for k in here if k not in there}
    bodies = _bodies(index, new)
    layouts = _layouts(index, bodies)
    deleted += _delete(client, name, {new[n]: layouts[n] for n in new})  # what a publish cut short left of them
    inserted = _insert(client, name, index, tag, new, layouts, bodies)
    gone = sorted(there - here.keys())
    deleted += _retire(client, name, tag, gone)
    if new or retired or gone or not client.get(collection(name, "shards"), ids=[tag], output_fields=["key"]):
        _stamp(client, uri, name, shard, index, sorted(here), state)  # readers re-open when this changes
    done = Published(shard, inserted, deleted, time.perf_counter() - started)
    log.info("published %s to Milvus %s: %d rows inserted, %d deleted in %.1fs", shard, name, inserted, deleted, done.seconds)
    return done


def _stamp(client, uri: str, name: str, shard: str, index: Index, versions: list[str], state: Path | None) -> None:
    """Say the shard has published (model, time), record what it left, seal what was written."""
    tag = shard_tag(shard)
    meta = {"shard": shard, "model": index.model, "dim": index.dim, "extractor": index.extractor, "published": time.time()}
    client.upsert(collection(name, "shards"), [_row(tag, tag, "", record=orjson.dumps(meta).decode())])
    if state is not None:
        saved = {"uri": uri, "name": name, "shard": tag, "published": meta["published"], "versions": versions}
        fsync_write(state.with_suffix(".tmp"), orjson.dumps(saved))
        os.replace(state.with_suffix(".tmp"), state)
    for kind in KINDS:  # sealed into indexed segments: Milvus Lite searches unsealed rows one by one
        client.flush(collection(name, kind))


def _published(client, uri: str, name: str, tag: str, state: Path | None) -> set[str]:
    """The versions this shard shows: as the last publish saved them, if Milvus still has that
    publish as the shard's last; else read back from the heads."""
    try:
        saved = orjson.loads(state.read_bytes()) if state is not None else {}
    except (OSError, ValueError):  # none yet, or unreadable: the heads tell
        saved = {}
    if saved:
        rows = client.get(collection(name, "shards"), ids=[tag], output_fields=["record"])
        last = orjson.loads(rows[0]["record"])["published"] if rows else None
        if (saved.get("uri"), saved.get("name"), saved.get("shard"), saved.get("published")) == (uri, name, tag, last):
            return set(saved["versions"])
    return {r["article"] for r in every(client, name, "articles", f'shard == "{tag}" and part == {HEAD}', ["article"])}


def _retire(client, name: str, tag: str, gone: list[str]) -> int:
    """Hide these versions (their heads go) and list them, with their rows, for the next publish."""
    deleted = 0
    for chunk in _chunks(gone):
        heads = client.get(collection(name, "articles"), ids=[head_key(k) for k in chunk], output_fields=["article", "record"])
        layouts = {h["article"]: orjson.loads(h["record"]).get("rows", {}) for h in heads}
        client.upsert(collection(name, "retired"), [_row(k, tag, k, orjson.dumps(layouts.get(k, {})).decode()) for k in chunk])
        deleted += _delete_keys(client, name, "articles", [head_key(k) for k in chunk])
    return deleted


def _same_model(client, name: str, tag: str, model: str) -> None:
    """Refuse to publish vectors of another model than the other writers' (readers could not search both)."""
    for row in every(client, name, "shards", f'shard != "{tag}"', ["record"]):
        other = orjson.loads(row["record"])
        if other["model"] != model:
            raise IndexLoadError(
                f"{other['shard']} publishes to the Milvus collections {name}_* with model {other['model']!r}, not {model!r}: "
                "use that model or another WHOSAID_MILVUS_COLLECTION"
            )


def _row(key: str, tag: str, article: str, record: str = "") -> dict:
    """A row of the collections that hold no vector of their own (shards, retired)."""
    return {"key": key, "shard": tag, "article": article, "record": record, "vector": [0.0, 0.0]}


def _chunks(keys: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(keys), BATCH):
        yield keys[i : i + BATCH]


def _count(result) -> int:
    return int(result.get("delete_count", 0)) if isinstance(result, dict) else 0


def _delete(client, name: str, versions: dict[str, dict]) -> int:
    """Every row of these article versions, by key (their layouts say which), pieces first and
    heads last; a version of unknown layout by a filter on its article."""
    deleted = 0
    unknown = [v for v, layout in versions.items() if not layout]
    for kind in ROWS:
        deleted += _delete_keys(client, name, kind, [k for v, layout in versions.items() if layout for k in row_keys(v, layout)[kind]])
        deleted += sum(_count(client.delete(collection(name, kind), filter=among("article", chunk))) for chunk in _chunks(unknown))
    return deleted


def _delete_keys(client, name: str, kind: str, keys: list[str]) -> int:
    return sum(_count(client.delete(collection(name, kind), ids=chunk)) for chunk in _chunks(keys))


def record_key(version: str, n: int) -> str:
    """The n-th passage or quote of a version (rows of one version sort together, in order)."""
    return f"{version}#{n:05d}"


def part_key(owner: str, n: int) -> str:
    """The n-th piece of a quote, or part of a version's paragraphs."""
    return f"{owner}#{n:03d}"


def head_key(version: str) -> str:
    return f"{version}#h"


def row_keys(version: str, layout: dict) -> dict[str, list[str]]:
    """The keys of a version's rows in each collection, from how many it has of each."""
    quotes = [record_key(version, q) for q in range(layout["quotes"])]
    return {
        "pieces": [part_key(quote, j) for quote, count in zip(quotes, layout["pieces"], strict=True) for j in range(count)],
        "quotes": quotes,
        "passages": [record_key(version, p) for p in range(layout["passages"])],
        "articles": [part_key(version, i) for i in range(layout["parts"])] + [head_key(version)],
    }


def _bodies(index: Index, wanted: dict[int, str]) -> dict[int, list[str]]:
    """Each wanted article's paragraphs (as JSON) in parts that fit a VARCHAR."""
    ids = list(index.articles)
    out = {}
    for n in wanted:
        text = orjson.dumps(list(index.articles[ids[n]].paragraphs)).decode()
        out[n] = [text[i : i + PART_CHARS] for i in range(0, max(len(text), 1), PART_CHARS)]
    return out


def _layouts(index: Index, bodies: dict[int, list[str]]) -> dict[int, dict]:
    """How many rows each article (by position) has in each collection: kept in its head, so
    that its rows are deleted by key when it is replaced."""
    passages = np.bincount(index.passage_article, minlength=len(index.articles))
    quotes = np.bincount(index.quote_article, minlength=len(index.articles))
    pieces = np.bincount(index.quote_owner, minlength=len(index.quote_article))
    first = np.concatenate([[0], np.cumsum(quotes)])
    return {
        n: {"passages": int(passages[n]), "quotes": int(quotes[n]), "parts": len(parts), "pieces": pieces[first[n] : first[n + 1]].tolist()}
        for n, parts in bodies.items()
    }


def _insert(client, name: str, index: Index, tag: str, keys: dict[int, str], layouts: dict[int, dict], bodies: dict[int, list[str]]) -> int:
    """The rows of the articles at these positions, under these keys: pieces, quotes, passages,
    the articles' paragraphs, and last their heads, which make them visible."""
    if not keys:
        return 0
    numbers = np.array(sorted(keys), np.int64)
    quote_keys = _quote_keys(index, keys, numbers)
    inserted = 0
    for kind, rows in (
        ("pieces", _piece_rows(index, tag, quote_keys)),
        ("quotes", _quote_rows(index, tag, quote_keys)),
        ("passages", _passage_rows(index, tag, keys, numbers)),
        ("articles", _article_rows(tag, keys, bodies)),
        ("articles", _head_rows(index, tag, keys, layouts)),
    ):
        batch: list[dict] = []
        for row in rows:
            batch.append(row)
            if len(batch) == BATCH:
                client.insert(collection(name, kind), batch)
                inserted, batch = inserted + len(batch), []
        if batch:
            client.insert(collection(name, kind), batch)
            inserted += len(batch)
    return inserted


def _numbered(owners: np.ndarray, chosen: np.ndarray) -> list[int]:
    """Each chosen row's number among the rows of its owner (an owner's rows are consecutive)."""
    return (chosen - np.searchsorted(owners, owners[chosen], side="left")).tolist()


def _quote_keys(index: Index, keys: dict[int, str], numbers: np.ndarray) -> dict[int, str]:
    chosen = np.flatnonzero(np.isin(index.quote_article, numbers))
    owners = index.quote_article[chosen].tolist()
    return {q: record_key(keys[a], n) for q, a, n in zip(chosen.tolist(), owners, _numbered(index.quote_article, chosen), strict=True)}


def passage_record(passage) -> str:
    return orjson.dumps({f: getattr(passage, f) for f in PASSAGE_FIELDS[1:]}).decode()


def quote_record(quote) -> str:
    return orjson.dumps({f: getattr(quote, f) for f in QUOTE_FIELDS}).decode()


def _passage_rows(index: Index, tag: str, keys: dict[int, str], numbers: np.ndarray) -> Iterator[dict]:
    chosen = np.flatnonzero(np.isin(index.passage_article, numbers))
    vectors = np.asarray(index.passage_vectors[chosen]) if len(chosen) else np.zeros((0, index.dim), np.float32)
    owners = index.passage_article[chosen].tolist()
    for p, a, n, vector in zip(chosen.tolist(), owners, _numbered(index.passage_article, chosen), vectors, strict=True):
        passage = index.passages[p]
        yield {"key": record_key(keys[a], n), "shard": tag, "article": keys[a], "record": passage_record(passage),
               "text": passage.text, "start": passage.start, "end": passage.end, "vector": vector.tolist()}  # fmt: skip


def _quote_rows(index: Index, tag: str, keys: dict[int, str]) -> Iterator[dict]:
    for q, key in keys.items():
        quote = index.quotes[q]
        yield {"key": key, "shard": tag, "article": key.split("#")[0], "record": quote_record(quote), "text": quote.text,
               "plain": plain(quote.text), "start": quote.start}  # fmt: skip


def _piece_rows(index: Index, tag: str, keys: dict[int, str]) -> Iterator[dict]:
    rows = np.flatnonzero(np.isin(index.quote_owner, np.fromiter(keys, np.int64, len(keys))))
    vectors = np.asarray(index.quote_vectors[rows]) if len(rows) else np.zeros((0, index.dim), np.float32)
    for row, n, vector in zip(rows.tolist(), _numbered(index.quote_owner, rows), vectors, strict=True):
        key = keys[int(index.quote_owner[row])]
        yield {"key": part_key(key, n), "shard": tag, "article": key.split("#")[0], "record": "", "quote": key, "vector": vector.tolist()}


def _article_rows(tag: str, keys: dict[int, str], bodies: dict[int, list[str]]) -> Iterator[dict]:
    """Each article's paragraphs, part by part."""
    for n, key in keys.items():
        for i, body in enumerate(bodies[n]):
            yield {"key": part_key(key, i), "shard": tag, "article": key, "record": "", "body": body,
                   "part": i, "hash": "", "vector": [0.0, 0.0]}  # fmt: skip


def _head_rows(index: Index, tag: str, keys: dict[int, str], layouts: dict[int, dict]) -> Iterator[dict]:
    """Each article's heading, hash and rows: the row that makes it visible."""
    ids = list(index.articles)
    for n, key in keys.items():
        article = index.articles[ids[n]]
        heading = {f: getattr(article, f) for f in ARTICLE_FIELDS[1:]} | {"parts": layouts[n]["parts"], "rows": layouts[n]}
        yield {"key": head_key(key), "shard": tag, "article": key, "record": orjson.dumps(heading).decode(), "body": "",
               "part": HEAD, "hash": index.hashes[article.id], "vector": [0.0, 0.0]}  # fmt: skip
