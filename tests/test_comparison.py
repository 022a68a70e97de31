"""A rule's comparison options on top of set intersection."""

from __future__ import annotations

from dataclasses import replace

import pytest

from checker.comparison import Comparator
from checker.rules.loader import load_rules
from checker.values.types import Compat, Interval, Quantity
from tests.conftest import RULES

GROWTH = load_rules(RULES).by_id("trade-growth")


def percent(low: float, high: float | None = None) -> Quantity:
    return Quantity("percent", Interval(low, low if high is None else high))


@pytest.mark.parametrize("a, b, verdict", [
    (percent(3.1), percent(3), Compat.COMPATIBLE),  # 3 is 3.1 rounded
    (percent(3.49), percent(3), Compat.COMPATIBLE),
    (percent(3.5), percent(3), Compat.COMPATIBLE),  # 3.46 fits both
    (percent(3.6), percent(3), Compat.INCOMPATIBLE),
    (percent(3), percent(4), Compat.INCOMPATIBLE),
    (percent(12.25), percent(12.3), Compat.COMPATIBLE),
    (percent(12.2), percent(12.3), Compat.INCOMPATIBLE),
    (percent(250), percent(251), Compat.INCOMPATIBLE),
    (percent(2.7, 3.3), percent(3.3), Compat.COMPATIBLE),  # "about 3%"
    (percent(2.7, 3.3), percent(3.4), Compat.INCOMPATIBLE),  # a hedged range is not widened again
])
def test_rounding_reads_a_figure_as_written(a: Quantity, b: Quantity, verdict: Compat) -> None:
    comparator = Comparator(GROWTH, {})
    assert GROWTH.rounding
    assert comparator.verdict(a, b) is verdict
    assert comparator.verdict(b, a) is verdict


def test_without_rounding_figures_are_exact() -> None:
    exact = Comparator(replace(GROWTH, rounding=False), {})
    assert exact.verdict(percent(3.1), percent(3)) is Compat.INCOMPATIBLE
