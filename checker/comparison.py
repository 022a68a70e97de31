"""A rule's comparison semantics on top of :func:`compatible`: tolerance, growth, occasions."""

from __future__ import annotations

import datetime as dt
import decimal
import math
from dataclasses import replace
from typing import Mapping, Protocol, Sequence

from checker.rules.model import Rule
from checker.values.dates_sets import intersect as dates_intersect
from checker.values.types import Amount, Compat, DateSpan, Interval, Label, Money, Quantity, compatible


class _Claimish(Protocol):
    as_of: dt.date | None


class _BucketLike(Protocol):
    value: object
    claims: Sequence[_Claimish]


class Comparator:
    """Compares buckets of claims (claims sharing one value) under one rule."""

    def __init__(self, rule: Rule, rates: Mapping[tuple[str, str], tuple[float, float]]) -> None:
        self.rule = rule
        self.rates = rates

    def verdict(self, a: object, b: object) -> Compat:
        """Compatibility of two values after the rule's tolerance widens them."""
        return compatible(self._widen(a), self._widen(b), self.rates)  # type: ignore[arg-type]

    def compatible(self, a: _BucketLike, b: _BucketLike) -> bool:
        """True when the two values can both be true."""
        return a is b or self.verdict(a.value, b.value) is Compat.COMPATIBLE

    def conflict(self, a: _BucketLike, b: _BucketLike) -> bool:
        """True when the values cannot both be true and nothing in the rule explains it."""
        if a is b or self.verdict(a.value, b.value) is not Compat.INCOMPATIBLE:
            return False
        if self.rule.same_event_within_days is not None and self._different_occasions(a, b):
            return False
        if self.rule.cumulative:
            return self._shrinks(a, b) or self._shrinks(b, a)
        return True

    def _different_occasions(self, a: _BucketLike, b: _BucketLike) -> bool:
        """Two dates too far apart to be the same occasion ("May 6" vs "August 11")."""
        if isinstance(a.value, DateSpan) and isinstance(b.value, DateSpan):
            return not _within_days(a.value, b.value, self.rule.same_event_within_days or 0)
        return False

    def superseded(self, old: _BucketLike, new: _BucketLike) -> bool:
        """A cumulative value that a later, larger value replaced."""
        if not _below(old.value, new.value):
            return False
        old_dates = [c.as_of for c in old.claims]
        new_dates = [c.as_of for c in new.claims if c.as_of is not None]
        if any(d is None for d in old_dates) or not new_dates:
            return False
        return (max(new_dates) - max(d for d in old_dates if d is not None)).days > self.rule.no_update_within_days

    def _shrinks(self, big: _BucketLike, small: _BucketLike) -> bool:
        """Some claim of ``small`` is dated on or after a claim of ``big`` with a larger value."""
        if not _below(small.value, big.value):
            return False
        big_dates = [c.as_of for c in big.claims if c.as_of is not None]
        small_dates = [c.as_of for c in small.claims if c.as_of is not None]
        # An undated count cannot be placed in time, so growth cannot be ruled out; a
        # count reported within ``no_update_within_days`` after a smaller one is no update.
        return bool(big_dates and small_dates) and \
            (min(big_dates) - max(small_dates)).days <= self.rule.no_update_within_days

    def _widen(self, value: object) -> object:
        if isinstance(value, Quantity):
            interval = _as_rounded(value.interval) if self.rule.rounding else _half_open(value.interval)
            value = replace(value, interval=interval)
        elif isinstance(value, Money):
            value = Money(tuple(Amount(a.currency, _half_open(a.interval)) for a in value.amounts))
        tolerance = self.rule.tolerance
        if not tolerance:
            return value
        if isinstance(value, Quantity):
            return replace(value, interval=value.interval.widened(tolerance))
        if isinstance(value, Money):
            return Money(tuple(Amount(a.currency, a.interval.widened(tolerance)) for a in value.amounts))
        return value

    def width(self, value: object) -> float:
        """How wide a value's set is, as the rule reads it; narrower values are shown as
        a group's value ("3.1%" rather than "3%", which rounding reads as [2.5, 3.5))."""
        value = self._widen(value)
        if isinstance(value, Quantity):
            return _interval_width(value.interval)
        if isinstance(value, Money):
            return min(_interval_width(a.interval) / max(abs(a.interval.high or 1), 1) for a in value.amounts)
        if isinstance(value, DateSpan):
            if value.low is None or value.high is None:
                return float("inf") if value.weekdays is None else 1e9 - len(value.weekdays or ())
            return (value.high - value.low).days
        if isinstance(value, Label):
            return len(value.labels)
        return float("inf")


