"""Who needs a visa to enter where: the ``direction`` qualifier of a key.

"Japanese citizens can enter India visa-free" and "Indians need a visa to visit Japan"
are two policies, not a contradiction; so are a policy for students and the general
one. A sentence gives the travellers (a demonym or country before "citizens",
"tourists"..., or after "citizens of"), the destination (a country or place after "to",
"enter", "visit"...), or says the policy holds both ways ("for each other's
citizens"; or "the two governments signed a visa agreement", when it names no
travellers and no destination). A side the sentence leaves out is the other country
of the claim's pair. A sentence that names neither side, or several of one, leaves the
key unresolved.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from checker.data import shipped_yaml
from checker.extract.context import Sentence
from checker.extract.entities import Gazetteer, Mention

_FLAGS = regex.IGNORECASE | regex.VERSION0
# How far before a mention its cue may start ("passport holders from ").
_REACH = 40


@dataclass(frozen=True)
class DirectionCues:
    """Compiled cues of ``checker/data/keys.yaml`` (``direction``)."""

    both_ways: regex.Pattern[str]
    both_ways_unless_named: regex.Pattern[str]
    travellers_after: regex.Pattern[str]
    travellers_before: regex.Pattern[str]
    destination_before: regex.Pattern[str]
    groups: tuple[tuple[str, regex.Pattern[str]], ...]


@lru_cache(maxsize=1)
def direction_cues() -> DirectionCues:
    """The packaged direction cues, compiled once."""
    data = shipped_yaml("keys.yaml")["direction"]

    def either(words: list[str]) -> str:
        return "|".join(f"(?:{w})" for w in words)

    return DirectionCues(
        both_ways=regex.compile(rf"\b(?:{either(data['both_ways'])})", _FLAGS),
        both_ways_unless_named=regex.compile(rf"\b(?:{either(data['both_ways_unless_named'])})", _FLAGS),
        # After a demonym ("Japanese citizens") or a possessive country ("India's nationals").
        travellers_after=regex.compile(rf"(?:['’]s)?\s+(?:\w+\s+)?(?:{either(data['travellers_after'])})\b", _FLAGS),
        travellers_before=regex.compile(rf"\b(?:{either(data['travellers_before'])})\s+(?:the\s+)?$", _FLAGS),
        destination_before=regex.compile(rf"\b(?:{either(data['destination_before'])})\s+(?:the\s+)?$", _FLAGS),
        groups=tuple((name, regex.compile(rf"\b(?:{pattern})\b", _FLAGS)) for name, pattern in data["groups"].items()),
    )


def direction(text: str, sentence: Sentence, pair: tuple[str, str] | None, gazetteer: Gazetteer,
              claim: tuple[int, int] | None = None) -> tuple[str | None, str]:
    """The key piece ("India → Japan", "China ↔ South Korea", "India → Japan, students")
    or None with the reason. ``claim``: the span of the policy's words, which a group
    must share a part of the sentence with (see :func:`directions`)."""
    piece, why, _ = directions(text, sentence, pair, gazetteer, claim)
    return piece, why


def directions(
    text: str, sentence: Sentence, pair: tuple[str, str] | None, gazetteer: Gazetteer,
    claim: tuple[int, int] | None = None,
) -> tuple[str | None, str, tuple[str, ...]]:
    """:func:`direction`, and for a policy both ways the pieces of its two one-way
    policies ("China → Japan", "Japan → China"), which it also speaks of.

    A group named apart from the policy's words (``claim``) is not the policy's: after
    them past a comma or the like ("..., removing an irritant for business travellers"),
    or before them past a semicolon, a colon or a contrasting word ("students may
    apply, while holders of diplomatic passports are exempt"). A relative clause says
    more of the group before it ("an e-visa, which allows stays of up to 90 days"). When
    every group the sentence names is apart, whom the policy covers is unclear: in
    "Although Koreans do not need a visa to visit Poland, the engineers need work
    permits" the waiver is not the workers', and may not be everyone's either.
    """
    cues = direction_cues()
    span = (sentence.start, sentence.end)
    found, apart = _groups(text, span, claim, cues)
    if apart and not found:
        return None, f"sentence names a group ({', '.join(apart)}) apart from the policy's words: unclear whom it covers", ()
    group = f", {' and '.join(found)}" if found else ""
    travellers: set[str] = set()
    destinations: set[str] = set()
    for mention in sentence.mentions:
        if mention.how == "person" or mention.dateline:
            continue
        if _names_travellers(text, mention, sentence, cues):
            travellers.add(mention.code)
        elif mention.how != "demonym" and cues.destination_before.search(
            text, max(sentence.start, mention.start - _REACH), mention.start
        ):
            destinations.add(mention.code)
    # Countries named in no role (a demonym without its noun, a country without a cue)
    # must be one of the two sides: "Indians and Chinese need visas" has a third.
    unplaced = {m.code for m in sentence.mentions if m.how != "person"} - travellers - destinations
    if cues.both_ways.search(text, *span) or (
            not travellers and not destinations and cues.both_ways_unless_named.search(text, *span)):
        named = {m.code for m in sentence.mentions if m.how != "person"} | set(pair or ())
        if len(named) != 2:
            return None, "a policy both ways, but not between two clear countries", ()
        first, second = sorted(gazetteer.name_of(c) for c in named)
        return f"{first} ↔ {second}{group}", "", (f"{first} → {second}{group}", f"{second} → {first}{group}")
    if len(travellers) > 1 or len(destinations) > 1:
        return None, "sentence names several travellers or destinations for one visa policy", ()
    traveller = next(iter(travellers), None)
    destination = next(iter(destinations - travellers), None)
    others = {m.code for m in sentence.mentions if m.how != "person"} - travellers
    if traveller is not None and destination is None and len(others) == 1:
        # "Japan will extend its visa exemption for Indian students": the other country grants it.
        destination = next(iter(others))
    if traveller is None and destination is None:
        return None, "sentence does not say whose citizens need (or not) a visa to enter where", ()
    if traveller is None or destination is None:
        # One side named: the other is the other country of the pair.
        if pair is None:
            return None, "one side of the visa policy is missing and the article has no clear pair of countries", ()
        if traveller is None:
            traveller = _other(pair, destination)
        else:
            destination = _other(pair, traveller)
    if traveller is None or destination is None or traveller == destination:
        return None, "the visa policy's other side is not one of the article's two countries", ()
    if unplaced - {traveller, destination}:
        return None, f"sentence also names {', '.join(sorted(unplaced - {traveller, destination}))}, in no clear role", ()
    return f"{gazetteer.name_of(traveller)} → {gazetteer.name_of(destination)}{group}", "", ()


def _names_travellers(text: str, mention: Mention, sentence: Sentence, cues: DirectionCues) -> bool:
    if mention.how == "demonym":
        written = text[mention.start : mention.end]
        # A plural demonym names people ("Indians"); an adjective needs its noun ("Japanese citizens").
        if written.endswith("s") and not written.endswith("ss"):
            return True
        return cues.travellers_after.match(text, mention.end, sentence.end) is not None
    if cues.travellers_before.search(text, max(sentence.start, mention.start - _REACH), mention.start):
        return True
    after = cues.travellers_after.match(text, mention.end, sentence.end)
    return after is not None and text[mention.end : mention.end + 1] in ("'", "’")


def travellers_group(text: str, sentence: Sentence, claim: tuple[int, int]) -> tuple[str | None, str]:
    """The ``group`` key piece of a visa rule: the group of travellers the policy at
    ``claim`` is for ("diplomats", "students and workers"), "all travellers" when the
    sentence names none, or None with the reason when it names one only apart from the
    policy's words (see :func:`directions`)."""
    found, apart = _groups(text, (sentence.start, sentence.end), claim, direction_cues())
    if apart and not found:
        return None, f"sentence names a group ({', '.join(apart)}) apart from the policy's words: unclear whom it covers"
    return (" and ".join(found) if found else "all travellers"), ""


def _groups(text: str, span: tuple[int, int], claim: tuple[int, int] | None,
            cues: DirectionCues) -> tuple[list[str], list[str]]:
    """The groups the sentence names for the policy at ``claim``, and those it names
    only apart from it (see :func:`directions`), each sorted by name."""
    found: list[str] = []
    apart: list[str] = []
    for name, pattern in cues.groups:
        places = [m.span() for m in pattern.finditer(text, *span)]
        if not places:
            continue
        if claim is None or not all(_apart(text, span[0], place, claim) for place in places):
            found.append(name)
        else:
            apart.append(name)
    return sorted(found), sorted(apart)


def _apart(text: str, sentence_start: int, place: tuple[int, int], claim: tuple[int, int]) -> bool:
    if place[1] <= claim[0]:
        return _BREAK_BEFORE.search(text, place[1], claim[0]) is not None
    if place[0] < claim[1]:
        return False
    after = claim[1]
    if _OPENING_PHRASE.fullmatch(text, sentence_start, claim[0]):
        # "Under the visa exemption agreement, holders of diplomatic passports ...": the
        # sentence goes on about the opening phrase's policy past its comma.
        comma = text.find(",", after, place[0])
        after = comma + 1 if comma >= 0 else after
    return _BREAK_AFTER.search(text, after, place[0]) is not None


# A sentence's opening phrase, up to the policy's words ("Under the new visa ").
_OPENING_PHRASE = regex.compile(r"\W*(?:under|with|through|by|as\s+part\s+of|in\s+line\s+with)\b[^,;:.]*", _FLAGS)
# What parts a group before the policy's words from them, and one after. Neither a
# relative clause, which says more of what comes before it, nor the comma of a list
# ("holders of diplomatic, special and service passports") parts anything.
_BREAK_BEFORE = regex.compile(r"[;:]|\b(?:while|whereas|but|although|though)\b", _FLAGS)
_BREAK_AFTER = regex.compile(
    r"(?:,(?![^\S\n]*[\w-]+(?:\s+[\w-]+)?,?\s+(?:and|or)\b)|[;:()\[\]—–]|\s-\s)(?!\s*(?:who|whom|whose|which)\b)",
    _FLAGS)


def _other(pair: tuple[str, str], code: str | None) -> str | None:
    if code not in pair:
        return None
    return pair[1] if pair[0] == code else pair[0]
