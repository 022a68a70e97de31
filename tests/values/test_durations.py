"""find_durations: lengths of time in days, weeks, months and years."""

from __future__ import annotations

import math

import pytest

from checker.values.base import ScanContext
from checker.values.durations import find_durations
from checker.values.types import Compat, Interval, Quantity, compatible

INF = None


def found(text: str) -> list[tuple[str, str | None, Interval, str | None]]:
    out = []
    for m in find_durations(text, ScanContext()):
        assert text[m.start:m.end] == m.text
        assert isinstance(m.value, Quantity) and m.value.kind == "duration"
        out.append((m.text, m.value.unit, m.value.interval, m.hedge))
    return out


def close(x: float | None, y: float | None) -> bool:
    return (x is None and y is None) or (x is not None and y is not None and math.isclose(x, y, rel_tol=1e-9))


def check(text: str, expected: list[tuple[str, str, Interval, str | None]]) -> None:
    got = found(text)
    assert [(t, u, h) for t, u, _, h in got] == [(t, u, h) for t, u, _, h in expected], got
    for (_, _, a, _), (_, _, b, _) in zip(got, expected):
        assert close(a.low, b.low) and close(a.high, b.high) and (a.low_open, a.high_open) == (b.low_open, b.high_open)


CASES = [
    ("The four-day state visit", [("four-day", "day", Interval.point(4), None)]),
    ("after an interval of 11 years", [("11 years", "year", Interval.point(11), None)]),
    ("for more than two decades", [("more than two decades", "year", Interval(20, INF, low_open=True), "more than")]),
    # "over" before a length of time is also "during": read as "at least", which holds both.
    ("In over 30 years since", [("over 30 years", "year", Interval(30, INF), "over")]),
    ("the fund will be spent over five years", [("over five years", "year", Interval(5, INF), "over")]),
    ("Negotiators met over four days in Geneva", [("over four days", "day", Interval(4, INF), "over")]),
    ("over a decade of sanctions", [("over a decade", "year", Interval(10, INF), "over")]),
    # A share of a decade or a century.
    ("a quarter of a century of ties", [("a quarter of a century", "year", Interval.point(25), None)]),
    ("for more than half a century", [("more than half a century", "year", Interval(50, INF, low_open=True), "more than")]),
    ("a half-century of friendship and Three-quarters of a Century", [
        ("a half-century", "year", Interval.point(50), None), ("Three-quarters of a Century", "year", Interval.point(75), None)]),
    # As wide as "nearly five years".
    ("nearly half a decade", [("nearly half a decade", "year", Interval(4.5, 5), "nearly")]),
    # A range is one duration: the bare first end takes the second's unit.
    ("jailed for 5 to 10 years", [("5 to 10 years", "year", Interval(5, 10), None)]),
    ("a wait of between three and five weeks", [("between three and five weeks", "week", Interval(3, 5), None)]),
    ("a 5-10 year programme", [("5-10 year", "year", Interval(5, 10), None)]),
    ("some two to three decades", [("some two to three decades", "year", Interval(18, 33), "some")]),
    ("over 2 to 3 years", [("over 2 to 3 years", "year", Interval(2, INF), "over")]),
    ("1 to 1.5 years", [("1 to 1.5 years", "year", Interval(1, 1.55), None)]),
    # Not ranges: a change ("from ... to"), a hedge on the second end alone, ends out of
    # order, two units.
    ("the visa-free stay was extended from 15 to 30 days", [("30 days", "day", Interval.point(30), None)]),
    ("4 to about 6 months", [("about 6 months", "month", Interval(5.4, 6.6), "about")]),
    ("It lasted 3 days and 2 weeks", [("3 days", "day", Interval.point(3), None), ("2 weeks", "week", Interval.point(2), None)]),
    ("in just two months", [("two months", "month", Interval.point(2), None)]),
    ("a little over two months", [("a little over two months", "month", Interval(2, 2.3, low_open=True), "a little over")]),
    ("two weeks and a fortnight later, 1.5 years", [
        ("two weeks", "week", Interval.point(2), None),
        ("1.5 years", "year", Interval(1.45, 1.55), None),
    ]),
    ("a 30-year partnership across three centuries", [
        ("30-year", "year", Interval.point(30), None),
        ("three centuries", "year", Interval.point(300), None),
    ]),
    ("two and a half years", [("two and a half years", "year", Interval(2.45, 2.55), None)]),
    ("one year and 6 months", [("one year", "year", Interval.point(1), None), ("6 months", "month", Interval.point(6), None)]),
    # "a year" is a length only after a hedge.
    ("more than a decade and nearly a year", [
        ("more than a decade", "year", Interval(10, INF, low_open=True), "more than"),
        ("nearly a year", "year", Interval(0.9, 1), "nearly"),
    ]),
]

