"""The word lists attribution reads: verbs of saying, titles, roles, kinds of noun. Data only."""

from __future__ import annotations

TITLES = set(
    """
    acting ambassador archbishop assemblyman assemblywoman attorney candidate capt captain cardinal ceo chair
    chairman chairwoman chancellor chief coach col colonel comedian commissioner congressman
    congresswoman councilman councilwoman dame democratic deputy director dr dr. envoy father
    former gen gen. general gop gov gov. governor imam judge justice king lady leader lord lt lt.
    manager mayor minister miss mr mr. mrs mrs. ms ms. nominee officer pope president
    pastor presidential prime prince princess prof professor queen rabbi rep rep. representative reps
    republican rev reverend secretary sen sen. senator sens sgt sgt. sheriff sir sister speaker special
    spokesman spokesperson spokeswoman state u.s. vice
    """.split()
)


MALE = {"he", "him", "his", "himself"}


FEMALE = {"she", "her", "hers", "herself"}


MALE_TITLES = {"mr", "mr.", "sir", "lord", "king", "prince", "father", "chairman", "spokesman", "congressman", "assemblyman", "councilman"}


FEMALE_TITLES = set(
    """
    assemblywoman chairwoman congresswoman councilwoman dame lady miss mrs mrs. ms ms. princess
    queen sister spokeswoman
    """.split()
)


PRONOUNS = MALE | FEMALE | {"i", "we", "they", "you", "it", "who", "which", "that", "this", "one"}


ORG_WORDS = set(
    """
    administration afp agency ap army association bank bbc board brigade bureau campaign center centre
    cia club cnn command commission committee company congress corp corporation council court
    department fbi foundation fund government group house inc institute journal kremlin magazine
    ministry network news newspaper office organisation organization party pentagon police poll
    post press report reuters school senate service statement team times union university
    """.split()
)


ORG_LABELS = {"ORG", "NORP", "GPE", "FAC"}


#: Words in the names of newspapers, magazines and news agencies ("The Wall Street Journal", "the Daily Caller").
PUBLICATION_WORDS = set(
    """
    advocate atlantic beast bee caller chronicle daily economist examiner express gazette globe guardian
    herald independent inquirer journal magazine mail mirror newspaper newsweek observer politico post
    record register review standard star sun telegraph times tribune
    """.split()
)


#: Descriptions that refer back to someone already in the story ("the official", "the senator").
ROLE_NOUNS = set(
    """
    actor actress adviser advisor aide ambassador analyst attorney author billionaire
    businessman businesswoman candidate ceo chairman chairwoman chancellor chief coach commander
    congressman congresswoman democrat diplomat director economist envoy executive expert former
    founder general governor head host judge king lawmaker lawyer leader man manager mayor
    mep minister mogul mp msp nominee official player politician pollster pope premier president prime
    professor queen rep reporter representative republican secretary senator singer spokesman
    spokesperson spokeswoman star strategist veteran woman writer
    """.split()
)


#: Documents that speak for whoever made them, by kind: "the piece" is the feature the Post ran.
DOCUMENTS = {
    **dict.fromkeys("article column editorial feature op-ed piece report story".split(), "press"),
    **dict.fromkeys("ad advert advertisement clip commercial spot video".split(), "ad"),
    **dict.fromkeys("email letter memo statement".split(), "letter"),
    **dict.fromkeys("book memoir".split(), "book"),
    **dict.fromkeys("complaint lawsuit ruling suit".split(), "ruling"),
    **dict.fromkeys("analysis count poll review study survey tally".split(), "poll"),
    **dict.fromkeys("data datum estimate polling research statistic tracker".split(), "data"),
}


#: Verbs by which someone makes a document: "The Post ran a feature", "the campaign released an ad".
AUTHORING_VERBS = {"air", "file", "issue", "launch", "produce", "provide", "publish", "release", "run", "send", "unveil", "write"}


