"""One speaker per person across articles: "Rubio" in one article and "Marco Rubio" in another
are one person; an ambiguous short name ("Clinton" with Bill and Hillary around) stays apart."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import get_close_matches

from embeddings.attribution import OFFICE_QUALIFIERS, PARTY_NAMES, TITLES, Quote, gendered_given_name

_STOP = {"the", "a", "an", "of", "for", "and", "to", "in", "on", "at", "'s", "s"}
#: A deputy or shadow holds another office than "the prime minister" (a former one held it).
OTHER_OFFICE = OFFICE_QUALIFIERS - {"ex", "former"}


def _tokens(text: str) -> list[str]:
    return re.findall(r"[\w']+", text.lower().replace("\u2019", "'"))


def words(text: str) -> set[str]:
    return {w for w in _tokens(text) if w not in _STOP}


def _last_word(name: str) -> str:
    found = _tokens(name)
    return found[-1] if found else ""


@dataclass
class Speaker:
    name: str
    words: set[str]
    aliases: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    quote_ids: list[int] = field(default_factory=list)


def _joins(name: str, longer: Speaker) -> bool:
    """Whether a name is a short form of a longer one: they end in the same word ("Paul Ryan",
    "Paul D. Ryan"; "Security Council", "United Nations Security Council"), and a lone word is
    someone's surname ("Rubio": "Marco Rubio", after a first name with a gender; not "QC" or
    "MEP"). Else the shorter is a name of its own: "Lib Dems" is not "Lib Dems David
    Laws", nor "America" "Diageo North America", nor "Tories" a Tory."""
    last = _last_word(name)
    if len(words(name)) > 1:
        return last == _last_word(longer.name)
    return (
        last not in TITLES
        and not name.isupper()
        and any(len(a.split()) > 1 and _last_word(a) == last and gendered_given_name(a.split()[0]) for a in longer.aliases)
    )


def _shown_name(aliases: set[str], by_name: dict[str, list[int]]) -> str:
    """The full name most quotes give ("Liam Fox", not the one article's "Tory Liam Fox"), the
    fullest on a tie; a lone word only when there is nothing fuller."""
    return max(aliases, key=lambda a: (len(words(a)) > 1, len(by_name[a]), len(words(a)), a))


@dataclass(frozen=True)
class Lookup:
    """Who a name in a question means: the speakers, the name as it was matched when it was not
    typed so ("Tony Blair" for "Tony Blaire"), and the words that describe rather than name
    ("AstraZeneca boss", "of the Tax Policy Center")."""

    speakers: list[Speaker]
    corrected: str | None = None
    described: str = ""


#: "PolitiFact's Aaron Sharockman", "Carmel Martin of the Center for American Progress": the
#: outlet or employer around a name.
_OWNER = re.compile(r"^(?P<owner>.+?)(?:'s|\u2019s)\s+(?P<rest>.+)$")
_OF = re.compile(r"^(?P<rest>.+?)\s+(?:of|from|at|with)\s+(?P<owner>(?:the\s+)?[A-Z].*)$")
#: Words that name a party, and the party they name.
PARTIES = {
    "conservative": "tory",
    "conservatives": "tory",
    "tory": "tory",
    "tories": "tory",
    "labour": "labour",
    "republican": "republican",
    "republicans": "republican",
    "gop": "republican",
    "democrat": "democratic",
    "democrats": "democratic",
    "democratic": "democratic",
    "ukip": "ukip",
    "snp": "snp",
    "liberal": "libdem",
    "lib": "libdem",
    "dems": "libdem",
    "libdems": "libdem",
}
#: How close a misspelt name word must be to a known one (difflib's ratio): "blaire" ~ "blair".
FUZZY_CUTOFF = 0.8


def quote_ids(speakers: list[Speaker]) -> list[int]:
    """The quotes of any of these speakers, in index order."""
    return sorted({i for s in speakers for i in s.quote_ids})


