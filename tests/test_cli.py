"""The command line as a user meets it: exit codes, messages, files written or not."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from checker.cli import main
from tests.conftest import ARTICLES, REPO, RULES

SCHEMA = json.loads((REPO / "tests" / "data" / "findings.schema.json").read_text(encoding="utf-8"))
SHARED_SCHEMA = REPO.parent / "shared" / "schemas" / "findings.schema.json"


def run(*args: str) -> int:
    return main(["run", "--articles", str(ARTICLES), "--rules", str(RULES), *args])


def test_run_writes_valid_deterministic_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    assert run("--out", str(first)) == 0
    assert run("--out", str(second)) == 0
    for name in ("findings.json", "report.md", "claims.csv"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    data = json.loads((first / "findings.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert "0 contradiction(s)" in capsys.readouterr().out


@pytest.mark.skipif(not SHARED_SCHEMA.exists(), reason="../shared is not beside this clone")
def test_schema_copy_matches_the_shared_contract() -> None:
    assert json.loads(SHARED_SCHEMA.read_text(encoding="utf-8")) == SCHEMA


def test_fail_on_levels(tmp_path: Path, write_article) -> None:
    write_article("a.md", "Kenya and Tanzania signed 12 agreements during the state visit to Tanzania.", source="Wire A")
    write_article("b.md", "Kenya and Tanzania signed 14 agreements during the state visit to Tanzania.", source="Paper B")
    corpus = str(tmp_path / "corpus")
    out = str(tmp_path / "out")
    assert main(["run", "--articles", corpus, "--rules", str(RULES), "--out", out, "--quiet"]) == 1
    assert main(["run", "--articles", corpus, "--rules", str(RULES), "--out", out, "--quiet", "--fail-on", "never"]) == 0
    assert main(["run", "--articles", corpus, "--rules", str(RULES), "--out", out, "--quiet", "--fail-on", "warning"]) == 1


def test_single_source_fails_only_at_warning_level(tmp_path: Path, write_article) -> None:
    write_article("a.md", "Kenya and Tanzania signed 12 agreements during the state visit to Tanzania.")
    corpus = str(tmp_path / "corpus")
    out = str(tmp_path / "out")
    assert main(["run", "--articles", corpus, "--rules", str(RULES), "--out", out, "--quiet"]) == 0
    assert main(["run", "--articles", corpus, "--rules", str(RULES), "--out", out, "--quiet", "--fail-on", "warning"]) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"---\npublished: 2026-01-05\n---\nBody", "x.md:1: missing required field 'source'"),
        (b"---\nsource: W\npublished: 2026-02-30\n---\nBody", "x.md:3: invalid 'published' date"),
        (b"---\nsource: W\nBody", "x.md:1: front matter opened on line 1 is never closed"),
        (b"---\nsource: W\n---\n\xc3\x28", "x.md:4: invalid UTF-8 at byte offset"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "x.md:3: binary content"),
        (b"---\n[1, 2]\n---\nBody", "x.md:2: front matter must be a mapping"),
    ],
)
def test_bad_article_exits_2_and_keeps_previous_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str) -> None:
    out = tmp_path / "out"
    assert run("--out", str(out), "--quiet") == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    corpus = tmp_path / "corpus"
    shutil.copytree(ARTICLES, corpus)
    (corpus / "x.md").write_bytes(content)
    code = main(["run", "--articles", str(corpus), "--rules", str(RULES), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


@pytest.mark.parametrize("path", ["missing-folder", "empty-folder"])
def test_missing_or_empty_corpus_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], path: str) -> None:
    (tmp_path / "empty-folder").mkdir()
    code = main(["run", "--articles", str(tmp_path / path), "--rules", str(RULES), "--out", str(tmp_path / "out")])
    assert code == 2
    assert "corpus" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_broken_jsonl_line_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "source": "W", "published": null, "text": "x"}\n{"id": "b", "source": \n', encoding="utf-8")
    assert main(["run", "--articles", str(corpus), "--rules", str(RULES), "--out", str(tmp_path / "out")]) == 2
    assert "c.jsonl:2: invalid JSON" in capsys.readouterr().err


def test_claims_command_filters(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["claims", "--articles", str(ARTICLES), "--rules", str(RULES), "--type", "agreements.signed"]) == 0
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines()[2:] if line.strip()]
    assert rows and all("agreements.signed" in row for row in rows)


def test_console_script_and_module_entry_points(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "checker", "run", "--out", str(tmp_path), "--quiet"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "findings.json").exists()


def test_bad_flag_value_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as excinfo:
        main(["run", "--fail-on", "sometimes"])
    assert excinfo.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import cli

    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: False, raising=False)
    assert cli._progress_bar(10_000) is None
    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: True, raising=False)
    assert cli._progress_bar(10) is None
    wrap = cli._progress_bar(10_000)
    assert wrap is not None and list(wrap(iter([1, 2, 3]))) == [1, 2, 3]


def test_every_format_is_written_on_a_corpus_with_contradictions(tmp_path: Path, write_article, capsys: pytest.CaptureFixture[str]) -> None:
    write_article("a.md", "Kenya and Tanzania signed 12 agreements during the state visit to Tanzania.", source="Wire A")
    write_article("b.md", "Kenya and Tanzania signed 14 agreements during the state visit to Tanzania.", source="Paper B")
    out = tmp_path / "out"
    code = main(["run", "--articles", str(tmp_path / "corpus"), "--rules", str(RULES), "--out", str(out), "--format", "json,md,html,csv,sarif,junit,github", "--quiet"])
    assert code == 1
    assert sorted(p.name for p in out.iterdir()) == ["claims.csv", "findings.json", "junit.xml", "report.html", "report.md", "report.sarif"]
    annotations = [line for line in capsys.readouterr().out.splitlines() if line.startswith("::error ")]
    assert len(annotations) == 2


def test_explain_a_claim_and_a_finding(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run("--out", str(tmp_path), "--quiet") == 0
    data = json.loads((tmp_path / "findings.json").read_text(encoding="utf-8"))
    finding = next(f for f in data["findings"] if f["type"] == "agreements.signed")
    claim_id = finding["groups"][0]["claims"][0]
    capsys.readouterr()
    assert main(["explain", claim_id, "--articles", str(ARTICLES), "--rules", str(RULES)]) == 0
    text = capsys.readouterr().out
    assert "pattern:  n-documents" in text and "key:      China–South Korea / in China" in text
    assert f"grouped:  in agreement {finding['id']}" in text
    assert main(["explain", finding["id"], "--articles", str(ARTICLES), "--rules", str(RULES)]) == 0
    text = capsys.readouterr().out
    assert text.startswith(f"finding {finding['id']}: agreement (info)")
    assert main(["explain", "no-such-id", "--articles", str(ARTICLES), "--rules", str(RULES)]) == 2


def test_explain_names_the_key_a_claim_was_brought_from(capsys: pytest.CaptureFixture[str], write_article, tmp_path: Path) -> None:
    write_article("a.md", "China and South Korea agreed mutual visa-free travel for each other's citizens.", source="Paper A")
    write_article("b.md", "Chinese citizens still need a visa to enter South Korea, Seoul said.", source="Paper B")
    corpus = str(tmp_path / "corpus")
    assert main(["run", "--articles", corpus, "--rules", str(RULES), "--out", str(tmp_path / "out"), "--quiet"]) == 1
    data = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    (conflict,) = [f for f in data["findings"] if f["kind"] == "contradiction"]
    capsys.readouterr()
    assert main(["explain", conflict["id"], "--articles", corpus, "--rules", str(RULES)]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("    ")]
    assert len(lines) == 2
    assert "visa_free (from key China ↔ South Korea): China and South Korea agreed" in lines[0]
    assert "visa_required: Chinese citizens" in lines[1]


def test_a_reader_that_stops_early_is_not_an_internal_error(tmp_path: Path) -> None:
    # "checker claims | head -1": the pipe closes while the table is still being printed.
    # The table (some 300 kB) is larger than a pipe's buffer, so the write must fail.
    many = tmp_path / "corpus"
    many.mkdir()
    for i in range(400):
        shutil.copy(next(ARTICLES.glob("003_*.md")), many / f"copy{i:02}.md")
    child = subprocess.Popen(
        [sys.executable, "-m", "checker", "claims", "--articles", str(many)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO,
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.read(10)
    child.stdout.close()
    stderr = child.stderr.read().decode()
    assert child.wait(timeout=60) == 141
    assert "internal error" not in stderr and "Traceback" not in stderr


def test_parallel_extraction_writes_the_same_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("checker.pipeline._CHUNK", 2)  # share even a small corpus among workers
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        for article in ARTICLES.glob("*.md"):
            shutil.copy(article, corpus / f"{i:02}_{article.name}")
    one, two = tmp_path / "one", tmp_path / "two"
    args = ["run", "--articles", str(corpus), "--rules", str(RULES), "--quiet", "--fail-on", "never"]
    assert main([*args, "--out", str(one)]) == 0
    assert main([*args, "--out", str(two), "--jobs", "2"]) == 0
    for name in ("findings.json", "report.md", "claims.csv"):
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_an_error_keeps_its_place_across_processes() -> None:
    import pickle

    from checker.errors import ErrorList, Location, RuleError

    error = RuleError("pattern took too long", Location("rules/x.yaml", 12), "simplify it")
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy)) == (RuleError, "rules/x.yaml:12: pattern took too long (simplify it)")
    both = pickle.loads(pickle.dumps(ErrorList([error, error])))
    assert str(both) == "\n".join([str(error)] * 2)


def test_run_from_another_folder_uses_the_shipped_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)  # no rules/ here
    assert main(["run", "--articles", str(ARTICLES), "--out", "out", "--quiet"]) == 0
    data = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    assert {f["rule"] for f in data["findings"]} >= {"meeting-date", "trade-value"}
    # A rules folder named on purpose is never replaced.
    assert main(["run", "--articles", str(ARTICLES), "--rules", "mine", "--out", "other", "--quiet"]) == 2
    assert "mine: rules folder does not exist" in capsys.readouterr().err
    assert not (tmp_path / "other").exists()
