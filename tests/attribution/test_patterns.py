"""Patterns across the stages, each a named behaviour: the quote is found verbatim and given the right speaker
(the pinned cases of single rules are in the stage files beside this one)."""

from __future__ import annotations

import pytest

from tests.quotes_helper import quotes_of


def test_a_two_word_reply_does_not_break_extraction() -> None:
    """A reply too short to be a quote of its own is kept or dropped, but never breaks the article."""
    found = quotes_of("\u201cNo comment,\u201d replied spokesman Dan Fox. \u201cWe will say more next week,\u201d he added.")
    assert any(q.text == "We will say more next week" for q in found)


def test_titles_of_shows_and_podcasts_are_no_quotes() -> None:
    """A podcast's, a memoir's or an ad's title in marks, or a show before "star", is a name, not speech."""
    found = quotes_of(
        "Zach Carter is a co-host of the HuffPost Politics podcast, \u201cSo, That Happened.\u201d "
        "\u201cBroad City\u201d star Arturo Castro turned the tables. She wrote in her memoir, \u201cTough Choices.\u201d"
    )
    assert not [q.text for q in found if q.text.startswith(("So, That", "Broad City", "Tough Choices"))]


def test_reported_speech_does_not_open_with_punctuation() -> None:
    """What a speaker said, cut from a parenthetical "X said" clause, starts at its first word."""
    found = quotes_of(
        "Republican presidential candidate Marco Rubio says, win or lose in Tuesday\u2019s crucial Florida primary, he\u2019s staying in the race."
    )
    assert found and all(q.text[:1].isalnum() for q in found), [q.text for q in found]


def test_a_clause_holding_the_speaker_is_not_what_they_said() -> None:
    """The parser may make "Ben Carson, asked about …" the clause "said" reports: the speaker's
    own name is never reported speech."""
    found = quotes_of(
        "\u201cI'm not going to say it is a mistake,\u201d said retired neurosurgeon Ben Carson, asked about his claims "
        "that he had received a scholarship offer."
    )
    assert found and not any("Carson" in q.text for q in found)


def test_a_name_inside_what_was_said_is_not_the_speaker() -> None:
    """'A woman who has accused Bill Clinton of rape' is not Bill Clinton, whose name sits in the
    clause she is reported to have said."""
    found = quotes_of(
        "A woman who has accused former President Bill Clinton of rape spoke on Monday. "
        "Trump is a rampant xenophobe and birther who has repeatedly pledged to ban all Muslims from entering the country."
    )
    said = [q for q in found if "of rape" in q.text or "ban all Muslims" in q.text]
    assert len(said) == 2 and not any(q.speaker for q in said), [(q.text, q.speaker) for q in said]


def test_doubled_apostrophes_are_one_mark() -> None:
    """''…'' (how the New York Times writes “…”) is one pair of marks: no apostrophe is left on the quote."""
    (q,) = quotes_of("''We finally may be seeing some wage acceleration,'' said the economist Jared Bernstein.")
    assert q.text == "We finally may be seeing some wage acceleration"


def test_an_honorific_of_the_other_gender_is_someone_else() -> None:
    """ "Mr. Khan" right after Ghazala Khan is not her (nor does he make her a "he")."""
    (q,) = quotes_of("Ghazala Khan wrote an article on Sunday.\n\n\u201cVote for unity,\u201d Mr. Khan said at the convention.")
    assert q.speaker == "Khan"


def test_who_was_asked_is_not_the_asker() -> None:
    found = quotes_of("Asked on Monday whether Mr. Clinton would hold a cabinet position, Mrs. Clinton shook her head.")
    assert not any("cabinet position" in q.text and q.speaker for q in found)


def test_an_unclosed_quote_ends_with_its_line() -> None:
    """A quote left open at the end of a line (one paragraph per line, as many news files are written)
    does not run on into the next paragraph and take another speaker's words."""
    found = quotes_of(
        "\u201cIt\u2019s a dog whistle to all Americans,\u201d Rep. Gwen Moore said Friday. \u201cIf indeed Barack Obama is not legitimate, "
        "how can you feel good about yourself as a sixth-grader.\n"
        "\u201cI have been doing a lot of thinking recently about where we are as a country,\u201d added Rep. Jim Clyburn, the "
        "assistant leader of the Democratic caucus."
    )
    moore = next(q for q in found if "If indeed" in q.text)
    assert "Clyburn" not in moore.text and moore.speaker == "Gwen Moore"
    assert any("lot of thinking" in q.text and q.speaker == "Jim Clyburn" for q in found), [(q.text, q.speaker) for q in found]


def test_a_town_the_tagger_once_takes_for_a_person_is_no_speaker() -> None:
    """The small model tags Clarkston a place four times and a person once ("Clarkston became his
    home"); the "he" who speaks next is the man the story introduced, not the town."""
    (q,) = quotes_of(
        "But in Clarkston, refugees from Syria's civil war are embraced like family members.\n\n"
        "Clarkston has a 35-year history of welcoming refugees.\n\n"
        "After the U.S. Refugee Act of 1980 established a process for resettling refugees, Clarkston emerged as a favorite location.\n\n"
        "Luay Sami, 33, the community center's program coordinator, came to Clarkston from Iraq in 2011.\n\n"
        "Soon, he found the area welcoming. He got a car and a job at the  center, and Clarkston became his home.\n\n"
        '"The stereotyping is unfortunately still strong here," he said.'
    )
    assert q.speaker == "Luay Sami"