class Directory:
    """Speakers of the whole index, found by any of their names or titles."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        by_name: dict[str, list[int]] = {}
        roles: dict[str, set[str]] = {}
        groups: dict[str, list[int]] = {}
        for i, q in enumerate(quotes):
            if q.speaker and not q.group:
                by_name.setdefault(q.speaker, []).append(i)
                roles.setdefault(q.speaker, set()).update(q.roles)
            elif q.speaker:
                groups.setdefault(q.speaker, []).append(i)
        #: groups that speak ("the Conservatives", "Labour officials"), found by party only
        self.groups = [Speaker(name, words(name), {name}, set(), ids) for name, ids in groups.items()]
        self.speakers: list[Speaker] = []
        with_word: dict[str, list[Speaker]] = {}  # so that finding the supersets of a name is not a scan
        for name in sorted(by_name, key=lambda n: (-len(words(n)), n)):
            w = words(name)
            supersets: list[Speaker] = []
            if w:
                rarest = min(w, key=lambda x: len(with_word.get(x, ())))
                supersets = [s for s in with_word.get(rarest, []) if w <= s.words]
            if len(supersets) == 1 and _joins(name, supersets[0]):
                speaker = supersets[0]
            else:
                speaker = Speaker(name, w)
                self.speakers.append(speaker)
                for word in w:
                    with_word.setdefault(word, []).append(speaker)
            speaker.aliases.add(name)
            speaker.roles |= roles[name]
            speaker.quote_ids.extend(by_name[name])
        for s in self.speakers:
            s.quote_ids.sort()
            s.name = _shown_name(s.aliases, by_name)
        self._publish()

    def _publish(self) -> None:
        """The lookups derived from the speakers."""
        self.of_name = {alias: s for s in self.speakers for alias in s.aliases}
        self.name_words = sorted({w for s in self.speakers for w in s.words})
        self._by_role_word: dict[str, list[Speaker]] | None = None

    @classmethod
    def of_speakers(cls, speakers: list[Speaker], groups: list[Speaker]) -> Directory:
        """A directory as `speakers` saved it: the merging of names is not done again."""
        self = cls.__new__(cls)
        self.speakers, self.groups = speakers, groups
        self._publish()
        return self

    def lookup(self, query: str) -> Lookup:
        """`find`, then the name inside a description ("Labour chairman Ian McCartney",
        "SK Telecom's chief executive"), then the nearest spelling of its name words; several
        people that fit are ranked by how well their roles fit the rest of the description."""
        if party := self.party(query):
            return Lookup(party)
        if hits := self.find(query):
            return Lookup(self.rank_by_role(hits, query))
        name, described = _split_description(query)
        run = _name_run(name)
        for candidate in (run, name):
            if candidate and candidate != query and (hits := self.find(candidate)):
                return Lookup(self.rank_by_role(hits, described + " " + name.replace(candidate, "")), described=described)
        fixed = self._respelt(run or name)
        if fixed and (hits := self.find(fixed)):
            return Lookup(self.rank_by_role(hits, described), corrected=fixed, described=described)
        return Lookup([])

    def party(self, query: str) -> list[Speaker]:
        """A party asked for as a speaker ("the Conservatives", "the Tories"): the party's own
        statements and everyone the articles describe by it ("Tory spokesman Mark Oaten")."""
        wanted = {PARTIES[w] for w in words(query) if w in PARTIES}
        if not wanted or words(query) - set(PARTIES) - {"party", "partys"}:
            return []
        people = [s for s in self.speakers if wanted & {PARTIES.get(w) for w in role_words(s) | s.words}]
        groups = [g for g in self.groups if wanted & {PARTIES.get(w) for w in g.words}]
        return sorted(people + groups, key=lambda s: -len(s.quote_ids))

    def described_by(self, wanted: set[str], share: float) -> list[tuple[Speaker, float]]:
        """People whose roles and names hold at least `share` of these (loose) words, best first:
        "Hoover Institution fellow" finds Michael McFaul by the role the articles gave him."""
        if self._by_role_word is None:  # built whole, then published: answers run on several threads
            by_word: dict[str, list[Speaker]] = {}
            for s in self.speakers:
                for w in loose_words(role_words(s)):
                    by_word.setdefault(w, []).append(s)
            self._by_role_word = by_word
        counts: dict[int, int] = {}
        people: dict[int, Speaker] = {}
        for w in wanted:
            for s in self._by_role_word.get(w, ()):
                counts[id(s)] = counts.get(id(s), 0) + 1
                people[id(s)] = s
        fits = [(people[k], n / len(wanted)) for k, n in counts.items() if n / len(wanted) >= share]
        return sorted(fits, key=lambda t: (-t[1], -len(t[0].quote_ids), t[0].name))

    def _respelt(self, name: str) -> str | None:
        """The name with each unknown word replaced by the nearest known name word, if all have one."""
        out, changed = [], False
        known = set(self.name_words)
        for w in _tokens(name):
            if w in known or w in _STOP:
                out.append(w)
                continue
            near = get_close_matches(w, self.name_words, n=1, cutoff=FUZZY_CUTOFF)
            if not near:
                return None
            out.append(near[0])
            changed = True
        return " ".join(word.title() for word in out) if changed else None

    def rank_by_role(self, speakers: list[Speaker], described: str) -> list[Speaker]:
        """Speakers whose roles share the most of the description's words first (stable otherwise)."""
        want = words(described) - _STOP
        if not want or len(speakers) < 2:
            return speakers
        return sorted(speakers, key=lambda s: -len(want & role_words(s)))

    def canonical(self, quote: Quote) -> str | None:
        """The quote's speaker by the full name most quotes give them; a group keeps the name its article gives it."""
        if quote.group:
            return quote.speaker
        return self.of_name[quote.speaker].name if quote.speaker in self.of_name else None

    def find(self, query: str) -> list[Speaker]:
        """Speakers a user means by `query`: by all its words as name words ("King", whose
        surname is a title word too), else by those that are no title ("President Obama"), else
        by title or role ("the secretary of state"; "the Tory leader" is no one named Tory)."""
        q = words(query)
        for names in (q, q - TITLES - PARTY_NAMES):
            hits = [s for s in self.speakers if names and names <= s.words]
            if hits:
                return sorted(hits, key=lambda s: -len(s.quote_ids))
        if not q:
            return []
        hits = [s for s in self.speakers if any(q <= (w := words(role)) and not (w - q) & OTHER_OFFICE for role in s.roles)]
        return sorted(hits, key=lambda s: -len(s.quote_ids))

    def names(self, prefix: str = "", limit: int = 25) -> list[str]:
        """Speaker names for autocomplete, most quoted first."""
        p = prefix.lower().strip()
        ranked = sorted(self.speakers, key=lambda s: -len(s.quote_ids))
        hits = [s.name for s in ranked if not p or p in s.name.lower() or any(p in a.lower() for a in s.aliases)]
        return hits[:limit]


