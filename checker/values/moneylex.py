"""The money vocabulary (``checker/data/currencies.yaml``), loaded once and compiled into
two patterns: the currency marker right before a figure ("US$", "€", "KRW") and the one
right after it ("yuan", "USD", "元", "cents").

The patterns are long alternations matched case-insensitively, a few microseconds a
try; so the lexicon also compiles the patterns that pick, in one pass over the
neighbours of all the figures of a text (:mod:`checker.values.neighbours`), the few
figures a marker may touch: the last characters markers end with, the first letters
they start with.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from checker.values.figures import case_forms, char_class
from checker.values.numlex import alternation, lexicon, load_yaml, normalize

# Blanks allowed between a marker and its figure.
_BLANK = r"[ \t\u00a0]"


@dataclass(frozen=True)
class MoneyLexicon:
    """Lookup tables (lower-case keys) and the two marker patterns."""

    before: re.Pattern[str]
    after: re.Pattern[str]
    symbols: Mapping[str, str]
    dollar_prefixes: Mapping[str, str]
    codes: Mapping[str, str]
    code_scales: Mapping[str, float]
    post_scales: Mapping[str, float]
    names: Mapping[str, str]
    minor_units: Mapping[str, tuple[str, float]]
    guarded: Mapping[str, str]
    # Neighbours of a figure a marker may touch (see ``checker.values.neighbours``), for
    # lower-cased neighbours and for others.
    near_before: tuple[re.Pattern[str], re.Pattern[str]]
    near_after: tuple[re.Pattern[str], re.Pattern[str]]

    def currency_of(self, word: str) -> tuple[str, float] | None:
        """The currency and factor a written name or code stands for ("cents" -> USD, 0.01)."""
        key = normalize(word)
        if key in self.minor_units:
            return self.minor_units[key]
        if key in self.names:
            return self.names[key], 1.0
        if key.upper() in self.codes:
            return self.codes[key.upper()], 1.0
        return None


def currency_code(entry: Any) -> str:
    """One ISO code, or the sorted candidates of an ambiguous marker joined by "|"."""
    if isinstance(entry, (list, tuple)):
        return "|".join(sorted(str(c) for c in entry))
    return str(entry)


def _words(words: Any) -> str:
    """An alternation of marker words where any blank may be several blanks."""
    return alternation(words).replace(r"\ ", r"\s+")


def build_money_lexicon(raw: Mapping[str, Any]) -> MoneyLexicon:
    """Compile the tables and patterns from the YAML mapping."""
    symbols = {str(k): currency_code(v) for k, v in raw["symbols"].items()}
    after_only = set(raw["after_only_symbols"])
    before_only = set(raw["before_only_symbols"])
    aliases = {str(k).upper(): str(v) for k, v in raw["code_aliases"].items()}
    codes = {c: c for c in map(str, raw["codes"])} | aliases
    word_codes = {str(c).upper() for c in raw["word_codes"]}
    prefixes = {str(k).lower(): str(v) for k, v in raw["dollar_prefixes"].items()}
    strict = {str(k): str(v) for k, v in raw["strict_dollar_prefixes"].items()}
    scales = {str(k): float(v) for k, v in raw["code_scales"].items()}
    names = {normalize(str(k)): currency_code(v) for k, v in raw["names"].items()}
    minor = {normalize(str(k)): (str(v["currency"]), float(v["factor"])) for k, v in raw["minor_units"].items()}
    guarded = {normalize(str(k)): str(v) for k, v in raw["guarded_names"].items()}

    loose_codes = alternation(c for c in codes if c not in word_codes)
    strict_codes = alternation(c for c in codes if c in word_codes)
    code = rf"(?P<scale>(?-i:{alternation(scales)}))?(?P<code>{loose_codes}|(?-i:{strict_codes}))"
    all_prefixes = [*prefixes, *(c.lower() for c in codes)]
    # A letter after an apostrophe is a possessive ending, even in tokenised copy where a
    # blank splits them ("music ' s $ 500 million"), never a dollar prefix.
    before = re.compile(
        r"(?<![\w'’$])(?<!['’] )(?:"
        rf"(?P<dollar>{_words(all_prefixes)}){_BLANK}?\$"
        rf"|(?P<strict>(?-i:{alternation(strict)}))\$"
        rf"|{code}"
        rf"|(?P<symbol>{alternation(s for s in symbols if s not in after_only)})"
        rf"){_BLANK}?$",
        re.IGNORECASE,
    )
    # "75 USD million": a scale word may follow a code.
    post_scales = {w: v for w, (k, v) in lexicon().words.items() if k == "scale"}
    scale_words = alternation(post_scales)
    after = re.compile(
        rf"(?P<sep>{_BLANK}+|-)?(?:"
        rf"(?P<symbol>{alternation(s for s in symbols if s not in before_only)})"
        rf"|{code}(?![\w])(?:{_BLANK}+(?P<post>{scale_words})(?![\w]))?"
        rf"|(?P<minor>{_words(minor)})(?![\w])"
        rf"|(?P<name>{_words(names)})(?![\w])"
        r")",
        re.IGNORECASE,
    )
    before_symbols = [s for s in symbols if s not in after_only]
    scaled_codes = [f"{scale}{code}" for scale in scales for code in codes]
    after_markers = [*(s for s in symbols if s not in before_only), *codes, *scaled_codes, *minor, *names]
    heads = {m[:3].lower() for m in after_markers if len(m) >= 3 and m[:3].isascii() and m[:3].isalpha()}
    # Markers that do not open with three ASCII letters are found by their first character.
    starts = case_forms(m[0] for m in after_markers if not (len(m) >= 3 and m[:3].isascii() and m[:3].isalpha()))
    if starts is None:
        raise ValueError("currencies.yaml: a marker after a figure opens with a non-ASCII letter with cases")
    # Every marker before a figure ends with "$", a sign or a code: an optional newline
    # (where the pattern's "$" also matches) and blank, then its last characters, read
    # backwards from the figure.
    tails = [m[::-1] for m in [*before_symbols, "$", *codes, *scaled_codes]]
    near_before = (re.compile(rf"\0\n?{_BLANK}?(?:{alternation(t.lower() for t in tails)})"),
                   re.compile(rf"\0\n?{_BLANK}?(?:{alternation(tails)})", re.IGNORECASE))
    # After a figure: blanks or a hyphen, then a sign, a word opening like a marker, a
    # letter not followed by two more, or any character outside ASCII.
    after_rest = rf"{char_class(starts)}|[A-Za-z](?![A-Za-z]{{2}})|[^\x00-\x7f]"
    near_after = (
        re.compile(rf"\0(?:{_BLANK}{_BLANK}|(?:{_BLANK}|-)?(?:{alternation(heads)}|{after_rest}))"),
        re.compile(rf"\0(?:{_BLANK}{_BLANK}|(?:{_BLANK}|-)?(?:(?i:{alternation(heads)})|{after_rest}))"),
    )
    return MoneyLexicon(before, after, symbols, {**prefixes, **{k.lower(): v for k, v in strict.items()}},
                        codes, scales, post_scales, names, minor, guarded, near_before, near_after)


@lru_cache(maxsize=1)
def money_lexicon() -> MoneyLexicon:
    """The shipped money vocabulary."""
    return build_money_lexicon(load_yaml("currencies.yaml"))
