"""Reading one run of number tokens: without the grammar for the usual runs, with it for
the others; and reading two neighbouring figures as the two ends of one range.

Most runs are one figure ("14", "2,500", "0.1") or one figure and a scale word
("43.4 billion"); they are read here directly, exactly as the grammar
(:mod:`checker.values.numgrammar`) reads them, and kept by spelling, since a text
repeats its figures. Other runs are split into tokens and read by the grammar, also
once per spelling: a run reads the same wherever it stands.

Two figures found by :mod:`checker.values.numphrase` may be the ends of one range ("2
to 3 million", "5-7%"): :func:`range_before` tells whether they are and what the first
end stands for; it looks at the characters between them only, on one line.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from checker.values.numgrammar import Tok, parse_run
from checker.values.numlex import NumberLexicon, lexicon
from checker.values.numpatterns import number_patterns, range_patterns
from checker.values.types import Interval

if TYPE_CHECKING:  # numphrase reads its figures with this module
    from checker.values.numphrase import NumberPhrase

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
# step, form, whether it has words, whether it has a scale, its letter scale, whether it
# opens with digits, and its ``Parsed.dashed`` flags (an end of a dash pair: "5-7").
RunNumber = tuple[int, int, float, float | None, str, bool, bool, float | None, bool, int]


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
        out.append((first.start, last.end, p.value, p.step, p.form, words, p.scaled, p.letter_scale, lead_digits,
                    p.dashed))
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


PAIR_DASHES = "-–—"  # dashes that join two figures into a pair ("5-7", "5–7"); "−" is a minus
RANGE_REACH = 8  # the longest link between the two ends of a range (" to US$ "), which finders test first


def same_sign(text: str, first: NumberPhrase, sign: str | None) -> bool:
    """A range repeats its own sign ("$2 to $3 billion"); "HK$10 and A$5 million" is two
    amounts in two currencies."""
    return not sign or text[max(0, first.start - len(sign)):first.start].lower() == sign.lower()


class RangeEnds(NamedTuple):
    """Two neighbouring figures read as the two ends of one range.

    ``low_value`` and ``low_step`` are the first end's value and rounding unit in the
    units the second end's figure is written in: when the first end is bare and the
    second is scaled, the first borrows the scale ("2" in "2 to 3 million" is 2 million,
    give or take half a million: each end keeps its own rounding). A unit letter ("3m"),
    which only money reads, is not part of them; ``borrows`` says the first end takes
    it too. ``dash``: joined by a dash rather than a word. ``sign``: the currency sign
    repeated before the second end ("$" in "$40 to $50 million"), or "".
    """

    first: NumberPhrase
    second: NumberPhrase
    low_value: float
    low_step: float | None
    borrows: bool
    dash: bool
    sign: str

    @property
    def low(self) -> Interval:
        """The first end's set (before any unit letter or currency scale)."""
        return rounding_interval(self.low_value, self.low_step)


def range_before(text: str, phrases: tuple[NumberPhrase, ...], k: int) -> RangeEnds | None:
    """The range whose second end is ``phrases[k]`` and first end the phrase before it, or
    None when the two are not joined as one.

    They are joined by a dash or a range word with blanks on one line (never across a line
    break or a full stop), and read in order: the first end, with what it borrows, is not
    above the second. A scaled first end before a bare second is no range, nor is an end
    of a chain of dashes ("1-2-3"). Whether ends written in full make one range (a dash or
    an opener such as "between") is for the caller to say, with :func:`range_start`.
    """
    if k < 1 or k >= len(phrases):
        return None
    first, second = phrases[k - 1], phrases[k]
    if second.start - first.end > RANGE_REACH or first.form != "cardinal" or second.form != "cardinal":
        return None
    link = range_patterns().join.match(text, first.end, second.start)
    if link is None or not same_sign(text, first, link.group("sign")) or _chained(text, first.start, second.end):
        return None
    first_scaled = first.scaled or first.letter_scale is not None
    second_scaled = second.scaled or second.letter_scale is not None
    if first_scaled and not second_scaled:
        return None  # "2 million to 3": the second end is no amount of millions
    # A bare first end borrows the second's scale, unless that would put it above the
    # second: "800,000 to 1.2 million" is written in full.
    borrows = not first_scaled and second_scaled and borrows_in_order(first, second)
    low_value, low_step = first.value, first.step
    if borrows:
        scale = _scale_words(second.text)
        low_value, low_step = first.value * scale, scale * (first.step or 1.0)
    low_letter = first.letter_scale or (second.letter_scale if borrows else None) or 1.0
    if low_value * low_letter > second.value * (second.letter_scale or 1.0):
        return None  # "rose 200,000 to 3 million": a change, read as written
    dash = link.group("dash") is not None or link.group("tight") is not None
    return RangeEnds(first, second, low_value, low_step, borrows, dash, link.group("sign") or "")


