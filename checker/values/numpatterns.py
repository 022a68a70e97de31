"""The compiled patterns of the number reader, built from ``checker/data/numbers.yaml``.

A *run* is a stretch of number tokens (digits, number words, scale words) joined by
blanks, hyphens or a joiner word ("and"). Every quantifier between tokens is possessive,
so a run is read in time linear in its length.

Runs are found by two passes of the regex engine over the lower-cased text (see
:mod:`checker.values.numruns`), each a pattern that opens with one literal or one plain
character class, so that the engine skips in C over the text no run can start in:

- ``spaced``: a blank, then a run that starts with a number word ("signed two");
- ``scan``: any other character that is not a lower-case ASCII letter, then either a run
  that starts with it (digits: "15", ".5") or, in group 1, a run of words right after it
  ("(two").

On a text whose letters lower-case one to one (see :mod:`checker.values.numruns`), both
read a run exactly as ``run`` reads the original text at a place where ``digit_starts``
or ``word_starts_lower`` would start one; those are kept for the other texts. For a
text of Latin-1 characters, :mod:`checker.values.numlatin1` rewrites ``scan`` (from
``run_pieces``) for bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from checker.values.numlex import NumberLexicon, alternation, lexicon

# Digit groups: commas, no-break/thin spaces, or plain spaces (SI style "1 234 567");
# a group is exactly three digits, so "423 0000" stays two numbers.
_GROUPINGS = (",", r"[\u00a0\u202f\u2009]", " ")


def _figure(lead: str, simple: str) -> str:
    """Digit figures; ``lead`` reads the first group, ``simple`` an ungrouped figure."""
    # Possessive digits: a shorter run of them leaves a digit next, where neither a group
    # separator nor what may end a figure can stand, so giving digits back never helps.
    # The leading digits are read once for the three ways of grouping them.
    groups = "|".join(rf"(?:{sep}\d{{3}}(?!\d))+" for sep in _GROUPINGS)
    return rf"{lead}+(?:{groups})(?:\.\d++)?|{simple}+(?:\.\d++)?"


# ".08" reads as a figure; after a letter the dot ends an abbreviation ("Rs.20").
_DIGITS = _figure(r"\d{1,3}", r"\d+") + r"|(?<!\w)\.\d+"
# The same figures once their first digit is read: the scan pass reads that digit as the
# character its search stops at, and the rest of the figure with this pattern.
_DIGITS_AFTER_FIRST = _figure(r"\d{0,2}", r"\d*")
# Characters that glue a figure into something else when they touch it on the left
# ("%2D9114", "a/b", "10:30", "+1-222", "#1", "x=5"); a dot glues only after a digit
# ("1.2.3"). Letters are not among them: a figure glued to letters ("G20", "USD115",
# "10km", "Rs.20") is still read, marked ``glued``, so that money can accept "USD115" and
# every other finder can reject "G20".
_LEFT_GLUE = r"\d_,'’%/:#+=&@?\\"
# Words, unlike digits, must not touch a letter (or a gluing character) on the left.
_WORD_LEFT = rf"(?<![\w.{_LEFT_GLUE}])"


@dataclass(frozen=True)
class NumberPatterns:
    """The compiled patterns of the number reader."""

    range_link: re.Pattern[str]  # what may join the two ends of a range ("to $"), maybe over lines
    digit_starts: re.Pattern[str]  # where a run may start with a digit
    word_starts: re.Pattern[str]  # where a run may start with a word
    word_starts_lower: re.Pattern[str]  # the same, case-sensitive, for lower-cased text
    run: re.Pattern[str]  # a whole run, matched at one of those starts
    token: re.Pattern[str]  # one token (with the separator before it) inside a run
    spaced: re.Pattern[str]  # a blank and the run of words after it (lower-cased text)
    scan: re.Pattern[str]  # a run of digits, or another character and a run of words (lower-cased text)
    first_word: re.Pattern[str]  # a run of words at the very start of a lower-cased text


def _word_pattern(words: list[str]) -> str:
    """Whole words only; "one's" (a pronoun's possessive) is not the number one."""
    return rf"(?:{alternation(words)})(?![\w])(?!['’]\w)"


def _word_start(lex: NumberLexicon) -> str:
    """Where a run starts with a word."""
    start_words = lex.words_of("unit", "teen", "tens", "ordinal", "scale_ordinal", "multiplicative")
    big = alternation(lex.words_of("hundred", "scale", "dozen"))
    scales = alternation(lex.words_of("scale", "dozen"))
    number_ahead = rf"(?=\s++(?:{_DIGITS}|{alternation(start_words)})\b)"
    articles = alternation(lex.words_of("article"))
    # Words, unlike digits, must not touch a letter on the left ("someone" holds no "one").
    return (
        rf"(?<![\w.{_LEFT_GLUE}])(?:{_word_pattern(start_words)}"
        rf"|(?:{articles})(?=\s++(?:{big})\b)"
        rf"|(?:{alternation(lex.words_of('half'))})(?=\s++(?:(?:{articles})\s++)?(?:{scales})\b)"
        rf"|(?:{alternation(lex.words_of('hundred'))})(?=\s++(?:{alternation(lex.words_of('scale'))})\b)"
        rf"|(?:{alternation(lex.words_of('sign'))}){number_ahead})"
    )


def _word_start_tree(lex: NumberLexicon) -> str:
    """The same starts as :func:`_word_start`, as one prefix tree of all the words,
    without the check of the left neighbour (``_WORD_LEFT``) that goes before it.

    Each word carries its own condition on what follows; any word matching here ends
    before a blank or a non-word character, so no two words match at one place and the
    tree reads as the alternation does, trying one path per place instead of five.
    """
    start_words = lex.words_of("unit", "teen", "tens", "ordinal", "scale_ordinal", "multiplicative")
    big = alternation(lex.words_of("hundred", "scale", "dozen"))
    scales = alternation(lex.words_of("scale", "dozen"))
    articles = alternation(lex.words_of("article"))
    tails = {w: r"(?![\w])(?!['’]\w)" for w in start_words}
    tails |= {w: rf"(?=\s++(?:{big})\b)" for w in lex.words_of("article")}
    tails |= {w: rf"(?=\s++(?:(?:{articles})\s++)?(?:{scales})\b)" for w in lex.words_of("half")}
    tails |= {w: rf"(?=\s++(?:{alternation(lex.words_of('scale'))})\b)" for w in lex.words_of("hundred")}
    tails |= {w: rf"(?=\s++(?:{_DIGITS}|{alternation(start_words)})\b)" for w in lex.words_of("sign")}
    return _tree(tails)


def _tree(tails: dict[str, str]) -> str:
    """A prefix tree of the words, each followed by its own pattern (longer words first)."""
    trie: dict[str, Any] = {}
    for word, tail in tails.items():
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = tail
    return _tree_regex(trie)


def _tree_regex(node: dict[str, Any]) -> str:
    branches = [re.escape(ch) + _tree_regex(child) for ch, child in sorted(node.items()) if ch]
    if "" in node:
        branches.append(node[""])
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _first_letters(lex: NumberLexicon) -> str:
    """Every letter a run of words can start with, as a class body."""
    kinds = ("unit", "teen", "tens", "ordinal", "scale_ordinal", "multiplicative", "article", "half", "hundred", "sign")
    return "".join(sorted({w[0] for w in lex.words_of(*kinds)}))


@dataclass(frozen=True)
class RunPieces:
    """The source of the scan patterns' parts, for patterns built on them elsewhere."""

    ending: str  # what may end a digit token ("st", "bn", "m" or nothing glued)
    more: str  # the rest of a run after its first token
    word_start: str  # a run's first word (a prefix tree, see ``_word_start_tree``)
    word_tree: str  # the same without its check of the left neighbour, for a start after a blank
    first_letters: str  # the letters a run of words starts with, as a class body
    left_glue: str  # what touching a figure on the left glues it to something else (class body)
    digits_after_first: str  # a digit figure once its first digit is read


@lru_cache(maxsize=1)
def run_pieces() -> RunPieces:
    """The pieces of the run patterns (built once)."""
    lex = lexicon()
    suffix = alternation([*lex.ordinal_suffixes])
    glued = alternation([*lex.words_of("scale"), *lex.glued_scales])
    letters = alternation([*lex.letter_scales])
    # A known ending (ordinal suffix, glued scale, unit letter) must end the word; any
    # other letters may touch the digits and are left for the finders to judge.
    ending = rf"(?:(?:{suffix}|{glued}|{letters})(?![\w])|(?![\d_]))"
    all_words = [w for w in lex.words if w not in lex.glued_scales]
    token = rf"(?:{_DIGITS}){ending}|{_word_pattern(all_words)}"
    separator = rf"(?:\s*+-\s*+|\s++(?:(?:{alternation(lex.joiners)})\s++)?)"
    more = rf"(?:{separator}(?:{token}))*+"
    tree = _word_start_tree(lex)
    return RunPieces(ending, more, _WORD_LEFT + tree, tree, _first_letters(lex), _LEFT_GLUE, _DIGITS_AFTER_FIRST)


@lru_cache(maxsize=1)
def number_patterns() -> NumberPatterns:
    """Compile the number reader's patterns from the vocabulary (once)."""
    lex = lexicon()
    pieces = run_pieces()
    suffix = alternation([*lex.ordinal_suffixes])
    glued = alternation([*lex.words_of("scale"), *lex.glued_scales])
    letters = alternation([*lex.letter_scales])
    ending, more = pieces.ending, pieces.more
    digit_token = rf"(?:{_DIGITS}){ending}"
    all_words = [w for w in lex.words if w not in lex.glued_scales]
    word_start = _word_start(lex)
    start = rf"(?<![{_LEFT_GLUE}])(?<![\d.]\.)(?:{digit_token})|{word_start}"
    separator = rf"(?:\s*+-\s*+|\s++(?:(?:{alternation(lex.joiners)})\s++)?)"
    run = re.compile(rf"(?:{start}){more}", re.IGNORECASE)
    # A pattern that opens with a plain character class lets the regex engine skip ahead
    # fast; the lookbehind after the first character then checks its left neighbour.
    digit_starts = re.compile(rf"\d(?<![{_LEFT_GLUE}]\d)(?<![\d.]\.\d)|\.(?=\d)(?<![\w.{_LEFT_GLUE}]\.)")
    named_ending = rf"(?:(?P<suffix>{suffix})|(?P<glued>{glued})|(?P<letter>{letters}))(?![\w])|(?![\d_])"
    token_re = re.compile(
        rf"(?P<sep>{separator})?(?:(?P<num>{_DIGITS})(?:{named_ending})|(?P<word>{_word_pattern(all_words)}))",
        re.IGNORECASE,
    )
    range_link = re.compile(
        rf"\s*(?:-|–|—|{alternation(lex.range_words)})\s*(?P<sign>[A-Z]{{0,3}}\$|[€£¥₩])?\s*$", re.IGNORECASE
    )
    # The two scan passes, case-sensitive on lower-cased text: a class of letters in both
    # cases, or IGNORECASE, would keep the engine from skipping ahead fast.
    words_run = rf"(?=[{pieces.first_letters}]){pieces.word_start}{more}"
    # After a blank the left neighbour is known to be no letter: the tree alone is enough.
    spaced = re.compile(rf" (?=[{pieces.first_letters}]){pieces.word_tree}{more}")
    scan = re.compile(
        rf"[^ a-z](?:"
        rf"(?<=\d)(?<![{_LEFT_GLUE}]\d)(?<![\d.]\.\d)(?:{_DIGITS_AFTER_FIRST}){ending}{more}"
        rf"|(?<=\.)(?=\d)(?<![\w.{_LEFT_GLUE}]\.)\d+{ending}{more}"
        rf"|({words_run}))"
    )
    return NumberPatterns(
        range_link, digit_starts, re.compile(word_start, re.IGNORECASE), re.compile(word_start), run, token_re,
        spaced, scan, re.compile(words_run),
    )


# The sign a range may repeat before its second end ("$2 to $3 billion", "€2-€3bn").
_RANGE_SIGN = r"(?P<sign>[A-Z]{0,3}\$|[€£¥₩])?"
# Blanks inside one line: a range is never read across a line break.
_LINE_BLANK = r"[ \t\u00a0]"


@dataclass(frozen=True)
class RangePatterns:
    """What joins two figures into the ends of one range, when a reading makes one."""

    join: re.Pattern[str]  # between the ends, on one line: a dash or a range word ("5 to 7", "5-7")
    hedged_join: re.Pattern[str]  # between the ends after a hedge: a ``hedged_range_words`` word ("some 5 to 7")
    opener: re.Pattern[str]  # a word that announces a range, right before it ("between")
    reach: int  # how far back an opener may start


@lru_cache(maxsize=1)
def range_patterns() -> RangePatterns:
    """Compile the range patterns (``range_words`` and ``range_openers`` of numbers.yaml) once.

    Unlike ``range_link``, which only keeps a bare figure from being read alone and may
    look across lines, these join figures into one value, so they read blanks of one line
    only: no line break, no full stop (and so never the separator of joined texts, see
    :mod:`checker.values.batch`); they are anchored at the very end of the stretch read,
    since "$" would also match before a line break that ends it. A hyphen or an en dash
    may stand between blanks; an em dash only tight ("5—7"), since a spaced one opens an
    aside ("$5 billion — $2 billion more than planned").
    """
    lex = lexicon()
    words = alternation(lex.range_words)
    opener_words = list(lex.range_openers)
    openers = alternation(opener_words)
    join = re.compile(
        rf"(?:{_LINE_BLANK}*(?P<dash>[-–]){_LINE_BLANK}*|(?P<tight>—)|{_LINE_BLANK}+(?:{words}){_LINE_BLANK}+)"
        rf"{_RANGE_SIGN}{_LINE_BLANK}*\Z",
        re.IGNORECASE,
    )
    opener = re.compile(rf"(?<![\w-])(?:{openers}){_LINE_BLANK}+\Z", re.IGNORECASE)
    hedged_join = re.compile(rf"{_LINE_BLANK}+(?:{alternation(lex.hedged_range_words)}){_LINE_BLANK}+\Z", re.IGNORECASE)
    return RangePatterns(join, hedged_join, opener, max(map(len, opener_words), default=0) + 8)
