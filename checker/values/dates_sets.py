"""Sets of days: whether two :class:`~checker.values.types.DateSpan` share a day, and
how one is shown.

A set of days is a range (either end may be open) with constraints on top: weekdays,
months, days of the year (month, day). Without a publication date the year is unknown
("in November", "Monday, January 5"), so such sets are unbounded and only their
constraints say anything; two of them, or one and a dated range, are compatible when
some real day satisfies everything at once. The answer is exact: for bounded stretches
the calendar is walked (months, then days), and open ends are cut to 400 years, the
length after which the Gregorian calendar repeats weekday for weekday.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from checker.values.types import DateSpan

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_CYCLE_YEARS = 400
_FREE_CYCLE = (2000, 2000 + _CYCLE_YEARS - 1)  # any 400 consecutive years will do


def intersect(a: DateSpan, b: DateSpan) -> bool:
    """True when some day lies in both sets."""
    low = a.low if b.low is None or (a.low is not None and a.low > b.low) else b.low
    high = a.high if b.high is None or (a.high is not None and a.high < b.high) else b.high
    if low is not None and high is not None and low > high:
        return False
    weekdays = _common(a.weekdays, b.weekdays)
    months = _common(a.months, b.months)
    month_days = _common(a.month_days, b.month_days)
    if months is not None and month_days is not None:
        month_days = frozenset(md for md in month_days if md[0] in months)
    if (weekdays is not None and not weekdays) or (months is not None and not months):
        return False
    if month_days is not None:
        return _month_day_in(low, high, month_days, weekdays)
    if months is not None:
        return _month_in(low, high, months, weekdays)
    return _weekday_in(low, high, weekdays)


def _common(a: frozenset | None, b: frozenset | None) -> frozenset | None:
    if a is None:
        return b
    if b is None:
        return a
    return a & b


def _weekday_in(low: dt.date | None, high: dt.date | None, weekdays: frozenset[int] | None) -> bool:
    """Whether the range holds one of the weekdays (a week holds them all)."""
    if weekdays is None or low is None or high is None or (high - low).days >= 6:
        return True
    return any((low + dt.timedelta(days=k)).weekday() in weekdays for k in range((high - low).days + 1))


def _month_in(low: dt.date | None, high: dt.date | None, months: frozenset[int],
              weekdays: frozenset[int] | None) -> bool:
    """Whether the range holds a day of one of the months (and of the weekdays)."""
    if low is None or high is None:
        return True  # a whole occurrence of the month lies in any half-open range
    year, month = low.year, low.month
    for _ in range(14):  # past 13 months, a whole occurrence of every month lies inside
        if (year, month) > (high.year, high.month):
            return False
        if month in months:
            first = max(low, dt.date(year, month, 1))
            last = min(high, dt.date(year, month, calendar.monthrange(year, month)[1]))
            if _weekday_in(first, last, weekdays):
                return True
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return True


def _month_day_in(low: dt.date | None, high: dt.date | None, month_days: frozenset[tuple[int, int]],
                  weekdays: frozenset[int] | None) -> bool:
    """Whether the range holds one of the days of the year (on one of the weekdays).

    February 29 needs a leap year; a day of the year meets every weekday within the
    400-year cycle, so an open range is cut to one cycle.
    """
    real = [(m, d) for m, d in month_days if 1 <= m <= 12 and 1 <= d <= calendar.monthrange(2000, m)[1]]
    if not real:
        return False
    if low is None and high is None:
        first_year, last_year = _FREE_CYCLE
    elif low is None:
        first_year, last_year = high.year - _CYCLE_YEARS + 1, high.year  # type: ignore[union-attr]
    else:
        last_year = low.year + _CYCLE_YEARS - 1 if high is None else min(high.year, low.year + _CYCLE_YEARS)
        first_year = low.year
    for year in range(max(1, first_year), min(dt.MAXYEAR, last_year) + 1):
        for month, day in real:
            if day > calendar.monthrange(year, month)[1]:
                continue  # February 29 of a common year
            found = dt.date(year, month, day)
            if (low is None or found >= low) and (high is None or found <= high):
                if weekdays is None or found.weekday() in weekdays:
                    return True
    return False


def display(span: DateSpan) -> str:
    """A short form: "2026-01-05", "2025-11-01..2025-11-30", "Mon", "Nov", "Jan-05",
    "Mon Jan-05", "Fri 2026-01-09..2026-01-16"; "any day" for no constraint at all."""
    parts = []
    if span.weekdays is not None:
        parts.append("/".join(WEEKDAY_NAMES[d] for d in sorted(span.weekdays)))
    if span.month_days is not None:
        parts.append("/".join(_day_runs(sorted(span.month_days))))
    elif span.months is not None:
        parts.append("/".join(MONTH_NAMES[m - 1] for m in sorted(span.months)))
    if span.low is not None or span.high is not None:
        if span.low == span.high and span.low is not None:
            parts.append(span.low.isoformat())
        else:
            low = span.low.isoformat() if span.low else "…"
            high = span.high.isoformat() if span.high else "…"
            parts.append(f"{low}..{high}")
    return " ".join(parts) or "any day"


def _day_runs(days: Iterable[tuple[int, int]]) -> list[str]:
    """Days of the year as runs of consecutive days in one month: "Nov-10..Nov-20"."""
    runs: list[list[tuple[int, int]]] = []
    for month, day in days:
        if runs and runs[-1][-1] == (month, day - 1):
            runs[-1].append((month, day))
        else:
            runs.append([(month, day)])
    out = []
    for run in runs:
        first, last = (f"{MONTH_NAMES[m - 1]}-{d:02d}" for m, d in (run[0], run[-1]))
        out.append(first if len(run) == 1 else f"{first}..{last}")
    return out
