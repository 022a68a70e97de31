"""End-to-end comparison on small corpora written for each situation.

Each test builds a corpus of a few articles, runs extraction and comparison with the
shipped rules, and asserts the exact findings: kind, claim type, key, values, sources.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

import pytest

from checker.explain import explain
from checker.independence import attributed_source
from checker.model import Article, Report, line_starts_of
from checker.pipeline import check
from checker.rules.loader import load_rules
from tests.conftest import RULES

RULESET = load_rules(RULES)


def corpus(*items: tuple[str, str | None, str]) -> list[Article]:
    """Articles from (source, published ISO date or None, text); ids a1, a2, ..."""
    return [
        Article(
            id=f"a{i}",
            path=f"a{i}.md",
            source=source,
            published=dt.date.fromisoformat(published) if published else None,
            text=text,
            line_starts=line_starts_of(text),
        )
        for i, (source, published, text) in enumerate(items, start=1)
    ]


def findings(report: Report, types: Iterable[str] | None = None) -> list[tuple[str, str, str, list[str], list[list[str]]]]:
    wanted = set(types) if types else None
    return [
        (f.kind, f.type, f.key, [g.value for g in f.groups], [list(g.sources) for g in f.groups])
        for f in report.findings
        if wanted is None or f.type in wanted
    ]


def test_count_mismatch_is_one_contradiction() -> None:
    report = check(
        corpus(
            ("Wire A", "2025-05-02", "Kenya and Tanzania signed 12 agreements during the state visit to Tanzania."),
            ("Paper B", "2025-05-02", "During the state visit to Tanzania, Kenya and Tanzania signed 14 agreements."),
        ),
        RULESET,
    )
    assert findings(report) == [
        ("contradiction", "agreements.signed", "Kenya–Tanzania / in Tanzania", ["12", "14"], [["Wire A"], ["Paper B"]])
    ]
    assert report.findings[0].severity == "error"


def test_weekday_against_a_date_it_does_not_fall_on() -> None:
    # 2025-05-06 is a Tuesday; the undated article says Wednesday.
    report = check(
        corpus(
            ("Wire A", None, "President Ruto held talks with the Tanzanian president in Nairobi on Wednesday."),
            ("Paper B", "2025-05-07", "President Ruto held talks with the Tanzanian president in Nairobi on May 6, 2025."),
        ),
        RULESET,
    )
    assert findings(report) == [("contradiction", "meeting.date", "in Kenya", ["2025-05-06", "Wed"], [["Paper B"], ["Wire A"]])]


def test_a_date_after_since_is_not_the_talks_date() -> None:
    # "since 2019" and "since March" say when the last meeting was, not when these talks
    # were; a "since" that opens a clause hides a date of its own, so that sentence says nothing.
    report = check(
        corpus(
            ("Wire A", "2025-05-08", "Ruto held talks with the Tanzanian president in Nairobi on Tuesday, their first meeting since 2019."),
            ("Paper B", "2025-05-07", "Ruto held talks with the Tanzanian president in Nairobi on May 6, 2025, the first since March."),
            ("Radio C", "2025-05-07", "Ruto held talks with the Tanzanian president in Nairobi, the first since the two signed a deal in 2019."),
        ),
        RULESET,
    )
    assert findings(report, ["meeting.date"]) == [
        ("agreement", "meeting.date", "in Kenya", ["2025-05-06"], [["Paper B", "Wire A"]])
    ]


def test_weekday_agrees_with_the_date_it_falls_on() -> None:
    report = check(
        corpus(
            ("Wire A", None, "President Ruto held talks with the Tanzanian president in Nairobi on Tuesday."),
            ("Paper B", "2025-05-07", "President Ruto held talks with the Tanzanian president in Nairobi on May 6, 2025."),
        ),
        RULESET,
    )
    assert findings(report) == [("agreement", "meeting.date", "in Kenya", ["2025-05-06"], [["Paper B", "Wire A"]])]


def test_month_without_a_year_agrees_with_a_dated_day_in_it() -> None:
    # The undated article cannot say which November; any November holds Nov. 14, 2024.
    report = check(
        corpus(
            ("Wire A", None, "President Boluarte held talks with the Chilean president in Lima in November."),
            ("Paper B", "2024-11-15", "President Boluarte held talks with the Chilean president in Lima on Nov. 14, 2024."),
        ),
        RULESET,
    )
    assert findings(report) == [("agreement", "meeting.date", "in Peru", ["2024-11-14"], [["Paper B", "Wire A"]])]


def test_day_without_a_year_against_another_day() -> None:
    report = check(
        corpus(
            ("Wire A", None, "On March 3 President Boluarte held talks with the Chilean president in Lima."),
            ("Paper B", "2025-03-05", "President Boluarte held talks with the Chilean president in Lima on March 4, 2025."),
        ),
        RULESET,
    )
    assert findings(report) == [("contradiction", "meeting.date", "in Peru", ["2025-03-04", "Mar-03"], [["Paper B"], ["Wire A"]])]


def test_money_mismatch_same_currency() -> None:
    report = check(
        corpus(
            ("Paper A", None, "Trade between India and Japan reached $22.8 billion in 2024."),
            ("Paper B", None, "Trade between India and Japan reached $25.1 billion in 2024."),
        ),
        RULESET,
    )
    assert findings(report) == [
        ("contradiction", "trade.value", "India–Japan / 2024-01-01..2024-12-31", ["USD 22.8 billion", "USD 25.1 billion"], [["Paper A"], ["Paper B"]])
    ]


def test_percentage_mismatch() -> None:
    report = check(
        corpus(
            ("Paper A", None, "Trade between India and Japan grew 4.2 percent in 2024."),
            ("Paper B", None, "Trade between India and Japan grew 6% in 2024."),
        ),
        RULESET,
    )
    assert findings(report) == [
        ("contradiction", "trade.growth", "India–Japan / 2024-01-01..2024-12-31", ["4.2%", "6%"], [["Paper A"], ["Paper B"]])
    ]


def test_visa_policy_mismatch() -> None:
    report = check(
        corpus(
            ("Paper A", None, "Japanese citizens can now enter India visa-free, India and Japan said."),
            ("Paper B", None, "Japanese citizens still need a visa to enter India, India and Japan said."),
        ),
        RULESET,
    )
    assert findings(report) == [
        ("contradiction", "visa.policy", "Japan → India", ["visa_free", "visa_required"], [["Paper A"], ["Paper B"]])
    ]


def test_visa_policies_in_opposite_directions_are_not_compared() -> None:
    # Koreans may enter China without a visa; Chinese still need one for Korea: no conflict.
    report = check(
        corpus(
            ("Paper A", None, "South Koreans can now visit China visa-free, Seoul and Beijing said."),
            ("Paper B", None, "Chinese citizens still need a visa to enter South Korea, Seoul and Beijing said."),
        ),
        RULESET,
    )
    assert findings(report, ["visa.policy"]) == [
        ("single_source", "visa.policy", "China → South Korea", ["visa_required"], [["Paper B"]]),
        ("single_source", "visa.policy", "South Korea → China", ["visa_free"], [["Paper A"]]),
    ]


def test_a_group_named_apart_from_a_visa_policy_is_not_its_group() -> None:
    # Paper A's waiver is not the workers' (they are named past a comma, after it), and
    # Paper B's visa is not the students' (named before "but"): neither is keyed to a
    # group, so neither is compared with Paper C's rule for student visas. Paper C's
    # and Paper D's groups stand with their policies (a list's commas and a relative
    # clause part nothing).
    report = check(
        corpus(
            ("Paper A", None, "Although Koreans do not need a visa to visit Poland for up to 90 days, "
                              "the engineers need Polish work permits, Poland and Korea said."),
            ("Paper B", None, "Many Korean residents of Warsaw are students, but Koreans need a visa to visit "
                              "Poland, Poland and Korea said."),
            ("Paper C", None, "Korean students need a visa to study in Poland, Poland and Korea said."),
            ("Paper D", None, "The two governments signed a visa exemption agreement for holders of diplomatic, "
                              "special and service passports, which takes effect in May, Poland and Korea said."),
        ),
        RULESET,
    )
    keyed = {(c.article, c.key) for c in report.claims if c.type == "visa.policy"}
    assert keyed == {("a1", None), ("a2", None), ("a3", "South Korea → Poland, students"),
                     ("a4", "Poland ↔ South Korea, diplomats and official passports")}


def test_a_policy_both_ways_is_compared_with_each_one_way_policy() -> None:
    # "Mutual" visa-free travel says Chinese need no visa for Korea: Paper B says they
    # do. It also says Koreans need none for China, as Paper C does.
    report = check(
        corpus(
            ("Paper A", None, "China and South Korea agreed mutual visa-free travel for each other's citizens."),
            ("Paper B", None, "Chinese citizens still need a visa to enter South Korea, Seoul said."),
            ("Paper C", None, "South Koreans can now visit China visa-free, Beijing said."),
        ),
        RULESET,
    )
    assert findings(report, ["visa.policy"]) == [
        ("contradiction", "visa.policy", "China → South Korea", ["visa_free", "visa_required"], [["Paper A"], ["Paper B"]]),
        ("single_source", "visa.policy", "China ↔ South Korea", ["visa_free"], [["Paper A"]]),
        ("agreement", "visa.policy", "South Korea → China", ["visa_free"], [["Paper A", "Paper C"]]),
    ]


def test_a_policy_both_ways_alone_is_one_finding() -> None:
    report = check(
        corpus(
            ("Paper A", None, "China and South Korea agreed mutual visa-free travel for each other's citizens."),
            ("Paper B", None, "China and South Korea waived visas for each other's citizens."),
        ),
        RULESET,
    )
    assert findings(report, ["visa.policy"]) == [
        ("agreement", "visa.policy", "China ↔ South Korea", ["visa_free"], [["Paper A", "Paper B"]]),
    ]


def test_hedged_figures_that_overlap_are_not_a_contradiction() -> None:
    report = check(
        corpus(
            ("Paper A", None, "A delegation of about 200 business leaders joined the state visit to Japan."),
            ("Paper B", None, "A delegation of nearly 200 business leaders joined the state visit to Japan."),
        ),
        RULESET,
    )
    [(kind, claim_type, key, _values, sources)] = findings(report)
    assert (kind, claim_type, key, sources) == ("agreement", "delegation.size", "in Japan / business", [["Paper A", "Paper B"]])


def test_two_events_are_not_compared() -> None:
    report = check(
        corpus(
            ("Wire A", "2025-05-07", "President Ruto held talks with the Tanzanian president in Nairobi on May 6, 2025."),
            ("Paper B", "2025-08-12", "President Ruto held talks with the Tanzanian president in Dodoma on August 11, 2025."),
        ),
        RULESET,
    )
    assert findings(report) == [
        ("single_source", "meeting.date", "in Kenya", ["2025-05-06"], [["Wire A"]]),
        ("single_source", "meeting.date", "in Tanzania", ["2025-08-11"], [["Paper B"]]),
    ]


@pytest.mark.parametrize("other", [
    "Ruto and the Tanzanian president last met in Nairobi on April 28, 2025, at a regional summit.",
    "The Tanzanian president will pay a three-day return visit to Nairobi in the autumn.",
    "The two leaders plan to meet in Nairobi for a two-day trip next year.",
])
def test_another_visit_at_the_same_place_is_not_this_visit(other: str) -> None:
    # The place names where, not when: another visit of the same leaders to Nairobi would
    # otherwise share this visit's key and contradict its date or length.
    report = check(
        corpus(
            ("Wire A", "2025-05-08", "Ruto held talks with the Tanzanian president in Nairobi on May 6, 2025, during a four-day visit to Kenya."),
            ("Paper B", "2025-05-08", other),
        ),
        RULESET,
    )
    assert [f for f in findings(report) if f[0] == "contradiction"] == []


def test_the_articles_pair_named_together_beside_a_third_country() -> None:
    # The third country stands in another clause: the figures are Canada and Mexico's.
    report = check(
        corpus(
            ("Wire A", "2026-09-17", "The leaders of Canada and Mexico held talks in Mexico City on Thursday. "
                                     "Canada and Mexico signed 14 agreements in Mexico City, as both brace for "
                                     "talks with the United States."),
            ("Paper B", "2026-09-17", "Canada and Mexico signed 12 agreements during the visit to Mexico."),
        ),
        RULESET,
    )
    assert findings(report, ["agreements.signed"]) == [
        ("contradiction", "agreements.signed", "Canada–Mexico / in Mexico", ["12", "14"], [["Paper B"], ["Wire A"]])
    ]


LEVANT = ("King Abdullah of Jordan held talks with South Korea's president in Seoul. Jordan and South Korea signed "
          "five agreements. Two-way trade stood at $1.4 billion last year, which sounds respectable until one "
          "remembers that Jordan's trade with China tops $5 billion")


def test_a_figure_whose_clause_names_no_country_is_the_articles_pair() -> None:
    # The third country, and the pair's own names, stand in later clauses only.
    report = check(
        corpus(
            ("Review A", "2025-11-24", LEVANT + ", and that most of what Korea sells to Jordan is cars."),
            ("Wire B", "2025-11-18", "Trade between Jordan and South Korea amounted to $1.02 billion last year."),
        ),
        RULESET,
    )
    assert findings(report, ["trade.value"]) == [
        ("contradiction", "trade.value", "Jordan–South Korea / 2024-01-01..2024-12-31",
         ["USD 1.02 billion", "USD 1.4 billion"], [["Wire B"], ["Review A"]])
    ]


def test_a_figure_whose_clause_names_no_country_is_not_another_pairs() -> None:
    # Only Jordan and China are named in the sentence, in another clause than the
    # $1.4 billion: it is not their trade, which the $5 billion is.
    report = check(corpus(("Review A", "2025-11-24", LEVANT + ".")), RULESET)
    claims = {c.text: (c.key, c.note) for c in report.claims if c.type == "trade.value"}
    assert claims["$5 billion"][0] == "China–Jordan / 2024-01-01..2024-12-31"
    assert claims["$1.4 billion"][0] is None and "names no country" in claims["$1.4 billion"][1]
    assert [f for f in findings(report, ["trade.value"]) if f[0] == "contradiction"] == []


def test_a_figure_sharing_its_clause_with_a_third_country_is_not_the_pairs() -> None:
    report = check(
        corpus(
            ("Wire A", "2026-06-19", "Trade between Japan and South Korea was $77 billion in 2025, dwarfed by "
                                     "Japan's $300 billion in trade with China in 2025."),
            ("Paper B", "2026-06-19", "Trade between Japan and South Korea reached $77 billion in 2025."),
        ),
        RULESET,
    )
    assert [f for f in findings(report, ["trade.value"]) if f[0] == "contradiction"] == []


ANDES = ("Chile's president held talks with South Korea's president in Seoul on Monday. Chile and South Korea "
         "signed nine agreements. Trade between Chile and South Korea reached $7.9 billion in 2025. ")


@pytest.mark.parametrize("sentence", [
    # An aside set off by commas does not free the figure from the pair before it.
    "Chile's trade with China, its largest partner by far, topped $60 billion in 2025, while Korea's trade with "
    "Chile's neighbour Peru was about $4 billion.",
    "Trade between China and Chile, watched closely by Korea and Peru, came to $60 billion in 2025.",
    "Chile watches the EU, which is Korea's third-largest trading partner, with $60 billion of trade in 2025.",
])
def test_a_figure_after_another_pairs_trade_is_not_the_articles_pair(sentence: str) -> None:
    report = check(corpus(("Herald A", "2026-06-16", ANDES + sentence)), RULESET)
    keys = {c.text: (c.key, c.note) for c in report.claims if c.type == "trade.value"}
    assert keys["$7.9 billion"][0] == "Chile–South Korea / 2025-01-01..2025-12-31"
    assert keys["$60 billion"][0] is None and "trade relation of" in keys["$60 billion"][1], keys
    assert [f for f in findings(report, ["trade.value"]) if f[0] == "contradiction"] == []


def test_a_figure_after_the_articles_pairs_trade_is_theirs_beside_other_countries() -> None:
    report = check(
        corpus(
            ("Herald A", "2026-06-16", ANDES),
            ("Review B", "2026-06-17", "Chile's president ended a state visit to South Korea. Chile's trade with "
                                       "South Korea, which Peru and China watch closely, reached $9.5 billion in 2025."),
        ),
        RULESET,
    )
    assert findings(report, ["trade.value"]) == [
        ("contradiction", "trade.value", "Chile–South Korea / 2025-01-01..2025-12-31",
         ["USD 7.9 billion", "USD 9.5 billion"], [["Herald A"], ["Review B"]])
    ]


@pytest.mark.parametrize("first, second", [
    # Growth from a base four years back is not the year's growth.
    ("Trade between Turkey and Azerbaijan grew 9 percent in 2025 from 2024.",
     "Trade between Turkey and Azerbaijan was up 55 percent in 2025 from 2021."),
    # The leaders' previous state visit to the same city.
    ("China and Kazakhstan signed 23 agreements in Beijing on Tuesday.",
     "China and Kazakhstan signed 47 agreements during Tokayev's previous state visit to Beijing."),
    # Agreements still to be signed.
    ("Turkey and Azerbaijan signed 14 agreements in Baku on Monday.",
     "Turkey and Azerbaijan will sign a further 10 agreements in Baku next year."),
    # Earlier visits told without "previous" or "last".
    ("Brazil and China signed 9 agreements in Beijing on Tuesday during Lula's state visit to China.",
     "Lula first travelled to China in May 2004; he returned in 2009 and again in April 2023, when Brazil and "
     "China signed 15 agreements."),
    # A correction's withdrawn figure.
    ("Canada and Mexico signed nine agreements in Mexico City on Friday.",
     "Correction: an earlier version of this article said Canada and Mexico signed 12 agreements in Mexico City."),
    # The day something was said, and a meeting with others on the day of going home.
    ("Xi held talks with Lee in Seoul on Wednesday.",
     "South Korea will let Chinese tourists stay visa-free in Seoul, the government said Thursday, a day after "
     "Lee held talks with Xi."),
    ("Anwar held talks with Tokayev in Astana on Tuesday.",
     "Anwar is also expected to meet Malaysian students in Astana before returning home on Wednesday."),
    # A tour of several countries, longer than the visit.
    ("Xi arrived in Hanoi for a two-day state visit to Vietnam.",
     "In Hanoi, Xi spoke on the second leg of a five-day Southeast Asian tour."),
    # A denial, and an anniversary still to come.
    ("Indian nationals need a visa to enter the United Kingdom.",
     "There is no new visa-free access for Indians to the United Kingdom."),
    ("China and Thailand have had 48 years of diplomatic relations.",
     "China and Thailand will mark 50 years of diplomatic relations next year."),
    # An earlier visit told by its year, with or without a word for "earlier".
    ("Suluhu arrived in Oslo for a three-day state visit to Norway on Tuesday.",
     "The last Tanzanian presidential visit to Norway was in 2009, when Kikwete made a two-day official visit."),
    ("Qatar and Pakistan signed seven agreements in Islamabad on Monday.",
     "In Islamabad, officials recalled that Pakistan buys gas from Qatar under two contracts signed in 2016."),
    # A fiscal year is not the calendar year of its number.
    ("Trade between India and Japan reached $22.8 billion in 2024.",
     "Trade between India and Japan reached $25.4 billion in fiscal year 2024, the ministry said."),
    ("Trade between India and Japan reached $22.8 billion in 2024.",
     "Trade between India and Japan reached $25.4 billion in the 2024 financial year."),
    # A business delegation is part of the whole party.
    ("Luxon arrived in Bangkok for his visit to Thailand with a business delegation of about 30 chief executives.",
     "Luxon arrived in Bangkok for his visit to Thailand with a delegation of more than 50 persons, comprising "
     "ministers, senior officials and business representatives."),
    # The next leg of the trip.
    ("Luxon held talks in Bangkok on Tuesday, on a three-day visit to Thailand.",
     "Luxon held talks in Bangkok on Tuesday. He travels on to Singapore on Thursday for a two-day visit."),
    # One country's trade with a region, in an article about the pair.
    ("Trade between Kazakhstan and Malaysia reached $520 million in 2024.",
     "Kazakhstan and Malaysia held talks in Kazakhstan. Malaysia's trade with the whole of Central Asia reached "
     "$2 billion in 2024."),
])
def test_traps_of_other_periods_visits_and_plans(first: str, second: str) -> None:
    report = check(corpus(("Wire A", "2026-02-10", first), ("Paper B", "2026-02-10", second)), RULESET)
    assert [f for f in findings(report) if f[0] == "contradiction"] == []


def test_the_leaders_first_meeting_is_another_occasion() -> None:
    report = check(corpus(
        ("Wire A", "2026-10-09", "Milei and Kast held talks at the Casa Rosada in Buenos Aires on Wednesday."),
        ("Paper B", "2026-10-09", "Kast flew home after talks in Buenos Aires. The leaders have met twice this year, "
                                  "after their first encounter in December."),
    ), RULESET)
    assert [f for f in findings(report) if f[0] == "contradiction"] == []
    december = next(c for c in report.claims if c.type == "meeting.date" and c.article == "a2")
    assert (december.key, december.note) == (None, "sentence refers to another visit or meeting")


def test_the_same_period_a_year_before_is_the_base_of_a_change() -> None:
    report = check(corpus(
        ("Wire A", "2025-11-20", "Two-way trade between Vietnam and Norway in the first ten months of 2025 reached "
                                 "$640 million, up 12 percent over the same period last year."),
        ("Paper B", "2025-11-20", "Trade between Vietnam and Norway rose 21% in the first ten months of 2025."),
    ), RULESET)
    assert findings(report, ["trade.growth"]) == [
        ("contradiction", "trade.growth", "Norway–Vietnam / 2025-01-01..2025-10-31", ["12%", "21%"], [["Wire A"], ["Paper B"]])]


def test_two_periods_are_not_compared() -> None:
    report = check(
        corpus(
            ("Paper A", None, "Trade between India and Japan reached $22.8 billion in 2024."),
            ("Paper B", None, "Trade between India and Japan reached $21 billion in the first half of 2024."),
        ),
        RULESET,
    )
    assert [f[2] for f in findings(report)] == [
        "India–Japan / 2024-01-01..2024-06-30",
        "India–Japan / 2024-01-01..2024-12-31",
    ]
    assert {f[0] for f in findings(report)} == {"single_source"}


def test_cumulative_count_grows_over_time() -> None:
    report = check(
        corpus(
            ("Paper A", "2025-03-01", "The talks in Paris were the first meeting between the French and German leaders."),
            ("Paper B", "2025-09-01", "The French and German leaders have met twice, France and Germany said."),
            ("Paper C", "2025-09-03", "Leaders of France and Germany have met twice this year."),
        ),
        RULESET,
    )
    assert findings(report, ["meeting.count"]) == [("agreement", "meeting.count", "France–Germany", ["2"], [["Paper B", "Paper C"]])]


def test_cumulative_count_that_shrinks_is_a_contradiction() -> None:
    report = check(
        corpus(
            ("Paper A", "2025-09-01", "The leaders of France and Germany have met three times."),
            ("Paper B", "2025-09-05", "The leaders of France and Germany have met twice."),
        ),
        RULESET,
    )
    assert findings(report) == [("contradiction", "meeting.count", "France–Germany", ["2", "3"], [["Paper B"], ["Paper A"]])]


@pytest.mark.parametrize("later, kind", [
    # Four days on, "their third meeting" ranks the same talks: no update.
    ("2025-09-05", "contradiction"),
    # Two months on, a third meeting may well have taken place.
    ("2025-11-01", None),
])
def test_a_larger_count_reported_days_later_is_no_update(later: str, kind: str | None) -> None:
    report = check(corpus(
        ("Paper A", "2025-09-01", "The talks in Paris were the second meeting between the French and German leaders."),
        ("Paper B", later, "The talks were their third meeting, France and Germany said."),
    ), RULESET)
    assert [f[0] for f in findings(report, ["meeting.count"]) if f[0] == "contradiction"] == ([kind] if kind else [])


def test_a_count_over_a_stretch_of_time_is_a_floor() -> None:
    # "the first meeting this year" does not say they never met before; "six times
    # since 2023" does say they met at least six times.
    report = check(
        corpus(
            ("Paper A", "2025-09-01", "It was the first meeting this year between the leaders of France and Germany."),
            ("Paper B", "2025-09-02", "The leaders of France and Germany held their fifth summit in Paris."),
            ("Paper C", "2025-09-03", "The leaders of Chile and Peru have met six times since 2023, Chile and Peru said."),
            ("Paper D", "2025-09-04", "It was the fourth meeting between the leaders of Chile and Peru."),
        ),
        RULESET,
    )
    assert findings(report, ["meeting.count"]) == [
        ("contradiction", "meeting.count", "Chile–Peru", ["4", "[6, ∞)"], [["Paper D"], ["Paper C"]]),
        ("agreement", "meeting.count", "France–Germany", ["5"], [["Paper A", "Paper B"]]),
    ]


WIRE = (
    "Kenya and Tanzania signed 12 agreements during the state visit to Tanzania, officials said on Tuesday. "
    "The agreements cover energy, transport, health and trade, and the two presidents pledged to meet again. "
    "Analysts in Nairobi and Dodoma said the deals could lift cross-border commerce in the coming years."
)


def test_wire_copy_counts_once() -> None:
    report = check(
        corpus(
            ("Wire Service", "2025-05-02", WIRE),
            ("Local Daily", "2025-05-03", WIRE + " Local traders welcomed the news."),
        ),
        RULESET,
    )
    assert report.duplicate_of == {"a2": "a1"}
    assert findings(report) == [("single_source", "agreements.signed", "Kenya–Tanzania / in Tanzania", ["12"], [["Wire Service"]])]


def test_attributed_sentence_counts_as_its_source() -> None:
    report = check(
        corpus(
            ("Wire Service", "2025-05-02", "Kenya and Tanzania signed 12 agreements during the state visit to Tanzania."),
            ("Local Daily", "2025-05-03", "Kenya and Tanzania signed 12 agreements during the state visit to Tanzania, Wire Service reported."),
        ),
        RULESET,
    )
    assert findings(report) == [("single_source", "agreements.signed", "Kenya–Tanzania / in Tanzania", ["12"], [["Wire Service"]])]
    assert report.findings[0].message == "Only Wire Service reports agreements.signed (Kenya–Tanzania / in Tanzania): 12."


def test_a_source_known_only_through_another_article_is_named_with_it() -> None:
    # Local Daily says Wire Service reported 14; Wire Service itself says 12.
    report = check(
        corpus(
            ("Wire Service", "2025-05-02", "Kenya and Tanzania signed 12 agreements during the state visit to Tanzania."),
            ("Local Daily", "2025-05-03", "Kenya and Tanzania signed 14 agreements during the state visit to Tanzania, Wire Service reported."),
        ),
        RULESET,
    )
    assert findings(report) == [
        ("contradiction", "agreements.signed", "Kenya–Tanzania / in Tanzania", ["12", "14"], [["Wire Service"], ["Wire Service"]])
    ]
    assert report.findings[0].message == (
        "Sources disagree on agreements.signed (Kenya–Tanzania / in Tanzania): "
        "12 (Wire Service) vs 14 (Wire Service, as cited by Local Daily)."
    )
    cited = "Kenya and Tanzania signed 14 agreements during the state visit to Tanzania, according to Wire Service."
    alone = check(
        corpus(("Local Daily", "2025-05-03", cited), ("Wire Service", "2025-05-02", "The state visit to Tanzania ended.")),
        RULESET,
    )
    assert [f.message for f in alone.findings if f.type == "agreements.signed"] == [
        "Only Wire Service, as cited by Local Daily, reports agreements.signed (Kenya–Tanzania / in Tanzania): 14."
    ]


def test_two_currencies_with_a_rate_are_compared() -> None:
    # The shipped rate is 0.139 USD per yuan with 5 % tolerance: 2.2 trillion yuan is
    # $290-321 billion, so $308 billion agrees and $250 billion does not.
    agree = check(
        corpus(
            ("Paper A", None, "Trade between China and Japan totaled 2.2 trillion yuan in 2024."),
            ("Paper B", None, "Trade between China and Japan totaled $308 billion in 2024."),
        ),
        RULESET,
    )
    assert [f[0] for f in findings(agree)] == ["agreement"]
    disagree = check(
        corpus(
            ("Paper A", None, "Trade between China and Japan totaled 2.2 trillion yuan in 2024."),
            ("Paper B", None, "Trade between China and Japan totaled $250 billion in 2024."),
        ),
        RULESET,
    )
    assert [f[0] for f in findings(disagree)] == ["contradiction"]


def test_two_currencies_without_a_rate_are_not_compared() -> None:
    report = check(
        corpus(
            ("Paper A", None, "Trade between Kenya and Tanzania totaled KES 400 billion in 2024."),
            ("Paper B", None, "Trade between Kenya and Tanzania totaled $1.2 billion in 2024."),
        ),
        RULESET,
    )
    assert sorted(f[0] for f in findings(report)) == ["single_source", "single_source"]


def test_growth_against_a_base_year_and_a_rounded_figure() -> None:
    # "from 2024" is the year compared with; "3 percent" is 3.1 percent rounded.
    report = check(
        corpus(
            ("Wire A", None, "Trade between Germany and Brazil totalled 21.5 billion euros in 2025, up 3.1% from 2024."),
            ("Paper B", None, "Brazil-Germany trade grew 3 percent in 2025, official data showed."),
        ),
        RULESET,
    )
    assert findings(report, ["trade.growth"]) == [
        ("agreement", "trade.growth", "Brazil–Germany / 2025-01-01..2025-12-31", ["3.1%"], [["Paper B", "Wire A"]])
    ]


@pytest.mark.parametrize(
    "quote",
    [
        "The two sides signed 12 deals, Xinhua reported.",
        "Xinhua reports that 12 deals were signed.",
        "Twelve deals were signed, according to Xinhua.",
        "Twelve deals were signed, as reported by Xinhua.",
        "Citing Xinhua, the paper said 12 deals were signed.",
        "The figure, cited by Xinhua, was 12.",
        "Xinhua said in a report that 12 deals were signed.",
    ],
)
def test_every_attribution_wording_credits_the_source(quote: str) -> None:
    assert attributed_source(quote, "Daily Paper", ["Daily Paper", "Xinhua"]) == "Xinhua"


def test_a_sentence_without_attribution_credits_nobody() -> None:
    assert attributed_source("Xinhua and the Daily Paper covered the talks.", "Daily Paper", ["Daily Paper", "Xinhua"]) is None


@pytest.mark.parametrize("second", [
    "Trade between Kazakhstan and Malaysia amounted to $740 million last year, and has tripled since 2019.",
    "Trade between Kazakhstan and Malaysia reached $740 million last year, up 40% since 2021.",
])
def test_a_change_since_a_year_leaves_the_figure_its_own_period(second: str) -> None:
    # "since 2019" dates the start of a change, not the figure: the figure is last year's.
    report = check(
        corpus(("Wire A", "2025-05-08", "Trade between Kazakhstan and Malaysia reached $520 million in 2024."),
               ("Paper B", "2025-05-08", second)),
        RULESET,
    )
    assert findings(report, ["trade.value"]) == [
        ("contradiction", "trade.value", "Kazakhstan–Malaysia / 2024-01-01..2024-12-31",
         ["USD 520 million", "USD 740 million"], [["Wire A"], ["Paper B"]])
    ]


def test_a_total_since_a_year_is_no_years_figure() -> None:
    # A guard for the test above: a total since 2019 must not become 2024's figure.
    report = check(
        corpus(("Wire A", "2025-05-08", "Trade between Kazakhstan and Malaysia reached $520 million in 2024."),
               ("Paper B", "2025-05-08", "Trade between Kazakhstan and Malaysia since 2019 has totalled $2 billion, "
                                         "officials said in 2024.")),
        RULESET,
    )
    assert [f[0] for f in findings(report, ["trade.value"])] == ["single_source"]


def test_a_claim_fitting_both_sides_of_a_contradiction_says_why_it_is_in_neither() -> None:
    report = check(
        corpus(
            ("Wire A", "2025-05-02", "Kenya and Tanzania signed 23 agreements during the state visit to Tanzania."),
            ("Paper B", "2025-05-02", "Kenya and Tanzania signed 47 agreements during the state visit to Tanzania."),
            ("Radio C", "2025-05-02", "Kenya and Tanzania signed more than 20 agreements during the state visit to Tanzania."),
        ),
        RULESET,
    )
    [contradiction] = report.findings
    assert [g.value for g in contradiction.groups] == ["23", "47"]
    [hedged] = [c for c in report.claims if c.text == "more than 20"]
    assert hedged.note == (f"fits values on more than one side of contradiction {contradiction.id}, "
                           "so it supports none of them")
    assert explain(report, RULESET, hedged.id).splitlines()[-1] == f"  grouped:  in no finding: {hedged.note}"


def test_an_earlier_count_replaced_by_a_later_one_says_by_what() -> None:
    report = check(
        corpus(
            ("Daily A", "2025-03-01", "It was the first meeting between the French and German leaders."),
            ("Daily B", "2025-09-01", "The French and German leaders have met three times, France and Germany said."),
        ),
        RULESET,
    )
    assert findings(report) == [("single_source", "meeting.count", "France–Germany", ["3"], [["Daily B"]])]
    [first] = [c for c in report.claims if c.text == "first"]
    assert first.note == "an earlier count, replaced by 3 (Daily B) reported later"


@pytest.mark.parametrize("sentence, count", [
    ("In the presence of the two presidents, eight agreements were signed in Buenos Aires by Argentina and Italy.", "8"),
    # A speaker's correction: the figure after it stands next to the documents.
    ("In Buenos Aires, Argentina and Italy signed nine... sorry, seven agreements.", "7"),
])
def test_a_figure_parted_from_the_trigger_yields_to_one_beside_it(sentence: str, count: str) -> None:
    report = check(corpus(("Wire A", "2026-03-10", sentence)), RULESET)
    assert [(c.type, c.value.display()) for c in report.claims] == [("agreements.signed", count)]


def test_a_figure_parted_from_a_trigger_after_it_is_not_its_count() -> None:
    # "two" counts the leaders; the memorandums are among the five documents.
    report = check(corpus(("Wire A", "2026-06-17", "In Tokyo, five documents were signed by Japan and Morocco in the "
                                                   "presence of the two leaders, including memorandums on hydrogen.")),
                   RULESET)
    assert [(c.type, c.value.display()) for c in report.claims] == [("agreements.signed", "5")]


def test_two_figures_beside_the_trigger_still_make_no_claim() -> None:
    # Which of the two the documents count is unclear: no claim, not a guess.
    report = check(corpus(("Wire A", "2026-03-10", "Argentina and Italy signed 3 of 15 agreements in Buenos Aires.")),
                   RULESET)
    assert [c for c in report.claims if c.type == "agreements.signed"] == []


def test_firms_and_business_people_are_counted_apart() -> None:
    # 45 firms and 100 business leaders may both travel: no contradiction.
    report = check(
        corpus(
            ("Wire A", "2026-03-24", "Portugal's prime minister arrived in Hanoi for a visit to Vietnam with a business "
                                     "delegation of 45 companies."),
            ("Paper B", "2026-03-24", "On his visit to Vietnam, Portugal's prime minister is accompanied by 100 business "
                                      "leaders."),
        ),
        RULESET,
    )
    assert [f for f in findings(report, ["delegation.size"]) if f[0] == "contradiction"] == []


@pytest.mark.parametrize("sentence, key", [
    # Another occasion told in a clause of its own dates that clause, not the delegation.
    ("The Moroccan premier welcomed the Chilean delegation of some 60 business leaders and recalled that "
     "the two countries first traded more than 200 years ago.", "in Morocco / business"),
    # Told in the figure's own clause, it leaves the figure's occasion unknown.
    ("Some 60 business leaders travelled with the Chilean delegation, as they did three years ago.", None),
])
def test_another_occasion_counts_only_in_the_figures_clause(sentence: str, key: str | None) -> None:
    report = check(corpus(("Wire A", "2026-03-24", "RABAT - Chile's president arrived in Rabat on a state visit to "
                                                   "Morocco. " + sentence)), RULESET)
    keys = [c.key for c in report.claims if c.type == "delegation.size"]
    assert keys == [key], [(c.key, c.note) for c in report.claims]
