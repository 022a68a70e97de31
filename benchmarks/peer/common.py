"""Shared shape of a peer-suite result and helpers to read the spec files."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class SuiteResult:
    """Outcome of one peer suite: how many cases were in scope and how many passed.

    ``scope`` is one sentence saying which cases count and why (the filter, documented).
    ``failures`` keeps a few failing inputs with what we produced, for the report.
    """

    name: str
    spec_file: str
    total: int
    in_scope: int
    passed: int
    target: float
    scope: str
    failures: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.passed / self.in_scope if self.in_scope else 0.0


def load_cases(spec_root: Path, relative: str) -> list[dict[str, Any]]:
    """The cases of one spec file (some start with a UTF-8 BOM)."""
    return json.loads((spec_root / relative).read_text(encoding="utf-8-sig"))
