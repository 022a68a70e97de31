"""The compiled patterns of the number reader, built from ``checker/data/numbers.yaml``.

A *run* is a stretch of number tokens (digits, number words, scale words) joined by
blanks, hyphens or a joiner word ("and"). Finding runs is one regex pass: cheap
character-class scans find where a run may start, and the run pattern is then matched
at those places only. Every quantifier between tokens is possessive, so a run is read
in time linear in its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.values.numlex import alternation, lexicon

# Digit groups: commas, no-break/thin spaces, or plain spaces (SI style "1 234 567");
# a group is exactly three digits, so "423 0000" stays two numbers.
_DIGITS = (
    r"\d{1,3}(?:,\d{3}(?!\d))+(?:\.\d+)?"
    r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3}(?!\d))+(?:\.\d+)?"
    r"|\d{1,3}(?: \d{3}(?!\d))+(?:\.\d+)?"
    r"|\d+(?:\.\d+)?"
    r"|(?<!\w)\.\d+"  # ".08"; after a letter the dot ends an abbreviation ("Rs.20")
)
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


def _word_pattern(words: list[str]) -> str:
    """Whole words only; "one's" (a pronoun's possessive) is not the number one."""
    return rf"(?:{alternation(words)})(?![\w])(?!['’]\w)"


@lru_cache(maxsize=1)
def number_patterns() -> NumberPatterns:
    """Compile the number reader's patterns from the vocabulary (once)."""
    lex = lexicon()
    suffix = alternation([*lex.ordinal_suffixes])
    glued = alternation([*lex.words_of("scale"), *lex.glued_scales])
    letters = alternation([*lex.letter_scales])
    # A known ending (ordinal suffix, glued scale, unit letter) must end the word; any
    # other letters may touch the digits and are left for the finders to judge.
    digit_token = rf"(?:{_DIGITS})(?:(?:{suffix}|{glued}|{letters})(?![\w])|(?![\d_]))"
    all_words = [w for w in lex.words if w not in lex.glued_scales]
    start_words = lex.words_of("unit", "teen", "tens", "ordinal", "scale_ordinal", "multiplicative")
    big = alternation(lex.words_of("hundred", "scale", "dozen"))
    scales = alternation(lex.words_of("scale", "dozen"))
    number_ahead = rf"(?=\s++(?:{_DIGITS}|{alternation(start_words)})\b)"
    articles = alternation(lex.words_of("article"))
    # Words, unlike digits, must not touch a letter on the left ("someone" holds no "one").
    word_start = (
        rf"(?<![\w.{_LEFT_GLUE}])(?:{_word_pattern(start_words)}"
        rf"|(?:{articles})(?=\s++(?:{big})\b)"
        rf"|(?:{alternation(lex.words_of('half'))})(?=\s++(?:(?:{articles})\s++)?(?:{scales})\b)"
        rf"|(?:{alternation(lex.words_of('hundred'))})(?=\s++(?:{alternation(lex.words_of('scale'))})\b)"
        rf"|(?:{alternation(lex.words_of('sign'))}){number_ahead})"
    )
    start = rf"(?<![{_LEFT_GLUE}])(?<![\d.]\.)(?:{digit_token})|{word_start}"
    token = rf"{digit_token}|{_word_pattern(all_words)}"
    separator = rf"(?:\s*+-\s*+|\s++(?:(?:{alternation(lex.joiners)})\s++)?)"
    run = re.compile(rf"(?:{start})(?:{separator}(?:{token}))*+", re.IGNORECASE)
    # A pattern that opens with a plain character class lets the regex engine skip ahead
    # fast; the lookbehind after the first character then checks its left neighbour.
    digit_starts = re.compile(rf"\d(?<![{_LEFT_GLUE}]\d)(?<![\d.]\.\d)|\.(?=\d)(?<![\w.{_LEFT_GLUE}]\.)")
    ending = rf"(?:(?P<suffix>{suffix})|(?P<glued>{glued})|(?P<letter>{letters}))(?![\w])|(?![\d_])"
    token_re = re.compile(
        rf"(?P<sep>{separator})?(?:(?P<num>{_DIGITS})(?:{ending})|(?P<word>{_word_pattern(all_words)}))",
        re.IGNORECASE,
    )
    range_link = re.compile(
        rf"\s*(?:-|–|—|{alternation(lex.range_words)})\s*(?P<sign>[A-Z]{{0,3}}\$|[€£¥₩])?\s*$", re.IGNORECASE
    )
    return NumberPatterns(
        range_link, digit_starts, re.compile(word_start, re.IGNORECASE), re.compile(word_start), run, token_re
    )
