"""Normalized values: every value is a set (an interval, a set of days, a set of labels).

Two values are *compatible* when their sets intersect. That single rule gives agreement,
contradiction and tolerance: hedges widen the set ("about 200" -> [180, 220]), so a
hedged figure can only contradict a figure that lies outside its whole range.

Values whose sets cannot be put side by side (different currencies with no rate,
days against money) are *not comparable*: never a contradiction.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from enum import Enum
from typing import Mapping, Union

from checker.values import dates_sets


class Compat(str, Enum):
    """Outcome of putting two values side by side."""

    COMPATIBLE = "compatible"
    INCOMPATIBLE = "incompatible"
    NOT_COMPARABLE = "not_comparable"


@dataclass(frozen=True)
class Interval:
    """A real interval. ``None`` bounds are unbounded; ``*_open`` excludes the bound."""

    low: float | None
    high: float | None
    low_open: bool = False
    high_open: bool = False

    @staticmethod
    def point(x: float) -> "Interval":
        return Interval(x, x)

    def intersects(self, other: "Interval") -> bool:
        """True when the two intervals share at least one point."""
        return _below_or_touching(self, other) and _below_or_touching(other, self)

    def scaled(self, factor: float) -> "Interval":
        """The interval multiplied by a positive factor."""
        return Interval(
            None if self.low is None else self.low * factor,
            None if self.high is None else self.high * factor,
            self.low_open,
            self.high_open,
        )

    def negated(self) -> "Interval":
        """The interval of the opposite numbers ("fell 6%" is a change of -6%)."""
        return Interval(
            None if self.high is None else -self.high,
            None if self.low is None else -self.low,
            self.high_open,
            self.low_open,
        )

    def shifted(self, delta: float) -> "Interval":
        """The interval moved by ``delta`` ("three previous meetings" make this one the fourth)."""
        return Interval(
            None if self.low is None else self.low + delta,
            None if self.high is None else self.high + delta,
            self.low_open,
            self.high_open,
        )

    def widened(self, rel: float) -> "Interval":
        """The interval widened on both sides by ``rel`` of each bound (a tolerance)."""
        low = None if self.low is None else self.low - abs(self.low) * rel
        high = None if self.high is None else self.high + abs(self.high) * rel
        return Interval(low, high, self.low_open, self.high_open)

    def display(self) -> str:
        """Human-readable form: ``15``, ``2.14 trillion``, ``[180, 220]``, ``(200, ∞)``.

        A rounding interval ([1.55, 1.65], from "1.6") is shown as the figure it came from.
        """
        if self.low is not None and self.low == self.high and not (self.low_open or self.high_open):
            return _fmt(self.low)
        rounded = self._rounded_figure()
        if rounded is not None:
            return rounded
        left = "(" if self.low_open or self.low is None else "["
        right = ")" if self.high_open or self.high is None else "]"
        low = "-∞" if self.low is None else _fmt(self.low)
        high = "∞" if self.high is None else _fmt(self.high)
        return f"{left}{low}, {high}{right}"

    def _rounded_figure(self) -> str | None:
        if self.low is None or self.high is None or self.low_open or self.high_open or self.high <= self.low:
            return None
        unit = self.high - self.low
        exponent = round(math.log10(unit))
        if not math.isclose(unit, 10.0**exponent, rel_tol=1e-9):
            return None
        middle = (self.low + self.high) / 2
        steps = middle / unit
        if not math.isclose(steps, round(steps), rel_tol=0, abs_tol=1e-6):
            return None
        return _fmt(round(middle, max(0, -exponent)))

    def to_json(self) -> dict[str, object]:
        return {
            "low": self.low,
            "high": self.high,
            "low_open": self.low_open,
            "high_open": self.high_open,
        }


def _below_or_touching(a: Interval, b: Interval) -> bool:
    """True when a's low bound does not lie strictly above b's high bound."""
    if a.low is None or b.high is None:
        return True
    if a.low < b.high:
        return True
    if a.low == b.high:
        return not (a.low_open or b.high_open)
    # Tolerate float noise from scaling (2.14e12 vs 2140e9).
    return math.isclose(a.low, b.high, rel_tol=1e-12) and not (a.low_open or b.high_open)


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _fmt(x: float) -> str:
    """A number as a reader writes it: 15, 1,250, 2.14 trillion, 1.6."""
    for size, word in _SCALES:
        if abs(x) >= size:
            scaled = x / size
            if math.isclose(scaled, round(scaled, 4), rel_tol=0, abs_tol=1e-9):
                return f"{round(scaled, 4):g} {word}"
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.6g}" if abs(x) >= 1 else f"{x:.6g}"


@dataclass(frozen=True)
class Quantity:
    """A plain quantity: a count, an ordinal, a multiplier, a percentage, a duration.

    ``kind`` is one of ``number``, ``percent``, ``percentage_point``, ``duration``.
    ``form`` says how the number was written: ``cardinal`` ("15", "fifteen"),
    ``ordinal`` ("second", "15th") or ``multiplicative`` ("twice", "three times").
    ``unit`` is the duration unit (``day``, ``week``, ``month``, ``year``) or None.
    """

    kind: str
    interval: Interval
    form: str = "cardinal"
    unit: str | None = None

    def display(self) -> str:
        shown = self.interval.display()
        if self.kind == "percent":
            return f"{shown}%"
        if self.kind == "percentage_point":
            return f"{shown} pp"
        if self.kind == "duration" and self.unit:
            return f"{shown} {self.unit}" if shown == "1" else f"{shown} {self.unit}s"  # "1 day", "2 days"
        # "second meeting" and "met twice" both say 2: the form stays in the claim's text.
        return shown


@dataclass(frozen=True)
class Amount:
    """One amount of money in one currency (ISO 4217 code), in units of that currency."""

    currency: str
    interval: Interval

    def display(self) -> str:
        return f"{self.currency} {self.interval.display()}"


@dataclass(frozen=True)
class Money:
    """Money; a parenthetical conversion gives one value carrying several amounts."""

    amounts: tuple[Amount, ...]
    kind: str = field(default="money", init=False)

    def display(self) -> str:
        return " = ".join(a.display() for a in self.amounts)


@dataclass(frozen=True)
class DateSpan:
    """A set of days: an inclusive range of dates, optionally limited by constraints.

    "Jan. 5, 2026" -> low = high = 2026-01-05. "in November 2025" -> the whole month.
    Without a publication date the year is unknown and the range open: "on Monday" ->
    weekdays = {0}; "in November" -> months = {11}; "January 5" -> month_days =
    {(1, 5)}; "Monday, January 5" -> both. A day is in the set when it lies in the
    range and meets every constraint given (None: no constraint). Weekdays follow
    ``datetime.date.weekday()``: Monday is 0; months and (month, day) count from 1.
    """

    low: dt.date | None
    high: dt.date | None
    weekdays: frozenset[int] | None = None
    months: frozenset[int] | None = None
    month_days: frozenset[tuple[int, int]] | None = None
    kind: str = field(default="date", init=False)

    def display(self) -> str:
        """ "2026-01-05", "2025-11-01..2025-11-30", "Mon", "Nov", "Jan-05", "Mon Jan-05"."""
        return dates_sets.display(self)


@dataclass(frozen=True)
class Label:
    """An enumerated value: one or more labels (e.g. ``visa_free``, ``unilateral``)."""

    labels: frozenset[str]
    kind: str = field(default="label", init=False)

    def display(self) -> str:
        return ", ".join(sorted(self.labels))


Value = Union[Quantity, Money, DateSpan, Label]

# Exact conversions between duration units; a year is 365 or 366 days, a month 28 to 31.
_DAYS_PER_UNIT: Mapping[str, tuple[float, float]] = {
    "day": (1, 1),
    "week": (7, 7),
    "month": (28, 31),
    "year": (365, 366),
}


def compatible(a: Value, b: Value, rates: Mapping[tuple[str, str], tuple[float, float]] | None = None) -> Compat:
    """Whether two values can both be true: their sets intersect.

    ``rates`` maps (FROM, TO) currency codes to an interval of accepted rates (the rate
    with its tolerance), e.g. ``{("CNY", "USD"): (0.138, 0.142)}``. Different kinds,
    units or currencies without a conversion are ``NOT_COMPARABLE``, never incompatible.
    """
    if isinstance(a, Quantity) and isinstance(b, Quantity):
        return _compare_quantities(a, b)
    if isinstance(a, Money) and isinstance(b, Money):
        return _compare_money(a, b, rates or {})
    if isinstance(a, DateSpan) and isinstance(b, DateSpan):
        return _verdict(dates_intersect(a, b))
    if isinstance(a, Label) and isinstance(b, Label):
        return _verdict(bool(a.labels & b.labels))
    return Compat.NOT_COMPARABLE


def _verdict(intersects: bool) -> Compat:
    return Compat.COMPATIBLE if intersects else Compat.INCOMPATIBLE


def _compare_quantities(a: Quantity, b: Quantity) -> Compat:
    if a.kind != b.kind:
        return Compat.NOT_COMPARABLE
    if a.kind != "duration" or a.unit == b.unit:
        return _verdict(a.interval.intersects(b.interval))
    if a.unit not in _DAYS_PER_UNIT or b.unit not in _DAYS_PER_UNIT:
        return Compat.NOT_COMPARABLE
    return _verdict(_in_days(a).intersects(_in_days(b)))


def _in_days(q: Quantity) -> Interval:
    lo_factor, hi_factor = _DAYS_PER_UNIT[q.unit or "day"]
    i = q.interval
    return Interval(
        None if i.low is None else i.low * lo_factor,
        None if i.high is None else i.high * hi_factor,
        i.low_open,
        i.high_open,
    )


def _compare_money(a: Money, b: Money, rates: Mapping[tuple[str, str], tuple[float, float]]) -> Compat:
    a_amounts, b_amounts = _as_precise_as_stated(a), _as_precise_as_stated(b)
    # A shared currency is the most direct comparison; any shared one decides.
    verdicts = [
        x.interval.intersects(y.interval)
        for x in a_amounts
        for y in b_amounts
        if x.currency == y.currency
    ]
    if verdicts:
        return _verdict(all(verdicts))
    for x in a_amounts:
        for y in b_amounts:
            converted = _convert(x, y.currency, rates)
            if converted is not None:
                return _verdict(converted.intersects(y.interval))
    return Compat.NOT_COMPARABLE


def _as_precise_as_stated(money: Money) -> tuple[Amount, ...]:
    """The amounts of ``money``, a conversion in brackets widened to the precision of the
    amount it converts.

    "AED3.2 billion (US$871 million)": the dollars are worked out from a figure rounded
    to a tenth of a billion dirhams, so they stand for what AED 3.15 to 3.25 billion
    come to at the rate the two figures imply, about US$857 to 885 million, and agree
    with "US$870 million".
    """
    if len(money.amounts) < 2:
        return money.amounts
    first = money.amounts[0].interval
    if first.low is None or first.high is None or first.low <= 0:
        return money.amounts
    middle = (first.low + first.high) / 2
    out = [money.amounts[0]]
    for amount in money.amounts[1:]:
        i = amount.interval
        if i.low is None or i.high is None:
            out.append(amount)
            continue
        converted = (i.low + i.high) / 2
        low, high = min(i.low, converted * first.low / middle), max(i.high, converted * first.high / middle)
        out.append(Amount(amount.currency, Interval(low, high, i.low_open and low == i.low, i.high_open and high == i.high)))
    return tuple(out)


def _convert(amount: Amount, to: str, rates: Mapping[tuple[str, str], tuple[float, float]]) -> Interval | None:
    """The amount in another currency, widened by the rate's range; None with no rate."""
    if (amount.currency, to) in rates:
        low_rate, high_rate = rates[(amount.currency, to)]
    elif (to, amount.currency) in rates:
        back_low, back_high = rates[(to, amount.currency)]
        low_rate, high_rate = 1 / back_high, 1 / back_low
    else:
        return None
    i = amount.interval
    return Interval(
        None if i.low is None else i.low * low_rate,
        None if i.high is None else i.high * high_rate,
        i.low_open,
        i.high_open,
    )


def dates_intersect(a: DateSpan, b: DateSpan) -> bool:
    """True when some day lies in both sets (ranges, weekdays, months, days of the year)."""
    return dates_sets.intersect(a, b)