def test_the_group_is_no_newspaper_that_reported() -> None:
    """ "the group said" refers back to an organisation, not to the newspaper the story last cited."""
    found = quotes_of(
        "In Chicago, the Chicago Sun-Times reported that the parade drew a million people.\n\n"
        '"For us, celebrating Pride this year meant choosing between two threats," the group said in a statement.'
    )
    (q,) = [q for q in found if "Pride" in q.text]
    assert q.speaker != "Chicago Sun-Times"


def test_a_straight_mark_set_off_by_spaces_closes_the_quote() -> None:
    """The Washington Post and the BBC close a quote as ,' " or , " (a space before the mark): the
    quote ends there, and the attribution after it is not part of it."""
    found = quotes_of(
        "\"I've always been insulted with the term 'African American outreach,' \" Rep. Bobby Scott told the group. "
        '"The economic landscape has changed quite considerably, " said Philip Shaw, chief economist at Investec.'
    )
    texts = {q.text: q.speaker for q in found}
    assert texts.get("I've always been insulted with the term 'African American outreach,'") == "Bobby Scott", texts
    assert texts.get("The economic landscape has changed quite considerably") == "Philip Shaw", texts


def test_it_is_no_organisation_named_long_before() -> None:
    """'it' reaches back only a sentence or two: a group described in other words since is not
    the organisation named paragraphs earlier."""
    body = (
        "The White House announced the speech on Monday.\n\n"
        + "The father of a pupil killed at the school will introduce the president. " * 8
        + "\n\nBarden now leads a program called Safe Schools. The group seeks what it calls \u201csensible laws and policy.\u201d"
    )
    (q,) = [q for q in quotes_of(body) if "sensible laws" in q.text]
    assert q.speaker != "White House"


def test_no_inverted_subject_after_a_verb_that_follows_its_subject() -> None:
    """ "…," said Rubio has its subject after the verb; "an article hailed Trump as “…”" does not:
    Trump is who was hailed, not who spoke."""
    (q,) = quotes_of("Twenty-two years ago, a Times article hailed Trump as \u201cThe Comeback Kid\u201d for his success.")
    assert q.speaker != "Trump"


def test_unresolved_speaker_keeps_the_mention() -> None:
    (q,) = [q for q in quotes_of("\u201cThe numbers do not add up,\u201d a senior source said.") if "numbers" in q.text]
    assert q.speaker is None and q.mention and "source" in q.mention and q.cue == "said"


@pytest.mark.parametrize(
    ("body", "group"),
    [
        ("\u201cWhat curfew?\u201d protesters chanted as they marched.", "Protesters"),
        ("Police said the officers had \u201cadequate resources\u201d on the night.", "Police"),
        ("Administration officials said they hoped the move would spur investment.", "Administration officials"),
        (
            "A number of other members of Congress echoed the call for a \u201clawful source of investment income.\u201d",
            "A number of other members of Congress",
        ),
        ("\u201cThe sanctions worked,\u201d said Central European leaders who opposed the plan.", "Central European leaders"),
        (
            "Scott\u2019s relatives, including his wife, said the video raised \u201cmore questions than answers.\u201d",
            "Scott\u2019s relatives",
        ),
    ],
)
def test_a_group_speaks_as_the_article_names_it(body: str, group: str) -> None:
    """Police, protesters, officials: the article names no one person, and the bot shows the
    group as the article does instead of "unidentified" (its relative clause or apposition cut)."""
    (q,) = quotes_of(body)[:1]
    assert q.speaker == group and q.group and q.roles == ()


def test_a_group_is_never_a_pronoun_antecedent() -> None:
    found = quotes_of("\u201cStay home,\u201d police said on Monday.\n\n\u201cWe are ready,\u201d he said.")
    assert [q.speaker for q in found] == ["Police", None]


def test_groups_are_not_merged_across_articles() -> None:
    """ "Police" in Charlotte and "Police" in London are two groups, not one speaker of the index."""
    from embeddings.people import Directory

    quotes = quotes_of("\u201cStay home,\u201d police said.") + quotes_of("\u201cThe road is closed,\u201d police said.")
    directory = Directory(quotes)
    assert [directory.canonical(q) for q in quotes] == ["Police", "Police"]
    assert directory.find("police") == [] and directory.speakers == []


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("New York City Public Advocate Trish James said: \u201cSenator Sanders voted twice to protect gun dealers.\u201d", "Trish James"),
        (
            "The president thanked the crowd. His wife First Lady Michelle Obama said \u201cthey should feel welcome here.\u201d",
            "Michelle Obama",
        ),
        ("Defiant Matt Williams insists he will not quit as Scotland coach.", "Matt Williams"),
        ("Hillary superfan Katy Perry tweeted: \u201cDo not sit still. Do not weep.\u201d", "Katy Perry"),
        ("Tennis great Billie Jean King spoke first. King says Ali \u201cnever stopped talking.\u201d", "Billie Jean King"),
        # a calling written as a title
        ("Comedian Sarah Silverman told the crowd: \u201cYou are being ridiculous.\u201d", "Sarah Silverman"),
        ("\u201cThe rally was a call to arms,\u201d said Pastor Kevin Swanson.", "Kevin Swanson"),
        ("\u201cThe speech was a disgrace,\u201d Rabbi Rick Jacobs said.", "Rick Jacobs"),
        # a party before a full name ("Tory Burch" is a name of her own)
        ("\u201cHis party offered a clear choice,\u201d Tory Liam Fox said.", "Liam Fox"),
        ("\u201cWe love the new collection,\u201d Tory Burch said.", "Tory Burch"),
        # a caption's shouted words glued to the name
        ("Protesters marched. STREET BEATING Donald Trump said: \u201cWe will make America great again.\u201d", "Donald Trump"),
        ("AMY SCHUMER Comedian and actress Amy Schumer said she would head for Spain if Trump won.", "Amy Schumer"),
        # a place the tagger glued to a full name the article already gave
        ("Donald Trump spoke on Monday. In Leesburg, Virginia Donald Trump said: \u201cHillary Clinton is guilty.\u201d", "Donald Trump"),
        # a scraped page's words glued to a full name given in the same sentence
        (
            "Could not subscribe, try again later Invalid Email Christian Horner, the Red Bull team principal, has described "
            "the race as one of the best. \u201cHis recovery was amazing,\u201d a jubilant Horner said.",
            "Christian Horner",
        ),
    ],
)
def test_a_name_leaves_out_the_words_before_it(body: str, name: str) -> None:
    """The words before a full name are a title, a place or an epithet, not part of it: a
    speaker shown as "Advocate Trish James" or "Defiant Matt Williams" is a person no one knows."""
    assert [q.speaker for q in quotes_of(body)] == [name]


