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
