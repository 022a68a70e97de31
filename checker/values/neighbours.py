"""The few characters around every number phrase of a text, laid out so that one pass
of the regex engine finds the phrases a unit or a marker may touch.

Most figures are followed by a blank and an ordinary word ("14 students"), which no
unit, currency or clock word starts with; asking that of each phrase in Python costs
more than all the rest a finder does for a text. So the characters that follow each
phrase are cut out once per text and joined, each group opened by a NUL, and a finder
runs its own pattern, opening with that NUL, over the string; likewise the characters
before each phrase, nearest first. A pattern need only be *wider* than the finder's
exact rule (the finder then applies the rule to the phrases found), and must not match
a NUL other than its first, so that no match runs into the next group.

The groups are cut from the lower-cased text when it reads like the original (see
:func:`checker.values.numruns.lowered_text`), so that patterns need no IGNORECASE.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.values.numphrase import number_phrases
from checker.values.numruns import lowered_text

AFTER = 4  # characters kept after each phrase
BEFORE = 6  # characters kept before each phrase


@dataclass(frozen=True)
class Neighbours:
    """For phrase k: ``after[k * (AFTER + 1):]`` is a NUL then the AFTER characters after
    it; ``before[k * (BEFORE + 1):]`` a NUL then the BEFORE characters before it, from the
    nearest on. The text is padded with blanks at both ends, so every group is full.
    ``lowered``: the characters are those of the lower-cased text."""

    after: str
    before: str
    lowered: bool


@lru_cache(maxsize=8)
def neighbours(text: str) -> Neighbours:
    """The neighbours of the phrases of ``text`` (cached for the last texts)."""
    phrases = number_phrases(text)
    lowered = lowered_text(text)
    source = text if lowered is None else lowered
    size = len(source)
    tail = source + " " * AFTER
    back = source[::-1] + " " * BEFORE  # back[size - start] is the character before ``start``
    after = "\0" + "\0".join([tail[p.end:p.end + AFTER] for p in phrases])
    before = "\0" + "\0".join([back[size - p.start:size - p.start + BEFORE] for p in phrases])
    return Neighbours(after, before, lowered is not None)


def followed_by(text: str, pattern: re.Pattern[str]) -> list[int]:
    """Indices of the phrases whose next characters ``pattern`` matches."""
    return _indices(pattern, neighbours(text).after, AFTER)


def preceded_by(text: str, pattern: re.Pattern[str]) -> list[int]:
    """Indices of the phrases whose previous characters (nearest first) ``pattern`` matches."""
    return _indices(pattern, neighbours(text).before, BEFORE)


def _indices(pattern: re.Pattern[str], groups: str, width: int) -> list[int]:
    # A NUL inside the text makes a false group start: its match counts for the group it
    # lies in, which a finder then checks like any other.
    return sorted({m.start() // (width + 1) for m in pattern.finditer(groups)})