def _half_open(interval: Interval) -> Interval:
    """A figure's rounding interval ("1.6" is 1.55 up to 1.65), made half-open with exact
    decimal bounds, so that "1.6" and "1.7" do not meet at 1.65. Other sets are left as
    they are.

    The value parsers give a figure written to a tenth the closed interval of width one
    tenth around it; such an interval is recognised by its width (a power of ten) and
    its middle (a whole number of those units).
    """
    low, high = interval.low, interval.high
    if low is None or high is None or interval.low_open or interval.high_open or high <= low:
        return interval
    unit = high - low
    exponent = round(math.log10(unit))
    if not math.isclose(unit, 10.0**exponent, rel_tol=1e-9):
        return interval
    middle = (low + high) / 2
    if not math.isclose(middle / unit, round(middle / unit), rel_tol=0, abs_tol=1e-6):
        return interval
    written = decimal.Decimal(repr(round(middle, max(0, -exponent))))
    half = decimal.Decimal(1).scaleb(exponent) / 2
    return Interval(float(written - half), float(written + half), low_open=False, high_open=True)


def _as_rounded(interval: Interval) -> Interval:
    """An exact figure as every value that rounds to it where it was written: "3%" is
    [2.5, 3.5), "3.1%" is [3.05, 3.15). Half-open, so that "1.6%" and "1.7%" still
    conflict. A figure with a hedge or a range is left as it is."""
    value = interval.low
    if value is None or value != interval.high or not math.isfinite(value):
        return _half_open(interval)
    written = decimal.Decimal(repr(value))
    # In decimal arithmetic, so that the bounds of neighbours meet exactly (1.65).
    half = decimal.Decimal(1).scaleb(min(0, int(written.normalize().as_tuple().exponent))) / 2
    return Interval(float(written - half), float(written + half), low_open=False, high_open=True)


def _interval_width(i: Interval) -> float:
    if i.low is None or i.high is None:
        return float("inf")
    return i.high - i.low


def _below(a: object, b: object) -> bool:
    if not (isinstance(a, Quantity) and isinstance(b, Quantity)):
        return False
    high, low = a.interval.high, b.interval.low
    return high is not None and low is not None and high <= low


def _within_days(a: DateSpan, b: DateSpan, days: int) -> bool:
    """Whether the two sets of days come within ``days`` of each other: can they be one
    occasion?

    A set without a range of its own ("the Oct. 7 attacks": Oct. 7 of some year; "on
    Monday" with no publication date) is placed by its constraints near the other's
    range: Oct. 7 of any year is within 60 days of "Sept. 20, 2023" but not of "May 6,
    2025". Two sets that neither can place are taken as one occasion, and compared.
    """
    if a.low is not None and a.high is not None and b.low is not None and b.high is not None:
        return max((b.low - a.high).days, (a.low - b.high).days) <= days
    for placed, other in ((a, b), (b, a)):
        if placed.low is not None and placed.high is not None:
            return dates_intersect(other, DateSpan(_shifted(placed.low, -days), _shifted(placed.high, days)))
    return True


def _shifted(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, kept within the calendar."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.min if days < 0 else dt.date.max
