"""Measure checker's value parsers against a peer project's public test specs.

Reads the English specs under ../shared/peer-suites/recognizers-text (data only), runs
our parsers on every in-scope case, and writes docs/accuracy.md with cases in scope,
cases passed and the pass rate per suite, next to the target. ``--check`` exits 1 when a
suite is below its target.

    python benchmarks/peer_suites.py [--spec-root DIR] [--out docs/accuracy.md] [--check]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.peer import dates, numbers  # noqa: E402
from benchmarks.peer.common import SuiteResult  # noqa: E402

DEFAULT_SPEC_ROOT = REPO.parent / "shared" / "peer-suites" / "recognizers-text"


def run_all(spec_root: Path) -> list[SuiteResult]:
    """Every suite's result, numbers first."""
    return numbers.run(spec_root) + dates.run(spec_root)


def render(results: list[SuiteResult]) -> str:
    """docs/accuracy.md."""
    lines = [
        "# Accuracy of the value parsers",
        "",
        "Measured with `python benchmarks/peer_suites.py` on the English test specs of",
        "Microsoft Recognizers-Text (MIT licence), kept as data in `../shared/peer-suites`.",
        "A case passes when checker finds exactly the expected values, with the same surface",
        "text and the same normalized value. Cases outside what a news claim checker reads",
        "are left out by a filter stated per suite below; the filter is decided by what the",
        "product needs, not by which cases fail.",
        "",
        "| suite | spec file | cases | in scope | passed | pass rate | target | met |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        met = "yes" if r.rate >= r.target else "**no**"
        lines.append(
            f"| {r.name} | `{r.spec_file}` | {r.total} | {r.in_scope} | {r.passed} | {r.rate:.1%} | {r.target:.0%} | {met} |"
        )
    lines += ["", "## What is in scope", ""]
    scopes: dict[str, list[str]] = {}
    for r in results:
        scopes.setdefault(r.scope, []).append(r.name)
    for scope, names in scopes.items():
        lines.append(f"- **{', '.join(names)}**: {scope}")
    lines += ["", "## Remaining failures (first few per suite)", ""]
    for r in results:
        if r.failures:
            lines.append(f"### {r.name}")
            lines.append("")
            lines.extend(f"- {f}" for f in r.failures[:8])
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    """Run the suites, write the report, and with --check fail below target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec-root", type=Path, default=DEFAULT_SPEC_ROOT)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "accuracy.md")
    parser.add_argument("--check", action="store_true", help="exit 1 when a suite misses its target")
    args = parser.parse_args()
    if not args.spec_root.is_dir():
        print(f"{args.spec_root}: peer suites not found; nothing measured", file=sys.stderr)
        return 2
    results = run_all(args.spec_root)
    args.out.write_text(render(results), encoding="utf-8")
    for r in results:
        print(f"{r.name:<28} {r.passed:>4}/{r.in_scope:<4} {r.rate:6.1%}  (target {r.target:.0%})")
    missed = [r.name for r in results if r.rate < r.target]
    if args.check and missed:
        print("below target: " + ", ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
