"""The serving index of a long-running process: questions read the current searcher while a
reload builds the next generation beside it; the switch is one reference assignment."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from embeddings.index import BuildReport
from embeddings.pipeline import BuildInProgress, build_index, open_searcher
from embeddings.search import Searcher
from embeddings.settings import Settings
from embeddings.vectors import load_model

log = logging.getLogger(__name__)


class ReloadInProgress(RuntimeError):
    """A second reload asked for while one runs."""


@dataclass(frozen=True)
class ReloadResult:
    report: BuildReport
    articles: int
    passages: int
    quotes: int
    generation: str


class LiveIndex:
    """One per process. `searcher` is never None after `open()`; reloads never block questions."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._searcher: Searcher | None = None
        self._reload = threading.Lock()

    @property
    def searcher(self) -> Searcher:
        if self._searcher is None:
            raise RuntimeError("the index is not loaded yet")
        return self._searcher

    @property
    def ready(self) -> bool:
        return self._searcher is not None

    @property
    def reloading(self) -> bool:
        return self._reload.locked()

    def open(self) -> Searcher:
        """Load the persisted index, or build it when there is none yet."""
        from embeddings.index import IndexLoadError

        try:
            self._searcher = open_searcher(self.settings)
        except IndexLoadError as exc:
            if self.settings.index_dir.exists() and any(self.settings.index_dir.iterdir()):
                raise
            log.info("%s; building it from %s", exc, self.settings.articles_dir)
            self.reload()
        return self.searcher

    def reload(self, allow_empty: bool = False) -> ReloadResult:
        """Re-index the articles folder; raises ReloadInProgress if another reload runs.
        On any error the current searcher keeps serving."""
        if not self._reload.acquire(blocking=False):
            raise ReloadInProgress("a reload is already running; try again when it has finished")
        try:
            previous = self._searcher.index if self._searcher is not None else None
            try:
                index, report = build_index(self.settings, previous=previous, allow_empty=allow_empty)
            except BuildInProgress as exc:
                raise ReloadInProgress(str(exc)) from exc
            self._searcher = Searcher(index, load_model(self.settings.model))
            return ReloadResult(report, len(index.articles), len(index.passages), len(index.quotes), index.generation)
        finally:
            self._reload.release()
