"""report.sarif: the findings as a SARIF 2.1.0 log for code-scanning tools.

One run; one rule descriptor per rule that produced a finding; one result per finding
with a location for every claim behind it. Nothing in the log depends on when or where
it was written (no timestamps, no invocation, no absolute base URI), so two runs on the
same corpus give the same bytes and code-scanning baselines match.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from checker import __version__

FILENAME = "report.sarif"
SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_VERSION = "2.1.0"
SRCROOT = "%SRCROOT%"
# The key code-scanning tools match results on across runs; versioned so that a change
# of fingerprint scheme can never be mistaken for the old one.
FINGERPRINT_KEY = "checkerFindingId/v1"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(data: dict[str, Any], *, out: Path | None = None) -> str:
    """The SARIF log for a findings document, as stable JSON text."""
    return json.dumps(sarif_log(data), ensure_ascii=False, indent=2) + "\n"


def sarif_log(data: dict[str, Any]) -> dict[str, Any]:
    """The SARIF log as plain data (a dict ready for ``json.dumps``)."""
    findings = data["findings"]
    rules = _rules(findings)
    rule_index = {rule["id"]: i for i, rule in enumerate(rules)}
    claims = {c["id"]: c for c in data["claims"]}
    articles = {a["id"]: a for a in data["articles"]}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "checker",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        # Declared without a value: the consumer supplies the checkout root, which keeps
        # machine-specific absolute paths out of the log.
        "originalUriBaseIds": {
            SRCROOT: {"description": {"text": "The working directory the checker ran in; article paths are relative to it."}}
        },
        "results": [_result(f, rule_index, claims, articles) for f in findings],
    }
    return {"$schema": SARIF_SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}


def level_of(severity: str) -> str:
    """The SARIF level for a finding severity; an unknown severity stays visible as a warning."""
    return _LEVELS.get(severity, "warning")


def artifact_location(path: str) -> dict[str, str]:
    """The artifactLocation for an article path as the report shows it.

    Paths relative to the working directory become URI references under ``%SRCROOT%``;
    an absolute path (an article outside the working directory) can only be a file URI.
    """
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    posix = path.replace(os.sep, "/") if os.sep != "/" else path
    # Spaces, '#', '?', '%' and non-ASCII letters are not allowed raw in a URI reference.
    return {"uri": quote(posix, safe="/"), "uriBaseId": SRCROOT}


def _rules(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    types: dict[str, set[str]] = {}
    keys: dict[str, set[str]] = {}
    for finding in findings:
        types.setdefault(finding["rule"], set()).add(finding["type"])
        keys.setdefault(finding["rule"], set()).add(finding["key"])
    rules = []
    for rule_id in sorted(types):
        claim_types = ", ".join(sorted(types[rule_id]))
        key_list = "; ".join(sorted(keys[rule_id]))
        rules.append(
            {
                "id": rule_id,
                "shortDescription": {"text": f"{claim_types}: do independent sources agree?"},
                "fullDescription": {
                    "text": (
                        f"Compares {claim_types} claims about the same subject across independent sources "
                        "and reports contradictions, claims resting on a single source, and agreements."
                    )
                },
                "help": {
                    "text": (
                        f"Rule {rule_id} extracts {claim_types} claims. Subjects with findings in this run: {key_list}. "
                        "A contradiction means independent sources give values that cannot all be true; "
                        "check the quoted lines and correct the article or record the finding as accepted."
                    )
                },
                "properties": {"tags": sorted(types[rule_id])},
            }
        )
    return rules


def _result(
    finding: dict[str, Any],
    rule_index: dict[str, int],
    claims: dict[str, dict[str, Any]],
    articles: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    locations = []
    for group in finding["groups"]:
        for claim_id in group["claims"]:
            claim = claims.get(claim_id)
            article = articles.get(claim["article"]) if claim else None
            if claim is None or article is None:
                continue
            locations.append(
                {
                    "physicalLocation": {
                        "artifactLocation": artifact_location(article["path"]),
                        "region": {"startLine": max(1, int(claim["line"]))},
                    },
                    "message": {"text": f"{group['value']} ({article['source']}): {claim['quote']}"},
                }
            )
    return {
        "ruleId": finding["rule"],
        "ruleIndex": rule_index[finding["rule"]],
        "level": level_of(finding["severity"]),
        "message": {"text": finding["message"]},
        "locations": locations,
        "partialFingerprints": {FINGERPRINT_KEY: finding["id"]},
        "properties": {"kind": finding["kind"], "type": finding["type"], "key": finding["key"]},
    }
