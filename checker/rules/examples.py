"""Rule examples are tests: sentences with the claims they must yield, sentences that
must yield none, and small multi-article cases with the findings they must produce."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Iterator

from checker.errors import Location
from checker.frontmatter import parse_published
from checker.model import Article, line_starts_of
from checker.pipeline import check, extract_all
from checker.rules.model import Rule, RuleSet


@dataclass(frozen=True)
class ExampleResult:
    """The outcome of one example of one rule."""

    rule: str
    section: str
    index: int
    location: Location
    passed: bool
    message: str = ""

    @property
    def name(self) -> str:
        return f"{self.rule}:{self.section}[{self.index}]"


def run_examples(ruleset: RuleSet) -> Iterator[ExampleResult]:
    """Every example of every rule, each run with that rule alone."""
    for rule in ruleset.rules:
        yield from run_rule_examples(ruleset, rule)


def run_rule_examples(ruleset: RuleSet, rule: Rule) -> Iterator[ExampleResult]:
    """The examples of one rule."""
    for section in SECTIONS:
        for index in range(len(rule.examples.get(section, []))):
            yield run_example(ruleset, rule, section, index)


SECTIONS = ("claims", "no_claims", "cases")


def run_example(ruleset: RuleSet, rule: Rule, section: str, index: int) -> ExampleResult:
    """One example of one rule, run with that rule alone (and the folder's lexicon)."""
    alone = replace(ruleset, rules=(rule,))
    runner = {"claims": _claims_example, "no_claims": _no_claims_example, "cases": _case_example}[section]
    example = rule.examples[section][index]
    where = Location(rule.path, rule.example_lines.get((section, index), rule.line))
    try:
        problem = runner(alone, example)
    except Exception as exc:  # noqa: BLE001 - a crashing example is a failing example
        problem = f"raised {type(exc).__name__}: {exc}"
    return ExampleResult(rule.id, section, index, where, problem is None, problem or "")


def _article(text: str, published: Any, source: str = "example", article_id: str = "example") -> Article:
    date = parse_published(published, Location("example")) if published is not None else None
    return Article(id=article_id, path=f"<{article_id}>", source=source, published=date, text=text, line_starts=line_starts_of(text))


def _claims_example(ruleset: RuleSet, example: dict[str, Any]) -> str | None:
    claims = extract_all([_article(example["text"], example.get("published"))], ruleset)
    got = [{"value": c.value.display(), "text": c.text, "key": c.key} for c in claims]
    return _match_exactly(example["expect"], got, "claim")


def _no_claims_example(ruleset: RuleSet, example: Any) -> str | None:
    text, published = (example, None) if isinstance(example, str) else (example["text"], example.get("published"))
    claims = extract_all([_article(text, published)], ruleset)
    if claims:
        return "expected no claim, got " + ", ".join(f"{c.text!r} -> {c.value.display()} ({c.key})" for c in claims)
    return None


def _case_example(ruleset: RuleSet, example: dict[str, Any]) -> str | None:
    articles = [
        _article(a["text"], a.get("published"), a["source"], a.get("id", f"a{i + 1}"))
        for i, a in enumerate(example["articles"])
    ]
    report = check(articles, ruleset)
    got = [
        {"kind": f.kind, "key": f.key, "values": sorted(g.value for g in f.groups)}
        for f in report.findings
    ]
    expected = [{k: sorted(v) if k == "values" else v for k, v in want.items()} for want in example["expect"]]
    return _match_exactly(expected, got, "finding")


def _match_exactly(expected: list[dict[str, Any]], got: list[dict[str, Any]], what: str) -> str | None:
    """None when every expectation matches one distinct result and nothing is left over.

    An expectation names only the fields it cares about; the others may be anything.
    """
    unmatched = list(got)
    for want in expected:
        hit = next((g for g in unmatched if all(g.get(k) == v for k, v in want.items())), None)
        if hit is None:
            return f"expected a {what} {want}, got {got or f'no {what}s'}"
        unmatched.remove(hit)
    return f"unexpected {what}s {unmatched}" if unmatched else None


