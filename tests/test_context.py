"""The article-level defaults claims fall back on: the main pair of countries and the
place of the main event."""

from __future__ import annotations

import pytest

from checker.extract.context import build_context
from checker.extract.entities import build_gazetteer
from checker.extract.sentences import sentence_spans
from checker.rules.loader import load_rules
from tests.conftest import RULES

GAZETTEER = build_gazetteer(load_rules(RULES).lexicon)


@pytest.mark.parametrize("text, host", [
    # One place after a host cue, nothing competing: that is where the event is.
    ("The prime ministers of India and Japan held talks in Tokyo on Tuesday. They signed 11 deals.", "JP"),
    ("Japan and India held a summit in Tokyo. A delegation of 150 executives came along.", "JP"),
    # A dateline is where the story was filed, not a host signal.
    ("NEW DELHI, March 3 -- The prime ministers of India and Japan held talks in Tokyo.", "JP"),
    # A dateline alone is a host only when the story is about its country too; it backs a
    # single mention of its country.
    ("BEIJING -- India and Japan signed 11 deals.", None),
    ("MEXICO CITY -- Canada and Mexico held talks at the National Palace on Thursday.", "MX"),
    ("NAIROBI, Sept 3 - Ruto and Abiy held talks at State House in Nairobi on Tuesday.", "KE"),
    # A capital standing for its government is no venue; one after "in" is.
    ("Lee held talks with Mirziyoyev on Wednesday, as Seoul looks to lock in supplies of tungsten. "
     "Lee arrived in Tashkent on Tuesday.", "UZ"),
    ("CAIRO -- Saudi Arabia's crown prince held talks with Egypt's president. Riyadh has deposited "
     "$5 billion in Egypt's central bank, and Riyadh wants calm.", "EG"),
    ("Saudi Arabia and Egypt held talks. Officials in Riyadh said so, and in Riyadh the leaders dined.", "SA"),
    # A seat of government places the talks; one standing for its government does not.
    ("Pavel and Marcos held talks at Malacañang Palace. Pavel then met Marcos at Malacañang.", "PH"),
    ("Milei hosted Kast at the Casa Rosada. Argentina and Chile signed 9 deals at the Casa Rosada.", "AR"),
    ("Lula met Xi in Brasília. Brazil and China signed deals in Brasília. A White House official said so, and "
     "a White House statement agreed.", "BR"),
    # A place a route leads to is not where the talks are.
    ("Colombia and the UAE held talks in Abu Dhabi. The deals could pave the way for a direct flight to Bogotá, "
     "and for more flights to Bogotá from 2027.", "AE"),
    # Where the reporters sat, and the way home, are no venues.
    ("Luxon and Anutin held talks in Bangkok. Later in Bangkok they dined.\n"
     "(Reporting by Ann Lee in Wellington and Tom Hill in Wellington; Editing by Ed Ray)", "TH"),
    ("Luxon held talks in Bangkok on Tuesday. He leaves on Thursday, returning to Wellington.", "TH"),
    # What travellers may do, and where shares trade, are no venues either.
    ("SANTIAGO, Oct 28 - Stubb held talks at La Moneda. Chileans can already travel to Finland without a visa. "
     "Metso shares rose 1.4% in Helsinki on Tuesday.", "CL"),
    # A later leg in another country says nothing of this visit; one in the same country
    # is part of it.
    ("SANTIAGO, Oct 28 - Stubb held talks at La Moneda. He visits a mine before flying to Buenos Aires for a "
     "two-day visit to Argentina.", "CL"),
    ("Pavel held talks at Malacañang Palace. Prague raised its quota. Pavel meets students before flying to Cebu.",
     "PH"),
    # Plans for later occasions say nothing of where this one took place.
    ("Lee held talks in Tashkent on Wednesday. Mirziyoyev accepted the invitation to pay a state visit to the "
     "Republic of Korea in 2027. It was agreed to hold the next round in Seoul.", "UZ"),
    ("Sarr held talks in Ankara today. He extended an invitation to his counterpart to make a state visit to "
     "Senegal, which was accepted.", "TR"),
    # A line of a place and a date says where a statement was issued, not where its event was.
    ("Sarr held talks in Ankara today.\n\nDakar, 14 January 2026\n", "TR"),
    ("Sarr held talks in Ankara today. This is his first visit to Türkiye. He will travel to Istanbul on Thursday. "
     "He invited his counterpart to pay a state visit to Senegal.\n\nDakar, 14 January 2026\n", "TR"),
    ("Sarr held talks today.\n\nDakar, 14 January 2026\n", None),
    # What travellers may do, and a capital acting for its government, place no event.
    ("PARIS, May 12 - Delacroix and Abenov held talks at the Élysée Palace on Tuesday. French citizens have "
     "been able to visit Kazakhstan without a visa since 2014, part of a push by Astana to attract tourists.", "FR"),
    ("Lee held talks in Tashkent. Seoul also has to watch its neighbours, and Seoul still needs minerals.", "UZ"),
    # ... and so does one whose possessive names a position; a venue's stays one.
    ("Lee held talks in Tashkent. Seoul's priority was tungsten. Seoul's position is clear.", "UZ"),
    ("Lee and Mirziyoyev met at Tashkent's Kuksaroy residence.", "UZ"),
    # The spellings a country's own press uses are its places too.
    ("HCM CITY — Firms signed 14 deals at a business forum in HCM City yesterday, after talks in Ha Noi on "
     "Tuesday between Portugal and Vietnam.", "VN"),
    # One place named in passing is not enough.
    ("A Tokyo-based analyst said India and Japan signed 11 deals.", None),
    # Two places, one each: no clear host.
    ("Talks in Tokyo followed a summit in Delhi. India and Japan signed 11 deals.", None),
    # Several mentions of one place win over one of another.
    ("Talks in Tokyo. Later in Tokyo the leaders dined. Osaka was not visited; the talks in Tokyo ended.", "JP"),
])
def test_host_of_the_main_event(text: str, host: str | None) -> None:
    assert build_context(text, GAZETTEER).host == host


