"""A byte copy of the text in which words are cheap to find: the date parser's *probe*.

Every character becomes one byte, so offsets carry over: ASCII letters in lower case
and digits stay, other letters become "x" and everything else (punctuation, blanks,
characters beyond Latin-1) a blank; one blank in front makes probe index ``i + 1``
text index ``i`` and puts a blank before every word. Regexes over the probe can then
start with a literal blank, which the engine finds quickly, and the word before a
position is two ``rfind`` calls away instead of a backward regex search.
"""

from __future__ import annotations

import re
from functools import lru_cache

BLANK = 32
_TABLE = bytes(
    c if chr(c).isascii() and (chr(c).isdigit() or chr(c).islower())
    else c + 32 if chr(c).isascii() and chr(c).isupper()
    else ord("x") if chr(c).isalpha()  # a Latin-1 letter: inside a word
    else BLANK
    for c in range(256)
)
# Group names and escapes ("\s") are letters in a regex source but not words.
_SYNTAX = re.compile(r"\(\?P<\w+>|\(\?P=\w+\)|\(\?\(\w+\)|\\[a-zA-Z]")


def make_probe(text: str) -> bytes:
    """The probe of ``text`` (one more byte than characters: the blank in front)."""
    return b" " + text.encode("latin-1", "replace").translate(_TABLE)


def word_before(probe: bytes, pos: int) -> tuple[bytes, int]:
    """The word (letters and digits, lower case) ending right before text position
    ``pos`` with only non-word characters in between, and the text position it starts
    at; (b"", -1) at the start of the text."""
    end = pos + 1  # probe index of text position ``pos``
    while end > 1 and probe[end - 1] == BLANK:
        end -= 1
    if end <= 1:
        return b"", -1
    begin = probe.rfind(b" ", 0, end) + 1
    return probe[begin:end], begin - 1


@lru_cache(maxsize=None)
def words_of(source: str) -> frozenset[bytes]:
    """Every run of letters in a regex source but its group names and escapes: a
    superset of the words the regex can match (lower-case sources)."""
    return frozenset(w.encode() for w in re.findall(r"[a-z]+", _SYNTAX.sub(" ", source)))
