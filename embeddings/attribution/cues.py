"""Finding the cue of a quote: the verb of saying (or the verb it hangs from) that attributes it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from embeddings.attribution.cast import norm
from embeddings.attribution.found import Attribution, Found, Paragraph
from embeddings.attribution.lexicon import OBJECT_VERBS, REPORTING_VERBS, RETORT_VERBS, SPEECH_VERBS
from embeddings.attribution.rule import steps
from embeddings.attribution.subject import _speaks, _unspoken_passive
from embeddings.attribution.trace import carried
from embeddings.marks import Stretch, inside

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


_LISTED = re.compile(r"[\s,;]*(?:and|or|,)?[\s,]*")  # what joins quotes of one list: “A,” “B” and “C”


def _quote_mask(n: int, stretches: list[Stretch]) -> list[bool]:
    mask = [False] * n
    for s in stretches:
        for i in range(s.mark_start, min(n, s.mark_end)):
            mask[i] = True
    return mask


def _cue_tokens(doc: Doc, mask: list[bool]) -> list[Token]:
    out = []
    for tok in doc:
        if inside(tok, mask):
            continue
        if tok.pos_ in {"VERB", "AUX"} and _speaks(tok):
            if tok.lower_ == "called" and tok.i >= 2 and doc[tok.i - 2].lower_ == "so" and doc[tok.i - 1].text == "-":
                continue  # "the so-called Trans-Pacific Partnership"
            if tok.lemma_.lower() == "go" and not any(c.lower_ in {"on", "after", "far", "further"} and c.i > tok.i for c in tok.children):
                continue  # "went on", "went after X as “…”", "went so far as to say" speak; "the tram going too fast" does not
            out.append(tok)
        elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            out.append(tok)
    return out


_SMALL_WORDS = {"a", "an", "and", "at", "by", "for", "in", "is", "of", "on", "or", "the", "to", "with"}


_TITLE_BEFORE = {
    "on", "in", "of", "to", "at", "titled", "called", "named", "entitled", "show", "program", "programme",
    "film", "movie", "book", "series", "column", "song", "album", "documentary", "magazine", "newspaper",
    "podcast", "memoir", "novel", "play", "episode", "sitcom", "drama", "concert", "anthem", "ad",
    "the", "so-called",
}  # fmt: skip


#: Words after a title that say it is one: "“Broad City” star Arturo Castro".
_TITLE_AFTER = {"star", "actor", "actress", "host", "creator", "author"}


def _title(para: str, s: Stretch) -> bool:
    """A show, book or film title in quotation marks ("appeared on “Good Morning America”",
    "his book “Sin Miedo”"): a name, not something anybody said."""
    words = para[s.start : s.end].rstrip(" .,").split()
    if not 1 <= len(words) <= 7 or not para[s.start : s.start + 1].isupper():
        return False
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL_WORDS for w in words):
        return False
    if para[s.start : s.end].rstrip().endswith(("!", "?")):
        return False
    before = para[: s.mark_start].split()
    last = before[-1].lower().rstrip(",:") if before else ""
    after = para[s.mark_end :].split()
    return last in _TITLE_BEFORE or last.endswith(("’s", "'s")) or (bool(after) and after[0] in _TITLE_AFTER)


def _kind(para: str, s: Stretch) -> str:
    first = para[s.start]
    before = para[: s.mark_start].rstrip()
    if not before or before.endswith((":", ".", "?", "!")) or first.isupper() or first.isdigit():
        return "direct"
    return "mixed"


def _window(doc: Doc, stretches: list[Stretch], k: int) -> tuple[int, int]:
    """The paragraph characters that may hold the attribution of stretch k: its sentences,
    not reaching into the neighbouring quotes."""
    s = stretches[k]
    start, end = s.mark_start, s.mark_end
    for sent in doc.sents:
        if sent.start_char <= s.mark_start < sent.end_char:
            start = sent.start_char
        if sent.start_char < s.mark_end <= sent.end_char + 1:
            end = sent.end_char
    if end <= s.mark_end:  # the quote closes its sentence: the cue may open the next ("… ." he said)
        nxt = [sent for sent in doc.sents if sent.start_char >= s.mark_end]
        if nxt and len(nxt[0]) <= 12:
            end = nxt[0].end_char
    if k > 0:
        start = max(start, stretches[k - 1].mark_end)
    if k + 1 < len(stretches):
        end = min(end, stretches[k + 1].mark_start)
    # a quoted sentence that ends its line ends its attribution too: the next line is a new
    # paragraph the file did not separate ("“… I’m pro-life.”\nNeither Cruz nor Christie acknowledged …")
    if doc.text[s.start : s.end].rstrip().endswith((".", "?", "!")) and doc.text[s.mark_end :].lstrip(" \t").startswith("\n"):
        end = min(end, s.mark_end)
    return start, end


def _first_word(doc: Doc, s: Stretch) -> Token | None:
    """The first token of the quoted words."""
    return next((t for t in doc if s.start <= t.idx < s.end), None)


def _hung_from(first: Token | None) -> set[int]:
    """The tokens the quoted words hang from in the parse (their first word's ancestors)."""
    return {a.i for a in first.ancestors} if first is not None else set()


def _pick_cue(cues: list[Token], s: Stretch, lo: int, hi: int, above: set[int]) -> Token | None:
    """The cue of a stretch among the speech verbs of its window: the one the quoted words hang
    from ("described the incident as a “terrible situation,” but stopped short of calling …" →
    described), else the nearest, after the quote when that is as near as before it."""
    window = [c for c in cues if lo <= c.idx < hi]
    if not window:
        return None
    governing = [c for c in window if c.i in above]
    if governing:
        return max(governing, key=lambda c: c.i if c.idx < s.mark_start else -c.i)
    after = [c for c in window if c.idx >= s.mark_end]
    before = [c for c in window if c.idx < s.mark_start]
    near_after = after[0] if after and after[0].idx - s.mark_end < 60 else None
    near_before = before[-1] if before else None
    if near_after is not None and (near_before is None or near_after.idx - s.mark_end <= s.mark_start - near_before.idx):
        return near_after
    return near_before or (after[0] if after else None)


def _adjacent_verb(doc: Doc, s: Stretch) -> Token | None:
    """'"This is fantastic!" beamed Donald Hartley' / '"…," Viguerie notes': in news style a verb
    right after a closing quote is its cue, whatever the verb (the tagger may even call it a noun).
    After a quoted sentence closed by a full stop only a speech verb ("“… couldn't move.” He said
    the tram slid …" goes on about the same speaker; "“Dump Trump.” The balloons cascaded down" does not)."""
    closed = doc.text[s.start : s.end].rstrip().endswith(".")
    words = [t for t in doc if t.idx >= s.mark_end and not t.is_punct][:3]
    for j, tok in enumerate(words):
        speech = tok.lemma_.lower() in SPEECH_VERBS
        if closed and not speech:
            continue
        if tok.pos_ == "VERB" or (speech and j > 0):
            preceding = words[:j]
            if all(t.pos_ in {"PROPN", "PRON", "DET", "NOUN"} for t in preceding):
                return tok
            return None
    return None


def _governing_verb(doc: Doc, s: Stretch) -> Token | None:
    """No speech verb at all: the verb the quote hangs from in the parse ("Gibbs derided
    \u201cthe professional left\u201d", "She applauded him … \u201cover and over again\u201d")."""
    inside = [t for t in doc if s.start <= t.idx < s.end]
    for tok in inside[:1] + inside[-1:]:
        head = tok
        for _ in range(8):
            if not (s.mark_start <= head.idx < s.mark_end) or head.head.i == head.i:
                break
            head = head.head
        if s.mark_start <= head.idx < s.mark_end:
            continue
        for _ in range(3):
            if head.pos_ in {"VERB", "AUX"} and head.lemma_ != "be" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
                return _reporting(head) or head
            if head.head.i == head.i:
                break
            head = head.head
    return None


def _reporting(verb: Token) -> Token | None:
    """The speech verb whose reported clause `verb` is ("Green said places such as Iowa “have …,”
    while “Nevada is …”": Green says both), unless `verb` reports speech itself."""
    if _speaks(verb) or verb.lemma_.lower() in REPORTING_VERBS - SPEECH_VERBS:
        return None
    # (through an adjective or a to-clause: "Cruz said he’s certain Rubio will continue to be “a champion …”")
    while (verb.dep_ in {"ccomp", "acomp", "xcomp"} or (verb.dep_ == "conj" and verb.head.dep_ == "ccomp")) and verb.head.i != verb.i:
        verb = verb.head
        if _speaks(verb):
            return verb
    return None


def _cue_text(cue: Token, first: int | None = None) -> str:
    """The cue as a reader would say it before the words it introduces: with its particle
    ("pointed out") and, right after it, the preposition whose object they are ("called for",
    "warned of"; not "referred as" for "referred to him as"), given `first`, the index of the
    words' first token."""
    if cue.lower_ == "according":
        return "according to"
    doc = cue.doc
    words = [cue, *(c for c in cue.children if c.dep_ == "prt" or (c.lower_ == "back" and norm(cue.lemma_) in RETORT_VERBS))]
    if first is not None and norm(cue.lemma_) in OBJECT_VERBS:
        # "Blair told the BBC: “…”", "Clinton called the plan “…”": a short named object, not a
        # pronoun that needs the article to read ("told him"), nor the words themselves
        obj = next((c for c in cue.children if c.dep_ in {"dobj", "dative"} and c.pos_ != "PRON"), None)
        if obj is not None:
            lo, hi = obj.left_edge.i, obj.right_edge.i
            if lo < first <= hi:  # "described the decision as “very disappointing”": the object up to the words
                hi = first - 1  # (without an article left hanging: "to call a “special meeting”")
                while hi >= lo and (doc[hi].is_quote or doc[hi].is_punct or doc[hi].pos_ == "DET"):
                    hi -= 1
            # "told his supporters" reads alone; "told those who …" does not, nor "told Radio 4's"
            # ("told Radio 4's Today …", parsed short)
            clean = not any(
                t.is_quote or t.is_punct or t.pos_ in {"VERB", "AUX"} or (t.pos_ == "PRON" and t.dep_ != "poss") for t in doc[lo : hi + 1]
            ) and (hi < lo or doc[hi].tag_ != "POS")
            if clean and hi - lo < 5 and lo > words[-1].i and (hi < first or first < cue.i):
                words += list(doc[lo : hi + 1])
    if first is not None:
        between = [t for t in doc[words[-1].i + 1 : first] if not t.is_quote]
        if len(between) == 1 and between[0].dep_ == "prep" and between[0].head.i == cue.i:
            words.append(between[0])
    # as the article spaced them: "called Clinton's remarks", not "Clinton 's"
    return "".join(
        t.text + (t.whitespace_ if k + 1 < len(words) and words[k + 1].i == t.i + 1 else " ") for k, t in enumerate(words)
    ).strip()


def _find_cue(p: Paragraph, k: int, first: Token | None) -> Token | None:
    """The cue of a quoted stretch: the speech verb it hangs from or nearest it in its sentence,
    else a verb right after its closing mark, else the verb it hangs from."""
    doc, s = p.doc, p.stretches[k]
    assert doc is not None
    lo, hi = _window(doc, p.stretches, k)
    above, mixed = _hung_from(first), p.kinds[k] == "mixed"
    cue = _pick_cue(p.cues, s, lo, hi, above) or _adjacent_verb(doc, s) or _governing_verb(doc, s)
    if cue is not None and cue.idx >= s.mark_end and mixed and cue.i not in above:
        cue = _governing_verb(doc, s) or cue  # "likened the rules to “burning …” - a charge that"
    if cue is not None and _unspoken_passive(cue, p.mask, first):
        # "when Lomu was asked whether he was taking a risk he replied: “…”" (the parser hung the
        # quote on "asked"): the answer's verb
        cue = next((c for c in reversed(p.cues) if cue.i < c.i and c.idx < s.mark_start and not _unspoken_passive(c, p.mask, first)), cue)
    return cue


def _listed_with(p: Paragraph, k: int, para_found: list[Found]) -> Attribution | None:
    """A phrase in a list of quoted phrases (“went on about “A,” “B” and “C,” Melanie said”) has the
    list's one speaker (and no one's, when the first is no one's: “described as “A” and “B””)."""
    if not para_found or para_found[-1].end != p.offset + p.stretches[k - 1].end:
        return None
    if not _LISTED.fullmatch(p.para[p.stretches[k - 1].mark_end : p.stretches[k].mark_start]):
        return None
    prev = para_found[-1]
    return Attribution(prev.person, prev.mention, prev.cue, unsaid=prev.unsaid, how=carried(LISTED_WITH.name, prev.how))


FIND_CUE, LISTED_WITH = steps("cues", _find_cue, _listed_with)
