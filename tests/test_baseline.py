"""Baselines and diffs: accepted findings stop failing the build; new ones fail it again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main
from tests.conftest import RULES

DOCS_12 = "Kenya and Tanzania signed 12 agreements during the state visit to Tanzania."
DOCS_14 = "During the state visit to Tanzania, Kenya and Tanzania signed 14 agreements."
DELEGATION_A = "A delegation of 80 business leaders joined the state visit to Japan, India and Japan said."
DELEGATION_B = "A delegation of 150 business leaders joined the state visit to Japan, India and Japan said."


def run(tmp_path: Path, *extra: str) -> int:
    return main(["run", "--articles", str(tmp_path / "corpus"), "--rules", str(RULES), "--out", str(tmp_path / "out"), "--quiet", *extra])


def test_baseline_silences_then_a_new_contradiction_fails_again(write_article, tmp_path: Path) -> None:
    write_article("a.md", DOCS_12, source="Wire A")
    write_article("b.md", DOCS_14, source="Paper B")
    baseline = tmp_path / "baseline.json"
    assert run(tmp_path) == 1
    assert run(tmp_path, "--write-baseline", str(baseline), "--reason", "checked with both outlets") == 0
    entries = json.loads(baseline.read_text(encoding="utf-8"))["entries"]
    assert [(e["kind"], e["values"], e["reason"]) for e in entries] == [("contradiction", ["12", "14"], "checked with both outlets")]
    assert run(tmp_path, "--baseline", str(baseline)) == 0

    # An unrelated article and shifted lines keep the fingerprint.
    write_article("a.md", "An opening paragraph.\n\n" + DOCS_12, source="Wire A")
    write_article("c.md", "Brazil and Argentina signed eight agreements in Brasília.", source="Other")
    assert run(tmp_path, "--baseline", str(baseline)) == 0

    write_article("d.md", DELEGATION_A, source="Paper D")
    write_article("e.md", DELEGATION_B, source="Paper E")
    assert run(tmp_path, "--baseline", str(baseline)) == 1
    data = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    new = [f for f in data["findings"] if f["id"] in data["baseline"]["new"] and f["kind"] == "contradiction"]
    assert [f["type"] for f in new] == ["delegation.size"]
    assert data["baseline"]["resolved"] == [] and data["baseline"]["stale"] == []


def test_resolved_and_stale_entries(write_article, tmp_path: Path) -> None:
    write_article("a.md", DOCS_12, source="Wire A")
    write_article("b.md", DOCS_14, source="Paper B")
    baseline = tmp_path / "baseline.json"
    run(tmp_path, "--write-baseline", str(baseline))
    # Paper B corrects itself to 13: still a contradiction on the key, with new values.
    write_article("b.md", DOCS_14.replace("14", "13"), source="Paper B")
    assert run(tmp_path, "--baseline", str(baseline)) == 1
    summary = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))["baseline"]
    assert len(summary["stale"]) == 1 and summary["resolved"] == []
    # Paper B now agrees: the accepted contradiction is resolved.
    write_article("b.md", DOCS_14.replace("14", "12"), source="Paper B")
    assert run(tmp_path, "--baseline", str(baseline)) == 0
    summary = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))["baseline"]
    assert len(summary["resolved"]) == 1 and summary["stale"] == []


def test_bad_baseline_file_exits_2(write_article, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_article("a.md", DOCS_12)
    bad = tmp_path / "baseline.json"
    bad.write_text("{not json", encoding="utf-8")
    assert run(tmp_path, "--baseline", str(bad)) == 2
    assert "baseline.json:1:2: baseline is not valid JSON" in capsys.readouterr().err
    assert run(tmp_path, "--baseline", str(tmp_path / "none.json")) == 2


def test_diff_lists_new_and_resolved(write_article, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_article("a.md", DOCS_12, source="Wire A")
    run(tmp_path)
    old = tmp_path / "old.json"
    old.write_bytes((tmp_path / "out" / "findings.json").read_bytes())
    write_article("b.md", DOCS_14, source="Paper B")
    run(tmp_path)
    capsys.readouterr()
    assert main(["diff", str(old), str(tmp_path / "out" / "findings.json")]) == 0
    out = capsys.readouterr().out
    assert "1 new, 1 resolved, 0 unchanged." in out
    new_section = out.split("## New (1)")[1].split("## Resolved")[0]
    assert "contradiction" in new_section and "12 vs 14" in new_section
    assert "single_source" in out.split("## Resolved (1)")[1]
    assert main(["diff", str(old), str(tmp_path / "missing.json")]) == 2
