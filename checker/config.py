"""Settings: built-in defaults < ``[tool.checker]`` in ./pyproject.toml < command-line flags."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from rapidfuzz import process

from checker.errors import Location, UsageError
from checker.corpus import DEFAULT_MAX_ARTICLE_BYTES
from checker.report import DEFAULT_FORMATS, FORMATS

FAIL_LEVELS = ("error", "warning", "never")
# The rules that come with checker, in the project folder beside the package.
SHIPPED_RULES = Path(__file__).resolve().parent.parent / "rules"


@dataclass(frozen=True)
class Settings:
    """Everything ``checker run`` needs to know besides the inputs themselves."""

    articles: str = "articles"
    rules: str = "rules"
    out: str = "reports"
    fail_on: str = "error"
    formats: tuple[str, ...] = DEFAULT_FORMATS
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
    follow_symlinks: bool = False
    jobs: int = 1

    @property
    def rules_dir(self) -> Path:
        """The rules folder: ``rules`` as set, or, when the default ``rules`` is not in the
        working directory, the rules shipped beside the package (so that ``checker run
        --articles PATH`` works from any folder of a checkout)."""
        chosen = Path(self.rules)
        if self.rules == Settings.rules and not chosen.is_dir() and SHIPPED_RULES.is_dir():
            return SHIPPED_RULES
        return chosen

    @property
    def processes(self) -> int:
        """How many processes extract claims: ``jobs``, with 0 meaning one per core."""
        return self.jobs if self.jobs > 0 else os.cpu_count() or 1


def load_settings(overrides: dict[str, Any], pyproject: Path = Path("pyproject.toml")) -> Settings:
    """Defaults, then the project's ``[tool.checker]`` table, then the given overrides."""
    settings = Settings()
    if pyproject.is_file():
        try:
            table = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}).get("checker", {})
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read [tool.checker]: {exc}", Location(str(pyproject))) from None
        settings = _apply(settings, table, str(pyproject))
    return _apply(settings, {k: v for k, v in overrides.items() if v is not None}, "command line")


def _apply(settings: Settings, values: dict[str, Any], origin: str) -> Settings:
    names = [f.name for f in fields(Settings)]
    changes: dict[str, Any] = {}
    for raw_key, value in values.items():
        key = raw_key.replace("-", "_")
        if key == "format":
            key = "formats"
        if key not in names:
            guess = process.extractOne(key, names, score_cutoff=70)
            hint = f" (did you mean '{guess[0]}'?)" if guess else ""
            raise UsageError(f"unknown setting '{raw_key}'{hint}", Location(origin))
        changes[key] = value
    if "formats" in changes and isinstance(changes["formats"], str):
        changes["formats"] = tuple(p.strip() for p in changes["formats"].split(",") if p.strip())
    result = replace(settings, **changes)
    _check(result, origin)
    return result


def _check(settings: Settings, origin: str) -> None:
    if settings.fail_on not in FAIL_LEVELS:
        raise UsageError(f"fail-on must be one of {', '.join(FAIL_LEVELS)}, not {settings.fail_on!r}", Location(origin))
    unknown = [f for f in settings.formats if f not in FORMATS]
    if unknown or not settings.formats:
        raise UsageError(
            f"unknown format {', '.join(unknown) or '(none)'}; choose from {', '.join(FORMATS)}", Location(origin)
        )
    if not isinstance(settings.max_article_bytes, int) or settings.max_article_bytes <= 0:
        raise UsageError("max-article-bytes must be a positive whole number", Location(origin))
    if not isinstance(settings.jobs, int) or isinstance(settings.jobs, bool) or settings.jobs < 0:
        raise UsageError("jobs must be a whole number: 1 or more processes, or 0 for one per core", Location(origin))
