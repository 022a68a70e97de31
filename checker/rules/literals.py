r"""The words a trigger's matches must start with, so a text without any of them is
not searched.

Most triggers open with a word or a list of words (``\b(?:grew|rose|increased)``). A
pattern of alternatives gives the regex engine nothing to skip ahead to, so it tries
every position of the text; a plain substring search for each opening word, in the
lower-cased text, is several times faster and rules the pattern out for most texts.

The words are read from the parsed pattern (Python's own ``re`` parser) and are a safe
answer or none: every match starts with one of them, after zero-width assertions.
Anything the parser refuses (``\p{L}``), or an opening that is not plain ASCII text
(an optional character, a class), means "no prefilter"; so does a word shorter than
three characters, which would be found almost everywhere. A change in that private
parser therefore costs speed, never matches.
"""

from __future__ import annotations

import re
from typing import Any

try:  # the parser is private to ``re``: without it, no prefilter
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - other Python versions
    sre = sre_parse = None  # type: ignore[assignment]

MIN_LENGTH = 3
MAX_WORDS = 64  # openings that branch more than this are not worth listing


def opening_words(source: str) -> tuple[str, ...] | None:
    """Lower-case ASCII words one of which starts every match of the case-insensitive
    pattern ``source``, or None when no such list is known."""
    if sre_parse is None:
        return None
    try:
        words, _ = _sequence(sre_parse.parse(source, re.IGNORECASE).data)
    except Exception:  # noqa: BLE001 - any surprise in the parser's shapes: no prefilter
        return None
    lowered = sorted({w.lower() for w in words})
    if not lowered or min(map(len, lowered)) < MIN_LENGTH or not all(w.isascii() for w in lowered):
        return None
    return tuple(lowered)


def _sequence(items: list[tuple[Any, Any]]) -> tuple[list[str], bool]:
    """The literal openings of a sequence, and whether they spell the whole sequence
    (so that what follows the sequence may extend them)."""
    words = [""]
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # takes no character
        if op is sre.LITERAL:
            words = [w + chr(av) for w in words]
            continue
        if op is sre.SUBPATTERN:
            tails, whole = _sequence(av[3].data)
        elif op is sre.BRANCH:
            parts = [_sequence(branch.data) for branch in av[1]]
            tails = [t for part, _ in parts for t in part]
            whole = all(w for _, w in parts)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            tails, _ = _sequence(av[2].data)  # one turn is certain; what follows is not
            whole = False
        else:
            return words, False
        if len(words) * len(tails) > MAX_WORDS:
            return words, False
        words = [w + t for w in words for t in tails]
        if not whole:
            return words, False
    return words, True
