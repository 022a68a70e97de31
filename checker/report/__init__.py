"""Output formats. Each module renders the serialized report; this registry names them."""

from __future__ import annotations

from types import ModuleType
from typing import Callable, Mapping

from checker.report import csv_format, json_format, markdown

FORMATS: Mapping[str, ModuleType] = {
    "json": json_format,
    "md": markdown,
    "csv": csv_format,
}
DEFAULT_FORMATS = ("json", "md", "csv")

Renderer = Callable[[dict], str]
