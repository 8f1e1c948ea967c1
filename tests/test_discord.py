"""The real discord.py client against a fake Discord on 127.0.0.1 (REST + gateway websocket)."""

from __future__ import annotations

import asyncio
import shutil
import time
from pathlib import Path

import discord
import pytest
import pytest_asyncio
import yarl
from click.testing import CliRunner
from discord.gateway import DiscordWebSocket

from bot.cli import cli
from bot.discord_app import create_bot
from bot.settings import BotSettings
from embeddings.attribution.rule import rule_named
from tests.conftest import ARTICLES
from tests.fake_discord import ADMIN_ID, BOT_ID, GUILD_ID, MEMBER_ID, FakeDiscord
from tests.filler import write_filler

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest_asyncio.fixture(loop_scope="session", scope="module")
async def fake():
    server = FakeDiscord()
    await server.start()
    old_base, old_gateway = discord.http.Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = f"{server.base}/api/v10"
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(f"ws://127.0.0.1:{server.port}/gateway")
    yield server
    discord.http.Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = old_base, old_gateway
    await server.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    dst = tmp_path_factory.mktemp("bot") / "articles"
    shutil.copytree(ARTICLES, dst)
    return dst


@pytest_asyncio.fixture(loop_scope="session", scope="module")
async def bot(fake: FakeDiscord, corpus: Path, built, settings):
    index_dir = corpus.parent / "index"
    shutil.copytree(settings.index_dir, index_dir)
    bot_settings = BotSettings(
        _env_file=None, articles_dir=corpus, index_dir=index_dir, guild_id=GUILD_ID, cooldown_seconds=0, discord_token=fake.token
    )
    client = create_bot(bot_settings, guild_ready_timeout=0.2)
    started = time.perf_counter()
    task = asyncio.create_task(client.start(fake.token))
    await asyncio.wait_for(client.wait_until_ready(), 120)
    client.ready_seconds = time.perf_counter() - started
    yield client
    await client.close()
    await asyncio.wait_for(task, 30)
    assert client.errors == [], f"errors inside commands: {client.errors!r}"


async def run_command(fake: FakeDiscord, payload: dict) -> list:
    """Send an INTERACTION_CREATE and collect what the bot sends until its final message."""
    await fake.dispatch("INTERACTION_CREATE", payload)
    first = await fake.next_sent()
    out = [first]
    if first.kind == "callback" and first.body["type"] == 5:  # deferred: a followup follows
        out.append(await fake.next_sent("followup"))
    return out


def _buttons(sent) -> dict[str, dict]:
    """A message's buttons by label (or emoji)."""
    return {c.get("label") or c["emoji"]["name"]: c for row in sent.body["components"] for c in row["components"]}


def embed_text(sent) -> str:
    body = sent.body.get("data", sent.body)
    return "\n".join((e.get("title") or "") + "\n" + (e.get("description") or "") for e in body.get("embeds") or []) + (
        body.get("content") or ""
    )


async def test_login_ready_and_sync(bot, fake: FakeDiscord) -> None:
    assert ("GET", "/users/@me") in fake.log and ("GET", "/oauth2/applications/@me") in fake.log
    assert ("PUT", f"/applications/{BOT_ID}/guilds/{GUILD_ID}/commands") in fake.log
    names = {c["name"]: c for c in fake.synced}
    assert {"ask", "quotes", "articles", "reload", "Who said this?"} <= set(names)
    assert str(names["reload"]["default_member_permissions"]) == str(discord.Permissions(manage_guild=True).value)
    assert bot.user.id == BOT_ID and bot.get_guild(GUILD_ID) is not None


async def test_ask_defers_then_answers_with_a_citation(bot, fake: FakeDiscord) -> None:
    started = time.perf_counter()
    callback, followup = await run_command(
        fake, fake.interaction("ask", [{"name": "question", "type": 3, "value": "Who said there is still a lot of work to be done?"}])
    )
    bot.ask_seconds = time.perf_counter() - started
    assert callback.kind == "callback" and callback.body["type"] == 5  # "thinking…"
    text = embed_text(followup)
    assert "Marco Rubio" in text and "there is still a lot of work to be done" in text
    assert "paragraph 5" in text and "Secretary of State says" in text and "2025-11-30" in text
    assert followup.body["allowed_mentions"]["parse"] == []


