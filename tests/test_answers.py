"""Answers on the bundled articles: the seed's promised answers, refusals, and the guarantee that
every quote shown is verbatim in its cited article."""

from __future__ import annotations

import random

import pytest

from bot.answer import answer
from embeddings.search import Where
from tests.conftest import STORES, in_store


@pytest.fixture(scope="module", params=STORES)
def store(request) -> str:
    """Every test here runs on each store: the index in its folder alone, and in Milvus."""
    return request.param


@pytest.fixture(scope="module")
def searcher(settings, store, milvus_uri, tmp_path_factory):
    from embeddings.pipeline import build_index, open_searcher

    s = in_store(settings.model_copy(update={"index_dir": tmp_path_factory.mktemp("answers")}), store, milvus_uri, "answers")
    build_index(s)
    return open_searcher(s)


def _ask(searcher, q: str):
    return answer(q, searcher, min_score=0.45)


@pytest.fixture
def searcher_of(settings, store, milvus_uri, tmp_path):
    def make(files: dict[str, str]):
        """A searcher over these article files alone (name -> text), built as `whosaid index` would."""
        from embeddings.pipeline import build_index, open_searcher

        articles = tmp_path / "articles"
        articles.mkdir()
        for name, text in files.items():
            (articles / name).write_text(text, encoding="utf-8")
        s = settings.model_copy(update={"articles_dir": articles, "index_dir": tmp_path / "ix"})
        s = in_store(s, store, milvus_uri, tmp_path.name)
        build_index(s)
        return open_searcher(s)

    return make


def test_who_said_finds_rubio(searcher) -> None:
    a = _ask(searcher, "Who said there is still a lot of work to be done?")
    assert a.found
    top = a.quotes[0]
    assert top.speaker == "Marco Rubio"
    assert "there is still a lot of work to be done" in top.quote.text
    assert top.article.path == "rubio-umerov-miami-talks.txt" and top.quote.paragraph == 5
    assert "Marco Rubio" in a.text and "paragraph 5" in a.text and "[1]" in a.text
    # the article names no outlet: the citation leaves it out rather than saying "unknown outlet"
    assert "[1] 2025-11-30, \u201cSecretary of State says" in a.text


def test_what_did_umerov_say_about_the_meeting(searcher) -> None:
    a = _ask(searcher, "What did Umerov say about the meeting?")
    assert a.found
    assert a.quotes[0].speaker == "Rustem Umerov"
    assert "productive and successful" in a.quotes[0].quote.text


def test_speaker_found_by_title(searcher) -> None:
    a = _ask(searcher, "What did the secretary of state say about Russia?")
    assert a.found and {q.speaker for q in a.quotes} == {"Marco Rubio"}


def test_unanswerable_questions_are_refused(searcher) -> None:
    for q in ["Who said the moon is made of cheese?", "What did Rubio say about football?", "How do I bake sourdough bread?"]:
        a = _ask(searcher, q)
        assert not a.found, q
        assert a.quotes == () and a.passages == () and a.citations == ()
        assert a.to_json()["found"] is False


def test_unknown_person(searcher) -> None:
    a = _ask(searcher, "What did Angela Merkel say about the talks?")
    assert not a.found and "Angela Merkel" in a.text


def test_quotes_in_other_formats(searcher) -> None:
    a = _ask(searcher, "Who said demand for processors has never been stronger?")
    assert a.found and a.quotes[0].speaker == "Priya Raman"
    assert a.quotes[0].article.url == "https://news.example/lumina"
    a = _ask(searcher, "Who said they had never seen waves like these?")
    assert a.found and a.quotes[0].speaker == "Jonas Pike"


def test_every_quote_shown_is_verbatim_in_its_cited_article(searcher) -> None:
    """Generate many questions from the index itself and check every answer it gives."""
    rng = random.Random(7)
    index = searcher.index
    questions = []
    for q in list(index.quotes) * 3:
        words = q.text.split()
        if len(words) >= 3:
            a = rng.randrange(0, max(1, len(words) - 3))
            questions.append("Who said " + " ".join(words[a : a + rng.randint(3, 8)]) + "?")
    for p in index.passages:
        words = p.text.split()
        questions.append(" ".join(rng.sample(words, min(6, len(words)))))
    names = sorted({q.speaker for q in index.quotes if q.speaker})
    questions += [f"What did {n.split()[-1]} say?" for n in names]
    assert len(questions) >= 60
    shown = 0
    for question in questions:
        a = _ask(searcher, question)
        for h in a.quotes:
            article = index.articles[h.quote.article_id]
            assert h.article is article
            assert article.text[h.quote.start : h.quote.end] == h.quote.text
            assert h.quote.text in article.paragraphs[h.quote.paragraph - 1] or h.quote.kind == "direct"
            assert h.quote.text in a.text
            shown += 1
        for p in a.passages:
            assert p.passage.text in p.article.text
        if not a.found:
            assert not a.citations
    assert shown > 60


