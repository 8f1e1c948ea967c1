"""The records of one generation in SQLite: articles, passages, quotes and file stamps, one row
each, numbered by their position in the index (the row of their vectors). A process reads the
rows a question touches, not all of them: `Rows` and `ArticleRows` are the lists and the mapping
an `Index` holds, backed by the database file.

A generation's database is written once and never changed, so readers open it immutable (no
locks, no journal) and hold one connection per process, shared by its threads.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

import numpy as np
import orjson

from embeddings.articles import Article, Stamp
from embeddings.attribution import Quote
from embeddings.index import plain
from embeddings.passages import Passage
from embeddings.people import Directory, Speaker

DATABASE = "records.sqlite"
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, path TEXT NOT NULL, title TEXT NOT NULL,
    date TEXT, source TEXT, url TEXT, hash TEXT NOT NULL);
CREATE TABLE texts (n INTEGER PRIMARY KEY, paragraphs TEXT NOT NULL);
CREATE TABLE passages (n INTEGER PRIMARY KEY, article_id TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, first_paragraph INTEGER NOT NULL, last_paragraph INTEGER NOT NULL);
CREATE TABLE quotes (n INTEGER PRIMARY KEY, article_id TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, paragraph INTEGER NOT NULL, kind TEXT NOT NULL, speaker TEXT, mention TEXT, cue TEXT,
    roles TEXT NOT NULL, "group" INTEGER NOT NULL, how TEXT NOT NULL);
CREATE TABLE people (n INTEGER PRIMARY KEY, name TEXT NOT NULL, words TEXT NOT NULL, aliases TEXT NOT NULL,
    roles TEXT NOT NULL, quote_ids BLOB NOT NULL, "group" INTEGER NOT NULL);
CREATE VIRTUAL TABLE quote_words USING fts5(plain, tokenize='trigram');
CREATE TABLE stamps (path TEXT PRIMARY KEY, mtime_ns INTEGER NOT NULL, size INTEGER NOT NULL, articles INTEGER NOT NULL);
"""
TABLES = {"meta", "articles", "texts", "passages", "quotes", "people", "quote_words", "stamps"}
PASSAGE_FIELDS = ("article_id", "text", "start", "end", "first_paragraph", "last_paragraph")
QUOTE_FIELDS = ("article_id", "text", "start", "end", "paragraph", "kind", "speaker", "mention", "cue", "roles", "group", "how")
ARTICLE_FIELDS = ("id", "path", "title", "date", "source", "url")
#: rows kept in memory per table, so that the candidates of a question are read once
CACHED_ROWS = 4096

T = TypeVar("T")


def _names(fields: Sequence[str]) -> str:
    return ", ".join(f'"{f}"' for f in fields)


def write(path: Path, index: Any, meta: dict[str, Any]) -> None:
    """The records of `index` into a new database at `path`, in one transaction."""
    db = sqlite3.connect(path)
    try:
        db.executescript(SCHEMA)
        with db:
            db.executemany("INSERT INTO meta VALUES (?, ?)", [(k, orjson.dumps(v).decode()) for k, v in meta.items()])
            articles = list(enumerate(index.articles.values()))
            db.executemany(
                f"INSERT INTO articles VALUES (?, {', '.join('?' * (len(ARTICLE_FIELDS) + 1))})",
                ((n, *(getattr(a, f) for f in ARTICLE_FIELDS), index.hashes[a.id]) for n, a in articles),
            )
            # the texts apart: reading the articles' outlets and dates at start-up reads no text
            db.executemany("INSERT INTO texts VALUES (?, ?)", ((n, _json(a.paragraphs)) for n, a in articles))
            db.executemany(
                f"INSERT INTO passages VALUES (?, {', '.join('?' * len(PASSAGE_FIELDS))})",
                ((n, *(getattr(p, f) for f in PASSAGE_FIELDS)) for n, p in enumerate(index.passages)),
            )
            db.executemany(
                f"INSERT INTO quotes VALUES (?, {', '.join('?' * len(QUOTE_FIELDS))})",
                ((n, *_quote_row(q)) for n, q in enumerate(index.quotes)),
            )
            # quoted words a reader typed, found in any quote by SQLite's trigram index: a substring
            # search, case-insensitive, that reads the index, not every quote
            db.executemany("INSERT INTO quote_words(rowid, plain) VALUES (?, ?)", ((n, plain(q.text)) for n, q in enumerate(index.quotes)))
            db.executemany("INSERT INTO people VALUES (?, ?, ?, ?, ?, ?, ?)", _people_rows(index.people))
            db.executemany("INSERT INTO stamps VALUES (?, ?, ?, ?)", ((k, v.mtime_ns, v.size, v.articles) for k, v in index.stamps.items()))
    finally:
        db.close()


