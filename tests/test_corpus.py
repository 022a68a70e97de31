"""Corpus loading: what loads, and every way a bad corpus is refused with path and line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from checker.corpus import load_corpus
from checker.errors import CheckerError, ErrorList


def messages(excinfo: pytest.ExceptionInfo[CheckerError]) -> list[str]:
    error = excinfo.value
    return [str(e) for e in error.errors] if isinstance(error, ErrorList) else [str(error)]


def test_front_matter_fields_and_body_lines(write_article, tmp_path: Path) -> None:
    write_article("a1.md", "First line.\nSecond line with 15 documents.\n", title="Talks", url="https://example.org/a1")
    [article] = load_corpus(tmp_path / "corpus")
    assert (article.id, article.source, article.published, article.title) == ("a1", "Test Wire", dt.date(2026, 1, 5), "Talks")
    # Front matter is 6 lines (--- source published title url ---): the body starts on line 7.
    assert article.line_of(0) == 7
    assert article.line_of(article.text.index("15 documents")) == 8


def test_unknown_publication_date_is_none(write_article, tmp_path: Path) -> None:
    write_article("a.md", "Body.", published="null")
    write_article("b.txt", "Body.", published=None)
    articles = load_corpus(tmp_path / "corpus")
    assert [a.published for a in articles] == [None, None]
    assert [a.id for a in articles] == ["a", "b"]


def test_crlf_and_bom_are_normalised(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "x.md").write_bytes("\ufeff---\r\nsource: Wire\r\n---\r\nOne.\r\nTwo 15.\r\n".encode())
    [article] = load_corpus(corpus)
    assert article.text == "One.\nTwo 15.\n"
    assert article.line_of(article.text.index("15")) == 5


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"---\npublished: 2026-01-05\n---\nBody", "x.md:1: missing required field 'source'"),
        (b"---\nsource: Wire\npublished: 2026-13-45\n---\nBody", "x.md:3: invalid 'published' date '2026-13-45'"),
        (b"---\nsource: Wire\npublished: yesterday\n---\nBody", "x.md:3: invalid 'published' date 'yesterday'"),
        (b"---\nsource: Wire\nBody without end", "x.md:1: front matter opened on line 1 is never closed"),
        (b"---\n- a\n- b\n---\nBody", "x.md:2: front matter must be a mapping"),
        (b"---\nsource: [a, b]\n---\nBody", "x.md:2: field 'source' must be a single value"),
        (b"---\nsource: Wire\npublised: 2026-01-05\n---\nBody", "x.md:3: unknown field 'publised' (did you mean 'published'?)"),
        (b"Just a body", "x.md:1: missing front matter"),
        (b"---\nsource: Wire\n---\nfine\n\xff\xfe broken", "x.md:5: invalid UTF-8 at byte offset 26"),
        (b"---\nsource: Wire\n---\nPNG\x00\x01\x02", "x.md:4: binary content (NUL byte at byte offset 24)"),
        (b"---\nsource: 'unclosed\n---\nBody", "x.md:"),
    ],
)
def test_bad_article_is_reported_with_path_and_line(tmp_path: Path, content: bytes, expected: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "x.md").write_bytes(content)
    with pytest.raises(CheckerError) as excinfo:
        load_corpus(corpus)
    [message] = messages(excinfo)
    assert message.startswith(f"corpus/{expected}") or message.startswith(str(corpus / expected)), message


def test_all_bad_files_are_reported_together(write_article, tmp_path: Path) -> None:
    write_article("a.md", "Body", source=None)
    write_article("b.md", "Body", published="2026-02-30")
    write_article("c.md", "Fine body")
    with pytest.raises(ErrorList) as excinfo:
        load_corpus(tmp_path / "corpus")
    assert [m.split(":")[0].split("/")[-1] for m in messages(excinfo)] == ["a.md", "b.md"]


def test_duplicate_ids_across_suffixes(write_article, tmp_path: Path) -> None:
    write_article("same.md", "Body")
    write_article("same.txt", "Body")
    with pytest.raises(ErrorList) as excinfo:
        load_corpus(tmp_path / "corpus")
    [message] = messages(excinfo)
    assert "duplicate article id 'same'" in message


def test_missing_and_empty_corpus(tmp_path: Path) -> None:
    with pytest.raises(CheckerError, match="corpus path does not exist"):
        load_corpus(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CheckerError, match="the corpus is empty"):
        load_corpus(tmp_path / "empty")


def test_jsonl_corpus_and_its_errors(tmp_path: Path) -> None:
    good = {"id": "w1", "source": "Wire", "published": "2026-01-05", "title": None, "url": None, "text": "Met twice."}
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(good) + "\n\n" + json.dumps({**good, "id": "w2", "published": None}) + "\n", encoding="utf-8")
    articles = load_corpus(path)
    assert [(a.id, a.published, a.line_base) for a in articles] == [("w1", dt.date(2026, 1, 5), 1), ("w2", None, 3)]

    path.write_text(
        json.dumps(good) + "\n{not json\n" + json.dumps({**good, "id": "w1"}) + "\n" + json.dumps({"id": "w3", "text": "x"}) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(ErrorList) as excinfo:
        load_corpus(path)
    found = messages(excinfo)
    assert any(m.endswith(":2: invalid JSON at column 2: Expecting property name enclosed in double quotes") for m in found), found
    assert any(":4: missing required field 'source'" in m for m in found), found
    assert any(":3: duplicate article id 'w1'" in m for m in found), found


def test_size_limit_is_reported_not_truncated(write_article, tmp_path: Path) -> None:
    write_article("big.md", "word " * 1000)
    with pytest.raises(ErrorList, match="over the limit of 1,000"):
        load_corpus(tmp_path / "corpus", max_article_bytes=1000)


def test_symlink_out_of_corpus_is_not_followed(write_article, tmp_path: Path) -> None:
    write_article("a.md", "Body")
    outside = tmp_path / "outside.md"
    outside.write_text("---\nsource: Elsewhere\n---\nSecret", encoding="utf-8")
    (tmp_path / "corpus" / "link.md").symlink_to(outside)
    with pytest.raises(ErrorList, match="symbolic link out of the corpus folder"):
        load_corpus(tmp_path / "corpus")
    assert {a.id for a in load_corpus(tmp_path / "corpus", follow_symlinks=True)} == {"a", "link"}


@pytest.mark.parametrize(
    ("cwd", "articles", "expected"),
    [
        ("", "corpus", {"a": "corpus/a.md", "b": "corpus/sub/b.md", "link": "outside.md"}),
        ("corpus", ".", {"a": "a.md", "b": "sub/b.md", "link": "link.md"}),
        ("corpus/sub", "..", {"a": "../a.md", "b": "b.md", "link": "../link.md"}),
        ("elsewhere", "../corpus", {"a": "../corpus/a.md", "b": "../corpus/sub/b.md", "link": "../corpus/link.md"}),
    ],
)
def test_article_paths_are_shown_relative_to_the_working_directory(
    write_article, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cwd: str, articles: str, expected: dict[str, str]
) -> None:
    write_article("a.md", "Body")
    (tmp_path / "corpus" / "sub").mkdir()
    (tmp_path / "corpus" / "sub" / "b.md").write_text("---\nsource: Wire\n---\nBody", encoding="utf-8")
    outside = tmp_path / "outside.md"
    outside.write_text("---\nsource: Elsewhere\n---\nBody", encoding="utf-8")
    (tmp_path / "corpus" / "link.md").symlink_to(outside)
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / cwd)
    loaded = load_corpus(Path(articles), follow_symlinks=True)
    # A followed link is shown where it leads when that is below the working directory;
    # a path that is not, as given.
    assert {a.id: a.path for a in loaded} == expected


def test_a_colon_in_an_unquoted_title_says_to_quote_it(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "x.md").write_bytes(b"---\nsource: Wire\ntitle: Talks in Seoul: what was agreed\n---\nBody")
    with pytest.raises(CheckerError) as excinfo:
        load_corpus(corpus)
    error = excinfo.value.errors[0] if isinstance(excinfo.value, ErrorList) else excinfo.value
    assert str(error).endswith("x.md:3: front matter is not valid YAML: mapping values are not allowed in this "
                               "context (put the value in quotes if it holds ': ')")
