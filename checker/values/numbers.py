"""Plain numbers: counts ("15", "fifteen", "2.14 trillion"), ordinals ("second", "15th",
"twenty-first") and multipliers ("twice", "three times").

Figures come from the shared reader :func:`checker.values.numphrase.number_phrases`;
this module decides which of them are quantities on their own. It leaves out what only
looks like a count, because a wrong narrow value is worse than none:

- "one" alone: a pronoun far more often than a count ("one of the most significant",
  "the one you mentioned"); it is read only after a hedge ("more than one") or inside a
  larger number ("one hundred", "one billion").
- a cardinal in a hyphenated compound ("one-China", "30-year-old", "four-day"): the
  compound says what it is, and the unit finders read the useful ones (durations, money).
  Compounds that state a count stay ("a 200-strong delegation", "the 27-nation bloc").
- a plain integer right after a capitalised word that is not a function word: a name
  or a model ("Vision 2030", "Expo 2025", "Boeing 737"), not a count ("In 2024" is); a
  word with a capital after its first lower-case letters counts as capitalised ("iOS 17",
  "iPhone 16", "eBay"). A possessive is no name ("Egypt's 85-member delegation").
- what a plain integer is part of, told by its neighbours on its line: a code or a time
  written with a leading zero ("0930", "007"; "0", "0000" and "0.5" are read); a group of a
  number written in blank-separated groups, such as a phone number ("+44 20 7946 0958":
  three groups or more, one with a leading zero, or "+" before them); a model number
  before an all-capitals word and a figure ("737 MAX 9"); a house number before one to
  three capitalised words ending with a street word ("10 Downing Street", "350 Fifth
  Avenue"), unless a hedge shows a count ("more than 40 Wall Street economists"); a year
  after "fiscal", "FY", "financial year" ("fiscal 2024").
- a figure before a clock word ("10 a.m.").
- a year-like integer after a hedge that is also a preposition ("over 2023 levels",
  "around 2030"): a year or a count, which the text does not settle.
- an ordinal opening a sentence before a comma ("First, Xi urged ..."): a discourse
  marker, not a rank; and "a third of", "a second." (a fraction, a unit of time); "by a
  third", "down a fifth" before no noun ("rose by a third last week": a fraction; "for a
  third time" is a rank); a capitalised or digit ordinal naming a street ("Fifth Avenue",
  "42nd Street").

An ordinal inside a name ("the 15th Five-Year Plan", "the 20th Party Congress") is
still read, but only ever as an ordinal, never as a count; whether it matters is for the
claim rules to say. "No. 1" is a rank: an ordinal ("No. 10 Downing Street" is none).

The checks that look beyond a figure for these read blanks and words only: they stop at a
line break and at a full stop, so no reading crosses the separator of joined texts (see
:mod:`checker.values.batch`). Each runs only after a cheap test of the characters next
to the figure, so the usual figure ("13 students") costs what it did.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from checker.values.base import ScanContext, ValueMatch
from checker.values.figures import (
    HedgeIndex,
    at_sentence_start,
    case_forms,
    char_class,
    hedge_index,
    new_match,
    range_interval,
    shared_quantity,
)
from checker.values.neighbours import followed_by
from checker.values.numlex import alternation, lexicon, load_yaml
from checker.values.numphrase import (
    RANGE_REACH,
    NumberPhrase,
    bare_link,
    hedged_link,
    number_phrases,
    range_before,
    range_start,
)
from checker.values.types import Interval, Quantity

__all__ = ["find_numbers", "number_quantity", "number_reach", "numbers_of"]


@dataclass(frozen=True)
class _Context:
    clock: re.Pattern[str]  # a clock word after the figure ("10 a.m.")
    near: re.Pattern[str]  # neighbours of a figure a clock word or a compound may follow
    rank: re.Pattern[str]  # a rank marker before it ("No. 1")
    name: re.Pattern[str]  # a capitalised word right before it ("Vision 2030")
    after_article: re.Pattern[str]  # "a"/"an" right before an ordinal word
    fraction_tail: re.Pattern[str]  # what makes "a third" a fraction ("of", punctuation)
    fraction_lead: re.Pattern[str]  # "by a", "down a" right before an ordinal word
    fiscal: re.Pattern[str]  # "fiscal", "financial year" right before a figure
    fiscal_after: re.Pattern[str]  # "fiscal year" right after a figure ("the 2024 fiscal year")
    fiscal_last_words: frozenset[str]  # the last word of each of those ("fiscal", "year")
    street_words: frozenset[str]
    not_name_words: frozenset[str]
    pronoun_numbers: frozenset[str]


@lru_cache(maxsize=1)
def _context() -> _Context:
    lex = lexicon()
    raw = load_yaml("numbers.yaml")
    fiscal = [" ".join(str(w).lower().split()) for w in raw["fiscal_year_words"]]
    articles = alternation(lex.words_of("article"))
    first = case_forms(w[0] for w in lex.clock_words)
    if first is None:
        raise ValueError("numbers.yaml: a clock word opens with a non-ASCII letter with cases")
    return _Context(
        clock=re.compile(rf"\s*(?:{alternation(lex.clock_words)})(?![\w])", re.IGNORECASE),
        # The clock word after white space (the next four characters show where it can
        # start), or a hyphen: a compound.
        near=re.compile(rf"\0(?:\s{{0,3}}{char_class(first)}|\s{{4}}|-)"),
        rank=re.compile(rf"(?<![\w])(?:{alternation(lex.rank_markers)})\s*$", re.IGNORECASE),
        # A capitalised word, or one whose first lower-case letters run into a capital
        # ("iOS", "eBay"): the second branch is tried only where the first fails.
        name=re.compile(r"(?<![\w'’.-])([A-Z][\w'’&.-]*|[a-z]+[A-Z][\w'’&.-]*) $"),
        after_article=re.compile(rf"(?<![\w])(?:{articles})\s+$", re.IGNORECASE),
        fraction_tail=re.compile(rf"\s*(?:(?:{alternation(lex.fraction_tail_words)})\b|[^\w\s-]|$)", re.IGNORECASE),
        # Blanks only between the words: the look-behind stops at a line break.
        fraction_lead=re.compile(
            rf"(?<![\w'’-])(?:{alternation(str(w).lower() for w in raw['fraction_lead_words'])}) +(?:{articles}) +\Z",
            re.IGNORECASE),
        fiscal=re.compile(rf"(?<![\w'’.-])(?:{_phrases(fiscal)}) \Z", re.IGNORECASE),
        fiscal_after=re.compile(rf" +(?:{_phrases(w for w in fiscal if w.endswith(' year'))})(?![\w])", re.IGNORECASE),
        fiscal_last_words=frozenset(w.rsplit(" ", 1)[-1] for w in fiscal),
        street_words=frozenset(str(w).lower() for w in raw["street_words"]),
        not_name_words=lex.not_name_words,
        pronoun_numbers=lex.pronoun_numbers,
    )


def _phrases(phrases: Iterable[str]) -> str:
    """A regex alternation of phrases whose words may stand one or more blanks apart."""
    return alternation(phrases).replace(re.escape(" "), " +")


def find_numbers(text: str, ctx: ScanContext) -> list[ValueMatch]:
    """Every count, ordinal and multiplier in ``text`` that stands on its own."""
    return numbers_of(text, ctx, None)


def numbers_of(text: str, ctx: ScanContext, only: Iterable[int] | None) -> list[ValueMatch]:
    """:func:`find_numbers` for the phrases at the indices ``only`` (in order), or all."""
    out: list[ValueMatch] = []
    add = out.append
    rules = _context()
    hedges = hedge_index(ctx.hedges)
    last_words = hedges.last_words
    counts = _COUNTS
    not_names = rules.not_name_words
    fiscal_last = rules.fiscal_last_words
    phrases = number_phrases(text)
    near = set(followed_by(text, rules.near))
    for k in range(len(phrases)) if only is None else only:
        p = phrases[k]
        start, end, figure, value, step, form, words, _, interval, plain, letter_scale, pending, glued, word = p
        if glued or pending or letter_scale is not None:
            continue
        if form == "ordinal":
            if _is_rank(text, p, rules):
                add(new_match(start, end, figure, shared_quantity("number", value, step, None, form="ordinal"), None))
            continue
        # What follows: a clock word ("10 a.m.") or a compound ("30-year-old") is no count.
        if k in near and (_hyphen_compound(text, end) or rules.clock.match(text, end)):
            continue
        if word is not None:
            # The usual case, settled here: a word of letters, then one blank, before the
            # figure; no rank marker then, and a name only if the word is capitalised.
            low = word.lower()
            hedge, begin = (None, start) if low not in last_words else hedges.after_word(text, start, word)
            if hedge is None and plain and form == "cardinal":
                # One comparison tells a word with a capital ("Vision", "iOS") from the
                # usual lower-case one.
                if word != low and ("A" <= word[0] <= "Z" or _LOWER_THEN_CAPITAL.match(word)) and low not in not_names:
                    continue
                if (low in fiscal_last or len(figure) == 4) and _fiscal_year(text, p, rules):
                    continue
                # A leading zero ("0930"), or a digit or a capital after the next character
                # ("20 7946", "10 Downing", "737 MAX"): only then can the figure be part of
                # a code or an address. A one-character slice makes no new string.
                if (figure < "1" or "0" <= text[end + 1:end + 2] <= "Z") and _part_of_code(text, phrases, k, rules):
                    continue
        else:
            hedge, begin = hedges.after_word(text, start, None)
            if hedge is None and form == "cardinal":
                # A digit and one blank before it ("+44 20 7946"): a group of a phone number?
                if "0 " <= text[start - 2:start] <= "9 " and _in_groups(text, phrases, k):
                    continue
                if plain:
                    if _ranked(text, start, rules):
                        if not _part_of_code(text, phrases, k, rules):  # "No. 10 Downing Street"
                            rank = shared_quantity("number", value, step, None, form="ordinal")
                            add(new_match(start, end, figure, rank, None))
                        continue
                    if _inside_name(text, start, rules):
                        continue
                    # A year after a word and one blank ("fiscal 2024" opening a text), not
                    # after a comma ("March 5, 2024"), may be a fiscal year.
                    if len(figure) == 4 and text[start - 2:start - 1].isalpha() and _fiscal_year(text, p, rules):
                        continue
                    if (figure < "1" or "0" <= text[end + 1:end + 2] <= "Z") and _part_of_code(text, phrases, k, rules):
                        continue
        if hedge is None:
            if words and figure.lower() in rules.pronoun_numbers:
                continue
            quantity = counts.get(id(interval))
            if quantity is None or quantity.interval is not interval or quantity.form != form:
                quantity = _count(counts, interval, form)
            add(new_match(start, end, figure, quantity, None))
        elif not _year_or_count(p, hedge.phrase):
            quantity = shared_quantity("number", value, step, hedge, form=form)
            add(new_match(begin, end, text[begin:end], quantity, hedge.phrase))
    return _join_bare_ranges(text, phrases, out, hedges) if len(out) > 1 else out


def _join_bare_ranges(text: str, phrases: tuple[NumberPhrase, ...], found: list[ValueMatch],
                      hedges: HedgeIndex) -> list[ValueMatch]:
    """``found`` with each pair of bare counts that make one range read as that range:
    "between 1,000 and 2,000 people", "some 300 to 400 delegates" (see ``range_openers``
    and ``hedged_range_modes`` in numbers.yaml). Read as two counts, a claim would take
    one end as the exact figure, and a source's 1,500 would contradict it."""
    ranges: dict[int, ValueMatch] = {}  # the index of a range's first end -> the range
    for i in range(1, len(found)):
        first, second = found[i - 1], found[i]
        # The usual pair stands far apart: one subtraction settles it. A figure that ends
        # a range opens none ("between 1 and 2 to 3").
        if second.start - first.end > RANGE_REACH or second.hedge is not None or i - 2 in ranges:
            continue
        joined = _bare_range(text, phrases, first, second, hedges)
        if joined is not None:
            ranges[i - 1] = joined
    if not ranges:
        return found
    out: list[ValueMatch] = []
    for i, match in enumerate(found):
        if i in ranges:
            out.append(ranges[i])
        elif i - 1 not in ranges:
            out.append(match)
    return out


