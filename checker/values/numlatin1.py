"""The scan for runs of number tokens, on bytes, for a text of Latin-1 characters.

A text whose characters all fit in one byte can be read as bytes, which
``bytes.translate`` maps wholesale at memory speed. Once every digit is mapped to "0",
the regex engine finds the runs that start with a digit by searching for that one byte,
instead of testing every character against a class; that was most of the scan. Runs of
words after a character other than a blank are found the same way, once those
characters are mapped to one byte; their places are only candidates, which the str
pattern then reads exactly.

The patterns are those of :mod:`checker.values.numpatterns`, rewritten for bytes: a
bytes pattern knows only ASCII word characters and white space, so ``\\w``, ``\\s`` and
``\\b`` become the classes of the Latin-1 characters that ``re`` counts as such in a
text, and characters outside Latin-1, which such a text cannot hold, are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.values.numpatterns import run_pieces

_MARK = 1  # the byte that stands for any character a run of words may follow, but a blank


def _class_body(test: re.Pattern[str]) -> str:
    """The Latin-1 characters ``test`` matches, as the body of a bytes class."""
    return "".join(f"\\x{code:02x}" for code in range(256) if test.fullmatch(chr(code)))


_WORD = _class_body(re.compile(r"\w"))
_SPACE = _class_body(re.compile(r"\s"))
_BOUNDARY = rf"(?:(?<=[{_WORD}])(?![{_WORD}])|(?<![{_WORD}])(?=[{_WORD}]))"


def to_latin1(pattern: str, space_also: str = "") -> bytes:
    """``pattern`` as a bytes pattern reading Latin-1 text as ``re`` reads it as str.

    ``space_also`` adds characters (as class body) to what ``\\s`` matches.
    Handles the syntax the number patterns use: escapes, classes without nested
    brackets, ``\\w``, ``\\s``, ``\\d``, ``\\b`` and ``\\uXXXX``.
    """
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        piece: str | None
        if ch == "\\":
            escape = pattern[i + 1]
            if escape == "u":
                code = int(pattern[i + 2:i + 6], 16)
                piece, i = (f"\\x{code:02x}" if code < 256 else None), i + 6
            else:
                i += 2
                if escape in "ws":
                    body = _WORD if escape == "w" else _SPACE + space_also
                    piece = body if in_class else f"[{body}]"
                elif escape == "b":
                    piece = _BOUNDARY
                elif escape in "WSBDU":
                    raise ValueError(f"cannot rewrite \\{escape} for bytes")
                else:
                    piece = "\\" + escape
        else:
            i += 1
            if ch == "[" and not in_class:
                in_class, piece = True, ch
            elif ch == "]" and in_class:
                in_class, piece = False, ch
            elif ord(ch) < 128:
                piece = ch
            else:
                piece = f"\\x{ord(ch):02x}" if ord(ch) < 256 else None
        if piece is None:
            # A character no Latin-1 text holds: dropped from a class, never matched outside.
            piece = "" if in_class else "(?!)"
        out.append(piece)
    return "".join(out).encode("ascii")


@dataclass(frozen=True)
class Latin1Scan:
    """The bytes patterns of the scan and the tables of the two views they read."""

    digits: re.Pattern[bytes]  # a run that starts with a digit (folded view)
    dots: re.Pattern[bytes]  # a run that starts with a dot, ".5" (folded view)
    marks: re.Pattern[bytes]  # a mark and a word a run may start with (marked view)
    fold: bytes  # translation table: every digit to "0"
    mark: bytes  # translation table: what a run of words may follow, but a blank, to the mark


@lru_cache(maxsize=1)
def latin1_scan() -> Latin1Scan:
    """Compile the bytes scan (once)."""
    p = run_pieces()
    glue = p.left_glue
    digits = rf"0(?<![{glue}]\d)(?<![\d.]\.\d)(?:{p.digits_after_first}){p.ending}{p.more}"
    dots = rf"\.(?=\d)(?<![\w.{glue}]\.)\d+{p.ending}{p.more}"
    # The mark counts as a blank in the word's own conditions ("a" before "million"):
    # a mark may stand for white space, and a wider pattern only finds more candidates.
    # The mark is itself a character a word may follow: the tree needs no check before it.
    marks = rf"\x01(?=[{p.first_letters}]){p.word_tree}"
    before_word = re.compile(rf"[\w.{glue} ]")
    return Latin1Scan(
        re.compile(to_latin1(digits)),
        re.compile(to_latin1(dots)),
        re.compile(to_latin1(marks, space_also="\\x01")),
        bytes(ord("0") if chr(code).isdecimal() else code for code in range(256)),
        bytes(code if before_word.fullmatch(chr(code)) else _MARK for code in range(256)),
    )


def latin1_views(lowered: str) -> tuple[bytes, bytes] | None:
    """The folded and marked views of a lower-cased text, or None when it holds a
    character beyond Latin-1."""
    try:
        raw = lowered.encode("latin-1")
    except UnicodeEncodeError:
        return None
    scan = latin1_scan()
    return raw.translate(scan.fold), raw.translate(scan.mark)
