"""Generations of an index directory. A build writes a new generation beside the current one and
switches a pointer file only when it is complete, so a crash at any moment leaves a loadable index.

    index_dir/CURRENT            name of the serving generation (replaced by rename)
    index_dir/gen-<time>-<n>/    manifest.json (written last) and the generation's files
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from embeddings.index import IndexLoadError

CURRENT = "CURRENT"
MANIFEST = "manifest.json"


def fsync_write(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_files(folder: Path) -> None:
    """Every file of `folder` on disk, then the folder itself."""
    for path in folder.iterdir():
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    fsync_dir(folder)


def publish(index_dir: Path, write: Callable[[Path], None]) -> str:
    """A new generation filled by `write(folder)` (which writes the manifest last), moved into
    place and made current; older generations are removed. Returns its name."""
    index_dir.mkdir(parents=True, exist_ok=True)
    name = f"gen-{time.strftime('%Y%m%d-%H%M%S')}-{time.time_ns() % 1_000_000_000:09d}"
    tmp = index_dir / f".tmp-{name}"
    tmp.mkdir()
    write(tmp)
    fsync_files(tmp)
    os.rename(tmp, index_dir / name)
    fsync_dir(index_dir)
    pointer = index_dir / f".{CURRENT}.tmp"
    fsync_write(pointer, name.encode())
    os.replace(pointer, index_dir / CURRENT)
    fsync_dir(index_dir)
    _clean(index_dir, keep=name)
    return name


def _clean(index_dir: Path, keep: str) -> None:
    """Remove older generations and leftovers of interrupted builds. A process still serving an
    older one keeps reading it: its files are open, and stay readable until it closes them."""
    for path in index_dir.iterdir():
        if path.is_dir() and path.name != keep and (path.name.startswith("gen-") or path.name.startswith(".tmp-")):
            shutil.rmtree(path, ignore_errors=True)


def _complete(path: Path) -> bool:
    return (path / MANIFEST).is_file()


def current_generation(index_dir: Path) -> Path:
    """The generation CURRENT names, or else the newest complete one (CURRENT lost in a crash)."""
    if not index_dir.is_dir():
        raise IndexLoadError(f"no index at {index_dir}: run `whosaid index` first")
    pointer = index_dir / CURRENT
    if pointer.is_file():
        candidate = index_dir / pointer.read_text().strip()
        if _complete(candidate):
            return candidate
    gens = sorted((p for p in index_dir.glob("gen-*") if _complete(p)), reverse=True)
    if not gens:
        raise IndexLoadError(f"no index at {index_dir}: run `whosaid index` first")
    return gens[0]
