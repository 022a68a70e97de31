"""Where date patterns are tried: anchors found in one pass, patterns run only there.

Every date expression contains an *anchor*: a month or weekday name, a word such as
"year", "ago" or "tomorrow" (``anchor_words`` in dates.yaml), a quarter code ("Q3") or
a number shaped like the start of a date (a four-digit year, "4/22", "'90s"). One regex
pass over a byte copy of the text (the *probe*) finds every anchor. The patterns that
can contain an anchor are then tried with ``match`` at the anchor and at the word
starts right before it, but only as far back as the words there are words those
patterns spell out (or numbers): "in Tokyo on April 8" tries the month patterns at
"April" alone, "over the past 78 years" tries "years", "78", "past" and "the".

``match`` at a word start finds what a scan of the whole text would find there (every
pattern starts at a word start), so the cost grows with the number of anchors and not
with the length of the text times the number of patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from checker.values.dates_patterns import TEMPLATES, compiled
from checker.values.dates_vocab import vocab

# Numbers a date can start with, as they look in the probe (separators are blanks).
_NUMBER_SHAPES = {
    "year4": rb"[0-9]{4}(?![0-9])",
    "digits8": rb"[0-9]{8}(?![0-9])",
    "pair": rb"[0-9]{1,2}(?=\x20+[0-9])",
    "short_decade": rb"[0-9]0s(?![a-z0-9])",
}
_QUOTES = "'’"
_BLANK = 32


@dataclass(frozen=True)
class Group:
    """The patterns tried at one kind of anchor.

    ``members`` are (order in TEMPLATES, name, pattern). ``back`` is how far before the
    anchor a match may start; ``words`` are the words the patterns spell out, which a
    match may hold before its anchor (None: matches start at the anchor). ``offset``
    moves that start: -1 for the quote of "'90s".
    """

    members: tuple[tuple[int, str, re.Pattern[str]], ...]
    back: int
    words: frozenset[bytes] | None
    offset: int = 0


@dataclass(frozen=True)
class Plan:
    """The anchor pattern and the group of each anchor, compiled once per case mode."""

    anchor: re.Pattern[bytes]
    words: dict[bytes, Group]
    shapes: dict[str, Group]


def find_matches(scanned: str, folded: bool) -> list[tuple[int, str, re.Match[str]]]:
    """Every (pattern order, pattern name, match) that holds an anchor.

    Like a scan of the text with each pattern, a pattern's matches do not overlap: of
    two, the one starting first is kept ("Q1 of 2017 - Q3 of 2018" is not read as
    "2017 - Q3 of 2018", which starts inside "Q1 of 2017").
    """
    plan = _plan(folded)
    probe = _probe(scanned)
    done: set[tuple[int, int]] = set()  # (start, pattern order) already tried
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for anchor in plan.anchor.finditer(probe):
        kind = anchor.lastgroup
        # The probe has one extra blank in front, so its match, which starts on the
        # blank before the anchor, starts where the anchor starts in the text.
        at = anchor.start()
        if kind == "word" or kind == "glued":
            group = plan.words[anchor[kind]]
        else:
            group = plan.shapes[kind or ""]
        starts = [at + group.offset]
        if group.words is not None:
            starts += _lead(probe, at, max(0, at - group.back), group.words)
        for start in starts:
            for order, name, pattern in group.members:
                if (start, order) in done:
                    continue
                done.add((start, order))
                m = pattern.match(scanned, start)
                if m is not None:
                    found.append((order, start, name, m))
    found.sort(key=lambda hit: hit[:2])
    out: list[tuple[int, str, re.Match[str]]] = []
    last_order, last_end = -1, 0
    for order, start, name, m in found:
        if order == last_order and start < last_end:
            continue
        out.append((order, name, m))
        last_order, last_end = order, m.end()
    return out


def _lead(probe: bytes, at: int, limit: int, words: frozenset[bytes]) -> list[int]:
    """Starts of the words right before ``at`` that may be part of a match: numbers
    and the patterns' own words, walking back until another word or ``limit``."""
    out = []
    end = at + 1  # probe index of the anchor's first character
    while True:
        while end > 1 and probe[end - 1] == _BLANK:
            end -= 1
        begin = probe.rfind(b" ", 0, end) + 1
        # Probe index ``begin`` is text index ``begin - 1``.
        if begin - 1 < limit or end <= 1:
            return out
        word = probe[begin:end]
        if not (48 <= word[0] <= 57 or word in words):
            return out
        out.append(begin - 1)
        end = begin


