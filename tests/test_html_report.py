"""report.html: escaping, counts, order, highlights, links, determinism, and a real browser."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Callable

import pytest

from checker.cli import main
from checker.corpus import load_corpus
from checker.pipeline import check
from checker.report import FORMATS, html
from checker.report.html_matrix import build_matrix
from checker.report.html_parts import article_href, external_link, highlight
from checker.report.serialize import report_to_data
from checker.rules.loader import load_rules
from tests.conftest import RULES

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
SIGNED = "Kenya and Tanzania signed {n} agreements during the state visit to Tanzania."
CHROMIUM = Path("/usr/bin/chromium")
VOID = {"meta", "br", "img", "input", "link", "hr", "source", "wbr"}


class Node:
    """An element of a parsed page: enough DOM for assertions, built with the standard library."""

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.content: list[str | Node] = []

    def text(self) -> str:
        """The text content, as a browser's ``textContent`` gives it."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.content)

    def all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Node]:
        """Descendants in document order with this tag, class and attribute values (``a_b`` means ``a-b``)."""
        found = []
        for child in self.content:
            if isinstance(child, Node):
                classes = child.attrs.get("class", "").split()
                if (tag in (None, child.tag)) and (cls is None or cls in classes) and all(
                    child.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items()
                ):
                    found.append(child)
                found.extend(child.all(tag, cls, **attrs))
        return found

    def hidden(self) -> bool:
        """True when this element or an ancestor carries ``hidden``."""
        node: Node | None = self
        while node is not None:
            if "hidden" in node.attrs:
                return True
            node = node.parent
        return False


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#document", {}, None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.content.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.content.append(data)


