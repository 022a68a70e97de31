"""Compiled patterns of the date parser, assembled once from the YAML vocabulary.

Each pattern recognises one shape of expression and names its parts; turning a match
into days is :mod:`checker.values.dates_atoms`' job. Patterns use bounded repetition
only (a blank run, an optional word), so every scan is linear in the text.
"""

from __future__ import annotations

import re
from functools import lru_cache, partial

from checker.values.dates_probe import words_of
from checker.values.dates_vocab import Vocab, alternation, vocab

FLAGS = re.IGNORECASE | re.VERBOSE

# Number pieces that do not depend on the vocabulary.
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\w)"
YEAR4 = r"[12]\d{3}(?!\d)"
AFTER_NUMBER = r"(?![\w/]|[.,]\d)"


def _pieces(v: Vocab, tree: bool = True) -> dict[str, str]:
    """Regex fragments named after what they match; substituted into the templates.

    Word lists are prefix trees for matching; ``tree=False`` spells every word out,
    for reading which words a pattern can hold (:func:`spelled_sources`).
    """
    units = [u for u in v.units] + [u + "s" for u in v.units]
    alt = partial(alternation, tree=tree)
    return {
        # A month may touch digits ("Dec31, 1994") but not letters ("Market").
        "MON": rf"(?:{alt(v.months)})(?![^\W\d_])",
        "WD": rf"(?:{alt(v.weekdays)})(?!\w)",
        "DAY": rf"(?:{DAYNUM}|(?:{alt(v.day_words)})(?!\w))",
        "ORDDAY": rf"(?:{DAYNUM}|(?:{alt(v.ordinal_words)})(?!\w))",
        "ORD": rf"(?:\d{{1,2}}(?:st|nd|rd|th)|(?:{alt(v.ordinal_words)}))(?!\w)",
        "COUNT": rf"(?:\d{{1,3}}|(?:{alt(list(v.count_words) + list(v.vague_counts))})(?!\w))",
        "SHIFT": rf"(?:{alt(v.period_shift)})",
        "RELDAY": rf"(?:{alt(v.relative_days)})(?!\w)",
        "POD": rf"(?:{alt(v.parts_of_day)})(?!\w)",
        "PART": rf"(?:{alt(v.part_words)})",
        "UNIT": rf"(?:{alt(units)})(?!\w)",
        "WEEKOF": rf"(?:{alt(v.week_of)})",
        "QORD": r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last|latter)",
        "YEAR": YEAR4,
        "DAYNUM": DAYNUM,
        "END": AFTER_NUMBER,
    }


# Optional weekday in front of a date: "Monday, Jan. 5", "this friday (jun-15)".
_WD_PREFIX = r"""
    (?:(?:(?P<wrel>this|next|last|coming)\s+)?(?P<wd>{WD})\.?
       (?:\s*,\s*|\s*-\s*|\s*(?P<paren>\()\s*|\s+))?"""
_YEAR_SUFFIX = r"""
    (?:(?:\.?\s*,\s*|\.?\s+|\s*[-/]\s*)(?:(?:of|in)\s+)?(?P<year>{YEAR}|['’]\d\d(?!\d)|(?<=of\s)\d\d(?!\d))
     |\s+(?:of\s+)?(?:the\s+)?(?P<yshift>{SHIFT})\s+year(?!\w))?"""

# Numeric patterns start with a digit (the look-behind comes after it) so that the
# engine can skip to the next digit; a weekday in front ("Friday 7/6") is read later.

