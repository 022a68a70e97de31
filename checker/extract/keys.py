"""Resolving what a claim is about: its parties, its event, its period, its direction.

A key part is taken from the claim's own sentence when the sentence names it, else from
the article's defaults. When a part cannot be told (three countries in the sentence, no
period named, a sentence about an earlier visit that names no place), the key stays
unresolved and the reason is recorded: the claim is listed but compared with nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from checker.extract.context import ArticleContext, Sentence, cues, host_signals
from checker.extract.counted import counted_label
from checker.extract.direction import directions, travellers_group
from checker.extract.entities import Gazetteer
from checker.extract.sentences import clause_span
from checker.rules.model import Announced, Counted
from checker.values.base import ValueMatch
from checker.values.types import DateSpan


@dataclass(frozen=True)
class KeyResult:
    """A resolved key, or None with the reason it could not be resolved."""

    key: str | None
    note: str | None = None
    # Keys of other groups the claim speaks of too: a visa policy both ways is also each
    # one-way policy of the two countries.
    also: tuple[str, ...] = ()


def resolve_key(
    parts: tuple[str, ...],
    text: str,
    sentence: Sentence,
    value: ValueMatch,
    sentence_values: list[ValueMatch],
    context: ArticleContext,
    gazetteer: Gazetteer,
    published: dt.date | None = None,
    counted: Counted | None = None,
    stretch: tuple[int, int] | None = None,
    announced: Announced | None = None,
) -> KeyResult:
    """The key of a claim from the rule's qualifiers (``parties``, ``event``, ``period``,
    ``direction``, ``group``, ``counted``, ``announced``); ``published``: the article's date,
    which tells an old date in the claim's clause (another occasion's) from this event's;
    ``counted``: the rule's labels of what a figure counts, read around ``stretch`` (trigger
    to value); ``announced``: the rule's cues of a policy still to come, read in the clause
    holding ``stretch`` (the part adds "announced" to the key, or nothing)."""
    if cues().withdrawn_figure.search(text, sentence.start, sentence.end):
        return KeyResult(None, "sentence gives a figure a correction withdrew (what an earlier version said)")
    pieces: list[str] = []
    one_way: tuple[str, ...] = ()
    where = 0  # the direction's place among the pieces
    for part in parts:
        if part == "parties":
            piece, why = _parties(text, sentence, value, context, gazetteer)
        elif part == "event":
            piece, why = _event(text, sentence, value, context, gazetteer)
            old = _dated_long_before(text, sentence, value, sentence_values, published) if piece else None
            if old is not None:
                piece, why = None, f"the figure's clause dates it to another occasion ({old})"
        elif part == "counted":
            low, high = stretch or (value.start, value.end)
            assert counted is not None, "the loader refuses key part 'counted' without its section"
            piece, why = counted_label(text, sentence.start, sentence.end, low, high, counted)
        elif part == "direction":
            piece, why, one_way = directions(text, sentence, _pair(text, sentence, context, value)[0], gazetteer,
                                             (value.start, value.end))
            where = len(pieces)
        elif part == "group":
            piece, why = travellers_group(text, sentence, (value.start, value.end))
        elif part == "announced":
            assert announced is not None, "the loader refuses key part 'announced' without its section"
            low, high = stretch or (value.start, value.end)
            if _announced(text, clause_span(text, sentence.start, sentence.end, low, high), announced):
                pieces.append("announced")
            continue
        else:
            piece, why = _period(text, value, sentence_values)
        if piece is None:
            return KeyResult(None, why)
        pieces.append(piece)
    also = tuple(" / ".join([*pieces[:where], way, *pieces[where + 1 :]]) for way in one_way)
    return KeyResult(" / ".join(pieces) if pieces else "-", None, also)


def _announced(text: str, clause: tuple[int, int], announced: Announced) -> bool:
    """Whether the clause tells of a policy still to come: a cue, and no sign of one in force."""
    if not any(cue.search(text, *clause) for cue in announced.cues):
        return False
    return not any(sign.search(text, *clause) for sign in announced.in_force)


def _dated_long_before(text: str, sentence: Sentence, value: ValueMatch, sentence_values: list[ValueMatch],
                       published: dt.date | None) -> str | None:
    """The text of a date that ended over a year before publication and stands in the
    value's clause ("two long-term contracts signed in 2016"), or None. An event
    reported now is not that occasion, whatever place the sentence names."""
    if published is None:
        return None
    cutoff = published - _LONG_BEFORE
    low, high = clause_span(text, sentence.start, sentence.end, value.start, value.end)
    for m in sentence_values:
        if m is value or not isinstance(m.value, DateSpan) or m.value.high is None:
            continue
        # "their first meeting since 2019" reaches up to now.
        if low <= m.start and m.end <= high and m.value.high < cutoff and not _SINCE.search(text, low, m.start):
            return m.text
    return None


_LONG_BEFORE = dt.timedelta(days=366)
_SINCE = re.compile(r"\bsince\b[^.;:,]{0,30}\Z", re.IGNORECASE)


def _parties(text: str, sentence: Sentence, value: ValueMatch, context: ArticleContext, gazetteer: Gazetteer) -> tuple[str | None, str]:
    pair, why = _pair(text, sentence, context, value)
    if pair is None:
        return None, why
    return "–".join(sorted(gazetteer.name_of(c) for c in pair)), ""


def _pair(text: str, sentence: Sentence, context: ArticleContext,
          value: ValueMatch) -> tuple[tuple[str, str] | None, str]:
    """The two countries a sentence is about (codes), or None with the reason."""
    named = sorted({m.code for m in sentence.mentions if m.how != "place"})
    default = context.parties
    if len(named) > 2 and default is not None:
        linked = _linked_pair(text, sentence, value)
        if linked is not None:
            # "Chile's trade with China, its largest partner by far, topped US$60 billion":
            # the figure is China and Chile's, whatever commas stand between.
            if set(linked) == set(default):
                return default, ""
            return None, f"the figure follows a trade relation of {linked[0]} and {linked[1]}, not the article's pair"
    if len(named) > 2:
        # "Canada and Mexico signed 14 agreements ..., as both brace for the United States":
        # the article's own pair, named together, is the subject of a value that no other
        # country shares a clause with ("Japan's $300 billion in trade with China" is not
        # Japan and Korea's).
        # So is a value whose own clause names no country at all ("Two-way trade stood at
        # $1.4 billion last year, which sounds respectable until one remembers that
        # Jordan's trade with China tops $5 billion").
        if default is not None and _others_apart(text, sentence, default, value) \
                and (_named_together(text, sentence, default) or _others_apart(text, sentence, (), value)):
            return default, ""
        return None, f"sentence names {len(named)} countries ({', '.join(named)}): parties unclear"
    if len(named) == 2:
        if default is not None and set(named) != set(default) and _others_apart(text, sentence, (), value):
            # "Two-way trade stood at $1.4 billion, which sounds respectable until one
            # remembers that Jordan's trade with China tops $5 billion", in a story about
            # Jordan and Korea: the figure's own clause names no country, and the two the
            # sentence names elsewhere are not the article's pair.
            return None, "the figure's clause names no country, and the sentence names another pair than the article's"
        return (named[0], named[1]), ""
    if default is not None and set(named) <= set(default):
        if cues().region_counterpart.search(text, sentence.start, sentence.end):
            return None, "sentence sets a country against a region, not the article's pair"
        return default, ""
    if default is None:
        return None, "the article has no clear pair of main countries and the sentence names none"
    return None, f"sentence names {named[0]}, outside the article's main pair"


def _linked_pair(text: str, sentence: Sentence, value: ValueMatch) -> tuple[str, str] | None:
    """The two countries of the last trade relation named before ``value`` in its clause
    ("Chile's trade with China", "trade between Chile and China", "the EU, which is
    India's largest trading partner"), if any."""
    mentions = [m for m in sentence.mentions if m.how != "place" and m.end <= value.start]
    found: tuple[int, tuple[str, str]] | None = None
    found_cues = cues()
    link, between = found_cues.pair_link, found_cues.pair_between
    for i, first in enumerate(mentions):
        for second in mentions[i + 1:]:
            if second.code == first.code:
                continue
            joined = link.fullmatch(text, first.end, second.start) is not None or (
                _JOINED_BY_AND.fullmatch(text, first.end, second.start) is not None
                and between.search(text, sentence.start, first.start) is not None) or (
                # "the EU, which is India's largest trading partner"
                found_cues.partner_between.fullmatch(text, first.end, second.start) is not None
                and found_cues.partner_after.match(text, second.end) is not None)
            if joined and (found is None or second.end > found[0]):
                found = (second.end, (first.code, second.code))
    if found is None or _STRONG_BREAK.search(text, found[0], value.start):
        return None
    # A figure with a relation of its own ("..., dwarfed by Japan's $300 billion in trade
    # with China"): the pair before it decides nothing.
    if _OWN_RELATION_AFTER.match(text, value.end) or (
            mentions[-1].end > found[0] and _POSSESSIVE_BEFORE.fullmatch(text, mentions[-1].end, value.start)):
        return None
    return found[1]


def _named_together(text: str, sentence: Sentence, pair: tuple[str, str]) -> bool:
    """Whether the two countries of ``pair`` are named side by side in the sentence,
    joined by "and" or a dash ("Canada and Mexico", "the China-ROK relations")."""
    mentions = [m for m in sentence.mentions if m.how != "place"]
    for first, second in zip(mentions, mentions[1:]):
        if {first.code, second.code} == set(pair) and _JOINED.fullmatch(text, first.end, second.start):
            return True
    return False


def _others_apart(text: str, sentence: Sentence, pair: tuple[str, ...], value: ValueMatch) -> bool:
    """Whether every country mention outside ``pair`` is in another clause than ``value``:
    a comma, semicolon, colon, dash or bracket stands between them."""
    for m in sentence.mentions:
        if m.how == "place" or m.code in pair:
            continue
        low, high = (m.end, value.start) if m.end <= value.start else (value.end, m.start)
        if not _CLAUSE_BREAK.search(text, low, high):
            return False
    return True


_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s")
# What ends the clause of a trade relation before a figure that is not its own ("China's
# trade with Chile is larger; bilateral trade reached ...").
_STRONG_BREAK = re.compile(r";|\b(?:while|whereas|but|compared\s+(?:with|to)|against)\b")
_OWN_RELATION_AFTER = re.compile(r"\s+(?:in|of|worth\s+of)\s+(?:\w+\s+){0,2}?(?:trade|commerce|exports|imports)\s+(?:with|to|from)\b", re.I)
_POSSESSIVE_BEFORE = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}")
_JOINED_BY_AND = re.compile(r"\s+and\s+(?:the\s+)?")
# What stands between two countries named together: "and", "and the", a dash.
_JOINED = re.compile(r"\s+and\s+(?:the\s+)?|\s*[-–]\s*")