NOTHING = [
    "a 30-year-old man, 30 years old",
    "China's 15th Five-Year Plan",
    "$5 billion a year",
    "the second year and the 1990s",
    "a four-days trip",
    "every day of the year",
    "Just over two months ago and three days later",
    "more than a decade ago",
    "half a century ago, a quarter of a dollar, half a year, the first half of the decade",
    "won 3-1 days later",
]


@pytest.mark.parametrize("text,expected", CASES)
def test_durations(text: str, expected: list[tuple[str, str, Interval, str | None]]) -> None:
    check(text, expected)


def test_over_a_length_of_time_holds_the_length_itself() -> None:
    # "talks held over three days" and "a three-day summit" are one fact, not two.
    [over] = find_durations("The talks were held over three days.", ScanContext())
    [plain] = find_durations("a three-day summit", ScanContext())
    assert compatible(over.value, plain.value) is Compat.COMPATIBLE
    # "more than" has no such second sense: it still leaves the figure out.
    [more] = find_durations("more than three days", ScanContext())
    assert compatible(more.value, plain.value) is Compat.INCOMPATIBLE


def test_a_duration_hedge_mode_must_be_known(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.values import durations

    real = durations.load_yaml("units.yaml")
    monkeypatch.setattr(durations, "load_yaml", lambda name: {**real, "duration_hedge_modes": {"over": "during"}})
    durations._units.cache_clear()
    try:
        with pytest.raises(ValueError, match="duration_hedge_modes.*'during'"):
            durations._units()
    finally:
        durations._units.cache_clear()


def test_a_range_is_compared_as_a_whole() -> None:
    # Read as "10 years" alone, "5 to 10 years" would contradict a source's "seven years".
    [either] = find_durations("He faces 5 to 10 years in prison.", ScanContext())
    [seven] = find_durations("a seven-year sentence", ScanContext())
    [twelve] = find_durations("a 12-year sentence", ScanContext())
    assert compatible(either.value, seven.value) is Compat.COMPATIBLE
    assert compatible(either.value, twelve.value) is Compat.INCOMPATIBLE


def test_no_range_across_a_line_or_a_full_stop() -> None:
    for text in ("Talks lasted 2 to\n3 days", "Talks lasted 2. To 3 days"):
        assert [(t, i) for t, _, i, _ in found(text)] == [("3 days", Interval.point(3))], text


@pytest.mark.parametrize("text", NOTHING)
def test_not_a_duration(text: str) -> None:
    assert found(text) == []


def test_units_convert_when_compared() -> None:
    (weeks,) = find_durations("two weeks", ScanContext())
    (days,) = find_durations("14 days", ScanContext())
    (month,) = find_durations("a 1-month trip", ScanContext())
    assert compatible(weeks.value, days.value) is Compat.COMPATIBLE
    assert compatible(weeks.value, month.value) is Compat.INCOMPATIBLE


# Read as Latin-1 text, with a wider character, and with a character lower-casing would
# change: "a"/"an" before a unit is found on the lower-cased text, or else on the text.
THREE_WAYS = ("", " \u2019", " \u212a")
SCAN_CASES = [
    ("for more than a\tdecade and nearly an\u00a0year, then a year", [
        ("more than a\tdecade", "year", Interval(10, INF, low_open=True), "more than"),
        ("nearly an\u00a0year", "year", Interval(0.9, 1), "nearly")]),
    ("a four-day visit of 11 years\nabout 2 weeks ago", [
        ("four-day", "day", Interval.point(4), None), ("11 years", "year", Interval.point(11), None)]),
    ("Over 30 years old and 3 days later, after Nearly A Decade", [
        ("Nearly A Decade", "year", Interval(9, 10), "nearly")]),
]


@pytest.mark.parametrize("suffix", THREE_WAYS)
@pytest.mark.parametrize("text,expected", SCAN_CASES)
def test_every_scan_reads_the_same(text: str, expected: list[tuple[str, str, Interval, str | None]], suffix: str) -> None:
    check(text + suffix, expected)


@pytest.mark.parametrize("text, shown", [
    ("a one-day visit", "1 day"),
    ("a two-day visit", "2 days"),
    ("for about a year", "[0.9, 1.1] years"),
])
def test_a_duration_is_shown_with_its_unit_in_number(text: str, shown: str) -> None:
    [duration] = find_durations(text, ScanContext())
    assert duration.value.display() == shown
