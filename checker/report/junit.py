"""junit.xml: the findings as a JUnit XML test report for CI dashboards.

Every compared subject (claim type and key) with a finding is one test case: it fails
when sources contradict each other and passes otherwise. The failure text quotes each
side with ``path:line`` so the dashboard alone is enough to find the disagreement.
Durations are reported as 0: nothing is timed, and a measured time would make the file
differ between identical runs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from checker import __version__

FILENAME = "junit.xml"
SUITE_NAME = "checker"
# Characters XML 1.0 cannot carry at all, even escaped; a stray control character in an
# article must not make the whole report unreadable.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(data: dict[str, Any], *, out: Path | None = None) -> str:
    """The JUnit XML report for a findings document."""
    root = junit_tree(data)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def junit_tree(data: dict[str, Any]) -> ET.Element:
    """The ``<testsuites>`` element holding the one ``checker`` suite."""
    claims = {c["id"]: c for c in data["claims"]}
    articles = {a["id"]: a for a in data["articles"]}
    cases: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for finding in data["findings"]:
        cases.setdefault((finding["type"], finding["key"]), []).append(finding)
    failures = sum(1 for found in cases.values() if any(f["kind"] == "contradiction" for f in found))
    counts = {"tests": str(len(cases)), "failures": str(failures), "errors": "0", "skipped": "0", "time": "0"}
    root = ET.Element("testsuites", {"name": SUITE_NAME, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE_NAME, **counts})
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", {"name": "checker.version", "value": __version__})
    for (claim_type, key), found in sorted(cases.items()):
        _testcase(suite, claim_type, key, found, claims, articles)
    return root


def evidence_lines(finding: dict[str, Any], claims: dict[str, Any], articles: dict[str, Any]) -> list[str]:
    """Each group of a finding as a header line, then one ``path:line: quote`` line per claim."""
    lines = []
    for group in finding["groups"]:
        lines.append(f"{group['value']} ({', '.join(group['sources'])}):")
        for claim_id in group["claims"]:
            claim = claims.get(claim_id)
            article = articles.get(claim["article"]) if claim else None
            if claim is None or article is None:
                continue
            quote = " ".join(claim["quote"].split())
            lines.append(f"  {article['path']}:{claim['line']}: “{quote}” ({article['source']})")
    return lines


def _testcase(
    suite: ET.Element,
    claim_type: str,
    key: str,
    findings: list[dict[str, Any]],
    claims: dict[str, Any],
    articles: dict[str, Any],
) -> None:
    case = ET.SubElement(suite, "testcase", {"classname": _xml(claim_type), "name": _xml(key), "time": "0"})
    notes = []
    for finding in findings:
        text = "\n".join([finding["message"], *evidence_lines(finding, claims, articles)])
        if finding["kind"] == "contradiction":
            failure = ET.SubElement(case, "failure", {"message": _xml(finding["message"]), "type": "contradiction"})
            failure.text = _xml(f"{text}\nrule {finding['rule']}, severity {finding['severity']}, id {finding['id']}\n")
        else:
            notes.append(f"{finding['kind'].replace('_', ' ')}: {text}")
    if notes:
        ET.SubElement(case, "system-out").text = _xml("\n\n".join(notes) + "\n")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
