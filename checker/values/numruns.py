"""Where the runs of number tokens are in a text, in reading order.

A run starts where a digit or a number word may start one (``digit_starts`` and
``word_starts_lower`` of :mod:`checker.values.numpatterns`) and is read by ``run``;
places inside a run already read, or inside a web or e-mail address, start nothing.

Finding the starts one by one and matching the run at each costs a Python step per
start and two slow passes over the text. Instead passes of the regex engine over the
lower-cased text read the runs themselves: ``spaced`` the runs of words after a blank,
``scan`` all the others (or, for a text of Latin-1 characters, the faster passes over
bytes of :mod:`checker.values.numlatin1`). Each pass reads runs one after the other,
so only where a run of one pass overlaps a run of another, or starts in an address,
can a pass have skipped a start the start-by-start reading would take; from there on
the passes are merged run by run, a pass being restarted where such a start may hide.

The passes match the lower-cased text case-sensitively, which reads it as ``run``
(IGNORECASE) reads the original as long as lower-casing maps letters one to one: a text
with the dotted capital I (two characters in lower case), the Kelvin sign (a "k"), the
long s or the dotless i (which IGNORECASE takes for "s" and "i") is read start by start.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterator
from functools import lru_cache

from checker.values.numlatin1 import latin1_scan, latin1_views
from checker.values.numpatterns import number_patterns

# Anchors of web addresses and e-mail addresses; the whole blank-free stretch around
# one is not prose, so no figure is read inside it.
_ADDRESS = re.compile(r"://|www\.|@", re.IGNORECASE)
_NON_BLANKS = re.compile(r"\S*")
_ADDRESS_REACH = 300
# Characters that case-insensitive matching sets apart: a text holding one is not lower-cased.
CASE_TRAPS = ("\u0130", "\u212a", "\u017f", "\u0131")
_END = 1 << 62


@lru_cache(maxsize=8)
def lowered_text(text: str) -> str | None:
    """``text`` in lower case, when case-sensitive patterns of lower-case words read it as
    IGNORECASE patterns read ``text``; None for the rare text where they would not."""
    if text.isascii():
        return text.lower()  # fast for ASCII
    if any(trap in text for trap in CASE_TRAPS):
        return None
    try:
        # Lower-casing a text of Latin-1 characters through bytes is several times
        # faster than ``str.lower``, and gives the same characters.
        return text.encode("latin-1").translate(_LOWER_LATIN1).decode("latin-1")
    except UnicodeEncodeError:
        return text.lower()


_LOWER_LATIN1 = bytes(ord(chr(i).lower()) for i in range(256))


def word_starts(lowered: str, word: str) -> list[int]:
    """Where ``word`` starts in the lower-cased text ``lowered``."""
    starts: list[int] = []
    at = lowered.find(word)
    while at >= 0:
        starts.append(at)
        at = lowered.find(word, at + len(word))
    return starts


def number_runs(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every run of number tokens in ``text``, in reading order."""
    lowered = lowered_text(text)
    protected = _addresses(text, lowered)
    if lowered is None:
        return _runs_by_starts(text, protected)
    pats = number_patterns()
    first = pats.first_word.match(lowered)
    covered = 0 if first is None else first.end()
    views = latin1_views(lowered)
    if views is None:
        # A run of words found by ``scan`` is its group 1: the match starts a character early.
        runs = [m.span(m.lastindex or 0) for m in pats.scan.finditer(lowered, covered)]
    else:
        runs = _latin1_runs(lowered, views, covered)
    runs.extend((m.start() + 1, m.end()) for m in pats.spaced.finditer(lowered, covered))
    runs.sort()
    if first is not None:
        runs.insert(0, (0, covered))
    if not protected and _disjoint(runs):
        return runs  # the usual case, checked without a Python step per run
    out: list[tuple[int, int]] = []
    covered = 0
    for start, end in runs:
        # A run skipped here may hide starts of its own pass only past what skips it.
        if start < covered:
            if end <= covered:
                continue
            return out + _merged_runs(lowered, protected, start, covered)
        if protected:
            address_end = _address_end(protected, start)
            if address_end >= 0:
                if end <= address_end:
                    continue
                return out + _merged_runs(lowered, protected, start, covered)
        out.append((start, end))
        covered = end
    return out


def _latin1_runs(lowered: str, views: tuple[bytes, bytes], pos: int) -> list[tuple[int, int]]:
    """What ``scan`` finds from ``pos`` on, found on the bytes views of a Latin-1 text.

    Each of the three passes reads its runs one after the other, like ``scan``'s three
    branches; where they overlap, the caller merges run by run, as for ``spaced``.
    """
    folded, marked = views
    scan = latin1_scan()
    runs = list(map(_SPAN, scan.digits.finditer(folded, pos)))
    runs.extend(map(_SPAN, scan.dots.finditer(folded, pos)))
    first_word = number_patterns().first_word
    for m in scan.marks.finditer(marked, pos):
        run = first_word.match(lowered, m.start() + 1)  # a candidate: read exactly here
        if run is not None:
            runs.append(run.span())
    return runs


_SPAN = re.Match.span


