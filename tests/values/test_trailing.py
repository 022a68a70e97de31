"""Hedges written after a value ("100 or more", "aged 65 and over", "a 2 million-plus
crowd"), each next to a near miss that must keep its reading."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.values.base import ScanContext
from checker.values.batch import scan_many
from checker.values.scan import scan
from checker.values.types import Compat, Money, Quantity, compatible

CTX = ScanContext(published=dt.date(2025, 6, 1))
INF = None


def readings(text: str) -> list[tuple[str, float | None, float | None, str | None]]:
    out = []
    for m in scan(text, CTX):
        assert text[m.start:m.end] == m.text
        if isinstance(m.value, Money):
            interval = m.value.amounts[0].interval
        elif isinstance(m.value, Quantity):
            interval = m.value.interval
        else:
            out.append((m.text, None, None, m.hedge))
            continue
        out.append((m.text, interval.low, interval.high, m.hedge))
    return out


@pytest.mark.parametrize("text, expected", [
    ("100 or more people were hurt.", [("100 or more", 100, INF, "or more")]),
    ("Adults aged 65 and over, or 18 and older, may apply.",
     [("65 and over", 65, INF, "and over"), ("18 and older", 18, INF, "and older")]),
    ("A 2 million-plus crowd and 50 plus years.",
     [("2 million-plus", 1.5e6, INF, "plus"), ("50 plus", 50, INF, "plus")]),
    ("They hired 40 or so firms and 12 or fewer ships.", [("40 or so", 36, 44, "or so"), ("12 or fewer", INF, 12, "or fewer")]),
    ("It costs $5 billion or more, 10% or less and 3 days or more.",
     [("$5 billion or more", 4.5e9, INF, "or more"), ("10% or less", INF, 10, "or less"),
      ("3 days or more", 3, INF, "or more")]),
    ("Talks OR MORE: 100 Or More people.", [("100 Or More", 100, INF, "or more")]),
])
def test_a_hedge_after_a_value_widens_it(text: str, expected: list[tuple]) -> None:
    assert readings(text) == expected


@pytest.mark.parametrize("text, expected", [
    # A hedge of its own stays; "or" before another figure is no hedge; a date takes none.
    ("About 100 or more came.", [("About 100", 90, 110, "about")]),
    ("5 or 6 people came, and 5 or more-seat cars.", [("5", 5, 5, None), ("6", 6, 6, None), ("5", 5, 5, None)]),
    ("In 2024 or so, the third or more.", [("2024", None, None, None), ("third", 3, 3, None)]),
    ("100 or moreover 20 and overall.", [("100", 100, 100, None), ("20", 20, 20, None)]),
])
def test_what_takes_no_trailing_hedge(text: str, expected: list[tuple]) -> None:
    assert readings(text) == expected


def test_a_floor_agrees_with_a_larger_figure_and_not_a_smaller_one() -> None:
    [floor] = scan("100 or more people came.", CTX)
    [larger] = scan("More than 120 people came.", CTX)
    [smaller] = scan("80 people came.", CTX)
    assert compatible(floor.value, larger.value) is Compat.COMPATIBLE
    assert compatible(floor.value, smaller.value) is Compat.INCOMPATIBLE


def test_joined_texts_read_their_trailing_hedges_alone() -> None:
    texts = ["It cost 100", "or more people came.", "100 or more people came."]
    joined = scan_many([(t, CTX) for t in texts])
    assert [[m.text for m in found] for found in joined] == [["100"], [], ["100 or more"]]
