"""findings.json: the machine-readable contract (schema ``checker.findings/1``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FILENAME = "findings.json"


def render(data: dict[str, Any], *, out: Path | None = None) -> str:
    """Stable JSON text: fixed key order, two-space indent, trailing newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
