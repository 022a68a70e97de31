"""Handlers for weekdays: "on Monday", "last Friday", "Friday next week", "Friday the
13th", "the first Friday of July".

A weekday alone is read from the publication date and the tense; without a
publication date it still says which day of the week it was (a weekday-only set).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from checker.values.dates_calendar import Span, add_months, day, make_date, month_end, week_start, weekday_near
from checker.values.dates_model import Atom, Env, fixed, month_of, relative, weekday_of, weekday_only, yearly
from checker.values.dates_vocab import norm


def _after(pub: dt.date, weekday: int) -> dt.date:
    return pub + dt.timedelta(days=(weekday - pub.weekday() - 1) % 7 + 1)


def _before(pub: dt.date, weekday: int) -> dt.date:
    return pub - dt.timedelta(days=(pub.weekday() - weekday - 1) % 7 + 1)


def _both(a: dt.date, b: dt.date, weekday: int) -> Span:
    """Two readings of the same weekday: the span between them, limited to that weekday."""
    return day(a) if a == b else Span(min(a, b), max(a, b), frozenset({weekday}))


def _weekday_rule(rel: str | None, wd: int) -> Callable[[dt.date, bool], Span]:
    """How a weekday with an optional "this/next/last/past/coming" becomes days."""

    def rule(pub: dt.date, future: bool) -> Span:
        monday = week_start(pub)
        if rel is None:
            return day(weekday_near(pub, wd, future))
        if rel == "this":
            # This week's, or the coming one: on a Sunday (or after the day) "this
            # Thursday" is often the next one, and weeks start on Sunday for many writers.
            coming = pub if pub.weekday() == wd else _after(pub, wd)
            return _both(monday + dt.timedelta(days=wd), coming, wd)
        if rel in ("next", "following"):
            # "next Friday": the coming one or the one in next week; both readings are common.
            return _both(_after(pub, wd), monday + dt.timedelta(days=7 + wd), wd)
        if rel in ("last", "previous"):
            return _both(monday - dt.timedelta(days=7 - wd), _before(pub, wd), wd)
        if rel in ("past", "this past"):
            return day(_before(pub, wd))
        return day(_after(pub, wd))

    return rule


def weekday(m: re.Match[str], env: Env) -> Atom | None:
    """ "Monday", "last Friday", "this coming Thursday", "Sunday afternoon"."""
    wd = weekday_of(m["wd"])
    if wd is None:
        return None
    rel = re.sub(r"\s+", " ", m["rel"].lower()) if m["rel"] else None
    # Only a bare weekday reads the tense ("will meet on Tuesday"); "next Tuesday" does not.
    return relative(m.start(), m.end(), "day", _weekday_rule(rel, wd),
                    fallback=weekday_only(wd), weak=None if rel else "weekday", tensed=rel is None)


def weekday_in_week(m: re.Match[str], env: Env) -> Atom | None:
    """ "Friday next week", "next week on Friday", "monday of the following week"."""
    wd = weekday_of(m["wd"])
    if wd is None:
        return None
    offset = env.v.period_shift[norm(m["wshift"])]
    return relative(m.start(), m.end(), "day",
                    lambda pub, _: day(week_start(pub) + dt.timedelta(days=7 * offset + wd)),
                    fallback=weekday_only(wd), tensed=False)


def weekday_day(m: re.Match[str], env: Env) -> Atom | None:
    """ "Friday the 13th": the nearest month (within a year) whose 13th is a Friday."""
    wd, day_ = weekday_of(m["wd"]), env.v.day(m["day"] or m["dayo"])
    if wd is None or day_ is None:
        return None

    def rule(pub: dt.date, future: bool) -> Span | None:
        first = pub.replace(day=1)
        found = [d for k in range(-12, 13) if (d := _day_in(add_months(first, k), day_)) and d.weekday() == wd]
        found.sort(key=lambda d: (abs((d - pub).days), (d < pub) == future))
        return day(found[0]) if found else None

    return relative(m.start(), m.end(), "day", rule, fallback=weekday_only(wd))


def _day_in(first: dt.date, day_: int) -> dt.date | None:
    return make_date(first.year, first.month, day_)


def _nth(year: int, month: int, wd: int, nth: int) -> Span | None:
    """The nth (or last, nth = -1) given weekday of a month."""
    if nth < 0:
        last = month_end(year, month)
        return day(last - dt.timedelta(days=(last.weekday() - wd) % 7))
    first = dt.date(year, month, 1)
    found = first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (nth - 1))
    return day(found) if found.month == month else None


def nth_weekday(m: re.Match[str], env: Env) -> Atom | None:
    """ "the first Friday of July", "the second Monday of next month"."""
    wd = weekday_of(m["wd"])
    nth = -1 if m["nth"].lower() == "last" else (env.v.day(m["nth"]) or 0)
    if wd is None or not (nth == -1 or 1 <= nth <= 5):
        return None
    if m["mshift"]:
        offset = env.v.period_shift[norm(m["mshift"])]

        def rule(pub: dt.date, _: bool) -> Span | None:
            first = add_months(pub.replace(day=1), offset)
            return _nth(first.year, first.month, wd, nth)

        return relative(m.start(), m.end(), "day", rule, tensed=False)
    month = month_of(m["mon"])
    if month is None:
        return None
    if m["year"]:
        return fixed(m.start(), m.end(), "day", _nth(int(m["year"]), month, wd, nth))
    return yearly(m.start(), m.end(), "day", lambda y: _nth(y, month, wd, nth))


def week_days(m: re.Match[str], env: Env) -> Atom | None:
    """ "next week between Wednesday and Friday"."""
    a, b = weekday_of(m["a"] or m["a2"]), weekday_of(m["b"])
    if a is None or b is None or a > b:
        return None
    offset = env.v.period_shift[norm(m["wshift"])]

    def rule(pub: dt.date, _: bool) -> Span:
        monday = week_start(pub) + dt.timedelta(days=7 * offset)
        return Span(monday + dt.timedelta(days=a), monday + dt.timedelta(days=b))

    return relative(m.start(), m.end(), "range", rule, tensed=False)