def test_a_remembered_fragment_of_a_quote_finds_it(searcher) -> None:
    """People ask with a few words they remember, in order but with one missing and no
    punctuation: every 6-word window of every longer quote, one word dropped. The quote holding
    them comes first nearly always, although its vector, averaged over many more words, is far
    from the question's (the threshold alone refused a fifth of these)."""
    rng = random.Random(11)
    asked = right = 0
    for q in searcher.index.quotes:
        if q.kind != "direct" or len(q.text.split()) < 10:
            continue
        words = [w.strip(".,;:!?\u201c\u201d\"'") for w in q.text.split()]
        for start in range(len(words) - 5):
            window = words[start : start + 6]
            del window[rng.randrange(1, 5)]
            a = _ask(searcher, f"Who said {' '.join(window).lower()}?")
            asked += 1
            right += a.found and a.quotes[0].quote.text == q.text
    assert asked >= 100
    assert right >= 0.95 * asked, f"{right} of {asked}"


def test_filters_apply_inside_the_search(searcher) -> None:
    question = "Who said there is still a lot of work to be done?"
    assert answer(question, searcher, where=Where(source="no such outlet")).found is False
    assert answer(question, searcher, where=Where(since="2025-11-01", until="2025-12-31")).quotes[0].speaker == "Marco Rubio"
    assert answer(question, searcher, where=Where(until="2025-01-01")).found is False
    museum = answer("What did Elena Voss say?", searcher, where=Where(source="daily planet"))
    assert museum.found and museum.quotes[0].article.source == "Daily Planet"
    assert answer("What did Elena Voss say?", searcher, where=Where(source="gazette")).found is False


def test_a_refusal_names_everyone_the_name_matched(searcher_of) -> None:
    """ "What did Clinton say about …" searches Hillary's and Bill's quotes; saying "the articles
    don't quote Hillary Clinton" alone would hide that Bill's were searched too."""
    searcher = searcher_of(
        {
            "health.txt": "Clinton on health care\n\n\u201cEvery family deserves affordable care,\u201d Hillary Clinton said on Monday.\n",
            "trade.txt": "Clinton on trade\n\n\u201cOpen markets lift every country,\u201d Bill Clinton told the forum.\n",
        },
    )
    assert _ask(searcher, "What did Clinton say about health care?").found
    a = _ask(searcher, "What did Clinton say about football?")
    assert not a.found
    assert "Hillary Clinton" in a.text and "Bill Clinton" in a.text, a.text


def test_a_title_lists_the_most_quoted_holder_first(searcher_of) -> None:
    """`/quotes speaker:the prime minister` over an archive of several prime ministers opens with
    the one the articles quote most, not with whichever article the index holds first."""
    from bot.answer import list_quotes

    searcher = searcher_of(
        {
            "a-euro.txt": "Euro worries\n\nPrime Minister Silvio Berlusconi said the strong euro was \u201cabsolutely worrying.\u201d\n",
            "b-blair.txt": "Blair on schools\n\n"
            "\u201cEvery child deserves a good school,\u201d Prime Minister Tony Blair said.\n\n"
            "\u201cWe will build two hundred academies,\u201d Mr Blair added.\n\n"
            "\u201cParents want results, not excuses,\u201d Mr Blair told the conference.\n",
        },
    )
    listed = list_quotes(searcher, "the prime minister", None, limit=10)
    assert [h.speaker for h in listed][:3] == ["Tony Blair"] * 3
    assert {h.speaker for h in listed} == {"Tony Blair", "Silvio Berlusconi"}


def test_a_wire_copy_lists_its_quote_once(searcher_of) -> None:
    """Two outlets run the same agency story: `/quotes` shows its quote once, not twice in a row."""
    from bot.answer import list_quotes

    story = "Bridge to reopen\n\n\u201cThe bridge will reopen on Monday,\u201d Mayor Alice Brennan said.\n"
    searcher = searcher_of({"paper-a.txt": story, "paper-b.txt": story.replace("reopen\n", "reopen soon\n", 1)})
    assert len(searcher.index.quotes) == 2
    for about in (None, "bridge"):
        listed = list_quotes(searcher, "Brennan", about, limit=10)
        assert [h.quote.text for h in listed] == ["The bridge will reopen on Monday"], about


