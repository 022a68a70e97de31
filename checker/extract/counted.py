"""What a figure counts (key part ``counted``), from the words of its phrase.

"A business delegation of about 30 chief executives" and "a delegation of more than 50
persons, comprising ministers, officials and business representatives" give two
counts of one visit that are both true: the first counts a part of what the second
counts. A rule whose figures may count different things names them as labels
(``counted.labels``), and claims are compared only within one label.

The phrase of a figure is the text from its trigger to its value (whichever comes
first), with up to two words before it (not past an "and" or "or") and five after it, up to
the first verb or preposition after it (the counted noun comes before those): "a **business** delegation
of about 30 **chief executives**", "a 120-strong **business** delegation accompanied
...", "200 leading South Korean **business** figures", "200 **business** leaders and
**officials**". It stops at a comma, semicolon, colon, bracket, spaced dash, and
before words that start a list or a clause of their own ("including", "comprising",
"who", "which", "that"...): in "a delegation of about 120 people, including ministers
and business leaders" the figure counts people; the list says who they are. A phrase that names no label takes the rule's ``default``; one that names two ("200
business leaders and officials") takes its ``several`` label (for delegations, the
whole party: business people and officials together are more than a business
delegation), and without one leaves the key unresolved.
"""

from __future__ import annotations

import re

from checker.rules.model import Counted

WORDS_BEFORE = 2
WORDS_AFTER = 5

# Where a figure's phrase ends: punctuation that closes it, or a word that opens a list
# of members or a clause of its own. A comma between digits ("1,500") is part of a figure.
_STOP = re.compile(
    r"[;:()\[\]\"“”]|,(?!\d)|\s[-–—]\s|\b(?:including|includes|included|comprising|comprises|comprised|"
    r"such\s+as|among\s+them|led\s+by|headed\s+by|who|which|that|whose)\b",
    re.IGNORECASE,
)
_STOP_BEFORE = re.compile(rf"{_STOP.pattern}|\b(?:and|or)\b", re.IGNORECASE)
# The noun a figure counts comes before the verb or preposition that follows it ("200
# leading South Korean business figures accompanied ..."): the phrase ends there.
_ENDS_NOUN = re.compile(
    r"(?:is|are|was|were|will|would|has|have|had|accompan\w*|travell?\w*|join\w*|met|meets?|holds?|held|arriv\w*|"
    r"visit\w*|attend\w*|sign\w*|t[ao]ok|takes?|came|comes?|went|goes|flew|to|on|at|in|into|for|with|from|during|"
    r"after|before|by)",
    re.IGNORECASE,
)
_WORD = re.compile(r"\S+")


def counted_label(text: str, start: int, end: int, low: int, high: int, counted: Counted) -> tuple[str | None, str | None]:
    """The label of what the figure counts, or None and why.

    ``start``-``end`` is the sentence, ``low``-``high`` the stretch from the trigger to
    the value (whichever comes first to whichever ends last).
    """
    begin, finish = phrase_span(text, start, end, low, high)
    found = [label for label, patterns in counted.labels if any(p.search(text, begin, finish) for p in patterns)]
    phrase = " ".join(text[begin:finish].split())
    if len(found) > 1:
        if counted.first in found:
            return counted.first, None
        if counted.several is not None:
            return counted.several, None
        return None, f"the figure's phrase ('{phrase}') counts more than one thing ({' and '.join(found)})"
    if found:
        return found[0], None
    if counted.default is None:
        return None, f"the figure's phrase ('{phrase}') does not say what it counts"
    return counted.default, None


def phrase_span(text: str, start: int, end: int, low: int, high: int) -> tuple[int, int]:
    """The phrase around ``low``-``high``: up to two words before and five after (up to a
    verb or preposition), not past a stop (see the module's docstring) or the
    sentence's ends."""
    begin = low
    before = text[start:low]
    # Before the figure, "and" or "or" also ends the phrase: "officials and some 60
    # business leaders" counts business leaders; the officials are another item.
    stops = [m.end() for m in _STOP_BEFORE.finditer(before)]
    head = stops[-1] if stops else 0
    word_starts = [m.start() for m in _WORD.finditer(before, head)]
    if word_starts:
        begin = start + word_starts[max(0, len(word_starts) - WORDS_BEFORE)]
    stop = _STOP.search(text, high, end)
    limit = stop.start() if stop else end
    finish = high
    for _, word in zip(range(WORDS_AFTER), _WORD.finditer(text, high, limit)):
        if _ENDS_NOUN.fullmatch(word.group()):
            break
        finish = word.end()
    return begin, finish
