"""Hedges written after a value: "100 or more people", "aged 65 and over", "a 2
million-plus crowd", "40 or so firms" (``trailing`` in hedges.yaml).

A value of a quantity (a count, money, a percentage, a length of time) followed right
away by such a phrase takes it into its span and its set: read alone, "100" in "100 or
more people" would contradict a source's "more than 120". A value with a hedge of its
own ("about 100 or more") and an ordinal keep their reading.

The phrases are rare: the text after each value is checked against their first four
characters (" or ", " and", "-plu"), and only on a match is a phrase read in full.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from checker.data import shipped_yaml
from checker.values.base import ValueMatch
from checker.values.figures import new_match
from checker.values.hedges import MODES, Hedge
from checker.values.numruns import lowered_text
from checker.values.types import Money, Quantity, Value


@lru_cache(maxsize=1)
def trailing_hedges() -> tuple[dict[str, Hedge], tuple[str, ...]]:
    """The shipped hedges written after a figure, by the text that follows the value (its
    first character a blank or a hyphen), and the first four characters of each."""
    table: dict[str, Hedge] = {}
    for written, spec in shipped_yaml("hedges.yaml")["trailing"].items():
        mode = str(spec.get("mode"))
        if mode not in MODES or written[:1] not in (" ", "-") or len(written) < _HEAD:
            raise ValueError(f"hedges.yaml: trailing hedge {written!r}: expected a mode of {', '.join(MODES)}, "
                             f"a blank or a hyphen first and at least {_HEAD} characters")
        table[written.lower()] = Hedge(written.strip(" -").lower(), mode, float(spec.get("width", 0.0) or 0.0))
    return table, tuple(sorted({w[:_HEAD] for w in table}))


_HEAD = 4


def with_trailing_hedges(text: str, values: list[ValueMatch]) -> list[ValueMatch]:
    """``values`` (in order, apart) with each one followed by a trailing hedge hedged by it."""
    if not values:
        return values
    table, heads = trailing_hedges()
    # The lower-cased text of the number passes (cached), when it keeps every offset.
    lowered = lowered_text(text) or text
    # One ``startswith`` of the few heads at each value's end settles nearly all of them
    # (a slice per value would cost twice as much); phrases are read in full after a head.
    opens = lowered.startswith
    found = [k for k, m in enumerate(values) if opens(heads, m.end)]
    if not found:
        return values
    out = list(values)
    for k in found:
        match = out[k]
        for written, hedge in table.items():
            after = match.end + len(written)
            if lowered.startswith(written, match.end) and not (lowered[after:after + 1].isalnum()
                                                                 or lowered[after:after + 1] == "-"):
                out[k] = _hedged_match(text, match, after, hedge, out[k + 1] if k + 1 < len(out) else None)
                break
    return out


_COUNTED = frozenset({"number", "money", "percent", "percentage_point", "duration"})


def _hedged_match(text: str, match: ValueMatch, after: int, hedge: Hedge, following: ValueMatch | None) -> ValueMatch:
    """``match`` hedged by ``hedge`` through ``after``, or ``match`` itself when it takes no
    trailing hedge (a hedge of its own, a date, an ordinal, words of the next value)."""
    if match.hedge is not None or match.kind not in _COUNTED or (following is not None and following.start < after):
        return match
    value = _hedged(match.value, hedge)
    if value is None:
        return match
    return new_match(match.start, after, text[match.start:after], value, hedge.phrase)


def _hedged(value: Value, hedge: Hedge) -> Value | None:
    if isinstance(value, Quantity):
        if value.form != "cardinal":
            return None
        return dataclasses.replace(value, interval=hedge.apply(value.interval))
    if isinstance(value, Money):
        return Money(tuple(dataclasses.replace(a, interval=hedge.apply(a.interval)) for a in value.amounts))
    return None
