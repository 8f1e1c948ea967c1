"""Articles added and removed from Discord: files saved into the articles folder only when they
read as articles, under safe names, never outside the folder."""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from embeddings.articles import SUFFIXES, ArticleError, read_file

#: what a saved file's name may hold; anything else becomes "_"
_UNSAFE = re.compile(r"[^\w.\- ]")


@dataclass(frozen=True)
class Upload:
    """What became of one attached file: the name it was saved under, or why it was not."""

    filename: str
    saved: str | None = None
    reason: str = ""
    titles: tuple[str, ...] = ()


def safe_name(filename: str) -> str:
    """The file's own name, without folders ("../../x.txt" is "x.txt"), in plain characters."""
    name = _UNSAFE.sub("_", Path(filename.replace("\\", "/")).name).strip(" .")
    return name or "article.txt"


def save_upload(filename: str, data: bytes, folder: Path, max_bytes: int) -> Upload:
    """Save `data` into `folder` when it reads as one or more articles; never overwrite a file."""
    name = safe_name(filename)
    if Path(name).suffix.lower() not in SUFFIXES:
        return Upload(filename, reason=f"not an article file (use {', '.join(sorted(SUFFIXES))})")
    if len(data) > max_bytes:
        return Upload(filename, reason=f"too large ({len(data):,} bytes; the limit is {max_bytes:,})")
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / name
        trial.write_bytes(data)
        try:
            articles = read_file(trial, name, max_bytes)
        except ArticleError as exc:
            return Upload(filename, reason=str(exc))
    dest = _free_path(folder, name)
    if dest.resolve().parent != folder.resolve():
        return Upload(filename, reason="not a name for a file in the articles folder")
    partial = dest.with_name(f".{dest.name}.part")  # hidden: a build running meanwhile does not read it
    partial.write_bytes(data)
    os.replace(partial, dest)
    return Upload(filename, saved=dest.name, titles=tuple(a.title for a in articles))


def _free_path(folder: Path, name: str) -> Path:
    """`folder/name`, or `folder/stem-2.suffix` and so on when that is taken."""
    path, n = folder / name, 1
    while path.exists():
        n += 1
        path = folder / f"{Path(name).stem}-{n}{Path(name).suffix}"
    return path


def remove_file(folder: Path, key: str) -> Path:
    """Delete the article file `key` (a path relative to the articles folder); never one outside it."""
    path = (folder / key).resolve()
    if not path.is_relative_to(folder.resolve()) or not path.is_file():
        raise FileNotFoundError(f"{key} is not a file of the articles folder")
    path.unlink()
    return path
