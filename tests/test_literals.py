"""The opening words of triggers: a text without one of them is not searched, so the
list must hold for every match, and be refused whenever it is not certain."""

from __future__ import annotations

import regex
import pytest

from checker.rules.literals import opening_words
from checker.rules.loader import REGEX_FLAGS, load_rules
from tests.conftest import RULES


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\btrade\b", ("trade",)),
        (r"\bvisas?\b", ("visa",)),
        (r"\b(?:grew|Rose|increased)\s+by\b", ("grew", "increased", "rose")),
        (r"\b(?:held|hold)\s+(?:\w+\s+){0,2}talks", ("held", "hold")),
        (r"(?<![\w-])delegations?\s+of", ("delegation",)),
        (r"\b(?:(?:face|in)-to\b|bilateral)", ("bilateral", "face-to", "in-to")),
        # Openings that are no plain word: no list.
        (r"\b-?strong\b", None),
        (r"\b[Vv]isa\b", None),
        (r"\b(?:met|a)\b", None),  # "a" is too short to rule anything out
        (r"\bvisa|.*\bfree", None),
        (r"\p{Lu}\w+ said", None),  # not Python syntax: no list, never an error
        (r"(", None),
        (r"\bcafé\b", None),  # not ASCII: lower-casing may not keep offsets
    ],
)
def test_opening_words(pattern: str, words: tuple[str, ...] | None) -> None:
    assert opening_words(pattern) == words


TEXTS = [
    "They grew by 3%. Trade ROSE BY 5% and INCREASED by 2%. Visas were waived.",
    "The face-to-face meeting, their second bilateral summit, came after talks in Nairobi.",
    "A 200-strong delegation of business leaders signed deals worth $5 billion.",
    "Xi met Lee twice; they have held talks three times since 2019 in Seoul.",
]


def test_every_shipped_trigger_match_starts_with_an_opening_word() -> None:
    checked = 0
    for rule in load_rules(RULES).rules:
        for pattern in rule.patterns:
            words = pattern.opening_words
            if words is None:
                continue
            compiled = regex.compile(pattern.source, REGEX_FLAGS)
            for text in TEXTS + [str(e if isinstance(e, str) else e["text"]) for e in rule.examples.get("claims", [])]:
                for m in compiled.finditer(text):
                    assert any(text.lower().startswith(w, m.start()) for w in words), (rule.id, pattern.id, m.group(0))
                    checked += 1
    assert checked > 20