def _bare_range(text: str, phrases: tuple[NumberPhrase, ...], first: ValueMatch, second: ValueMatch,
                hedges: HedgeIndex) -> ValueMatch | None:
    """The range that counts ``first`` and ``second`` (unhedged) make, or None: two bare
    cardinals joined by a range word, in order, after a range opener, after a hedge of a
    ``hedged_range_modes`` mode with a ``hedged_range_words`` word between them, or with a
    ``bare_range_words`` word between them and no ``range_change_words`` before."""
    if not (isinstance(first.value, Quantity) and first.value.form == "cardinal"
            and isinstance(second.value, Quantity) and second.value.form == "cardinal"):
        return None
    k = bisect.bisect_left(phrases, second.start, key=_START)
    ends = range_before(text, phrases, k) if k < len(phrases) and phrases[k].start == second.start else None
    if ends is None or ends.first.end != first.end or ends.first.scaled or ends.second.scaled or ends.dash:
        return None  # scaled ends are read by the scan's own range finder
    lex = lexicon()
    low = ends.first
    if first.hedge is None:
        start = range_start(text, low.start)
        hedge = None
        if start == low.start:
            # No opener: one range only when a bare range word joins them ("aged 18 to
            # 24"), not after a word that makes them a change ("rose from 200 to 300").
            if not bare_link(text, low.start, low.end, ends.second.start):
                return None
    else:
        hedge, start = hedges.after_word(text, low.start, low.left_word)
        if hedge is None or not hedged_link(text, low.end, ends.second.start, hedge.mode):
            return None  # "more than 10 to 12", "about 10 and 12 others"
    interval = range_interval(ends.low, ends.second.interval, hedge)
    quantity = Quantity(kind="number", interval=interval, form="cardinal")
    return new_match(start, second.end, text[start:second.end], quantity, first.hedge)


