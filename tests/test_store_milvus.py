"""The Milvus store (Milvus Lite, in this process): publishing what changed, several writers in one
set of collections, versions a serving process keeps reading, and the same answers as the files."""

from __future__ import annotations

import dataclasses
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.answer import answer
from embeddings.index import IndexLoadError
from embeddings.live import LiveIndex
from embeddings.pipeline import build_index, open_searcher
from embeddings.store import PUBLISHED, is_own, load, milvus
from embeddings.store.milvus_views import open_milvus
from tests.conftest import ARTICLES, in_store

ROOT = Path(__file__).resolve().parents[1]
WAVES = "Who said they had never seen waves like these?"
WORK = "Who said there is still a lot of work to be done?"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    shutil.copytree(ARTICLES, tmp_path / "articles")
    return tmp_path / "articles"


@pytest.fixture
def writer(settings, corpus: Path, milvus_uri: str, tmp_path: Path):
    """The settings of one writer: the fixture articles, its own index folder, collections of its own."""
    s = settings.model_copy(update={"articles_dir": corpus, "index_dir": tmp_path / "index"})
    return in_store(s, "milvus", milvus_uri, tmp_path.name)


def _publish_again(s):
    """Build the writer's folder without publishing, then publish by hand: what it wrote."""
    index, _ = build_index(s.model_copy(update={"milvus_uri": ""}))
    return milvus.publish(index, s.milvus_uri, s.milvus_collection, s.shard())


def _rows_of_one_article(s, path: str) -> int:
    """Rows an article takes in Milvus: passages, quotes, their vectors, its paragraphs and head."""
    index = load(s.index_dir)
    n = next(i for i, a in enumerate(index.articles.values()) if a.path == path)
    quotes = [i for i, a in enumerate(index.quote_article.tolist()) if a == n]
    pieces = sum(int(o) in set(quotes) for o in index.quote_owner)
    return int((index.passage_article == n).sum()) + len(quotes) + pieces + 2  # one part of paragraphs, one head


def test_a_publish_writes_only_the_articles_that_changed(writer, corpus: Path) -> None:
    build_index(writer)
    assert _publish_again(writer).inserted == 0  # nothing changed: nothing written
    storm = corpus / "sub" / "storm.html"
    storm.write_text(storm.read_text().replace("waves like these", "waves like those"), encoding="utf-8")
    published = _publish_again(writer)
    assert published.inserted == _rows_of_one_article(writer, "sub/storm.html")
    a = answer("Who said they had never seen waves like those?", open_searcher(writer))
    assert a.found and a.quotes[0].speaker == "Jonas Pike" and "waves like those" in a.quotes[0].quote.text


def test_a_lost_or_stale_record_of_the_last_publish_is_read_back_from_milvus(writer, corpus: Path) -> None:
    """The writer remembers what it published (so a publish reads no heads back); a record cut
    short, or one of an older publish than Milvus's last, is not trusted."""
    build_index(writer)
    record = writer.index_dir / PUBLISHED
    stale = record.read_bytes()
    storm = corpus / "sub" / "storm.html"
    for n, damage in enumerate((lambda: record.write_bytes(b'{"cut sh'), lambda: record.write_bytes(stale))):
        storm.write_text(storm.read_text().replace("waves like", f"waves {n} like"), encoding="utf-8")
        build_index(writer)  # publishes and records it
        damage()
        storm.write_text(storm.read_text().replace(f"waves {n} like", f"waves {n + 1} like"), encoding="utf-8")
        build_index(writer)
        served = open_searcher(writer)
        assert len(served.index.articles) == len(load(writer.index_dir).articles)  # no version left over
        assert answer(f"Who said they had never seen waves {n + 1} like these?", served).quotes[0].speaker == "Jonas Pike"


