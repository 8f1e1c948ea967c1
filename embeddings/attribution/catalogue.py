"""The rule catalogue, written from the rule tables themselves (`whosaid rules`, docs/attribution.md),
so that the description of how attribution works cannot drift from the code."""

from __future__ import annotations

import inspect
import sys

from embeddings.attribution import extract as _loaded  # noqa: F401  (imports every stage, so every table is registered)
from embeddings.attribution.rule import TABLES, Rule

#: the stages in the order a quote meets them
STAGE_ORDER = ("cues", "subject", "resolve", "labels", "carryover", "indirect")

_INTRO = """\
# How attribution works

*Generated from the rule tables by `whosaid rules`; do not edit by hand.*

Each article is read once, at index time, paragraph by paragraph (`embeddings/attribution/extract.py`).
A quoted stretch gets a **cue** (the verb that attributes it), the cue a **subject**, and the subject
is **resolved** to a person of the article's cast by the first rule of the resolve table with an
opinion. A byline or transcript **label** can name the speaker instead; a quote with no cue of its
own may have its speaker **carried over** from around it; **reported speech** is found in the parse.
A rule decides a person or a deliberate nobody: when the text does not say who, the speaker stays
unknown rather than guessed.

Every quote stores the rule that decided its speaker, and the mentions it went through, as `how`
(`whosaid extract --json`, `whosaid extract --explain`, answers' JSON, and the "Why this speaker?"
button on Discord). A table's rules are tried top to bottom; a *step* runs on its own.
"""


def _entry(n: int, rule: Rule) -> str:
    doc = inspect.getdoc(rule.decide) or ""
    summary, _, rest = doc.partition("\n\n")
    kind = " *(step)*" if rule.step else ""
    text = f"{n}. **`{rule.name}`**{kind}: {' '.join(summary.split())}"
    return text + (f"\n   {' '.join(rest.split())}" if rest.strip() else "")


def catalogue() -> str:
    """The catalogue as Markdown, stage by stage in the order a quote meets them."""
    parts = [_INTRO]
    for stage in (*STAGE_ORDER, *(s for s in TABLES if s not in STAGE_ORDER)):
        rules = TABLES.get(stage, ())
        if not rules:
            continue
        module = sys.modules[rules[0].decide.__module__]
        parts.append(f"## {stage}\n\n{' '.join((module.__doc__ or '').split())} (`{module.__name__.replace('.', '/')}.py`)\n")
        parts.append("\n".join(_entry(n, r) for n, r in enumerate(rules, 1)) + "\n")
    return "\n".join(parts)
