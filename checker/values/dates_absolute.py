"""Handlers for calendar expressions: days, months, years, decades, quarters.

Each handler turns one pattern match into an :class:`Atom` (or None when the words do
not make a real date, e.g. February 30 or a weekday that disagrees with the date).
"""

from __future__ import annotations

import datetime as dt
import re

from checker.values.dates_calendar import Span, make_date, month_span, months_span, year_span
from checker.values.dates_model import (
    Atom, Env, blocked, check_weekday, day_only, fixed, month_of, month_only, months_only, relative, single_day,
    weekday_of, year_of, yearly,
)
from checker.values.dates_patterns import before_number, before_number_words
from checker.values.dates_probe import word_before
from checker.values.dates_vocab import norm

_QUARTER_INDEX = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def calendar_date(m: re.Match[str], env: Env) -> Atom | None:
    """ "Jan. 5, 2026", "5 January", "Monday, Jan. 5", "November 3 last year"."""
    v = env.v
    month, day_ = month_of(m["mon"]), v.day(m["day"])
    if month is None or day_ is None:
        return None
    glued = "glue" in m.re.groupindex and m["glue"] is not None
    if not _day_month_word_ok(m, env) or (glued and not m["year"]):
        return None  # "Dec31, 1994" is a date; "mar3" alone is a code
    weekday = weekday_of(m["wd"])
    start, end = m.start(), m.end()
    if m["year"]:
        year = year_of(m["year"], v)
        span = check_weekday(single_day(year, month, day_), weekday)
        return blocked(start, end, "day") if span is None else fixed(start, end, "day", span)
    if m["yshift"]:
        # "November 3 last year": without a publication date, November 3 of some year.
        offset = v.period_shift[norm(m["yshift"])]
        return relative(start, end, "day",
                        lambda pub, _: check_weekday(single_day(pub.year + offset, month, day_), weekday),
                        fallback=day_only(month, day_, weekday), tensed=False)
    return yearly(start, end, "day", lambda y: single_day(y, month, day_), weekday=weekday)


def _day_month_word_ok(m: re.Match[str], env: Env) -> bool:
    """ "may"/"march" written in lower case need a year, "of", "the" or a day that is not bare digits."""
    word = m["mon"]
    if norm(word) not in env.v.ambiguous_months or not word[0].islower() or m["year"]:
        return True
    between = env.text[m.start("mon"):m.end()].lower() + env.text[m.start():m.start("mon")].lower()
    if " of " in f" {between} " or " the " in f" {between} ":
        return True
    return not m["day"].isdigit()


def ymd_name(m: re.Match[str], env: Env) -> Atom | None:
    """ "2019-sep-1"."""
    month, day_ = month_of(m["mon"]), env.v.day(m["day"])
    if month is None or day_ is None:
        return None
    return fixed(m.start(), m.end(), "day", single_day(int(m["year"]), month, day_))


def weekday_reach(start: int, env: Env) -> int:
    """How far before a numeric date starting at ``start`` its atom may start: a
    weekday may come first."""
    return 15 if word_before(env.probe, start)[0] in before_number_words()[0] else 0


def year_reach(start: int, env: Env) -> int:
    """How far before a year or decade starting at ``start`` its atom may start: "the
    year", "the"."""
    return 30 if word_before(env.probe, start)[0] in before_number_words()[1] else 0


def _weekday_before(m: re.Match[str], env: Env) -> tuple[int, int | None]:
    """Start of a numeric date with the weekday written before it ("Friday, 7/6"), and that weekday."""
    pattern = before_number()[0]
    if word_before(env.probe, m.start())[0] not in before_number_words()[0]:
        return m.start(), None
    found = pattern.search(env.text, max(0, m.start() - 15), m.start())
    return (m.start(), None) if found is None else (found.start(), weekday_of(found["wd"]))