_START = operator.itemgetter(0)


def number_reach(text: str, ctx: ScanContext) -> list[int]:
    """For each phrase of ``text``, the earliest start a number match of it can have: the
    start of a hedge right before it ("about 200"), or its own start."""
    hedges = hedge_index(ctx.hedges)
    last_words = hedges.last_words
    out = []
    for p in number_phrases(text):
        start, word = p[0], p[13]  # the phrase's start and its left word
        if word is not None and word.lower() not in last_words:
            out.append(start)  # no hedge ends with this word (as in ``numbers_of``)
        else:
            out.append(hedges.after_word(text, start, word)[1])
    return out


# The unhedged quantity of each figure seen lately, by the identity of its interval
# (phrases of one spelling share their interval); an entry is used only for that very
# interval, so a recycled identity cannot mislead.
_COUNTS: dict[int, Quantity] = {}
_COUNTS_KEPT = 4096


def _count(counts: dict[int, Quantity], interval: Interval, form: str) -> Quantity:
    if len(counts) >= _COUNTS_KEPT:
        counts.clear()
    quantity = counts[id(interval)] = Quantity(kind="number", interval=interval, form=form)
    return quantity


def number_quantity(phrase: NumberPhrase, form: str | None = None) -> Quantity:
    """The unhedged quantity of a number phrase."""
    return Quantity(kind="number", interval=phrase.interval, form=form or phrase.form)


