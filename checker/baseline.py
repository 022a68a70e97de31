"""Baselines: accepted findings that later runs stay quiet about.

An entry is keyed by the finding's fingerprint (its id: rule, type, key, kind and the
group values; no line numbers, no article ids), so it survives edits that shift lines
and the arrival of unrelated articles. A later article that merely repeats one side of
an accepted contradiction keeps the fingerprint; a new conflicting value changes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.errors import Location, UsageError

SCHEMA = "checker.baseline/1"


@dataclass(frozen=True)
class BaselineEntry:
    """One accepted finding."""

    fingerprint: str
    rule: str
    type: str
    key: str
    kind: str
    values: tuple[str, ...]
    sources: tuple[str, ...]
    reason: str | None = None


def entries_from_findings(data: dict[str, Any], reason: str | None) -> list[BaselineEntry]:
    """Baseline entries for every finding of a serialized report."""
    return [
        BaselineEntry(
            fingerprint=f["id"],
            rule=f["rule"],
            type=f["type"],
            key=f["key"],
            kind=f["kind"],
            values=tuple(sorted(g["value"] for g in f["groups"])),
            sources=tuple(sorted({s for g in f["groups"] for s in g["sources"]})),
            reason=reason,
        )
        for f in data["findings"]
    ]


def render_baseline(entries: list[BaselineEntry]) -> str:
    """The baseline file's text (stable order, so it diffs well in review)."""
    ordered = sorted(entries, key=lambda e: (e.kind, e.type, e.key, e.fingerprint))
    return json.dumps({"schema": SCHEMA, "entries": [e.__dict__ | {"values": list(e.values), "sources": list(e.sources)} for e in ordered]}, ensure_ascii=False, indent=2) + "\n"


def load_baseline(path: Path) -> list[BaselineEntry]:
    """Read a baseline file; every problem is a located error."""
    shown = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError("baseline file does not exist", Location(shown), "write one with --write-baseline FILE") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read baseline: {exc}", Location(shown)) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise UsageError(f"baseline is not valid JSON: {exc.msg}", Location(shown, exc.lineno, exc.colno)) from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("entries"), list):
        raise UsageError(f"not a checker baseline (expected schema '{SCHEMA}' and a list of entries)", Location(shown, 1))
    entries = []
    for i, item in enumerate(data["entries"]):
        try:
            entries.append(
                BaselineEntry(
                    fingerprint=str(item["fingerprint"]),
                    rule=str(item["rule"]),
                    type=str(item["type"]),
                    key=str(item["key"]),
                    kind=str(item["kind"]),
                    values=tuple(item.get("values", [])),
                    sources=tuple(item.get("sources", [])),
                    reason=item.get("reason"),
                )
            )
        except (KeyError, TypeError):
            raise UsageError(f"baseline entry {i + 1} lacks fingerprint, rule, type, key or kind", Location(shown)) from None
    return entries


def apply_baseline(data: dict[str, Any], entries: list[BaselineEntry]) -> dict[str, Any]:
    """Mark baselined findings and summarise new, resolved and stale entries.

    - new: findings not in the baseline;
    - resolved: baseline entries whose type and key no longer have a finding of that kind;
    - stale: baseline entries that match no finding although their key still has one of
      that kind (the values changed: the new finding is reported as new).
    """
    known = {e.fingerprint: e for e in entries}
    present = {f["id"] for f in data["findings"]}
    slots = {(f["type"], f["key"], f["kind"]) for f in data["findings"]}
    findings = [dict(f, baselined=f["id"] in known) for f in data["findings"]]
    missing = [e for e in entries if e.fingerprint not in present]
    summary = {
        "entries": len(entries),
        "new": [f["id"] for f in findings if not f["baselined"]],
        "baselined": [f["id"] for f in findings if f["baselined"]],
        "resolved": [e.fingerprint for e in missing if (e.type, e.key, e.kind) not in slots],
        "stale": [e.fingerprint for e in missing if (e.type, e.key, e.kind) in slots],
    }
    return dict(data, findings=findings, baseline=summary)
