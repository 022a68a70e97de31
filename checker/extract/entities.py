"""Finding countries, places and people in text, from the lexicon's entity data.

Names are indexed by their first word; the text is cut into words once, and at each
word that starts a known name the longest matching name wins ("North Korea" over
"Korea"). That is one dictionary look-up per word, whatever the size of the lexicon.
Spaces and hyphens inside a name are interchangeable ("Lee Jae-myung" = "Lee Jae
Myung"); other spelling variants of known people are matched with rapidfuzz. A name
written with a capital in the lexicon only counts when written with one in the text,
so "turkey" or "chad" in lower case are words, not countries.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import regex
from rapidfuzz import fuzz, process

from checker.rules.model import Lexicon
from checker.values.moneylex import money_lexicon
from checker.values.numlex import load_yaml

# Words: letters and digits, with inner dots and apostrophes ("U.S.", "d'Ivoire").
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*\.?")
_CAPITALISED = regex.compile(r"(?<![\p{L}\p{N}.'’])[\p{Lu}\p{N}][\p{L}\p{N}]*(?:[.'’][\p{L}\p{N}]+)*\.?")
# Words of one name are separated by spaces or hyphens only.
_NAME_GAP = regex.compile(r"[ \t\-‐]+")
_POSSESSIVE = ("'s", "’s")
# Capitalised two-to-four word sequences: candidates for spelling variants of people.
# Every word is capitalised, but a part after a hyphen may not be ("Jae-myung"); so a
# sentence's first word and the words after it ("After the talks") are no candidate.
_NAME_SEQUENCE = regex.compile(r"\b\p{Lu}[\p{Ll}'’]+(?:(?:\s\p{Lu}|-\p{Lu}?)[\p{Ll}'’]+){1,3}\b")
_FUZZY_PERSON_SCORE = 88


@dataclass(frozen=True)
class Mention:
    """One entity mention: what it names and how (country, demonym, place, person)."""

    start: int
    end: int
    code: str
    how: str
    dateline: bool = False


@dataclass(frozen=True)
class _Name:
    words: tuple[str, ...]
    code: str
    how: str
    capitalised: bool


@dataclass(frozen=True)
class Gazetteer:
    """Entity names of a lexicon, indexed by first word."""

    by_first_word: dict[str, tuple[_Name, ...]]
    people: tuple[tuple[str, str], ...]
    country_names: dict[str, str]

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Entity mentions in ``text[start:end]``, in order."""
        stop = len(text) if end is None else end
        # Names start with a capital (checked at build time), so only capitalised words
        # are looked up; the words after one are read only when it starts a known name.
        found: list[Mention] = []
        resume = start
        for m in _CAPITALISED.finditer(text, start, stop):
            if m.start() < resume:
                continue
            candidates = self.by_first_word.get(_key(m.group(0)))
            if not candidates:
                continue
            words = _words_from(text, m, stop, len(candidates[0].words))
            mention = self._longest(text, words, candidates)
            if mention is not None and not text.startswith("$", mention.end) \
                    and not _CURRENCY_AFTER.match(text, mention.end):
                # (A name glued to "$" is a currency sign: "US$17 billion", "HK$5"; one
                # before a currency's name is part of it: "44 billion U.S. dollars".)
                found.append(mention)
                resume = mention.end
        if self.people:
            found.extend(self._fuzzy_people(text, start, stop, found))
            found.sort(key=lambda x: x.start)
        return found

    def _longest(self, text: str, words: list[tuple[int, int, str]], candidates: tuple[_Name, ...]) -> Mention | None:
        keys = [_key(w[2]) for w in words]
        for name in candidates:  # longest first
            n = len(name.words)
            if n > len(words) or tuple(keys[:n]) != name.words:
                continue
            first, last = words[0], words[n - 1]
            end = last[1] - _suffix_length(last[2], name.words[-1])
            surface = text[first[0] : end]
            if name.capitalised and not surface[:1].isupper():
                continue
            # A place in capitals ("BEIJING, Nov. 2") is a dateline: where the story
            # was filed, not where the event happened.
            dateline = name.how == "place" and (surface.isupper() and len(surface) > 3 or _signs_off(text, first[0], end))
            return Mention(first[0], end, name.code, name.how, dateline)
        return None

    def _fuzzy_people(self, text: str, start: int, stop: int, known: list[Mention]) -> list[Mention]:
        # Known mentions are in text order and do not overlap, so their ends are in
        # order too: the only one that can overlap a sequence is the last to start
        # before the sequence ends.
        known_starts = [k.start for k in known]
        extra = []
        for m in _NAME_SEQUENCE.finditer(text, start, stop):
            i = bisect.bisect_left(known_starts, m.end())
            if i and known[i - 1].end > m.start():
                continue
            # A title may stand before the name ("Prime Minister Narendra Modhi"): the
            # sequence, then its tails of two words or more, longest first.
            for begin in _word_starts(m):
                code = _closest_person(self.people, _normal(text[begin : m.end()]))
                if code is not None:
                    extra.append(Mention(begin, m.end(), code, "person"))
                    break
        return extra

    def name_of(self, code: str) -> str:
        """Display name of a country code."""
        return self.country_names.get(code, code)


