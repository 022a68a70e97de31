"""One scan of a text for every kind of value, overlaps resolved.

Each parser module finds its own kind; where two matches overlap, the longer one wins
("2.14 trillion yuan ($306 billion)" is one money value, not two numbers and a money),
and on equal length the more specific kind wins (money > percent > date > duration > number).

Ranges of numbers with a scale word ("2 to 3 million", "between 2 million and 3 million",
"2-3 billion") are read here, as one number whose set runs from the first end's set to
the second's; money and percentages read their own ranges. A range found by them, which
takes in the unit too, is longer and wins.
"""

from __future__ import annotations

import bisect
import operator
import re
from typing import Callable, Iterable

from checker.values.base import ScanContext, ValueMatch
from checker.values.dates import find_dates
from checker.values.durations import find_durations
from checker.values.figures import find_hedge, make_match, range_interval
from checker.values.money import find_money
from checker.values.numbers import find_numbers, number_reach, numbers_of
from checker.values.numlex import lexicon
from checker.values.numphrase import (
    NumberPhrase,
    hedged_link,
    number_phrases,
    number_ranges,
    range_before,
    range_start,
)
from checker.values.percent import find_percentages
from checker.values.trailing import with_trailing_hedges
from checker.values.types import Quantity

Finder = Callable[[str, ScanContext], list[ValueMatch]]



def find_number_ranges(text: str, ctx: ScanContext) -> list[ValueMatch]:
    """Every range of numbers with a scale word: "2 to 3 million" (the bare first end
    borrows the scale and keeps its own rounding: [1.5, 3.5] million), "about 5 to 7
    million" (each end hedged), and ends written in full when a dash or "between" joins
    them ("2 million-3 million"; "from 2 million to 3 million" is two values)."""
    seconds = number_ranges(text)
    if not seconds:
        return []  # the usual case: no scaled figure has a figure right before it
    phrases = number_phrases(text)
    out: list[ValueMatch] = []
    for k in seconds:
        ends = range_before(text, phrases, k)
        if ends is None or ends.sign or not (_alone(text, ends.first) and _alone(text, ends.second)):
            continue
        hedge, begin = find_hedge(text, ends.first.start, ctx)
        start = range_start(text, begin)
        if not (ends.borrows or ends.dash or start < begin
                or hedged_link(text, ends.first.end, ends.second.start, hedge and hedge.mode)):
            continue
        interval = range_interval(ends.low, ends.second.interval, hedge)
        out.append(make_match(text, start, ends.second.end, Quantity(kind="number", interval=interval), hedge))
    return out


def _alone(text: str, p: NumberPhrase) -> bool:
    """Whether figure ``p`` may be read as a number, as the number finder tells: no glued
    letters or unit letter, and no hyphen compound after it other than a count ("2 to 3
    million-year-old" says what it counts; "a 2 to 3 million-strong crowd" is a count)."""
    if p.glued or p.letter_scale is not None or p.form != "cardinal":
        return False
    compound = _COMPOUND.match(text, p.end)
    return compound is None or compound.group(1).lower() in lexicon().count_compounds


_COMPOUND = re.compile(r"-([A-Za-z]+)")


# Order is the tie-break priority: earlier wins on equal spans.
FINDERS: tuple[Finder, ...] = (
    find_money, find_percentages, find_dates, find_durations, find_number_ranges, find_numbers,
)


def scan(text: str, context: ScanContext | None = None) -> list[ValueMatch]:
    """All values in ``text``, in reading order, without overlaps."""
    ctx = context or ScanContext()
    if FINDERS[-1] is not find_numbers:
        candidates: list[tuple[int, int, int, ValueMatch]] = []
        for priority, finder in enumerate(FINDERS):
            candidates += [(m.start, m.end, priority, m) for m in finder(text, ctx)]
        return with_trailing_hedges(text, resolve_overlaps(candidates))
    others: list[tuple[int, int, int, ValueMatch]] = []
    for priority, finder in enumerate(FINDERS[:-1]):
        others += [(m.start, m.end, priority, m) for m in finder(text, ctx)]
    return with_trailing_hedges(text, _with_numbers(text, ctx, others, len(FINDERS) - 1))


def _with_numbers(text: str, ctx: ScanContext, others: list[tuple[int, int, int, ValueMatch]],
                  last: int) -> list[ValueMatch]:
    """What :func:`resolve_overlaps` keeps of ``others`` and the plain numbers of
    ``text`` (priority ``last``), without making the numbers that cannot be kept.

    A plain number is most often part of a longer value ("$5 billion", "Jan. 5, 2025",
    "the past 10 years"). As long as no number can outrank a value it overlaps (be
    longer), the numbers change nothing among the other values: those are settled
    first, and a number overlapping one that is kept is dropped. So numbers are read
    only for the phrases that overlap no kept value; otherwise all are read and ranked.
    """
    phrases = number_phrases(text)
    if not others or not phrases:
        return resolve_overlaps(others + [(m.start, m.end, last, m) for m in numbers_of(text, ctx, None)])
    reach = number_reach(text, ctx)
    if _outranking(others, phrases, reach):
        return resolve_overlaps(others + [(m.start, m.end, last, m) for m in numbers_of(text, ctx, None)])
    kept = resolve_overlaps(others)
    free = _free_phrases(phrases, kept)
    if not free:
        return kept
    numbers = numbers_of(text, ctx, free)
    if not numbers:
        return kept
    merged = _merged_apart(kept, numbers)
    if merged is not None:
        return merged
    # A number reaching into a kept value (by its hedge): kept values outrank any number
    # they overlap unless it is longer.
    return resolve_overlaps([(m.start, m.end, 0, m) for m in kept] + [(m.start, m.end, last, m) for m in numbers])


