"""find_numbers: counts, ordinals and multipliers, and what must stay out."""

from __future__ import annotations

import math

import pytest

from checker.values.base import ScanContext, ValueMatch
from checker.values.numbers import find_numbers
from checker.values.numphrase import number_phrases
from checker.values.types import Interval, Quantity

INF = None


def iv(low: float | None, high: float | None, low_open: bool = False, high_open: bool = False) -> Interval:
    return Interval(low, high, low_open, high_open)


def pt(x: float) -> Interval:
    return Interval.point(x)


def same_interval(a: Interval, b: Interval) -> bool:
    def close(x: float | None, y: float | None) -> bool:
        return (x is None and y is None) or (x is not None and y is not None and math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12))

    return close(a.low, b.low) and close(a.high, b.high) and a.low_open == b.low_open and a.high_open == b.high_open


def found(text: str) -> list[tuple[str, str, Interval, str | None]]:
    out = []
    for m in find_numbers(text, ScanContext()):
        assert text[m.start:m.end] == m.text
        assert isinstance(m.value, Quantity) and m.value.kind == "number"
        out.append((m.text, m.value.form, m.value.interval, m.hedge))
    return out


def check(text: str, expected: list[tuple[str, str, Interval, str | None]]) -> None:
    got = found(text)
    assert [(t, f, h) for t, f, _, h in got] == [(t, f, h) for t, f, _, h in expected], got
    for (_, _, a, _), (_, _, b, _) in zip(got, expected):
        assert same_interval(a, b), (a, b)


CARDINALS = [
    ("the signing of 15 cooperation documents", [("15", "cardinal", pt(15), None)]),
    ("fifteen documents", [("fifteen", "cardinal", pt(15), None)]),
    ("Twenty-six people", [("Twenty-six", "cardinal", pt(26), None)]),
    ("one hundred and five delegates", [("one hundred and five", "cardinal", pt(105), None)]),
    ("Three hundred  and  thirty one", [("Three hundred  and  thirty one", "cardinal", pt(331), None)]),
    ("1,234,567.89 units", [("1,234,567.89", "cardinal", iv(1234567.885, 1234567.895), None)]),
    ("a ratio of 2.14", [("2.14", "cardinal", iv(2.135, 2.145), None)]),
    ("worth 2.14 trillion", [("2.14 trillion", "cardinal", iv(2.135e12, 2.145e12), None)]),
    ("3 million people", [("3 million", "cardinal", iv(2.5e6, 3.5e6), None)]),
    ("two hundred thousand", [("two hundred thousand", "cardinal", iv(199_500, 200_500), None)]),
    ("4 thousand 3 hundred and 21", [("4 thousand 3 hundred and 21", "cardinal", pt(4321), None)]),
    ("twenty-one trillion and three hundred", [("twenty-one trillion and three hundred", "cardinal", pt(21e12 + 300), None)]),
    ("a dozen cases", [("a dozen", "cardinal", pt(12), None)]),
    ("half a dozen cases", [("half a dozen", "cardinal", pt(6), None)]),
    ("half a million visitors", [("half a million", "cardinal", iv(450_000, 550_000), None)]),
    ("a million visitors", [("a million", "cardinal", iv(500_000, 1_500_000), None)]),
    ("two and a half", [("two and a half", "cardinal", iv(2.45, 2.55), None)]),
    ("three lakh crore", [("three lakh crore", "cardinal", iv(2.5e12, 3.5e12), None)]),
    ("10 bln or 2mil", [("10 bln", "cardinal", iv(9.5e9, 10.5e9), None), ("2mil", "cardinal", iv(1.5e6, 2.5e6), None)]),
    ("40 000 and 40\u202f000", [("40 000", "cardinal", pt(40_000), None), ("40\u202f000", "cardinal", pt(40_000), None)]),
    ("423 0000 is two numbers", [("423", "cardinal", pt(423), None), ("0000", "cardinal", pt(0), None), ("two", "cardinal", pt(2), None)]),
    ("4000 3 hundred", [("4000", "cardinal", pt(4000), None), ("3 hundred", "cardinal", pt(300), None)]),
    ("3 hundred and 2 hundred", [("3 hundred", "cardinal", pt(300), None), ("2 hundred", "cardinal", pt(200), None)]),
    ("a temperature of -3 and minus five", [("-3", "cardinal", pt(-3), None), ("minus five", "cardinal", pt(-5), None)]),
    (".08 of it", [(".08", "cardinal", iv(0.075, 0.085), None)]),
    ("In 2024, trade grew", [("2024", "cardinal", pt(2024), None)]),
]

