"""An `Index` over the Milvus collections of every shard (`embeddings.store.milvus`): opening
reads the keys, offsets and speakers (what the searcher's arrays and the speaker directory are
made of); records, vectors, dense and BM25 searches go to Milvus when a question asks for them.

Rows are numbered in key order, and the searcher's positions are those numbers. A filter over
positions becomes a Milvus expression on keys, or on articles when it admits many rows.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence

import numpy as np
import orjson

from embeddings.articles import Article
from embeddings.attribution import Quote
from embeddings.index import Index, IndexLoadError, positions
from embeddings.passages import Passage
from embeddings.people import Directory
from embeddings.store.milvus import ARTICLE_FIELDS, HEAD, KINDS, among, collection, connect, every, load, part_key

#: records kept per kind, so that the candidates of a question are read once
CACHED_ROWS = 4096
#: a filter admitting more rows than this is sent as the articles they belong to
KEYS_IN_FILTER = 2_000
HNSW_EF = 128
#: characters a `like` pattern would read as syntax: the words are matched around them
_LIKE_UNSAFE = re.compile(r'["\\%_]')


def _changed(kind: str) -> IndexLoadError:
    return IndexLoadError(f"a {kind} row is gone from Milvus: another writer changed the index; reload to see it")


class Keys:
    """The sorted keys of one kind (ASCII, as bytes: a quarter of numpy's str), and the position
    of a key among them."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = np.array([k.encode() for k in keys], dtype=bytes) if keys else np.zeros(0, dtype="S1")

    def __len__(self) -> int:
        return len(self.keys)

    def names(self, ids) -> list[str]:
        """The keys at these positions, as Milvus takes them."""
        return [k.decode() for k in self.keys[ids].tolist()]

    def positions(self, keys: list[str]) -> list[int]:
        """Positions of `keys`, leaving out keys this reader does not know (rows written since it opened)."""
        if not len(self.keys) or not keys:
            return []
        wanted = np.array([k.encode() for k in keys], dtype=bytes)
        at = np.minimum(np.searchsorted(self.keys, wanted), len(self.keys) - 1)
        return [int(a) for a, ok in zip(at.tolist(), (self.keys[at] == wanted).tolist(), strict=True) if ok]


class Where:
    """A filter over positions as a Milvus expression: by key, or by article when it is long."""

    def __init__(self, keys: Keys, article_keys: Keys, article_of: np.ndarray, field: str = "key") -> None:
        self.keys, self.article_keys, self.article_of, self.field = keys, article_keys, article_of, field

    def expression(self, allowed: np.ndarray | None) -> str:
        if allowed is None:
            return ""
        if len(allowed) <= KEYS_IN_FILTER:
            return among(self.field, self.keys.names(allowed))
        return among("article", self.article_keys.names(np.unique(self.article_of[allowed])))

    def keep(self, found: list[int], allowed: np.ndarray | None) -> list[int]:
        """What a search by article found, without the rows the filter did not admit."""
        if allowed is None or len(allowed) <= KEYS_IN_FILTER:
            return found
        return [i for i, ok in zip(found, np.isin(found, allowed).tolist(), strict=True) if ok]


class Kept:
    """The last records read, by key, shared by a process's threads; `read` fetches the missing."""

    def __init__(self, read: Callable[[list], dict]) -> None:
        self._read = read
        self._rows: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def fetch(self, keys) -> None:
        """Read every one of `keys` not kept yet, in one request."""
        with self._lock:
            missing = [k for k in dict.fromkeys(keys) if k not in self._rows]
        if not missing:
            return
        found = self._read(missing)
        with self._lock:
            self._rows.update(found)
            while len(self._rows) > CACHED_ROWS:
                self._rows.popitem(last=False)

    def get(self, key):
        with self._lock:
            if (found := self._rows.get(key)) is not None:
                self._rows.move_to_end(key)
                return found
        self.fetch([key])
        with self._lock:
            return self._rows[key]


class Records(Sequence):
    """The passages or quotes as a read-only list, read from Milvus by key and kept a while."""

    def __init__(self, client, name: str, kind: str, keys: Keys, make: Callable[[dict], object], fields: list[str]) -> None:
        self._client, self._collection, self._kind = client, collection(name, kind), kind
        self._keys, self._make, self._fields = keys, make, fields
        self._kept = Kept(self._read)

    def __len__(self) -> int:
        return len(self._keys)

    def prefetch(self, ids) -> None:
        """Read every record of `ids` not kept yet in one request."""
        self._kept.fetch(sorted(int(i) for i in ids))

    def _read(self, ids: list[int]) -> dict[int, object]:
        keys = self._keys.names(ids)
        by_key = {r["key"]: r for r in self._client.get(self._collection, ids=keys, output_fields=self._fields)}
        if len(by_key) < len(ids):
            raise _changed(self._kind)
        return {i: self._make(by_key[k]) for i, k in zip(ids, keys, strict=True)}

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        i = int(i) + (len(self) if int(i) < 0 else 0)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._kept.get(i)

    def __iter__(self) -> Iterator:
        for start in range(0, len(self), 512):
            chunk = range(start, min(start + 512, len(self)))
            self.prefetch(chunk)
            yield from (self[i] for i in chunk)

    def holds(self, words: str) -> bool:
        """Whether some quote holds `words` (as `plain` gives them) as one run of characters."""
        pieces = [p for p in _LIKE_UNSAFE.sub("\0", words).split("\0") if p]
        if not pieces:
            return True
        expr = " and ".join(f'plain like "%{p}%"' for p in pieces)
        return bool(self._client.query(self._collection, filter=expr, limit=1, output_fields=["key"]))


class Vectors:
    """The float32 vectors of one kind, read from Milvus by position."""

    def __init__(self, client, name: str, kind: str, keys: Keys, dim: int) -> None:
        self._client, self._collection, self._keys, self.dim = client, collection(name, kind), keys, dim

    def __len__(self) -> int:
        return len(self._keys)

    def __getitem__(self, ids) -> np.ndarray:
        ids = np.atleast_1d(np.asarray(ids, dtype=np.int64))
        if not len(ids):
            return np.zeros((0, self.dim), np.float32)
        keys = self._keys.names(ids)
        rows = self._client.get(self._collection, ids=sorted(set(keys)), output_fields=["vector"])
        by_key = {r["key"]: r["vector"] for r in rows}
        if len(by_key) < len(set(keys)):
            raise _changed(self._collection.rsplit("_", 1)[-1])
        return np.array([by_key[k] for k in keys], dtype=np.float32)

    def take(self, ids, axis: int = 0) -> np.ndarray:
        return self[ids]


class _Searched:
    """A Milvus collection searched for positions of one kind, the filter sent along."""

    def __init__(self, client, name: str, kind: str, keys: Keys, where: Where) -> None:
        self._client, self._collection, self._keys, self._where = client, collection(name, kind), keys, where

    def _search(self, data, field: str, params: dict, k: int, allowed: np.ndarray | None) -> list[int]:
        found = self._client.search(
            self._collection, data=[data], anns_field=field, limit=k, filter=self._where.expression(allowed),
            search_params=params, output_fields=["key"],
        )  # fmt: skip
        return self._where.keep(self._keys.positions([hit["key"] for hit in found[0]]), allowed)


class Dense(_Searched):
    """Nearest vectors by inner product, searched in Milvus: what `embeddings.nearest` asks of it."""

    @property
    def ntotal(self) -> int:
        return len(self._keys)

    def nearest(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[int]:
        return self._search(query[0].tolist(), "vector", {"metric_type": "IP", "params": {"ef": max(HNSW_EF, k)}}, k, allowed)


class Lexical(_Searched):
    """BM25 over passages or quotes with Milvus's own BM25 function: what the searcher asks of bm25s."""

    @property
    def size(self) -> int:
        return len(self._keys)

    def search(self, query: str, k: int, allowed: np.ndarray | None = None) -> list[int]:
        if not self.size or not query.strip() or (allowed is not None and not len(allowed)):
            return []
        return self._search(query, "sparse", {"metric_type": "BM25"}, k, allowed)


class Articles(Mapping[str, Article]):
    """The articles of every shard by key, in key order; each read from Milvus when asked for."""

    def __init__(self, client, name: str, heads: list[dict]) -> None:
        self._client, self._collection = client, collection(name, "articles")
        self._heads = heads
        self._number = {h["id"]: n for n, h in enumerate(heads)}
        self._kept = Kept(self._read)

    def __len__(self) -> int:
        return len(self._heads)

    def __iter__(self) -> Iterator[str]:
        return (h["id"] for h in self._heads)

    def __contains__(self, key: object) -> bool:
        return key in self._number

    def number(self, key: str) -> int | None:
        return self._number.get(key)

    def column(self, name: str) -> list:
        return [h[name] for h in self._heads]

    def prefetch(self, keys) -> None:
        """Read every article of `keys` not kept yet, all their parts in one request."""
        self._kept.fetch([k for k in keys if k in self._number])

    def _read(self, keys: list[str]) -> dict[str, Article]:
        heads = {k: self._heads[self._number[k]] for k in keys}
        parts = [part_key(k, i) for k, h in heads.items() for i in range(h["parts"])]
        bodies = {r["key"]: r["body"] for r in self._client.get(self._collection, ids=parts, output_fields=["body"])}
        if len(bodies) != len(parts):
            raise _changed("article")
        out = {}
        for k, h in heads.items():
            body = "".join(bodies[part_key(k, i)] for i in range(h["parts"]))
            out[k] = Article(**{f: h[f] for f in ARTICLE_FIELDS}, paragraphs=tuple(orjson.loads(body)))
            out[k].__dict__["content_hash"] = h["hash"]  # known: spare hashing the text again
        return out

    def __getitem__(self, key: str) -> Article:
        if key not in self._number:
            raise KeyError(key)
        return self._kept.get(key)


def _passage(row: dict) -> Passage:
    return Passage(article_id=row["article"], text=row["text"], **orjson.loads(row["record"]))


def _quote(row: dict) -> Quote:
    fields = orjson.loads(row["record"])
    return Quote(article_id=row["article"], text=row["text"], **{**fields, "roles": tuple(fields["roles"])})


class _Columns:
    """Rows read at opening as `embeddings.index.column` reads a table: by field."""

    def __init__(self, rows: list[dict], fields: Mapping[str, str]) -> None:
        self._rows, self._fields = rows, fields

    def __len__(self) -> int:
        return len(self._rows)

    def column(self, name: str) -> list:
        field = self._fields.get(name, name)
        return [r[field] for r in self._rows]


def generation(shards: list[dict], name: str) -> str:
    """What a reader opened, by when its writers last published: it changes with every publish."""
    return f"milvus:{name}@{max((s['published'] for s in shards), default=0):.6f}"


def current_generation(uri: str, name: str, token: str = "") -> str:
    """The generation a reader opening now would serve (one small query)."""
    client = connect(uri, token)
    if not client.has_collection(collection(name, "shards")):
        return generation([], name)
    return generation([orjson.loads(r["record"]) for r in every(client, name, "shards", 'key != ""', ["record"])], name)


def _shards(client, name: str, model_name: str | None) -> list[dict]:
    """The writers that published here; all must have used one model."""
    shards = [orjson.loads(r["record"]) for r in every(client, name, "shards", 'key != ""', ["record"])]
    if not shards:
        raise IndexLoadError(f"the Milvus collections {name}_* hold no published articles yet; build them with `whosaid index`")
    models = {s["model"] for s in shards}
    if len(models) > 1:
        raise IndexLoadError(f"the writers of {name}_* used different models ({', '.join(sorted(models))}); rebuild them with one")
    if model_name is not None and (model := models.pop()) != model_name:
        raise IndexLoadError(f"the Milvus index {name} was built with model {model!r} but the setting is {model_name!r}")
    return shards


def _read(client, name: str) -> tuple[list[dict], list[dict], list[dict], list[dict]]:
    """Headings, then passages, quotes and pieces of the visible articles, each sorted by key."""
    heads = []
    for r in every(client, name, "articles", f"part == {HEAD}", ["article", "record", "hash"]):
        heads.append(orjson.loads(r["record"]) | {"id": r["article"], "hash": r["hash"]})
    heads.sort(key=lambda h: h["id"])
    seen: set[str] = set()  # the same story published by two writers is served once, as one folder's copies are
    heads = [h for h in heads if not (h["hash"] in seen or seen.add(h["hash"]))]
    visible = {h["id"] for h in heads}
    passages = [r for r in every(client, name, "passages", 'key != ""', ["key", "article", "start", "end"]) if r["article"] in visible]
    quotes = [
        r for r in every(client, name, "quotes", 'key != ""', ["key", "article", "start", "text", "record"]) if r["article"] in visible
    ]
    known = {r["key"] for r in quotes}
    pieces = [r for r in every(client, name, "pieces", 'key != ""', ["key", "quote"]) if r["quote"] in known]
    for rows in (passages, quotes, pieces):
        rows.sort(key=lambda r: r["key"])
    return heads, passages, quotes, pieces


def open_milvus(uri: str, name: str, model_name: str | None = None, token: str = "") -> Index:
    """The index every shard published under `name`, served from Milvus."""
    client = connect(uri, token)
    if not all(client.has_collection(collection(name, kind)) for kind in KINDS):
        raise IndexLoadError(f"Milvus at {uri} holds no whosaid index {name!r}; build it with `whosaid index`")
    load(client, name)
    shards = _shards(client, name, model_name)
    heads, passages, quotes, pieces = _read(client, name)
    all_quotes = [_quote(r) for r in quotes]
    article_keys, passage_keys, quote_keys = (
        Keys([h["id"] for h in heads]),
        Keys([r["key"] for r in passages]),
        Keys([r["key"] for r in quotes]),
    )
    piece_keys = Keys([r["key"] for r in pieces])
    passage_article, quote_article, quote_passage = positions(
        [h["id"] for h in heads], _Columns(passages, {"article_id": "article"}), _Columns(quotes, {"article_id": "article"})
    )
    owner = np.array(quote_keys.positions([r["quote"] for r in pieces]), dtype=np.int64)
    in_passages = Where(passage_keys, article_keys, passage_article)
    in_quotes = Where(quote_keys, article_keys, quote_article)
    return Index(
        model=shards[0]["model"],
        dim=int(shards[0]["dim"]),
        articles=Articles(client, name, heads),
        hashes={h["id"]: h["hash"] for h in heads},
        passages=Records(client, name, "passages", passage_keys, _passage, ["key", "article", "text", "record"]),
        quotes=Records(client, name, "quotes", quote_keys, _quote, ["key", "article", "text", "record"]),
        passage_vectors=Vectors(client, name, "passages", passage_keys, int(shards[0]["dim"])),
        quote_vectors=Vectors(client, name, "pieces", piece_keys, int(shards[0]["dim"])),
        quote_owner=owner,
        generation=generation(shards, name),
        extractor=min(int(s["extractor"]) for s in shards),
        passage_index=Dense(client, name, "passages", passage_keys, in_passages),
        quote_index=Dense(client, name, "pieces", piece_keys, _PieceWhere(piece_keys, quote_keys, owner, in_quotes)),
        passage_lexical=Lexical(client, name, "passages", passage_keys, in_passages),
        quote_lexical=Lexical(client, name, "quotes", quote_keys, in_quotes),
        passage_article=passage_article,
        quote_article=quote_article,
        quote_passage=quote_passage,
        article_source=np.array([(h["source"] or "").lower() for h in heads], dtype=str),
        article_date=np.array([h["date"] or "" for h in heads], dtype=str),
        people=Directory(all_quotes),
    )


class _PieceWhere(Where):
    """A filter over a quote's pieces, sent as the quotes they belong to."""

    def __init__(self, keys: Keys, quote_keys: Keys, owner: np.ndarray, quotes: Where) -> None:
        self.keys, self._quote_keys, self._owner, self._quotes = keys, quote_keys, owner, quotes

    def expression(self, allowed: np.ndarray | None) -> str:
        if allowed is None:
            return ""
        quotes = np.unique(self._owner[allowed])
        if len(quotes) <= KEYS_IN_FILTER:
            return among("quote", self._quote_keys.names(quotes))
        return self._quotes.expression(quotes)

    def keep(self, found: list[int], allowed: np.ndarray | None) -> list[int]:
        if allowed is None or len(np.unique(self._owner[allowed])) <= KEYS_IN_FILTER:
            return found
        return [i for i, ok in zip(found, np.isin(found, allowed).tolist(), strict=True) if ok]