def test_a_process_keeps_reading_the_version_it_serves_until_the_next_publish(writer, corpus: Path) -> None:
    build_index(writer)
    serving = open_searcher(writer)
    untouched = open_milvus(writer.milvus_uri, writer.milvus_collection)  # another process that has read nothing yet
    old = answer(WAVES, serving)
    storm = corpus / "sub" / "storm.html"
    storm.write_text(storm.read_text().replace("waves like these", "waves like those"), encoding="utf-8")
    build_index(writer)  # another process's build: a new version of the storm story
    again = answer(WAVES, serving)
    assert again.found and again.quotes[0].quote == old.quotes[0].quote  # the version it opened
    assert "waves like those" in answer("Who said they had never seen waves like those?", open_searcher(writer)).quotes[0].quote.text
    build_index(writer)  # the publish after that deletes the old version's rows
    with pytest.raises(IndexLoadError, match="reload to see it"):
        list(untouched.quotes)


def test_two_writers_answer_from_one_set_of_collections(writer, tmp_path: Path) -> None:
    build_index(writer)
    other = tmp_path / "other"
    other.mkdir()
    (other / "budget.txt").write_text(
        "Budget row\n\n\u201cThe numbers simply do not add up,\u201d said treasurer Mina Okafor on Friday.\n", encoding="utf-8"
    )
    second = writer.model_copy(update={"articles_dir": other, "index_dir": tmp_path / "other-index"})
    build_index(second)
    searcher = open_searcher(writer)
    assert answer("Who said the numbers simply do not add up?", searcher).quotes[0].speaker == "Mina Okafor"
    assert answer(WORK, searcher).quotes[0].speaker == "Marco Rubio"
    (other / "budget.txt").unlink()
    build_index(second.model_copy(update={"milvus_uri": writer.milvus_uri}), allow_empty=True)
    searcher = open_searcher(writer)
    assert not answer("Who said the numbers simply do not add up?", searcher).found
    assert answer(WORK, searcher).quotes[0].speaker == "Marco Rubio"  # the first writer's articles stay


def test_a_serving_process_picks_up_what_another_writer_published(writer, tmp_path: Path) -> None:
    live = LiveIndex(writer)
    live.open()
    serving = live.searcher
    assert not live.refresh()  # nothing new: the searcher stays
    live.reload()
    assert live.searcher is serving  # an unchanged reload publishes nothing, and re-opens nothing
    other = tmp_path / "other"
    other.mkdir()
    (other / "budget.txt").write_text("Budget row\n\n\u201cThe numbers simply do not add up,\u201d said Mina Okafor.\n", encoding="utf-8")
    build_index(writer.model_copy(update={"articles_dir": other, "index_dir": tmp_path / "other-index"}))
    assert not answer("Who said the numbers simply do not add up?", live.searcher).found
    assert live.refresh()
    assert answer("Who said the numbers simply do not add up?", live.searcher).quotes[0].speaker == "Mina Okafor"
    # what this bot may take out of its own folder (/remove): its own articles, not the other writer's
    index = live.searcher.index
    assert {index.articles[a].path for a in index.articles if is_own(a, writer)} == {
        a.path for a in load(writer.index_dir).articles.values()
    }


def test_the_same_story_from_two_writers_is_served_once(writer, corpus: Path, tmp_path: Path) -> None:
    build_index(writer)
    copy = tmp_path / "copy"
    shutil.copytree(corpus, copy)
    build_index(writer.model_copy(update={"articles_dir": copy, "index_dir": tmp_path / "copy-index"}))
    assert len(open_searcher(writer).index.articles) == len(load(writer.index_dir).articles)


def test_a_publish_cut_short_shows_nothing_of_it_and_the_next_one_finishes(writer, corpus: Path, monkeypatch) -> None:
    build_index(writer)
    (corpus / "new.txt").write_text("New story\n\n\u201cFresh words are here at last,\u201d said Ana Bell.\n", encoding="utf-8")

    def killed(*args, **kwargs):
        raise KeyboardInterrupt  # as if the process died with the new article's rows written but not its head
        yield

    monkeypatch.setattr(milvus, "_head_rows", killed)
    with pytest.raises(KeyboardInterrupt):
        build_index(writer)
    index = open_milvus(writer.milvus_uri, writer.milvus_collection)
    assert all(a.path != "new.txt" for a in index.articles.values())
    assert all(q.text != "Fresh words are here at last," for q in index.quotes)  # its quotes are not served half-written
    monkeypatch.undo()
    build_index(writer)
    a = answer("Who said fresh words are here at last?", open_searcher(writer))
    assert a.found and a.quotes[0].speaker == "Ana Bell"