async def test_not_found_is_said(bot, fake: FakeDiscord) -> None:
    _, followup = await run_command(
        fake, fake.interaction("ask", [{"name": "question", "type": 3, "value": "Who said the moon is cheese?"}])
    )
    assert "don't say" in embed_text(followup)


async def test_quotes_with_autocomplete(bot, fake: FakeDiscord) -> None:
    payload = fake.interaction("quotes", [{"name": "speaker", "type": 3, "value": "rub", "focused": True}], kind=4)
    (callback,) = await run_command(fake, payload)
    assert callback.body["type"] == 8
    assert "Marco Rubio" in [c["value"] for c in callback.body["data"]["choices"]]
    _, followup = await run_command(fake, fake.interaction("quotes", [{"name": "speaker", "type": 3, "value": "Marco Rubio"}]))
    text = embed_text(followup)
    assert "Quotes from Marco Rubio" in text and "lot of work to be done" in text


async def test_articles_lists_what_is_loaded(bot, fake: FakeDiscord) -> None:
    _, followup = await run_command(fake, fake.interaction("articles"))
    text = embed_text(followup)
    assert "6 articles loaded" in text and "Chipmaker posts record profit" in text


async def test_reload_refused_for_members_accepted_for_admins(bot, fake: FakeDiscord, corpus: Path) -> None:
    (refusal,) = await run_command(fake, fake.interaction("reload", uid=MEMBER_ID))
    assert refusal.body["type"] == 4 and refusal.body["data"]["flags"] & 64  # ephemeral
    assert "admin" in refusal.body["data"]["content"]

    (corpus / "ping.txt").write_text(
        "date 2026-01-05 Town hall row over parking\n\n"
        "\u201cThe parking charges are daylight robbery and @everyone knows it, <@123>,\u201d said councillor Nora Quill.\n",
        encoding="utf-8",
    )
    _, followup = await run_command(fake, fake.interaction("reload", uid=ADMIN_ID))
    text = embed_text(followup)
    assert "Added 1" in text and "ping.txt" in text

    _, answer = await run_command(
        fake, fake.interaction("ask", [{"name": "question", "type": 3, "value": "Who said the parking charges are daylight robbery?"}])
    )
    text = embed_text(answer)
    assert "Nora Quill" in text and "@everyone" in text
    assert answer.body["allowed_mentions"] == {"parse": []} or answer.body["allowed_mentions"]["parse"] == []


async def test_second_reload_is_refused_while_one_runs(bot, fake: FakeDiscord) -> None:
    bot.live._reload.acquire()
    try:
        (refusal,) = await run_command(fake, fake.interaction("reload", uid=ADMIN_ID))
    finally:
        bot.live._reload.release()
    assert refusal.body["data"]["flags"] & 64 and "already running" in refusal.body["data"]["content"]


async def test_mention_is_answered_as_a_reply(bot, fake: FakeDiscord) -> None:
    message = fake.user_message(f"<@{BOT_ID}> who said there is still a lot of work to be done?")
    await fake.dispatch("MESSAGE_CREATE", message)
    reply = await fake.next_sent("channel")
    assert str(reply.body["message_reference"]["message_id"]) == message["id"]
    assert "Marco Rubio" in embed_text(reply)
    assert reply.body["allowed_mentions"]["parse"] == [] and reply.body["allowed_mentions"].get("replied_user") is False


async def test_context_menu_who_said_this(bot, fake: FakeDiscord) -> None:
    target = fake.user_message("our goal is a prosperous, strong Ukraine", mention_bot=False)
    payload = fake.interaction("Who said this?", command_type=3, target=target)
    _, followup = await run_command(fake, payload)
    assert "Rustem Umerov" in embed_text(followup)


async def test_context_menu_on_a_message_without_text_answers_only_who_asked(bot, fake: FakeDiscord) -> None:
    target = fake.user_message("", mention_bot=False)
    (reply,) = await run_command(fake, fake.interaction("Who said this?", command_type=3, target=target))
    assert reply.body["type"] == 4 and reply.body["data"]["flags"] & 64
    assert "no text to look for" in reply.body["data"]["content"]


