"""Deterministic generator of news-like articles with planted facts, for benchmarks.

Each story is a summit between two countries. Articles about one story repeat its facts
(talks date, documents signed, delegation size, trade figure) in varied wording, mixed
with filler prose full of numbers that are not claims. One story in ``contradict_every``
gets one article with a wrong document count, so a run can also check that the planted
contradictions, and only those, are found.
"""

from __future__ import annotations

import datetime as dt
import itertools
from functools import lru_cache
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import yaml

ENTITIES = Path(__file__).resolve().parent.parent / "rules" / "lexicon" / "entities.yaml"
COUNTRIES = 70


@lru_cache(maxsize=1)
def countries() -> list[tuple[str, str, str]]:
    """(name, demonym, city) of the first countries in the shipped lexicon that have both."""
    data = yaml.safe_load(ENTITIES.read_text(encoding="utf-8"))["countries"]
    found = []
    for code in sorted(data):
        spec = data[code]
        if spec.get("demonyms") and spec.get("places") and code != "EU":
            found.append((spec["name"], spec["demonyms"][0], spec["places"][0]))
    return found[:COUNTRIES]


FILLER = [
    "Analysts said the relationship had seen ups and downs over the past {n} years.",
    "The {adj} economy grew {p} percent last quarter, according to official data.",
    "About {n} students attended a cultural festival in the capital on the sidelines.",
    "Officials described the talks as candid, constructive and forward-looking.",
    "Shares in regional exporters rose {p} percent after the announcement.",
    "The leaders also discussed climate policy, energy security and digital trade rules.",
    "Some {n} journalists covered the event, organisers said.",
    "Observers noted that the visit came at a sensitive time for the region.",
    "The visit was widely covered by national broadcasters and newspapers.",
    "Both sides stressed the importance of dialogue and mutual respect.",
    "Business groups welcomed the outcome and called for closer cooperation.",
    "Security was tight around the venue throughout the day.",
]


@dataclass(frozen=True)
class Story:
    """The true facts of one planted story."""

    index: int
    guest: str
    host: str
    city: str
    guest_adj: str
    host_adj: str
    talks: dt.date
    documents: int
    delegation: int
    trade_billion: float


def stories(count: int, seed: int = 7) -> list[Story]:
    """``count`` stories with random but reproducible facts.

    Every story is a different pair of countries (so trade keys never collide), and the
    visits one country hosts are 120 days apart (so they are different occasions).
    """
    rng = random.Random(seed)
    nations = countries()
    pairs = list(itertools.combinations(range(len(nations)), 2))
    rng.shuffle(pairs)
    hosted: dict[int, int] = {}
    result = []
    for i in range(count):
        host_i, guest_i = pairs[i % len(pairs)]
        host, host_adj, city = nations[host_i]
        guest, guest_adj, _ = nations[guest_i]
        visit = hosted.get(host_i, 0)
        hosted[host_i] = visit + 1
        talks = dt.date(2000, 1, 3) + dt.timedelta(days=visit * 120 + host_i % 7)
        result.append(
            Story(i, guest, host, city, guest_adj, host_adj, talks, rng.randrange(3, 30), rng.randrange(5, 40) * 10, round(rng.uniform(5, 90), 1))
        )
    return result


def article_text(story: Story, rng: random.Random, documents: int | None = None) -> str:
    """One article about ``story``; ``documents`` overrides the true count (a planted error)."""
    docs = story.documents if documents is None else documents
    day = story.talks.strftime("%B %-d, %Y")
    facts = [
        f"The {story.guest_adj} leader held talks with the {story.host_adj} president in {story.city} on {day}.",
        f"After the talks, the two sides signed {docs} cooperation documents covering trade and energy.",
        f"A delegation of about {story.delegation} business leaders accompanied the state visit to {story.host}.",
        f"Trade between {story.guest} and {story.host} reached ${story.trade_billion} billion in {story.talks.year - 1}.",
    ]
    rng.shuffle(facts)
    filler = [
        rng.choice(FILLER).format(n=rng.randrange(2, 90), p=round(rng.uniform(0.1, 9.9), 1), adj=story.host_adj)
        for _ in range(rng.randrange(6, 14))
    ]
    sentences = facts + filler
    rng.shuffle(sentences)
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    return "\n\n".join(paragraphs) + "\n"


def articles(count: int, per_story: int = 5, contradict_every: int = 10, seed: int = 7) -> Iterator[tuple[str, str, str, str]]:
    """(id, source, published ISO date, text) for ``count`` articles.

    Story ``k`` with ``k % contradict_every == 0`` has its last article state a document
    count that is off by two.
    """
    rng = random.Random(seed)
    all_stories = stories(max(1, count // per_story), seed)
    for n in range(count):
        story = all_stories[(n // per_story) % len(all_stories)]
        position = n % per_story
        planted = story.index % contradict_every == 0 and position == per_story - 1
        text = article_text(story, rng, story.documents + 2 if planted else None)
        published = (story.talks + dt.timedelta(days=1 + position)).isoformat()
        yield f"s{story.index:05d}-a{position}", f"Outlet {position}", published, text


def news_text(megabytes: float, seed: int = 11) -> str:
    """At least ``megabytes`` MB of article bodies run together (for the value scan bench)."""
    rng = random.Random(seed)
    chunks: list[str] = []
    size = 0
    target = int(megabytes * 1_000_000)
    for story in stories(10_000, seed):
        text = article_text(story, rng)
        chunks.append(text)
        size += len(text.encode())
        if size >= target:
            break
    few = stories(50, seed)
    while size < target:
        text = article_text(rng.choice(few), rng)
        chunks.append(text)
        size += len(text.encode())
    # Three blank lines between articles, so a bench can split them apart again.
    return "\n\n\n".join(chunks)
