"""The characters around each number phrase, and which phrases a filter pattern picks."""

from __future__ import annotations

import re

import pytest

from checker.values.neighbours import AFTER, BEFORE, followed_by, neighbours, preceded_by
from checker.values.numphrase import number_phrases

# A filter as the finders write them: a NUL for the phrase, then what may follow it.
UNIT_AFTER = re.compile(r"\0[ -]?[%p]")
# The characters before a phrase are read nearest first: "$" right before, or a blank and "$".
SIGN_BEFORE = re.compile(r"\0 ?\$")


def test_groups_are_cut_from_the_lower_cased_text_and_padded() -> None:
    text = "GDP grew 7 Percent; $5 and 12"
    got = neighbours(text)
    assert [p.text for p in number_phrases(text)] == ["7", "5", "12"]
    assert got.after == (" per", " and", "    ")
    assert got.before == (" werg ", "$ ;tne", " dna 5")
    assert got.lowered
    assert all(len(g) == AFTER for g in got.after) and all(len(g) == BEFORE for g in got.before)


def test_a_phrase_at_the_start_is_padded_before() -> None:
    assert neighbours("5 apples").before == ("      ",)


CASES = [
    ("7 percent and 8 apples", UNIT_AFTER, [0]),
    ("7-percent, 8 %, 9%", UNIT_AFTER, [0, 1, 2]),
    ("no figures", UNIT_AFTER, []),
    # A NUL of the text among the neighbours: the filter may match there too (the finder
    # then checks the phrase as any other).
    ("7\0 percent", UNIT_AFTER, [0]),
    ("7 \0", UNIT_AFTER, []),
]


@pytest.mark.parametrize("text, pattern, expected", CASES)
def test_followed_by(text: str, pattern: re.Pattern[str], expected: list[int]) -> None:
    assert followed_by(text, pattern) == expected
    assert followed_by(text, pattern) == expected  # answers kept from the first time agree


@pytest.mark.parametrize("text, expected", [
    ("cost $5 and $ 6, or 7", [0, 1]),
    ("$5", [0]),
    ("5$ and 6", []),
])
def test_preceded_by(text: str, expected: list[int]) -> None:
    assert preceded_by(text, SIGN_BEFORE) == expected


def test_equal_patterns_compiled_apart_keep_their_own_answers() -> None:
    first = re.compile(r"\0 x")
    second = re.compile(r"\0 y")
    assert followed_by("5 x and 6 y", first) == [0]
    assert followed_by("5 x and 6 y", second) == [1]
