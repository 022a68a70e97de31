"""The bundled corpus: what a careful reader finds in it, and one-fact mutations of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.corpus import load_corpus
from checker.pipeline import check
from checker.rules.loader import load_rules
from tests.conftest import ARTICLES, RULES

RULESET = load_rules(RULES)


def seed_report(tmp_path: Path | None = None, article: str | None = None, old: str = "", new: str = ""):
    folder = ARTICLES
    if article is not None and tmp_path is not None:
        folder = tmp_path / "articles"
        folder.mkdir()
        for path in ARTICLES.glob("*.md"):
            text = path.read_text(encoding="utf-8")
            if path.stem == article:
                assert text.count(old) == 1, f"{old!r} must occur once in {article}"
                text = text.replace(old, new)
            (folder / path.name).write_text(text, encoding="utf-8")
    return check(load_corpus(folder), RULESET)


def by_type(report, kind: str) -> dict[str, list]:
    found: dict[str, list] = {}
    for f in report.findings:
        if f.kind == kind:
            found.setdefault(f.type, []).append(f)
    return found


def test_no_contradiction_in_the_seed_corpus() -> None:
    assert by_type(seed_report(), "contradiction") == {}


def test_seed_agreements() -> None:
    agreements = by_type(seed_report(), "agreement")
    [count] = agreements["meeting.count"]
    assert count.groups[0].value == "2"
    assert len(count.groups[0].sources) == 4
    [documents] = agreements["agreements.signed"]
    assert documents.groups[0].value == "15"
    assert set(documents.groups[0].sources) == {"Unattributed commentary A", "Unattributed commentary B", "Xinhua"}
    dates = {f.key: f for f in agreements["meeting.date"]}
    beijing = dates["in China"]
    assert beijing.groups[0].value == "2026-01-05"
    # The undated commentary's weekday-only "Monday" is part of the agreement.
    assert "Unattributed commentary A" in beijing.groups[0].sources


def test_seed_gyeongju_summit_agreement() -> None:
    dates = {f.key: f for f in by_type(seed_report(), "agreement")["meeting.date"]}
    gyeongju = dates["in South Korea"]
    # China Daily dates it (November 2025); the undated commentary says only "November".
    assert set(gyeongju.groups[0].sources) >= {"China Daily", "Unattributed commentary A"}


def test_seed_single_source_claims() -> None:
    single = by_type(seed_report(), "single_source")
    assert single["visa.policy"][0].groups[0].sources == ("Unattributed commentary A",)
    assert single["trade.value"][0].groups[0].value == "CNY 2.14 trillion = USD 306 billion"
    assert single["trade.growth"][0].groups[0].value == "1.6%"
    assert single["delegation.size"][0].groups[0].value == "[180, 220]"
    assert single["delegation.size"][0].groups[0].sources == ("Unattributed commentary B",)


MUTATIONS = [
    ("003_9a8bc2fc73d723d9", "signing of 15 cooperation documents", "signing of 12 cooperation documents", "agreements.signed"),
    ("003_9a8bc2fc73d723d9", "on Monday, Jan. 5, 2026", "on Tuesday, Jan. 6, 2026", "meeting.date"),
    ("004_57c3aebd17ebb048", '"the first summit"', '"the third summit"', "meeting.count"),
    ("001_807306f16bda8665", "signed 15 cooperation documents", "signed 16 cooperation documents", "agreements.signed"),
]


@pytest.mark.parametrize(("article", "old", "new", "claim_type"), MUTATIONS, ids=[m[3] + ":" + m[2] for m in MUTATIONS])
def test_one_changed_fact_gives_exactly_one_contradiction(tmp_path: Path, article: str, old: str, new: str, claim_type: str) -> None:
    contradictions = [f for f in seed_report(tmp_path, article, old, new).findings if f.kind == "contradiction"]
    assert [f.type for f in contradictions] == [claim_type]
    assert any(article in g.articles for g in contradictions[0].groups)
