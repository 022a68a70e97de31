"""Where date patterns are tried: anchors found in one pass, patterns run only there.

Every date expression contains an *anchor*: a month or weekday name, a word such as
"year", "ago" or "tomorrow" (``anchor_words`` in dates.yaml), a quarter code ("Q3") or
a number shaped like the start of a date (a four-digit year, "4/22", "'90s"). One regex
pass over the text's probe (:mod:`checker.values.dates_probe`) finds every anchor. The
patterns that can hold an anchor are then tried at the anchor and at the word starts
right before it, but only as far back as those words are numbers or words the patterns
spell out: "in Tokyo on April 8" tries the month patterns at "April" alone, "over the
past 78 years" tries "the", "past", "78" and "years". At each start only the patterns
whose matches can begin with the character there are tried.

A pattern tried at a word start finds what a scan of the whole text would find there
(every pattern starts at a word start), and starts are taken in text order with a
pattern's matches never overlapping, as in such a scan. The cost grows with the number
of anchors, not with the length of the text times the number of patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from checker.values.dates_first import first_chars
from checker.values.dates_patterns import TEMPLATES, Compiled, compiled, spelled_sources
from checker.values.dates_probe import BLANK, words_of
from checker.values.dates_vocab import alternation, vocab

# Numbers a date can start with, after their first digit, as they look in the probe
# (separators are blanks): a year, eight digits, one or two digits before another
# number ("4/22", "21.04.2016"), a decade ("'90s"), or digits glued to a word ("3year").
_NUMBER_TAIL = rb"[0-9]{3}(?![0-9])|[0-9]{7}(?![0-9])|[0-9]?(?=\x20+[0-9])|0s(?![a-z0-9])|[0-9]{0,2}%s(?![a-z])"
_NUMBER_KINDS = ("year4", "digits8", "pair", "short_decade")
# What must follow the one or two digits a "pair" pattern starts with (mdy_num, md_num,
# my_num): a dash or slash ("4/22", "3 - 2015"), or a dot and a second dot or a comma
# ("21.04.2016", "11.12, 2016"). Anything else ("6.5 percent", "8, 2025") is no start.
_PAIR = re.compile(r"\d\d?(?:\s*[-/]|\.\d\d?(?:\.\d|\s*,))")
_CODES = [f"{letter}{n}" for letter in "qh" for n in range(1, 5)]
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n")

Member = tuple[int, str, re.Pattern[str]]  # (order in TEMPLATES, name, pattern)
Hit = tuple[int, int, int, str, re.Match[str]]  # (start, end, pattern order, pattern name, match)


@dataclass(frozen=True)
class Group:
    """The patterns tried at one kind of anchor.

    ``table`` gives, for the first character at a position, the patterns whose matches
    can start with it (``anywhere``: for other characters). ``back`` is how far before
    the anchor a match may start; ``words`` are the words a match may hold before its
    anchor (None: matches start at the anchor, or one character before it with
    ``offset`` -1, the quote of "'90s").
    """

    ident: int
    table: dict[str, tuple[Member, ...]]
    anywhere: tuple[Member, ...]
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


def find_matches(text: str, probe: bytes) -> list[Hit]:
    """Every match holding an anchor, in text order, as (start, end, pattern order,
    pattern name, match).

    ``probe`` is the text's :func:`~checker.values.dates_probe.make_probe`. As in a scan
    of the text, a pattern's matches do not overlap: the one starting first wins ("Q1 of
    2017 - Q3 of 2018" is not read as "2017 - Q3 of 2018").
    """
    plan = _plan()
    groups, words, pair = plan.groups, plan.words, plan.shapes["pair"]
    numbers = _NUMBER_GROUPS
    # Each try is one int, start * 64 + group, so that sorting them is cheap.
    tries: list[int] = []
    add = tries.append
    rfind = probe.rfind
    find_break = text.find
    for anchor in plan.anchor.finditer(probe):
        # The probe has one extra blank in front, so its match, which starts on the
        # blank before the anchor, starts where the anchor starts in the text.
        at, end = anchor.span()
        found = probe[at + 1:end]
        group = words.get(found)
        if group is None:
            group = numbers.get(found)
            if group is None:
                group = _number_group(found, plan)
                if len(numbers) >= _NUMBER_GROUPS_KEPT:
                    numbers.clear()
                numbers[found] = group
            if group is pair and not _PAIR.match(text, at):
                continue  # a decimal ("6.5 percent") or a day and a year ("8, 2025")
        ident = group.ident
        lead = group.words
        if lead is None:
            add(max(0, at + group.offset) << 6 | ident)
            continue
        add(at << 6 | ident)
        # The words right before the anchor that a match may hold (numbers and the
        # group's own words) are starts too, back to the group's reach.
        limit = at - group.back
        while True:
            after = at  # where the word after the gap starts, in the text
            while at > 0 and probe[at] == BLANK:  # probe index at + 1 is text index at
                at -= 1
            begin = rfind(b" ", 0, at + 1)
            if begin < limit or begin == at:
                break
            # No date runs over an empty line: a paragraph's words start none in the next.
            if after - at > 1 and find_break("\n", at, after) >= 0 and _PARAGRAPH.search(text, at, after):
                break
            first = probe[begin + 1]
            if not (48 <= first <= 57 or probe[begin + 1:at + 1] in lead):
                break
            add(begin << 6 | ident)
            at = begin
    if not tries:
        return []
    tries.sort()
    hits: list[Hit] = []
    free: dict[int, int] = {}  # pattern order -> end of its last match
    previous = -1
    for code in tries:
        if code == previous:
            continue
        previous = code
        start, group = code >> 6, groups[code & 63]
        for order, name, pattern in group.table.get(text[start], group.anywhere):
            if order in free and free[order] > start:
                continue
            m = pattern.match(text, start)
            if m is not None:
                end = free[order] = m.end()
                hits.append((start, end, order, name, m))
    return hits


# The group of each number anchor seen lately, by its text in the probe ("2024", "3").
_NUMBER_GROUPS: dict[bytes, "Group"] = {}
_NUMBER_GROUPS_KEPT = 4096


def _number_group(found: bytes, plan: Plan) -> Group:
    """The group of an anchor led by a digit, from its text in the probe (telling the
    kinds apart here is cheaper than capturing groups in the anchor pattern)."""
    if len(found) == 3 and found[1:] == b"0s":
        return plan.shapes["short_decade"]
    glued = found.lstrip(b"0123456789")  # a word right after the digits ("3year", "2017q1")
    if glued:
        return plan.words[glued]
    return plan.shapes["year4" if len(found) == 4 else "digits8" if len(found) == 8 else "pair"]


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
    starts = {name: first_chars(pattern) for name, pattern, _, _ in patterns}
    groups: dict[tuple[str, ...], Group] = {}

    def group(names: list[str], led: bool) -> Group:
        key = tuple(sorted(set(names), key=order.__getitem__))
        if key not in groups:
            chosen = [patterns[order[n]] for n in key]
            words = None if led else frozenset(w for n in key for w in words_of(spelled[n]))
            offset = -1 if key == ("decade_short",) else 0
            groups[key] = _group(len(groups), chosen, order, starts, words, offset)
        return groups[key]

    shapes = {kind: group(by_anchor.pop(kind), led=True) for kind in [*_NUMBER_KINDS, "code"]}
    words = {w.encode(): group(names, led=False) for w, names in by_anchor.items()}
    words.update({code.encode(): shapes["code"] for code in _CODES})
    tree = alternation(w.decode() for w in words).encode()
    # No capturing groups: they would make the engine save and restore marks at every
    # blank of the text. The first character after the blank picks a number or a word.
    anchor_pattern = rb"\x20(?:[0-9](?:" + _NUMBER_TAIL % tree + rb")|" + tree + rb"(?![a-z]))"
    assert len(groups) <= 64, "a try packs its group in six bits"
    return Plan(re.compile(anchor_pattern), words, shapes, tuple(groups.values()))


def _group(ident: int, chosen: list[Compiled], order: dict[str, int], starts: dict[str, frozenset[str] | None],
           words: frozenset[bytes] | None, offset: int) -> Group:
    members = [((order[name], name, pattern), starts[name]) for name, pattern, _, _ in chosen]
    firsts = sorted({c for _, chars in members if chars is not None for c in chars})
    table = {char: tuple(m for m, chars in members if chars is None or char in chars) for char in firsts}
    anywhere = tuple(m for m, chars in members if chars is None)
    return Group(ident, table, anywhere, max(back for *_, back in chosen), words, offset)
