"""Which articles are independent: wire copies and attributed reports count once.

Near-duplicates are found without comparing all pairs: articles are cut into hashed
word 5-grams, an inverted index proposes pairs that share many of them, and rapidfuzz
confirms each proposed pair. Each cluster of copies is represented by its earliest
article; the others get ``duplicate_of``.

A sentence that says where it comes from ("..., Xinhua reported", "according to
Xinhua") counts as that source when the source is in the corpus.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections import Counter, defaultdict
from typing import Iterable

import regex
from rapidfuzz import fuzz, process

from checker.model import Article

SHINGLE = 5
# A 5-gram found in many articles is boilerplate ("said in a statement on"), not evidence.
MAX_POSTINGS = 50
MIN_SHARED = 3
CONTAINMENT = 0.8
RATIO = 90.0
_ATTRIBUTION = regex.compile(
    r"(?:[Aa]ccording to|[Cc]iting|[Cc]ited by|[Aa]s reported by)\s+(?:the\s+)?(?P<name>\p{Lu}[\w.&'’-]*(?:\s+\p{Lu}[\w.&'’-]*){0,4})"
    r"|(?P<name2>\p{Lu}[\w.&'’-]*(?:\s+\p{Lu}[\w.&'’-]*){0,4})\s+(?:reported|reports|said in a report)",
    regex.VERSION0,
)
# Every match of ``_ATTRIBUTION`` holds one of these (it is case-sensitive too; a cue
# may open the sentence).
_ATTRIBUTION_CUES = (
    "according to", "According to", "citing", "Citing", "cited by", "Cited by", "reported", "reports", "said in a report",
)
_SOURCE_SCORE = 90


def find_duplicates(articles: Iterable[Article]) -> dict[str, str]:
    """Map article id -> id of the earliest article it republishes (only for copies)."""
    ordered = sorted(articles, key=_age_order)
    shingles = {a.id: _shingles(a.text) for a in ordered}
    index: dict[int, list[str]] = defaultdict(list)
    for article in ordered:
        for s in shingles[article.id]:
            index[s].append(article.id)
    rank = {a.id: i for i, a in enumerate(ordered)}
    shared: list[tuple[str, str, int]] = []
    for article in ordered:
        # How many 5-grams this article shares with each other one (counted in C by
        # Counter); each pair is kept once, from its earlier article.
        counts: Counter[str] = Counter()
        for s in shingles[article.id]:
            postings = index[s]
            if 1 < len(postings) <= MAX_POSTINGS:
                counts.update(postings)
        own = rank[article.id]
        shared.extend((article.id, other, n) for other, n in counts.items() if n >= MIN_SHARED and rank[other] > own)
    texts = {a.id: a.text for a in ordered}
    parent: dict[str, str] = {}
    for first, second, count in sorted(shared):
        smaller = min(len(shingles[first]), len(shingles[second])) or 1
        if count / smaller >= CONTAINMENT or fuzz.ratio(texts[first], texts[second], score_cutoff=RATIO):
            _union(parent, rank, first, second)
    return {a: root for a in parent if (root := _find(parent, a)) != a}


def _age_order(article: Article) -> tuple[dt.date, str]:
    # Unknown dates sort last: a dated article is the better candidate for the original.
    return (article.published or dt.date.max, article.id)


def _shingles(text: str) -> set[int]:
    """A fixed quarter of the article's hashed word 5-grams.

    Keeping the 5-grams whose hash falls in one quarter (the same quarter for every
    article) estimates the share two texts have in common at a quarter of the cost.
    """
    words = text.lower().split()
    grams = zip(*(words[k:] for k in range(SHINGLE)))
    return {h for h in map(zlib.crc32, map(str.encode, map(" ".join, grams))) if h & 3 == 0}


def _find(parent: dict[str, str], node: str) -> str:
    while parent.get(node, node) != node:
        node = parent[node]
    return node


def _union(parent: dict[str, str], rank: dict[str, int], a: str, b: str) -> None:
    root_a, root_b = _find(parent, a), _find(parent, b)
    if root_a == root_b:
        return
    first, second = (root_a, root_b) if rank[root_a] <= rank[root_b] else (root_b, root_a)
    parent.setdefault(first, first)
    parent[second] = first


def attributed_source(quote: str, own_source: str, sources: list[str]) -> str | None:
    """The corpus source a sentence credits ("Xinhua reported"), other than its own."""
    if not any(cue in quote for cue in _ATTRIBUTION_CUES):
        return None  # the usual sentence, ruled out without the pattern
    for m in _ATTRIBUTION.finditer(quote):
        name = m.group("name") or m.group("name2")
        best = process.extractOne(name, sources, scorer=fuzz.token_set_ratio, score_cutoff=_SOURCE_SCORE)
        if best is not None and best[0] != own_source:
            return best[0]
    return None
