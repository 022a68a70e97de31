"""scan: every finder's matches, overlaps resolved (longest, then the more specific
kind), and plain numbers read only where they can still be kept."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from checker.values import scan as scan_module
from checker.values.base import ScanContext, ValueMatch
from checker.values.numbers import find_numbers, number_reach
from checker.values.numphrase import number_phrases
from checker.values.scan import FINDERS, resolve_overlaps, scan
from checker.values.types import Label

CTX = ScanContext(published=dt.date(2025, 6, 1))

Candidate = tuple[int, int, int, ValueMatch]


def cand(start: int, end: int, priority: int, name: str) -> Candidate:
    """A candidate whose value names it, so that the kept ones can be told apart."""
    return start, end, priority, ValueMatch(start, end, "x" * (end - start), Label(frozenset({name})))


def names(kept: list[ValueMatch]) -> list[str]:
    return [next(iter(m.value.labels)) for m in kept]  # type: ignore[union-attr]


def greedy(candidates: list[Candidate]) -> list[str]:
    """The rule spelled out: longest first, then priority, then position; a candidate is
    kept when it overlaps nothing kept before it; the kept ones in reading order."""
    kept: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if all(c[1] <= k[0] or k[1] <= c[0] for k in kept):
            kept.append(c)
    return [next(iter(c[3].value.labels)) for c in sorted(kept, key=lambda c: (c[0], c[1]))]  # type: ignore[union-attr]


RESOLVE = [
    ("apart", [cand(0, 3, 4, "a"), cand(5, 9, 0, "b"), cand(9, 12, 2, "c")], ["a", "b", "c"]),
    ("the longer wins", [cand(0, 10, 0, "money"), cand(1, 10, 4, "number")], ["money"]),
    ("equal spans: the more specific kind", [cand(4, 8, 4, "number"), cand(4, 8, 2, "date")], ["date"]),
    ("equal lengths: priority before position", [cand(0, 4, 4, "first"), cand(2, 6, 2, "second")], ["second"]),
    ("equal lengths and kinds: the earlier", [cand(0, 4, 3, "first"), cand(2, 6, 3, "second")], ["first"]),
    ("a chain keeps both ends", [cand(0, 5, 0, "a"), cand(4, 9, 0, "b"), cand(8, 12, 0, "c")], ["a", "c"]),
    ("a long middle keeps only itself", [cand(0, 5, 0, "a"), cand(3, 12, 0, "b"), cand(10, 14, 0, "c")], ["b"]),
    ("a cluster the best one does not span", [cand(0, 6, 1, "a"), cand(5, 7, 4, "b"), cand(6, 9, 4, "c")], ["a", "c"]),
    ("touching spans do not overlap", [cand(0, 4, 4, "a"), cand(4, 8, 4, "b")], ["a", "b"]),
    ("the same span twice from one finder", [cand(2, 5, 1, "one"), cand(2, 5, 1, "two")], ["one"]),
    ("input order does not matter", [cand(8, 12, 0, "c"), cand(0, 5, 0, "a"), cand(4, 9, 0, "b")], ["a", "c"]),
    ("nothing", [], []),
]


@pytest.mark.parametrize("label, candidates, expected", RESOLVE, ids=[r[0] for r in RESOLVE])
def test_resolve_overlaps(label: str, candidates: list[Candidate], expected: list[str]) -> None:
    kept = resolve_overlaps(candidates)
    assert names(kept) == expected
    assert names(kept) == greedy(candidates)
    assert [(m.start, m.end) for m in kept] == sorted((m.start, m.end) for m in kept)


@pytest.mark.parametrize("seed", range(40))
def test_resolve_overlaps_is_the_greedy_rule(seed: int) -> None:
    rng = random.Random(seed)
    candidates = []
    for k in range(rng.randint(1, 30)):
        start = rng.randint(0, 60)
        candidates.append(cand(start, start + rng.randint(1, 12), rng.randint(0, 4), f"c{k}"))
    assert names(resolve_overlaps(candidates)) == greedy(candidates)


def every_candidate(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for priority, finder in enumerate(scan_module.FINDERS):  # as patched by a test
        out += [(m.start, m.end, priority, m) for m in finder(text, CTX)]
    return out


def spans(matches: list[ValueMatch]) -> list[tuple[int, int, str, str, str | None]]:
    return [(m.start, m.end, m.text, m.kind, m.hedge) for m in matches]


SCANS = [
    ("It cost $5 billion in 2024.", [(8, 18, "$5 billion", "money", None), (22, 26, "2024", "date", None)]),
    ("Ties grew over the past 10 years and 17 deals were signed.",
     [(15, 32, "the past 10 years", "date", None), (37, 39, "17", "number", None)]),
    ("He paid 5 in 2020 and US$ 7 later.",
     [(8, 9, "5", "number", None), (13, 17, "2020", "date", None), (22, 27, "US$ 7", "money", None)]),
    ("Nearly 2,000 delegates and 3 million people.",
     [(0, 12, "Nearly 2,000", "number", "nearly"), (27, 36, "3 million", "number", None)]),
    # A hedged number longer than the year it overlaps: everything is ranked together.
    ("Sales hit almost 2024 units in May 2024.",
     [(10, 21, "almost 2024", "number", "almost"), (31, 39, "May 2024", "date", None)]),
    ("Growth was 7.7 percent on Jan. 5, 2026, up from 3.",
     [(11, 22, "7.7 percent", "percent", None), (26, 38, "Jan. 5, 2026", "date", None), (48, 49, "3", "number", None)]),
    ("The two sides signed 15 documents.", [(4, 7, "two", "number", None), (21, 23, "15", "number", None)]),
    ("No figures here.", []),
]


@pytest.mark.parametrize("text, expected", SCANS)
def test_scan(text: str, expected: list[tuple[int, int, str, str, str | None]]) -> None:
    assert spans(scan(text, CTX)) == expected


@pytest.mark.parametrize("text", [text for text, _ in SCANS] + [
    "About 2000 people came in 2000.",
    "Approximately 2008 delegates attended in 2008.",
    "roughly 1998 troops, some 1,500 years, more than 30 years ago",
    "2.14 trillion yuan ($306 billion) in the first 11 months of 2025, up 4 percent",
    "In the year 2008 and in 2008 alone; the 1990s; No. 1 partner; 10 a.m. on Monday",
    "a little over 5, up to 10 and at least 20 percentage points, a four-day visit",
])
def test_scan_ranks_numbers_as_if_all_were_read(text: str) -> None:
    # Numbers overlapping a value that is kept are not read at all: the result must be
    # what ranking every candidate of every finder gives.
    assert spans(scan(text, CTX)) == spans(resolve_overlaps(every_candidate(text)))


def test_number_reach_is_the_start_of_the_hedge_or_of_the_figure() -> None:
    text = "about 200 people, 15 cars, more than 30 buses, (40) trains"
    reach = number_reach(text, CTX)
    starts = {p.text: (p.start, low) for p, low in zip(number_phrases(text), reach)}
    assert starts == {"200": (6, 0), "15": (18, 18), "30": (37, 27), "40": (48, 48)}
    # And it is where the number matches start.
    assert [(m.text, m.start) for m in find_numbers(text, CTX)] == [
        ("about 200", 0), ("15", 18), ("more than 30", 27), ("40", 48)]


def test_a_number_whose_hedge_reaches_into_a_kept_value_is_ranked_with_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # No shipped finder ends a value inside a hedge, but a new one may: a value over
    # "the count was about" leaves "200" free while its number, "about 200", overlaps
    # the value and must lose to it (shorter), not be kept beside it.
    text = "In short the count was about 200 and 15 later."
    start = text.index("the count")

    def find_label(text: str, ctx: ScanContext) -> list[ValueMatch]:
        end = text.index(" 200")
        return [ValueMatch(start, end, text[start:end], Label(frozenset({"label"})))]

    monkeypatch.setattr(scan_module, "FINDERS", (find_label, *FINDERS))
    found = spans(scan(text, CTX))
    assert found == [(start, start + 19, "the count was about", "label", None), (37, 39, "15", "number", None)]
    assert found == spans(resolve_overlaps(every_candidate(text)))


def test_scan_with_the_finders_in_another_order_ranks_by_that_order(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "It cost $5 billion in 2024 and 17 more."
    assert spans(scan(text, CTX)) == [
        (8, 18, "$5 billion", "money", None), (22, 26, "2024", "date", None), (31, 33, "17", "number", None)]
    monkeypatch.setattr(scan_module, "FINDERS", (FINDERS[-1], *FINDERS[:-1]))
    # Numbers first: on a span a number shares with a date, the number now wins.
    assert spans(scan(text, CTX)) == [
        (8, 18, "$5 billion", "money", None), (22, 26, "2024", "number", None), (31, 33, "17", "number", None)]


# A range is one value of the most specific kind that reads it: a range of money or of
# percentages takes in its unit and outranks the number range inside it.
RANGE_SCANS = [
    ("Between 2 and 3 million people fled.", [(0, 23, "Between 2 and 3 million", "number", None)],
     # Without a scale the bare ends borrow none: a range of counts.
     "Between 2 and 3 people fled.", [(0, 15, "Between 2 and 3", "number", None)]),
    ("Around 5 to 7 million people left.", [(0, 21, "Around 5 to 7 million", "number", "around")],
     "Around 5 to 7 of them left.", [(0, 13, "Around 5 to 7", "number", "around")]),
    ("It will cost $40 to $50 million.", [(13, 31, "$40 to $50 million", "money", None)],
     "It rose from $40 million to $50 million.",
     [(13, 24, "$40 million", "money", None), (28, 39, "$50 million", "money", None)]),
    ("It will cost 2-3 billion yuan in 2025.",
     [(13, 29, "2-3 billion yuan", "money", None), (33, 37, "2025", "date", None)],
     "It will cost 2 billion yuan in 2025.",
     [(13, 27, "2 billion yuan", "money", None), (31, 35, "2025", "date", None)]),
    ("Growth of 5 to 7 percent is seen.", [(10, 24, "5 to 7 percent", "percent", None)],
     "Growth of 5 in 7 percent is seen.", [(10, 11, "5", "number", None), (15, 24, "7 percent", "percent", None)]),
    ("Prices rose 5-7% in 2024.", [(12, 16, "5-7%", "percent", None), (20, 24, "2024", "date", None)],
     "The 2020-2025 plan rose 5%.", [(4, 13, "2020-2025", "date", None), (24, 26, "5%", "percent", None)]),
]


@pytest.mark.parametrize("text, expected, contrast, contrast_expected", RANGE_SCANS)
def test_scan_reads_a_range_as_one_value(text: str, expected: list[tuple[int, int, str, str, str | None]],
                                         contrast: str,
                                         contrast_expected: list[tuple[int, int, str, str, str | None]]) -> None:
    assert spans(scan(text, CTX)) == expected
    assert spans(scan(contrast, CTX)) == contrast_expected
    # Numbers read only where they can still be kept: as if every candidate were ranked.
    assert spans(scan(text, CTX)) == spans(resolve_overlaps(every_candidate(text)))