def ymd_num(m: re.Match[str], env: Env) -> Atom | None:
    """ "2026-01-05", "2015.5.13", "20161016", "Friday 2018-7-6"."""
    start, weekday = _weekday_before(m, env)
    span = check_weekday(single_day(int(m["year"]), int(m["m"]), int(m["d"])), weekday)
    return blocked(start, m.end(), "day") if span is None else fixed(start, m.end(), "day", span)


def _orders(a: int, b: int, order: str) -> list[tuple[int, int]]:
    """(month, day) readings of two numbers; both when the order is ambiguous."""
    if a > 12 and b > 12:
        return []
    if a > 12:
        return [(b, a)]
    if b > 12 or a == b:
        return [(a, b)]
    if order == "mdy":
        return [(a, b)]
    if order == "dmy":
        return [(b, a)]
    return [(a, b), (b, a)]


def _readings(year: int, a: int, b: int, order: str) -> Span | None:
    """The days two numbers can name in a year: one day, or the span between two readings."""
    days = [d for month, day_ in _orders(a, b, order) if (d := make_date(year, month, day_))]
    if not days:
        return None
    return Span(min(days), max(days))


def mdy_num(m: re.Match[str], env: Env) -> Atom | None:
    """ "02/22/2016", "21/04/16", "13.5.2015"; "3/7/2017" reads per ``numeric_order``."""
    written = m["year"] or m["year4"]
    if m["s"] == "." and len(written) != 4:
        return None  # "1.5.16" is a version number far more often than a date
    start, weekday = _weekday_before(m, env)
    span = check_weekday(_readings(year_of(written, env.v), int(m["a"]), int(m["b"]), env.numeric_order), weekday)
    return blocked(start, m.end(), "day") if span is None else fixed(start, m.end(), "day", span)


def md_num(m: re.Match[str], env: Env) -> Atom | None:
    """ "4/22" or "22/04" without a year: needs a cue word or a weekday in front."""
    a, b = int(m["a"]), int(m["b"])
    if f"{a}/{b}" in env.v.not_dates or not _orders(a, b, env.numeric_order):
        return None
    start, weekday = _weekday_before(m, env)
    weak = None if weekday is not None else "numeric"
    return yearly(start, m.end(), "day", lambda y: _readings(y, a, b, env.numeric_order),
                  weekday=weekday, weak=weak)


def month_year(m: re.Match[str], env: Env) -> Atom | None:
    """ "November 2025", "Dec/2018", "Sept. '98", "2016 November"."""
    month = month_of(m["mon"])
    if month is None:
        return None
    year = year_of(m["year"] or "'" + m.groupdict().get("yy", ""), env.v)
    return fixed(m.start(), m.end(), "month", month_span(year, month), weak="surname")


def year_month(m: re.Match[str], env: Env) -> Atom | None:
    """ "2016 November"; never "2016 may" (a verb) nor "2016 March" (a noun)."""
    if norm(m["mon"]) in env.v.ambiguous_months:
        return None
    return month_year(m, env)


def ym_num(m: re.Match[str], env: Env) -> Atom | None:
    """ "2016-11", "2015/3"; "2011-12" may be a season, "2014-18" is a run of years."""
    year, number = int(m["year"]), int(m["m"])
    if 1 <= number <= 12 and number != (year + 1) % 100:
        return fixed(m.start(), m.end(), "month", month_span(year, number))
    last = year // 100 * 100 + number
    if number > year % 100 and last > year:
        # "2011-12" is December 2011 or the 2011-2012 season: the span covers both.
        return fixed(m.start(), m.end(), "year", Span(dt.date(year, 1, 1), dt.date(last, 12, 31)))
    return None


