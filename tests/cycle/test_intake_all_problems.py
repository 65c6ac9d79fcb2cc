"""A workbook's problems are all listed in one run: a formula in a cell is one problem among the
others of its rows, not a stop before anything else is checked (the tester's first run reported
only "cell H111: got '=2+3'", the second six more). Still nothing is imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import EDITION
from openpyxl import load_workbook
from test_intake_partial import rows_of

from nsc_report.cycle.intake import ANSWERS, IntakeProblems, cell, import_workbook, write_workbook
from nsc_report.data import load_edition


def test_a_formula_and_the_other_slips_are_listed_together(data_copy: Path, tmp_path: Path):
    book = write_workbook(load_edition(data_copy, EDITION, lazy=True), tmp_path / "a.xlsx")
    wb = load_workbook(book)
    ws = wb[ANSWERS]
    answered = rows_of(ws, "E23000008", status="answered")
    ws[cell("value", answered[0])] = "=2+3"
    ws[cell("value", answered[1])] = "4,102"
    held = rows_of(ws, "E23000007", status="not_held")[0]
    ws[cell("status", held)] = "Not held"
    ws["J5"] = "beyond the columns"
    wb.save(book)
    target = data_copy / EDITION / "foi_returns.csv"
    before = target.read_bytes()
    with pytest.raises(IntakeProblems) as info:
        import_workbook(book, data_copy, EDITION)
    text = str(info.value)
    assert f"cell {cell('value', answered[0])}" in text and "'=2+3'" in text
    assert "not a formula" in text
    assert f"cell {cell('value', answered[1])}" in text and "did you mean 4102?" in text
    assert f"cell {cell('status', held)}" in text and "did you mean `not_held`?" in text
    assert "cell J5" in text and "nothing beyond column I" in text
    assert "4 problems in 4 rows" in text
    assert target.read_bytes() == before
