"""A rule's comparison options on top of set intersection."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from checker.comparison import Comparator
from checker.rules.loader import load_rules
from checker.values.types import Amount, Compat, DateSpan, Interval, Money, Quantity
from tests.conftest import RULES

GROWTH = load_rules(RULES).by_id("trade-growth")


def percent(low: float, high: float | None = None) -> Quantity:
    return Quantity("percent", Interval(low, low if high is None else high))


@pytest.mark.parametrize("a, b, verdict", [
    (percent(3.1), percent(3), Compat.COMPATIBLE),  # 3 is 3.1 rounded
    (percent(3.49), percent(3), Compat.COMPATIBLE),
    (percent(3.5), percent(3), Compat.COMPATIBLE),  # 3.46 fits both
    (percent(3.6), percent(3), Compat.INCOMPATIBLE),
    (percent(3), percent(4), Compat.INCOMPATIBLE),
    (percent(12.25), percent(12.3), Compat.COMPATIBLE),
    (percent(12.2), percent(12.3), Compat.INCOMPATIBLE),
    (percent(250), percent(251), Compat.INCOMPATIBLE),
    (percent(2.7, 3.3), percent(3.3), Compat.COMPATIBLE),  # "about 3%"
    (percent(2.7, 3.3), percent(3.4), Compat.INCOMPATIBLE),  # a hedged range is not widened again
])
def test_rounding_reads_a_figure_as_written(a: Quantity, b: Quantity, verdict: Compat) -> None:
    comparator = Comparator(GROWTH, {})
    assert GROWTH.rounding
    assert comparator.verdict(a, b) is verdict
    assert comparator.verdict(b, a) is verdict


def test_without_rounding_figures_are_exact() -> None:
    exact = Comparator(replace(GROWTH, rounding=False), {})
    assert exact.verdict(percent(3.1), percent(3)) is Compat.INCOMPATIBLE


TRADE = load_rules(RULES).by_id("trade-value")


def usd(low: float, high: float) -> Money:
    return Money((Amount("USD", Interval(low, high)),))


@pytest.mark.parametrize("a, b, verdict", [
    # "$1.6 billion" and "$1.7 billion" are 1.55-1.65 and 1.65-1.75 billion: they meet
    # only at the edge that rounds up, which belongs to the second.
    (usd(1.55e9, 1.65e9), usd(1.65e9, 1.75e9), Compat.INCOMPATIBLE),
    (usd(1.55e9, 1.65e9), usd(1.6e9, 1.6e9), Compat.COMPATIBLE),
    (usd(2.135e12, 2.145e12), usd(2.145e12, 2.155e12), Compat.INCOMPATIBLE),  # 2.14 / 2.15 trillion
    # A hedged range keeps both its ends: "about $1.5 billion" still holds 1.65 billion.
    (usd(1.35e9, 1.65e9), usd(1.65e9, 1.75e9), Compat.COMPATIBLE),
])
def test_neighbouring_rounded_figures_do_not_meet(a: Money, b: Money, verdict: Compat) -> None:
    comparator = Comparator(TRADE, {})
    assert comparator.verdict(a, b) is verdict
    assert comparator.verdict(b, a) is verdict


MEETING = load_rules(RULES).by_id("meeting-date")


class _Bucket:
    """One value, as the engine's buckets hold it (no dated claims needed here)."""

    def __init__(self, value: DateSpan) -> None:
        self.value = value
        self.claims: list = []


def day(text: str) -> DateSpan:
    d = dt.date.fromisoformat(text)
    return DateSpan(d, d)


OCT_7_ANY_YEAR = DateSpan(None, None, month_days=frozenset({(10, 7)}))


@pytest.mark.parametrize("a, b, conflict", [
    (day("2025-05-06"), day("2025-05-08"), True),  # one visit, two dates
    (day("2025-05-06"), day("2025-08-11"), False),  # two visits, months apart
    # A day of the year with no year ("the Oct. 7 attacks") is one occasion with a date
    # near one of its days, and another occasion than a date far from all of them.
    (OCT_7_ANY_YEAR, day("2023-10-09"), True),
    (OCT_7_ANY_YEAR, day("2025-05-06"), False),
    (OCT_7_ANY_YEAR, day("2024-12-20"), False),
    # "on Monday" with no publication date: some Monday, so any far date may be it.
    (DateSpan(None, None, weekdays=frozenset({0})), day("2025-05-06"), True),
])
def test_dates_apart_are_different_occasions(a: DateSpan, b: DateSpan, conflict: bool) -> None:
    comparator = Comparator(MEETING, {})
    assert MEETING.same_event_within_days == 60
    assert comparator.conflict(_Bucket(a), _Bucket(b)) is conflict
    assert comparator.conflict(_Bucket(b), _Bucket(a)) is conflict
