"""Ranges and modifiers: "from 4 to 22 January", "Nov-Feb 2017", "early November".

Day ranges that share one month ("November 19-20") have their own patterns; any two
other expressions joined by "to", "-", "until" (or "between ... and") become one
range here, where an end written without a year takes it from the other end.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Sequence

from checker.values.dates_calendar import (
    Frame, Span, Yearly, add_months, choose, earliest_after, latest_before, make_date, part, undated, week_span,
)
from checker.values.dates_model import Atom, Env, fixed, month_of, relative, yearly
from checker.values.dates_patterns import month_before, prefixes
from checker.values.dates_probe import word_before, words_of
from checker.values.dates_vocab import norm

_PREFIXED_UNITS = frozenset({"month", "year", "decade", "day"})  # parts of the first three, weeks of a day
_CONNECTOR = re.compile(r"\s*(?:-|–|—|~|to|till|til|until|through|thru|and)\s*", re.IGNORECASE)
_RANGE_START = re.compile(r"(?<!\w)(?P<pre>from|between)\s+$", re.IGNORECASE)


def _days(year: int, month: int, first: int, last: int, left_moves: bool) -> Span | None:
    """Days ``first``..``last`` of a month; when first > last, one end is in the next/previous month."""
    if first <= last:
        low, high = make_date(year, month, first), make_date(year, month, last)
    elif left_moves:
        before = add_months(dt.date(year, month, 1), -1)
        low, high = make_date(before.year, before.month, first), make_date(year, month, last)
    else:
        after = add_months(dt.date(year, month, 1), 1)
        low, high = make_date(year, month, first), make_date(after.year, after.month, last)
    return None if low is None or high is None else Span(low, high)


def _and_ok(m: re.Match[str], env: Env, first: int, last: int) -> bool:
    """ "4 and 22" is a range only after "between", or when the days follow one another
    and no word that the second might count comes after it: "June 15 and 16" are the
    two days, "June 15 and 16 people" a date and a count."""
    if m["conn"].lower() != "and":
        return True
    if any((m.groupdict().get(k) or "").lower() == "between" for k in ("pre", "bw")):
        return True
    if last != first + 1:
        return False
    after = _WORD_AFTER.match(env.text, m.end())
    return after is None or after.group(1).lower() in _DAY_FOLLOWERS


# The word right after a match, on its line (None: punctuation or the line's end next).
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z]+)")
# Words that may follow the second of two days joined by "and" ("on June 15 and 16 in Paris").
_DAY_FOLLOWERS = frozenset({"in", "at", "on", "to", "and", "or", "but", "when", "with", "for", "as", "during",
                            "after", "before", "while", "amid", "under", "this", "last", "next"})


def _month_days(m: re.Match[str], env: Env, left_moves: bool) -> Atom | None:
    first, last = env.v.day(m["d1"]), env.v.day(m["d2"])
    if first is None or last is None or not _and_ok(m, env, first, last):
        return None
    start, end = m.start(), m.end()
    if m.groupdict().get("mshift"):
        offset = env.v.period_shift[norm(m["mshift"])]

        def rule(pub: dt.date, _: bool) -> Span | None:
            month = add_months(pub.replace(day=1), offset)
            return _days(month.year, month.month, first, last, left_moves)

        return relative(start, end, "range", rule, tensed=False)
    month = month_of(m["mon"])
    if month is None:
        return None
    if m["year"]:
        return fixed(start, end, "range", _days(int(m["year"]), month, first, last, left_moves))
    return yearly(start, end, "range", lambda y: _days(y, month, first, last, left_moves))


def _month_right_before(m: re.Match[str], env: Env) -> bool:
    """Whether a month word ends right before the match ("Oct. |2 to October 22")."""
    pattern = month_before()
    if word_before(env.probe, m.start())[0] not in words_of(pattern.pattern):
        return False
    return pattern.search(env.text, max(0, m.start() - 12), m.start()) is not None


def days_month(m: re.Match[str], env: Env) -> Atom | None:
    """ "from 4 to 22 January, 2017", "between 3 and 12 of Sept", "4 to 23 next month"."""
    if _month_right_before(m, env):
        return None  # "September 4th through September 8th" is two dates
    return _month_days(m, env, left_moves=True)


def month_days(m: re.Match[str], env: Env) -> Atom | None:
    """ "November 19-20", "April 9th through the 17th", "November between 19 and 20"."""
    return _month_days(m, env, left_moves=False)


def day_to_date(m: re.Match[str], env: Env) -> Atom | None:
    """ "from 02 to April 07": the left day is in the right end's month."""
    if _month_right_before(m, env):
        return None  # "Oct. 2 to October 22" is two dates, not "2 to October 22"
    return _month_days(m, env, left_moves=True)


