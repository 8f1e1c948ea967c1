"""The bot's settings: the shared ones plus Discord's (see `.env.example`)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import NoDecode, SettingsConfigDict

from embeddings.settings import Settings


class BotSettings(Settings):
    model_config = SettingsConfigDict(env_prefix="WHOSAID_", env_file=".env", env_file_encoding="utf-8", extra="ignore")

    discord_token: SecretStr | None = Field(default=None, validation_alias="DISCORD_TOKEN")
    guild_id: int | None = None
    admin_role_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    admin_user_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    channel_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    cooldown_seconds: float = 3.0
    watch: bool = False
    #: 👍 / 👎 buttons under answers; votes go to feedback.sqlite in the index folder
    feedback: bool = True

    @field_validator("guild_id", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if value in ("", None) else value

    @field_validator("admin_role_ids", "admin_user_ids", "channel_ids", mode="before")
    @classmethod
    def _comma_list(cls, value: object) -> object:
        """`1,2,3` in .env as well as a JSON list."""
        if isinstance(value, str):
            value = value.strip().strip("[]")
            return [int(v) for v in value.replace(" ", "").split(",") if v]
        if isinstance(value, int):
            return [value]
        return value
