"""One speaker per person across articles: "Rubio" in one article and "Marco Rubio" in another
are one person; an ambiguous short name ("Clinton" with Bill and Hillary around) stays apart."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from embeddings.quotes import Quote
from embeddings.speakers import OFFICE_QUALIFIERS, PARTY_NAMES, TITLES, gendered_given_name

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


def quote_ids(speakers: list[Speaker]) -> list[int]:
    """The quotes of any of these speakers, in index order."""
    return sorted({i for s in speakers for i in s.quote_ids})


class Directory:
    """Speakers of the whole index, found by any of their names or titles."""

    def __init__(self, quotes: list[Quote]) -> None:
        by_name: dict[str, list[int]] = {}
        roles: dict[str, set[str]] = {}
        for i, q in enumerate(quotes):
            if q.speaker and not q.group:
                by_name.setdefault(q.speaker, []).append(i)
                roles.setdefault(q.speaker, set()).update(q.roles)
        self.speakers: list[Speaker] = []
        self.of_name: dict[str, Speaker] = {}
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
            self.of_name[name] = speaker
        for s in self.speakers:
            s.quote_ids.sort()
            s.name = _shown_name(s.aliases, by_name)

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
