"""Shared fixtures: the real spaCy model, the real embedding model and a real index on disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = FIXTURES / "articles"


@pytest.fixture(scope="session")
def nlp():
    from embeddings.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def settings(tmp_path_factory):
    from embeddings.settings import Settings

    return Settings(articles_dir=ARTICLES, index_dir=tmp_path_factory.mktemp("index"), _env_file=None)


@pytest.fixture(scope="session")
def built(settings):
    from embeddings.pipeline import build_index

    return build_index(settings)


@pytest.fixture(scope="session")
def searcher(built, settings):
    from embeddings.pipeline import open_searcher

    return open_searcher(settings)


#: the stores an index can live in (docs/scaling.md); tests of answers run on each
STORES = ("files", "milvus")


@pytest.fixture(scope="session")
def milvus_uri(tmp_path_factory) -> str:
    """One Milvus Lite file for the session: each test that needs its own index takes its own
    collections in it (`in_store`), as several whosaid deployments can share one Milvus."""
    return str(tmp_path_factory.mktemp("milvus") / "whosaid.db")


def in_store(settings, store: str, milvus_uri: str, name: str):
    """`settings` with the index in `store`: Milvus collections called `name`, or files alone."""
    if store == "files":
        return settings
    return settings.model_copy(update={"milvus_uri": milvus_uri, "milvus_collection": "".join(c if c.isalnum() else "_" for c in name)})
