"""Recognizers-Text English date specs measured against ``checker.values.dates``.

Which cases count is :data:`SCOPE`, decided from what a news checker needs to read.

Comparison: spans are compared case-insensitively and up to a leading "on"/"in"/"the"
(the peer includes them inconsistently). The peer resolves an ambiguous expression to a
past and a future reading: ours may match either. Their range ends are exclusive for
whole periods ("February" ends on March 1) and inclusive for named days ("Oct 2 to Oct
22"); an end names a day, a month or a year (the unit of the timex duration), so our
inclusive end may be the day before theirs, theirs, or the last day of the unit it
names. Where we keep two readings of a weekday ("next Friday"), their day must be one of
ours. "N units ago/from now" is a tolerance set in our model: their exact day must lie
in it. Extractor cases have no reference date: we use the one a parser suite gives for
the same input, else 2016-11-07 (the date most parser cases use).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.peer.common import SuiteResult, load_cases
from checker.values.base import ScanContext, ValueMatch
from checker.values.dates import find_dates
from checker.values.types import DateSpan

SCOPE = (
    "Dates and date ranges a news article states about its story, in cases the peer's own Python "
    "port supports. Out: times of day, durations and sets (other result kinds); open-ended ranges "
    "(since, before, after, until, approximately); holidays, seasons, fiscal and school years, and "
    "invalid dates (no fixed days); ISO week numbers and 'the nth week of'; a day number without a "
    "month ('on 15', 'the 27th', 'second Sunday': floors, anniversaries and rankings in news); a "
    "day.month with a dot ('4.22': a decimal in news); years written in words; anaphoric or chat "
    "expressions not anchored at the publication date ('the next day', 'two days later', 'the "
    "week', 'my day', 'that weekend', 'the previous year', 'the following week'); business days. Cases expecting nothing count: they measure "
    "false alarms."
)
SPEC_DIR = "Specs/DateTime/English"
TARGET = 0.85
DEFAULT_REFERENCE = dt.date(2016, 11, 7)
DATE_KINDS = {"date", "daterange", "datetimeV2.date", "datetimeV2.daterange"}
OPEN_MODS = ("before", "after", "since", "until", "approx", "ref_undef", "less", "more")
HOLIDAYS = re.compile(
    r"christmas|easter|thanksgiving|halloween|independence|labou?r day|memorial day|new year|valentine|"
    r"mother'?s day|father'?s day|black friday|earth day|patrick|eid\b|yuandan|columbus|veteran|"
    r"martin luther|inauguration|groundhog|st\.? ?\w+'?s day|boxing day|cinco|hanukkah|ramadan|"
    r"\bday of\b|election day|tax day|workers'? day", re.IGNORECASE)
WEEK_NUMBER = re.compile(r"\bweek\s+\d|\b(?:first|second|third|fourth|fifth|last|\d+(?:st|nd|rd|th))\s+week\b",
                         re.IGNORECASE)
BARE_DAY = re.compile(
    r"^(?:on\s+|the\s+)*(?:(?:\d{1,2}(?:st|nd|rd|th)?)|(?:twenty|thirty)?[\s-]?(?:first|second|third|fourth|fifth|"
    r"sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|twentieth|thirtieth|one|two|thirty))"
    r"(?:\s+(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday))?$", re.IGNORECASE)
DOTTED = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}(?![\d.]|\.\d)")
ANAPHORIC = re.compile(
    r"^(?:(?:the|my|this|that|same|next|last|past)\s+)*day$|\bday\s+(?:before|after)$|\blater$"
    r"|^(?:my|that|same|the\s+same)\b|^(?:the\s+)?(?:week|month|year)$"
    r"|\b(?:previous|following)\s+(?:day|week|weekend|month|quarter|year|decade|[a-z]+day)\b", re.IGNORECASE)
SEASON = re.compile(r"\b(?:summer|winter|spring|autumn|fall)\b", re.IGNORECASE)
YEAR_WORDS = re.compile(r"\b(?:thousand|hundred|nineteen\s+(?:[a-z]+ty|ten|eleven|twelve|[a-z]+teen))\b", re.I)
AGO = re.compile(r"(?:\bago|from now|hence|(?:from|after|before)\s+(?:today|tomorrow|yesterday))$|^in\s", re.I)


@dataclass(frozen=True)
class Expected:
    """One expected result: its span and the day ranges it may resolve to (None: spans only)."""

    text: str
    start: int
    readings: tuple[tuple[dt.date, frozenset[dt.date]], ...] | None


def _date(value: Any) -> dt.date | None:
    """A resolution date; None for none or for the peer's mark of an invalid date (year 1)."""
    try:
        found = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
    return None if found.year == 1 else found


