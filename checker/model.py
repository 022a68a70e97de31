"""The data model: articles, claims and findings. All frozen; built once, never mutated."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from checker.values.types import Value


@dataclass(frozen=True)
class Article:
    """One article of the corpus.

    ``text`` is the body (front matter removed, line endings as ``\\n``). ``line_base``
    is the 1-based file line of the body's first character and ``line_starts`` the body
    offsets where lines begin, so a body offset maps back to a line of the file.
    """

    id: str
    path: str
    source: str
    published: dt.date | None
    text: str
    title: str | None = None
    url: str | None = None
    line_base: int = 1
    line_starts: tuple[int, ...] = (0,)

    def line_of(self, offset: int) -> int:
        """The 1-based line of the source file that holds body offset ``offset``."""
        return self.line_base + bisect.bisect_right(self.line_starts, offset) - 1


def line_starts_of(text: str) -> tuple[int, ...]:
    """Offsets at which the lines of ``text`` begin."""
    starts = [0]
    find = text.find
    pos = find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return tuple(starts)


@dataclass(frozen=True)
class Claim:
    """One assertion found in an article: a typed, keyed, normalized value with its evidence.

    ``key`` is None when the qualifiers could not be resolved; such a claim is listed but
    compared with nothing, and ``note`` says why.
    """

    id: str
    article: str
    type: str
    rule: str
    key: str | None
    text: str
    value: Value
    hedge: str | None
    quote: str
    start: int
    end: int
    line: int
    as_of: dt.date | None
    trigger: str = ""
    note: str | None = None
    # Offset of ``quote`` in the body, so the value can be found inside its quote.
    quote_start: int = 0
    # Keys of other groups the claim is compared in too, when they have claims of their
    # own (a visa policy both ways, in each one-way group). Not part of the output.
    also_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class FindingGroup:
    """Claims that agree with each other (their values intersect)."""

    value: str
    claims: tuple[str, ...]
    articles: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Finding:
    """An agreement, contradiction or single-source claim, with its evidence groups."""

    id: str
    kind: str
    rule: str
    type: str
    key: str
    severity: str
    message: str
    groups: tuple[FindingGroup, ...]


@dataclass(frozen=True)
class Report:
    """Everything one run produced: the input articles, the claims and the findings."""

    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    duplicate_of: dict[str, str] = field(default_factory=dict)
