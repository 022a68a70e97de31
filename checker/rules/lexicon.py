"""The shared data of a rules folder: entities, currency rates and hedge overrides.

Files under ``DIR/lexicon/`` are recognised by their top-level keys: ``countries`` and
``people`` (entities), ``rates`` (currency conversions with tolerance), ``hedges``
(replaces the packaged hedge table). Unknown top-level keys are errors.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checker.corpus import display_path
from checker.errors import CheckerError, ErrorList, RuleError
from checker.rules.located import LocatedDocument, load_located
from checker.rules.model import Country, Lexicon, Person
from checker.values.hedges import HedgeTable, build_table, default_table

TOP_LEVEL_KEYS = ("countries", "people", "rates", "hedges")


def load_lexicon(folder: Path) -> Lexicon:
    """Everything under ``folder`` (missing folder: an empty lexicon with default hedges)."""
    countries: list[Country] = []
    people: list[Person] = []
    rates: dict[tuple[str, str], tuple[float, float]] = {}
    hedges: HedgeTable | None = None
    errors: list[CheckerError] = []
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    for file in files:
        try:
            doc = load_located(file, display_path(file))
            data = doc.data or {}
            if not isinstance(data, dict):
                raise RuleError("a lexicon file must be a mapping", doc.location(()))
            for key in sorted(set(data) - set(TOP_LEVEL_KEYS)):
                errors.append(RuleError(f"unknown lexicon section '{key}'; expected one of {', '.join(TOP_LEVEL_KEYS)}", doc.location((key, "<key>"))))
            countries.extend(_countries(doc, data.get("countries") or {}))
            people.extend(_people(doc, data.get("people") or []))
            rates.update(_rates(doc, data.get("rates") or []))
            if "hedges" in data:
                try:
                    hedges = build_table(data["hedges"])
                except (ValueError, AttributeError, TypeError) as exc:
                    raise RuleError(f"hedges: {exc}", doc.location(("hedges",))) from None
        except CheckerError as problem:
            errors.append(problem)
    if errors:
        raise ErrorList(errors)
    return Lexicon(tuple(countries), tuple(people), rates, hedges or default_table())


def _texts(doc: LocatedDocument, value: Any, path: tuple[str | int, ...]) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleError("expected a list of non-empty texts", doc.location(path))
    for i, name in enumerate(value):
        # Names are looked up at capitalised words only (see checker/extract/entities.py).
        if not (name[:1].isupper() or name[:1].isdigit()):
            raise RuleError(f"name {name!r} must start with a capital letter or a digit", doc.location((*path, i)))
    return tuple(value)


def _countries(doc: LocatedDocument, data: Any) -> list[Country]:
    if not isinstance(data, dict):
        raise RuleError("countries must map a code to {name, aliases, demonyms, places}", doc.location(("countries",)))
    result = []
    for code, spec in data.items():
        path = ("countries", code)
        if not isinstance(spec, dict) or not isinstance(spec.get("name"), str):
            raise RuleError(f"country '{code}' needs at least a 'name'", doc.location(path))
        _texts(doc, [spec["name"]], (*path, "name"))
        for key in sorted(set(spec) - {"name", "aliases", "demonyms", "places"}):
            raise RuleError(f"unknown key '{key}' for country '{code}'", doc.location((*path, key, "<key>")))
        result.append(
            Country(
                code=str(code),
                name=spec["name"],
                aliases=_texts(doc, spec.get("aliases"), (*path, "aliases")),
                demonyms=_texts(doc, spec.get("demonyms"), (*path, "demonyms")),
                places=_texts(doc, spec.get("places"), (*path, "places")),
            )
        )
    return result


def _people(doc: LocatedDocument, data: Any) -> list[Person]:
    if not isinstance(data, list):
        raise RuleError("people must be a list of {name, country, aliases}", doc.location(("people",)))
    result = []
    for i, spec in enumerate(data):
        path = ("people", i)
        if not isinstance(spec, dict) or not isinstance(spec.get("name"), str) or not isinstance(spec.get("country"), str):
            raise RuleError("a person needs 'name' and 'country'", doc.location(path))
        result.append(Person(spec["name"], spec["country"], _texts(doc, spec.get("aliases"), (*path, "aliases"))))
    return result


def _rates(doc: LocatedDocument, data: Any) -> dict[tuple[str, str], tuple[float, float]]:
    if not isinstance(data, list):
        raise RuleError("rates must be a list of {from, to, rate, tolerance}", doc.location(("rates",)))
    result = {}
    for i, spec in enumerate(data):
        path = ("rates", i)
        try:
            source, target = str(spec["from"]).upper(), str(spec["to"]).upper()
            rate, tolerance = float(spec["rate"]), float(spec.get("tolerance", 0.0))
        except (KeyError, TypeError, ValueError):
            raise RuleError("a rate needs 'from', 'to' (currency codes) and a numeric 'rate'", doc.location(path)) from None
        if rate <= 0 or not 0 <= tolerance < 1:
            raise RuleError("rate must be positive and tolerance a fraction in [0, 1)", doc.location(path))
        result[(source, target)] = (rate * (1 - tolerance), rate * (1 + tolerance))
    return result
