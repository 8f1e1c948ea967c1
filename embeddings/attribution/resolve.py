"""Turning the speaker token of a cue into a person of the article, by an ordered table of rules."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from embeddings.attribution.cast import (
    Cast,
    Person,
    description_words,
    known_given_name,
    looks_like_org,
    name_chains,
    name_tokens,
    norm,
    not_a_person,
    party_of,
    unlikely_name,
)
from embeddings.attribution.groups import _group_person, _is_group
from embeddings.attribution.lexicon import (
    COLLECTIVE_NOUNS,
    DOCUMENT_NOUNS,
    DOCUMENTS,
    ENTOURAGE,
    EPITHETS,
    FEMALE,
    FEMALE_NOUNS,
    GENERIC_ORG_NOUNS,
    GROUP_NOUNS,
    GROUP_VERBS,
    MAKING_VERBS,
    MALE,
    MALE_NOUNS,
    NOT_NEWSPAPERS,
    OFFICE_QUALIFIERS,
    ORG_WORDS,
    OWNED_NOUNS,
    PARTY_SPOKESMEN,
    PARTY_WORDS,
    PERSON_NOUNS,
    PRESS_ORG_NOUNS,
    PRONOUNS,
    PUBLICATION_NOUNS,
    REFERRING_ROLES,
    REPORTING_VERBS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    SPOKESPEOPLE,
    UNNAMED_WORDS,
)
from embeddings.attribution.mentions import _mention_span
from embeddings.attribution.rule import Decision, Rule, first_match, table
from embeddings.attribution.subject import _adverb_name, _subject_before
from embeddings.marks import inside
from embeddings.nlp import original_text

if TYPE_CHECKING:
    from spacy.tokens import Token


#: "it said" refers to an organisation named at most this many characters before (a wider reach
#: found the White House for "what it calls", said of a group named just before in other words)
IT_WINDOW = 600


class Mention:
    """What the resolve rules read: the speaker token of a cue, where it is, and the article's cast.
    The readings several rules share are worked out once, when first asked for."""

    def __init__(self, tok: Token, at: int, offset: int, cast: Cast, mask: list[bool], cue: Token) -> None:
        self.tok, self.at, self.offset, self.cast, self.mask, self.cue = tok, at, offset, cast, mask, cue
        self.span = _mention_span(tok)
        self.mention = original_text(self.span)
        self.low = norm(tok.text)
        self.lemma = norm(tok.lemma_)
        self.pronoun = self.low in PRONOUNS and tok.pos_ == "PRON"
        self.document = self.lemma in DOCUMENT_NOUNS
        # "the campaign", "May's office"
        self.body = self.low in ORG_WORDS and self.low not in DOCUMENTS and tok.tag_ != "NNS"
        self.after_the = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        self.the_one = tok.tag_ in {"NN", "NNP"} and self.after_the

    def decide(self, person: Person | None) -> Decision:
        return Decision(person, self.mention)

    @cached_property
    def chains(self) -> list[list[Token]]:
        """The names in the mention, outside quotation marks (a book or show title is never the speaker)."""
        return [c for c in name_chains(self.span) if name_tokens(c) and not inside(c[0], self.mask)]

    @cached_property
    def people(self) -> tuple[list[list[Token]], list[list[Token]]]:
        """The names in the mention that can be its speaker, and those of them that rename the role."""
        tok, span, cast, at = self.tok, self.span, self.cast, self.at
        possessors = {t.i for t in span if t.dep_ == "poss" or (t.i + 1 < len(tok.doc) and tok.doc[t.i + 1].tag_ == "POS")}

        def known(c: list[Token]) -> bool:
            return cast.find_person([t.text for t in name_tokens(c)], at) is not None

        def titled(c: list[Token]) -> bool:
            """A name with a person's role in apposition: "Will Estrada, the chairman for …" (tagged a work of art)."""
            return c[-1].pos_ == "PROPN" and any(a.dep_ == "appos" and norm(a.lemma_) in ROLE_NOUNS | EPITHETS for a in c[-1].children)

        people = [
            c
            for c in self.chains
            if (tok in c or not _names_a_kind(c))
            and not looks_like_org(c)
            and (known(c) or titled(c) or not (not_a_person(c) or unlikely_name(c)))
            and c[-1].i not in possessors
            # "the Lib Dem leader", "a senior Tory MP": a party is no one's name ("said Labour" is the party's)
            and (self.low in PARTY_SPOKESMEN or not _party_only(name_tokens(c)))
        ]
        # a name in a prepositional phrase of the subject is not the speaker: "the Commission on
        # Presidential Debates", "a spokesman for Senator Ted Cruz"
        # … except the author of a document: "a report by Politico", "an analysis by Lily Batchelder"
        # … and a title the parser made the subject is no one the story knows ("Lord", "Fools")
        renamed = [c for c in people if _names_role(c, tok) or (_full_name_after_role(c, tok) and cast.find_person([tok.text], at) is None)]
        people = [
            c
            for c in people
            if tok in c or not _under_prep(c[-1], tok) or (self.document and _object_of(c[-1], tok, {"by"})) or c in renamed
        ]
        # nor one in a clause that describes the subject ("Turkey, which occupies northern Cyprus, …
        # calling", "A woman who has accused Bill Clinton said"), except the maker of a thing ("a court
        # document filed by state attorney Dave Aronberg", "a speech Mrs. Clinton delivered")
        people = [c for c in people if tok in c or c in renamed or _alias(c[-1], tok) or _maker(c[-1], tok) or not _in_clause(c[-1], tok)]
        if (
            self.lemma in ENTOURAGE or tok.tag_ == "NNS"
        ):  # "a senior Cruz adviser said", "Donald Trump fans slam" is not Cruz or Trump speaking
            people = [c for c in people if tok in c or c in renamed or not _modifies(c[-1], tok)]
        if self.body:  # "the Clinton campaign said": not Clinton
            people = [c for c in people if tok in c or c[-1].head.i != tok.i]
        return people, renamed

    @cached_property
    def orgs(self) -> list[list[Token]]:
        """The organisations named in the mention that can be its speaker ("another Muslim who
        worshiped at the Islamic Center" is not the centre)."""
        tok = self.tok
        orgs = [c for c in self.chains if looks_like_org(c) and not _in_clause(c[-1], tok) and (tok in c or not _names_a_kind(c))]
        # the subject's own name first: "South Africa biggest retail bank Absa" is Absa (but "House
        # Republicans", "Amnesty International UK", "Iraq's Ministry of Communications" stay whole)
        orgs.sort(key=lambda c: not _whole_entity(c, tok))
        if self.document:  # "the IMF report", "a new report by Politico": the organisation that wrote it
            # ("a Morning Consult Poll" is Morning Consult's, not the tagger's "Morning" alone; but "the
            # U.S. Geological Survey" is a name, and "Referee Graham Poll" a person)
            maker = tok.ent_type_ == "" and not any(known_given_name(t.text) for t in self.span)
            orgs = [c[:-1] if maker and c[-1].i == tok.i and len(c) > 1 else c for c in orgs]
            orgs = [c for c in orgs if c[-1].head.i == tok.i or _object_of(c[-1], tok, {"by"})]
        return orgs

    @cached_property
    def words(self) -> set[str]:
        """The description's words, when the mention is a definite description ("the secretary of
        State", "the official", "his lawyer"); else none."""
        definite = any(t.lower_ in {"the", "this", "that"} or t.dep_ == "poss" for t in self.span[:3])
        return description_words(t for t in self.span if t.i <= self.tok.i + 6) if definite else set()

    @cached_property
    def owned(self) -> bool:
        """Someone's: "Fiorina's speaking firm" (but "the nation's largest gun group" is no one's)."""
        return any(t.dep_ == "poss" and t.pos_ in {"PROPN", "PRON"} for t in self.span[:3])

    @cached_property
    def restrictive(self) -> bool:
        """Narrowed by a clause: "the organization that has declared a caliphate" is someone new."""
        return any(c.dep_ in {"relcl", "acl"} and self.tok.doc[c.left_edge.i - 1].text != "," for c in self.tok.children)

    @cached_property
    def possessor(self) -> Token | None:
        return next((t for t in self.span[:3] if t.dep_ == "poss"), None)

    @cached_property
    def refers_back(self) -> bool:
        """A role or an epithet that names someone the story named before, and no one new."""
        tok, lemma = self.tok, self.lemma
        # "his wife", "my father" are someone else: an epithet refers back only after "the"
        epithet = lemma in EPITHETS and self.possessor is None
        # "the aide", "Clinton's spokesman": someone's entourage, whom the salient person of the story
        # is not, whoever it is (which leaves "Obama's former campaign strategist", said of David
        # Axelrod, unresolved); "the official" often is that person. "A second official", "the
        # official, who spoke on condition of anonymity" is someone the story does not name
        role = lemma in REFERRING_ROLES or epithet
        unnamed = any(t.lower_ in UNNAMED_WORDS for t in self.span)
        # "the chairwoman of Florida's Hillsborough County GOP", of a body the story has not named
        # before, is someone new, not the latest woman
        unnamed = unnamed or any(not self.cast.named_before(name, self.offset + tok.idx) for name in _office_of(tok))
        return bool(self.words) and role and not unnamed and tok.tag_ != "NNS"

    @cached_property
    def referent(self) -> Person | None:
        """The latest person of the role's gender and party."""
        return self.cast.recent(self.at, _noun_gender(self.low), party=party_of(self.words))


