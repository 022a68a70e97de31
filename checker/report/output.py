"""Writing reports atomically: everything is rendered in memory, written to temporary
files beside the targets, then renamed into place. A run that fails before the renames
leaves the previous reports exactly as they were."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, Sequence

from checker.errors import Location, UsageError
from checker.report import FORMATS


def write_reports(data: dict[str, Any], out: Path, formats: Sequence[str]) -> list[Path]:
    """Render ``formats`` from ``data`` and put them in ``out``; returns the written paths.

    Formats without a file (``github``) are returned as text by :func:`stdout_formats`.
    """
    files = {out / FORMATS[name].FILENAME: FORMATS[name].render(data, out=out) for name in formats if FORMATS[name].FILENAME}
    if out.exists() and not out.is_dir():
        raise UsageError("output path exists and is not a folder", Location(str(out)))
    write_files(files)
    return list(files)


def stdout_formats(data: dict[str, Any], formats: Sequence[str]) -> str:
    """The text of formats that go to standard output instead of a file."""
    return "".join(FORMATS[name].render(data, out=None) for name in formats if not FORMATS[name].FILENAME)


def write_text_atomic(path: Path, text: str) -> None:
    """Write one file through a temporary file and a rename (for baselines)."""
    write_files({path: text})


def write_files(files: dict[Path, str]) -> None:
    """Stage every file beside its target, then rename them all into place."""
    staged: list[tuple[str, Path]] = []
    try:
        for target, text in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
            os.chmod(temp, 0o644)
            staged.append((temp, target))
    except OSError as exc:
        for temp, _ in staged:
            Path(temp).unlink(missing_ok=True)
        raise UsageError(f"cannot write: {exc.strerror}", Location(str(exc.filename or ""))) from None
    for temp, target in staged:
        os.replace(temp, target)
