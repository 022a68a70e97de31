"""Changes told as a share of the whole: "grew by almost a fifth", "a rise of more than a
third", "exports jumped by half". Each is a percentage, as wide as such a round share is
meant: "a fifth" is 18 to 22 percent, so "almost a fifth" agrees with 19 percent and not
with 12.

A share is read only right after a word of change ("by", "rose", "grew", "a rise of"),
with or without a hedge between, and not before "of": "a third of its exports" is a part
of something, not a change. The words are in ``checker/data/units.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.values.base import ScanContext, ValueMatch
from checker.values.figures import find_hedge, make_match, shared_quantity
from checker.values.numlex import load_yaml
from checker.values.numphrase import number_phrases
from checker.values.numruns import lowered_text, word_starts

__all__ = ["find_percent_shares"]


@dataclass(frozen=True)
class _Shares:
    words: dict[str, float]  # the share's last word -> its percentage ("fifth" -> 20)
    pattern: re.Pattern[str]  # the share's words, ending at its last word
    change_before: re.Pattern[str]  # a word of change ending right before the share (or its hedge)
    part_after: re.Pattern[str]  # "of" after the share: a part, not a change
    width: float  # the share's own spread, as a fraction of it


@lru_cache(maxsize=1)
def _shares() -> _Shares:
    raw = load_yaml("units.yaml")["percent_shares"]
    words = {str(k).lower(): float(v) for k, v in raw["shares"].items()}
    last = "|".join(sorted(words, key=len, reverse=True))
    openers = "|".join(re.escape(str(w)) for w in raw["openers"])
    changes = "|".join(re.escape(str(w)).replace(r"\ ", r"\s+") for w in raw["change_words"])
    return _Shares(
        words=words,
        # "a fifth", "one third", "three quarters", "half" (bare only: "by half")
        pattern=re.compile(rf"(?<![\w-])(?:(?:{openers})[ \t\u00a0-]+)?(?P<share>{last})(?![\w-])", re.IGNORECASE),
        change_before=re.compile(rf"(?<![\w-])(?:{changes})\s+\Z", re.IGNORECASE),
        part_after=re.compile(r"\s+of\b|-", re.IGNORECASE),
        width=float(raw["width"]),
    )


def find_percent_shares(text: str, ctx: ScanContext) -> list[ValueMatch]:
    """Every change in ``text`` told as a share ("grew by a third": 33 percent)."""
    shares = _shares()
    lowered = lowered_text(text)
    searched = text.lower() if lowered is None else lowered
    if len(searched) != len(text):
        return []  # a text whose lower case changes its length: offsets would not hold
    found: list[ValueMatch] = []
    words = shares.words
    # "half" and "quarter" are looked for in the text; "third", "fifth" and "tenth" are
    # ordinals, which the number reader has already found.
    starts = [at for stem in _SEARCHED for at in word_starts(searched, stem)]
    starts += [p.start for p in number_phrases(text) if p.form == "ordinal" and p.end - p.start == 5
               and searched[p.start:p.end] in _ORDINAL_SHARES]
    for at in sorted(starts):
        stem_end = searched.find(" ", at, at + 9)
        word = searched[at:stem_end if stem_end >= 0 else at + 8].rstrip(".,;:!?)'\"-")
        # Most hits are no share ("the third meeting", "last quarter"): a share word
        # stands after its opener ("a fifth", "three quarters"), bare only as "half".
        if word in words and (word == "half" or searched[max(0, at - 6):at].endswith(_OPENER_ENDS)):
            match = _share_at(text, at, word, words[word], shares, ctx)
            if match is not None:
                found.append(match)
    return found


_SEARCHED = ("half", "quarter")
_ORDINAL_SHARES = frozenset({"third", "fifth", "tenth"})


# What the text right before a share word ends with when an opener stands there.
_OPENER_ENDS = ("a ", "one ", "two ", "two-", "three ", "three-")


def _share_at(text: str, at: int, word: str, percent: float, shares: _Shares, ctx: ScanContext) -> ValueMatch | None:
    """The share whose last word starts at ``at``, if it tells a change."""
    end = at + len(word)
    after = text[end:end + 1]
    if after.isalnum() or after == "_":
        return None  # part of a longer word ("third" in "thirds", "half" in "halfway")
    # Its opening words ("a", "one", "three") lie at most a few characters before it.
    m = shares.pattern.search(text, max(0, at - 8), end)
    if m is None or m.end() != end or m.start("share") != at:
        return None
    if shares.part_after.match(text, end):
        return None  # "a third of its exports", "a quarter-century"
    # A bare share word needs its opener, except "half" ("fell by half").
    if m.start() == at and word != "half":
        return None
    hedge, start = find_hedge(text, m.start(), ctx)
    begin = m.start() if hedge is None else start
    if not shares.change_before.search(text, max(0, begin - 30), begin):
        return None
    quantity = shared_quantity("percent", percent, percent * shares.width * 2, hedge)
    return make_match(text, begin, end, quantity, hedge)
