"""The loop over an article's paragraphs that runs the stages: marks, cues, subjects, speakers,
carry-over between quotes and paragraphs, and reported speech."""

from __future__ import annotations

from typing import TYPE_CHECKING

from embeddings.attribution.carryover import RULES as CARRY_OVER
from embeddings.attribution.carryover import Site, _introducing_verb, _same_quote, _share_within_paragraph
from embeddings.attribution.cast import Cast
from embeddings.attribution.cues import FIND_CUE, _cue_text, _cue_tokens, _find_cue, _first_word, _kind, _listed_with, _quote_mask, _title
from embeddings.attribution.found import Attribution, Found, Paragraph, Quote, Reading, Said
from embeddings.attribution.groups import _note_groups, _note_unnamed
from embeddings.attribution.indirect import UNSAID, _indirect, _introduced_quote, _reported_clause, _reported_mask, _unsaid
from embeddings.attribution.labels import _dash_byline, _transcript_label
from embeddings.attribution.lexicon import REPORTING_VERBS, SAYING_VERBS
from embeddings.attribution.resolve import resolve
from embeddings.attribution.rule import first_opinion
from embeddings.attribution.subject import NO_SUBJECT, UNSPOKEN_PASSIVE, _cue_subject, _unspoken_passive
from embeddings.attribution.trace import carried
from embeddings.marks import find_stretches

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from embeddings.articles import Article
    from embeddings.nlp import ParsedArticle


KINDS = ("direct", "mixed", "indirect")


def extract_quotes(parsed: ParsedArticle, min_words_unattributed: int = 2) -> list[Quote]:
    """Every quote of one article with its speaker resolved inside the article."""
    run = read_article(parsed, min_words_unattributed)
    return [_quote(run.article, f) for f in run.found]


def read_article(parsed: ParsedArticle, min_words_unattributed: int = 2) -> Reading:
    """The article read by the rules: every quote found, with the rules' speaker, and the cast."""
    article = parsed.article
    run = Reading(article)
    for number, (doc, para, offset) in enumerate(zip(parsed.docs, article.paragraphs, article.paragraph_starts, strict=True), 1):
        p = _read_paragraph(number, doc, para, offset, run.cast)
        para_found: list[Found] = []
        for k in range(len(p.stretches)):
            item = _quote_of_stretch(p, k, para_found, run, min_words_unattributed)
            if item is not None:
                para_found.append(item)
                if item.person is not None and not item.person.org:  # "She said: “…” She added: “…”" is she again
                    run.cast.spoke(item.start, item.person)
        _same_quote(para_found, run)
        if len(para_found) >= 2:
            _share_within_paragraph(para_found)
        run.found.extend(para_found)
        if doc is not None:
            run.found.extend(_indirect(doc, offset, number, p.cues, p.clauses, p.mask, run.cast, article.paragraph_starts))
        _hand_on(p, para_found, run)
    run.found.sort(key=lambda f: f.start)
    return run


def _read_paragraph(number: int, doc: Doc | None, para: str, offset: int, cast: Cast) -> Paragraph:
    """The paragraph's stretches and cues, and its people noted in the cast."""
    stretches = find_stretches(para)
    kinds = [_kind(para, s) for s in stretches]  # for the quotes and for the next paragraph's prev_quoted
    mask = _quote_mask(len(para), stretches)
    cues = _cue_tokens(doc, mask) if doc is not None else []
    clauses = {
        cue.i: _introduced_quote(_reported_clause(cue), cue, para, stretches) for cue in cues if cue.lemma_.lower() in REPORTING_VERBS
    }
    if doc is not None:
        cast.read(doc, offset, mask, _reported_mask(len(para), cues, clauses))
        _note_groups(doc, offset, cues, mask, cast)
        _note_unnamed(doc, offset, mask, cast)
    return Paragraph(number, doc, para, offset, stretches, kinds, mask, cues, clauses)


def _quote_of_stretch(p: Paragraph, k: int, para_found: list[Found], run: Reading, min_words: int) -> Found | None:
    """The quote of one quoted stretch, attributed by its cue, a byline or label, or carried over."""
    s, para = p.stretches[k], p.para
    if _title(para, s):
        return None
    a = _by_cue(p, k, para_found, run) if p.doc is not None else Attribution()
    _dash_byline(p, k, a, run)
    _transcript_label(p, k, a, run)
    if not a.unsaid:  # (no one's words that the sentence tells take no one's speaker)
        _carry_over(p, k, para_found, a, run)
    starts_para = not para[: s.mark_start].strip()
    continues = starts_para and run.prev_open and k == 0
    if continues:
        gid = run.found[-1].group if run.found and run.found[-1].group is not None else run.group
    else:
        run.group += 1
        gid = run.group
    words = len(para[s.start : s.end].split())
    if words < 2 and a.cue is None:
        return None
    if words < min_words and a.person is None and a.mention is None:
        return None
    kind = "direct" if continues else p.kinds[k]
    if k > 0 and para_found and para_found[-1].kind == "direct":
        gap = para[p.stretches[k - 1].mark_end : s.mark_start]
        if len(gap) < 80 and gap.rstrip().endswith(",") and "." not in gap:
            kind = "direct"  # the second half of a split quote: "A," X said, "b."
    start, end = p.offset + s.start, p.offset + s.end
    return Found(start, end, p.number, kind, a.person, a.mention, a.cue, gid, a.saying, a.unsaid, a.how)