def build_gazetteer(lexicon: Lexicon) -> Gazetteer:
    """Index the entity names of a lexicon (once per run)."""
    names: dict[tuple[str, ...], _Name] = {}
    for country in lexicon.countries:
        for how, words in (("country", (country.name, *country.aliases)), ("demonym", country.demonyms), ("place", country.places)):
            for word in words:
                _add(names, word, country.code, how)
    people: list[tuple[str, str]] = []
    for person in lexicon.people:
        for word in (person.name, *person.aliases):
            _add(names, word, person.country, "person")
        people.append((_normal(person.name), person.country))
    index: dict[str, list[_Name]] = {}
    for name in names.values():
        index.setdefault(name.words[0], []).append(name)
    ordered = {k: tuple(sorted(v, key=lambda n: (-len(n.words), n.words))) for k, v in index.items()}
    return Gazetteer(ordered, tuple(people), {c.code: c.name for c in lexicon.countries})


def _word_starts(sequence: regex.Match[str]) -> list[int]:
    """Where ``sequence`` and each of its tails of two words or more start (words are
    parted by blanks; hyphenated parts stay with their word)."""
    starts = [sequence.start()] + [sequence.start() + gap.end() for gap in _BLANKS.finditer(sequence.group(0))]
    return starts[:-1]


_BLANKS = regex.compile(r"\s+")


def _words_from(text: str, first: regex.Match[str], stop: int, limit: int) -> list[tuple[int, int, str]]:
    """The word ``first`` and up to ``limit - 1`` words joined to it by spaces or hyphens."""
    words = [(first.start(), first.end(), first.group(0))]
    position = first.end()
    while len(words) < limit:
        gap = _NAME_GAP.match(text, position, stop)
        word = _WORD.match(text, gap.end(), stop) if gap else None
        if word is None:
            break
        words.append((word.start(), word.end(), word.group(0)))
        position = word.end()
    return words


def _add(names: dict[tuple[str, ...], _Name], word: str, code: str, how: str) -> None:
    words = tuple(_key(w) for w in _WORD.findall(word))
    if words and words not in names:
        names[words] = _Name(words, code, how, word[:1].isupper())


@lru_cache(maxsize=65536)

def _currency_after() -> re.Pattern[str]:
    """The last words of currency names written after a country's name or adjective
    ("U.S. dollars", "Swiss francs"), but not those that are ordinary words too ("South
    Korea won praise")."""
    money = money_lexicon()
    ordinary = {str(w).lower() for w in load_yaml("currencies.yaml")["ordinary_last_words"]}
    words = {name.split()[-1] for name in money.names if " " in name} - set(money.guarded) - ordinary
    return re.compile(r"[ \t]+(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)


_CURRENCY_AFTER = _currency_after()

def _key(word: str) -> str:
    """A word as names are indexed: lower case, no possessive, no trailing period
    unless the word is an abbreviation with inner periods ("U.S.")."""
    lowered = word.lower().replace("’", "'")
    for suffix in _POSSESSIVE:
        if lowered.endswith(suffix) and len(lowered) > 2:
            lowered = lowered[: -len(suffix)]
            break
    if lowered.endswith(".") and "." not in lowered[:-1]:
        lowered = lowered[:-1]
    return lowered


def _suffix_length(surface: str, key: str) -> int:
    """How many trailing characters of the surface word are not part of the name."""
    lowered = surface.lower().replace("’", "'")
    return len(lowered) - len(key) if lowered.startswith(key) else 0



def _normal(name: str) -> str:
    return re.sub(r"[\s\-‐]+", " ", name.replace("’", "'")).strip().lower()


@lru_cache(maxsize=4096)
def _closest_person(people: tuple[tuple[str, str], ...], name: str) -> str | None:
    best = process.extractOne(name, [p[0] for p in people], scorer=fuzz.ratio, score_cutoff=_FUZZY_PERSON_SCORE)
    return None if best is None else people[best[2]][1]


# A line holding only a place and a date ("Dakar, 14 January 2026" closing a statement,
# "Abu Dhabi, Tuesday, February 10, 2026" opening one) says where the text was issued.
_DATED_LINE_REST = regex.compile(r"\s*,[^\n]{1,40}?\b(?:1[89]|20)\d\d\.?[^\S\n]*$", regex.MULTILINE)


def _signs_off(text: str, start: int, end: int) -> bool:
    """Whether the place at ``text[start:end]`` opens a line that is only it and a date."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and _DATED_LINE_REST.match(text, end) is not None