def test_a_wire_copy_that_names_the_speaker_more_fully_is_the_one_shown(searcher_of) -> None:
    """One copy says "Mayor Alice Brennan", another only "Ms Brennan"; with a John Brennan in the
    archive the lone surname stays unmerged, yet the same words are shown once, under the full name."""
    from bot.answer import list_quotes

    quote = "\u201cThe bridge will reopen on Monday,\u201d"
    searcher = searcher_of(
        {
            "a.txt": f"Bridge news\n\nThe council met. {quote} Ms Brennan said.\n",
            "b.txt": f"Bridge to reopen\n\n{quote} Mayor Alice Brennan said.\n",
            "c.txt": "Budget talks\n\n\u201cWe will cut the budget,\u201d John Brennan said.\n",
        },
    )
    listed = [(h.speaker, h.quote.text) for h in list_quotes(searcher, "Brennan", None, limit=10)]
    assert listed.count(("Alice Brennan", "The bridge will reopen on Monday")) == 1, listed
    assert not any(text == "The bridge will reopen on Monday" and who != "Alice Brennan" for who, text in listed), listed


def test_words_asked_in_their_order_find_the_quote_that_has_them_in_order(searcher_of) -> None:
    """Two speakers use the same words; the one who said them in the order the user remembers
    comes first, although word counts and averaged vectors cannot tell the two quotes apart."""
    searcher = searcher_of(
        {
            "farm.txt": "Farm bill debate\n\n"
            "\u201cFirst the farmers lose their markets, and then the tariffs hurt the workers,\u201d Senator Ann Lee said.\n\n"
            "\u201cFirst the tariffs hurt the farmers, and then the workers lose their markets,\u201d Governor Bo Park said.\n"
        },
    )
    for question, speaker in (
        ("Who said the tariffs hurt the farmers and then the workers lose?", "Bo Park"),
        ("Who said the farmers lose their markets and then the tariffs hurt?", "Ann Lee"),
    ):
        a = _ask(searcher, question)
        assert a.found and a.quotes[0].speaker == speaker, (question, [q.speaker for q in a.quotes])


def test_a_fragment_in_marks_is_shown_in_the_clause_that_holds_it(searcher_of) -> None:
    """ "Donald Trump said: “criminal”" tells the user nothing; the answer shows the reported clause
    around it, marks and all, once (not the clause and the fragment as two quotes)."""
    searcher = searcher_of(
        {
            "emails.txt": "Trump on the emails\n\nDonald Trump spoke in Ohio on Monday.\n\n"
            "He said that Clinton\u2019s \u201conly experience in cybersecurity\u201d was her \u201ccriminal\u201d attempt to keep her emails hidden.\n"
        },
    )
    a = _ask(searcher, "What did Trump say about Clinton's emails?")
    assert [h.quote.text for h in a.quotes] == [
        "Clinton\u2019s \u201conly experience in cybersecurity\u201d was her \u201ccriminal\u201d attempt to keep her emails hidden"
    ], a.text
    heading, first = a.text.splitlines()[:2]
    assert heading == "Closest in meaning:"
    assert first.startswith("Donald Trump said (reported speech): Clinton\u2019s \u201conly experience")


def test_a_question_asked_in_other_words_gets_the_same_answer(searcher) -> None:
    expected = _ask(searcher, "What did Umerov say about the meeting?").quotes[0].quote
    for q in [
        "Did Umerov say anything about the meeting?",
        "What has Umerov been saying about the meeting?",
        "Quotes from Umerov on the meeting",
        "Can you tell me what Umerov said about the meeting?",
    ]:
        a = _ask(searcher, q)
        assert a.found and a.quotes[0].quote == expected, q
    a = _ask(searcher, "Did anyone say there is still a lot of work to be done?")
    assert a.found and a.quotes[0].speaker == "Marco Rubio"


def _answer_lines(body: str) -> list[str]:
    """Each quote of a snippet as an answer shows it."""
    from bot.answer import QuoteHit, describe
    from embeddings.articles import parse_text
    from tests.quotes_helper import quotes_of

    article = parse_text(f"Headline\n\n{body}", "snippet.txt")
    return [describe(QuoteHit(q, q.speaker, article, 1.0), 1) for q in quotes_of(body)]


def test_an_answer_reads_the_cue_as_a_verb_of_its_speaker() -> None:
    """The article's "…, adding that", "will claim" or "did so, saying" give the cue "adding",
    "claim", "saying"; an answer that reads "Gordon Brown claim:" or "Jane Smith saying:" is
    broken English. One speaker's cue reads in the past; a group's "say" stays ("Officials say")."""
    lines = _answer_lines(
        "Gordon Brown will claim that the forecasts are simply wrong and that taxes will not rise.\n\n"
        "Jane Smith defended the plan on Monday, saying it would cut waiting lists by half within a year.\n\n"
        "Officials say the bridge will be closed for two more weeks."
    )
    assert [line.split(" (reported speech)")[0] for line in lines] == ["Gordon Brown claimed", "Jane Smith said", "Officials say"]


