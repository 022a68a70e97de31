"""Odd and hostile input: processed or refused with a clear message, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main
from checker.corpus import load_corpus
from checker.errors import CheckerError
from checker.pipeline import check
from checker.rules.loader import load_rules
from checker.rules.located import parse_located
from tests.conftest import RULES

RULESET = load_rules(RULES)
SENTENCE = "Kenya and Tanzania signed 12 agreements during the state visit to Tanzania."


def test_odd_but_valid_articles_are_processed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    bodies = {
        "crlf": SENTENCE.replace(" during", "\r\nduring") + "\r\n",
        "bom": "\ufeff" + SENTENCE,
        "tabs": "\t" + SENTENCE.replace(" ", "\t"),
        "html": "<p>" + SENTENCE + "</p>\n<script>alert(1)</script>",
        "rtl-cjk-emoji": "مرحبا بالعالم 你好世界 🎉🎉 " + SENTENCE + " שלום",
        "long-line": ("word " * 20_000) + SENTENCE,
    }
    for name, body in bodies.items():
        text = "---\nsource: " + name + "\npublished: 2025-05-02\n---\n" + body
        data = text.encode("utf-8")
        if name == "crlf":
            data = data.replace(b"\n", b"\r\n")
        if name == "bom":
            data = b"\xef\xbb\xbf" + text.replace("\ufeff", "").encode("utf-8")
        (corpus / f"{name}.md").write_bytes(data)
    report = check(load_corpus(corpus), RULESET)
    signed = [c for c in report.claims if c.type == "agreements.signed"]
    assert sorted(c.article for c in signed) == sorted(bodies)
    for claim in signed:
        article = next(a for a in report.articles if a.id == claim.article)
        assert article.text[claim.start : claim.end] == claim.text == "12"


def test_large_article_is_processed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    paragraph = "Officials said the visit went well and more talks would follow in the coming months. " * 40
    body = (paragraph + "\n") * 600 + SENTENCE + "\n"
    assert len(body) > 2_000_000
    (corpus / "big.md").write_text("---\nsource: Big\n---\n" + body, encoding="utf-8")
    report = check(load_corpus(corpus), RULESET)
    [claim] = [c for c in report.claims if c.type == "agreements.signed"]
    assert claim.line == 4 + 600


def test_nul_bytes_are_refused_with_location(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "x.md").write_bytes(b"---\nsource: W\n---\nline\nbad \x00 byte\n")
    with pytest.raises(CheckerError, match=r"x.md:5: binary content \(NUL byte at byte offset 27\)"):
        load_corpus(corpus)


@pytest.mark.parametrize("depth", [42, 5_000, 50_000])
@pytest.mark.parametrize("nest", ["flow", "compact lists", "indented"])
def test_deeply_nested_rule_is_refused(depth: int, nest: str) -> None:
    if nest == "flow":
        text = "[" * depth + "]" * depth
    elif nest == "compact lists":
        text = "- " * depth + "x"
    else:
        depth = min(depth, 1_500)  # indentation grows as the square of the depth
        text = "".join(" " * level + "k:\n" for level in range(depth)) + " " * depth + "v\n"
    with pytest.raises(CheckerError, match="nested deeper than 40 levels"):
        parse_located(text, "deep.yaml")


def test_deeply_nested_front_matter_is_refused(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "x.md").write_text("---\nsource: W\ntags: " + "[" * 5000 + "]" * 5000 + "\n---\nBody", encoding="utf-8")
    with pytest.raises(CheckerError, match="x.md"):
        load_corpus(corpus)


def test_oversized_rule_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "huge.yaml").write_text("# padding\n" * 300_000, encoding="utf-8")
    assert main(["rules", "validate", str(folder)]) == 2
    assert "over the 2,097,152 byte limit" in capsys.readouterr().err


def test_jsonl_ids_never_decide_where_files_go(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    records = [
        {"id": "../../etc/x", "source": "A", "published": None, "text": SENTENCE},
        {"id": str(tmp_path / "abs"), "source": "B", "published": None, "text": SENTENCE},
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    before = set(p for p in tmp_path.rglob("*"))
    assert main(["run", "--articles", str(corpus), "--rules", str(RULES), "--out", "out", "--quiet"]) == 0
    created = set(p for p in tmp_path.rglob("*")) - before
    assert created and all(p.is_relative_to(tmp_path / "out") or p == tmp_path / "out" for p in created)
    data = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    assert {a["id"] for a in data["articles"]} == {"../../etc/x", str(tmp_path / "abs")}


def test_internal_error_is_a_short_message_unless_debug(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr("checker.cli.check", broken)
    assert main(["run", "--rules", str(RULES), "--articles", str(RULES.parent / "articles"), "--out", "/nonexistent/out"]) == 3
    err = capsys.readouterr().err
    assert "internal error (ZeroDivisionError)" in err and "Traceback" not in err
    assert main(["--debug", "run", "--rules", str(RULES), "--articles", str(RULES.parent / "articles"), "--out", "/nonexistent/out"]) == 3
    assert "Traceback" in capsys.readouterr().err


def test_unwritable_output_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "file-not-folder"
    target.write_text("x", encoding="utf-8")
    code = main(["run", "--rules", str(RULES), "--articles", str(RULES.parent / "articles"), "--out", str(target)])
    assert code == 2
    assert "not a folder" in capsys.readouterr().err