def apply_prefixes(env: Env, atoms: Sequence[Atom]) -> list[Atom]:
    """Widen atoms preceded by a part ("early November", "the end of 2000") or a week
    ("the week of May 4", "the week starting May 4")."""
    part_re, week_re = prefixes()
    part_words, week_words = _prefix_words()
    text, v, probe = env.text, env.v, env.probe
    out: list[Atom] = []
    for atom in atoms:
        if atom.unit not in _PREFIXED_UNITS:
            out.append(atom)
            continue
        # The prefixes end with their own words (a week phrase with two of them): look
        # for one only after such words.
        before, at = word_before(probe, atom.start)
        if before not in part_words and before not in week_words:
            out.append(atom)  # the usual case: no prefix can end here
            continue
        window_start = max(0, atom.start - 40)
        found = week = None
        if atom.unit in ("month", "year", "decade") and before in part_words:
            found = part_re.search(text, window_start, atom.start)
        if found is not None:
            word = norm(found["p1"] or found["p2"])
            bounds = v.period_parts[v.part_words[word]][atom.unit]
            out.append(_with_part(atom, bounds, found.start()))
            continue
        if atom.unit == "day" and before in week_words and word_before(env.probe, at)[0] in week_words:
            week = week_re.search(text, window_start, atom.start)
        if week is not None:
            out.append(_with_week(atom, norm(week["w"]), week.start()))
            continue
        out.append(atom)
    return out


@lru_cache(maxsize=1)
def _prefix_words() -> tuple[frozenset[bytes], frozenset[bytes]]:
    """The words the part prefixes and the week prefixes can end with."""
    part_re, week_re = prefixes()
    return words_of(part_re.pattern), words_of(week_re.pattern)


def _with_part(atom: Atom, bounds: tuple[int, int], start: int) -> Atom:
    unit = atom.unit

    def cut(span: Span | None) -> Span | None:
        return None if span is None or span.low is None else part(span, unit, bounds)

    rule = atom.yearly
    yearly_part: Yearly | None = None if rule is None else (lambda y: cut(rule(y)))

    def resolve(frame: Frame) -> Span | None:
        if frame.published is None and yearly_part is not None:
            return undated(yearly_part)  # "early November": November 1-15 of some year
        if frame.past and yearly_part is not None:
            # The part must have begun by publication, not only its month: "since late
            # July" read on July 10 is last year's.
            return choose(yearly_part, frame)
        return cut(atom.resolve(frame))

    return Atom(start, atom.end, unit, resolve, yearly=yearly_part, tensed=atom.tensed)


def _with_week(atom: Atom, phrase: str, start: int) -> Atom:
    # "the week of May 4" is the Monday-to-Sunday week around it; "the week starting May 4"
    # is that week or the seven days from May 4 (May 4 need not be a Monday): both.
    def widen(span: Span | None) -> Span | None:
        if span is None or span.low is None:
            return None
        week = week_span(span.low)
        if phrase.endswith(" of") or week.high is None:
            return week
        return Span(week.low, max(week.high, span.low + dt.timedelta(days=6)))

    return Atom(start, atom.end, "week", lambda frame: widen(atom.resolve(frame)), tensed=atom.tensed)


def merge_ranges(text: str, atoms: Sequence[Atom]) -> list[Atom]:
    """Join neighbours separated by a range connector into one range atom."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms) and a.hedge is None and atoms[i + 1].hedge is None:
            b = atoms[i + 1]
            connector = _CONNECTOR.fullmatch(text, a.end, b.start)
            if connector is not None:
                pre = _RANGE_START.search(text, max(0, a.start - 12), a.start)
                word = connector.group().lower()
                # A tight hyphen joins a year only to a year ("2014-2018"), not "2020-September".
                tight_ok = word != "-" or (a.unit == "year") == (b.unit == "year")
                between = pre is not None and pre["pre"].lower() == "between"
                if tight_ok and (word.strip() != "and" or between):
                    out.append(_merge(a, b, a.start if pre is None else pre.start()))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _merge(a: Atom, b: Atom, start: int) -> Atom:
    both: Yearly | None = None
    if a.yearly is not None and b.yearly is not None:
        left, right = a.yearly, b.yearly
        both = lambda y: _pair(left, right, y)  # noqa: E731 - a one-line closure

    def resolve(frame: Frame) -> Span | None:
        if both is not None:
            return choose(both, frame) if frame.published is not None else undated(both)
        if a.yearly is not None:
            rb = b.resolve(frame)
            ra = None if rb is None or rb.low is None else latest_before(a.yearly, rb.low)
        elif b.yearly is not None:
            ra = a.resolve(frame)
            rb = None if ra is None or ra.high is None else earliest_after(b.yearly, ra.high)
        else:
            ra, rb = a.resolve(frame), b.resolve(frame)
        if ra is None or rb is None or ra.low is None or rb.high is None or ra.low > rb.high:
            return None
        return Span(ra.low, rb.high)

    return Atom(start, b.end, "range", resolve, yearly=both, tensed=a.tensed or b.tensed)


def _pair(left: Yearly, right: Yearly, year: int) -> Span | None:
    """Both ends written without a year: the right end in ``year``, the left before it."""
    rb = right(year)
    if rb is None or rb.low is None:
        return None
    la = left(year)
    if la is not None and la.low is not None and la.low > rb.low:
        la = left(year - 1)
    if la is None or la.low is None or rb.high is None:
        return None
    return Span(la.low, rb.high)
