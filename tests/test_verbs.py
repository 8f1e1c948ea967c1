"""The verb table answers as lemminflect's dictionary does, from a cache made once."""

from __future__ import annotations

import json

import pytest
from lemminflect import getAllInflections, getAllLemmas

from embeddings import verbs

WORDS = ["said", "says", "told", "adding", "claim", "slammed", "answer", "warned", "quipped", "be", "was", "'s", "table", "zzzz"]


@pytest.mark.parametrize("word", WORDS)
def test_lemmas_and_forms_are_lemminflects(word: str) -> None:
    assert verbs.lemmas(word) == tuple(getAllLemmas(word, upos="VERB").get("VERB", ()))
    for lemma in verbs.lemmas(word) or (word,):
        assert verbs.forms(lemma) == getAllInflections(lemma, upos="VERB")


def test_the_table_is_made_once_and_read_back(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    verbs._table.cache_clear()
    try:
        assert verbs.lemmas("slammed") == ("slam",)
        saved = json.loads(verbs.cache_file().read_text(encoding="utf-8"))
        assert saved["lemmas"]["slammed"] == ["slam"] and "VBD" in saved["forms"]["slam"]
        verbs._table.cache_clear()
        verbs.cache_file().write_text(json.dumps({"lemmas": {"slammed": ["from-the-cache"]}, "forms": {}}), encoding="utf-8")
        assert verbs.lemmas("slammed") == ("from-the-cache",)  # read back, not made again
    finally:
        verbs._table.cache_clear()
