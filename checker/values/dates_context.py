"""The words around a date: cue words, names and tense.

Many date words are ordinary words too ("may", "march", "Sunday Times", "Vision
2030", "USA Today"). An expression that could be either is kept only when the words
next to it say it is a date; tense decides whether "on Monday" looks back or ahead.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.values.dates_model import Atom
from checker.values.dates_probe import word_before
from checker.values.dates_vocab import Vocab, norm, vocab

# The look-behind only spares attempts inside a word: the match still starts at the
# word's first letter.
_PREV_WORD = re.compile(r"(?<![^\W\d_])(?P<w>[^\W\d_][\w'’]*)\.?\s+$")
_JOINERS = "_'’"  # what joins a word to the one before it, besides letters and digits
_GAP = re.compile(r"\.?\s+")
_NEXT_WORD = re.compile(r"\s+(?P<w>[^\W\d_][\w'’-]*)")
_SENTENCE_END = re.compile(r"[.!?;:\n\"“”(]|^$")
# A sentence ends at a run of . ! ? ; before a capital, or at a line break; a dot after
# an abbreviation ("Jan.", "Mr.") or an initial ("U.S.") does not end it. The pattern
# opens with a class of the first characters, so that the engine skips ahead to them:
# ``p`` is the line break or the first mark of the run, ``more`` the rest of the run.
_SENTENCE_BREAK = re.compile(r"(?P<p>[.!?;\n])(?:(?<=\n)|(?P<more>[.!?;]*)[\"”’)]*\s+(?=[A-Z\"“‘(]))")
_LAST_WORD = re.compile(r"(\w+)$")
_NUMERIC_CUES = frozenset({"on", "from", "between", "to", "till", "until", "through", "by", "since", "before",
                           "after"})


def previous_word(text: str, pos: int, probe: bytes | None = None) -> str | None:
    """The word right before ``pos`` (blanks only in between), as written.

    With the text's probe the word is found without a backward search, when it is
    plainly one word: led by a letter, not joined to more by an apostrophe or an
    underscore, and followed by nothing but a dot and blanks.
    """
    if probe is not None:
        word, start = word_before(probe, pos)
        if word and 97 <= word[0] <= 122 and pos - start <= 40:
            left = text[start - 1:start] if start else ""
            if not (left and (left.isalnum() or left in _JOINERS)):  # not part of a longer word
                end = start + len(word)
                gap = text[end:pos]
                if gap == " " or _GAP.fullmatch(gap):
                    return text[start:end]
    found = _PREV_WORD.search(text, max(0, pos - 40), pos)
    return found["w"] if found else None


def next_word(text: str, pos: int) -> str | None:
    """The word right after ``pos`` (blanks only in between), as written."""
    found = _NEXT_WORD.match(text, pos, min(len(text), pos + 40))
    return found["w"] if found else None


def sentence_start(text: str, pos: int) -> bool:
    """True when only blanks separate ``pos`` from the start of a sentence."""
    before = text[max(0, pos - 20):pos].rstrip()
    return not before or bool(_SENTENCE_END.search(before[-1]))


def _name_before(word: str | None, cues: frozenset[str]) -> bool:
    """Whether the word before (as written) is a capitalised word that is not a cue:
    part of a name ("Black Friday")."""
    # Even at the start of a sentence: "Vision 2030", "Black Friday", "Theresa May".
    return word is not None and word[0].isupper() and norm(word) not in cues


def keep(text: str, atom: Atom, v: Vocab | None = None, probe: bytes | None = None) -> bool:
    """Whether an expression whose words are also ordinary words is a date here
    (``probe``: the text's probe, to find the word before quickly)."""
    v = v or vocab()
    if atom.weak is None:
        return True
    if atom.weak == "range":
        return False
    written = text[atom.start:atom.end]
    if atom.weak == "relday":
        return not written[0].isupper() or sentence_start(text, atom.start)
    prev = previous_word(text, atom.start, probe)
    prev_key = norm(prev) if prev else ""
    if atom.weak == "month":
        return _month_ok(text, atom, written, prev, prev_key, v)
    if atom.weak == "weekday":
        return _weekday_ok(text, atom, written, prev, prev_key, v)
    if atom.weak == "numeric":
        return prev_key in _NUMERIC_CUES
    if atom.weak == "year":
        return _year_ok(text, atom, written, prev, prev_key, v)
    if atom.weak == "surname":
        month = norm(written.split()[0])
        return month not in v.ambiguous_months or not _name_before(prev, v.month_cues)
    return True


def _year_ok(text: str, atom: Atom, written: str, prev: str | None, prev_key: str, v: Vocab) -> bool:
    """A bare year: not in a name ("Vision 2030"), not fiscal, not a round count ("2000 people")."""
    if prev_key in v.non_calendar_years:
        return False
    if prev_key in v.month_cues_strong:
        return True
    if int(written[-4:]) % 50 == 0:
        after = next_word(text, atom.end)
        if after is not None and after[0].islower():
            return False
    return not _name_before(prev, v.year_name_cues)


def _month_ok(text: str, atom: Atom, written: str, prev: str | None, prev_key: str, v: Vocab) -> bool:
    """A lone month: "in May", "last November", "September" (a full, capitalised name)."""
    key = norm(written)
    capital = written[0].isupper()
    plain = key in v.full_months and key not in v.ambiguous_months
    if prev_key in v.month_cues_strong:
        return True
    if prev_key in v.month_cues_weak:
        return capital or plain
    after = next_word(text, atom.end)
    named_after = after is not None and after[0].isupper()  # "June Lee said"
    return plain and capital and not named_after and not _name_before(prev, v.month_cues_weak)


def _weekday_ok(text: str, atom: Atom, written: str, prev: str | None, prev_key: str, v: Vocab) -> bool:
    """A lone weekday: not part of a name ("Black Friday", "the Sunday Times")."""
    key = norm(written.split()[0])
    after = next_word(text, atom.end)
    named_after = after is not None and after[0].isupper() and norm(after) not in v.months
    if prev_key in v.weekday_cues:
        return not (key in v.ambiguous_weekdays and named_after)
    if key in v.ambiguous_weekdays or named_after:
        return False
    return not _name_before(prev, v.weekday_cues)


@lru_cache(maxsize=1)
def _tense_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Future and past cue patterns: case-insensitive ones for any text, then the same
    for lower-cased ASCII text (case-sensitive, so the engine can skip to the first
    letters of the cues instead of trying every position)."""
    v = vocab()

    def build(words: tuple[str, ...]) -> re.Pattern[str]:
        parts = [re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)]
        return re.compile(rf"(?:(?<!\w)|(?<=\w)(?='))(?:{'|'.join(parts)})(?!\w)", re.IGNORECASE)

    def build_lower(words: tuple[str, ...]) -> re.Pattern[str]:
        # The same alternatives grouped by first character, in the same order within a
        # group; the left-hand test, checked once the first character is read, is the
        # one above: no word character before it, unless it is an apostrophe ("'ll").
        by_first: dict[str, list[str]] = {}
        for w in sorted(words, key=len, reverse=True):
            by_first.setdefault(w[0], []).append(re.escape(w[1:]).replace(r"\ ", r"\s+"))
        branches = [f"{re.escape(c)}(?<!\\w[^'])(?:{'|'.join(rests)})" for c, rests in by_first.items()]
        return re.compile(rf"(?:{'|'.join(branches)})(?!\w)")

    return build(v.future_cues), build(v.past_cues), build_lower(v.future_cues), build_lower(v.past_cues)


def looks_ahead(text: str, pos: int) -> bool:
    """Whether the sentence before ``pos`` speaks of the future ("will meet on Tuesday").

    The last tense marker wins: "will visit, the ministry said on Monday" is past.
    """
    window = text[max(0, pos - 150):pos]
    abbreviations = vocab().abbreviations
    ends = []
    for m in _SENTENCE_BREAK.finditer(window):
        single_dot = m["p"] == "." and not m["more"]
        word = _LAST_WORD.search(window, max(0, m.start() - 12), m.start()) if single_dot else None
        if word is None or (len(word[1]) > 1 and word[1].lower() not in abbreviations):
            ends.append(m.end())
    window = window[ends[-1]:] if ends else window
    future_re, past_re, future_lower, past_lower = _tense_patterns()
    if window.isascii():
        # Lower-casing ASCII keeps every offset, and case-insensitive matching of ASCII
        # words reads ASCII text as case-sensitive matching reads it lower-cased.
        window, future_re, past_re = window.lower(), future_lower, past_lower
    future = [f.end() for f in future_re.finditer(window)]
    if not future:
        return False
    past = [p.end() for p in past_re.finditer(window)]
    return not past or future[-1] > past[-1]
