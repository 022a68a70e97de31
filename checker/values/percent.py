"""Percentages ("1.6 percent", "1.6%", "27 per cent") and percentage points ("1.2
percentage points", "25 basis points").

The two kinds are never comparable with each other: a rise "of 2 percent" and a rise
"of 2 percentage points" are different facts. "points" alone is also a score or an index
level, so it counts as percentage points only in a sentence that speaks of percentages.
The vocabulary is in ``checker/data/units.yaml``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from checker.values.base import ScanContext, ValueMatch
from checker.values.figures import (
    HedgeIndex,
    case_forms,
    char_class,
    hedge_index,
    make_match,
    shared_quantity,
)
from checker.values.neighbours import followed_by
from checker.values.numlex import alternation, load_yaml, normalize
from checker.values.numphrase import NumberPhrase, number_phrases

__all__ = ["find_percentages"]

_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n\s*\n")


@dataclass(frozen=True)
class _Units:
    pattern: re.Pattern[str]
    near: re.Pattern[str]  # neighbours of a figure a unit may follow (see ``neighbours``)
    percent: frozenset[str]
    points: dict[str, float]
    context_points: frozenset[str]
    window: int
    restating: re.Pattern[str]


@lru_cache(maxsize=1)
def _units() -> _Units:
    raw = load_yaml("units.yaml")
    percent = [str(w).lower() for w in raw["percent_words"]]
    points = {str(k).lower(): float(v) for k, v in raw["point_words"].items()}
    context = [str(w).lower() for w in raw["context_point_words"]]
    words = alternation([*percent, *points, *context]).replace(r"\ ", r"\s+")
    # The unit touches the figure, or follows one blank or a hyphen ("a 5-percent rise").
    pattern = re.compile(rf"(?:[ \t\u00a0]?|-)(?P<unit>{words})(?![\w])", re.IGNORECASE)
    first = case_forms(w[0] for w in [*percent, *points, *context])
    if first is None:
        raise ValueError("units.yaml: a percent unit opens with a non-ASCII letter with cases")
    # The unit starts right at the figure, or after one blank or a hyphen.
    near = re.compile(rf"\0[ \t\u00a0-]?{char_class(first)}")
    restating = re.compile(rf"\W*(?:{alternation(raw['restating_words'])})\W*$", re.IGNORECASE)
    return _Units(pattern, near, frozenset(percent), points, frozenset(context), int(raw["context_window"]), restating)


def find_percentages(text: str, ctx: ScanContext) -> list[ValueMatch]:
    """Every percentage and percentage-point figure in ``text``."""
    units = _units()
    hedges = hedge_index(ctx.hedges)
    found: list[ValueMatch] = []
    maybe_points: list[tuple[NumberPhrase, re.Match[str]]] = []
    phrases = number_phrases(text)
    for k in followed_by(text, units.near):
        phrase = phrases[k]
        if phrase.form != "cardinal" or phrase.pending_scale or phrase.letter_scale is not None or phrase.glued:
            continue
        end = phrase.end
        m = units.pattern.match(text, end)
        if m is None:
            continue
        unit = _unit_key(m.group("unit"))
        if unit in units.percent:
            found.append(_match(text, phrase, m.end(), "percent", 1.0, hedges))
        elif unit in units.points:
            found.append(_match(text, phrase, m.end(), "percentage_point", units.points[unit], hedges))
        elif not m.group(0).startswith("-"):
            # "points" joined by a hyphen is a plan or a scale ("a four-point proposal").
            maybe_points.append((phrase, m))
    percents = [(m.start, m.end) for m in found if m.value.kind == "percent"]
    for phrase, m in maybe_points:
        if percents and _near_a_percentage(text, phrase.start, m.end(), percents, units):
            found.append(_match(text, phrase, m.end(), "percentage_point", 1.0, hedges))
    return sorted(found, key=lambda v: v.start)


@lru_cache(maxsize=256)
def _unit_key(unit: str) -> str:
    """The table key of a unit as written ("Per  cent" -> "per cent")."""
    return normalize(unit)


def _match(text: str, phrase: NumberPhrase, end: int, kind: str, factor: float, hedges: HedgeIndex) -> ValueMatch:
    hedge, start = hedges.after_word(text, phrase.start, phrase.left_word)
    quantity = shared_quantity(kind, phrase.value, phrase.step, hedge, factor)
    return make_match(text, start, end, quantity, hedge)


def _near_a_percentage(text: str, start: int, end: int, percents: list[tuple[int, int]], units: _Units) -> bool:
    """True when a percentage (spans in reading order) lies within the context window in
    the same sentence, and does not merely restate the figure ("45 points, or 1.8%").

    Only the nearest percentage on each side needs checking: a farther one is farther
    away and has the same sentence break in between, if any.
    """
    k = bisect.bisect_left(percents, (start, start))
    if k > 0 and _context_gap(text, percents[k - 1][1], start, units):
        return True
    return k < len(percents) and percents[k][0] >= end and _context_gap(text, end, percents[k][0], units)


def _context_gap(text: str, a: int, b: int, units: _Units) -> bool:
    if b - a > units.window or _SENTENCE_END.search(text, a, b):
        return False
    return not units.restating.match(text, a, b)