def parse(page: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(page)
    return builder.root


# --- hand-made findings documents ----------------------------------------------------------


def _claim(cid: str, article: str, text: str, quote: str, line: int, key: str = "k", note: str | None = None) -> dict[str, Any]:
    return {"id": cid, "article": article, "type": "t.count", "rule": "r", "pattern": "p", "key": key, "key_resolved": bool(key),
            "note": note, "text": text, "hedge": None, "value": {"kind": "number", "display": text}, "quote": quote,
            "start": 0, "end": len(text), "line": line, "as_of": None}


def _finding(
    fid: str, kind: str, groups: list[tuple[str, list[str], list[str]]], key: str = "k", type_: str = "t.count", rule: str = "r"
) -> dict[str, Any]:
    severity = {"contradiction": "error", "single_source": "warning", "agreement": "info"}[kind]
    return {"id": fid, "kind": kind, "rule": rule, "type": type_, "key": key, "severity": severity, "message": f"{kind} on {key}",
            "groups": [{"value": v, "claims": c, "articles": [x.split(":")[0] for x in c], "sources": s} for v, c, s in groups]}


def _article(aid: str, source: str, title: str | None = None, url: str | None = None) -> dict[str, Any]:
    return {"id": aid, "path": f"articles/{aid}.md", "source": source, "published": None, "title": title, "url": url, "duplicate_of": None}


def hostile_data() -> dict[str, Any]:
    """Every text field carries markup; findings are listed agreement-first on purpose."""
    evil_key = f"key {SCRIPT}"
    claims = [
        _claim("a:1", "a", "12", f"They signed 12 deals. {SCRIPT} {IMG}", 6, key=evil_key),
        _claim("b:1", "b", "14", "They signed 14 deals in 2014.", 9, key=evil_key),
        _claim("b:2", "b", "two", "Met two times.", 3, key="pair"),
        _claim("c:2", "c", "two", "Met two times.", 4, key="pair"),
        _claim("c:3", "c", "<b>", f"Odd {IMG} <b> here", 5, key="", note=f"no pair {SCRIPT}"),
        _claim("c:4", "c", "3", "Three, later.", 8, key="pair", note="undated, and the key has 2 occasions"),
    ]
    findings = [
        _finding("f-agree", "agreement", [("2", ["b:2", "c:2"], ["Beta", "Gamma"])], key="pair", type_="meeting.count"),
        _finding("f-clash", "contradiction", [("12", ["a:1"], [f"Alpha {SCRIPT}"]), ("14", ["b:1"], ["Beta"])], key=evil_key, rule=f"rule {IMG}"),
    ]
    articles = [
        _article("a", f"Alpha {SCRIPT}", title=f"{SCRIPT} Summit {IMG}", url="javascript:alert(1)"),
        _article("b", "Beta", url="https://example.org/b"),
        _article("c", "Gamma"),
    ]
    summary = {"articles": 3, "claims": 6, "unkeyed_claims": 1, "contradictions": 1, "single_source": 0, "agreements": 1}
    return {"schema": "checker.findings/1", "summary": summary, "articles": articles, "claims": claims, "findings": findings}


# --- unit tests on render() -----------------------------------------------------------------


def test_markup_from_articles_and_rules_is_shown_as_text() -> None:
    page = html.render(hostile_data(), out=Path("reports"))
    dom = parse(page)
    assert SCRIPT not in page and IMG not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert len(dom.all("script")) == 1 and dom.all("img") == []
    assert not [n for n in dom.all() if any(a.startswith("on") for a in n.attrs)]
    clash = dom.all("article", id="f-f-clash")[0]
    assert clash.all("h3")[0].text() == f"t.count — key {SCRIPT}"
    assert [p.text() for p in clash.all("p", cls="sources")] == [f"Alpha {SCRIPT}", "Beta"]
    assert f"{SCRIPT} Summit {IMG}" in clash.text()
    assert clash.all("p", cls="meta")[0].all("code")[0].text() == f"rule {IMG}"
    assert [c.text() for c in dom.all("th", cls="src")] == [f"Alpha {SCRIPT}", "Beta", "Gamma"]
    # A javascript: address is printed, never linked; http(s) is linked.
    assert [a.attrs["href"] for a in dom.all("a") if "example" in a.attrs["href"] or "javascript" in a.attrs["href"]] == [
        "https://example.org/b"
    ]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("javascript:alert(1)", "<code>javascript:alert(1)</code>"),
        (" javascript:alert(1)", "<code> javascript:alert(1)</code>"),
        ("JAVASCRIPT:x", "<code>JAVASCRIPT:x</code>"),
        ('https://a.org/?q="x"', '<a href="https://a.org/?q=&quot;x&quot;" rel="noopener noreferrer">https://a.org/?q=&quot;x&quot;</a>'),
        (None, ""),
    ],
)
def test_external_link_only_for_http(url: str | None, expected: str) -> None:
    assert external_link(url) == expected


def test_counts_come_first_and_list_every_claim_not_compared() -> None:
    dom = parse(html.render(hostile_data()))
    counts = {li.attrs["data-count"]: li.all("b")[0].text() for li in dom.all("li") if "data-count" in li.attrs}
    # The keyless claim and the one set aside for its date are both not compared.
    assert counts == {"articles": "3", "claims": "6", "not-compared": "2", "contradiction": "1", "single_source": "0", "agreement": "1"}
    rows = dom.all("details", id="not-compared")[0].all("tr")[1:]
    assert [r.all("td")[4].text() for r in rows] == [f"no pair {SCRIPT}", "undated, and the key has 2 occasions"]
    assert dom.all("details", id="not-compared")[0].all("summary")[0].text() == "Claims not compared (2)"


def test_contradictions_come_before_single_source_and_agreements() -> None:
    page = html.render(hostile_data())
    order = [m.group(1) for m in re.finditer(r'<section id="([\w-]+)"', page)]
    assert order == ["contradiction", "single-source", "agreement", "matrix-section"]
    assert page.index('id="f-f-clash"') < page.index('id="f-f-agree"')
    assert page.index("<ul class=\"counts\"") < page.index('id="contradiction"')


def test_conflicting_groups_sit_side_by_side_with_marked_quotes() -> None:
    dom = parse(html.render(hostile_data()))
    clash = dom.all("article", id="f-f-clash")[0]
    columns = clash.all("div", cls="group")
    assert [c.all("p", cls="value")[0].text() for c in columns] == ["12", "14"]
    assert [[m.text() for m in c.all("mark")] for c in columns] == [["12"], ["14"]]
    # "14" is marked as a word, not inside "2014".
    assert "in 2014." in columns[1].all("blockquote")[0].text()


