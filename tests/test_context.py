"""The article-level defaults claims fall back on: the main pair of countries and the
place of the main event."""

from __future__ import annotations

import pytest

from checker.extract.context import build_context
from checker.extract.entities import build_gazetteer
from checker.rules.loader import load_rules
from tests.conftest import RULES

GAZETTEER = build_gazetteer(load_rules(RULES).lexicon)


@pytest.mark.parametrize("text, host", [
    # One place after a host cue, nothing competing: that is where the event is.
    ("The prime ministers of India and Japan held talks in Tokyo on Tuesday. They signed 11 deals.", "JP"),
    ("Japan and India held a summit in Tokyo. A delegation of 150 executives came along.", "JP"),
    # A dateline is where the story was filed, not a host signal.
    ("NEW DELHI, March 3 -- The prime ministers of India and Japan held talks in Tokyo.", "JP"),
    # One place named in passing is not enough.
    ("A Tokyo-based analyst said India and Japan signed 11 deals.", None),
    # Two places, one each: no clear host.
    ("Talks in Tokyo followed a summit in Delhi. India and Japan signed 11 deals.", None),
    # Several mentions of one place win over one of another.
    ("Talks in Tokyo. Later in Tokyo the leaders dined. Osaka was not visited; the talks in Tokyo ended.", "JP"),
])
def test_host_of_the_main_event(text: str, host: str | None) -> None:
    assert build_context(text, GAZETTEER).host == host
