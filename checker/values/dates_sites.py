"""Where date patterns are tried: anchors found in one pass, patterns run only there.

Every date expression contains an *anchor*: a month or weekday name, a word such as
"year", "ago" or "tomorrow" (``anchor_words`` in dates.yaml), a quarter code ("Q3") or
a number shaped like the start of a date (a four-digit year, "4/22", "'90s"). One regex
pass over a byte copy of the text (the *probe*) finds every anchor. The patterns that
can hold an anchor are then tried at the anchor and at the word starts right before
it, but only as far back as those words are numbers or words the patterns spell out:
"in Tokyo on April 8" tries the month patterns at "April" alone, "over the past 78
years" tries "the", "past", "78" and "years".

A pattern tried at a word start finds what a scan of the whole text would find there
(every pattern starts at a word start), and starts are taken in text order with a
pattern's matches never overlapping, as in such a scan. The cost grows with the number
of anchors, not with the length of the text times the number of patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

from checker.values.dates_first import first_chars
from checker.values.dates_patterns import TEMPLATES, compiled, spelled_sources
from checker.values.dates_probe import word_before, words_of
from checker.values.dates_vocab import alternation, vocab

# Numbers a date can start with, after their first digit, as they look in the probe
# (separators are blanks): a year, eight digits, one or two digits before another
# number ("4/22", "21.04.2016"), a decade ("'90s"), or digits glued to a word ("3year").
_NUMBER_TAIL = rb"[0-9]{3}(?![0-9])|[0-9]{7}(?![0-9])|[0-9]?(?=\x20+[0-9])|0s(?![a-z0-9])|[0-9]{0,2}%s(?![a-z])"
_NUMBER_KINDS = ("year4", "digits8", "pair", "short_decade")
# Of the patterns led by one or two digits, only "21.04.2016" (or "11.12, 2016") has a
# dot after them; anything else with a dot there is a decimal.
_DOTTED = re.compile(r"\d\d?\.\d\d?(?:\.\d|\s*,)")
_CODES = [f"{letter}{n}" for letter in "qh" for n in range(1, 5)]
_NAMED = re.compile(r"\(\?P<(\w+)>")
_REFERENCE = re.compile(r"\(\?P=(\w+)\)|\(\?\((\w+)\)")


Member = tuple[int, str, re.Pattern[str], int]  # (order in TEMPLATES, name, pattern, group in combined)


@dataclass(frozen=True)
class Group:
    """The patterns tried at one kind of anchor.

    ``table`` gives, for a first character, the members whose matches can start with
    it (``anywhere``: those that may start with any character, for the others).
    ``combined`` tries all members at a position in one call (each in an optional
    look-ahead that captures its span; the call fails when none matched), for groups
    where several members share a first character. ``back`` is how far before the
    anchor a match may start; ``words`` are the words a match may hold before its
    anchor (None: matches start at the anchor, or one character before it with
    ``offset`` -1, the quote of "'90s").
    """

    ident: int
    members: tuple[Member, ...]
    table: dict[str, tuple[Member, ...]]
    anywhere: tuple[Member, ...]
    combined: re.Pattern[str] | None
    back: int
    words: frozenset[bytes] | None
    offset: int = 0


@dataclass(frozen=True)
class Plan:
    """The anchor pattern and the group of each anchor, compiled once."""

    anchor: re.Pattern[bytes]
    words: dict[bytes, Group]
    shapes: dict[str, Group]
    groups: tuple[Group, ...]


def find_matches(text: str, probe: bytes) -> Iterator[tuple[int, str, re.Match[str]]]:
    """Every (pattern order, pattern name, match) holding an anchor, in text order.

    ``probe`` is the text's :func:`make_probe`. As in a scan of the text, a pattern's
    matches do not overlap: the one starting first wins ("Q1 of 2017 - Q3 of 2018" is
    not read as "2017 - Q3 of 2018").
    """
    plan = _plan()
    groups, words, pair = plan.groups, plan.words, plan.shapes["pair"]
    # Each try is one int, start * 64 + group, so that sorting them is cheap.
    tries: list[int] = []
    for anchor in plan.anchor.finditer(probe):
        # The probe has one extra blank in front, so its match, which starts on the
        # blank before the anchor, starts where the anchor starts in the text.
        at = anchor.start()
        found = anchor.group()[1:]
        group = words.get(found) or _number_group(found, plan)
        if group is pair and text[anchor.end() - 1 : anchor.end()] == "." and not _DOTTED.match(text, at):
            continue  # a decimal ("6.5 percent")
        tries.append(max(0, at + group.offset) << 6 | group.ident)
        if group.words is not None:
            _lead(probe, at, at - group.back, group, tries)
    tries.sort()
    free: dict[int, int] = {}  # pattern order -> end of its last match
    previous = -1
    for code in tries:
        if code == previous:
            continue
        previous = code
        start, group = code >> 6, groups[code & 63]
        members = group.table.get(text[start], group.anywhere)
        if not members:
            continue
        hit = None
        if group.combined is not None and len(members) > 2:
            hit = group.combined.match(text, start)
            if hit is None:
                continue
        for order, name, pattern, index in members:
            if (hit is None or hit.start(index) >= 0) and free.get(order, 0) <= start:
                m = pattern.match(text, start)
                if m is not None:
                    free[order] = m.end()
                    yield order, name, m


def _number_group(found: bytes, plan: Plan) -> Group:
    """The group of an anchor led by a digit, from its text in the probe (telling the
    kinds apart here is cheaper than capturing groups in the anchor pattern)."""
    if 97 <= found[-1] <= 122:  # ends with a letter: a decade or digits glued to a word
        return plan.shapes["short_decade"] if len(found) == 3 and found[1:] == b"0s" else plan.words[found.lstrip(b"0123456789")]
    return plan.shapes["year4" if len(found) == 4 else "digits8" if len(found) == 8 else "pair"]


def _lead(probe: bytes, at: int, limit: int, group: Group, tries: list[int]) -> None:
    """Add a try for each word right before ``at`` that a match may hold: numbers and
    the group's own words, walking back until another word or ``limit``."""
    words, ident = group.words, group.ident
    while True:
        word, at = word_before(probe, at)
        if at < limit or not word or not (48 <= word[0] <= 57 or word in words):
            return
        tries.append(at << 6 | ident)


