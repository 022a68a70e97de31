"""find_money: currency signs, codes and names, conversions, and look-alikes."""

from __future__ import annotations

import math

import pytest

from checker.values.base import ScanContext
from checker.values.money import find_money
from checker.values.types import Compat, Interval, Money, compatible

INF = None
Amounts = list[tuple[str, float | None, float | None]]


def found(text: str) -> list[tuple[str, Amounts, str | None]]:
    out = []
    for m in find_money(text, ScanContext()):
        assert text[m.start:m.end] == m.text
        assert isinstance(m.value, Money)
        amounts = [(a.currency, a.interval.low, a.interval.high) for a in m.value.amounts]
        out.append((m.text, amounts, m.hedge))
    return out


def close(x: float | None, y: float | None) -> bool:
    return (x is None and y is None) or (x is not None and y is not None and math.isclose(x, y, rel_tol=1e-9))


def check(text: str, expected: list[tuple[str, Amounts, str | None]]) -> None:
    got = found(text)
    assert [(t, [c for c, _, _ in a], h) for t, a, h in got] == [(t, [c for c, _, _ in a], h) for t, a, h in expected], got
    for (_, got_amounts, _), (_, want_amounts, _) in zip(got, expected):
        for (_, lo, hi), (_, want_lo, want_hi) in zip(got_amounts, want_amounts):
            assert close(lo, want_lo) and close(hi, want_hi), (lo, hi, want_lo, want_hi)