#: Relatives named after the person they are relatives of: "his daughter Ivanka Trump".
KIN_NOUNS = set("brother cousin daughter father husband mother nephew niece sister son wife".split())


#: Lower-case words inside names: "Bill de Blasio", "Ludwig van Beethoven", "Osama bin Laden".
PARTICLES = {"al", "bin", "da", "de", "del", "della", "der", "di", "dos", "du", "ibn", "la", "le", "van", "von"}


#: Title words that also end the names of bodies ("Islamic State", "the Texas GOP").
ORG_TITLE_WORDS = {"gop", "state", "u.s."}


#: Capitalised plural subjects that open sentences and are groups, not names.
GROUP_NOUNS = set(
    """
    activists aides americans analysts authorities both critics democrats doctors economists
    experts investigators lawmakers leaders many members observers officials organisers
    organizers others parents people police polls prosecutors protesters reports republicans
    researchers residents scientists some sources students supporters voters witnesses workers
    """.split()
)


#: Capitalised words that open a phrase but never a name ("Neither Cruz nor Christie").
NOT_NAME_WORDS = {"all", "any", "both", "each", "either", "every", "few", "many", "most", "neither", "several", "some"}


#: News agencies of datelines: "WASHINGTON (AFP) -", "LONDON (Reuters) -".
AGENCIES = {"afp", "ap", "dpa", "reuters", "upi", "xinhua"}


#: Words that make a title another office: the shadow foreign secretary is not "the Foreign Secretary".
OFFICE_QUALIFIERS = {"assistant", "deputy", "ex", "former", "shadow", "vice"}


#: The party words of American titles, one spelling each: "the GOP nominee" is "the Republican nominee".
PARTY_WORDS = {"democrat": "democratic", "democratic": "democratic", "gop": "republican", "republican": "republican"}


#: Parties a name may be prefixed with ("Tory Liam Fox", "Democrat Hillary Clinton").
PARTY_NAMES = {*PARTY_WORDS, "labour", "tory", "ukip"}


SPEECH_VERBS = set(
    """
    accuse acknowledge add admit advise affirm agree allege announce answer argue ask assert
    attest begin blast boast brag call caution charge chime cite claim comment complain concede
    conclude confirm contend continue counter criticise criticize declare demand deny describe
    disclose dismiss emphasise emphasize exclaim explain go hail indicate insist joke lament
    laugh learn maintain mention mock muse note observe offer pledge point post praise predict
    proclaim promise put question quip quote recall recount reiterate remark remind reply report
    respond retort reveal say scoff shout slam sneer state stress suggest tell testify thank
    tout tweet urge vow warn whisper wonder write yell
    """.split()
)


#: Verbs whose complement clause is reported speech (for indirect quotes).
INDIRECT_VERBS = set(
    """
    acknowledge add admit affirm agree allege announce argue assert boast charge claim complain
    concede conclude confirm contend counter declare deny disclose emphasise emphasize explain
    indicate insist learn maintain mention note observe pledge point predict promise recall
    reiterate remind report reveal say state stress suggest tell testify tweet vow warn write
    """.split()
)


#: Verbs that report a promise or a demand as a to-clause ("promised to cut taxes", "urged
#: Congress to act") and verbs that report a charge or praise ("accused him of lying").
COMMISSIVE_VERBS = {"agree", "ask", "call", "offer", "pledge", "promise", "tell", "urge", "vow", "warn"}


#: Verbs whose object is the one told, so a "that" clause hung on the object is still what was said.
TELLING_VERBS = {"assure", "inform", "remind", "tell", "warn"}


#: Verbs whose object is what was said: "cited his endorsements from 88 generals", "called for
#: the repeal of Obamacare", "stressed her support of the raid".
NOMINAL_VERBS = {"acknowledge", "announce", "call", "cite", "demand", "deny", "emphasise", "emphasize", "mention", "question", "stress"}


JUDGING_VERBS = {"accuse", "blast", "charge", "criticise", "criticize", "hail", "mock", "praise", "slam", "thank"}


