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
    """Render ``formats`` from ``data`` and put them in ``out``; returns the written paths."""
    rendered = {FORMATS[name].FILENAME: FORMATS[name].render(data) for name in formats}
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create output folder: {exc.strerror}", Location(str(out))) from None
    staged: list[tuple[str, Path]] = []
    try:
        for filename, text in rendered.items():
            handle, temp = tempfile.mkstemp(prefix=f".{filename}.", dir=out)
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
            os.chmod(temp, 0o644)
            staged.append((temp, out / filename))
    except OSError as exc:
        for temp, _ in staged:
            Path(temp).unlink(missing_ok=True)
        raise UsageError(f"cannot write reports: {exc.strerror}", Location(str(out))) from None
    for temp, target in staged:
        os.replace(temp, target)
    return [target for _, target in staged]
