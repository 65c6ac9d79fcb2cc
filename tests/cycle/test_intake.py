"""Keying the answers in: the workbook round-trips the returns; a bad workbook (xlsx or ods)
gets errors naming sheet, cell, value and what was expected, and nothing is written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from helpers import EDITION
from openpyxl import load_workbook

from nsc_report.cli.main import main
from nsc_report.cycle.intake import ANSWERS, CODEBOOK, COLUMNS, cell, write_workbook
from nsc_report.data import load_edition


def returns(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return frame.sort_values(["force_code", "question_id", "period"]).reset_index(drop=True)


@pytest.fixture
def workbook(data_copy: Path, tmp_path: Path) -> Path:
    return write_workbook(load_edition(data_copy, EDITION, lazy=True), tmp_path / "answers.xlsx")


def import_(book: Path, data: Path, capsys) -> tuple[int, str]:
    code = main(["intake", "import", str(book), "--data-dir", str(data), "--edition", EDITION])
    out = capsys.readouterr()
    return code, out.err + out.out


def test_the_workbook_is_made_for_keying_in(workbook: Path, data_copy: Path):
    wb = load_workbook(workbook)
    assert wb.sheetnames == [ANSWERS, CODEBOOK]
    ws = wb[ANSWERS]
    assert [c.value for c in ws[1]] == COLUMNS
    assert ws.freeze_panes == "A2"
    assert ws.max_row == 1 + 43 * 14
    kinds = {dv.type: str(dv.sqref) for dv in ws.data_validations.dataValidation}
    assert kinds["list"] == f"{cell('status', 2)}:{cell('status', ws.max_row)}"
    assert kinds["whole"] == f"{cell('value', 2)}:{cell('value', ws.max_row)}"
    assert wb[CODEBOOK].protection.sheet
    assert ws[cell("question", 2)].value  # the wording beside each row


def test_a_workbook_of_the_2024_data_gives_back_the_same_returns(workbook, data_copy, capsys):
    before = returns(data_copy / EDITION / "foi_returns.csv")
    code, message = import_(workbook, data_copy, capsys)
    assert code == 0, message
    assert returns(data_copy / EDITION / "foi_returns.csv").equals(before)


def test_a_public_answer_keeps_its_source_only_while_it_is_the_same_answer(
        workbook, data_copy, capsys):
    """South Yorkshire's Q6 cites the source that made it public (fact-check 5, B6). The
    workbook does not carry sources: an import keeps it for the same answer, and drops it
    for a changed one, which is not the answer the source gave."""
    def source(frame: pd.DataFrame) -> str:
        row = frame[(frame["force_code"] == "E23000011") & (frame["question_id"] == "Q6")]
        return str(row["source_id"].item())

    path = data_copy / EDITION / "foi_returns.csv"
    assert source(returns(path)) == "south_yorkshire_police_2024"
    wb = load_workbook(workbook)
    ws = wb[ANSWERS]
    row = next(r for r in range(2, ws.max_row + 1)
               if (ws[cell("force_code", r)].value, ws[cell("question_id", r)].value)
               == ("E23000011", "Q6"))
    ws[cell("value", row)] = 0
    wb.save(workbook)
    code, message = import_(workbook, data_copy, capsys)
    assert code == 0, message
    assert source(returns(path)) == ""


def test_an_ods_workbook_is_read_too(workbook, data_copy, tmp_path, capsys):
    sheets = pd.read_excel(workbook, sheet_name=None, dtype=object, engine="openpyxl")
    ods = tmp_path / "answers.ods"
    with pd.ExcelWriter(ods, engine="odf") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
    before = returns(data_copy / EDITION / "foi_returns.csv")
    code, message = import_(ods, data_copy, capsys)
    assert code == 0, message
    assert returns(data_copy / EDITION / "foi_returns.csv").equals(before)


def first_answered_row(ws) -> int:
    status = COLUMNS.index("status")
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, status + 1).value == "answered")


def edit_word(ws):
    r = first_answered_row(ws)
    ws[cell("value", r)] = "about forty"
    return (f"sheet '{ANSWERS}', cell {cell('value', r)}", "'about forty'", "digits only")


def edit_status(ws):
    r = first_answered_row(ws)
    ws[cell("status", r)] = "answerd"
    return (f"cell {cell('status', r)}", "'answerd'", "a status")


def edit_date(ws):
    r = first_answered_row(ws)
    ws[cell("value", r)] = dt.datetime(2024, 3, 31)
    return (f"cell {cell('value', r)}", "2024-03-31", "not a date")


def edit_missing_force(ws):
    code = ws[cell("force_code", 2)].value
    rows = [r for r in range(2, ws.max_row + 1) if ws[cell("force_code", r)].value == code]
    for r in reversed(rows):
        ws.delete_rows(r)
    return (f"sheet '{ANSWERS}'", f"rows for force {code}", "missing")


def edit_force_twice(ws):
    ws.append([c.value for c in ws[2]])
    return (f"cell {cell('force_code', ws.max_row)}", "repeats", "one row per")


def edit_extra_sheet(ws):
    ws.parent.create_sheet("My notes")
    return ("'My notes'", "only the sheets", "remove the extra sheet")


@pytest.mark.parametrize("edit", [edit_word, edit_status, edit_date, edit_missing_force,
                                  edit_force_twice, edit_extra_sheet],
                         ids=lambda f: f.__name__[5:])
def test_a_bad_workbook_is_named_and_nothing_is_written(edit, workbook, data_copy, capsys):
    wb = load_workbook(workbook)
    expected = edit(wb[ANSWERS])
    wb.save(workbook)
    target = data_copy / EDITION / "foi_returns.csv"
    before = target.read_bytes()
    code, message = import_(workbook, data_copy, capsys)
    assert code == 1
    assert str(workbook) in message and "Traceback" not in message
    for fragment in expected:
        assert fragment in message, f"{fragment!r} not in {message}"
    assert "Nothing was written" in message
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir() if p.name.startswith(".")) == []


def test_a_file_that_is_not_a_workbook(data_copy, tmp_path, capsys):
    fake = tmp_path / "answers.xlsx"
    fake.write_text("not a workbook")
    code, message = import_(fake, data_copy, capsys)
    assert code == 1 and "an .xlsx or .ods workbook that can be read" in message
