"""Quotation patterns of real news styles: the quote is found verbatim and given the right speaker."""

from __future__ import annotations

import pytest

from tests.quotes_helper import quotes_of

# (body, a fragment of the quote, expected speaker or None for "unresolved", expected kind or None)
CASES = [
    # plain direct quotes, attribution after
    ('"We will rebuild the bridge," Mayor Alice Brennan said on Monday.', "We will rebuild the bridge", "Alice Brennan", "direct"),
    ("\u201cThe economy is strong,\u201d said Treasury Secretary Janet Yellen.", "The economy is strong", "Janet Yellen", "direct"),
    ("\u201cWe are not done yet,\u201d Smith told reporters in Boston.", "We are not done yet", "Smith", "direct"),
    ("\u201cIt was a tough game,\u201d the coach, Maria Lopez, said afterwards.", "It was a tough game", "Maria Lopez", "direct"),
    ("'I have no regrets,' said Graham Taylor, the former England manager.", "I have no regrets", "Graham Taylor", "direct"),
    # attribution before, colon openers
    ('Senator Elizabeth Warren said: "This bill is a giveaway to Wall Street."', "This bill is a giveaway", "Elizabeth Warren", "direct"),
    ("Rubio noted: \u201cWe have also been in contact with the Russian side.\u201d", "We have also been in contact", "Rubio", "direct"),
    ('Prime Minister Tony Blair told the Commons: "We will not back down."', "We will not back down", "Tony Blair", "direct"),
    ('Donald Trump tweeted: "The election is rigged!"', "The election is rigged", "Donald Trump", "direct"),
    # split quotes
    ("\u201cWe came here to win,\u201d Jones said, \u201cand that is what we did.\u201d", "and that is what we did", "Jones", "direct"),
    ('"The plan is simple," said Hillary Clinton. "We invest in people."', "The plan is simple", "Hillary Clinton", "direct"),
    # several sentences in one quote
    (
        "\u201cWe tried. We failed. We will try again,\u201d said chief executive Priya Raman.",
        "We failed. We will try again",
        "Priya Raman",
        "direct",
    ),
    # guillemets
    (
        "\u00abNous allons gagner ensemble\u00bb, a dit Emmanuel Macron, said Emmanuel Macron.",
        "Nous allons gagner ensemble",
        "Emmanuel Macron",
        None,
    ),
    # mixed quotes (fragments inside reported speech)
    ("Councillor Tom Hale said the budget was \u201cpure fantasy\u201d and voted against it.", "pure fantasy", "Tom Hale", "mixed"),
    ('Clinton called the proposal "a recipe for disaster" on Tuesday.', "a recipe for disaster", "Clinton", "mixed"),
    (
        "The peace plan is \u201ccomprehensive and fair,\u201d the president insisted. President Joe Biden spoke later.",
        "comprehensive and fair",
        None,
        "mixed",
    ),
    # indirect speech
    (
        "Secretary of State Marco Rubio said that work on the peace plan will continue next week.",
        "work on the peace plan will continue",
        "Marco Rubio",
        "indirect",
    ),
    (
        "According to Jane Doe, the factory will close in March with the loss of 400 jobs.",
        "the factory will close in March",
        "Jane Doe",
        "indirect",
    ),
    (
        "Chancellor Gordon Brown added that the economy would grow by 3% next year.",
        "the economy would grow by 3% next year",
        "Gordon Brown",
        "indirect",
    ),
    (
        "Mr Howard emphasised that taxes would be cut for every working family.",
        "taxes would be cut for every working family",
        "Howard",
        "indirect",
    ),
    (
        "Police chief Karen Mills reminded residents that the curfew starts at nine tonight.",
        "the curfew starts at nine tonight",
        "Karen Mills",
        "indirect",
    ),
    # the speaker's own name, not the name of whom they speak for
    (
        "Clinton spokesman Jesse Lehrich said Friday that \u201cshe would sign this legislation.\u201d",
        "she would sign this legislation",
        "Jesse Lehrich",
        "mixed",
    ),
    # a quoted show title is never the speaker, even when the parser makes it the subject
    (
        "\u201cThere is a severe disconnect here,\u201d Flynn, a top Trump surrogate, said Thursday on Fox News\u2019s \u201cFox and Friends.\u201d",
        "There is a severe disconnect here",
        "Flynn",
        "direct",
    ),
    # a run of quoted epithets keeps the speaker of the verb that introduced them
    (
        'Cruz called Trump a "pathological liar" who is "utterly amoral," a "serial philanderer" and worse.',
        "utterly amoral",
        "Cruz",
        "mixed",
    ),
    # a dash the parser takes for a subject is not the speaker
    (
        "When taxes came up \u2015 as they did for years \u2015 Trump boasted, \u201cThat makes me smart.\u201d",
        "That makes me smart",
        "Trump",
        "direct",
    ),
    # a dateline is not a name
    (
        'Washington (AFP) - Democrat Hillary Clinton on Sunday called his comments "bombastic" and said he would put the economy at risk.',
        "bombastic",
        "Hillary Clinton",
        "mixed",
    ),
    # "so-called" is no speech verb
    (
        "Trump said that Hillary Clinton once described the so-called Trans-Pacific Partnership as \u201cthe gold standard\u201d of deals.",
        "the gold standard",
        "Hillary Clinton",
        "mixed",
    ),
    # reported clause before the cue, or around a parenthetical cue
    (
        "Lord Coe met the inspectors on Tuesday. The bid is on schedule and within budget, Coe said.",
        "The bid is on schedule and within budget",
        "Coe",
        "indirect",
    ),
    (
        "Governor Pat Quinn spoke in Chicago. Crops are withering across the southern counties, he noted.",
        "Crops are withering across the southern counties",
        "Pat Quinn",
        "indirect",
    ),
    (
        "Mayor Bill de Blasio visited the site. But to prevent panic, he said, residents should stay calm tonight.",
        "residents should stay calm tonight",
        "Bill de Blasio",
        "indirect",
    ),
    # promises and demands as to-clauses, charges as "of" phrases
    (
        "Democratic candidate Bernie Sanders promised Monday to begin taking executive action on immigration.",
        "to begin taking executive action on immigration",
        "Bernie Sanders",
        "indirect",
    ),
    (
        "Senator Elizabeth Warren accused the bank of cheating thousands of its own customers.",
        "the bank of cheating thousands of its own customers",
        "Elizabeth Warren",
        "indirect",
    ),
    # reported speech stops where its quoted fragment starts (the fragment is its own quote)
    (
        "Mayor Bill de Blasio says the Chelsea explosion was an \u201cintentional act\u201d by someone.",
        "the Chelsea explosion was an",
        "Bill de Blasio",
        "indirect",
    ),
    # titles and descriptions resolved within the article
    (
        "Secretary of State Marco Rubio met the delegation on Sunday.\n\n"
        "The talks were \u201cvery productive,\u201d the secretary of State said.",
        "very productive",
        "Marco Rubio",
        "mixed",
    ),
    (
        "Defence minister Ben Wallace visited the base on Friday.\n\n\u201cOur troops are ready,\u201d the minister said.",
        "Our troops are ready",
        "Ben Wallace",
        "direct",
    ),
    (
        "Rustem Umerov, secretary of the National Security and Defense Council, led the delegation.\n\n"
        "\u201cWe discussed every issue,\u201d the secretary of the council said.",
        "We discussed every issue",
        "Rustem Umerov",
        "direct",
    ),
    # pronouns: he/she resolved by recency and gender
    (
        "Angela Merkel arrived in Brussels on Thursday.\n\n\u201cEurope must stay united,\u201d she said.",
        "Europe must stay united",
        "Angela Merkel",
        "direct",
    ),
    (
        "Governor Andrew Cuomo spoke first.\n\n\u201cNew York is open for business,\u201d he said.",
        "New York is open for business",
        "Andrew Cuomo",
        "direct",
    ),
    (
        "Ms Ellis, the head teacher, welcomed the report. Her deputy, Mr Grant, was less sure.\n\n"
        "\u201cWe still have a long way to go,\u201d he added.",
        "We still have a long way to go",
        "Grant",
        "direct",
    ),
    (
        "Marco Rubio met Ukrainian officials in Miami.\n\n\u201cThere is still a lot of work to be done,\u201d the official said.",
        "a lot of work to be done",
        "Marco Rubio",
        "direct",
    ),
    # the speaker continues over a run of quote paragraphs
    (
        "\u201cWe built this company from nothing,\u201d said founder Sarah Lin.\n\n"
        "\u201cNow it employs 3,000 people in six countries.\u201d",
        "Now it employs 3,000 people",
        "Sarah Lin",
        "direct",
    ),
    # a quote that spans paragraphs (opening mark repeated, no closing mark)
    (
        "Labour leader Jeremy Corbyn said: \u201cThis government has failed the young.\n\n"
        "\u201cIt has failed the old. It has failed everyone.\u201d",
        "It has failed the old",
        "Jeremy Corbyn",
        "direct",
    ),
    # colon at the end of the previous paragraph
    (
        "In a statement, the chairman, Richard Brooks, said:\n\n\u201cThe board has full confidence in the management team.\u201d",
        "full confidence in the management team",
        "Richard Brooks",
        "direct",
    ),
    # organisations that speak
    ("\u201cThe report is false,\u201d the White House said in a statement.", "The report is false", "White House", "direct"),
    (
        "The New York Times reported that the deal was signed on Friday night.",
        "the deal was signed on Friday night",
        "New York Times",
        "indirect",
    ),
    # an organisation named with a preposition speaks as itself, not as the name inside it
    (
        "The nonpartisan Commission on Presidential Debates says there was indeed a problem with the microphone.",
        "there was indeed a problem with the microphone",
        "Commission",
        "indirect",
    ),
    # a name the parser hung inside an apposition's phrase still speaks
    (
        "\u201cThis meeting was productive,\u201d said the head of the Ukrainian delegation, secretary of the "
        "National Security and Defense Council Rustem Umerov.",
        "This meeting was productive",
        "Rustem Umerov",
        "direct",
    ),
    # unresolvable speakers stay unresolved
    (
        "A spokesman for Senator Ted Cruz said the campaign would appeal the ruling next week.",
        "the campaign would appeal the ruling",
        None,
        "indirect",
    ),
    (
        "\u201cWe were wrong,\u201d said the journalist, who is promoting his book, \u201cSin Miedo\u201d (Without Fear).",
        "We were wrong",
        None,
        "direct",
    ),
    ("\u201cThe numbers do not add up,\u201d a source said.", "The numbers do not add up", None, "direct"),
    ("\u201cWe were not consulted,\u201d officials said.", "We were not consulted", "Officials", "direct"),
    # the speech verb the quoted words hang from wins over a nearer one of another clause
    (
        "Mayor Ana Ruiz described the flooding as a \u201cterrible situation,\u201d but stopped short of calling the city's response slow.",
        "terrible situation",
        "Ana Ruiz",
        "mixed",
    ),
    (
        'When attackers are revealed as part of the war, Obama and Clinton call them "lone wolves" and describe their actions as crimes.',
        "lone wolves",
        "Obama",
        "mixed",
    ),
    # no speech verb governs the phrase: the verb that does, not a cue of the clause after it
    (
        'Another critic, Laurence H. Tribe, likened the rules to "burning the Constitution" - a charge that might have stung.',
        "burning the Constitution",
        "Laurence H. Tribe",
        "mixed",
    ),
    # a no-break space before the verb (common in web copy) does not cost the parse its subject
    ("\u201cThe best way to follow along is the live feed,\u201d PolitiFact\u00a0says.", "best way to follow", "PolitiFact", "direct"),
    # a part of a group speaks as that part
    (
        "Only 52 percent of registered voters said Clinton has \u201cgood enough overall health to serve as president.\u201d",
        "good enough overall health",
        "Only 52 percent of registered voters",
        "mixed",
    ),
    # the name in apposition to the subject, hung by the parser on the firm in its phrase
    (
        "His former business partner at Lenox, Lawrence B. Cummings, called him a master at bolting together deals. "
        "\u201cHe showed again and again an ability to put together deals that other people couldn't.\u201d",
        "He showed again and again",
        "Lawrence B. Cummings",
        "direct",
    ),
    # a show's title in marks before the narration is no quote: the quote sentence after it is still the subject's
    (
        'On "Face the Nation," Sen. Bernie Sanders (Vt.) named young voters\' exhaustion with bigotry as a reason to back Clinton. '
        '"The younger people are sick and tired of discrimination and racism."',
        "sick and tired",
        "Bernie Sanders",
        "direct",
    ),
    # a list of quoted phrases has one speaker, however the parser hung the last one
    (
        "As Trump went on about \u201chow the system is rigged,\u201d and \u201cwounded American families\u201d and "
        "\u201cour own struggling citizens,\u201d Melanie said yes, over and over again.",
        "our own struggling citizens",
        "Trump",
        "mixed",
    ),
    # the possessor of the subject is who the narration is about: "she" is Clinton, not the earlier speaker
    (
        "\u201cWe need a plan,\u201d Elizabeth Warren said.\n\nHillary Clinton\u2019s speech on Monday drew applause from the crowd."
        "\n\n\u201cWe will defend the law,\u201d she said.",
        "defend the law",
        "Hillary Clinton",
        "direct",
    ),
    ("\u201cIt is a scandal,\u201d one resident said.", "It is a scandal", None, "direct"),
    # inverted and participial attributions
    ("\u201cNo comment,\u201d replied spokesman Dan Fox.", None, None, None),
    ("\u201cWe will appeal,\u201d said Ahmed Khan, adding that the ruling was unjust.", "We will appeal", "Ahmed Khan", "direct"),
    ("Trump, speaking at a rally in Ohio, said \u201cwe are going to win so much\u201d.", "we are going to win so much", "Trump", "mixed"),
    # passive and relative clauses
    ("Bernie Sanders, who said \u201cthe system is rigged,\u201d won the primary.", "the system is rigged", "Bernie Sanders", "mixed"),
    ("Jeb Bush was quoted as saying \u201cI am my own man\u201d during the debate.", "I am my own man", "Jeb Bush", "direct"),
    # nested quotes stay inside the outer quote
    (
        "\u201cHe told me \u2018never give up\u2019 and I never did,\u201d said Lisa Park.",
        "He told me \u2018never give up\u2019 and I never did",
        "Lisa Park",
        "direct",
    ),
    # straight quotes with apostrophes inside
    ("\"It's not over until it's over,\" Yogi Berra said.", "It's not over until it's over", "Yogi Berra", "direct"),
    # cue words other than said
    (
        "\u201cThis is a disaster for farmers,\u201d warned NFU president Minette Batters.",
        "a disaster for farmers",
        "Minette Batters",
        "direct",
    ),
    ("\u201cWe will vote no,\u201d Senator Rand Paul wrote on Twitter.", "We will vote no", "Rand Paul", "direct"),
    ("\u201cThe deal is dead,\u201d insisted Nigel Farage.", "The deal is dead", "Nigel Farage", "direct"),
    ("\u201cWhat are they hiding?\u201d asked Senator Chuck Schumer.", "What are they hiding?", "Chuck Schumer", "direct"),
    # listicle bylines: a dash and the name after the quote
    (
        "\u201cHe represents our greatest shame.\u201d \u2015 Sonya Herridge\n\u201cHe is ignorant of our culture.\u201d\u2015 Pamela Padilla",
        "He is ignorant of our culture",
        "Pamela Padilla",
        "direct",
    ),
    # transcripts
    ('"PENCE: Well, the question really should be why she invited him."', "the question really should be", "PENCE", "direct"),
    # a verb right after the quote, even an unusual one
    (
        "\u201cThis is fantastic!\u201d beamed delegate Donald Hartley of Madison, Alabama.",
        "This is fantastic!",
        "Donald Hartley",
        "direct",
    ),
    # the name starts after the last title or role word
    ("Ohio Senator Sherrod Brown said: \u201cThe deal is dead.\u201d", "The deal is dead", "Sherrod Brown", "direct"),
    (
        "Former White House Senior Adviser Dana Whitfield said she had \u201cno memory\u201d of the call.",
        "no memory",
        "Dana Whitfield",
        "mixed",
    ),
    # a surname that is also a title word
    (
        "Tennis great Billie Jean King spoke first. King says Ali \u201cnever stopped talking and never stopped winning.\u201d",
        "never stopped talking",
        "Billie Jean King",
        "mixed",
    ),
    # a subject tagged as a verb at the start of the sentence
    (
        "Donald Trump held a rally. Trump later defended the crowd, calling the heckler \u201ca very rude man who came to make trouble.\u201d",
        "a very rude man",
        "Donald Trump",
        "mixed",
    ),
    # the parser loses the subject behind a party-and-state parenthesis
    (
        "At the convention Sen. Maria Cantwell (D-WA) said the governor was a \u201cproven failure\u201d in business.",
        "proven failure",
        "Maria Cantwell",
        "mixed",
    ),
    # the subject of what a speaker reports is not who "he said" refers to afterwards
    (
        "Senator Mark Delaney said praise from Prime Minister Viktor Horvath would not change his vote. "
        "He said Horvath has \u201cdone more for trade than anyone in Brussels.\u201d",
        "done more for trade",
        "Mark Delaney",
        "mixed",
    ),
    (
        "Organiser Keisha Monroe said the mayor does not care about the district.\n\n"
        "\u201cIt is only when the cameras come that she shows up,\u201d she said.",
        "only when the cameras come",
        "Keisha Monroe",
        "direct",
    ),
    # a known surname the tagger reads as a common noun at the start of a sentence
    (
        "Donald Trump spoke at the forum.\n\nModerator Jane Ellis asked about Iran.\n\n"
        "Trump said the deal was a disaster. He said it was \u201cthe worst deal ever negotiated.\u201d",
        "the worst deal ever",
        "Donald Trump",
        "mixed",
    ),
    # what was said as the verb's object
    (
        "Republican nominee Donald Trump has called for the complete repeal of the health law.",
        "the complete repeal of the health law",
        "Donald Trump",
        "indirect",
    ),
    ("Governor Ana Ruiz cited her record on school funding in the debate.", "her record on school funding", "Ana Ruiz", "indirect"),
    # an organisation named once, then "the commission" or "it"
    (
        "The nonpartisan Commission on Presidential Debates announced the moderators on Friday.\n\n"
        "The commission said there were \u201cissues regarding the audio\u201d in the hall.",
        "issues regarding the audio",
        "Commission on Presidential Debates",
        "mixed",
    ),
    (
        "The International Monetary Fund cut its forecast for growth on Tuesday. It warned of \u201cpolitical tensions\u201d in Europe.",
        "political tensions",
        "International Monetary Fund",
        "mixed",
    ),
    # a document speaks for whoever wrote it; a spokesman does not speak as his boss
    (
        "Party insiders are trying to mobilise young voters, according to a new report by Politico.",
        "Party insiders are trying to mobilise young voters",
        "Politico",
        "indirect",
    ),
    ("The IMF report said growth in Europe would slow sharply next year.", "growth in Europe would slow", "IMF", "indirect"),
    ("A spokesman for Senator Ted Cruz said the campaign would continue.", "the campaign would continue", None, "indirect"),
    # a quote sentence after narration about its speaker, in the same paragraph
    (
        "John Bolton distanced himself from the critics on Tuesday. \u201cI am going to support him, and support him enthusiastically.\u201d",
        "support him enthusiastically",
        "John Bolton",
        "direct",
    ),
    # a person the small model tags ORG (with "Carly" an adverb) is known by the given name
    (
        "Carly Fiorina threw her support behind Sen. Ted Cruz on Wednesday.\n\n"
        "\u201cTed Cruz has stood up and fought for our right to bear arms,\u201d she said to cheers.",
        "fought for our right",
        "Carly Fiorina",
        "direct",
    ),
    # the subject of a clause describing a noun is no antecedent for the next "she"
    (
        "Oscar-winning actress Susan Sarandon is not sure she can vote for Hillary Clinton.\n\n"
        "\u201cI think Bernie would encourage people,\u201d Sarandon told MSNBC.\n\n"
        "Asked about her own vote in the event that Clinton faces Trump, she replied: \u201cI don\u2019t know. I\u2019m going to see.\u201d",
        "I\u2019m going to see",
        "Susan Sarandon",
        "direct",
    ),
    # a document speaks for whoever made it, named where it was introduced
    (
        "The Washington Post ran a feature Saturday that profiled a Trump supporter.\n\n"
        "The piece used one of the woman\u2019s quotes as its headline: \u201cFinally. Someone who thinks like me.\u201d",
        "Someone who thinks like me",
        "Washington Post",
        "direct",
    ),
    (
        "Hillary Clinton\u2019s campaign released a new ad on Monday about Donald Trump\u2019s taxes.\n\n"
        "\u201cIf he thinks that makes him smart, what does he think of you?\u201d the ad\u2019s narrator says.",
        "what does he think of you",
        "Hillary Clinton\u2019s campaign",
        "direct",
    ),
    (
        "But a separate statement issued by the Sanders campaign late Tuesday made no mention of the race.\n\n"
        "Instead, the statement said voters should \u201cdetermine who they want as president.\u201d",
        "determine who they want",
        "Sanders campaign",
        "mixed",
    ),
    # a statement from someone's family is not that person's
    (
        "A statement from Mr Collett's family was released on Friday.\n\n"
        "\u201cDon was a well loved, funny and generous man,\u201d the statement said.",
        "Don was a well loved",
        None,
        "direct",
    ),
    # footage of someone speaking: they speak, not the ad
    (
        "A new ad from Donald Trump\u2019s campaign is out.\n\n"
        "The ad uses footage of Hillary Clinton asking, \u201cWhy aren\u2019t I 50 points ahead, you might ask?\u201d",
        "50 points ahead",
        "Hillary Clinton",
        "direct",
    ),
    # no space after the closing mark
    ("\u201cI think it\u2019s been most surprising to me,\u201dClinton said.", "most surprising to me", "Clinton", "direct"),
    # a quote paragraph after narration about its speaker, which holds a phrase in marks
    (
        "What \u201cgo after them\u201d actually means is left to voters, since Donald Trump spoke only in bromides.\n\n"
        "\u201cWe have to do something and it\u2019s the only way you stop it.\u201d",
        "the only way you stop it",
        "Trump",
        "direct",
    ),
    # a paragraph ending in a colon introduces the quote after it, whatever its verb
    (
        "Morton Blackwell has endorsed Sen. Ted Cruz for president.\n\n"
        "He then listed the qualities necessary in a successful Republican nominee:\n\n"
        '"Has the candidate a record of personal activism?\n\n'
        '"Can the liberal media destroy any truly conservative candidate?"',
        "liberal media destroy",
        "Morton Blackwell",
        "direct",
    ),
    # … but a heading's subject is no one ("Here are the key points:")
    ('Here are the key points of the plan:\n\n"We will build the wall and fix the roads."', "fix the roads", None, "direct"),
    # a hyphenated name keeps its hyphen
    ("\u201cNo,\u201d Jean-Marc Ayrault, the foreign minister of France, said.", "No", "Jean-Marc Ayrault", "direct"),
    ("\u201cWe will win,\u201d said Carlos Lopez-Cantera, the lieutenant governor.", "We will win", "Carlos Lopez-Cantera", "direct"),
    # an epithet refers back to the person just named; "my father" does not
    (
        "Sheldon Adelson met Donald Trump on Friday in Las Vegas.\n\n\u201cHe was very charming,\u201d the gambling tycoon said.",
        "very charming",
        "Sheldon Adelson",
        "direct",
    ),
    (
        "Donald Trump spoke in Ohio on Monday.\n\n\u201cWe live in Satan\u2019s kingdom,\u201d my father said.",
        "Satan\u2019s kingdom",
        None,
        "direct",
    ),
    # a campaign, an office, a ministry speaks under the name the article gives it
    (
        "O\u2019Malley\u2019s campaign says it will shift staff to the early states.",
        "shift staff",
        "O\u2019Malley\u2019s campaign",
        "indirect",
    ),
    ("The Sanders campaign said it would assess its options in Missouri.", "assess its options", "Sanders campaign", "indirect"),
    # according to a poll, a count, an article: whoever made it
    (
        "According to early results of exit polls conducted by Edison Research for The Associated Press, "
        "majorities of voters backed Clinton.",
        "majorities of voters backed Clinton",
        "Edison Research",
        "indirect",
    ),
    ("Trump so far has won 758 delegates, according to a CNN tally.", "758 delegates", "CNN", "indirect"),
    ("Trump will likely win the nomination, according to a new article in Politico.", "likely win", "Politico", "indirect"),
    # … but an ad placed in a newspaper is not the newspaper's
    (
        "Fans have taken out a full-page ad in the Los Angeles Times.\n\n"
        "\u201cCaptain Archer and the crew need your help!\u201d the advert said.",
        "the crew need your help",
        None,
        "direct",
    ),
    # a dateline is no subject: the person after it speaks
    (
        "LONDON (Reuters) - Donald Trump said he was unlikely to have a good relationship with David Cameron.",
        "unlikely to have",
        "Donald Trump",
        "indirect",
    ),
    (
        "LA CROSSE, Wisc. \u2014 Gov. Mike Pence on Thursday blamed the media for making an issue out of Donald Trump\u2019s claim "
        "that President Barack Obama \u201cfounded ISIS,\u201d saying they were nitpicking.",
        "founded ISIS",
        "Mike Pence",
        "mixed",
    ),
    (
        "Washington (AFP) \u2013 Democrat Hillary Clinton has taken a swipe at Republican rival Donald Trump\u2019s stance on Brexit, "
        "saying that \u201cbombastic comments\u201d do more harm than good.",
        "bombastic comments",
        "Hillary Clinton",
        "mixed",
    ),
    # of two subjects, a place is the parser's mistake; a party-and-state parenthesis before "said"
    (
        "Tuesday at Baldwin Wallace University in Berea, OH, after winning Ohio in the Republican presidential primary, "
        "Gov. John Kasich (R-OH), said, \u201cI\u2019m getting ready to rent a covered wagon.\u201d",
        "rent a covered wagon",
        "John Kasich",
        "direct",
    ),
    # a candidate's campaign speaks for itself, and is what "it" says later
    (
        "Hillary Clinton spoke in Flint. The Clinton campaign said it wants an \u201cexpedited review\u201d of the data.",
        "expedited review",
        "Clinton campaign",
        "mixed",
    ),
    (
        "The Cruz campaign sent a fundraising email Wednesday saying that Cruz and Trump are in a two-man race.\n\n"
        "\u201cFriend, let me be blunt. I can beat Hillary Clinton,\u201d the email read. "
        "It said that Trump supports \u201cHillary-style healthcare.\u201d",
        "Hillary-style healthcare",
        "Cruz campaign",
        None,
    ),
    # the shadow foreign secretary is not "the Foreign Secretary"
    (
        "Shadow foreign secretary Michael Ancram spoke first in the debate on Monday. Jack Straw spoke later.\n\n"
        "\u201cI was making an observation,\u201d the Foreign Secretary told the BBC.",
        "making an observation",
        "Jack Straw",
        "direct",
    ),
    # a party agrees like a gender: "the GOP nominee" is the Republican nominee, not the latest person
    (
        "Republican nominee Donald Trump held a rally in Ohio on Monday. Hillary Clinton campaigned in Florida, where she met voters.\n\n"
        "\u201cWe are going to win this state,\u201d the GOP nominee said.",
        "win this state",
        "Donald Trump",
        "direct",
    ),
    # "his lawyer" is not the man whose lawyer he is; a lawyer named earlier is
    (
        "Bryan Pagliano declined to testify before the committee on Tuesday.\n\n\u201cHe will not answer any questions,\u201d his lawyer said.",
        "answer any questions",
        None,
        "direct",
    ),
    (
        "Bryan Pagliano's lawyer, Mark MacDougall, wrote to the committee. Pagliano did not attend the hearing.\n\n"
        "\u201cHe will not answer any questions,\u201d his lawyer said.",
        "answer any questions",
        "Mark MacDougall",
        "direct",
    ),
    # a newcomer introduced with a role just before a quote paragraph is its "he"/"she", however
    # salient the story's subject ("Clinton"), and however late a name inside the apposition
    (
        "Clinton has drawn fewer celebrities to her rallies than Obama did, and that worries Maria Lopez, "
        "chair of the Broward County Democratic Party.\n\n\u201cNobody is excited about this race yet,\u201d she said.",
        "excited about this race",
        "Maria Lopez",
        "direct",
    ),
    (
        "Sanders spent the morning at a diner in Concord, where he met Tom Reilly, a retired machinist who voted for Obama twice."
        "\n\n\u201cI don't trust either of them,\u201d he said.",
        "trust either of them",
        "Tom Reilly",
        "direct",
    ),
    # a headline's verb is no part of the name the tagger glued it to
    (
        "Ted Cruz Apologizes To Ben Carson For Telling Supporters Carson Had Dropped Out\n\n"
        "\u201cI'm sorry that this happened,\u201d Cruz said on Saturday.",
        "sorry that this happened",
        "Ted Cruz",
        "direct",
    ),
    # page furniture a scraper glued to names is no name ("…FlagShareLikeReply…")
    (
        "Jen BenderyFlagShareLikeReplyPaige Lavender said the debate was over. \u201cWe are done here,\u201d Lavender said.",
        "done here",
        "Lavender",
        "direct",
    ),
    # an inverted subject after a participle used as an adjective ("said retired neurosurgeon …")
    (
        "\u201cI'm not going to say it is a mistake, so forget about it,\u201d said retired neurosurgeon Ben Carson, "
        "asked about his claims that he had received a scholarship offer.",
        "forget about it",
        "Ben Carson",
        "direct",
    ),
    # a participle the parser hung on the quote's verb has the sentence's subject
    (
        "Clinton seemed to be ready to riff on the incident in Iowa, telling the crowd, \u201cSome people get a little carried away, "
        "have you noticed that?\u201d",
        "carried away",
        "Clinton",
        "direct",
    ),
    # a name set off by commas after "the author of the book" is the author's
    (
        "Bob Woodward wrote about the attack in 2014. The author of the book, Mitchell Zuckoff, said in a telephone interview "
        "that he stands by the depiction.",
        "stands by the depiction",
        "Mitchell Zuckoff",
        "indirect",
    ),
    # a hyphenated organisation or surname keeps its whole name, even when it ends in a title word
    ("Coca-Cola indicated it would give $75,000 to the convention, down sharply from 2012.", "give $75,000", "Coca-Cola", "indirect"),
    (
        "Broadreach chief executive Magnus McEwen-King said Skype's success at spreading the word about internet telephony is welcome.",
        "spreading the word",
        "Magnus McEwen-King",
        "indirect",
    ),
    # a poll's share of respondents speaks as a group, under its own words
    ("Six in 10 say he is at least somewhat decisive, after half said so in January.", "somewhat decisive", "Six in 10", "indirect"),
    (
        "Many of her Republican supporters say they empathize with her predicament.",
        "empathize",
        "Many of her Republican supporters",
        "indirect",
    ),
    ("Thirty percent said the reason is the economy.", "the economy", "Thirty percent", "indirect"),
    # an honorific picks the one of two people with that surname ("Mrs. Clinton" after Bill Clinton spoke)
    (
        "Hillary Clinton spoke first. Then Bill Clinton took the stage and praised her.\n\n"
        "\u201cWe will win in November,\u201d Mrs. Clinton said.",
        "win in November",
        "Hillary Clinton",
        "direct",
    ),
    # the New York Times' ''…'' marks: the quote starts after both apostrophes
    (
        "''We finally may be seeing some wage acceleration,'' said the economist Jared Bernstein.",
        "We finally may be seeing",
        "Jared Bernstein",
        "direct",
    ),
    # a statement, letter or ad speaks for whoever issued it
    (
        "Mr. Trump issued a statement Tuesday saying, ''I do not feel that one's heritage makes them incapable of being impartial.''",
        "incapable of being impartial",
        "Trump",
        "direct",
    ),
    # a spokeswoman for an organisation is the organisation speaking (for a person, nobody: see above)
    (
        "A spokeswoman for YouTube said that it had policies prohibiting terrorist recruitment.",
        "terrorist recruitment",
        "YouTube",
        "indirect",
    ),
    ("A foreign ministry spokesman in Berlin said the attack was suppressed early on Friday.", "suppressed early", None, "indirect"),
    ("Nearly half said they prefer someone who has experience in politics.", "experience in politics", "Nearly half", "indirect"),
    # a reported question is what the asker said; "Asked whether …, X replied" was asked, not asking
    (
        "Paul also asked how it\u2019s conservative to add a trillion dollars in military expenditures.",
        "a trillion dollars",
        "Paul",
        "indirect",
    ),
    (
        "Ryan did not exude confidence when Tapper asked whether Republicans would be able to hold on to the House.",
        "hold on to the House",
        "Tapper",
        "indirect",
    ),
    # "the group", "the agency": the organisation that just spoke or acted, as "it" would be
    (
        "The Trayvon Martin Foundation declined to comment on the sale.\n\n"
        "\u201cWe are laser focused on ending senseless gun violence,\u201d the group said.",
        "laser focused",
        "Trayvon Martin Foundation",
        "direct",
    ),
    (
        "The FBI confirmed that it was reviewing the emails. The agency declined to detail the \u201cfocus, scope or targets\u201d of the inquiry.",
        "focus, scope",
        "FBI",
        "mixed",
    ),
    # "her campaign" is the campaign of whoever "her" is, not the candidate herself
    (
        "Hillary Clinton spoke in Iowa on Monday. \u201cWe will keep breaking barriers,\u201d her campaign said.",
        "breaking barriers",
        "Hillary Clinton campaign",
        "direct",
    ),
    # "they" is the group that spoke just before, and no one when other people came between
    (
        "Police said the driver fled the scene. \u201cHe was armed and dangerous,\u201d they said.",
        "armed and dangerous",
        "Police",
        "direct",
    ),
    (
        "Police said the driver fled the scene.\n\nThe protesters marched to City Hall on Monday. \u201cStop the killing now,\u201d they chanted.",
        "Stop the killing",
        None,
        "direct",
    ),
    # an aide, adviser or spokesman speaks for someone, never as them
    ("Ted Cruz campaigned in Iowa. \u201cWe are not worried at all,\u201d a senior Cruz adviser said.", "not worried", None, "direct"),
    (
        "Hillary Clinton campaigned in Ohio. \u201cThe race is over,\u201d Clinton advisers said.",
        "race is over",
        "Clinton advisers",
        "direct",
    ),
    ("Hillary Clinton campaigned in Ohio. \u201cWe are doing fine,\u201d the aide said.", "doing fine", None, "direct"),
    (
        "David Axelrod spoke on CNN on Monday.\n\nHillary Clinton spoke in Iowa. \u201cWe are ready for it,\u201d Clinton\u2019s spokesman said.",
        "ready for it",
        None,
        "direct",
    ),
    # a bare surname is the story's namesake, not the one mentioned last
    (
        "Senator Chris Murphy has made gun control his cause. Murphy said the votes were there.\n\n"
        "Murphy spoke at the memorial for the teachers. Anne Marie Murphy, a teacher, died in the shooting.\n\n"
        "\u201cThis has become a litmus test for leadership,\u201d Murphy said.",
        "litmus test",
        "Chris Murphy",
        "direct",
    ),
    (
        "Hillary Clinton\u2019s campaign began in Iowa on Monday. Her husband, former President Bill Clinton, joined her at the rally."
        "\n\n\u201cWe will win this state,\u201d Clinton said.",
        "win this state",
        "Hillary Clinton",
        "direct",
    ),
    # epithets: "the retired neurosurgeon", "the GOP front-runner" (which the tokenizer splits)
    (
        "Ben Carson spoke in Ohio. \u201cThis is a very difficult investigation,\u201d the retired neurosurgeon said.",
        "difficult investigation",
        "Ben Carson",
        "direct",
    ),
    (
        "Donald Trump spoke in Iowa. \u201cIt caused tremendous death,\u201d the GOP front-runner said.",
        "tremendous death",
        "Donald Trump",
        "direct",
    ),
    # a hyphenated name with a lower-case end
    ("\u201cClimate change is the top priority,\u201d said U.N. Secretary General Ban Ki-moon.", "top priority", "Ban Ki-moon", "direct"),
    # parser slips: quoted words made the subject with the speaker in apposition; the speech verb
    # hung on a participle ("noting …, said"); the cue inside a "by" phrase
    (
        "\u201cVery good reporter, very good reporter this guy,\u201d Trump, the Republican frontrunner nationally and polling leader "
        "in South Carolina by a wide margin after winning New Hampshire, said when Boyle asked him a question.",
        "Very good reporter",
        "Trump",
        "direct",
    ),
    (
        'Sen. Richard J. Durbin (D-Ill.), noting the size of Sanders\u2019s following, said, "He has got a heck of an email list."',
        "heck of an email list",
        "Richard J. Durbin",
        "direct",
    ),
    (
        'Lewandowski quashed rumors he was planning to write a book by tweeting that "I am under a strict confidentiality agreement."',
        "strict confidentiality",
        "Lewandowski",
        "direct",
    ),
    # an official the story leaves unnamed stays unnamed, also when referred to again
    (
        "Hillary Clinton spoke on Monday. \u201cWe are ready for the debate,\u201d a Clinton campaign official said. "
        "\u201cShe has prepared for weeks,\u201d the official said.",
        "prepared for weeks",
        None,
        "direct",
    ),
    (
        "Marco Rubio met Ukrainian officials in Miami. \u201cThe talks were hard,\u201d a second official said.",
        "talks were hard",
        None,
        "direct",
    ),
    # a hyphenated title cut by the parser; a voter described by state and party is nobody named
    ("\u201cIt is a deportation force,\u201d said co-host Mika Brzezinski.", "deportation force", "Mika Brzezinski", "direct"),
    ("\u201cIt is Bernie's to lose at this point,\u201d said another New Hampshire Democrat.", "to lose at this point", None, "direct"),
    ("\u201cHillary needed to split the first two,\u201d said a South Carolina Democrat.", "split the first two", None, "direct"),
    # "his daughter Ivanka Trump" is not the "Trump" the story was about; a dateline glued to a name
    (
        "Trump spoke for an hour on Thursday. \u201cI am your voice,\u201d Trump said.\n\n"
        "His daughter Ivanka Trump introduced him.\n\n\u201cWe will win in November,\u201d Trump said.",
        "win in November",
        "Trump",
        "direct",
    ),
    (
        "CLEVELAND - Donald Trump painted a dire portrait of the nation on Thursday.\n\n"
        "His daughter Ivanka Trump introduced him.\n\n\u201cI am your voice,\u201d Trump said.",
        "I am your voice",
        "Donald Trump",
        "direct",
    ),
    # a known title by its head noun: "the two-term president" is the one titled President, not the latest speaker
    (
        "President Barack Obama spoke in Philadelphia. Hillary Clinton said she was \u201cready to lead.\u201d "
        "\u201cNothing truly prepares you for the job,\u201d the two-term president said.",
        "Nothing truly prepares you",
        "Barack Obama",
        "direct",
    ),
    (
        "Taliban spokesman Zabihullah Mujahid claimed the attack. "
        "\u201cA crisis task force was set up in Berlin,\u201d the German foreign ministry spokesman said.",
        "crisis task force",
        None,
        "direct",
    ),
    # the parser made the description the subject and left the name beside it: the name speaks
    (
        "Hillary Clinton held a rally in Tampa.\n\n\u201cHe looked me right in the eye and said you need to tell me what "
        "it takes to win in this county,\u201d Deborah Tamargo, the chairwoman of Florida\u2019s Hillsborough County GOP, "
        "recalled of a June conversation she had with Trump.",
        "He looked me right in the eye",
        "Deborah Tamargo",
        "direct",
    ),
    # an office of a body the story never named is someone new, not the latest woman
    (
        "Hillary Clinton held a rally in Tampa.\n\n\u201cHe looked me right in the eye,\u201d the chairwoman of "
        "Florida\u2019s Hillsborough County GOP recalled.",
        "He looked me right in the eye",
        None,
        "direct",
    ),
    # a quote hanging from a verb of what someone said is theirs, not the verb's subject's
    (
        "Michael Green, associate professor of history at the University of Nevada-Las Vegas, said places such as Iowa and "
        'New Hampshire "have more of a historical resonance," while "Nevada is more of a newcomer."',
        "Nevada is more of a newcomer",
        "Michael Green",
        "direct",
    ),
    # the parser hung the name on the organisation in the role's phrase
    (
        "The director of the European Centre, Ina Kirsch, told the AP her group never worked with Manafort or Gates.",
        "her group never worked",
        "Ina Kirsch",
        "indirect",
    ),
    # "who also said" after an apposition is the person, not the description
    (
        "\u201cIf you don't have a positive tone, you will have a hard time,\u201d said Alfonso Aguilar, the executive "
        "director of the Latino Partnership for Conservative Principles, who also said that the two men must do more. "
        "\u201cHispanics won't vote for someone just because they're Hispanic.\u201d",
        "Hispanics won't vote",
        "Alfonso Aguilar",
        "direct",
    ),
    # things are no group of speakers; people are, whatever their verb
    (
        "Those stances helped make the group \u201cconfident that Secretary Clinton will continue to be a champion.\u201d",
        "confident that Secretary Clinton",
        None,
        "mixed",
    ),
    (
        "Jeffrey Smith, 54, said he came to see Hillary Clinton. Giant screens hanging over the arena flashed \u201cthe future is now.\u201d",
        "the future is now",
        None,
        "mixed",
    ),
    (
        "About 200 protesters congregated outside the hotel, holding signs and chanting \u201cDump Trump.\u201d",
        "Dump Trump",
        "About 200 protesters",
        "direct",
    ),
    # a poll's share with its group after it
    (
        "Nine in 10 Democratic registered voters say they think she could win a general election.",
        "she could win a general election",
        "Nine in 10 Democratic registered voters",
        "indirect",
    ),
    # "one Democrat" is a member of the party, not the party; "one Obama insider" is not Obama
    (
        "\u201cIt wasn't a convincing argument,\u201d said one Democrat familiar with the discussion.",
        "convincing argument",
        None,
        "direct",
    ),
    (
        "Barack Obama called his brother on Sunday.\n\n\u201cHe is closer to him than anyone,\u201d said one Obama insider.",
        "closer to him than anyone",
        None,
        "direct",
    ),
    # "the man" is the unnamed man the story just introduced, not the last man it named
    (
        "Peter Altmaier, the chief of staff, defended the policy. In Wismar, a judge sentenced a 26-year-old man to "
        "probation after the man had posted that refugees should \u201cburn alive\u201d in the sea.",
        "burn alive",
        None,
        "mixed",
    ),
    # a quote after a colon belongs to the subject of the sentence that introduces it, or to the name before the colon
    (
        "Bernie Sanders took questions on Sunday.\n\nSanders delivered a snappy retort: \u201cNo one is tearing this up. "
        "We're going to go forward.\u201d He bemoaned the cost of health care.",
        "No one is tearing this up",
        "Bernie Sanders",
        "direct",
    ),
    (
        "DEMOGRAPHICS FAVOR CRUZ, BUT ECONOMY FAVORS TRUMP - David Wasserman: \u201cIndiana, which bills itself as the "
        "Crossroads of America, has a lot of voters.\u201d",
        "Crossroads of America",
        "David Wasserman",
        "direct",
    ),
    (
        'Hillary Clinton and Jeb Bush spoke on ISIS.\n\nClinton: "Our goal is not to deter or contain ISIS, but to defeat '
        'and destroy ISIS." Bush: "The mission is to destroy ISIS -- not to contain it."',
        "The mission is to destroy ISIS",
        "Jeb Bush",
        "direct",
    ),
    # but a name the message was for did not say it
    (
        "Senate Majority Leader Mitch McConnell, R-Ky., delivered a blunt message to Donald Trump: \"It's time to quit "
        'attacking various people that you competed with."',
        "time to quit attacking",
        "Mitch McConnell",
        "direct",
    ),
    # the sentence before the colon is no reported speech of the "he said" after the quote
    (
        "Judge Michael W. Mosman called the clip \u201cdistasteful.\u201d\n\nSantilli's attorney, Thomas Coan, argued that "
        'his client was a "new-media journalist." Mosman saw Santilli\'s words differently: "When he says he will die a '
        "free man, I don't take that as a man who is joking about it,\" he said.",
        "he will die a free man",
        "Michael W. Mosman",
        "direct",
    ),
    # an opening mark glued to the comma before it ("said,“Look") is still a quote the verb introduces
    (
        "Paul Ryan spoke on Tuesday.\n\nRyan said,\u201cLook, anti-Semitic images, they\u2019ve got no place in a presidential campaign.\u201d",
        "anti-Semitic images",
        "Paul Ryan",
        "direct",
    ),
    # "President Obama" is not "first lady Michelle Obama", even when the story never names him in full
    (
        "While the leaders met, first lady Michelle Obama gave a tour of the residence.\n\n"
        'President Obama said the talk was "excellent" and that his number one priority is a smooth transition.',
        "excellent",
        "Obama",
        "mixed",
    ),
    # "go" speaks only as "went on", "went after", "went so far as to": Britain going to the back of
    # the queue is what Obama warned of
    (
        "Britain would go to the \u201cback of the queue\u201d in any trade deal, President Obama warned on Friday.",
        "back of the queue",
        "Obama",
        "mixed",
    ),
    (
        "Donald Trump spoke in Ohio. Trump went on about \u201chow the system is rigged\u201d for an hour.",
        "how the system",
        "Donald Trump",
        "mixed",
    ),
    # … but her given name is her
    (
        'Donald Trump arrived with his wife Melania Trump.\n\n"Children and teenagers can be fragile," Melania said.',
        "Children and teenagers",
        "Melania Trump",
        "direct",
    ),
    # the name in apposition to the subject, not a name modifying it
    (
        "One Trump backer and Obama critic, former House speaker Newt Gingrich, described the meeting as "
        '"an amazing tribute to the power of the people."',
        "amazing tribute",
        "Newt Gingrich",
        "mixed",
    ),
    # "the Dutchman" (which the tagger calls an organisation) is the man the story named
    (
        'Tottenham manager Martin Jol acclaimed his players.\n\n"We had the initiative but it wasn\'t easy," the Dutchman said.',
        "We had the initiative",
        "Martin Jol",
        "direct",
    ),
    # a speech verb right after a quoted sentence goes on about the same speaker; another verb is no cue
    (
        "Royal Navy veteran Kevin Snow, 57, was one of those injured. He said the tram failed to slow down. "
        '"Usually, as you come out the tunnel, you feel the brakes." He said the tram slid for ten seconds.',
        "you feel the brakes",
        "Kevin Snow",
        "direct",
    ),
    # a known surname the tagger takes for a verb ("Trump/VB himself was delighted") is still the subject "he" refers to
    (
        "Donald Trump ate a taco bowl at his desk.\n\nPaul Manafort politely suggested that this might be seen as condescending "
        "and cautioned against it. The tweet went out. Trump himself was delighted by the resulting controversy. "
        "\u201cThe people who were offended were people we wanted to offend,\u201d he later said.",
        "people we wanted to offend",
        "Donald Trump",
        "direct",
    ),
    # the sentence is about its main subject, not the subject of the clause it argues
    (
        "Chris Christie lit into Marco Rubio on Saturday.\n\nChristie's been making the case for weeks that Rubio isn't ready "
        "for the White House. \u201cYou have not been involved in a consequential decision,\u201d he said.",
        "consequential decision",
        "Chris Christie",
        "direct",
    ),
    # … but a pronoun as the main subject is the same person ("If Clinton's wobbly …, she's …")
    (
        "Bernie Sanders blames China.\n\nIf Hillary Clinton is wobbly on the TPP, she is Obama's equal on workers, "
        'and she vows to be even tougher on trade violations. She has proposed a "chief trade prosecutor."',
        "chief trade prosecutor",
        "Hillary Clinton",
        "mixed",
    ),
    # a fronted "Of …" the parser made the subject: the speaker is the name after it
    (
        "Of Carson, Levine, who has given money to Marco Rubio, said, \u201cHe\u2019s flat-out scary. I think he\u2019s a wonderful man.\u201d",
        "flat-out scary",
        "Levine",
        "direct",
    ),
    # a poll's share the parser hung on the verb as a number is still who says it
    ("About 4 in 10 say they want the next president to have more liberal policies.", "more liberal policies", "4 in 10", "indirect"),
    # a verb the parser could not attach ("dep") still has the sentence's subject
    (
        "Majorities of Democrats in five states going to the polls Tuesday say they would be satisfied with either nominee.",
        "satisfied with either nominee",
        "Majorities",
        "indirect",
    ),
    # a "that" clause the parser hung on the noun of an adverbial ("during a news conference that …")
    (
        "Sheldon Adelson, a Republican donor, spoke on Friday.\n\nAdelson said earlier on Friday during a news conference that he may "
        "wait until February\u2019s primaries to decide who to back.",
        "he may wait until February",
        "Sheldon Adelson",
        "indirect",
    ),
    # a clause opening with a gerund, which the parser made the verb's complement
    (
        "Yet Democratic economists, like their Republican counterparts, say taxing consumption encourages savings, investment "
        "and greater economic growth.",
        "taxing consumption encourages savings",
        "Democratic economists",
        "indirect",
    ),
    # an "as X noted" aside reports the clause it qualifies, before or after it
    (
        "Rep. Jim Clyburn spoke on Monday. But as Clyburn noted, those voters will give Sanders a second look if he starts winning.",
        "those voters will give Sanders a second look",
        "Jim Clyburn",
        "indirect",
    ),
    ("Trump has lost a lot of ground in Ohio, as POLITICO has reported.", "Trump has lost a lot of ground", "POLITICO", "indirect"),
    # … after a clause, the nearest proposition: the police said Scott had a gun, not that the video does not answer it
    (
        "Police released a video. It also does not answer whether Scott had a gun, as police have said.",
        "Scott had a gun",
        "Police",
        "indirect",
    ),
    # an owner the tagger took for a common noun ("Trump/NN ’s campaign") is still the owner, not the latest campaign
    (
        "Bernie Sanders won Oregon. The Sanders campaign said it would appeal the ruling.\n\nDonald Trump spoke on Monday.\n\n"
        "Trump\u2019s campaign said it would appeal the ruling in the state courts.",
        "appeal the ruling in the state courts",
        "Trump\u2019s campaign",
        "indirect",
    ),
    (
        "Bernie Sanders won Oregon.\n\nSanders\u2019 campaign announced it would seek a recanvass in Kentucky.",
        "seek a recanvass",
        "Sanders\u2019 campaign",
        "indirect",
    ),
    # "the paper", "the editorial board": the newspaper the story named last
    (
        "Nikki Haley should be deported, a headline from the Wall Street Journal editorial board reads.\n\n"
        "\u201cAre we talking about the same Nikki Haley?\u201d the editorial board writes.",
        "same Nikki Haley",
        "Wall Street Journal",
        "direct",
    ),
    (
        "The Sun splashed the story across its front page on Monday.\n\n\u201cThe minister must go,\u201d the paper said.",
        "The minister must go",
        "Sun",
        "direct",
    ),
    # a quoted sentence that ends its line keeps its speaker; the next line is a new paragraph
    (
        '"This is a disease," Chris Christie said. "It\u2019s not a moral failing. It\u2019s a disease."\n'
        "Neither Cruz nor Christie acknowledged the administration's efforts to combat the epidemic.",
        "not a moral failing",
        "Chris Christie",
        "direct",
    ),
    # a clause after an adverbial, which the parser took for one more adverbial
    (
        "Trump said after the convention he would not accept Cruz's endorsement if it were offered.",
        "he would not accept Cruz's endorsement",
        "Trump",
        "indirect",
    ),
    # the one told may carry the "that" clause: what was said all the same
    (
        "President Obama flew to Hawaii.\n\nIn Honolulu last week, he told a meeting of Pacific Island leaders that few people "
        "understood the stakes of climate change better than residents of their part of the planet.",
        "few people understood the stakes of climate change",
        "Obama",
        "indirect",
    ),
    # data speak for whoever the sentence says they come from
    (
        "Ferguson had two murders in 2014, according to the most recent data available from the FBI.",
        "Ferguson had two murders",
        "FBI",
        "indirect",
    ),
    # a poll's share written with a sign, and a short clause that is whole
    ("There is less consensus: 47% say the United States should commit troops on the ground.", "should commit troops", "47%", "indirect"),
    ("In Texas, half of GOP primary voters said they were angry.", "they were angry", "GOP primary voters", "indirect"),
    # a poll or an analysis speaks for the one-word organisation that made it, not for a name's word
    ("Trump leads Clinton by five points, according to a national Gallup Poll taken last week.", "leads Clinton", "Gallup", "indirect"),
    (
        "Sanders netted more money from retirees than Clinton did, according to a POLITICO analysis of FEC records.",
        "netted more",
        "POLITICO",
        "indirect",
    ),
    ("The campaign had spent $5 million on data by September, according to its FEC reports.", "spent $5 million", None, "indirect"),
    # an organisation's name runs on through its words ("National Police", "Morning" alone are not them)
    (
        "Only one person was killed by a gun last year, according to the National Police Agency.",
        "killed by a gun",
        "National Police Agency",
        "indirect",
    ),
    ("Trump received 37 percent, according to a Morning Consult Poll.", "received 37 percent", "Morning Consult", "indirect"),
    # the parser made the speech verb a participle of the name: no passive for a verb of saying
    (
        "Erin Brockovich, the legendary environmental activist and lawyer, endorsed Sanders\u2019 approach Saturday, saying she "
        "hadn\u2019t yet called for the governor\u2019s resignation because she believed \u201cwe need to focus all of our energy.\u201d",
        "resignation",
        "Erin Brockovich",
        None,
    ),
    # a surname the tagger takes for an adverb, after or before the verb
    (
        "But Bill Skelly, a longtime RNC data operative, vouched for both men.\n\n"
        "\u201cHaving access to the RNC file and two people who understand it is valuable,\u201d said Skelly, explaining he worked with them.",
        "Having access",
        "Bill Skelly",
        "direct",
    ),
    (
        "Rex Early, a former state party chairman, said he has not explored the process.\n\n"
        "Informed of the local district\u2019s anti-Trump lean, Early described it as \u201cnews to me.\u201d",
        "news to me",
        "Rex Early",
        None,
    ),
    # two people named together as one subject: a later "they" is the two of them
    (
        "Stephen S. Cohen and J. Bradford DeLong are economists at Berkeley. Cohen and DeLong argue that "
        "the country chose finance over industry.\n\n"
        "“Washington hitched the nation’s future to housing and finance,” they write.",
        "Washington hitched",
        "Stephen S. Cohen and J. Bradford DeLong",
        "direct",
    ),
    # who believes is the topic, not who is believed about
    (
        "Naureen Jahangir, a Sanders supporter from Hemet, has no intention of backing Hillary Clinton. "
        "She doesn’t think Clinton can address the issues that Sanders raised.\n\n"
        "“I will vote for the candidate that best represents my viewpoint,” she said.",
        "I will vote for the candidate",
        "Naureen Jahangir",
        "direct",
    ),
    # the subject of a small clause ("hold Snyder accountable") is not who the sentence is about
    (
        "On Saturday, Sen. Bernie Sanders called on Michigan Gov. Rick Snyder to resign.\n\n"
        "In his statement Saturday, Sanders did go further in trying to hold Snyder accountable.\n\n"
        "“There are no excuses,” he said. “The governor long ago knew about the lead in the water.”",
        "There are no excuses",
        "Bernie Sanders",
        "direct",
    ),
    # "told AFP": the one told is never the speaker, even when the parser loses the subject
    (
        "Univision anchor Jorge Ramos clashed with Donald Trump at a news conference last year.\n\n"
        "“We were tremendously wrong to not have confronted him from the beginning,” Ramos, 58, told AFP "
        "in an interview in Mexico City on Monday.",
        "tremendously wrong",
        "Jorge Ramos",
        "direct",
    ),
    # the full name's given name decides the gender, not the part the tagger saw first ("Jean King")
    (
        "Tennis great Billie Jean King remembered Ali as fun to be around. She saw him fight at Madison "
        "Square Garden in 1971.\n\n"
        "“He always whispered in my ear, ‘Billie Jean King, you are the Queen,’” she said.",
        "always whispered",
        "Billie Jean King",
        "direct",
    ),
    # an age is an epithet for the story's salient person
    (
        "Melania Trump spoke on the first night of the convention. With millions watching on television, "
        "the Slovenia-born former model delivered a defense of her husband.\n\n"
        "“Donald is, and always has been, an amazing leader,” said the 46-year-old.",
        "an amazing leader",
        "Melania Trump",
        "direct",
    ),
    # … but not after someone the story does not name
    (
        "Roger Federer won in straight sets. A 34-year-old fan watching from the stands said it was fine.\n\n"
        "“It was the best match of the year,” said the 34-year-old.",
        "best match of the year",
        None,
        "direct",
    ),
    # … nor when the person named last is someone else than the one who spoke last
    (
        "Wearing a frock by Alexander McQueen, actress Sienna Miller told reporters the red carpet was "
        "“intense, nerve-wracking and cold”. The younger stars were represented in the shape of Emma Watson, "
        "who plays Hermione in the films.\n\n"
        "The 14-year-old said she was “hoping to meet Keanu Reeves” at the party.",
        "hoping to meet",
        None,
        "mixed",
    ),
    # "continue to be" is no speech verb: the words are what Cruz said
    (
        "In a statement released shortly after the Florida senator suspended his campaign, Cruz said he’s "
        "certain Rubio will continue to be “a champion for limitless opportunity in America.”",
        "a champion for limitless",
        "Cruz",
        "mixed",
    ),
    # "shot back" speaks; the one criticised before is not the speaker
    (
        "After former California Gov. Jerry Brown criticized Bill Clinton during a debate, Hillary shot back, "
        "“I suppose I could have chosen to bake cookies and have teas, but I chose to fulfill my profession.”",
        "bake cookies",
        "Hillary",
        "direct",
    ),
    # a name with a person's role in apposition is a person, whatever the tagger calls it
    (
        "In Virginia, local GOP leaders say Trump’s visits have included a heavy dose of fact-finding. "
        '"He just stopped and said, \'We’ve got to win Loudoun. How do we win Loudoun?’" Will Estrada, the '
        "chairman for the Northern Virginia exurb, said of the encounter he had last week with Trump.",
        "He just stopped",
        "Estrada",
        "direct",
    ),
    # a participle the parser hung on what was insisted is the insister's
    (
        "In a 2014 interview with POLITICO Magazine, Gore insisted it was “premature” to back Clinton’s "
        "campaign while adding on climate change matters, “I don’t have any doubt that her heart is in the "
        "right place on the issue.”",
        "her heart is in the right place",
        "Gore",
        "direct",
    ),
    # … but a participle hung on a verb that speaks is that verb's subject's
    (
        "Comey cannot say that “from his perspective,” Lewandowski added, saying it should be “up to the "
        "prosecutor to move forward or not.”",
        "up to the prosecutor",
        "Lewandowski",
        "mixed",
    ),
    # a name in a clause that describes the subject is not the speaker
    (
        "The southern part of Cyprus is an EU member, but Turkey, which occupies northern Cyprus, had "
        'previously insisted it would not recognise the country, calling the issue a "red line".',
        "red line",
        "Turkey",
        "mixed",
    ),
    (
        "A woman who has accused former President Bill Clinton of sexual assault said “he kept calling me for weeks after it happened.”",
        "kept calling me",
        None,
        "mixed",
    ),
    # … but a document's maker and a name the subject goes by are
    (
        "According to a court document filed by state attorney Dave Aronberg, “the evidence cannot prove guilt beyond a reasonable doubt.”",
        "beyond a reasonable doubt",
        "Dave Aronberg",
        None,
    ),
    (
        "The base chief known as Bob, speaking publicly for the first time, said “there never was a stand-down order.”",
        "stand-down order",
        "Bob",
        "mixed",
    ),
    # a known surname the tagger took for a verb ("Trump shot back")
    (
        'Donald Trump and Jeb Bush clashed over eminent domain.\n\n"Jeb wants to be a tough guy tonight," Trump shot back. "Let me talk."',
        "Let me talk",
        "Donald Trump",
        "direct",
    ),
    # "he’s had" split by the parser into two clauses: what was told is both
    (
        "Murphy — after a knock-on-wood gesture — told me he’s had a relatively tragedy-free life and was "
        "utterly unprepared for the emotional toll.",
        "tragedy-free life",
        "Murphy",
        "indirect",
    ),
    # a trailing attribution the parser made a conjunct of what it reports
    (
        "Despite a series of costly defeats on Tuesday night, Sen. Bernie Sanders remains committed to seeing "
        "the primary through to the convention, his top aide, Tad Devine, told The Huffington Post.",
        "remains committed",
        "Tad Devine",
        "indirect",
    ),
    # a relative clause the parser hung on the first of a list belongs to the name it follows
    (
        "The ceremony featured celebrities like Oprah Winfrey, Will Smith, Robert DeNiro, Patti LaBelle and "
        "Stevie Wonder, who joked of the museum, ''I haven't seen it yet, but I'm going to.''",
        "seen it yet",
        "Stevie Wonder",
        "direct",
    ),
    # a name in apposition to the subject that runs into the verb with no comma is the speaker
    (
        "To understand the real Dred Scott, Chief Justice Roberts said, one should visit this museum.",
        "visit this museum",
        "Roberts",
        "indirect",
    ),
    # "recalled Mr. Rhodes", which the parser made the verb's object: the name, not the "Mr."
    (
        "Mr. Rhodes was there.\n\n''Several of us were arguing we have to wait for the moment,'' recalled Mr. Rhodes. "
        "''He said, 'I just need to go to Israel.'.''",
        "wait for the moment",
        "Rhodes",
        "direct",
    ),
    # … but after a plain comma, "said Mr. Trump was" names what was said about, not who said it
    (
        "Mr. Slinker, whose latest start-up, Paradata, uses big data to help brands find suppliers, said Mr. Trump "
        "was a candidate very much in the spirit of Silicon Valley: ''He's a start-up kind of guy.''",
        "start-up kind of guy",
        None,
        "direct",
    ),
    # the speaker of a parenthetical is the name before its verb, not a group ahead of it
    (
        "Voters, Clinton suggested, don’t have to worry that big banks can influence her.",
        "have to worry",
        "Clinton",
        "indirect",
    ),
    # a name with a curly apostrophe is a name ("O’Malley" is tagged a pronoun and an organisation)
    (
        "The announcements were broadly similar to those of Martin O’Malley and Clinton, although O’Malley "
        "frequently notes that he was the first to put out an immigration platform.",
        "the first to put out",
        "O'Malley",
        "indirect",
    ),
    # a party's MP or leader speaks for themselves, not the party
    (
        'Lib Dem leader Charles Kennedy toured the north.\n\n"It is a disgrace," said the Lib Dem leader.',
        "It is a disgrace",
        "Charles Kennedy",
        "direct",
    ),
    ('"It is a disgrace," said a senior Tory MP.', "It is a disgrace", None, "direct"),
    ('"It is a disgrace," said the Labour MP for Birkenhead.', "It is a disgrace", None, "direct"),
    # … while the party itself and its spokesman speak for the party
    ('"It is a disgrace," said a Labour spokesman.', "It is a disgrace", "Labour", "direct"),
    # a place in a role's phrase does not speak ("Senator from Texas"), but a newspaper whose name
    # ends in a role word does
    ("Senator from Texas says he cannot allow Clinton to win the presidency.", "cannot allow Clinton", None, "indirect"),
    ("The New Hampshire Union Leader said Mr. Rubio had been ''rocked'' by Mr. Christie.", "had been", "New Hampshire Union", "indirect"),
    # the holder of a role, glued by the parser to the body the role is of
    (
        '"What about ministers?" he said. Shadow leader of the Commons Oliver Heald said: "This will be part of '
        "our aim to reduce unnecessary and costly interference in people's lives.\"",
        "part of our aim",
        "Oliver Heald",
        "direct",
    ),
    (
        "The report was a stinging rebuke for the government, BBC environment correspondent Richard Black said. "
        "Chairman of the Environmental Audit Committee Peter Ainsworth MP, said: \"The government's housing policy "
        'is an alarming example of disjointed thinking."',
        "disjointed thinking",
        "Peter Ainsworth",
        "direct",
    ),
    # "it" is the body or document the sentence before was about, not the organisation named last
    (
        "Trump said women should be punished.\n\nTrump's campaign immediately backtracked, putting out a "
        'statement. In cases of abortion, it said, "the woman is a victim."',
        "the woman is a victim",
        "Trump's campaign",
        "mixed",
    ),
    (
        "The Ministry of Defence has been criticised over its projects. A National Audit Office report says "
        'costs have risen by £1.7bn. It says there is "little evidence" the MoD\'s performance had improved.',
        "little evidence",
        "National Audit Office",
        "mixed",
    ),
    (
        "The Law Commission published its review. The Home Office said life sentences would stay. The commission, "
        "an independent body including two judges, had been asked to consider reforms. But it said its proposals were unlikely to work.",
        "its proposals were unlikely",
        "Law Commission",
        "indirect",
    ),
    # … but not one in what was reported ("the court should …"), nor the "it" of "it has been reported"
    (
        'In its filing, Deutsche Bank said Houston was "a jurisdiction in which Yukos owns no property." It also '
        "said the US bankruptcy court should not become involved. It suggested the European Court was more appropriate.",
        "European Court was more appropriate",
        "Deutsche Bank",
        "indirect",
    ),
    (
        "An aerial video posted by QQ.com shows a crater around the well. It has been reported that his parents had been taken away.",
        "his parents had been taken away",
        None,
        "indirect",
    ),
    # "they" is the body the sentence before was about
    (
        "Murphy's campaign is tying the House bill to Rubio. They are saying his vote for that plan is a signal he wants to play politics.",
        "his vote for that plan",
        "Murphy's campaign",
        "indirect",
    ),
]


@pytest.mark.parametrize(("body", "fragment", "speaker", "kind"), CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_quote_and_speaker(body: str, fragment: str | None, speaker: str | None, kind: str | None) -> None:
    found = quotes_of(body)
    if fragment is None:  # a one- or two-word reply: must not crash; it may or may not be kept
        return
    matches = [q for q in found if fragment in q.text]
    assert matches, f"no quote containing {fragment!r} in {[q.text for q in found]}"
    q = min(matches, key=lambda q: len(q.text))  # the quote itself, not a reported clause around it
    if speaker is None:
        assert q.speaker is None, f"guessed {q.speaker!r} for an unresolvable speaker"
    else:
        assert q.speaker is not None and set(speaker.split()) <= set(q.speaker.split()), (q.speaker, q.mention)
    if kind is not None:
        assert q.kind == kind


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


def test_every_pattern_count() -> None:
    assert len(CASES) >= 40


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