def fiscal_range(m: re.Match[str], env: Env) -> Atom | None:
    """ "FY2024-25", "FY 2024/25", "FY24-25": a fiscal year that starts in one calendar
    year and ends in the next. Its months differ by country (April to March, July to
    June, ...), so the span holds both calendar years, as "the 2024-25 fiscal year" does.
    A fiscal year named by one year ("FY2025", "FY25") is left out: some countries name
    it by the year it ends in, others by the year it starts in."""
    first, second = int(m["year"]), int(m["yy"])
    if first < 100:
        first += 2000
    if second < 100:
        second += first // 100 * 100
    if second != first + 1:
        return None
    return fixed(m.start(), m.end(), "year", Span(dt.date(first, 1, 1), dt.date(second, 12, 31)))


def fiscal_ending(m: re.Match[str], env: Env) -> Atom | None:
    """ "the financial year that ended in March 2025": a fiscal year over two calendar
    years, held as both of them, as "FY2024-25" is; one ending in December is the
    calendar year."""
    year, month = int(m["year"]), month_of(m["mon"])
    if month is None:
        return None
    if month == 12:
        return fixed(m.start(), m.end(), "year", year_span(year))
    return fixed(m.start(), m.end(), "year", Span(dt.date(year - 1, 1, 1), dt.date(year, 12, 31)))


def my_num(m: re.Match[str], env: Env) -> Atom | None:
    """ "3/2015", "11-2016"."""
    month = int(m["m"])
    if not 1 <= month <= 12:
        return None
    return fixed(m.start(), m.end(), "month", month_span(int(m["year"]), month))


def lone_month(m: re.Match[str], env: Env) -> Atom | None:
    """ "November", "last September", "June next year", "the month of May"."""
    month = month_of(m["mon"])
    if month is None:
        return None
    v, start, end = env.v, m.start(), m.end()
    # "November last year", "last November": without a publication date, the year is
    # unknown ("last year" of when?) but the month is not.
    some_year = month_only(month)
    if m["yshift"]:
        offset = v.period_shift[norm(m["yshift"])]
        return relative(start, end, "month", lambda pub, _: month_span(pub.year + offset, month), fallback=some_year,
                        tensed=False)
    if m["shift"] and norm(m["mon"]) in v.ambiguous_months and m["mon"][0].islower():
        return None  # "this may take longer"
    if m["shift"]:
        step = v.period_shift[norm(m["shift"])]
        return relative(start, end, "month", lambda pub, _: month_span(_shifted_year(pub, month, step), month),
                        fallback=some_year, tensed=False)
    named = "month" in env.text[start:m.start("mon")].lower()
    return yearly(start, end, "month", lambda y: month_span(y, month), weak=None if named else "month")


def _shifted_year(pub: dt.date, month: int, step: int) -> int:
    """Year of "this/last/next <month>": last = the latest one before the current month."""
    if step < 0:
        return pub.year if month < pub.month else pub.year - 1
    if step > 0:
        return pub.year if month > pub.month else pub.year + 1
    return pub.year


def bare_year(m: re.Match[str], env: Env) -> Atom | None:
    """ "2024", "the year 2008", "1990s" (a decade)."""
    year = int(m["year"])
    words = _year_words(m, env, 30)
    if m["dec"]:
        if year % 10:
            return None
        start = m.start() if words is None or not words["the"] else words.start()
        return fixed(start, m.end(), "decade", Span(dt.date(year, 1, 1), dt.date(year + 9, 12, 31)))
    named = words is not None and words["yw"] is not None
    if named and words is not None and word_before(env.probe, words.start())[0].decode() in env.v.non_calendar_years:
        return None  # "fiscal year 2024" is no calendar year (its months differ by country)
    low, high = env.v.bare_year
    if not named and not low <= year <= high:
        return None
    start = words.start() if named and words is not None else m.start()
    return fixed(start, m.end(), "year", year_span(year), weak=None if named else "year")


def _year_words(m: re.Match[str], env: Env, reach: int) -> re.Match[str] | None:
    """ "the year", "the calendar year of" or "the" right before a year."""
    pattern = before_number()[1]
    if word_before(env.probe, m.start())[0] not in before_number_words()[1]:
        return None
    return pattern.search(env.text, max(0, m.start() - reach), m.start())


