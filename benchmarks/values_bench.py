"""Time a full value scan (numbers, money, percentages, dates, durations) over generated
news-like text and record MB/s and peak memory in docs/performance.md.

    python benchmarks/values_bench.py [--megabytes 20] [--no-write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus_gen import news_text  # noqa: E402
from benchmarks.machine_speed import reference_ms  # noqa: E402
from benchmarks.perf_doc import update_section  # noqa: E402
from checker.pipeline import SCAN_BATCH, few_collections  # noqa: E402
from checker.values.base import ScanContext  # noqa: E402
from checker.values.batch import scan_many  # noqa: E402
from checker.values.scan import scan  # noqa: E402

TARGET_MB_PER_S = 5.0
# What the reference work of ``machine_speed`` takes at the machine's usual speed.
USUAL_REFERENCE_MS = 85


def main() -> int:
    """Generate, scan the articles as a run does (``scan_many`` on a batch of articles at
    a time, with the run's garbage-collector settings), report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=20.0)
    parser.add_argument("--repeat", type=int, default=3, help="scans of the text; the fastest is kept")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    text = news_text(args.megabytes)
    articles = text.split("\n\n\n")
    size_mb = len(text.encode()) / 1_000_000
    context = ScanContext(published=dt.date(2025, 6, 1))
    scan(articles[0], context)  # compile the patterns outside the timing
    # The fastest of several scans: the one least slowed by other work on the machine.
    # Each scan reads every article afresh (the caches hold only the last few texts).
    items = [(a, context) for a in articles]
    elapsed = float("inf")
    machine = reference_ms()
    with few_collections():
        for _ in range(max(1, args.repeat)):
            start = time.perf_counter()
            values = _count_values(items)
            elapsed = min(elapsed, time.perf_counter() - start)
    machine = min(machine, reference_ms())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate = size_mb / elapsed
    verdict = "met" if rate >= TARGET_MB_PER_S else "NOT met"
    body = (
        "## Value scan (`benchmarks/values_bench.py`)\n\n"
        f"| text | articles | values found | bytes per value | time | throughput | peak memory (RSS) | target |\n"
        f"|---|---:|---:|---:|---:|---:|---:|---|\n"
        f"| generated (`news_text`), {size_mb:.1f} MB | {len(articles):,} | {values:,} | {len(text.encode()) / values:.0f} "
        f"| {elapsed:.2f} s | {rate:.1f} MB/s | {peak_mb:.0f} MB | ≥ {TARGET_MB_PER_S:g} MB/s on one core: {verdict} |\n"
    )
    seeds = _seed_rate(context, repeat=max(1, args.repeat))
    if seeds is not None:
        body += seeds
    body += (
        f"\nEach time is the fastest of {max(1, args.repeat)} scans, made as a run makes them: {SCAN_BATCH} articles at a time through "
        "`scan_many` (articles of one publication date joined, see `checker/values/batch.py`), with the run's "
        "garbage-collector settings. About two thirds of the cost is per value found, so throughput depends on how dense a text is in values. The "
        "generated text, the measure of the target, is denser than the bundled articles; the second "
        "row scans copies of those (each made different, so no cache answers for a copy).\n"
        f"\nThe machine's speed during the run: the fixed reference work of `benchmarks/machine_speed.py` took "
        f"{machine:.0f} ms (the faster of its timings before and after the scans; {USUAL_REFERENCE_MS} ms or less when "
        "the machine runs at its usual speed, up to 1.6 times that in its slow hours).\n"
    )
    print(body)
    if not args.no_write:
        update_section("values-bench", body)
    return 0 if rate >= TARGET_MB_PER_S else 1


def _count_values(items: list[tuple[str, ScanContext]]) -> int:
    """The values found in ``items``, scanned a batch at a time (as a run does)."""
    return sum(len(found) for first in range(0, len(items), SCAN_BATCH)
               for found in scan_many(items[first:first + SCAN_BATCH]))


def _seed_rate(context: ScanContext, megabytes: float = 2.0, repeat: int = 1) -> str | None:
    """A table row for the bundled articles, copied to ``megabytes`` (None without them)."""
    bodies = [path.read_text(encoding="utf-8").split("\n---\n", 1)[-1] for path in sorted(ARTICLES.glob("*.md"))]
    if not bodies:
        return None
    size = sum(len(b.encode()) for b in bodies)
    copies = max(1, int(megabytes * 1_000_000 / size))
    # A different run of blanks after each copy: the same reading, but no cached answer.
    texts = [body + " " * (k + 1) for k in range(copies) for body in bodies]
    total_mb = sum(len(t.encode()) for t in texts) / 1_000_000
    items = [(t, context) for t in texts]
    elapsed = float("inf")
    with few_collections():
        for _ in range(repeat):
            start = time.perf_counter()
            values = _count_values(items)
            elapsed = min(elapsed, time.perf_counter() - start)
    return (
        f"| the {len(bodies)} bundled articles × {copies}, {total_mb:.1f} MB | {len(texts):,} | {values:,} "
        f"| {total_mb * 1_000_000 / values:.0f} | {elapsed:.2f} s | {total_mb / elapsed:.1f} MB/s | | (information) |\n"
    )


ARTICLES = Path(__file__).resolve().parent.parent / "articles"


if __name__ == "__main__":
    sys.exit(main())
