"""`check`'s advice on answers not yet in can be followed as written: once the deadline has
passed, the force's rows are given the status no_response in the workbook (with a note) and
imported; then `check` no longer lists them, and the import counts the force as keyed in as no
response, not as answered. A note typed without the status (what the tester did) is one
problem per row with "did you mean `no_response`?"."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from helpers import EDITION, ROOT
from openpyxl import load_workbook
from test_intake_partial import DAY, partly_filled, rows_of

from nsc_report.cycle.intake import ANSWERS, IntakeProblems, cell, import_workbook, write_workbook
from nsc_report.cycle.keyed import keyed_in
from nsc_report.data import load_edition
from nsc_report.publishing.check import NOT_YET_IN, check

NOTE = "No response received by the report's deadline"


def waiting(data: Path) -> list:
    return [p for p in check(ROOT, data, EDITION) if p.kind == NOT_YET_IN]


def test_the_advice_on_answers_not_yet_in_works(data_copy: Path, tmp_path: Path):
    book, kept = partly_filled(data_copy, tmp_path / "first.xlsx", keep=42)
    import_workbook(book, data_copy, EDITION, as_of=DAY)
    [problem] = waiting(data_copy)
    code = re.search(r"\((E\d+|W\d+),", problem.what).group(1)
    assert "status no_response in the workbook" in problem.what
    # The advice, as written: the next workbook, the force's rows given the status and a note.
    later = write_workbook(load_edition(data_copy, EDITION, lazy=True), tmp_path / "next.xlsx")
    wb = load_workbook(later)
    ws = wb[ANSWERS]
    rows = rows_of(ws, code)
    assert len(rows) == 14
    for r in rows:
        ws[cell("status", r)] = "no_response"
        ws[cell("note", r)] = NOTE
    wb.save(later)
    done = import_workbook(later, data_copy, EDITION, as_of=DAY + dt.timedelta(days=30))
    assert waiting(data_copy) == []
    assert code in done.keyed.silent and code not in done.keyed.answered
    assert done.keyed.not_yet == ()


def test_a_note_without_a_status_suggests_no_response(data_copy: Path, tmp_path: Path):
    """The tester's case: the note in Cleveland's 14 rows, the status left blank: '5 of 43
    forces answered', and nothing suggested no_response."""
    book, kept = partly_filled(data_copy, tmp_path / "answers.xlsx", keep=4)
    wb = load_workbook(book)
    ws = wb[ANSWERS]
    codes = list(dict.fromkeys(ws[cell("force_code", r)].value
                               for r in range(2, ws.max_row + 1)))
    silent = codes[4]
    for r in rows_of(ws, silent):
        ws[cell("note", r)] = NOTE
    wb.save(book)
    try:
        import_workbook(book, data_copy, EDITION, as_of=DAY)
        raise AssertionError("imported a row without a status")
    except IntakeProblems as exc:
        text = str(exc)
    # Of the four forces keyed in, Cleveland gave no response in 2024; the fifth is noted so.
    assert "3 of 43 forces answered; 2 keyed in as no response; 38 not yet; 14 problems in " \
           "14 rows" in text
    assert text.count("did you mean `no_response`?") == 14


def test_a_force_keyed_in_as_no_response_is_not_answered():
    counted = keyed_in(["A", "B"], [("A", True, False), ("A", True, True), ("B", True, True),
                                    ("B", True, True)])
    assert counted.answered == ("A",) and counted.silent == ("B",)
    assert counted.summary() == "1 of 2 forces answered; 1 keyed in as no response; 0 not yet"