def _pronoun_gendered(m: Mention) -> Decision | None:
    """“He”, “she”: the latest person of that gender named before the pronoun, who is certainly a
    person (a PERSON entity or a full name), outside quotes, reported speech and describing clauses."""
    if m.pronoun and m.low in MALE | FEMALE:
        return Decision(_antecedent(m.tok, m.at, m.offset, m.cast), m.tok.text)
    return None


def _pronoun_it(m: Mention) -> Decision | None:
    """“It”: the body or document the clause before was about, else an organisation named just before."""
    if m.pronoun and m.low == "it":
        person = _referent_before(m.tok, m.at, m.offset, m.cast, m.mask, m.cue, documents=True)
        return Decision(person if person is not None else m.cast.recent_org(min(m.at, m.offset + m.tok.idx), window=IT_WINDOW), m.tok.text)
    return None


def _pronoun_they(m: Mention) -> Decision | None:
    """“They”: the body the clause before was about, else the group that spoke last, just before."""
    if m.pronoun and m.low == "they":
        person = _referent_before(m.tok, m.at, m.offset, m.cast, m.mask, m.cue, documents=False)
        return Decision(
            person if person is not None else m.cast.recent_group(min(m.at, m.offset + m.tok.idx), window=IT_WINDOW), m.tok.text
        )
    return None


