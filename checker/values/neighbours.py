"""The few characters around every number phrase of a text, and which phrases a unit
or a marker may touch.

Most figures are followed by a blank and an ordinary word ("14 students"), which no
unit, currency or clock word starts with; asking that of each phrase in Python costs
more than all the rest a finder does for a text. So the characters that follow each
phrase are cut out once per text, and a finder's pattern (opening with a NUL, which
stands for the phrase) is matched once per *distinct* group of characters: the answer
is remembered, and texts repeat the same few groups (" per", " bil", " yea") over and
over. Likewise the characters before each phrase, nearest first. A pattern need only
be *wider* than the finder's exact rule (the finder then applies the rule to the
phrases found); it must not match a NUL other than its first, nor use an end anchor.

The groups are cut from the lower-cased text when it reads like the original (see
:func:`checker.values.numruns.lowered_text`), so that patterns need no IGNORECASE.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from checker.values.numphrase import number_phrases
from checker.values.numruns import lowered_text

AFTER = 4  # characters kept after each phrase
BEFORE = 6  # characters kept before each phrase


class Neighbours(NamedTuple):
    """For phrase k: ``after[k]`` is the AFTER characters after it; ``before[k]`` the
    BEFORE characters before it, from the nearest on. The text is padded with blanks at
    both ends, so every group is full. ``lowered``: the characters are those of the
    lower-cased text."""

    after: tuple[str, ...]
    before: tuple[str, ...]
    lowered: bool


@lru_cache(maxsize=8)
def neighbours(text: str) -> Neighbours:
    """The neighbours of the phrases of ``text`` (cached for the last texts)."""
    phrases = number_phrases(text)
    lowered = lowered_text(text)
    source = text if lowered is None else lowered
    tail = source + " " * AFTER
    head = " " * BEFORE + source  # head[start:start + BEFORE] are the characters before ``start``
    after = tuple([tail[p[1]:p[1] + AFTER] for p in phrases])  # p[1]: the phrase's end
    before = tuple([head[p[0]:p[0] + BEFORE][::-1] for p in phrases])  # p[0]: its start
    return Neighbours(after, before, lowered is not None)


def followed_by(text: str, pattern: re.Pattern[str]) -> list[int]:
    """Indices of the phrases whose next characters ``pattern`` matches."""
    return _indices(pattern, neighbours(text).after)


def preceded_by(text: str, pattern: re.Pattern[str]) -> list[int]:
    """Indices of the phrases whose previous characters (nearest first) ``pattern`` matches."""
    return _indices(pattern, neighbours(text).before)


# Whether a pattern matches a group of characters, by pattern (its identity: hashing a
# compiled pattern hashes its whole program, which for a long alternation costs more
# than all the lookups), then by group. Texts repeat the same few groups over and over.
_ANSWERS: dict[int, tuple[re.Pattern[str], dict[str, bool]]] = {}
_ANSWERS_KEPT = 50_000


def _indices(pattern: re.Pattern[str], groups: tuple[str, ...]) -> list[int]:
    entry = _ANSWERS.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        entry = _ANSWERS[id(pattern)] = (pattern, {})
    answers = entry[1]
    try:
        return [k for k, group in enumerate(groups) if answers[group]]
    except KeyError:  # a group not seen before: work out the missing answers
        if len(answers) >= _ANSWERS_KEPT:
            answers.clear()
        for group in groups:
            if group not in answers:
                answers[group] = _matches(pattern, group)
        return [k for k, group in enumerate(groups) if answers[group]]


def _matches(pattern: re.Pattern[str], group: str) -> bool:
    """Whether ``pattern`` matches at the NUL standing for the phrase, or at a NUL of the
    text among its neighbours (which a finder then checks like any other phrase: the
    pattern is only a filter)."""
    framed = "\0" + group
    at = 0
    while at >= 0:
        if pattern.match(framed, at) is not None:
            return True
        at = framed.find("\0", at + 1)
    return False