def _highs(end: dt.date, timex: str) -> frozenset[dt.date]:
    """Our inclusive end may be their end - 1 day, their end, or the last day of the unit it names."""
    highs = {end - dt.timedelta(days=1), end}
    unit = re.search(r"P\d+(?:\.\d+)?([DWMY])", timex or "")
    if end.day == 1 and (unit is None or unit.group(1) in "MY"):
        next_month = (end.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        highs.add(next_month - dt.timedelta(days=1))
        if end.month == 1 and unit is not None and unit.group(1) == "Y":
            highs.add(end.replace(month=12, day=31))
    return frozenset(highs)


def _readings(values: list[dict[str, Any]], timex: str) -> tuple[tuple[dt.date, frozenset[dt.date]], ...] | None:
    out = []
    for value in values:
        if "date" in value or "value" in value:
            d = _date(value.get("date", value.get("value")))
            if d is None:
                return None
            out.append((d, frozenset({d})))
        elif "startDate" in value or "start" in value:
            low = _date(value.get("startDate", value.get("start")))
            high = _date(value.get("endDate", value.get("end")))
            if low is None or high is None:
                return None
            out.append((low, _highs(high, value.get("timex", timex))))
    return tuple(out) or None


def _expected(result: dict[str, Any], spans_only: bool) -> Expected:
    start = result.get("Start", 0)
    if spans_only:
        return Expected(result["Text"], start, None)
    value = result.get("Value") or result.get("Resolution") or {}
    if "values" in value:
        return Expected(result["Text"], start, _readings(value["values"], ""))
    timex = value.get("Timex", "")
    resolutions = [value[k] for k in ("PastResolution", "FutureResolution") if value.get(k)]
    return Expected(result["Text"], start, _readings(resolutions, timex))


def out_of_scope(case: dict[str, Any], spans_only: bool) -> str | None:
    """Why a case does not count (None: it counts)."""
    if "python" in case.get("NotSupported", "").lower():
        return "not supported by the peer's Python port"
    for result in case["Results"]:
        text = result["Text"]
        kind = result.get("TypeName") or result.get("Type")
        values = (result.get("Value") or result.get("Resolution") or {})
        mods = [str(v.get("Mod", "")) for v in values.get("values", [])] if isinstance(values, dict) else []
        timex = str(values.get("Timex", "")) + " ".join(str(v.get("timex", "")) for v in values.get("values", []))
        checks: list[tuple[bool, str]] = [
            (kind not in DATE_KINDS, "not a date or date range"),
            (any(m.startswith(OPEN_MODS) for m in mods), "open-ended range"),
            (bool(HOLIDAYS.search(text)), "holiday"),
            (bool(WEEK_NUMBER.search(text)), "week number"),
            (bool(BARE_DAY.match(text.strip())) or "XXXX-XX-" in timex, "day number without a month"),
            (bool(DOTTED.search(text)), "day.month with a dot"),
            (bool(SEASON.search(text)), "season"),
            (bool(YEAR_WORDS.search(text)), "year written in words"),
            (bool(ANAPHORIC.search(text.strip())), "anaphoric or chat expression"),
            ("BD" in timex, "business days"),
            (not spans_only and _expected(result, False).readings is None,
             "no fixed days (season, fiscal year, invalid date)"),
        ]
        for failed, reason in checks:
            if failed:
                return reason
    return None


_LEAD = re.compile(r"^(?:(?:on|in|the)\s+)+", re.IGNORECASE)


def _core(start: int, text: str) -> tuple[int, str]:
    """A span without its leading "on"/"in"/"the"."""
    lead = _LEAD.match(text)
    cut = lead.end() if lead else 0
    return start + cut, text[cut:].lower()


def _value_ok(expected: Expected, match: ValueMatch) -> bool:
    if expected.readings is None:
        return True
    value = match.value
    if not isinstance(value, DateSpan) or value.low is None or value.high is None:
        return False
    for low, highs in expected.readings:
        if value.weekdays is None and value.low == low and value.high in highs:
            return True
        single = len(highs) == 1 and low in highs
        inside = value.low <= low <= value.high
        if single and value.weekdays is not None and inside and low.weekday() in value.weekdays:
            return (value.high - value.low).days <= 7
        if single and AGO.search(expected.text.strip()) and inside:
            return True
    return False


def references(spec_root: Path) -> dict[str, dt.date]:
    """Reference dates the parser suites give, by input: extractor cases have none."""
    out: dict[str, dt.date] = {}
    for name in ("DateParser", "DatePeriodParser", "DateTimeModel", "MergedParser"):
        for case in load_cases(spec_root, f"{SPEC_DIR}/{name}.json"):
            found = _date(case.get("Context", {}).get("ReferenceDateTime", ""))
            if found is not None:
                out.setdefault(case["Input"].lower(), found)
    return out


def check_case(case: dict[str, Any], spans_only: bool, known: dict[str, dt.date]) -> tuple[bool, str]:
    """Whether our matches give exactly the expected spans and values; and what we gave."""
    reference = _date(case.get("Context", {}).get("ReferenceDateTime", ""))
    published = reference or known.get(case["Input"].lower(), DEFAULT_REFERENCE)
    matches = find_dates(case["Input"], ScanContext(published), numeric_order="mdy")
    ours = {_core(m.start, m.text): m for m in matches}
    expected = [_expected(r, spans_only) for r in case["Results"]]
    ok = len(matches) == len(expected)
    for e in expected:
        match = ours.get(_core(e.start, e.text))
        ok = ok and match is not None and _value_ok(e, match)
    shown = ", ".join(f"{m.text!r}={m.value.display()}" for m in matches) or "nothing"
    return ok, shown


def run_suite(spec_root: Path, name: str, spans_only: bool, known: dict[str, dt.date]) -> SuiteResult:
    """One spec file: scope filter, then exact comparison of every in-scope case."""
    relative = f"{SPEC_DIR}/{name}.json"
    cases = load_cases(spec_root, relative)
    in_scope = passed = 0
    failures: list[str] = []
    for case in cases:
        if out_of_scope(case, spans_only) is not None:
            continue
        in_scope += 1
        ok, shown = check_case(case, spans_only, known)
        if ok:
            passed += 1
        elif len(failures) < 40:
            wanted = "; ".join(r["Text"] for r in case["Results"]) or "nothing"
            failures.append(f"{case['Input']!r}: expected {wanted}; got {shown}")
    return SuiteResult(name, relative, len(cases), in_scope, passed, TARGET, SCOPE, failures)


SUITES: tuple[tuple[str, bool], ...] = (
    ("DateExtractor", True),
    ("DateParser", False),
    ("DatePeriodExtractor", True),
    ("DatePeriodParser", False),
    ("DateTimeModel", False),
    ("MergedParser", False),
)


def run(spec_root: Path) -> list[SuiteResult]:
    """Every date suite under ``spec_root`` (the folder holding ``Specs/``)."""
    known = references(spec_root)
    return [run_suite(spec_root, name, spans_only, known) for name, spans_only in SUITES]


def scope_reasons(spec_root: Path) -> dict[str, dict[str, int]]:
    """How many cases each scope reason removes, per suite (for the report)."""
    out: dict[str, dict[str, int]] = {}
    for name, spans_only in SUITES:
        counts: dict[str, int] = {}
        for case in load_cases(spec_root, f"{SPEC_DIR}/{name}.json"):
            reason = out_of_scope(case, spans_only) or "in scope"
            counts[reason] = counts.get(reason, 0) + 1
        out[name] = counts
    return out


