"""Sets of days with calendar constraints: when two of them share a day, and how they show."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.values.types import Compat, DateSpan, compatible, dates_intersect

D = dt.date
MON, TUE, SUN = 0, 1, 6


def days(low: dt.date | None = None, high: dt.date | None = None, *, weekdays: set[int] | None = None,
         months: set[int] | None = None, month_days: set[tuple[int, int]] | None = None) -> DateSpan:
    return DateSpan(low, high, None if weekdays is None else frozenset(weekdays),
                    None if months is None else frozenset(months),
                    None if month_days is None else frozenset(month_days))


def day(year: int, month: int, day_: int) -> DateSpan:
    return days(D(year, month, day_), D(year, month, day_))


JAN_5 = days(month_days={(1, 5)})
MONDAY_JAN_5 = days(month_days={(1, 5)}, weekdays={MON})
FEB_29 = days(month_days={(2, 29)})
NOVEMBER = days(months={11})

# (a, b, share a day?) -- 2026-01-05 is a Monday, 2027-01-05 a Tuesday, 2025-11-01 a
# Saturday; the only February 29 on a Monday between 2000 and 2039 is in 2016.
CASES = [
    # A month of some year against dated days and ranges.
    (NOVEMBER, day(2025, 11, 1), True),
    (NOVEMBER, day(2025, 12, 1), False),
    (NOVEMBER, days(D(2025, 10, 25), D(2025, 11, 1)), True),
    (NOVEMBER, days(D(2025, 12, 15), D(2026, 1, 10)), False),  # across a year end, no November
    (days(months={1}), days(D(2025, 12, 15), D(2026, 1, 10)), True),
    (days(months={12, 1}), days(D(2025, 12, 31), D(2026, 1, 1)), True),
    (days(months={11}, weekdays={SUN}), day(2025, 11, 1), False),  # a Saturday
    (days(months={11}, weekdays={SUN}), days(D(2025, 11, 1), D(2025, 11, 2)), True),
    (NOVEMBER, days(None, D(2020, 3, 1)), True),  # an open range holds a whole November
    (NOVEMBER, days(D(2030, 12, 1), None), True),
    (NOVEMBER, days(D(2020, 1, 1), D(2035, 12, 31), months={6}), False),
    # A day of some year against dated days and ranges.
    (JAN_5, day(2026, 1, 5), True),
    (JAN_5, day(2026, 1, 6), False),
    (JAN_5, days(D(2026, 1, 6), D(2026, 12, 31)), False),
    (JAN_5, days(D(2026, 1, 6), D(2027, 1, 5)), True),
    # With a weekday: only the years where that day falls on it.
    (MONDAY_JAN_5, day(2026, 1, 5), True),
    (MONDAY_JAN_5, day(2027, 1, 5), False),
    (MONDAY_JAN_5, days(D(2026, 1, 1), D(2026, 12, 31)), True),
    (MONDAY_JAN_5, days(D(2027, 1, 1), D(2027, 12, 31)), False),
    (MONDAY_JAN_5, days(D(2027, 1, 1), D(2031, 12, 31)), False),  # Tue, Wed, Fri, Sat, Sun
    (MONDAY_JAN_5, days(D(2027, 1, 1), D(2032, 1, 5)), True),
    (MONDAY_JAN_5, days(D(2026, 1, 6), None), True),
    (MONDAY_JAN_5, days(None, D(2026, 1, 4)), True),
    # February 29 needs a leap year.
    (FEB_29, day(2024, 2, 29), True),
    (FEB_29, days(D(2025, 1, 1), D(2027, 12, 31)), False),
    (FEB_29, days(D(2023, 6, 1), D(2024, 3, 1)), True),
    (days(month_days={(2, 29)}, weekdays={MON}), days(D(2000, 1, 1), D(2015, 12, 31)), False),
    (days(month_days={(2, 29)}, weekdays={MON}), days(D(2000, 1, 1), D(2016, 12, 31)), True),
    (days(month_days={(2, 29)}, weekdays={MON}), days(), True),
    (days(month_days={(2, 30)}), days(), False),  # no year has it
    # Constraints against constraints.
    (NOVEMBER, days(month_days={(11, 3)}), True),
    (NOVEMBER, days(month_days={(12, 3)}), False),
    (FEB_29, days(months={3}), False),
    (JAN_5, days(month_days={(1, 5), (1, 6)}), True),
    (JAN_5, days(month_days={(1, 6)}), False),
    (days(weekdays={MON}), JAN_5, True),
    (MONDAY_JAN_5, days(weekdays={TUE}), False),
    (days(months={11}, weekdays={SUN}), days(month_days={(11, 1)}), True),  # some year's Nov 1 is a Sunday
    # Plain ranges and weekdays behave as before.
    (days(weekdays={MON}), day(2026, 1, 5), True),
    (days(weekdays={MON}), day(2026, 1, 6), False),
    (days(D(2026, 1, 6), D(2026, 1, 10), weekdays={MON}), days(), False),
    (day(2026, 1, 5), days(D(2026, 1, 1), D(2026, 1, 31)), True),
    (day(2026, 1, 5), day(2026, 1, 6), False),
]


@pytest.mark.parametrize("a, b, shared", CASES)
def test_sets_share_a_day_exactly(a: DateSpan, b: DateSpan, shared: bool) -> None:
    assert dates_intersect(a, b) is shared
    assert dates_intersect(b, a) is shared  # symmetric
    assert compatible(a, b) is (Compat.COMPATIBLE if shared else Compat.INCOMPATIBLE)


@pytest.mark.parametrize("span, shown", [
    (day(2026, 1, 5), "2026-01-05"),
    (days(D(2025, 11, 1), D(2025, 11, 30)), "2025-11-01..2025-11-30"),
    (days(weekdays={MON}), "Mon"),
    (days(D(2026, 1, 9), D(2026, 1, 16), weekdays={4}), "Fri 2026-01-09..2026-01-16"),
    (days(None, D(2024, 1, 5)), "…..2024-01-05"),
    (NOVEMBER, "Nov"),
    (days(months={7, 8, 9}), "Jul/Aug/Sep"),
    (JAN_5, "Jan-05"),
    (MONDAY_JAN_5, "Mon Jan-05"),
    (days(month_days={(11, d) for d in range(10, 21)} | {(12, 1)}), "Nov-10..Nov-20/Dec-01"),
    (days(), "any day"),
])
def test_display(span: DateSpan, shown: str) -> None:
    assert span.display() == shown


def test_old_positional_form_still_builds_a_weekday_set() -> None:
    span = DateSpan(None, None, frozenset({MON}))
    assert (span.months, span.month_days, span.kind) == (None, None, "date")
