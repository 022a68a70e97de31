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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from checker.values.base import ScanContext, ValueMatch
from checker.values.figures import (
    at_sentence_start,
    case_forms,
    char_class,
    hedge_index,
    new_match,
    shared_quantity,
)
from checker.values.neighbours import followed_by
from checker.values.numlex import alternation, lexicon
from checker.values.numphrase import NumberPhrase, number_phrases
from checker.values.types import Interval, Quantity

__all__ = ["find_numbers", "number_quantity", "number_reach", "numbers_of"]


@dataclass(frozen=True)
class _Context:
    clock: re.Pattern[str]  # a clock word after the figure ("10 a.m.")
    near: re.Pattern[str]  # neighbours of a figure a clock word or a compound may follow
    rank: re.Pattern[str]  # a rank marker before it ("No. 1")
    name: re.Pattern[str]  # a capitalised word right before it ("Vision 2030")
    after_article: re.Pattern[str]  # "a"/"an" right before an ordinal word
    fraction_tail: re.Pattern[str]  # what makes "a third" a fraction ("of", punctuation)
    not_name_words: frozenset[str]
    pronoun_numbers: frozenset[str]


@lru_cache(maxsize=1)
def _context() -> _Context:
    lex = lexicon()
    first = case_forms(w[0] for w in lex.clock_words)
    if first is None:
        raise ValueError("numbers.yaml: a clock word opens with a non-ASCII letter with cases")
    return _Context(
        clock=re.compile(rf"\s*(?:{alternation(lex.clock_words)})(?![\w])", re.IGNORECASE),
        # The clock word after white space (the next four characters show where it can
        # start), or a hyphen: a compound.
        near=re.compile(rf"\0(?:\s{{0,3}}{char_class(first)}|\s{{4}}|-)"),
        rank=re.compile(rf"(?<![\w])(?:{alternation(lex.rank_markers)})\s*$", re.IGNORECASE),
        name=re.compile(r"(?<![\w'’.-])([A-Z][\w'’&.-]*) $"),
        after_article=re.compile(rf"(?<![\w])(?:{alternation(lex.words_of('article'))})\s+$", re.IGNORECASE),
        fraction_tail=re.compile(rf"\s*(?:(?:{alternation(lex.fraction_tail_words)})\b|[^\w\s-]|$)", re.IGNORECASE),
        not_name_words=lex.not_name_words,
        pronoun_numbers=lex.pronoun_numbers,
    )


def find_numbers(text: str, ctx: ScanContext) -> list[ValueMatch]:
    """Every count, ordinal and multiplier in ``text`` that stands on its own."""
    return numbers_of(text, ctx, None)


def numbers_of(text: str, ctx: ScanContext, only: Iterable[int] | None) -> list[ValueMatch]:
    """:func:`find_numbers` for the phrases at the indices ``only`` (in order), or all."""
    out: list[ValueMatch] = []
    add = out.append
    rules = _context()
    hedges = hedge_index(ctx.hedges)
    last_words = hedges.last_words
    counts = _COUNTS
    not_names = rules.not_name_words
    phrases = number_phrases(text)
    near = set(followed_by(text, rules.near))
    for k in range(len(phrases)) if only is None else only:
        p = phrases[k]
        start, end, figure, value, step, form, words, _, interval, plain, letter_scale, pending, glued, word = p
        if glued or pending or letter_scale is not None:
            continue
        if form == "ordinal":
            if _is_rank(text, p):
                add(new_match(start, end, figure, shared_quantity("number", value, step, None, form="ordinal"), None))
            continue
        # What follows: a clock word ("10 a.m.") or a compound ("30-year-old") is no count.
        if k in near and (_hyphen_compound(text, end) or rules.clock.match(text, end)):
            continue
        if word is not None:
            # The usual case, settled here: a word of letters, then one blank, before the
            # figure; no rank marker then, and a name only if the word is capitalised.
            low = word.lower()
            hedge, begin = (None, start) if low not in last_words else hedges.after_word(text, start, word)
            if hedge is None and plain and form == "cardinal" and "A" <= word[0] <= "Z" and low not in not_names:
                continue
        else:
            hedge, begin = hedges.after_word(text, start, None)
            if hedge is None and plain and form == "cardinal":
                if _ranked(text, start, rules):
                    rank = shared_quantity("number", value, step, None, form="ordinal")
                    add(new_match(start, end, figure, rank, None))
                    continue
                if _inside_name(text, start, rules):
                    continue
        if hedge is None:
            if words and figure.lower() in rules.pronoun_numbers:
                continue
            quantity = counts.get(id(interval))
            if quantity is None or quantity.interval is not interval or quantity.form != form:
                quantity = _count(counts, interval, form)
            add(new_match(start, end, figure, quantity, None))
        elif not _year_or_count(p, hedge.phrase):
            quantity = shared_quantity("number", value, step, hedge, form=form)
            add(new_match(begin, end, text[begin:end], quantity, hedge.phrase))
    return out


