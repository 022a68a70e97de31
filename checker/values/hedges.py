"""Hedge words ("about", "more than", "nearly") and the intervals they make.

The vocabulary and widths are data (``checker/data/hedges.yaml``); a rules folder can
override them. A hedge is recognised only immediately before a figure, so the scanner
asks :func:`hedge_before` for the words that end where a figure starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping


from checker.data import shipped_yaml
from checker.values.types import Interval

MODES = ("around", "nearly", "just_over", "just_under", "above", "at_least", "at_most", "below")


@dataclass(frozen=True)
class Hedge:
    """One hedge phrase: how it turns a figure into a set."""

    phrase: str
    mode: str
    width: float = 0.0

    def apply(self, interval: Interval) -> Interval:
        """The set a hedged figure stands for.

        ``interval`` is the figure's own set: a point ("200") or its rounding interval
        ("1.5 billion" = [1.45, 1.55] billion). Widths are taken from the figure's middle,
        and the result always contains the whole rounding interval, so "more than 1.5
        billion" admits 1.47 billion rather than refusing everything below 1.55 billion.
        """
        low, high = interval.low, interval.high
        if low is None or high is None:
            return interval
        middle = (low + high) / 2
        spread = abs(middle) * self.width
        if self.mode == "around":
            return Interval(min(low, middle - spread), max(high, middle + spread))
        if self.mode == "nearly":
            return Interval(min(low, middle - spread), high)
        if self.mode == "just_over":
            return Interval(low, max(high, middle + spread), low_open=low == high)
        if self.mode == "just_under":
            return Interval(min(low, middle - spread), high, high_open=low == high)
        if self.mode == "above":
            return Interval(low, None, low_open=low == high)
        if self.mode == "at_least":
            return Interval(low, None)
        if self.mode == "at_most":
            return Interval(None, high)
        if self.mode == "below":
            return Interval(None, high, high_open=low == high)
        raise ValueError(f"unknown hedge mode {self.mode!r}")


@dataclass(frozen=True)
class HedgeTable:
    """All known hedges, with one compiled pattern that finds them before a figure."""

    hedges: Mapping[str, Hedge]
    pattern: re.Pattern[str]

    def before(self, text: str, start: int) -> tuple[Hedge, int] | None:
        """The hedge that ends right before ``text[start:]`` (spaces allowed), and where it starts."""
        window_start = max(0, start - 40)
        m = self.pattern.search(text, window_start, start)
        # The pattern is anchored at the end of the window: it must touch the figure.
        if m is None:
            return None
        phrase = re.sub(r"\s+", " ", m.group("hedge").lower())
        return self.hedges[phrase], m.start("hedge")


def build_table(entries: Mapping[str, Mapping[str, object]]) -> HedgeTable:
    """Compile a hedge table from ``{phrase: {mode, width}}`` data."""
    hedges: dict[str, Hedge] = {}
    for phrase, spec in entries.items():
        mode = str(spec.get("mode"))
        if mode not in MODES:
            raise ValueError(f"hedge {phrase!r}: unknown mode {mode!r}; expected one of {', '.join(MODES)}")
        hedges[phrase.lower()] = Hedge(phrase.lower(), mode, float(spec.get("width", 0.0) or 0.0))
    # Longest phrase first so that "just over" wins over "over".
    alternatives = sorted(hedges, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in alternatives)
    pattern = re.compile(rf"(?<![\w-])(?P<hedge>{body})\s+$", re.IGNORECASE)
    return HedgeTable(hedges, pattern)


@lru_cache(maxsize=1)
def default_table() -> HedgeTable:
    """The shipped hedge table (``checker/data/hedges.yaml``)."""
    return build_table(shipped_yaml("hedges.yaml")["hedges"])
