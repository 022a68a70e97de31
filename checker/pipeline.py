"""The whole job as one function: rules + corpus -> claims -> report. No I/O besides reading."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from checker.corpus import load_corpus
from checker.engine import build_report
from checker.extract.claims import Extractor
from checker.model import Article, Claim, Report
from checker.rules.loader import load_rules
from checker.rules.model import RuleSet


Progress = Callable[[Iterable[Article]], Iterable[Article]]


def extract_all(articles: Sequence[Article], ruleset: RuleSet, progress: Progress | None = None) -> list[Claim]:
    """Every claim of every article (a per-article map: articles are independent)."""
    extractor = Extractor(ruleset)
    claims: list[Claim] = []
    for article in progress(articles) if progress else articles:
        claims.extend(extractor.extract(article))
    return claims


def check(articles: Sequence[Article], ruleset: RuleSet, progress: Progress | None = None) -> Report:
    """Extract and compare: the report for a loaded corpus. ``progress`` wraps the
    article loop (a progress bar), and changes nothing else."""
    with _few_collections():
        return build_report(articles, extract_all(articles, ruleset, progress), ruleset)


@contextmanager
def _few_collections() -> Iterator[None]:
    """Run with the garbage collector's thresholds raised, then restore them.

    A run builds hundreds of thousands of small objects that live to its end (matches,
    claims); with the default thresholds the collector scans them over and over, which
    costs a quarter of a large run. Nothing here makes reference cycles that need
    collecting early.
    """
    saved = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*saved)


def check_paths(articles: Path, rules: Path, *, max_article_bytes: int, follow_symlinks: bool = False) -> Report:
    """Load rules first (a broken rule stops the run before any work), then the corpus."""
    ruleset = load_rules(rules)
    corpus = load_corpus(articles, max_article_bytes=max_article_bytes, follow_symlinks=follow_symlinks)
    return check(corpus, ruleset)
