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
from benchmarks.perf_doc import update_section  # noqa: E402
from checker.values.base import ScanContext  # noqa: E402
from checker.values.scan import scan  # noqa: E402

TARGET_MB_PER_S = 5.0


def main() -> int:
    """Generate, scan article by article (as a run does), report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=20.0)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    text = news_text(args.megabytes)
    articles = text.split("\n\n\n")
    size_mb = len(text.encode()) / 1_000_000
    context = ScanContext(published=dt.date(2025, 6, 1))
    scan(articles[0], context)  # compile the patterns outside the timing
    start = time.perf_counter()
    values = sum(len(scan(a, context)) for a in articles)
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate = size_mb / elapsed
    verdict = "met" if rate >= TARGET_MB_PER_S else "NOT met"
    body = (
        "## Value scan (`benchmarks/values_bench.py`)\n\n"
        f"| text | articles | values found | time | throughput | peak memory (RSS) | target |\n"
        f"|---:|---:|---:|---:|---:|---:|---|\n"
        f"| {size_mb:.1f} MB | {len(articles):,} | {values:,} | {elapsed:.2f} s | {rate:.1f} MB/s | {peak_mb:.0f} MB | ≥ {TARGET_MB_PER_S:g} MB/s on one core: {verdict} |\n"
    )
    print(body)
    if not args.no_write:
        update_section("values-bench", body)
    return 0 if rate >= TARGET_MB_PER_S else 1


if __name__ == "__main__":
    sys.exit(main())