def _event(text: str, sentence: Sentence, value: ValueMatch, context: ArticleContext,
           gazetteer: Gazetteer) -> tuple[str | None, str]:
    # A place names where, not when: a sentence about another visit of the same leaders
    # ("when he last visited Hanoi") would share its key with this one at that place.
    if cues().other_occasion.search(text, sentence.start, sentence.end):
        return None, "sentence refers to another visit or meeting"
    onward = cues().onward_leg.search(text, sentence.start, value.start)
    if onward is not None:
        return None, f"the figure follows '{onward.group()}': it is about a later leg of the trip"
    hosts = sorted(set(host_signals(text, sentence)))
    if len(hosts) > 1:
        return None, f"sentence places the event in several countries ({', '.join(hosts)})"
    if hosts:
        return f"in {gazetteer.name_of(hosts[0])}", ""
    # Only the figure's own clause: "welcomed the delegation, including some 45 firms,
    # and affirmed the friendship of more than 500 years" dates the friendship, not the visit.
    if cues().event_shift.search(text, *clause_span(text, sentence.start, sentence.end, value.start, value.end)):
        return None, "the figure's clause refers to another occasion without naming its place"
    if context.host is None:
        return None, "the article names no clear place for its main event"
    return f"in {gazetteer.name_of(context.host)}", ""


