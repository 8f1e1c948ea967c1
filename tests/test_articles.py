"""Every article format, and every kind of bad file skipped with its name and reason."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from embeddings.articles import load_articles, parse_text
from tests.conftest import ARTICLES


def test_loads_every_format_from_nested_folders() -> None:
    result = load_articles(ARTICLES)
    by_title = {a.title: a for a in result.articles}
    assert result.skipped == []
    seed = next(a for a in result.articles if a.path == "rubio-umerov-miami-talks.txt")
    assert seed.date == "2025-11-30" and seed.title.startswith("Secretary of State says")
    md = by_title["Council approves new tram line"]
    assert (md.date, md.source, md.url) == ("2024-03-05", "Riverside Gazette", "https://example.org/tram")
    assert md.paragraphs[0].startswith("The city council voted")
    html = by_title["Storm closes harbour"]
    assert html.source == "Coastal Herald" and html.date == "2023-11-02"
    assert any("harbour master Jonas Pike" in p for p in html.paragraphs)
    assert not any("Home | News" in p for p in html.paragraphs), "navigation is not article text"
    js = by_title["Chipmaker posts record profit"]
    assert (js.date, js.source, js.url) == ("2022-07-21", "news.example", "https://news.example/lumina")
    assert len(js.paragraphs) == 3
    assert by_title["Bridge repairs delayed"].source == "Daily Planet"
    assert by_title["Museum reopens"].path.endswith("planet.jsonl#1")


def test_ids_are_stable_and_paragraphs_numbered() -> None:
    a = load_articles(ARTICLES).articles
    b = load_articles(ARTICLES).articles
    assert [x.id for x in a] == [x.id for x in b]
    art = a[0]
    for n, start in enumerate(art.paragraph_starts, 1):
        assert art.text[start : start + len(art.paragraphs[n - 1])] == art.paragraphs[n - 1]
        assert art.paragraph_at(start) == n


def test_one_paragraph_per_line_is_read_as_paragraphs() -> None:
    """Many news files put each paragraph on its own line; a citation must point at that line, not
    at a block of twelve. Text hard-wrapped at 72 columns stays one paragraph."""
    line = "Rep. Gwen Moore said Friday that the remarks were a dog whistle to all Americans and would not be forgotten."
    art = parse_text(f"Headline\n{line}\n\u201cIf indeed Barack Obama is not legitimate, how can you feel good\n{line}", "lines.txt")
    assert len(art.paragraphs) == 3 and art.paragraphs[1].startswith("\u201cIf indeed")
    assert art.paragraph_at(art.text.index("If indeed")) == 2
    wrapped = "The council voted on Tuesday to approve the new tram line after a long\ndebate that ran past midnight, the mayor said.\n\nSecond paragraph."
    assert parse_text(f"Headline\n\n{wrapped}", "wrapped.txt").paragraphs == (wrapped.split("\n\n")[0], "Second paragraph.")
    listed = parse_text("Headline\n\n~ Two punters died in a car wreck.\n~ The New Yorker looks at Guantanamo.", "list.txt")
    assert len(listed.paragraphs) == 2


def test_an_undated_article_takes_the_date_in_its_file_name(tmp_path: Path) -> None:
    """Archives name their files by date ("2016-09-21-debate.md", "wash-post_2016-09-21_slug.txt");
    a citation then says when, and date filters find the article. A date the article gives wins,
    and a name with no real date gives none."""
    (tmp_path / "wash-post_2016-09-21_mixed-messages.txt").write_text("Mixed messages\n\nA paragraph.", encoding="utf-8")
    (tmp_path / "2016-09-21-dated.md").write_text("---\ntitle: Dated\ndate: 2015-01-02\n---\n\nA paragraph.", encoding="utf-8")
    (tmp_path / "report-2016-13-45.txt").write_text("Not a day\n\nA paragraph.", encoding="utf-8")
    (tmp_path / "id-12016-09-211.txt").write_text("A number\n\nA paragraph.", encoding="utf-8")
    dates = {a.title: a.date for a in load_articles(tmp_path).articles}
    assert dates == {"Mixed messages": "2016-09-21", "Dated": "2015-01-02", "Not a day": None, "A number": None}


BAD_FILES = {
    "empty.txt": (b"", "empty"),
    "blank.md": (b"\n\n   \n", "empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
    "broken.json": (b'{"title": "x", "text": ', "malformed JSON"),
    "nolist.json": (b"[1, 2, 3]", "not an object"),
    "notext.json": (json.dumps({"title": "No body"}).encode(), "no 'text'"),
    "bad.jsonl": (b'{"title": "ok", "text": "fine text"}\n{oops\n', "line 2"),
    "frontmatter.md": (b"---\ntitle: [unclosed\n---\n\nBody text here.", "YAML"),
    "openfront.md": (b"---\ntitle: x\n\nBody text but the front matter never closes.", "never closed"),
    "headline-only.txt": (b"Just a headline\n", "no paragraphs"),
    "empty.html": (b"<html><body><nav>menu</nav></body></html>", "no article text"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_skipped_with_its_name_and_reason(tmp_path: Path, name: str, caplog) -> None:
    caplog.set_level(logging.INFO)  # (the build's summary reports skipped files; the log says it at INFO)
    data, reason = BAD_FILES[name]
    (tmp_path / "good.txt").write_text("Good headline\n\nA fine paragraph.", encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    result = load_articles(tmp_path)
    assert [a.title for a in result.articles] == ["Good headline"]
    assert len(result.skipped) == 1 and result.skipped[0].path == name
    assert reason.lower() in result.skipped[0].reason.lower()
    assert name in caplog.text
    assert result.files == 2


def test_a_latin1_file_is_decoded_and_said_so(tmp_path: Path, caplog) -> None:
    (tmp_path / "latin1.txt").write_bytes("Caf\u00e9 news\n\nIl a dit \u00abbonjour\u00bb au caf\u00e9 de la gare.".encode("latin-1"))
    (article,) = load_articles(tmp_path).articles
    assert article.title == "Caf\u00e9 news" and "\u00abbonjour\u00bb" in article.paragraphs[0]
    assert "latin1.txt is not UTF-8: read as" in caplog.text


def test_oversized_and_too_many(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("Big\n\n" + "word " * 1000, encoding="utf-8")
    (tmp_path / "a.txt").write_text("A\n\nfirst", encoding="utf-8")
    (tmp_path / "b.txt").write_text("B\n\nsecond", encoding="utf-8")
    result = load_articles(tmp_path, max_bytes=1000)
    assert {s.path: s.reason for s in result.skipped}["big.txt"].startswith("too large")
    result = load_articles(tmp_path, max_articles=1)
    assert len(result.articles) == 1 and len(result.skipped) == 2


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_articles(tmp_path / "nope")
