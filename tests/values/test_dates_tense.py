"""The tense of a sentence and the year of a date written without one.

Three readings, each with sentences that must change and sentences that must not:

- a past cue that is the participle or base form of a future verb ("will be held",
  "will last") is no past marker;
- a sentence that plainly speaks of the past puts a date without a year before
  publication (not up to 90 days after it), and "since" always does;
- a day of a month that names an event ("the Oct. 7 attacks") has no year.

Every sentence is read on Sunday, June 1, 2025.
"""

from __future__ import annotations

import datetime as dt

import pytest

from checker.values.base import ScanContext
from checker.values.batch import scan_many
from checker.values.dates import find_dates
from checker.values.dates_calendar import Frame, Span, choose, month_span
from checker.values.dates_context import looks_ahead
from checker.values.scan import scan
from checker.values.types import Compat, DateSpan, compatible

D = dt.date
PUB = D(2025, 6, 1)  # a Sunday


def span(low: dt.date, high: dt.date | None = None) -> DateSpan:
    return DateSpan(low, low if high is None else high)


def month(year: int, number: int) -> DateSpan:
    return month_span(year, number)


def day_of_year(*days: tuple[int, int]) -> DateSpan:
    """A day (or days) of some year: the value of a date that names an event."""
    return DateSpan(None, None, month_days=frozenset(days))


def readings(text: str, published: dt.date | None = PUB) -> dict[str, DateSpan]:
    """The value of every date in ``text``, by its words."""
    return {m.text: m.value for m in find_dates(text, ScanContext(published))}


Rows = list[tuple[str, dict[str, DateSpan]]]

# 1. A past cue right after a future marker (or "is", "must"...) belongs to that verb.
FUTURE_VERBS: Rows = [
    ("The summit will be held on Nov. 22.", {"Nov. 22": span(D(2025, 11, 22))}),
    ("Officials said the accord will be signed on Nov. 22-23.", {"Nov. 22-23": span(D(2025, 11, 22), D(2025, 11, 23))}),
    ("Elections will be held in November.", {"November": month(2025, 11)}),
    ("The games will also be held from Nov. 3 to Nov. 9.", {"from Nov. 3 to Nov. 9": span(D(2025, 11, 3), D(2025, 11, 9))}),
    ("The accord is to be signed on Nov. 3.", {"Nov. 3": span(D(2025, 11, 3))}),
    ("Talks are due to be held Oct. 20 to 21.", {"Oct. 20 to 21": span(D(2025, 10, 20), D(2025, 10, 21))}),
    ("The deal is expected to be signed in late November.", {"late November": span(D(2025, 11, 16), D(2025, 11, 30))}),
    ("The ceasefire would last until April, officials said.", {"April": month(2026, 4)}),
    ("The hearing is expected to last until mid-March.", {"mid-March": span(D(2026, 3, 10), D(2026, 3, 20))}),
    ("By then the ministers will have met on Nov. 12.", {"Nov. 12": span(D(2025, 11, 12))}),
    ("The truce will last until Friday.", {"Friday": span(D(2025, 6, 6))}),
    ("They'll be held on Tuesday in Hanoi.", {"Tuesday": span(D(2025, 6, 3))}),
    # The present of a scheduled event.
    ("The summit takes place in October in Seoul.", {"October": month(2025, 10)}),
    ("The trial begins on Nov. 5, officials said.", {"Nov. 5": span(D(2025, 11, 5))}),
]

# ... and what must not change: a past marker that is not part of a future verb.
FUTURE_VERBS_KEPT: Rows = [
    ("The talks were held on Monday.", {"Monday": span(D(2025, 5, 26))}),
    ("He will meet them on Nov. 22, 2025.", {"Nov. 22, 2025": span(D(2025, 11, 22))}),
    ("Elections were held in November.", {"November": month(2024, 11)}),
    ("The summit will be held in Seoul, officials said on Monday.", {"Monday": span(D(2025, 5, 26))}),
    ("They will meet again, as they met on Tuesday.", {"Tuesday": span(D(2025, 5, 27))}),
    ("The trial lasted until April.", {"April": month(2025, 4)}),
]