def _outranking(others: list[tuple[int, int, int, ValueMatch]], phrases: tuple[NumberPhrase, ...],
                reach: list[int]) -> bool:
    """True when a number could be longer than another value it overlaps (or when the
    widest spans of the numbers, from ``reach``, are not in order and apart)."""
    ends = [p[1] for p in phrases]
    previous_end = 0
    for k, low in enumerate(reach):
        if low < previous_end:
            return True  # a hedge reaching over the phrase before: rank everything
        previous_end = ends[k]
    for start, end, _, _ in others:
        k = bisect.bisect_right(ends, start)  # the first phrase ending after ``start``
        while k < len(ends) and reach[k] < end:
            if ends[k] - reach[k] > end - start:
                return True
            k += 1
    return False


def _free_phrases(phrases: tuple[NumberPhrase, ...], kept: list[ValueMatch]) -> list[int]:
    """The indices of the phrases that overlap none of ``kept`` (in order, apart).

    Both lists are in text order and neither overlaps itself, so one walk over both
    settles every phrase: the kept value to test is the first one ending after the
    phrase's start.
    """
    free: list[int] = []
    ends = [m.end for m in kept]
    starts = [m.start for m in kept]
    count = len(kept)
    j = 0
    for k, phrase in enumerate(phrases):
        start = phrase[0]
        while j < count and ends[j] <= start:
            j += 1
        if j == count or starts[j] >= phrase[1]:
            free.append(k)
    return free


def _merged_apart(kept: list[ValueMatch], numbers: list[ValueMatch]) -> list[ValueMatch] | None:
    """``kept`` and ``numbers`` (each in text order, apart) in one list in text order, or
    None when a number overlaps a kept value or the one before it: then they must be ranked."""
    out: list[ValueMatch] = []
    add = out.append
    j = 0
    count = len(kept)
    previous_end = 0
    for number in numbers:
        start = number.start
        while j < count and kept[j].start < start:
            value = kept[j]
            if value.end > start or value.start < previous_end:
                return None
            add(value)
            previous_end = value.end
            j += 1
        if start < previous_end or (j < count and kept[j].start < number.end):
            return None
        add(number)
        previous_end = number.end
    out += kept[j:]
    return out


def resolve_overlaps(candidates: Iterable[tuple[int, int, int, ValueMatch]]) -> list[ValueMatch]:
    """Keep the longest match of each overlapping cluster (priority breaks ties)."""
    # Only overlapping candidates compete, so the candidates are cut, in text order, into
    # clusters of overlapping ones: most matches overlap nothing and are kept as they
    # are, and the ranking below runs on the few clusters left.
    ordered = sorted(candidates, key=_SPAN)
    kept: list[ValueMatch] = []
    keep = kept.append
    # The cluster being read: its first candidate alone (the usual case, no list made),
    # or the list of its candidates once a second one overlaps.
    first: tuple[int, int, int, ValueMatch] | None = None
    cluster: list[tuple[int, int, int, ValueMatch]] | None = None
    reach = -1
    for candidate in ordered:
        if candidate[0] < reach:
            if cluster is None:
                cluster = [first, candidate]  # type: ignore[list-item]
            else:
                cluster.append(candidate)
            if candidate[1] > reach:
                reach = candidate[1]
            continue
        if cluster is not None:
            _pick(cluster, reach, kept)
            cluster = None
        elif first is not None:
            keep(first[3])
        first = candidate
        reach = candidate[1]
    if cluster is not None:
        _pick(cluster, reach, kept)
    elif first is not None:
        keep(first[3])
    return kept


def _pick(cluster: list[tuple[int, int, int, ValueMatch]], reach: int, kept: list[ValueMatch]) -> None:
    """Add what a greedy pick keeps of one cluster of overlapping candidates (ending at
    ``reach``) to ``kept``."""
    # The usual cluster is one value and the shorter readings inside it ("$5 billion"
    # and "5 billion"): when the best-ranked candidate spans the whole cluster, every
    # other one overlaps it and is dropped.
    best = min(cluster, key=_rank)
    if best[0] == cluster[0][0] and best[1] == reach:
        kept.append(best[3])
        return
    kept += _ranked_pick(cluster)


def _rank(candidate: tuple[int, int, int, ValueMatch]) -> tuple[int, int, int]:
    """Longest first, then priority, then position: a greedy pick is deterministic."""
    return candidate[0] - candidate[1], candidate[2], candidate[0]


_SPAN = operator.itemgetter(0, 1)


def _ranked_pick(cluster: list[tuple[int, int, int, ValueMatch]]) -> list[ValueMatch]:
    """The matches a greedy pick keeps from overlapping candidates, in reading order."""
    ranked = sorted(cluster, key=_rank)
    # Kept spans never overlap, so sorted by start they are sorted by end as well and
    # only the two neighbours of a new span can collide with it: O(n log n) overall.
    starts: list[int] = []
    ends: list[int] = []
    kept: list[ValueMatch] = []
    for start, end, _, match in ranked:
        i = bisect.bisect_right(starts, start)
        if i > 0 and ends[i - 1] > start:
            continue
        if i < len(starts) and starts[i] < end:
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        kept.insert(i, match)
    return kept
