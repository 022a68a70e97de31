"""Percentages ("1.6 percent", "1.6%", "27 per cent") and percentage points ("1.2
percentage points", "25 basis points").

The two kinds are never comparable with each other: a rise "of 2 percent" and a rise
"of 2 percentage points" are different facts. "points" alone is also a score or an index
level, so it counts as percentage points only in a sentence that speaks of percentages,
and only for a figure no larger than a share can change ("rose 2.1% to 19,450 points" is
an index level). The vocabulary is in ``checker/data/units.yaml``.

A range is one value: "5 to 7 percent", "between 5 and 7 percent", "5-7%" (a bare first
end takes the unit of the second), "5%-7%", "between 5% and 7%" and "5.25% to 5.5%" (ends
written in full, joined by a dash, announced by "between", or joined by "to" alone); see
:func:`checker.values.numphrase.range_before`. After a word of change they stay two
values: "rose 0.5% to 3.2%" is a change and a level (``range_change_words`` in numbers.yaml).
A change told as a share ("grew by a third") is read by :mod:`checker.values.percent_shares`.
"""

from __future__ import annotations

import bisect
import operator
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from checker.values.base import ScanContext, ValueMatch
from checker.values.figures import (
    HedgeIndex,
    case_forms,
    char_class,
    hedge_index,
    make_match,
    range_interval,
    shared_quantity,
)
from checker.values.neighbours import followed_by
from checker.values.numlex import alternation, load_yaml, normalize
from checker.values.numphrase import (
    RANGE_REACH,
    NumberPhrase,
    bare_link,
    hedged_link,
    joined_start,
    number_phrases,
    range_before,
    range_start,
)
from checker.values.percent_shares import find_percent_shares
from checker.values.types import Interval, Quantity

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
    point_limit: float  # the largest figure bare "points" may be a change of percentage points by
    restating: re.Pattern[str]
    reach: int  # the farthest a figure before a percentage may end for the two to make a range


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
    # A range's first end, bare or with its unit ("5%-7%"), ends this close to the second.
    reach = RANGE_REACH + max(len(w) for w in [*percent, *points, *context]) + 1
    return _Units(pattern, near, frozenset(percent), points, frozenset(context), int(raw["context_window"]),
                  float(raw["context_point_limit"]), restating, reach)


class _Hit(NamedTuple):
    """A figure and its unit, or a range of two figures and the unit after the second."""

    first: NumberPhrase  # the figure, or the first end of the range
    second: NumberPhrase  # the figure again, or the second end
    low: Interval | None  # the first end's set for a range; None for one figure
    end: int  # the end of the unit
    kind: str
    factor: float
    context: bool  # bare "points": percentage points only next to a percentage


def find_percentages(text: str, ctx: ScanContext) -> list[ValueMatch]:
    """Every percentage and percentage-point figure in ``text``."""
    units = _units()
    hedges = hedge_index(ctx.hedges)
    hits: list[_Hit] = []
    phrases = number_phrases(text)
    joinable = False  # whether a figure stands close enough before a hit to make a range with it
    for k in followed_by(text, units.near):
        phrase = phrases[k]
        if phrase.form != "cardinal" or phrase.letter_scale is not None or phrase.glued:
            continue
        m = units.pattern.match(text, phrase.end)
        if m is None:
            continue
        unit = _unit_key(m.group("unit"))
        if unit in units.percent:
            kind, factor, context = "percent", 1.0, False
        elif unit in units.points:
            kind, factor, context = "percentage_point", units.points[unit], False
        elif m.group(0).startswith("-"):
            continue  # "points" joined by a hyphen is a plan or a scale ("a four-point proposal")
        else:
            kind, factor, context = "percentage_point", 1.0, True
        # The usual figure has no figure right before it, which settles that it ends no range.
        hit = None
        if k and phrase.start - phrases[k - 1].end <= units.reach:
            joinable = True
            hit = _range_hit(text, phrases, k, m.end(), kind, factor, context)
        if hit is None:
            if phrase.pending_scale:
                continue  # only a range reads it ("7" in "3-7 points" with no range)
            hit = _new_hit(_Hit, (phrase, phrase, None, m.end(), kind, factor, context))
        if context and max(abs(hit.first.value), abs(hit.second.value)) > units.point_limit:
            continue  # an index level or a score ("rose 2.1% to 19,450 points")
        hits.append(hit)
    if joinable and len(hits) > 1:
        hits = _joined(text, hits, hedges)
    found = [_match(text, hit, hedges) for hit in hits if not hit.context]
    if len(found) < len(hits):
        percents = [(m.start, m.end) for m in found if m.value.kind == "percent"]
        for hit in hits:
            if hit.context and percents and _near_a_percentage(text, hit.first.start, hit.end, percents, units):
                found.append(_match(text, hit, hedges))
        found.sort(key=_START)
    shares = find_percent_shares(text, ctx)
    if shares:
        found = sorted(found + shares, key=_START)
    return found