# 2. A sentence that plainly speaks of the past: the date has begun by publication.
PAST: Rows = [
    ("Exports fell 3% in July, the ministry said.", {"July": month(2024, 7)}),
    ("Shares rose 4% on June 25 from a day earlier.", {"June 25": span(D(2024, 6, 25))}),
    ("Officials said the plan was approved on June 20.", {"June 20": span(D(2024, 6, 20))}),
    ("Officials said talks resumed in early July.", {"early July": span(D(2024, 7, 1), D(2024, 7, 15))}),
    ("The tribunal adjourned on June 11 after two days.", {"June 11": span(D(2024, 6, 11))}),
    ("In July, exports fell 3%.", {"July": month(2024, 7)}),
    ("On June 14 the bill was rejected.", {"June 14": span(D(2024, 6, 14))}),
    ("The summit took place in July.", {"July": month(2024, 7)}),
    ("Voters went to the polls on June 8.", {"June 8": span(D(2024, 6, 8))}),
    ("Workers held rallies from July 1 to July 3.", {"from July 1 to July 3": span(D(2024, 7, 1), D(2024, 7, 3))}),
    ("The ban, which began in March, was lifted in July.", {"March": month(2025, 3), "July": month(2024, 7)}),
    ("Prices peaked in mid-July, traders said.", {"mid-July": span(D(2024, 7, 10), D(2024, 7, 20))}),
    # An adverb of manner between the verb and its date.
    ("Sales dropped sharply in July.", {"July": month(2024, 7)}),
    ("Talks stalled briefly on June 20.", {"June 20": span(D(2024, 6, 20))}),
    ("Output slumped badly in July, officials said.", {"July": month(2024, 7)}),
    # "since": always begun by publication, whatever the tense of the sentence.
    ("Floods have killed 200 people since July, officials said.", {"July": month(2024, 7)}),
    ("Fighting has continued since late July.", {"late July": span(D(2024, 7, 16), D(2024, 7, 31))}),
    ("Talks will resume on Monday, the first since August.", {"Monday": span(D(2025, 6, 2)), "August": month(2024, 8)}),
]

# ... and what must not change: the tense is unknown, or does not limit the year.
PAST_KEPT: Rows = [
    ("Talks resume on June 20, the ministry said.", {"June 20": span(D(2025, 6, 20))}),  # reported words
    ("Officials said the summit opens on June 20.", {"June 20": span(D(2025, 6, 20))}),
    ("The vote was postponed to June 20.", {"June 20": span(D(2025, 6, 20))}),  # may point ahead
    ("The ban was extended until July.", {"July": month(2025, 7)}),
    ("They agreed to meet on June 20.", {"June 20": span(D(2025, 6, 20))}),
    ("The accord was signed on May 5 and takes effect in July.", {"May 5": span(D(2025, 5, 5)),
                                                                 "July": month(2025, 7)}),  # another clause
    ("The plan was approved on May 20 and will take effect in July.", {"May 20": span(D(2025, 5, 20)),
                                                                       "July": month(2025, 7)}),
    ("A decision expected in July could reshape trade.", {"July": month(2025, 7)}),
    ("A widely expected rally in July could lift shares.", {"July": month(2025, 7)}),
    ("Sales will be boosted sharply in July.", {"July": month(2025, 7)}),
    ("The family in July moved to Seoul.", {"July": month(2025, 7)}),  # "family" is no adverb
    ("The revised June 20 date was announced on Monday.", {"June 20": span(D(2025, 6, 20)),
                                                          "Monday": span(D(2025, 5, 26))}),
    ("The festival is held in July each year.", {"July": month(2025, 7)}),  # a present passive
    ("Two weeks ago, officials set June 20 as the date.", {"Two weeks ago": span(D(2025, 5, 16), D(2025, 5, 20)),
                                                          "June 20": span(D(2025, 6, 20))}),
    ("The last round of talks is on June 20.", {"June 20": span(D(2025, 6, 20))}),
    ("Talks resumed.\nIn July a new round opens.", {"July": month(2025, 7)}),  # another line
    ("They met on June 2, the ministry said.", {"June 2": span(D(2025, 6, 2))}),  # a day later: time zones
    ("The talks were held on May 20.", {"May 20": span(D(2025, 5, 20))}),
    ("They met on Monday.", {"Monday": span(D(2025, 5, 26))}),
]

# 3. A day of a month that names an event may be of any year: the day of the year alone.
NAMES: Rows = [
    ("No one has been held accountable since the Oct. 7 attacks.", {"Oct. 7": day_of_year((10, 7))}),
    ("He was charged over the Jan. 6 riot at the Capitol.", {"Jan. 6": day_of_year((1, 6))}),
    ("The Sept. 11 anniversary passed quietly.", {"Sept. 11": day_of_year((9, 11))}),
    ("Hamas's Oct. 7 attack killed 1,200 people.", {"Oct. 7": day_of_year((10, 7))}),
    ("Leaders gathered for the Nov. 22-23 summit in Seoul.", {"Nov. 22-23": day_of_year((11, 22), (11, 23))}),
    # A meeting to come or one long past: "Oct. 7" tells no year either way.
    ("The Oct. 7 meeting will take place in Cairo.", {"Oct. 7": day_of_year((10, 7))}),
]

