"""The index on disk: loaded back without re-embedding, incremental, and never left broken."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from embeddings.index import IndexLoadError, no_keys
from embeddings.pipeline import NothingLoaded, build_index
from embeddings.store import CURRENT, FORMAT_VERSION, current_generation, load
from embeddings.store.jsonl import save_jsonl
from tests.conftest import ARTICLES


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    dst = tmp_path / "articles"
    shutil.copytree(ARTICLES, dst)
    return dst


def test_round_trip_without_reembedding(built, settings) -> None:
    index, _ = built
    again = load(settings.index_dir, settings.model)
    assert list(again.quotes) == list(index.quotes) and list(again.passages) == list(index.passages)
    assert dict(again.articles.items()) == dict(index.articles.items()) and dict(again.hashes) == dict(index.hashes)
    assert (again.quote_vectors == index.quote_vectors).all() and again.stamps == index.stamps
    speakers = [[(s.name, s.words, s.aliases, s.roles, s.quote_ids) for s in d.speakers + d.groups] for d in (again.people, index.people)]
    assert speakers[0] == speakers[1] and again.people.lookup("Rubio").speakers
    for kind in ("passages", "quotes"):  # the saved BM25 index finds what the one just built finds
        query = index.quotes[0].text
        assert getattr(again, f"{kind[:-1]}_lexical").search(query, 5) == getattr(index, f"{kind[:-1]}_lexical").search(query, 5)


def test_incremental_add_edit_delete(corpus: Path, tmp_path: Path, settings) -> None:
    s = settings.model_copy(update={"articles_dir": corpus, "index_dir": tmp_path / "ix"})
    first, report = build_index(s)
    assert len(report.added) == 6 and report.embedded > 0
    _, report = build_index(s, previous=first)
    assert report.embedded == 0 and report.unchanged == 6
    (corpus / "front-matter.md").write_text(
        (corpus / "front-matter.md").read_text().replace("pure fantasy", "a fairy tale"), encoding="utf-8"
    )
    (corpus / "sub" / "storm.html").unlink()
    (corpus / "copy.txt").write_text((corpus / "rubio-umerov-miami-talks.txt").read_text(), encoding="utf-8")
    third, report = build_index(s)
    assert report.updated == ["front-matter.md"] and report.removed == ["sub/storm.html"]
    # of the edited article, only the texts that changed are embedded again
    edited = [a.id for a in third.articles.values() if a.path == "front-matter.md"]
    rows = sum(p.article_id in edited for p in third.passages) + sum(third.quotes[o].article_id in edited for o in third.quote_owner)
    assert 0 < report.embedded < rows
    assert report.duplicates == [("copy.txt", "rubio-umerov-miami-talks.txt")]  # the indexed one is kept
    assert report.added == [] and report.unchanged == 4
    texts = [q.text for q in third.quotes]
    assert any("a fairy tale" in t for t in texts) and not any("pure fantasy" in t for t in texts)
    assert not any("waves like these" in t for t in texts)
    assert len(third.quote_vectors) == len(third.quote_owner)


def test_all_files_failing_keeps_the_index(corpus: Path, tmp_path: Path, settings) -> None:
    s = settings.model_copy(update={"articles_dir": corpus, "index_dir": tmp_path / "ix"})
    build_index(s)
    before = current_generation(s.index_dir)
    shutil.rmtree(corpus)
    corpus.mkdir()
    (corpus / "broken.json").write_text("{", encoding="utf-8")
    with pytest.raises(NothingLoaded, match=r"broken\.json"):
        build_index(s)
    assert current_generation(s.index_dir) == before
    build_index(s, allow_empty=True)
    assert load(s.index_dir).articles == {}


def test_interrupted_writes_never_load(built, settings, tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    shutil.copytree(settings.index_dir, ix)
    gen = current_generation(ix)
    # a build that died before its manifest was written, and one that died before the rename
    partial = ix / "gen-99999999-999999-000000001"
    shutil.copytree(gen, partial)
    (partial / "manifest.json").unlink()
    shutil.copytree(gen, ix / ".tmp-gen-99999999-999999-000000002")
    assert current_generation(ix) == gen
    (ix / CURRENT).unlink()  # even with the pointer lost, the newest complete generation serves
    assert current_generation(ix) == gen
    assert len(load(ix).quotes) == len(built[0].quotes)


def test_missing_and_mismatched_index(tmp_path: Path, settings) -> None:
    with pytest.raises(IndexLoadError, match="whosaid index"):
        load(tmp_path / "nothing")
    with pytest.raises(IndexLoadError, match="other-model"):
        load(settings.index_dir, "other-model")


def test_an_index_from_another_extractor_version_is_rebuilt(corpus: Path, tmp_path: Path, settings) -> None:
    s = settings.model_copy(update={"articles_dir": corpus, "index_dir": tmp_path / "ix"})
    first, _ = build_index(s)
    first.extractor = 0  # as if built by an older release of the quote extractor
    again, report = build_index(s, previous=first)
    assert report.unchanged == 0 and len(report.added) == 6
    # every article is read again, but a text the same model embedded keeps its vector
    assert report.embedded == 0 and (again.quote_vectors == first.quote_vectors).all()
    # a generation written before the text digests still lends its passages' vectors
    first.passage_keys = first.quote_keys = no_keys()
    _, report = build_index(s, previous=first)
    assert 0 < report.embedded <= len(first.quote_owner)


def test_an_index_of_the_previous_format_opens_and_lends_its_vectors(corpus: Path, tmp_path: Path, settings) -> None:
    s = settings.model_copy(update={"articles_dir": corpus, "index_dir": tmp_path / "ix"})
    first, _ = build_index(s)
    old = tmp_path / "old"
    save_jsonl(first, old)
    opened = load(old, s.model)
    assert list(opened.quotes) == list(first.quotes) and opened.passage_lexical.search("Rubio", 3)
    again, report = build_index(s.model_copy(update={"index_dir": old}))
    assert report.embedded == 0 and list(again.quotes) == list(first.quotes)
    assert json.loads((current_generation(old) / "manifest.json").read_text())["format"] == FORMAT_VERSION