def _other_pronoun(m: Mention) -> Decision | None:
    """“I”, “we”, “you”, “who”, “one”: nobody the pronoun alone can name."""
    return Decision(None, m.tok.text) if m.pronoun else None


def _surname_as_adverb(m: Mention) -> Decision | None:
    """A surname the tagger took for an adverb (“said Skelly”): only someone the story has named so."""
    if not _adverb_name(m.tok):
        return None
    person = m.cast.find_person([m.tok.text], m.at)
    if person is not None:
        m.cast.spoke(m.at, person)
    return Decision(person, m.tok.text)


def _known_name_tagged_org(m: Mention) -> Decision | None:
    """A name the small model tagged an organisation: the person of that name, when the story has one."""
    for c in m.chains:
        known = m.cast.find_person([t.text for t in name_tokens(c)], m.at) if looks_like_org(c) else None
        if known is not None and (m.tok in c or m.tok.head in c):
            m.cast.spoke(m.at, known)
            return m.decide(known)
    return None


def _named_person(m: Mention) -> Decision | None:
    """A person's name in the mention: the subject's own name first (“Clinton spokesman Jesse
    Lehrich” → Lehrich), else one in apposition, never a name inside its prepositional phrase or clause."""
    tok = m.tok
    people, renamed = m.people
    own = [c for c in people if any(t.i == tok.i or t.head.i == tok.i or t.head.head.i == tok.i for t in c)]
    # "One Trump backer and Obama critic, former House speaker Newt Gingrich": the name in
    # apposition, not a modifier's
    own.sort(key=lambda c: (tok not in c, c[-1].dep_ != "appos"))
    own = renamed or own
    pick = own[0] if own else (people[-1] if people else None)
    if pick is None or len(toks := name_tokens(pick)) > 4:
        return None
    person = m.cast.add(toks, m.offset + toks[0].idx, subject=True)
    if person is not None:
        m.cast.note_titles(toks, person)
        m.cast.spoke(m.offset + toks[0].idx, person)
    return m.decide(person)


def _spokesperson_for_organisation(m: Mention) -> Decision | None:
    """“A spokeswoman for YouTube”, “a YouTube spokeswoman”: the organisation speaks (not a person
    inside its phrase, nor a place: “a foreign ministry spokesman in Berlin”)."""
    tok = m.tok
    if m.lemma not in SPOKESPEOPLE or tok.tag_ != "NN":
        return None
    own_orgs = [
        c
        for c in m.orgs
        if (c[-1].head.i == tok.i or _object_of(c[-1], tok, {"for", "of"})) and not any(t.ent_type_ in {"GPE", "LOC", "NORP"} for t in c)
    ]
    own_orgs = [c for c in own_orgs if m.cast.find_person([t.text for t in name_tokens(c)], m.at) is None]
    if not own_orgs:
        return None
    org = own_orgs[0]
    return m.decide(m.cast.add(list(org), m.offset + org[0].idx, org=True, subject=True))


