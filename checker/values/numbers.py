"""Plain numbers: counts ("15", "fifteen", "2.14 trillion"), ordinals ("second", "15th",
"twenty-first") and multipliers ("twice", "three times").

Figures come from the shared reader :func:`checker.values.numphrase.number_phrases`;
this module decides which of them are quantities on their own. It leaves out what only
looks like a count, because a wrong narrow value is worse than none:

- "one" alone: a pronoun far more often than a count ("one of the most significant",
  "the one you mentioned"); it is read only after a hedge ("more than one") or inside a
  larger number ("one hundred", "one billion").
- a cardinal in a hyphenated compound ("one-China", "30-year-old", "four-day"): the
  compound says what it is, and the unit finders read the useful ones (durations, money).
  Compounds that state a count stay ("a 200-strong delegation", "the 27-nation bloc").
- a plain integer right after a capitalised word that is not a function word: a name
  or a model ("Vision 2030", "Expo 2025", "Boeing 737"), not a count ("In 2024" is).
- a figure before a clock word ("10 a.m.").
- a year-like integer after a hedge that is also a preposition ("over 2023 levels",
  "around 2030"): a year or a count, which the text does not settle.
- an ordinal opening a sentence before a comma ("First, Xi urged ..."): a discourse
  marker, not a rank; and "a third of", "a second." (a fraction, a unit of time).

An ordinal inside a name ("the 15th Five-Year Plan", "the 20th Party Congress") is
still read, but only ever as an ordinal, never as a count; whether it matters is for the
claim rules to say. "No. 1" is a rank: an ordinal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.values.base import ScanContext, ValueMatch
from checker.values.figures import apply_hedge, at_sentence_start, find_hedge, make_match
from checker.values.numlex import alternation, lexicon
from checker.values.numphrase import NumberPhrase, number_phrases
from checker.values.types import Quantity

__all__ = ["find_numbers", "number_quantity"]


@dataclass(frozen=True)
class _Context:
    clock: re.Pattern[str]  # a clock word after the figure ("10 a.m.")
    rank: re.Pattern[str]  # a rank marker before it ("No. 1")
    name: re.Pattern[str]  # a capitalised word right before it ("Vision 2030")
    after_article: re.Pattern[str]  # "a"/"an" right before an ordinal word
    fraction_tail: re.Pattern[str]  # what makes "a third" a fraction ("of", punctuation)


@lru_cache(maxsize=1)
def _context() -> _Context:
    lex = lexicon()
    return _Context(
        clock=re.compile(rf"\s*(?:{alternation(lex.clock_words)})(?![\w])", re.IGNORECASE),
        rank=re.compile(rf"(?<![\w])(?:{alternation(lex.rank_markers)})\s*$", re.IGNORECASE),
        name=re.compile(r"(?<![\w'’.-])([A-Z][\w'’&.-]*) $"),
        after_article=re.compile(rf"(?<![\w])(?:{alternation(lex.words_of('article'))})\s+$", re.IGNORECASE),
        fraction_tail=re.compile(rf"\s*(?:(?:{alternation(lex.fraction_tail_words)})\b|[^\w\s-]|$)", re.IGNORECASE),
    )


def find_numbers(text: str, ctx: ScanContext) -> list[ValueMatch]:
    """Every count, ordinal and multiplier in ``text`` that stands on its own."""
    out: list[ValueMatch] = []
    for phrase in number_phrases(text):
        match = _number_match(text, phrase, ctx)
        if match is not None:
            out.append(match)
    return out


def number_quantity(phrase: NumberPhrase, form: str | None = None) -> Quantity:
    """The unhedged quantity of a number phrase."""
    return Quantity(kind="number", interval=phrase.interval, form=form or phrase.form)


def _number_match(text: str, p: NumberPhrase, ctx: ScanContext) -> ValueMatch | None:
    if p.pending_scale or p.letter_scale is not None or p.glued:
        return None
    ctx_re = _context()
    form = p.form
    if form == "ordinal":
        if not _is_rank(text, p):
            return None
        return make_match(text, p.start, p.end, number_quantity(p), None)
    if _hyphen_compound(text, p.end) or ctx_re.clock.match(text, p.end):
        return None
    hedge, start = find_hedge(text, p.start, ctx)
    if hedge is None and p.plain_integer and form == "cardinal":
        if ctx_re.rank.search(text, max(0, p.start - 8), p.start):
            return make_match(text, p.start, p.end, number_quantity(p, "ordinal"), None)
        if _inside_name(text, p.start, ctx_re.name):
            return None
    if hedge is None and p.text.lower() in lexicon().pronoun_numbers:
        return None
    if hedge is not None and _year_or_count(p, hedge.phrase):
        return None
    quantity = Quantity(kind="number", interval=apply_hedge(hedge, p.interval), form=form)
    return make_match(text, start, p.end, quantity, hedge)


def _year_or_count(p: NumberPhrase, hedge: str) -> bool:
    """True for "over 2023", "around 2030": a year or a count, which cannot be told."""
    lex = lexicon()
    low, high = lex.year_like
    return p.plain_integer and len(p.text) == 4 and low <= p.value <= high and hedge in lex.year_ambiguous_hedges


_COMPOUND_WORD = re.compile(r"-([A-Za-z]+)")


def _hyphen_compound(text: str, end: int) -> bool:
    """True for "one-China", "30-year-old"; False for counts like "a 200-strong delegation"."""
    m = _COMPOUND_WORD.match(text, end)
    return m is not None and m.group(1).lower() not in lexicon().count_compounds


def _inside_name(text: str, start: int, name: re.Pattern[str]) -> bool:
    m = name.search(text, max(0, start - 40), start)
    if m is None:
        return False
    return m.group(1).lower().rstrip(".") not in lexicon().not_name_words


_DISCOURSE = re.compile(r"\s*,")


def _is_rank(text: str, p: NumberPhrase) -> bool:
    """False for ordinal words that are not ranks here (discourse markers, fractions)."""
    if not p.words:
        return True
    if at_sentence_start(text, p.start) and _DISCOURSE.match(text, p.end):
        return False  # "First, Xi urged both sides ..."
    ctx_re = _context()
    if ctx_re.after_article.search(text, max(0, p.start - 4), p.start) and ctx_re.fraction_tail.match(text, p.end):
        return False  # "a third of the budget", "wait a second."
    return True
