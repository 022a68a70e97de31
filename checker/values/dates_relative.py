"""Handlers for expressions read from the publication date: "yesterday", "last week",
"two months ago", "the past 3 weeks", "earlier this month".

Without a publication date these give nothing (weekdays: :mod:`dates_weekdays`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Mapping

from checker.values.dates_calendar import Span, add_months, day, make_date, part, shift, unit_period
from checker.values.dates_model import Atom, Env, relative
from checker.values.dates_patterns import count_unit
from checker.values.dates_vocab import norm
from checker.values.types import Interval

ONE_DAY = dt.timedelta(days=1)
# Direction (+1 forward) and anchor (days from publication) of "N units <dir>".
_AGO_DIRECTIONS = {
    "ago": (-1, 0), "hence": (1, 0), "from now": (1, 0), "from today": (1, 0), "after today": (1, 0),
    "before today": (-1, 0), "from tomorrow": (1, 1), "after tomorrow": (1, 1),
    "from yesterday": (1, -1), "after yesterday": (1, -1), "before yesterday": (-1, -1),
    "before tomorrow": (-1, 1), "in": (1, 0),
}
_ROLLING_BEFORE = re.compile(r"(?<!\w)(?:last|past|next|previous|coming|first)\s+$", re.IGNORECASE)
# Average lengths, for hedged (fractional) counts only: "just over two months".
_DAYS_PER_MONTH = 30.44


def rel_day(m: re.Match[str], env: Env) -> Atom:
    """ "yesterday", "tomorrow morning", "the day after tomorrow"."""
    offset = env.v.relative_days[norm(m["rd"])]
    return relative(m.start(), m.end(), "day", lambda pub, _: day(pub + dt.timedelta(days=offset)), weak="relday",
                    tensed=False)


def rel_period(m: re.Match[str], env: Env) -> Atom:
    """ "this week", "last year", "next month", "the past year" (rolling), "last weekend"."""
    unit, word = m["unit"].lower(), norm(m["shift"])
    # "the past year" is the last 12 months; "the past quarter" is a reporting period.
    rolling = (word in ("past", "this past") or (bool(m["the"]) and word == "last")) and unit != "quarter"
    if word in ("past", "this past") and not rolling:
        word = "last"
    if rolling and unit == "weekend":
        return relative(m.start(), m.end(), unit, lambda pub, _: _weekend(pub, future=False), tensed=False)
    if rolling:
        spec = env.v.units[unit]
        return relative(m.start(), m.end(), unit, lambda pub, _: Span(shift(pub, spec, -1), pub), tensed=False)
    offset = env.v.period_shift[word]
    if unit == "week":
        return relative(m.start(), m.end(), unit, lambda pub, _: _week(pub, offset), tensed=False)
    return relative(m.start(), m.end(), unit, lambda pub, _: unit_period(unit, pub, offset), tensed=False)


def _week(pub: dt.date, offset: int) -> Span:
    """ "last week", "this week", "next week": a week running Monday to Sunday, or, read
    on a Sunday, also the one running Sunday to Saturday (where many writers start it):
    "last week" in a Sunday paper may be either of two weeks."""
    span = unit_period("week", pub, offset)
    if pub.weekday() != 6 or span.low is None or span.high is None:
        return span
    return Span(span.low, span.high + dt.timedelta(days=6))  # to the end of the Sunday-to-Saturday week


def _weekend(pub: dt.date, future: bool) -> Span:
    """The latest weekend that has started by ``pub``, or the next one not yet over."""
    if future:
        sunday = pub + dt.timedelta(days=(6 - pub.weekday()) % 7)
        return Span(sunday - ONE_DAY, sunday)
    saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
    return Span(saturday, saturday + ONE_DAY)


def the_weekend(m: re.Match[str], env: Env) -> Atom:
    """ "the weekend": the last one in a past-tense sentence, the coming one otherwise."""
    return relative(m.start(), m.end(), "weekend", lambda pub, future: _weekend(pub, future))


def rolling(m: re.Match[str], env: Env) -> Atom | None:
    """ "the past 3 weeks" -> [pub - 3 weeks, pub]; "next 3 days" -> the 3 days after pub."""
    count, unit = env.v.count(m["n"]), env.v.unit(m["unit"])
    if count is None or unit is None:
        return None
    spec, most = env.v.units[unit], count[1]
    if m["dir"].lower() in ("past", "last", "previous"):
        return relative(m.start(), m.end(), "range", lambda pub, _: Span(shift(pub, spec, -most), pub),
                        tensed=False)
    return relative(m.start(), m.end(), "range", lambda pub, _: Span(pub + ONE_DAY, shift(pub, spec, most)),
                    tensed=False)


def rel_part(m: re.Match[str], env: Env) -> Atom:
    """ "earlier this month", "later this year", "late last year", "the end of the week"."""
    unit = m["unit"].lower()
    if m["el"]:
        earlier = m["el"].lower() == "earlier"

        def rule(pub: dt.date, _: bool) -> Span:
            period = unit_period(unit, pub, 0)
            return Span(period.low, pub) if earlier else Span(pub, period.high)

        return relative(m.start(), m.end(), unit, rule, tensed=False)
    bounds = env.v.period_parts[env.v.part_words[norm(m["part"])]][unit]
    offset = env.v.period_shift[norm(m["shift"])] if m["shift"] else 0
    return relative(m.start(), m.end(), unit, lambda pub, _: part(unit_period(unit, pub, offset), unit, bounds),
                    tensed=False)


def after_next(m: re.Match[str], env: Env) -> Atom:
    """ "the week after next", "the year after next"."""
    unit = m["unit"].lower()
    return relative(m.start(), m.end(), unit, lambda pub, _: unit_period(unit, pub, 2), tensed=False)


def year_to_date(m: re.Match[str], env: Env) -> Atom:
    """ "year to date" -> [January 1, pub]."""
    return relative(m.start(), m.end(), "range", lambda pub, _: Span(dt.date(pub.year, 1, 1), pub), tensed=False)


def rest_of(m: re.Match[str], env: Env) -> Atom:
    """ "the rest of the week" -> [pub, end of the week]."""
    unit = m["unit"].lower()
    return relative(m.start(), m.end(), "range", lambda pub, _: Span(pub, unit_period(unit, pub, 0).high),
                    tensed=False)


def _move(anchor: dt.date, spec: Mapping[str, int], amount: float) -> dt.date:
    """Shift by a count of units: calendar arithmetic for whole counts, average days otherwise."""
    if amount == int(amount):
        return shift(anchor, spec, int(amount))
    per_unit = spec.get("days") or spec.get("months", 1) * _DAYS_PER_MONTH
    return anchor + dt.timedelta(days=round(amount * per_unit))


def ago(m: re.Match[str], env: Env) -> Atom | None:
    """ "two months ago", "just over two months ago", "two weeks from now", "in 3 weeks".

    Unhedged, the day is the calendar offset widened by the unit's tolerance (news
    rounds "two months" to the month); a hedge gives its own interval of counts instead.
    """
    count, unit = env.v.count(m["n"]), env.v.unit(m["unit"])
    if count is None or unit is None:
        return None
    written = m.groupdict().get("dir") or "in"
    direction, anchor_days = _AGO_DIRECTIONS[re.sub(r"\s+", " ", written.lower())]
    pair, lead = count_unit()
    more = lead.search(env.text, max(0, m.start() - 60), m.start()) if written != "in" else None
    # "the last 3 months and 2 days ago": the window and "2 days ago" are two expressions.
    if more is not None and not _ROLLING_BEFORE.search(env.text, max(0, more.start() - 20), more.start()):
        return _compound(env, more.start(), m, direction, anchor_days)
    found = env.ctx.hedges.before(env.text, m.start("n"))
    interval, start, hedge = Interval(count[0], count[1]), m.start(), None
    if found is not None:
        interval, hedge = found[0].apply(interval), found[0].phrase
        start = min(start, found[1])  # "about two months ago"; "in about 3 weeks" keeps "in"
    spec, tolerance = env.v.units[unit], dt.timedelta(days=0 if hedge else env.v.ago_tolerance[unit])
    needs_future = written == "in"

    def rule(pub: dt.date, future: bool) -> Span | None:
        if needs_future and not future:
            return None  # "in 3 weeks" is a duration unless the sentence looks ahead
        anchor = pub + dt.timedelta(days=anchor_days)
        near = _move(anchor, spec, direction * (interval.low or 0))
        far = None if interval.high is None else _move(anchor, spec, direction * interval.high)
        low, high = (far, near) if direction < 0 else (near, far)
        return Span(None if low is None else low - tolerance, None if high is None else high + tolerance)

    atom = relative(start, m.end(), "day", rule)
    return Atom(atom.start, atom.end, atom.unit, atom.resolve, hedge=hedge)


def _compound(env: Env, start: int, m: re.Match[str], direction: int, anchor_days: int) -> Atom | None:
    """ "1 month 21 days ago": exact counts only, tolerance of the finest unit."""
    steps: list[tuple[Mapping[str, int], int]] = []
    tolerances = []
    for pair in count_unit()[0].finditer(env.text, start, m.end()):
        count, unit = env.v.count(pair["n"]), env.v.unit(pair["unit"])
        if count is None or unit is None or count[0] != count[1]:
            return None
        steps.append((env.v.units[unit], count[0]))
        tolerances.append(env.v.ago_tolerance[unit])
    tolerance = dt.timedelta(days=min(tolerances))

    def rule(pub: dt.date, _: bool) -> Span:
        moved = pub + dt.timedelta(days=anchor_days)
        for spec, count in steps:
            moved = shift(moved, spec, direction * count)
        return Span(moved - tolerance, moved + tolerance)

    return relative(start, m.end(), "day", rule, tensed=False)


def day_of_month(m: re.Match[str], env: Env) -> Atom | None:
    """ "the 20th of next month"."""
    day_ = env.v.day(m["day"])
    if day_ is None:
        return None
    offset = env.v.period_shift[norm(m["mshift"])]

    def rule(pub: dt.date, _: bool) -> Span | None:
        first = add_months(pub.replace(day=1), offset)
        found = make_date(first.year, first.month, day_)
        return None if found is None else day(found)

    return relative(m.start(), m.end(), "day", rule, tensed=False)


def now(m: re.Match[str], env: Env) -> Atom:
    """ "now", only as the end of a range ("between Jan 22 and now")."""
    return relative(m.start(), m.end(), "day", lambda pub, _: day(pub), weak="range", tensed=False)