def _demonym(m: Mention) -> Decision | None:
    """“The Dutchman”, “the Texan”: an epithet for the latest person the story named (not “The
    Federalist”, a magazine the tagger calls NORP; “the Republican” is a role, resolved by party)."""
    tok, low = m.tok, m.low
    demonym = tok.text[:1].isupper() and (
        (low.endswith(("man", "woman")) and low not in ROLE_NOUNS) or (tok.ent_type_ == "NORP" and low.endswith(("an", "ese")))
    )
    if demonym and low not in PARTY_WORDS and m.the_one:
        return m.decide(m.cast.recent(m.at, _noun_gender(low)))
    return None


def _organisation(m: Mention) -> Decision | None:
    """An organisation named in the mention speaks (“the Commission on Presidential Debates”, “the
    IMF report”), not the party or place of a member (“the Labour MP for Birkenhead”, “one Democrat”)."""
    tok, orgs = m.tok, m.orgs
    one_of = any(c.dep_ in {"det", "nummod"} and c.lower_ in {"a", "an", "one", "another"} for c in tok.children)
    party_member = m.low in PARTY_WORDS and m.the_one  # "the Democrat" is someone of that party, as "the Republican" is
    if orgs and tok.ent_type_ == "NORP" and (one_of or party_member or not any(t.i == tok.i for t in orgs[0])):
        orgs = []  # "another New Hampshire Democrat" is someone from there, not the state; "one Democrat" not the party
    if orgs and m.lemma in ROLE_NOUNS - SPOKESPEOPLE and not any(t.i == tok.i for t in orgs[0]):
        # a member speaks, but a name the role word ends is the organisation's ("The New Hampshire
        # Union Leader", a newspaper)
        glued = orgs[0][-1].i == tok.i - 1 and orgs[0][-1].dep_ == "compound"
        if not glued or _party_only(orgs[0]):
            orgs = []
    if orgs and (tok.pos_ == "PROPN" or any(t.i == tok.i for t in orgs[0]) or m.document):
        org = orgs[0]
        return m.decide(m.cast.add(list(org), m.offset + org[0].idx, org=True, subject=True))
    return None


def _body_of_named_owner(m: Mention) -> Decision | None:
    """“O'Malley's campaign says”, “the Sanders campaign said”: the campaign as the story names it."""
    if not m.body or (org := m.cast.named(m.tok, m.offset)) is None:
        return None
    if org.org:  # a speaking organisation is what a later "it said" refers to
        m.cast.org_spoke(m.offset + m.tok.idx, org)
    return m.decide(org)


def _body_of_pronoun_owner(m: Mention) -> Decision | None:
    """“Her campaign said”: the campaign of whoever “her” is, a group apart from the person."""
    if not m.body:
        return None
    owner = next((t for t in m.tok.children if t.dep_ == "poss" and norm(t.text) in MALE | FEMALE), None)
    person = _antecedent(owner, m.at, m.offset, m.cast) if owner is not None else None
    if person is None:
        return None
    return m.decide(Person(f"{person.name} {m.tok.lower_}", person.words | {m.low}, org=True, group=True))


def _document_maker(m: Mention) -> Decision | None:
    """A document speaks for its maker: “The piece said” after “The Washington Post ran a feature”."""
    paper = _document_of(m.tok)
    if paper is None:
        return None
    author = m.cast.author_of(paper, m.offset)
    if author is None and any(t.lower_ in {"the", "this", "that"} for t in m.tok.doc[paper.left_edge.i : paper.i]):
        author = m.cast.document_author(DOCUMENTS[norm(paper.lemma_)], m.at)
    return m.decide(author) if author is not None else None


def _age_epithet(m: Mention) -> Decision | None:
    """“Said the 46-year-old”: the story's salient person when that is also the person named last,
    and no one the story does not name spoke since (“a 34-year-old woman said …”); else nobody."""
    if m.lemma != "old" or not m.after_the or not any(c.dep_ == "npadvmod" and c.lower_ in {"year", "years"} for c in m.tok.children):
        return None
    person = m.cast.recent(m.at, None)
    if person is not m.cast.latest_person(m.at):
        return m.decide(None)
    return m.decide(None if _unnamed_since(m.cast, person, m.at) else person)