@pytest.mark.parametrize(
    ("quote", "text", "expected"),
    [
        ("signed 15 documents", "15", "signed <mark>15</mark> documents"),
        ("In 2015 they signed 15 documents", "15", "In 2015 they signed <mark>15</mark> documents"),
        ("the 2015 accord", "15", "the 20<mark>15</mark> accord"),
        ("a <b> & c", "<b>", "a <mark>&lt;b&gt;</mark> &amp; c"),
        ("no such value", "42", "no such value"),
        ("empty <text>", "", "empty &lt;text&gt;"),
        ("($306 billion)", "$306 billion", "(<mark>$306 billion</mark>)"),
        ("four-day visit, a four-day trip", "four-day", "<mark>four-day</mark> visit, a four-day trip"),
    ],
)
def test_highlight_marks_the_claims_surface_text(quote: str, text: str, expected: str) -> None:
    assert highlight(quote, text) == expected


@pytest.mark.parametrize(
    ("path", "line", "out", "expected"),
    [
        ("articles/a.md", 6, Path("reports"), "../articles/a.md#L6"),
        ("articles/a.md", 6, None, "articles/a.md#L6"),
        ("articles/a.md", 6, Path("out/html"), "../../articles/a.md#L6"),
        ("corpus/my file#2.md", 12, Path("."), "corpus/my%20file%232.md#L12"),
        ("/data/news/x.md", 1, Path("/data/reports"), "../news/x.md#L1"),
        ("articles/a.md", None, Path("reports"), "../articles/a.md"),
    ],
)
def test_article_links_are_relative_to_the_report_folder(path: str, line: int | None, out: Path | None, expected: str) -> None:
    assert article_href(path, line, out) == expected


def test_every_quote_links_to_its_article_line() -> None:
    dom = parse(html.render(hostile_data(), out=Path("reports")))
    links = [(a.attrs["href"], a.text()) for a in dom.all("article", id="f-f-clash")[0].all("a", cls="loc")]
    assert links == [("../articles/a.md#L6", "articles/a.md:6"), ("../articles/b.md#L9", "articles/b.md:9")]


def test_same_data_gives_the_same_bytes() -> None:
    data = hostile_data()
    first = html.render(data, out=Path("reports"))
    assert html.render(json.loads(json.dumps(data)), out=Path("reports")) == first
    assert html.render(copy.deepcopy(data), out=Path("reports")).encode() == first.encode()
    assert not re.search(r"20\d\d-\d\d-\d\dT|\d\d:\d\d:\d\d", first)


def test_page_is_self_contained_and_its_script_is_allowed_by_hash() -> None:
    page = html.render(hostile_data())
    dom = parse(page)
    assert dom.all("link") == [] and [n.tag for n in dom.all() if "src" in n.attrs] == []
    assert not re.search(r"url\(|@import|https?:", dom.all("style")[0].text() + dom.all("script")[0].text())
    script = re.search(r"<script>(.*)</script>", page, re.S)
    assert script is not None
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    policy = dom.all("meta", http_equiv="Content-Security-Policy")[0].attrs["content"]
    assert f"script-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy


def test_matrix_cells_show_the_worst_state_per_source() -> None:
    data = hostile_data()
    # Beta also agrees with Gamma on the contradicted key: the conflict must still show.
    data["findings"].append(_finding("f-extra", "agreement", [("13", ["b:1", "c:2"], ["Beta", "Gamma"])], key=f"key {SCRIPT}"))
    data["findings"].append(_finding("f-lone", "single_source", [("9", ["c:4"], ["Gamma"])], key="solo"))
    matrix = build_matrix(data)
    assert matrix.sources == (f"Alpha {SCRIPT}", "Beta", "Gamma")
    table = [(r.type, r.key, [c.state for c in r.cells]) for r in matrix.rows]
    assert table == [
        ("meeting.count", "pair", ["silent", "agrees", "agrees"]),
        ("t.count", f"key {SCRIPT}", ["contradicts", "contradicts", "agrees"]),
        ("t.count", "solo", ["silent", "silent", "single source"]),
    ]
    assert [c.values for c in matrix.rows[1].cells] == [("12",), ("14", "13"), ("13",)]


