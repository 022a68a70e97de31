"""Output formats. Each module renders the serialized report; this registry names them.

A format module has ``FILENAME`` (None: the text goes to standard output) and
``render(data, *, out=None) -> str``.
"""

from __future__ import annotations

from types import ModuleType
from typing import Mapping

from checker.report import csv_format, github, html, json_format, junit, markdown, sarif

FORMATS: Mapping[str, ModuleType] = {
    "json": json_format,
    "md": markdown,
    "html": html,
    "csv": csv_format,
    "sarif": sarif,
    "junit": junit,
    "github": github,
}
DEFAULT_FORMATS = ("json", "md", "html", "csv")
