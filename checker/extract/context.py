"""What is known about an article before its claims are keyed: sentences, entities, defaults.

Computed once per article in one pass over its text; the keys of every claim are then
resolved from the claim's sentence, falling back to the article's defaults (its two
main countries, its main event's host).
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from checker.data import shipped_yaml
from checker.extract.entities import Gazetteer, Mention
from checker.extract.sentences import sentence_spans


@dataclass(frozen=True)
class Cues:
    """Compiled language cues for keys (``checker/data/keys.yaml``)."""

    host_before: regex.Pattern[str]
    event_shift: regex.Pattern[str]
    other_occasion: regex.Pattern[str]
    withdrawn_figure: regex.Pattern[str]
    region_counterpart: regex.Pattern[str]
    route_before: regex.Pattern[str]
    government_verb: regex.Pattern[str]
    government_possession: regex.Pattern[str]
    government_action: regex.Pattern[str]
    period_base: regex.Pattern[str]
    credit_line: regex.Pattern[str]
    onward_leg: regex.Pattern[str]
    market_before: regex.Pattern[str]
    pair_link: regex.Pattern[str]
    pair_between: regex.Pattern[str]
    partner_between: regex.Pattern[str]
    partner_after: regex.Pattern[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The packaged key cues, compiled once."""
    data = shipped_yaml("keys.yaml")
    host = "|".join(f"(?:{c})" for c in data["host_cues"])
    shift = "|".join(f"(?:{c})" for c in data["event_shift"])
    other = "|".join(f"(?:{c})" for c in data["other_occasion"])
    withdrawn = "|".join(f"(?:{c})" for c in data["withdrawn_figure"])
    regions = "|".join(f"(?:{c})" for c in data["region_counterparts"])
    routes = "|".join(f"(?:{c})" for c in data["route_before"])
    verbs = "|".join(regex.escape(str(v)) for v in data["government_verbs"])
    base = "|".join(f"(?:{c})" for c in data["period_base"])
    flags = regex.IGNORECASE | regex.VERSION0
    return Cues(
        host_before=regex.compile(rf"(?:{host})\s+(?:the\s+)?$", flags),
        event_shift=regex.compile(rf"\b(?:{shift})\b", flags),
        other_occasion=regex.compile(rf"\b(?:{other})\b", flags),
        withdrawn_figure=regex.compile(rf"\b(?:{withdrawn})", flags),
        region_counterpart=regex.compile(rf"\b(?:{regions})", flags),
        route_before=regex.compile(rf"\b(?:{routes})\s+(?:\w+\s+)?(?:to|from|between)\s+(?:the\s+)?$", flags),
        # "Seoul also has to watch its neighbours": an adverb may stand before the verb.
        government_possession=regex.compile(
            rf"['’]s\s+(?:{'|'.join(regex.escape(str(w)) for w in data['government_possessions'])})\b", flags),
        government_action=regex.compile(
            rf"\b(?:{'|'.join(regex.escape(str(w)) for w in data['government_actions'])})\s+by\s+$", flags),
        government_verb=regex.compile(rf"[ \t]+(?:(?:also|still|now|too|\w+ly)[ \t]+)?(?:{verbs})\b", flags),
        # "up 18 percent from $780 million in 2024": the base's own figure may stand
        # between the cue and its period.
        period_base=regex.compile(
            rf"\b(?:{base})\s+(?:the\s+)?(?:(?:about|around|some|nearly)\s+)?"
            rf"(?:[^\s,;]*\d[^\s,;]*(?:\s+(?:million|billion|trillion|bn|mn|percent|per\s+cent))?\s+(?:in|for|during)\s+(?:the\s+)?)?$",
            flags),
        credit_line=regex.compile(str(data["credit_line"]), flags),
        market_before=regex.compile(
            rf"\b(?:{'|'.join(regex.escape(str(w)) for w in data['market_words'])})\b(?:[^.;,]|[.,](?=\d)){{0,60}}\bin\s+$", flags),
        pair_link=regex.compile("|".join(f"(?:{c})" for c in data["pair_links"]), flags),
        pair_between=regex.compile("|".join(f"(?:{c})" for c in data["pair_between"]), flags),
        partner_between=regex.compile(str(data["partner_between"]), flags),
        partner_after=regex.compile(str(data["partner_after"]), flags),
        onward_leg=regex.compile(rf"\b(?:{'|'.join(f'(?:{c})' for c in data['onward_leg'])})\b", flags),
    )


@dataclass(frozen=True)
class Sentence:
    """One sentence and the entity mentions inside it."""

    start: int
    end: int
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class ArticleContext:
    """Sentences with their mentions, plus the article-level defaults for keys."""

    sentences: tuple[Sentence, ...]
    starts: tuple[int, ...]
    parties: tuple[str, str] | None
    host: str | None

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding ``offset``, if any."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return None
        sentence = self.sentences[i]
        return sentence if offset < sentence.end else None


def build_context(text: str, gazetteer: Gazetteer) -> ArticleContext:
    """Split sentences, find entities, and pick the article's default parties and host."""
    spans = sentence_spans(text)
    mentions = gazetteer.mentions(text)
    sentences: list[Sentence] = []
    j = 0
    for start, end in spans:
        while j < len(mentions) and mentions[j].start < start:
            j += 1
        k = j
        while k < len(mentions) and mentions[k].start < end:
            k += 1
        sentences.append(Sentence(start, end, tuple(mentions[j:k])))
        j = k
    return ArticleContext(
        tuple(sentences),
        tuple(s.start for s in sentences),
        _default_parties(mentions),
        _default_host(text, sentences),
    )