#: Verbs that report a question: "asked whether Republicans would hold the House".
QUESTION_VERBS = {"ask", "question", "wonder"}


#: Every verb `_reported_clause` reads.
REPORTING_VERBS = INDIRECT_VERBS | COMMISSIVE_VERBS | JUDGING_VERBS | NOMINAL_VERBS | QUESTION_VERBS


#: Verbs that speak only with "back": "Hillary shot back, “…”", "Trump fired back".
RETORT_VERBS = {"fire", "hit", "shoot", "strike"}


#: Speech verbs that take no person as object, so that a participle of them after a name is no passive.
INTRANSITIVE_SPEECH = set(
    """
    add argue claim comment concede declare explain insist joke note post quip remark reply
    respond say state tweet write
    """.split()
)


#: Nouns for a newspaper or magazine, which refer back to the one the story named last ("the paper said").
PUBLICATION_NOUNS = {"daily", "magazine", "newspaper", "paper", "publication", "tabloid", "weekly"}


#: … but "a white paper", "the research paper" are documents.
NOT_NEWSPAPERS = {"academic", "position", "research", "white", "working"}


#: Nouns for any kind of organisation, which refer back as "it" does: "the group said", "The agency declined".
GENERIC_ORG_NOUNS = {"agency", "company", "firm", "group", "organisation", "organization", "outlet", "website"}


#: … of which these may be a newspaper.
PRESS_ORG_NOUNS = {"company", "firm", "outlet", "website"}


#: What a group does with words or views besides SPEECH_VERBS: crowds chant, poll respondents think.
GROUP_VERBS = set(
    """
    believe boo cheer chant consider disagree expect express favor favour feel oppose prefer rate
    read scream see sign sing support think view voice vote want
    """.split()
)


#: Verbs whose subject is shown as the one who said a quote when the article does not say who
#: that is ("one Latino conservative dubbed it “the yuca primary”"); any other verb's subject is
#: no speaker ("the social safety net has become “a hammock …”").
SAYING_VERBS = SPEECH_VERBS | GROUP_VERBS | {"brand", "confess", "dub", "label", "nickname", "publish", "ridicule", "speak", "term"}


#: Speech verbs whose passive subject is who the words are about or put to, not who says them
#: ("was quoted as saying", "was reported to have said" are still theirs).
PASSIVE_SAYING = SAYING_VERBS - {"cite", "quote", "report"}


#: Person nouns news uses for someone it has just named ("the gambling tycoon said", "the
#: radioman added"); like the roles, they refer back to the most salient person.
EPITHETS = set(
    """
    activist anchor challenger columnist comedian commentator developer doctor editor
    entrepreneur father frontrunner front-runner historian husband incumbent investor
    journalist magnate mother neurosurgeon novelist pastor physician preacher publisher rabbi
    radioman rapper runner scholar scientist surgeon tycoon wife
    """.split()
)


FEMALE_NOUNS = {"actress", "mother", "wife"}


MALE_NOUNS = {"father", "husband"}


#: Singular nouns that name a group of people ("Police said", "the family said").
COLLECTIVE_NOUNS = {"audience", "crowd", "family", "police", "public", "staff"}


#: A part of a group: "52 percent of voters", "a majority of Americans", "a number of senators".
QUANTITY_NOUNS = {"fraction", "half", "majority", "minority", "number", "percent", "plurality", "quarter", "share", "third"}


#: People who speak for or about someone else: "a Clinton aide said" is not Clinton speaking.
ENTOURAGE = set(
    """
    adviser advisor aide ally associate attorney backer confidant confidante consultant donor
    friend insider lawyer loyalist official operative source spokesman spokesperson spokeswoman
    staffer strategist supporter surrogate
    """.split()
)


#: Role nouns that refer back to the story's salient person ("the official", "the senator"), not an entourage's.
REFERRING_ROLES = ROLE_NOUNS - (ENTOURAGE - {"official"})