def _title_given_before(m: Mention) -> Decision | None:
    """“The secretary of State”, “the two-term president”: the person the story gave that title
    (adjectives that only describe dropped; an office qualifier, party or nationality kept)."""
    if not m.words:
        return None
    tok = m.tok
    core = description_words(t for t in m.span if t.i <= tok.i + 6 and (t.i == tok.i or not _describes_only(t)))
    person = m.cast.by_title(m.words, m.at) or (m.cast.by_title(core, m.at) if m.lemma in ROLE_NOUNS and core != m.words else None)
    return m.decide(person) if person is not None else None


def _organisation_named_before(m: Mention) -> Decision | None:
    """“The commission” after “the Commission on Presidential Debates”: that organisation."""
    if m.words and m.low in ORG_WORDS and m.tok.tag_ != "NNS" and (org := m.cast.recent_org(m.at, m.low)) is not None:
        return m.decide(org)
    return None


def _generic_organisation(m: Mention) -> Decision | None:
    """“The agency declined” after “the FBI confirmed”: the organisation that just spoke or was a
    subject, as “it” would (a newspaper is “the outlet” or “the website”, never “the group”)."""
    if not m.words or m.low not in GENERIC_ORG_NOUNS or m.tok.tag_ == "NNS" or m.owned or m.restrictive:
        return None
    org = m.cast.recent_org(m.at, window=IT_WINDOW, any_subject=True, press=m.low in PRESS_ORG_NOUNS)
    return m.decide(org) if org is not None else None


def _newspaper(m: Mention) -> Decision | None:
    """“The paper said”, “the editorial board writes”: the newspaper or magazine named last (not
    “a white paper”, “the research paper”)."""
    if not m.words:
        return None
    editorial = m.lemma == "board" and any(t.lower_ == "editorial" for t in m.span[:4])
    paper = (m.lemma in PUBLICATION_NOUNS and m.tok.tag_ != "NNS" and not any(t.lower_ in NOT_NEWSPAPERS for t in m.span)) or editorial
    if paper and not m.owned and not m.restrictive and (outlet := m.cast.recent_outlet(m.at)) is not None:
        return m.decide(outlet)
    return None


def _bare_party(m: Mention) -> Decision | None:
    """“The Democrat said”, after Obama met Trump: a bare party tells two people apart, so it is
    whoever the story gave that party, not the man named last; nobody when that is no one."""
    person = m.referent if m.refers_back else None
    if person is not None and person.party is None and m.words <= set(PARTY_WORDS.values()):
        return m.decide(None)
    return None


def _role_of_someone_unnamed(m: Mention) -> Decision | None:
    """“The official” after “a Clinton campaign official said” is that unnamed official again: nobody."""
    return m.decide(None) if m.refers_back and _unnamed_since(m.cast, m.referent, m.at, m.lemma) else None


def _role_of_the_possessor(m: Mention) -> Decision | None:
    """“Pagliano's lawyer”, “his lawyer”: whoever it is, not the one whose lawyer they are: nobody."""
    if (
        m.refers_back
        and m.possessor is not None
        and m.referent is not None
        and m.referent is _possessor(m.possessor, m.at, m.offset, m.cast)
    ):
        return m.decide(None)
    return None


def _role_or_epithet(m: Mention) -> Decision | None:
    """“The official”, “the gambling tycoon”: the latest person named, agreeing in gender and party."""
    return m.decide(m.referent) if m.refers_back else None


def _group(m: Mention) -> Decision | None:
    """“Police said”, “Administration officials say”, “Six in 10 say”: the group speaks, as the article names it."""
    if _is_group(m.tok) and _voiced(m.tok, m.cue):
        return m.decide(_group_person(m.span, m.tok))
    return None


def _unresolved(m: Mention) -> Decision | None:
    """Anything else (“a source”, “officials”, “a spokesman for Senator Ted Cruz”): nobody, never a guess."""
    if m.tok.pos_ == "NOUN":
        m.cast.note_unnamed(m.offset + m.tok.idx, m.lemma)
    return m.decide(None)


