"""The example reports the README points to are what a run on the bundled corpus writes
today, byte for byte (they went stale once, unnoticed, after a change of reading)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker.cli import main
from tests.conftest import REPO

EXAMPLE = REPO / "reports" / "example"
FORMATS = "json,md,html,csv,sarif,junit"


def test_the_example_reports_are_current(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # the reports name articles by their path from the working directory
    assert main(["run", "--out", str(tmp_path), "--format", FORMATS, "--quiet"]) == 0
    shipped = sorted(p.name for p in EXAMPLE.iterdir())
    assert shipped == sorted(p.name for p in tmp_path.iterdir())
    stale = [name for name in shipped if (EXAMPLE / name).read_bytes() != _as_if_in_example(tmp_path, name)]
    assert stale == [], f"regenerate with: checker run --out reports/example --format {FORMATS}"


def _as_if_in_example(out: Path, name: str) -> bytes:
    """A report written to ``out``, its links to the articles made relative to
    reports/example instead (only report.html links them)."""
    written = (out / name).read_bytes()
    from_out = Path(os.path.relpath(REPO / "articles", out)).as_posix()
    from_example = Path(os.path.relpath(REPO / "articles", EXAMPLE)).as_posix()
    return written.replace(f'href="{from_out}/'.encode(), f'href="{from_example}/'.encode())
