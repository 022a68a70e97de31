"""End-to-end speed: generated corpora of 1k and 10k articles with planted facts.

Times extraction and comparison (rules loaded once, as ``checker run`` does), records
articles/s, the 10k/1k time ratio and peak memory in docs/performance.md, and checks
that exactly the planted contradictions were found.

    python benchmarks/run_bench.py [--sizes 1000 10000] [--no-write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.corpus_gen import articles  # noqa: E402
from benchmarks.perf_doc import update_section  # noqa: E402

TARGET_RATE = 500
TARGET_RATIO = 12
TARGET_MEMORY_MB = 1024


def measure(size: int) -> dict[str, float]:
    """Run one size in a fresh process so peak memory is that run's own."""
    code = f"""
import json, resource, sys, time, datetime as dt
sys.path.insert(0, {str(REPO)!r})
from benchmarks.corpus_gen import articles
from checker.model import Article, line_starts_of
from checker.pipeline import check
from checker.rules.loader import load_rules
ruleset = load_rules(__import__('pathlib').Path({str(REPO / 'rules')!r}))
corpus = [Article(id=i, path=i + '.md', source=s, published=dt.date.fromisoformat(p), text=t, line_starts=line_starts_of(t))
          for i, s, p, t in articles({size})]
start = time.perf_counter()
report = check(corpus, ruleset)
elapsed = time.perf_counter() - start
print(json.dumps({{
    'seconds': elapsed,
    'claims': len(report.claims),
    'contradictions': sum(1 for f in report.findings if f.kind == 'contradiction'),
    'contradiction_types': sorted({{f.type for f in report.findings if f.kind == 'contradiction'}}),
    'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}}))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def expected_contradictions(size: int, per_story: int = 5, contradict_every: int = 10) -> int:
    """Stories with a planted wrong document count (see corpus_gen.articles)."""
    stories = max(1, size // per_story)
    return sum(1 for k in range(stories) if k % contradict_every == 0)


def main() -> int:
    """Measure each size, write the section, exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    rows = []
    results = {}
    for size in args.sizes:
        r = measure(size)
        results[size] = r
        rate = size / r["seconds"]
        want = expected_contradictions(size)
        rows.append(
            f"| {size:,} | {r['seconds']:.1f} s | {rate:,.0f} | {r['claims']:,} | {r['contradictions']} (planted {want}; types: {', '.join(r['contradiction_types']) or '-'}) | {r['peak_mb']:.0f} MB |"
        )
        print(rows[-1])
    ok = all(size / results[size]["seconds"] >= TARGET_RATE for size in args.sizes if size >= 10000)
    ok = ok and all(results[s]["peak_mb"] < TARGET_MEMORY_MB for s in args.sizes)
    ratio_text = ""
    if 1000 in results and 10000 in results:
        ratio = results[10000]["seconds"] / results[1000]["seconds"]
        ratio_text = f"\n10k/1k time ratio: {ratio:.1f} (target ≤ {TARGET_RATIO})."
        ok = ok and ratio <= TARGET_RATIO
    ok = ok and all(results[s]["contradictions"] == expected_contradictions(s) for s in args.sizes)
    body = (
        "## End to end (`benchmarks/run_bench.py`)\n\n"
        "Generated stories (benchmarks/corpus_gen.py), five articles each, one in ten with a planted\n"
        "wrong document count; extraction and comparison timed in one process, rules loaded once.\n\n"
        "| articles | time | articles/s | claims | contradictions found | peak memory (RSS) |\n"
        "|---:|---:|---:|---:|---|---:|\n" + "\n".join(rows) + "\n" + ratio_text + "\n\n"
        f"Targets: ≥ {TARGET_RATE} articles/s at 10k on one core, ratio ≤ {TARGET_RATIO}, peak < 1 GB, "
        f"planted contradictions found exactly: {'met' if ok else 'NOT met'} ({dt.date.today().isoformat()}).\n"
    )
    if not args.no_write:
        update_section("run-bench", body)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