def test_a_campaign_is_not_its_candidate() -> None:
    """ "The Sanders campaign said" speaks for the campaign: `--speaker Sanders` still finds one
    Bernie Sanders (the campaign is no third Sanders that would keep "Sanders" unresolved)."""
    from embeddings.people import Directory

    quotes = [
        *quotes_of("The Sanders campaign said it would assess its options."),
        *quotes_of("\u201cWe will win,\u201d Bernie Sanders said."),
        *quotes_of("\u201cWe will fight,\u201d Sanders said."),
    ]
    assert [q.speaker for q in quotes] == ["Sanders campaign", "Bernie Sanders", "Sanders"]
    directory = Directory(quotes)
    assert [directory.canonical(q) for q in quotes] == ["Sanders campaign", "Bernie Sanders", "Bernie Sanders"]
    assert [s.name for s in directory.find("Sanders")] == ["Bernie Sanders"]


def test_what_someone_did_not_say_is_not_their_speech() -> None:
    """ "Trump did not say that he would accept the result" must not be shown as "Donald Trump said:
    he would accept the result": that puts words in his mouth. Nor are words in marks inside it his
    (whose they are, the sentence does not say), nor lent the speaker of the quote before them;
    but a speech verb that reports the refusal still speaks ("Cruz said he wasn't going to “…”")."""
    found = quotes_of(
        "Donald Trump did not say that he would accept the result of the election.\n\n"
        "The senator refused to say whether he would back the bill in the end.\n\n"
        "Mayor Jane Brown never said the bridge would be paid for by taxpayers.\n\n"
        "\u201cWe will win,\u201d Trump said. He would not say whether he would \u201caccept the result\u201d in November.\n\n"
        "Cruz said he wasn't going to \u201cact like a servile puppy dog\u201d and back Trump.\n\n"
        "She said the plan would not work at all."
    )
    assert [(q.kind, q.text, q.speaker) for q in found if q.kind != "direct" and q.paragraph < 6] == [
        ("mixed", "accept the result", None),
        ("indirect", "he wasn't going to \u201cact like a servile puppy dog\u201d and back Trump", "Cruz"),
        ("mixed", "act like a servile puppy dog", "Cruz"),
    ]
    assert [q.text for q in found if q.paragraph == 6] == ["the plan would not work at all"]


def test_a_longer_name_extends_a_shorter_one_only_when_it_is_the_same_person() -> None:
    """Mr. Obama stays Obama when the first lady, Michelle Obama, is named after him (a woman's
    given name is not his), and a title-case caption's "President Obama Speech at …" does not
    rename him "Obama Speech"; "Rubio" then "Marco Rubio" is still one person. A title-case line
    is read as a line, not as the sentence the parser runs on into the next line."""
    found = quotes_of(
        "\u201cIt\u2019s about me,\u201d Mr. Obama said on Saturday.\n\n"
        "The campaign plans to employ Mr. Obama and the first lady, Michelle Obama, as much as possible.\n\n"
        "\u201cDemocracy is on the ballot,\u201d President Obama said.\n\n"
        "[Video: FULL SPEECH: President Obama Speech at Black Caucus Foundation in Washington DC]\n\n"
        "\u201cWe have work to do,\u201d Rubio said. Secretary of State Marco Rubio arrived later."
    )
    assert [q.speaker for q in found] == ["Obama", "Obama", "Marco Rubio"]
    found = quotes_of(
        "\u201cWe must act,\u201d Sen. Bernie Sanders said.\n\n"
        "Bernie Sanders Pins The Rise Of ISIS On \u2018Disastrous\u2019 Invasion Of Iraq\nSee photos from the debate below:"
    )
    assert [q.speaker for q in found] == ["Bernie Sanders"]
    # nor does a name before a role: "Clinton campaign manager Robby Mook" is Robby Mook
    found = quotes_of(
        'Hillary Clinton spoke in Ohio.\n\nOn Monday night, Clinton campaign manager Robby Mook released a memo titled "The Facts."\n\n'
        'Clinton has "built a nearly insurmountable lead," he writes.'
    )
    assert {q.speaker for q in found} == {"Robby Mook"}


