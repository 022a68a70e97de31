"""The compiled patterns of the number reader, built from ``checker/data/numbers.yaml``.

A *run* is a stretch of number tokens (digits, number words, scale words) joined by
blanks, hyphens or a joiner word ("and"). Every quantifier between tokens is possessive,
so a run is read in time linear in its length.

Runs are found by two passes of the regex engine over the text (see
:mod:`checker.values.numruns`), each a pattern that opens with one literal or one plain
character class, so that the engine skips in C over the text no run can start in:

- ``spaced``: a blank, then a run that starts with a number word ("signed two");
- ``scan``: any other character that is not an ASCII letter, then either a run that
  starts with it (digits: "15", ".5") or a run of words right after it ("(two").

Both read a run exactly as ``run`` does at a place where ``digit_starts`` or
``word_starts_lower`` (on the lower-cased text) would start one; those are kept for texts
where lower-casing does not map letters one to one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, partial

from checker.values.numlex import NumberLexicon, alternation, lexicon

# Digit groups: commas, no-break/thin spaces, or plain spaces (SI style "1 234 567");
# a group is exactly three digits, so "423 0000" stays two numbers.
_GROUPINGS = (",", r"[\u00a0\u202f\u2009]", " ")


def _figure(lead: str, simple: str) -> str:
    """Digit figures; ``lead`` reads the first group, ``simple`` an ungrouped figure."""
    grouped = [rf"{lead}(?:{sep}\d{{3}}(?!\d))+(?:\.\d+)?" for sep in _GROUPINGS]
    return "|".join([*grouped, rf"{simple}(?:\.\d+)?"])


# ".08" reads as a figure; after a letter the dot ends an abbreviation ("Rs.20").
_DIGITS = _figure(r"\d{1,3}", r"\d+") + r"|(?<!\w)\.\d+"
# The same figures once their first digit is read: the scan pass reads that digit as the
# character its search stops at, and the rest of the figure with this pattern.
_DIGITS_AFTER_FIRST = _figure(r"\d{0,2}", r"\d*")
# Characters that glue a figure into something else when they touch it on the left
# ("%2D9114", "a/b", "10:30", "+1-222", "#1", "x=5"); a dot glues only after a digit
# ("1.2.3"). Letters are not among them: a figure glued to letters ("G20", "USD115",
# "10km", "Rs.20") is still read, marked ``glued``, so that money can accept "USD115" and
# every other finder can reject "G20".
_LEFT_GLUE = r"\d_,'’%/:#+=&@?\\"


@dataclass(frozen=True)
class NumberPatterns:
    """The compiled patterns of the number reader."""

    range_link: re.Pattern[str]  # what joins the two ends of a range ("to $")
    digit_starts: re.Pattern[str]  # where a run may start with a digit
    word_starts: re.Pattern[str]  # where a run may start with a word
    word_starts_lower: re.Pattern[str]  # the same, case-sensitive, for lower-cased text
    run: re.Pattern[str]  # a whole run, matched at one of those starts
    token: re.Pattern[str]  # one token (with the separator before it) inside a run
    spaced: re.Pattern[str]  # a blank and the run of words after it
    scan: re.Pattern[str]  # a run of digits, or another character and the run of words after it
    first_word: re.Pattern[str]  # a run of words at the very start of a text


def _word_pattern(words: list[str], alt: partial[str] | None = None) -> str:
    """Whole words only; "one's" (a pronoun's possessive) is not the number one."""
    return rf"(?:{(alt or alternation)(words)})(?![\w])(?!['’]\w)"


def _start_words(lex: NumberLexicon) -> list[str]:
    return lex.words_of("unit", "teen", "tens", "ordinal", "scale_ordinal", "multiplicative")


def _word_start(lex: NumberLexicon, caseless: bool) -> str:
    """Where a run starts with a word; ``caseless`` spells out both cases of each letter."""
    alt = partial(alternation, caseless=caseless)
    start_words = _start_words(lex)
    big = alt(lex.words_of("hundred", "scale", "dozen"))
    scales = alt(lex.words_of("scale", "dozen"))
    number_ahead = rf"(?=\s++(?:{_DIGITS}|{alt(start_words)})\b)"
    articles = alt(lex.words_of("article"))
    # Words, unlike digits, must not touch a letter on the left ("someone" holds no "one").
    return (
        rf"(?<![\w.{_LEFT_GLUE}])(?:{_word_pattern(start_words, alt)}"
        rf"|(?:{articles})(?=\s++(?:{big})\b)"
        rf"|(?:{alt(lex.words_of('half'))})(?=\s++(?:(?:{articles})\s++)?(?:{scales})\b)"
        rf"|(?:{alt(lex.words_of('hundred'))})(?=\s++(?:{alt(lex.words_of('scale'))})\b)"
        rf"|(?:{alt(lex.words_of('sign'))}){number_ahead})"
    )


def _first_letters(lex: NumberLexicon) -> str:
    """Both cases of every letter a run of words can start with, as a class body."""
    kinds = ("unit", "teen", "tens", "ordinal", "scale_ordinal", "multiplicative", "article", "half", "hundred", "sign")
    letters = {w[0] for w in lex.words_of(*kinds)}
    if not all(w.isascii() and w.isalpha() for w in lex.words_of(*kinds)):
        raise ValueError("numbers.yaml: number words must be written in ASCII letters")
    return "".join(sorted(letters | {c.upper() for c in letters}))


@lru_cache(maxsize=1)
def number_patterns() -> NumberPatterns:
    """Compile the number reader's patterns from the vocabulary (once)."""
    lex = lexicon()
    suffix = alternation([*lex.ordinal_suffixes])
    glued = alternation([*lex.words_of("scale"), *lex.glued_scales])
    letters = alternation([*lex.letter_scales])
    # A known ending (ordinal suffix, glued scale, unit letter) must end the word; any
    # other letters may touch the digits and are left for the finders to judge.
    ending = rf"(?:(?:{suffix}|{glued}|{letters})(?![\w])|(?![\d_]))"
    digit_token = rf"(?:{_DIGITS}){ending}"
    all_words = [w for w in lex.words if w not in lex.glued_scales]
    word_start = _word_start(lex, caseless=False)
    start = rf"(?<![{_LEFT_GLUE}])(?<![\d.]\.)(?:{digit_token})|{word_start}"
    token = rf"{digit_token}|{_word_pattern(all_words)}"
    separator = rf"(?:\s*+-\s*+|\s++(?:(?:{alternation(lex.joiners)})\s++)?)"
    more = rf"(?:{separator}(?:{token}))*+"
    run = re.compile(rf"(?:{start}){more}", re.IGNORECASE)
    # A pattern that opens with a plain character class lets the regex engine skip ahead
    # fast; the lookbehind after the first character then checks its left neighbour.
    digit_starts = re.compile(rf"\d(?<![{_LEFT_GLUE}]\d)(?<![\d.]\.\d)|\.(?=\d)(?<![\w.{_LEFT_GLUE}]\.)")
    named_ending = rf"(?:(?P<suffix>{suffix})|(?P<glued>{glued})|(?P<letter>{letters}))(?![\w])|(?![\d_])"
    token_re = re.compile(
        rf"(?P<sep>{separator})?(?:(?P<num>{_DIGITS})(?:{named_ending})|(?P<word>{_word_pattern(all_words)}))",
        re.IGNORECASE,
    )
    range_link = re.compile(
        rf"\s*(?:-|–|—|{alternation(lex.range_words)})\s*(?P<sign>[A-Z]{{0,3}}\$|[€£¥₩])?\s*$", re.IGNORECASE
    )
    # The two scan passes. A run of words is read where the lower-cased text has a word
    # start (the caseless lookahead) and then exactly as ``run`` reads it (IGNORECASE).
    words_run = rf"(?=[{_first_letters(lex)}])(?={_word_start(lex, caseless=True)})(?i:{word_start}{more})"
    spaced = re.compile(rf" {words_run}")
    scan = re.compile(
        rf"[^ A-Za-z](?:"
        rf"(?<=\d)(?<![{_LEFT_GLUE}]\d)(?<![\d.]\.\d)(?i:(?:{_DIGITS_AFTER_FIRST}){ending}{more})"
        rf"|(?<=\.)(?=\d)(?<![\w.{_LEFT_GLUE}]\.)(?i:\d+{ending}{more})"
        # The empty group marks a run of words: the match then starts one character early.
        rf"|(){words_run})"
    )
    return NumberPatterns(
        range_link, digit_starts, re.compile(word_start, re.IGNORECASE), re.compile(word_start), run, token_re,
        spaced, scan, re.compile(words_run),
    )