#: Words by which news marks a source it does not name.
UNNAMED_WORDS = {"anonymity", "anonymously", "another", "other", "second", "third", "unidentified", "unnamed"}


#: Who speaks for an organisation as the organisation: "a spokeswoman for YouTube" is YouTube speaking.
SPOKESPEOPLE = {"spokesman", "spokesperson", "spokeswoman"}


#: Words that take a part of a group: "many of her supporters", "most of the delegates".
QUANTIFIERS = {"all", "few", "many", "most", "several", "some"}


#: Plural things the parser may make a subject of "show", "suggest", "say": no group of people
#: ("His eyes say …", "Clinton's attacks saying …", "Other controversial policies vowing …").
THING_NOUNS = {
    "attack",
    "bias",
    "bottle",
    "cheer",
    "comment",
    "concern",
    "datum",
    "data",
    "demand",
    "disruption",
    "eye",
    "factor",
    "figure",
    "finding",
    "fortune",
    "investment",
    "job",
    "mine",
    "name",
    "number",
    "policy",
    "practice",
    "promise",
    "reason",
    "remark",
    "result",
    "right",
    "rule",
    "statistic",
    "trailer",
}


#: Words of a party's spokesman ("the Tory spokesman", "the Lib Dems' Treasury spokesman"), whom British news names:
#: the parties a name may open with, and Britain's by their other names.
PARTY_SPOKESMEN = PARTY_NAMES | set("conservative conservatives dem dems lib liberal plaid shadow snp tories".split())


#: Documents speak for whoever wrote them ("the IMF report said", "according to a poll by …").
DOCUMENT_NOUNS = {"analysis", "article", "complaint", "letter", "memo", "poll", "report", "ruling", "statement", "study", "survey"}


#: Verbs by which someone makes what then speaks for them ("a declaration filed by …", "a speech … delivered").
MAKING_VERBS = (AUTHORING_VERBS - {"run"}) | {"commission", "compile", "conduct", "deliver", "draft", "give", "prepare", "present", "sign"}


#: Nouns of people that are no role: "a man attacked by …" is not speaking for his attacker.
PERSON_NOUNS = {"boy", "child", "girl", "individual", "man", "person", "victim", "woman"}


#: Verbs that read wrong without their object: "Blair told: “…”" is "Blair told the BBC: “…”".
OBJECT_VERBS = {"accuse", "assure", "brand", "call", "describe", "dub", "inform", "label", "remind", "tell", "term", "urge"}


#: Verbs whose "to" clause is a speech act not made: "declined to say whether …", "refused to comment".
REFUSING_VERBS = {"avoid", "decline", "fail", "refuse"}


#: Nouns whose "that" clause is their own content, not what the verb's subject said.
CONTENT_NOUNS = set(
    """
    accusation allegation assertion belief charge claim concern evidence fact fear idea impression
    indication news notion possibility report rumor rumour sign speculation story suggestion theory view
    """.split()
)


#: Tags of a verb with a tense.
FINITE = {"VBD", "VBP", "VBZ"}


#: Nouns through which the name before them speaks ("the Clinton campaign", "a Google spokesman",
#: "the IMF report"); before any other noun a name only describes: "City consultancy Deloitte",
#: "Lord of the Rings director Peter Jackson", "the High Street retailer" are not the City, the
#: film or the street.
OWNED_NOUNS = (
    SPOKESPEOPLE
    | ENTOURAGE
    | ORG_WORDS
    | DOCUMENT_NOUNS
    | set(DOCUMENTS)
    | GROUP_NOUNS
    | COLLECTIVE_NOUNS
    | PUBLICATION_NOUNS
    | GENERIC_ORG_NOUNS
)


#: Verbs that judge someone for what they said: "Blair attacked Howard for saying …", "accused the
#: unions of claiming …" (the one judged said it).
CENSURING_VERBS = JUDGING_VERBS | {"applaud", "attack", "blame", "chide", "commend", "condemn", "fault", "rebuke", "ridicule"}
