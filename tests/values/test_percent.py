"""find_percentages: percent and percentage points, which never compare with each other."""

from __future__ import annotations

import math

import pytest

from checker.values.base import ScanContext
from checker.values.percent import find_percentages
from checker.values.types import Compat, Interval, Quantity, compatible

INF = None


def found(text: str) -> list[tuple[str, str, Interval, str | None]]:
    out = []
    for m in find_percentages(text, ScanContext()):
        assert text[m.start:m.end] == m.text
        assert isinstance(m.value, Quantity)
        out.append((m.text, m.value.kind, m.value.interval, m.hedge))
    return out


def close(x: float | None, y: float | None) -> bool:
    return (x is None and y is None) or (x is not None and y is not None and math.isclose(x, y, rel_tol=1e-9))


def check(text: str, expected: list[tuple[str, str, Interval, str | None]]) -> None:
    got = found(text)
    assert [(t, k, h) for t, k, _, h in got] == [(t, k, h) for t, k, _, h in expected], got
    for (_, _, a, _), (_, _, b, _) in zip(got, expected):
        assert close(a.low, b.low) and close(a.high, b.high) and (a.low_open, a.high_open) == (b.low_open, b.high_open)


CASES = [
    ("marking a 1.6 percent year-on-year increase", [("1.6 percent", "percent", Interval(1.55, 1.65), None)]),
    ("up 1.6% and 27 % and 3 per cent", [
        ("1.6%", "percent", Interval(1.55, 1.65), None),
        ("27 %", "percent", Interval.point(27), None),
        ("3 per cent", "percent", Interval.point(3), None),
    ]),
    ("twenty percent and one hundred percents", [
        ("twenty percent", "percent", Interval.point(20), None),
        ("one hundred percents", "percent", Interval.point(100), None),
    ]),
    ("a 5-percent rise and 5 pct", [("5-percent", "percent", Interval.point(5), None), ("5 pct", "percent", Interval.point(5), None)]),
    ("growth of -0.3% or minus five percent", [
        ("-0.3%", "percent", Interval(-0.35, -0.25), None),
        ("minus five percent", "percent", Interval.point(-5), None),
    ]),
    ("nearly 40 percent", [("nearly 40 percent", "percent", Interval(36, 40), "nearly")]),
    ("more than 15 %", [("more than 15 %", "percent", Interval(15, INF, low_open=True), "more than")]),
    ("rose 1.2 percentage points", [("1.2 percentage points", "percentage_point", Interval(1.15, 1.25), None)]),
    ("a cut of 25 basis points and 10 bps", [
        ("25 basis points", "percentage_point", Interval.point(0.25), None),
        ("10 bps", "percentage_point", Interval.point(0.1), None),
    ]),
    # "points" counts as percentage points only next to a percentage in the same sentence.
    ("the rate rose 0.5 points to 3.5 percent", [
        ("0.5 points", "percentage_point", Interval(0.45, 0.55), None),
        ("3.5 percent", "percent", Interval(3.45, 3.55), None),
    ]),
    ("The index rose 30 points. Inflation was 3 percent.", [("3 percent", "percent", Interval.point(3), None)]),
    ("The KOSPI rose 45.2 points, or 1.8 percent, to 2,512.", [("1.8 percent", "percent", Interval(1.75, 1.85), None)]),
    # A change told as a round share: as wide as the words are round (a tenth either side).
    ("Trade grew by almost a fifth last year", [("almost a fifth", "percent", Interval(18, 22), "almost")]),
    ("a rise of more than a fifth", [("more than a fifth", "percent", Interval(18, None), "more than")]),
    ("exports jumped three quarters, then fell by half", [("three quarters", "percent", Interval(67.5, 82.5), None),
                                                          ("half", "percent", Interval(45, 55), None)]),
    ("inflation eased to 2.9% from 3.1%, a drop of 0.2 points", [
        ("2.9%", "percent", Interval(2.85, 2.95), None),
        ("3.1%", "percent", Interval(3.05, 3.15), None),
        ("0.2 points", "percentage_point", Interval(0.15, 0.25), None),
    ]),
]

NOTHING = [
    "the KOSPI rose 30 points",
    "a four-point proposal after growth of 5 percent".replace("5 percent", "growth"),
    "Only a small percent attain the top ranks",
    "How do I calculate a percentage?",
    "percent of 10",
    # A share that is a part, or no change at all.
    "a third of its exports rose, half the trade, a quarter-century, in the first half and the last quarter",
    "A fifth of the budget grew by a third of a point",
    "see https://www.test.com/search?q=30%25%2020%",
    "issn%280024%2D9114%29%20and",
]


@pytest.mark.parametrize("text,expected", CASES)
def test_percentages(text: str, expected: list[tuple[str, str, Interval, str | None]]) -> None:
    check(text, expected)


@pytest.mark.parametrize("text", NOTHING)
def test_not_a_percentage(text: str) -> None:
    assert found(text) == []


def test_hyphenated_points_are_not_percentage_points() -> None:
    check("a four-point proposal after 5% growth", [("5%", "percent", Interval.point(5), None)])


def test_percent_and_points_never_compare() -> None:
    (pct,) = find_percentages("2 percent", ScanContext())
    (pp,) = find_percentages("2 percentage points", ScanContext())
    assert compatible(pct.value, pp.value) is Compat.NOT_COMPARABLE


