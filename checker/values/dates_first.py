r"""Which characters a compiled pattern's matches can start with.

The date scanner tries a pattern at a word start only if the character there can
begin one of its matches, which spares most calls into the regex engine. The answer
is read from the parsed pattern (Python's own ``re`` parser) and is a superset:
assertions are ignored, and anything not understood means "any character". A change
in that private parser therefore costs speed, never matches. ``\d`` counts as the
ASCII digits: the scanner starts matches only where its ASCII probe sees a word.
"""

from __future__ import annotations

import re
import string
from typing import Any

try:  # the parser is private to ``re``: without it, every character may start a match
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - other Python versions
    sre = sre_parse = None  # type: ignore[assignment]

Chars = frozenset[str] | None  # None: any character
_DIGITS = frozenset(string.digits)


def first_chars(pattern: re.Pattern[str]) -> Chars:
    """The characters a match of ``pattern`` can start with (None: any, or unknown).

    Case-insensitive patterns give both cases of each letter.
    """
    if sre_parse is None:
        return None
    try:
        chars, _ = _sequence(sre_parse.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # noqa: BLE001 - any surprise in the parser's shapes: no filter
        return None
    if chars is not None and pattern.flags & re.IGNORECASE:
        chars = frozenset(c for ch in chars for c in (ch.lower(), ch.upper()))
    return chars


def _sequence(items: list[tuple[Any, Any]]) -> tuple[Chars, bool]:
    """First characters of a sequence of items, and whether it can match nothing."""
    out: set[str] = set()
    for op, av in items:
        chars, empty = _item(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not empty:
            return frozenset(out), False
    return frozenset(out), True


def _item(op: Any, av: Any) -> tuple[Chars, bool]:
    if op is sre.LITERAL:
        return frozenset({chr(av)}), False
    if op is sre.IN:
        return _charset(av), False
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return frozenset(), True  # takes no character
    if op is sre.SUBPATTERN:
        return _sequence(av[3].data)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av.data)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        chars, empty = _sequence(av[2].data)
        return chars, empty or av[0] == 0
    if op is sre.BRANCH:
        return _union([_sequence(branch.data) for branch in av[1]])
    if op is sre.GROUPREF_EXISTS:
        _, yes, no = av
        return _union([_sequence(yes.data), _sequence(no.data) if no is not None else (frozenset(), True)])
    return None, False  # any character, a back-reference, or an unknown operation


def _union(parts: list[tuple[Chars, bool]]) -> tuple[Chars, bool]:
    out: set[str] = set()
    for chars, _ in parts:
        if chars is None:
            return None, False
        out |= chars
    return frozenset(out), any(empty for _, empty in parts)


def _charset(items: list[tuple[Any, Any]]) -> Chars:
    out: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            out.add(chr(av))
        elif op is sre.RANGE:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            out |= _DIGITS
        else:
            return None
    return frozenset(out)
