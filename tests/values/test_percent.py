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
    ("nearly 40 percent", [("nearly 40 percent", "percent", Interval(38, 40), "nearly")]),
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
