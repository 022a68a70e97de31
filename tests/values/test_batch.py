"""scan_many: many texts scanned joined give each text exactly the values a scan of it
alone gives, whatever the texts' ends and openings, contexts and characters."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import random

import pytest

from checker.values import batch
from checker.values.base import ScanContext
from checker.values.batch import JOINED_CHARS, scan_many
from checker.values.scan import scan

JUNE = ScanContext(published=dt.date(2025, 6, 1))
MARCH = ScanContext(published=dt.date(2024, 3, 15))

# Endings that reach for what follows, and openings that reach for what precedes: a
# hedge, a currency, a month, a range or a tense on one side, a figure on the other.
ENDINGS = [
    "", "The talks ended", "They signed about", "Exports rose more than", "The budget is up to",
    "Trade reached $", "Trade reached US", "It cost 5 billion yuan (", "The deal is worth",
    "They met in Jan", "They met in Jan.", "They met on Sept.", "They will meet next",
    "It happened last", "the week of", "between 5", "from 2019", "prices rose 4", "It rose 4.",
    "Growth was 3 per", "Turnout was twenty", "one hundred and", "It was the", "Visit www.example.com",
    "Write to press@example.org", "He said:", "costs rose...", "on Monday", "Over the past",
    "In 2025 exports rose 5 percent.", "They met on Jan. 5, 2026, in Seoul.", "Some 200 people came.\n",
    "It was a four-day visit.   ", "nearly\n", "ages 5 -", "in the '", "the 1990s and",
]
OPENINGS = [
    "", "5 people attended.", "5, 2026 was the date.", "2026 is next.", "percent of voters agreed.",
    "million tonnes were shipped.", "billion won was pledged.", ".5 points up.", "0.5% growth.",
    "years ago the ties began.", "ago, they met.", "later they spoke.", "points higher.", "bn in aid.",
    "USD 20 million in loans.", ") was reported.", ", 2025 saw growth.", "- 2026 plans.", "st time.",
    "th anniversary.", "Monday, leaders met.", "and 7 people came.", "to 2021 trade grew.",
    "'90s saw growth.", "\n\nOn Tuesday they met.", "   Nearly 300 guests.", "Jan. 5 is the day.",
    "5 January 2026 they met.", "twenty-five delegates came.", "times as many visited.",
]


def alone(texts: list[tuple[str, ScanContext | None]]) -> list[list[object]]:
    return [scan(text, context) for text, context in texts]


@pytest.mark.parametrize("context", [JUNE, None])
def test_every_ending_next_to_every_opening_reads_as_alone(context: ScanContext | None) -> None:
    texts = [(f"Talks went well. {end}", context) for end in ENDINGS]
    texts += [(f"{opening} Both sides were pleased.", context) for opening in OPENINGS]
    # Every ending followed by every opening, in one call: each pair is joined.
    pairs = [(text, context) for end, opening in itertools.product(ENDINGS, OPENINGS) for text in (end, opening)]
    assert scan_many(texts) == alone(texts)
    assert scan_many(pairs) == alone(pairs)


def test_bare_endings_and_openings_joined_in_every_order_read_as_alone() -> None:
    rng = random.Random(5)
    pieces = ENDINGS + OPENINGS
    for _ in range(30):
        texts = [(rng.choice(pieces), JUNE) for _ in range(40)]
        assert scan_many(texts) == alone(texts)


def test_texts_of_different_dates_and_characters_keep_their_own_reading() -> None:
    texts: list[tuple[str, ScanContext | None]] = [
        ("They met on Monday, about 40 delegates in all.", JUNE),
        ("They met on Monday, about 40 delegates in all.", MARCH),
        ("They met on Monday, about 40 delegates in all.", None),
        ("Le café served 300 guests on Friday.", JUNE),  # Latin-1
        ("The minister’s visit cost €5 million on Friday.", JUNE),  # beyond Latin-1
        ("İstanbul hosted 12 meetings last year.", JUNE),  # a character whose lower case is longer
        ("", JUNE),
        ("\n\n", MARCH),
    ]
    found = scan_many(texts)
    assert found == alone(texts)
    # The date read for "Monday" follows each text's own publication date.
    assert found[0][0].value != found[1][0].value


def test_results_come_back_in_the_order_given() -> None:
    texts = [(f"Exports rose {n} percent.", JUNE if n % 2 else MARCH) for n in range(1, 60)]
    assert [found[0].text for found in scan_many(texts)] == [f"{n} percent" for n in range(1, 60)]


def test_long_texts_and_many_texts_split_into_several_joins() -> None:
    sentence = "About 1,500 people attended the forum on Friday, up 12 percent from last year. "
    long_text = sentence * (JOINED_CHARS // len(sentence) + 5)
    texts = [(long_text, JUNE)] + [(sentence * 40, JUNE) for _ in range(30)]
    assert scan_many(texts) == alone(texts)
    assert scan_many([]) == []


def test_a_value_reaching_into_the_separator_sends_both_texts_to_be_scanned_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # With a plain blank between texts, "about" at one text's end hedges the next
    # one's figure: the joined scan finds a value across the boundary.
    monkeypatch.setattr(batch, "SEPARATOR", " ")
    texts = [("They expect about", JUNE), ("40 delegates came.", JUNE), ("Exports rose 5 percent.", JUNE)]
    crossing = scan(" ".join(text for text, _ in texts), JUNE)
    assert any(m.text == "about 40" for m in crossing)
    assert scan_many(texts) == alone(texts)


def test_a_value_starting_in_the_separator_sends_both_texts_to_be_scanned_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A separator holding a currency sign makes the next text's figure an amount that
    # starts in the separator.
    monkeypatch.setattr(batch, "SEPARATOR", " $")
    texts = [("Exports rose to", JUNE), ("5 billion in all.", JUNE)]
    assert any(m.text == "$5 billion" for m in scan(" $".join(text for text, _ in texts), JUNE))
    assert scan_many(texts) == alone(texts)


@pytest.mark.parametrize("ending, opening", [
    # A date's words spaced wide: the next text's "month" must not reach back into them.
    ("Talks resume at the  beginning  of  the  following  week", "Month-on-month, prices fell."),
    ("the        beginning        of        the        week", "month"),
    ("the         end         of         next         week", "month ago"),
    # An address in an unusual casing, next to a text with an ordinary one.
    ("Read it at WwW.example.com/-5", "Write to www.example.org."),
    ("Read it at wWw.news.com/$5m", "Mail us: a@b.com"),
    ("See wWw.x.com/-45%", "See https://x.org"),
])
def test_readings_that_look_far_or_at_the_whole_text_stay_in_their_own_text(ending: str, opening: str) -> None:
    texts: list[tuple[str, ScanContext | None]] = [(ending, JUNE), (opening, JUNE)]
    assert scan_many(texts) == alone(texts)


def test_texts_with_different_hedge_tables_are_not_joined() -> None:
    # A context whose table reads no hedge at all: "about 40" stays "40" there only.
    bare = ScanContext(published=JUNE.published, hedges=dataclasses.replace(JUNE.hedges, hedges={}))
    texts: list[tuple[str, ScanContext | None]] = [("Officials expect about 40 delegates.", JUNE),
                                                   ("Officials expect about 40 delegates.", bare)]
    found = scan_many(texts)
    assert found == alone(texts)
    assert [m.text for m in found[0]] == ["about 40"] and [m.text for m in found[1]] == ["40"]