def test_an_index_of_another_model_is_refused_with_the_setting_to_use(writer) -> None:
    build_index(writer)
    with pytest.raises(IndexLoadError, match="built with model 'all-MiniLM-L6-v2'"):
        open_milvus(writer.milvus_uri, writer.milvus_collection, "another-model")
    other = dataclasses.replace(load(writer.index_dir), model="another-model")  # a second writer's other model
    with pytest.raises(IndexLoadError, match="with model 'all-MiniLM-L6-v2', not 'another-model'"):
        milvus.publish(other, writer.milvus_uri, writer.milvus_collection, "another machine")
    assert answer(WORK, open_searcher(writer)).found  # and what was there still answers


def test_no_index_in_milvus_says_how_to_build_one(writer) -> None:
    with pytest.raises(IndexLoadError, match="whosaid index"):
        open_searcher(writer)


def test_a_lite_file_another_process_holds_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "held.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"from pymilvus import MilvusClient; MilvusClient({str(path)!r}); print('held', flush=True); input()"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(IndexLoadError, match=f"cannot open Milvus at {path}"):
            milvus.connect(str(path))
    finally:
        holder.kill()


QUESTIONS = [
    WORK,
    WAVES,
    "What did Umerov say about the meeting?",
    "What did the secretary of state say about Russia?",
    "Who said demand for processors has never been stronger?",
    "Who said the peace plan was comprehensive?",
    "What happened at the Ukraine talks in Miami?",
    "Who said the budget was pure fantasy in the Riverside Gazette?",
    "What did Elena Voss say?",
    "What did Angela Merkel say about the talks?",
    "Which secretary of state said the meeting had been useful?",
    "Who said the meeting had been productive?",
    "What did Rustem Umerovv say about the meeting?",
]


def test_both_stores_give_the_same_answers(writer, searcher) -> None:
    build_index(writer)
    in_milvus = open_searcher(writer)
    for question in QUESTIONS:
        files, served = answer(question, searcher), answer(question, in_milvus)
        assert (served.match, served.found) == (files.match, files.found), question
        assert [(h.speaker, h.quote.text, h.article.path) for h in served.quotes] == [
            (h.speaker, h.quote.text, h.article.path) for h in files.quotes
        ], question
        assert [h.passage.text for h in served.passages] == [h.passage.text for h in files.passages], question


@pytest.fixture
def milvus_server(tmp_path: Path):
    """Milvus's gRPC API served on 127.0.0.1 by Milvus Lite's own server, as a Milvus server
    elsewhere would serve the machines that index into it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "milvus_lite", "server", "--data-dir", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while socket.socket().connect_ex(("127.0.0.1", port)) != 0:
        assert server.poll() is None and time.monotonic() < deadline, "the Milvus Lite server did not start"
        time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(10)


def test_two_machines_index_into_one_milvus_server_and_a_bot_answers_from_both(settings, corpus: Path, milvus_server: str, tmp_path: Path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "budget.txt").write_text("Budget row\n\n\u201cThe numbers simply do not add up,\u201d said Mina Okafor.\n", encoding="utf-8")
    env = {**os.environ, "WHOSAID_MILVUS_URI": milvus_server, "HF_HUB_OFFLINE": "1"}
    writers = [  # at the same time, as two machines would, each its own folder
        subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "index", "--articles", str(folder), "--index", str(tmp_path / f"index-{n}")],
            env={**env, "WHOSAID_MILVUS_SHARD": f"machine-{n}"},
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n, folder in enumerate((corpus, other))
    ]
    for w in writers:
        _, err = w.communicate(timeout=240)
        assert w.returncode == 0, err[-2000:]
    asked = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ask", "Who said the numbers simply do not add up?"],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert "Mina Okafor said" in asked.stdout, asked.stdout + asked.stderr[-2000:]
    bot = open_searcher(settings.model_copy(update={"milvus_uri": milvus_server}))
    assert answer(WORK, bot).quotes[0].speaker == "Marco Rubio"
