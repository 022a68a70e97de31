"""The date parser's vocabulary (``checker/data/dates.yaml``), loaded once.

Words become lookup tables (normalised text -> number) and regex alternations; the
patterns in :mod:`checker.values.dates_patterns` are assembled from these pieces, so
adding a month abbreviation or a cue word is a data change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Mapping

import yaml


def norm(word: str) -> str:
    """Lookup key of a matched word: lower case, no dots, single spaces for - and blanks."""
    return re.sub(r"[\s\-]+", " ", word.lower().replace(".", "")).strip()


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first, any run of blanks or hyphens between parts."""
    parts = sorted({norm(w) for w in words}, key=len, reverse=True)
    return "|".join(r"[\s\-]+".join(re.escape(p) for p in w.split(" ")) for w in parts)


@dataclass(frozen=True)
class Vocab:
    """Lookup tables and settings of the date parser."""

    months: Mapping[str, int]
    ambiguous_months: frozenset[str]
    weekdays: Mapping[str, int]
    ambiguous_weekdays: frozenset[str]
    month_cues_strong: frozenset[str]
    month_cues_weak: frozenset[str]
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
    ahead_days: int
    bare_year: tuple[int, int]
    year_pivot: int
    numeric_order: str
    not_dates: frozenset[str]
    year_prefix_words: frozenset[str]
    week_of: tuple[str, ...]

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
        digits = re.match(r"(\d{1,2})(?:st|nd|rd|th)?$", key)
        value = int(digits.group(1)) if digits else self.day_words.get(key)
        return value if value is not None and 1 <= value <= 31 else None


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
    counts = {**cardinals, **_compounds({**tens, **{w: n for w, n in cardinals.items() if n in (40, 50)}}, cardinals, 59)}
    parts = {
        word: {unit: (int(bounds[0]), int(bounds[1])) for unit, bounds in units.items()}
        for word, units in raw["period_parts"].items()
    }
    year = raw["bare_year"]
    return Vocab(
        months=months,
        ambiguous_months=frozenset(norm(w) for w in raw["ambiguous_months"]),
        weekdays=weekdays,
        ambiguous_weekdays=frozenset(norm(w) for w in raw["ambiguous_weekdays"]),
        month_cues_strong=frozenset(norm(w) for w in raw["month_cues_strong"]),
        month_cues_weak=frozenset(norm(w) for w in raw["month_cues_weak"]),
        weekday_cues=frozenset(norm(w) for w in raw["weekday_cues"]),
        day_words={**cardinal_days, **ordinal_days},
        count_words=counts,
        ordinal_words=ordinal_days,
        vague_counts={norm(w): (int(v[0]), int(v[1])) for w, v in raw["vague_counts"].items()},
        relative_days={norm(w): int(n) for w, n in raw["relative_days"].items()},
        parts_of_day=tuple(norm(w) for w in raw["parts_of_day"]),
        period_shift={norm(w): int(n) for w, n in raw["period_shift"].items()},
        units={norm(u): dict(spec) for u, spec in raw["units"].items()},
        ago_tolerance={norm(u): int(n) for u, n in raw["ago_tolerance_days"].items()},
        period_parts=parts,
        part_words={norm(w): str(p) for w, p in raw["part_words"].items()},
        future_cues=tuple(str(w).lower() for w in raw["future_cues"]),
        past_cues=tuple(str(w).lower() for w in raw["past_cues"]),
        ahead_days=int(raw["year_inference"]["ahead_days"]),
        bare_year=(int(year["min"]), int(year["max"])),
        year_pivot=int(raw["two_digit_year_pivot"]),
        numeric_order=str(raw["numeric_order"]),
        not_dates=frozenset(str(w) for w in raw["not_dates"]),
        year_prefix_words=frozenset(norm(w) for w in raw["year_prefix_words"]),
        week_of=tuple(norm(w) for w in raw["week_of"]),
    )


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    """The shipped vocabulary (``checker/data/dates.yaml``)."""
    text = resources.files("checker.data").joinpath("dates.yaml").read_text(encoding="utf-8")
    return build_vocab(yaml.safe_load(text))
