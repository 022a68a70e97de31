"""Comparison: claims grouped by (type, key), values compared, findings emitted.

Within one key, claims are first collapsed to their distinct values, so the work grows
with the number of distinct values, not with the number of articles. Two values
*conflict* when their sets do not intersect, unless the rule explains the difference:
a cumulative count that grew between two article dates, or dates so far apart that
they are different occasions (``same_event_within_days``).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Iterable, Mapping, Sequence

from checker.independence import attributed_source, find_duplicates
from checker.model import Article, Claim, Finding, FindingGroup, Report
from checker.rules.model import Rule, RuleSet
from checker.comparison import Comparator

KIND_ORDER = {"contradiction": 0, "single_source": 1, "agreement": 2}


@dataclass(frozen=True)
class _Bucket:
    """The claims of one (type, key) that share one value."""

    value: object
    claims: tuple[Claim, ...]


def build_report(articles: Sequence[Article], claims: Iterable[Claim], ruleset: RuleSet) -> Report:
    """Compare all keyed claims of a corpus and return the full report."""
    duplicates = find_duplicates(articles)
    by_id = {a.id: a for a in articles}
    sources = sorted({a.source for a in articles})
    origin = {a.id: by_id[duplicates.get(a.id, a.id)].source for a in articles}
    all_claims = sorted(claims, key=lambda c: (c.article, c.start, c.rule))
    # A sentence that credits another source ("..., Xinhua reported") counts as that source;
    # ``citing`` keeps who cited it, for the messages.
    claim_source: dict[str, str] = {}
    citing: dict[str, str] = {}
    for c in all_claims:
        credited = attributed_source(c.quote, by_id[c.article].source, sources)
        claim_source[c.id] = credited or origin[c.article]
        if credited:
            citing[c.id] = by_id[c.article].source
    credit = _Sources(claim_source, citing)
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in all_claims:
        if claim.key is not None:
            groups[(claim.type, claim.key)].append(claim)
    # A claim that also speaks of other keys joins those that have claims of their own:
    # "mutual visa-free travel" is compared with "Koreans need a visa for China".
    for claim in all_claims:
        for also in claim.also_keys:
            if claim.key is not None and (claim.type, also) in groups:
                groups[(claim.type, also)].append(claim)
    findings: list[Finding] = []
    set_aside: dict[str, str] = {}
    for (claim_type, key), members in sorted(groups.items()):
        rule = ruleset.by_id(members[0].rule)
        if rule is None:
            continue
        comparator = Comparator(rule, ruleset.lexicon.rates)
        for occasion_key, occasion in _occasions(rule, key, members, set_aside):
            findings.extend(_compare_key(rule, occasion_key, occasion, comparator, credit, set_aside))
    findings.sort(key=lambda f: (KIND_ORDER[f.kind], f.type, f.key, f.id))
    final_claims = tuple(replace(c, note=set_aside[c.id]) if c.id in set_aside else c for c in all_claims)
    return Report(tuple(sorted(articles, key=lambda a: a.id)), final_claims, tuple(findings), duplicates)


def _occasions(rule: Rule, key: str, claims: list[Claim], set_aside: dict[str, str]) -> list[tuple[str, list[Claim]]]:
    """Split one key's claims into occasions by article date (``same_event_within_days``).

    Reports of one visit are published within days of each other; dated claims further
    apart than the window belong to different visits. Dates are judged by their own
    values instead (see Comparator), so date rules are not split here. An undated claim
    joins the only occasion there is; with several it cannot be placed and is set aside.
    """
    window = rule.same_event_within_days
    if window is None or rule.kind == "date":
        return [(key, claims)]
    dated = sorted((c for c in claims if c.as_of is not None), key=lambda c: (c.as_of, c.id))
    undated = [c for c in claims if c.as_of is None]
    clusters: list[list[Claim]] = []
    for claim in dated:
        if clusters and (claim.as_of - clusters[-1][-1].as_of).days <= window:  # type: ignore[operator]
            clusters[-1].append(claim)
        else:
            clusters.append([claim])
    if len(clusters) <= 1:
        return [(key, (clusters[0] if clusters else []) + undated)]
    for claim in undated:
        set_aside[claim.id] = f"undated, and the key has {len(clusters)} occasions in time: which one it is about is unclear"
    return [(f"{key} / reported {cluster[0].as_of:%Y-%m}", cluster) for cluster in clusters]


def _compare_key(
    rule: Rule, key: str, claims: list[Claim], comparator: Comparator, sources: "_Sources", set_aside: dict[str, str]
) -> list[Finding]:
    """The findings of one key's claims; why a claim is in none goes to ``set_aside``."""
    claim_source = sources.credited
    by_value: dict[object, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_value[claim.value].append(claim)
    buckets = [_Bucket(v, tuple(cs)) for v, cs in sorted(by_value.items(), key=lambda kv: (-len(kv[1]), kv[1][0].id))]
    n = len(buckets)
    compatible = [[comparator.compatible(buckets[i], buckets[j]) for j in range(n)] for i in range(n)]
    conflict = [[comparator.conflict(buckets[i], buckets[j]) for j in range(n)] for i in range(n)]
    involved = [i for i in range(n) if any(conflict[i])]
    findings: list[Finding] = []
    if involved:
        groups: list[list[int]] = []
        for i in involved:
            home = next((g for g in groups if all(compatible[i][j] for j in g)), None)
            if home is None:
                groups.append([i])
            else:
                home.append(i)
        contradiction = _finding(rule, key, "contradiction", [_group(buckets, g, claim_source, comparator) for g in groups], sources)
        findings.append(contradiction)
        # A value that fits values on both sides ("more than 20" beside 23 and 47) backs
        # neither: it is in no group, and says why.
        for i in range(n):
            if i not in involved and any(compatible[i][j] for j in involved):
                for claim in buckets[i].claims:
                    set_aside.setdefault(claim.id, f"fits values on more than one side of contradiction {contradiction.id}, "
                                                   "so it supports none of them")
    # Values that conflict with nothing: agreement or single source, per compatible component.
    rest = [i for i in range(n) if i not in involved and not any(compatible[i][j] for j in involved)]
    for component in _components(rest, compatible):
        later = [j for i in component for j in range(n) if j not in component and comparator.superseded(buckets[i], buckets[j])]
        if rule.cumulative and later:
            newer = buckets[later[0]]
            for i in component:
                for claim in buckets[i].claims:
                    set_aside.setdefault(claim.id, f"an earlier count, replaced by {newer.claims[0].value.display()} "
                                                   f"({claim_source[newer.claims[0].id]}) reported later")
            continue
        group = _group(buckets, component, claim_source, comparator)
        kind = "agreement" if len(group.sources) >= 2 else "single_source"
        findings.append(_finding(rule, key, kind, [group], sources))
    return findings


def _components(indices: list[int], compatible: list[list[bool]]) -> list[list[int]]:
    remaining = list(indices)
    components = []
    while remaining:
        stack, component = [remaining.pop(0)], []
        while stack:
            i = stack.pop()
            component.append(i)
            linked = [j for j in remaining if compatible[i][j]]
            remaining = [j for j in remaining if j not in linked]
            stack.extend(linked)
        components.append(sorted(component))
    return components


def _group(
    buckets: list[_Bucket], indices: list[int], claim_source: Mapping[str, str], comparator: Comparator
) -> FindingGroup:
    claims = sorted((c for i in indices for c in buckets[i].claims), key=lambda c: (c.article, c.start, c.rule))
    best = min(indices, key=lambda i: (comparator.width(buckets[i].value), i))
    return FindingGroup(
        value=buckets[best].value.display(),  # type: ignore[attr-defined]
        claims=tuple(c.id for c in claims),
        articles=tuple(sorted({c.article for c in claims})),
        sources=tuple(sorted({claim_source[c.id] for c in claims})),
    )


@dataclass(frozen=True)
class _Sources:
    """The source each claim counts as, and, for a sentence crediting another source,
    the source of the article it appears in."""

    credited: Mapping[str, str]
    citing: Mapping[str, str]

    def shown(self, group: FindingGroup) -> str:
        """The group's sources for a message: one known only through another article
        is named with it ("Reuters, as cited by Deutsche Welle")."""
        names = []
        for source in group.sources:
            claims = [cid for cid in group.claims if self.credited[cid] == source]
            if claims and all(cid in self.citing for cid in claims):
                names.append(f"{source}, as cited by {', '.join(sorted({self.citing[cid] for cid in claims}))}")
            else:
                names.append(source)
        return "; ".join(names) if any("as cited by" in n for n in names) else ", ".join(names)


def _finding(rule: Rule, key: str, kind: str, groups: list[FindingGroup], sources: _Sources) -> Finding:
    values = sorted(g.value for g in groups)
    fingerprint = hashlib.sha1("\x1f".join([rule.id, rule.type, key, kind, *values]).encode()).hexdigest()[:16]
    # Best-supported side first, in the message as in the groups.
    ordered = sorted(groups, key=lambda g: (-len(g.sources), g.value))
    return Finding(
        id=fingerprint,
        kind=kind,
        rule=rule.id,
        type=rule.type,
        key=key,
        severity=rule.severity[kind],
        message=_message(rule, key, kind, ordered, sources),
        groups=tuple(ordered),
    )


def _message(rule: Rule, key: str, kind: str, groups: list[FindingGroup], sources: _Sources) -> str:
    subject = f"{rule.type} ({key})"
    if kind == "contradiction":
        sides = " vs ".join(f"{g.value} ({sources.shown(g)})" for g in groups)
        return f"Sources disagree on {subject}: {sides}."
    group = groups[0]
    if kind == "agreement":
        return f"{len(group.sources)} independent sources agree on {subject}: {group.value} ({sources.shown(group)})."
    shown = sources.shown(group)
    return f"Only {shown}{',' if 'as cited by' in shown else ''} reports {subject}: {group.value}."
