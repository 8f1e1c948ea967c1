"""Questions to answers. The CLI and the Discord bot both call `answer()`, so they say the same.

Every quote in an answer is a slice of its article's text and carries the citation for it;
below the relevance threshold the answer says the articles don't say, and cites nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.questions import Question, read_question
from embeddings import verbs
from embeddings.articles import Article
from embeddings.attribution import OBJECT_VERBS, Quote
from embeddings.passages import Passage
from embeddings.people import Speaker, quote_ids
from embeddings.people import words as name_words
from embeddings.ranking import ALL_OF_SPEAKER, KEEP_SHARE, SHARE_AMONG, Asked, candidates, load_ranker, score, verbatim_first
from embeddings.search import Hit, Searcher, Where, in_one_run, outlet_key

NOT_FOUND = "The loaded articles don't say."
#: How an answer's quotes match the question, as its first line says.
EXACT, CLOSE, ARTICLE, NONE = "exact", "close", "article", "none"
MATCH_LINES = {EXACT: "These words are in the articles:", CLOSE: "Closest in meaning:", ARTICLE: "From the article:"}
#: The question's words count as found verbatim when a quote holds this share of them in one run.
VERBATIM_SHARE = 0.8
#: Verbs of saying that add nothing to the words searched for; any other ("called", "slammed",
#: "urged") is searched with them, since the quote often carries it ("a bloodsucker", "calm").
PLAIN_VERBS = {"say", "state", "add", "note", "tell", "claim", "comment", "remark", "declare", "write", "tweet", "talk", "speak"}


@dataclass(frozen=True)
class QuoteHit:
    quote: Quote
    speaker: str | None
    article: Article
    score: float


@dataclass(frozen=True)
class PassageHit:
    passage: Passage
    article: Article
    score: float
    quotes: tuple[QuoteHit, ...] = ()


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    found: bool
    quotes: tuple[QuoteHit, ...] = ()
    passages: tuple[PassageHit, ...] = ()
    citations: tuple[str, ...] = field(default=())
    match: str = NONE
    #: what the answer first says, before its quotes: a name it matched instead of the one typed
    #: ("Tony Blair", for "Tony Blaire"), or quoted words no article has
    note: str = ""

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "answer": self.text,
            "found": self.found,
            "match": self.match,
            "note": self.note,
            "quotes": [quote_json(h) for h in self.quotes],
            "passages": [
                {"text": h.passage.text, "paragraph": h.passage.first_paragraph, "score": round(h.score, 4), "article": h.article.meta()}
                for h in self.passages
            ],
        }


def quote_json(h: QuoteHit) -> dict:
    return {
        "speaker": h.speaker,
        "quote": h.quote.text,
        "cue": h.quote.cue,
        "kind": h.quote.kind,
        "paragraph": h.quote.paragraph,
        "score": round(h.score, 4),
        "mention": h.quote.mention,
        "how": h.quote.how,
        "article": h.article.meta(),
    }


def citation(article: Article, paragraph: int) -> str:
    """Outlet, date, headline, paragraph and link: enough to find the words in the source. What an
    article does not give is left out rather than shown as "unknown"."""
    parts = [article.source, article.date, f"\u201c{article.title}\u201d", f"paragraph {paragraph}"]
    text = ", ".join(p for p in parts if p)
    return f"{text} <{article.url}>" if article.url else f"{text} ({article.path})"


def _relevant(hit: Hit, threshold: float, floor: float) -> bool:
    """A passage answers a question that asks for no quote: dense similarity above the threshold,
    or nearly every content word of the question present with some similarity (the floor)."""
    return hit.cosine >= threshold or (hit.coverage >= 0.8 and hit.cosine >= floor)


def _quote_hit(searcher: Searcher, hit: Hit, in_context: bool = False) -> QuoteHit:
    """The hit's quote, or for an answer (`in_context`) the reported clause that holds it."""
    quote = searcher.index.quotes[hit.id]
    quote = _in_context(searcher, quote) if in_context else quote
    speaker = searcher.directory.canonical(quote)
    return QuoteHit(quote, speaker, searcher.index.articles[quote.article_id], hit.cosine)


def _in_context(searcher: Searcher, quote: Quote) -> Quote:
    """A fragment in marks is shown in the reported clause that holds it, when its speaker's
    clause does: "Trump said (reported speech): her handling of the emails was “criminal”", not
    "Trump said: “criminal”" (the same words, verbatim, with what they were said of)."""
    if quote.kind != "mixed":
        return quote
    ids = searcher.quotes_in_article(quote.article_id)
    searcher.prefetch(quotes=ids)
    around = (searcher.index.quotes[i] for i in ids)
    return next(
        (q for q in around if q.kind == "indirect" and q.speaker == quote.speaker and q.start <= quote.start and quote.end <= q.end),
        quote,
    )


