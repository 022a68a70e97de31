"""Dates in news text become sets of days: exact spans, texts and values."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest
import yaml

from checker.values.base import ScanContext
from checker.values.dates import find_dates
from checker.values.dates_calendar import Frame, Span, choose, month_span
from checker.values.dates_vocab import build_vocab
from checker.values.types import Compat, DateSpan, compatible

D = dt.date
PUB = D(2026, 1, 5)  # a Monday
MON, TUE, FRI, SUN = 0, 1, 4, 6

Row = tuple[str, str, "D | None", "D | None"] | tuple[str, str, "D | None", "D | None", frozenset[int]]


def found(text: str, published: dt.date | None = PUB, **options: str) -> list[tuple[int, int, str, DateSpan]]:
    """What the parser finds, with the invariant that every span is the text it claims."""
    matches = find_dates(text, ScanContext(published), **options)
    for m in matches:
        assert text[m.start:m.end] == m.text
    return [(m.start, m.end, m.text, m.value) for m in matches]


def expected(text: str, rows: list[tuple]) -> list[tuple[int, int, str, DateSpan]]:
    """Expected matches from (surface, low, high[, weekdays]) rows, located left to right;
    "in |may" locates "may" right after "in "."""
    out, cursor = [], 0
    for written, low, high, *days in rows:
        context, _, surface = written.rpartition("|")
        start = text.index(context + surface, cursor) + len(context)
        cursor = start + len(surface)
        out.append((start, cursor, surface, DateSpan(low, high, days[0] if days else None)))
    return out


ABSOLUTE = [
    ("Talks opened on Jan. 5, 2026 in Beijing.", [("Jan. 5, 2026", D(2026, 1, 5), D(2026, 1, 5))]),
    ("Signed January 5, 2026.", [("January 5, 2026", D(2026, 1, 5), D(2026, 1, 5))]),
    ("Signed 5 January 2026.", [("5 January 2026", D(2026, 1, 5), D(2026, 1, 5))]),
    ("Data for 2026-01-05 and 2015/08/12.", [("2026-01-05", D(2026, 1, 5), D(2026, 1, 5)),
                                              ("2015/08/12", D(2015, 8, 12), D(2015, 8, 12))]),
    ("Monday, Jan. 5, 2026: talks.", [("Monday, Jan. 5, 2026", D(2026, 1, 5), D(2026, 1, 5))]),
    ("On Dec. 31, 1999, at midnight", [("Dec. 31, 1999", D(1999, 12, 31), D(1999, 12, 31))]),
    ("the tenth of September, 2001", [("the tenth of September, 2001", D(2001, 9, 10), D(2001, 9, 10))]),
    ("filed 05-Aug-2016 and 16. Nov. 2016", [("05-Aug-2016", D(2016, 8, 5), D(2016, 8, 5)),
                                             ("16. Nov. 2016", D(2016, 11, 16), D(2016, 11, 16))]),
    ("Eli Lilly sold IVAC on Dec31 , 1994", [("Dec31 , 1994", D(1994, 12, 31), D(1994, 12, 31))]),
    # Without a year: the occurrence read from the publication date.
    ("They met on January 5.", [("January 5", D(2026, 1, 5), D(2026, 1, 5))]),
    ("They met on Nov. 20.", [("Nov. 20", D(2025, 11, 20), D(2025, 11, 20))]),
    ("due on Feb. 14", [("Feb. 14", D(2026, 2, 14), D(2026, 2, 14))]),
    ("They will meet on Nov. 20.", [("Nov. 20", D(2026, 11, 20), D(2026, 11, 20))]),
    ("Meet on Fri, May 9.", [("Fri, May 9", D(2025, 5, 9), D(2025, 5, 9))]),
    ("I bought it for $12 December 27", [("December 27", D(2025, 12, 27), D(2025, 12, 27))]),
]

MONTHS_AND_YEARS = [
    ("Trade rose in November 2025.", [("November 2025", D(2025, 11, 1), D(2025, 11, 30))]),
    ("It peaked in 2024.", [("2024", D(2024, 1, 1), D(2024, 12, 31))]),
    ("They met in November.", [("November", D(2025, 11, 1), D(2025, 11, 30))]),
    ("in November last year", [("November last year", D(2025, 11, 1), D(2025, 11, 30))]),
    ("last year and this year", [("last year", D(2025, 1, 1), D(2025, 12, 31)),
                                 ("this year", D(2026, 1, 1), D(2026, 12, 31))]),
    ("next year, last month", [("next year", D(2027, 1, 1), D(2027, 12, 31)),
                               ("last month", D(2025, 12, 1), D(2025, 12, 31))]),
    ("as agreed earlier this month", [("earlier this month", D(2026, 1, 1), PUB)]),
    ("over the past year", [("the past year", D(2025, 1, 5), PUB)]),
    ("music of the 1990s and the '80s", [("the 1990s", D(1990, 1, 1), D(1999, 12, 31)),
                                        ("the '80s", D(1980, 1, 1), D(1989, 12, 31))]),
    ("in mid-November, in late 2025", [("mid-November", D(2025, 11, 10), D(2025, 11, 20)),
                                       ("late 2025", D(2025, 7, 1), D(2025, 12, 31))]),
    ("at the end of March", [("the end of March", D(2026, 3, 16), D(2026, 3, 31))]),
    ("It may be in may.", [("in |may", D(2025, 5, 1), D(2025, 5, 31))]),
    ("season 2011-12; years 2014-18", [("2011-12", D(2011, 1, 1), D(2012, 12, 31)),
                                      ("2014-18", D(2014, 1, 1), D(2018, 12, 31))]),
    ("the 21st century", [("the 21st century", D(2000, 1, 1), D(2099, 12, 31))]),
]

PERIODS = [
    ("in the first 11 months of 2025", [("the first 11 months of 2025", D(2025, 1, 1), D(2025, 11, 30))]),
    ("the first half of 2025", [("the first half of 2025", D(2025, 1, 1), D(2025, 6, 30))]),
    ("in the third quarter", [("the third quarter", D(2025, 7, 1), D(2025, 9, 30))]),
    ("Q3 2025 and 2024 H2", [("Q3 2025", D(2025, 7, 1), D(2025, 9, 30)),
                             ("2024 H2", D(2024, 7, 1), D(2024, 12, 31))]),
    ("in January-November 2025", [("January-November 2025", D(2025, 1, 1), D(2025, 11, 30))]),
    ("from March to May", [("from March to May", D(2025, 3, 1), D(2025, 5, 31))]),
    ("Nov-Feb 2017", [("Nov-Feb 2017", D(2016, 11, 1), D(2017, 2, 28))]),
    ("the Plan (2026-2030)", [("2026-2030", D(2026, 1, 1), D(2030, 12, 31))]),
    ("held from Jan. 4 to 7", [("from Jan. 4 to 7", D(2026, 1, 4), D(2026, 1, 7))]),
    ("between 4 and 22 January, 2017", [("between 4 and 22 January, 2017", D(2017, 1, 4), D(2017, 1, 22))]),
    ("November 19-20", [("November 19-20", D(2025, 11, 19), D(2025, 11, 20))]),
    # Two days in a row joined by "and" are both; a count after the second is a count.
    ("talks on November 19 and 20 in Lima", [("November 19 and 20", D(2025, 11, 19), D(2025, 11, 20))]),
    ("on 15 and 16 December 2025, and the 2nd and 3rd of this month",
     [("15 and 16 December 2025", D(2025, 12, 15), D(2025, 12, 16)),
      ("the 2nd and 3rd of this month", D(2026, 1, 2), D(2026, 1, 3))]),
    ("on December 15 and 16 people", [("December 15", D(2025, 12, 15), D(2025, 12, 15))]),
    ("on December 5 and 20", [("December 5", D(2025, 12, 5), D(2025, 12, 5))]),
    ("Nov 18-Dec 19, 2015", [("Nov 18-Dec 19, 2015", D(2015, 11, 18), D(2015, 12, 19))]),
    ("between Jan 2 and now", [("between Jan 2 and now", D(2026, 1, 2), PUB)]),
    ("the week of Nov. 3", [("the week of Nov. 3", D(2025, 11, 3), D(2025, 11, 9))]),
    ("the first Friday of July 2025", [("the first Friday of July 2025", D(2025, 7, 4), D(2025, 7, 4))]),
]

RELATIVE = [
    ("They met on Monday.", [("Monday", PUB, PUB)]),
    ("They met Sunday afternoon.", [("Sunday afternoon", D(2026, 1, 4), D(2026, 1, 4))]),
    ("He arrived last Friday.", [("last Friday", D(2026, 1, 2), D(2026, 1, 2))]),
    # "next Friday": this week's or next week's, both common; the set keeps both Fridays.
    ("They meet next Friday.", [("next Friday", D(2026, 1, 9), D(2026, 1, 16), frozenset({FRI}))]),
    ("Xi will visit on Tuesday, officials said on Monday.", [("Tuesday", D(2026, 1, 6), D(2026, 1, 6)),
                                                             ("Monday", PUB, PUB)]),
    ("He will visit, the ministry said on Tuesday.", [("Tuesday", D(2025, 12, 30), D(2025, 12, 30))]),
    ("yesterday, today and tomorrow", [("yesterday", D(2026, 1, 4), D(2026, 1, 4)), ("today", PUB, PUB),
                                       ("tomorrow", D(2026, 1, 6), D(2026, 1, 6))]),
    ("Friday next week", [("Friday next week", D(2026, 1, 16), D(2026, 1, 16))]),
    ("It happened 10 days ago.", [("10 days ago", D(2025, 12, 26), D(2025, 12, 26))]),
    # News rounds "two months": the day is 2025-11-05 give or take 10 days.
    ("They met two months ago.", [("two months ago", D(2025, 10, 26), D(2025, 11, 15))]),
    ("just over two months after their first summit, and just over two months ago",
     [("just over two months ago", D(2025, 10, 30), D(2025, 11, 5))]),
    ("a few days ago", [("a few days ago", D(2026, 1, 1), D(2026, 1, 3))]),
    ("more than two years ago", [("more than two years ago", None, D(2024, 1, 5))]),
    ("They will meet in two weeks.", [("in two weeks", D(2026, 1, 17), D(2026, 1, 21))]),
    # Counted from yesterday or tomorrow, in either direction.
    ("They meet two days after yesterday.", [("two days after yesterday", D(2026, 1, 6), D(2026, 1, 6))]),
    ("It ended two days before tomorrow.", [("two days before tomorrow", D(2026, 1, 4), D(2026, 1, 4))]),
    ("the past 3 weeks", [("the past 3 weeks", D(2025, 12, 15), PUB)]),
]

NOT_DATES = [
    "May I ask a question?", "This may take longer than expected.", "They staged a march on the capital.",
    "The Sunday Times reported it.", "Black Friday sales rose.", "USA Today reported it.",
    "The G20 and COVID-19 and a Boeing 737.", "Call 555-1234 or 555 12 34.", "Saudi Vision 2030 aims high.",
    "It was the 15th Five-Year Plan.", "Floor 27 of 15 floors.", "Theresa May said so.",
    "He served 3 years in prison.", "It was the first visit in six years.", "The 9/11 attacks; open 24/7.",
    "Fiscal 2025 results.", "It rose 4.22 percent.", "He won 4-2.", "About 2,024 people came.",
    "They met 3/4 of the delegates.", "the 25th anniversary",
    # A fiscal or school year named by one year is no calendar year: its months differ
    # from country to country ("fiscal year 2024" is October 2023 to September 2024 in
    # Washington, April 2024 to March 2025 in Tokyo).
    "Exports rose in fiscal year 2024.", "in the financial year 2025", "in the 2024 fiscal year",
    "during the 2025 academic year", "the 2023 model year",
    # Nor is one named with "FY" and one year ("FY25": 2024-25 in New Delhi, 2025-26 in
    # Tokyo), or with two years that are not one after the other.
    "Exports rose 12 percent in FY25.", "FY2025 results", "the FY 2024 budget", "FY2024-26 plans",
    # Counted from the time the story tells of, which the text does not date.
    "The previous year, exports had dropped; the following month they rose.",
]


@pytest.mark.parametrize("text, rows", ABSOLUTE + MONTHS_AND_YEARS + PERIODS + RELATIVE)
def test_dates_with_publication_date(text: str, rows: list[tuple]) -> None:
    assert found(text) == expected(text, rows)


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize("text, rows", [
    ("Signed Jan. 5, 2026 and in 2024.", [("Jan. 5, 2026", D(2026, 1, 5), D(2026, 1, 5)),
                                          ("2024", D(2024, 1, 1), D(2024, 12, 31))]),
    ("Talks were held in November 2025.", [("November 2025", D(2025, 11, 1), D(2025, 11, 30))]),
    # A weekday still says which day of the week it was.
    ("They met on Monday.", [("Monday", None, None, frozenset({MON}))]),
    # Relative expressions need the publication date: nothing.
    ("yesterday, last year, two months ago, next month, last quarter", []),
])
def test_dates_without_publication_date(text: str, rows: list[tuple]) -> None:
    assert found(text, None) == expected(text, rows)


def some_year(months: set[int] | None = None, days: set[tuple[int, int]] | None = None,
              weekdays: set[int] | None = None) -> DateSpan:
    """The set of days of an expression whose year is unknown."""
    return DateSpan(None, None, None if weekdays is None else frozenset(weekdays),
                    None if months is None else frozenset(months), None if days is None else frozenset(days))


# Without a publication date the year is unknown, but the calendar still says something.
UNDATED = [
    ("The two presidents met in November.", [("in |November", some_year({11}))]),
    ("They met in November last year.", [("November last year", some_year({11}))]),
    ("He came back last November.", [("last November", some_year({11}))]),
    ("He came back this May, not in May 2024.", [("this May", some_year({5})),
                                                 ("May 2024", DateSpan(D(2024, 5, 1), D(2024, 5, 31)))]),
    ("On January 5 the two leaders met.", [("On |January 5", some_year(days={(1, 5)}))]),
    ("Signed Jan. 5 and ratified 5 January.", [("Jan. 5", some_year(days={(1, 5)})),
                                               ("5 January", some_year(days={(1, 5)}))]),
    # A weekday and a day that some year has together (2026, 2032...; Tuesday: 2027).
    ("Monday, January 5: talks.", [("Monday, January 5", some_year(days={(1, 5)}, weekdays={MON}))]),
    ("Tuesday, Jan. 5 and next Sunday", [("Tuesday, Jan. 5", some_year(days={(1, 5)}, weekdays={TUE})),
                                         ("next Sunday", some_year(weekdays={SUN}))]),
    ("November 3 last year", [("November 3 last year", some_year(days={(11, 3)}))]),
    ("due on Feb. 29 or Feb. 30", [("Feb. 29", some_year(days={(2, 29)}))]),  # February 30 never is
    ("from March to May", [("from March to May", some_year({3, 4, 5}))]),
    ("Nov-Feb talks", [("Nov-Feb", some_year({11, 12, 1, 2}))]),
    ("in the third quarter", [("the third quarter", some_year({7, 8, 9}))]),
    ("in the first half of last year", [("the first half of last year", some_year({1, 2, 3, 4, 5, 6}))]),
    ("held November 19-20", [("November 19-20", some_year(days={(11, 19), (11, 20)}))]),
    ("in mid-November", [("mid-November", some_year(days={(11, d) for d in range(10, 21)}))]),
    ("the first Friday of July", [("the first Friday of July", some_year(days={(7, d) for d in range(1, 8)},
                                                                         weekdays={FRI}))]),
    ("due on 4/22", [("4/22", some_year(days={(4, 22)}))]),
    # Words that are not dates stay so.
    ("May I ask? This may take time; a march on the capital.", []),
]


@pytest.mark.parametrize("text, rows", UNDATED)
def test_dates_without_publication_date_keep_the_calendar(text: str, rows: list[tuple[str, DateSpan]]) -> None:
    matches = find_dates(text, ScanContext(None))
    out, cursor = [], 0
    for written, value in rows:
        context, _, surface = written.rpartition("|")
        start = text.index(context + surface, cursor) + len(context)
        cursor = start + len(surface)
        out.append((start, cursor, surface, value))
    assert [(m.start, m.end, m.text, m.value) for m in matches] == out


def test_a_date_without_year_agrees_with_the_dated_day_only() -> None:
    (undated,) = find_dates("On January 5 the leaders met.", ScanContext(None))
    (monday,) = find_dates("Monday, Jan. 5, 2026", ScanContext(PUB))
    (tuesday,) = find_dates("Jan. 6, 2026", ScanContext(PUB))
    assert compatible(undated.value, monday.value) is Compat.COMPATIBLE
    assert compatible(undated.value, tuesday.value) is Compat.INCOMPATIBLE
    (november,) = find_dates("the two presidents met in November", ScanContext(None))
    (talks,) = find_dates("talks on Nov. 1, 2025", ScanContext(PUB))
    assert compatible(november.value, talks.value) is Compat.COMPATIBLE


@pytest.mark.parametrize("text", ["Tuesday, Jan. 5, 2026", "Feb. 30, 2026", "Friday 2026-01-05"])
def test_disagreeing_or_impossible_dates_give_nothing(text: str) -> None:
    # Not even the year inside them: a wrong weekday means the writer or the parser is wrong.
    assert found(text) == []


@pytest.mark.parametrize("order, low, high", [
    ("ambiguous", D(2017, 3, 7), D(2017, 7, 3)),  # both readings, and the days between
    ("mdy", D(2017, 3, 7), D(2017, 3, 7)),
    ("dmy", D(2017, 7, 3), D(2017, 7, 3)),
])
def test_numeric_order(order: str, low: dt.date, high: dt.date) -> None:
    assert found("on 3/7/2017", numeric_order=order) == [(3, 11, "3/7/2017", DateSpan(low, high))]


def test_unambiguous_numeric_dates_ignore_the_order_setting() -> None:
    text = "from 21/04/2016 to 02/22/2016"
    assert found(text, numeric_order="mdy") == []  # the range runs backwards: nothing
    assert found("on 21/04/16") == [(3, 11, "21/04/16", DateSpan(D(2016, 4, 21), D(2016, 4, 21)))]


def test_numeric_day_month_needs_a_cue_word() -> None:
    assert found("ratio 4/22 today") == [(11, 16, "today", DateSpan(PUB, PUB))]
    assert found("due on 4/22", numeric_order="mdy") == [(7, 11, "4/22", DateSpan(D(2025, 4, 22), D(2025, 4, 22)))]


def test_long_mixed_text_keeps_order_and_spans() -> None:
    text = ("Xi met Lee on Nov. 1 in Gyeongju and again on Monday in Beijing, just over two months later. "
            "Trade reached $273 billion in 2024 and grew in the first 11 months of 2025. ") * 50
    matches = find_dates(text, ScanContext(PUB))
    assert [m.text for m in matches] == ["Nov. 1", "Monday", "2024", "the first 11 months of 2025"] * 50
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:]))


def test_year_inference_rule() -> None:
    november = lambda y: month_span(y, 11)  # noqa: E731
    assert choose(november, Frame(PUB)) == Span(D(2025, 11, 1), D(2025, 11, 30))
    assert choose(november, Frame(PUB, future=True)) == Span(D(2026, 11, 1), D(2026, 11, 30))
    assert choose(november, Frame(None)) is None


@pytest.mark.parametrize("text, rows", [
    # A dot after an abbreviation does not end the sentence that "will" is in.
    ("Xi will visit on Jan. 6 and again on Tuesday.", [("Jan. 6", D(2026, 1, 6), D(2026, 1, 6)),
                                                       ("Tuesday", D(2026, 1, 6), D(2026, 1, 6))]),
    ("He will meet Mr. Lee on Tuesday.", [("Tuesday", D(2026, 1, 6), D(2026, 1, 6))]),
    # A real sentence end does: the second sentence is in the past.
    ("He will meet Lee. They met on Tuesday.", [("Tuesday", D(2025, 12, 30), D(2025, 12, 30))]),
    # Names and counts that look like dates.
    ("2000 people came in 2000.", [("in |2000", D(2000, 1, 1), D(2000, 12, 31))]),
    ("June Lee said in June.", [("in |June", D(2025, 6, 1), D(2025, 6, 30))]),
    ("Xi met Lee on Sunday Xi said", [("Sunday", D(2026, 1, 4), D(2026, 1, 4))]),
    ("the week starting Feb. 3, 2026", [("the week starting Feb. 3, 2026", D(2026, 2, 2), D(2026, 2, 9))]),
    ("Friday the 13th", [("Friday the 13th", D(2026, 2, 13), D(2026, 2, 13))]),
    ("Friday, the 13th.", [("Friday, the 13th", D(2026, 2, 13), D(2026, 2, 13))]),
    # After a comma, an ordinal that goes with the next word is no day of the month.
    ("They met on Tuesday, the first such visit.", [("Tuesday", D(2025, 12, 30), D(2025, 12, 30))]),
    ("They met on Friday, the 21st anniversary of ties.", [("Friday", D(2026, 1, 2), D(2026, 1, 2))]),
    ("over the weekend", [("the weekend", D(2026, 1, 3), D(2026, 1, 4))]),
    # A fiscal year spanning two years holds the two calendar years, whatever its months.
    ("Trade grew in financial year 2024-25.", [("2024-25", D(2024, 1, 1), D(2025, 12, 31))]),
    ("in the 2023/24 fiscal year", [("2023/24", D(2023, 1, 1), D(2024, 12, 31))]),
    # Written with "FY", in every usual spelling; glued letters do not hide it.
    ("Trade reached $22.85 billion in FY2024-25.", [("FY2024-25", D(2024, 1, 1), D(2025, 12, 31))]),
    ("in FY 2023/24 and FY24–25", [("FY 2023/24", D(2023, 1, 1), D(2024, 12, 31)),
                                   ("FY24–25", D(2024, 1, 1), D(2025, 12, 31))]),
    ("the FY-2024-25 budget", [("FY-2024-25", D(2024, 1, 1), D(2025, 12, 31))]),
    # Years of the nineteenth century, after a word that takes a year.
    ("They established diplomatic relations in 1871.", [("in |1871", D(1871, 1, 1), D(1871, 12, 31))]),
    # Named by the month it ends in: the same two calendar years, not that month.
    ("Trade was $1.9 billion in the financial year that ended in March 2025.",
     [("the financial year that ended in March 2025", D(2024, 1, 1), D(2025, 12, 31))]),
    ("in the fiscal year to June 30, 2025", [("the fiscal year to June 30, 2025", D(2024, 1, 1), D(2025, 12, 31))]),
    ("the fiscal year ending December 2024", [("the fiscal year ending December 2024", D(2024, 1, 1), D(2024, 12, 31))]),
    # A year before other words that open with "fiscal" or "school" stays a year.
    ("In 2024 fiscal policy tightened.", [("In |2024", D(2024, 1, 1), D(2024, 12, 31))]),
    ("in 2025 school fees rose", [("in |2025", D(2025, 1, 1), D(2025, 12, 31))]),
    ("We had a meeting 1 month 21 days ago", [("1 month 21 days ago", D(2025, 11, 14), D(2025, 11, 14))]),
    ("for the last 3 months and 2 days ago", [("the last 3 months", D(2025, 10, 5), PUB),
                                               ("2 days ago", D(2026, 1, 3), D(2026, 1, 3))]),
])
def test_context_decides(text: str, rows: list[tuple]) -> None:
    assert found(text) == expected(text, rows)


def test_hedge_is_kept_with_the_date() -> None:
    (match,) = find_dates("They met about two months ago.", ScanContext(PUB))
    assert (match.text, match.hedge) == ("about two months ago", "about")
    # "about 2" months is [1.8, 2.2] months: wider than the unhedged tolerance would be.
    assert match.value == DateSpan(D(2025, 10, 30), D(2025, 11, 11))


def test_weekday_only_value_is_comparable() -> None:
    (monday,) = find_dates("They met on Monday.", ScanContext(None))
    assert compatible(monday.value, DateSpan(PUB, PUB)) is Compat.COMPATIBLE
    assert compatible(monday.value, DateSpan(D(2026, 1, 6), D(2026, 1, 6))) is Compat.INCOMPATIBLE
    (friday,) = find_dates("They meet next Friday.", ScanContext(PUB))
    assert compatible(friday.value, DateSpan(D(2026, 1, 12), D(2026, 1, 15))) is Compat.INCOMPATIBLE


def test_vocabulary_rejects_words_yaml_reads_as_booleans() -> None:
    raw = yaml.safe_load(resources.files("checker.data").joinpath("dates.yaml").read_text(encoding="utf-8"))
    raw["weekday_cues"] = yaml.safe_load("[on, by]")  # unquoted "on" is True in YAML
    with pytest.raises(ValueError, match="weekday_cues: True is not a word"):
        build_vocab(raw)


def test_unknown_numeric_order_is_an_error() -> None:
    with pytest.raises(ValueError, match="numeric_order 'ymd'"):
        find_dates("on 3/7/2017", ScanContext(PUB), numeric_order="ymd")


@pytest.mark.parametrize("published, low, high", [
    # Published on a Sunday: the Thursday of its Monday-to-Sunday week, or the coming one.
    (D(2025, 6, 1), D(2025, 5, 29), D(2025, 6, 5)),
    # Published on a Tuesday: both readings are the same day.
    (D(2025, 6, 3), D(2025, 6, 5), D(2025, 6, 5)),
])
def test_this_weekday_holds_the_coming_one(published: dt.date, low: dt.date, high: dt.date) -> None:
    [(_, _, text, span)] = found("Macron will visit Berlin this Thursday.", published)
    assert text == "this Thursday"
    assert (span.low, span.high) == (low, high)
    assert span.low == span.high or span.weekdays == frozenset({3})


@pytest.mark.parametrize("published, low, high", [
    # Read on a Sunday: the Monday-to-Sunday week before, or the Sunday-to-Saturday one.
    (D(2025, 6, 1), D(2025, 5, 19), D(2025, 5, 31)),
    # Read on a Wednesday: one week.
    (D(2025, 6, 4), D(2025, 5, 26), D(2025, 6, 1)),
])
def test_last_week_read_on_a_sunday_holds_both_weeks(published: dt.date, low: dt.date, high: dt.date) -> None:
    [(_, _, text, span)] = found("Talks were held last week.", published)
    assert (text, span.low, span.high) == ("last week", low, high)
