"""The ONNX encoders: exported offline from the real model; fp32 for questions (torch's vectors, no torch),
int8 to index and ask with (close to it, usable end to end)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import ARTICLES

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def quantized(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    from embeddings.vectors import load_model

    load_model.cache_clear()
    yield load_model("all-MiniLM-L6-v2@onnx-int8")
    load_model.cache_clear()
    mp.undo()


def test_int8_vectors_are_close_to_the_fp32_model(quantized) -> None:
    from embeddings.vectors import encode, load_model

    texts = [p for f in sorted(ARTICLES.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    exact = encode(load_model("all-MiniLM-L6-v2"), texts)
    fast = encode(quantized, texts)
    assert fast.shape == exact.shape and np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-4)
    assert float((fast * exact).sum(axis=1).min()) > 0.97


def test_index_built_with_int8_answers_and_refuses_the_other_encoder(quantized, tmp_path) -> None:
    from bot.answer import answer
    from embeddings.index import IndexLoadError
    from embeddings.pipeline import build_index, open_searcher
    from embeddings.settings import Settings
    from embeddings.store import load

    settings = Settings(articles_dir=ARTICLES, index_dir=tmp_path / "index", encoder="onnx-int8", _env_file=None)
    build_index(settings)
    result = answer("Who said there is still a lot of work to be done?", open_searcher(settings))
    assert result.found and result.quotes[0].speaker == "Marco Rubio"
    with pytest.raises(IndexLoadError, match="WHOSAID_ENCODER=onnx-int8"):
        load(settings.index_dir, "all-MiniLM-L6-v2")


def test_questions_embed_without_torch_as_torch_would() -> None:
    """The fp32 ONNX copy questions use gives torch's vectors (the index is built with torch)."""
    from embeddings.onnx_encoder import OnnxEncoder
    from embeddings.vectors import encode, load_model, model_path, prepare_query_model

    prepare_query_model("all-MiniLM-L6-v2")
    texts = [p for f in sorted(ARTICLES.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    texts += ["Who said there is still a lot of work to be done?", "What did Rubio say about Russia?"]
    onnx = encode(OnnxEncoder(model_path("all-MiniLM-L6-v2"), int8=False), texts)
    torch = encode(load_model("all-MiniLM-L6-v2"), texts)
    assert float((onnx * torch).sum(axis=1).min()) > 0.9999


def test_a_process_that_only_answers_never_imports_torch(built, settings) -> None:
    from embeddings.vectors import prepare_query_model

    prepare_query_model("all-MiniLM-L6-v2")  # (index time makes it; this test's cache may be its own)
    script = (
        "import sys\n"
        "from bot.cli import cli\n"
        f"cli(['ask', 'Who said there is still a lot of work to be done?', '--index', {str(settings.index_dir)!r}], standalone_mode=False)\n"
        "print('torch imported:', sys.modules.get('torch') is not None)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    assert "Marco Rubio said" in out.stdout and "torch imported: False" in out.stdout, out.stderr[-2000:]