# Read as Latin-1 text, with a wider character, and with a character lower-casing would
# change: the figures a unit may follow are picked the same way in each.
THREE_WAYS = ("", " \u2019", " \u212a")
SCAN_CASES = [
    ("rose 1.6 percent and 25 basis points, then\n2% in all", [
        ("1.6 percent", "percent", Interval(1.55, 1.65), None),
        ("25 basis points", "percentage_point", Interval.point(0.25), None),
        ("2%", "percent", Interval.point(2), None)]),
    ("up 5-percent and 3 PP, about\n4 Percent", [
        ("5-percent", "percent", Interval.point(5), None),
        ("3 PP", "percentage_point", Interval.point(3), None),
        ("about\n4 Percent", "percent", Interval(3.6, 4.4), "about")]),
]


@pytest.mark.parametrize("suffix", THREE_WAYS)
@pytest.mark.parametrize("text,expected", SCAN_CASES)
def test_every_scan_reads_the_same(text: str, expected: list[tuple[str, str, Interval, str | None]], suffix: str) -> None:
    check(text + suffix, expected)


# A range of percentages is one value; each row pairs one with a sentence near it that
# keeps its own reading.
RANGES = [
    ("growth of between 5 and 7 percent", [("between 5 and 7 percent", "percent", Interval(5, 7), None)],
     "growth of 5 percent and 7 percent", [("5 percent", "percent", Interval.point(5), None),
                                           ("7 percent", "percent", Interval.point(7), None)]),
    ("output rose 3 to 4 percent", [("3 to 4 percent", "percent", Interval(3, 4), None)],
     "inflation rose 0.5% to 3.2%", [("0.5%", "percent", Interval(0.45, 0.55), None),
                                     ("3.2%", "percent", Interval(3.15, 3.25), None)]),
    ("a rise of 7 or 8 per cent", [("7 or 8 per cent", "percent", Interval(7, 8), None)],
     "a fall of 8 or 7 per cent", [("7 per cent", "percent", Interval.point(7), None)]),
    ("inflation of 5-7% and 2.5–3%", [("5-7%", "percent", Interval(5, 7), None),
                                      ("2.5–3%", "percent", Interval(2.45, 3), None)],
     "the 2024-25 season", []),
    ("a gap of 2%-3%, or between 4 pct and 6 pct", [("2%-3%", "percent", Interval(2, 3), None),
                                                    ("between 4 pct and 6 pct", "percent", Interval(4, 6), None)],
     "a 55%-45% split", [("55%", "percent", Interval.point(55), None), ("45%", "percent", Interval.point(45), None)]),
    ("roughly 10 to 12 percent", [("roughly 10 to 12 percent", "percent", Interval(9, 13.2), "roughly")],
     "roughly 10 percent", [("roughly 10 percent", "percent", Interval(9, 11), "roughly")]),
    ("cuts of 25 to 50 basis points", [("25 to 50 basis points", "percentage_point", Interval(0.25, 0.5), None)],
     "cuts of 25 basis points", [("25 basis points", "percentage_point", Interval.point(0.25), None)]),
    ("approval fell 3 to 5 points, to 41%", [("3 to 5 points", "percentage_point", Interval(3, 5), None),
                                             ("41%", "percent", Interval.point(41), None)],
     "approval fell 3 points, to 41%", [("3 points", "percentage_point", Interval.point(3), None),
                                        ("41%", "percent", Interval.point(41), None)]),
]


@pytest.mark.parametrize("text, expected, contrast, contrast_expected", RANGES)
def test_ranges_of_percentages(text: str, expected: list[tuple[str, str, Interval, str | None]], contrast: str,
                               contrast_expected: list[tuple[str, str, Interval, str | None]]) -> None:
    check(text, expected)
    check(contrast, contrast_expected)


# Bare "points" is a change of percentage points only up to ``context_point_limit``: a
# larger figure is an index level or a score, even next to a percentage.
POINTS = [
    ("The Hang Seng index rose 2.1% to 19,450 points.", [("2.1%", "percent", Interval(2.05, 2.15), None)],
     "Support for the plan rose 2.1% as it gained 9 points.",
     [("2.1%", "percent", Interval(2.05, 2.15), None), ("9 points", "percentage_point", Interval.point(9), None)]),
    ("The index fell 1.5% to 7,850 points.", [("1.5%", "percent", Interval(1.45, 1.55), None)],
     "Support fell 5 points to 40%.",
     [("5 points", "percentage_point", Interval.point(5), None), ("40%", "percent", Interval.point(40), None)]),
    ("The FTSE 100 rose 0.8% to 8,300 points.", [("0.8%", "percent", Interval(0.75, 0.85), None)],
     "Turnout jumped 12.5 points to 71 percent.",
     [("12.5 points", "percentage_point", Interval(12.45, 12.55), None),
      ("71 percent", "percent", Interval.point(71), None)]),
    ("Shares rose 3% and the Nasdaq gained 150 points.", [("3%", "percent", Interval.point(3), None)],
     "Shares rose 3% and the party gained 15 points.",
     [("3%", "percent", Interval.point(3), None), ("15 points", "percentage_point", Interval.point(15), None)]),
    ("Its lead grew 2% while the Dow added 100.5 points.", [("2%", "percent", Interval.point(2), None)],
     "Its share grew 2% while the rival's fell 100 points.",
     [("2%", "percent", Interval.point(2), None), ("100 points", "percentage_point", Interval.point(100), None)]),
]


@pytest.mark.parametrize("text, expected, contrast, contrast_expected", POINTS)
def test_bare_points_above_the_limit_are_an_index_level(
    text: str, expected: list[tuple[str, str, Interval, str | None]], contrast: str,
    contrast_expected: list[tuple[str, str, Interval, str | None]],
) -> None:
    check(text, expected)
    check(contrast, contrast_expected)
