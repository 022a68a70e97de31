"""Calendar arithmetic for the date parser: spans of days, periods, year inference.

Everything here is pure and independent of wording: months, quarters, ISO weeks
(Monday to Sunday), shifting by calendar units, and choosing which year a date written
without one belongs to.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Mapping

from checker.values.types import DateSpan

Yearly = Callable[[int], "Span | None"]


# A set of days is the value type itself, so that a resolved expression is its value.
Span = DateSpan


@dataclass(frozen=True)
class Frame:
    """What resolving an expression needs: the publication date and the tense around it.

    ``future``: the sentence looks ahead. ``past``: it plainly speaks of the past, so a
    date without a year has begun by publication (give or take ``past_grace_days``).
    Neither: the tense is unknown.
    """

    published: dt.date | None
    future: bool = False
    ahead_days: int = 90
    past: bool = False
    past_grace_days: int = 1


# The spans of days, months and years are made once each: values are immutable, and a
# text names the same days many times.
@lru_cache(maxsize=4096)
def day(d: dt.date) -> Span:
    """A single day."""
    return Span(d, d)


def make_date(year: int, month: int, day_: int) -> dt.date | None:
    """The date, or None when it does not exist (February 30)."""
    try:
        return dt.date(year, month, day_)
    except ValueError:
        return None


def month_end(year: int, month: int) -> dt.date:
    """Last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=4096)
def month_span(year: int, month: int) -> Span:
    """The whole month."""
    return Span(dt.date(year, month, 1), month_end(year, month))


@lru_cache(maxsize=4096)
def months_span(year: int, first: int, last: int) -> Span:
    """Months ``first``..``last`` of a year; months past 12 run into the next year."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return Span(dt.date(year, first, 1), month_end(end_year, end_month))


@lru_cache(maxsize=1024)
def year_span(year: int) -> Span:
    """The whole calendar year."""
    return Span(dt.date(year, 1, 1), dt.date(year, 12, 31))


def week_start(d: dt.date) -> dt.date:
    """Monday of the week containing ``d``."""
    return d - dt.timedelta(days=d.weekday())


def week_span(d: dt.date) -> Span:
    """The Monday-to-Sunday week containing ``d``."""
    monday = week_start(d)
    return Span(monday, monday + dt.timedelta(days=6))


def add_months(d: dt.date, months: int) -> dt.date:
    """Shift by calendar months, clamping the day (Jan 31 + 1 month -> Feb 28/29)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(d.day, last))


def shift(d: dt.date, unit: Mapping[str, int], count: int) -> dt.date:
    """Shift a date by ``count`` units; a unit is ``{days: n}`` or ``{months: n}``."""
    if "months" in unit:
        return add_months(d, unit["months"] * count)
    return d + dt.timedelta(days=unit["days"] * count)


