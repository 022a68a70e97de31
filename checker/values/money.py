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
- A range is one amount: "$40 to $50 million", "$2-3 billion", "40 to 50 million yuan",
  "5-7 USD" (a bare end takes the scale and the currency of the other), and, written in
  full, "$2bn-$3bn", "between $28 billion and $29 billion" or "$28 billion to $32
  billion" (a dash, "between", or "to" alone; "rose from $2 million to $3 million" and
  "grew $4 billion to $32 billion" are two amounts: a change and a level). Each end keeps its own
  rounding and its hedge: "about $40 to $50 million" is about $40 million to about $50
  million. See :func:`checker.values.numphrase.range_before`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from checker.values.base import ScanContext, ValueMatch
from checker.values.figures import apply_hedge, find_hedge, make_match, range_interval
from checker.values.hedges import Hedge
from checker.values.moneylex import MoneyLexicon, money_lexicon
from checker.values.neighbours import followed_by, neighbours, preceded_by
from checker.values.numlex import alternation, lexicon, normalize
from checker.values.numphrase import (
    RANGE_REACH,
    NumberPhrase,
    RangeEnds,
    bare_link,
    hedged_link,
    joined_start,
    number_phrases,
    range_before,
    range_start,
    rounding_interval,
)
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
    interval: Interval  # unhedged (of the second end, for a range)
    hedge: Hedge | None
    figure_end: int
    low: Interval | None = None  # a range's first end, unhedged

    def hedged(self, hedge: Hedge | None) -> Interval:
        """The amount's set under ``hedge``: a range's ends are hedged one by one."""
        if self.low is None:
            return apply_hedge(hedge, self.interval)
        return range_interval(self.low, self.interval, hedge)


class _Marker(NamedTuple):
    """The currency marker of a figure, and what it multiplies the figure by. :func:`_marker`
    returns its fields as a plain tuple, which is cheaper to make for every amount."""

    currency: str
    start: int  # the marker's start when it stands before the figure, else the figure's
    end: int  # the figure's end when the marker stands before it, else the marker's
    scale: float  # the scale of a code ("MUSD", "USD million"); a unit letter is the figure's
    unit: float  # a minor unit's factor ("cents": 0.01), which keeps an exact figure exact
    before: bool


def find_money(text: str, ctx: ScanContext) -> list[ValueMatch]:
    """Every amount of money in ``text``; conversions in parentheses are joined."""
    lex = money_lexicon()
    phrases = number_phrases(text)
    found: list[_Found] = []
    skip_until = 0
    joinable = False  # whether two amounts stand close enough to be the ends of one range
    # Most figures touch no currency marker: only those a marker may touch are read.
    variant = 0 if neighbours(text).lowered else 1
    marked = set(preceded_by(text, lex.near_before[variant]))  # a marker may end right before
    near = marked.union(followed_by(text, lex.near_after[variant]))
    for k in sorted(near):
        phrase = phrases[k]
        if phrase.start < skip_until or phrase.form != "cardinal":
            continue
        # The figure as the second end of a range, then (a figure that is wrong alone) as
        # its first end. The usual figure has no free figure right before it: no range then.
        previous = phrases[k - 1] if k else None
        close = previous is not None and phrase.start - previous.end <= RANGE_REACH and previous.start >= skip_until
        amount = _range_amount(text, phrases, k, lex, ctx, skip_until) if close else None
        if amount is None and phrase.pending_scale:
            amount = _range_amount(text, phrases, k + 1, lex, ctx, skip_until)
            if amount is None:
                continue
        if amount is None:
            amount = _amount(text, phrase, lex, ctx, skip_until, k in marked)
            if amount is None:
                continue
            amount = _with_cents(text, amount, phrases, k, lex)
        # Two amounts in one currency close together may be a range's ends (a conversion
        # in parentheses is in another currency).
        joinable = joinable or (amount.start - skip_until <= RANGE_REACH and bool(found)
                                and found[-1].currency == amount.currency)
        skip_until = amount.end
        found.append(amount)
    return _join_conversions(text, _joined(text, found) if joinable and len(found) > 1 else found)


def _amount(text: str, p: NumberPhrase, lex: MoneyLexicon, ctx: ScanContext, floor: int,
            marked: bool) -> _Found | None:
    """The amount around figure ``p``; a marker before ``floor`` belongs to an earlier one.

    ``marked``: whether a marker may end right before the figure (its neighbours before
    it match ``near_before``); when not, the long search for one is spared.
    """
    if p.form != "cardinal" or p.pending_scale:
        return None
    marker = _marker(text, p, lex, floor, marked)
    if marker is None:
        return None
    currency, start, end, scale, unit, _ = marker
    # As ``_figure_interval`` computes it, inline: this runs for every amount.
    if p.letter_scale is not None:
        scale *= p.letter_scale
    step = p.step * scale * unit if p.step else (scale * unit if scale != 1.0 else None)
    interval = rounding_interval(p.value * scale * unit, step)
    hedge, hedge_start = find_hedge(text, start, ctx)
    return _Found(hedge_start, end, currency, interval, hedge, p.end)


def _figure_interval(value: float, step: float | None, scale: float, unit: float) -> Interval:
    """A figure's set in units of its currency: ``scale`` widens the rounding interval
    with the amount ("$10m" is [9.5m, 10.5m]); ``unit`` converts a minor unit and keeps
    an exact figure exact ("50 cents")."""
    step = step * scale * unit if step else (scale * unit if scale != 1.0 else None)
    return rounding_interval(value * scale * unit, step)


