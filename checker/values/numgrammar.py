"""The grammar of one run of number tokens: which tokens make one number, and its value.

A *run* is a stretch of number tokens separated by blanks, hyphens or "and" ("twenty-one
trillion and three hundred", "4000 3 hundred and 21", "two thirds"). The grammar splits
it into numbers, computes each value and its rounding unit, and drops what is not a
whole figure (fractions, spoken decimals) rather than read a wrong value out of it.
Figures of digits joined by a hyphen ("2020-2025", "5-7", "2-3 billion", "222-2222") are
a range, a score or an identifier, which only what follows them can tell: both are read
and marked as the ends of a dash pair (``Parsed.dashed``), which no finder reads alone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

# Kinds that can open a small number ("twenty", "7", "fifteen").
_SMALL = frozenset({"digits", "unit", "teen", "tens"})
# Kinds that can open a group ("a hundred", "half a million", "3 dozen", "322 hundred").
_GROUP = _SMALL | {"article", "half"}


@dataclass(frozen=True)
class Tok:
    """One token of a run; ``sep`` says what separates it from the previous token."""

    kind: str
    value: float
    start: int
    end: int
    sep: str = "space"  # "space", "hyphen", "joiner" ("and"), or "" (glued: "2bn")
    decimals: int = 0
    letter_scale: float | None = None


@dataclass(frozen=True)
class Parsed:
    """One number read from tokens ``first..last`` (inclusive)."""

    first: int
    last: int
    value: float
    step: float | None  # rounding unit of the figure; None when it is exact
    form: str = "cardinal"
    scaled: bool = False
    letter_scale: float | None = None
    dashed: int = 0  # DASH_FIRST / DASH_SECOND (or both, in a chain) for the ends of a dash pair


# Flags of ``Parsed.dashed``: the number is followed, or preceded, by a hyphen and digits.
DASH_FIRST = 1
DASH_SECOND = 2


@dataclass(frozen=True)
class _Part:
    value: float
    end: int  # index of the first token after the part
    step: float | None
    ends: str  # kind of the last token ("tens", "hundred", "scale", ...)


def parse_run(toks: list[Tok]) -> list[Parsed]:
    """All numbers in one run of tokens, in order."""
    return _Parser(toks).numbers()


class _Parser:
    def __init__(self, toks: list[Tok]) -> None:
        self.t = toks
        self.n = len(toks)

    def kind(self, i: int) -> str | None:
        return self.t[i].kind if i < self.n else None

    def sep(self, i: int) -> str | None:
        return self.t[i].sep if i < self.n else None

    def numbers(self) -> list[Parsed]:
        out: list[Parsed] = []
        i = 0
        while i < self.n:
            parsed, nxt = self.number(i)
            if parsed is not None:
                if self.after_dash(out, parsed):
                    parsed = replace(parsed, dashed=parsed.dashed | DASH_SECOND)
                out.append(parsed)
            i = max(nxt, i + 1)
        return out

    def after_dash(self, out: list[Parsed], parsed: Parsed) -> bool:
        """Whether ``parsed`` is the second end of a dash pair whose first end ends ``out``."""
        if not out or not out[-1].dashed & DASH_FIRST or out[-1].last != parsed.first - 1:
            return False
        return parsed.form == "cardinal" and self.t[parsed.first].sep == "hyphen"

    def number(self, i: int) -> tuple[Parsed | None, int]:
        """The number starting at token ``i`` (or None) and the index after it."""
        sign = 1.0
        j = i
        if self.kind(j) == "sign":
            if self.kind(j + 1) not in _GROUP or self.sep(j + 1) != "space":
                return None, j + 1
            sign, j = -1.0, j + 1
        tok = self.t[j]
        if tok.kind == "multiplicative":
            return Parsed(i, j, sign * tok.value, None, "multiplicative"), j + 1
        if tok.kind in ("ordinal", "scale_ordinal", "digit_ordinal"):
            return Parsed(i, j, sign * tok.value, None, "ordinal"), j + 1
        if tok.kind not in _GROUP and not (tok.kind == "hundred" and self.kind(j + 1) == "scale"):
            return None, j + 1
        card = self.cardinal(j)
        if card is None:
            return None, j + 1
        return self.suffixed(i, j, card, sign)

    def suffixed(self, i: int, j: int, card: _Part, sign: float) -> tuple[Parsed | None, int]:
        """Read what follows a cardinal: an ordinal ending, a fraction, "and a half", "times"."""
        e, value, step, ends = card.end, card.value, card.step, card.ends
        kind, sep = self.kind(e), self.sep(e)
        scaled = ends == "scale" or any(self.t[k].kind == "scale" for k in range(j, e))
        letter = self.t[e - 1].letter_scale
        if kind == "ordinal" and sep in ("space", "hyphen", "joiner"):
            # "twenty-first", "one hundred first", "a million and first" are ordinals. After a
            # scale only "and" joins: "$280 million first preferred notes" is two words.
            compound = (
                ends == "hundred"
                or (ends == "scale" and sep == "joiner")
                or (ends == "tens" and self.t[e].value < 10 and sep != "joiner")
            )
            if compound:
                return Parsed(i, e, sign * (value + self.t[e].value), None, "ordinal"), e + 1
            if ends in ("unit", "teen"):
                return None, e + 1  # "one fifth", "three eighths": a fraction
        if kind == "scale_ordinal" and sep == "space":
            return Parsed(i, e, sign * value * self.t[e].value, None, "ordinal"), e + 1
        if kind in ("ordinal_plural", "fraction"):
            return None, e + 1
        if kind == "decimal" and sep == "space":
            return None, self.skip_small(e + 1)
        if kind == "digits" and sep == "hyphen" and ends in ("digits", "scale"):
            # "2020-2025", "222-2222", "2-3 billion": a range, a score or an identifier;
            # the next figure is read on its own, as the second end.
            return Parsed(i, e - 1, sign * value, step, "cardinal", scaled, letter, DASH_FIRST), e
        if kind == "article" and sep == "joiner":
            nxt = self.kind(e + 1)
            if nxt == "half" and self.sep(e + 1) == "space":
                value, step, e, scaled = self.and_a_half(value, step, e, scaled)
            elif nxt in ("ordinal", "fraction", "scale_ordinal"):
                return None, e + 2  # "forty two and a third"
        if self.kind(e) == "times":
            return Parsed(i, e, sign * value, step, "multiplicative", scaled), e + 1
        return Parsed(i, e - 1, sign * value, step, "cardinal", scaled, letter), e

    def and_a_half(
        self, value: float, step: float | None, e: int, scaled: bool
    ) -> tuple[float, float | None, int, bool]:
        """Add "and a half" (of the last scale) and a scale that may follow it."""
        unit = self.last_scale(e)
        after = e + 2
        if not scaled and self.kind(after) == "scale" and self.sep(after) == "space":
            big = self.t[after].value
            return (value + 0.5) * big, 0.1 * big, after + 1, True
        return value + 0.5 * unit, 0.1 * unit, after, scaled

    def last_scale(self, e: int) -> float:
        k = e - 1
        return self.t[k].value if self.t[k].kind == "scale" else 1.0

    def skip_small(self, e: int) -> int:
        while self.kind(e) in _SMALL or self.kind(e) in ("hundred", "scale"):
            e += 1
        return e

    def cardinal(self, j: int) -> _Part | None:
        """Groups joined by scale words, largest scale first ("4 thousand 3 hundred and 21")."""
        group = self.group(j)
        if group is None:
            return None
        total, cur, e = 0.0, group.value, group.end
        comp_step, ends = group.step, group.ends
        unit: float | None = None  # multiplier of the current component once scaled
        last = float("inf")
        while self.kind(e) == "scale" and self.sep(e) in ("space", ""):
            scale = self.t[e].value
            if unit is not None:
                # Consecutive scale words multiply: "three lakh crore", "a thousand billion".
                total, unit, last = total * scale, unit * scale, last * scale
            elif scale >= last:
                break
            else:
                total, cur = total + cur * scale, 0.0
                unit, last = scale * (comp_step or 1.0), scale
            e, ends = e + 1, "scale"
            nxt = self.continuation(e, last)
            if nxt is not None:
                cur, comp_step, unit, e, ends = nxt.value, None, None, nxt.end, nxt.ends
        step = unit if unit is not None else comp_step
        return _Part(total + cur, e, step, ends)

    def continuation(self, e: int, last: float) -> _Part | None:
        """A smaller whole group after a scale word ("million [and] three hundred").

        After "and", digits start a new figure: "RMB 10 billion and 40 rmb" is two amounts,
        while "twenty-one trillion and three hundred" is one number.
        """
        if self.kind(e) not in _SMALL or self.sep(e) not in ("space", "joiner"):
            return None
        if self.sep(e) == "joiner" and self.kind(e) == "digits":
            return None
        group = self.group(e)
        if group is None or group.step is not None or not 0 < group.value < last:
            return None
        follow = self.kind(group.end)
        if follow == "scale" and self.t[group.end].value >= last:
            return None  # "two million three million" is two numbers
        return group

    def group(self, j: int) -> _Part | None:
        """A number below a thousand, possibly with "hundred" ("three hundred and two dozen")."""
        kind = self.kind(j)
        nxt = self.kind(j + 1)
        if kind == "article":
            if nxt == "hundred":
                return self.after_hundred(100.0, None, j + 2)
            if nxt == "scale":
                return _Part(1.0, j + 1, None, "article")
            if nxt == "dozen":
                return _Part(12.0, j + 2, None, "dozen")
            return None
        if kind == "half":
            if nxt == "article" and self.kind(j + 2) == "dozen":
                return _Part(6.0, j + 3, None, "dozen")
            if nxt == "article" and self.kind(j + 2) == "scale":
                return _Part(0.5, j + 2, 0.1, "half")
            if nxt == "scale":
                return _Part(0.5, j + 1, 0.1, "half")
            return None
        if kind == "hundred":
            return _Part(100.0, j + 1, None, "hundred")
        small = self.small(j)
        if small is None:
            return None
        if self.kind(small.end) == "hundred" and self.sep(small.end) == "space":
            step = small.step * 100 if small.step else None
            return self.after_hundred(small.value * 100, step, small.end + 1)
        return small

    def after_hundred(self, value: float, step: float | None, e: int) -> _Part:
        """The tens after "hundred" ("three hundred [and] twenty-one")."""
        if self.kind(e) in _SMALL and self.sep(e) in ("space", "joiner"):
            tail = self.small(e)
            joined = self.sep(e) != "joiner" or (tail is not None and tail.value > 0)
            whole = tail is not None and tail.step is None and tail.value < 100
            if tail is not None and whole and joined and self.kind(tail.end) != "hundred":
                return _Part(value + tail.value, tail.end, step, tail.ends)
        return _Part(value, e, step, "hundred")

    def small(self, j: int) -> _Part | None:
        """A number below a hundred, or digits; "dozen" after it multiplies it."""
        tok = self.t[j]
        if tok.kind == "digits":
            part = _Part(tok.value, j + 1, 10.0 ** -tok.decimals if tok.decimals else None, "digits")
        elif tok.kind == "tens":
            part = _Part(tok.value, j + 1, None, "tens")
            unit = self.t[j + 1] if j + 1 < self.n else None
            if unit is not None and unit.kind == "unit" and unit.value > 0 and unit.sep in ("space", "hyphen"):
                part = _Part(tok.value + unit.value, j + 2, None, "unit")
        elif tok.kind in ("unit", "teen"):
            part = _Part(tok.value, j + 1, None, tok.kind)
        else:
            return None
        glued_letter = self.t[part.end - 1].letter_scale is not None
        if self.kind(part.end) == "dozen" and self.sep(part.end) == "space" and not glued_letter:
            step = part.step * 12 if part.step else None
            return _Part(part.value * 12, part.end + 1, step, "dozen")
        return part