RULES = table(
    "resolve",
    _pronoun_gendered,
    _pronoun_it,
    _pronoun_they,
    _other_pronoun,
    _surname_as_adverb,
    _known_name_tagged_org,
    _named_person,
    _spokesperson_for_organisation,
    _demonym,
    _organisation,
    _body_of_named_owner,
    _body_of_pronoun_owner,
    _document_maker,
    _age_epithet,
    _title_given_before,
    _organisation_named_before,
    _generic_organisation,
    _newspaper,
    _bare_party,
    _role_of_someone_unnamed,
    _role_of_the_possessor,
    _role_or_epithet,
    _group,
    _unresolved,
)


def resolve(tok: Token, at: int, offset: int, cast: Cast, mask: list[bool], cue: Token) -> tuple[Decision, Rule[Mention]]:
    """The person of the article the speaker token `tok` of `cue` is (or a deliberate nobody, never
    a guess), and the rule that decided it."""
    rule, decision = first_match(RULES, Mention(tok, at, offset, cast, mask, cue))
    return decision, rule


def _voiced(tok: Token, cue: Token) -> bool:
    """Whether the plural `tok` can be a group speaking through `cue`: people ("About 200
    protesters congregated, chanting …", "Aides to Mr. Sanders") or anything a speech verb makes
    speak; but "the balloons cascaded down" and "his endorsements will carry “a great deal of
    weight”" are no speakers."""
    lemma = cue.lemma_.lower()
    if cue.lower_ == "according" or lemma in SPEECH_VERBS | REPORTING_VERBS | GROUP_VERBS:
        return True
    noun = norm(tok.lemma_)
    agent = noun.endswith(("er", "or", "ist", "ian", "ant", "ent", "ee")) and not noun.endswith("ment")
    return agent or tok.ent_type_ == "NORP" or noun in COLLECTIVE_NOUNS or norm(tok.text) in GROUP_NOUNS