CASES = [
    # The seed sentence: one value, two amounts, one span.
    (
        "bilateral trade totaled 2.14 trillion yuan ($306 billion) in 2025",
        [("2.14 trillion yuan ($306 billion)", [("CNY", 2.135e12, 2.145e12), ("USD", 305.5e9, 306.5e9)], None)],
    ),
    ("a $5 million grant", [("$5 million", [("USD", 4.5e6, 5.5e6)], None)]),
    ("nearly $58 billion", [("nearly $58 billion", [("USD", 58e9 * 0.9, 58.5e9)], "nearly")]),
    ("more than $2 billion", [("more than $2 billion", [("USD", 1.5e9, INF)], "more than")]),
    ("US$306 billion and HK$10 and A$5 million", [
        ("US$306 billion", [("USD", 305.5e9, 306.5e9)], None),
        ("HK$10", [("HKD", 10, 10)], None),
        ("A$5 million", [("AUD", 4.5e6, 5.5e6)], None),
    ]),
    ("€2 million, £8.10 million and ₩500", [
        ("€2 million", [("EUR", 1.5e6, 2.5e6)], None),
        ("£8.10 million", [("GBP", 8.095e6, 8.105e6)], None),
        ("₩500", [("KRW", 500, 500)], None),
    ]),
    # "¥" is both the yen and the yuan: the amount says so instead of guessing.
    ("a ¥100 fee", [("¥100", [("CNY|JPY", 100, 100)], None)]),
    ("KRW 1.2 trillion and KRW1.2 trillion", [
        ("KRW 1.2 trillion", [("KRW", 1.15e12, 1.25e12)], None),
        ("KRW1.2 trillion", [("KRW", 1.15e12, 1.25e12)], None),
    ]),
    ("200 USD, RMB 10 billion and 40 rmb", [
        ("200 USD", [("USD", 200, 200)], None),
        ("RMB 10 billion", [("CNY", 9.5e9, 10.5e9)], None),
        ("40 rmb", [("CNY", 40, 40)], None),
    ]),
    ("5,000 won and 1 trillion won", [("5,000 won", [("KRW", 5000, 5000)], None), ("1 trillion won", [("KRW", 0.5e12, 1.5e12)], None)]),
    ("10,000 Swiss francs", [("10,000 Swiss francs", [("CHF", 10_000, 10_000)], None)]),
    ("528 million francs", [("528 million francs", [("CHF|FRF|XAF|XOF", 527.5e6, 528.5e6)], None)]),
    ("five million yen", [("five million yen", [("JPY", 4.5e6, 5.5e6)], None)]),
    ("361 million pounds", [("361 million pounds", [("GBP", 360.5e6, 361.5e6)], None)]),
    ("7.5 billion Danish crowns, north of $2 billion", [
        ("7.5 billion Danish crowns", [("DKK", 7.45e9, 7.55e9)], None),
        ("north of $2 billion", [("USD", 1.5e9, INF)], "north of"),
    ]),
    # A country's adjective settles which pound, shilling or dinar is meant.
    ("10 billion Egyptian pounds and 20 Lebanese pounds", [
        ("10 billion Egyptian pounds", [("EGP", 9.5e9, 10.5e9)], None),
        ("20 Lebanese pounds", [("LBP", 20, 20)], None),
    ]),
    ("300 million Kenyan shillings, not 5,000 shillings", [
        ("300 million Kenyan shillings", [("KES", 299.5e6, 300.5e6)], None),
        ("5,000 shillings", [("KES|SOS|TZS|UGX", 5000, 5000)], None),
    ]),
    ("a 2 billion Kuwaiti dinar fund, 12 dinars and 40 billion CFA francs", [
        ("2 billion Kuwaiti dinar", [("KWD", 1.5e9, 2.5e9)], None),
        ("12 dinars", [("BHD|DZD|IQD|JOD|KWD|LYD|RSD|TND", 12, 12)], None),
        ("40 billion CFA francs", [("XAF|XOF", 39.5e9, 40.5e9)], None),
    ]),
    ("50 cents and 470 pence", [("50 cents", [("USD", 0.5, 0.5)], None), ("470 pence", [("GBP", 4.7, 4.7)], None)]),
    ("a 12-cent-a-share dividend", [("12-cent", [("USD", 0.12, 0.12)], None)]),
    ("3 dollars 50 cents", [("3 dollars 50 cents", [("USD", 3.5, 3.5)], None)]),
    ("thirteen dollars and forty-five cents", [("thirteen dollars and forty-five cents", [("USD", 13.45, 13.45)], None)]),
    # Unit letters are scales right after a currency sign only.
    ("$10m, €5bn and US$ 1MM", [
        ("$10m", [("USD", 9.5e6, 10.5e6)], None),
        ("€5bn", [("EUR", 4.5e9, 5.5e9)], None),
        ("US$ 1MM", [("USD", 0.5e6, 1.5e6)], None),
    ]),
    ("30 MUSD", [("30 MUSD", [("USD", 29.5e6, 30.5e6)], None)]),
    ("100元", [("100元", [("CNY", 100, 100)], None)]),
    ("USD115 and 115USD", [("USD115", [("USD", 115, 115)], None), ("115USD", [("USD", 115, 115)], None)]),
    # A hedge on the first amount covers the conversion unless the conversion has its own.
    ("about 1 trillion won (about $700 million)", [
        ("about 1 trillion won (about $700 million)", [("KRW", 0.5e12, 1.5e12), ("USD", 630e6, 770e6)], "about"),
    ]),
    ("some 5,000 won ($3.60)", [("some 5,000 won ($3.60)", [("KRW", 4500, 5500), ("USD", 3.6 * 0.9, 3.6 * 1.1)], "some")]),
    # A sign glued to the next figure belongs to it.
    ("1 $10 bill", [("$10", [("USD", 10, 10)], None)]),
    ("10 $ 30 $", [("10 $", [("USD", 10, 10)], None), ("30 $", [("USD", 30, 30)], None)]),
]

NOT_MONEY = [
    "Yoon, who in 2022 won the presidency",
    "the two won praise",
    "he lost 20 pounds",
    "2,000-pound bombs",
    "the 10m race and a 5k run",
    "All 70 of us and ALL 5 solutions",
    "I tried to call Bob 3 times",
    "the dollar rose and the won fell 2 percent",
    "G20 summit",
    "the COP29 climate conference and COP 30 in Belem",  # no Colombian pesos
]


@pytest.mark.parametrize("text,expected", CASES)
def test_money(text: str, expected: list[tuple[str, Amounts, str | None]]) -> None:
    check(text, expected)


@pytest.mark.parametrize("text", NOT_MONEY)
def test_not_money(text: str) -> None:
    assert found(text) == []


def test_possessive_is_not_a_prefix() -> None:
    check("music ' s $ 500", [("$ 500", [("USD", 500, 500)], None)])


