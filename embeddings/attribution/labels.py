"""Speakers named by the page's layout rather than a verb: a dash byline after a quote (“…” ―
Sonya Herridge) and a transcript's capitalised label before it (PENCE: …)."""

from __future__ import annotations

import re

from embeddings.attribution.cast import name_tokens
from embeddings.attribution.found import Attribution, Paragraph, Reading
from embeddings.attribution.rule import steps

#: listicle style: “…” ― Sonya Herridge
_DASH_NAME = re.compile(
    r"[ \t\u00a0]*[\u2015\u2014\u2013-]+[ \t\u00a0]*([A-Z][\w.'\u2019-]*(?:[ \u00a0][A-Z][\w.'\u2019-]*){0,3})[ \t\u00a0]*(?:\n|$|,)"
)


#: transcript style: "PENCE: Well, look, …"
_LABEL = re.compile(r"([A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2}):\s")


def _dash_byline(p: Paragraph, k: int, a: Attribution, run: Reading) -> None:
    """A dash and a name after the quote (“…” ― Sonya Herridge, listicle style) name its speaker."""
    s = p.stretches[k]
    byline = _DASH_NAME.match(p.para, s.mark_end) if p.doc is not None else None
    if not byline:
        return
    toks = name_tokens([t for t in p.doc if byline.start(1) <= t.idx < byline.end(1)])
    if toks and len(toks) <= 4:
        a.person, a.mention, a.cue, a.saying = run.cast.add(toks, p.offset + toks[0].idx, subject=True), byline.group(1), "\u2015", True
        a.how = run.said_by(DASH_BYLINE.name, a.person, a.mention, p.offset + s.mark_end)


def _transcript_label(p: Paragraph, k: int, a: Attribution, run: Reading) -> None:
    """A capitalised label before the quote (“PENCE: Well, look, …”, transcript style) names its speaker."""
    s = p.stretches[k]
    label = _LABEL.match(p.para, s.start)
    if not label or a.person is not None:
        return
    toks = [t for t in p.doc if label.start(1) <= t.idx < label.end(1)] if p.doc is not None else []
    a.person = run.cast.find([t.text for t in toks], p.offset + s.start) if toks else None
    if a.person is None and toks:
        a.person = run.cast.add(toks, p.offset + s.start, subject=True)
    a.mention, a.cue, a.saying = label.group(1), ":", True
    a.how = run.said_by(TRANSCRIPT_LABEL.name, a.person, a.mention, p.offset + s.start)


DASH_BYLINE, TRANSCRIPT_LABEL = steps("labels", _dash_byline, _transcript_label)