async def test_reconnect_resumes_and_keeps_answering(bot, fake: FakeDiscord) -> None:
    identifies = fake.identifies
    await fake.reconnect()
    await asyncio.wait_for(fake.connected.wait(), 30)
    assert fake.resumes >= 1 and fake.identifies == identifies
    _, followup = await run_command(
        fake, fake.interaction("ask", [{"name": "question", "type": 3, "value": "What did Umerov say about the meeting?"}])
    )
    assert "productive and successful" in embed_text(followup)


async def test_long_answer_is_split_into_pages(bot, fake: FakeDiscord, corpus: Path) -> None:
    long_quote = " ".join(f"Sentence number {i} of the very long statement about harbour dredging plans." for i in range(120))
    (corpus / "long.txt").write_text(
        f"date 2026-02-01 Harbour plan statement\n\n\u201c{long_quote}\u201d said harbour master Ivo Brand.\n", encoding="utf-8"
    )
    await run_command(fake, fake.interaction("reload", uid=ADMIN_ID))
    _, followup = await run_command(
        fake, fake.interaction("ask", [{"name": "question", "type": 3, "value": "Who said harbour dredging plans statement?"}])
    )
    embeds = followup.body["embeds"]
    assert len(embeds) == 1 and len(embeds[0]["description"]) <= 4096
    assert followup.body.get("components"), "more pages come with buttons"
    assert "page 1 of" in embeds[0]["footer"]["text"]


async def test_timings_for_the_note(bot) -> None:
    print(f"\nstart to READY: {bot.ready_seconds:.2f}s; /ask to followup: {getattr(bot, 'ask_seconds', float('nan')):.2f}s")


async def test_rejected_token_fails_login(fake: FakeDiscord, settings) -> None:
    client = create_bot(BotSettings(_env_file=None, index_dir=settings.index_dir), guild_ready_timeout=0.2)
    with pytest.raises(discord.LoginFailure):
        await client.login("wrong-token")
    await client.close()


async def test_page_buttons_turn_pages(bot, fake: FakeDiscord) -> None:
    _, followup = await run_command(
        fake, fake.interaction("ask", [{"name": "question", "type": 3, "value": "Who said harbour dredging plans statement?"}])
    )
    buttons = _buttons(followup)
    message = followup.response
    payload = fake.interaction("", kind=3)
    payload["data"] = {"custom_id": buttons["Next"]["custom_id"], "component_type": 2}
    payload["message"] = message
    (update,) = await run_command(fake, payload)
    assert update.body["type"] == 7  # the message is edited in place
    assert "page 2 of" in update.body["data"]["embeds"][0]["footer"]["text"]


async def test_an_error_inside_a_command_gets_an_apology(bot, fake: FakeDiscord, monkeypatch) -> None:
    async def broken(question: str):
        raise RuntimeError("index exploded")

    monkeypatch.setattr(bot, "answer", broken)
    _, followup = await run_command(fake, fake.interaction("ask", [{"name": "question", "type": 3, "value": "Who said anything?"}]))
    assert "Sorry" in followup.body["content"] and followup.body["flags"] & 64
    assert "DELETE" in {m for m, path in fake.log if path.endswith("/messages/@original")}, "the public 'thinking…' goes first"
    assert len(bot.errors) == 1
    bot.errors.clear()
    monkeypatch.undo()
    _, followup = await run_command(fake, fake.interaction("ask", [{"name": "question", "type": 3, "value": "What did Umerov say?"}]))
    assert "Rustem Umerov" in embed_text(followup)  # and the bot keeps running


async def test_ask_filters_by_date_and_refuses_a_bad_date(bot, fake: FakeDiscord) -> None:
    question = {"name": "question", "type": 3, "value": "Who said there is still a lot of work to be done?"}
    _, followup = await run_command(fake, fake.interaction("ask", [question, {"name": "since", "type": 3, "value": "2025-01-01"}]))
    assert "Marco Rubio" in embed_text(followup)
    _, followup = await run_command(fake, fake.interaction("ask", [question, {"name": "until", "type": 3, "value": "2024-12-31"}]))
    assert "Marco Rubio" not in embed_text(followup) and "don't say" in embed_text(followup)
    (refusal,) = await run_command(fake, fake.interaction("ask", [question, {"name": "since", "type": 3, "value": "last week"}]))
    assert refusal.body["data"]["flags"] & 64 and "YYYY-MM-DD" in refusal.body["data"]["content"]
    names = {c["name"]: c for c in fake.synced}
    assert {"source", "since", "until"} <= {o["name"] for o in names["ask"]["options"]}


