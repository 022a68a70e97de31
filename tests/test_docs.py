"""The rule-writing tutorial runs as printed: its files are written out and used."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from checker.cli import main
from tests.conftest import REPO, RULES

TUTORIAL = REPO / "docs" / "writing-rules.md"
_BLOCK = re.compile(r"<!-- file: (?P<path>[^ ]+) -->\n```\w*\n(?P<body>.*?)```", re.S)


def tutorial_files() -> dict[str, str]:
    return {m.group("path"): m.group("body") for m in _BLOCK.finditer(TUTORIAL.read_text(encoding="utf-8"))}


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(RULES, tmp_path / "rules")
    for path, body in tutorial_files().items():
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_tutorial_has_a_rule_and_a_corpus() -> None:
    files = tutorial_files()
    assert "rules/death-toll.yaml" in files
    assert len([p for p in files if p.startswith("flood/")]) == 3


def test_tutorial_rule_validates_and_its_examples_pass(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "validate"]) == 0
    assert main(["rules", "test"]) == 0
    assert "rules/death-toll.yaml ......." in capsys.readouterr().out


def test_tutorial_run_finds_what_the_tutorial_says(workspace: Path) -> None:
    assert main(["run", "--articles", "flood", "--out", "flood-reports", "--quiet"]) == 1
    data = json.loads((workspace / "flood-reports" / "findings.json").read_text(encoding="utf-8"))
    deaths = [f for f in data["findings"] if f["type"] == "disaster.deaths"]
    assert [(f["kind"], f["key"], sorted(g["value"] for g in f["groups"])) for f in deaths] == [
        ("contradiction", "in Nepal", ["49", "57"])
    ]
    injured = [c for c in data["claims"] if c["type"] == "disaster.deaths" and "300" in c["text"]]
    assert injured == []