def _disjoint(runs: list[tuple[int, int]]) -> bool:
    """True when each run (in order) ends before the next starts."""
    if len(runs) < 2:
        return True
    starts, ends = zip(*runs)
    return all(map(operator.le, ends, starts[1:]))


def _merged_runs(lowered: str, protected: list[tuple[int, int]], pos: int, covered: int) -> list[tuple[int, int]]:
    """The runs from ``pos`` on (``covered`` is the end of the last run taken), merged
    from both passes run by run."""
    pats = number_patterns()
    runs: list[tuple[int, int]] = []
    spaced = pats.spaced.finditer(lowered, max(pos - 1, 0))
    scan = pats.scan.finditer(lowered, max(pos - 1, 0))
    a_start, a_end = _next_spaced(spaced)
    b_start, b_end = _next_scanned(scan)
    while a_start < _END or b_start < _END:
        if a_start < b_start:
            start, end = a_start, a_end
            if start < covered or (protected and _inside(protected, start)):
                # Restart where the skipped run may have hidden starts of this pass.
                restart = covered if start < covered else start + 1
                if start >= covered or end > covered:
                    spaced = pats.spaced.finditer(lowered, restart)
                a_start, a_end = _next_spaced(spaced)
                continue
            a_start, a_end = _next_spaced(spaced)
        else:
            start, end = b_start, b_end
            if start < covered or (protected and _inside(protected, start)):
                restart = covered if start < covered else start + 1
                if start >= covered or end > covered:
                    scan = pats.scan.finditer(lowered, restart)
                b_start, b_end = _next_scanned(scan)
                continue
            b_start, b_end = _next_scanned(scan)
        runs.append((start, end))
        covered = end
    return runs


def _next_spaced(matches: Iterator[re.Match[str]]) -> tuple[int, int]:
    m = next(matches, None)
    return (_END, _END) if m is None else (m.start() + 1, m.end())


def _next_scanned(matches: Iterator[re.Match[str]]) -> tuple[int, int]:
    m = next(matches, None)
    return (_END, _END) if m is None else m.span(m.lastindex or 0)


def _runs_by_starts(text: str, protected: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs found start by start: every candidate start, then the run matched there."""
    pats = number_patterns()
    # Case-insensitive matching is slow; lower-casing first is faster, but only safe for
    # offsets when it keeps every character a single character (it does for almost all).
    lowered = text.lower()
    if len(lowered) == len(text):
        word_hits = pats.word_starts_lower.finditer(lowered)
    else:
        word_hits = pats.word_starts.finditer(text)
    starts = sorted([m.start() for m in pats.digit_starts.finditer(text)] + [m.start() for m in word_hits])
    runs: list[tuple[int, int]] = []
    covered = -1
    for pos in starts:
        if pos < covered or (protected and _inside(protected, pos)):
            continue
        run = pats.run.match(text, pos)
        if run is None:
            continue
        covered = run.end()
        runs.append((pos, covered))
    return runs


def _addresses(text: str, lowered: str | None) -> list[tuple[int, int]]:
    """Spans of blank-free stretches holding a web or e-mail address, in order."""
    spans: list[tuple[int, int]] = []
    if not _has_anchor(text, lowered):
        return spans  # the usual case, found without a regex pass over the text
    for start, end in _anchors(text, lowered):
        if spans and start < spans[-1][1]:
            continue
        # Addresses are short: look back a bounded stretch, so a text is read in linear time.
        floor = max(0, start - _ADDRESS_REACH)
        a = max(floor - 1, *(text.rfind(blank, floor, start) for blank in " \t\n\r")) + 1
        rest = _NON_BLANKS.match(text, end)
        spans.append((a, rest.end() if rest else end))
    return spans


def _has_anchor(text: str, lowered: str | None) -> bool:
    """Whether one of the anchors, in one of the listed spellings, is in ``text``."""
    if "@" in text or "://" in text:
        return True
    # One look at the lower-cased text finds every spelling of "www." at once ("wWw." too).
    return "www." in lowered if lowered is not None else _ADDRESS.search(text) is not None


def _anchors(text: str, lowered: str | None) -> list[tuple[int, int]]:
    """The spans ``_ADDRESS`` finds, one after the other, in reading order.

    On lower-cased text each anchor is a literal, which plain substring search finds
    much faster than the pattern; matches of different anchors cannot overlap.
    """
    if lowered is None:
        return [m.span() for m in _ADDRESS.finditer(text)]
    found = []
    for anchor in ("://", "www.", "@"):
        at = lowered.find(anchor)
        while at >= 0:
            found.append((at, at + len(anchor)))
            at = lowered.find(anchor, at + len(anchor))
    return sorted(found)


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """True when ``pos`` lies in one of the (ordered, disjoint) spans."""
    return _address_end(spans, pos) >= 0


def _address_end(spans: list[tuple[int, int]], pos: int) -> int:
    """The end of the span (ordered, disjoint) that ``pos`` lies in, or -1."""
    k = bisect.bisect_right(spans, pos, key=lambda span: span[0]) - 1
    return spans[k][1] if k >= 0 and pos < spans[k][1] else -1