def _people_rows(people: Directory) -> Iterator[tuple]:
    everyone = [(s, 0) for s in people.speakers] + [(g, 1) for g in people.groups]
    for n, (s, group) in enumerate(everyone):
        lists = (sorted(s.words), sorted(s.aliases), sorted(s.roles))
        yield (n, s.name, *map(_json, lists), np.asarray(s.quote_ids, np.int64).tobytes(), group)


def _json(value: Any) -> str:
    return orjson.dumps(value).decode()


def _quote_row(q: Quote) -> tuple:
    return tuple(orjson.dumps(q.roles).decode() if f == "roles" else int(q.group) if f == "group" else getattr(q, f) for f in QUOTE_FIELDS)


def _quote(row: tuple) -> Quote:
    fields = dict(zip(QUOTE_FIELDS, row, strict=True))
    return Quote(**{**fields, "roles": tuple(orjson.loads(fields["roles"])), "group": bool(fields["group"])})


def _passage(row: tuple) -> Passage:
    return Passage(*row)


def _article(row: tuple) -> Article:
    *fields, digest, paragraphs = row
    article = Article(**dict(zip(ARTICLE_FIELDS, fields, strict=True)), paragraphs=tuple(orjson.loads(paragraphs)))
    article.__dict__["content_hash"] = digest  # known: spare hashing every article again
    return article


class Database:
    """One read-only connection to a generation's records, shared by the threads of a process."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise FileNotFoundError(path)
        uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"  # as_uri escapes "?", "#" and "%" in the path
        self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        tables = {name for (name,) in self.all("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if missing := TABLES - tables:
            raise sqlite3.DatabaseError(f"{path.name} lacks the tables {', '.join(sorted(missing))}")

    def all(self, sql: str, args: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    def one(self, sql: str, args: tuple = ()) -> tuple | None:
        with self._lock:
            return self._db.execute(sql, args).fetchone()

    def quote_holds(self, words: str) -> bool:
        """Whether some quote's plain text holds `words` (as `plain` gives them, 3 characters or more)."""
        if len(words) < 3:  # shorter than a trigram: too short to say no quote holds it
            return True
        phrase = '"' + words.replace('"', '""') + '"'
        return self.one("SELECT 1 FROM quote_words WHERE quote_words MATCH ? LIMIT 1", (phrase,)) is not None

    def stamps(self) -> dict[str, Stamp]:
        return {k: Stamp(*v) for k, *v in self.all("SELECT path, mtime_ns, size, articles FROM stamps")}

    def people(self) -> Directory:
        """The speakers as the build merged them (merging names again would cost seconds)."""
        found: tuple[list[Speaker], list[Speaker]] = ([], [])
        for name, ws, aliases, roles, ids, group in self.all(
            'SELECT name, words, aliases, roles, quote_ids, "group" FROM people ORDER BY n'
        ):
            speaker = Speaker(name, set(orjson.loads(ws)), set(orjson.loads(aliases)), set(orjson.loads(roles)))
            speaker.quote_ids = np.frombuffer(ids, np.int64).tolist()
            found[group].append(speaker)
        return Directory.of_speakers(*found)

    def hashes(self) -> dict[str, str]:
        return dict(self.all("SELECT id, hash FROM articles ORDER BY n"))


