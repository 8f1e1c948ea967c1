"""News articles: loading a folder of .txt/.md/.html/.json/.jsonl files into plain `Article`s.

A broken file never stops a load: it is skipped and reported with its path and reason.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import charset_normalizer
import yaml

from embeddings.progress import Progress

log = logging.getLogger(__name__)

SUFFIXES = {".txt", ".md", ".html", ".htm", ".json", ".jsonl"}
PARAGRAPH_SEP = "\n\n"
_DATE_LINE = re.compile(r"^date\s+(\d{4}-\d{2}-\d{2})\s+(.*)$", re.IGNORECASE)
_ISO_DATE = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n+")
#: Hard-wrapped text (email, Markdown written at 72 or 80 columns) keeps its lines this short.
WRAP_WIDTH = 100
SENTENCE_ENDS = (".", "!", "?", ":", "\u201d", '"', "\u2019", "'", ")", "]", "\u2026")


class ArticleError(ValueError):
    """A file that cannot be read as an article; the message is the reason shown to users."""


@dataclass(frozen=True)
class Article:
    """One article. `text` is the paragraphs joined by a blank line; every offset refers to it."""

    id: str
    path: str
    title: str
    paragraphs: tuple[str, ...]
    date: str | None = None
    source: str | None = None
    url: str | None = None

    @cached_property
    def text(self) -> str:
        return PARAGRAPH_SEP.join(self.paragraphs)

    @cached_property
    def paragraph_starts(self) -> tuple[int, ...]:
        """Offset in `text` where each paragraph begins (paragraph n is index n-1)."""
        starts, pos = [], 0
        for para in self.paragraphs:
            starts.append(pos)
            pos += len(para) + len(PARAGRAPH_SEP)
        return tuple(starts)

    @cached_property
    def content_hash(self) -> str:
        """Hash of what the reader sees, so the same story in two files is indexed once."""
        blob = "\x1f".join([self.title, self.date or "", self.source or "", self.url or "", self.text])
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def paragraph_at(self, offset: int) -> int:
        """1-based number of the paragraph containing `offset` of `text`."""
        number = 1
        for i, start in enumerate(self.paragraph_starts):
            if start <= offset:
                number = i + 1
            else:
                break
        return number

    def meta(self) -> dict[str, str | None]:
        """The citation fields, as the CLI's JSON contract names them."""
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "url": self.url,
            "path": self.path,
        }


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass(frozen=True)
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    files: int = 0
    #: file key -> its stamp, for the files whose articles were loaded
    stamps: dict[str, Stamp] = field(default_factory=dict)


@dataclass(frozen=True)
class Stamp:
    """What a file looked like when it was read. The same modification time (in ns) and size mean
    the same content, as for `git status` and `make`: an unchanged file is not read again."""

    mtime_ns: int
    size: int
    articles: int  # how many articles the file held

    @classmethod
    def of(cls, stat: os.stat_result, articles: int) -> Stamp:
        return cls(stat.st_mtime_ns, stat.st_size, articles)

    def matches(self, stat: os.stat_result) -> bool:
        return (self.mtime_ns, self.size) == (stat.st_mtime_ns, stat.st_size)


def file_key(article_path: str) -> str:
    """The file an article came from: its path, without the "#line" of a JSON Lines record."""
    head, sep, _ = article_path.rpartition("#")
    return head if sep and head.lower().endswith(".jsonl") else article_path


def article_id(key: str) -> str:
    """A short id derived from the file path, stable across edits of the file."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def split_paragraphs(body: str) -> tuple[str, ...]:
    """Paragraphs are separated by blank lines, or by single line breaks in a block that is not
    hard-wrapped (many news files put one paragraph per line); whitespace around each is dropped."""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[str] = []
    for block in _BLANK_LINES.split(body):
        lines = [line for line in block.split("\n") if line.strip()]
        if len(lines) > 1 and not _hard_wrapped(lines):
            paragraphs.extend(line.strip() for line in lines)
        elif block.strip():
            paragraphs.append(block.strip())
    return tuple(paragraphs)


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines cut at a fixed width, to be read as one paragraph: none but the last is longer than
    a wrap width, and not all of them end a sentence (a list or a live blog's short lines do)."""
    inner = [line.rstrip(" \t\u00a0") for line in lines[:-1]]
    return all(len(line) <= WRAP_WIDTH for line in inner) and not all(line.endswith(SENTENCE_ENDS) for line in inner)


