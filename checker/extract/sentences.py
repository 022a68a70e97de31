"""Sentence boundaries: claims are read, quoted and keyed one sentence at a time.

A line break always ends a sentence (articles put paragraphs on lines). Within a line,
'.', '!' or '?' followed by space and a capital, digit or quote ends one, unless the
word before the period is a known abbreviation ("Jan.", "Mr.", "U.S.") or a single
capital letter (an initial).
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.data import shipped_yaml


# A run of . ! ? (and closing quotes or brackets) before a blank and a capital or a
# digit, or a line break. The pattern opens with one class of first characters, so the
# engine skips ahead to them instead of trying every position.
_CANDIDATE = re.compile(r"[.!?\n](?:(?<=\n)|[.!?]*[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9]))")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
# A dateline opens a line: a place in capitals, maybe a date, maybe the agency, a dash.
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z'’.][A-Z'’.\- ]{0,40}(?:,[^\n()–—-]{1,30})?(?:[ \t]*\([^)\n]{1,40}\))?[ \t]*(?:--|[-–—])[ \t]+",
    re.MULTILINE,
)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(str(a).lower() for a in shipped_yaml("sentences.yaml")["abbreviations"])


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, empty ones dropped.

    A dateline ("BERLIN, May 12 (Reuters) -") is a sentence of its own: its date is
    when the story was filed, not a value of the sentence after it.
    """
    ends = _sentence_ends(text)
    if "-" in text or "–" in text or "—" in text:
        ends = sorted(set(ends).union(m.end() for m in _DATELINE.finditer(text)))
    spans: list[tuple[int, int]] = []
    start = 0
    for end in ends:
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


def _sentence_ends(text: str) -> list[int]:
    abbreviations = _abbreviations()
    longest = _longest_abbreviation()
    ends: list[int] = []
    start = 0
    for m in _CANDIDATE.finditer(text):
        found = m.group(0)
        if found[0] == "." and not found.startswith(".."):
            at = m.start()
            # Letters only, for longer than any abbreviation, right before the dot: a
            # plain word ends the sentence, without looking the word up. (They cannot
            # reach back past ``start``: a sentence end is followed by a blank.)
            if at <= longest or not text[at - longest - 1 : at].isalpha():
                word = _WORD_BEFORE.search(text, max(start, at - 20), at + 1)
                if word and (word.group(1).lower() in abbreviations or _is_initial(word.group(1))):
                    continue
        ends.append(m.end())
        start = m.end()
    return ends


@lru_cache(maxsize=1)
def _longest_abbreviation() -> int:
    return max(map(len, _abbreviations()), default=0)


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def clause_span(text: str, start: int, end: int, low: int, high: int) -> tuple[int, int]:
    """The clause of the sentence ``text[start:end]`` that holds ``text[low:high]``: from
    the last clause break before ``low`` to the first after ``high`` (see
    ``clause_break_marks`` and ``clause_break_words`` in sentences.yaml). A span that
    crosses a break takes in the clauses on both sides."""
    breaks = _clause_breaks()
    begin = start
    for m in breaks.finditer(text, start, low):
        begin = m.start()
    after = breaks.search(text, high, end)
    return begin, after.start() if after is not None else end


@lru_cache(maxsize=1)
def _clause_breaks() -> re.Pattern[str]:
    data = shipped_yaml("sentences.yaml")
    marks = [re.escape(str(m)) for m in data["clause_break_marks"]]
    words = [r"\s+".join(map(re.escape, str(w).split())) for w in data["clause_break_words"]]
    # One word boundary and a look at the first letter before the alternatives: the
    # engine tries each alternative at a position only where a break word can start,
    # which makes the search several times faster on plain prose.
    firsts = "".join(sorted({w[0].lower() for w in data["clause_break_words"]}))
    return re.compile("|".join([*marks, rf"\b(?=[{firsts}])(?:{'|'.join(words)})\b"]), re.IGNORECASE)
