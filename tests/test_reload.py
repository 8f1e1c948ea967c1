"""Reloads: incremental, atomic, crash-safe, and never in the way of questions."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from bot.answer import answer
from embeddings.live import LiveIndex, ReloadInProgress
from embeddings.pipeline import BuildInProgress, build_index, build_lock
from embeddings.store import current_generation, load
from tests.conftest import ARTICLES, STORES, in_store
from tests.filler import write_filler

ROOT = Path(__file__).resolve().parents[1]
ADDED = 12


@pytest.fixture(params=STORES)
def live(request, tmp_path: Path, settings, built, milvus_uri: str) -> LiveIndex:
    """A serving process over a copy of the fixtures, its index in each store in turn."""
    corpus = tmp_path / "articles"
    shutil.copytree(ARTICLES, corpus)
    shutil.copytree(settings.index_dir, tmp_path / "index")
    s = settings.model_copy(update={"articles_dir": corpus, "index_dir": tmp_path / "index"})
    live = LiveIndex(in_store(s, request.param, milvus_uri, tmp_path.name))
    live.open()
    return live


def test_rename_embeds_nothing(live: LiveIndex) -> None:
    corpus = live.settings.articles_dir
    (corpus / "front-matter.md").rename(corpus / "tram-vote.md")
    result = live.reload()
    assert result.report.embedded == 0
    assert result.report.renamed == [("front-matter.md", "tram-vote.md")] and result.report.removed == []
    a = answer("Who said the budget was pure fantasy?", live.searcher)
    assert a.found and a.quotes[0].article.path == "tram-vote.md"
    assert a.quotes[0].article.text[a.quotes[0].quote.start : a.quotes[0].quote.end] == a.quotes[0].quote.text


def test_removed_article_disappears_from_answers(live: LiveIndex) -> None:
    assert answer("Who said they had never seen waves like these?", live.searcher).found
    (live.settings.articles_dir / "sub" / "storm.html").unlink()
    result = live.reload()
    assert result.report.removed == ["sub/storm.html"] and result.report.embedded == 0
    assert not answer("Who said they had never seen waves like these?", live.searcher).found


def test_a_reload_that_fails_halfway_keeps_serving(live: LiveIndex, monkeypatch) -> None:
    before = live.searcher
    generation = current_generation(live.settings.index_dir)
    (live.settings.articles_dir / "new.txt").write_text("New story\n\n\u201cFresh words here,\u201d said Ana Bell.", encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("embeddings.pipeline.encode", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        live.reload()
    assert live.searcher is before and current_generation(live.settings.index_dir) == generation
    assert answer("Who said there is still a lot of work to be done?", live.searcher).found
    assert not live.reloading


def test_one_reload_at_a_time(live: LiveIndex) -> None:
    with build_lock(live.settings.index_dir):  # as if another process were building
        with pytest.raises(ReloadInProgress):
            live.reload()
        with pytest.raises(BuildInProgress):
            build_index(live.settings)


def test_fifty_questions_during_a_reload_all_answered_consistently(live: LiveIndex) -> None:
    corpus = live.settings.articles_dir
    write_filler(corpus, 12)
    generations_seen: set[str] = set()
    during: list[int] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def reload() -> None:
        try:
            live.reload()
        except BaseException as exc:
            errors.append(exc)
        finally:
            done.set()

    def ask(n: int) -> None:
        try:
            if live.reloading:
                during.append(n)
            searcher = live.searcher  # what a question handler does: one generation per answer
            a = answer("Who said there is still a lot of work to be done?" if n % 2 else "What did Umerov say?", searcher)
            assert a.found
            for h in a.quotes:
                assert searcher.index.articles[h.quote.article_id] is h.article
                assert h.article.text[h.quote.start : h.quote.end] == h.quote.text
            generations_seen.add(searcher.index.generation)
        except BaseException as exc:
            errors.append(exc)

    reloader = threading.Thread(target=reload)
    reloader.start()
    askers = []
    for n in range(50):
        t = threading.Thread(target=ask, args=(n,))
        t.start()
        askers.append(t)
        time.sleep(0.05)
    for t in askers:
        t.join(60)
    reloader.join(300)
    assert done.is_set() and not errors, errors
    assert during, "the questions were meant to run while the reload did"
    assert len(live.searcher.index.articles) == 18


def _index_cmd(corpus: Path, index_dir: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "index", "--articles", str(corpus), "--index", str(index_dir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )


def _wait_for(predicate, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.005)
    return False


@pytest.mark.parametrize("moment", ["starting", "parsing", "writing", "switching"])
def test_sigkill_during_a_reload_leaves_a_loadable_index(tmp_path: Path, settings, built, moment: str) -> None:
    index_dir = tmp_path / "index"
    shutil.copytree(settings.index_dir, index_dir)
    old = load(index_dir)
    corpus = tmp_path / "articles"
    shutil.copytree(ARTICLES, corpus)
    write_filler(corpus, ADDED)
    proc = _index_cmd(corpus, index_dir)
    try:
        if moment == "starting":
            time.sleep(1.0)
        elif moment == "parsing":
            time.sleep(8.0)
        elif moment == "writing":  # the moment the new generation's folder appears
            assert _wait_for(lambda: any(p.name.startswith(".tmp-") for p in index_dir.iterdir()), 240)
        else:  # right after the new generation was renamed into place, before or as CURRENT moves
            first = current_generation(index_dir).name
            assert _wait_for(lambda: any(p.name != first for p in index_dir.glob("gen-*")), 240)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    index = load(index_dir)  # never a broken mix: the old generation or the new one
    assert len(index.articles) in (len(old.articles), len(old.articles) + ADDED)
    assert len(index.quote_vectors) == len(index.quote_owner) and len(index.passage_vectors) == len(index.passages)
    from embeddings.search import Searcher
    from embeddings.vectors import load_model

    a = answer("Who said there is still a lot of work to be done?", Searcher(index, load_model(settings.model)))
    assert a.found and a.quotes[0].speaker == "Marco Rubio"
    # and the next run completes the job
    assert _index_cmd(corpus, index_dir).wait(300) == 0
    assert len(load(index_dir).articles) == len(old.articles) + ADDED
