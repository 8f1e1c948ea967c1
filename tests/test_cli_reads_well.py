"""The CLI as a new user meets it: citations where markers are, plain text, folders, dates that
exist, -v anywhere, a version, plurals, and a build that says what it did, once."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.answer import answer
from bot.cli import cli
from embeddings.search import Where
from tests.conftest import ARTICLES
from tests.test_cli import whosaid

QUESTION = "Who said there is still a lot of work to be done?"


@pytest.fixture(scope="module")
def index_dir(built, settings) -> Path:
    return settings.index_dir


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


def test_quotes_prints_the_citations_its_markers_point_at(index_dir: Path) -> None:
    out = run("quotes", "--speaker", "Rubio", "--index", str(index_dir), "--limit", "3").output
    lines = out.splitlines()
    markers = [line for line in lines if line.startswith("[")]
    assert len(markers) == 3 and all("paragraph" in line for line in markers), out
    assert "Marco Rubio" in lines[0] and lines[0].endswith("[1]")


def test_batch_answers_are_plain_text(index_dir: Path) -> None:
    out = run("ask", "-", "--index", str(index_dir), stdin=f"{QUESTION}\nWhat did Umerov say about the meeting?\n").output
    assert "Marco Rubio said: \u201c" in out and "Rustem Umerov" in out
    assert "\\u201c" not in out and not out.lstrip().startswith('"'), "no JSON escapes outside --json"


def test_extract_takes_a_folder() -> None:
    rows = [json.loads(line) for line in run("extract", str(ARTICLES), "--json").output.splitlines()]
    assert {Path(r["article"]).name for r in rows} >= {"rubio-umerov-miami-talks.txt", "front-matter.md"}


@pytest.mark.parametrize("day", ["2025-02-30", "2025-13-01"], ids=["feb-30", "month-13"])
def test_an_impossible_date_is_refused(index_dir: Path, day: str) -> None:
    result = run("ask", QUESTION, "--since", day, "--index", str(index_dir))
    assert result.exit_code == 2 and "no day of the calendar" in result.output


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.output.startswith("whosaid, version ")


def test_help_texts_give_an_example() -> None:
    for command in ("ask", "quotes", "index", "extract", "rules", "run"):
        assert "Example:" in run(command, "--help").output, command


def test_verbose_after_the_command_and_no_faiss_loader_noise(index_dir: Path) -> None:
    r = whosaid("ask", QUESTION, "--index", str(index_dir), "-v")
    assert r.returncode == 0 and "Marco Rubio" in r.stdout, r.stderr
    assert "INFO" in r.stderr and "swigfaiss" not in r.stderr and "faiss.loader" not in r.stderr


def test_a_filter_that_leaves_out_everything_says_so(searcher) -> None:
    a = answer("What did Umerov say?", searcher, where=Where(source="no such outlet"))
    assert not a.found and a.text.startswith(f"The filter leaves out all {len(searcher.index.articles)} articles")
    assert "other outlets" in a.text or "no outlet" in a.text


def test_a_date_in_the_question_is_a_filter(searcher) -> None:
    assert answer("What did Umerov say in November 2025?", searcher).found
    early = answer("What did Umerov say in January 2020?", searcher)
    assert not early.found and "in January" not in early.text and "dated outside the range" in early.text


def test_a_build_says_what_it_did_once_and_whole(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(ARTICLES / "rubio-umerov-miami-talks.txt", articles)
    (articles / "broken.json").write_text('{"title": "A", "text": "unterminated', encoding="utf-8")
    (articles / "latin.txt").write_bytes(
        "Caf\xe9 owners meet\n\n\u201cThe caf\xe9 will stay open,\u201d said owner Jos\xe9 Ruiz.\n".encode("cp1252")
    )
    r = whosaid("index", "--articles", str(articles), "--index", str(tmp_path / "index"))
    assert r.returncode == 0, r.stderr
    both = r.stdout + r.stderr
    assert both.count("broken.json") == 1 and "Unterminated string starting at: line 1 column" in both
    assert "latin.txt is not UTF-8: read as" in r.stderr
    assert "parsing: 2 of 2 articles in" in r.stderr and "embedding: " in r.stderr and "texts/s)" in r.stderr, "a line per stage, piped"
    assert r.stdout.startswith("2 articles,") and "added rubio-umerov-miami-talks.txt" in r.stdout and "added latin.txt" in r.stdout


def test_plurals_are_right_and_an_empty_folder_warns(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    one = tmp_path / "one"
    one.mkdir()
    (one / "a.txt").write_text("Headline\n\nShort text.\n", encoding="utf-8")
    out = run("index", "--articles", str(one), "--index", str(tmp_path / "index1")).output
    assert "\n1 article, 1 passage, 0 quotes" in out and "embedded 1 text in" in out and "parsing: 1 of 1 article in" in out, out
    (tmp_path / "empty").mkdir()
    run("index", "--articles", str(tmp_path / "empty"), "--index", str(tmp_path / "index2"))
    assert any("holds no article files" in r.getMessage() for r in caplog.records)