def number_reach(text: str, ctx: ScanContext) -> list[int]:
    """For each phrase of ``text``, the earliest start a number match of it can have: the
    start of a hedge right before it ("about 200"), or its own start."""
    hedges = hedge_index(ctx.hedges)
    last_words = hedges.last_words
    out = []
    for p in number_phrases(text):
        start, word = p[0], p[13]  # the phrase's start and its left word
        if word is not None and word.lower() not in last_words:
            out.append(start)  # no hedge ends with this word (as in ``numbers_of``)
        else:
            out.append(hedges.after_word(text, start, word)[1])
    return out


# The unhedged quantity of each figure seen lately, by the identity of its interval
# (phrases of one spelling share their interval); an entry is used only for that very
# interval, so a recycled identity cannot mislead.
_COUNTS: dict[int, Quantity] = {}
_COUNTS_KEPT = 4096


def _count(counts: dict[int, Quantity], interval: Interval, form: str) -> Quantity:
    if len(counts) >= _COUNTS_KEPT:
        counts.clear()
    quantity = counts[id(interval)] = Quantity(kind="number", interval=interval, form=form)
    return quantity


def number_quantity(phrase: NumberPhrase, form: str | None = None) -> Quantity:
    """The unhedged quantity of a number phrase."""
    return Quantity(kind="number", interval=phrase.interval, form=form or phrase.form)


def _ranked(text: str, start: int, rules: _Context) -> bool:
    """True for "No. 1": a rank marker (ending in a dot) right before the figure."""
    if not text[max(0, start - 8):start].rstrip().endswith("."):
        return False  # the pattern needs a dot, then blanks at most, before the figure
    return rules.rank.search(text, max(0, start - 8), start) is not None


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


def _inside_name(text: str, start: int, rules: _Context) -> bool:
    """True for "Vision 2030": a capitalised word that is not a function word, then a blank."""
    # The pattern needs a name character, then a blank, right before the figure (or before
    # a newline there, where its "$" also matches).
    if text[start - 1:start] == " ":
        last = text[start - 2:start - 1]
    elif text[max(0, start - 2):start] == " \n":
        last = text[start - 3:start - 2]
    else:
        return False
    if not last or not (last.isalnum() or last in _NAME_CHARACTERS):
        return False
    m = rules.name.search(text, max(0, start - 40), start)
    if m is None:
        return False
    return m.group(1).lower().rstrip(".") not in rules.not_name_words


_DISCOURSE = re.compile(r"\s*,")
_NAME_CHARACTERS = "_'’&.-"  # what a name may end with besides letters and digits


def _is_rank(text: str, p: NumberPhrase) -> bool:
    """False for ordinal words that are not ranks here (discourse markers, fractions)."""
    if not p.words:
        return True
    if at_sentence_start(text, p.start) and _DISCOURSE.match(text, p.end):
        return False  # "First, Xi urged both sides ..."
    rules = _context()
    if rules.after_article.search(text, max(0, p.start - 4), p.start) and rules.fraction_tail.match(text, p.end):
        return False  # "a third of the budget", "wait a second."
    return True