def host_signals(text: str, sentence: Sentence) -> list[str]:
    """Countries a sentence says an event takes place in (places, "visit to X"), leaving
    out the places of a later leg of the trip ("before flying to Cebu")."""
    return [code for code, _, onward in _host_signals(text, sentence) if not onward]


def _host_signals(text: str, sentence: Sentence) -> list[tuple[str, bool, bool]]:
    """(country, cued, onward) for each host signal: a place, or a country after a host
    cue; ``cued`` when a host cue ("talks in", "visit to") comes right before it;
    ``onward`` when it comes after words of a later leg ("travels on to Singapore")."""
    hosts: list[tuple[str, bool, bool]] = []
    # Most sentences name no place: they are done before any pattern is tried.
    named = [m for m in sentence.mentions if not m.dateline and m.how in ("place", "country")]
    if not named or cues().credit_line.match(text, sentence.start, sentence.end):
        return hosts
    pattern, governs = cues().host_before, cues().government_verb
    onward = cues().onward_leg.search(text, sentence.start, named[-1].start)
    leg_starts = onward.start() if onward is not None else sentence.end
    for mention in named:
        cued = pattern.search(text, max(sentence.start, mention.start - 40), mention.start) is not None
        if cued:
            hosts.append((mention.code, True, mention.start > leg_starts))
        elif mention.how == "place" and not _stands_for_government(text, sentence, mention, governs) \
                and not cues().route_before.search(text, max(sentence.start, mention.start - 40), mention.start) \
                and not cues().market_before.search(text, max(sentence.start, mention.start - 80), mention.start):
            hosts.append((mention.code, False, mention.start > leg_starts))
    return hosts


def _stands_for_government(text: str, sentence: Sentence, mention: Mention, governs: regex.Pattern[str]) -> bool:
    """Whether a place is a subject standing for its government: a verb of
    ``government_verbs`` right after it and no preposition before it ("Riyadh has
    deposited $5 billion"; not "officials in Kathmandu said"), its possessive before
    a word of ``government_possessions`` ("Seoul's priority"), or a place acting after a
    word of ``government_actions`` and "by" ("a push by Astana")."""
    if cues().government_possession.match(text, mention.end):
        return True
    if cues().government_action.search(text, max(sentence.start, mention.start - 30), mention.start):
        return True
    if not governs.match(text, mention.end):
        return False
    return _PREPOSITION_BEFORE.search(text, max(sentence.start, mention.start - 20), mention.start) is None


_PREPOSITION_BEFORE = regex.compile(r"\b(?:in|at|from|to|near|of|outside|inside|around|across|into|for)\s+(?:the\s+)?$",
                                    regex.IGNORECASE)


def _default_parties(mentions: list[Mention]) -> tuple[str, str] | None:
    counts = Counter(m.code for m in mentions if m.how != "place")
    ranked = counts.most_common()
    if len(ranked) < 2 or ranked[1][1] < 2:
        return None
    # The second party must clearly stand out from the third.
    if len(ranked) > 2 and ranked[1][1] < 2 * ranked[2][1]:
        return None
    first, second = sorted((ranked[0][0], ranked[1][0]))
    return (first, second)


def _default_host(text: str, sentences: list[Sentence]) -> str | None:
    weights: Counter[str] = Counter()
    # A single mention is enough when a host cue comes before it ("held talks in
    # Tokyo") or the dateline agrees with it ("NAIROBI - ... at State House in Nairobi").
    backed: set[str] = set()
    # A later leg of the trip in another country says nothing of where the event was;
    # one in the same country ("before flying to Cebu" after talks in Manila) is part of
    # the visit, so it counts once that country is named apart from it.
    onward: list[tuple[str, bool]] = []
    shift = cues().event_shift
    for sentence in sentences:
        backed.update(m.code for m in sentence.mentions if m.dateline)
        signals = _host_signals(text, sentence)
        # A sentence about another occasion ("accepted the invitation to pay a state
        # visit to Korea in 2027") does not say where this one took place.
        if not signals or shift.search(text, sentence.start, sentence.end):
            continue
        for code, after_cue, later_leg in signals:
            if later_leg:
                onward.append((code, after_cue))
                continue
            weights[code] += 1
            if after_cue:
                backed.add(code)
    for code, after_cue in onward:
        if code in weights:
            weights[code] += 1
            if after_cue:
                backed.add(code)
    ranked = weights.most_common()
    if not ranked:
        # No place named for the event in the text: a dateline is where the report was
        # filed, which is the event's place when the story is about that country too
        # ("MEXICO CITY — Carney and Sheinbaum held talks at the National Palace"), and
        # no sign of it otherwise ("BEIJING — India and Japan signed 11 deals").
        mentions = [m for sentence in sentences for m in sentence.mentions]
        datelined = {m.code for m in mentions if m.dateline}
        named = {m.code for m in mentions if not m.dateline}
        return datelined.pop() if len(datelined) == 1 and datelined <= named else None
    if ranked[0][1] < 2 and not (len(ranked) == 1 and ranked[0][0] in backed):
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]
