"""The date parser's vocabulary (``checker/data/dates.yaml``), loaded once.

Words become lookup tables (normalised text -> number) and regex alternations; the
patterns in :mod:`checker.values.dates_patterns` are assembled from these pieces, so
adding a month abbreviation or a cue word is a data change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Mapping

from checker.data import shipped_yaml


_JOINERS = re.compile(r"[\s\-]+")
_DAY_DIGITS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?$")


@lru_cache(maxsize=4096)
def norm(word: str) -> str:
    """Lookup key of a matched word: lower case, no dots, single spaces for - and blanks."""
    return _JOINERS.sub(" ", word.lower().replace(".", "")).strip()


def alternation(words: Iterable[str], tree: bool = True) -> str:
    """A regex alternation of words, any run of blanks or hyphens between parts.

    As a tree, the words share their prefixes ("jan(?:uary)?"), so the engine follows
    one branch per letter instead of trying every word in turn; as in the flat
    longest-first list (``tree=False``, where every word is spelled out), a word is
    tried before any word that is a prefix of it.
    """
    if not tree:
        flat = sorted({norm(w) for w in words}, key=len, reverse=True)
        return "|".join(r"[\s\-]+".join(re.escape(p) for p in w.split(" ")) for w in flat)
    root: dict[str, dict] = {}
    for word in {norm(w) for w in words}:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(root)


def _branches(node: dict[str, dict]) -> str:
    parts = [(r"[\s\-]+" if c == " " else re.escape(c)) + _branches(child) for c, child in sorted(node.items()) if c]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if "" in node else body


@dataclass(frozen=True)
class Vocab:
    """Lookup tables and settings of the date parser."""

    months: Mapping[str, int]
    full_months: frozenset[str]
    ambiguous_months: frozenset[str]
    weekdays: Mapping[str, int]
    ambiguous_weekdays: frozenset[str]
    month_cues_strong: frozenset[str]
    month_cues_weak: frozenset[str]
    month_cues: frozenset[str]  # strong and weak
    weekday_cues: frozenset[str]
    day_words: Mapping[str, int]
    count_words: Mapping[str, int]
    ordinal_words: Mapping[str, int]
    vague_counts: Mapping[str, tuple[int, int]]
    relative_days: Mapping[str, int]
    parts_of_day: tuple[str, ...]
    period_shift: Mapping[str, int]
    units: Mapping[str, Mapping[str, int]]
    ago_tolerance: Mapping[str, int]
    period_parts: Mapping[str, Mapping[str, tuple[int, int]]]
    part_words: Mapping[str, str]
    future_cues: tuple[str, ...]
    past_cues: tuple[str, ...]
    non_past_heads: frozenset[str]
    verb_fillers: frozenset[str]
    weak_past_cues: frozenset[str]
    clause_breaks: frozenset[str]
    past_verb_links: frozenset[str]
    past_verb_adverb_endings: tuple[str, ...]
    participle_determiners: frozenset[str]
    forward_participles: frozenset[str]
    past_openers: frozenset[str]
    forward_openers: frozenset[str]
    date_name_determiners: frozenset[str]
    date_name_possessives: tuple[str, ...]
    not_nouns: frozenset[str]
    ahead_days: int
    past_grace_days: int
    bare_year: tuple[int, int]
    year_pivot: int
    numeric_order: str
    not_dates: frozenset[str]
    year_prefix_words: frozenset[str]
    year_name_cues: frozenset[str]  # year prefix words and weak month cues
    week_of: tuple[str, ...]
    non_calendar_years: frozenset[str]
    anchor_words: tuple[str, ...]
    abbreviations: frozenset[str]

    def unit(self, word: str) -> str | None:
        """The unit name of "days", "Week", "months"... or None."""
        key = norm(word)
        if key in self.units:
            return key
        if key.endswith("s") and key[:-1] in self.units:
            return key[:-1]
        return None

    def count(self, word: str) -> tuple[int, int] | None:
        """The interval a count stands for: "3" -> (3, 3), "a few" -> (2, 4)."""
        key = norm(word)
        if key.isdigit():
            return int(key), int(key)
        if key in self.vague_counts:
            return self.vague_counts[key]
        if key in self.count_words:
            n = self.count_words[key]
            return n, n
        return None

    def day(self, word: str) -> int | None:
        """Day of month written as digits ("5", "05th") or words ("twenty-first")."""
        key = norm(word)
        digits = _DAY_DIGITS.match(key)
        value = int(digits.group(1)) if digits else self.day_words.get(key)
        return value if value is not None and 1 <= value <= 31 else None


def _texts(raw: Mapping[str, Any], key: str) -> list[str]:
    """A list of words from the YAML document, normalised; YAML reads a bare on/no/yes as
    a boolean, so a non-text entry is reported rather than silently skipped."""
    words = raw[key]
    bad = [w for w in words if not isinstance(w, str)]
    if bad:
        raise ValueError(f"dates.yaml: {key}: {bad[0]!r} is not a word (quote it: \"on\", \"no\")")
    return [norm(w) for w in words]


def _compounds(tens: Mapping[str, int], units: Mapping[str, int], top: int) -> dict[str, int]:
    """ "twenty first" -> 21 for every tens word and unit word 1..9 (up to ``top``)."""
    out: dict[str, int] = {}
    for ten_word, ten in tens.items():
        for unit_word, unit in units.items():
            if 1 <= unit <= 9 and ten + unit <= top:
                out[f"{ten_word} {unit_word}"] = ten + unit
    return out


def build_vocab(raw: Mapping[str, Any]) -> Vocab:
    """Turn the YAML document into lookup tables."""
    months = {norm(w): int(n) for n, words in raw["months"].items() for w in words}
    weekdays = {norm(w): int(n) for n, words in raw["weekdays"].items() for w in words}
    ordinals = {norm(w): int(n) for w, n in raw["ordinals"].items()}
    cardinals = {norm(w): int(n) for w, n in raw["cardinals"].items()}
    tens = {norm(w): int(n) for w, n in raw["tens"].items()}
    ordinal_days = {**ordinals, **_compounds(tens, ordinals, 31)}
    cardinal_days = {w: n for w, n in cardinals.items() if 10 <= n <= 31}
    cardinal_days.update(_compounds(tens, cardinals, 31))
    count_tens = {**tens, **{w: n for w, n in cardinals.items() if n in (40, 50)}}
    counts = {**cardinals, **_compounds(count_tens, cardinals, 59)}
    parts = {
        word: {unit: (int(bounds[0]), int(bounds[1])) for unit, bounds in units.items()}
        for word, units in raw["period_parts"].items()
    }
    year = raw["bare_year"]
    return Vocab(
        months=months,
        full_months=frozenset(norm(words[0]) for words in raw["months"].values()),
        ambiguous_months=frozenset(_texts(raw, "ambiguous_months")),
        weekdays=weekdays,
        ambiguous_weekdays=frozenset(_texts(raw, "ambiguous_weekdays")),
        month_cues_strong=frozenset(_texts(raw, "month_cues_strong")),
        month_cues_weak=frozenset(_texts(raw, "month_cues_weak")),
        month_cues=frozenset(_texts(raw, "month_cues_strong") + _texts(raw, "month_cues_weak")),
        weekday_cues=frozenset(_texts(raw, "weekday_cues")),
        day_words={**cardinal_days, **ordinal_days},
        count_words=counts,
        ordinal_words=ordinal_days,
        vague_counts={norm(w): (int(v[0]), int(v[1])) for w, v in raw["vague_counts"].items()},
        relative_days={norm(w): int(n) for w, n in raw["relative_days"].items()},
        parts_of_day=tuple(_texts(raw, "parts_of_day")),
        period_shift={norm(w): int(n) for w, n in raw["period_shift"].items()},
        units={norm(u): dict(spec) for u, spec in raw["units"].items()},
        ago_tolerance={norm(u): int(n) for u, n in raw["ago_tolerance_days"].items()},
        period_parts=parts,
        part_words={norm(w): str(p) for w, p in raw["part_words"].items()},
        future_cues=tuple(str(w).lower() for w in raw["future_cues"]),
        past_cues=tuple(str(w).lower() for w in raw["past_cues"]),
        non_past_heads=frozenset(_texts(raw, "non_past_heads")),
        verb_fillers=frozenset(_texts(raw, "verb_fillers")),
        weak_past_cues=frozenset(_texts(raw, "weak_past_cues")),
        clause_breaks=frozenset(_texts(raw, "clause_breaks")),
        past_verb_links=frozenset(_texts(raw, "past_verb_links")),
        past_verb_adverb_endings=tuple(_texts(raw, "past_verb_adverb_endings")),
        participle_determiners=frozenset(_texts(raw, "participle_determiners")),
        forward_participles=frozenset(_texts(raw, "forward_participles")),
        past_openers=frozenset(_texts(raw, "past_openers")),
        forward_openers=frozenset(_texts(raw, "forward_openers")),
        date_name_determiners=frozenset(_texts(raw, "date_name_determiners")),
        date_name_possessives=tuple(_texts(raw, "date_name_possessives")),
        not_nouns=frozenset(_texts(raw, "not_nouns")),
        ahead_days=int(raw["year_inference"]["ahead_days"]),
        past_grace_days=int(raw["year_inference"]["past_grace_days"]),
        bare_year=(int(year["min"]), int(year["max"])),
        year_pivot=int(raw["two_digit_year_pivot"]),
        numeric_order=str(raw["numeric_order"]),
        not_dates=frozenset(str(w) for w in raw["not_dates"]),
        year_prefix_words=frozenset(_texts(raw, "year_prefix_words")),
        year_name_cues=frozenset(_texts(raw, "year_prefix_words") + _texts(raw, "month_cues_weak")),
        week_of=tuple(_texts(raw, "week_of")),
        non_calendar_years=frozenset(_texts(raw, "non_calendar_years")),
        anchor_words=tuple(_texts(raw, "anchor_words")),
        abbreviations=frozenset(_texts(raw, "abbreviations")),
    )


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    """The shipped vocabulary (``checker/data/dates.yaml``)."""
    return build_vocab(shipped_yaml("dates.yaml"))