async def test_why_this_speaker_shows_the_deciding_rule_privately(bot, fake: FakeDiscord) -> None:
    question = {"name": "question", "type": 3, "value": "Who said there is still a lot of work to be done?"}
    _, followup = await run_command(fake, fake.interaction("ask", [question]))
    assert "Marco Rubio" in embed_text(followup)
    buttons = _buttons(followup)
    assert "Next" not in buttons, "a one-page answer has no page buttons"
    payload = fake.interaction("", kind=3, uid=ADMIN_ID)  # not the asker: anyone may ask why
    payload["data"] = {"custom_id": buttons["Why this speaker?"]["custom_id"], "component_type": 2}
    payload["message"] = followup.response
    (why,) = await run_command(fake, payload)
    assert why.body["type"] == 4 and why.body["data"]["flags"] & 64, "the reason is shown only to who pressed"
    text = embed_text(why)
    assert "[1] Marco Rubio" in text
    step = text.split("[1] Marco Rubio**\n", 1)[1].splitlines()[0]
    assert rule_named(step.split(":")[0].split(" ")[0]) is not None, f"{step!r} names no rule"
    assert "\u2192 Marco Rubio" in text, "the trace ends at the speaker shown"


def _add(fake: FakeDiscord, files: list[tuple[str, bytes]], uid: int = ADMIN_ID) -> dict:
    """An /add interaction with these files attached."""
    attached = [fake.attachment(name, data) for name, data in files]
    names = ["file", *(f"file{n}" for n in range(2, len(files) + 1))]
    payload = fake.interaction("add", [{"name": n, "type": 11, "value": a["id"]} for n, a in zip(names, attached, strict=True)], uid=uid)
    payload["data"]["resolved"] = {"attachments": {a["id"]: a for a in attached}}
    return payload


