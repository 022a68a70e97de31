"""Where a rule's vetoes (``unless``) look: the whole sentence, or, with
``unless_scope: clause``, only the clause that holds the trigger and the value.

The rule below is written for these tests: a figure of "tourist arrivals", vetoed by
"forecast", in a sentence that may hold another clause.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.errors import ErrorList
from checker.extract.claims import Extractor
from checker.extract.sentences import clause_span
from checker.model import Article, line_starts_of
from checker.rules.loader import load_rules
from tests.conftest import RULES

RULE = """\
id: arrivals
type: tourism.arrivals
description: Tourist arrivals in a year.
value:
  kind: number
patterns:
  - id: arrivals
    trigger: '\\barrivals\\b'
    value: after
    max_words: 4
{scope}unless:
  - '\\bforecast\\b'
key: []
examples:
  claims:
    - text: "Tourist arrivals reached 4,000 in 2024."
      expect: [{{value: "4,000"}}]
  no_claims: []
  cases: []
"""


def extractor(tmp_path: Path, scope: str | None) -> Extractor:
    folder = tmp_path / f"rules-{scope}"
    folder.mkdir()
    shutil.copytree(RULES / "lexicon", folder / "lexicon")
    line = f"unless_scope: {scope}\n" if scope else ""
    (folder / "arrivals.yaml").write_text(RULE.format(scope=line), encoding="utf-8")
    return Extractor(load_rules(folder))


def values(tmp_path: Path, scope: str | None, text: str) -> list[str]:
    article = Article(id="a", path="a.md", source="S", published=None, text=text, line_starts=line_starts_of(text))
    return [claim.text for claim in extractor(tmp_path, scope).extract(article)]


SENTENCES = [
    # (text, claims with the sentence as scope, claims with the clause as scope)
    ("The forecast was gloomy, but arrivals reached 4,000 last year.", [], ["4,000"]),
    ("A forecast saw growth; arrivals reached 4,000 last year.", [], ["4,000"]),
    ("Arrivals reached 4,000 last year, whereas the forecast is 5,000.", [], ["4,000"]),
    # The veto in the figure's own clause, or in a clause the trigger-to-value span crosses.
    ("The forecast said arrivals would reach 4,000.", [], []),
    ("Arrivals, the forecast said, would reach 4,000.", [], []),
    ("Arrivals fell while forecast numbers rose to 4,000.", [], []),
    # No veto anywhere: both scopes read it.
    ("Arrivals reached 4,000 last year, while hotels filled up.", ["4,000"], ["4,000"]),
]


@pytest.mark.parametrize("text, in_sentence, in_clause", SENTENCES, ids=[s[0][:40] for s in SENTENCES])
def test_vetoes_in_the_sentence_or_in_the_clause(tmp_path: Path, text: str, in_sentence: list[str],
                                                 in_clause: list[str]) -> None:
    assert values(tmp_path, None, text) == in_sentence  # the sentence is the default scope
    assert values(tmp_path, "sentence", text) == in_sentence
    assert values(tmp_path, "clause", text) == in_clause


def test_an_unknown_scope_is_a_located_rule_error(tmp_path: Path) -> None:
    with pytest.raises(ErrorList) as excinfo:
        extractor(tmp_path, "paragraph")
    [message] = [str(e) for e in excinfo.value.errors]
    assert "arrivals.yaml:11:" in message and "unless_scope" in message and "clause" in message


@pytest.mark.parametrize("text, inner, clause", [
    ("Exports rose 5%; trade grew 3% in May.", "grew", "; trade grew 3% in May."),
    ("Investment tops $9 billion, while trade reached $6 billion.", "reached", "while trade reached $6 billion."),
    ("Trade, excluding oil, reached $6 billion.", "reached", "Trade, excluding oil, reached $6 billion."),
    ("Meanwhile, trade reached $6 billion.", "reached", "Meanwhile, trade reached $6 billion."),
    ("Trade reached $6 billion but fell later.", "reached", "Trade reached $6 billion "),
    ("Trade was $56 billion in 2024 and is projected to reach $120 billion.", "was",
     "Trade was $56 billion in 2024 "),
    ("Trade with Japan and Korea is projected to grow.", "Trade", "Trade with Japan and Korea is projected to grow."),
])
def test_clause_breaks(text: str, inner: str, clause: str) -> None:
    low = text.index(inner)
    start, end = clause_span(text, 0, len(text), low, low + len(inner))
    assert text[start:end] == clause
