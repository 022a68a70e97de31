"""``checker explain ID``: why a claim was read as it was, or why a finding was raised."""

from __future__ import annotations

import json

from checker.model import Claim, Finding, Report
from checker.report.serialize import value_to_data
from checker.rules.model import RuleSet


def explain(report: Report, ruleset: RuleSet, item_id: str) -> str | None:
    """Plain-text explanation of a claim or finding id; None when the id is unknown."""
    claims = {c.id: c for c in report.claims}
    if item_id in claims:
        return _claim(report, ruleset, claims[item_id])
    finding = next((f for f in report.findings if f.id == item_id), None)
    if finding is not None:
        return _finding(finding, claims, ruleset)
    return None


def _claim(report: Report, ruleset: RuleSet, claim: Claim) -> str:
    article = next(a for a in report.articles if a.id == claim.article)
    rule = ruleset.by_id(claim.rule)
    pattern = next((p for p in rule.patterns if p.id == claim.trigger), None) if rule else None
    lines = [
        f"claim {claim.id}",
        f"  article:  {article.id} ({article.source}, published {article.published or 'unknown'}) {article.path}:{claim.line}",
        f"  sentence: {claim.quote}",
        f"  value:    {claim.text!r} -> {claim.value.display()}" + (f" (hedge: {claim.hedge})" if claim.hedge else ""),
        f"            {json.dumps(value_to_data(claim.value), ensure_ascii=False)}",
        f"  rule:     {claim.rule} ({claim.type}) in {rule.path if rule else '?'}:{rule.line if rule else '?'}",
    ]
    if pattern is not None:
        lines.append(
            f"  pattern:  {pattern.id}: trigger {pattern.source!r}, value {pattern.position} it within {pattern.max_words} word(s)"
            + (f", figure + {pattern.add}" if pattern.add else "")
        )
    if claim.key is None:
        lines.append(f"  key:      not resolved: {claim.note}. The claim is listed but compared with nothing.")
    else:
        lines.append(f"  key:      {claim.key} (qualifiers: {', '.join(rule.key) if rule and rule.key else 'none'})")
    homes = [f for f in report.findings if any(claim.id in g.claims for g in f.groups)]
    duplicate = report.duplicate_of.get(article.id)
    if duplicate:
        lines.append(f"  source:   the article republishes {duplicate}; it does not count as an independent source")
    for finding in homes:
        group = next(g for g in finding.groups if claim.id in g.claims)
        lines.append(f"  grouped:  in {finding.kind} {finding.id} with value {group.value}, sources {', '.join(group.sources)}")
    if claim.key is not None and not homes:
        lines.append(f"  grouped:  in no finding: {claim.note or 'set aside'}")
    elif claim.key is not None and claim.note:
        lines.append(f"  note:     {claim.note}")
    return "\n".join(lines)


def _finding(finding: Finding, claims: dict[str, Claim], ruleset: RuleSet) -> str:
    rule = ruleset.by_id(finding.rule)
    lines = [
        f"finding {finding.id}: {finding.kind} ({finding.severity})",
        f"  {finding.message}",
        f"  rule {finding.rule} ({finding.type}), key {finding.key}",
    ]
    if rule is not None:
        semantics = ["values are sets; claims agree when their sets intersect"]
        if rule.tolerance:
            semantics.append(f"figures widened by {rule.tolerance:.0%} before comparing")
        if rule.cumulative:
            semantics.append("the value may grow over time: a later, larger value is an update")
            if rule.no_update_within_days:
                semantics.append(f"but not one reported within {rule.no_update_within_days} days of the smaller one")
        if rule.same_event_within_days:
            semantics.append(f"claims more than {rule.same_event_within_days} days apart are different occasions")
        lines.append("  how compared: " + "; ".join(semantics))
    if finding.kind == "contradiction":
        lines.append("  the groups below have no value in common: no figure can make them all true")
    for n, group in enumerate(finding.groups, start=1):
        lines.append(f"  group {n}: {group.value} — {len(group.sources)} source(s): {', '.join(group.sources)}")
        for claim_id in group.claims:
            claim = claims[claim_id]
            # A claim compared here from a key of its own ("China ↔ South Korea") says so;
            # an occasion's key is the claims' key plus " / reported <month>".
            own = finding.key == claim.key or finding.key.startswith(f"{claim.key} / reported ")
            joined = "" if own else f" (from key {claim.key})"
            lines.append(f"    {claim.article}:{claim.line} {claim.text!r} -> {claim.value.display()}{joined}: {claim.quote}")
    return "\n".join(lines)
