"""English verbs from lemminflect's dictionary: the lemmas of a verb form, the forms of a lemma.

lemminflect reads its whole tables (70k words, 34k lemmas, from compressed text) on first use:
0.4 s of every cold `whosaid ask`, for the few verbs an answer needs. Its verb entries are kept
in a small JSON file in the cache folder, made by the first process that needs one and read by
the others. The answers are lemminflect's own (`getAllLemmas`, `getAllInflections` with
upos="VERB", dictionary only: no guessing); tests/test_verbs.py compares them.
"""

from __future__ import annotations

import json
import logging
import os
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from embeddings.onnx_encoder import cache_dir

log = logging.getLogger(__name__)


def cache_file() -> Path:
    return cache_dir() / f"verbs-lemminflect-{version('lemminflect')}.json"


def lemmas(word: str) -> tuple[str, ...]:
    """The dictionary lemmas of a lower-case verb form ("slammed" -> ("slam",)), or ()."""
    return tuple(_table()["lemmas"].get(word, ()))


def forms(lemma: str) -> dict[str, tuple[str, ...]]:
    """The forms of a lower-case verb lemma by Penn tag ({"VBD": ("slammed",), …}), or {}."""
    return {tag: tuple(words) for tag, words in _table()["forms"].get(lemma, {}).items()}


@lru_cache(maxsize=1)
def _table() -> dict[str, dict]:
    path = cache_file()
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    table = _from_lemminflect()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(table), encoding="utf-8")
        os.replace(tmp, path)  # whole or not at all: another process may be reading it
    except OSError as exc:  # a read-only cache folder costs each process the 0.4 s, nothing else
        log.warning("could not cache the verb table at %s: %s", path, exc)
    return table


def _from_lemminflect() -> dict[str, dict]:
    """Every verb entry of lemminflect's tables: the words listed from its dictionaries (private
    attributes of 0.2.3), each one's answer asked through its public functions."""
    from lemminflect import getAllInflections, getAllLemmas
    from lemminflect.core.Inflections import Inflections
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer, inflections = Lemmatizer(), Inflections()
    # lower-case entries only: whosaid asks with lower-case words, and lemminflect answers a
    # capitalised one in its capitals
    known_words = {**lemmatizer._getLemmaDict(), **lemmatizer._getOverridesDict()}
    words = {w for w, entry in known_words.items() if "VERB" in entry and w == w.lower()}
    known = {**inflections._getInflDict(), **inflections._getOverridesDict()}
    verb_lemmas = {w for w, entry in known.items() if any(tag.startswith("VB") for tag in entry) and w == w.lower()}
    table: dict[str, dict] = {"lemmas": {}, "forms": {}}
    for word in sorted(words):
        if found := getAllLemmas(word, upos="VERB").get("VERB"):
            table["lemmas"][word] = list(found)
    for lemma in sorted(verb_lemmas | {v for found in table["lemmas"].values() for v in found}):
        if found := getAllInflections(lemma, upos="VERB"):
            table["forms"][lemma] = {tag: list(w) for tag, w in found.items()}
    return table
