"""report.html: the discrepancy report for a browser, in one self-contained file.

Counts first, then contradictions with the conflicting groups side by side, then
single-source findings and agreements, then the claims × sources matrix, the claims that
could not be compared and the articles. Styles and the filter script are inlined; the
page loads nothing else. Every text from articles and rules is escaped, and the same
data always gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from checker.report.html_assets import CSP, CSS, JS
from checker.report.html_matrix import build_matrix, render_matrix, row_ids
from checker.report.html_parts import attrs, esc, evidence_link, external_link, highlight, plural

FILENAME = "report.html"

# (kind, section heading, label in counts and filters, summary field)
KINDS = (
    ("contradiction", "Contradictions", "contradictions", "contradictions"),
    ("single_source", "Single-source claims", "single source", "single_source"),
    ("agreement", "Agreements", "agreements", "agreements"),
)
# Known severities sort by weight; any other a rule invents follows alphabetically.
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class _Context:
    """Lookups shared by every part of the page."""

    articles: Mapping[str, dict[str, Any]]
    claims: Mapping[str, dict[str, Any]]
    rows: Mapping[tuple[str, str], str]
    out: Path | None


def render(data: dict[str, Any], *, out: Path | None = None) -> str:
    """The HTML report for a findings document; links are relative to the folder ``out``."""
    findings = data["findings"]
    ctx = _Context(
        articles={a["id"]: a for a in data["articles"]},
        claims={c["id"]: c for c in data["claims"]},
        rows=row_ids(findings),
        out=out,
    )
    not_compared = [c for c in data["claims"] if not c.get("key_resolved", bool(c["key"])) or c.get("note")]
    parts = [_counts(data["summary"], len(not_compared)), _filters(findings)]
    for kind, heading, _, _ in KINDS:
        parts.append(_section(kind, heading, [f for f in findings if f["kind"] == kind], ctx))
    parts.append(
        '<section id="matrix-section"><h2>Claims × sources</h2>'
        '<p class="filtered" id="matrix-filtered" hidden></p>'
        f"{render_matrix(build_matrix(data))}</section>"
    )
    parts.append(_not_compared(not_compared, ctx))
    parts.append(_articles(data["articles"], ctx))
    return _document("".join(parts))


def _document(body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>Consistency report</title><style>{CSS}</style></head>\n"
        f"<body><h1>Consistency report</h1>\n{body}\n<script>{JS}</script></body></html>\n"
    )


def _counts(summary: Mapping[str, int], not_compared: int) -> str:
    items = [
        ("articles", summary["articles"], "articles"),
        ("claims", summary["claims"], "claims"),
        ("not-compared", not_compared, "claims not compared"),
    ] + [(kind, summary[field], label) for kind, _, label, field in KINDS]
    cells = "".join(f'<li class="c-{name}" data-count="{name}"><b>{value}</b>{esc(label)}</li>' for name, value, label in items)
    return f'<ul class="counts" aria-label="counts">{cells}</ul>\n'


def _filters(findings: list[dict[str, Any]]) -> str:
    kinds = "".join(
        f'<label><input type="checkbox" name="kind"{attrs(value=kind)} checked> {esc(label)}</label>' for kind, _, label, _ in KINDS
    )
    severities = sorted({f["severity"] for f in findings}, key=lambda s: (SEVERITY_ORDER.get(s, len(SEVERITY_ORDER)), s))
    sev_boxes = "".join(f'<label><input type="checkbox" name="severity"{attrs(value=s)} checked> {esc(s)}</label>' for s in severities)
    types = sorted({f["type"] for f in findings})
    options = '<option value="">all</option>' + "".join(f"<option{attrs(value=t)}>{esc(t)}</option>" for t in types)
    return (
        '<form id="filters" class="filters" aria-label="filters">'
        f"<fieldset><legend>Show</legend>{kinds}</fieldset>"
        f"<fieldset><legend>Severity</legend>{sev_boxes or '<span class=none>none</span>'}</fieldset>"
        f'<label><b>Claim type</b> <select name="type">{options}</select></label>'
        '<button type="reset">Show all</button></form>\n'
    )


def _section(kind: str, heading: str, findings: list[dict[str, Any]], ctx: _Context) -> str:
    items = "".join(_finding(f, ctx) for f in findings) or '<p class="none">None.</p>'
    return (
        f'<section{attrs(id=kind.replace("_", "-"), data_kind=kind)}>'
        f"<h2>{esc(heading)} ({len(findings)})</h2>"
        f'<p class="filtered" hidden></p>{items}</section>\n'
    )


def _finding(f: dict[str, Any], ctx: _Context) -> str:
    marker = '<span class="badge">baselined</span>' if f.get("baselined") else ""
    # Agreements can gather many quotes: they fold away, conflicts and lone claims do not.
    groups = "".join(_group(g, ctx, folded=f["kind"] == "agreement") for g in f["groups"])
    data = attrs(
        id=f"f-{f['id']}",
        class_=f"finding k-{f['kind']}",
        data_kind=f["kind"],
        data_severity=f["severity"],
        data_type=f["type"],
        data_row=ctx.rows[(f["type"], f["key"])],
    )
    return (
        f"<article{data}><header>"
        f'<span{attrs(class_="sev sev-" + f["severity"])}>{esc(f["severity"])}</span>'
        f'<h3>{esc(f["type"])} <span class="key">— {esc(f["key"])}</span></h3>{marker}</header>'
        f'<p class="msg">{esc(f["message"])}</p><div class="groups">{groups}</div>'
        f'<p class="meta">rule <code>{esc(f["rule"])}</code> · id <code>{esc(f["id"])}</code></p></article>\n'
    )


def _group(group: dict[str, Any], ctx: _Context, *, folded: bool) -> str:
    quotes = "".join(_quote(ctx.claims[cid], ctx) for cid in group["claims"] if cid in ctx.claims)
    listing = f'<ul class="quotes">{quotes}</ul>'
    if folded:
        listing = f"<details><summary>{plural(len(group['claims']), 'quote')}</summary>{listing}</details>"
    return (
        f'<div class="group"><p class="value">{esc(group["value"])}</p>'
        f'<p class="sources">{esc(", ".join(group["sources"]))}</p>{listing}</div>'
    )


def _quote(claim: dict[str, Any], ctx: _Context) -> str:
    article = ctx.articles.get(claim["article"])
    hedge = f' · hedge “{esc(claim["hedge"])}”' if claim.get("hedge") else ""
    return (
        f"<li><blockquote>{highlight(claim['quote'], claim['text'])}</blockquote>"
        f'<p class="cite">{_citation(article, claim["line"], ctx)}{hedge}</p></li>'
    )


def _citation(article: dict[str, Any] | None, line: int | None, ctx: _Context) -> str:
    if article is None:
        return "unknown article"
    title = f" — <i>{esc(article['title'])}</i>" if article.get("title") else ""
    # A copy counts as its original's source in findings; say so where the copy is quoted.
    copy = f" (copy of {esc(article['duplicate_of'])})" if article.get("duplicate_of") else ""
    return f"{esc(article['source'])}{title}{copy} · {evidence_link(article, line, ctx.out)}"


def _not_compared(claims: list[dict[str, Any]], ctx: _Context) -> str:
    if not claims:
        rows = '<p class="none">Every claim was compared.</p>'
    else:
        body = "".join(
            f"<tr><td>{esc(c['type'])}</td><td>{esc(c['text'])}</td>"
            f"<td>{highlight(c['quote'], c['text'])}</td>"
            f"<td>{_citation(ctx.articles.get(c['article']), c['line'], ctx)}</td>"
            f"<td>{esc(c.get('note') or 'no key')}</td></tr>"
            for c in claims
        )
        rows = (
            '<table><thead><tr><th scope="col">claim type</th><th scope="col">as written</th>'
            '<th scope="col">quote</th><th scope="col">where</th><th scope="col">why not compared</th></tr></thead>'
            f"<tbody>{body}</tbody></table>"
        )
    return f'<details id="not-compared"><summary>Claims not compared ({len(claims)})</summary>{rows}</details>\n'


def _articles(articles: list[dict[str, Any]], ctx: _Context) -> str:
    body = "".join(
        f"<tr><td>{evidence_link(a, None, ctx.out)}</td><td>{esc(a['source'])}</td>"
        f"<td class=\"date\">{esc(a.get('published') or 'unknown')}</td><td>{esc(a.get('title') or '')}</td>"
        f"<td>{external_link(a.get('url'))}</td>"
        f"<td>{'copy of ' + esc(a['duplicate_of']) if a.get('duplicate_of') else ''}</td></tr>"
        for a in articles
    )
    table = (
        '<table><thead><tr><th scope="col">file</th><th scope="col">source</th><th scope="col">published</th>'
        '<th scope="col">title</th><th scope="col">address</th><th scope="col">independence</th></tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )
    return f'<details id="articles"><summary>Articles ({len(articles)})</summary>{table}</details>\n'
