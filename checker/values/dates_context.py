"""The words around a date: cue words, names and tense.

Many date words are ordinary words too ("may", "march", "Sunday Times", "Vision
2030", "USA Today"). An expression that could be either is kept only when the words
next to it say it is a date; tense decides whether "on Monday" looks back or ahead,
and whether a date without a year may lie after publication ("exports fell in July");
a day that names an event ("the Oct. 7 attacks") has no year at all.

Every reading here stays within the date's sentence, and the words read beyond a date
stop at a full stop or a line break, so that none crosses into the next text of a
batch (:mod:`checker.values.batch`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Union

import regex

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
    """A bare year: not in a name ("Vision 2030"), not fiscal ("fiscal 2024", "the 2024
    fiscal year"), not a round count ("2000 people")."""
    if prev_key in v.non_calendar_years:
        return False
    if _non_calendar_after(v.non_calendar_years).match(text, atom.end):
        return False
    if prev_key in v.month_cues_strong:
        return True
    if int(written[-4:]) % 50 == 0:
        after = next_word(text, atom.end)
        if after is not None and after[0].islower():
            return False
    return not _name_before(prev, v.year_name_cues)


@lru_cache(maxsize=4)
def _non_calendar_after(words: frozenset[str]) -> re.Pattern[str]:
    """A non-calendar year word and "year" right after a year ("2024 fiscal year")."""
    return re.compile(rf"\s+(?:{'|'.join(sorted(map(re.escape, words)))})\s+year(?!\w)", re.IGNORECASE)


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


# A pattern of either engine: the past cues need a look-behind of any length, which
# only the ``regex`` module has.
Pattern = Union["re.Pattern[str]", "regex.Pattern[str]"]


def _alternation(words: Iterable[str]) -> str:
    """Words as alternatives, longest first, any run of blanks between their parts."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _not_participle(v: Vocab) -> str:
    """A look-behind that fails right after a future cue or a head of `non_past_heads`
    and any `verb_fillers`: a past cue there is that verb's participle or base form
    ("will be held", "is expected to last"), not a past tense."""
    heads = _alternation(set(v.future_cues) | set(v.non_past_heads))
    fillers = _alternation(v.verb_fillers)
    return rf"(?<!(?:(?<!\w)|(?<=\w)(?='))(?:{heads})(?:\s+(?:{fillers}))*\s+"


@lru_cache(maxsize=1)
def _tense_patterns() -> tuple[Pattern, Pattern, Pattern, Pattern]:
    """Future and past cue patterns: case-insensitive ones for any text, then the same
    for lower-cased ASCII text (case-sensitive, so the engine can skip to the first
    letters of the cues instead of trying every position). A past cue inside a future
    or present verb phrase is not matched."""
    v = vocab()
    not_participle = _not_participle(v)

    def build(words: tuple[str, ...], behind: str = "") -> Pattern:
        found = rf"(?:(?<!\w)|(?<=\w)(?='))(?:{_alternation(words)})(?!\w)"
        if not behind:
            return re.compile(found, re.IGNORECASE)
        return regex.compile(f"{behind})" + found, regex.IGNORECASE)

    def build_lower(words: tuple[str, ...], behind: str = "") -> Pattern:
        # The same alternatives grouped by first character, in the same order within a
        # group; the left-hand test, checked once the first character is read, is the
        # one above: no word character before it, unless it is an apostrophe ("'ll").
        # The look-behind of a past cue comes after that character too (it reads it
        # again as "."), so that the engine still skips ahead to first characters.
        by_first: dict[str, list[str]] = {}
        for w in sorted(words, key=len, reverse=True):
            by_first.setdefault(w[0], []).append(re.escape(w[1:]).replace(r"\ ", r"\s+"))
        after_first = f"{behind}.)" if behind else ""
        branches = [f"{re.escape(c)}(?<!\\w[^']){after_first}(?:{'|'.join(rests)})" for c, rests in by_first.items()]
        if not behind:
            return re.compile(rf"(?:{'|'.join(branches)})(?!\w)")
        return regex.compile(rf"(?:{'|'.join(branches)})(?!\w)")

    return (build(v.future_cues), build(v.past_cues, not_participle),
            build_lower(v.future_cues), build_lower(v.past_cues, not_participle))


def _ends_sentence(window: str, m: re.Match[str], abbreviations: frozenset[str]) -> bool:
    """Whether a break found by ``_SENTENCE_BREAK`` ends a sentence: a single dot after
    an abbreviation ("Jan.", "Mr.") or an initial ("U.S.") does not."""
    if m["p"] != "." or m["more"]:
        return True
    word = _LAST_WORD.search(window, max(0, m.start() - 12), m.start())
    return word is None or (len(word[1]) > 1 and word[1].lower() not in abbreviations)


def sentence_before(text: str, pos: int) -> str:
    """The sentence's words before ``pos`` (up to 150 characters): from the last
    sentence end or line break before it."""
    window = text[max(0, pos - 150):pos]
    abbreviations = vocab().abbreviations
    ends = [m.end() for m in _SENTENCE_BREAK.finditer(window) if _ends_sentence(window, m, abbreviations)]
    return window[ends[-1]:] if ends else window


def _sentence_after(text: str, pos: int) -> str:
    """The sentence's words after ``pos`` (up to 150 characters): up to the first
    sentence end or line break, so that no reading crosses into the next text of a
    batch (see :mod:`checker.values.batch`)."""
    window = text[pos:pos + 150]
    abbreviations = vocab().abbreviations
    for m in _SENTENCE_BREAK.finditer(window):
        if _ends_sentence(window, m, abbreviations):
            return window[:m.start()]
    return window


def _cue_patterns(window: str) -> tuple[str, Pattern, Pattern]:
    """The window to search and the future and past cue patterns for it."""
    future_re, past_re, future_lower, past_lower = _tense_patterns()
    if window.isascii():
        # Lower-casing ASCII keeps every offset, and case-insensitive matching of ASCII
        # words reads ASCII text as case-sensitive matching reads it lower-cased.
        return window.lower(), future_lower, past_lower
    return window, future_re, past_re


def looks_ahead(text: str, pos: int) -> bool:
    """Whether the sentence before ``pos`` speaks of the future ("will meet on Tuesday").

    The last tense marker wins: "will visit, the ministry said on Monday" is past. A past
    cue that belongs to a future verb ("will be held", "will last") is no marker.
    """
    return looks_ahead_in(sentence_before(text, pos))


def looks_ahead_in(before: str) -> bool:
    """:func:`looks_ahead` on the sentence's words before a date (:func:`sentence_before`)."""
    window, future_re, past_re = _cue_patterns(before)
    future = [f.end() for f in future_re.finditer(window)]
    if not future:
        return False
    past = [p.end() for p in past_re.finditer(window)]
    return not past or future[-1] > past[-1]


# A word right before a position, with only blanks of one line between: never across a
# full stop or a line break (unlike :func:`previous_word`, which reads past a dot).
_WORD_BEFORE = re.compile(r"(?<![\w'’-])(?P<w>[^\W\d_][\w'’]*)[^\S\n]+$")
# A word right after a position, blanks of one line between.
_WORD_AFTER = re.compile(r"[^\S\n]+(?P<w>[^\W\d_][\w'’-]*)")


def _word_ending(text: str, pos: int) -> re.Match[str] | None:
    """The word that ends right before ``pos`` (blanks of one line between)."""
    return _WORD_BEFORE.search(text, max(0, pos - 40), pos)


def _word_before_is(text: str, pos: int, words: frozenset[str]) -> bool:
    found = _word_ending(text, pos)
    return found is not None and norm(found["w"]) in words


def opens_past(text: str, pos: int, v: Vocab | None = None) -> bool:
    """Whether the date at ``pos`` follows a word that puts it before publication,
    whatever the tense ("the first talks since July")."""
    return _word_before_is(text, pos, (v or vocab()).past_openers)


def names_event(text: str, start: int, end: int, v: Vocab | None = None) -> bool:
    """Whether a date at ``start``..``end`` names an event by its day ("the Oct. 7
    attacks", "Hamas's Oct. 7 attack"): a determiner or a possessive before it and a
    noun right after it (a word on the same line that is none of `not_nouns`)."""
    v = v or vocab()
    before = _word_ending(text, start)
    if before is None:
        return False
    word = norm(before["w"])
    if word not in v.date_name_determiners and not word.endswith(v.date_name_possessives):
        return False
    noun = _WORD_AFTER.match(text, end, min(len(text), end + 40))
    return noun is not None and norm(noun["w"]) not in v.not_nouns


def _past_verb_takes(text: str, pos: int, v: Vocab) -> bool:
    """Whether a regular past verb takes the date at ``pos``: right before it, or before
    a linking word ("talks resumed in early July", "approved on June 20"), maybe with an
    adverb between ("sales dropped sharply in July")."""
    verb = _word_ending(text, pos)
    if verb is not None and norm(verb["w"]) in v.past_verb_links:
        verb = _word_ending(text, verb.start())
        if verb is not None and _is_adverb(verb["w"], v):
            verb = _word_ending(text, verb.start())
    if verb is None:
        return False
    word = verb["w"]
    if not (word.islower() and len(word) > 4 and word.endswith("ed") and not word.endswith("eed")):
        return False
    if norm(word) in v.forward_participles:
        return False
    # "the revised June 20 date", "is closed on Sundays": an adjective or a present passive.
    return not _word_before_is(text, verb.start(), v.participle_determiners | v.non_past_heads)


def _is_adverb(word: str, v: Vocab) -> bool:
    """Whether ``word`` reads as an adverb of manner ("sharply"): lower case, more than
    four letters, one of ``past_verb_adverb_endings``."""
    return word.islower() and len(word) > 4 and word.endswith(v.past_verb_adverb_endings)


_WORDS = re.compile(r"[^\W\d_][\w'’]*")
_PUNCTUATION_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s")


def _breaks(stretch: str, v: Vocab, punctuation: bool) -> bool:
    """Whether a clause break stands in ``stretch`` (the words between a cue and a date)."""
    if punctuation and _PUNCTUATION_BREAK.search(stretch):
        return True
    return any(norm(w) in v.clause_breaks for w in _WORDS.findall(stretch))


def _governing_cue(before: str, past_re: Pattern, after: str, past_after: Pattern, v: Vocab) -> str | None:
    """The past cue that governs a date: the last one before it, with no clause break
    between; when there is none and the date opens its sentence ("In July, exports
    fell"), the first one after it, with no break word between."""
    cues = list(past_re.finditer(before))
    if cues:
        last = cues[-1]
        return None if _breaks(before[last.end():], v, punctuation=True) else last.group()
    if len(before.split()) > 1:
        return None
    first = past_after.search(after)
    return None if first is None or _breaks(after[:first.start()], v, punctuation=False) else first.group()


def plainly_past(text: str, start: int, end: int, v: Vocab | None = None, before: str | None = None) -> bool:
    """Whether the sentence of the date at ``start``..``end`` plainly speaks of the past,
    so that the date has begun by publication (``before``: the sentence's words before
    the date, when already cut by :func:`sentence_before`).

    It does when no future cue is anywhere in the sentence, the date does not follow a
    word that may point past publication ("extended until July"), and the verb that
    governs the date is past: a regular past verb right before it ("resumed in July"),
    else the past cue :func:`_governing_cue` finds, which must not be a reporting verb
    ("Talks resume on June 20, the ministry said": the words reported may speak of any
    time) nor "ago" or "last".
    """
    v = v or vocab()
    if _word_before_is(text, start, v.forward_openers):
        return False
    window, future_re, past_re = _cue_patterns(sentence_before(text, start) if before is None else before)
    after, future_after, past_after = _cue_patterns(_sentence_after(text, end))
    if future_re.search(window) or future_after.search(after):
        return False
    if _past_verb_takes(text, start, v):
        return True
    cue = _governing_cue(window, past_re, after, past_after, v)
    return cue is not None and norm(cue) not in v.weak_past_cues