def _office_of(tok: Token) -> list[str]:
    """The proper names a role's phrase holds an office of ("the director of the European Centre"
    → "European Centre")."""
    names = []
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "for", "at"}:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "PROPN":
                chain = [c for c in obj.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [obj]
                names.append(tok.doc[chain[0].i : obj.i + 1].text)
    return names


def _noun_gender(low: str) -> str | None:
    """The gender a noun for a person gives ("spokeswoman", "the Dutchman", "his wife"), if any."""
    if low.endswith("woman") or low in FEMALE_NOUNS:
        return "f"
    if low.endswith("man") or low in MALE_NOUNS:
        return "m"
    return None


def _describes_only(t: Token) -> bool:
    """An adjective, number or hyphenated modifier that says nothing about which office ("two-term",
    "veteran"); not a qualifier, a party or a nationality ("former", "GOP", "German")."""
    doc = t.doc
    hyphened = (t.i + 1 < len(doc) and doc[t.i + 1].text == "-") or (t.i > 0 and doc[t.i - 1].text == "-")
    return (
        (t.pos_ in {"ADJ", "NUM"} or hyphened)
        and t.ent_type_ not in {"NORP", "GPE", "ORG", "PERSON"}
        and norm(t.text) not in OFFICE_QUALIFIERS
        and norm(t.text) not in PARTY_WORDS
    )


def _antecedent(tok: Token, at: int, offset: int, cast: Cast) -> Person | None:
    """The person "he"/"she" (or "his"/"her") refers to: its antecedent comes before the
    pronoun, not just before the quote. A quote that opens its paragraph right after a newcomer's
    introduction is theirs ("… Henry Crespo, president of the caucus." / "“…,” he said")."""
    gender = "m" if norm(tok.text) in MALE else "f"
    if at == offset and (newcomer := cast.newcomer(offset, offset + tok.idx, gender)) is not None:
        return newcomer
    here = min(at, offset + tok.idx)
    person = cast.recent(here, gender)
    # "The executive spokeswoman said …. She said: “…”" is that spokeswoman again, whom the story
    # does not name, when she spoke after the person's last mention and just before (not an aide,
    # who on train was as often the one a named person spoke with)
    last = person.last_mention(here) if person is not None else -1
    for off, noun in cast.unnamed:
        if last < off < here and here - off < UNNAMED_REACH and noun in SPOKESPEOPLE and _noun_gender(noun) in (None, gender):
            return None
    return person


def _unnamed_since(cast: Cast, person: Person | None, at: int, noun: str | None = None) -> bool:
    """Someone the story does not name (a `noun`, if given: "the official") was the subject of a
    sentence after `person` was last named and before `at`: a description then refers to them."""
    last = person.last_mention(at) if person is not None else -1
    return any(last < off < at and noun in (None, unnamed) for off, unnamed in cast.unnamed)


#: How far back (characters) an unnamed spokesman who spoke is still the "he" or "she" that follows.
UNNAMED_REACH = 400


def _possessor(tok: Token, at: int, offset: int, cast: Cast) -> Person | None:
    """Who "his", "Pagliano's" or "the president's" refers to, as far as the article's people tell."""
    if norm(tok.text) in MALE | FEMALE:
        return _antecedent(tok, at, offset, cast)
    if tok.pos_ == "NOUN":
        titled = cast.by_title(description_words(tok.subtree), at)
        return titled or (cast.recent(at, None) if norm(tok.lemma_) in ROLE_NOUNS else None)
    return cast.find_person([t.text for t in tok.subtree if t.pos_ == "PROPN"], at)


def _party_only(tokens: list[Token]) -> bool:
    """Words that name a party and nothing else ("Lib Dem", "Tory"): no one's name."""
    return all(norm(t.text) in PARTY_SPOKESMEN for t in tokens)


def _referent_before(tok: Token, at: int, offset: int, cast: Cast, mask: list[bool], cue: Token, documents: bool) -> Person | None:
    """What "it" or "they" refers to when the main-clause subject before it is a body ("Trump's
    campaign backtracked, putting out a statement. In cases of abortion, it said, …", "Clinton's
    campaign is seeking to contrast … what they call …") or, for "it", a document ("the paper notes
    …, it says"): the organisation, or the document's maker, who may be a person. Not the "it" of "It
    has been reported"."""
    thing = _subject_before(tok, mask) if tok.dep_ == "nsubj" else None
    if thing is None or not (documents or norm(thing.lemma_) in ORG_WORDS):
        return None
    person = resolve(thing, at, offset, cast, mask, cue)[0].person
    if person is not None and (person.org or (documents and norm(thing.lemma_) in DOCUMENTS)):
        return person
    return None


def _document_of(tok: Token) -> Token | None:
    """The document a speaker mention stands for: the mention itself ("the ad"), the one whose
    narrator speaks ("the ad's narrator", "a narrator in the Clinton ad") or whose results do
    ("results of the poll")."""
    if norm(tok.lemma_) in DOCUMENTS:
        return tok
    narrator = norm(tok.lemma_) in {"announcer", "narrator"}
    for c in tok.children:
        if narrator and c.dep_ == "poss" and norm(c.lemma_) in DOCUMENTS:
            return c
        if c.dep_ == "prep" and (c.lower_ == "of" or (narrator and c.lower_ == "in")):
            # "early results of exit polls conducted by Edison Research"
            return next((o for o in c.children if o.dep_ == "pobj" and norm(o.lemma_) in DOCUMENTS), None)
    return None


def _in_clause(t: Token, head: Token) -> bool:
    """Whether `t` sits in a clause that describes `head` ("a Muslim who worshiped at the Islamic
    Center"), rather than in its own phrase."""
    while t.head.i != t.i and t.i != head.i:
        if t.pos_ in {"VERB", "AUX"} and t.dep_ in {"relcl", "acl"}:
            return True
        t = t.head
    return False


def _object_of(t: Token, head: Token, preps: set[str]) -> bool:
    """Whether `t` is the object of a phrase of `head` opened by one of `preps` ("a report by
    Politico", "a spokeswoman for YouTube")."""
    return t.dep_ == "pobj" and t.head.lower_ in preps and t.head.head.i == head.i


def _maker(t: Token, head: Token) -> bool:
    """Who made the thing `head` names, in the clause that describes it: "a court document filed by
    Dave Aronberg", "a speech Mrs. Clinton delivered" (not a person's attacker or accuser)."""
    if head.ent_type_ or norm(head.lemma_) in ROLE_NOUNS | EPITHETS | GROUP_NOUNS | PERSON_NOUNS:
        return False
    if t.dep_ == "pobj" and t.head.lower_ == "by":
        verb = t.head.head
        made = verb.dep_ == "acl" and verb.tag_ == "VBN"
    else:
        verb = t.head
        made = t.dep_ == "nsubj" and verb.dep_ == "relcl"
    # (made, not owned or led: "The company, majority-owned by Japan's Suzuki" speaks for itself)
    return made and verb.head.i == head.i and norm(verb.lemma_) in MAKING_VERBS


def _alias(t: Token, head: Token) -> bool:
    """A name the subject goes by: "the base chief known as Bob", "a man named John Smith"."""
    verb = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "as" else t.head if t.dep_ == "oprd" else None
    return verb is not None and verb.dep_ == "acl" and verb.head.i == head.i and norm(verb.lemma_) in {"call", "know", "name"}


def _names_role(chain: list[Token], tok: Token) -> bool:
    """A person's name set off by commas after a role's phrase names the role, not the thing in
    the phrase: "The author of the book, Mitchell Zuckoff, said", "The director of the European
    Centre, Ina Kirsch, told" (the parser hangs the name on "book", "Centre"). After a person's
    noun it would name that person: "a spokesman for the chairman, X"."""
    before = tok.doc[chain[0].i - 1] if chain[0].i > 0 else None
    if (
        norm(tok.lemma_) in ROLE_NOUNS
        and before is not None
        and before.ent_type_ in {"ORG", "GPE", "LOC", "FAC"}
        and chain[0].ent_type_ == "PERSON"
        and chain[0].ent_iob_ == "B"
        and _under_prep(chain[-1], tok)
    ):
        return True  # with no comma, glued by the parser to the body: "Shadow leader of the Commons Oliver Heald said"
    anchor = chain[-1].head
    thing = (anchor.pos_ == "NOUN" and anchor.ent_type_ == "") or anchor.ent_type_ in {"ORG", "GPE", "LOC", "FAC"}
    return (
        norm(tok.lemma_) in ROLE_NOUNS | EPITHETS
        and chain[-1].dep_ == "appos"
        and chain[-1].ent_type_ == "PERSON"
        and chain[0].i > 0
        and tok.doc[chain[0].i - 1].text == ","
        and thing
        and norm(anchor.lemma_) not in ROLE_NOUNS | EPITHETS | GROUP_NOUNS
        and _under_prep(anchor, tok)
    )


def _full_name_after_role(chain: list[Token], tok: Token) -> bool:
    """A full name right after a role noun ("director Peter Jackson") in the phrase of a subject
    that is some other proper noun: a title the parser made the subject ("Lord of the Rings
    director Peter Jackson said", "Only Fools and Horses star David Jason criticised")."""
    before = tok.doc[chain[0].i - 1] if chain[0].i > 0 else None
    return (
        before is not None
        and tok.pos_ == "PROPN"
        and all(t.i != tok.i for t in chain)
        and before.tag_ == "NN"
        and norm(before.lemma_) in ROLE_NOUNS | EPITHETS
        and chain[0].ent_type_ == "PERSON"
        and chain[0].ent_iob_ == "B"
        and len(name_tokens(chain)) >= 2
        and not _in_clause(chain[-1], tok)  # "The Open Society Institute, financed by billionaire George Soros, …"
    )


def _whole_entity(chain: list[Token], tok: Token) -> bool:
    """The chain is the subject's own organisation's name, the whole of it."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and ent.label_ == "ORG" and {t.i for t in chain} >= set(range(ent.start, ent.end))


def _names_a_kind(chain: list[Token]) -> bool:
    """The name premodifies a noun it only describes ("City" in "City consultancy Deloitte",
    "Rings" in "Lord of the Rings director Peter Jackson"), not one through which it speaks ("the
    Clinton campaign", "a Google spokesman")."""
    t = chain[-1]
    head = t.head
    if t.dep_ not in {"compound", "nmod"} or head.i == t.i:
        return False
    article = chain[0].i > 0 and t.doc[chain[0].i - 1].lower_ in {"a", "an", "another"}  # "an Abraham Lincoln impersonator"
    if sum(c.ent_type_ == "PERSON" for c in chain) >= 2 and not article:
        return False  # a full name glued to its role is the role: "Dr Mark Tuffy games systems director … told"
    described = head.tag_ in {"NN", "NNS"} and head.ent_type_ == ""  # (not "Ban Ki-moon", tagged NN)
    return described and norm(head.lemma_) not in OWNED_NOUNS


def _modifies(t: Token, head: Token) -> bool:
    """`t` is a premodifier of `head`, directly or through others ("Clinton" in "a Clinton campaign spokesman")."""
    while t.dep_ in {"compound", "poss", "nmod", "amod"} and t.head.i != t.i:
        t = t.head
        if t.i == head.i:
            return True
    return False


def _under_prep(t: Token, head: Token) -> bool:
    """Whether `t` is in a prepositional phrase of `head` itself ("a spokesman for Cruz"); one
    of an apposition does not count ("the head of the delegation, secretary of … Rustem Umerov",
    where the parser put the name into the council's phrase)."""
    while t.head.i != t.i and t.i != head.i:  # spaCy makes a new Token per access: compare .i
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.i == head.i:
            return True
        t = t.head
    return False