@lru_cache(maxsize=1)
def _plan() -> Plan:
    v = vocab()
    patterns = compiled()
    spelled = spelled_sources()
    order = {name: i for i, name in enumerate(TEMPLATES)}
    by_anchor: dict[str, list[str]] = {}
    for name, _, kinds, _ in patterns:
        for kind in kinds:
            if kind in _NUMBER_KINDS or kind == "code":
                found: Iterable[str] = [kind]
            elif kind == "word":
                found = [w for w in v.anchor_words if w.encode() in words_of(spelled[name])]
            else:
                found = v.months if kind == "month" else v.weekdays
            for anchor in found:
                by_anchor.setdefault(anchor, []).append(name)
    groups: dict[tuple[str, ...], Group] = {}

    def group(names: list[str], led: bool) -> Group:
        key = tuple(sorted(set(names), key=order.__getitem__))
        if key not in groups:
            chosen = [patterns[order[n]] for n in key]
            words = None if led else frozenset(w for n in key for w in words_of(spelled[n]))
            groups[key] = _group(len(groups), chosen, order, words, -1 if key == ("decade_short",) else 0)
        return groups[key]

    shapes = {kind: group(by_anchor.pop(kind), led=True) for kind in [*_NUMBER_KINDS, "code"]}
    words = {w.encode(): group(names, led=False) for w, names in by_anchor.items()}
    words.update({code.encode(): shapes["code"] for code in _CODES})
    tree = alternation(w.decode() for w in words).encode()
    # No capturing groups: they would make the engine save and restore marks at every
    # blank of the text. The first character after the blank picks a number or a word.
    anchor = rb"\x20(?:[0-9](?:" + _NUMBER_TAIL % tree + rb")|" + tree + rb"(?![a-z]))"
    assert len(groups) <= 64, "a try packs its group in six bits"
    return Plan(re.compile(anchor), words, shapes, tuple(groups.values()))


def _group(ident: int, chosen: list[tuple[str, re.Pattern[str], tuple[str, ...], int]], order: dict[str, int],
           words: frozenset[bytes] | None, offset: int) -> Group:
    parts, check = [], "(?!)"
    for k, (_, pattern, _, _) in enumerate(chosen):
        parts.append(f"(?:(?=(?P<m{k}>{_bare(pattern.pattern, f'p{k}_')}))|)")
    for k in reversed(range(len(chosen))):
        check = f"(?(m{k})|{check})"
    combined = re.compile("".join(parts) + check, chosen[0][1].flags)
    members = tuple((order[name], name, pattern, combined.groupindex[f"m{k}"])
                    for k, (name, pattern, _, _) in enumerate(chosen))
    starts = [first_chars(pattern) for _, pattern, _, _ in chosen]
    anywhere = tuple(m for m, chars in zip(members, starts) if chars is None)
    table: dict[str, tuple[Member, ...]] = {}
    for char in sorted({c for chars in starts if chars is not None for c in chars}):
        table[char] = tuple(m for m, chars in zip(members, starts) if chars is None or char in chars)
    shared = max((len(found) for found in table.values()), default=len(anywhere)) > 2
    return Group(ident, members, table, anywhere, combined if shared else None, max(back for *_, back in chosen),
                 words, offset)


def _bare(source: str, prefix: str) -> str:
    """A pattern's source with its groups made non-capturing, except those it refers to
    (renamed with ``prefix``): many capturing groups make the engine slow."""
    kept = {a or b for a, b in _REFERENCE.findall(source)}
    source = _NAMED.sub(lambda g: f"(?P<{prefix}{g[1]}>" if g[1] in kept else "(?:", source)
    return _REFERENCE.sub(lambda g: f"(?P={prefix}{g[1]})" if g[1] else f"(?({prefix}{g[2]})", source)
