"""What the value finders share once a figure is found: its hedge, its value and its match.

A hedge is looked up right before the figure (or before its currency sign), and the
match then starts at the hedge, so "approximately 200" is one match with hedge
"approximately".

These run once per figure, and a text has a figure every hundred characters or so:
the usual case, a figure after one blank and a word of letters ("signed 15"), is
settled with string operations, and the hedge patterns run only where a hedge can end.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, is_dataclass

from checker.values.base import ScanContext, ValueMatch
from checker.values.hedges import Hedge, HedgeTable
from checker.values.types import Interval, Quantity, Value

# Characters that may sit between a sentence end and the first word of the next one.
_OPENERS = " \t\"'“‘([«"
# How far back a hedge may start (the reach of ``HedgeTable.before``).
_HEDGE_REACH = 40


def word_before(text: str, start: int) -> str | None:
    """The word of letters that ends one blank before ``start`` ("signed" in "signed 15"),
    after a blank, a newline or any other white space, and within the reach of a hedge.

    None when the figure stands otherwise (after a sign, a bracket, two blanks, a word
    with a dot or a digit...): callers then fall back on their full patterns.
    """
    if start < 2 or text[start - 1] != " " or not text[start - 2].isalpha():
        return None
    reach = text[max(0, start - _HEDGE_REACH - 1):start - 1]
    word = reach.rsplit(None, 1)[-1]
    # A word filling the reach may go on before it: the callers' patterns decide then.
    return word if len(word) < len(reach) and word.isalpha() else None


def find_hedge(text: str, start: int, ctx: ScanContext) -> tuple[Hedge | None, int]:
    """The hedge ending right before ``text[start:]`` and where the match should start."""
    return hedge_index(ctx.hedges).after_word(text, start, word_before(text, start))


def _slow_word_before(text: str, start: int) -> str:
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


@dataclass(frozen=True)
class HedgeIndex:
    """What settles most hedge look-ups of a table without its pattern."""

    table: HedgeTable
    last_words: frozenset[str]  # the last word of every hedge phrase ("than" for "more than")
    single: dict[str, Hedge]  # one-word hedges of letters that end no longer hedge ("about")

    def after_word(self, text: str, start: int, word: str | None) -> tuple[Hedge | None, int]:
        """:func:`find_hedge`, given ``word_before(text, start)``."""
        if word is None:
            # Most figures follow a word that cannot end a hedge ("(15", "$15"): checking
            # that word first avoids a regex search per figure.
            if _slow_word_before(text, start) not in self.last_words:
                return None, start
        else:
            low = word.lower()
            if low not in self.last_words:
                return None, start
            single = self.single.get(low)
            if single is not None:
                # A one-word hedge that ends no longer hedge: the word itself, as the
                # pattern would find it (it starts after a blank, well inside the reach).
                return single, start - 1 - len(word)
        found = self.table.before(text, start)
        if found is None:
            return None, start
        return found


_INDEXES: dict[int, HedgeIndex] = {}


def hedge_index(table: HedgeTable) -> HedgeIndex:
    """The index of a hedge table (built once per table)."""
    cached = _INDEXES.get(id(table))
    if cached is None or cached.table is not table:
        last = frozenset(phrase.split()[-1] for phrase in table.hedges)
        ending_longer = {phrase.split()[-1] for phrase in table.hedges if len(phrase.split()) > 1}
        single = {p: h for p, h in table.hedges.items() if p.isalpha() and p not in ending_longer}
        cached = _INDEXES[id(table)] = HedgeIndex(table, last, single)
    return cached


# The only characters that case-insensitive matching takes for an ASCII letter, besides
# its two cases: the dotless i, the long s and the Kelvin sign.
_CASE_TWINS = {"i": "\u0131", "s": "\u017f", "k": "\u212a"}


def case_forms(chars: Iterable[str]) -> frozenset[str] | None:
    """Every character case-insensitive matching takes for one of ``chars``.

    None when one of them is a non-ASCII letter with cases, whose other forms are not
    listed here: a caller then cannot filter on first characters.
    """
    forms: set[str] = set()
    for ch in chars:
        if not ch.isascii() and (ch.lower() != ch or ch.upper() != ch):
            return None
        forms |= {ch, ch.lower(), ch.upper()}
        if ch.lower() in _CASE_TWINS:
            forms.add(_CASE_TWINS[ch.lower()])
    return frozenset(forms)


def char_class(chars: Iterable[str]) -> str:
    """A regex class of the given characters."""
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def apply_hedge(hedge: Hedge | None, interval: Interval) -> Interval:
    """The set a figure stands for once its hedge (if any) is applied."""
    return interval if hedge is None else hedge.apply(interval)


def range_interval(low: Interval, high: Interval, hedge: Hedge | None) -> Interval:
    """The set a range stands for: from its first end's set to its second end's, each
    end hedged on its own ("about 5 to 7 million" is about 5 million to about 7 million,
    up to 7.7 million, where hedging the whole from its middle would stop at 7.5)."""
    return span_of(apply_hedge(hedge, low), apply_hedge(hedge, high))


def span_of(a: Interval, b: Interval) -> Interval:
    """The smallest interval holding both ``a`` and ``b``."""
    if a.low is None or b.low is None:
        low, low_open = None, False
    elif a.low != b.low:
        low, low_open = (a.low, a.low_open) if a.low < b.low else (b.low, b.low_open)
    else:
        low, low_open = a.low, a.low_open and b.low_open
    if a.high is None or b.high is None:
        high, high_open = None, False
    elif a.high != b.high:
        high, high_open = (a.high, a.high_open) if a.high > b.high else (b.high, b.high_open)
    else:
        high, high_open = a.high, a.high_open and b.high_open
    return Interval(low, high, low_open, high_open)


_QUANTITIES: dict[tuple[object, ...], Quantity] = {}
_QUANTITIES_KEPT = 4096


def shared_quantity(kind: str, value: float, step: float | None, hedge: Hedge | None, factor: float = 1.0,
                    form: str = "cardinal", unit: str | None = None) -> Quantity:
    """The quantity of a figure (``value`` rounded to ``step``) times ``factor``, hedged.

    Quantities are immutable, so equal ones are built once and shared: most texts repeat
    a few small figures. Zero is left out, as 0.0 and -0.0 are equal keys but different
    values.
    """
    key = (kind, value, step, factor, form, unit, None if hedge is None else (hedge.phrase, hedge.mode, hedge.width))
    found = _QUANTITIES.get(key) if value else None
    if found is None:
        interval = Interval.point(value) if step is None else Interval(value - step / 2, value + step / 2)
        if factor != 1.0:
            interval = interval.scaled(factor)
        found = Quantity(kind=kind, interval=apply_hedge(hedge, interval), form=form, unit=unit)
        if value:
            if len(_QUANTITIES) >= _QUANTITIES_KEPT:
                _QUANTITIES.clear()
            _QUANTITIES[key] = found
    return found


def make_match(text: str, start: int, end: int, value: Value, hedge: Hedge | None) -> ValueMatch:
    """A match of ``text[start:end]`` (the span already covers the hedge, if any)."""
    return new_match(start, end, text[start:end], value, hedge.phrase if hedge else None)


_FIELDS = ("start", "end", "text", "value", "hedge")
_new_object = object.__new__


def _fill(start: int, end: int, text: str, value: Value, hedge: str | None) -> ValueMatch:
    match: ValueMatch = _new_object(ValueMatch)
    fields = match.__dict__  # item by item: cheaper than ``update`` with keywords
    fields["start"] = start
    fields["end"] = end
    fields["text"] = text
    fields["value"] = value
    fields["hedge"] = hedge
    return match


def _match_builder() -> Callable[[int, int, str, Value, str | None], ValueMatch]:
    """How to build a ValueMatch: filling its instance dictionary when that is all its
    constructor does, else calling the class.

    ValueMatch is a frozen dataclass, whose generated ``__init__`` stores each field
    through ``object.__setattr__``; for a plain count that costs more than everything else
    a finder does. Setting the five fields at once gives an equal object in half the time,
    as long as the class is that plain dataclass: checked here once, field by field.
    """
    init = getattr(ValueMatch, "__init__", None)
    plain = (
        is_dataclass(ValueMatch)
        and tuple(f.name for f in fields(ValueMatch)) == _FIELDS
        and getattr(getattr(init, "__code__", None), "co_filename", "") == "<string>"  # generated, not written
        and not hasattr(ValueMatch, "__post_init__")
        and "__slots__" not in vars(ValueMatch)
    )
    probe = (0, 1, "x", None, None)
    if plain and vars(_fill(*probe)) == vars(ValueMatch(*probe)):  # type: ignore[arg-type]
        return _fill
    return ValueMatch


new_match = _match_builder()


def shifted_matches(matches: list[ValueMatch], offset: int) -> list[ValueMatch]:
    """``matches`` moved ``offset`` characters back (as found in a text that ``offset``
    characters of other text preceded).

    Only for matches just made by a scan and seen by nothing else yet: when ValueMatch
    is the plain dataclass that ``new_match`` fills, they are moved in place, which is
    building them anew without the cost; otherwise new ones are built.
    """
    if new_match is not _fill:
        return [ValueMatch(m.start - offset, m.end - offset, m.text, m.value, m.hedge) for m in matches]
    for match in matches:
        fields = match.__dict__
        fields["start"] -= offset
        fields["end"] -= offset
    return matches


def at_sentence_start(text: str, pos: int) -> bool:
    """True when the word at ``pos`` opens a sentence, a line or a quotation."""
    i = pos - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in ".!?:;\n\r"