def test_a_lone_word_joins_a_longer_name_only_as_a_surname() -> None:
    """Across articles "Fox" is Liam Fox (one article's "Tory Liam Fox" is him too, the party left
    out); "America" (a country that "says") is not the firm Diageo North America."""
    from embeddings.people import Directory

    quotes = [
        *quotes_of("\u201cVodka sales rose sharply in the US,\u201d Diageo North America said on Monday."),
        *quotes_of("I hope in 2017 America says, \u201cPresident Clinton, thank you for a lifetime of public service.\u201d"),
        *quotes_of("\u201cThe plan is a disgrace,\u201d Tory Liam Fox said."),
        *quotes_of("\u201cWe will fight it,\u201d Liam Fox said."),
        *quotes_of("\u201cNobody believes it,\u201d Liam Fox told the BBC."),
        *quotes_of("\u201cWe were beaten,\u201d Fox said."),
    ]
    assert [q.speaker for q in quotes] == ["Diageo North America", "America", "Liam Fox", "Liam Fox", "Liam Fox", "Fox"]
    directory = Directory(quotes)
    assert [directory.canonical(q) for q in quotes] == ["Diageo North America", "America", *["Liam Fox"] * 4]


@pytest.mark.parametrize(
    "body",
    [
        "Dinesh D'Souza sat in the courtroom. His eyes say, \u201cDid you see me pull that off?\u201d",
        "Trump boasted again. Other controversial policies vowing a \u201ctotal and complete shutdown\u201d were his.",
        "Clinton attacked Trump on taxes. Clinton\u2019s attacks saying that \u201cpeople like me could make a lot of money\u201d hurt him.",
    ],
)
def test_plural_things_are_no_group_that_speaks(body: str) -> None:
    """Eyes, attacks and policies say nothing: no quote goes to them as a group of speakers."""
    assert [(q.speaker, q.group) for q in quotes_of(body) if q.kind != "indirect"] == [(None, False)]


def test_a_verb_that_says_nothing_shows_no_speaker() -> None:
    """ "The social safety net has become “a hammock …”": with no speaker found, the subject of
    a verb that is not one of saying is not shown as who said it; "One message read" still is."""
    found = quotes_of(
        "The plan failed. The social safety net has become \u201ca hammock that lulls able-bodied people to lives of dependency.\u201d\n\n"
        "One message read \u201cAmerica is great! Trump is disgusting.\u201d"
    )
    assert [(q.speaker, q.mention, q.cue) for q in found] == [(None, None, None), (None, "One message", "read")]


def test_a_surname_that_is_also_a_title_finds_its_people() -> None:
    """ "King" is a title word ("King Abdullah") and the surname of Charlie King: asking for him
    by either name must find him, and "President Obama" still finds Obama by the name part."""
    from embeddings.people import Directory

    quotes = [
        *quotes_of("\u201cThe turnout was huge,\u201d Charlie King said."),
        *quotes_of("\u201cWe lost the final,\u201d Charlie Bell said."),
        *quotes_of("\u201cThe talks were useful,\u201d President Barack Obama said."),
    ]
    directory = Directory(quotes)
    assert [s.name for s in directory.find("King")] == ["Charlie King"]
    assert [s.name for s in directory.find("Charlie King")] == ["Charlie King"]
    assert [s.name for s in directory.find("President Obama")] == ["Barack Obama"]


@pytest.mark.parametrize(
    "body",
    [
        "Trump told ABC\u2019s \u201cGood Morning America\u201d that he would win the state.",
        "Sanders said on \u201cReal Time\u201d that the race was close.",
        "Ramos is promoting his book \u201cSin Miedo\u201d across the country.",
        # a name after "the" or "so-called" is no one's words: not the Cubs'
        'The Chicago Cubs shed themselves of the "Curse of the Billy Goat" and ended a 108-year wait for a title.',
        'Like the Boston Red Sox, who battled the so-called "Curse of the Bambino" for decades, the Cubs had their own curse.',
    ],
)
def test_titles_in_quotation_marks_are_not_quotes(body: str) -> None:
    """A show or book title in quotation marks is a name; showing it as someone's words would be wrong."""
    assert not [q for q in quotes_of(body) if q.kind != "indirect"]


def test_epithets_in_quotation_marks_stay_quotes() -> None:
    (q,) = [q for q in quotes_of("Trump called her \u201cCrooked Hillary\u201d again on Monday.") if q.kind != "indirect"]
    assert q.text == "Crooked Hillary" and q.speaker == "Trump"


def test_an_opening_mark_typed_as_the_closing_one() -> None:
    found = quotes_of("Hillary Clinton called for an \u201cexpedited review\u201c of the water system in Flint.")
    assert [q.text for q in found if q.kind != "indirect"] == ["expedited review"]


def test_a_closing_mark_typed_as_the_opening_one() -> None:
    """A listicle whose quotes open with ” (”Mr. Trump embodies …” ― Sonya Herridge): each is a
    quote of the name after it, not lost."""
    found = quotes_of(
        "\u201dMr. Trump embodies the lasting legacy of racism. He represents our greatest shame.\u201d \u2015 Sonya Herridge\n"
        "\u201cHe is ignorant of our culture and lives.\u201d\u2015 Pamela Padilla"
    )
    assert [(q.text[:18], q.speaker) for q in found] == [("Mr. Trump embodies", "Sonya Herridge"), ("He is ignorant of ", "Pamela Padilla")]


def test_straight_and_curly_marks_mixed_in_one_pair() -> None:
    """An opening straight mark closed by a curly one: the quote ends there, not at a later mark,
    and the attribution after it is not swallowed into the quote."""
    found = quotes_of('"The clinic is full every day,\u201d said nurse Ana Ruiz. \u201cWe need another one.\u201d')
    direct = [q for q in found if q.kind == "direct"]
    assert [q.text for q in direct] == ["The clinic is full every day", "We need another one."]
    assert {q.speaker for q in direct} == {"Ana Ruiz"}


def test_one_canonical_name_per_person() -> None:
    found = quotes_of(
        "Secretary of State Marco Rubio spoke in Miami.\n\n"
        "\u201cWe made progress,\u201d Rubio said.\n\n"
        "\u201cThere is more to do,\u201d Marco Rubio added."
    )
    assert {q.speaker for q in found if q.kind == "direct"} == {"Marco Rubio"}