HEDGED = [
    ("a delegation of approximately 200 leading figures", [("approximately 200", "cardinal", iv(180, 220), "approximately")]),
    ("some 300 firms", [("some 300", "cardinal", iv(270, 330), "some")]),
    ("More than 80 people", [("More than 80", "cardinal", iv(80, INF, low_open=True), "more than")]),
    ("more than one meeting", [("more than one", "cardinal", iv(1, INF, low_open=True), "more than")]),
    ("up to 50 ships", [("up to 50", "cardinal", iv(INF, 50), "up to")]),
    ("more than 2000 people", [("more than 2000", "cardinal", iv(2000, INF, low_open=True), "more than")]),
    # A hedge keeps the whole rounding interval of the figure, so "more than 2 million"
    # stays compatible with "2.2 million" and "1.8 million".
    ("more than 2 million", [("more than 2 million", "cardinal", iv(1.5e6, INF), "more than")]),
    ("less than 2 million", [("less than 2 million", "cardinal", iv(INF, 2.5e6), "less than")]),
    ("nearly 58 billion", [("nearly 58 billion", "cardinal", iv(58e9 * 0.9, 58.5e9), "nearly")]),
    ("north of 300 troops and south of 40 ships", [("north of 300", "cardinal", iv(300, INF, low_open=True), "north of"),
                                                  ("south of 40", "cardinal", iv(INF, 40, high_open=True), "south of")]),
    # "over" and "about" are hedges only right before the figure.
    ("over the years they talked about it 5 times", [("5 times", "multiplicative", pt(5), None)]),
]

ORDINALS_AND_MULTIPLIERS = [
    ("their second engagement", [("second", "ordinal", pt(2), None)]),
    ("the 15th session and the 21st", [("15th", "ordinal", pt(15), None), ("21st", "ordinal", pt(21), None)]),
    ("the twenty-first century", [("twenty-first", "ordinal", pt(21), None)]),
    ("one hundred twenty fifth", [("one hundred twenty fifth", "ordinal", pt(125), None)]),
    ("the two hundredth day", [("two hundredth", "ordinal", pt(200), None)]),
    ("China's second-largest partner", [("second", "ordinal", pt(2), None)]),
    ("South Korea's No. 1 trading partner", [("1", "ordinal", pt(1), None)]),
    # An ordinal inside a name is still an ordinal, never a count.
    ("China's 15th Five-Year Plan", [("15th", "ordinal", pt(15), None)]),
    # A possessive owns the figure; a capitalised word names it ("Boeing 737").
    ("Egypt's 85-member delegation and Kenya’s 47 counties", [("85", "cardinal", pt(85), None),
                                                                ("47", "cardinal", pt(47), None)]),
    ("they met twice", [("twice", "multiplicative", pt(2), None)]),
    ("three times larger and a 3-fold rise", [("three times", "multiplicative", pt(3), None), ("3-fold", "multiplicative", pt(3), None)]),
    ("for a second time", [("second", "ordinal", pt(2), None)]),
    ("a twelvefold rise, not a 7.8-magnitude quake", [("twelvefold", "multiplicative", pt(12), None),
                                                      ("7.8", "cardinal", iv(7.75, 7.85), None)]),
]

# Text where nothing may be read as a number.
NOTHING = [
    "Lee Jae-myung met the G20 leaders",
    "COVID-19 and the F-16",
    "a Boeing 737 and Vision 2030 and Expo 2025",
    "4G/5G networks",
    "one of the most significant visits",
    "the one-China principle",
    "That one is really good",
    "First, Xi urged both sides to deepen trust.",
    "Second, he said.",
    "a third of the budget",
    "wait a second.",
    "two thirds of the votes",
    "one fifth",
    "forty two and a third",
    "the 1990s and the '90s",
    "call +1-222-2222 or 192.168.1.2",
    "on 5/17/2018 at 10:30",
    "at 10 a.m. sharp",
    "a 30-year-old man",
    "the 10km race and a 180ml bottle",
    "1m isn't a number",
    "five point five",
    "the 2020-2025 period",
    "22,24,26,31",
    "hundreds of people and dozens of firms and millions of dollars",
    "see https://example.com/a%2030/page?id=42",
    "someone and everyone",
    "an apple",
    "growth over 2023 levels and around 2030",
    "the leaders met and doubled trade",  # a verb, not a multiplier: no meeting count
]


