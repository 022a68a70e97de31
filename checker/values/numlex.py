"""The number vocabulary (``checker/data/numbers.yaml``), loaded once.

Every number word gets a *kind* (``unit``, ``tens``, ``scale``, ``ordinal`` ...) and a
value, so the grammar in :mod:`checker.values.numphrase` reads word classes, never
spellings. Adding a word or a scale is a data change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from checker.data import shipped_yaml


@dataclass(frozen=True)
class NumberLexicon:
    """Lookup tables of the number grammar: lower-case word -> (kind, value).

    Kinds: ``unit``, ``teen``, ``tens``, ``hundred``, ``scale``, ``dozen``, ``ordinal``,
    ``scale_ordinal`` ("hundredth"), ``ordinal_plural`` and ``fraction`` (they only ever
    mark fractions: "fifths", "quarters"), ``half``, ``multiplicative`` ("twice"),
    ``times`` ("times", "fold"), ``sign`` ("minus"), ``decimal`` ("point") and
    ``article`` ("a", "an").
    """

    words: Mapping[str, tuple[str, float]]
    glued_scales: Mapping[str, float]
    letter_scales: Mapping[str, float]
    ordinal_suffixes: tuple[str, ...]
    clock_words: tuple[str, ...]
    no_space_grouping_after: frozenset[str]
    not_name_words: frozenset[str]
    rank_markers: tuple[str, ...]
    count_compounds: frozenset[str]
    joiners: tuple[str, ...]
    pronoun_numbers: frozenset[str]
    range_words: tuple[str, ...]
    range_openers: tuple[str, ...]
    hedged_range_modes: frozenset[str]
    hedged_range_words: frozenset[str]
    bare_range_words: frozenset[str]
    range_change_words: frozenset[str]
    range_change_nouns: frozenset[str]
    fraction_tail_words: tuple[str, ...]
    year_like: tuple[int, int]
    year_ambiguous_hedges: frozenset[str]

    def kind(self, word: str) -> tuple[str, float] | None:
        """The class and value of a word, or None when it is not a number word."""
        return self.words.get(word.lower())

    def words_of(self, *kinds: str) -> list[str]:
        """All words of the given classes."""
        return [w for w, (k, _) in self.words.items() if k in kinds]


_BLANKS = re.compile(r"\s+")


def normalize(word: str) -> str:
    """Lookup key of a matched word or phrase: lower case, single blanks."""
    return _BLANKS.sub(" ", word.strip().lower())


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, factored as a prefix tree.

    The tree form ("t(?:en|h(?:irteen|ree))") fails after one character at most positions
    instead of trying every word, and a longer word is always tried before its prefix
    ("sixteen" before "six").
    """
    trie: dict[str, Any] = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: Mapping[str, Any]) -> str:
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # An end of word here ("six" inside "sixteen") is tried after the longer branches.
    return f"(?:{body})?" if "" in node else body


def build_lexicon(raw: Mapping[str, Any]) -> NumberLexicon:
    """Build the lookup tables from the YAML mapping."""
    words: dict[str, tuple[str, float]] = {}

    def add(kind: str, table: Mapping[str, Any] | Iterable[str], value: float | None = None) -> None:
        items = table.items() if isinstance(table, Mapping) else ((w, value) for w in table)
        for word, val in items:
            key = str(word).lower()
            if key in words:
                raise ValueError(f"numbers.yaml: word {key!r} is listed twice")
            words[key] = (kind, float(val if val is not None else 0))

    add("unit", raw["units"])
    add("teen", raw["teens"])
    add("tens", raw["tens"])
    add("hundred", raw["hundred"], 100)
    add("scale", raw["scales"])
    add("dozen", raw["dozens"])
    add("ordinal", raw["ordinals"])
    add("scale_ordinal", raw["scale_ordinals"])
    # Plural ordinals are denominators of fractions ("three fifths", "two hundredths").
    plural = {f"{w}s": 0 for w in [*raw["ordinals"], *raw["scale_ordinals"]] if w not in ("first", "second")}
    add("ordinal_plural", plural)
    add("fraction", raw["fraction_words"], 0)
    add("half", raw["half_words"])
    add("multiplicative", raw["multiplicatives"])
    add("times", raw["times_words"], 0)
    add("sign", raw["sign_words"], -1)
    add("decimal", raw["decimal_words"], 0)
    add("article", raw["articles"], 1)
    return NumberLexicon(
        words=words,
        glued_scales={str(k).lower(): float(v) for k, v in raw["glued_scales"].items()},
        letter_scales={str(k).lower(): float(v) for k, v in raw["letter_scales"].items()},
        ordinal_suffixes=tuple(raw["ordinal_suffixes"]),
        clock_words=tuple(str(w).lower() for w in raw["clock_words"]),
        no_space_grouping_after=frozenset(str(w).lower() for w in raw["no_space_grouping_after"]),
        not_name_words=frozenset(str(w).lower() for w in raw["not_name_words"]),
        rank_markers=tuple(str(w).lower() for w in raw["rank_markers"]),
        count_compounds=frozenset(str(w).lower() for w in raw["count_compounds"]),
        joiners=tuple(str(w).lower() for w in raw["joiners"]),
        pronoun_numbers=frozenset(str(w).lower() for w in raw["pronoun_numbers"]),
        range_words=tuple(str(w).lower() for w in raw["range_words"]),
        range_openers=tuple(str(w).lower() for w in raw["range_openers"]),
        hedged_range_modes=frozenset(str(w) for w in raw["hedged_range_modes"]),
        hedged_range_words=frozenset(str(w).lower() for w in raw["hedged_range_words"]),
        bare_range_words=frozenset(str(w).lower() for w in raw["bare_range_words"]),
        range_change_words=frozenset(str(w).lower() for w in raw["range_change_words"]),
        range_change_nouns=frozenset(str(w).lower() for w in raw["range_change_nouns"]),
        fraction_tail_words=tuple(str(w).lower() for w in raw["fraction_tail_words"]),
        year_like=(int(raw["year_like"][0]), int(raw["year_like"][1])),
        year_ambiguous_hedges=frozenset(str(w).lower() for w in raw["year_ambiguous_hedges"]),
    )


def load_yaml(name: str) -> Any:
    """A YAML file shipped in ``checker/data``."""
    return shipped_yaml(name)


@lru_cache(maxsize=1)
def lexicon() -> NumberLexicon:
    """The shipped number vocabulary."""
    return build_lexicon(load_yaml("numbers.yaml"))