@pytest.mark.parametrize(
    "body",
    [
        '"Unbalanced mark with no end and "another" one',
        "\u201c\u201c\u201d\u201d\u201d\u201c",
        "' ' ' \" \" \u2018 \u2019 \u00ab",
        "\u201cA quote that never closes " + "word " * 2000,
        "\u201cA 500-KB paragraph " + "word " * 100_000 + "\u201d he said.",
        ("\u201cNested \u201cdeep \u2018inner\u2019 quotes\u201d here,\u201d he said. " * 50),
    ],
    ids=["unbalanced", "marks-only", "stray-singles", "long-open", "huge-paragraph", "nested-repeat"],
)
def test_malformed_quotation_does_not_crash(body: str) -> None:
    quotes_of(body, title='Headline with "a quote" in it')


def test_what_a_report_says_is_not_what_the_speaker_said() -> None:
    """ "She pointed to reports that Trump called …": the clause is the reports' content, not hers."""
    found = quotes_of(
        "Hillary Clinton spoke on Monday. That is when she pointed to reports that Donald Trump called "
        "the 1996 pageant winner names as examples of his disrespect for women."
    )
    assert not [q for q in found if q.text.startswith("Donald Trump called") and q.speaker == "Hillary Clinton"]


def test_an_as_aside_without_a_speaker_reports_nothing() -> None:
    """ "Patriot failed as predicted": nobody is said to have predicted it."""
    assert not [q for q in quotes_of("But in July 2012, Patriot Coal failed as predicted.") if q.speaker is not None]


def test_a_time_or_a_result_is_not_what_was_said() -> None:
    """ "said … when she resigned" tells when; "tells so many lies that …" a result; "have not said
    when they would …" nothing at all."""
    found = quotes_of(
        "Liz Wahl said little in public when she resigned from the network in dramatic fashion.\n\n"
        "Mook asserted that Trump tells so many lies that Clinton could risk deviating from her own message.\n\n"
        "Lawmakers have not said when they would take up the reauthorization."
    )
    texts = [q.text for q in found]
    assert not [t for t in texts if t.startswith(("when she resigned", "Clinton could risk", "when they would"))], texts


def test_three_words_are_reported_speech_only_as_a_whole_clause_of_the_cue() -> None:
    """ "He said voting fraud is “all too common”": "voting fraud is" says nothing alone, so the
    whole clause is reported, marks and all; "reported a 500% increase in the number of messages it
    was catching" reports no clause."""
    found = quotes_of(
        "Donald Trump spoke in Michigan.\n\nHe said voting fraud is \u201call too common\u201d in the state these days.\n\n"
        "Web portal Lycos Europe reported a 500% increase in the number of phishing e-mail messages it was catching."
    )
    reported = [q.text for q in found if q.kind == "indirect"]
    assert "voting fraud is \u201call too common\u201d in the state these days" in reported
    assert not [t for t in reported if t == "voting fraud is" or t.startswith("it was catching")], reported


def test_an_echo_is_no_reported_speech() -> None:
    """ "reminded viewers that he doesn’t", "said she does not": what they do not do was said before."""
    found = quotes_of(
        "Martin O\u2019Malley spoke last.\n\nO\u2019Malley reminded viewers that he doesn\u2019t: he backs it. Clinton said she does not."
    )
    assert not [q for q in found if q.kind == "indirect" and q.text.startswith(("he doesn", "she does"))], [q.text for q in found]


def test_the_cue_keeps_the_preposition_of_the_words_it_reports() -> None:
    """An answer reads "Trump called for: the complete repeal …", not "Trump called: the complete
    repeal …", which says something else; a preposition elsewhere in the sentence stays out."""
    found = quotes_of(
        "Donald Trump has called for the complete repeal of the health law.\n\n"
        "The International Monetary Fund cut its forecast. It warned of \u201cpolitical tensions\u201d in Europe.\n\n"
        "Jane Smith said of the plan that it was \u201ca disaster for us all.\u201d"
    )
    cues = {q.text: q.cue for q in found}
    assert cues["the complete repeal of the health law"] == "called for"
    assert cues["political tensions"] == "warned of"
    assert cues["a disaster for us all."] == "said"


def test_words_leading_into_a_quote_are_reported_with_it() -> None:
    """ "She says: it underscores that Trump is" would be shown as something she said; the whole
    clause is, its quoted words in their marks, however long the words that lead in ("… the warnings
    for"). A whole clause before a quote stops there."""
    found = quotes_of(
        "Hillary Clinton spoke in Ohio. She says it underscores that Trump is \u201ctemperamentally unfit to be commander-in-chief.\u201d\n\n"
        "Senator Jane Smith said she was worried the committee had ignored the warnings for \u201cfar too long.\u201d\n\n"
        "Senator John Brown said the committee had ignored the warnings \u201cfor far too long.\u201d\n\n"
        "Donald Trump said that Clinton\u2019s \u201conly experience in cybersecurity\u201d was her \u201ccriminal\u201d attempt to hide her emails."
    )
    assert [(q.kind, q.text) for q in found if q.speaker == "Hillary Clinton"] == [
        ("indirect", "it underscores that Trump is \u201ctemperamentally unfit to be commander-in-chief.\u201d"),
        ("mixed", "temperamentally unfit to be commander-in-chief."),
    ]
    assert [q.text for q in found if q.kind == "indirect" and q.speaker == "Jane Smith"] == [
        "she was worried the committee had ignored the warnings for \u201cfar too long.\u201d"
    ]
    assert [q.text for q in found if q.kind == "indirect" and q.speaker == "John Brown"] == ["the committee had ignored the warnings"]
    # (the clause's own verb comes after the marks: the words before them, "Clinton’s", lead in)
    assert [q.text for q in found if q.kind == "indirect" and q.speaker == "Donald Trump"] == [
        "Clinton\u2019s \u201conly experience in cybersecurity\u201d was her \u201ccriminal\u201d attempt to hide her emails"
    ]


