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
from typing import Iterable

from checker.values.dates_patterns import TEMPLATES, compiled, spelled_sources
from checker.values.dates_vocab import alternation, vocab

# Numbers a date can start with, as they look in the probe (separators are blanks).
_NUMBER_SHAPES = {
    "year4": rb"[0-9]{4}(?![0-9])",
    "digits8": rb"[0-9]{8}(?![0-9])",
    "pair": rb"[0-9]{1,2}(?=\x20+[0-9])",
    "short_decade": rb"[0-9]0s(?![a-z0-9])",
}
_NAMED = re.compile(r"\(\?P<(\w+)>")
_REFERENCE = re.compile(r"\(\?P=(\w+)\)|\(\?\((\w+)\)")
_BLANK = 32


@dataclass(frozen=True)
class Group:
    """The patterns tried at one kind of anchor.

    ``members`` are (order in TEMPLATES, name, pattern, index of its group in
    ``combined``): one regex that tries them all at a position, each in an optional
    look-ahead that captures its span, and fails when none matched. ``back`` is how
    far before the anchor a match may start; ``words`` are the words a match may hold
    before its anchor (None: matches start at the anchor, or one character before it
    with ``offset`` -1, the quote of "'90s").
    """

    members: tuple[tuple[int, str, re.Pattern[str], int], ...]
    combined: re.Pattern[str]
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
    """Every (pattern order, pattern name, match) holding an anchor, in text order.

    As in a scan of the text, a pattern's matches do not overlap: the one starting
    first wins ("Q1 of 2017 - Q3 of 2018" is not read as "2017 - Q3 of 2018").
    """
    plan = _plan(folded)
    probe = _probe(scanned)
    tries: list[tuple[int, int, Group]] = []
    for anchor in plan.anchor.finditer(probe):
        kind = anchor.lastgroup
        # The probe has one extra blank in front, so its match, which starts on the
        # blank before the anchor, starts where the anchor starts in the text.
        at = anchor.start()
        group = plan.words[anchor[kind]] if kind == "word" or kind == "glued" else plan.shapes[kind or ""]
        tries.append((at + group.offset, id(group), group))
        if group.words is not None:
            tries.extend((start, id(group), group) for start in _lead(probe, at, at - group.back, group.words))
    tries.sort(key=lambda t: t[:2])
    free: dict[int, int] = {}  # pattern order -> end of its last match
    out: list[tuple[int, str, re.Match[str]]] = []
    previous = (-1, -1)
    for start, key, group in tries:
        if (start, key) == previous:
            continue
        previous = (start, key)
        hit = group.combined.match(scanned, start)
        if hit is None:
            continue
        for order, name, pattern, index in group.members:
            if hit.start(index) >= 0 and free.get(order, 0) <= start:
                m = pattern.match(scanned, start)
                if m is not None:
                    free[order] = m.end()
                    out.append((order, name, m))
    return out


def _lead(probe: bytes, at: int, limit: int, words: frozenset[bytes]) -> list[int]:
    """Starts of the words right before ``at`` that a match may hold: numbers and the
    patterns' own words, walking back until another word or ``limit``."""
    out = []
    end = at + 1  # probe index of the anchor's first character
    while True:
        while end > 1 and probe[end - 1] == _BLANK:
            end -= 1
        begin = probe.rfind(b" ", 0, end) + 1
        # Probe index ``begin`` is text index ``begin - 1``.
        if end <= 1 or begin - 1 < limit:
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
    spelled = spelled_sources()
    order = {name: i for i, name in enumerate(TEMPLATES)}
    by_anchor: dict[str, list[str]] = {}
    for name, _, kinds, _ in patterns:
        for kind in kinds:
            if kind in _NUMBER_SHAPES or kind == "code":
                found: Iterable[str] = [kind]
            elif kind == "word":
                found = [w for w in v.anchor_words if w in _words(spelled[name])]
            else:
                found = v.months if kind == "month" else v.weekdays
            for anchor in found:
                by_anchor.setdefault(anchor, []).append(name)
    groups: dict[tuple[str, ...], Group] = {}

    def group(names: list[str], led: bool) -> Group:
        key = tuple(sorted(set(names), key=order.__getitem__))
        if key not in groups:
            chosen = [patterns[order[n]] for n in key]
            words = None if led else frozenset(w.encode() for n in key for w in _words(spelled[n]))
            groups[key] = _group(chosen, order, words, -1 if key == ("decade_short",) else 0)
        return groups[key]

    shapes = {kind: group(by_anchor.pop(kind), led=True) for kind in [*_NUMBER_SHAPES, "code"]}
    words = {w.encode(): group(names, led=False) for w, names in by_anchor.items()}
    tree = alternation(by_anchor).encode()
    numbers = b"|".join(rb"(?P<%s>%s)" % (kind.encode(), shape) for kind, shape in _NUMBER_SHAPES.items())
    anchor = (rb"\x20(?:" + numbers + rb"|[0-9]{1,3}(?P<glued>" + tree + rb")(?![a-z])"
              rb"|(?P<code>[qh][1-4])(?![0-9])|(?P<word>" + tree + rb")(?![a-z]))")
    return Plan(re.compile(anchor), words, shapes)


def _group(chosen: list[tuple[str, re.Pattern[str], tuple[str, ...], int]], order: dict[str, int],
           words: frozenset[bytes] | None, offset: int) -> Group:
    parts, check = [], "(?!)"
    for k, (_, pattern, _, _) in enumerate(chosen):
        parts.append(f"(?:(?=(?P<m{k}>{_bare(pattern.pattern, f'p{k}_')}))|)")
    for k in reversed(range(len(chosen))):
        check = f"(?(m{k})|{check})"
    combined = re.compile("".join(parts) + check, chosen[0][1].flags)
    members = tuple((order[name], name, pattern, combined.groupindex[f"m{k}"])
                    for k, (name, pattern, _, _) in enumerate(chosen))
    return Group(members, combined, max(back for *_, back in chosen), words, offset)


def _bare(source: str, prefix: str) -> str:
    """A pattern's source with its groups made non-capturing, except those it refers to
    (renamed with ``prefix``): many capturing groups make the engine slow."""
    kept = {a or b for a, b in _REFERENCE.findall(source)}
    source = _NAMED.sub(lambda g: f"(?P<{prefix}{g[1]}>" if g[1] in kept else "(?:", source)
    return _REFERENCE.sub(lambda g: f"(?P={prefix}{g[1]})" if g[1] else f"(?({prefix}{g[2]})", source)


@lru_cache(maxsize=None)
def _words(source: str) -> frozenset[str]:
    """Every run of letters in a spelled-out source: a superset of the words its matches
    can hold (group names and escapes come along, which only widens the walk back)."""
    return frozenset(re.findall(r"[a-z]+", source))