def _period(text: str, value: ValueMatch, sentence_values: list[ValueMatch]) -> tuple[str | None, str]:
    base = cues().period_base
    candidates: list[ValueMatch] = []
    bases: list[DateSpan] = []
    for m in sentence_values:
        if m is value or not isinstance(m.value, DateSpan) or not _is_period(m.value):
            continue
        # "up 3.1% from 2024": the year compared with is not the claim's period.
        if base.search(text, max(0, m.start - _BASE_REACH), m.start):
            bases.append(m.value)
        else:
            candidates.append(m)
    periods = {m.value.display() for m in candidates}
    if not periods:
        return None, "no period (year, months, quarter) named in the sentence"
    if value.kind == "percent" and len(candidates) == 1 and any(
            _years_apart(b, candidates[0].value) not in (None, 1) for b in bases):
        # "up 55 percent from 2021" told in 2025 is growth over four years, not 2025's.
        return None, "growth measured from a base other than the period before"
    if len(periods) > 1:
        # "$120 million in 2024, down from $135 million in 2023": each figure has its
        # period right after it.
        attached = [m for m in candidates if _ATTACHED.fullmatch(text, value.end, m.start)]
        if len(attached) == 1:
            return attached[0].value.display(), ""
        return None, f"sentence names several periods ({', '.join(sorted(periods))})"
    return periods.pop(), ""


# How far before a period its base cue may start ("from $780 million in 2024").
_BASE_REACH = 60


def _years_apart(base: DateSpan, period: DateSpan) -> int | None:
    """How many years ``period`` starts after ``base`` when both are calendar years, else None."""
    if not (_is_year(base) and _is_year(period)):
        return None
    assert base.low is not None and period.low is not None
    return period.low.year - base.low.year


def _is_year(span: DateSpan) -> bool:
    return (span.low is not None and span.high is not None and span.low.month == 1 and span.low.day == 1
            and span.high.month == 12 and span.high.day == 31 and span.low.year == span.high.year)


# What may stand between a figure and its own period: "in", "for", "during", a comma.
_ATTACHED = re.compile(r",?\s+(?:in|for|during|over)\s+(?:the\s+)?")


def _is_period(span: DateSpan) -> bool:
    return span.low is not None and span.high is not None and span.high > span.low and span.weekdays is None