@pytest.mark.parametrize("text, sentences", [
    ("BERLIN, May 12 (Reuters) - Lula held talks on Monday. Merz agreed.",
     ["BERLIN, May 12 (Reuters) -", "Lula held talks on Monday.", "Merz agreed."]),
    ("Intro.\nNEW YORK (AP) — The talks ended.", ["Intro.", "NEW YORK (AP) —", "The talks ended."]),
    ("TOKYO, March 18 (Kyodo) -- Modi met Takaichi.", ["TOKYO, March 18 (Kyodo) --", "Modi met Takaichi."]),
    # Not datelines: a dash inside a sentence, a hyphenated pair, a lone capital.
    ("NATO leaders met on Monday - and agreed.", ["NATO leaders met on Monday - and agreed."]),
    ("US-China talks - a view.", ["US-China talks - a view."]),
    ("A - b", ["A - b"]),
    # Abbreviations and initials do not end a sentence.
    ("Talks on Jan. 5 with Mr. Lee. J. Smith said so.", ["Talks on Jan. 5 with Mr. Lee.", "J. Smith said so."]),
    ("He met U.S. officials. The approx. figure is 5. Corp. Inc. rose.",
     ["He met U.S. officials.", "The approx. figure is 5.", "Corp. Inc. rose."]),
    # Long words, words glued to digits, ellipses, questions and quotes.
    ("It ended in agreement. Delegates left... Why? \"Fine.\" Then 2025. The end",
     ["It ended in agreement.", "Delegates left...", "Why?", "\"Fine.\"", "Then 2025.", "The end"]),
])
def test_sentences_and_datelines(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in sentence_spans(text)] == sentences


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # Known leaders, spelt as in the lexicon or close to it.
        ("Prime Minister Narendra Modi met Sanae Takaichi.", [("Narendra Modi", "IN"), ("Sanae Takaichi", "JP")]),
        ("Prime Minister Narendra Modhi arrived on Monday.", [("Narendra Modhi", "IN")]),
        ("President Lee Jae-Myung and Lee Jae Myung are one man.", [("Lee Jae-Myung", "KR"), ("Lee Jae Myung", "KR")]),
        # Capitalised words that name nobody, and lower-case words after a capital.
        ("Narendra described the talks as candid.", []),
        ("After the talks, Modi left.", [("Modi", "IN")]),
    ],
)
def test_people_and_their_spelling_variants(text: str, people: list[tuple[str, str]]) -> None:
    found = [(text[m.start : m.end], m.code) for m in GAZETTEER.mentions(text) if m.how == "person"]
    assert found == people


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        # A country's short name glued to "$" is a currency sign, not the country.
        ("Trade between Indonesia and Australia rose to US$17 billion.", ["ID", "AU"]),
        ("Hong Kong's fund of HK$5 billion", ["HK"]),
        ("The US and Indonesia agreed.", ["US", "ID"]),
        # Likewise a country before a currency's name; not before an ordinary word.
        ("China and Kazakhstan traded 315 billion yuan (about 44 billion U.S. dollars).", ["CN", "KZ"]),
        ("The Saudi crown prince met Egypt's president, and South Korea won praise.", ["SA", "EG", "KR"]),
    ],
)
def test_currency_signs_name_no_country(text: str, countries: list[str]) -> None:
    assert [m.code for m in GAZETTEER.mentions(text) if m.how != "person"] == countries