def decade_short(m: re.Match[str], env: Env) -> Atom | None:
    """ "the '90s"; "the '20s" (1920s or 2020s?) is left out."""
    yy = int(m["yy"])
    if yy < 30:
        return None
    words = _year_words(m, env, 10)
    start = m.start() if words is None or not words["the"] else words.start()
    return fixed(start, m.end(), "decade", Span(dt.date(1900 + yy, 1, 1), dt.date(1909 + yy, 12, 31)))


def century(m: re.Match[str], env: Env) -> Atom | None:
    """ "the 21st century" -> 2000-2099."""
    n = env.v.day(m["c"]) or env.v.ordinal_words.get(norm(m["c"]))
    if not n or n > 30:
        return None
    first = dt.date(max(1, (n - 1) * 100), 1, 1)
    return fixed(m.start(), m.end(), "century", Span(first, dt.date(n * 100 - 1, 12, 31)))


def _part_months(word: str, what: str) -> tuple[int, int] | None:
    """Months of "third quarter" / "first half" / "latter half"; None for an unknown part."""
    word = norm(word)
    size = 3 if what.lower() == "quarter" else 6
    count = 12 // size
    index = _QUARTER_INDEX.get(word)
    if word in ("last", "final") or (word == "latter" and count == 2):
        index = count
    if index is None or index > count:
        return None
    return (index - 1) * size + 1, index * size


def _period_atom(m: re.Match[str], env: Env, months: tuple[int, int], year: str | None, unit: str) -> Atom:
    first, last = months
    start, end = m.start(), m.end()
    if year:
        return Atom(start, end, unit, lambda frame: months_span(int(year), first, last), tensed=False)
    yshift = m.groupdict().get("yshift")
    if yshift:
        offset = env.v.period_shift[norm(yshift)]
        return relative(start, end, unit, lambda pub, _: months_span(pub.year + offset, first, last),
                        fallback=months_only(first, last), tensed=False)
    return yearly(start, end, unit, lambda y: months_span(y, first, last))


def quarter(m: re.Match[str], env: Env) -> Atom | None:
    """ "the third quarter of 2016", "first half of this year", "the second quarter"."""
    months = _part_months(m["q"], m["what"])
    has_year = bool(m["year"] or m["yshift"])
    if months is None or (norm(m["q"]) in ("last", "final") and not has_year):
        return None  # "last quarter" alone is the previous quarter (a relative period)
    return _period_atom(m, env, months, m["year"], m["what"].lower())


def q_code(m: re.Match[str], env: Env) -> Atom | None:
    """ "Q3 2025", "2017-q1", "H1 2016"; a half needs its year ("H2" alone is not a date)."""
    what = "quarter" if m["qh"].lower() == "q" else "half"
    year = m["year"] or m["year2"]
    if what == "half" and (int(m["n"]) > 2 or not (year or m["yshift"])):
        return None
    months = _part_months(m["n"] + ("st", "nd", "rd", "th")[int(m["n"]) - 1], what)
    return None if months is None else _period_atom(m, env, months, year, what)


def first_n(m: re.Match[str], env: Env) -> Atom | None:
    """ "the first 11 months of 2025", "the last four months of 2021", "the first three quarters"."""
    count = env.v.count(m["n"])
    if count is None or count[0] != count[1]:
        return None
    months = count[0] * (3 if m["unit"].lower().startswith("q") else 1)
    if not 1 <= months <= 12:
        return None
    first_part = m["fl"].lower() == "first"
    if not first_part and not (m["year"] or m["yshift"]):
        return None  # "the last 3 months" is a rolling window, not months 10-12
    span = (1, months) if first_part else (13 - months, 12)
    return _period_atom(m, env, span, m["year"], "months")
