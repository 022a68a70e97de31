"""Dates in news text: every expression becomes a set of days (:class:`DateSpan`).

``find_dates(text, ctx)`` finds absolute dates ("Jan. 5, 2026", "2026-01-05"), months
and years ("November 2025", "in 2024", "the 1990s"), periods ("the first 11 months of
2025", "Q3 2025", "from March to May") and expressions read from the publication
date ``ctx.published`` ("last Monday", "yesterday", "two months ago", "last year").

Decisions (precision first: an unsure reading widens the set or gives nothing):

- Spans cover the expression with its own words ("the third quarter", "from March to
  May", "between 4 and 22 this month") but not a bare preposition ("on", "in").
- A weekday alone is the most recent one on or before publication; after a future
  marker in the same sentence ("will meet on Tuesday") it is the next one on or after.
  "next Friday" / "last Friday" keep both usual readings (the coming one and the one
  in next week): a set of two days of the same weekday. Without a publication date a
  weekday is a weekday-only set, still comparable.
- A date without a year ("January 5", "November", "the third quarter") takes the
  latest occurrence ending within 90 days after publication (past reading), or the
  first one not over yet after a future marker. A past cue that is the participle or
  base form of a future verb ("will be held", "is expected to last") is no past
  marker. In a sentence that plainly speaks of the past (the past verb that governs
  the date is not a reporting verb, and no future cue is in the sentence) and after
  "since", the occurrence must also have begun by publication: "exports fell in July",
  read on June 1, is last July. Without a publication date: the calendar constraints
  only ("January 5" of some year), and the weekday of "Monday, Jan. 5".
- A day of a month that names an event ("the Oct. 7 attacks", "the Jan. 6 riot": a
  determiner or a possessive before it, a noun after it) may be of any year: its value
  is the day of the year alone, as without a publication date.
- A weekday written with a date must agree with it, or nothing is produced.
- "two months ago" is the calendar offset +/- a tolerance per unit (dates.yaml); a
  hedge ("just over two months ago") gives its own interval from the hedge table.
- Numeric dates whose order is unclear ("3/7/2017") cover both readings unless the
  ``numeric_order`` setting says mdy or dmy; "4/22" without a year needs a cue word
  ("on 4/22"); "4-22" and "4.22" without a year are scores and decimals, not dates.
- "2011-12" is December 2011 or the 2011-12 season: the set covers both years.
- A day number without a month ("the 27th", "on 15") is not a date; "in 3 weeks" is
  one only after a future marker (otherwise a duration: "the first visit in 3 weeks").
- Years inside names ("Vision 2030"), fiscal years, round counts ("2000 people"),
  "May" as a verb or surname, "Black Friday", "the Sunday Times", "USA Today" and
  anaphoric phrases ("the next day", "two days later") are not dates.
- Two dates joined by "to", "until", "-" (or "between ... and") are one range; an end
  without a year takes it from the other end ("Nov-Feb 2017" starts in November 2016).
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from functools import lru_cache
from typing import Callable

from checker.values import dates_absolute as absolute
from checker.values import dates_ranges as ranges
from checker.values import dates_relative as rel
from checker.values import dates_weekdays as wd
from checker.values.base import ScanContext, ValueMatch
from checker.values.dates_calendar import Frame
from checker.values.dates_context import keep, looks_ahead_in, names_event, opens_past, plainly_past, sentence_before
from checker.values.dates_model import Atom, Env
from checker.values.dates_probe import make_probe
from checker.values.dates_sites import Hit, find_matches
from checker.values.dates_vocab import Vocab, vocab
from checker.values.figures import new_match
from checker.values.types import DateSpan

NUMERIC_ORDERS = ("ambiguous", "mdy", "dmy")

Handler = Callable[[re.Match[str], Env], "Atom | None"]

HANDLERS: dict[str, Handler] = {
    "mdy": absolute.calendar_date,
    "dmy": absolute.calendar_date,
    "ymd_name": absolute.ymd_name,
    "ymd_num": absolute.ymd_num,
    "ymd_compact": absolute.ymd_num,
    "mdy_num": absolute.mdy_num,
    "md_num": absolute.md_num,
    "month_year": absolute.month_year,
    "year_month": absolute.year_month,
    "ym_num": absolute.ym_num,
    "fiscal_range": absolute.fiscal_range,
    "fiscal_ending": absolute.fiscal_ending,
    "my_num": absolute.my_num,
    "month": absolute.lone_month,
    "year": absolute.bare_year,
    "decade_short": absolute.decade_short,
    "century": absolute.century,
    "quarter": absolute.quarter,
    "year_quarter": absolute.quarter,
    "q_code": absolute.q_code,
    "first_n": absolute.first_n,
    "relday": rel.rel_day,
    "relperiod": rel.rel_period,
    "weekend": rel.the_weekend,
    "rolling": rel.rolling,
    "relpart": rel.rel_part,
    "ytd": rel.year_to_date,
    "after_next": rel.after_next,
    "rest": rel.rest_of,
    "ago": rel.ago,
    "in_n": rel.ago,
    "weekday": wd.weekday,
    "weekday_week": wd.weekday_in_week,
    "week_weekday": wd.weekday_in_week,
    "weekday_day": wd.weekday_day,
    "nth_weekday": wd.nth_weekday,
    "week_days": wd.week_days,
    "day_of_month": rel.day_of_month,
    "days_month": ranges.days_month,
    "month_days": ranges.month_days,
    "day_to_date": ranges.day_to_date,
    "now": rel.now,
}


# How far before its match a handler's atom may start (a weekday, "the year" or a hedge
# written before it): an upper bound, cheap to work out, for ranking matches before
# their atoms are made. Other handlers keep their match's span.
REACH_BEFORE: dict[str, Callable[[int, Env], int]] = {
    "ymd_num": absolute.weekday_reach, "ymd_compact": absolute.weekday_reach,
    "mdy_num": absolute.weekday_reach, "md_num": absolute.weekday_reach,
    "year": absolute.year_reach, "decade_short": absolute.year_reach,
    "ago": lambda start, env: MAX_REACH, "in_n": lambda start, env: MAX_REACH,  # a hedge or "1 month" before
}
MAX_REACH = 60


def find_dates(text: str, ctx: ScanContext, *, numeric_order: str | None = None) -> list[ValueMatch]:
    """All date expressions in ``text`` as sets of days, in reading order, without overlaps.

    ``numeric_order`` overrides the vocabulary's reading of "3/7/2017" ("mdy", "dmy" or
    "ambiguous").
    """
    v = vocab()
    order = numeric_order or v.numeric_order
    if order not in NUMERIC_ORDERS:
        raise ValueError(f"numeric_order {order!r}: expected one of {', '.join(NUMERIC_ORDERS)}")
    env = Env(text, ctx, order, v, make_probe(text))
    atoms = _atoms(env)
    if not atoms:
        return []
    atoms = ranges.merge_ranges(text, ranges.apply_prefixes(env, atoms))
    published = ctx.published
    frames = _frames(published, v.ahead_days, v.past_grace_days)
    matches: list[ValueMatch] = []
    for atom in atoms:
        start, end, _, resolve, _, weak, hedge, tensed = atom
        if weak is not None and not keep(text, atom, v, env.probe):
            continue
        if published is None or not tensed:
            span = resolve(frames[_OPEN])
        elif atom.yearly is not None and atom.unit in _NAMING_UNITS and names_event(text, start, end, v):
            span = resolve(_NO_YEAR)
        else:
            span = _resolve_in_tense(text, atom, frames, v)
        if span is None or (span.low is None and _says_nothing(span)):
            continue
        matches.append(new_match(start, end, text[start:end], span, hedge))
    return matches


# Frames by the tense of a sentence: unknown, future, plainly past.
_OPEN, _FUTURE, _PAST = range(3)
# The frame of a date whose year nothing tells: "the Oct. 7 attacks" may be of any year.
_NO_YEAR = Frame(None)
# Days of a month, alone or in a range ("the Nov. 22-23 summit"), can name an event.
_NAMING_UNITS = frozenset({"day", "range"})


@lru_cache(maxsize=64)
def _frames(published: dt.date | None, ahead_days: int, grace_days: int) -> tuple[Frame, Frame, Frame]:
    """The frames of a publication date: tense unknown, future, plainly past."""
    return (Frame(published, False, ahead_days), Frame(published, True, ahead_days),
            Frame(published, False, ahead_days, past=True, past_grace_days=grace_days))


def _resolve_in_tense(text: str, atom: Atom, frames: tuple[Frame, Frame, Frame], v: Vocab) -> DateSpan | None:
    """The days of an expression whose reading may depend on the tense of its sentence.

    After "since" the days have begun by publication; after a future cue they are read
    forward. Otherwise the reading of unknown tense stands unless it starts after
    publication and the sentence plainly speaks of the past: then the latest occurrence
    begun by publication ("exports fell in July", read on June 1, is last July). The
    whole sentence is read only in that case, which is rare.
    """
    start, resolve = atom.start, atom.resolve
    if opens_past(text, start, v):
        return resolve(frames[_PAST])
    before = sentence_before(text, start)
    if looks_ahead_in(before):
        return resolve(frames[_FUTURE])
    span = resolve(frames[_OPEN])
    published = frames[_OPEN].published
    if span is None or span.low is None or published is None or span.low <= published:
        return span  # begun by publication: the past reading is the same
    return resolve(frames[_PAST]) if plainly_past(text, start, atom.end, v, before) else span


def _says_nothing(span: DateSpan) -> bool:
    """Every day: no range and no constraint, so not a value."""
    return (span.low is None and span.high is None and span.weekdays is None and span.months is None
            and span.month_days is None)


def _atoms(env: Env) -> list[Atom]:
    """The winning atoms in text order: of overlapping ones the longest, the earlier on
    a tie, then the one of the earlier pattern.

    Only overlapping atoms compete, so matches are cut, in text order, into runs that
    may overlap one another. A handler's atom covers its match and may start up to
    its :data:`REACH_BEFORE` earlier, so within a run a match is turned into an atom
    only when no longer winner already covers it ("2025" in "April 8, 2025" is not).
    """
    kept: list[Atom] = []
    run: list[tuple[int, Hit]] = []
    run_end = -1
    reach_before = REACH_BEFORE
    for hit in find_matches(env.text, env.probe):
        start, end, _, name, _ = hit
        if run and start - MAX_REACH >= run_end:
            if len(run) == 1:
                atom = _atom_of(run[0][1], env, run[0][0])
                if atom is not None:
                    kept.append(atom)
            else:
                _settle(run, env, kept)
            run = []
        reach = reach_before.get(name)
        run.append((start - reach(start, env) if reach else start, hit))
        if end > run_end:
            run_end = end
    if len(run) == 1:
        atom = _atom_of(run[0][1], env, run[0][0])
        if atom is not None:
            kept.append(atom)
    elif run:
        _settle(run, env, kept)
    return kept


def _settle(run: list[tuple[int, Hit]], env: Env, kept: list[Atom]) -> None:
    """Add the winners of one run to ``kept``, in text order.

    Matches are ranked by the best their atoms could be (longest, earliest start) and
    made into atoms lazily: an atom ranked first for real wins unless it overlaps a
    winner, and a match that overlaps a winner is dropped without its handler.
    """
    winners: list[Atom] = []
    if all(low == hit[0] for low, hit in run):
        # No atom can start before its match, so every atom keeps its match's span and
        # rank: take them in rank order.
        for low, hit in sorted(run, key=lambda item: (item[0] - item[1][1], item[0], item[1][2])):
            if not _overlaps(hit[0], hit[1], winners):
                atom = _atom_of(hit, env, low)
                if atom is not None:
                    winners.append(atom)
        kept.extend(sorted(winners, key=lambda atom: atom.start))
        return
    queue = [(low - hit[1], low, hit[2], False, i) for i, (low, hit) in enumerate(run)]
    heapq.heapify(queue)
    made: dict[int, Atom] = {}
    while queue:
        _, _, order, is_atom, i = heapq.heappop(queue)
        if is_atom:
            atom = made[i]
            if not _overlaps(atom.start, atom.end, winners):
                winners.append(atom)
            continue
        hit = run[i][1]
        if _overlaps(hit[0], hit[1], winners):
            continue
        found = _atom_of(hit, env, run[i][0])
        if found is not None:
            made[i] = found
            heapq.heappush(queue, (found.start - found.end, found.start, order, True, i))
    kept.extend(sorted(winners, key=lambda atom: atom.start))


# Most handlers read only the words they matched, so the same words give the same
# atom (at another place): a corpus names the same dates over and over ("2024", "last
# quarter", "Jan. 5"), so such atoms are made once per wording. The others also read
# the words before their match (a weekday, "the year", a hedge, a month); of those,
# the handlers of numeric dates and years read them only where their reach says a
# word before may belong to the atom, and are made once per wording elsewhere.
# The handlers of days joined by "and" read the word after their match as well.
_READS_BEFORE = frozenset(REACH_BEFORE) | {"days_month", "day_to_date", "month_days"}
_UNREACHED_READ_NOTHING = frozenset({"ymd_num", "ymd_compact", "mdy_num", "md_num", "year", "decade_short"})
_MADE: dict[tuple[int, str, str], Atom | None] = {}
_MADE_AT_MOST = 20_000


def _atom_of(hit: Hit, env: Env, low: int) -> Atom | None:
    """The atom of a match (``low``: the earliest its atom may start), from its handler
    or from the atom of the same words."""
    start, end, order, name, m = hit
    if name in _READS_BEFORE and (low != start or name not in _UNREACHED_READ_NOTHING):
        return HANDLERS[name](m, env)
    key = (order, env.text[start:end], env.numeric_order)
    made = _MADE.get(key, _MISSING)
    if made is not _MISSING:
        # The same atom at this match's place (a named tuple, built as a plain tuple).
        return None if made is None else _new_atom(Atom, (start, end) + made[2:])
    made = HANDLERS[name](m, env)
    if len(_MADE) >= _MADE_AT_MOST:
        _MADE.clear()
    _MADE[key] = made
    return made


_MISSING = object()
_new_atom = tuple.__new__


def _overlaps(start: int, end: int, atoms: list[Atom]) -> bool:
    for atom in atoms:
        if start < atom.end and atom.start < end:
            return True
    return False
