"""reference/counting_rules.csv, the one table of counting-rule changes, is validated like every
other file: each problem named by file, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import DATA

from nsc_report.data import DataValidationError, load_edition

HEADER = "from,what,since,effect,source,url,checked,note\n"
GOOD = ("2018-04-01,a change,a rule holds,more,A source,https://example.org/a,yes,\n"
        "2020-04-01,another change,another rule holds,more,A source,https://example.org/b,"
        "no,not checked here\n")


def problems(data_copy: Path, text: str) -> list[str]:
    (data_copy / "reference" / "counting_rules.csv").write_text(text, encoding="utf-8")
    try:
        load_edition(data_copy, "2024", lazy=True).counting_rules  # noqa: B018 - read on use
    except DataValidationError as exc:
        return [str(i) for i in exc.issues]
    return []


def test_the_committed_table_is_valid_and_in_order():
    rules = load_edition(DATA, "2024", lazy=True).counting_rules
    assert [c.month for c in rules][:2] == ["April 2018", "April 2020"]
    assert list(rules) == sorted(rules, key=lambda c: c.day)
    assert all(c.source and c.url.startswith("https://") for c in rules)
    assert all(c.checked or c.note for c in rules)


def test_a_valid_table_is_read(data_copy: Path):
    assert problems(data_copy, HEADER + GOOD) == []
    rules = load_edition(data_copy, "2024", lazy=True).counting_rules
    assert [(c.month, c.label, c.checked) for c in rules] == [
        ("April 2018", "April 2018: a change", True),
        ("April 2020", "April 2020: another change", False)]


@pytest.mark.parametrize("row,expected", [
    ("2019-13-01,x,y,more,S,https://e.org,yes,", "row 3 (line 4), column 'from': got "
     "'2019-13-01'; expected a date as YYYY-MM-DD"),
    ("April 2021,x,y,more,S,https://e.org,yes,", "column 'from': got 'April 2021'; expected a "
     "date as YYYY-MM-DD"),
    ("2021-01-01,x,y,lots,S,https://e.org,yes,", "column 'effect': got 'lots'"),
    ("2021-01-01,x,y,more,S,example.org,yes,", "expected a web address beginning https://"),
    ("2021-01-01,x,y,more,S,https://e.org,no,", "row 3 (line 4), column 'note': expected a "
     "note saying what could not be checked"),
    ("2021-01-01,,y,more,S,https://e.org,yes,", "column 'what': got ''; expected what changed"),
    ("2021-01-01,x,y,more,,https://e.org,yes,", "column 'source': got ''; expected the source"),
    ("2020-04-01,x,y,more,S,https://e.org,yes,", "column 'from': got '2020-04-01'"),
])
def test_a_bad_row_is_named(data_copy: Path, row: str, expected: str):
    found = problems(data_copy, HEADER + GOOD + row + "\n")
    assert any("reference/counting_rules.csv" in p and expected in p for p in found), found


def test_changes_out_of_order_are_refused(data_copy: Path):
    first, second = GOOD.splitlines(keepends=True)
    found = problems(data_copy, HEADER + second + first)
    assert any("row 2 (line 3), column 'from': got '2018-04-01'; expected a date after the "
               "row before (2020-04-01)" in p for p in found), found


def test_a_missing_table_is_named(data_copy: Path):
    (data_copy / "reference" / "counting_rules.csv").unlink()
    with pytest.raises(DataValidationError, match=r"counting_rules.csv.*the file to exist"):
        load_edition(data_copy, "2024", lazy=True).counting_rules  # noqa: B018
