"""Article metadata: the YAML front matter of a file and the fields of a JSONL record.

Front matter is read as a YAML node tree rather than loaded into Python objects, so
every field keeps its line for error messages and no value is converted behind the
user's back (PyYAML would turn ``2026-13-01`` into an exception and ``no`` into False).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Mapping

import yaml
from rapidfuzz import process

from checker.errors import CorpusError, Location

KNOWN_FIELDS = ("source", "published", "title", "url")
# Extra metadata (author, tags...) is welcome; only near-misses of known fields are
# refused, because a misspelt "published" would otherwise silently become "unknown".
_TYPO_SCORE = 80
# libyaml's safe loader when PyYAML was built with it: the same documents and marks,
# several times faster, which counts when a corpus has thousands of files. It recurses
# in C, so deep nesting would crash the process instead of raising: it only reads
# small front matter without flow collections, anchors, tags or block scalars.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
_FAST_MAX_CHARS = 4096
_NOT_FAST = frozenset("[{&*!|>")


def _loader_for(text: str) -> type:
    if _FAST_LOADER is None or len(text) > _FAST_MAX_CHARS or not _NOT_FAST.isdisjoint(text):
        return yaml.SafeLoader
    return _FAST_LOADER


@dataclass(frozen=True)
class Metadata:
    """Validated article metadata."""

    source: str
    published: dt.date | None
    title: str | None
    url: str | None


@dataclass(frozen=True)
class FrontMatter:
    """The raw front matter split from a file: its YAML text and where the body starts."""

    yaml_text: str
    body: str
    yaml_first_line: int
    body_first_line: int


def split_front_matter(text: str, path: str) -> FrontMatter:
    """Split ``---`` delimited front matter from the body; the text must start with it."""
    first_end = text.find("\n")
    first_line = text if first_end == -1 else text[:first_end]
    if first_line.rstrip() != "---":
        raise CorpusError(
            "missing front matter: the file must start with a '---' line",
            Location(path, 1),
            "add '---', 'source: <outlet>', optionally 'published: YYYY-MM-DD', then '---' before the text",
        )
    pos = first_end + 1
    line = 2
    while pos <= len(text):
        end = text.find("\n", pos)
        current = text[pos:] if end == -1 else text[pos:end]
        if current.rstrip() == "---":
            body = "" if end == -1 else text[end + 1 :]
            return FrontMatter(text[first_end + 1 : pos], body, 2, line + 1)
        if end == -1:
            break
        pos = end + 1
        line += 1
    raise CorpusError(
        "front matter opened on line 1 is never closed",
        Location(path, 1),
        "end the metadata with a line holding only '---'",
    )


def parse_front_matter(fm: FrontMatter, path: str) -> Metadata:
    """Validate the YAML between the ``---`` lines and return the metadata."""
    try:
        node = yaml.compose(fm.yaml_text, Loader=_loader_for(fm.yaml_text))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = fm.yaml_first_line + (mark.line if mark else 0)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        # The usual cause: a title holding ": " ("title: Talks: what was agreed").
        hint = "put the value in quotes if it holds ': '" if "mapping values are not allowed" in problem else None
        raise CorpusError(f"front matter is not valid YAML: {problem}", Location(path, line), hint) from None
    except RecursionError:
        raise CorpusError("front matter is nested too deeply to be article metadata", Location(path, fm.yaml_first_line)) from None
    if node is None:
        raise CorpusError("front matter is empty", Location(path, 1), "add 'source: <outlet>'")
    if not isinstance(node, yaml.MappingNode):
        raise CorpusError(
            "front matter must be a mapping of 'field: value' lines",
            Location(path, fm.yaml_first_line + node.start_mark.line),
        )
    fields: dict[str, tuple[object, int]] = {}
    for key_node, value_node in node.value:
        line = fm.yaml_first_line + key_node.start_mark.line
        key = str(key_node.value)
        if key in fields:
            raise CorpusError(f"field '{key}' is given twice", Location(path, line))
        fields[key] = (_scalar(value_node, key, path, fm.yaml_first_line), line)
    return validate_fields(fields, path, default_line=1)


def _scalar(node: yaml.Node, key: str, path: str, first_line: int) -> str | None:
    if not isinstance(node, yaml.ScalarNode):
        raise CorpusError(
            f"field '{key}' must be a single value, not a list or mapping",
            Location(path, first_line + node.start_mark.line),
        )
    if node.tag == "tag:yaml.org,2002:null" or (node.style is None and node.value in ("", "~", "null", "Null", "NULL")):
        return None
    return node.value


def validate_fields(fields: Mapping[str, tuple[object, int]], path: str, default_line: int) -> Metadata:
    """Check the metadata fields (value, line) of one article; shared by files and JSONL."""
    for key, (_, line) in fields.items():
        if key in KNOWN_FIELDS:
            continue
        guess = process.extractOne(key, KNOWN_FIELDS, score_cutoff=_TYPO_SCORE)
        if guess is not None:
            raise CorpusError(f"unknown field '{key}' (did you mean '{guess[0]}'?)", Location(path, line))
    source, source_line = fields.get("source", (None, default_line))
    if not isinstance(source, str) or not source.strip():
        raise CorpusError(
            "missing required field 'source'" if source is None else "field 'source' must be a non-empty text",
            Location(path, source_line),
            "name the outlet or publisher, e.g. 'source: Reuters'",
        )
    published_raw, published_line = fields.get("published", (None, default_line))
    return Metadata(
        source=source.strip(),
        published=parse_published(published_raw, Location(path, published_line)),
        title=_optional_text(fields, "title", path),
        url=_optional_text(fields, "url", path),
    )


def parse_published(raw: object, where: Location) -> dt.date | None:
    """An ISO date (a datetime is cut to its date); None when absent or null."""
    if raw is None:
        return None
    text = str(raw).strip()
    try:
        if len(text) > 10 and text[10] in "T ":
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        if len(text) == 10:
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise CorpusError(
        f"invalid 'published' date {text!r}",
        where,
        "use an ISO date YYYY-MM-DD, or leave it out / null when unknown",
    )


def _optional_text(fields: Mapping[str, tuple[object, int]], key: str, path: str) -> str | None:
    raw, line = fields.get(key, (None, 1))
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise CorpusError(f"field '{key}' must be text", Location(path, line))
    return raw
