"""One scan of a text for every kind of value, overlaps resolved.

Each parser module finds its own kind; where two matches overlap, the longer one wins
("2.14 trillion yuan ($306 billion)" is one money value, not two numbers and a money),
and on equal length the more specific kind wins (money > percent > date > duration > number).
"""

from __future__ import annotations

import bisect
from typing import Callable, Iterable

from checker.values.base import ScanContext, ValueMatch
from checker.values.dates import find_dates
from checker.values.durations import find_durations
from checker.values.money import find_money
from checker.values.numbers import find_numbers
from checker.values.percent import find_percentages

Finder = Callable[[str, ScanContext], list[ValueMatch]]

# Order is the tie-break priority: earlier wins on equal spans.
FINDERS: tuple[Finder, ...] = (find_money, find_percentages, find_dates, find_durations, find_numbers)


def scan(text: str, context: ScanContext | None = None) -> list[ValueMatch]:
    """All values in ``text``, in reading order, without overlaps."""
    ctx = context or ScanContext()
    candidates: list[tuple[int, int, int, ValueMatch]] = []
    for priority, finder in enumerate(FINDERS):
        for match in finder(text, ctx):
            candidates.append((match.start, match.end, priority, match))
    return resolve_overlaps(candidates)


def resolve_overlaps(candidates: Iterable[tuple[int, int, int, ValueMatch]]) -> list[ValueMatch]:
    """Keep the longest match of each overlapping cluster (priority breaks ties)."""
    # Longest first, then priority, then position: a greedy pick is deterministic.
    ranked = sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
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
        kept.append(match)
    kept.sort(key=lambda m: (m.start, m.end))
    return kept
