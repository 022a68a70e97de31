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
  first one not over yet after a future marker. Without a publication date: nothing,
  except the weekday of "Monday, Jan. 5".
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

import bisect
import re
from typing import Callable, Sequence

from checker.values import dates_absolute as absolute
from checker.values import dates_ranges as ranges
from checker.values import dates_relative as rel
from checker.values import dates_weekdays as wd
from checker.values.base import ScanContext, ValueMatch
from checker.values.dates_calendar import Frame
from checker.values.dates_context import keep, looks_ahead
from checker.values.dates_model import Atom, Env
from checker.values.dates_sites import find_matches
from checker.values.dates_vocab import vocab
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


def find_dates(text: str, ctx: ScanContext, *, numeric_order: str | None = None) -> list[ValueMatch]:
    """All date expressions in ``text`` as sets of days, in reading order, without overlaps.

    ``numeric_order`` overrides the vocabulary's reading of "3/7/2017" ("mdy", "dmy" or
    "ambiguous").
    """
    v = vocab()
    order = numeric_order or v.numeric_order
    if order not in NUMERIC_ORDERS:
        raise ValueError(f"numeric_order {order!r}: expected one of {', '.join(NUMERIC_ORDERS)}")
    # Matching lower-cased text is faster; only when lower-casing keeps every offset.
    lowered = text.lower()
    folded = len(lowered) == len(text)
    env = Env(text, ctx, order, v, lowered if folded else text, folded)
    atoms = _longest(_candidates(env))
    atoms = ranges.merge_ranges(text, ranges.apply_prefixes(text, atoms, v))
    matches: list[ValueMatch] = []
    for atom in atoms:
        if not keep(text, atom, v):
            continue
        future = atom.tensed and ctx.published is not None and looks_ahead(text, atom.start)
        frame = Frame(ctx.published, future, v.ahead_days)
        span = atom.resolve(frame)
        if span is None or (span.low is None and span.high is None and span.weekdays is None):
            continue
        value = DateSpan(span.low, span.high, span.weekdays)
        matches.append(ValueMatch(atom.start, atom.end, text[atom.start:atom.end], value, atom.hedge))
    return matches


def _candidates(env: Env) -> list[tuple[int, Atom]]:
    """Every pattern's matches turned into atoms (overlapping), with the pattern's order."""
    out: list[tuple[int, Atom]] = []
    for order, name, m in find_matches(env.scanned, env.folded):
        atom = HANDLERS[name](m, env)
        if atom is not None:
            out.append((order, atom))
    return out


def _longest(atoms: Sequence[tuple[int, Atom]]) -> list[Atom]:
    """Keep the longest of overlapping atoms (the earlier one on a tie, then the earlier
    pattern), in text order."""
    ranked = sorted(atoms, key=lambda pair: (pair[1].start - pair[1].end, pair[1].start, pair[0]))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Atom] = []
    for _, atom in ranked:
        i = bisect.bisect_right(starts, atom.start)
        if (i > 0 and ends[i - 1] > atom.start) or (i < len(starts) and starts[i] < atom.end):
            continue
        starts.insert(i, atom.start)
        ends.insert(i, atom.end)
        kept.append(atom)
    kept.sort(key=lambda a: a.start)
    return kept
