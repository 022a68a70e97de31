"""findings.json: the machine-readable contract (schema ``checker.findings/1``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FILENAME = "findings.json"


def render(data: dict[str, Any], *, out: Path | None = None) -> str:
    """Stable JSON text: fixed key order, trailing newline. Top-level fields are
    indented by two spaces; each element of a top-level list (a claim, a finding, an
    article) is one line, so that a diff of two reports shows one line per change.

    One line per element is also what keeps large reports fast: ``json`` encodes
    without indentation in C, and with it in Python, several times slower.
    """
    fields = []
    for key, value in data.items():
        name = _dumps(key)
        if isinstance(value, list) and value:
            items = ",\n".join(f"    {_dumps(item)}" for item in value)
            fields.append(f"  {name}: [\n{items}\n  ]")
        else:
            fields.append(f"  {name}: {_dumps(value)}")
    return "{\n" + ",\n".join(fields) + "\n}\n"


# One encoder for every element: ``json.dumps`` with options builds a new one per call.
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
