"""Where date patterns are tried: anchor sites found in one pass, patterns run only there.

Every date expression contains an *anchor*: a month or weekday name, a word such as
"year", "ago" or "tomorrow" (``anchor_words`` in dates.yaml), a quarter code ("Q3") or
a number shaped like part of a date (a four-digit year, "4/22", "'90s"). One regex pass
over a byte copy of the text finds every anchor. Each anchor has a *group*: the
patterns that can contain it. They are tried, all at once, only at the word starts a
short distance before the anchor, so the cost grows with the number of anchors rather
than with the length of the text times the number of patterns.

Trying a pattern with ``match`` at a word start finds what ``finditer`` over the whole
text would find there (a pattern's first character always starts a word), and reads
the whole text after it, so no window cuts a match short.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

from checker.values.dates_patterns import TEMPLATES, compiled
from checker.values.dates_vocab import vocab

# A word start: a letter or digit not preceded by one, or a quote ("'90s").
_WORD_START = re.compile(r"(?<![^\W_])[^\W_]|['’]")
_GROUP_NAME = re.compile(r"\(\?P<(\w+)>|\(\?P=(\w+)\)|\(\?\((\w+)\)")
# Numbers a date can start with, in the probe (separators are blanks there): a year or
# eight-digit date, one or two digits followed by another number ("4/22", "21.04.2016"),
# and a decade ("'90s").
_NUMBER = rb"[0-9]{4}(?:[0-9]{4})?(?![0-9])|[0-9]{1,2}\x20+[0-9]|[0-9]0s(?![a-z0-9])"
_CODE = rb"[qh][1-4](?![0-9])"


@dataclass(frozen=True)
class Group:
    """Patterns tried together at an anchor: their names, order and how far back they reach.

    ``combined`` tries every pattern at one position in a single call: each sits in an
    optional look-ahead that captures its match in group ``index``, and a final check
    makes the call fail when none matched.
    """

    members: tuple[tuple[int, int, str, re.Pattern[str]], ...]  # (group index, order, name, pattern)
    combined: re.Pattern[str]
    back: int


@dataclass(frozen=True)
class Plan:
    """Everything the anchor pass needs, compiled once per case mode."""

    anchor: re.Pattern[bytes]
    words: dict[bytes, Group]
    code: Group
    number: Group


def find_matches(scanned: str, folded: bool) -> Iterator[tuple[int, str, re.Match[str]]]:
    """Every (pattern order, pattern name, match) that contains an anchor, each once."""
    plan = _plan(folded)
    tried: set[tuple[int, int]] = set()  # (start, id of the group) already tried
    found: set[tuple[int, int]] = set()  # (start, pattern order) already reported
    for anchor in plan.anchor.finditer(_probe(scanned)):
        # The probe has one extra blank in front: its match starts on the blank before
        # the anchor, which is where the anchor itself starts in the text.
        at = anchor.start()
        kind = anchor.lastgroup
        group = plan.number if kind == "num" else plan.code if kind == "code" else plan.words[anchor["word"]]
        for start_match in _WORD_START.finditer(scanned, max(0, at - group.back), at + 1):
            start = start_match.start()
            key = (start, id(group))
            if key in tried:
                continue
            tried.add(key)
            hit = group.combined.match(scanned, start)
            if hit is None:
                continue
            for index, order, name, pattern in group.members:
                if hit.start(index) >= 0 and (start, order) not in found:
                    found.add((start, order))
                    m = pattern.match(scanned, start)
                    if m is not None:
                        yield order, name, m


_PROBE_TABLE = bytes(
    c if chr(c).isascii() and chr(c).isalnum() and not chr(c).isupper()
    else c + 32 if "A" <= chr(c) <= "Z"
    else ord("x") if chr(c).isalpha()  # a Latin-1 letter: inside a word
    else ord(" ")
    for c in range(256)
)


def _probe(text: str) -> bytes:
    """The text as one byte per character, for finding anchors quickly: ASCII letters in
    lower case and digits as they are, other letters as "x", everything else a blank
    (characters beyond Latin-1 too); one blank in front so every word follows a blank."""
    return b" " + text.encode("latin-1", "replace").translate(_PROBE_TABLE)


@lru_cache(maxsize=2)
def _plan(folded: bool) -> Plan:
    v = vocab()
    patterns = compiled(folded)
    order = {name: i for i, name in enumerate(TEMPLATES)}
    by_name = {name: (pattern, reach) for name, pattern, _, reach in patterns}
    word_patterns: dict[str, list[str]] = {}
    for name, pattern, kinds, _ in patterns:
        for kind in kinds:
            words: Iterable[str] = (
                v.months if kind == "month" else v.weekdays if kind == "weekday"
                else _words_in(pattern.pattern, v.anchor_words) if kind == "word" else ()
            )
            for word in words:
                word_patterns.setdefault(word, []).append(name)
    flags = patterns[0][1].flags
    groups: dict[tuple[str, ...], Group] = {}

    def group(names: Iterable[str], back: int | None = None) -> Group:
        key = tuple(sorted(set(names), key=order.__getitem__))
        if key not in groups:
            reach = back if back is not None else max(by_name[n][1][0] for n in key)
            groups[key] = _group([(order[n], n, by_name[n][0]) for n in key], reach, flags)
        return groups[key]

    numeric = [name for name, _, kinds, _ in patterns if kinds == ("text",)] + ["q_code"]
    words = {w.encode("latin-1"): group(names) for w, names in word_patterns.items()}
    anchor = rb"\x20(?:(?P<word>" + _trie(words).encode("latin-1") + rb")(?![a-z])|(?P<code>" + _CODE
    anchor += rb")|(?P<num>" + _NUMBER + rb"))"
    return Plan(re.compile(anchor), words, group(["q_code"]), group(numeric, back=1))


def _words_in(source: str, words: Iterable[str]) -> list[str]:
    """The anchor words a pattern's source spells out: the ones its matches can contain."""
    return [w for w in words if re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", source)]


def _group(members: list[tuple[int, str, re.Pattern[str]]], back: int, flags: int) -> Group:
    parts, tail, indexed = [], "(?!)", []
    for k, (order, name, pattern) in enumerate(members):
        # Each pattern's own groups get a prefix so that the names stay unique.
        source = _GROUP_NAME.sub(lambda g: _renamed(g, f"p{k}_"), pattern.pattern)
        parts.append(f"(?:(?=(?P<m{k}>{source}))|)")
    for k in reversed(range(len(members))):
        tail = f"(?(m{k})|{tail})"
    combined = re.compile("".join(parts) + tail, flags)
    for k, (order, name, pattern) in enumerate(members):
        indexed.append((combined.groupindex[f"m{k}"], order, name, pattern))
    return Group(tuple(indexed), combined, back)


def _renamed(g: re.Match[str], prefix: str) -> str:
    if g[1]:
        return f"(?P<{prefix}{g[1]}>"
    if g[2]:
        return f"(?P={prefix}{g[2]})"
    return f"(?({prefix}{g[3]})"


def _trie(words: Iterable[bytes]) -> str:
    """An alternation of words sharing their prefixes ("jan(?:uary)?"): after the blank
    that starts the anchor pattern, the engine follows one branch per letter."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word.decode("latin-1"):
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)