def test_range_reads_the_bare_figure_as_its_first_end() -> None:
    # Not "$3 billion" alone, which a source saying $2.2 billion would contradict.
    check("$2 to $3 billion", [("$2 to $3 billion", [("USD", 1.5e9, 3.5e9)], None)])


def test_conversion_is_comparable_in_either_currency() -> None:
    (cny_and_usd,) = find_money("2.14 trillion yuan ($306 billion)", ScanContext())
    (usd,) = find_money("$306 billion", ScanContext())
    (other,) = find_money("$310 billion", ScanContext())
    assert compatible(cny_and_usd.value, usd.value) is Compat.COMPATIBLE
    assert compatible(cny_and_usd.value, other.value) is Compat.INCOMPATIBLE


@pytest.mark.parametrize("converted, other, verdict", [
    # The dollars in brackets are worked out from a figure rounded to a tenth of a
    # billion dirhams: as precise as that, not to the million they are written to.
    ("AED3.2 billion (US$871 million)", "US$870 million", Compat.COMPATIBLE),
    ("AED3.2 billion (US$871 million)", "US$820 million", Compat.INCOMPATIBLE),
    ("AED3.2 billion (US$871 million)", "AED3.5 billion", Compat.INCOMPATIBLE),
    ("AED3.2 billion (US$871 million)", "US$860 million", Compat.COMPATIBLE),
    # A round first amount makes a precise-looking conversion round too.
    ("$3 billion (AED 11.02 billion)", "AED 11.5 billion", Compat.COMPATIBLE),
    # Either side may carry the conversion.
    ("US$870 million", "AED3.2 billion (US$871 million)", Compat.COMPATIBLE),
])
def test_a_conversion_is_as_precise_as_the_amount_it_converts(converted: str, other: str, verdict: Compat) -> None:
    (a,) = find_money(converted, ScanContext())
    (b,) = find_money(other, ScanContext())
    assert compatible(a.value, b.value) is verdict


@pytest.mark.parametrize("hedged, other, verdict", [
    # "A little over" stretches further than "just over".
    ("a little over half a billion dollars", "US$562 million", Compat.COMPATIBLE),
    ("a little over half a billion dollars", "US$600 million", Compat.INCOMPATIBLE),
    ("just over half a billion dollars", "US$562 million", Compat.INCOMPATIBLE),
])
def test_a_hedge_stretches_as_far_as_its_words(hedged: str, other: str, verdict: Compat) -> None:
    (a,) = find_money(hedged, ScanContext())
    (b,) = find_money(other, ScanContext())
    assert compatible(a.value, b.value) is verdict


def test_ambiguous_sign_is_not_comparable_with_a_candidate() -> None:
    (yen_or_yuan,) = find_money("¥100", ScanContext())
    (yen,) = find_money("100 yen", ScanContext())
    assert compatible(yen_or_yuan.value, yen.value) is Compat.NOT_COMPARABLE


def test_interval_type() -> None:
    (m,) = find_money("$306 billion", ScanContext())
    assert m.value.amounts[0].interval == Interval(305.5e9, 306.5e9)


# Each case is read as a text of Latin-1 characters, with a wider character, and with a
# character lower-casing would change (each suffix follows a blank and holds no figure):
# the three ways a text is scanned must read it alike.
THREE_WAYS = ("", " \u2019", " \u212a")
SCAN_CASES = [
    # The marker pattern's "$" also matches before a final newline: the code still counts.
    ("a fund of USD\n5 million today", [("USD\n5 million", [("USD", 4.5e6, 5.5e6)], None)]),
    ("paid 5 usd and 30 MUSD, then €5 and Rs. 20 today", [
        ("5 usd", [("USD", 5, 5)], None), ("30 MUSD", [("USD", 29.5e6, 30.5e6)], None),
        ("€5", [("EUR", 5, 5)], None), ("Rs. 20", [("INR|LKR|NPR|PKR", 20, 20)], None)]),
    ("about 2.14 trillion yuan ($306 billion) in all", [(
        "about 2.14 trillion yuan ($306 billion)", [("CNY", 2.14e12 * 0.9, 2.14e12 * 1.1), ("USD", 306e9 * 0.9, 306e9 * 1.1)],
        "about")]),
    ("lost 5 pounds but won 361 million pounds", [("361 million pounds", [("GBP", 360.5e6, 361.5e6)], None)]),
    ("it cost 3 dollars 50 cents then", [("3 dollars 50 cents", [("USD", 3.5, 3.5)], None)]),
]


