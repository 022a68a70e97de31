"""Compiled rules: what a rule file becomes once validated. Built once per run."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

import regex

from checker.values.hedges import HedgeTable

FINDING_KINDS = ("contradiction", "single_source", "agreement")
DEFAULT_SEVERITY: Mapping[str, str] = {"contradiction": "error", "single_source": "warning", "agreement": "info"}


@dataclass(frozen=True)
class Pattern:
    """A trigger phrase and where the value must sit relative to it."""

    id: str
    trigger: regex.Pattern[str]
    source: str
    position: str = "either"
    max_words: int = 3
    forms: frozenset[str] | None = None
    unless: regex.Pattern[str] | None = None
    requires: regex.Pattern[str] | None = None
    # The pattern tells of a fall: its figure is read as a negative change.
    negative: bool = False
    # Added to the figure: "met on three previous occasions" counts the meetings before
    # this one, which is the fourth (``add: 1``).
    add: int = 0
    line: int = 0
    # Lower-case words every trigger match starts with, if known: a stretch of text
    # without any of them is not searched (see checker.rules.literals).
    opening_words: tuple[str, ...] | None = None


@dataclass(frozen=True)
class LabelPattern:
    """One surface form of a label of an enumerated claim ("visa-free" -> visa_free)."""

    label: str
    pattern: regex.Pattern[str]
    source: str


@dataclass(frozen=True)
class Counted:
    """What a figure counts, told by the words of its phrase (key part ``counted``).

    ``labels`` are tried in the phrase of each claim (see
    :mod:`checker.extract.counted`); a phrase naming one label takes it, one naming
    none takes ``default``, one naming several takes ``several`` (None: the key stays
    unresolved).
    """

    labels: tuple[tuple[str, tuple[regex.Pattern[str], ...]], ...]
    default: str | None = None
    several: str | None = None
    # The label that wins in a phrase naming others too ("a business delegation of 45
    # companies" counts companies).
    first: str | None = None


@dataclass(frozen=True)
class Announced:
    """What tells a policy still to come from the one in force (key part ``announced``).

    A claim whose clause matches one of ``cues`` ("will be able to", "from next year")
    and none of ``in_force`` ("took effect", "already") is keyed apart, as announced: a
    waiver from next year and the visa needed today are two facts, not a contradiction.
    """

    cues: tuple[regex.Pattern[str], ...]
    in_force: tuple[regex.Pattern[str], ...] = ()


@dataclass(frozen=True)
class Rule:
    """One claim type: how to find it, key it and compare it."""

    id: str
    type: str
    description: str
    kind: str
    path: str
    line: int
    patterns: tuple[Pattern, ...]
    forms: frozenset[str] | None = None
    units: frozenset[str] | None = None
    labels: tuple[LabelPattern, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    unless: tuple[regex.Pattern[str], ...] = ()
    # Where the vetoes (``unless``) are looked for: the whole sentence, or only the clause
    # holding the trigger and the value ("Investments exceed $35 billion, while trade
    # reached $6 billion": "investments" is in another clause than the trade figure).
    unless_scope: str = "sentence"
    requires: tuple[regex.Pattern[str], ...] = ()
    # When one matches the claim's sentence, a figure is read as a lower bound.
    at_least_when: tuple[regex.Pattern[str], ...] = ()
    # A value right after a match of one of these is not the claim's value ("since 2019").
    not_after: tuple[regex.Pattern[str], ...] = ()
    # The figure states a limit ("stays of up to 30 days"): "up to" gives the limit itself.
    limit: bool = False
    key: tuple[str, ...] = ()
    counted: Counted | None = None
    announced: Announced | None = None
    tolerance: float = 0.0
    cumulative: bool = False
    rounding: bool = False
    same_event_within_days: int | None = None
    # Cumulative counts reported within this many days of each other count the same
    # meetings: a larger one then contradicts, as it cannot be an update.
    no_update_within_days: int = 0
    severity: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_SEVERITY))
    examples: Mapping[str, Any] = field(default_factory=dict)
    # Line of each example ("claims", 0) etc., for failures that point at the example.
    example_lines: Mapping[tuple[str, int], int] = field(default_factory=dict)


@dataclass(frozen=True)
class Country:
    """A country (or party such as the EU) and the words that name it."""

    code: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    places: tuple[str, ...]


@dataclass(frozen=True)
class Person:
    """A person the checker can map to a country (leaders, ministers)."""

    name: str
    country: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """Rule data shared by all rules: entities, currency rates, hedges."""

    countries: tuple[Country, ...] = ()
    people: tuple[Person, ...] = ()
    rates: Mapping[tuple[str, str], tuple[float, float]] = field(default_factory=dict)
    hedges: HedgeTable | None = None


@dataclass(frozen=True)
class RuleSet:
    """Every rule of a rules folder plus its lexicon."""

    rules: tuple[Rule, ...]
    lexicon: Lexicon
    root: str

    def by_id(self, rule_id: str) -> Rule | None:
        """The rule with that id, or None."""
        return next((r for r in self.rules if r.id == rule_id), None)
