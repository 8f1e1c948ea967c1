"""The command-line contract external scripts rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ARTICLES

QUOTE_KEYS = {"speaker", "quote", "cue", "kind", "paragraph", "score", "article"}
ARTICLE_KEYS = {"id", "title", "date", "source", "url", "path"}


def whosaid(*args: str, stdin: str | None = None, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]), **(env or {})},
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def index_dir(built, settings) -> Path:
    return settings.index_dir


def test_ask_json_contract(index_dir: Path) -> None:
    r = whosaid("ask", "Who said there is still a lot of work to be done?", "--index", str(index_dir), "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert set(data) >= {"question", "answer", "found", "quotes", "passages"}
    assert data["found"] is True
    q = data["quotes"][0]
    assert set(q) >= QUOTE_KEYS and set(q["article"]) == ARTICLE_KEYS
    assert q["speaker"] == "Marco Rubio" and q["kind"] == "direct"
    assert "Traceback" not in r.stderr


def test_ask_stdin_jsonl_loads_once(index_dir: Path) -> None:
    questions = "Who said there is still a lot of work to be done?\nWhat did Umerov say about the meeting?\nWho said the moon is cheese?\n"
    r = whosaid("ask", "-", "--index", str(index_dir), "--json", stdin=questions)
    assert r.returncode == 0, r.stderr
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["found"] for x in lines] == [True, True, False]
    assert lines[1]["quotes"][0]["speaker"] == "Rustem Umerov"


def test_quotes_by_speaker_name_and_title_agree(index_dir: Path) -> None:
    by_name = json.loads(whosaid("quotes", "--speaker", "Rubio", "--index", str(index_dir), "--json").stdout)
    by_title = json.loads(whosaid("quotes", "--speaker", "the secretary of state", "--index", str(index_dir), "--json").stdout)
    assert by_name and {q["speaker"] for q in by_name} == {"Marco Rubio"}
    assert [q["quote"] for q in by_name] == [q["quote"] for q in by_title]
    assert set(by_name[0]) >= QUOTE_KEYS


def test_extract_json_lines() -> None:
    r = whosaid("extract", str(ARTICLES / "rubio-umerov-miami-talks.txt"), "--json")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert rows and all({"article", "quote", "speaker", "mention", "cue", "kind", "paragraph"} <= set(x) for x in rows)
    assert {"Marco Rubio", "Rustem Umerov"} <= {x["speaker"] for x in rows}


def test_user_mistakes_are_one_line_errors(tmp_path: Path) -> None:
    r = whosaid("ask", "Who said anything?", "--index", str(tmp_path / "none"))
    assert r.returncode != 0 and "whosaid index" in r.stderr and "Traceback" not in r.stderr
    r = whosaid("index", "--articles", str(tmp_path / "missing"), "--index", str(tmp_path / "ix"))
    assert r.returncode != 0 and "does not exist" in r.stderr and "Traceback" not in r.stderr
    r = whosaid("extract", str(tmp_path / "nofile.txt"), "--json")
    assert r.returncode != 0 and "Traceback" not in r.stderr


def test_model_mismatch_is_a_clear_message(index_dir: Path) -> None:
    r = whosaid("ask", "Who said anything?", "--index", str(index_dir), env={"WHOSAID_MODEL": "some-other-model"})
    assert r.returncode != 0
    assert "all-MiniLM-L6-v2" in r.stderr and "some-other-model" in r.stderr and "Traceback" not in r.stderr


def test_index_then_plain_ask_uses_settings(tmp_path: Path) -> None:
    env = {"WHOSAID_ARTICLES_DIR": str(ARTICLES), "WHOSAID_INDEX_DIR": str(tmp_path / "ix")}
    r = whosaid("index", cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    assert "added 6" in r.stdout and "skipped 0" in r.stdout
    r = whosaid("index", cwd=tmp_path, env=env)
    assert "unchanged 6" in r.stdout and "embedded 0 texts" in r.stdout
    r = whosaid("ask", "Who said the budget was pure fantasy?", cwd=tmp_path, env=env)
    assert r.returncode == 0 and "Tom Hale" in r.stdout and "Riverside Gazette" in r.stdout


def test_run_without_a_token_is_one_clear_line(tmp_path: Path) -> None:
    r = whosaid("run", cwd=tmp_path, env={"DISCORD_TOKEN": ""})
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0 and "DISCORD_TOKEN" in r.stderr and "Traceback" not in r.stderr


def test_quotes_filtered_by_source_and_date(index_dir: Path) -> None:
    every = json.loads(whosaid("quotes", "--index", str(index_dir), "--json", "--limit", "100").stdout)
    planet = json.loads(whosaid("quotes", "--source", "planet", "--index", str(index_dir), "--json", "--limit", "100").stdout)
    assert planet and {q["article"]["source"] for q in planet} == {"Daily Planet"} and len(planet) < len(every)
    june = json.loads(whosaid("quotes", "--since", "2021-06-01", "--until", "2021-06-30", "--index", str(index_dir), "--json").stdout)
    assert june and all("2021-06-01" <= q["article"]["date"] <= "2021-06-30" for q in june)
    r = whosaid("ask", "Who said the delay was regrettable?", "--since", "June", "--index", str(index_dir))
    assert r.returncode != 0 and "YYYY-MM-DD" in r.stderr and "Traceback" not in r.stderr