def test_baselined_findings_are_marked() -> None:
    data = hostile_data()
    data["findings"][1]["baselined"] = True
    dom = parse(html.render(data))
    assert [[b.text() for b in a.all("span", cls="badge")] for a in dom.all("article")] == [["baselined"], []]


def test_empty_report_still_renders() -> None:
    data = {"summary": dict.fromkeys(hostile_data()["summary"], 0), "articles": [], "claims": [], "findings": []}
    dom = parse(html.render(data))
    assert [p.text() for p in dom.all("p", cls="none")][:3] == ["None.", "None.", "None."]
    assert dom.all("table", cls="matrix") == []


# --- a real browser ------------------------------------------------------------------------


@pytest.fixture
def browser_report(write_article: Callable[..., Path], tmp_path: Path) -> Path:
    """report.html for a corpus with a contradiction, a single source, an agreement, a keyless claim
    and an article whose source, title, address and body are hostile."""
    write_article("a.md", f"{SIGNED.format(n=12)} {IMG} {SCRIPT}\n", source=f"Daily {SCRIPT} Wire", published="2025-05-02",
                  title=f"{SCRIPT} Summit {IMG}", url="javascript:alert(1)")
    write_article("b.md", f"The president arrived in Dodoma on Friday.\n\n{SIGNED.format(n=14)}\n"
                  "The four-day state visit will also take the Kenyan president to Arusha, Tanzania.\n",
                  source="Coast Times", published="2025-05-02", title="Visit ends")
    write_article("c.md", "The Kenyan president was accompanied by a delegation of about 150 business leaders on his visit to Tanzania.\n"
                  "His four-day state visit to Tanzania ends on Monday.\n", source="Lake Post", published="2025-05-03")
    corpus = write_article("d.md", "The two leaders have met twice.\n", source="River Daily", published="2025-05-03").parent
    out = tmp_path / "out"
    if "html" in FORMATS:
        argv = ["run", "--articles", str(corpus), "--rules", str(RULES), "--out", str(out), "--format", "html", "--fail-on", "never"]
        assert main([*argv, "--quiet"]) == 0
    else:
        out.mkdir()
        data = report_to_data(check(load_corpus(corpus), load_rules(RULES)))
        (out / html.FILENAME).write_text(html.render(data, out=out), encoding="utf-8")
    return out / html.FILENAME


def _chromium(tmp_path: Path, target: str, *extra: str) -> tuple[str, list[str]]:
    """Run headless Chromium on ``target``; its stdout and the page's console lines."""
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
               "--hide-scrollbars", "--window-size=1280,2000", *extra, target]
    run = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout, [line for line in run.stderr.splitlines() if ":CONSOLE" in line]


def _dom(tmp_path: Path, page: Path, fragment: str = "") -> Node:
    stdout, console = _chromium(tmp_path, page.as_uri() + fragment, "--dump-dom")
    assert console == []
    return parse(stdout)


def _visible_findings(dom: Node) -> list[str]:
    return [f"{n.attrs['data-kind']}:{n.attrs['data-type']}" for n in dom.all("article", cls="finding") if not n.hidden()]


needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (.ci/run installs it)")