def _ranked(text: str, start: int, rules: _Context) -> bool:
    """True for "No. 1": a rank marker (ending in a dot) right before the figure."""
    if not text[max(0, start - 8):start].rstrip().endswith("."):
        return False  # the pattern needs a dot, then blanks at most, before the figure
    return rules.rank.search(text, max(0, start - 8), start) is not None


def _year_or_count(p: NumberPhrase, hedge: str) -> bool:
    """True for "over 2023", "around 2030": a year or a count, which cannot be told."""
    lex = lexicon()
    low, high = lex.year_like
    return p.plain_integer and len(p.text) == 4 and low <= p.value <= high and hedge in lex.year_ambiguous_hedges


_COMPOUND_WORD = re.compile(r"-([A-Za-z]+)")


def _hyphen_compound(text: str, end: int) -> bool:
    """True for "one-China", "30-year-old"; False for counts like "a 200-strong delegation"."""
    m = _COMPOUND_WORD.match(text, end)
    return m is not None and m.group(1).lower() not in lexicon().count_compounds


def _inside_name(text: str, start: int, rules: _Context) -> bool:
    """True for "Vision 2030", "iOS 17": a capitalised word (or one with a capital after its
    first lower-case letters) that is not a function word, then a blank."""
    # The pattern needs a name character, then a blank, right before the figure (or before
    # a newline there, where its "$" also matches).
    if text[start - 1:start] == " ":
        last = text[start - 2:start - 1]
    elif text[max(0, start - 2):start] == " \n":
        last = text[start - 3:start - 2]
    else:
        return False
    if not last or not (last.isalnum() or last in _NAME_CHARACTERS):
        return False
    m = rules.name.search(text, max(0, start - 40), start)
    if m is None:
        return False
    word = m.group(1)
    # A possessive owns the figure rather than naming it: "Egypt's 85-member delegation",
    # "Kenya's 47 counties".
    if word[-2:] in _POSSESSIVE_ENDINGS:
        return False
    return word.lower().rstrip(".") not in rules.not_name_words


