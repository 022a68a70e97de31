"""report.md: the discrepancy report for a pull-request comment.

Counts first, then contradictions with the conflicting quotes side by side, then
single-source claims, then agreements. Kept under a size a PR comment accepts: past it,
the remaining rows are cut and counted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tabulate import tabulate

FILENAME = "report.md"
MAX_CHARS = 60_000


def render(data: dict[str, Any], *, out: Path | None = None) -> str:
    """The Markdown report for a findings document."""
    claims = {c["id"]: c for c in data["claims"]}
    sources = {a["id"]: a["source"] for a in data["articles"]}
    paths = {a["id"]: a["path"] for a in data["articles"]}
    findings = data["findings"]
    parts = [_header(data)]
    budget = MAX_CHARS - 400
    sections = [
        ("Contradictions", [f for f in findings if f["kind"] == "contradiction"], _contradiction),
        ("Single-source claims", [f for f in findings if f["kind"] == "single_source"], _single),
        ("Agreements", [f for f in findings if f["kind"] == "agreement"], _agreement),
    ]
    left_out = 0
    for title, items, render_one in sections:
        parts.append(f"\n## {title} ({len(items)})\n")
        if not items:
            parts.append("None.\n")
            continue
        for finding in items:
            block = render_one(finding, claims, sources, paths)
            if sum(len(p) for p in parts) + len(block) > budget:
                left_out += 1
                continue
            parts.append(block)
    if left_out:
        parts.append(f"\n_{left_out} finding(s) left out to fit a pull-request comment; see report.html or findings.json._\n")
    return "".join(parts)


def _header(data: dict[str, Any]) -> str:
    s = data["summary"]
    table = tabulate(
        [[s["articles"], s["claims"], s["contradictions"], s["single_source"], s["agreements"], s["unkeyed_claims"]]],
        headers=["articles", "claims", "contradictions", "single source", "agreements", "claims not compared"],
        tablefmt="github",
    )
    text = f"# Consistency report\n\n{table}\n"
    if "baseline" in data:
        b = data["baseline"]
        text += (
            f"\nBaseline: {len(b['new'])} new finding(s), {len(b['baselined'])} accepted, "
            f"{len(b['resolved'])} resolved, {len(b['stale'])} stale entr{'y' if len(b['stale']) == 1 else 'ies'}.\n"
        )
    return text


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _evidence(claim: dict[str, Any], sources: dict[str, str], paths: dict[str, str]) -> str:
    quote, at = claim["quote"], claim["start"] - claim.get("quote_start", 0)
    if 0 <= at and quote[at : at + len(claim["text"])] == claim["text"]:
        highlighted = _cell(quote[:at]) + f"**{_cell(claim['text'])}**" + _cell(quote[at + len(claim["text"]) :])
    else:
        highlighted = _cell(quote)
    return f"“{highlighted}” — {_cell(sources[claim['article']])}, `{paths[claim['article']]}:{claim['line']}`"


def _contradiction(f: dict[str, Any], claims: dict[str, Any], sources: dict[str, str], paths: dict[str, str]) -> str:
    headers = [f"{_cell(g['value'])} ({_cell(', '.join(g['sources']))})" for g in f["groups"]]
    columns = [[_evidence(claims[c], sources, paths) for c in g["claims"]] for g in f["groups"]]
    rows = [[col[i] if i < len(col) else "" for col in columns] for i in range(max(len(c) for c in columns))]
    table = tabulate(rows, headers=headers, tablefmt="github")
    accepted = " (accepted in baseline)" if f.get("baselined") else ""
    return f"\n### {f['severity'].upper()}{accepted}: {_cell(f['type'])} — {_cell(f['key'])}\n\n{_cell(f['message'])}\n\n{table}\n\n<sub>rule `{f['rule']}` · id `{f['id']}`</sub>\n"


def _single(f: dict[str, Any], claims: dict[str, Any], sources: dict[str, str], paths: dict[str, str]) -> str:
    g = f["groups"][0]
    evidence = "<br>".join(_evidence(claims[c], sources, paths) for c in g["claims"])
    return f"\n- **{_cell(f['type'])}** ({_cell(f['key'])}): **{_cell(g['value'])}** — {evidence} <sub>rule `{f['rule']}` · id `{f['id']}`</sub>\n"


def _agreement(f: dict[str, Any], claims: dict[str, Any], sources: dict[str, str], paths: dict[str, str]) -> str:
    g = f["groups"][0]
    texts = sorted({_cell(claims[c]["text"]) for c in g["claims"]})
    return (
        f"\n- **{_cell(f['type'])}** ({_cell(f['key'])}): **{_cell(g['value'])}** — "
        f"{len(g['sources'])} sources ({_cell(', '.join(g['sources']))}); as written: {', '.join(f'“{t}”' for t in texts)}"
        f" <sub>id `{f['id']}`</sub>\n"
    )