def test_an_answer_says_whom_a_speaker_told() -> None:
    """ "Tony Blair told: “…”" is no English: the cue carries a short object the article names ("told
    the BBC", "urged Congress", "described the decision as", which stops where the words begin); with
    only a pronoun ("told her", "described it as") it reads as "said"."""
    lines = _answer_lines(
        "\u201cYou cannot underestimate the impact of the war,\u201d Tony Blair told the BBC on Sunday.\n\n"
        "Barack Obama urged Congress to \u201cact now on climate change.\u201d\n\n"
        "Harry Reid met Jane Smith. He told her that the bill was dead.\n\n"
        "Mayor Ann Lee told her supporters: \u201cWe will build the bridge.\u201d\n\n"
        'A lawyer for the bank, Mark Hale, described the decision as "deeply disappointing", but praised the judge.\n\n'
        "Rosa Diaz met the union leaders on Monday. She described it as \u201ca betrayal of every worker in this town.\u201d"
    )
    assert [line.split(":")[0].replace(" (reported speech)", "") for line in lines] == [
        "Tony Blair told the BBC",
        "Barack Obama urged Congress",
        "Harry Reid said",
        "Ann Lee told her supporters",
        "Mark Hale described the decision as",
        "Rosa Diaz said",
    ]


def test_an_answer_says_what_kind_of_match_it_is(searcher) -> None:
    """Words found as typed, a quote close in meaning, and a passage fallback each say so first."""
    exact = _ask(searcher, "Who said there is still a lot of work to be done?")
    assert exact.match == "exact" and exact.text.splitlines()[0] == "These words are in the articles:"
    close = _ask(searcher, "Who said the peace plan was comprehensive?")
    assert close.found and close.match == "close" and close.text.splitlines()[0] == "Closest in meaning:"
    assert close.quotes[0].speaker == "Marco Rubio"
    assert exact.to_json()["match"] == "exact" and close.to_json()["match"] == "close"


def test_a_passage_fallback_puts_no_words_in_anyones_mouth(searcher) -> None:
    a = _ask(searcher, "What happened at the Ukraine talks in Miami?")
    assert a.found and a.match == "article" and a.quotes == ()
    assert a.text.splitlines()[0] == "From the article:"
    for hit in a.passages:  # the passage as the article has it, not wrapped in marks as someone's words
        assert hit.passage.text in a.text and f"\u201c{hit.passage.text}" not in a.text


def test_quoted_words_no_article_has_are_said_to_be_missing_first(searcher) -> None:
    a = _ask(searcher, "Who said \u2018the peace plan is dead and buried for good\u2019?")
    assert a.text.startswith("No loaded article has the words \u201cthe peace plan is dead and buried for good\u201d.")
    assert a.match != "exact"
    held = _ask(searcher, "Who said \u2018There is STILL a lot  of work\u2019?")  # case and spacing aside, a quote has them
    assert "No loaded article has" not in held.text and held.found


def test_a_misspelt_name_is_answered_and_the_answer_says_which_name_it_read(searcher) -> None:
    a = _ask(searcher, "What did Rustem Umerovv say about the meeting?")
    assert a.found and a.quotes[0].speaker == "Rustem Umerov"
    assert "read as Rustem Umerov" in a.text.splitlines()[0]


def test_a_date_in_the_question_filters_the_articles(searcher) -> None:
    assert _ask(searcher, "What did Umerov say about the meeting in November 2025?").found
    a = _ask(searcher, "What did Umerov say about the meeting in January 2019?")
    assert not a.found and "leaves out all" in a.text


def test_a_speaker_described_by_role_is_found_by_it(searcher) -> None:
    a = _ask(searcher, "Which secretary of state said the meeting had been useful?")
    assert a.found and a.quotes[0].speaker == "Marco Rubio" and "useful" in a.quotes[0].quote.text


def test_an_outlet_in_the_question_filters_the_articles(searcher) -> None:
    """ "… in the Riverside Gazette" is where to look, not words of the quote; an outlet no
    article has stays part of the question."""
    a = _ask(searcher, "Who said the budget was pure fantasy in the Riverside Gazette?")
    assert a.found and a.quotes[0].speaker == "Tom Hale" and a.quotes[0].article.source == "Riverside Gazette"
    assert not _ask(searcher, "What did Umerov say about the meeting in the Riverside Gazette?").found
    from bot.answer import outlet_filter

    unknown = "What did Umerov say about the meeting on Fox News?"
    assert outlet_filter(unknown, searcher) == (unknown, None)
    assert outlet_filter("Who said it according to riverside gazette?", searcher)[1] is None  # names are capitalised
    assert outlet_filter("Who said it according to Riverside Gazette?", searcher) == ("Who said it?", "riverside gazette")