def _iso_date(value: object) -> str | None:
    if value is None:
        return None
    match = _ISO_DATE.search(str(value))
    return match.group(0) if match else None


def _front_matter(text: str) -> tuple[dict[str, object], str]:
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        raise ArticleError("front matter opened with --- but never closed")
    try:
        meta = yaml.safe_load(text[4:end]) or {}
    except yaml.YAMLError as exc:
        raise ArticleError(f"front matter is not valid YAML ({exc.__class__.__name__})") from exc
    if not isinstance(meta, dict):
        raise ArticleError("front matter is not a mapping")
    return meta, text[end + 4 :].lstrip("-").lstrip("\n")


def parse_text(text: str, key: str) -> Article:
    """A .txt/.md article: optional YAML front matter, headline line, paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    meta, body = _front_matter(text.lstrip(" \n"))
    paragraphs = split_paragraphs(body)
    title = str(meta.get("title") or "").strip()
    date = _iso_date(meta.get("date"))
    if not title:
        if not paragraphs:
            raise ArticleError("no text")
        head, _, rest = paragraphs[0].partition("\n")
        paragraphs = (rest.strip(), *paragraphs[1:]) if rest.strip() else paragraphs[1:]
        head = head.strip().lstrip("#").strip()
        match = _DATE_LINE.match(head)
        if match:
            date = date or match.group(1)
            head = match.group(2).strip()
        title = head
    if not paragraphs:
        raise ArticleError("no paragraphs after the headline")
    source = meta.get("source") or meta.get("publisher")
    return Article(
        id=article_id(key),
        path=key,
        title=title,
        paragraphs=paragraphs,
        date=date,
        source=str(source) if source else None,
        url=str(meta["url"]) if meta.get("url") else None,
    )


def parse_html(html: str, key: str) -> Article:
    """Main text and metadata via trafilatura; boilerplate (menus, ads) is left out."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    if doc is None or len((doc.text or "").split()) < 5:  # a menu or a cookie notice is not an article
        raise ArticleError("no article text found in the HTML")
    paragraphs = tuple(p.strip() for p in doc.text.split("\n") if p.strip())
    title = (doc.title or "").strip()
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise ArticleError("no article text found in the HTML")
    return Article(
        id=article_id(key),
        path=key,
        title=title or paragraphs[0][:120],
        paragraphs=paragraphs,
        date=_iso_date(doc.date),
        source=doc.sitename or doc.hostname or None,
        url=doc.url or None,
    )


def parse_newsplease(record: object, key: str) -> Article:
    """One article in the news-please JSON layout."""
    if not isinstance(record, dict):
        raise ArticleError("JSON is not an object")
    body = record.get("maintext") or record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise ArticleError("JSON has no 'text' or 'maintext'")
    paragraphs = split_paragraphs(body)
    if len(paragraphs) == 1 and "\n" in paragraphs[0]:
        paragraphs = tuple(p.strip() for p in paragraphs[0].split("\n") if p.strip())
    title = record.get("title")
    source = record.get("source_domain") or record.get("publisher")
    return Article(
        id=article_id(key),
        path=key,
        title=str(title).strip() if title else paragraphs[0][:120],
        paragraphs=paragraphs,
        date=_iso_date(record.get("date_publish")),
        source=str(source) if source else None,
        url=str(record["url"]) if record.get("url") else None,
    )


