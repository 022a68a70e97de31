"""Reading one run of number tokens: without the grammar for the usual runs, with it for
the others.

Most runs are one figure ("14", "2,500", "0.1") or one figure and a scale word
("43.4 billion"); they are read here directly, exactly as the grammar
(:mod:`checker.values.numgrammar`) reads them, and kept by spelling, since a text
repeats its figures. Other runs are split into tokens and read by the grammar, also
once per spelling: a run reads the same wherever it stands.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from checker.values.numgrammar import Tok, parse_run
from checker.values.numlex import NumberLexicon, lexicon
from checker.values.numpatterns import number_patterns
from checker.values.types import Interval

_GROUP_SEPARATORS = re.compile(r"[,\u00a0\u202f\u2009 ]")
_DIGIT_RUN = re.compile(r"\d+")
_PLAIN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SPACE_GROUPED = re.compile(r"\d{1,3}(?: \d{3}(?!\d))+")


def rounding_interval(value: float, step: float | None) -> Interval:
    """``value`` give or take half a rounding unit (a point when exact)."""
    if step is None:
        return Interval.point(value)
    return Interval(value - step / 2, value + step / 2)


# Runs of one figure, maybe with a scale word, seen lately, by spelling: value, rounding
# step, interval, whether the figure is a plain integer and whether it has a scale word
# (which also makes it a phrase with words). A spelling never carries a sign.
Figure = tuple[float, float | None, Interval, bool, bool]
FIGURES: dict[str, Figure] = {}
FIGURES_KEPT = 4096
OVERFLOW: Figure = (math.inf, None, Interval.point(math.inf), False, False)  # a figure too long for a float
_SCALED = re.compile(rf"({_PLAIN.pattern})\s+([A-Za-z]+)")


def _plain_value(raw: str) -> tuple[float, float | None]:
    """Value and rounding step of one figure ("2,500", "0.10")."""
    digits = raw.replace(",", "")
    decimals = len(digits) - digits.index(".") - 1 if "." in digits else 0
    return float(digits), (10.0 ** -decimals if decimals else None)


def simple_run(raw: str) -> Figure | None:
    """The reading of a run of one figure ("2,500"), or of one figure and a scale word
    ("43.4 billion"), kept for its next occurrence; None for any other run, and
    ``OVERFLOW`` when the figure is too long for a float.

    The scaled figure is read as the grammar reads it: the figure times the scale, give
    or take a unit of its last digit times the scale.
    """
    if raw.isdigit() or _PLAIN.fullmatch(raw):
        value, step = _plain_value(raw)
        plain, scaled = raw.isdigit(), False
    else:
        m = _SCALED.fullmatch(raw)
        if m is None:
            return None
        kind = lexicon().kind(m.group(2))
        if kind is None or kind[0] != "scale" or _SPACE_GROUPED.match(raw):
            return None
        figure, figure_step = _plain_value(m.group(1))
        value, step = figure * kind[1], kind[1] * (figure_step or 1.0)
        plain, scaled = False, True
    if not math.isfinite(value):
        return OVERFLOW
    if len(FIGURES) >= FIGURES_KEPT:
        FIGURES.clear()
    found = FIGURES[raw] = (value, step, rounding_interval(value, step), plain, scaled)
    return found


# One number of a run, read by the grammar: start and end (relative to the run), value,
# step, form, whether it has words, whether it has a scale, its letter scale, and
# whether it opens with digits.
RunNumber = tuple[int, int, float, float | None, str, bool, bool, float | None, bool]


@lru_cache(maxsize=4096)
def read_run(raw: str, split_first: bool) -> tuple[RunNumber, ...]:
    """The numbers of one run (spans relative to it), read by the grammar.

    A run reads the same wherever it stands, except that ``split_first`` keeps a
    space-grouped figure at its start apart ("March 5 300 people"), so runs are read once
    per spelling.
    """
    toks = _tokens(raw, number_patterns().token, lexicon(), split_first)
    out: list[RunNumber] = []
    for p in parse_run(toks):
        first, last = toks[p.first], toks[p.last]
        words = any(toks[k].kind not in ("digits", "digit_ordinal") for k in range(p.first, p.last + 1))
        lead_digits = first.kind in ("digits", "digit_ordinal")
        out.append((first.start, last.end, p.value, p.step, p.form, words, p.scaled, p.letter_scale, lead_digits))
    return tuple(out)


def _tokens(raw: str, token_re: re.Pattern[str], lex: NumberLexicon, split_first: bool) -> list[Tok]:
    # Matching the run alone reads it as matching it inside its text up to its end: the
    # only look to the left, "(?<!\w)" before ".5", sees no word character either way.
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
