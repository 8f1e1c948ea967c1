"""Where the shared corpora are: `../shared/corpus` beside the repository (read-only)."""

from __future__ import annotations

from pathlib import Path

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpus"
BBC = CORPORA / "bbc-2004"
POLNEAR = CORPORA / "polnear"
