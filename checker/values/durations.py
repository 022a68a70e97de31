"""Durations: "11 years", "two weeks", "a four-day state visit", "more than two decades".

A duration is a count of days, weeks, months or years; "decade", "century" and
"fortnight" are converted ("two decades" = 20 years), and so is a share of a decade or a
century ("a quarter of a century" = 25 years, "half a decade" = 5). The vocabulary is in
``checker/data/units.yaml``. What is left out, and why:

- ages ("a 30-year-old", "30 years old"): a property of a person, not the length of an
  event, and a frequent source of unrelated figures in news copy;
- compounds inside names ("the 15th Five-Year Plan"): a capitalised unit word marks a
  title, whose number says nothing about a duration in the story;
- "a year", "a decade" are read only after a hedge ("more than a decade", "nearly a
  year"), where they are plainly a length; alone they are mostly rates ("$5 billion a
  year") or idioms;
- a relative date ("just over two months ago", "three days later") is the date parser's:
  the words after the duration make it a point in time.

A range is one duration: "5 to 10 years", "between 5 and 10 years", "5-10 years" (the bare
first end takes the unit of the second; see :func:`checker.values.numphrase.range_before`).
Read as the second end alone, "10 years" would contradict a source's "seven years".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from checker.values.base import ScanContext, ValueMatch
from checker.values.figures import (
    HedgeIndex,
    case_forms,
    char_class,
    find_hedge,
    hedge_index,
    make_match,
    range_interval,
    shared_quantity,
)
from checker.values.hedges import MODES, Hedge
from checker.values.neighbours import followed_by
from checker.values.numlex import alternation, lexicon, load_yaml
from checker.values.numphrase import RANGE_REACH, NumberPhrase, number_phrases, range_before, range_start
from checker.values.numruns import lowered_text, word_starts
from checker.values.types import Interval, Quantity

__all__ = ["find_durations"]

_BLANKS = " \t\u00a0"


@dataclass(frozen=True)
class _Units:
    after: re.Pattern[str]
    near: re.Pattern[str]  # neighbours of a figure a unit may follow (see ``neighbours``)
    article: re.Pattern[str]
    article_lower: re.Pattern[str]  # the same, for lower-cased text
    age: re.Pattern[str]  # "old": an age, not a duration
    relative: re.Pattern[str]  # "ago": a point in time, not a duration
    units: dict[str, tuple[str, float]]
    hedge_modes: dict[str, str]  # hedge phrase -> its mode before a length of time
    fraction: re.Pattern[str]  # "a quarter of a century", "half a decade"
    fractions: dict[str, float]  # the words before the unit (blanks as one space) -> share


@lru_cache(maxsize=1)
def _units() -> _Units:
    raw = load_yaml("units.yaml")
    units = {str(k).lower(): (str(v["unit"]), float(v["factor"])) for k, v in raw["durations"].items()}
    words = alternation(units)
    first = case_forms(w[0] for w in units)
    if first is None:
        raise ValueError("units.yaml: a duration unit opens with a non-ASCII letter with cases")
    singular = alternation(w for w in units if not w.endswith("s") or w.endswith("ss"))
    after = re.compile(rf"(?P<sep>[ \t\u00a0]+|-)(?P<unit>{words})(?![\w])", re.IGNORECASE)
    article = re.compile(rf"(?<![\w-])an?[ \t\u00a0]+(?P<unit>{singular})(?![\w-])", re.IGNORECASE)
    # On lower-cased text the pattern can open with its literal "a" (the left neighbour is
    # checked right after it), which lets the regex engine skip ahead fast.
    article_lower = re.compile(rf"a(?<![\w-]a)n?[ \t\u00a0]+(?P<unit>{singular})(?![\w-])")
    age = re.compile(rf"(?:[ \t\u00a0]+|-)(?:{alternation(raw['age_words'])})(?![\w])", re.IGNORECASE)
    relative = re.compile(rf"\s+(?:{alternation(raw['relative_date_words'])})(?![\w])", re.IGNORECASE)
    # The unit follows blanks or a hyphen; after one blank, it starts the next word.
    near = re.compile(rf"\0(?: {char_class(first | set(_BLANKS))}|[\t\u00a0-])")
    hedge_modes = {str(k).lower(): str(v) for k, v in (raw.get("duration_hedge_modes") or {}).items()}
    for phrase, mode in hedge_modes.items():
        if mode not in MODES:
            raise ValueError(f"units.yaml: duration_hedge_modes: {phrase!r} has unknown mode {mode!r}; "
                             f"expected one of {', '.join(MODES)}")
    fractions = {str(k).lower(): float(v) for k, v in raw["duration_fractions"].items()}
    shares = "|".join(
        re.escape(k).replace(r"\ ", r"[ \t\u00a0]+") + ("" if k.endswith("-") else r"[ \t\u00a0]+")
        for k in sorted(fractions, key=len, reverse=True))
    fraction = re.compile(rf"(?<![\w-])(?P<share>{shares})(?P<unit>{alternation(raw['fraction_units'])})(?![\w-])",
                          re.IGNORECASE)
    return _Units(after, near, article, article_lower, age, relative, units, hedge_modes, fraction, fractions)


def _as_duration_hedge(hedge: Hedge | None, units: _Units) -> Hedge | None:
    """``hedge`` as it reads before a length of time (see ``duration_hedge_modes``)."""
    if hedge is None:
        return None
    mode = units.hedge_modes.get(hedge.phrase)
    return hedge if mode is None or mode == hedge.mode else replace(hedge, mode=mode)


def find_durations(text: str, ctx: ScanContext) -> list[ValueMatch]:
    """Every length of time in ``text`` counted in days, weeks, months or years."""
    units = _units()
    hedges = hedge_index(ctx.hedges)
    out: list[ValueMatch] = []
    phrases = number_phrases(text)
    for k in followed_by(text, units.near):
        phrase = phrases[k]
        match = _duration(text, phrase, units, hedges)
        if match is None:
            continue
        # The usual duration has no figure right before it, which settles that it ends no range.
        if k and phrase.start - phrases[k - 1].end <= RANGE_REACH:
            match = _as_range(text, phrases, k, match, units, hedges) or match
        if phrase.pending_scale and match.start >= phrase.start:
            continue  # the second end of "5-10" with no range read: not a figure alone
        out.append(match)
    lowered = lowered_text(text)
    articles = units.article.finditer(text) if lowered is None else units.article_lower.finditer(lowered)
    for m in articles:
        hedge, start = find_hedge(text, m.start(), ctx)
        if hedge is None or _followed_by_word(text, m.end()) and (
            units.age.match(text, m.end()) or units.relative.match(text, m.end())
        ):
            continue
        unit, factor = units.units[m.group("unit").lower()]
        quantity = shared_quantity("duration", factor, None, _as_duration_hedge(hedge, units), unit=unit)
        out.append(make_match(text, start, m.end(), quantity, hedge))
    out.extend(_shares(text, lowered, ctx, units))
    return sorted(out, key=lambda v: v.start)


def _shares(text: str, lowered: str | None, ctx: ScanContext, units: _Units) -> list[ValueMatch]:
    """Lengths given as a share of a long unit: "a quarter of a century" (25 years),
    "more than half a century" (over 50 years), "a half-century"."""
    found: list[ValueMatch] = []
    for m in units.fraction.finditer(text) if lowered is None else _share_matches(lowered, units):
        if _followed_by_word(text, m.end()) and (units.age.match(text, m.end()) or units.relative.match(text, m.end())):
            continue
        share = units.fractions[" ".join(m.group("share").lower().split())]
        unit, factor = units.units[m.group("unit").lower()]
        hedge, start = find_hedge(text, m.start(), ctx)
        quantity = shared_quantity("duration", share * factor, None, _as_duration_hedge(hedge, units), unit=unit)
        found.append(make_match(text, m.start() if hedge is None else start, m.end(), quantity, hedge))
    return found


def _share_matches(text: str, units: _Units) -> list[re.Match[str]]:
    """The matches of the share pattern, searched only near a "half" or a "quarter": a
    pattern opening with a look-behind and several words would be tried at every
    character of the text."""
    matches: dict[int, re.Match[str]] = {}
    search = units.fraction.search
    for word in _SHARE_WORDS:
        for at in word_starts(text, word):
            # A unit word must follow close by ("last quarter" has none); the share's words
            # start at most "three-" before ("three-quarters of a").
            end = at + 40
            if text.find("decade", at, end) >= 0 or text.find("centur", at, end) >= 0:
                m = search(text, max(0, at - 6), end)
                if m is not None and m.start() <= at:
                    matches[m.start()] = m
    return [matches[k] for k in sorted(matches)]


# Lower-case: the text searched is lower-cased (see ``lowered_text``).
_SHARE_WORDS = ("half", "quarter")


def _as_range(text: str, phrases: tuple[NumberPhrase, ...], k: int, second: ValueMatch, units: _Units,
              hedges: HedgeIndex) -> ValueMatch | None:
    """The range ending with the duration ``second`` of ``phrases[k]`` when a bare figure
    before it takes its unit ("5 to 10 years", "between 5 and 10 years"), else None."""
    ends = range_before(text, phrases, k)
    if ends is None or ends.sign:
        return None  # a currency sign has no place in a range of durations
    first = ends.first
    if first.glued or first.letter_scale is not None:
        return None
    if (first.left_word or "").lower() in lexicon().range_change_words:
        return None  # "extended from 15 to 30 days": a change, two lengths
    if second.hedge is not None:
        return None  # "5 to about 10 years": the hedge belongs to the second end alone
    quantity = second.value
    assert isinstance(quantity, Quantity) and quantity.unit is not None
    factor = units.units[_unit_word(text, phrases[k].end)][1]
    hedge, begin = hedges.after_word(text, first.start, first.left_word)
    hedge = _as_duration_hedge(hedge, units)
    low = ends.low.scaled(factor) if factor != 1.0 else ends.low
    interval = range_interval(low, _unhedged(phrases[k], factor), hedge)
    start = range_start(text, begin)
    return make_match(text, start, second.end, Quantity(kind="duration", interval=interval, unit=quantity.unit), hedge)


def _unit_word(text: str, end: int) -> str:
    """The unit word after a figure ending at ``end`` (as ``_duration`` found it), lower-cased."""
    m = _units().after.match(text, end)
    assert m is not None
    return m.group("unit").lower()


def _unhedged(phrase: NumberPhrase, factor: float) -> Interval:
    """A figure's own set in the unit its word counts in ("2 decades": 20 years)."""
    interval = phrase.interval
    return interval.scaled(factor) if factor != 1.0 else interval