class Rows(Sequence[T], Generic[T]):
    """The passages or quotes of a generation as a read-only list, read from the database."""

    def __init__(self, db: Database, table: str, fields: Sequence[str], make, count: int) -> None:
        self._db, self._table, self._fields, self._make = db, table, _names(fields), make
        self._count = count  # from the manifest: count(*) would read the whole table
        self._get = lru_cache(maxsize=CACHED_ROWS)(self._fetch)

    def _fetch(self, n: int) -> T:
        row = self._db.one(f"SELECT {self._fields} FROM {self._table} WHERE n = ?", (n,))
        if row is None:
            raise IndexError(n)
        return self._make(row)

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, n):  # type: ignore[override]
        if isinstance(n, slice):
            return [self[i] for i in range(*n.indices(self._count))]
        n = int(n)
        if n < 0:
            n += self._count
        if not 0 <= n < self._count:
            raise IndexError(n)
        return self._get(n)

    def __iter__(self) -> Iterator[T]:
        for row in self._db.all(f"SELECT {self._fields} FROM {self._table} ORDER BY n"):
            yield self._make(row)


class QuoteRows(Rows[Quote]):
    """The quotes, which can also be searched for words a reader typed."""

    def holds(self, words: str) -> bool:
        return self._db.quote_holds(words)


class ArticleRows(Mapping[str, Article]):
    """The articles of a generation by id, in index order, read from the database."""

    def __init__(self, db: Database, count: int) -> None:
        self._db = db
        self._count = count
        self._get = lru_cache(maxsize=CACHED_ROWS)(self._fetch)
        fields = ", ".join(f'a."{f}"' for f in ARTICLE_FIELDS)
        self._sql = f"SELECT {fields}, a.hash, t.paragraphs FROM articles a JOIN texts t ON t.n = a.n"

    def _fetch(self, article_id: str) -> Article | None:
        row = self._db.one(f"{self._sql} WHERE a.id = ?", (article_id,))
        return _article(row) if row is not None else None

    def __getitem__(self, article_id: str) -> Article:
        found = self._get(article_id)
        if found is None:
            raise KeyError(article_id)
        return found

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, str) and self._get(article_id) is not None

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        return iter(self.column("id"))

    def values(self) -> Iterator[Article]:  # type: ignore[override]
        return (_article(row) for row in self._db.all(f"{self._sql} ORDER BY a.n"))

    def items(self) -> Iterator[tuple[str, Article]]:  # type: ignore[override]
        return ((a.id, a) for a in self.values())

    def column(self, name: str) -> list:
        return [v for (v,) in self._db.all(f'SELECT "{name}" FROM articles ORDER BY n')]

    def number(self, article_id: str) -> int | None:
        """The article's position in the index."""
        row = self._db.one("SELECT n FROM articles WHERE id = ?", (article_id,))
        return row[0] if row is not None else None


class Later(Mapping[str, str]):
    """A mapping read from the database on first use: article hashes matter to a build only."""

    def __init__(self, read) -> None:
        self._read = read
        self._data: dict[str, str] | None = None

    @property
    def data(self) -> dict[str, str]:
        if self._data is None:
            self._data = self._read()
        return self._data

    def __getitem__(self, key: str) -> str:
        return self.data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


def records(path: Path, counts: Mapping[str, int]) -> tuple[Database, ArticleRows, Rows[Passage], QuoteRows]:
    """The database of a generation and its records as an `Index` holds them; `counts` (of
    articles, passages and quotes) as the manifest gives them."""
    db = Database(path)
    return (
        db,
        ArticleRows(db, counts["articles"]),
        Rows(db, "passages", PASSAGE_FIELDS, _passage, counts["passages"]),
        QuoteRows(db, "quotes", QUOTE_FIELDS, _quote, counts["quotes"]),
    )
