"""The ``checker`` command. The one place where errors become messages and exit codes."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path
from typing import Sequence

from checker import __version__
from checker.config import FAIL_LEVELS, Settings, load_settings
from checker.errors import CheckerError, ErrorList, ExitCode
from checker.corpus import load_corpus
from checker.errors import UsageError
from checker.explain import explain
from checker.pipeline import check, check_paths, few_collections
from checker.rules.examples import ExampleResult, run_rule_examples
from checker.rules.model import RuleSet
from checker.report import FORMATS
from checker.report.csv_format import claims_frame
from checker.baseline import apply_baseline, entries_from_findings, load_baseline, render_baseline
from checker.diff import diff_markdown, load_findings
from checker.pipeline import Progress
from checker.report.output import stdout_formats, write_reports, write_text_atomic
from checker.report.serialize import report_to_data
from checker.rules.loader import load_rules
from tabulate import tabulate


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(prog="checker", description="Cross-source consistency checker for news.")
    parser.add_argument("--version", action="version", version=f"checker {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="check a corpus and write the reports")
    _corpus_options(run)
    run.add_argument("--out", help="output folder (default: reports)")
    run.add_argument("--fail-on", choices=FAIL_LEVELS, help="exit 1 when findings at this severity or above exist (default: error)")
    run.add_argument("--format", help=f"comma list of output formats: {', '.join(FORMATS)} (default: all)")
    run.add_argument("--quiet", action="store_true", help="print nothing but errors (and no progress bar)")
    run.add_argument("--baseline", metavar="FILE", help="findings recorded in FILE are accepted: reported, but not failing")
    run.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE as accepted")
    run.add_argument("--reason", help="with --write-baseline: why these findings are accepted")

    claims = commands.add_parser("claims", help="print the extracted claims as a table")
    _corpus_options(claims)
    claims.add_argument("--type", action="append", help="only claims of this type (repeatable)")
    claims.add_argument("--article", action="append", help="only claims of this article id (repeatable)")

    rules = commands.add_parser("rules", help="work with rule files")
    rule_commands = rules.add_subparsers(dest="rules_command", required=True, metavar="ACTION")
    validate = rule_commands.add_parser("validate", help="report every problem in every rule file")
    validate.add_argument("dir", nargs="?", default=None, help="rules folder (default: rules)")
    listing = rule_commands.add_parser("list", help="table of rules, claim types and severities")
    listing.add_argument("dir", nargs="?", default=None, help="rules folder (default: rules)")
    testing = rule_commands.add_parser("test", help="run every rule's examples")
    testing.add_argument("dir", nargs="?", default=None, help="rules folder (default: rules)")

    diff = commands.add_parser("diff", help="new and resolved findings between two findings.json files, as Markdown")
    diff.add_argument("old", help="findings.json of the earlier run")
    diff.add_argument("new", help="findings.json of the later run")

    explain = commands.add_parser("explain", help="why a claim or finding (by id) is what it is")
    explain.add_argument("id", help="a claim id or finding id from findings.json")
    _corpus_options(explain)
    return parser


def _corpus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--articles", help="folder of .md/.txt articles or a .jsonl file (default: articles)")
    parser.add_argument("--rules", help="rules folder (default: rules)")
    parser.add_argument("--max-article-bytes", type=int, help="refuse articles larger than this (default: 16 MiB)")
    parser.add_argument("--follow-symlinks", action="store_true", default=None, help="follow links out of the corpus folder")
    parser.add_argument("--jobs", type=int, help="processes that extract claims; 0: one per core (default: 1)")


_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a tool cut off by its reader


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script and ``python -m checker``."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(_dispatch(args))
    except ErrorList as problems:
        for problem in problems.errors:
            print(f"{problem}", file=sys.stderr)
        print(f"checker: {len(problems.errors)} problem(s); nothing was written", file=sys.stderr)
        return int(ExitCode.USAGE)
    except CheckerError as problem:
        print(f"{problem}", file=sys.stderr)
        print("checker: nothing was written", file=sys.stderr)
        return int(problem.exit_code)
    except KeyboardInterrupt:
        print("checker: interrupted; nothing was written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away ("checker claims | head"): stop quietly, as a shell tool
        # killed by SIGPIPE would. Reports are written before anything is printed.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return _BROKEN_PIPE
    except Exception:  # noqa: BLE001 - the one place that turns a bug into a message
        if args.debug:
            traceback.print_exc()
        else:
            kind = sys.exc_info()[0].__name__  # type: ignore[union-attr]
            print(
                f"checker: internal error ({kind}); please report it with the command you ran. "
                "Run again with --debug to see the traceback.",
                file=sys.stderr,
            )
        return int(ExitCode.INTERNAL)


def _dispatch(args: argparse.Namespace) -> ExitCode:
    if args.command == "run":
        return _run(args)
    if args.command == "claims":
        return _claims(args)
    if args.command == "explain":
        return _explain(args)
    if args.command == "diff":
        print(diff_markdown(load_findings(Path(args.old)), load_findings(Path(args.new))), end="")
        return ExitCode.OK
    return _rules(args)


def _settings(args: argparse.Namespace) -> Settings:
    keys = ("articles", "rules", "out", "fail_on", "format", "max_article_bytes", "follow_symlinks", "jobs")
    return load_settings({k: getattr(args, k, None) for k in keys})


def _run(args: argparse.Namespace) -> ExitCode:
    settings = _settings(args)
    if args.reason and not args.write_baseline:
        raise UsageError("--reason goes with --write-baseline")
    with few_collections():
        return _run_with(args, settings)


def _run_with(args: argparse.Namespace, settings: Settings) -> ExitCode:
    ruleset = load_rules(settings.rules_dir)
    baseline = load_baseline(Path(args.baseline)) if args.baseline else None
    corpus = load_corpus(Path(settings.articles), max_article_bytes=settings.max_article_bytes, follow_symlinks=settings.follow_symlinks)
    report = check(corpus, ruleset, progress=None if args.quiet else _progress_bar(len(corpus)), jobs=settings.processes)
    data = report_to_data(report)
    if args.write_baseline:
        baseline = entries_from_findings(data, args.reason)
        write_text_atomic(Path(args.write_baseline), render_baseline(baseline))
    if baseline is not None:
        data = apply_baseline(data, baseline)
    written = write_reports(data, Path(settings.out), settings.formats)
    print(stdout_formats(data, settings.formats), end="")
    if not args.quiet:
        _print_summary(data, written)
    return _exit_code(data, settings.fail_on)


def _progress_bar(total: int) -> Progress | None:
    """A progress bar on stderr for long runs in a terminal; nothing otherwise."""
    if total < 200 or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return lambda items: tqdm(items, total=total, desc="articles", unit="art", file=sys.stderr, leave=False)


def _print_summary(data: dict, written: list[Path]) -> None:
    s = data["summary"]
    print(
        f"checker: {s['articles']} articles, {s['claims']} claims "
        f"({s['unkeyed_claims']} not compared): {s['contradictions']} contradiction(s), "
        f"{s['single_source']} single-source, {s['agreements']} agreement(s)"
    )
    for finding in data["findings"]:
        if finding["kind"] == "contradiction":
            accepted = " (baselined)" if finding.get("baselined") else ""
            print(f"  {finding['severity'].upper()}{accepted} {finding['message']}")
    if "baseline" in data:
        b = data["baseline"]
        print(
            f"baseline: {len(b['new'])} new, {len(b['baselined'])} baselined, "
            f"{len(b['resolved'])} resolved, {len(b['stale'])} stale entr{'y' if len(b['stale']) == 1 else 'ies'}"
        )
    print("reports: " + ", ".join(str(p) for p in written))


def _exit_code(data: dict, fail_on: str) -> ExitCode:
    if fail_on == "never":
        return ExitCode.OK
    levels = ("error",) if fail_on == "error" else ("error", "warning")
    failing = any(f["severity"] in levels and not f.get("baselined") for f in data["findings"])
    return ExitCode.FINDINGS if failing else ExitCode.OK


def _claims(args: argparse.Namespace) -> ExitCode:
    settings = _settings(args)
    report = check_paths(
        Path(settings.articles),
        settings.rules_dir,
        max_article_bytes=settings.max_article_bytes,
        follow_symlinks=settings.follow_symlinks,
        jobs=settings.processes,
    )
    frame = claims_frame(report_to_data(report))
    if args.type:
        frame = frame[frame["type"].isin(args.type)]
    if args.article:
        frame = frame[frame["article"].isin(args.article)]
    columns = ["article", "line", "type", "key", "text", "value"]
    print(tabulate(frame[columns].fillna("").values.tolist(), headers=columns, tablefmt="simple"))
    return ExitCode.OK


def _explain(args: argparse.Namespace) -> ExitCode:
    settings = _settings(args)
    ruleset = load_rules(settings.rules_dir)
    corpus = load_corpus(Path(settings.articles), max_article_bytes=settings.max_article_bytes, follow_symlinks=settings.follow_symlinks)
    text = explain(check(corpus, ruleset, jobs=settings.processes), ruleset, args.id)
    if text is None:
        raise UsageError(f"no claim or finding with id '{args.id}'", hint="ids are in findings.json and claims.csv")
    print(text)
    return ExitCode.OK


def _rules(args: argparse.Namespace) -> ExitCode:
    folder = Path(args.dir) if args.dir else load_settings({}).rules_dir
    ruleset = load_rules(folder)
    if args.rules_command == "validate":
        print(f"{len(ruleset.rules)} rule file(s) in {ruleset.root}: no problems")
        return ExitCode.OK
    if args.rules_command == "test":
        return _rules_test(ruleset)
    rows = [
        [r.id, r.type, r.kind, ", ".join(r.key) or "-", r.severity["contradiction"], r.severity["single_source"], r.severity["agreement"]]
        for r in ruleset.rules
    ]
    print(tabulate(rows, headers=["rule", "type", "value", "key", "contradiction", "single source", "agreement"]))
    return ExitCode.OK


def _rules_test(ruleset: RuleSet) -> ExitCode:
    failures: list[ExampleResult] = []
    passed = 0
    for rule in ruleset.rules:
        marks = []
        for result in run_rule_examples(ruleset, rule):
            marks.append("." if result.passed else "F")
            if result.passed:
                passed += 1
            else:
                failures.append(result)
        print(f"{rule.path} {''.join(marks)}")
    for result in failures:
        print(f"FAILED {result.location} {result.name}: {result.message}")
    print(f"{passed} passed, {len(failures)} failed")
    return ExitCode.FINDINGS if failures else ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())