@pytest.mark.parametrize("text,expected", CARDINALS + HEDGED + ORDINALS_AND_MULTIPLIERS)
def test_numbers(text: str, expected: list[tuple[str, str, Interval, str | None]]) -> None:
    check(text, expected)


@pytest.mark.parametrize("text", NOTHING)
def test_not_a_number(text: str) -> None:
    assert found(text) == []


def test_range_borrows_the_scale() -> None:
    # "2" in "between 2 and 3 million" is 2 million: read alone it would be wrong.
    check("between 2 and 3 million people", [("3 million", "cardinal", iv(2.5e6, 3.5e6), None)])


def test_date_then_count_is_not_grouped() -> None:
    check("on March 5 300 people came", [("300", "cardinal", pt(300), None)])


def test_spans_are_exact_in_longer_text() -> None:
    text = "After their talks, the two sides witnessed the signing of 15 documents."
    spans = [(m.start, m.end) for m in find_numbers(text, ScanContext())]
    assert spans == [(23, 26), (58, 60)]


def test_phrases_are_shared_and_cached() -> None:
    text = "worth 2.14 trillion yuan"
    assert number_phrases(text) is number_phrases(text)
    (phrase,) = number_phrases(text)
    assert (phrase.start, phrase.end, phrase.scaled, phrase.words) == (6, 19, True, True)


# A text is scanned one of three ways: as bytes when all its characters are Latin-1, with
# str patterns when it holds wider characters, and start by start when lower-casing
# would change it (the dotted capital I, the Kelvin sign). Each case below is read all
# three ways (the suffix, after a blank, holds no figure) and must read the same.
THREE_WAYS = ("", " \u2019", " \u212a")
SCAN_CASES = [
    # A hedge opening a paragraph, after a newline rather than a blank.
    ("The talks ended.\nAbout 14 students came.", [("About 14", "cardinal", iv(12.6, 15.4), "about")]),
    # Number words after brackets, and a run of words after a newline.
    ("(two delegations) and [three] more\nfive days", [
        ("two", "cardinal", pt(2), None), ("three", "cardinal", pt(3), None), ("five", "cardinal", pt(5), None)]),
    # A figure that opens with its dot, and one in a grouped thousand.
    ("rates fell by .5, then 0.25 and 1,250.5", [
        (".5", "cardinal", iv(0.45, 0.55), None), ("0.25", "cardinal", iv(0.245, 0.255), None),
        ("1,250.5", "cardinal", iv(1250.45, 1250.55), None)]),
    # A figure and a scale word, in any case; grouped digits before the scale keep their value.
    ("worth 43.4 billion, 1,000 million or 3 Million", [
        ("43.4 billion", "cardinal", iv(43.35e9, 43.45e9), None), ("1,000 million", "cardinal", iv(999.5e6, 1000.5e6), None),
        ("3 Million", "cardinal", iv(2.5e6, 3.5e6), None)]),
    # A figure inside an address is not read; the one after it is.
    ("see www.example.com/2024 or mail a@b.org for 15 reports", [("15", "cardinal", pt(15), None)]),
    # In any spelling of "www.", with or without an address elsewhere in the text.
    ("visit wWw.example.com/-5 for 15 reports", [("15", "cardinal", pt(15), None)]),
    ("visit WwW.example.com/2024 or İstanbul.org for 15 reports", [("15", "cardinal", pt(15), None)]),
    # "$" in the rank and name patterns also matches before a final newline.
    ("ranked No.\n5 and Vision \n2030", [("5", "ordinal", pt(5), None)]),
    # A sign glued to the digits after a blank, and a dash between two words.
    ("fell to -3 from twenty-one", [("-3", "cardinal", pt(-3), None), ("twenty-one", "cardinal", pt(21), None)]),
    # Latin-1 letters glue like ASCII ones ("5ème", "ª2"); a no-break space is no blank
    # for the name rule; a capital outside ASCII does not make a name.
    ("café 5 and 5ème, ª2, x\xa03 et µ 4, É 6 and Ü7 then", [
        ("5", "cardinal", pt(5), None), ("3", "cardinal", pt(3), None), ("4", "cardinal", pt(4), None),
        ("6", "cardinal", pt(6), None)]),
]
# Figures too long for a float are dropped, alone or with a scale word.
OVERFLOWING = ["1" * 400, "1" * 400 + " million", "about " + "9" * 320]