def _by_cue(p: Paragraph, k: int, para_found: list[Found], run: Reading) -> Attribution:
    """The speaker the quote's cue gives: the cue's subject resolved against the cast."""
    doc, s, mixed = p.doc, p.stretches[k], p.kinds[k] == "mixed"
    assert doc is not None
    first = _first_word(doc, s)
    cue = _find_cue(p, k, first)
    a = Attribution(how=f"{FIND_CUE.name}: nobody" if cue is None else "")
    if mixed and (listed := _listed_with(p, k, para_found)) is not None:
        a, cue = listed, None
    if cue is not None and mixed and _unsaid(cue):
        # words in marks inside what someone did not say ("did not say whether he would
        # “accept the result”") are not theirs, unless a speech verb reports that
        # ("Cruz said he wasn't going to “act like a servile puppy dog”")
        cue = next((t for t in cue.ancestors if t in p.cues and not _unsaid(t)), None)
        a.unsaid = cue is None
        a.how = f"{UNSAID.name}: nobody" if a.unsaid else a.how
    if cue is None:
        return a
    subj = _cue_subject(cue, p.mask)
    a.cue = _cue_text(cue, first.i if first is not None else None)
    a.saying = cue.lower_ == "according" or cue.lemma_.lower() in SAYING_VERBS
    a.how = f"{NO_SUBJECT.name}: \u2018{a.cue}\u2019 has no subject \u2192 nobody"
    if subj is not None:
        at = p.offset + s.mark_start
        decided, rule = resolve(subj, at, p.offset, run.cast, p.mask, cue)
        a.person, a.mention = decided.person, decided.mention
        a.how = run.said_by(rule.name, a.person, a.mention, p.offset + subj.idx)
    if _unspoken_passive(cue, p.mask, first):
        a.person, a.mention, a.unsaid = None, None, True
        a.how = f"{UNSPOKEN_PASSIVE.name}: nobody"
    return a


def _carry_over(p: Paragraph, k: int, para_found: list[Found], a: Attribution, run: Reading) -> None:
    """A quote with no cue of its own takes a speaker from around it, by the carry-over rules."""
    site = Site(
        p.doc, p.para, p.offset, p.number, k, p.stretches, p.cues, p.mask, run.cast, run.article.paragraph_starts, para_found,
        run.last, run.prev_quoted, a,
    )  # fmt: skip
    found = first_opinion(CARRY_OVER, site)
    if found is None:
        return
    rule, d = found
    if (d.person, d.mention, d.cue) == (a.person, a.mention, a.cue) and not d.via:
        a.how = a.how if a.person is not None else f"{rule.name}: nobody"
        return
    a.person, a.mention, a.cue = d.person, d.mention, d.cue
    at = p.offset + p.stretches[k].mark_start
    a.how = carried(rule.name, d.via, p.number - 1) if d.via else run.said_by(rule.name, d.person, d.mention, at)


def _hand_on(p: Paragraph, para_found: list[Found], run: Reading) -> None:
    """What the paragraph hands to the next: an open quote, whether it quoted, and its speaker (the
    subject of a closing “said:”, or its last attributed quote)."""
    doc, para = p.doc, p.para
    run.prev_open = bool(p.stretches) and p.stretches[-1].open_end
    run.prev_quoted = any(
        len(para[s.start : s.end].split()) >= 2 and kind == "direct" for s, kind in zip(p.stretches, p.kinds, strict=True)
    )
    attributed = [f for f in para_found if f.person is not None or f.mention is not None]
    intro = _introducing_verb(doc, p.cues) if doc is not None and para.rstrip().endswith(":") else None
    if intro is not None:
        subj = _cue_subject(intro, p.mask)
        at = p.offset + intro.idx
        found = resolve(subj, at, p.offset, run.cast, p.mask, intro) if subj is not None else None
        person, mention = (found[0].person, found[0].mention) if found is not None else (None, None)
        how = run.said_by(found[1].name, person, mention, p.offset + subj.idx) if found is not None else f"{NO_SUBJECT.name}: nobody"
        # a speech verb, or someone named did it
        run.last = Said(person, mention, _cue_text(intro), how) if p.cues or (person is not None and not person.group) else None
    elif attributed and attributed[-1].paragraph == p.number:
        last = attributed[-1]
        run.last = Said(last.person, last.mention, last.cue, last.how)
    else:
        run.last = None


def _quote(article: Article, f: Found) -> Quote:
    return Quote(
        article_id=article.id,
        text=article.text[f.start : f.end],
        start=f.start,
        end=f.end,
        paragraph=f.paragraph,
        kind=f.kind,
        speaker=f.person.name if f.person is not None else None,
        mention=f.mention if f.person is not None or f.saying else None,
        cue=f.cue if f.person is not None or f.saying else None,
        roles=tuple(sorted(f.person.titles)) if f.person is not None else (),
        group=f.person is not None and f.person.group,
        how=f.how or f"{FIND_CUE.name}: nobody",
    )
