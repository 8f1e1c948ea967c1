"""The model run by onnxruntime instead of torch: the same sentence-transformers model exported to
ONNX with its mean pooling and normalisation, tokenized by `tokenizers` (no transformers, no torch).
- fp32: what questions are embedded with (vectors match torch's to 0.9999 cosine), so a process
  that only answers never imports torch, which is most of a cold start;
- int8 (WHOSAID_ENCODER=onnx-int8): MatMul weights quantised per channel, 1.1-1.6x torch's speed
  here, cosine 0.97 to the fp32 vectors, for indexing and asking alike.

The export runs once per model, offline (from the local model files), into a cache folder; it
is written to a temporary name and renamed, so an interrupted export is never loaded.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import warnings
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)


def cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "whosaid"


def check_architecture(path: Path) -> int:
    """Mean pooling then normalisation (all-MiniLM-L6-v2 and its kind); returns max_seq_length."""
    modules = json.loads((path / "modules.json").read_text())
    kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
    pooling = json.loads((path / modules[1]["path"] / "config.json").read_text()) if len(modules) > 1 else {}
    if kinds != ["Transformer", "Pooling", "Normalize"] or not pooling.get("pooling_mode_mean_tokens"):
        raise RuntimeError(f"the int8 encoder supports Transformer + mean Pooling + Normalize models; {path} is {kinds}")
    config = path / "sentence_bert_config.json"
    return int(json.loads(config.read_text()).get("max_seq_length", 256)) if config.is_file() else 256


def exported(path: str | Path, int8: bool) -> Path:
    """Where the export of the model at `path` is cached."""
    flat = Path(path).resolve().as_posix().strip("/").replace("/", "_")
    return cache_dir() / f"{flat}-{'int8' if int8 else 'fp32'}.onnx"


def export(path: Path, target: Path, int8: bool = True) -> None:
    """Export the model with its pooling to ONNX (needs torch: index time), then, for int8,
    quantise the MatMul weights."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel, AutoTokenizer

    class Pooled(torch.nn.Module):
        def __init__(self, model: torch.nn.Module) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor) -> torch.Tensor:
            hidden = self.model(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, dim=-1)

    log.info("exporting %s to %s ONNX (once)", path, "int8" if int8 else "fp32")
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = Pooled(AutoModel.from_pretrained(path).eval())
    sample = tokenizer(["An example sentence."], return_tensors="pt")
    names = ["input_ids", "attention_mask", "token_type_ids"]
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        fp32 = Path(tmp) / "model.onnx"
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the exporter's notes on tracing, not errors
            torch.onnx.export(
                model,
                tuple(sample[n] for n in names),
                str(fp32),
                input_names=names,
                output_names=["embedding"],
                dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in names}, "embedding": {0: "batch"}},
                opset_version=17,
                dynamo=False,
            )
        if not int8:
            os.replace(fp32, target)
            return
        quantised = Path(tmp) / "model-int8.onnx"
        quantize_dynamic(str(fp32), str(quantised), weight_type=QuantType.QInt8, per_channel=True, op_types_to_quantize=["MatMul"])
        os.replace(quantised, target)


class OnnxEncoder:
    """What whosaid needs of a SentenceTransformer (`encode`, `get_embedding_dimension`), on onnxruntime."""

    def __init__(self, path: str | Path, int8: bool = True, threads: int | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        path = Path(path)
        self.max_length = check_architecture(path)
        target = exported(path, int8)
        if not target.is_file():
            export(path, target, int8)
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.enable_truncation(self.max_length)
        self.tokenizer.enable_padding()
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or os.cpu_count() or 1
        # idle worker threads that spin after a run starve what the searcher does next (as numpy's BLAS did)
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(str(target), options, providers=["CPUExecutionProvider"])
        self.dim = int(json.loads((path / "config.json").read_text())["hidden_size"])

    def get_embedding_dimension(self) -> int:
        return self.dim

    def encode(self, texts: list[str], batch_size: int = 64, **_: object) -> np.ndarray:
        """Normalised vectors; texts are batched longest first, as sentence-transformers does."""
        order = np.argsort([-len(t) for t in texts], kind="stable")
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), batch_size):
            rows = order[start : start + batch_size]
            batch = self.tokenizer.encode_batch([texts[i] for i in rows])
            feed = {
                "input_ids": np.array([e.ids for e in batch], dtype=np.int64),
                "attention_mask": np.array([e.attention_mask for e in batch], dtype=np.int64),
                "token_type_ids": np.array([e.type_ids for e in batch], dtype=np.int64),
            }
            out[rows] = self.session.run(None, feed)[0]
        return out
