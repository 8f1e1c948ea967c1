"""The SQLite store: a process serves the generation it opened, whatever other processes write,
and reads vector rows from disk exactly as they were saved."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from bot.answer import answer
from embeddings.pipeline import build_index, open_searcher
from embeddings.store import current_generation, load
from embeddings.store.rows import RowFile
from tests.conftest import ARTICLES


def test_an_opened_generation_keeps_answering_after_another_build_replaces_it(tmp_path: Path, settings) -> None:
    corpus = tmp_path / "articles"
    shutil.copytree(ARTICLES, corpus)
    s = settings.model_copy(update={"articles_dir": corpus, "index_dir": tmp_path / "ix"})
    build_index(s)
    first = current_generation(s.index_dir)
    serving = open_searcher(s)  # a second bot, say, opened before the first one reloads
    (corpus / "rubio-umerov-miami-talks.txt").unlink()
    build_index(s)
    assert not first.exists()  # the old generation's files are gone from the directory
    got = answer("Who said there is still a lot of work to be done?", serving)
    assert got.found and got.quotes[0].speaker == "Marco Rubio"
    assert "still a lot of work" in got.quotes[0].quote.text
    fresh = answer("Who said there is still a lot of work to be done?", open_searcher(s))
    assert not any("Rubio" in (h.speaker or "") for h in fresh.quotes)


@pytest.mark.parametrize(
    "ids", [[5], [3, 4, 5], [900, 2, 2, -1, 17, 16], list(range(0, 1000, 3))], ids=["one", "a-run", "any-order", "many"]
)
def test_rows_read_from_disk_are_the_saved_rows(tmp_path: Path, ids: list[int]) -> None:
    saved = np.random.default_rng(0).random((1000, 8), dtype=np.float32)
    np.save(tmp_path / "v.npy", saved)
    rows = RowFile(tmp_path / "v.npy")
    assert (rows[np.array(ids)] == saved[ids]).all()
    assert (rows[10:20] == saved[10:20]).all() and (np.asarray(rows) == saved).all() and len(rows) == 1000


def test_an_index_folder_named_with_uri_characters_opens(tmp_path: Path, built, settings) -> None:
    odd = tmp_path / "news?draft #2 100%"
    shutil.copytree(settings.index_dir, odd)
    assert [q.text for q in load(odd).quotes] == [q.text for q in built[0].quotes]