_POSSESSIVE_ENDINGS = frozenset({"'s", "’s"})
_DISCOURSE = re.compile(r"\s*,")
_NAME_CHARACTERS = "_'’&.-"  # what a name may end with besides letters and digits
# Lower-case letters running into a capital: the start of "iOS", "iPhone", "eBay".
_LOWER_THEN_CAPITAL = re.compile(r"[a-z]+[A-Z]")
# The patterns below read blanks, never a line break, and no full stop: no reading of
# them crosses the separator of joined texts.
# An all-capitals word and a figure after a model number ("737 MAX 9").
_MODEL_SUFFIX = re.compile(r" [A-Z]{2,} \d")
# Up to four capitalised words after a figure, for a street name ("1600 Amphitheatre Parkway").
_CAPITALISED_WORDS = re.compile(r"(?: [A-Z][A-Za-z'’-]*){1,4}")
# A dialling code before the first group of a phone number ("+44 20 ...").
_DIALLING_CODE = re.compile(r"\+(?:\d{1,4} )?\Z")
# The word after an ordinal, for "by a third last week".
_NEXT_WORD = re.compile(r" +([A-Za-z]+)")


def _part_of_code(text: str, phrases: tuple[NumberPhrase, ...], k: int, rules: _Context) -> bool:
    """True when the plain integer ``phrases[k]`` is part of something that is no count: a
    code or a time with a leading zero ("0930"), a group of a phone number ("+44 20 7946
    0958"), a model number ("737 MAX 9") or a house number ("10 Downing Street")."""
    p = phrases[k]
    if p.text[0] == "0" and len(p.text) > 1 and p.value:
        # "0930", "007", "01": padded to a width, as codes and clock times are, never a
        # count; zeros alone pad nothing ("0000" is 0 however it is written).
        return True
    if _in_groups(text, phrases, k):
        return True
    if not " A" <= text[p.end:p.end + 2] <= " Z":
        return False
    return _MODEL_SUFFIX.match(text, p.end) is not None or _names_street(text, p.end, 1, rules)


