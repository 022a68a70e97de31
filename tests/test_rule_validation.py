"""Rule files: every mistake reported as path:line:col with a useful message, all at once."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Callable

import pytest

from checker.cli import main
from checker.errors import ErrorList
from checker.rules.loader import load_rules
from tests.conftest import RULES

GOOD = (RULES / "visit-length.yaml").read_text(encoding="utf-8")


def rules_dir(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    shutil.copytree(RULES / "lexicon", folder / "lexicon")
    for name, text in files.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


def problems(folder: Path) -> list[str]:
    with pytest.raises(ErrorList) as excinfo:
        load_rules(folder)
    return [str(e) for e in excinfo.value.errors]


def line_col(text: str, needle: str) -> str:
    index = text.index(needle)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"{line}:{column}"


def test_shipped_rules_validate() -> None:
    assert len(load_rules(RULES).rules) >= 9


def test_misspelt_key_is_located_and_corrected(tmp_path: Path) -> None:
    text = GOOD.replace("compare:", "compare:\n  tolerence: 0.1") if "compare:" in GOOD else GOOD + "compare:\n  tolerence: 0.1\n"
    folder = rules_dir(tmp_path, bad=text)
    [message] = problems(folder)
    assert message.startswith(f"{folder / 'bad.yaml'}:{line_col(text, 'tolerence')}: unknown key 'tolerence' (did you mean 'tolerance'?)")


def test_malformed_yaml_is_located(tmp_path: Path) -> None:
    text = "id: broken\ntype: a.b\npatterns: [unclosed\n"
    folder = rules_dir(tmp_path, bad=text)
    [message] = problems(folder)
    assert message.startswith(f"{folder / 'bad.yaml'}:4:") and "malformed YAML" in message


def test_every_problem_in_every_file_is_reported(tmp_path: Path) -> None:
    wrong_type = GOOD.replace("max_words: 2", "max_words: two")
    bad_kind = GOOD.replace("kind: duration", "kind: durashun").replace("id: visit-length", "id: other-length").replace(
        "type: visit.length", "type: visit.other"
    )
    bad_regex = GOOD.replace(r"trigger: '\b(?:visit|trip|tour)\b'", r"trigger: '\b(?:visit|trip'").replace(
        "id: visit-length", "id: third"
    ).replace("type: visit.length", "type: visit.third")
    folder = rules_dir(tmp_path, a=wrong_type, b=bad_kind, c=bad_regex, d=GOOD)
    found = problems(folder)
    assert any("a.yaml" in m and "patterns[0].max_words: expected integer, got text" in m for m in found), found
    assert any("b.yaml" in m and "unknown value 'durashun' (did you mean 'duration'?)" in m for m in found), found
    assert any("c.yaml" in m and "does not compile at position" in m for m in found), found
    assert any("d.yaml" in m and "duplicate rule id 'visit-length'" in m for m in found), found


def test_broken_not_after_pattern_is_located(tmp_path: Path) -> None:
    text = GOOD.replace("  kind: duration\n", "  kind: duration\n  not_after: ['\\bsince(']\n", 1)
    assert text != GOOD
    folder = rules_dir(tmp_path, bad=text)
    [message] = problems(folder)
    where = line_col(text, "'\\bsince('")
    assert message.startswith(f"{folder / 'bad.yaml'}:{where}:") and "does not compile" in message, message


def test_a_sign_on_a_value_without_one_is_located(tmp_path: Path) -> None:
    # A visit's length cannot fall below zero: a negative sign there is a mistake.
    text = GOOD.replace("  - id: n-day-visit\n", "  - id: n-day-visit\n    sign: negative\n", 1)
    assert text != GOOD
    folder = rules_dir(tmp_path, bad=text)
    [message] = problems(folder)
    assert message.startswith(f"{folder / 'bad.yaml'}:{line_col(text, 'negative')}:"), message
    assert "a duration value has no sign" in message


COUNTED = "counted:\n  labels:\n    state: ['\\bstate\\s+visit']\n    working: ['\\bworking\\s+visit']\n"


@pytest.mark.parametrize("change, where, wanted", [
    # The key part without the labels it reads.
    (lambda t: t.replace("key: [event]", "key: [event, counted]"), "counted]", "needs a counted section"),
    # Labels no key part reads (located at the section's first line).
    (lambda t: t.replace("key: [event]", "key: [event]\n" + COUNTED), "  labels:", "used only by the key part"),
    # A default that is none of the labels (a typo would file every unlabelled figure apart).
    (lambda t: t.replace("key: [event]", "key: [event, counted]\n" + COUNTED + "  default: stat\n"), "stat\n",
     "counted.default 'stat' is none of the labels"),
    (lambda t: t.replace("key: [event]", "key: [event, counted]\n" + COUNTED + "  several: both\n"), "both\n",
     "counted.several 'both' is none of the labels"),
    (lambda t: t.replace("key: [event]", "key: [event, counted]\n" + COUNTED + "  first: firms\n"), "firms\n",
     "counted.first 'firms' is none of the labels"),
])
def test_a_counted_section_that_does_not_fit_its_key_is_located(tmp_path: Path, change: Callable[[str], str],
                                                               where: str, wanted: str) -> None:
    text = change(GOOD)
    assert text != GOOD
    folder = rules_dir(tmp_path, bad=text)
    [message] = problems(folder)
    assert wanted in message, message
    line = text[: text.index(where)].count("\n") + 1
    assert message.startswith(f"{folder / 'bad.yaml'}:{line}:"), message


ANNOUNCED = "announced:\n  cues: ['\\bwill\\s+visit']\n"


@pytest.mark.parametrize("change, where, wanted", [
    # The key part without the cues it reads.
    (lambda t: t.replace("key: [event]", "key: [event, announced]"), "announced]", "needs an announced section"),
    # Cues no key part reads (located at the section's first line).
    (lambda t: t.replace("key: [event]", "key: [event]\n" + ANNOUNCED), "  cues:", "used only by the key part"),
    # A cue that does not compile, located at the cue.
    (lambda t: t.replace("key: [event]", "key: [event, announced]\n" + ANNOUNCED + "  in_force: ['(took']\n"),
     "'(took'", "does not compile"),
])
def test_an_announced_section_that_does_not_fit_its_key_is_located(tmp_path: Path, change: Callable[[str], str],
                                                                   where: str, wanted: str) -> None:
    text = change(GOOD)
    assert text != GOOD
    folder = rules_dir(tmp_path, bad=text)
    [message] = problems(folder)
    assert wanted in message, message
    line = text[: text.index(where)].count("\n") + 1
    assert message.startswith(f"{folder / 'bad.yaml'}:{line}:"), message


def test_a_limit_on_a_value_without_one_is_located(tmp_path: Path) -> None:
    # "Up to" a date is no limit of a quantity: the option there is a mistake.
    good = (RULES / "meeting-date.yaml").read_text(encoding="utf-8")
    text = good.replace("value:\n  kind: date\n", "value:\n  kind: date\n  limit: true\n", 1)
    assert text != good
    folder = rules_dir(tmp_path, bad=text)
    [message] = problems(folder)
    where = line_col(text, "limit: true").split(":")[0] + ":10"  # at the value, as for other options
    assert message.startswith(f"{folder / 'bad.yaml'}:{where}:"), message
    assert "a date value has no limit" in message


def test_a_window_for_updates_without_a_cumulative_value_is_located(tmp_path: Path) -> None:
    text = GOOD + "compare:\n  no_update_within_days: 7\n" if "compare:" not in GOOD else \
        GOOD.replace("compare:", "compare:\n  no_update_within_days: 7", 1)
    folder = rules_dir(tmp_path, bad=text)
    [message] = problems(folder)
    assert message.startswith(f"{folder / 'bad.yaml'}:{line_col(text, '7')}:"), message
    assert "not cumulative" in message


def test_rule_without_examples_is_refused(tmp_path: Path) -> None:
    text = GOOD[: GOOD.index("examples:")] + "examples:\n  claims: []\n  no_claims: []\n  cases: []\n"
    found = problems(rules_dir(tmp_path, bare=text))
    assert any("needs at least one example" in m for m in found), found


def test_catastrophic_pattern_is_refused_up_front(tmp_path: Path) -> None:
    text = GOOD.replace(r"trigger: '\b(?:visit|trip|tour)\b'", r"trigger: '(\w+\s?)+$'")
    found = problems(rules_dir(tmp_path, slow=text))
    assert any("exponential time" in m for m in found), found


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]")
    started = time.perf_counter()
    found = problems(rules_dir(tmp_path, bomb="\n".join(lines) + "\n"))
    assert time.perf_counter() - started < 5
    assert any("expands to more than" in m for m in found), found


def test_validate_command_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "validate", str(RULES)]) == 0
    folder = rules_dir(tmp_path, bad=GOOD.replace("severity:", "severty:"))
    assert main(["rules", "validate", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "unknown key 'severty' (did you mean 'severity'?)" in err
    assert "Traceback" not in err


def test_run_validates_rules_before_reading_the_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = rules_dir(tmp_path, bad=GOOD.replace("severity:", "severty:"))
    code = main(["run", "--rules", str(folder), "--articles", str(tmp_path / "missing"), "--out", str(tmp_path / "out")])
    assert code == 2
    assert "severty" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_rules_test_command_fails_with_location_on_a_broken_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = GOOD.replace('expect: [{value: "4 days", key: "in Tanzania"}]', 'expect: [{value: "5 days", key: "in Tanzania"}]')
    assert broken != GOOD
    folder = rules_dir(tmp_path, **{"visit-length": broken})
    assert main(["rules", "test", str(folder)]) == 1
    out = capsys.readouterr().out
    where = line_col(broken, '- text: "The four-day').split(":")[0]
    assert f"FAILED {folder / 'visit-length.yaml'}:{where} visit-length:claims[0]" in out
    assert out.strip().splitlines()[-1].endswith("1 failed")


def test_an_added_count_on_a_value_that_counts_nothing_is_located(tmp_path: Path) -> None:
    # A visit of "three previous days" is no count of occasions: ``add`` there is a mistake.
    text = GOOD.replace("  - id: n-day-visit\n", "  - id: n-day-visit\n    add: 1\n", 1)
    assert text != GOOD
    folder = rules_dir(tmp_path, bad=text)
    [message] = problems(folder)
    assert message.startswith(f"{folder / 'bad.yaml'}:{line_col(text, 'add: 1').split(':')[0]}:"), message
    assert "a duration value is no count" in message


def test_an_added_count_out_of_range_is_located(tmp_path: Path) -> None:
    good = (RULES / "meeting-count.yaml").read_text(encoding="utf-8")
    text = good.replace("    add: 1\n", "    add: 0\n", 1)
    assert text != good
    folder = rules_dir(tmp_path, bad=text)
    [message] = problems(folder)
    assert message.startswith(f"{folder / 'bad.yaml'}:{line_col(text, 'add: 0').split(':')[0]}:"), message