# ... and what must not change: no determiner, a year, or no noun on the same line.
NAMES_KEPT: Rows = [
    ("They met on Oct. 7 and signed a deal.", {"Oct. 7": span(D(2024, 10, 7))}),
    ("The Jan. 6, 2021, riot shocked the nation.", {"Jan. 6, 2021": span(D(2021, 1, 6))}),
    ("Fighting stopped on the Oct. 7 and resumed later.", {"Oct. 7": span(D(2024, 10, 7))}),
    ("Nothing changed after the Oct. 7.\nAttacks went on.", {"Oct. 7": span(D(2024, 10, 7))}),
    ("Nothing changed after the Oct. 7\nattacks.", {"Oct. 7": span(D(2024, 10, 7))}),
    ("Leaders will meet in Seoul on Nov. 22 for talks.", {"Nov. 22": span(D(2025, 11, 22))}),
    # A noun for the stretch of time itself names no event.
    ("Trade rose 12% in the January-April period.", {"January-April": span(D(2025, 1, 1), D(2025, 4, 30))}),
    ("Exports fell in the March 1-15 window.", {"March 1-15": span(D(2025, 3, 1), D(2025, 3, 15))}),
]


@pytest.mark.parametrize("text, expected", FUTURE_VERBS + PAST + NAMES)
def test_dates_read_in_their_tense(text: str, expected: dict[str, DateSpan]) -> None:
    assert readings(text) == expected


@pytest.mark.parametrize("text, expected", FUTURE_VERBS_KEPT + PAST_KEPT + NAMES_KEPT)
def test_dates_whose_reading_does_not_change(text: str, expected: dict[str, DateSpan]) -> None:
    assert readings(text) == expected


@pytest.mark.parametrize("window, ahead", [
    ("The summit will be held on", True),
    ("The accord would be signed on", True),
    ("The trial will last until", True),
    ("The trial is expected to last until", True),
    ("They will have signed it by", True),
    ("The vote will formally be held on", True),
    ("It is to be signed, and WILL BE HELD on", True),
    # Past markers that are no part of a future verb still win.
    ("The talks will be held, officials said on", False),
    ("They will meet, as they met on", False),
    ("Willing partners held talks on", False),
])
def test_a_past_cue_inside_a_future_verb_is_no_past_marker(window: str, ahead: bool) -> None:
    text = window + " Monday."
    assert looks_ahead(text, len(window) + 1) is ahead


def test_a_plainly_past_reading_takes_the_latest_occurrence_begun_by_publication() -> None:
    july = lambda y: month_span(y, 7)  # noqa: E731
    assert choose(july, Frame(PUB)) == Span(D(2025, 7, 1), D(2025, 7, 31))
    assert choose(july, Frame(PUB, past=True)) == Span(D(2024, 7, 1), D(2024, 7, 31))
    # A month begun by publication stays this year's; one a day later too (time zones).
    june = lambda y: month_span(y, 6)  # noqa: E731
    assert choose(june, Frame(D(2025, 6, 15), past=True)) == Span(D(2025, 6, 1), D(2025, 6, 30))
    assert choose(june, Frame(D(2025, 5, 31), past=True)) == Span(D(2025, 6, 1), D(2025, 6, 30))
    assert choose(june, Frame(D(2025, 5, 30), past=True)) == Span(D(2024, 6, 1), D(2024, 6, 30))


def test_an_event_named_by_its_day_agrees_with_that_day_of_any_year() -> None:
    (named,) = find_dates("Talks stalled after the Oct. 7 attacks.", ScanContext(PUB))
    assert compatible(named.value, span(D(2023, 10, 7))) is Compat.COMPATIBLE
    assert compatible(named.value, span(D(2025, 10, 7))) is Compat.COMPATIBLE
    assert compatible(named.value, span(D(2023, 10, 8))) is Compat.INCOMPATIBLE
    # Without a publication date it reads the same.
    assert readings("Talks stalled after the Oct. 7 attacks.", None) == {"Oct. 7": day_of_year((10, 7))}


# Texts joined in a batch: a reading that looks past a date (the noun after "the Oct. 7",
# the sentence after "In July") must not reach into the next text.
BATCH_PAIRS = [
    ("Nothing changed after the Oct. 7", "attacks on the border were reported on Monday."),
    ("Tensions rose after the", "Oct. 7 attacks, officials said."),
    ("In July", "exports fell 3%, the ministry said."),
    ("Exports fell 3% in July", "and officials said so."),
    ("Fighting has continued since", "July, officials said."),
    ("The summit will be", "held on Nov. 22."),
    ("Talks resume on June 20", "the ministry said."),
]


def test_readings_stop_at_the_batch_separator() -> None:
    context = ScanContext(PUB)
    texts = [(text, context) for pair in BATCH_PAIRS for text in pair]
    assert scan_many(texts) == [scan(text, context) for text, _ in texts]