def unit_period(unit: str, d: dt.date, offset: int) -> Span:
    """The calendar period (week, month, quarter, year, decade) ``offset`` periods from d's."""
    if unit == "day":
        return day(d + dt.timedelta(days=offset))
    if unit == "week":
        return week_span(d + dt.timedelta(weeks=offset))
    if unit == "weekend":
        saturday = week_start(d) + dt.timedelta(days=5 + 7 * offset)
        return Span(saturday, saturday + dt.timedelta(days=1))
    if unit == "month":
        first = add_months(d.replace(day=1), offset)
        return month_span(first.year, first.month)
    if unit == "quarter":
        index = d.year * 4 + (d.month - 1) // 3 + offset
        year, quarter = divmod(index, 4)
        return months_span(year, quarter * 3 + 1, quarter * 3 + 3)
    if unit == "decade":
        start = (d.year // 10 + offset) * 10
        return Span(dt.date(start, 1, 1), dt.date(start + 9, 12, 31))
    return year_span(d.year + offset)


def part(span: Span, unit: str, bounds: tuple[int, int]) -> Span:
    """A part ("early", "late"...) of a period, from 1-based inclusive positions.

    Positions count days for a month or week, months for a year, years (from 0) for a
    decade; a negative last position counts from the end.
    """
    low, high = span.low, span.high
    assert low is not None and high is not None
    first, last = bounds
    if unit == "year":
        end = last if last > 0 else 13 + last
        return months_span(low.year, first, end)
    if unit == "decade":
        return Span(dt.date(low.year + first, 1, 1), dt.date(low.year + last, 12, 31))
    length = (high - low).days + 1
    start = low + dt.timedelta(days=first - 1)
    stop = low + dt.timedelta(days=(last if last > 0 else length + 1 + last) - 1)
    return Span(start, min(stop, high))


def choose(yearly: Yearly, frame: Frame) -> Span | None:
    """The occurrence of a date written without a year that the article most likely means.

    Past reading (default): the latest occurrence that ends no later than
    ``ahead_days`` after publication, so "November" in a January article is last
    November, and "January 20" read on January 5 is this month; in a plainly past
    sentence (``frame.past``) it must also have begun by publication, give or take
    ``past_grace_days`` ("exports fell in July", read on June 1, is last July). Future
    reading: the earliest occurrence that has not ended before publication.
    """
    pub = frame.published
    if pub is None:
        return None
    spans = [s for y in range(pub.year - 4, pub.year + 6) if (s := yearly(y)) is not None]
    if frame.future:
        upcoming = [s for s in spans if s.high is not None and s.high >= pub]
        return upcoming[0] if upcoming else None
    limit = pub + dt.timedelta(days=frame.ahead_days)
    past = [s for s in spans if s.high is not None and s.high <= limit]
    if frame.past:
        begun = pub + dt.timedelta(days=frame.past_grace_days)
        past = [s for s in past if s.low is not None and s.low <= begun]
    return past[-1] if past else None


# Years whose calendars show every weekday on every day of the year (28 years repeat
# the calendar within 1901-2099), leap years included.
_ANY_YEAR = range(2000, 2028)


def undated(yearly: Yearly, weekday: int | None = None) -> Span | None:
    """A date written without a year, read without a publication date: the year is
    unknown, so the days are the constraints every occurrence shares.

    "November" -> months {11}; "January 5" -> days of the year {(1, 5)}; "Monday,
    January 5" -> that day and weekday (some year has both); "the first Friday of
    July" -> July 1-7 and Friday. The set holds every occurrence (and, with a weekday
    and several days, possibly a few other days of those): never a false contradiction.
    None when the expression has no occurrence or covers more than a year.
    """
    whole: set[int] = set()
    days: set[tuple[int, int]] = set()
    seen: set[int] = set()
    for year in _ANY_YEAR:
        span = yearly(year)
        if span is None or span.low is None or span.high is None:
            continue
        if (span.high - span.low).days > 366:
            return None
        allowed = span.weekdays
        if weekday is not None:
            allowed = frozenset({weekday}) if allowed is None else allowed & {weekday}
        first = span.low
        while first <= span.high:
            last = min(span.high, month_end(first.year, first.month))
            if allowed is None and first.day == 1 and last == month_end(first.year, first.month):
                whole.add(first.month)
                seen.update(range(7))
            else:
                for k in range((last - first).days + 1):
                    found = first + dt.timedelta(days=k)
                    if allowed is None or found.weekday() in allowed:
                        days.add((found.month, found.day))
                        seen.add(found.weekday())
            first = last + dt.timedelta(days=1)
    if not whole and not days:
        return None
    weekdays = frozenset(seen) if len(seen) < 7 else None
    if not days:
        return Span(None, None, weekdays, months=frozenset(whole))
    days.update((m, d) for m in whole for d in range(1, calendar.monthrange(2000, m)[1] + 1))
    return Span(None, None, weekdays, month_days=frozenset(days))


def latest_before(yearly: Yearly, anchor: dt.date) -> Span | None:
    """The latest occurrence starting on or before ``anchor`` (left end of a range)."""
    spans = [s for y in (anchor.year - 1, anchor.year) if (s := yearly(y)) is not None]
    fitting = [s for s in spans if s.low is not None and s.low <= anchor]
    return fitting[-1] if fitting else None


def earliest_after(yearly: Yearly, anchor: dt.date) -> Span | None:
    """The earliest occurrence ending on or after ``anchor`` (right end of a range)."""
    spans = [s for y in (anchor.year, anchor.year + 1) if (s := yearly(y)) is not None]
    fitting = [s for s in spans if s.high is not None and s.high >= anchor]
    return fitting[0] if fitting else None


def weekday_near(pub: dt.date, weekday: int, future: bool) -> dt.date:
    """The most recent ``weekday`` on or before ``pub``, or the next on or after it."""
    if future:
        return pub + dt.timedelta(days=(weekday - pub.weekday()) % 7)
    return pub - dt.timedelta(days=(pub.weekday() - weekday) % 7)
