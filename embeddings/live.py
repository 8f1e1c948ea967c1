"""The serving index of a long-running process: questions read the current searcher while a
reload builds the next generation beside it; the switch is one reference assignment."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from embeddings.index import BuildReport, Index, IndexLoadError
from embeddings.pipeline import BuildInProgress, build_lock, build_unsaved, load_or_none, open_searcher
from embeddings.progress import Progress
from embeddings.search import Searcher
from embeddings.settings import Settings
from embeddings.store import is_local, is_saved, open_serving, save, share
from embeddings.vectors import load_query_model

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
        """Load the persisted index, or build it when there is none yet (from an empty articles
        folder, made if missing: a first start with the example settings answers, and says so)."""
        if not self.settings.articles_dir.exists():
            self.settings.articles_dir.mkdir(parents=True)
            log.warning("the articles folder %s did not exist: made it, empty; put articles there and reload", self.settings.articles_dir)
        try:
            self._searcher = open_searcher(self.settings)
        except IndexLoadError as exc:
            if not self.settings.milvus_uri and self.settings.index_dir.exists() and any(self.settings.index_dir.iterdir()):
                raise
            log.info("%s; building it from %s", exc, self.settings.articles_dir)
            self.reload()
        threading.Thread(target=self.warm_up, name="whosaid-warm-up", daemon=True).start()
        return self.searcher

    def warm_up(self) -> None:
        """Load the parser and the name list now, so the first /reload does not pay for them."""
        from embeddings.attribution import first_name_gender
        from embeddings.nlp import load_nlp

        try:
            load_nlp(self.settings.spacy_model)
            first_name_gender("Marco Rubio")
        except Exception:  # the reload will report it
            log.exception("could not load the parser ahead of a reload")

    def _rebuild(self, current: Searcher | None, allow_empty: bool, progress: Progress | None) -> tuple[Searcher, Index, BuildReport]:
        """Build on the serving generation (or, when Milvus serves, this writer's own folder),
        save what changed, publish it, and open the result as a restart would."""
        settings = self.settings
        local = current is not None and is_local(current.index)
        previous = current.index if local else load_or_none(settings.index_dir, settings.embedder)
        index, report = build_unsaved(settings, settings.articles_dir, previous, progress, allow_empty)
        if local and index is current.index and is_saved(index):
            return current, index, report  # nothing changed
        if index is not previous or not is_saved(index):
            save(index, settings.index_dir)
        share(index, settings)
        if current is not None and not local and self._unchanged_in_milvus(current):
            return current, index, report  # nothing published since it opened: no re-opening
        # served from disk (or Milvus), as after a restart: memory follows what questions touch
        return Searcher(open_serving(settings), load_query_model(settings.embedder)), index, report

    def _unchanged_in_milvus(self, current: Searcher) -> bool:
        from embeddings.store.milvus_views import current_generation

        s = self.settings
        return current_generation(s.milvus_uri, s.milvus_collection, s.milvus_token) == current.index.generation

    def refresh(self) -> bool:
        """Serve what other writers have published to Milvus since this process opened it (a
        small query when nothing has); True if it switched. A no-op without Milvus."""
        settings = self.settings
        if not settings.milvus_uri or self._searcher is None or not self._reload.acquire(blocking=False):
            return False
        try:
            if self._unchanged_in_milvus(self._searcher):
                return False
            self._searcher = Searcher(open_serving(settings), load_query_model(settings.embedder))
            log.info("serving what was published to Milvus since: %s", self._searcher.index.generation)
            return True
        finally:
            self._reload.release()

    def reload(self, allow_empty: bool = False, progress: Progress | None = None) -> ReloadResult:
        """Re-index the articles folder; raises ReloadInProgress if another reload runs.
        On any error the current searcher keeps serving. `progress` hears of each stage."""
        if not self._reload.acquire(blocking=False):
            raise ReloadInProgress("a reload is already running; try again when it has finished")
        try:
            current = self._searcher
            try:
                with build_lock(self.settings.index_dir):
                    searcher, index, report = self._rebuild(current, allow_empty, progress)
            except BuildInProgress as exc:
                raise ReloadInProgress(str(exc)) from exc
            self._searcher = searcher
            log.info("reloaded: %s", report.summary(index).splitlines()[1])
            return ReloadResult(report, len(index.articles), len(index.passages), len(index.quotes), index.generation)
        finally:
            self._reload.release()
