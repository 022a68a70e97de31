"""What the value finders share once a figure is found: its hedge and its match.

A hedge is looked up right before the figure (or before its currency sign), and the
match then starts at the hedge, so "approximately 200" is one match with hedge
"approximately".
"""

from __future__ import annotations

from checker.values.base import ScanContext, ValueMatch
from checker.values.hedges import Hedge
from checker.values.types import Interval, Value

# Characters that may sit between a sentence end and the first word of the next one.
_OPENERS = " \t\"'“‘([«"


def find_hedge(text: str, start: int, ctx: ScanContext) -> tuple[Hedge | None, int]:
    """The hedge ending right before ``text[start:]`` and where the match should start."""
    found = ctx.hedges.before(text, start)
    if found is None:
        return None, start
    return found


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
