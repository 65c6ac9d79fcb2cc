"""`validate` says what was probably meant beside a slip in a cell, as `intake import` does
(one function, data/slips.py): 'Not held' for `not_held`, '4,102' for 4102."""

from __future__ import annotations

import csv
from pathlib import Path

from helpers import EDITION

from nsc_report.cli.main import main
from nsc_report.data import DataValidationError, load_edition


def slip(path: Path, changes: list[tuple[str, str, str]]) -> None:
    """In the first row matching each (column, old value), put the new value."""
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for column, old, new in changes:
        row = next(r for r in rows if r[column] == old and (column != "value" or old))
        row[column] = new
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_validate_suggests_what_a_slip_in_the_returns_meant(data_copy: Path, capsys):
    """The tester's case: 'Not held' keyed in for not_held got no "did you mean" from validate,
    though intake import gives one."""
    returns = data_copy / EDITION / "foi_returns.csv"
    with returns.open(newline="", encoding="utf-8") as fh:
        first = next(r for r in csv.DictReader(fh) if r["status"] == "answered" and r["value"])
    slip(returns, [("status", "not_held", "Not held"), ("value", first["value"], "4,102")])
    code = main(["validate", "--data-dir", str(data_copy), "--edition", EDITION])
    out = capsys.readouterr()
    message = out.err + out.out
    assert code != 0
    assert "got 'Not held'; expected a status: " in message
    assert "did you mean `not_held`?" in message
    assert "got '4,102'; expected a whole number" in message and "did you mean 4102?" in message


def test_every_table_of_codes_suggests(data_copy: Path):
    """The class, not the one file: a force's name for its code in the commitments, a period's
    label for its id in the national figures."""
    slip(data_copy / EDITION / "pcc_commitments.csv", [("force_code", "E23000008", "Durham")])
    slip(data_copy / EDITION / "national.csv", [("period", "ye_mar_2022", "YE Mar 2022")])
    ed = load_edition(data_copy, EDITION, lazy=True)
    for table, expected in (("commitments", "did you mean `E23000008`?"),
                            ("national", "did you mean `ye_mar_2022`?")):
        try:
            getattr(ed, table)
        except DataValidationError as exc:
            assert any(expected in str(i) for i in exc.issues), [str(i) for i in exc.issues]
        else:
            raise AssertionError(f"{table}: the slip was not found")


def test_a_value_with_no_likely_meaning_gets_no_suggestion(data_copy: Path):
    slip(data_copy / EDITION / "foi_returns.csv", [("status", "not_held", "banana")])
    try:
        load_edition(data_copy, EDITION, lazy=True).returns  # noqa: B018 - read on use
    except DataValidationError as exc:
        found = [i for i in exc.issues if i.value == "banana"]
    assert found and all(i.hint is None and "did you mean" not in str(i) for i in found)
