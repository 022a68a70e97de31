"""Number phrases: the one reader of "a number with an optional scale" that every value
parser shares (plain numbers, money, percentages, durations).

:mod:`checker.values.numruns` finds *runs* of number tokens ("2.14 trillion",
"twenty-one", "3 hundred and 21", "$10m" without the sign);
:mod:`checker.values.numgrammar` splits a run into numbers; this module then drops what
the surrounding characters show is not a quantity: parts of identifiers ("COVID-19",
"192.168.1.2", "5/17/2018", "10:30", URLs), and reads a sign glued to the digits ("-0.3").

The phrases of a text are computed once and shared by the finders (the cache holds the
last few texts), so a full scan reads the numbers of a text once.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

from checker.values.figures import word_before
from checker.values.numgrammar import Tok, parse_run
from checker.values.numlex import NumberLexicon, lexicon
from checker.values.numpatterns import number_patterns
from checker.values.numruns import number_runs
from checker.values.types import Interval

_GROUP_SEPARATORS = re.compile(r"[,\u00a0\u202f\u2009 ]")
_DIGIT_RUN = re.compile(r"\d+")
_PLAIN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SPACE_GROUPED = re.compile(r"\d{1,3}(?: \d{3}(?!\d))+")
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
    ``pending_scale`` marks a bare figure that borrows the scale of the next one
    ("2 to 3 million"): read alone it would be wrong, so the finders skip it.
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


def rounding_interval(value: float, step: float | None) -> Interval:
    """``value`` give or take half a rounding unit (a point when exact)."""
    if step is None:
        return Interval.point(value)
    return Interval(value - step / 2, value + step / 2)


# Intervals are immutable, so equal figures share one; zero is left out because 0.0 and
# -0.0 are equal keys but different values.
_shared_interval = lru_cache(maxsize=4096, typed=True)(rounding_interval)


def number_phrases(text: str) -> tuple[NumberPhrase, ...]:
    """Every number phrase of ``text``, in reading order (cached for the last texts)."""
    return _number_phrases(text)


@lru_cache(maxsize=8)
def _number_phrases(text: str) -> tuple[NumberPhrase, ...]:
    phrases: list[NumberPhrase] = []
    scaled_at: list[int] = []  # indices of phrases with a scale word, for ranges
    add = phrases.append
    figures = _FIGURES
    for start, end in number_runs(text):
        raw = text[start:end]
        # Most runs are one figure, maybe with a scale word ("14", "2,500", "43.4 billion"):
        # read once per spelling without the grammar (as the grammar reads them), and
        # checked against their neighbours here (as ``_add`` does).
        figure = figures.get(raw)
        if figure is None:
            figure = _simple_run(raw)
        if figure is _OVERFLOW:
            continue  # a figure too long for a float, which ``_add`` would drop
        if figure is not None:
            before = text[start - 1] if start else ""
            if before not in _DASH_SET:
                after = text[end:end + 1]
                if after in _RIGHT_GLUE and text[end + 1:end + 2].isdigit():
                    continue  # "192.168.1.2", "5/17/2018", "10:30", "222-2222", "1,3"
                glued = before.isalpha() or (before == "." and text[start - 2:start - 1].isalpha()) or after.isalpha()
                left_word = None
                if before == " " and start > 1 and text[start - 2].isalpha():  # ``word_before``, inline
                    reach = text[start - _REACH if start > _REACH else 0:start - 1]
                    left_word = reach.rsplit(None, 1)[-1]
                    if len(left_word) == len(reach) or not left_word.isalpha():
                        left_word = None
                value, step, interval, plain, scaled = figure
                if scaled:
                    scaled_at.append(len(phrases))
                add(_new_phrase(NumberPhrase, (start, end, raw, value, step, "cardinal", scaled, scaled,  # type: ignore[operator]
                                               interval, plain, None, False, glued, left_word)))
                continue
            count = len(phrases)
            _add(text, start, end, figure[0], figure[1], "cardinal", figure[4], figure[4], None, True, add)
            if figure[4] and len(phrases) > count:
                scaled_at.append(count)
        else:
            split = _SPACE_GROUPED.match(raw) is not None and _word_before(text, start) in lexicon().no_space_grouping_after
            for a, b, value, step, form, words, scaled, letter, lead_digits in _read_run(raw, split):
                count = len(phrases)
                _add(text, start + a, start + b, value, step, form, words, scaled, letter, lead_digits, add)
                if scaled and len(phrases) > count:
                    scaled_at.append(count)
    if scaled_at:
        _mark_pending(text, phrases, scaled_at)
    return tuple(phrases)


# Runs of one figure, maybe with a scale word, seen lately, by spelling: value, rounding
# step, interval, whether the figure is a plain integer and whether it has a scale word
# (which also makes it a phrase with words). A spelling never carries a sign.
_FIGURES: dict[str, tuple[float, float | None, Interval, bool, bool]] = {}
_FIGURES_KEPT = 4096
_REACH = 41  # how far back ``word_before`` looks for the blank before the word
_DASH_SET = frozenset(_DASHES)
_RIGHT_GLUE = frozenset("./:," + _DASHES)
_SCALED = re.compile(rf"({_PLAIN.pattern})\s+([A-Za-z]+)")
_OVERFLOW = (math.inf, None, Interval.point(math.inf), False, False)


def _plain_value(raw: str) -> tuple[float, float | None]:
    """Value and rounding step of one figure ("2,500", "0.10")."""
    digits = raw.replace(",", "")
    decimals = len(digits) - digits.index(".") - 1 if "." in digits else 0
    return float(digits), (10.0 ** -decimals if decimals else None)


def _simple_run(raw: str) -> tuple[float, float | None, Interval, bool, bool] | None:
    """The reading of a run of one figure ("2,500"), or of one figure and a scale word
    ("43.4 billion"), kept for its next occurrence; None for any other run, and
    ``_OVERFLOW`` when the figure is too long for a float.

    The scaled figure is read as the grammar reads it: the figure times the scale, give
    or take a unit of its last digit times the scale.
    """
    if raw.isdigit() or _PLAIN.fullmatch(raw):
        value, step = _plain_value(raw)
        plain, scaled = raw.isdigit(), False
    else:
        m = _SCALED.fullmatch(raw)
        kind = lexicon().kind(m.group(2)) if m is not None else None
        if kind is None or kind[0] != "scale" or _SPACE_GROUPED.match(raw):
            return None
        figure, figure_step = _plain_value(m.group(1))
        value, step = figure * kind[1], kind[1] * (figure_step or 1.0)
        plain, scaled = False, True
    if not math.isfinite(value):
        return _OVERFLOW
    if len(_FIGURES) >= _FIGURES_KEPT:
        _FIGURES.clear()
    found = _FIGURES[raw] = (value, step, rounding_interval(value, step), plain, scaled)
    return found


_new_phrase = tuple.__new__


def _add(text: str, start: int, end: int, value: float, step: float | None, form: str, words: bool, scaled: bool,
         letter_scale: float | None, lead_digits: bool, add: object) -> None:
    """Add the phrase at ``text[start:end]`` unless its neighbours show it is no number."""
    if start and lead_digits and text[start - 1] in _DASHES:
        before = text[start - 2] if start > 1 else " "
        if before.isalnum():
            return  # "COVID-19", "F-16", "2020-2025"
        if text[start - 1] in "-−" and before in _NOT_IDENTIFIER:
            start, value = start - 1, -value
    after = text[end:end + 1]
    if (after in "./:," or after in _DASHES) and after and text[end + 1:end + 2].isdigit():
        return  # "192.168.1.2", "5/17/2018", "10:30", "222-2222", "1,3"
    if not math.isfinite(value):
        return
    left = text[start - 2:start] if start > 1 else text[:start]
    glued = left[-1:].isalpha() or (left[-1:] == "." and left[:1].isalpha()) or after.isalpha()
    phrase_text = text[start:end]
    plain = phrase_text.lstrip("-−").isdigit()
    interval = _shared_interval(value, step) if value else rounding_interval(value, step)
    add(_new_phrase(NumberPhrase, (start, end, phrase_text, value, step, form, words, scaled, interval, plain,  # type: ignore[operator]
                                   letter_scale, False, glued, word_before(text, start))))


@lru_cache(maxsize=4096)
def _read_run(raw: str, split_first: bool) -> tuple[tuple[int, int, float, float | None, str, bool, bool, float | None,
                                                           bool], ...]:
    """The numbers of one run (spans relative to it), read by the grammar.

    A run reads the same wherever it stands, except that ``split_first`` keeps a
    space-grouped figure at its start apart ("March 5 300 people"), so runs are read once
    per spelling.
    """
    toks = _tokens(raw, number_patterns().token, lexicon(), split_first)
    out = []
    for p in parse_run(toks):
        first, last = toks[p.first], toks[p.last]
        words = any(toks[k].kind not in ("digits", "digit_ordinal") for k in range(p.first, p.last + 1))
        lead_digits = first.kind in ("digits", "digit_ordinal")
        out.append((first.start, last.end, p.value, p.step, p.form, words, p.scaled, p.letter_scale, lead_digits))
    return tuple(out)


def _tokens(raw: str, token_re: re.Pattern[str], lex: NumberLexicon, split_first: bool) -> list[Tok]:
    toks: list[Tok] = []
    pos = 0
    while pos < len(raw):
        m = token_re.match(raw, pos)
        if m is None:  # cannot happen: the run pattern is made of the same pieces
            break
        sep = _sep_kind(m.group("sep"))
        if m.group("num") is not None:
            toks.extend(_digit_tokens(m, sep, lex, split_first and not toks))
        else:
            word = m.group("word")
            kind, value = lex.kind(word) or ("", 0.0)
            toks.append(Tok(kind, value, m.start("word"), m.end("word"), sep))
        pos = m.end()
    return toks


def _sep_kind(sep: str | None) -> str:
    """The grammar's name for a separator: "hyphen", "joiner" ("and"), "space" or ""."""
    if not sep:
        return ""
    if "-" in sep:
        return "hyphen"
    return "joiner" if sep.strip() else "space"


