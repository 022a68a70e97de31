"""YAML loading that remembers where every value came from.

Rule errors must point at ``path:line:col``, so files are composed into PyYAML's node
tree (safe tags only, nothing executed) and converted by hand, recording each value's
position under its path in the document (``("patterns", 0, "trigger")``). The
conversion counts nodes, so an alias bomb or an absurdly nested file is refused
instead of eating the machine's memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from checker.errors import Location, RuleError

DocPath = tuple[str | int, ...]

MAX_NODES = 200_000
MAX_DEPTH = 40
MAX_FILE_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class LocatedDocument:
    """A loaded YAML document and the 1-based (line, column) of each of its values."""

    path: str
    data: Any
    positions: dict[DocPath, tuple[int, int]]

    def location(self, doc_path: DocPath) -> Location:
        """Where ``doc_path`` (or its nearest located parent) starts in the file."""
        probe = tuple(doc_path)
        while probe and probe not in self.positions:
            probe = probe[:-1]
        line, column = self.positions.get(probe, (1, 1))
        return Location(self.path, line, column)


def load_located(file: Path, shown: str) -> LocatedDocument:
    """Read one YAML file; every problem is a ``RuleError`` with its location."""
    size = file.stat().st_size
    if size > MAX_FILE_BYTES:
        raise RuleError(f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,} byte limit for a rule file", Location(shown))
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise RuleError(f"invalid UTF-8 at byte offset {exc.start}", Location(shown, line), "save the file as UTF-8") from None
    return parse_located(text, shown)


def parse_located(text: str, shown: str) -> LocatedDocument:
    """Parse YAML text (one document) into plain data plus positions."""
    node = _fast_compose(text)
    try:
        if node is None:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Location(shown, mark.line + 1, mark.column + 1) if mark else Location(shown)
        problem = exc.problem or exc.context or "malformed YAML"
        raise RuleError(f"malformed YAML: {problem}", where) from None
    except yaml.YAMLError as exc:
        raise RuleError(f"malformed YAML: {exc}", Location(shown)) from None
    except RecursionError:
        raise RuleError(f"structure nested deeper than {MAX_DEPTH} levels", Location(shown)) from None
    positions: dict[DocPath, tuple[int, int]] = {}
    if node is None:
        return LocatedDocument(shown, None, positions)
    converter = _Converter(shown, positions)
    return LocatedDocument(shown, converter.convert(node, (), 0), positions)


# libyaml's safe loader, when PyYAML has it: the same nodes and marks, several times
# faster. It composes nested collections by recursion in C, where nesting deep enough
# crashes the process instead of raising, so it only reads documents whose nesting is
# bounded (every level needs an opening bracket or a deeper start of line); and a
# document it refuses is read again by the Python loader, for that loader's messages.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
_FAST_MAX_NESTING = 2000


def _fast_compose(text: str) -> yaml.Node | None:
    """The document's node tree from libyaml, or None when the Python loader must read it."""
    if _FAST_LOADER is None or _nesting_bound(text) > _FAST_MAX_NESTING:
        return None
    try:
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return None


def _nesting_bound(text: str) -> int:
    """At least the nesting depth of a YAML document: its flow brackets, plus the widest
    start of a line (indentation and the dashes of compact nested lists)."""
    starts = max((len(line) - len(line.lstrip(" -?:")) for line in text.splitlines()), default=0)
    return text.count("[") + text.count("{") + starts + 1


class _Converter:
    def __init__(self, shown: str, positions: dict[DocPath, tuple[int, int]]) -> None:
        self.shown = shown
        self.positions = positions
        self.count = 0

    def convert(self, node: yaml.Node, path: DocPath, depth: int) -> Any:
        self.count += 1
        where = Location(self.shown, node.start_mark.line + 1, node.start_mark.column + 1)
        if self.count > MAX_NODES:
            raise RuleError(
                f"document expands to more than {MAX_NODES:,} values (anchors and aliases?)", where, "write the rule out plainly"
            )
        if depth > MAX_DEPTH:
            raise RuleError(f"structure nested deeper than {MAX_DEPTH} levels", where)
        self.positions[path] = (where.line or 1, where.column or 1)
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise RuleError("mapping keys must be plain text", Location(self.shown, key_node.start_mark.line + 1))
                key = key_node.value
                if key in result:
                    raise RuleError(
                        f"duplicate key '{key}'",
                        Location(self.shown, key_node.start_mark.line + 1, key_node.start_mark.column + 1),
                    )
                self.positions[(*path, key, "<key>")] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                result[key] = self.convert(value_node, (*path, key), depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return _scalar(node, where)


_CONSTRUCTOR = yaml.SafeLoader("")


def _scalar(node: yaml.ScalarNode, where: Location) -> Any:
    try:
        value = _CONSTRUCTOR.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError) as exc:
        raise RuleError(f"cannot read value {node.value!r}: {exc}", where) from None
    # Dates stay text: rules and examples compare them as ISO strings.
    if hasattr(value, "isoformat"):
        return node.value
    return value
