"""Number phrases: the one reader of "a number with an optional scale" that every value
parser shares (plain numbers, money, percentages, durations).

One compiled pattern (:mod:`checker.values.numpatterns`) finds *runs* of number tokens
("2.14 trillion", "twenty-one", "3 hundred and 21", "$10m" without the sign);
:mod:`checker.values.numgrammar` splits a run into numbers; this module then drops what
the surrounding characters show is not a quantity: parts of identifiers ("COVID-19",
"192.168.1.2", "5/17/2018", "10:30", URLs), and reads a sign glued to the digits ("-0.3").

The phrases of a text are computed once and shared by the finders (the cache holds the
last few texts), so a full scan reads the numbers of a text once.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from checker.values.numgrammar import Tok, parse_run
from checker.values.numlex import NumberLexicon, lexicon
from checker.values.numpatterns import number_patterns
from checker.values.types import Interval

_GROUP_SEPARATORS = re.compile(r"[,\u00a0\u202f\u2009 ]")
_DIGIT_RUN = re.compile(r"\d+")
_PLAIN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_LAST_WORD = re.compile(r"([A-Za-z.]+)\s+$")
_DASHES = "-–—−"
# Anchors of web addresses and e-mail addresses; the whole blank-free stretch around
# one is not prose, so no figure is read inside it.
_ADDRESS = re.compile(r"://|www\.|@", re.IGNORECASE)
_ADDRESS_ANCHORS = ("://", "@", "www.", "WWW.", "Www.")
_NON_BLANKS = re.compile(r"\S*")
_ADDRESS_REACH = 300


@dataclass(frozen=True)
class NumberPhrase:
    """One number in a text: where it is, its value and how precisely it was written.

    ``step`` is the rounding unit: "2.14 trillion" has step 1e10 and stands for
    [2.135e12, 2.145e12]; ``None`` means exact ("15", "two hundred").
    ``letter_scale`` is a glued unit letter ("10m", "$5k") that only money reads.
    ``pending_scale`` marks a bare figure that borrows the scale of the next one
    ("2 to 3 million"): read alone it would be wrong, so the finders skip it.
    ``glued`` marks digits touching letters ("G20", "10km", "USD115", "100元").
    """

    start: int
    end: int
    text: str
    value: float
    step: float | None
    form: str
    words: bool
    scaled: bool
    letter_scale: float | None = None
    pending_scale: bool = False
    glued: bool = False

    @property
    def interval(self) -> Interval:
        """The set of values the figure stands for, before any hedge."""
        return rounding_interval(self.value, self.step)

    @property
    def plain_integer(self) -> bool:
        """Digits only, no separators, decimals or scale ("2022", "15")."""
        return self.text.lstrip("-−").isdigit()


def rounding_interval(value: float, step: float | None) -> Interval:
    """``value`` give or take half a rounding unit (a point when exact)."""
    if step is None:
        return Interval.point(value)
    return Interval(value - step / 2, value + step / 2)


def number_phrases(text: str) -> tuple[NumberPhrase, ...]:
    """Every number phrase of ``text``, in reading order (cached for the last texts)."""
    return _number_phrases(text)


@lru_cache(maxsize=8)
def _number_phrases(text: str) -> tuple[NumberPhrase, ...]:
    pats, lex = number_patterns(), lexicon()
    protected = _addresses(text)
    phrases: list[NumberPhrase] = []
    # Case-insensitive matching is slow; lower-casing first is faster, but only safe for
    # offsets when it keeps every character a single character (it does for almost all).
    lowered = text.lower()
    if len(lowered) == len(text):
        word_hits = pats.word_starts_lower.finditer(lowered)
    else:
        word_hits = pats.word_starts.finditer(text)
    starts = sorted([m.start() for m in pats.digit_starts.finditer(text)] + [m.start() for m in word_hits])
    covered = -1
    for pos in starts:
        if pos < covered or (protected and _inside(protected, pos)):
            continue
        run = pats.run.match(text, pos)
        if run is None:
            continue
        covered = run.end()
        if _PLAIN.fullmatch(run.group()):
            # Most runs are one plain figure ("14", "2,500", "0.1"): no grammar needed.
            raw = run.group().replace(",", "")
            decimals = len(raw) - raw.index(".") - 1 if "." in raw else 0
            step = 10.0 ** -decimals if decimals else None
            phrase = _phrase(text, run.start(), run.end(), float(raw), step, "cardinal", False, False, None)
            if phrase is not None:
                phrases.append(phrase)
            continue
        toks = _tokens(text, run.start(), run.end(), pats.token, lex)
        for p in parse_run(toks):
            first, last = toks[p.first], toks[p.last]
            words = any(toks[k].kind not in ("digits", "digit_ordinal") for k in range(p.first, p.last + 1))
            lead_digits = first.kind in ("digits", "digit_ordinal")
            phrase = _phrase(text, first.start, last.end, p.value, p.step, p.form, words, p.scaled, p.letter_scale,
                             lead_digits)
            if phrase is not None:
                phrases.append(phrase)
    return tuple(_mark_pending(text, phrases))


def _addresses(text: str) -> list[tuple[int, int]]:
    """Spans of blank-free stretches holding a web or e-mail address, in order."""
    spans: list[tuple[int, int]] = []
    if not any(anchor in text for anchor in _ADDRESS_ANCHORS):
        return spans  # the usual case, found without a regex pass over the text
    for m in _ADDRESS.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue
        # Addresses are short: look back a bounded stretch, so a text is read in linear time.
        floor = max(0, m.start() - _ADDRESS_REACH)
        a = max(floor - 1, *(text.rfind(blank, floor, m.start()) for blank in " \t\n\r")) + 1
        rest = _NON_BLANKS.match(text, m.end())
        spans.append((a, rest.end() if rest else m.end()))
    return spans


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """True when ``pos`` lies in one of the (ordered, disjoint) spans."""
    k = bisect.bisect_right(spans, pos, key=lambda span: span[0]) - 1
    return k >= 0 and pos < spans[k][1]


def _tokens(text: str, start: int, end: int, token_re: re.Pattern[str], lex: NumberLexicon) -> list[Tok]:
    toks: list[Tok] = []
    pos = start
    while pos < end:
        m = token_re.match(text, pos, end)
        if m is None:  # cannot happen: the run pattern is made of the same pieces
            break
        sep = _sep_kind(m.group("sep"))
        if m.group("num") is not None:
            toks.extend(_digit_tokens(text, m, sep, lex, first=not toks))
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


def _digit_tokens(text: str, m: re.Match[str], sep: str, lex: NumberLexicon, first: bool) -> list[Tok]:
    raw, a, b = m.group("num"), m.start("num"), m.end("num")
    if " " in raw and first and _word_before(text, a) in lex.no_space_grouping_after:
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


def _phrase(text: str, start: int, end: int, value: float, step: float | None, form: str, words: bool,
            scaled: bool, letter_scale: float | None, lead_digits: bool = True) -> NumberPhrase | None:
    """The phrase at ``text[start:end]``, or None when its neighbours show it is no number."""
    if lead_digits and start > 0 and text[start - 1] in _DASHES:
        before = text[start - 2] if start > 1 else " "
        if before.isalnum():
            return None  # "COVID-19", "F-16", "2020-2025"
        if text[start - 1] in "-−" and before in " \t\n(":
            start, value = start - 1, -value
    if _glued_on_right(text, end) or not math.isfinite(value):
        return None  # "192.168.1.2", "5/17/2018", "10:30", "222-2222", "1,3"
    left = text[start - 2:start] if start > 1 else text[:start]
    glued = left[-1:].isalpha() or (left[-1:] == "." and left[:1].isalpha()) or text[end:end + 1].isalpha()
    return NumberPhrase(start, end, text[start:end], value, step, form, words, scaled, letter_scale, glued=glued)


def _glued_on_right(text: str, end: int) -> bool:
    if end + 1 >= len(text) or not text[end + 1].isdigit():
        return False
    # A comma here did not start a thousands group: a decimal comma ("1,3") or a list
    # written without blanks; either way the figure cannot be read safely.
    return text[end] in "./:," or text[end] in _DASHES


def _mark_pending(text: str, phrases: list[NumberPhrase]) -> list[NumberPhrase]:
    """Flag "2" in "2 to 3 million" / "$2-$3 billion": it means 2 million, not 2."""
    out = list(phrases)
    for k in range(len(out) - 1):
        here, nxt = out[k], out[k + 1]
        if here.scaled or not nxt.scaled or here.form != "cardinal" or nxt.start - here.end > 8:
            continue
        link = number_patterns().range_link.match(text, here.end, nxt.start)
        if link is None:
            continue
        # A range repeats its own sign ("$2 to $3 billion"); "HK$10 and A$5 million" is
        # two amounts in two currencies.
        sign = link.group("sign") or ""
        if sign and text[max(0, here.start - len(sign)):here.start].lower() != sign.lower():
            continue
        out[k] = NumberPhrase(**{**here.__dict__, "pending_scale": True})
    return out
