"""``checker diff OLD.json NEW.json``: which findings are new and which were resolved."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tabulate import tabulate

from checker.errors import Location, UsageError
from checker.report.serialize import SCHEMA_ID

_KIND_ORDER = {"contradiction": 0, "single_source": 1, "agreement": 2}


def load_findings(path: Path) -> dict[str, Any]:
    """A findings.json file, checked to be one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError("file does not exist", Location(str(path))) from None
    except json.JSONDecodeError as exc:
        raise UsageError(f"not valid JSON: {exc.msg}", Location(str(path), exc.lineno, exc.colno)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read: {exc}", Location(str(path))) from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA_ID or not isinstance(data.get("findings"), list):
        raise UsageError(f"not a findings.json (expected schema '{SCHEMA_ID}')", Location(str(path), 1))
    return data


def diff_markdown(old: dict[str, Any], new: dict[str, Any]) -> str:
    """Markdown for a pull-request comment: new findings, then resolved ones."""
    old_ids = {f["id"]: f for f in old["findings"]}
    new_ids = {f["id"]: f for f in new["findings"]}
    added = sorted((f for i, f in new_ids.items() if i not in old_ids), key=_order)
    resolved = sorted((f for i, f in old_ids.items() if i not in new_ids), key=_order)
    lines = [
        "# Findings changed",
        "",
        f"{len(added)} new, {len(resolved)} resolved, {len(set(old_ids) & set(new_ids))} unchanged.",
    ]
    for title, items in (("New", added), ("Resolved", resolved)):
        lines += ["", f"## {title} ({len(items)})", ""]
        if not items:
            lines.append("None.")
            continue
        rows = [[f["kind"], f["severity"], f["type"], f["key"], " vs ".join(g["value"] for g in f["groups"]), f["id"]] for f in items]
        lines.append(tabulate(rows, headers=["kind", "severity", "type", "key", "values", "id"], tablefmt="github"))
    return "\n".join(lines) + "\n"


def _order(finding: dict[str, Any]) -> tuple[int, str, str, str]:
    return (_KIND_ORDER.get(finding["kind"], 9), finding["type"], finding["key"], finding["id"])
