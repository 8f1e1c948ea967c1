"""Questions to answers. The CLI and the Discord bot both call `answer()`, so they say the same.

Every quote in an answer is a slice of its article's text and carries the citation for it;
below the relevance threshold the answer says the articles don't say, and cites nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bot.questions import read_question
from embeddings.articles import Article
from embeddings.passages import Passage
from embeddings.people import Speaker, quote_ids
from embeddings.people import words as name_words
from embeddings.quotes import OBJECT_VERBS, Quote
from embeddings.search import Hit, Searcher, Where

NOT_FOUND = "The loaded articles don't say."


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

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "answer": self.text,
            "found": self.found,
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
        "article": h.article.meta(),
    }


def citation(article: Article, paragraph: int) -> str:
    """Outlet, date, headline, paragraph and link: enough to find the words in the source. What an
    article does not give is left out rather than shown as "unknown"."""
    parts = [article.source, article.date, f"\u201c{article.title}\u201d", f"paragraph {paragraph}"]
    text = ", ".join(p for p in parts if p)
    return f"{text} <{article.url}>" if article.url else f"{text} ({article.path})"


#: What-did topics: a speaker's quote answers "about Y" when its cosine to Y reaches
#: min_score - TOPIC_MARGIN, or when it holds Y's words (cosine >= TOPIC_FLOOR). Calibrated with
#: benchmarks/eval_retrieval.py: 95% of unanswerable what-did questions refused for 0.2 points of
#: recall (a looser 0.25 threshold refused 71%).
TOPIC_MARGIN = 0.05
TOPIC_FLOOR = 0.10


#: A text holding this share of the question's words in order answers it whatever its cosine (a
#: remembered fragment of a long quote), once the question has PHRASE_WORDS words or more.
PHRASE_SHARE = 0.8
PHRASE_WORDS = 4


def _relevant(hit: Hit, threshold: float, floor: float, words: int = 0) -> bool:
    """Dense similarity above the threshold, or nearly every content word of the question present
    with some similarity (the floor), or the question's `words` words nearly all there in order."""
    if words >= PHRASE_WORDS and hit.in_order >= PHRASE_SHARE:
        return True
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
    around = (searcher.index.quotes[i] for i in searcher.quotes_of_article.get(quote.article_id, []))
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
    from lemminflect import getAllInflections, getAllLemmas

    verb, _, rest = cue.partition(" ")
    low = verb.lower()
    lemma = next(iter(getAllLemmas(low, upos="VERB").get("VERB", ())), None)  # the dictionary's, no guessing
    forms = getAllInflections(lemma, upos="VERB") if lemma else {}
    if lemma in OBJECT_VERBS and not rest:  # "Reid told him …" is stored as "told": "Reid told: …" is no English
        low = next((getAllInflections("say", upos="VERB")[tag][0] for tag, words in forms.items() if low in words), "said")
        return told(low, plural)
    if not forms.get("VBD") or not (low in forms.get("VBG", ()) or (low == lemma and not plural)):
        return cue
    return " ".join([forms["VBD"][0], rest]).strip()


def describe(h: QuoteHit, number: int) -> str:
    if h.quote.kind == "indirect":
        return f"{lead(h)} (reported speech): {h.quote.text} [{number}]"
    return f"{lead(h)}: \u201c{h.quote.text}\u201d [{number}]"


def _compose(question: str, quotes: list[QuoteHit], passages: list[PassageHit]) -> Answer:
    lines: list[str] = []
    cites: list[str] = []
    for h in quotes:
        cites.append(citation(h.article, h.quote.paragraph))
        lines.append(describe(h, len(cites)))
    for p in passages:
        cites.append(citation(p.article, p.passage.first_paragraph))
        lines.append(f"\u201c{p.passage.text}\u201d [{len(cites)}]")
    text = "\n".join(lines + [""] + [f"[{i}] {c}" for i, c in enumerate(cites, 1)])
    return Answer(question, text, True, tuple(quotes), tuple(passages), tuple(cites))


def not_found(question: str, why: str = NOT_FOUND) -> Answer:
    return Answer(question, why, False)


def answer(
    question: str, searcher: Searcher, min_score: float = 0.45, max_quotes: int = 5, max_passages: int = 3, where: Where | None = None
) -> Answer:
    """Who said X / what did P say (about Y) / anything else, answered from the index (from the
    articles `where` admits, when given)."""
    asked = read_question(question)
    question = asked.text
    if not question:
        return not_found(question, "Ask a question, e.g. \u201cWho said the talks were productive?\u201d")
    if asked.speaker:
        return speaker_quotes(question, asked.speaker, asked.about, searcher, min_score, max_quotes, where)
    if asked.who_said:
        what = asked.who_said
        words = len(what.split())
        hits = [h for h in searcher.quotes(what, k=max_quotes * 3, where=where) if _relevant(h, min_score, min_score - 0.15, words)]
        quote_hits = _dedupe([_quote_hit(searcher, h, in_context=True) for h in hits])[:max_quotes]
        if not quote_hits:
            return not_found(question)
        return _compose(question, quote_hits, [])
    return passages_answer(question, searcher, min_score, max_passages, where)


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


def speaker_quotes(
    question: str, who: str, about: str | None, searcher: Searcher, min_score: float, limit: int, where: Where | None = None
) -> Answer:
    """A person's quotes, matched by any of their names or titles, ranked by the topic if given."""
    speakers = searcher.directory.find(who)
    if not speakers:
        return not_found(question, f"The loaded articles have no quotes from {who}.")
    ids = [int(i) for i in searcher.allowed(where, "quotes", quote_ids(speakers))]
    if not ids:
        return not_found(question, f"The selected articles have no quotes from {_either(speakers)}.")
    if about:
        hits = [h for h in searcher.quotes(about, k=limit * 3, quote_ids=ids) if _relevant(h, min_score - TOPIC_MARGIN, TOPIC_FLOOR)]
        if not hits:
            return not_found(question, f"The loaded articles don't quote {_either(speakers)} on {about}.")
        quote_hits = [_quote_hit(searcher, h, in_context=True) for h in hits]
    else:
        quote_hits = [_quote_hit(searcher, Hit(i, 1.0, 1.0, 1.0), in_context=True) for i in ids]
        quote_hits.sort(key=lambda h: (h.article.date or "", h.quote.kind != "direct"), reverse=True)
    return _compose(question, _dedupe(quote_hits)[:limit], [])


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
    for h in hits[:limit]:
        passage = searcher.index.passages[h.id]
        quotes = (searcher.index.quotes[i] for i in searcher.quotes_of_article.get(passage.article_id, []))
        inside = tuple(
            QuoteHit(q, searcher.directory.canonical(q), searcher.index.articles[q.article_id], h.cosine)
            for q in quotes
            if passage.start <= q.start and q.end <= passage.end and q.kind != "indirect"
        )
        out.append(PassageHit(passage, searcher.index.articles[passage.article_id], h.cosine, inside))
    return _compose(question, [], out)


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
    return _dedupe([_quote_hit(searcher, h) for h in hits])[:limit]
