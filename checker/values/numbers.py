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
from checker.values.figures import at_sentence_start, case_forms, hedge_after_word, shared_quantity, word_before
from checker.values.numlex import alternation, lexicon
from checker.values.numphrase import NumberPhrase, number_phrases
from checker.values.types import Quantity

__all__ = ["find_numbers", "number_quantity"]

@dataclass(frozen=True)
class _Context:
    clock: re.Pattern[str]  # a clock word after the figure ("10 a.m.")
    clock_first: frozenset[str]  # the characters a clock word can start with, in any case
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
        clock_first=first,
        rank=re.compile(rf"(?<![\w])(?:{alternation(lex.rank_markers)})\s*$", re.IGNORECASE),
        name=re.compile(r"(?<![\w'’.-])([A-Z][\w'’&.-]*) $"),
        after_article=re.compile(rf"(?<![\w])(?:{alternation(lex.words_of('article'))})\s+$", re.IGNORECASE),
        fraction_tail=re.compile(rf"\s*(?:(?:{alternation(lex.fraction_tail_words)})\b|[^\w\s-]|$)", re.IGNORECASE),
        not_name_words=lex.not_name_words,
        pronoun_numbers=lex.pronoun_numbers,
    )


def find_numbers(text: str, ctx: ScanContext) -> list[ValueMatch]:
    """Every count, ordinal and multiplier in ``text`` that stands on its own."""
    out: list[ValueMatch] = []
    rules = _context()
    for p in number_phrases(text):
        if p.pending_scale or p.letter_scale is not None or p.glued:
            continue
        start, end = p.start, p.end
        if p.form == "ordinal":
            if _is_rank(text, p):
                out.append(ValueMatch(start, end, p.text, shared_quantity("number", p.value, p.step, None, form="ordinal")))
            continue
        after = text[end:end + 1]
        if after == "-" and _hyphen_compound(text, end):
            continue
        if (after in rules.clock_first or after.isspace()) and _clock_follows(text, end, after, rules):
            continue
        word = word_before(text, start)
        hedge, begin = hedge_after_word(text, start, ctx, word)
        form = p.form
        if hedge is None:
            if p.plain_integer and form == "cardinal":
                if _ranked(text, start, word, rules):
                    out.append(ValueMatch(start, end, p.text, shared_quantity("number", p.value, p.step, None, form="ordinal")))
                    continue
                if _inside_name(text, start, word, rules):
                    continue
            if p.words and p.text.lower() in rules.pronoun_numbers:
                continue
            out.append(ValueMatch(start, end, p.text, shared_quantity("number", p.value, p.step, None, form=form)))
        elif not _year_or_count(p, hedge.phrase):
            value = shared_quantity("number", p.value, p.step, hedge, form=form)
            out.append(ValueMatch(begin, end, text[begin:end], value, hedge.phrase))
    return out


def number_quantity(phrase: NumberPhrase, form: str | None = None) -> Quantity:
    """The unhedged quantity of a number phrase."""
    return Quantity(kind="number", interval=phrase.interval, form=form or phrase.form)


def _clock_follows(text: str, end: int, after: str, rules: _Context) -> bool:
    """True for "10 a.m.", "10pm"; the pattern runs only where a clock word can start."""
    if after == " ":
        nxt = text[end + 1:end + 2]
        if not (nxt in rules.clock_first or nxt.isspace()):
            return False
    return rules.clock.match(text, end) is not None


def _ranked(text: str, start: int, word: str | None, rules: _Context) -> bool:
    """True for "No. 1": a rank marker (ending in a dot) right before the figure."""
    if word is not None:
        return False  # a word of letters stands right before the blank
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


def _inside_name(text: str, start: int, word: str | None, rules: _Context) -> bool:
    if word is not None:
        # The word after a blank is the whole name the pattern would find, if capitalised.
        return "A" <= word[0] <= "Z" and word.lower() not in rules.not_name_words
    m = rules.name.search(text, max(0, start - 40), start)
    if m is None:
        return False
    return m.group(1).lower().rstrip(".") not in rules.not_name_words


_DISCOURSE = re.compile(r"\s*,")


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