def _marker(text: str, p: NumberPhrase, lex: MoneyLexicon, floor: int,
            marked: bool) -> tuple[str, int, int, float, float, bool] | None:
    """The currency marker touching figure ``p``, before or after it (the fields of a
    :class:`_Marker`), or None."""
    # Letters touching the figure ("G20", "10km") must be the currency marker itself.
    one, two = text[p.start - 1:p.start], text[max(0, p.start - 2):max(0, p.start - 1)]
    left = p.glued and (one.isalpha() or (one == "." and two.isalpha()))
    right = p.end < len(text) and text[p.end].isalpha()
    before = lex.before.search(text, max(floor, p.start - 12), p.start) if marked else None
    if before is not None and (right or (left and before.end() != p.start)):
        return None  # letters touch the digits and are not a marker ("G20", "USD5abc")
    if before is not None:
        currency = _before_marker(before, lex)
        if currency is None:
            return None
        scale = lex.code_scales.get(before.group("scale"), 0.0) if before.group("scale") else 1.0
        return (currency, before.start(), p.end, scale, 1.0, True) if scale else None
    if p.letter_scale is not None:
        return None  # "10m" without a currency sign is a length, not ten million
    after = lex.after.match(text, p.end)
    if after is None or left:
        return None
    reading = _after_marker(after, p, lex)
    if reading is None:
        return None
    currency, scale, unit = reading
    return currency, p.start, after.end(), scale, unit, False


def _range_amount(text: str, phrases: tuple[NumberPhrase, ...], k: int, lex: MoneyLexicon, ctx: ScanContext,
                  floor: int) -> _Found | None:
    """The range whose second end is ``phrases[k]``, when a currency marker makes it money
    and one end needs the other ("$40 to $50 million", "$2-3 billion", "5 to 7 dollars");
    None otherwise. Ends written in full are joined later (:func:`_joined`)."""
    ends = range_before(text, phrases, k)
    if ends is None or ends.first.start < floor:
        return None
    first, second = ends.first, ends.second
    own = _as_marker(_marker(text, first, lex, floor, True))
    other = _as_marker(_marker(text, second, lex, first.end, True))
    if own is not None and not own.before:
        return None
    if own is None and (other is None or other.before or first.glued):
        return None  # a sign before the second end only is another amount ("40 to $50")
    if own is not None and other is None and (second.glued or not (ends.borrows or ends.dash)):
        return None  # "gave $5 to 7 people"
    if own is not None and other is not None and (own.currency != other.currency or not ends.borrows):
        return None  # two amounts in full ("$5 to $7"), or in two currencies
    return _range_found(text, ends, own, other, ctx)


def _as_marker(fields: tuple[str, int, int, float, float, bool] | None) -> _Marker | None:
    """The named marker of :func:`_marker`'s fields (for the rare range, read by name)."""
    return None if fields is None else _Marker(*fields)


def _range_found(text: str, ends: RangeEnds, own: _Marker | None, other: _Marker | None,
                 ctx: ScanContext) -> _Found:
    """The amount of a range whose ends have the given markers (at least one)."""
    first, second = ends.first, ends.second
    first_marker = own or other
    second_marker = other or own
    assert first_marker is not None and second_marker is not None
    # A bare first end takes the second's unit letter with its scale ("$2-3m").
    first_letter = first.letter_scale or (second.letter_scale if ends.borrows else None) or 1.0
    low = _figure_interval(ends.low_value, ends.low_step, first_marker.scale * first_letter, first_marker.unit)
    high = _figure_interval(second.value, second.step, second_marker.scale * (second.letter_scale or 1.0),
                            second_marker.unit)
    hedge, hedge_start = find_hedge(text, own.start if own else first.start, ctx)
    end = other.end if other else second.end
    return _Found(range_start(text, hedge_start), end, first_marker.currency, high, hedge, second.end, low)


def _joined(text: str, found: list[_Found]) -> list[_Found]:
    """``found`` with each two neighbouring amounts written in full made one range where
    :func:`~checker.values.numphrase.joined_start` says they are one ("$2bn-$3bn",
    "between $28 billion and $29 billion"; not "from $2 million to $3 million"): single
    amounts of one currency, in order, the second without a hedge of its own."""
    out = [found[0]]
    for b in found[1:]:
        a = out[-1]
        start = None
        if b.start - a.end <= RANGE_REACH and a.low is None and b.low is None and b.hedge is None \
                and a.currency == b.currency and (a.interval.low or 0.0) <= (b.interval.low or 0.0):
            start = joined_start(text, a.start, a.end, b.start)
            if start is None and hedged_link(text, a.end, b.start, a.hedge and a.hedge.mode):
                start = a.start  # "around $20 billion to $30 billion": the hedge opens the range
            if start is None and a.hedge is None and bare_link(text, a.start, a.end, b.start):
                start = a.start  # "$28 billion to $32 billion", not "grew $4 billion to $32 billion"
        if start is None:
            out.append(b)
        else:
            out[-1] = _Found(start, b.end, a.currency, b.interval, a.hedge, b.figure_end, a.interval)
    return out


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
        amounts = [Amount(first.currency, apply_hedge(first.hedge, first.interval) if first.low is None
                          else first.hedged(first.hedge))]
        end = first.end
        if k + 1 < len(found):
            second = found[k + 1]
            close = _CLOSE.match(text, second.end)
            if close and _OPEN.match(text, first.end, second.start):
                hedge = second.hedge or first.hedge
                amounts.append(Amount(second.currency, second.hedged(hedge)))
                end, k = close.end(), k + 1
        out.append(make_match(text, first.start, end, Money(tuple(amounts)), first.hedge))
        k += 1
    return out