@pytest.mark.parametrize("suffix", THREE_WAYS)
@pytest.mark.parametrize("text,expected", SCAN_CASES)
def test_every_scan_reads_the_same(text: str, expected: list[tuple[str, str, Interval, str | None]], suffix: str) -> None:
    check(text + suffix, expected)


@pytest.mark.parametrize("suffix", THREE_WAYS)
@pytest.mark.parametrize("text", OVERFLOWING)
def test_overflowing_figures_are_dropped(text: str, suffix: str) -> None:
    assert found(text + suffix) == []


def test_runs_of_one_spelling_read_alike() -> None:
    # Runs of one spelling share their reading; their neighbours are still checked one
    # by one (the second "14" is glued to letters, the third follows a slash).
    text = "14 firms, G14 and 14 more; see x.org/14"
    assert [(m.text, m.start) for m in find_numbers(text, ScanContext())] == [("14", 0), ("14", 18)]


def test_matches_are_plain_value_matches() -> None:
    # Matches are built by filling the instance directly; they must be the very objects
    # the class builds.
    text = "about 15 firms"
    (match,) = find_numbers(text, ScanContext())
    built = ValueMatch(match.start, match.end, match.text, match.value, match.hedge)
    assert type(match) is ValueMatch and match == built and repr(match) == repr(built) and hash(match) == hash(built)
    assert vars(match) == vars(built)


# What a figure is part of, told by its neighbours: each text below holds a figure that
# is no count (and must go) next to near misses written like it that must stay.
def c(text: str, value: float | None = None) -> tuple[str, str, Interval, str | None]:
    """An exact cardinal read without a hedge (its value written in digits, or given)."""
    exact = float(text.replace(",", "").replace(" ", "")) if value is None else value
    return (text, "cardinal", pt(exact), None)


def o(text: str, value: float) -> tuple[str, str, Interval, str | None]:
    """An ordinal."""
    return (text, "ordinal", pt(value), None)


NOT_COUNTS = [
    # Product names whose name word has a capital inside it (not only at its start).
    ("Apple's iOS 17 update reached 12 iPhones per store.", [c("12")]),
    ("Sales rose 8 percent, with the iPhone 16 making up most of it.", [c("8")]),
    ("macOS 14 shipped to 20 million Macs", [("20 million", "cardinal", iv(19.5e6, 20.5e6), None)]),
    ("The eBay 2 app and the iPadOS 18 beta reached 40 countries", [c("40")]),
    ("iOS 17 is out", []),  # a name opening the text (no blank before it)
    ("the mid-June 15 deadline beat iPadOS 18", [c("15")]),  # "mid-" has no capital
    # A model number followed by an all-capitals word and a figure; counts stay.
    ("Alaska Airlines grounded 171 of its 737 MAX 9 planes.", [c("171")]),
    ("It has 27 EU members, 30 NATO allies and 40 jets of the 787 MAX 10 type", [c("27"), c("30"), c("40")]),
    # Street addresses; counts before capitalised words stay, and a hedge shows a count.
    ("Google has 180 staff at 1600 Amphitheatre Parkway in California.", [c("180")]),
    ("The store at 350 Fifth Avenue hired 120 Chinese workers.", [c("120")]),
    ("He was summoned to No. 10 Downing Street, No. 1 in the polls.", [o("1", 1)]),
    ("They will visit 10 Downing Street and 10 Chinese companies.", [c("10")]),
    ("40 Democratic senators met at 221 Baker St. on Monday.", [c("40")]),
    ("Police closed 10 streets near 1 Police Plaza.", [c("10")]),
    ("A poll of more than 40 Wall Street economists, sent from 7 World Trade Center Road",
     [("more than 40", "cardinal", iv(40, INF, low_open=True), "more than")]),
    ("five Wall Street banks sit near 55 Water Street", [c("five", 5)]),
    # An ordinal naming a street, and one that does not.
    ("Shops on Fifth Avenue and the 42nd Street station; a second Wall Street bank failed.", [o("second", 2)]),
    ("Beijing's Third Ring Road and the 15th Five-Year Plan", [o("15th", 15)]),
    # Phone numbers written with blanks; two figures one blank apart stay two counts.
    ("To book, call +44 20 7946 0958 today; on March 5 300 people came.", [c("300")]),
    ("Dial 020 7946 0958 or 0800 1234: in 2023 15 000 people called.", [c("2023"), c("15 000")]),
    ("Call +1 212 555 4567 now, said 3 officials.", [c("3")]),
    ("For details call 555 123 4567; 12 500 people called, and 1 300 000 live there.",
     [c("12 500", 12_500), c("1 300 000", 1_300_000)]),
    # A figure written with a leading zero is a time or a code; zero and decimals stay.
    ("The plane landed at 0930 local time with 0 injuries and 0.5 tonnes of mail.", [c("0"), ("0.5", "cardinal", iv(0.45, 0.55), None)]),
    ("He wore number 07 and code 007 in 12 games.", [c("12")]),
    # "by a third" and the like before no noun: a fraction; before a noun: a rank.
    ("Covid-19 cases rose by a third last week, for a third time.", [o("third", 3)]),
    ("Sales fell by a fifth in May; Lee won a third term.", [o("third", 3)]),
    ("Shares are down a third since May and she won a third title.", [o("third", 3)]),
    ("Profits rose by nearly a third compared with a second wave.", [o("second", 2)]),
    ("It was bought by a third party and its staff cut by a fifth in 2024.", [o("third", 3), c("2024")]),
    ("Costs rose by a quarter in May, marked by a third consecutive rise, and by a fourth over June.", [o("third", 3)]),
    # A year after a fiscal-year word; other figures after those words stay.
    ("The company expects a profit for fiscal 2024, hiring 1,500 workers.", [c("1,500")]),
    ("Revenue in financial year 2025 rose; in the last financial year 300 staff left.", [c("300")]),
    ("fiscal 2023 results and the fiscal 500 billion plan", [("500 billion", "cardinal", iv(499.5e9, 500.5e9), None)]),
    ("Last year 2000 people died; the fiscal year 2023 saw fewer.", [c("2000")]),
    ("In the 2024 fiscal year 300 firms closed.", [c("300")]),
    ("the 2025 academic year and the 2023 model year", []),
    ("For the FY 2024 target of 300 jobs and fy 2023", [c("300")]),
]

