"""Finding countries, places and people in text, from the lexicon's entity data.

All names are compiled into one pattern (longest first, so "North Korea" wins over
"Korea"). Spaces and hyphens inside a name are interchangeable ("Lee Jae-myung" =
"Lee Jae Myung"); other spelling variants of known people are matched with rapidfuzz.
A name written with a capital in the lexicon only counts when written with one in the
text, so "turkey" or "chad" in lower case are words, not countries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex
from rapidfuzz import fuzz, process

from checker.rules.model import Lexicon

# Capitalised two-to-four word sequences: candidates for spelling variants of people.
_NAME_SEQUENCE = regex.compile(r"\b\p{Lu}[\p{Ll}'’]+(?:[\s-]\p{Lu}?[\p{Ll}'’]+){1,3}\b")
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
class Gazetteer:
    """Compiled entity names of a lexicon."""

    pattern: regex.Pattern[str] | None
    names: dict[str, tuple[str, str, bool]]
    people: tuple[tuple[str, str], ...]
    country_names: dict[str, str]

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Entity mentions in ``text[start:end]``, in order."""
        stop = len(text) if end is None else end
        found: list[Mention] = []
        if self.pattern is not None:
            for m in self.pattern.finditer(text, start, stop):
                code, how, capitalised = self.names[_normal(m.group(0))]
                # "Turkey" is a country, "turkey" a bird: a capitalised name must be written so.
                if capitalised and not m.group(0)[0].isupper():
                    continue
                # A place in capitals ("BEIJING, Nov. 2") is a dateline: where the story
                # was filed, not where the event happened.
                dateline = how == "place" and m.group(0).isupper() and len(m.group(0)) > 3
                found.append(Mention(m.start(), m.end(), code, how, dateline))
        found.extend(self._fuzzy_people(text, start, stop, found))
        found.sort(key=lambda x: x.start)
        return found

    def _fuzzy_people(self, text: str, start: int, stop: int, known: list[Mention]) -> list[Mention]:
        if not self.people:
            return []
        extra = []
        for m in _NAME_SEQUENCE.finditer(text, start, stop):
            if any(k.start < m.end() and m.start() < k.end for k in known):
                continue
            code = _closest_person(self.people, _normal(m.group(0)))
            if code is not None:
                extra.append(Mention(m.start(), m.end(), code, "person"))
        return extra

    def name_of(self, code: str) -> str:
        """Display name of a country code."""
        return self.country_names.get(code, code)


def build_gazetteer(lexicon: Lexicon) -> Gazetteer:
    """Compile the entity names of a lexicon (once per run)."""
    names: dict[str, tuple[str, str, bool]] = {}
    for country in lexicon.countries:
        for how, words in (("country", (country.name, *country.aliases)), ("demonym", country.demonyms), ("place", country.places)):
            for word in words:
                names.setdefault(_normal(word), (country.code, how, word[:1].isupper()))
    people: list[tuple[str, str]] = []
    for person in lexicon.people:
        for word in (person.name, *person.aliases):
            names.setdefault(_normal(word), (person.country, "person", word[:1].isupper()))
        people.append((_normal(person.name), person.country))
    if not names:
        return Gazetteer(None, {}, (), {})
    alternatives = sorted(names, key=len, reverse=True)
    body = "|".join(_flexible(name) for name in alternatives)
    pattern = regex.compile(rf"(?<!\w)(?:{body})(?!\w|['’]\w\w)", regex.IGNORECASE | regex.VERSION0)
    return Gazetteer(pattern, names, tuple(people), {c.code: c.name for c in lexicon.countries})


def _normal(name: str) -> str:
    return re.sub(r"[\s\-‐]+", " ", name.replace("’", "'")).strip().lower()


def _flexible(name: str) -> str:
    """A name pattern in which spaces and hyphens are interchangeable."""
    parts = [regex.escape(p).replace("'", "['’]") for p in name.split(" ")]
    return r"[\s\-‐]+".join(parts)


@lru_cache(maxsize=4096)
def _closest_person_cached(people: tuple[tuple[str, str], ...], name: str) -> str | None:
    best = process.extractOne(name, [p[0] for p in people], scorer=fuzz.ratio, score_cutoff=_FUZZY_PERSON_SCORE)
    return None if best is None else people[best[2]][1]


def _closest_person(people: tuple[tuple[str, str], ...], name: str) -> str | None:
    return _closest_person_cached(people, name)
