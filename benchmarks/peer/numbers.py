"""Our number, ordinal, percentage and money finders measured on the Recognizers-Text
English specs (Number, Ordinal, Percent and Currency models).

A case passes when our finder yields exactly the expected set of (span, value): spans
compared by position, values numerically (relative tolerance 1e-6); for money the
currency must be the same ISO code and the amount the same, in units of that currency
(so "50 cents" is USD 0.50 on both sides). The peers' spans never include a hedge
("about $ 14 million" gives "$ 14 million"), so the finders run here without hedge words.

Each suite keeps the cases about what a news claim checker reads; the filters are
written per suite in ``SuiteResult.scope`` and below, and depend only on the case (its
input, its expected results, its spec flags), never on our output. Cases marked
``NotSupportedByDesign`` for Python are out: the spec itself says the behaviour is not
wanted there. ``NotSupported`` marks a gap of the peer's Python port, not an unwanted
behaviour, so those cases stay in.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any, Callable, Iterable

from benchmarks.peer.common import SuiteResult, load_cases
from checker.values.base import ScanContext, ValueMatch
from checker.values.hedges import build_table
from checker.values.money import find_money
from checker.values.moneylex import money_lexicon
from checker.values.numbers import find_numbers
from checker.values.percent import find_percentages
from checker.values.types import Money, Quantity

Key = tuple[int, int, str, float]  # start, end, unit or "", value
Scope = Callable[[dict[str, Any]], str | None]

# A hedge table that matches nothing: figures are read alone, as the peers do.
_NO_HEDGES = ScanContext(hedges=build_table({"\u0000": {"mode": "around", "width": 0}}))

_FRACTION_WORDS = re.compile(
    r"\b(?:hundred|thousand|million|billion|trillion)ths?\b"
    r"|\b(?:halves|thirds|fourths|fifths|sixths|sevenths|eighths|ninths|tenths|quarters)\b",
    re.IGNORECASE,
)
_IDENTIFIER = re.compile(r"\d+\.\d+\.\d|\d/\d|\+\d|[A-Za-z]-\d")
_DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}$|\.\d{3},\d")
_LETTER_SCALE = re.compile(r"\d\s*(?:k|m|mm|g|b)$", re.IGNORECASE)
_SPOKEN = re.compile(
    r"\bpoint\b|\b(?:zero|nought|naught|one|two|three|four|five|six|seven|eight|nine)-(?:zero|nought|naught)\b",
    re.IGNORECASE,
)
_NUMBER_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b",
    re.IGNORECASE,
)
_UNMODELLED_UNITS = {"Bitcoin", "Satoshi", "Sen"}


def run(spec_root: Path) -> list[SuiteResult]:
    """Run the four suites against the specs under ``spec_root``."""
    return [
        _suite("Number", spec_root, "Specs/Number/English/NumberModel.json", 0.95, _number_scope, NUMBER_SCOPE,
               _expected_plain, lambda text: _quantities(find_numbers(text, _NO_HEDGES), "cardinal")),
        _suite("Ordinal", spec_root, "Specs/Number/English/OrdinalModel.json", 0.95, _ordinal_scope, ORDINAL_SCOPE,
               _expected_plain, lambda text: _quantities(find_numbers(text, _NO_HEDGES), "ordinal")),
        _suite("Percentage", spec_root, "Specs/Number/English/PercentModel.json", 0.95, _percent_scope, PERCENT_SCOPE,
               _expected_plain, lambda text: _quantities(find_percentages(text, _NO_HEDGES), None)),
        _suite("Currency", spec_root, "Specs/NumberWithUnit/English/CurrencyModel.json", 0.90, _currency_scope,
               CURRENCY_SCOPE, _expected_money, lambda text: _amounts(find_money(text, _NO_HEDGES))),
    ]


NUMBER_SCOPE = (
    "Cardinal numbers. Out: NotSupportedByDesign for Python; fractions and scientific notation "
    "(an expected fraction or power, or a fraction word such as 'thirds', 'millionths'); digits inside "
    "identifiers (IP addresses, slashed dates, phone numbers, codes like 'SCP-173'); decimal commas "
    "('1,3', '5,00'); unit-letter scales outside money ('10k', '10M', '1.2b', '1mm', read only after a "
    "currency sign); spoken-only forms ('five point five', 'three-nought-four')."
)
ORDINAL_SCOPE = (
    "Ordinals (words and digits). Out: NotSupportedByDesign for Python; relative ordinals ('last', "
    "'next', 'previous', 'current', 'penultimate'); ordinal words used as a fraction's denominator "
    "('forty two and a third')."
)
PERCENT_SCOPE = (
    "Percentages. Out: NotSupportedByDesign for Python; the word before the figure ('percent of 10', "
    "'per cent of twenty-two'), which in news copy is the base of another percentage, never a "
    "percentage itself. Expected results without a value ('a small percent') are not figures and "
    "count as nothing expected."
)
CURRENCY_SCOPE = (
    "Amounts of money in ISO 4217 currencies. Out: NotSupportedByDesign for Python; units outside "
    "ISO 4217 or shared by unrelated currencies (Bitcoin, Satoshi, 'sen'); fractions of a scale "
    "('half million usd', 'three quarters billion'); spoken amounts whose minor part is a bare "
    "trailing number ('15 dollars 50', 'one dollar and one', 'c $ 100 and fifty'). Expected results "
    "without an amount (a bare 'dollar') are not figures and count as nothing expected."
)


def _by_design(case: dict[str, Any]) -> bool:
    return "python" in case.get("NotSupportedByDesign", "").lower()


def _number_scope(case: dict[str, Any]) -> str | None:
    results, text = case["Results"], case["Input"]
    if _by_design(case):
        return "by design"
    if any(r["Resolution"].get("subtype") in ("fraction", "power") for r in results) or _FRACTION_WORDS.search(text):
        return "fraction"
    if _IDENTIFIER.search(text):
        return "identifier"
    if any(_DECIMAL_COMMA.search(r["Text"]) for r in results):
        return "decimal comma"
    if any(_LETTER_SCALE.search(r["Text"]) for r in results):
        return "unit letter"
    if _SPOKEN.search(text):
        return "spoken"
    return None


def _ordinal_scope(case: dict[str, Any]) -> str | None:
    if _by_design(case):
        return "by design"
    if any(r["TypeName"] != "ordinal" for r in case["Results"]):
        return "relative"
    if re.search(r"\band\s+an?\s+\w+(?:th|rd|nd|st)\b", case["Input"], re.IGNORECASE):
        return "fraction"
    return None


def _percent_scope(case: dict[str, Any]) -> str | None:
    if _by_design(case):
        return "by design"
    if any(r["Text"].startswith("per") and r["Resolution"].get("value") not in (None, "null") for r in case["Results"]):
        return "word before figure"
    return None


def _currency_scope(case: dict[str, Any]) -> str | None:
    results = case["Results"]
    if _by_design(case):
        return "by design"
    if any(r["Resolution"].get("unit") in _UNMODELLED_UNITS for r in results):
        return "unit"
    if any(re.search(r"\b(?:half|quarters?)\b", r["Text"]) for r in results):
        return "fraction"
    for r in results:
        numbers = _NUMBER_TOKEN.findall(r["Text"])
        if len(numbers) >= 2 and _NUMBER_TOKEN.search(r["Text"].split()[-1]):
            return "spoken"
    return None


def _expected_plain(case: dict[str, Any]) -> set[Key]:
    out: set[Key] = set()
    for r in case["Results"]:
        raw = str(r["Resolution"].get("value") or "").rstrip("%")
        if raw and raw != "null":
            out.add((r["Start"], r["End"] + 1, "", float(raw)))
    return out


def _expected_money(case: dict[str, Any]) -> set[Key]:
    out: set[Key] = set()
    lex = money_lexicon()
    for r in case["Results"]:
        res = r["Resolution"]
        if res.get("value") in (None, "null"):
            continue
        if res.get("isoCurrency"):
            code, factor = res["isoCurrency"], 1.0
        else:
            # A unit without an ISO code is named as our data names it ("Dollar", "Cent").
            code, factor = lex.currency_of(res["unit"]) or ("?" + res["unit"], 1.0)
        out.add((r["Start"], r["End"] + 1, code, float(res["value"]) * factor))
    return out


def _nominal(q: Quantity | Any) -> float:
    i = q.interval
    return (i.low + i.high) / 2 if i.low is not None and i.high is not None else math.nan


def _quantities(matches: Iterable[ValueMatch], form: str | None) -> set[Key]:
    return {(m.start, m.end, "", _nominal(m.value)) for m in matches
            if isinstance(m.value, Quantity) and (form is None and m.value.kind == "percent" or m.value.form == form)}


def _amounts(matches: Iterable[ValueMatch]) -> set[Key]:
    # A joined conversion has one span; it is judged by its first amount.
    return {(m.start, m.end, m.value.amounts[0].currency, _nominal(m.value.amounts[0]))
            for m in matches if isinstance(m.value, Money)}


def _same(expected: set[Key], got: set[Key]) -> bool:
    if len(expected) != len(got):
        return False
    rest = list(got)
    for e in expected:
        hit = next((g for g in rest if g[:3] == e[:3] and math.isclose(g[3], e[3], rel_tol=1e-6, abs_tol=1e-9)), None)
        if hit is None:
            return False
        rest.remove(hit)
    return True


def _suite(name: str, root: Path, spec: str, target: float, scope: Scope, scope_text: str,
           expected: Callable[[dict[str, Any]], set[Key]], found: Callable[[str], set[Key]]) -> SuiteResult:
    cases = load_cases(root, spec)
    in_scope = passed = 0
    failures: list[str] = []
    for case in cases:
        if scope(case) is not None:
            continue
        in_scope += 1
        want, got = expected(case), found(case["Input"])
        if _same(want, got):
            passed += 1
        else:
            text = case["Input"]
            failures.append(f"{text!r}: expected {_show(text, want)}, got {_show(text, got)}")
    return SuiteResult(name, spec, len(cases), in_scope, passed, target, scope_text, failures)


def _show(text: str, keys: set[Key]) -> str:
    return "[" + ", ".join(f"{text[a:b]!r}={unit + ' ' if unit else ''}{v:g}" for a, b, unit, v in sorted(keys)) + "]"