@needs_chromium
def test_browser_shows_matrix_and_findings(browser_report: Path, tmp_path: Path) -> None:
    dom = _dom(tmp_path, browser_report)
    table = dom.all("table", cls="matrix")[0]
    header = [th.text() for th in table.all("thead")[0].all("th")]
    assert header == ["claim type", "key", "Coast Times", f"Daily {SCRIPT} Wire", "Lake Post", "River Daily"]
    rows = [
        (tr.all("th")[0].text(), tr.all("td")[0].text(), [td.attrs["data-state"] for td in tr.all("td", cls="cell")])
        for tr in table.all("tbody")[0].all("tr")
    ]
    assert rows == [
        ("agreements.signed", "Kenya–Tanzania / in Tanzania", ["contradicts", "contradicts", "silent", "silent"]),
        ("delegation.size", "in Tanzania / business", ["silent", "silent", "single source", "silent"]),
        ("visit.length", "in Tanzania", ["agrees", "silent", "agrees", "silent"]),
    ]
    assert [td.all("span", cls="state")[0].text() for td in table.all("td", cls="cell")[:3]] == ["✗ contradicts", "✗ contradicts", "– silent"]
    assert _visible_findings(dom) == ["contradiction:agreements.signed", "single_source:delegation.size", "agreement:visit.length"]
    clash = dom.all("article", cls="k-contradiction")[0]
    assert [a.attrs["href"] for a in clash.all("a", cls="loc")] == ["../corpus/a.md#L7", "../corpus/b.md#L8"]
    assert f"{SCRIPT} Summit {IMG}" in clash.text() and dom.all("img") == []
    assert [r.all("td")[1].text() for r in dom.all("details", id="not-compared")[0].all("tbody")[0].all("tr")] == ["twice"]


@needs_chromium
@pytest.mark.parametrize(
    ("fragment", "findings", "rows"),
    [
        ("#kind=contradiction", ["contradiction:agreements.signed"], ["agreements.signed"]),
        ("#kind=single_source,agreement&severity=info", ["agreement:visit.length"], ["visit.length"]),
        ("#type=delegation.size", ["single_source:delegation.size"], ["delegation.size"]),
        ("#kind=", [], []),
    ],
)
def test_browser_filters_hide_findings_and_matrix_rows(
    browser_report: Path, tmp_path: Path, fragment: str, findings: list[str], rows: list[str]
) -> None:
    dom = _dom(tmp_path, browser_report, fragment)
    assert _visible_findings(dom) == findings
    assert [tr.all("th")[0].text() for tr in dom.all("tr") if "data-row" in tr.attrs and not tr.hidden()] == rows


@needs_chromium
def test_browser_runs_no_hostile_script_and_reacts_to_a_click(browser_report: Path, tmp_path: Path) -> None:
    # Placed before the page's policy and content: records any alert() the page would fire,
    # then unticks "agreements" the way a click does, once the page has loaded.
    hook = (
        "<script>window.alert=function(m){document.documentElement.setAttribute('data-alert',String(m))};"
        "window.addEventListener('load',function(){var b=document.querySelector('input[name=kind][value=agreement]');"
        "if(b){b.click();}});</script>"
    )
    hooked = tmp_path / "hooked.html"
    hooked.write_text(browser_report.read_text(encoding="utf-8").replace("<head>", "<head>" + hook, 1), encoding="utf-8")
    dom = _dom(tmp_path, hooked)
    assert "data-alert" not in dom.all("html")[0].attrs
    assert _visible_findings(dom) == ["contradiction:agreements.signed", "single_source:delegation.size"]
    assert [tr.all("th")[0].text() for tr in dom.all("tr") if "data-row" in tr.attrs and not tr.hidden()] == ["agreements.signed", "delegation.size"]
    assert dom.all("section", id="agreement")[0].all("p", cls="filtered")[0].text() == "All 1 hidden by the filters."
    # The same hook and console capture do catch a page that runs markup and fails.
    control = tmp_path / "control.html"
    control.write_text(f"<!DOCTYPE html><html><head>{hook}</head><body>{IMG}<script>null.x()</script></body></html>", encoding="utf-8")
    stdout, console = _chromium(tmp_path, control.as_uri(), "--dump-dom")
    assert parse(stdout).all("html")[0].attrs.get("data-alert") == "1" and len(console) == 1


@needs_chromium
def test_browser_screenshot(browser_report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    _, console = _chromium(tmp_path, browser_report.as_uri(), f"--screenshot={shot}")
    assert console == [] and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