TEMPLATES: dict[str, str] = {
    # "Jan. 5, 2026", "Monday, January 5", "September the twenty-first", "Oct/2".
    "mdy": r"(?<!\w)" + _WD_PREFIX + r"""
        (?P<mon>{MON})(?:\.?\s*[-/]\s*|\.?\s*,\s*|\.?\s+|\.|(?P<glue>(?=\d)))
        (?:the\s+)?(?P<day>{DAY})"""
    + _YEAR_SUFFIX + r"(?(paren)\s*\))",
    # "5 January 2026", "the tenth of September", "05-Aug-2016", "Wed, 22 of Jan".
    "dmy": r"(?<![\w.,$€£¥])(?<![$€£¥]\x20)" + _WD_PREFIX + r"""
        (?:the\s+)?(?P<day>{ORDDAY})\.?(?:\s*[-/]\s*|\s+of\s+|\s+|(?<=\.))(?P<mon>{MON})"""
    + _YEAR_SUFFIX + r"(?(paren)\s*\))",
    # "2019-sep-1", "2019/sep/01".
    "ymd_name": r"""(?<![\w.])(?P<year>{YEAR})\s*(?P<s>[-/])\s*(?P<mon>{MON})\.?\s*(?P=s)\s*
        (?P<day>{DAYNUM})""",
    # "2026-01-05", "2015/08/12", "2015.5.13", "2016 10 16".
    "ymd_num": r"""(?P<year>[12](?<![\w.,/][12])\d{3})(?P<s>[-/.]|\x20)(?P<m>\d{1,2})(?P=s)
        (?P<d>\d{1,2}){END}""",
    # "20161016".
    "ymd_compact": r"""(?P<year>[12](?<![\w.,/][12])\d{3})(?<=19\d\d|20\d\d)
        (?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\w|[.,]\d)""",
    # "02/22/2016", "21/04/16", "9-18-15", "13.5.2015", "11/12, 2016".
    "mdy_num": r"""(?P<a>\d(?<![\w.,/]\d)\d?)(?P<s>[-/.])(?P<b>\d{1,2})
        (?:(?P=s)(?P<year>\d{4}|\d{2})|\s*,\s*(?P<year4>{YEAR})){END}""",
    # "4/22", "22/04" (needs a cue word: "on 4/22"); "4-22" is a score or a range in news.
    "md_num": r"(?P<a>\d(?<![\w.,/$€£¥]\d)\d?)(?P<s>/)(?P<b>\d{1,2})(?![\w/]|[.,]\d)",
    # "November 2025", "Jan, 2001", "Dec/2018", "June of 2016", "Sept. '98".
    "month_year": r"""(?<!\w)(?:(?:the\s+)?month\s+of\s+)?(?P<mon>{MON})
        (?:\.?\s*[-/]\s*|\.?\s*,\s*|\.?\s+)(?:(?:of|in)\s+)?
        (?:(?P<year>{YEAR}|(?<=of\s)\d\d(?!\d))|['’](?P<yy>\d\d)){END}""",
    # "2016 November", "2016, nov".
    "year_month": r"(?<![\w.,])(?P<year>{YEAR})(?:\s*,\s*|\s+)(?P<mon>{MON})",
    # "2016-11", "2015/3", "3/2015", "2011-12" (a season or December?), "2014-18".
    "ym_num": r"""(?P<year>[12](?<![\w.,/\-][12])\d{3})\s*(?P<s>[-/–])\s*(?P<m>\d{1,2})
        (?![\w/]|[.,/\-]?\d)""",
    # "FY2024-25", "FY 2024/25", "FY24-25": a fiscal year over two calendar years.
    "fiscal_range": r"""(?<!\w)fy[\s-]?(?P<year>{YEAR}|\d\d)\s*[-/–]\s*(?P<yy>\d\d(?:\d\d)?)
        (?![\w/]|[.,]\d)""",
    # "the financial year that ended in March 2025", "the fiscal year to March 31, 2025".
    "fiscal_ending": r"""(?<!\w)(?:the\s+)?(?:fiscal|financial)\s+year\s+(?:that\s+)?
        (?:ended|ending|ends|to|through|till|until)\s+(?:in\s+|on\s+)?(?P<mon>{MON})\.?
        (?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+(?P<year>{YEAR})(?!\w|[.,]\d)""",
    "my_num": r"""(?P<m>\d(?<![\w.,/\-]\d)\d?)\s*(?P<s>[-/])\s*(?P<year>{YEAR})
        (?![\w/]|[.,/\-]?\d)""",
    # "November", "last sept", "the month of May", "November last year".
    "month": r"""(?<!\w)(?:(?P<shift>{SHIFT})\s+)?(?:(?:the\s+)?month\s+of\s+)?(?P<mon>{MON})
        (?:\s+(?:of\s+)?(?:the\s+)?(?P<yshift>{SHIFT})\s+year(?!\w))?""",
    # "2024", "the year 2008", "1990s", "the 1970's".
    "year": r"""(?P<year>[12](?<![\w.,$€£¥#/+][12])\d{3}(?!\d))(?P<dec>['’]?s)?
        (?!\w|[.,]\d|\s*(?:%|percent\b|per\s+cent\b))""",
    # "the '90s".
    "decade_short": r"['’](?<!\w['’])(?P<yy>\d0)s(?!\w)",
    # "21st century", "the nineteenth century".
    "century": r"(?<!\w)(?:the\s+)?(?P<c>{ORD})[\s-]+century(?!\w)",
    # "the third quarter of 2016", "first half of this year", "the third- quarter".
    "quarter": r"""(?<!\w)(?:the\s+)?(?P<q>{QORD})[\s-]+(?P<what>quarter|half)(?!\w)
        (?:\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?:the\s+)?(?P<yshift>{SHIFT})\s+year(?!\w)|the\s+year(?!\w)))?""",
    # "2016 the third quarter", "next year's third-quarter".
    "year_quarter": r"""(?<!\w)(?:(?P<year>{YEAR})(?:['’]s)?|(?P<yshift>{SHIFT})\s+year['’]s)\s*
        (?:the\s+)?(?P<q>{QORD})[\s-]+(?P<what>quarter|half)(?!\w)""",
    # "Q3 2025", "2017-q1", "q1 of 2017", "H1 2016", "2016H2".
    "q_code": r"""(?<![\w.])(?:(?P<year>{YEAR})\s*-?\s*)?(?P<qh>[qh])(?P<n>[1-4])(?!\w)
        (?:\s*(?:-\s*|of\s+)?(?P<year2>{YEAR})|\s+(?:of\s+)?(?P<yshift>{SHIFT})\s+year(?!\w))?""",
    # "the first 11 months of 2025", "the first three quarters".
    "first_n": r"""(?<!\w)(?:the\s+)?(?P<fl>first|last|final)\s+(?P<n>{COUNT})\s+
        (?P<unit>months|quarters)(?!\w)
        (?:\s+of\s+(?:(?P<year>{YEAR})|(?:the\s+)?(?P<yshift>{SHIFT})\s+year(?!\w)|the\s+year(?!\w)))?""",
    # "yesterday", "tomorrow morning", "the day after tomorrow".
    "relday": r"(?<!\w)(?P<rd>{RELDAY})(?:\s+(?P<pod>{POD}))?",
    # "this week", "last year", "the coming week", "the past month".
    "relperiod": r"""(?<!\w)(?P<the>the\s+)?(?P<shift>{SHIFT}|past|this\s+past)\s+(?:calendar\s+)?
        (?P<unit>week|month|year|quarter|decade|weekend)(?!\w)""",
    # "the weekend", "over the weekend".
    "weekend": r"(?<!\w)the\s+weekend(?!\w)",
    # "the past 3 weeks", "next 3 days", "last 3year".
    "rolling": r"""(?<!\w)(?:the\s+)?(?P<dir>past|last|previous|next|coming|following|upcoming)\s+
        (?P<n>{COUNT})\s*(?P<unit>{UNIT})""",
    # "earlier this month", "late last year", "the end of the week", "mid next week".
    "relpart": r"""(?<!\w)(?:the\s+)?(?:(?P<el>earlier|later)\s+(?:this|in\s+the)
        |(?P<part>{PART})(?:\s+of)?(?:\s+the)?(?:\s+(?P<shift>{SHIFT}))?)\s+(?P<unit>week|month|year)(?!\w)""",
    # "the week after next".
    "after_next": r"(?<!\w)(?:the\s+)?(?P<unit>week|month|year|weekend)\s+after\s+(?:the\s+)?next(?!\w)",
    "ytd": r"(?<!\w)(?:the\s+)?year[\s-]+to[\s-]+date(?!\w)",
    "rest": r"""(?<!\w)(?:the\s+)?(?:rest|remainder|remaining)\s+(?:of\s+)?(?:(?:the|this|my|current)\s+)?
        (?P<unit>week|month|year)(?!\w)""",
    # "two months ago", "a few days ago", "two weeks from now", "in 3 weeks".
    "ago": r"""(?<!\w)(?P<n>{COUNT})[\s-]+(?P<unit>{UNIT})\s+(?P<dir>ago|hence|from\s+now
        |(?:from|after|before)\s+(?:today|tomorrow|yesterday))(?!\w)""",
    "in_n": r"(?<!\w)in\s+(?P<n>{COUNT})\s+(?P<unit>{UNIT})(?!\s+(?:ago|time|a\s+row|total))",
    # "Monday", "last Friday", "Sunday afternoon", "this past Wednesday".
    "weekday": r"""(?<!\w)(?:(?P<rel>this\s+past|this\s+coming|this\s+upcoming|this|next|last|past|previous
        |coming|following|upcoming)\s+)?(?P<wd>{WD})(?:\s+(?P<pod>{POD}))?""",
    # "Friday next week", "tuesday of next week", "next week on friday".
    "weekday_week": r"(?<!\w)(?P<wd>{WD})\.?\s+(?:of\s+)?(?:the\s+)?(?P<wshift>{SHIFT})\s+week(?!\w)",
    "week_weekday": r"(?<!\w)(?:the\s+)?(?P<wshift>{SHIFT})\s+week(?:\s*-\s*|\s+on\s+|\s+)(?P<wd>{WD})",
    # "Friday the 13th", "saturday the second", "Tue 13th"; never "Monday 21" ("on Monday 21
    # people died"). After a comma, an ordinal that goes with the next word is an
    # apposition, not a day ("on Tuesday, the first such visit", "Friday, the 21st
    # anniversary"): there the day must be followed by "of", a sign or nothing.
    "weekday_day": r"""(?<!\w)(?P<wd>{WD})\.?(?:\s*,\s*(?=(?:the\s+|(?!the\s))\w+(?!\w)(?!\s+(?!of(?!\w))[^\W\d_]))|\s+)
        (?:the\s+(?P<day>{DAY})|(?P<dayo>\d{1,2}(?:st|nd|rd|th)(?!\w)))""",
    # "the first Friday of July", "the second Monday of next month".
    "nth_weekday": r"""(?<!\w)(?:the\s+)?(?P<nth>{ORD}|last)\s+(?P<wd>{WD})\s+(?:of|in)\s+
        (?:(?P<mon>{MON})\.?(?:\s*,?\s*(?P<year>{YEAR}))?|(?:the\s+)?(?P<mshift>{SHIFT})\s+month(?!\w))""",
    # "the 20th of next month".
    "day_of_month": r"""(?<![\w.,])(?:the\s+)?(?P<day>{ORDDAY})\s+of\s+(?:the\s+)?
        (?P<mshift>{SHIFT})\s+month(?!\w)""",
    # "next week between Wednesday and Friday".
    "week_days": r"""(?<!\w)(?P<wshift>{SHIFT})\s+week\s+(?:between\s+(?P<a>{WD})\.?\s+and
        |from\s+(?P<a2>{WD})\.?\s+(?:to|till|until|through|thru))\s+(?P<b>{WD})""",
    # "from 4 to 22 January, 2017", "between 3 and 12 of Sept", "4 to 23 next month".
    "days_month": r"""(?<![\w.,/\-])(?:(?P<pre>from|between)\s+)?(?:the\s+)?(?P<d1>{ORDDAY})
        \s*(?P<conn>-|–|to|till|until|through|thru|and)\s*(?:the\s+)?(?P<d2>{ORDDAY})(?:\s+(?:of|in))?\s+
        (?:(?P<mon>{MON})\.?(?:\s*,?\s*(?P<year>{YEAR}))?|(?:the\s+)?(?P<mshift>{SHIFT})\s+month(?!\w))""",
    # "November 19-20", "November between 19 and 20", "April 9th through the 17th".
    "month_days": r"""(?<!\w)(?:(?P<pre>from|between)\s+)?(?P<mon>{MON})\.?\s+(?:(?P<bw>between)\s+)?(?:the\s+)?
        (?P<d1>{DAY})\s*(?P<conn>-|–|to|till|until|through|thru|and)\s*(?:the\s+)?(?P<d2>{DAY})
        (?:\s*,?\s*(?P<year>{YEAR}))?""",
    # "from 02 to April 07", "from 4 to January 22, 1995".
    "day_to_date": r"""(?<![\w.,/\-])(?:(?P<pre>from|between)\s+)?(?:the\s+)?(?P<d1>{ORDDAY})
        \s*(?P<conn>-|–|to|till|until|through|thru)\s*(?P<mon>{MON})\.?\s+(?:the\s+)?(?P<d2>{DAY})
        (?:\s*,?\s*(?P<year>{YEAR}))?""",
    # Range-only anchor: "between now and November 15th".
    "now": r"(?<!\w)now(?!\w)",
}


