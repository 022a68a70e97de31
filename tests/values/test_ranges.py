"""Ranges: two figures read as one value whose set runs from the first end's set to the
second's ("between 2 and 3 million", "5-7%", "$40 to $50 million"), and the pairs of
figures that are not ranges ("rose from 2 million to 3 million", "won 3-1").

Each row pairs a range with a sentence close to it that must keep its own reading, so
that every row tells where the line runs.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest

from checker.values.base import ScanContext, ValueMatch
from checker.values.batch import scan_many
from checker.values.numphrase import number_phrases
from checker.values.scan import scan
from checker.values.types import Compat, Money, Quantity, compatible

CTX = ScanContext(published=dt.date(2025, 6, 1))
INF = None
# One value as read: its text, its kind (or currency, for money), its bounds and its hedge.
Reading = tuple[str, str, float | None, float | None, str | None]


def readings(text: str) -> list[Reading]:
    out: list[Reading] = []
    for m in scan(text, CTX):
        assert text[m.start:m.end] == m.text
        if isinstance(m.value, Money):
            (amount,) = m.value.amounts
            out.append((m.text, amount.currency, amount.interval.low, amount.interval.high, m.hedge))
        elif isinstance(m.value, Quantity):
            out.append((m.text, m.value.kind, m.value.interval.low, m.value.interval.high, m.hedge))
        else:
            out.append((m.text, m.value.kind, None, None, m.hedge))
    return out


def close(x: float | None, y: float | None) -> bool:
    return (x is None and y is None) or (x is not None and y is not None and math.isclose(x, y, rel_tol=1e-9))


def check(text: str, expected: list[Reading]) -> None:
    got = readings(text)
    assert [(t, k, h) for t, k, _, _, h in got] == [(t, k, h) for t, k, _, _, h in expected], got
    for (_, _, low, high, _), (_, _, want_low, want_high, _) in zip(got, expected):
        assert close(low, want_low) and close(high, want_high), (got, expected)


M, B = 1e6, 1e9

# (what the row shows, a range and its reading, a sentence near it and its own reading)
ROWS = [
    # Numbers: a bare first end borrows the second's scale and keeps its own rounding.
    ("a bare end borrows the scale",
     "Between 2 and 3 million people fled the fighting.",
     [("Between 2 and 3 million", "number", 1.5 * M, 3.5 * M, None)],
     "Sales rose from 2 million to 3 million last year.",
     [("2 million", "number", 1.5 * M, 2.5 * M, None), ("3 million", "number", 2.5 * M, 3.5 * M, None),
      ("last year", "date", None, None, None)]),
    ("a hedge before the first end widens each end",
     "Around 5 to 7 million people were displaced.",
     [("Around 5 to 7 million", "number", 4.5 * M, 7.7 * M, "around")],
     "Around 5 people and 7 million dollars were lost.",
     [("Around 5", "number", 4.5, 5.5, "around"), ("7 million dollars", "USD", 6.5 * M, 7.5 * M, None)]),
    ("a dash joins a decimal end",
     "The quake left 1.5-2 million people homeless.",
     [("1.5-2 million", "number", 1.45 * M, 2.5 * M, None)],
     "The home side won 3-1 on Sunday.",
     [("Sunday", "date", None, None, None)]),
    ("ends in full join after 'between' or with a dash",
     "Between 2 million and 3 million tonnes, or 2 billion–3 billion bags.",
     [("Between 2 million and 3 million", "number", 1.5 * M, 3.5 * M, None),
      ("2 billion–3 billion", "number", 1.5 * B, 3.5 * B, None)],
     "Output went from 2 million to 3 million tonnes.",
     [("2 million", "number", 1.5 * M, 2.5 * M, None), ("3 million", "number", 2.5 * M, 3.5 * M, None)]),
    ("'or' makes a range of a bare end",
     "Some 2 or 3 million voters stayed home.",
     [("Some 2 or 3 million", "number", 1.5 * M, 3.5 * M, "some")],
     "Voters aged 18 to 24 turned out; 1 in 5 stayed home, 9 out of 10 agreed.",
     [("18 to 24", "number", 18, 24, None), ("1", "number", 1, 1, None),
      ("5", "number", 5, 5, None), ("9", "number", 9, 9, None), ("10", "number", 10, 10, None)]),
    # Bare counts: one range only after an opener, or after a hedge of approximation.
    ("bare counts after 'between'",
     "Between 1,000 and 2,000 people marched, and between five and seven ministers spoke.",
     [("Between 1,000 and 2,000", "number", 1000, 2000, None), ("between five and seven", "number", 5, 7, None)],
     "The motion passed 10 to 2, and 3 to 1 voted for it again.",
     [("10", "number", 10, 10, None), ("2", "number", 2, 2, None), ("3", "number", 3, 3, None),
      ("1", "number", 1, 1, None)]),
    ("bare counts after a hedge of approximation",
     "An estimated 10,000 to 12,000 troops crossed; some 5 or 6 ships followed.",
     [("An estimated 10,000 to 12,000", "number", 9000, 13200, "an estimated"),
      ("some 5 or 6", "number", 4.5, 6.6, "some")],
     "More than 10 to 12 boats left, and about 40 and 50 others stayed.",
     [("More than 10", "number", 10, INF, "more than"), ("12", "number", 12, 12, None),
      ("about 40", "number", 36, 44, "about"), ("50", "number", 50, 50, None)]),
    ("bare counts in order only",
     "Between 40 and 60 delegates attended.",
     [("Between 40 and 60", "number", 40, 60, None)],
     "About 60 to 40 delegates split the vote.",
     [("About 60", "number", 54, 66, "about"), ("40", "number", 40, 40, None)]),
    ("bare counts joined by 'to', in order",
     "Officials said 300 to 400 delegates attended.",
     [("300 to 400", "number", 300, 400, None)],
     "The toll rose from 200 to 300, and output was cut by 5 to 7.",
     [("200", "number", 200, 200, None), ("300", "number", 300, 300, None), ("5", "number", 5, 5, None),
      ("7", "number", 7, 7, None)]),
    ("a first end written in full borrows no scale",
     "Between 800,000 and 1.2 million people came, some 800,000 to 1.2 million by bus.",
     [("Between 800,000 and 1.2 million", "number", 800_000, 1.25 * M, None),
      ("some 800,000 to 1.2 million", "number", 720_000, 1.32 * M, "some")],
     "The population fell by 837,000 to 124.3 million.",
     [("837,000", "number", 837_000, 837_000, None), ("124.3 million", "number", 124.25 * M, 124.35 * M, None)]),
    # Percentages: a bare first end takes the unit of the second.
    ("a bare end takes the percent",
     "The economy will grow between 5 and 7 percent.",
     [("between 5 and 7 percent", "percent", 5, 7, None)],
     "Inflation rose 0.5% to 3.2% in May.",
     [("0.5%", "percent", 0.45, 0.55, None), ("3.2%", "percent", 3.15, 3.25, None), ("May", "date", None, None, None)]),
    ("'to' and 'or' between a bare end and a percentage",
     "Output rose 3 to 4 percent, and prices 7 or 8 per cent.",
     [("3 to 4 percent", "percent", 3, 4, None), ("7 or 8 per cent", "percent", 7, 8, None)],
     "The poll put the party at 55% to 35%.",
     [("55%", "percent", 55, 55, None), ("35%", "percent", 35, 35, None)]),
    ("a dash, tight or with an en dash",
     "Inflation was 5-7% last year and 4.5–5% before.",
     [("5-7%", "percent", 5, 7, None), ("last year", "date", None, None, None),
      ("4.5–5%", "percent", 4.45, 5, None)],
     "The plan covers 2020-2025 and a 55%-45% split.",
     [("2020-2025", "date", None, None, None), ("55%", "percent", 55, 55, None), ("45%", "percent", 45, 45, None)]),
    ("percentages in full after a hedge of approximation",
     "Around 20% to 30% of voters stayed home.",
     [("Around 20% to 30%", "percent", 18, 33, "around")],
     "Inflation rose 0.5% to 3.2% in May.",
     [("0.5%", "percent", 0.45, 0.55, None), ("3.2%", "percent", 3.15, 3.25, None), ("May", "date", None, None, None)]),
    ("percentages in full, announced or dashed",
     "Estimates run between 5% and 7%, or 2%-3% at worst.",
     [("between 5% and 7%", "percent", 5, 7, None), ("2%-3%", "percent", 2, 3, None)],
     "Support fell 5 points to 40%.",
     [("5 points", "percentage_point", 5, 5, None), ("40%", "percent", 40, 40, None)]),
    ("points of a range",
     "The bank may cut rates by 25 to 50 basis points, about 5 to 7 percent in all.",
     [("25 to 50 basis points", "percentage_point", 0.25, 0.5, None),
      ("about 5 to 7 percent", "percent", 4.5, 7.7, "about")],
     "Prices fell 7 to 5 percent.",
     [("7", "number", 7, 7, None), ("5 percent", "percent", 5, 5, None)]),
    # Money: the scale and the currency of one end serve both.
    ("a sign before each end, the scale at the end",
     "The project will cost $40 to $50 million.",
     [("$40 to $50 million", "USD", 39.5 * M, 50.5 * M, None)],
     "Revenue rose from $2 million to $3 million.",
     [("$2 million", "USD", 1.5 * M, 2.5 * M, None), ("$3 million", "USD", 2.5 * M, 3.5 * M, None)]),
    ("amounts in full after 'between' or with a dash",
     "The deal is worth between $28 billion and $29 billion, or $2bn-$3bn a year.",
     [("between $28 billion and $29 billion", "USD", 27.5 * B, 29.5 * B, None),
      ("$2bn-$3bn", "USD", 1.5 * B, 3.5 * B, None)],
     "HK$10 and A$5 million changed hands.",
     [("HK$10", "HKD", 10, 10, None), ("A$5 million", "AUD", 4.5 * M, 5.5 * M, None)]),
    ("amounts in full after a hedge of approximation",
     "The fund holds around $20 billion to $30 billion.",
     [("around $20 billion to $30 billion", "USD", 18 * B, 33 * B, "around")],
     "Revenue rose $28 billion to $32 billion.",
     [("$28 billion", "USD", 27.5 * B, 28.5 * B, None), ("$32 billion", "USD", 31.5 * B, 32.5 * B, None)]),
    ("amounts and percentages in full joined by 'to', in order",
     "Trade may reach $28 billion to $32 billion, with rates held at 5.25% to 5.5%.",
     [("$28 billion to $32 billion", "USD", 27.5 * B, 32.5 * B, None), ("5.25% to 5.5%", "percent", 5.245, 5.55, None)],
     # After a word of change, the first is the change and the second the level reached.
     "Trade grew $4 billion to $32 billion after an increase of 2% to 5% in duties.",
     [("$4 billion", "USD", 3.5 * B, 4.5 * B, None), ("$32 billion", "USD", 31.5 * B, 32.5 * B, None),
      ("2%", "percent", 2, 2, None), ("5%", "percent", 5, 5, None)]),
    ("bare counts after a verb of change stay two",
     "Officials expect 300 to 400 delegates.",
     [("300 to 400", "number", 300, 400, None)],
     "Membership jumped 200 to 3,000 and then climbed 50 to 3,050.",
     [("200", "number", 200, 200, None), ("3,000", "number", 3000, 3000, None), ("50", "number", 50, 50, None),
      ("3,050", "number", 3050, 3050, None)]),
    ("a sign before the first end only",
     "Repairs will cost $2-3 billion, or between $40 million and $50 million a year.",
     [("$2-3 billion", "USD", 1.5 * B, 3.5 * B, None),
      ("between $40 million and $50 million", "USD", 39.5 * M, 50.5 * M, None)],
     "He gave $5 to 7 people.",
     [("$5", "USD", 5, 5, None), ("7", "number", 7, 7, None)]),
    ("a currency after the second end",
     "Tickets cost 40 to 50 yuan; the stadium took nearly 40-50 million euros.",
     [("40 to 50 yuan", "CNY", 40, 50, None), ("nearly 40-50 million euros", "EUR", 36 * M, 50.5 * M, "nearly")],
     # A first end that would pass the second with its scale is written in full: a change.
     "Subscribers rose 200,000 to 3 million.",
     [("200,000", "number", 200_000, 200_000, None), ("3 million", "number", 2.5 * M, 3.5 * M, None)]),
]


@pytest.mark.parametrize("label, text, expected, contrast, contrast_expected", ROWS, ids=[r[0] for r in ROWS])
def test_ranges_and_the_pairs_that_are_not(label: str, text: str, expected: list[Reading], contrast: str,
                                           contrast_expected: list[Reading]) -> None:
    check(text, expected)
    check(contrast, contrast_expected)


# The reviewer's complaint: a source's figure inside the range must agree with it, and
# one outside it must not.
AGREEMENT = [
    ("Between 2 and 3 million people came.", "About 2.2 million people came.", "Some 5 million people came."),
    ("Output rose 3 to 4 percent.", "Output rose 3 percent.", "Output rose 5 percent."),
    ("The economy will grow between 5 and 7 percent.", "The economy will grow 5%.", "The economy will grow 8%."),
    ("The project will cost $40 to $50 million.", "The project will cost $42 million.", "It will cost $60 million."),
    ("The deal is worth between $28 billion and $29 billion.", "The deal is worth $28.6 billion.",
     "The deal is worth $31 billion."),
    ("Repairs will cost $2-3 billion.", "Repairs will cost $2.2 billion.", "Repairs will cost $5 billion."),
    ("Between 1,000 and 2,000 people marched.", "Some 1,500 people marched.", "About 5,000 people marched."),
    ("An estimated 10,000 to 12,000 troops crossed.", "11,000 troops crossed.", "20,000 troops crossed."),
    ("Some 800,000 to 1.2 million pilgrims came.", "About 900,000 pilgrims came.", "2 million pilgrims came."),
]


def one_value(text: str) -> ValueMatch:
    (value,) = [m for m in scan(text, CTX) if m.kind in ("number", "percent", "money")]
    return value


@pytest.mark.parametrize("ranged, inside, outside", AGREEMENT)
def test_a_figure_inside_the_range_agrees_and_one_outside_does_not(ranged: str, inside: str, outside: str) -> None:
    value = one_value(ranged).value
    assert compatible(value, one_value(inside).value) is Compat.COMPATIBLE
    assert compatible(value, one_value(outside).value) is Compat.INCOMPATIBLE


_FIGURES = [("2", "3", "million"), ("2.5", "3", "billion"), ("0.5", "1.25", "trillion"), ("40", "45", "thousand")]
_WORDS = [(" to ", "two", "three", "million"), (" or ", "one", "two", "billion")]


@pytest.mark.parametrize("link, low, high, unit", [
    *((link, *figures) for link in (" to ", " and ", " or ", "-", " - ", "–") for figures in _FIGURES), *_WORDS,
])
def test_a_range_holds_each_end_written_in_full(link: str, low: str, high: str, unit: str) -> None:
    text = f"They counted {low}{link}{high} {unit} votes."
    (value,) = scan(text, CTX)
    assert value.text == f"{low}{link}{high} {unit}"
    for end in (f"{low} {unit}", f"{high} {unit}"):
        (alone,) = scan(f"They counted {end} votes.", CTX)
        interval, whole = alone.value.interval, value.value.interval  # type: ignore[union-attr]
        assert whole.low <= interval.low and interval.high <= whole.high, (end, whole)


@pytest.mark.parametrize("text, expected, one_line, joined", [
    # A line break or a full stop between the ends: no range, the first end stays unread.
    ("Between 2 and\n3 million people came.", [("3 million", "number", 2.5 * M, 3.5 * M, None)],
     "Between 2 and 3 million people came.", "Between 2 and 3 million"),
    ("It grew 5 -\n7 percent.", [], "It grew 5 - 7 percent.", "5 - 7 percent"),
    ("It grew 5%-\n7%.", [("5%", "percent", 5, 5, None), ("7%", "percent", 7, 7, None)], "It grew 5%-7%.", "5%-7%"),
    ("It is worth between $28 billion and\n$29 billion.",
     [("$28 billion", "USD", 27.5 * B, 28.5 * B, None), ("$29 billion", "USD", 28.5 * B, 29.5 * B, None)],
     "It is worth between $28 billion and $29 billion.", "between $28 billion and $29 billion"),
    ("It is worth between\n$28 billion and $29 billion.",
     [("$28 billion", "USD", 27.5 * B, 28.5 * B, None), ("$29 billion", "USD", 28.5 * B, 29.5 * B, None)],
     "It is worth between $28 billion and $29 billion.", "between $28 billion and $29 billion"),
    ("It rose 2.\n3 million came.", [("2", "number", 2, 2, None), ("3 million", "number", 2.5 * M, 3.5 * M, None)],
     "It rose 2 to 3 million.", "2 to 3 million"),
])
def test_no_range_across_a_line_break_or_a_full_stop(text: str, expected: list[Reading], one_line: str,
                                                      joined: str) -> None:
    check(text, expected)
    # On one line the same figures make a range.
    assert joined in [m.text for m in scan(one_line, CTX)]


def test_texts_joined_for_a_scan_keep_their_ranges_to_themselves() -> None:
    texts: list[tuple[str, ScanContext | None]] = [
        ("Estimates run between 2 and", CTX), ("3 million people came.", CTX),
        ("Costs rose to $40 to", CTX), ("$50 million were pledged.", CTX),
        ("Growth of 5-", CTX), ("7% is expected.", CTX),
        ("Growth of 5 to 7 percent is expected.", CTX),
    ]
    found = scan_many(texts)
    assert found == [scan(text, context) for text, context in texts]
    assert [m.text for m in found[-1]] == ["5 to 7 percent"]


@pytest.mark.parametrize("text, ranges", [
    ("2 to 3 million", [(1, 2e6, 1e6, True, False)]),
    ("$2-3 billion", [(1, 2e9, 1e9, True, True)]),
    ("5–7%", [(1, 5.0, None, False, True)]),
    ("between $28 billion and $29 billion", [(1, 28e9, 1e9, False, False)]),
    # A bare first end that the second's scale would put above it keeps its own value.
    ("rose 200,000 to 3 million", [(1, 200_000, None, False, False)]),
    # Not ranges: the first end above the second, a chain of dashes, letters before a dash.
    ("rose 2 million to 300,000", []),
    ("1-2-3 million", []),
    ("COVID-19 and F-16-2", []),
])
def test_range_before_tells_the_ends(text: str, ranges: list[tuple[int, float, float | None, bool, bool]]) -> None:
    from checker.values.numphrase import range_before  # imported here: the other tests run without it

    phrases = number_phrases(text)
    got = []
    for k in range(len(phrases)):
        ends = range_before(text, phrases, k)
        if ends is not None:
            got.append((k, ends.low_value, ends.low_step, ends.borrows, ends.dash))
    assert got == ranges


@pytest.mark.parametrize("text, expected", [
    # A hedge before the first end applies to each end; the range spans both hedged sets.
    ("More than 2 to 3 million people came.", ("More than 2 to 3 million", 1.5 * M, INF, False, False)),
    ("Up to 5 to 7 percent of voters.", ("Up to 5 to 7 percent", INF, 7, False, False)),
    ("Just over 5 to 7 percent of voters.", ("Just over 5 to 7 percent", 5, 7.7, True, False)),
    ("At least 5-7% of voters.", ("At least 5-7%", 5, INF, False, False)),
    ("Less than 2 to 3 billion yuan.", ("Less than 2 to 3 billion yuan", INF, 3.5 * B, False, False)),
])
def test_every_hedge_reads_a_range_end_by_end(text: str, expected: tuple[str, float | None, float | None, bool, bool]
                                              ) -> None:
    (m,) = scan(text, CTX)
    value = m.value
    interval = value.amounts[0].interval if isinstance(value, Money) else value.interval  # type: ignore[union-attr]
    got = (m.text, interval.low, interval.high, interval.low_open, interval.high_open)
    assert got[0] == expected[0] and got[3:] == expected[3:], got
    assert close(got[1], expected[1]) and close(got[2], expected[2]), got
