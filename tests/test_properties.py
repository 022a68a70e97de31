"""Property-based tests with a fixed seed and a bounded number of examples.

Whatever the text, value parsing never crashes, spans index the original text, bounds
are ordered and results are deterministic; whatever the bytes, loading an article
either succeeds or raises a CheckerError with a location.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.corpus import read_article_file
from checker.errors import CheckerError
from checker.values.base import ScanContext
from checker.values.scan import scan
from checker.values.types import DateSpan, Money, Quantity

BOUNDED = settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

# Text made of the pieces values are built from, so the parsers are really exercised.
PIECES = st.sampled_from(
    [
        " ", ", ", ". ", "\n", "-", "(", ")", "$", "€", "¥", "%", "about ", "more than ", "nearly ", "over ",
        "1", "2", "15", "2.14", "1,000", "200", "2025", "2026", "twice", "second", "fifteen", "hundred",
        "million", "billion", "trillion", "yuan", "dollars", "won", "percent", "per cent", "points",
        "January", "Jan.", "November", "Monday", "Sunday", "last year", "next", "ago", "months", "years",
        "days", "four-day", "the first 11 months of", "in", "on", "since", "decades", "week", "Q3", "—", "é", "中",
    ]
)
NEWSY = st.lists(PIECES, max_size=40).map("".join)
CONTEXTS = st.sampled_from([ScanContext(), ScanContext(published=dt.date(2026, 1, 5)), ScanContext(published=dt.date(2000, 2, 29))])


def _ordered(value: object) -> bool:
    if isinstance(value, Quantity):
        i = value.interval
        return i.low is None or i.high is None or i.low <= i.high
    if isinstance(value, Money):
        return all(a.interval.low is None or a.interval.high is None or a.interval.low <= a.interval.high for a in value.amounts)
    if isinstance(value, DateSpan):
        return value.low is None or value.high is None or value.low <= value.high
    return True


@BOUNDED
@given(text=st.one_of(NEWSY, st.text(max_size=200)), context=CONTEXTS)
def test_scan_spans_bounds_and_determinism(text: str, context: ScanContext) -> None:
    first = scan(text, context)
    assert first == scan(text, context)
    previous_end = 0
    for match in first:
        assert 0 <= match.start < match.end <= len(text)
        assert text[match.start : match.end] == match.text
        assert match.start >= previous_end, "matches overlap"
        previous_end = match.end
        assert _ordered(match.value), match


FRONT = st.sampled_from(["---\n", "---\r\n", "", "\ufeff---\n"])
FIELDS = st.lists(
    st.sampled_from(["source: Wire\n", "source:\n", "published: 2026-01-05\n", "published: 2026-02-30\n", "published: [1]\n",
                     "title: x\n", "- a\n", "publised: 1\n", "source: {a: 1}\n", "key: 'unclosed\n", "&a [*a]\n"]),
    max_size=5,
)


@BOUNDED
@given(front=FRONT, fields=FIELDS, close=st.sampled_from(["---\n", "--- \n", ""]), body=st.binary(max_size=60))
def test_loader_accepts_or_refuses_with_location(front: str, fields: list[str], close: str, body: bytes) -> None:
    data = (front + "".join(fields) + close).encode("utf-8") + body
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.md"
        path.write_bytes(data)
        try:
            article = read_article_file(path, "a.md")
        except CheckerError as error:
            assert str(error).startswith("a.md")
            assert error.location is not None and error.location.line is not None
        else:
            assert article.source.strip()
            assert article.line_of(len(article.text)) >= article.line_base


@BOUNDED
@given(data=st.binary(max_size=300))
def test_loader_never_crashes_on_arbitrary_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.md"
        path.write_bytes(data)
        try:
            read_article_file(path, "a.md")
        except CheckerError as error:
            assert str(error).startswith("a.md:")