# What every match of a pattern contains, so that a pattern is tried only near one
# (see :mod:`checker.values.dates_sites`): a month name, a weekday name, an anchor word
# (dates.yaml; which ones a pattern can contain is read from its source), a quarter
# code, or a number shaped like the start of a date: a four-digit year (``year4``),
# eight digits (``digits8``), one or two digits followed by another number (``pair``:
# "4/22", "3-2015") or a decade ("'90s", ``short_decade``).
ANCHORED_BY: dict[str, tuple[str, ...]] = {
    **{name: ("month",) for name in ("mdy", "dmy", "ymd_name", "month_year", "year_month", "month",
                                     "month_days", "day_to_date")},
    **{name: ("weekday",) for name in ("weekday", "weekday_week", "week_weekday", "weekday_day",
                                       "nth_weekday", "week_days")},
    **{name: ("year4",) for name in ("ymd_num", "ym_num", "year")},
    **{name: ("pair",) for name in ("mdy_num", "md_num", "my_num")},
    "ymd_compact": ("digits8",),
    "decade_short": ("short_decade",),
    "q_code": ("code", "year4"),
    "days_month": ("month", "word"),
}
# How far before its anchor a match may start (characters): per anchor kind, and
# tighter for word-anchored patterns whose anchor ends the expression. Number-led
# patterns start at their number.
KIND_REACH: dict[str, int] = {"month": 45, "weekday": 30, "code": 12, "word": 50}
PATTERN_REACH: dict[str, int] = {
    "relday": 20, "relperiod": 26, "weekend": 6, "rolling": 35, "relpart": 35, "after_next": 6, "ytd": 6,
    "rest": 30, "ago": 20, "fiscal_range": 0, "in_n": 20, "century": 25, "quarter": 16, "year_quarter": 25, "first_n": 25,
    "day_of_month": 35, "now": 12,
}


