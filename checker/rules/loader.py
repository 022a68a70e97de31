"""Loading a rules folder: every rule file validated and compiled, every problem reported.

Layout: ``DIR/*.yaml`` are rule files (one claim type each); ``DIR/lexicon/*.yaml`` hold
shared data (entities, currency rates, hedge overrides). All files are read, all
problems collected, and one ``ErrorList`` raised at the end, so a user fixes a whole
folder in one pass.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import regex

from checker.corpus import display_path
from checker.errors import CheckerError, ErrorList, Location, RuleError
from checker.rules.lexicon import load_lexicon
from checker.rules.literals import opening_words
from checker.rules.located import DocPath, LocatedDocument, load_located
from checker.rules.model import DEFAULT_SEVERITY, Announced, Counted, LabelPattern, Lexicon, Pattern, Rule, RuleSet
from checker.rules.schema import schema_errors

# A group that contains a quantifier and is itself repeated ("(\w+\s?)+") can take
# exponential time on a near miss; such patterns are refused up front.
_NESTED_QUANTIFIER = regex.compile(r"\((?:[^()\\]|\\.)*(?<!\\)[+*](?:[^()\\]|\\.)*\)(?:[+*]|\{\d*,\})")
REGEX_FLAGS = regex.IGNORECASE | regex.VERSION0


def load_rules(root: Path) -> RuleSet:
    """Validate and compile every rule under ``root``; raise ``ErrorList`` on any problem."""
    shown_root = display_path(root)
    if not root.is_dir():
        raise RuleError("rules folder does not exist", Location(shown_root), "pass --rules DIR")
    errors: list[CheckerError] = []
    try:
        lexicon = load_lexicon(root / "lexicon")
    except ErrorList as problems:
        errors.extend(problems.errors)
        lexicon = Lexicon()
    except CheckerError as problem:
        errors.append(problem)
        lexicon = Lexicon()
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    files = sorted(p for p in root.glob("*.yaml") if p.is_file()) + sorted(p for p in root.glob("*.yml") if p.is_file())
    for file in files:
        shown = display_path(file)
        try:
            doc = load_located(file, shown)
        except CheckerError as problem:
            errors.append(problem)
            continue
        rule, problems = compile_rule(doc)
        errors.extend(problems)
        # Ids are checked even for a rule with other problems, so all show in one pass.
        data = doc.data if isinstance(doc.data, dict) else {}
        for attr in ("id", "type"):
            value = data.get(attr)
            if not isinstance(value, str):
                continue
            key = f"{attr}:{value}"
            if key in seen:
                errors.append(RuleError(f"duplicate rule {attr} '{value}' (also in {seen[key]})", doc.location((attr,))))
            else:
                seen[key] = shown
        if rule is None:
            continue
        rules.append(rule)
    if not files:
        errors.append(RuleError("no rule files (*.yaml) in the rules folder", Location(shown_root)))
    if errors:
        raise ErrorList(errors)
    return RuleSet(tuple(sorted(rules, key=lambda r: r.id)), lexicon, shown_root)


# The kinds whose values are plain figures, which a fall turns negative.
_SIGNED_KINDS = frozenset({"number", "percent", "percentage_point"})
# Kinds whose figure may state a limit (``value.limit``).
_LIMIT_KINDS = frozenset({"number", "percent", "percentage_point", "duration"})


def compile_rule(doc: LocatedDocument) -> tuple[Rule | None, list[CheckerError]]:
    """One rule document to a ``Rule``; returns the problems instead of raising."""
    if not isinstance(doc.data, dict):
        return None, [RuleError("a rule file must be a mapping with id, type, value, patterns, examples", doc.location(()))]
    problems: list[CheckerError] = list(schema_errors(doc))
    if problems:
        return None, problems
    data: dict[str, Any] = doc.data
    value = data["value"]
    patterns = tuple(
        _compile_pattern(doc, item, ("patterns", i), problems) for i, item in enumerate(data["patterns"])
    )
    labels = tuple(
        LabelPattern(label, _compile(doc, source, ("value", "labels", label, j), problems), source)
        for label, sources in sorted(value.get("labels", {}).items())
        for j, source in enumerate(sources)
    )
    if value["kind"] == "label" and not labels:
        problems.append(RuleError("a label rule needs value.labels", doc.location(("value",))))
    for i, item in enumerate(data["patterns"]):
        if item.get("sign") == "negative" and value["kind"] not in _SIGNED_KINDS:
            problems.append(RuleError(
                f"sign: negative reads a fall as a negative figure; a {value['kind']} value has no sign "
                f"(use it with kind {', '.join(sorted(_SIGNED_KINDS))})",
                doc.location(("patterns", i, "sign"))))
        if "add" in item and value["kind"] != "number":
            problems.append(RuleError(
                f"add counts the figure's own occasion too ('three previous meetings' make the fourth); a "
                f"{value['kind']} value is no count (use it with kind number)",
                doc.location(("patterns", i, "add")), "remove it"))
    unless = tuple(_compile(doc, s, ("unless", i), problems) for i, s in enumerate(data.get("unless", [])))
    requires = tuple(_compile(doc, s, ("requires", i), problems) for i, s in enumerate(data.get("requires", [])))
    at_least_when = tuple(
        _compile(doc, s, ("value", "at_least_when", i), problems) for i, s in enumerate(value.get("at_least_when", []))
    )
    not_after = tuple(
        _compile_ending(doc, s, ("value", "not_after", i), problems) for i, s in enumerate(value.get("not_after", []))
    )
    if value.get("limit") and value["kind"] not in _LIMIT_KINDS:
        problems.append(RuleError(
            f"value.limit reads 'up to 90 days' as the limit 90; a {value['kind']} value has no limit "
            f"(use it with kind {', '.join(sorted(_LIMIT_KINDS))})",
            doc.location(("value", "limit")), "remove it"))
    counted = _compile_counted(doc, data, problems)
    announced = _compile_announced(doc, data, problems)
    examples = data["examples"]
    if not examples.get("claims"):
        problems.append(RuleError("a rule needs at least one example under examples.claims", doc.location(("examples",))))
    compare = data.get("compare", {})
    if compare.get("no_update_within_days") and not compare.get("cumulative"):
        problems.append(RuleError("compare.no_update_within_days tells updates of a cumulative value; "
                                  "this rule's values are not cumulative",
                                  doc.location(("compare", "no_update_within_days")), "add cumulative: true, or remove it"))
    if problems:
        return None, problems
    rule = Rule(
        id=data["id"],
        type=data["type"],
        description=data["description"],
        kind=value["kind"],
        path=doc.path,
        line=doc.location(("id",)).line or 1,
        patterns=patterns,  # type: ignore[arg-type]
        forms=frozenset(value["forms"]) if "forms" in value else None,
        units=frozenset(value["units"]) if "units" in value else None,
        labels=labels,  # type: ignore[arg-type]
        minimum=value.get("min"),
        maximum=value.get("max"),
        unless=unless,  # type: ignore[arg-type]
        unless_scope=str(data.get("unless_scope", "sentence")),
        requires=requires,  # type: ignore[arg-type]
        at_least_when=at_least_when,  # type: ignore[arg-type]
        not_after=not_after,  # type: ignore[arg-type]
        limit=bool(value.get("limit", False)),
        key=tuple(data.get("key", [])),
        counted=counted,
        announced=announced,
        tolerance=float(compare.get("tolerance", 0.0)),
        cumulative=bool(compare.get("cumulative", False)),
        rounding=bool(compare.get("rounding", False)),
        same_event_within_days=compare.get("same_event_within_days"),
        no_update_within_days=int(compare.get("no_update_within_days", 0)),
        severity={**DEFAULT_SEVERITY, **data.get("severity", {})},
        examples=examples,
        example_lines={
            (section, i): doc.location(("examples", section, i)).line or 1
            for section in ("claims", "no_claims", "cases")
            for i in range(len(examples.get(section, [])))
        },
    )
    return rule, []


def _compile_counted(doc: LocatedDocument, data: dict[str, Any], problems: list[CheckerError]) -> Counted | None:
    """The rule's ``counted`` section, which the key part of that name needs (and which
    means nothing without it)."""
    section = data.get("counted")
    wanted = "counted" in data.get("key", [])
    if section is None:
        if wanted:
            problems.append(RuleError("key part 'counted' needs a counted section (labels, and a default)",
                                      doc.location(("key",)), "add counted: {labels: {LABEL: [PATTERN, ...]}}"))
        return None
    if not wanted:
        problems.append(RuleError("a counted section is used only by the key part 'counted'",
                                  doc.location(("counted",)), "add counted to key, or remove the section"))
        return None
    labels = tuple(
        (label, tuple(_compile(doc, s, ("counted", "labels", label, j), problems) for j, s in enumerate(sources)))
        for label, sources in section["labels"].items()
    )
    for option in ("default", "several", "first"):
        chosen = section.get(option)
        if chosen is not None and chosen not in section["labels"]:
            problems.append(RuleError(f"counted.{option} '{chosen}' is none of the labels ({', '.join(section['labels'])})",
                                      doc.location(("counted", option))))
    return Counted(labels, section.get("default"), section.get("several"), section.get("first"))  # type: ignore[arg-type]


def _compile_announced(doc: LocatedDocument, data: dict[str, Any], problems: list[CheckerError]) -> Announced | None:
    """The rule's ``announced`` section, which the key part of that name needs (and which
    means nothing without it)."""
    section = data.get("announced")
    wanted = "announced" in data.get("key", [])
    if section is None:
        if wanted:
            problems.append(RuleError("key part 'announced' needs an announced section (its cues)",
                                      doc.location(("key",)), "add announced: {cues: [PATTERN, ...]}"))
        return None
    if not wanted:
        problems.append(RuleError("an announced section is used only by the key part 'announced'",
                                  doc.location(("announced",)), "add announced to key, or remove the section"))
        return None
    cues = tuple(_compile(doc, s, ("announced", "cues", j), problems) for j, s in enumerate(section["cues"]))
    in_force = tuple(_compile(doc, s, ("announced", "in_force", j), problems)
                     for j, s in enumerate(section.get("in_force", [])))
    return Announced(cues, in_force)  # type: ignore[arg-type]


def _compile_pattern(doc: LocatedDocument, item: dict[str, Any], path: DocPath, problems: list[CheckerError]) -> Pattern | None:
    trigger = _compile(doc, item["trigger"], (*path, "trigger"), problems)
    unless = _compile(doc, item["unless"], (*path, "unless"), problems) if "unless" in item else None
    requires = _compile(doc, item["requires"], (*path, "requires"), problems) if "requires" in item else None
    if trigger is None:
        return None
    return Pattern(
        id=item["id"],
        trigger=trigger,
        source=item["trigger"],
        position=item.get("value", "either"),
        max_words=item.get("max_words", 3),
        forms=frozenset(item["forms"]) if "forms" in item else None,
        unless=unless,
        requires=requires,
        negative=item.get("sign") == "negative",
        add=item.get("add", 0),
        line=doc.location(path).line or 0,
        opening_words=opening_words(item["trigger"]),
    )


def _compile_ending(doc: LocatedDocument, source: str, path: DocPath, problems: list[CheckerError]) -> regex.Pattern[str] | None:
    """``source`` compiled to match only where it ends at the end of the searched
    stretch, blanks allowed after it (for a value's left context)."""
    if _compile(doc, source, path, problems) is None:
        return None
    # Searched backwards from the value: each try that does not end at the value then fails
    # at once, so the cost does not grow with how far back the search may look.
    return regex.compile(rf"(?:{source})\s*\Z", REGEX_FLAGS | regex.REVERSE)


def _compile(doc: LocatedDocument, source: str, path: DocPath, problems: list[CheckerError]) -> regex.Pattern[str] | None:
    where = doc.location(path)
    nested = _NESTED_QUANTIFIER.search(source)
    if nested:
        problems.append(
            RuleError(
                f"pattern {source!r} repeats a group that itself repeats ({nested.group(0)!r}): "
                "it can take exponential time on some texts",
                where,
                "rewrite it without a quantified group inside a quantified group",
            )
        )
        return None
    try:
        return regex.compile(source, REGEX_FLAGS)
    except regex.error as exc:
        position = f" at position {exc.pos}" if getattr(exc, "pos", None) is not None else ""
        problems.append(RuleError(f"pattern {source!r} does not compile{position}: {exc.msg if hasattr(exc, 'msg') else exc}", where))
        return None