def speaker_label(h: QuoteHit) -> str:
    """The speaker's name, or the mention as written when the article doesn't say who it is."""
    return h.speaker or (f"{h.quote.mention} (unidentified)" if h.quote.mention else "An unidentified speaker")


def lead(h: QuoteHit, mark: Callable[[str], str] = str) -> str:
    """Who and how, as a sentence opens: "Rubio said", "According to FBI" (not "FBI according
    to"), "said" for a cue that is only a mark (a listicle's "―", a transcript's ":"), and a cue
    that opened its sentence in lower case, and one speaker's as a finite verb (`told`: "Citing …,
    Trump" is "Trump cited")."""
    who = mark(speaker_label(h))
    cue = h.quote.cue if h.quote.cue and any(c.isalpha() for c in h.quote.cue) else "said"
    cue = cue[:1].lower() + cue[1:]
    if cue.lower() == "according to":
        return f"According to {who}"
    return f"{who} {told(cue, plural=h.quote.group)}"


def told(cue: str, plural: bool = False) -> str:
    """The cue as the answer's verb: the article's "…, saying", "will claim" or "refused to
    comment" cut to one verb would read "Brown saying", "Brown claim"; those read in the past
    ("Brown said", "Brown claimed"). A group's "say" stays ("Officials say"), as do "says" and "said"; a verb that
    needs its object, stored without one ("told him", "described it as"), reads as "said"."""
    verb, _, rest = cue.partition(" ")
    low = verb.lower()
    lemma = next(iter(verbs.lemmas(low)), None)  # the dictionary's, no guessing
    forms = verbs.forms(lemma) if lemma else {}
    if lemma in OBJECT_VERBS and not rest:  # "Reid told him …" is stored as "told": "Reid told: …" is no English
        low = next((verbs.forms("say")[tag][0] for tag, words in forms.items() if low in words), "said")
        return told(low, plural)
    if not forms.get("VBD") or not (low in forms.get("VBG", ()) or (low == lemma and not plural)):
        return cue
    return " ".join([forms["VBD"][0], rest]).strip()


def describe(h: QuoteHit, number: int) -> str:
    if h.quote.kind == "indirect":
        return f"{lead(h)} (reported speech): {h.quote.text} [{number}]"
    return f"{lead(h)}: \u201c{h.quote.text}\u201d [{number}]"


def heading(match: str, note: str = "") -> str:
    """The answer's first line: what kind of match follows, after anything the reader must know first."""
    line = MATCH_LINES.get(match, "")
    return f"{note} {line}".strip() if note else line


def _compose(question: str, quotes: list[QuoteHit], passages: list[PassageHit], match: str = CLOSE, note: str = "") -> Answer:
    first = heading(match, note)
    lines: list[str] = [first] if first else []
    cites: list[str] = []
    for h in quotes:
        cites.append(citation(h.article, h.quote.paragraph))
        lines.append(describe(h, len(cites)))
    for p in passages:
        cites.append(citation(p.article, p.passage.first_paragraph))
        lines.append(f"{p.passage.text} [{len(cites)}]")
    text = "\n".join(lines + [""] + [f"[{i}] {c}" for i, c in enumerate(cites, 1)])
    return Answer(question, text, True, tuple(quotes), tuple(passages), tuple(cites), match, note)


def not_found(question: str, why: str = NOT_FOUND) -> Answer:
    return Answer(question, why, False)


#: what an index with no articles answers, rather than "the articles don't say", which hides it
NOTHING_LOADED = "No articles are loaded yet."


def answer(
    question: str, searcher: Searcher, min_score: float = 0.45, max_quotes: int = 5, max_passages: int = 3, where: Where | None = None
) -> Answer:
    """Who said X / what did P say (about Y) / anything else, answered from the index (from the
    articles `where` admits, when given, and from the dates the question names)."""
    typed = " ".join(question.split())
    if not searcher.index.articles:
        return not_found(typed, NOTHING_LOADED)
    asked_text, outlet = outlet_filter(typed, searcher)
    asked = read_question(asked_text)
    if not asked.text:
        return not_found(typed, "Ask a question, e.g. \u201cWho said the talks were productive?\u201d")
    question = typed
    where = _with_dates(where, asked)
    if outlet and not (where and where.source):
        where = Where(outlet, where.since if where else None, where.until if where else None)
    if (none_left := searcher.left_out(where)) is not None:
        return not_found(question, none_left)
    if asked.speaker:
        return speaker_quotes(question, asked, searcher, max_quotes, where)
    if asked.who_said:
        return who_said(question, asked, searcher, max_quotes, where)
    return passages_answer(question, searcher, min_score, max_passages, where)