# The checks stop at a line break and at a full stop: nothing is read across them.
NOT_ACROSS = [
    ("visit 10 Downing\nStreet, not 10 Downing Street", [c("10")]),
    ("the count was 10. Downing Street said it was 10 Downing Street", [c("10")]),
    ("grounded 737\nMAX 9 jets, not 737 MAX 9 ones", [c("737")]),
    ("rose by a\nthird last week, not by a third last week", [o("third", 3)]),
    ("for fiscal\n2024 and for fiscal 2024", [c("2024")]),
    ("call +44\n20 people and +44 20 7946", [c("20")]),
]


@pytest.mark.parametrize("text,expected", NOT_COUNTS + NOT_ACROSS)
def test_figures_that_are_part_of_something_else(text: str, expected: list[tuple[str, str, Interval, str | None]]) -> None:
    check(text, expected)


def test_joined_texts_read_as_alone_around_codes_and_addresses() -> None:
    # Each ending reaches for the next text's opening; joined, they read as alone, and
    # each opening keeps its own reading.
    from checker.values.batch import scan_many
    from checker.values.scan import scan

    context = ScanContext()
    pairs = [
        ("They met at 10", "Downing Street, said 10 Downing Street.", []),
        ("Sales rose by a", "third last week, by a third last week.", ["third"]),
        ("Results for fiscal", "2024 were weak, for fiscal 2024 and 300 jobs.", ["300"]),
        ("Call +44 20", "7946 0958 now, +44 20 7946 and 4 lines.", ["4"]),
        ("Its 737", "MAX 9 jets and 737 MAX 9 ones.", []),
        ("the iOS", "17 users and iOS 17.", ["17"]),
        ("at 350", "Fifth Avenue shops and 350 Fifth Avenue.", []),
    ]
    texts = [(t, context) for ending, opening, _ in pairs for t in (ending, opening)]
    joined = scan_many(texts)
    assert joined == [scan(t, ctx) for t, ctx in texts]
    for (_, opening, expected), values in zip(pairs, joined[1::2]):
        numbers = [m.text for m in values if getattr(m.value, "kind", None) == "number"]
        assert numbers == expected, (opening, numbers)