def borrows_in_order(first: NumberPhrase, second: NumberPhrase) -> bool:
    """Whether bare ``first``, read with the scale words of ``second``, stays at or
    below it: "2" in "2 to 3 million" borrows the million; "800,000" in "800,000 to 1.2
    million" does not (it would be 800 billion)."""
    return first.value * _scale_words(second.text) <= second.value


def joined_start(text: str, first_start: int, first_end: int, second_start: int) -> int | None:
    """Where one range begins that two values written in full make ("5%-7%", "between $28
    billion and $29 billion"), or None when they stay two: a dash, or a word announcing a
    range before the first ("between"), joins them; a range word alone does not ("rose
    from 2 million to 3 million" states two values at two times)."""
    link = range_patterns().join.match(text, first_end, second_start)
    if link is None or link.group("sign"):
        return None
    start = range_start(text, first_start)
    return start if link.group("dash") or link.group("tight") or start < first_start else None


def hedged_link(text: str, first_end: int, second_start: int, hedge_mode: str | None) -> bool:
    """Whether two figures written in full make one range because a hedge of
    ``hedge_mode`` stands before the first and one of ``hedged_range_words`` between them
    ("some 300 to 400", "around 20% to 30%"); a hedge that only bounds ("more than 10 to
    12") or the word "and" ("about 40 and 50 others") makes none."""
    if hedge_mode is None or hedge_mode not in lexicon().hedged_range_modes:
        return False
    return range_patterns().hedged_join.match(text, first_end, second_start) is not None


def bare_link(text: str, first_start: int, first_end: int, second_start: int) -> bool:
    """Whether two figures written in full, neither hedged nor after an opener, make one
    range by a ``bare_range_words`` word between them alone ("aged 18 to 24", "$28
    billion to $32 billion"): not when the words before the first state a change ("rose
    200 to 300", "grew $4 billion to $32 billion", "an increase of 2% to 5%"; see
    ``range_change_words`` and ``range_change_nouns``). The caller checks the order."""
    lex = lexicon()
    if text[first_end:second_start].strip().lower() not in lex.bare_range_words:
        return False
    words = _WORDS_BEFORE.search(text, max(0, first_start - _WORDS_REACH), first_start)
    if words is None:
        return True
    last = words.group(2).lower()
    if last in lex.range_change_words:
        return False
    return not (last == "of" and (words.group(1) or "").lower() in lex.range_change_nouns)


# The two words before a figure, on its line: "increase of" before "2% to 5%".
_WORDS_BEFORE = re.compile(r"(?:([A-Za-z]+)[^\w\n]+)?([A-Za-z]+)[^\w\n]*\Z")
_WORDS_REACH = 40


def range_start(text: str, start: int) -> int:
    """Where a range starting at ``start`` begins once a word announcing it ("between")
    right before it is taken in, on the same line; ``start`` itself when there is none."""
    patterns = range_patterns()
    m = patterns.opener.search(text, max(0, start - patterns.reach), start)
    return start if m is None else m.start()


def _chained(text: str, start: int, end: int) -> bool:
    """Whether a dash and a digit stand right before ``start`` or right after ``end``."""
    before = start > 1 and text[start - 1] in PAIR_DASHES and text[start - 2].isdigit()
    return before or (text[end:end + 1] in PAIR_DASHES and text[end + 1:end + 2].isdigit())


_LETTERS = re.compile(r"[A-Za-z]+")


def _scale_words(figure: str) -> float:
    """The scale of the scale words ending ``figure``, multiplied ("3 lakh crore": 1e12)."""
    lex = lexicon()
    scale = 1.0
    for word in reversed(_LETTERS.findall(figure)):
        kind = lex.kind(word)
        factor = kind[1] if kind is not None and kind[0] == "scale" else lex.glued_scales.get(word.lower())
        if factor is None:
            break
        scale *= factor
    return scale