_new_hit = tuple.__new__  # a hit per percentage: cheaper than the named tuple's constructor
_START = operator.attrgetter("start")


def _range_hit(text: str, phrases: tuple[NumberPhrase, ...], k: int, end: int, kind: str, factor: float,
               context: bool) -> _Hit | None:
    """The range whose second end is ``phrases[k]`` when a bare figure before it takes its
    unit ("5 to 7 percent", "5-7%", "7 or 8 percent"); None otherwise (the usual case)."""
    ends = range_before(text, phrases, k)
    if ends is None or ends.sign or ends.borrows or ends.first.scaled:
        return None  # a currency sign or a scale word has no place in a range of percentages
    first = ends.first
    if first.glued or first.letter_scale is not None:
        return None
    return _Hit(first, phrases[k], ends.low, end, kind, factor, context)


def _joined(text: str, hits: list[_Hit], hedges: HedgeIndex) -> list[_Hit]:
    """``hits`` with each two neighbouring figures written in full made one range where
    :func:`~checker.values.numphrase.joined_start` says they are one ("5%-7%", "between 5%
    and 7%"; not "rose 0.5% to 3.2%", a change and a level): of one unit, in order."""
    out = [hits[0]]
    for b in hits[1:]:
        a = out[-1]
        start = None
        if b.first.start - a.end <= RANGE_REACH and a.low is None and b.low is None \
                and (a.kind, a.factor, a.context) == (b.kind, b.factor, b.context) and a.second.value <= b.first.value:
            # The hedge of the first figure, if any, stands between an opener and it.
            hedge, begin = hedges.after_word(text, a.first.start, a.first.left_word)
            start = joined_start(text, begin, a.end, b.first.start)
            if start is None and hedged_link(text, a.end, b.first.start, hedge and hedge.mode):
                start = begin  # "around 20% to 30%": the hedge opens the range
            if start is None and hedge is None and bare_link(text, begin, a.end, b.first.start):
                start = begin  # "5.25% to 5.5%", not "rose 0.5% to 3.2%"
        if start is None:
            out.append(b)
        else:
            out[-1] = _Hit(a.first, b.second, a.second.interval, b.end, b.kind, b.factor, b.context)
    return out


@lru_cache(maxsize=256)
def _unit_key(unit: str) -> str:
    """The table key of a unit as written ("Per  cent" -> "per cent")."""
    return normalize(unit)


def _match(text: str, hit: _Hit, hedges: HedgeIndex) -> ValueMatch:
    phrase, second, low, end, kind, factor, _ = hit
    hedge, start = hedges.after_word(text, phrase.start, phrase.left_word)
    if low is None:
        return make_match(text, start, end, shared_quantity(kind, phrase.value, phrase.step, hedge, factor), hedge)
    interval = range_interval(low.scaled(factor), second.interval.scaled(factor), hedge)
    return make_match(text, range_start(text, start), end, Quantity(kind=kind, interval=interval), hedge)


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
