"""Validation of rule documents against the rule schema, with located, helpful messages.

The JSON Schema (``checker/data/rule.schema.json``) is the single definition of what a
rule may contain; this module turns its complaints into ``path:line:col: message``
errors and adds a "did you mean" for misspelt keys and values.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

import jsonschema
from rapidfuzz import fuzz, process

from checker.errors import RuleError
from checker.rules.located import DocPath, LocatedDocument

_SUGGEST_SCORE = 60


@lru_cache(maxsize=1)
def rule_schema() -> dict[str, Any]:
    """The rule JSON Schema shipped with the package."""
    return json.loads(resources.files("checker.data").joinpath("rule.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator() -> jsonschema.protocols.Validator:
    schema = rule_schema()
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def schema_errors(doc: LocatedDocument) -> list[RuleError]:
    """Every schema violation of one rule document, in file order."""
    errors: list[tuple[tuple[int, int], str, RuleError]] = []
    for error in _validator().iter_errors(doc.data):
        for path, message in _explain(error):
            location = doc.location(path)
            errors.append(((location.line or 0, location.column or 0), message, RuleError(message, location)))
    errors.sort(key=lambda e: (e[0], e[1]))
    # jsonschema may report one problem through several branches (anyOf): keep one.
    unique: dict[tuple[tuple[int, int], str], RuleError] = {}
    for position, message, error in errors:
        unique.setdefault((position, message), error)
    return list(unique.values())


def _explain(error: jsonschema.ValidationError) -> Iterator[tuple[DocPath, str]]:
    path: DocPath = tuple(error.absolute_path)
    where = _dotted(path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted(error.schema.get("properties", {}))
        for key in sorted(set(error.instance) - set(allowed)):
            yield (*path, key, "<key>"), f"unknown key '{key}'{_suggestion(key, allowed)}" + (f" in {where}" if where else "")
        return
    if error.validator == "required":
        missing = str(error.message).split("'")[1] if "'" in str(error.message) else str(error.message)
        yield path, f"missing required key '{missing}'" + (f" in {where}" if where else "")
        return
    if error.validator == "enum":
        options = [str(o) for o in error.validator_value]
        yield path, (
            f"{where}: unknown value {error.instance!r}{_suggestion(str(error.instance), options)};"
            f" expected one of: {', '.join(options)}"
        )
        return
    if error.validator == "type":
        yield path, f"{where}: expected {_type_name(error.validator_value)}, got {_type_name(type(error.instance).__name__)}"
        return
    if error.validator == "anyOf":
        yield path, f"{where}: expected a text or a mapping with 'text'"
        return
    yield path, f"{where}: {error.message}" if where else error.message


def _suggestion(word: str, options: list[str]) -> str:
    guess = process.extractOne(word, options, scorer=fuzz.ratio, score_cutoff=_SUGGEST_SCORE)
    return f" (did you mean '{guess[0]}'?)" if guess else ""


def _dotted(path: DocPath) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


_TYPE_NAMES = {
    "str": "text",
    "string": "text",
    "int": "integer",
    "integer": "integer",
    "float": "number",
    "number": "number",
    "bool": "true/false",
    "boolean": "true/false",
    "list": "a list",
    "array": "a list",
    "dict": "a mapping",
    "object": "a mapping",
    "NoneType": "nothing",
    "null": "nothing",
}


def _type_name(name: object) -> str:
    if isinstance(name, list):
        return " or ".join(_type_name(n) for n in name)
    return _TYPE_NAMES.get(str(name), str(name))