def _digit_groups(p: NumberPhrase) -> bool:
    """True for a figure of digits only, maybe in groups of blanks ("2024", "40 000")."""
    return p.plain_integer or (not p.words and p.text.replace(" ", "").isdigit())


def _linked(text: str, a: NumberPhrase, b: NumberPhrase) -> bool:
    """True when figures ``a`` and ``b`` of digits stand one blank apart ("20 7946")."""
    return a.end + 1 == b.start and text[a.end] == " " and _digit_groups(a) and _digit_groups(b)


def _in_groups(text: str, phrases: tuple[NumberPhrase, ...], k: int) -> bool:
    """True for a part of a number written in groups of digits one blank apart, such as a
    phone number: three groups or more ("020 7946 0958"), two with a leading zero in one
    ("0800 1234"), or any after a "+" ("+44 20 7946 0958", whose "+44" is no figure).
    Two plain groups are two figures ("on March 5 300 people")."""
    first = last = k
    while first and _linked(text, phrases[first - 1], phrases[first]):
        first -= 1
    while last + 1 < len(phrases) and _linked(text, phrases[last], phrases[last + 1]):
        last += 1
    if last - first >= 2:
        return True
    if last > first and any(q.text[0] == "0" and len(q.text) > 1 and q.value for q in phrases[first:last + 1]):
        return True
    begin = phrases[first].start
    return _DIALLING_CODE.search(text, max(0, begin - 6), begin) is not None


def _names_street(text: str, end: int, least: int, rules: _Context) -> bool:
    """True when a street word follows ``end`` among the next capitalised words, after at
    least ``least`` others and at most ``least + 2``: "10 Downing Street" (one before it),
    "Fifth Avenue" (none, after an ordinal). "120 Chinese firms" names no street."""
    m = _CAPITALISED_WORDS.match(text, end)
    if m is None:
        return False
    streets = rules.street_words
    return any(w.lower() in streets for w in m.group().split()[least:least + 3])


def _fiscal_year(text: str, p: NumberPhrase, rules: _Context) -> bool:
    """True for a year next to a fiscal-year word ("fiscal 2024", "financial year 2025",
    "the 2024 fiscal year")."""
    low, high = lexicon().year_like
    if not (p.plain_integer and len(p.text) == 4 and low <= p.value <= high):
        return False
    return (rules.fiscal_after.match(text, p.end) is not None
            or rules.fiscal.search(text, max(0, p.start - 24), p.start) is not None)


def _is_rank(text: str, p: NumberPhrase, rules: _Context) -> bool:
    """False for ordinals that are not ranks here (discourse markers, fractions, streets)."""
    if "A" <= text[p.end + 1:p.end + 2] <= "Z" and (not p.words or "A" <= p.text[0] <= "Z") \
            and _names_street(text, p.end, 0, rules):
        return False  # "Fifth Avenue", "42nd Street", "Third Ring Road"; not "a second Wall Street bank"
    if not p.words:
        return True
    if at_sentence_start(text, p.start) and _DISCOURSE.match(text, p.end):
        return False  # "First, Xi urged both sides ..."
    if rules.after_article.search(text, max(0, p.start - 4), p.start):
        if rules.fraction_tail.match(text, p.end):
            return False  # "a third of the budget", "wait a second."
        if p.value > 1 and rules.fraction_lead.search(text, max(0, p.start - 24), p.start) \
                and _no_noun_after(text, p.end, rules):
            return False  # "rose by a third last week"; "for a third time" is a rank
    return True


def _no_noun_after(text: str, end: int, rules: _Context) -> bool:
    """True when the word after ``end`` (on its line) is a function word ("last", "in",
    "since"), which a fraction may precede and an ordinal's noun is not."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1).lower() in rules.not_name_words