#: Party words that name the same side: a "Tory frontbencher" is described as "Conservative".
_SAME_SIDE = {
    "conservative": "tory",
    "conservatives": "tory",
    "tories": "tory",
    "gop": "republican",
    "republicans": "republican",
    "democrat": "democratic",
    "democrats": "democratic",
    "dem": "democratic",
    "dems": "democratic",
    "lib": "liberal",
}


def loose_words(ws: set[str]) -> set[str]:
    """Words compared loosely: one form per party, a plural "s" dropped."""
    out = set()
    for w in ws:
        w = _SAME_SIDE.get(w, w)
        out.add(w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w)
    return out


def role_words(speaker: Speaker) -> set[str]:
    """Every word the articles used to describe the speaker: roles, titles, names."""
    out = set(speaker.words)
    for role in speaker.roles:
        out |= words(role)
    return out


def _split_description(query: str) -> tuple[str, str]:
    """A name and the words around it that say whose it is: ("Aaron Sharockman", "PolitiFact")."""
    described = []
    if m := _OWNER.match(query):
        described.append(m.group("owner"))
        query = m.group("rest")
    if m := _OF.match(query):
        described.append(m.group("owner"))
        query = m.group("rest")
    return query.strip(), " ".join(described)


def _name_run(text: str) -> str:
    """The last run of capitalised words that are no title: "Tom McKillop" of "AstraZeneca boss Tom McKillop"."""
    runs: list[list[str]] = [[]]
    for w in text.split():
        if w[:1].isupper() and w.lower().strip(".") not in TITLES and w.lower() not in PARTY_NAMES:
            runs[-1].append(w)
        elif runs[-1]:
            runs.append([])
    found = [r for r in runs if r]
    return " ".join(found[-1]) if found else ""