def _digit_tokens(m: re.Match[str], sep: str, lex: NumberLexicon, split: bool) -> list[Tok]:
    raw, a, b = m.group("num"), m.start("num"), m.end("num")
    if " " in raw and split:
        # "March 5 300 people": a date then a count, not 5,300.
        out: list[Tok] = []
        for k, piece in enumerate(_DIGIT_RUN.finditer(raw)):
            start, end = a + piece.start(), a + piece.end()
            out.append(Tok("digits", float(piece.group()), start, end, sep if k == 0 else "space"))
        return out
    digits = _GROUP_SEPARATORS.sub("", raw)
    decimals = len(digits.split(".", 1)[1]) if "." in digits else 0
    value = float(digits)
    if m.group("suffix"):
        return [Tok("digit_ordinal", value, a, m.end(), sep)]
    if m.group("glued"):
        scale = lex.kind(m.group("glued"))
        scale_value = scale[1] if scale else lex.glued_scales[m.group("glued").lower()]
        return [Tok("digits", value, a, b, sep, decimals), Tok("scale", scale_value, b, m.end(), "")]
    letter = m.group("letter")
    if letter:
        return [Tok("digits", value, a, m.end(), sep, decimals, lex.letter_scales[letter.lower()])]
    return [Tok("digits", value, a, b, sep, decimals)]


def _word_before(text: str, pos: int) -> str:
    m = _LAST_WORD.search(text, max(0, pos - 20), pos)
    return m.group(1).lower().rstrip(".") if m else ""


def _mark_pending(text: str, phrases: list[NumberPhrase], scaled_at: list[int]) -> None:
    """Flag "2" in "2 to 3 million" / "$2-$3 billion": it means 2 million, not 2."""
    range_link = number_patterns().range_link
    for k in scaled_at:
        if k == 0:
            continue
        here, nxt = phrases[k - 1], phrases[k]
        if here.scaled or here.form != "cardinal" or nxt.start - here.end > 8:
            continue
        link = range_link.match(text, here.end, nxt.start)
        if link is None:
            continue
        # A range repeats its own sign ("$2 to $3 billion"); "HK$10 and A$5 million" is
        # two amounts in two currencies.
        sign = link.group("sign") or ""
        if sign and text[max(0, here.start - len(sign)):here.start].lower() != sign.lower():
            continue
        phrases[k - 1] = here._replace(pending_scale=True)
