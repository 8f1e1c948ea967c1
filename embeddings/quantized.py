"""The int8 encoder (WHOSAID_ENCODER=onnx-int8): the same sentence-transformers model exported
to ONNX with its mean pooling and normalisation, weights quantised to int8 per channel, run by
onnxruntime. About 1.5-2x the fp32 torch speed on a small CPU, cosine 0.99 to the fp32 vectors.

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


def _check_architecture(path: Path) -> int:
    """Mean pooling then normalisation (all-MiniLM-L6-v2 and its kind); returns max_seq_length."""
    modules = json.loads((path / "modules.json").read_text())
    kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
    pooling = json.loads((path / modules[1]["path"] / "config.json").read_text()) if len(modules) > 1 else {}
    if kinds != ["Transformer", "Pooling", "Normalize"] or not pooling.get("pooling_mode_mean_tokens"):
        raise RuntimeError(f"the int8 encoder supports Transformer + mean Pooling + Normalize models; {path} is {kinds}")
    config = path / "sentence_bert_config.json"
    return int(json.loads(config.read_text()).get("max_seq_length", 256)) if config.is_file() else 256


def export(path: Path, target: Path) -> None:
    """Export the model with its pooling to ONNX, then quantise the MatMul weights to int8."""
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

    log.info("exporting %s to int8 ONNX (once)", path)
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = Pooled(AutoModel.from_pretrained(path).eval())
    sample = tokenizer(["An example sentence."], return_tensors="pt")
    names = ["input_ids", "attention_mask", "token_type_ids"]
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        fp32 = Path(tmp) / "model.onnx"
        int8 = Path(tmp) / "model-int8.onnx"
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
        quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True, op_types_to_quantize=["MatMul"])
        os.replace(int8, target)


class QuantizedEncoder:
    """What whosaid needs of a SentenceTransformer (`encode`, `get_embedding_dimension`), int8."""

    def __init__(self, path: str | Path, threads: int | None = None) -> None:
        import onnxruntime as ort
        from transformers import AutoTokenizer

        path = Path(path)
        self.max_length = _check_architecture(path)
        target = cache_dir() / f"{path.resolve().as_posix().strip('/').replace('/', '_')}-int8.onnx"
        if not target.is_file():
            export(path, target)
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or os.cpu_count() or 1
        self.session = ort.InferenceSession(str(target), options, providers=["CPUExecutionProvider"])
        self.dim = int(json.loads((path / "config.json").read_text())["hidden_size"])

    def get_embedding_dimension(self) -> int:
        return self.dim

    def encode(self, texts: list[str], batch_size: int = 64, show_progress_bar: bool = False, **_: object) -> np.ndarray:
        """Normalised vectors; texts are batched longest first, as sentence-transformers does."""
        from tqdm import tqdm

        order = np.argsort([-len(t) for t in texts], kind="stable")
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for start in tqdm(range(0, len(texts), batch_size), desc="embedding", disable=not show_progress_bar):
            rows = order[start : start + batch_size]
            batch = self.tokenizer([texts[i] for i in rows], padding=True, truncation=True, max_length=self.max_length, return_tensors="np")
            feed = {name: batch[name].astype(np.int64) for name in ("input_ids", "attention_mask", "token_type_ids")}
            out[rows] = self.session.run(None, feed)[0]
        return out