def _followed_by_word(text: str, end: int) -> bool:
    """Whether white space or a hyphen follows ``end``: what "old" and "ago" need."""
    after = text[end:end + 1]
    return after == "-" or after.isspace()


def _duration(text: str, phrase: NumberPhrase, units: _Units, hedges: HedgeIndex) -> ValueMatch | None:
    if phrase.form != "cardinal" or phrase.letter_scale is not None or phrase.glued:
        return None  # (a phrase pending a range partner is read, and kept only as a range's end)
    m = units.after.match(text, phrase.end)
    if m is None:
        return None
    word = m.group("unit")
    hyphen = m.group("sep") == "-"
    if hyphen and word.lower().endswith("s"):
        return None  # compounds take the singular: "a four-day visit", not "four-days"
    if word[0].isupper() and not word.isupper():
        return None  # a title: "the 15th Five-Year Plan"
    if _followed_by_word(text, m.end()) and (units.age.match(text, m.end()) or units.relative.match(text, m.end())):
        return None
    unit, factor = units.units[word.lower()]
    hedge, start = hedges.after_word(text, phrase.start, phrase.left_word)
    quantity = shared_quantity("duration", phrase.value, phrase.step, _as_duration_hedge(hedge, units), factor, unit=unit)
    return make_match(text, start, m.end(), quantity, hedge)