def test_according_to_inside_a_sentence_vouches_for_the_whole_claim() -> None:
    """ "Over the long term, according to the budget office, …" was shown as the office saying "Over
    the long term", and "But according to the FBI, …" as the FBI saying "But". Inside a clause the
    whole sentence is the claim; after a main clause, that clause alone is (not the "but …" after it)."""
    found = quotes_of(
        "Over the long term, according to the Congressional Budget Office, the rise in annual deficits will continue.\n\n"
        "But according to the FBI, murders in the city fell sharply last year.\n\n"
        "Trump so far has won 758 delegates, according to a CNN tally, but his path to victory is narrow."
    )
    said = {q.speaker: q.text for q in found if q.kind == "indirect"}
    assert said == {
        "Congressional Budget Office": "Over the long term, according to the Congressional Budget Office, the rise in annual deficits will continue",
        "FBI": "But according to the FBI, murders in the city fell sharply last year",
        "CNN": "Trump so far has won 758 delegates",
    }


def test_a_title_is_only_what_modifies_the_name() -> None:
    """Words before a name are its title only when they modify it: "a spokesman for Mrs. Clinton"
    gave Clinton the title "spokesman", so her spokesman's words became hers; "the network
    President Vladimir Putin formed" made Putin "the network"; "how good a prime minister Gordon
    Brown will make" made Brown a prime minister."""
    found = quotes_of(
        "Hillary Clinton spoke in Ohio on Monday. Reporters asked a spokesman for Mrs. Clinton about the polls.\n\n"
        "\u201cWe are not commenting on the polls,\u201d the spokesman said.\n\n"
        "Hosts joined a Russian state-financed outlet, part of the network President Vladimir Putin formed to break the monopoly on news.\n\n"
        "The network said it would send a reporter to Crimea for a better understanding of events.\n\n"
        "There will be an argument over just how good a prime minister Gordon Brown will make. "
        "\u201cWe will cut taxes,\u201d Mr Brown said. Secretary of State Marco Rubio said the talks would go on."
    )
    by_text = {q.text: q for q in found}
    assert by_text["We are not commenting on the polls"].speaker is None
    assert next(q for q in found if q.text.startswith("it would send a reporter")).speaker is None
    brown = next(q for q in found if q.speaker == "Gordon Brown")
    assert not any("minister" in r for r in brown.roles)
    rubio = next(q for q in found if q.speaker == "Marco Rubio")
    assert "secretary of state" in rubio.roles


def test_a_role_joined_by_and_belongs_to_someone_else() -> None:
    """ "The prime minister and Chancellor Gordon Brown" are two people: Brown had become "prime
    minister and chancellor", and `--speaker "the prime minister"` listed him. Two roles of one
    person stay his ("actress and activist")."""
    found = quotes_of(
        "The prime minister and Chancellor Gordon Brown met on Monday. \u201cWe will cut taxes,\u201d Mr Brown said.\n\n"
        "Former prosecutor and city mayor Rudy Giuliani spoke next. \u201cCrime is falling,\u201d Giuliani said."
    )
    roles = {q.speaker: q.roles for q in found}
    assert "chancellor" in roles["Gordon Brown"] and not any("prime minister" in r for r in roles["Gordon Brown"])
    assert any("prosecutor" in r for r in roles["Rudy Giuliani"])


def test_a_surname_the_parser_takes_for_an_adverb_still_speaks() -> None:
    """ "Desailly says the Russian's arrival helped …": the parser makes the sentence-opening
    surname an adverb, so Desailly was neither speaker nor subject, and his next "he said" went to
    the billionaire named before him."""
    found = quotes_of(
        "Marcel Desailly saw huge changes at the club. But the biggest change occurred when billionaire Roman Abramovich "
        "bought the club in 2003. Desailly says the Russian's arrival helped to instil a winning mentality at the club. "
        '"The whole of Chelsea is different now - the chairman, the manager and all the players," he said.'
    )
    assert {q.text[:20]: q.speaker for q in found} == {
        "the Russian's arriva": "Marcel Desailly",
        "The whole of Chelsea": "Marcel Desailly",
    }


def test_he_after_an_unnamed_spokesman_is_that_spokesman() -> None:
    """ "A Labour Party spokesman criticised Michael Howard's record … He said: “…”" is the
    spokesman again, whom the story does not name, not the last man it named (bbc-2004 had
    such quotes from Mark Oaten, Tony Blair, "Gambling Bill")."""
    found = quotes_of(
        "Liberal Democrat Mark Oaten said the plan was dangerous. A Labour Party spokesman criticised "
        "Michael Howard's record, saying police numbers had fallen when he was home secretary. "
        'He said: "Today the Tories are making more extravagant promises."\n\n'
        "Harry Reid met reporters on Monday. \u201cThe bill is dead,\u201d he said."
    )
    by_text = {q.text[:20]: q.speaker for q in found}
    assert by_text["Today the Tories are"] is None
    assert by_text["The bill is dead"] == "Harry Reid"


