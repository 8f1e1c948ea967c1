"""From an articles folder to a serving index: load, build (incrementally), save, open."""

from __future__ import annotations

import fcntl
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from embeddings.articles import load_articles
from embeddings.index import EXTRACTOR_VERSION, BuildReport, Index, IndexLoadError, build
from embeddings.progress import Progress
from embeddings.search import Searcher
from embeddings.settings import Settings
from embeddings.store import is_saved, load, open_serving, save, share
from embeddings.vectors import encode, load_model, load_query_model, prepare_query_model

log = logging.getLogger(__name__)


class NothingLoaded(RuntimeError):
    """Every file failed: refuse to replace a good index with an empty one."""


class BuildInProgress(RuntimeError):
    """Another process is building this index directory right now."""


@contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """One build per index directory across processes (the bot and `whosaid index` alike)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildInProgress(f"another build of {index_dir} is running; try again when it has finished") from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def build_index(
    settings: Settings,
    articles_dir: Path | None = None,
    index_dir: Path | None = None,
    previous: Index | None = None,
    progress: Progress | None = None,
    allow_empty: bool = False,
) -> tuple[Index, BuildReport]:
    """Index `articles_dir` into a new generation of `index_dir`, embedding only what changed."""
    articles_dir = articles_dir or settings.articles_dir
    index_dir = index_dir or settings.index_dir
    with build_lock(index_dir):
        if previous is None:
            previous = load_or_none(index_dir, settings.embedder)
        index, report = build_unsaved(settings, articles_dir, previous, progress, allow_empty)
        if index is not previous or not is_saved(index):
            save(index, index_dir)
        share(index, settings, articles_dir, index_dir)
    log.info("indexed %s: %s", articles_dir, report.summary(index).splitlines()[1])
    return index, report


def load_or_none(index_dir: Path, model: str) -> Index | None:
    """The serving generation to build on, or None when there is none (or it is unreadable)."""
    try:
        return load(index_dir, model)
    except IndexLoadError:
        return None


def build_unsaved(
    settings: Settings, articles_dir: Path, previous: Index | None, progress: Progress | None = None, allow_empty: bool = False
) -> tuple[Index, BuildReport]:
    """The next index in memory; `previous` itself when nothing changed. The caller holds the
    build lock and saves the result."""
    known = previous.known_files() if previous is not None and previous.extractor == EXTRACTOR_VERSION else None
    loaded = load_articles(articles_dir, settings.max_file_bytes, settings.max_articles, known, progress)
    if loaded.files == 0:
        log.warning("%s holds no article files (.txt, .md, .html, .json, .jsonl): the index has no articles", articles_dir)
    if not loaded.articles and not allow_empty and previous is not None and previous.articles:
        reasons = "; ".join(f"{s.path}: {s.reason}" for s in loaded.skipped[:5])
        raise NothingLoaded(
            f"no article could be loaded from {articles_dir} ({len(loaded.skipped)} skipped{': ' + reasons if reasons else ''}); "
            "the current index is kept (pass --allow-empty to empty it)"
        )
    # the model is loaded only if something needs embedding: an unchanged reload never pays for it
    dim = (
        previous.dim
        if previous is not None and previous.model == settings.embedder
        else load_model(settings.embedder).get_embedding_dimension()
    )
    index, report = build(
        loaded.articles,
        settings.embedder,
        lambda texts: encode(load_model(settings.embedder), texts, settings.batch_size, progress=progress),
        dim,
        previous=previous,
        skipped=loaded.skipped,
        spacy_model=settings.spacy_model,
        progress=progress,
        stamps=loaded.stamps,
    )
    prepare_query_model(settings.embedder)
    return index, report


def open_searcher(settings: Settings, index_dir: Path | None = None) -> Searcher:
    """Open the serving index (no embedding) and the model for queries."""
    index = open_serving(settings, index_dir)
    model = load_query_model(settings.embedder)
    log.info(
        "serving %s: %d articles, %d quotes; questions embed with %s",
        settings.milvus_uri or index_dir or settings.index_dir,
        len(index.articles),
        len(index.quotes),
        type(model).__name__,
    )
    return Searcher(index, model)
