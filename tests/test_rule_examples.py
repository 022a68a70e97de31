"""Every example in every shipped rule file is a test: one pytest id per example."""

from __future__ import annotations

import pytest

from checker.rules.examples import run_example
from checker.rules.loader import load_rules
from tests.conftest import RULES

RULESET = load_rules(RULES)
CASES = [
    pytest.param(rule, section, index, id=f"{rule.id}:{section}[{index}]")
    for rule in RULESET.rules
    for section in ("claims", "no_claims", "cases")
    for index in range(len(rule.examples.get(section, [])))
]


@pytest.mark.parametrize(("rule", "section", "index"), CASES)
def test_rule_example(rule, section: str, index: int) -> None:
    result = run_example(RULESET, rule, section, index)
    assert result.passed, f"{result.location}: {result.message}"


@pytest.mark.parametrize("rule", RULESET.rules, ids=lambda r: r.id)
def test_every_shipped_rule_has_enough_examples(rule) -> None:
    assert len(rule.examples["claims"]) >= 3
    assert len(rule.examples["no_claims"]) >= 2
    assert len(rule.examples["cases"]) >= 1
