"""A new user's first start: the example settings work as written, and an empty index says so."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from bot.answer import NOTHING_LOADED, answer
from bot.discord_app import create_bot
from bot.settings import BotSettings

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def example_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BotSettings:
    """`cp .env.example .env` in a fresh folder, with a token filled in."""
    monkeypatch.chdir(tmp_path)
    for key in ("WHOSAID_ARTICLES_DIR", "WHOSAID_INDEX_DIR", "DISCORD_TOKEN"):
        monkeypatch.delenv(key, raising=False)
    env = (ROOT / ".env.example").read_text(encoding="utf-8").replace("DISCORD_TOKEN=\n", "DISCORD_TOKEN=a-token\n")
    (tmp_path / ".env").write_text(env, encoding="utf-8")
    return BotSettings()


def test_the_example_settings_start_with_no_articles_folder(example_settings: BotSettings, tmp_path: Path) -> None:
    assert not (tmp_path / "articles").exists()
    bot = create_bot(example_settings)
    searcher = bot.live.open()  # what setup_hook does first
    assert (tmp_path / "articles").is_dir(), "the missing articles folder is made"
    assert searcher.index.articles == {}
    reply = asyncio.run(bot.answer("Who said the talks were productive?"))
    assert not reply.found and reply.text.startswith(NOTHING_LOADED) and "articles" in reply.text and "/reload" in reply.text


def test_an_empty_index_says_nothing_is_loaded_not_that_the_articles_are_silent(example_settings: BotSettings, tmp_path: Path) -> None:
    bot = create_bot(example_settings)
    searcher = bot.live.open()
    assert answer("What did Rubio say about Russia?", searcher).text == NOTHING_LOADED
    shutil.copy(ROOT / "sample" / "rubio-umerov-miami-talks.txt", tmp_path / "articles")
    bot.live.reload()
    assert answer("What did Rubio say about Russia?", bot.live.searcher).text != NOTHING_LOADED