Compiled = tuple[str, re.Pattern[str], tuple[str, ...], int]


@lru_cache(maxsize=1)
def compiled() -> tuple[Compiled, ...]:
    """Every pattern, compiled once, in a fixed order, with its anchor kinds and back reach.

    They run on the text as written (case-insensitive): lower-casing a whole text costs
    more than the case-insensitive matching at the few places they are tried.
    """
    out = []
    for name, source in _expanded(_pieces(vocab())).items():
        kinds = ANCHORED_BY.get(name, ("word",))
        reach = PATTERN_REACH.get(name, max((KIND_REACH.get(k, 0) for k in kinds), default=0))
        out.append((name, re.compile(source, FLAGS), kinds, reach))
    return tuple(out)


@lru_cache(maxsize=1)
def spelled_sources() -> dict[str, str]:
    """Every pattern's source with its word lists spelled out word by word: the text to
    read which words (anchors, or words before an anchor) a pattern's matches can hold."""
    return _expanded(_pieces(vocab(), tree=False))


def _expanded(pieces: dict[str, str]) -> dict[str, str]:
    out = {}
    for name, template in TEMPLATES.items():
        source = template
        for key, fragment in pieces.items():
            source = source.replace("{" + key + "}", fragment)
        out[name] = source
    return out


# The patterns below end right before a position and are searched backwards from it;
# their word lists are spelled out so that :func:`checker.values.dates_probe.words_of`
# can tell which word must come right before the position for them to be worth trying.