@pytest.mark.parametrize("suffix", THREE_WAYS)
@pytest.mark.parametrize("text,expected", SCAN_CASES)
def test_every_scan_reads_the_same(text: str, expected: list[tuple[str, Amounts, str | None]], suffix: str) -> None:
    check(text + suffix, expected)


@pytest.mark.parametrize("text", [
    "\u212aRW 5",  # Kelvin sign, which matches "K" when case is ignored
    "5 \u212aRW",
    "5 \u212aRW bn",
    "5 euro\u017f",  # long s
    "3 dollars 50 cent\u017f",
])
def test_look_alike_letters_are_not_currency_markers(text: str) -> None:
    # Matched by the case-blind patterns but in no table: not money, and no crash.
    assert all(m.value.amounts[0].currency in ("USD",) for m in find_money(text, ScanContext(None)))
    assert not [m for m in find_money(text, ScanContext(None)) if m.text.endswith(("RW", "\u017f"))]


# A range of amounts is one value; each row pairs one with a sentence near it that keeps
# its own reading.
RANGES = [
    ("a $40 to $50 million project", [("$40 to $50 million", [("USD", 39.5e6, 50.5e6)], None)],
     "rose from $40 million to $50 million", [("$40 million", [("USD", 39.5e6, 40.5e6)], None),
                                              ("$50 million", [("USD", 49.5e6, 50.5e6)], None)]),
    ("worth between $28 billion and $29 billion", [
        ("between $28 billion and $29 billion", [("USD", 27.5e9, 29.5e9)], None)],
     "worth $28 billion and $29 billion respectively", [("$28 billion", [("USD", 27.5e9, 28.5e9)], None),
                                                        ("$29 billion", [("USD", 28.5e9, 29.5e9)], None)]),
    ("valued at $2bn-$3bn and €2-3bn", [("$2bn-$3bn", [("USD", 1.5e9, 3.5e9)], None),
                                        ("€2-3bn", [("EUR", 1.5e9, 3.5e9)], None)],
     "valued at $3bn-$2bn", [("$3bn", [("USD", 2.5e9, 3.5e9)], None), ("$2bn", [("USD", 1.5e9, 2.5e9)], None)]),
    ("a bill of $2-3 billion", [("$2-3 billion", [("USD", 1.5e9, 3.5e9)], None)],
     "a bill of $2 to pay 3 billion", [("$2", [("USD", 2, 2)], None)]),
    ("40 to 50 million yuan ($5.5-6.9 million)", [
        ("40 to 50 million yuan ($5.5-6.9 million)", [("CNY", 39.5e6, 50.5e6), ("USD", 5.45e6, 6.95e6)], None)],
     "HK$40 to A$50 million", [("HK$40", [("HKD", 40, 40)], None), ("A$50 million", [("AUD", 49.5e6, 50.5e6)], None)]),
    ("tickets at 5-7 USD or 5 to 7 dollars", [("5-7 USD", [("USD", 5, 7)], None),
                                               ("5 to 7 dollars", [("USD", 5, 7)], None)],
     "he gave $5 to 7 people", [("$5", [("USD", 5, 5)], None)]),
    ("about $40 to $50 million", [("about $40 to $50 million", [("USD", 36e6, 55e6)], "about")],
     "about $40 million", [("about $40 million", [("USD", 36e6, 44e6)], "about")]),
    ("50 to 70 cents a share", [("50 to 70 cents", [("USD", 0.5, 0.7)], None)],
     "70 to 50 cents a share", [("50 cents", [("USD", 0.5, 0.5)], None)]),
]


@pytest.mark.parametrize("text, expected, contrast, contrast_expected", RANGES)
def test_ranges_of_money(text: str, expected: list[tuple[str, Amounts, str | None]], contrast: str,
                         contrast_expected: list[tuple[str, Amounts, str | None]]) -> None:
    check(text, expected)
    check(contrast, contrast_expected)