async def test_admins_add_articles_from_discord_and_bad_files_are_refused(bot, fake: FakeDiscord, corpus: Path) -> None:
    good = (
        "date 2026-03-02 Ferry link reopens\n\n\u201cThe ferry will run every hour from Monday,\u201d said harbour chief Edda Varga.\n"
    ).encode()
    (refusal,) = await run_command(fake, _add(fake, [("ferry.txt", good)], uid=MEMBER_ID))
    assert refusal.body["data"]["flags"] & 64 and "admin" in refusal.body["data"]["content"]
    files = [
        ("../../ferry.txt", good),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR"),
        ("huge.txt", b"Headline\n\n" + b"word " * (bot.settings.max_file_bytes // 5 + 1)),
        ("notes.exe", good),
    ]
    _, followup = await run_command(fake, _add(fake, files))
    text = embed_text(followup)
    assert "+ ferry.txt: \u201cFerry link reopens\u201d" in text
    assert (
        "photo.txt: skipped, binary file" in text
        and "huge.txt: skipped, too large" in text
        and "notes.exe: skipped, not an article" in text
    )
    assert (corpus / "ferry.txt").is_file() and not (corpus.parent.parent / "ferry.txt").exists(), "saved inside the folder only"
    assert not (corpus / "photo.txt").exists() and not (corpus / "huge.txt").exists()
    assert "Added 1" in text
    question = {"name": "question", "type": 3, "value": "Who said the ferry will run every hour?"}
    _, answer = await run_command(fake, fake.interaction("ask", [question]))
    assert "Edda Varga" in embed_text(answer)


async def test_admins_remove_an_article_picked_by_headline(bot, fake: FakeDiscord, corpus: Path) -> None:
    (corpus / "gone.txt").write_text(
        "date 2026-03-03 Lighthouse sale\n\n\u201cThe lighthouse is sold,\u201d said mayor Ola Brenn.\n", encoding="utf-8"
    )
    await run_command(fake, fake.interaction("reload", uid=ADMIN_ID))
    typed = fake.interaction("remove", [{"name": "article", "type": 3, "value": "lighthouse", "focused": True}], kind=4)
    (choices,) = await run_command(fake, typed)
    (choice,) = choices.body["data"]["choices"]
    assert choice["name"] == "Lighthouse sale"
    (refusal,) = await run_command(
        fake, fake.interaction("remove", [{"name": "article", "type": 3, "value": choice["value"]}], uid=MEMBER_ID)
    )
    assert refusal.body["data"]["flags"] & 64 and (corpus / "gone.txt").exists()
    _, followup = await run_command(
        fake, fake.interaction("remove", [{"name": "article", "type": 3, "value": choice["value"]}], uid=ADMIN_ID)
    )
    assert "removed gone.txt" in embed_text(followup) and "removed 1" in embed_text(followup).lower()
    assert not (corpus / "gone.txt").exists() and choice["value"] not in bot.live.searcher.index.articles


async def test_a_vote_down_is_kept_for_a_person_to_check(bot, fake: FakeDiscord) -> None:
    question = {"name": "question", "type": 3, "value": "What did Umerov say about the meeting?"}
    _, followup = await run_command(fake, fake.interaction("ask", [question]))
    buttons = _buttons(followup)
    payload = fake.interaction("", kind=3, uid=ADMIN_ID)
    payload["data"] = {"custom_id": buttons["\N{THUMBS DOWN SIGN}"]["custom_id"], "component_type": 2}
    payload["message"] = followup.response
    (thanks,) = await run_command(fake, payload)
    assert thanks.body["data"]["flags"] & 64 and "check" in thanks.body["data"]["content"]
    out = CliRunner().invoke(cli, ["feedback", "--index", str(bot.settings.index_dir)]).output
    assert "What did Umerov say about the meeting?" in out and "Rustem Umerov" in out and "why: resolve." in out
    stored = (bot.settings.index_dir / "feedback.sqlite").read_bytes()
    assert str(ADMIN_ID).encode() not in stored, "voters are kept as hashes, not ids"


async def test_no_vote_buttons_when_feedback_is_off(bot, fake: FakeDiscord, monkeypatch) -> None:
    monkeypatch.setattr(bot, "feedback", None)
    question = {"name": "question", "type": 3, "value": "What did Umerov say about the meeting?"}
    _, followup = await run_command(fake, fake.interaction("ask", [question]))
    assert "\N{THUMBS DOWN SIGN}" not in _buttons(followup) and "Why this speaker?" in _buttons(followup)


async def _all_until(fake: FakeDiscord, kind: str) -> list:
    """Everything the bot sends until a message of `kind`, and whatever follows within a second."""
    seen = [await fake.next_sent()]
    while seen[-1].kind != kind:
        seen.append(await fake.next_sent())
    try:
        while True:
            seen.append(await fake.next_sent(timeout=1.0))
    except TimeoutError:
        return seen


async def test_a_reload_says_how_far_it_has_got(bot, fake: FakeDiscord, corpus: Path, monkeypatch) -> None:
    monkeypatch.setattr(bot, "progress_every", 0.0)
    write_filler(corpus, 2, prefix="progress")
    await fake.dispatch("INTERACTION_CREATE", fake.interaction("reload", uid=ADMIN_ID))
    seen = await _all_until(fake, "followup")
    edits = [s.body.get("content") or "" for s in seen if s.kind == "edit"]
    assert any(e.startswith("Reloading \u2026 reading:") and "files/s" in e for e in edits), edits
    assert any(e.startswith("Reloading \u2026 parsing:") for e in edits), edits
    assert any("embedding:" in e and "texts/s" in e for e in edits), edits
    assert "Added 2" in embed_text(next(s for s in seen if s.kind == "followup"))


async def test_a_reload_past_the_interaction_window_ends_with_a_channel_message(bot, fake: FakeDiscord, corpus: Path, monkeypatch) -> None:
    import bot.admin

    monkeypatch.setattr(bot.admin, "INTERACTION_SECONDS", 0.0)
    write_filler(corpus, 1, prefix="late")
    await fake.dispatch("INTERACTION_CREATE", fake.interaction("reload", uid=ADMIN_ID))
    seen = await _all_until(fake, "channel")
    assert "Added 1" in embed_text(next(s for s in seen if s.kind == "channel"))
    assert not [s for s in seen if s.kind in {"edit", "followup"}], "the expired interaction is not written to"
