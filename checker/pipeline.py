"""The whole job as one function: rules + corpus -> claims -> report. No I/O besides reading."""

from __future__ import annotations

import gc
from concurrent.futures import ProcessPoolExecutor
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


def extract_all(
    articles: Sequence[Article], ruleset: RuleSet, progress: Progress | None = None, jobs: int = 1
) -> list[Claim]:
    """Every claim of every article, in article order (a per-article map: articles are
    independent; their values are found :data:`SCAN_BATCH` articles at a time, which is
    faster and finds the same). With ``jobs`` > 1 the articles are shared out among that
    many worker processes; the claims are the same."""
    if jobs > 1 and len(articles) >= 2 * _CHUNK:
        return _extract_in_parallel(articles, ruleset, progress, jobs)
    extractor = Extractor(ruleset)
    claims: list[Claim] = []
    batch: list[Article] = []
    for article in progress(articles) if progress else articles:
        batch.append(article)
        if len(batch) == SCAN_BATCH:
            claims.extend(claim for found in extractor.extract_many(batch) for claim in found)
            batch = []
    claims.extend(claim for found in extractor.extract_many(batch) for claim in found)
    return claims


# Articles whose values are found together (see ``Extractor.extract_many``): enough that
# many share a publication date, few enough that a progress bar moves smoothly.
SCAN_BATCH = 200


# Articles per task: large enough that sending them costs little next to reading them.
_CHUNK = 100
_WORKER_EXTRACTOR: Extractor | None = None


def _start_worker(ruleset: RuleSet) -> None:
    global _WORKER_EXTRACTOR
    _WORKER_EXTRACTOR = Extractor(ruleset)


def _extract_chunk(chunk: Sequence[Article]) -> list[Claim]:
    assert _WORKER_EXTRACTOR is not None
    return [claim for found in _WORKER_EXTRACTOR.extract_many(chunk) for claim in found]


def _extract_in_parallel(articles: Sequence[Article], ruleset: RuleSet, progress: Progress | None, jobs: int) -> list[Claim]:
    chunks = [articles[i : i + _CHUNK] for i in range(0, len(articles), _CHUNK)]
    claims: list[Claim] = []
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(ruleset,)) as pool:
        found = pool.map(_extract_chunk, chunks)

        def done() -> Iterator[Article]:
            # Results come back in order; each chunk's articles count as done with it.
            for chunk, chunk_claims in zip(chunks, found):
                claims.extend(chunk_claims)
                yield from chunk

        for _ in progress(done()) if progress else done():
            pass
    return claims


def check(articles: Sequence[Article], ruleset: RuleSet, progress: Progress | None = None, jobs: int = 1) -> Report:
    """Extract and compare: the report for a loaded corpus. ``progress`` wraps the
    article loop (a progress bar) and ``jobs`` sets how many processes extract; neither
    changes the report."""
    with few_collections():
        return build_report(articles, extract_all(articles, ruleset, progress, jobs), ruleset)


@contextmanager
def few_collections() -> Iterator[None]:
    """Run with the garbage collector's thresholds raised, then restore them.

    A run builds hundreds of thousands of small objects that live to its end (matches,
    claims); with the default thresholds the collector scans them over and over, which
    costs a quarter of a large run. Nothing here makes reference cycles that need
    collecting early. The command wraps its whole run (reading, reports) in it too.
    """
    saved = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*saved)


def check_paths(
    articles: Path, rules: Path, *, max_article_bytes: int, follow_symlinks: bool = False, jobs: int = 1
) -> Report:
    """Load rules first (a broken rule stops the run before any work), then the corpus."""
    ruleset = load_rules(rules)
    corpus = load_corpus(articles, max_article_bytes=max_article_bytes, follow_symlinks=follow_symlinks)
    return check(corpus, ruleset, jobs=jobs)
