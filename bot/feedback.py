"""Readers' votes on answers, kept beside the index so a person can check the answers voted down:
the question, the quotes shown and their speakers (and why), never who voted (ids are hashed)."""

from __future__ import annotations

import datetime
import hashlib
import json
import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bot.answer import Answer

SCHEMA = """
CREATE TABLE IF NOT EXISTS votes (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    voter TEXT NOT NULL,
    vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    quotes TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True)
class Vote:
    at: str
    vote: int
    question: str
    answer: str
    quotes: list[dict]


class FeedbackStore:
    """Votes in one SQLite file (`feedback.sqlite` in the index folder)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path)
        db.execute("PRAGMA journal_mode=WAL")
        db.executescript(SCHEMA)
        return db

    def _voter(self, db: sqlite3.Connection, user_id: int) -> str:
        """A salted hash of the user id: the same reader's votes group together, and no id is stored."""
        row = db.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()
        salt = row[0] if row else secrets.token_hex(16)
        if row is None:
            db.execute("INSERT INTO meta VALUES ('salt', ?)", (salt,))
        return hashlib.sha256(f"{salt}:{user_id}".encode()).hexdigest()[:16]

    def record(self, answer: Answer, user_id: int, vote: int) -> None:
        """Store one vote on an answer as it was shown."""
        quotes = [
            {"speaker": h.speaker, "quote": h.quote.text, "article": h.article.path, "paragraph": h.quote.paragraph, "how": h.quote.how}
            for h in answer.quotes
        ]
        at = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        with self._connect() as db:
            db.execute(
                "INSERT INTO votes (at, voter, vote, question, answer, quotes) VALUES (?, ?, ?, ?, ?, ?)",
                (at, self._voter(db, user_id), vote, answer.question, answer.text, json.dumps(quotes, ensure_ascii=False)),
            )

    def votes(self, vote: int | None = -1) -> list[Vote]:
        """The votes (down only, by default), newest first."""
        if not self.path.exists():
            return []
        with self._connect() as db:
            where, args = ("WHERE vote = ?", (vote,)) if vote is not None else ("", ())
            rows = db.execute(f"SELECT at, vote, question, answer, quotes FROM votes {where} ORDER BY id DESC", args).fetchall()
        return [Vote(at, v, q, a, json.loads(quotes)) for at, v, q, a, quotes in rows]
