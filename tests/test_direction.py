"""Who needs a visa to enter where, read from one sentence (the ``direction`` key)."""

from __future__ import annotations

import pytest

from checker.extract.context import build_context
from checker.extract.direction import direction
from checker.extract.entities import build_gazetteer
from checker.rules.loader import load_rules
from tests.conftest import RULES

GAZETTEER = build_gazetteer(load_rules(RULES).lexicon)
INDIA_JAPAN = ("IN", "JP")


@pytest.mark.parametrize("sentence, pair, key", [
    ("Japanese citizens can now enter India visa-free.", INDIA_JAPAN, "Japan → India"),
    ("Indians still need a visa to visit Japan.", INDIA_JAPAN, "India → Japan"),
    ("Citizens of India will need visas.", INDIA_JAPAN, "India → Japan"),  # destination: the other of the pair
    ("Travel to Japan will stay visa-free.", INDIA_JAPAN, "India → Japan"),  # travellers: the other of the pair
    ("India's nationals may enter Tokyo without a visa.", None, "India → Japan"),
    ("Japan extended its visa exemption for Indian students.", None, "India → Japan, students"),
    ("Visa-free entry for Chinese group tourists to Seoul resumes.", None, "China → South Korea, group tourists"),
    ("China and Japan waived visas for each other's citizens.", None, "China ↔ Japan"),
    ("The two countries agreed a mutual visa waiver.", INDIA_JAPAN, "India ↔ Japan"),
    # "In either country" holds both ways; "transit" as a verb names no transit passengers.
    ("Indian and Japanese officials may enter, transit and stay in either country without a visa.", INDIA_JAPAN,
     "India ↔ Japan"),
    ("Indian transit passengers need no visa in Japan.", INDIA_JAPAN, "India → Japan, transit passengers"),
    # Both sides named: the article's pair is not needed.
    ("Brazilians need a visa to enter Japan.", INDIA_JAPAN, "Brazil → Japan"),
])
def test_direction_of_a_visa_policy(sentence: str, pair: tuple[str, str] | None, key: str) -> None:
    context = build_context(sentence, GAZETTEER)
    assert direction(sentence, context.sentences[0], pair, GAZETTEER) == (key, "")


@pytest.mark.parametrize("sentence, pair", [
    ("Visa rules were eased.", INDIA_JAPAN),  # nobody named
    ("Indians and Chinese need visas to enter Japan.", INDIA_JAPAN),  # two travellers
    ("Japanese citizens need visas.", None),  # destination unknown without a pair
    ("Indian citizens need visas to enter Japan, unlike Brazil.", None),  # a third country
])
def test_unclear_direction_compares_nothing(sentence: str, pair: tuple[str, str] | None) -> None:
    context = build_context(sentence, GAZETTEER)
    key, why = direction(sentence, context.sentences[0], pair, GAZETTEER)
    assert key is None and why
