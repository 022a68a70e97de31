"""Number phrases: the one reader of "a number with an optional scale" that every value
parser shares (plain numbers, money, percentages, durations).

:mod:`checker.values.numruns` finds *runs* of number tokens ("2.14 trillion",
"twenty-one", "3 hundred and 21", "$10m" without the sign);
:mod:`checker.values.numgrammar` splits a run into numbers; this module then drops what
the surrounding characters show is not a quantity: parts of identifiers ("COVID-19",
"192.168.1.2", "5/17/2018", "10:30", URLs), and reads a sign glued to the digits ("-0.3").

The phrases of a text are computed once and shared by the finders (the cache holds the
last few texts), so a full scan reads the numbers of a text once.

Two figures may be the two ends of one range ("2 to 3 million", "5-7%", "$40 to $50
million", "between $28 billion and $29 billion"). A figure that cannot be read alone is
marked ``pending_scale``: a bare one before a scaled one ("2" in "2 to 3 million"), and
both ends of figures joined by a dash ("5-7", "2020-2025", "3-1"), which are a range, a
score or an identifier. :func:`range_before` (of :mod:`checker.values.numreading`,
shared from here with the other range readers) tells whether two neighbouring figures
make a range and what the first end stands for; the finders that know the unit (money,
percentages) or the scale (:func:`number_ranges`) then read the pair as one value.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from checker.values.figures import word_before
from checker.values.numlex import lexicon
from checker.values.numgrammar import DASH_FIRST, DASH_SECOND
from checker.values.numpatterns import number_patterns
from checker.values.numreading import (
    FIGURES,
    OVERFLOW,
    PAIR_DASHES,
    RANGE_REACH,
    RangeEnds,
    bare_link,
    borrows_in_order,
    hedged_link,
    joined_start,
    range_before,
    range_start,
    read_run,
    rounding_interval,
    same_sign,
    simple_run,
)
from checker.values.numruns import number_runs
from checker.values.types import Interval

__all__ = ["RANGE_REACH", "NumberPhrase", "RangeEnds", "bare_link", "hedged_link", "joined_start", "number_phrases",
           "number_ranges", "range_before", "range_start", "rounding_interval"]

_SPACE_GROUPED = re.compile(r"\d{1,3}(?: \d{3}(?!\d))+")
_DIGITS_NEXT = re.compile(r" \d")
_LAST_WORD = re.compile(r"([A-Za-z.]+)\s+$")
_DASHES = "-–—−"
_NOT_IDENTIFIER = " \t\n("  # what may stand before a sign glued to digits ("-0.3")


class NumberPhrase(NamedTuple):
    """One number in a text: where it is, its value and how precisely it was written.

    ``step`` is the rounding unit: "2.14 trillion" has step 1e10 and stands for
    [2.135e12, 2.145e12]; ``None`` means exact ("15", "two hundred"). ``interval`` is
    that set, before any hedge. ``plain_integer``: digits only, no separators, decimals
    or scale ("2022", "15").
    ``letter_scale`` is a glued unit letter ("10m", "$5k") that only money reads.
    ``pending_scale`` marks a figure that is wrong read alone, so the finders skip it
    unless they read it as an end of a range (:func:`range_before`): a bare figure that
    borrows the scale of the next one ("2" in "2 to 3 million"), or an end of two figures
    joined by a dash ("5-7", "2020-2025", "3-1").
    ``glued`` marks digits touching letters ("G20", "10km", "USD115", "100元").
    ``left_word`` is :func:`checker.values.figures.word_before` at the start: the word of
    letters one blank before the figure ("signed" in "signed 15"), which several finders
    look at, or None when the figure stands otherwise.

    A named tuple rather than a dataclass: a text has a figure every hundred characters
    or so, and a tuple is several times cheaper to build.
    """

    start: int
    end: int
    text: str
    value: float
    step: float | None
    form: str
    words: bool
    scaled: bool
    interval: Interval
    plain_integer: bool
    letter_scale: float | None = None
    pending_scale: bool = False
    glued: bool = False
    left_word: str | None = None


# Intervals are immutable, so equal figures share one; zero is left out because 0.0 and
# -0.0 are equal keys but different values.
_shared_interval = lru_cache(maxsize=4096, typed=True)(rounding_interval)


def number_phrases(text: str) -> tuple[NumberPhrase, ...]:
    """Every number phrase of ``text``, in reading order (cached for the last texts)."""
    return _number_phrases(text)[0]


def number_ranges(text: str) -> tuple[int, ...]:
    """Indices of the scaled phrases of ``text`` that the phrase before them may join as
    the ends of a range ("3 million" in "2 to 3 million"); :func:`range_before` decides."""
    return _number_phrases(text)[1]


@lru_cache(maxsize=8)
def _number_phrases(text: str) -> tuple[tuple[NumberPhrase, ...], tuple[int, ...]]:
    phrases: list[NumberPhrase] = []
    scaled_at: list[int] = []  # indices of phrases with a scale word, for ranges
    add = phrases.append
    # Local names: this loop runs once per figure of the text.
    figures, dashes, right_glue, reach_back = FIGURES, _DASH_SET, _RIGHT_GLUE, _REACH
    for start, end in number_runs(text):
        raw = text[start:end]
        # Most runs are one figure, maybe with a scale word ("14", "2,500", "43.4 billion"):
        # read once per spelling without the grammar (see ``numreading``), and checked
        # against their neighbours here (as ``_add`` does).
        figure = figures.get(raw) or simple_run(raw)
        if figure is None:
            # A space-grouped figure stays apart after a month ("March 5 300 people") and
            # before another group of digits ("call 555 123 4567": a phone number).
            grouped = _SPACE_GROUPED.match(raw)
            split = grouped is not None and (_DIGITS_NEXT.match(text, start + grouped.end()) is not None
                                             or _word_before(text, start) in lexicon().no_space_grouping_after)
            for a, b, value, step, form, words, scaled, letter, lead_digits, dashed in read_run(raw, split):
                count = len(phrases)
                _add(text, start + a, start + b, value, step, form, words, scaled, letter, lead_digits, add, dashed)
                if scaled and len(phrases) > count:
                    scaled_at.append(count)
            continue
        if figure is OVERFLOW:
            continue  # a figure too long for a float, which ``_add`` would drop
        before = text[start - 1] if start else ""
        value, step, interval, plain, scaled = figure
        if before in dashes:
            count = len(phrases)
            _add(text, start, end, value, step, "cardinal", scaled, scaled, None, True, add,  # a sign?
                 _dash_ends(text, start, end, phrases))
            if scaled and len(phrases) > count:
                scaled_at.append(count)
            continue
        after = text[end:end + 1]
        if after in right_glue and text[end + 1:end + 2].isdigit():
            if after in PAIR_DASHES:  # "5–7": the first end of a dash pair (rare: a dash, then a digit)
                count = len(phrases)
                _add(text, start, end, value, step, "cardinal", scaled, scaled, None, True, add, DASH_FIRST)
                if scaled and len(phrases) > count:
                    scaled_at.append(count)
            continue  # "192.168.1.2", "5/17/2018", "10:30", "1,3"
        left_word = None
        if before == " ":
            glued = after.isalpha()
            if start > 1 and text[start - 2].isalpha():  # ``word_before``, inline
                reach = text[start - reach_back if start > reach_back else 0:start - 1]
                left_word = reach.rsplit(None, 1)[-1]
                if len(left_word) == len(reach) or not left_word.isalpha():
                    left_word = None
        else:
            glued = before.isalpha() or (before == "." and text[start - 2:start - 1].isalpha()) or after.isalpha()
        if scaled:
            scaled_at.append(len(phrases))
        add(_new_phrase(NumberPhrase, (start, end, raw, value, step, "cardinal", scaled, scaled,
                                       interval, plain, None, False, glued, left_word)))
    seconds = _mark_pending(text, phrases, scaled_at) if scaled_at else ()
    return tuple(phrases), seconds


_new_phrase = tuple.__new__
_REACH = 41  # how far back ``word_before`` looks for the blank before the word
_DASH_SET = frozenset(_DASHES)
_RIGHT_GLUE = frozenset("./:," + _DASHES)


def _add(text: str, start: int, end: int, value: float, step: float | None, form: str, words: bool, scaled: bool,
         letter_scale: float | None, lead_digits: bool, add: Callable[[NumberPhrase], None], dashed: int = 0) -> None:
    """Add the phrase at ``text[start:end]`` unless its neighbours show it is no number.

    ``dashed``: the ``numgrammar`` flags of an end of a dash pair, kept as a pending phrase.
    """
    if start and lead_digits and text[start - 1] in _DASHES:
        before = text[start - 2] if start > 1 else " "
        if before.isalnum():
            if not dashed & DASH_SECOND:
                return  # "COVID-19", "F-16"
        elif text[start - 1] in "-−" and before in _NOT_IDENTIFIER:
            start, value = start - 1, -value
    after = text[end:end + 1]
    if (after in "./:," or after in _DASHES) and after and text[end + 1:end + 2].isdigit():
        if not (dashed & DASH_FIRST and after in PAIR_DASHES):
            return  # "192.168.1.2", "5/17/2018", "10:30", "1,3"
    if not math.isfinite(value):
        return
    left = text[start - 2:start] if start > 1 else text[:start]
    glued = left[-1:].isalpha() or (left[-1:] == "." and left[:1].isalpha()) or after.isalpha()
    phrase_text = text[start:end]
    plain = phrase_text.lstrip("-−").isdigit()
    interval = _shared_interval(value, step) if value else rounding_interval(value, step)
    add(_new_phrase(NumberPhrase, (start, end, phrase_text, value, step, form, words, scaled, interval, plain,
                                   letter_scale, bool(dashed), glued, word_before(text, start))))


def _dash_ends(text: str, start: int, end: int, phrases: list[NumberPhrase]) -> int:
    """The dash-pair flags of a figure read after a dash, outside the grammar ("7" in "5–7")."""
    flags = 0
    if text[start - 1] in PAIR_DASHES and phrases and phrases[-1].end == start - 1 and phrases[-1].pending_scale:
        flags = DASH_SECOND  # the figure before is a first end (it was kept only as one)
    if text[end:end + 1] in PAIR_DASHES and text[end + 1:end + 2].isdigit():
        flags |= DASH_FIRST
    return flags


def _word_before(text: str, pos: int) -> str:
    m = _LAST_WORD.search(text, max(0, pos - 20), pos)
    return m.group(1).lower().rstrip(".") if m else ""


def _mark_pending(text: str, phrases: list[NumberPhrase], scaled_at: list[int]) -> tuple[int, ...]:
    """Flag "2" in "2 to 3 million" / "$2-$3 billion": it means 2 million, not 2.

    Returns the indices of the scaled phrases that the phrase before them may join as a
    range ("2 to 3 million", "2 million-3 million"), for :func:`number_ranges`.
    """
    range_link = number_patterns().range_link
    seconds: list[int] = []
    for k in scaled_at:
        if k == 0:
            continue
        here, nxt = phrases[k - 1], phrases[k]
        if here.form != "cardinal" or nxt.start - here.end > RANGE_REACH:
            continue
        link = range_link.match(text, here.end, nxt.start)
        if link is None:
            continue
        # A range repeats its own sign ("$2 to $3 billion"); "HK$10 and A$5 million" is
        # two amounts in two currencies.
        if not same_sign(text, here, link.group("sign")):
            continue
        seconds.append(k)
        if not here.scaled and borrows_in_order(here, nxt):
            phrases[k - 1] = here._replace(pending_scale=True)
    return tuple(seconds)
