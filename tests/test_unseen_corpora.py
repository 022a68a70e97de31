"""Five small stories written for this test, unlike the seed corpus in wording and
subject, with the findings a careful reader of them would list.

india-japan: five facts told differently (documents 11/12, delegation ~150/~200,
third/second meeting, Tuesday March 17 against an undated "Wednesday", a three- and a
four-day visit); a students-only visa exemption that is not the general visa policy.
brazil-germany: documents 8/9 and a three-/four-day visit conflict; the talks date, the
2025 trade figure (in euros, dollars, "€21.5bn") and its growth ("3.1% from 2024",
"3 percent") agree. kenya-ethiopia: no conflict; a count from a previous visit is not
compared with this visit's, and "$120 million in 2024, down from $135 million in 2023"
is keyed to 2024. australia-indonesia: a two- and a three-day visit conflict; the talks
date ("on Tuesday" and "received ... on Feb. 10"), the fourth meeting, nine documents,
the delegation ("about 120", "more than 100") and the 2025 trade figure and growth
(A$26 billion = US$17 billion, "about US$17 billion"; 4.2%) agree; "US$" names no
country; a visit announced for Tuesday is no talks date. france-nigeria: documents 7/8
conflict; "met ... on Wednesday" and "on Wednesday hosted" agree, as do 6.1 billion
euros and "about €6 billion"; "since 2018" is no talks date, "visas within 15 days" no
stay, and an article in French yields nothing. peru-chile: ranges of bare counts
("between 100 and 200", "between five and seven", "an estimated 300 to 350") agree with a
figure inside them (150, six) and contradict one outside (the delegation; nine documents).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.pipeline import check_paths
from tests.conftest import RULES

UNSEEN = Path(__file__).resolve().parent / "data" / "unseen"

# (kind, type, key) -> sources of each group, in the report's order.
EXPECTED = {
    "india-japan": {
        ("contradiction", "agreements.signed", "India–Japan / in Japan"): [["Kyodo", "NHK World"], ["The Hindu"]],
        ("contradiction", "delegation.size", "in Japan / business"): [["Kyodo", "NHK World"], ["The Hindu"]],
        ("contradiction", "meeting.count", "India–Japan"): [["The Hindu"], ["Kyodo"]],
        # Kyodo's "on Tuesday, their third meeting since October" is March 17 (not October).
        ("contradiction", "meeting.date", "in Japan"): [["Kyodo", "The Hindu"], ["NHK World"]],
        ("contradiction", "visit.length", "in Japan"): [["Kyodo"], ["The Hindu"]],
        ("single_source", "trade.value", "India–Japan / 2025-01-01..2025-12-31"): [["The Hindu"]],
        ("single_source", "visa.policy", "India → Japan"): [["The Hindu"]],
        # "will extend ... starting in April": a policy still to come, keyed apart.
        ("single_source", "visa.policy", "India → Japan, students / announced"): [["Kyodo"]],
        ("single_source", "relations.established", "India–Japan"): [["NHK World"]],
    },
    "brazil-germany": {
        ("contradiction", "agreements.signed", "Brazil–Germany / in Germany"): [["Reuters"], ["Agencia Brasil"]],
        ("contradiction", "visit.length", "in Germany"): [["Agencia Brasil"], ["Deutsche Welle"]],
        ("single_source", "delegation.size", "in Germany / business"): [["Agencia Brasil"]],
        # "The third meeting ... this year" (at least three) and "have met twice before".
        ("agreement", "meeting.count", "Brazil–Germany"): [["Agencia Brasil", "Deutsche Welle"]],
        ("single_source", "relations.duration", "Brazil–Germany"): [["Reuters"]],
        ("single_source", "relations.established", "Brazil–Germany"): [["Agencia Brasil"]],
        ("single_source", "visa.stay", "Brazil → Germany"): [["Deutsche Welle"]],
        # "Brazilians do not need a visa to visit Germany".
        ("single_source", "visa.policy", "Brazil → Germany"): [["Deutsche Welle"]],
        ("agreement", "meeting.date", "in Germany"): [["Agencia Brasil", "Reuters"]],
        ("agreement", "trade.growth", "Brazil–Germany / 2025-01-01..2025-12-31"): [["Agencia Brasil", "Reuters"]],
        ("agreement", "trade.value", "Brazil–Germany / 2025-01-01..2025-12-31"): [["Agencia Brasil", "Deutsche Welle", "Reuters"]],
    },
    "australia-indonesia": {
        ("contradiction", "visit.length", "in Indonesia"): [["The Guardian"], ["ABC News"]],
        ("single_source", "relations.duration", "Australia–Indonesia"): [["Jakarta Post"]],
        ("single_source", "relations.established", "Australia–Indonesia"): [["ABC News"]],
        ("agreement", "agreements.signed", "Australia–Indonesia / in Indonesia"): [["ABC News", "Jakarta Post"]],
        ("agreement", "delegation.size", "in Indonesia / business"): [["ABC News", "The Guardian"]],
        ("agreement", "meeting.count", "Australia–Indonesia"): [["ABC News", "Jakarta Post"]],
        ("agreement", "meeting.date", "in Indonesia"): [["ABC News", "Jakarta Post"]],
        ("agreement", "trade.growth", "Australia–Indonesia / 2025-01-01..2025-12-31"): [["ABC News", "Jakarta Post"]],
        ("agreement", "trade.value", "Australia–Indonesia / 2025-01-01..2025-12-31"): [["ABC News", "Jakarta Post"]],
    },
    "france-nigeria": {
        ("contradiction", "agreements.signed", "France–Nigeria / in Nigeria"): [["AFP"], ["Premium Times"]],
        # Premium Times' "delegation of about 60" is listed but not compared: its article
        # names Abuja once, with no cue that the visit took place there (a known limit).
        ("single_source", "delegation.size", "in Nigeria / business"): [["AFP"]],
        ("single_source", "trade.growth", "France–Nigeria / 2025-01-01..2025-12-31"): [["AFP"]],
        ("single_source", "visit.length", "in Nigeria"): [["AFP"]],
        ("agreement", "meeting.date", "in Nigeria"): [["AFP", "Premium Times"]],
        ("agreement", "trade.value", "France–Nigeria / 2025-01-01..2025-12-31"): [["AFP", "Premium Times"]],
    },
    "peru-chile": {
        ("contradiction", "agreements.signed", "Chile–Peru / in Chile"): [["El Mercurio", "La República"], ["Andina"]],
        ("contradiction", "delegation.size", "in Chile / business"): [["El Mercurio", "La República"], ["Andina"]],
        ("agreement", "meeting.date", "in Chile"): [["Andina", "El Mercurio"]],  # "Tuesday" is Nov. 11
    },
    "kenya-ethiopia": {
        ("single_source", "meeting.count", "Ethiopia–Kenya"): [["Nation Media"]],
        ("single_source", "meeting.date", "in Kenya"): [["Nation Media"]],
        ("single_source", "trade.value", "Ethiopia–Kenya / 2023-01-01..2023-12-31"): [["Addis Standard"]],
        ("single_source", "trade.value", "Ethiopia–Kenya / 2024-01-01..2024-12-31"): [["Nation Media"]],
        ("single_source", "visit.length", "in Kenya"): [["Addis Standard"]],
        ("agreement", "agreements.signed", "Ethiopia–Kenya / in Kenya"): [["Addis Standard", "Nation Media"]],
        ("agreement", "delegation.size", "in Kenya / business"): [["Addis Standard", "Nation Media"]],
    },
}


@pytest.mark.parametrize("story", sorted(EXPECTED))
def test_findings_on_a_story_the_rules_were_not_written_for(story: str) -> None:
    report = check_paths(UNSEEN / story, RULES, max_article_bytes=1_000_000)
    found = {(f.kind, f.type, f.key): [list(g.sources) for g in f.groups] for f in report.findings}
    assert found == EXPECTED[story]


def test_values_behind_the_contradictions() -> None:
    report = check_paths(UNSEEN / "india-japan", RULES, max_article_bytes=1_000_000)
    values = {f.type: [g.value for g in f.groups] for f in report.findings if f.kind == "contradiction"}
    assert values == {
        "agreements.signed": ["11", "12"],
        "delegation.size": ["[135, 150]", "[180, 220]"],  # "some 150", "nearly 150" / "around 200"
        "meeting.count": ["2", "[3, ∞)"],  # "second meeting" / "third meeting since October"
        "meeting.date": ["2026-03-17", "Wed"],  # March 17, 2026 was a Tuesday
        "visit.length": ["3 days", "4 days"],
    }


def test_message_names_the_sides_in_the_order_shown() -> None:
    report = check_paths(UNSEEN / "india-japan", RULES, max_article_bytes=1_000_000)
    (count,) = [f for f in report.findings if f.type == "meeting.count"]
    assert count.message == "Sources disagree on meeting.count (India–Japan): 2 (The Hindu) vs [3, ∞) (Kyodo)."
    assert [g.value for g in count.groups] == ["2", "[3, ∞)"]


# Six more stories, each with one or two real contradictions and traps that must yield
# none: a count from the leaders' last visit to the same city, a part of the trade (rice's
# share), exports beside total trade, the date of an earlier meeting in the same capital,
# a return visit still to come, targets, documents still to be signed. These are the
# contradictions a careful reader lists for them; the checker misses the others the
# reader listed, noted per story.
REAL_CONTRADICTIONS = {
    "vietnam-philippines": {("visit.length", "in Vietnam")},
    # "A dozen accords" (a third outlet) is read but not compared: that article names
    # neither the visit's place nor a dateline, only a venue ("National Palace").
    "canada-mexico": {("agreements.signed", "Canada–Mexico / in Mexico")},
    # Trade of $8.2 billion against "nearly $6 billion" is found: the investment that
    # the sentence also gives is in another clause ("..., while bilateral trade reached").
    # Missed: a two- against a three-day visit (the sentence of the three days also tells
    # of the leaders' last meeting, in Riyadh, and the article names Egypt and Saudi
    # Arabia as places alike: it is placed nowhere).
    "egypt-saudi": {("trade.value", "Egypt–Saudi Arabia / 2025-01-01..2025-12-31")},
    "poland-ukraine": {("visit.length", "in Poland")},
    "japan-korea": {("meeting.date", "in Japan")},
    "chile-argentina": {("trade.growth", "Argentina–Chile / 2025-01-01..2025-12-31")},
    # A second set, written after the fixes the first one prompted, with the same kinds
    # of trap: a previous state visit, documents still to sign, growth from 2021, a
    # summit in a series a year away, ranges, "100 or more", days joined by "and".
    "china-kazakhstan": {("trade.value", "China–Kazakhstan / 2025-01-01..2025-12-31")},
    # Missed: the "fifth" against the "4th intergovernmental summit", which numbers a
    # series of summits and is left unread rather than taken for a count of meetings.
    "italy-algeria": set(),
    "southafrica-nigeria": {("visit.length", "in South Africa")},
    "spain-morocco": {("trade.growth", "Morocco–Spain / 2025-01-01..2025-12-31")},
    # Missed: 14 documents against 12, as the sentence of the 12 also names the place
    # the president returned to ("returned to Ankara ... after a visit to Azerbaijan").
    "turkey-azerbaijan": set(),
    "uk-india": {("meeting.date", "in India")},
    # A third set, written to the same brief for a blind review, with new wordings of
    # the traps: a meeting with students before "returning home on Wednesday", "the
    # government said Thursday", a target "by 2027", a NATO post "from 2015 to 2018".
    "uzbekistan-italy": {("agreements.signed", "Italy–Uzbekistan / in Uzbekistan")},
    "ghana-germany": {("trade.growth", "Germany–Ghana / 2025-01-01..2025-12-31"), ("visit.length", "in Ghana")},
    # $520 million against $740 million: found since "has tripled since 2019" dates a
    # change, not the figure.
    "kazakhstan-malaysia": {("trade.value", "Kazakhstan–Malaysia / 2024-01-01..2024-12-31")},
    # Missed: a visa-free stay of 90 against 60 days ("will allow ... to stay", a policy
    # still to come, is not read). The "first" against the "third" summit, reported a
    # day apart, is found since counts reported within a week are no update.
    "mongolia-korea": {("meeting.count", "Mongolia–South Korea")},
    # Tuesday against Wednesday, and a delegation of around 40 against more than 90 firms:
    # found since seats of government (Malacañang) count as places. Firms are counted
    # apart from business people.
    "philippines-czechia": {("delegation.size", "in Philippines / companies"), ("meeting.date", "in Philippines")},
    # Missed: 50 against 40 years of relations ("the 40th anniversary of diplomatic ties"
    # is not read).
    "colombia-uae": set(),
    # A fourth set, for a second blind review. Before the fixes it prompted, these five
    # stories gave six false contradictions: a denied count of agreements, "another two
    # MoUs", deals between companies at a business forum, contracts "signed in 2016",
    # "had met twice before", "the first meeting on Sri Lankan soil", executives "part of
    # the official delegation", and a two-day visit of 2009.
    # A delegation of about 120 against more than 200, both of the whole party: found
    # since the state agency's report, datelined in Luanda, is placed by its "visit to
    # the Portuguese Republic" alone ("returned to Luanda" is the way home, no venue).
    "angola-portugal": {("delegation.size", "in Portugal / whole delegation")},
    "ecuador-spain": {("agreements.signed", "Ecuador–Spain / in Spain"), ("visit.length", "in Spain")},
    # No contradiction was written into this one.
    "maldives-sri-lanka": set(),
    # $3.1 billion against about $4.2 billion in FY2024-25: found since "FY2024-25" is
    # read as a period and "with Qatari LNG accounting for the bulk" (a part without a
    # figure) no longer vetoes the total. Missed: talks on Monday against Tuesday (the
    # Tuesday talks are not read as a meeting date).
    "qatar-pakistan": {("trade.value", "Pakistan–Qatar / 2024-01-01..2025-12-31")},
    # The "first" against the "third" bilateral meeting: found since counts reported
    # within a week of each other are no update of one another.
    "tanzania-norway": {("meeting.count", "Norway–Tanzania")},
    # The sixth story of that review, added once a business delegation of about 30 was
    # no longer set against a whole party of more than 50; also traps of a two-day visit
    # on the next leg of the trip and a reporters' credit line naming Wellington.
    "thailand-new-zealand": {("agreements.signed", "New Zealand–Thailand / in Thailand"),
                             ("trade.value", "New Zealand–Thailand / 2024-01-01..2024-12-31")},
    # A fifth set, for a third blind review (10 contradictions, 106 traps). Before the
    # fixes it prompted, 2 contradictions were found, and one false one: "the second
    # meeting of the ... Council" against "the third meeting of the council" in 2027.
    "finland-chile": {("trade.value", "Chile–Finland / 2024-01-01..2024-12-31"), ("visit.length", "in Chile")},
    # Missed: a delegation of about 100 against more than 150 (the opinion piece that
    # gives the 150 names no place for the visit it looks back on).
    "indonesia-turkey": {("relations.established", "Indonesia–Türkiye")},
    # A visa-free stay of "up to 90" against "up to 30 days" for official passports: found
    # since a stay "up to" a figure is a limit of that figure, and "the two governments
    # signed" a visa agreement naming no travellers makes it hold both ways.
    "kenya-uae": {("agreements.signed", "Kenya–United Arab Emirates / in United Arab Emirates"),
                  ("visa.stay", "Kenya ↔ United Arab Emirates, diplomats and official passports")},
    "korea-uzbekistan": {("meeting.count", "South Korea–Uzbekistan"), ("meeting.date", "in Uzbekistan")},
    "malaysia-brazil": {("trade.value", "Brazil–Malaysia / 2025-01-01..2025-12-31")},
    "vietnam-norway": {("trade.growth", "Norway–Vietnam / 2025-01-01..2025-10-31")},
    # A sixth set, for a fourth blind review (12 contradictions, 143 traps). Before the
    # fixes it prompted, 5 were found (one under a wrong period, "the financial year that
    # ended in March 2025" read as March) and 5 were false: a country's trade with the
    # world and with a continent, a ministers' meeting, a meeting with executives, and
    # "AED3.2 billion (US$871 million)" against "US$870 million".
    "argentina-uae": {("relations.duration", "Argentina–United Arab Emirates"), ("visit.length", "in United Arab Emirates")},
    "greece-india": {("meeting.count", "Greece–India"), ("trade.value", "Greece–India / 2024-01-01..2025-12-31")},
    "kazakhstan-france": {("agreements.signed", "France–Kazakhstan / in France"),
                          ("trade.value", "France–Kazakhstan / 2025-01-01..2025-12-31")},
    # Missed: a visa-free stay of up to 15 against up to 30 days for Filipinos in Japan
    # (the 30 days is a policy that "will allow" it once in force, which is no policy yet).
    "philippines-japan": {("delegation.size", "in Japan / whole delegation")},
    # Missed: 12 against eight agreements (the wire report that gives eight, datelined
    # "ANKARA/DAKAR" and full of Dakar's background, names no clear place for its event).
    "senegal-turkey": {("trade.growth", "Senegal–Türkiye / 2025-01-01..2025-12-31")},
    "vietnam-hungary": {("meeting.date", "in Hungary"), ("relations.established", "Hungary–Vietnam")},
    # A seventh set, for a fifth blind review (12 contradictions, 128 traps). Before the
    # fixes it prompted, 10 were found, and one false one: "after Nigeria's independence
    # in 1960, ... established diplomatic relations in 1961" read as two years of relations.
    "chile-new-zealand": {("trade.growth", "Chile–New Zealand / 2025-01-01..2025-12-31"),
                          ("visa.stay", "Chile → New Zealand / announced")},
    "egypt-china": {("agreements.signed", "China–Egypt / in Egypt"), ("meeting.date", "in Egypt")},
    "ethiopia-italy": {("delegation.size", "in Italy / business"), ("meeting.date", "in Italy")},
    # Found since "diplomatic ties that date back to 1964" is read, and "Two-way trade stood
    # at $1.4 billion last year, which sounds respectable until ... Jordan's trade with
    # China tops $5 billion" keys the $1.4 billion to the article's pair.
    "jordan-korea": {("relations.established", "Jordan–South Korea"),
                     ("trade.value", "Jordan–South Korea / 2024-01-01..2024-12-31")},
    "mexico-japan": {("relations.duration", "Japan–Mexico"), ("visit.length", "in Japan")},
    # "The third meeting" against "have now sat down together four times since July":
    # found since "sat down together" counts meetings.
    "nigeria-brazil": {("delegation.size", "in Nigeria / whole delegation"), ("meeting.count", "Brazil–Nigeria")},
    # An eighth set, for a sixth blind review (10 contradictions, 150 traps). Before the
    # fixes it prompted, 4 were found and 3 were false: "the first time in Hanoi" as a
    # count, a ministers' meeting "on the eve of the leaders' talks", an e-visa's stay
    # against a visa-free one.
    # Found since years before 1900 are read ("established in 1861"), and since a count of
    # earlier meetings counts this one too ("their third bilateral meeting" against "talks
    # on four previous occasions").
    "argentina-italy": {("meeting.count", "Argentina–Italy"), ("relations.established", "Argentina–Italy")},
    # Missed: a three-day visit against "his five-day stay in Bangladesh" ("stay" names
    # no visit: it is a visa word too). Found since "passports of both countries" holds
    # both ways: a visa-free stay of up to 90 against up to 30 days.
    "bangladesh-japan": {("visa.stay", "Bangladesh ↔ Japan, diplomats and official passports")},
    "kenya-india": {("delegation.size", "in India / whole delegation"), ("meeting.date", "in India")},
    # Found since "an increase of nearly 9 percent over 2024" has 2024 as its base.
    "morocco-germany": {("agreements.signed", "Germany–Morocco / in Morocco"),
                        ("trade.growth", "Germany–Morocco / 2025-01-01..2025-12-31")},
    # A$27.4 billion against about A$35 billion: found since "among Australia's ten
    # largest export markets" names no exports figure.
    "vietnam-australia": {("relations.established", "Australia–Vietnam"),
                          ("trade.value", "Australia–Vietnam / 2025-01-01..2025-12-31")},
    # A ninth set, for a seventh blind review (10 contradictions, 177 traps). Before the
    # fixes it prompted, 7 were found and 3 were false: "three deal directly with critical
    # minerals" read "deal" as a document; "Of the 14 documents signed, six are agreements
    # and eight are memoranda" counted the parts; "Chile's trade with China, its largest
    # partner, topped US$60 billion" was given the article's pair.
    # Found since "yesterday's summit" dates the talks (16 June against 15 June).
    "chile-korea": {("meeting.date", "in South Korea"), ("trade.growth", "Chile–South Korea / 2025-01-01..2025-12-31")},
    # Found since a possessive owns its figure ("Egypt's 85-member delegation").
    "egypt-greece": {("agreements.signed", "Egypt–Greece / in Greece"), ("delegation.size", "in Greece / whole delegation")},
    # Found since a share of a century is a length ("a quarter of a century" against 30 years).
    "ireland-vietnam": {("relations.duration", "Ireland–Vietnam"), ("visa.stay", "Ireland → Vietnam / announced")},
    # ₦5.4 trillion against US$2.4 billion (₦3.6 trillion) for 2025.
    "nigeria-turkey": {("trade.value", "Nigeria–Türkiye / 2025-01-01..2025-12-31"), ("visit.length", "in Türkiye")},
    "pakistan-uzbekistan": {("meeting.count", "Pakistan–Uzbekistan"), ("relations.established", "Pakistan–Uzbekistan")},
    # A tenth set, from an eighth blind review (10 contradictions, 157 traps; four of its
    # five stories). Before the fixes it prompted, 5 were found and 4 were false: "the two
    # leaders, including memorandums" counted leaders as documents; "a little over half a
    # billion dollars" against $562 million; "established in 1949, two years after
    # independence" as a length of relations; "the EU, which is India's largest trading
    # partner, with roughly EUR 120 billion" as Sweden and India's trade.
    # "Colombians still have to apply for a visa to visit Korea" against a visa waiver
    # both ways is found since "have to apply for a visa" reads as a visa required.
    "colombia-korea": {("agreements.signed", "Colombia–South Korea / in South Korea"),
                       ("visa.policy", "Colombia → South Korea")},
    # Missed: a waiver for diplomatic and official passports against diplomatic ones only.
    "morocco-japan": {("visit.length", "in Japan")},
    # Found since a change told as a share is a percentage ("almost a fifth" against
    # 12.4%), and since the spellings of Vietnam's own English press ("HCM City", "Ha
    # Noi") are places: 45 companies against "more than 70 Portuguese enterprises
    # accompanied the prime minister", in an article datelined "HCM CITY".
    "portugal-vietnam": {("trade.growth", "Portugal–Vietnam / 2025-01-01..2025-12-31"),
                         ("delegation.size", "in Vietnam / companies")},
    "sweden-india": {("meeting.date", "in India"), ("trade.value", "India–Sweden / 2024-01-01..2025-12-31")},
    # An eleventh set, from a ninth blind review (10 contradictions, 199 traps). Before the
    # fixes it prompted, 5 were found and 2 were false: "nearly 100 companies" against 94
    # ("nearly" stretched only 5%); "recalled their first meeting in Belem" and "after a
    # first encounter" as ranks of this meeting. Found since: "announced that ... held
    # talks on 9 June" (the talks' date), "driven mainly by Indian exports" and "with
    # Malaysia enjoying a comfortable surplus" after a trade figure (no longer vetoes),
    # "grew by a modest four per cent", "the first time Azmi and Kabir had met".
    "bangladesh-malaysia": {("meeting.count", "Bangladesh–Malaysia"),
                            ("trade.value", "Bangladesh–Malaysia / 2025-01-01..2025-12-31")},
    "colombia-india": {("relations.established", "Colombia–India"),
                       ("trade.growth", "Colombia–India / 2025-01-01..2025-12-31")},
    "korea-poland": {("agreements.signed", "Poland–South Korea / in Poland"), ("visit.length", "in Poland")},
    # Missed: a waiver for diplomatic and service passports only against one for
    # ordinary passports (the scope of a waiver by passport is not a claim type).
    "tanzania-indonesia": {("delegation.size", "in Tanzania / business")},
    "thailand-france": {("meeting.date", "in France"), ("visa.stay", "France → Thailand")},
}


@pytest.mark.parametrize("story", sorted(REAL_CONTRADICTIONS))
def test_only_real_contradictions_on_stories_with_traps(story: str) -> None:
    report = check_paths(UNSEEN / story, RULES, max_article_bytes=1_000_000)
    found = {(f.type, f.key) for f in report.findings if f.kind == "contradiction"}
    assert found == REAL_CONTRADICTIONS[story]

