"""The one place where a Report becomes plain data (dicts, lists, strings, numbers).

Every output format renders from this structure, so findings.json, the Markdown report
and the CSV can never disagree about a value or an id.
"""

from __future__ import annotations

from typing import Any

from checker.model import Article, Claim, Finding, Report
from checker.values.types import DateSpan, Label, Money, Quantity, Value

SCHEMA_ID = "checker.findings/1"
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def report_to_data(report: Report) -> dict[str, Any]:
    """The findings.json document for a report."""
    return {
        "schema": SCHEMA_ID,
        "summary": summary_counts(report),
        "articles": [article_to_data(a, report.duplicate_of.get(a.id)) for a in report.articles],
        "claims": [claim_to_data(c) for c in report.claims],
        "findings": [finding_to_data(f) for f in report.findings],
    }


def summary_counts(report: Report) -> dict[str, int]:
    """Counts shown at the top of every report."""
    kinds = [f.kind for f in report.findings]
    return {
        "articles": len(report.articles),
        "claims": len(report.claims),
        # Claims without a key, and keyed claims set aside (their note says why).
        "unkeyed_claims": sum(1 for c in report.claims if c.key is None or c.note is not None),
        "contradictions": kinds.count("contradiction"),
        "single_source": kinds.count("single_source"),
        "agreements": kinds.count("agreement"),
    }


def article_to_data(article: Article, duplicate_of: str | None) -> dict[str, Any]:
    """One article's metadata (the body is not repeated in the report)."""
    return {
        "id": article.id,
        "path": article.path,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "title": article.title,
        "url": article.url,
        "duplicate_of": duplicate_of,
    }


def claim_to_data(claim: Claim) -> dict[str, Any]:
    """One claim with its normalized value and evidence."""
    return {
        "id": claim.id,
        "article": claim.article,
        "type": claim.type,
        "rule": claim.rule,
        "pattern": claim.trigger,
        "key": claim.key if claim.key is not None else "",
        "key_resolved": claim.key is not None,
        "note": claim.note,
        "text": claim.text,
        "hedge": claim.hedge,
        "value": value_to_data(claim.value),
        "quote": claim.quote,
        "quote_start": claim.quote_start,
        "start": claim.start,
        "end": claim.end,
        "line": claim.line,
        "as_of": claim.as_of.isoformat() if claim.as_of else None,
    }


def finding_to_data(finding: Finding) -> dict[str, Any]:
    """One finding with its groups of claims."""
    return {
        "id": finding.id,
        "kind": finding.kind,
        "rule": finding.rule,
        "type": finding.type,
        "key": finding.key,
        "severity": finding.severity,
        "message": finding.message,
        "groups": [
            {"value": g.value, "claims": list(g.claims), "articles": list(g.articles), "sources": list(g.sources)}
            for g in finding.groups
        ],
    }


def value_to_data(value: Value) -> dict[str, Any]:
    """A normalized value: its kind, display form and bounds."""
    data: dict[str, Any] = {"kind": value.kind, "display": value.display()}
    if isinstance(value, Quantity):
        data.update(form=value.form, unit=value.unit, **value.interval.to_json())
    elif isinstance(value, Money):
        data["amounts"] = [{"currency": a.currency, **a.interval.to_json()} for a in value.amounts]
    elif isinstance(value, DateSpan):
        data.update(
            low=value.low.isoformat() if value.low else None,
            high=value.high.isoformat() if value.high else None,
            weekdays=[_WEEKDAY_NAMES[d] for d in sorted(value.weekdays)] if value.weekdays is not None else None,
        )
        for extra in ("months", "month_days"):
            if getattr(value, extra, None) is not None:
                data[extra] = sorted(getattr(value, extra))
    elif isinstance(value, Label):
        data["labels"] = sorted(value.labels)
    return data