def _decode(data: bytes, key: str) -> str:
    if not data.strip():
        raise ArticleError("empty file")
    if b"\x00" in data[:8192]:
        raise ArticleError("binary file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        guess = _legacy_encoding(data)
        if guess is None:
            raise ArticleError(f"not UTF-8 text (byte {exc.start}), and no other encoding fits") from exc
        log.warning("%s is not UTF-8: read as %s", key, guess.encoding)
        return str(guess)


def _legacy_encoding(data: bytes) -> charset_normalizer.CharsetMatch | None:
    """charset-normalizer's reading of a file that is not UTF-8. On short texts it ranks several
    code pages alike (for French, iso8859_10 first, which reads « as Ŧ); Windows-1252, the commonest
    legacy encoding of Western news text, wins when it reads the bytes as cleanly as the best guess."""
    best = charset_normalizer.from_bytes(data).best()
    western = charset_normalizer.from_bytes(data, cp_isolation=["cp1252"]).best()
    if western is not None and (best is None or western.chaos <= best.chaos):
        return western
    return best


def read_file(path: Path, key: str, max_bytes: int) -> list[Article]:
    """All articles in one file (a .jsonl holds several), dated by the file's name when they give
    no date themselves. Raises `ArticleError` with the reason."""
    named = name_date(path.name)
    return [replace(a, date=named) if a.date is None and named else a for a in _read(path, key, max_bytes)]


def name_date(name: str) -> str | None:
    """A date in a file's name ("2016-09-21-debate.md" as Jekyll names posts,
    "wash-post_2016-09-21_slug.txt"): archives date their files so; a date that is not in the
    calendar is not one."""
    for match in _ISO_DATE.finditer(name):
        try:
            return datetime.date.fromisoformat(match.group(0)).isoformat()
        except ValueError:
            continue
    return None


def _read(path: Path, key: str, max_bytes: int) -> list[Article]:
    size = path.stat().st_size
    if size > max_bytes:
        raise ArticleError(f"too large ({size:,} bytes; the limit is {max_bytes:,})")
    text = _decode(path.read_bytes(), key)
    suffix = path.suffix.lower()
    if suffix in {".txt", ".md"}:
        return [parse_text(text, key)]
    if suffix in {".html", ".htm"}:
        return [parse_html(text, key)]
    if suffix == ".json":
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ArticleError(f"malformed JSON ({exc})") from exc
        return [parse_newsplease(record, key)]
    if suffix == ".jsonl":
        articles = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ArticleError(f"malformed JSON on line {number} ({exc})") from exc
            articles.append(parse_newsplease(record, f"{key}#{number}"))
        if not articles:
            raise ArticleError("no articles in the JSON Lines file")
        return articles
    raise ArticleError(f"unsupported file type {suffix!r}")


def article_files(root: Path) -> Iterator[Path]:
    """Article files below `root`, in a stable order; hidden files and folders are ignored."""
    if root.is_file():
        yield root
        return
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and path.suffix.lower() in SUFFIXES:
            yield path


def load_articles(
    root: Path,
    max_bytes: int = 5_000_000,
    max_articles: int = 200_000,
    known: Mapping[str, tuple[Stamp, list[Article]]] | None = None,
    progress: Progress | None = None,
) -> LoadResult:
    """Load every article below `root`; broken files are skipped with a warning naming them.
    `known`: articles already read, by file key; a file whose stamp is unchanged is not read."""
    if not root.exists():
        raise FileNotFoundError(f"articles directory {root} does not exist")
    known = known or {}
    result = LoadResult()
    files = 0
    paths = list(article_files(root))
    if progress is not None:
        progress.stage("reading", len(paths), "file")
    for path in paths:
        files += 1
        if progress is not None:
            progress.advance()
        key = path.name if root.is_file() else path.relative_to(root).as_posix()
        if len(result.articles) >= max_articles:
            result.skipped.append(Skipped(key, f"over the limit of {max_articles:,} articles"))
            continue
        try:
            stat = path.stat()  # before reading: a write during the read shows up next time
            if key in known and known[key][0].matches(stat) and stat.st_size <= max_bytes:
                articles = known[key][1]
            else:
                articles = read_file(path, key, max_bytes)
            result.articles.extend(articles)
            result.stamps[key] = Stamp.of(stat, len(articles))
        except (ArticleError, OSError) as exc:
            reason = str(exc) if isinstance(exc, ArticleError) else f"cannot read ({exc.strerror or exc})"
            log.info("skipped %s: %s", key, reason)  # (the build's summary reports it, once)
            result.skipped.append(Skipped(key, reason))
        except Exception as exc:  # a parser bug in a dependency must not stop the load
            log.info("skipped %s: %s", key, exc)
            result.skipped.append(Skipped(key, f"could not be parsed ({exc.__class__.__name__})"))
    return LoadResult(result.articles, result.skipped, files, result.stamps)
