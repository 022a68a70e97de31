"""What the value finders share once a figure is found: its hedge and its match.

A hedge is looked up right before the figure (or before its currency sign), and the
match then starts at the hedge, so "approximately 200" is one match with hedge
"approximately".
"""

from __future__ import annotations

from checker.values.base import ScanContext, ValueMatch
from checker.values.hedges import Hedge, HedgeTable
from checker.values.types import Interval, Value

# Characters that may sit between a sentence end and the first word of the next one.
_OPENERS = " \t\"'“‘([«"


def find_hedge(text: str, start: int, ctx: ScanContext) -> tuple[Hedge | None, int]:
    """The hedge ending right before ``text[start:]`` and where the match should start."""
    # Most figures follow a word that cannot end a hedge ("signed 15"): checking that word
    # first avoids a regex search per figure.
    if _word_before(text, start) not in _last_words(ctx.hedges):
        return None, start
    found = ctx.hedges.before(text, start)
    if found is None:
        return None, start
    return found


def _word_before(text: str, start: int) -> str:
    """The lower-case word (letters and dots) before the blanks before ``start``."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == start:
        return ""  # a hedge is always followed by a blank
    begin = end
    while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1] == "."):
        begin -= 1
    return text[begin:end].lower()


_LAST_WORDS: dict[int, tuple[HedgeTable, frozenset[str]]] = {}


def _last_words(table: HedgeTable) -> frozenset[str]:
    """The last word of every hedge phrase of ``table`` ("than" for "more than")."""
    cached = _LAST_WORDS.get(id(table))
    if cached is None or cached[0] is not table:
        cached = (table, frozenset(phrase.split()[-1] for phrase in table.hedges))
        _LAST_WORDS[id(table)] = cached
    return cached[1]


def apply_hedge(hedge: Hedge | None, interval: Interval) -> Interval:
    """The set a figure stands for once its hedge (if any) is applied."""
    return interval if hedge is None else hedge.apply(interval)


def make_match(text: str, start: int, end: int, value: Value, hedge: Hedge | None) -> ValueMatch:
    """A match of ``text[start:end]`` (the span already covers the hedge, if any)."""
    return ValueMatch(start, end, text[start:end], value, hedge.phrase if hedge else None)


def at_sentence_start(text: str, pos: int) -> bool:
    """True when the word at ``pos`` opens a sentence, a line or a quotation."""
    i = pos - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in ".!?:;\n\r"
