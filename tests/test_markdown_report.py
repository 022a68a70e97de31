"""report.md: ordering, highlighting, and the size limit of a pull-request comment."""

from __future__ import annotations

from checker.report.markdown import MAX_CHARS, render


def claim(cid: str, article: str, text: str, quote: str, start: int) -> dict:
    return {"id": cid, "article": article, "text": text, "quote": quote, "start": start, "quote_start": 0, "line": 5}


def data_with(findings: int) -> dict:
    articles = [{"id": "a", "source": "Wire | A", "path": "a.md"}, {"id": "b", "source": "Paper B", "path": "b.md"}]
    claims, items = [], []
    for n in range(findings):
        quote_a = f"In 2012 the two sides signed {n + 12} agreements, officials said " + "at length " * 40
        quote_b = f"The two sides signed {n + 14} agreements."
        claims += [claim(f"a{n}", "a", str(n + 12), quote_a, quote_a.index(f" {n + 12} ") + 1), claim(f"b{n}", "b", str(n + 14), quote_b, 20)]
        items.append(
            {
                "id": f"f{n:04d}", "kind": "contradiction", "rule": "r", "type": "agreements.signed", "key": f"key {n}",
                "severity": "error", "message": "Sources disagree.",
                "groups": [
                    {"value": str(n + 12), "claims": [f"a{n}"], "articles": ["a"], "sources": ["Wire | A"]},
                    {"value": str(n + 14), "claims": [f"b{n}"], "articles": ["b"], "sources": ["Paper B"]},
                ],
            }
        )
    summary = {"articles": 2, "claims": len(claims), "unkeyed_claims": 0, "contradictions": findings, "single_source": 0, "agreements": 0}
    return {"schema": "checker.findings/1", "summary": summary, "articles": articles, "claims": claims, "findings": items}


def test_value_is_highlighted_where_it_stands_and_pipes_are_escaped() -> None:
    text = render(data_with(1))
    assert "In 2012 the two sides signed **12** agreements" in text
    assert "Wire \\| A" in text


def test_long_report_is_cut_to_fit_a_comment() -> None:
    text = render(data_with(400))
    assert len(text) < MAX_CHARS
    kept = text.count("### ERROR")
    assert 0 < kept < 400
    assert f"_{400 - kept} finding(s) left out to fit a pull-request comment; see report.html or findings.json._" in text


def test_short_report_is_complete() -> None:
    text = render(data_with(3))
    assert text.count("### ERROR") == 3 and "left out" not in text