#: "… on Fox News", "… in the Guardian", "according to Breitbart": an outlet the question names.
_OUTLET_PHRASE = re.compile(r"\s*\b(?:on|in|at|by|from|according\s+to)\s+(?:the\s+)?(?P<name>[A-Z][\w&.'-]*(?:\s[A-Z][\w&.'-]*){0,3})")


def outlet_filter(question: str, searcher: Searcher) -> tuple[str, str | None]:
    """The question without an outlet it names, and that outlet, when the loaded articles have
    it; an outlet they don't have stays part of the question."""
    known = searcher.outlets()
    if not known:
        return question, None
    for m in _OUTLET_PHRASE.finditer(question):
        names = m.group("name").split(" ")
        for n in range(len(names), 0, -1):
            if (outlet := known.get(outlet_key(" ".join(names[:n])))) is not None:
                end = m.start("name") + len(" ".join(names[:n]))
                return (question[: m.start()] + question[end:]).strip(), outlet
    return question, None


def _with_dates(where: Where | None, asked: Question) -> Where | None:
    """The question's own dates ("in January 2005") narrow the articles, within any filter given."""
    if not asked.since:
        return where
    base = where or Where()
    since = max(filter(None, (base.since, asked.since)))
    until = min(filter(None, (base.until, asked.until)))
    return Where(base.source, since, until)


def search_text(words: str, asked: Question) -> str:
    """What is searched for: the words, with the question's verb when it says more than "said"."""
    if asked.verb and asked.verb not in PLAIN_VERBS and asked.verb_as:
        return f"{asked.verb_as} {words}"
    return words


def ranking_query(asked: Question) -> Asked:
    """What the ranker scores candidates against: a speaker's topic, or the words of a who-said
    question with its description of the speaker (benchmarks/fit_ranker.py asks the same)."""
    if asked.speaker:
        return Asked(search_text(asked.about or "", asked), "", asked.verb)
    return Asked(search_text(remembered(asked), asked), asked.described or "", asked.verb)


def ranked_hits(searcher: Searcher, asked: Asked, path: str, allowed=None, exhaustive: bool = False, limit: int = 5) -> list[QuoteHit]:
    """Candidates scored by the fitted ranker; those above the refusal threshold of their `path`
    ("who_said" or "speaker"), best first."""
    ranker = load_ranker()
    found = candidates(searcher, asked, None if allowed is None else [int(i) for i in allowed], exhaustive)
    ranked = verbatim_first(score(searcher, asked, found, ranker), len(asked.text.split()))
    speakers = [searcher.directory.canonical(searcher.index.quotes[s.id]) for s in ranked[:SHARE_AMONG]]
    if not ranker.answers(path, ranked, len(asked.text.split()), speakers):
        return []
    kept = [s for s in ranked if s.probability >= KEEP_SHARE * ranked[0].probability or s is ranked[0]]
    searcher.prefetch(quotes=[s.id for s in kept[: 3 * limit]], articles=True)
    hits = [_quote_hit(searcher, Hit(s.id, s.probability, s.cosine, 0.0), in_context=True) for s in kept[: 3 * limit]]
    return _dedupe(hits)[:limit]


def _match(words: str, hits: list[QuoteHit]) -> str:
    """Exact when the top quote holds nearly all of the question's words as one run."""
    if len(words.split()) >= 4 and hits and in_one_run(words, hits[0].quote.text) >= VERBATIM_SHARE:
        return EXACT
    return CLOSE


def remembered(asked: Question) -> str:
    """The words a who-said question searches for: those it put in quotation marks, if any (the
    reader remembers them; "at the Brits" around them is no part of the quote), else all of them."""
    return asked.quoted if asked.quoted and len(asked.quoted.split()) >= 3 else asked.who_said or ""


def who_said(question: str, asked: Question, searcher: Searcher, limit: int, where: Where | None) -> Answer:
    """The quotes that best fit the words (and the description of their speaker), with whose they are."""
    words = remembered(asked)
    allowed = searcher.allowed(where, "quotes")
    if allowed is not None and not len(allowed):
        return not_found(question, "No loaded article is in the range asked for." if asked.since else NOT_FOUND)
    hits = ranked_hits(searcher, ranking_query(asked), "who_said", allowed, limit=limit)
    note = _missing_words(searcher, asked.quoted)
    if not hits:
        return not_found(question, f"{note} {NOT_FOUND}".strip())
    return _compose(question, hits, [], CLOSE if note else _match(asked.quoted or words, hits), note)


def _missing_words(searcher: Searcher, quoted: str | None) -> str:
    """For words the user put in quotation marks: "No loaded article has the words …" when none does."""
    if not quoted or len(quoted.split()) < 3:
        return ""
    if searcher.quoted_anywhere(quoted):
        return ""
    return f"No loaded article has the words \u201c{quoted}\u201d."