_PROBE_TABLE = bytes(
    c if chr(c).isascii() and (chr(c).isdigit() or chr(c).islower())
    else c + 32 if chr(c).isascii() and chr(c).isupper()
    else ord("x") if chr(c).isalpha()  # a Latin-1 letter: inside a word
    else _BLANK
    for c in range(256)
)


def _probe(text: str) -> bytes:
    """The text as one byte per character, for finding anchors quickly: ASCII letters in
    lower case and digits as they are, other letters "x", everything else a blank
    (characters beyond Latin-1 too); one blank in front so every word follows a blank."""
    return b" " + text.encode("latin-1", "replace").translate(_PROBE_TABLE)


@lru_cache(maxsize=2)
def _plan(folded: bool) -> Plan:
    v = vocab()
    patterns = compiled(folded)
    order = {name: i for i, name in enumerate(TEMPLATES)}
    members = {name: (order[name], name, pattern) for name, pattern, _, _ in patterns}
    reach = {name: back for name, _, _, back in patterns}
    by_anchor: dict[str, list[str]] = {}
    for name, pattern, kinds, _ in patterns:
        for kind in kinds:
            if kind in _NUMBER_SHAPES or kind == "code":
                found: Iterable[str] = [kind]
            elif kind == "word":
                found = _words_in(pattern.pattern, v.anchor_words)
            else:
                found = v.months if kind == "month" else v.weekdays
            for anchor in found:
                by_anchor.setdefault(anchor, []).append(name)
    groups: dict[tuple[str, ...], Group] = {}

    def group(names: list[str], led: bool) -> Group:
        key = tuple(sorted(set(names), key=order.__getitem__))
        if key not in groups:
            words = None if led else frozenset(w for n in key for w in _spelled(patterns[order[n]][1].pattern))
            offset = -1 if key == ("decade_short",) else 0
            groups[key] = Group(tuple(members[n] for n in key), max(reach[n] for n in key), words, offset)
        return groups[key]

    shapes = {kind: group(by_anchor.pop(kind), led=True) for kind in [*_NUMBER_SHAPES, "code"]}
    words = {w.encode("ascii"): group(names, led=False) for w, names in by_anchor.items()}
    trie = _trie(words).encode("ascii")
    numbers = b"|".join(rb"(?P<%s>%s)" % (kind.encode(), shape) for kind, shape in _NUMBER_SHAPES.items())
    anchor = (rb"\x20(?:" + numbers + rb"|[0-9]{1,3}(?P<glued>" + trie + rb")(?![a-z])"
              rb"|(?P<code>[qh][1-4])(?![0-9])|(?P<word>" + trie + rb")(?![a-z]))")
    return Plan(re.compile(anchor), words, shapes)


def _words_in(source: str, words: Iterable[str]) -> list[str]:
    """The anchor words a pattern's source spells out: the ones its matches can contain."""
    return [w for w in words if re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", source)]


def _spelled(source: str) -> set[bytes]:
    """Every run of letters in a pattern's source: a superset of the words its matches
    can hold (it also holds group names and escapes, which only widens the walk)."""
    return {w.encode("ascii") for w in re.findall(r"[a-z]+", source)}


def _trie(words: Iterable[bytes]) -> str:
    """An alternation of words sharing their prefixes ("jan(?:uary)?"): the engine then
    follows one branch per letter instead of trying every word."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word.decode("ascii"):
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)