@lru_cache(maxsize=1)
def month_before() -> re.Pattern[str]:
    """A month word ending right before a position ("Oct. |2 to October 22")."""
    return re.compile(rf"(?<!\w)(?:{_pieces(vocab(), tree=False)['MON']})\.?\s*(?:the\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def before_number() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What may stand right before a number-led date: a weekday ("Friday, 7/6") and the
    words before a year ("the year 2008", "the 1990s")."""
    pieces = _pieces(vocab(), tree=False)
    weekday = re.compile(rf"(?<!\w)(?P<wd>{pieces['WD']})\.?(?:\s*,\s*|\s+)$", re.IGNORECASE)
    year = re.compile(r"(?<!\w)(?:(?P<yw>(?:the\s+)?(?:calendar\s+)?year\s+(?:of\s+)?)|(?P<the>the\s+))$",
                      re.IGNORECASE)
    return weekday, year


@lru_cache(maxsize=1)
def before_number_words() -> tuple[frozenset[bytes], frozenset[bytes]]:
    """The words :func:`before_number`'s two patterns can end with (see
    :func:`checker.values.dates_probe.words_of`): a match is possible only after one."""
    weekday, year = before_number()
    return words_of(weekday.pattern), words_of(year.pattern)


@lru_cache(maxsize=1)
def count_unit() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A "<count> <unit>" pair, and up to two of them ending right before a position:
    the first units of a compound offset ("1 month 21 days ago")."""
    pieces = _pieces(vocab())
    pair = rf"(?P<n>{pieces['COUNT']})[\s-]+(?P<unit>{pieces['UNIT']})"
    lead = rf"(?<!\w)(?:{pieces['COUNT']}[\s-]+{pieces['UNIT']}(?:\s*,\s*|\s+and\s+|\s+)){{1,2}}$"
    return re.compile(pair, re.IGNORECASE), re.compile(lead, re.IGNORECASE)


@lru_cache(maxsize=1)
def prefixes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Modifiers that end right before a date: a part ("early", "the end of") and a week."""
    v = vocab()
    part = re.compile(
        rf"(?<!\w)(?:the\s+)?(?:(?P<p1>early|mid|late)(?:\s*-\s*|\s+)"
        rf"|(?P<p2>{alternation(v.part_words, tree=False)})\s+of\s+(?:the\s+)?)$",
        re.IGNORECASE,
    )
    week = re.compile(rf"(?<!\w)(?:the\s+)?(?P<w>{alternation(v.week_of, tree=False)})\s+$", re.IGNORECASE)
    return part, week
