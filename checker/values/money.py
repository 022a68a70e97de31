"""Money: "$306 billion", "2.14 trillion yuan", "KRW 1.2 trillion", "€5m", "50 cents".

A figure (from the shared number reader) is money when a currency marker touches it:
a sign or a code before it ("US$", "€", "USD"), or a sign, code or name after it
("元", "USD", "yuan", "Swiss francs", "cents"). Amounts are in units of the currency
(cents become hundredths of a dollar) and keep the figure's rounding interval.

- A unit letter glued to the figure ("$10m", "US$1MM", "$5k") is a scale only after a
  currency sign or code; elsewhere "10m" is ten metres.
- Names that are also ordinary words are read only where the figure shows it is money
  (see ``guarded_names`` in ``checker/data/currencies.yaml``): "who in 2022 won" and
  "lost 20 pounds" are not money; "5,000 won" and "361 million pounds" are.
- A parenthetical conversion, "2.14 trillion yuan ($306 billion)", is one value with
  two amounts and one span. A hedge before the first amount covers the conversion too,
  unless the conversion has its own ("about" in "1 trillion won (about $700 million)").
- Dollars and cents written apart ("3 dollars 50 cents") make one amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.values.base import ScanContext, ValueMatch
from checker.values.figures import apply_hedge, find_hedge, make_match
from checker.values.hedges import Hedge
from checker.values.moneylex import MoneyLexicon, money_lexicon
from checker.values.neighbours import followed_by, neighbours, preceded_by
from checker.values.numlex import alternation, lexicon, normalize
from checker.values.numphrase import NumberPhrase, number_phrases, rounding_interval
from checker.values.types import Amount, Interval, Money

__all__ = ["find_money"]

_OPEN = re.compile(r"\s*\(\s*$")
_CLOSE = re.compile(r"\s*\)")


@lru_cache(maxsize=1)
def _cents_link() -> re.Pattern[str]:
    """What may stand between "3 dollars" and "50 cents": blanks and a joiner."""
    return re.compile(rf"[ \t]+(?:(?:{alternation(lexicon().joiners)})[ \t]+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class _Found:
    """One amount before conversions are joined."""

    start: int  # the hedge, or the marker, or the figure
    end: int
    currency: str
    interval: Interval  # unhedged
    hedge: Hedge | None
    figure_end: int


def find_money(text: str, ctx: ScanContext) -> list[ValueMatch]:
    """Every amount of money in ``text``; conversions in parentheses are joined."""
    lex = money_lexicon()
    phrases = number_phrases(text)
    found: list[_Found] = []
    skip_until = 0
    # Most figures touch no currency marker: only those a marker may touch are read.
    variant = 0 if neighbours(text).lowered else 1
    marked = set(preceded_by(text, lex.near_before[variant]))  # a marker may end right before
    near = marked.union(followed_by(text, lex.near_after[variant]))
    for k in sorted(near):
        phrase = phrases[k]
        if phrase.start < skip_until or phrase.form != "cardinal" or phrase.pending_scale:
            continue
        amount = _amount(text, phrase, lex, ctx, skip_until, k in marked)
        if amount is None:
            continue
        amount = _with_cents(text, amount, phrases, k, lex)
        skip_until = amount.end
        found.append(amount)
    return _join_conversions(text, found)


def _amount(text: str, p: NumberPhrase, lex: MoneyLexicon, ctx: ScanContext, floor: int,
            marked: bool) -> _Found | None:
    """The amount around figure ``p``; a marker before ``floor`` belongs to an earlier one.

    ``marked``: whether a marker may end right before the figure (its neighbours before
    it match ``near_before``); when not, the long search for one is spared.
    """
    if p.form != "cardinal" or p.pending_scale:
        return None
    # Letters touching the figure ("G20", "10km") must be the currency marker itself.
    one, two = text[p.start - 1:p.start], text[max(0, p.start - 2):max(0, p.start - 1)]
    left = p.glued and (one.isalpha() or (one == "." and two.isalpha()))
    right = p.end < len(text) and text[p.end].isalpha()
    before = lex.before.search(text, max(floor, p.start - 12), p.start) if marked else None
    if before is not None and (right or (left and before.end() != p.start)):
        return None  # letters touch the digits and are not a marker ("G20", "USD5abc")
    # ``scale`` widens the rounding interval with the amount ("$10m" is [9.5m, 10.5m]);
    # ``unit`` converts a minor unit and keeps an exact figure exact ("50 cents").
    scale, unit = 1.0, 1.0
    if before is not None:
        marker = _before_marker(before, lex)
        if marker is None:
            return None
        currency, start, end = marker, before.start(), p.end
        if before.group("scale"):
            scale = lex.code_scales.get(before.group("scale"), 0.0)
            if not scale:
                return None
        if p.letter_scale is not None:
            scale *= p.letter_scale
    else:
        if p.letter_scale is not None:
            return None  # "10m" without a currency sign is a length, not ten million
        after = lex.after.match(text, p.end)
        if after is None or left:
            return None
        reading = _after_marker(after, p, lex)
        if reading is None:
            return None
        currency, scale, unit = reading
        start, end = p.start, after.end()
    step = p.step * scale * unit if p.step else (scale * unit if scale != 1.0 else None)
    interval = rounding_interval(p.value * scale * unit, step)
    hedge, hedge_start = find_hedge(text, start, ctx)
    return _Found(hedge_start, end, currency, interval, hedge, p.end)


# The marker patterns ignore case the Unicode way, so a look-alike letter (the Kelvin
# sign in "\u212aRW", a long s) can match where the tables have none: such a marker is
# not a currency, and the figure is not money.


def _before_marker(m: re.Match[str], lex: MoneyLexicon) -> str | None:
    if m.group("dollar"):
        key = normalize(m.group("dollar"))
        return lex.dollar_prefixes.get(key) or lex.codes.get(key.upper())
    if m.group("strict"):
        return lex.dollar_prefixes.get(m.group("strict").lower())
    if m.group("code"):
        return lex.codes.get(m.group("code").upper())
    return lex.symbols.get(m.group("symbol"))


def _after_marker(m: re.Match[str], p: NumberPhrase, lex: MoneyLexicon) -> tuple[str, float, float] | None:
    """Currency, scale and unit factor of the marker after a figure, or None."""
    sep = m.group("sep") or ""
    if m.group("symbol"):
        # A sign glued to the next figure belongs to it: "1 $10 bill" is ten dollars.
        glued_ahead = m.end() < len(m.string) and m.string[m.end()].isdigit()
        symbol = lex.symbols.get(m.group("symbol"))
        return (symbol, 1.0, 1.0) if symbol and sep != "-" and not (sep and glued_ahead) else None
    if m.group("code"):
        code = lex.codes.get(m.group("code").upper())
        scale = lex.code_scales.get(m.group("scale"), 0.0) if m.group("scale") else 1.0
        if m.group("post"):
            scale *= lex.post_scales.get(m.group("post").lower(), 0.0)
        return (code, scale, 1.0) if code and scale and sep != "-" else None
    if not sep:
        return None  # a name glued to the digits ("5yuan") is too unusual to trust
    if m.group("minor"):
        minor = lex.minor_units.get(normalize(m.group("minor")))
        return None if minor is None else (minor[0], 1.0, minor[1])
    name = normalize(m.group("name"))
    currency = lex.names.get(name)
    if currency is None or not _guard_passes(lex.guarded.get(name), p):
        return None
    return currency, 1.0, 1.0


def _guard_passes(guard: str | None, p: NumberPhrase) -> bool:
    """Whether figure ``p`` shows that a name which is also a common word is money here."""
    if guard is None:
        return True
    if guard == "scale":
        return p.scaled
    # "digits": a scale word, or digits that are not a bare year ("who in 2022 won").
    if p.scaled:
        return True
    low, high = lexicon().year_like
    year_like = p.plain_integer and len(p.text) == 4 and low <= p.value <= high
    return not p.words and not year_like


def _with_cents(text: str, amount: _Found, phrases: tuple[NumberPhrase, ...], k: int, lex: MoneyLexicon) -> _Found:
    """Join "3 dollars 50 cents" / "thirteen dollars and forty-five cents" into one amount."""
    if k + 1 >= len(phrases) or amount.end == amount.figure_end:
        return amount
    cents = phrases[k + 1]
    if cents.start - amount.end > 8 or not _cents_link().match(text, amount.end, cents.start):
        return amount
    m = lex.after.match(text, cents.end)
    if m is None or not m.group("minor") or not m.group("sep"):
        return amount
    minor = lex.minor_units.get(normalize(m.group("minor")))
    if minor is None:
        return amount
    currency, factor = minor
    if currency != amount.currency or cents.form != "cardinal":
        return amount
    low, high = amount.interval, cents.interval.scaled(factor)
    joined = Interval(_add(low.low, high.low), _add(low.high, high.high))
    return _Found(amount.start, m.end(), currency, joined, amount.hedge, amount.figure_end)


def _add(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a + b


def _join_conversions(text: str, found: list[_Found]) -> list[ValueMatch]:
    out: list[ValueMatch] = []
    k = 0
    while k < len(found):
        first = found[k]
        amounts = [Amount(first.currency, apply_hedge(first.hedge, first.interval))]
        end = first.end
        if k + 1 < len(found):
            second = found[k + 1]
            close = _CLOSE.match(text, second.end)
            if close and _OPEN.match(text, first.end, second.start):
                hedge = second.hedge or first.hedge
                amounts.append(Amount(second.currency, apply_hedge(hedge, second.interval)))
                end, k = close.end(), k + 1
        out.append(make_match(text, first.start, end, Money(tuple(amounts)), first.hedge))
        k += 1
    return out
