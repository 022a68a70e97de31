"""Loading a corpus: a folder of ``.md``/``.txt`` articles with front matter, or a JSONL file.

Nothing is silently dropped or mangled: every file that looks like an article either
loads or produces a ``path:line: message`` error, and all errors of a corpus are
reported together.
"""

from __future__ import annotations

import json
import operator
import os
from pathlib import Path
from typing import Iterator

from checker.errors import CheckerError, CorpusError, ErrorList, Location
from checker.frontmatter import parse_front_matter, split_front_matter, validate_fields
from checker.model import Article, line_starts_of

ARTICLE_SUFFIXES = (".md", ".txt")
DEFAULT_MAX_ARTICLE_BYTES = 16 * 1024 * 1024


def load_corpus(
    path: Path,
    *,
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
    follow_symlinks: bool = False,
) -> list[Article]:
    """All articles at ``path`` (a folder or a ``.jsonl`` file), sorted by id.

    Raises ``ErrorList`` with every problem found, or ``CorpusError`` when the path
    itself is unusable.
    """
    shown = display_path(path)
    if not path.exists():
        raise CorpusError("corpus path does not exist", Location(shown), "pass --articles PATH to a folder or a .jsonl file")
    if path.is_dir():
        records = _load_folder(path, max_article_bytes, follow_symlinks)
    elif path.suffix == ".jsonl":
        records = _load_jsonl(path, max_article_bytes)
    else:
        raise CorpusError("not a corpus: expected a folder of .md/.txt articles or a .jsonl file", Location(shown))
    articles: list[Article] = []
    errors: list[CheckerError] = []
    for item in records:
        if isinstance(item, CheckerError):
            errors.append(item)
        else:
            articles.append(item)
    errors.extend(_duplicate_ids(articles))
    if errors:
        raise ErrorList(errors)
    if not articles:
        raise CorpusError("the corpus is empty: no .md/.txt articles or JSONL records found", Location(shown))
    return sorted(articles, key=lambda a: a.id)


def display_path(path: Path) -> str:
    """The path relative to the working directory where possible (for messages and reports)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _load_folder(root: Path, max_bytes: int, follow_symlinks: bool) -> Iterator[Article | CheckerError]:
    real_root = root.resolve()
    shown_in = _display_prefix(root, real_root)
    depth = len(root.parts)
    # Sorting on the parts once per path is what comparing paths does, without the cost
    # of a comparison method call per pair.
    for file in sorted(root.rglob("*"), key=_PARTS):
        relative = file.parts[depth:]
        if any(part.startswith(".") for part in relative) or file.suffix not in ARTICLE_SUFFIXES:
            continue
        if file.is_symlink():
            shown = display_path(file)
            if not follow_symlinks and not file.resolve().is_relative_to(real_root):
                yield CorpusError(
                    "symbolic link out of the corpus folder is not followed",
                    Location(shown),
                    "copy the article into the corpus, or pass --follow-symlinks",
                )
                continue
        elif shown_in is None:
            shown = display_path(file)
        else:
            # rglob does not descend into linked folders, so a file that is no link
            # resolves to the resolved folder joined with its relative parts.
            shown = os.path.join(shown_in, *relative)
        if not file.is_file():
            continue
        try:
            yield read_article_file(file, shown, max_bytes)
        except CheckerError as error:
            yield error


_PARTS = operator.attrgetter("parts")


def _display_prefix(root: Path, real_root: Path) -> str | None:
    """How :func:`display_path` shows the files below ``root`` (resolved: ``real_root``)
    that are no links: the returned prefix joined with their parts relative to ``root``.
    None when that depends on the file (the working directory lies inside the folder)."""
    cwd = Path.cwd().resolve()
    if real_root.is_relative_to(cwd):
        relative = real_root.relative_to(cwd)
        return "" if not relative.parts else str(relative)
    if cwd.is_relative_to(real_root):
        return None
    return str(root)  # no file is below the working directory: each is shown as given


def read_article_file(file: Path, shown: str, max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> Article:
    """One article file: bytes checked, decoded, front matter validated."""
    size = file.stat().st_size
    if size > max_bytes:
        raise CorpusError(
            f"article is {size:,} bytes, over the limit of {max_bytes:,}",
            Location(shown),
            "raise --max-article-bytes if it is a real article",
        )
    text = decode_article(file.read_bytes(), shown)
    fm = split_front_matter(text, shown)
    meta = parse_front_matter(fm, shown)
    return Article(
        id=file.stem,
        path=shown,
        source=meta.source,
        published=meta.published,
        text=fm.body,
        title=meta.title,
        url=meta.url,
        line_base=fm.body_first_line,
        line_starts=line_starts_of(fm.body),
    )


def decode_article(data: bytes, shown: str) -> str:
    """UTF-8 text with line endings made ``\\n``; binary or undecodable data is an error."""
    nul = data.find(b"\x00")
    if nul != -1:
        raise CorpusError(
            f"binary content (NUL byte at byte offset {nul}), not a text article",
            Location(shown, data.count(b"\n", 0, nul) + 1),
            "remove the file or convert it to UTF-8 text",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"invalid UTF-8 at byte offset {exc.start}",
            Location(shown, data.count(b"\n", 0, exc.start) + 1),
            "save the file as UTF-8",
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _load_jsonl(path: Path, max_bytes: int) -> Iterator[Article | CheckerError]:
    shown = display_path(path)
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                yield _jsonl_record(raw, number, shown, max_bytes)
            except CheckerError as error:
                yield error


def _jsonl_record(raw: bytes, number: int, shown: str, max_bytes: int) -> Article:
    where = Location(shown, number)
    if len(raw) > max_bytes:
        raise CorpusError(f"record is {len(raw):,} bytes, over the limit of {max_bytes:,}", where)
    try:
        line = decode_article(raw, shown).strip()
    except CorpusError as error:
        raise CorpusError(error.message, where, error.hint) from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CorpusError(f"invalid JSON at column {exc.colno}: {exc.msg}", where) from None
    if not isinstance(record, dict):
        raise CorpusError("a JSONL record must be an object with id, source, published, text", where)
    article_id = record.get("id")
    if not isinstance(article_id, str) or not article_id.strip():
        raise CorpusError("missing or empty 'id'", where, "every record needs a unique text 'id'")
    text = record.get("text")
    if not isinstance(text, str):
        raise CorpusError("missing or non-text 'text'", where)
    fields = {k: (v, number) for k, v in record.items() if k not in ("id", "text")}
    meta = validate_fields(fields, shown, default_line=number)
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    return Article(
        id=article_id,
        path=shown,
        source=meta.source,
        published=meta.published,
        text=body,
        title=meta.title,
        url=meta.url,
        line_base=number,
        # The whole record sits on one line of the file.
        line_starts=(0,),
    )


def _duplicate_ids(articles: list[Article]) -> list[CheckerError]:
    seen: dict[str, Article] = {}
    errors: list[CheckerError] = []
    for article in articles:
        first = seen.setdefault(article.id, article)
        if first is not article:
            errors.append(
                CorpusError(
                    f"duplicate article id '{article.id}' (also at {first.path}:{first.line_base})",
                    Location(article.path, article.line_base if article.path.endswith(".jsonl") else 1),
                    "give every article a unique file name or 'id'",
                )
            )
    return errors
