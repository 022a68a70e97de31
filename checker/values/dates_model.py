"""What a date pattern produces before it becomes a value: an :class:`Atom`.

An atom knows its span of text, its granularity and how to become a set of days once
the publication date and the tense are known. Expressions written without a year
also keep their *yearly* form (year -> days), so that a range such as "Nov-Feb 2017"
can place its left end from its right end.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Callable, NamedTuple

from checker.values.base import ScanContext
from checker.values.dates_calendar import Frame, Span, Yearly, choose, day, months_span, undated
from checker.values.dates_vocab import Vocab, norm, vocab

Resolver = Callable[[Frame], "Span | None"]


class Env(NamedTuple):
    """The text being scanned and the settings a pattern handler reads (a named tuple:
    one is made per text, and a tuple is several times cheaper to make)."""

    text: str
    ctx: ScanContext
    numeric_order: str
    v: Vocab
    probe: bytes = b""  # :func:`checker.values.dates_probe.make_probe` of the text


class Atom(NamedTuple):
    """One recognised expression, not yet resolved to days.

    An immutable named tuple rather than a frozen dataclass: one is made for every
    candidate match, and a tuple is about three times cheaper to make.

    ``weak`` names the check an expression must still pass because its words are also
    ordinary words: ``month`` (a lone month), ``weekday`` (a lone weekday), ``numeric``
    ("4/22" needs a cue word), ``year`` (a bare year), ``relday`` ("USA Today"),
    ``surname`` ("Theresa May 2019"), ``range`` (valid only as the end of a range: "now").
    """

    start: int
    end: int
    unit: str
    resolve: Resolver
    yearly: Yearly | None = None
    weak: str | None = None
    hedge: str | None = None
    tensed: bool = True  # whether the tense of the sentence can change the days


def fixed(start: int, end: int, unit: str, span: Span | None, weak: str | None = None) -> Atom | None:
    """An expression whose days do not depend on the publication date."""
    if span is None:
        return None
    return Atom(start, end, unit, lambda frame: span, weak=weak, tensed=False)


def blocked(start: int, end: int, unit: str) -> Atom:
    """Words that look like a date but are not a valid one ("Tuesday, Jan. 5, 2026": that
    day was a Monday): nothing is produced, and no shorter part ("2026") is taken either."""
    return Atom(start, end, unit, lambda frame: None, tensed=False)


# Atoms are made once per wording (see ``checker.values.dates``) and frames once per
# publication date, so the same atom is resolved in the same frame text after text: a
# resolver keeps its last two answers, for the very frame objects it was given (the
# rules are pure functions of the frame). Two, because a date read in one frame is now
# and then read in a second one too (the plainly past one, or the one without a year).
_UNSEEN: tuple[object, Span | None] = (object(), None)


def _remembering(compute: Resolver) -> Resolver:
    """``compute``, keeping its answers for the last two frames it was given."""
    memo = [(_UNSEEN, _UNSEEN)]

    def resolve(frame: Frame) -> Span | None:
        recent = memo[0]
        for seen in recent:
            if seen[0] is frame:
                return seen[1]
        span = compute(frame)
        memo[0] = ((frame, span), recent[0])  # one assignment: a reader sees the old pairs or the new ones
        return span

    return resolve


def relative(start: int, end: int, unit: str, rule: Callable[[dt.date, bool], Span | None],
             fallback: Span | None = None, weak: str | None = None, tensed: bool = True) -> Atom:
    """An expression read from the publication date; ``fallback`` is used without one.

    ``rule`` gets the publication date and whether the sentence looks ahead; ``tensed``
    False says the rule ignores the latter, which then need not be worked out.
    """

    def compute(frame: Frame) -> Span | None:
        return fallback if frame.published is None else rule(frame.published, frame.future)

    return Atom(start, end, unit, _remembering(compute), weak=weak, tensed=tensed)


def yearly(start: int, end: int, unit: str, rule: Yearly, weekday: int | None = None,
           weak: str | None = None) -> Atom:
    """An expression written without a year; a written weekday picks among years.

    Without a publication date the year stays unknown: the days are the calendar
    constraints every occurrence shares (months, days of the year, the weekday).
    """

    def compute(frame: Frame) -> Span | None:
        return undated(rule, weekday) if frame.published is None else choose_checked(rule, frame, weekday)

    return Atom(start, end, unit, _remembering(compute), yearly=rule, weak=weak)


def choose_checked(rule: Yearly, frame: Frame, weekday: int | None) -> Span | None:
    """The chosen occurrence; with a weekday, the nearest neighbouring year that agrees."""
    chosen = choose(rule, frame)
    if weekday is None or chosen is None or chosen.low is None:
        return chosen
    if chosen.low.weekday() == weekday:
        return chosen
    pub = frame.published
    assert pub is not None
    neighbours = [s for y in (chosen.low.year - 1, chosen.low.year + 1) if (s := rule(y)) and s.low]
    agreeing = [s for s in neighbours if s.low is not None and s.low.weekday() == weekday]
    agreeing.sort(key=lambda s: abs((s.low - pub).days) if s.low else 0)
    return agreeing[0] if agreeing else None


# What an expression read from the publication date still says without one; made once
# per value (resolving "last November" in every article need not build a new set).
@lru_cache(maxsize=None)
def weekday_only(weekday: int) -> Span:
    """Some day on this weekday ("next Sunday" without a publication date)."""
    return Span(None, None, frozenset({weekday}))


@lru_cache(maxsize=None)
def month_only(month: int) -> Span:
    """Some day in this month ("last November" without a publication date)."""
    return Span(None, None, months=frozenset({month}))


@lru_cache(maxsize=1024)
def day_only(month: int, day_: int, weekday: int | None = None) -> Span | None:
    """This day of some year, on the weekday if given ("November 3 last year")."""
    return undated(lambda year: single_day(year, month, day_), weekday)


@lru_cache(maxsize=None)
def months_only(first: int, last: int) -> Span | None:
    """Some year's months ``first``..``last`` ("the first half of last year")."""
    return undated(lambda year: months_span(year, first, last))


@lru_cache(maxsize=4096)
def single_day(year: int, month: int, day_: int) -> Span | None:
    """One day, or None when the date does not exist."""
    try:
        return day(dt.date(year, month, day_))
    except ValueError:
        return None


def year_of(written: str, v: Vocab) -> int:
    """A written year: "2016", "'16" or "16" (two digits use the pivot)."""
    digits = written if written.isdigit() else "".join(c for c in written if c.isdigit())
    value = int(digits)
    if len(digits) == 2:
        return 2000 + value if value < v.year_pivot else 1900 + value
    return value


def month_of(word: str | None) -> int | None:
    """Month number of a month word."""
    return None if word is None else vocab().months.get(norm(word))


def weekday_of(word: str | None) -> int | None:
    """Weekday number (Monday = 0) of a weekday word."""
    return None if word is None else vocab().weekdays.get(norm(word))


def check_weekday(span: Span | None, weekday: int | None) -> Span | None:
    """The span if its single day falls on the written weekday; None if they disagree."""
    if span is None or weekday is None:
        return span
    if span.low is not None and span.low == span.high and span.low.weekday() != weekday:
        return None
    return span
