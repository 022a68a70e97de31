"""Claims found a batch of articles at a time (their values scanned joined) are the
claims found article by article."""

from __future__ import annotations

import dataclasses
import datetime as dt

from checker.corpus import load_corpus
from checker.extract.claims import Extractor
from checker.model import Article, line_starts_of
from checker.pipeline import extract_all
from checker.rules.loader import load_rules
from tests.conftest import ARTICLES, REPO, RULES

TEXTS = [
    "Trade between the two countries reached about $5 billion last year. They met on Monday",
    "Officials said more than",
    "200 delegates attended the talks on Tuesday, and the two sides signed 15 agreements.",
    "The talks were the third this year.\n\nVisa-free entry will last 30 days.",
]


def corpus() -> list[Article]:
    folders = [ARTICLES, *sorted((REPO / "tests" / "data" / "unseen").iterdir())]
    articles = [a for folder in folders for a in load_corpus(folder)]
    written = [
        Article(id=f"w{i}", path=f"w{i}.md", source="Wire", published=dt.date(2025, 5, 8), text=t,
                line_starts=line_starts_of(t))
        for i, t in enumerate(TEXTS)
    ]
    # The same articles again, all of one date, so that a batch joins many of them.
    same_day = [dataclasses.replace(a, id=f"{a.id}-same", published=dt.date(2025, 5, 8)) for a in articles]
    return articles + written + same_day


def test_a_batch_gives_each_article_its_own_claims() -> None:
    extractor = Extractor(load_rules(RULES))
    articles = corpus()
    one_by_one = [extractor.extract(article) for article in articles]
    assert extractor.extract_many(articles) == one_by_one
    assert sum(map(len, one_by_one)) > 50


def test_a_run_in_batches_finds_the_claims_of_a_run_article_by_article() -> None:
    ruleset = load_rules(RULES)
    extractor = Extractor(ruleset)
    articles = corpus()
    assert extract_all(articles, ruleset) == [c for a in articles for c in extractor.extract(a)]
