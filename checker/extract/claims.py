"""Claim extraction: one value scan per article, then every rule's triggers matched against it.

A claim is a value of the rule's kind that sits within ``max_words`` words of a trigger,
on the side the pattern says, in the same sentence, with no veto (``unless``) and with
every required cue (``requires``) present in that sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Sequence

import regex

from checker.errors import Location, RuleError
from checker.extract.context import ArticleContext, Sentence, build_context
from checker.extract.entities import Gazetteer, build_gazetteer
from checker.extract.keys import resolve_key
from checker.extract.sentences import clause_span
from checker.model import Article, Claim
from checker.rules.model import Pattern, Rule, RuleSet
from checker.values.base import ScanContext, ValueMatch
from checker.values.numruns import lowered_text
from checker.values.batch import scan_many
from checker.values.scan import scan
from checker.values.types import DateSpan, Interval, Label, Money, Quantity, Value

# A trigger pattern gets this long on one article before the run stops and names it.
PATTERN_TIMEOUT_SECONDS = 2.0
# Words between a trigger and its value: "4.2", "1,500" and "Xi's" count as one each.
_WORD = re.compile(r"\w+(?:[.,'’]\w+)*")


@dataclass(frozen=True)
class _Hit:
    pattern: Pattern
    value: ValueMatch
    sentence: Sentence
    trigger: tuple[int, int]


class Extractor:
    """Extracts the claims of articles with one compiled rule set."""

    def __init__(self, ruleset: RuleSet) -> None:
        self.ruleset = ruleset
        self.gazetteer: Gazetteer = build_gazetteer(ruleset.lexicon)

    def context_for(self, article: Article) -> ScanContext:
        """What the value parsers need to read this article: its date and the hedges."""
        hedges = self.ruleset.lexicon.hedges
        return ScanContext(article.published, hedges) if hedges is not None else ScanContext(article.published)

    def extract_many(self, articles: Sequence[Article]) -> list[list[Claim]]:
        """The claims of each article, as :meth:`extract` gives them, with the values of
        all of them found in one :func:`~checker.values.batch.scan_many` (much faster
        on short articles than a scan of each)."""
        found = scan_many([(article.text, self.context_for(article)) for article in articles])
        return [self.extract(article, values) for article, values in zip(articles, found)]

    def extract(self, article: Article, values: list[ValueMatch] | None = None) -> list[Claim]:
        """All claims of one article, in text order (``values``: its scan, when done already)."""
        text = article.text
        if values is None:
            values = scan(text, self.context_for(article))
        starts = [v.start for v in values]
        context = build_context(text, self.gazetteer)
        spans = _spans_by_kind(context, values)
        claims: list[Claim] = []
        for rule in self.ruleset.rules:
            if rule.kind == "label":
                hits = self._label_hits(rule, article, context)
            else:
                hits = self._value_hits(rule, article, context, values, starts, spans.get(rule.kind, []))
            seen: set[int] = set()
            for hit in hits:
                if hit.value.start in seen:
                    continue
                seen.add(hit.value.start)
                claims.append(self._claim(rule, article, hit, context, values, starts))
        claims.sort(key=lambda c: (c.start, c.rule))
        return claims

    def _value_hits(
        self,
        rule: Rule,
        article: Article,
        context: ArticleContext,
        values: list[ValueMatch],
        starts: list[int],
        spans: list[tuple[int, int]],
    ) -> list[_Hit]:
        hits: list[_Hit] = []
        for pattern in rule.patterns:
            for trigger in _triggers(rule, pattern, article, spans):
                sentence = context.sentence_at(trigger.start())
                if sentence is None or not _allowed(rule, pattern, article.text, sentence):
                    continue
                value = _nearest_value(rule, pattern, article.text, trigger, sentence, values, starts)
                if value is not None and not _vetoed_in_clause(rule, pattern, article.text, sentence, trigger, value):
                    hits.append(_Hit(pattern, value, sentence, trigger.span()))
        return hits

    def _label_hits(self, rule: Rule, article: Article, context: ArticleContext) -> list[_Hit]:
        hits: list[_Hit] = []
        text = article.text
        for pattern in rule.patterns:
            for trigger in _triggers(rule, pattern, article, [(0, len(text))]):
                sentence = context.sentence_at(trigger.start())
                if sentence is None or not _allowed(rule, pattern, text, sentence):
                    continue
                found = [
                    (m.start(), m.end(), label.label)
                    for label in rule.labels
                    for m in label.pattern.finditer(text, sentence.start, sentence.end)
                ]
                labels = {f[2] for f in found}
                # Two different labels in one sentence ("visa-free ... visa required"):
                # the sentence does not state one policy, so it makes no claim.
                if len(labels) != 1:
                    continue
                start, end, label = min(found)
                match = ValueMatch(start, end, text[start:end], Label(frozenset({label})))
                if not _vetoed_in_clause(rule, pattern, text, sentence, trigger, match):
                    hits.append(_Hit(pattern, match, sentence, trigger.span()))
        return hits

    def _claim(
        self, rule: Rule, article: Article, hit: _Hit, context: ArticleContext, values: list[ValueMatch], starts: list[int]
    ) -> Claim:
        text = article.text
        sentence = hit.sentence
        lo = bisect.bisect_left(starts, sentence.start)
        hi = bisect.bisect_left(starts, sentence.end)
        stretch = (min(hit.trigger[0], hit.value.start), max(hit.trigger[1], hit.value.end))
        resolved = resolve_key(rule.key, text, sentence, hit.value, values[lo:hi], context, self.gazetteer,
                               article.published, rule.counted, stretch, rule.announced)
        value = hit.value.value
        if hit.pattern.negative and isinstance(value, Quantity):
            # "fell 6.1 percent": a change of -6.1 percent, which "grew 6.1 percent" contradicts.
            value = replace(value, interval=value.interval.negated())
        if hit.pattern.add and isinstance(value, Quantity):
            # "met on three previous occasions": this meeting is the fourth.
            value = replace(value, interval=value.interval.shifted(hit.pattern.add))
        if isinstance(value, Quantity) and any(p.search(text, sentence.start, sentence.end) for p in rule.at_least_when):
            # "the third summit since January": at least three, all told.
            value = replace(value, interval=Interval(value.interval.low, None, value.interval.low_open, False))
        if rule.limit and isinstance(value, Quantity) and hit.value.hedge is not None and value.interval.low is None \
                and value.interval.high is not None and not value.interval.high_open:
            # "stays of up to 30 days" (a hedge closed above and open below: "up to", "no
            # more than", "or less") states the longest stay, 30 days, which "up to 90
            # days" contradicts, though the two sets of stays intersect.
            high = value.interval.high
            value = replace(value, interval=Interval(high, high, False, False))
        return Claim(
            id=f"{article.id}:{rule.id}:{hit.value.start}",
            article=article.id,
            type=rule.type,
            rule=rule.id,
            key=resolved.key,
            text=hit.value.text,
            value=value,
            hedge=hit.value.hedge,
            quote=text[sentence.start : sentence.end],
            start=hit.value.start,
            end=hit.value.end,
            line=article.line_of(hit.value.start),
            as_of=article.published,
            trigger=hit.pattern.id,
            note=resolved.note,
            quote_start=sentence.start,
            also_keys=resolved.also,
        )


def _spans_by_kind(context: ArticleContext, values: list[ValueMatch]) -> dict[str, list[tuple[int, int]]]:
    """For each kind of value, the stretches of text (runs of adjacent sentences) that
    hold one: a value rule's trigger only counts in a sentence with a value of its
    kind, so only these stretches are searched."""
    sentences: dict[str, list[int]] = {}
    for value in values:
        i = bisect.bisect_right(context.starts, value.start) - 1
        if i >= 0 and value.start < context.sentences[i].end:
            found = sentences.setdefault(value.value.kind, [])
            if not found or found[-1] != i:
                found.append(i)
    spans: dict[str, list[tuple[int, int]]] = {}
    for kind, indices in sentences.items():
        runs: list[tuple[int, int]] = []
        first = previous = indices[0]
        for i in indices[1:]:
            if i != previous + 1:
                runs.append((context.sentences[first].start, context.sentences[previous].end))
                first = i
            previous = i
        runs.append((context.sentences[first].start, context.sentences[previous].end))
        spans[kind] = runs
    return spans


def _triggers(rule: Rule, pattern: Pattern, article: Article, spans: list[tuple[int, int]]) -> list[regex.Match[str]]:
    words = pattern.opening_words
    if words is not None:
        # Every match starts with one of ``words``: a stretch is searched from the first
        # of them on, and not at all without one. The lower-cased text has the
        # original's offsets (or is None, and every stretch is searched whole).
        lowered = lowered_text(article.text)
        if lowered is not None:
            spans = [(first, end) for start, end in spans if (first := _first_of(lowered, words, start, end)) >= 0]
    try:
        return [
            m
            for start, end in spans
            for m in pattern.trigger.finditer(article.text, start, end, timeout=PATTERN_TIMEOUT_SECONDS)
        ]
    except TimeoutError:
        raise RuleError(
            f"rule '{rule.id}' pattern '{pattern.id}' took over {PATTERN_TIMEOUT_SECONDS:g}s on article '{article.id}'",
            Location(rule.path, pattern.line),
            "simplify the pattern (avoid nested repetition)",
        ) from None


def _first_of(text: str, words: tuple[str, ...], start: int, end: int) -> int:
    """Where the first of ``words`` found in ``text[start:end]`` begins, or -1."""
    first = -1
    for word in words:
        at = text.find(word, start, end if first < 0 else first + len(word))
        if at >= 0 and (first < 0 or at < first):
            first = at
    return first


def _allowed(rule: Rule, pattern: Pattern, text: str, sentence: Sentence) -> bool:
    """Whether the sentence holds every cue the rule and the pattern require and, for a
    rule whose vetoes look at the whole sentence, none of them."""
    span = (sentence.start, sentence.end)
    if pattern.requires is not None and not pattern.requires.search(text, *span):
        return False
    if not all(need.search(text, *span) for need in rule.requires):
        return False
    return rule.unless_scope != "sentence" or not _vetoed(rule, pattern, text, span)


def _vetoed_in_clause(rule: Rule, pattern: Pattern, text: str, sentence: Sentence, trigger: regex.Match[str],
                      value: ValueMatch) -> bool:
    """For a rule whose vetoes look at the claim's clause only, whether one matches the
    clause (or clauses) holding the trigger and the value."""
    if rule.unless_scope != "clause":
        return False
    low, high = min(trigger.start(), value.start), max(trigger.end(), value.end)
    return _vetoed(rule, pattern, text, clause_span(text, sentence.start, sentence.end, low, high))


def _vetoed(rule: Rule, pattern: Pattern, text: str, span: tuple[int, int]) -> bool:
    if pattern.unless is not None and pattern.unless.search(text, *span):
        return True
    return any(veto.search(text, *span) for veto in rule.unless)


def _nearest_value(
    rule: Rule,
    pattern: Pattern,
    text: str,
    trigger: regex.Match[str],
    sentence: Sentence,
    values: list[ValueMatch],
    starts: list[int],
) -> ValueMatch | None:
    lo = bisect.bisect_left(starts, sentence.start)
    hi = bisect.bisect_left(starts, sentence.end)
    in_window: list[tuple[int, ValueMatch]] = []
    for value in values[lo:hi]:
        if value.end > sentence.end or not _fits(rule, pattern, value.value):
            continue
        if rule.not_after and _after_excluded(rule, text, sentence.start, value.start):
            continue
        if value.start >= trigger.end() and pattern.position in ("after", "either"):
            gap = _gap_words(text, trigger.end(), value.start, sentence)
        elif value.end <= trigger.start() and pattern.position in ("before", "either"):
            # A figure a few words before its trigger is of its noun phrase ("15
            # cooperation documents"), which no comma or bracket parts: in "signed in the
            # presence of the two leaders, including memorandums", two counts leaders.
            if pattern.max_words <= _PHRASE_WORDS and _PARTED.search(text, value.end, trigger.start()):
                continue
            gap = _gap_words(text, value.end, trigger.start(), sentence)
        else:
            continue
        if gap <= pattern.max_words:
            in_window.append((gap, value))
    if not in_window:
        return None
    found = {m.value for _, m in in_window}
    if len(found) > 1:
        # "In the presence of the two presidents, eight agreements were signed": a figure
        # that a comma or bracket parts from the trigger yields to one that nothing parts.
        # Not a date: "met twice this year, the first time in May" dates no meeting.
        joined = [] if rule.kind == "date" else [
            (gap, m) for gap, m in in_window if not _PARTED.search(text, *_between(trigger, m))]
        if joined and len({m.value for _, m in joined}) == 1:
            in_window, found = joined, {joined[0][1].value}
    if len(found) > 1:
        # Two different values within reach of one trigger ("signed 3 of the 15 documents",
        # "talks on Monday ... on Tuesday"): which one the trigger speaks of is unclear.
        # Dates are the exception when one day or stretch lies inside all the others
        # ("met for the second time this year on Tuesday"): that one is the date.
        inner = _innermost(found) if rule.kind == "date" else None
        if inner is None:
            return None
        in_window = [(gap, m) for gap, m in in_window if m.value == inner]
    return min(in_window, key=lambda item: item[0])[1]


def _between(trigger: regex.Match[str], value: ValueMatch) -> tuple[int, int]:
    """The stretch of text between a trigger and a value, on whichever side it lies."""
    return (trigger.end(), value.start) if value.start >= trigger.end() else (value.end, trigger.start())


_PHRASE_WORDS = 4  # the most words a pattern may allow between a figure and a trigger after it in one phrase
_PARTED = re.compile(r"[,;:()\[\]—–]")


def _innermost(values: set[Value]) -> Value | None:
    """The date range that lies inside every other one of ``values``, or None. Only
    plain ranges take part: a weekday or month constraint, or an open end, is unclear."""
    spans = [v for v in values if isinstance(v, DateSpan)]
    if len(spans) != len(values) or any(
        v.low is None or v.high is None or v.weekdays is not None or v.months is not None or v.month_days is not None
        for v in spans
    ):
        return None
    inner = min(spans, key=lambda v: (v.high - v.low, v.low))  # type: ignore[operator]
    if all(v is inner or (v.low <= inner.low and inner.high <= v.high) for v in spans):  # type: ignore[operator]
        return inner
    return None


_NOT_AFTER_REACH = 100  # characters before a value that ``value.not_after`` looks at


def _gap_words(text: str, start: int, end: int, sentence: Sentence) -> int:
    """The words between a trigger and a value, a name of several words counting as one:
    "trade between India and the United Arab Emirates climbed to" is seven words, as
    "trade between India and the UAE climbed to" is."""
    words = len(_WORD.findall(text, start, end))
    for mention in sentence.mentions:
        if start <= mention.start and mention.end <= end:
            words -= len(_WORD.findall(text, mention.start, mention.end)) - 1
    return words


def _after_excluded(rule: Rule, text: str, sentence_start: int, value_start: int) -> bool:
    """Whether the words right before the value match one of the rule's ``not_after``."""
    begin = max(sentence_start, value_start - _NOT_AFTER_REACH)
    return any(p.search(text, begin, value_start) for p in rule.not_after)


_KIND_OF_VALUE = {"number": "number", "percent": "percent", "percentage_point": "percentage_point", "duration": "duration"}


def _fits(rule: Rule, pattern: Pattern, value: Value) -> bool:
    if rule.kind == "money":
        return isinstance(value, Money)
    if rule.kind == "date":
        return value.kind == "date"
    if not isinstance(value, Quantity) or value.kind != _KIND_OF_VALUE.get(rule.kind):
        return False
    forms = pattern.forms or rule.forms
    if forms is not None and value.form not in forms:
        return False
    if rule.units is not None and value.unit not in rule.units:
        return False
    low, high = value.interval.low, value.interval.high
    # Out-of-range figures are other things ("2025 delegations"); open bounds stay in range.
    if rule.minimum is not None and high is not None and high < rule.minimum:
        return False
    return not (rule.maximum is not None and low is not None and low > rule.maximum)
