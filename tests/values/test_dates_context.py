"""The words around a date: the tense of its sentence, and readings that depend on the
publication date or on the words before."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from checker.values.base import ScanContext
from checker.values.dates import find_dates
from checker.values.dates_context import _tense_patterns, looks_ahead
from checker.values.types import DateSpan

D = dt.date

TENSE = [
    ("They will meet on", True),
    ("They'll meet on", True),
    ("THEY WILL MEET ON", True),
    ("The talks are expected to resume on", True),
    ("The ministry said they will meet on", True),  # the last cue wins
    ("They will visit, the ministry said on", False),
    ("Talks will follow. Officials met on", False),  # another sentence
    ("Talks will follow.\nofficials gathered on", False),  # a line break ends it too
    ("Mr. Lee will meet on", True),  # an abbreviation does not end a sentence
    ("The U.S. will host talks on", True),  # nor does an initial
    ("Was it planned?! They will meet on", True),
    ("Willing partners met on", False),  # part of a word is no cue
    ("Zürich talks will begin on", True),  # a text beyond ASCII reads the same
    ("Die Gespräche WILL open on", True),
    ("", False),
]


@pytest.mark.parametrize("window, ahead", TENSE)
def test_looks_ahead(window: str, ahead: bool) -> None:
    text = window + " Monday."
    assert looks_ahead(text, len(window) + 1) is ahead


def reference(text: str, pos: int) -> bool:
    """The tense read with the case-insensitive cue patterns only."""
    future_re, past_re = _tense_patterns()[:2]
    window = text[max(0, pos - 150):pos]
    future = [m.end() for m in future_re.finditer(window)]
    past = [m.end() for m in past_re.finditer(window)]
    return bool(future) and (not past or future[-1] > past[-1])


@pytest.mark.parametrize("seed", range(20))
def test_the_lower_cased_reading_of_cues_is_the_case_insensitive_one(seed: int) -> None:
    rng = random.Random(seed)
    words = ["will", "WILL", "Will", "'ll", "they'll", "said", "SAID", "met", "is to", "is  to", "next", "last",
             "ago", "willing", "swill", "x", "Planned", "would", "was", "were", "9will", "_will", "-will"]
    for _ in range(200):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
        # One sentence (no breaks), so only the cue patterns decide.
        assert looks_ahead(text, len(text)) is reference(text, len(text)), text


def found(text: str, published: dt.date | None) -> list[tuple[int, int, str, DateSpan]]:
    return [(m.start, m.end, m.text, m.value) for m in find_dates(text, ScanContext(published))]


def test_the_same_words_resolve_for_each_publication_date() -> None:
    text = "Trade fell last year and they will meet on Monday."
    first = [(11, 20, "last year", DateSpan(D(2024, 1, 1), D(2024, 12, 31))),
             (43, 49, "Monday", DateSpan(D(2025, 6, 2), D(2025, 6, 2)))]
    second = [(11, 20, "last year", DateSpan(D(2019, 1, 1), D(2019, 12, 31))),
              (43, 49, "Monday", DateSpan(D(2020, 1, 6), D(2020, 1, 6)))]
    undated = [(43, 49, "Monday", DateSpan(None, None, frozenset({0})))]
    for _ in range(2):  # back and forth: each reading is the one of its own date
        assert found(text, D(2025, 6, 1)) == first
        assert found(text, D(2020, 1, 1)) == second
        assert found(text, None) == undated


@pytest.mark.parametrize("text, expected", [
    ("In the year 2008 and in 2008 alone.",
     [(3, 16, "the year 2008"), (24, 28, "2008")]),
    ("In 2008 and in the year 2008.",
     [(3, 7, "2008"), (15, 28, "the year 2008")]),
    ("In the 1990s and in 1990s Berlin.", [(3, 12, "the 1990s"), (20, 25, "1990s")]),
    ("Friday, 2018-07-06 and 2018-07-06", [(0, 18, "Friday, 2018-07-06"), (23, 33, "2018-07-06")]),
])
def test_words_before_a_year_belong_to_it_wherever_it_was_read_before(text: str, expected: list) -> None:
    for _ in range(2):  # the second time, the plain readings come from the first
        assert [(s, e, t) for s, e, t, _ in found(text, D(2025, 6, 1))] == expected
