"""Discord rendering: every page within Discord's limits, no citation ever cut."""

from __future__ import annotations

import re

from bot.answer import Answer, QuoteHit
from bot.render import answer_pages, within_limits
from embeddings.articles import Article
from embeddings.attribution import Quote


def _hit(n: int, words: int) -> QuoteHit:
    text = " ".join(f"word{n}_{i}" for i in range(words))
    article = Article(f"a{n}", f"file{n}.txt", f"Headline number {n} " + "x" * 80, (text,), "2024-01-01", "Outlet", f"https://ex.org/{n}")
    quote = Quote(article.id, text, 0, len(text), 1, "direct", f"Speaker {n}", f"Speaker {n}", "said")
    return QuoteHit(quote, f"Speaker {n}", article, 0.9)


def test_many_and_huge_quotes_are_paged_within_limits() -> None:
    hits = (_hit(1, 1500), *(_hit(n, 120) for n in range(2, 30)))
    answer = Answer("Who said everything? " * 30, "text", True, hits)
    pages = answer_pages(answer)
    assert len(pages) > 2
    assert all(within_limits(p) for p in pages)
    joined = "\n".join(p.description for p in pages)
    # every citation appears whole, once, and in order
    numbers = [int(n) for n in re.findall(r"^\[(\d+)\] Outlet, 2024-01-01", joined, re.M)]
    assert numbers == list(range(1, len(hits) + 1))
    for n in range(1, len(hits) + 1):
        assert f"<https://ex.org/{n}>" in joined
    # the huge quote is spread over pages but every word of it is shown, in order
    shown = re.findall(r"word1_\d+", joined)
    assert shown == [f"word1_{i}" for i in range(1500)]


def test_not_found_is_one_short_page() -> None:
    pages = answer_pages(Answer("Who said nothing?", "The loaded articles don't say.", False))
    assert len(pages) == 1 and pages[0].description == "The loaded articles don't say." and within_limits(pages[0])


def test_the_attribution_reads_as_a_sentence() -> None:
    """ "According to **FBI**:", not "**FBI** according to:"; a listicle's "― Name" shows as said."""
    from dataclasses import replace

    from bot.answer import describe
    from bot.render import quote_block

    hit = _hit(1, 5)
    reported = replace(hit, quote=replace(hit.quote, kind="indirect", cue="according to"))
    byline = replace(hit, quote=replace(hit.quote, cue="\u2015"))
    assert quote_block(reported, 1).startswith("According to **Speaker 1**:\n")
    assert describe(reported, 1).startswith("According to Speaker 1 (reported speech): word1_0")
    assert quote_block(byline, 2).startswith("**Speaker 1** said:\n> word1_0")
    assert describe(hit, 3).startswith("Speaker 1 said: \u201cword1_0")
    # a cue that opened its sentence ("Citing …, Trump accused") reads in lower case after the
    # name, and in the past as one speaker's verb
    citing = replace(hit, quote=replace(hit.quote, kind="indirect", cue="Citing"))
    assert describe(citing, 4).startswith("Speaker 1 cited (reported speech): word1_0")


def test_a_discord_answer_opens_with_its_kind_of_match() -> None:
    """The embed says, before any quote, whether these are the user's words or only close in meaning."""
    for match, line in (("exact", "These words are in the articles:"), ("close", "Closest in meaning:")):
        pages = answer_pages(Answer("Who said it?", "text", True, (_hit(1, 5),), match=match))
        assert pages[0].description.startswith(f"*{line}*\n\n**Speaker 1** said:")
    noted = Answer(
        "What did Speaker Onne say?", "text", True, (_hit(1, 5),), match="close", note="(\u201cSpeaker Onne\u201d read as Speaker 1.)"
    )
    assert answer_pages(noted)[0].description.startswith("*(\u201cSpeaker Onne\u201d read as Speaker 1.) Closest in meaning:*")


def test_a_passage_is_shown_as_the_articles_words_not_as_a_quote() -> None:
    from bot.answer import PassageHit
    from embeddings.passages import Passage

    article = _hit(1, 5).article
    passage = Passage(article.id, "The council met on Tuesday.", 0, 27, 1, 1)
    pages = answer_pages(Answer("What happened?", "text", True, passages=(PassageHit(passage, article, 0.7),), match="article"))
    body = pages[0].description
    assert body.startswith("*From the article:*\n\nThe council met on Tuesday.\n[1] ")
    assert "> The council" not in body and "\u201cThe council" not in body
