"""The opening words of triggers: a text without one of them is not searched, so the
list must hold for every match, and be refused whenever it is not certain."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
import regex

from checker.corpus import load_corpus
from checker.extract.claims import Extractor
from checker.model import Article, line_starts_of
from checker.rules.literals import opening_words
from checker.rules.loader import REGEX_FLAGS, load_rules
from tests.conftest import ARTICLES, REPO, RULES


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\btrade\b", ("trade",)),
        (r"\bvisas?\b", ("visa",)),
        (r"\b(?:grew|Rose|increased)\s+by\b", ("grew", "increased", "rose")),
        (r"\b(?:held|hold)\s+(?:\w+\s+){0,2}talks", ("held", "hold")),
        (r"(?<![\w-])delegations?\s+of", ("delegation",)),
        (r"\b(?:(?:face|in)-to\b|bilateral)", ("bilateral", "face-to", "in-to")),
        # Openings that are no plain word: no list.
        (r"\b-?strong\b", None),
        (r"\b[Vv]isa\b", None),
        (r"\b(?:met|a)\b", None),  # "a" is too short to rule anything out
        (r"\bvisa|.*\bfree", None),
        (r"\p{Lu}\w+ said", None),  # not Python syntax: no list, never an error
        (r"(", None),
        (r"\bcafé\b", None),  # not ASCII: lower-casing may not keep offsets
    ],
)
def test_opening_words(pattern: str, words: tuple[str, ...] | None) -> None:
    assert opening_words(pattern) == words


TEXTS = [
    "They grew by 3%. Trade ROSE BY 5% and INCREASED by 2%. Visas were waived.",
    "The face-to-face meeting, their second bilateral summit, came after talks in Nairobi.",
    "A 200-strong delegation of business leaders signed deals worth $5 billion.",
    "Xi met Lee twice; they have held talks three times since 2019 in Seoul.",
]


def test_every_shipped_trigger_match_starts_with_an_opening_word() -> None:
    checked = 0
    for rule in load_rules(RULES).rules:
        for pattern in rule.patterns:
            words = pattern.opening_words
            if words is None:
                continue
            compiled = regex.compile(pattern.source, REGEX_FLAGS)
            for text in TEXTS + [str(e if isinstance(e, str) else e["text"]) for e in rule.examples.get("claims", [])]:
                for m in compiled.finditer(text):
                    assert any(text.lower().startswith(w, m.start()) for w in words), (rule.id, pattern.id, m.group(0))
                    checked += 1
    assert checked > 20


def test_claims_are_the_same_with_and_without_the_prefilter() -> None:
    ruleset = load_rules(RULES)
    plain = dataclasses.replace(
        ruleset,
        rules=tuple(
            dataclasses.replace(r, patterns=tuple(dataclasses.replace(p, opening_words=None) for p in r.patterns))
            for r in ruleset.rules
        ),
    )
    folders = [ARTICLES, *sorted((REPO / "tests" / "data" / "unseen").iterdir())]
    corpus = [a for folder in folders for a in load_corpus(folder)]
    extra = [
        Article(id=f"t{i}", path=f"t{i}.md", source="Wire", published=dt.date(2025, 5, 8), text=t, line_starts=line_starts_of(t))
        for i, t in enumerate(TEXTS)
    ]
    with_words, without = Extractor(ruleset), Extractor(plain)
    claims = 0
    for article in corpus + extra:
        found = with_words.extract(article)
        assert found == without.extract(article), article.id
        claims += len(found)
    assert claims > 50