def test_a_title_as_subject_is_who_the_next_he_is() -> None:
    """ "Documentary maker Michael Cockerell was given access to Mr Howard. The Tory leader was
    asked … He replies: “…”" is Howard: the title the story gave him makes him the subject, not
    the man named last."""
    found = quotes_of(
        "Tory leader Michael Howard spoke in Dover on Monday.\n\n"
        "Documentary maker Michael Cockerell was given behind-the-scenes access to Mr Howard for his film portrait. "
        "The Tory leader was asked about his parents. "
        'He replies: "What is the inference of that? That seems to me an absolutely extraordinary proposition."'
    )
    assert {q.speaker for q in found if q.text.startswith("What is the inference")} == {"Michael Howard"}


def test_a_speaker_is_known_to_the_next_he_of_the_same_paragraph() -> None:
    """Speakers were noted only after their whole paragraph, so a "He added" right after "The
    President said" went to the man named before him."""
    found = quotes_of(
        'US President Barack Obama has described his first meeting with President-elect Donald Trump as "excellent". '
        'Mr Trump, who stormed to a shock election victory on Wednesday, said it was a "great honour" to meet Mr Obama '
        'at the White House during the transition talks on Thursday. The President said he was "encouraged" by their '
        '"excellent" discussion, which lasted for more than an hour. He added that they had talked about a "wide-range" of issues.'
    )
    assert {q.speaker for q in found if "wide-range" in q.text} == {"Barack Obama"}


def test_a_title_finds_its_holder_not_a_deputy_nor_a_party_member() -> None:
    """ "the prime minister" is not the deputy prime minister, and "the Tory leader" is not any
    Tory whose party an article wrote before the name ("Tory Liam Fox")."""
    from embeddings.people import Directory

    quotes = [
        *quotes_of("\u201cWe will win the election,\u201d Prime Minister Tony Blair said."),
        *quotes_of("\u201cWe will build more homes,\u201d Deputy Prime Minister John Prescott said."),
        *quotes_of("\u201cHis party offered a clear choice,\u201d Tory Liam Fox said."),
        *quotes_of("\u201cWe lead in the polls,\u201d Tory leader Michael Howard said."),
    ]
    directory = Directory(quotes)
    assert [s.name for s in directory.find("the prime minister")] == ["Tony Blair"]
    assert [s.name for s in directory.find("the deputy prime minister")] == ["John Prescott"]
    assert [s.name for s in directory.find("the Tory leader")] == ["Michael Howard"]


def test_a_name_given_an_age_is_a_person_whatever_the_tagger_says() -> None:
    """ "Adil Salahi, 76, told the Mail" — the small model tags the name a place, so Salahi was an
    organisation and his next "he said" went to the man quoted before him."""
    found = quotes_of(
        'A 73-year-old man, Roger Smith, who lives near the stop told the Daily Mail that "the tram comes down a steep hill." '
        '"I was praying at around 6:10 a.m. when I heard a loud crash. It sounded like a lorry had smashed into my garage, '
        'it was so loud," Adil Salahi, 76, told the Mail. "But because I was praying I did not know what had happened," he said.'
    )
    assert {q.speaker for q in found if q.text.startswith(("I was praying", "But because"))} == {"Adil Salahi"}


def test_a_passive_speech_verb_is_said_by_its_agent() -> None:
    """ "X was described by friends as a “caring person”": the friends said it, not X."""
    found = quotes_of(
        "The only woman victim, Dorota Rynkiewicz, 35, who had two young daughters, was described by friends "
        'as a devoted mother and a "friendly, caring and giving person".'
    )
    (q,) = [q for q in found if q.text.startswith("friendly")]
    assert q.speaker == "Friends" and q.group


def test_a_name_before_a_plural_noun_is_not_the_speaker() -> None:
    """ "Donald Trump fans slam …" is the fans speaking, not Trump, as "a Cruz adviser" is not Cruz."""
    found = quotes_of('Donald Trump fans slammed the president-elect for calling Hillary Clinton "a tough competitor".')
    assert found and not any(q.speaker == "Donald Trump" for q in found)


def test_the_democrat_is_someone_the_story_said_was_one() -> None:
    """ "The Democrat said" is no organisation called Democrat, and not the Republican named last
    either: without a party the story gave anyone, the speaker stays unnamed."""
    found = quotes_of(
        "President Barack Obama met Donald Trump at the White House on Thursday. "
        '"It was a great honour," Mr Trump said. The Democrat said that the two men would work together on the transition.'
    )
    (q,) = [q for q in found if q.text.startswith("the two men")]
    assert q.speaker is None and q.mention == "The Democrat"


def test_a_hyphenated_origin_is_no_speaker() -> None:
    """ "added the Uruguayan-born researcher": nobody called Uruguayan said it."""
    found = quotes_of(
        '"I must admit that I was the first person to be surprised at seeing how fast they have evolved," '
        "added the Uruguayan-born researcher, who has so far created games for two political campaigns."
    )
    assert found and not any(q.speaker == "Uruguayan" for q in found)


def test_a_quote_whose_sentence_names_someone_else_is_not_the_previous_speakers() -> None:
    """ "“…,” is the dry assessment of Graham Lane. … but Mr Blair himself. “I have a new slogan …”
    His friend, Saxon Spence, lays the blame … “You cannot underestimate …”": none of it is Blair's,
    whom the paragraph before quoted; the last quote is Spence's, made the subject since."""
    found = quotes_of(
        'Tony Blair has told Labour supporters he\'s "back" and still hungry for the job of prime minister.\n\n'
        '"The electorate are keener on the government than some Labour Party members," is the dry assessment of Graham Lane, '
        "leader of the Labour group on Newham Council. The problem, according to Mr Lane, is not voter apathy, but Mr Blair himself. "
        '"I have a new slogan. Vote Blair, Get Brown." His friend, Saxon Spence, leader of Devon county Labour group, lays the '
        'blame on one issue above all others. "You cannot underestimate the impact of the war in Iraq."'
    )
    speakers = {q.text.split()[0]: q.speaker for q in found if q.kind == "direct"}
    assert speakers == {"The": None, "I": None, "You": "Saxon Spence"}


