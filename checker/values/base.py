"""What every value parser returns, and the context it reads text in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from checker.values.hedges import HedgeTable, default_table
from checker.values.types import Value


@dataclass(frozen=True)
class ValueMatch:
    """One value found in a text.

    ``start``/``end`` index the text that was scanned (``text[start:end] == self.text``)
    and cover the hedge too ("approximately 200"). ``hedge`` is the hedge phrase in
    lower case, or None.
    """

    start: int
    end: int
    text: str
    value: Value
    hedge: str | None = None

    @property
    def kind(self) -> str:
        return self.value.kind


@dataclass(frozen=True)
class ScanContext:
    """What a parser needs besides the text: the article's date and the vocabulary."""

    published: dt.date | None = None
    hedges: HedgeTable = field(default_factory=default_table)
