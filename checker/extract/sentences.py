"""Sentence boundaries: claims are read, quoted and keyed one sentence at a time.

A line break always ends a sentence (articles put paragraphs on lines). Within a line,
'.', '!' or '?' followed by space and a capital, digit or quote ends one, unless the
word before the period is a known abbreviation ("Jan.", "Mr.", "U.S.") or a single
capital letter (an initial).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

_CANDIDATE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    raw = resources.files("checker.data").joinpath("sentences.yaml").read_text(encoding="utf-8")
    return frozenset(str(a).lower() for a in yaml.safe_load(raw)["abbreviations"])


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, empty ones dropped."""
    abbreviations = _abbreviations()
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CANDIDATE.finditer(text):
        if m.group(0) != "\n" and m.group(0).startswith(".") and not m.group(0).startswith(".."):
            word = _WORD_BEFORE.search(text, max(start, m.start() - 20), m.start() + 1)
            if word and (word.group(1).lower() in abbreviations or _is_initial(word.group(1))):
                continue
        _add(text, start, m.end(), spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