def test_a_passive_subject_is_who_the_next_he_is() -> None:
    """ "Rubio was asked by moderator Gerard Baker whether …" is about Rubio: the next "he" is
    Rubio, and the question is not put in his mouth."""
    found = quotes_of(
        "Sens. Rand Paul and Marco Rubio debated tax credits on Tuesday.\n\n"
        'Rubio was asked by Fox Business moderator Gerard Baker whether his plan would risk "adding another expensive '
        'entitlement program to an already overburdened federal budget." But he had a bit of a slip. '
        '"The most important job I am ever going to have is the job of being a father," he said.'
    )
    speakers = {q.text.split()[0]: q.speaker for q in found if q.kind != "indirect"}
    assert speakers == {"adding": None, "The": "Marco Rubio"}


def test_words_a_passive_gives_to_no_one_are_no_ones() -> None:
    """ "the attachment is labelled “joke”", "The mayor was described as “a disaster”": no one the
    sentence names said it, and the quote before does not lend its speaker."""
    found = quotes_of(
        '"We have had several reports all over the world," said Mikko Hypponen of F-Secure. '
        'The mayor was described as "a complete disaster for the city" in the council report.'
    )
    (q,) = [q for q in found if q.text.startswith("a complete")]
    assert q.speaker is None
    # … nor to the second of a list: "described as “A” and “B”"
    found = quotes_of(
        'Investigators said the tram was travelling at a "significantly higher speed than is permitted". '
        'Scenes on board have been described as "total carnage" and "like something out of a film" as the tram tipped over.'
    )
    assert [q.speaker for q in found if q.text.startswith(("total", "like"))] == [None, None]


def test_a_quote_after_a_question_is_the_answer_not_the_asked_about() -> None:
    """In an interview piece, a quote after the writer's question answers it: not the words of
    the man the question mentions."""
    found = quotes_of(
        "Dick Morris, the American strategist, now advises the party.\n\n"
        "So is UKIP's job to destroy the Tories, as former member Robert Kilroy-Silk once notoriously declared? "
        '"No. The aim of UKIP is to withdraw from the EU."'
    )
    (q,) = [q for q in found if q.text.startswith("No.")]
    assert q.speaker is None


def test_the_speaker_of_a_split_quote_goes_on_past_a_possessive_subject() -> None:
    """ "“A,” Obama's former campaign strategist said. “B.”": B is the strategist's, like A, not
    Obama's, whom the possessive made a subject between the two quotes."""
    found = quotes_of(
        "David Axelrod on Wednesday called on Howard Dean to apologize to Donald Trump.\n\n"
        '"My reaction, that was outrageous," Obama\'s former campaign strategist said in an interview with CNN. '
        '"He, like Donald Trump, has refused to apologize for an outrageous statement. He really should."'
    )
    assert not any(q.speaker == "Obama" for q in found)


def test_a_quote_paragraph_goes_on_when_its_sentence_names_the_same_speaker() -> None:
    """ "“…” from diplomacy to the defense budget, in Bolton's view." is Bolton going on; only
    someone else named after the quote stops the previous speaker's run."""
    found = quotes_of(
        'Bolton said he would advise Trump on dealing with the "strategic threats that exist out there."\n\n'
        '"This is not a circumstance where there is one thing you can identify - it is an across-the-board failure" '
        "from diplomacy to the defense budget, in Bolton's view."
    )
    (q,) = [q for q in found if q.text.startswith("This is not")]
    assert q.speaker == "Bolton"


@pytest.mark.parametrize(
    ("body", "start", "speaker"),
    [
        # "he's said" is "he has said", no passive
        (
            "Ever since Bernie Sanders announced his candidacy last year, he's said the same thing at every diner stop: "
            "\"It's not about me, it's about us.\"",
            "It's not",
            "Bernie Sanders",
        ),
        # the words are outside the clause of the passive: his own answer
        (
            "When Trump was questioned about the dispute on ABC News, his response focused on how Khan's wife remained "
            'silent, as if she "wasn\'t allowed to have anything to say."',
            "wasn't",
            "Trump",
        ),
        # the parser hung the answer on "asked": the verb of the answer speaks
        (
            "Opinion has been divided on whether Lomu should return. But when Lomu was asked whether he was taking a risk "
            'he replied: "As much as someone going down the road being hit by a bus."',
            "As much",
            "Lomu",
        ),
    ],
)
def test_a_passive_speech_verb_leaves_the_answer_to_who_gives_it(body: str, start: str, speaker: str) -> None:
    (q,) = [q for q in quotes_of(body) if q.text.startswith(start)]
    assert q.speaker == speaker


def test_a_name_in_a_clause_under_an_adjective_is_not_the_subject() -> None:
    """ "Ferguson, though, is confident his young players, particularly Wayne Rooney …, are up to the
    task. “…,” he declared." is Ferguson: the players are only what his confidence is about."""
    found = quotes_of(
        'Manchester United boss Sir Alex Ferguson admitted he was unsure whether to start the Dutchman. "Ruud is the best '
        'striker in Europe," he said. Ferguson, though, is confident his young players, particularly Wayne Rooney and '
        'Cristiano Ronaldo, are up to the task. "We have an opportunity to win this cup this year," he declared.'
    )
    assert {q.speaker for q in found if q.text.startswith("We have")} == {"Alex Ferguson"}