def _dedupe(hits: list[QuoteHit]) -> list[QuoteHit]:
    """One entry per quoted text: wire copies of a story repeat the same quote. A copy that names
    the speaker more fully ("Michael Howard" where another says only "Mr Howard") takes the
    place of the shorter one; a speaker whose name does not fit is someone else."""
    out: list[QuoteHit] = []
    shown_at: dict[str, list[int]] = {}  # quoted text -> its entries in `out`
    for h in hits:
        mine = name_words(h.speaker) if h.speaker else set()
        for k in shown_at.get(h.quote.text, []):
            theirs = name_words(out[k].speaker) if out[k].speaker else set()
            if mine == theirs or (mine and theirs and (mine < theirs or theirs < mine)):
                if len(mine) > len(theirs):
                    out[k] = h
                break
        else:
            shown_at.setdefault(h.quote.text, []).append(len(out))
            out.append(h)
    return out


def speaker_quotes(question: str, asked: Question, searcher: Searcher, limit: int, where: Where | None = None) -> Answer:
    """A person's quotes, matched by any of their names or titles, ranked by the topic if given."""
    who, about = asked.speaker or "", asked.about
    found = searcher.directory.lookup(who)
    speakers = found.speakers
    if not speakers:
        return not_found(question, f"The loaded articles have no quotes from {who}.")
    note = f"(\u201c{who}\u201d read as {found.corrected}.)" if found.corrected else ""
    ids = [int(i) for i in searcher.allowed(where, "quotes", quote_ids(speakers))]
    if not ids:
        return not_found(question, f"The selected articles have no quotes from {_either(speakers)}.")
    if not about:
        searcher.prefetch(quotes=ids, articles=True)
        quote_hits = [_quote_hit(searcher, Hit(i, 1.0, 1.0, 1.0), in_context=True) for i in ids]
        quote_hits.sort(key=lambda h: (h.article.date or "", h.quote.kind != "direct"), reverse=True)
        return _compose(question, _dedupe(quote_hits)[:limit], [], NONE, note)
    hits = ranked_hits(searcher, ranking_query(asked), "speaker", ids, len(ids) <= ALL_OF_SPEAKER, limit)
    if not hits:
        return not_found(question, f"{note} The loaded articles don't quote {_either(speakers)} on {about}.".strip())
    return _compose(question, hits, [], _match(about, hits), note)


def _either(speakers: list[Speaker], shown: int = 3) -> str:
    """Everyone a name matched was searched, so a refusal names them all ("Hillary Clinton or Bill
    Clinton"), not just the most quoted."""
    names = [s.name for s in speakers[:shown]]
    if len(speakers) > shown:
        return f"{', '.join(names)} or {len(speakers) - shown} more"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def passages_answer(question: str, searcher: Searcher, min_score: float, limit: int, where: Where | None = None) -> Answer:
    hits = [h for h in searcher.passages(question, k=limit * 2, where=where) if _relevant(h, min_score - 0.15, min_score - 0.3)]
    if not hits:
        return not_found(question)
    out = []
    searcher.prefetch(passages=[h.id for h in hits[:limit]], articles=True)
    for h in hits[:limit]:
        passage = searcher.index.passages[h.id]
        ids = searcher.quotes_in_article(passage.article_id)
        searcher.prefetch(quotes=ids)
        quotes = (searcher.index.quotes[i] for i in ids)
        inside = tuple(
            QuoteHit(q, searcher.directory.canonical(q), searcher.index.articles[q.article_id], h.cosine)
            for q in quotes
            if passage.start <= q.start and q.end <= passage.end and q.kind != "indirect"
        )
        out.append(PassageHit(passage, searcher.index.articles[passage.article_id], h.cosine, inside))
    return _compose(question, [], out, ARTICLE)


def list_quotes(searcher: Searcher, speaker: str | None, about: str | None, limit: int, where: Where | None = None) -> list[QuoteHit]:
    """Quotes by speaker (any name or title) and/or ranked by topic, for `whosaid quotes` and /quotes."""
    ids: list[int] | None = None
    if speaker:
        # speaker by speaker, the most quoted of those the name or title fits first: "the prime
        # minister" lists Tony Blair's quotes before those of every other prime minister
        ids = [i for s in searcher.directory.find(speaker) for i in s.quote_ids]
    if where:
        ids = [int(i) for i in searcher.allowed(where, "quotes", ids)]
    if ids is not None and not ids:
        return []
    # wire copies of a story repeat its quotes: each is listed once, so ask for more than `limit`
    if about:
        hits = searcher.quotes(about, k=2 * limit, quote_ids=ids)
    else:
        hits = [Hit(i, 1.0, 1.0, 1.0) for i in (ids if ids is not None else range(len(searcher.index.quotes)))][: 2 * limit]
    searcher.prefetch(quotes=[h.id for h in hits], articles=True)
    return _dedupe([_quote_hit(searcher, h) for h in hits])[:limit]
