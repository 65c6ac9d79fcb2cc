"""Answers arrive over weeks: a partly filled workbook is imported, its untouched rows kept as
not yet answered (no_response with a dated note), its slips listed row by row with what was
probably meant, under a summary of how many forces are in; `status`, `validate` and `check`
understand the rows not yet answered, and the next workbook leaves them blank to be keyed in."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from helpers import EDITION, ROOT
from openpyxl import load_workbook

from nsc_report.cli.main import main
from nsc_report.cycle.intake import ANSWERS, cell, import_workbook, write_workbook
from nsc_report.cycle.keyed import keyed_in
from nsc_report.data import load_edition, not_yet, slips

DAY = dt.date(2025, 2, 10)
NOTE = "Not yet answered (as of import 2025-02-10)"


def returns(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return frame.sort_values(["force_code", "question_id", "period"]).reset_index(drop=True)


def partly_filled(data: Path, book: Path, keep: int = 3) -> tuple[Path, list[str]]:
    """The 2024 answers of the first `keep` forces of the workbook; every other row untouched."""
    write_workbook(load_edition(data, EDITION, lazy=True), book)
    wb = load_workbook(book)
    ws = wb[ANSWERS]
    codes = list(dict.fromkeys(ws[cell("force_code", r)].value
                               for r in range(2, ws.max_row + 1)))
    for r in range(2, ws.max_row + 1):
        if ws[cell("force_code", r)].value not in codes[:keep]:
            for column in ("status", "value", "note"):
                ws[cell(column, r)] = None
    wb.save(book)
    return book, codes[:keep]


def rows_of(ws, code: str, **where: str) -> list[int]:
    return [r for r in range(2, ws.max_row + 1) if ws[cell("force_code", r)].value == code
            and all(ws[cell(c, r)].value == v for c, v in where.items())]


def run(data: Path, capsys, *args: str) -> tuple[int, str]:
    code = main([*args, "--data-dir", str(data), "--edition", EDITION])
    out = capsys.readouterr()
    return code, out.err + out.out


def test_untouched_rows_are_not_yet_answered(data_copy: Path, tmp_path: Path, capsys):
    before = returns(data_copy / EDITION / "foi_returns.csv")
    book, kept = partly_filled(data_copy, tmp_path / "answers.xlsx")
    wb = load_workbook(book)
    wb[ANSWERS][cell("note", wb[ANSWERS].max_row)] = "  "  # a stray space is no answer
    wb.save(book)
    done = import_workbook(book, data_copy, EDITION, as_of=DAY)
    # Cleveland, among the three, gave no response in 2024: keyed in as such, not answered.
    assert done.keyed.summary() == ("2 of 43 forces answered; 1 keyed in as no response; "
                                    "40 not yet")
    after = returns(done.path)
    mine = after["force_code"].isin(kept)
    assert after[mine].equals(before[before["force_code"].isin(kept)])
    rest = after[~mine]
    assert len(rest) == 40 * 14 and set(rest["status"]) == {"no_response"}
    assert set(rest["note"]) == {NOTE} and set(rest["value"]) == {""}
    ed = load_edition(data_copy, EDITION)  # a partly answered edition validates (and builds)
    assert sum(not_yet(s, n) for s, n in zip(ed.returns["status"], ed.returns["note"],
                                             strict=True)) == 40 * 14
    code, message = run(data_copy, capsys, "validate")
    assert code == 0, message
    assert "560 answer(s) from 40 force(s) not yet in" in message


def test_the_command_says_how_many_forces_are_in(data_copy: Path, tmp_path: Path, capsys):
    book, _ = partly_filled(data_copy, tmp_path / "answers.xlsx")
    code, message = run(data_copy, capsys, "intake", "import", str(book))
    assert code == 0, message
    assert "2 of 43 forces answered; 1 keyed in as no response; 40 not yet." in message
    assert "Not yet answered (as of import " in message


def test_slips_are_listed_by_row_with_suggestions(data_copy: Path, tmp_path: Path, capsys):
    """The tester's case: 3 forces keyed in, '4,102' typed with a comma and 'Not held' for
    not_held; 1,123 problems were reported, two per blank row."""
    book, kept = partly_filled(data_copy, tmp_path / "answers.xlsx")
    wb = load_workbook(book)
    ws = wb[ANSWERS]
    answered = min(r for code in kept for r in rows_of(ws, code, status="answered"))
    ws[cell("value", answered)] = "4,102"
    held = min(r for code in kept for r in rows_of(ws, code, status="not_held"))
    ws[cell("status", held)] = "Not held"
    wb.save(book)
    target = data_copy / EDITION / "foi_returns.csv"
    before = target.read_bytes()
    code, message = run(data_copy, capsys, "intake", "import", str(book))
    assert code == 1
    assert (f"{book}: 2 of 43 forces answered; 1 keyed in as no response; 40 not yet; "
            f"2 problems in 2 rows:") in message
    assert f"sheet '{ANSWERS}', cell {cell('value', answered)}" in message
    assert "got '4,102'" in message and "did you mean 4102?" in message
    assert f"cell {cell('status', held)}" in message and "did you mean `not_held`?" in message
    for number in (answered, held):
        assert f"  row {number} (" in message
    assert len(message.splitlines()) <= 7, message  # summary, 2 rows, 2 problems, the rest
    assert target.read_bytes() == before


def test_answers_are_imported_again_as_they_come(data_copy: Path, tmp_path: Path):
    original = returns(data_copy / EDITION / "foi_returns.csv")
    book, kept = partly_filled(data_copy, tmp_path / "first.xlsx")
    import_workbook(book, data_copy, EDITION, as_of=DAY)
    # The next workbook, written from the edition, leaves the answers not yet in blank.
    later = write_workbook(load_edition(data_copy, EDITION, lazy=True), tmp_path / "next.xlsx")
    wb = load_workbook(later)
    ws = wb[ANSWERS]
    blank = [r for r in range(2, ws.max_row + 1) if ws[cell("force_code", r)].value not in kept]
    assert all(ws[cell(c, r)].value in (None, "") for r in blank
               for c in ("status", "value", "note"))
    # Two more forces answer: their 2024 answers keyed in.
    more = list(dict.fromkeys(ws[cell("force_code", r)].value for r in blank))[:2]
    by_key = original.set_index(["force_code", "question_id", "period"])
    for r in blank:
        key = tuple(ws[cell(c, r)].value for c in ("force_code", "question_id", "period"))
        if key[0] in more:
            answer = by_key.loc[key]
            ws[cell("status", r)] = answer["status"]
            ws[cell("value", r)] = int(answer["value"]) if answer["value"] else None
            ws[cell("note", r)] = answer["note"] or None
    wb.save(later)
    done = import_workbook(later, data_copy, EDITION, as_of=DAY + dt.timedelta(days=14))
    assert done.keyed.summary() == ("3 of 43 forces answered; 2 keyed in as no response; "
                                    "38 not yet")
    after = returns(done.path)
    now_in = after["force_code"].isin([*kept, *more])
    assert after[now_in].equals(original[original["force_code"].isin([*kept, *more])])
    assert set(after[~now_in]["note"]) == {"Not yet answered (as of import 2025-02-24)"}


def test_status_shows_who_has_answered(data_copy: Path, tmp_path: Path, capsys):
    book, kept = partly_filled(data_copy, tmp_path / "answers.xlsx")
    import_workbook(book, data_copy, EDITION, as_of=DAY)
    ed = load_edition(data_copy, EDITION)
    names = dict(zip(ed.forces["force_code"], ed.forces["force_name"], strict=True))
    late = next(c for c in names if c not in kept)
    lines = ["force_code,reference,date_sent,date_received,internal_review,ico_complaint",
             f"{kept[0]},NSC-{EDITION}-{kept[0]},2024-01-02,2024-01-20,,",
             f"{kept[1]},NSC-{EDITION}-{kept[1]},2024-01-02,,,",
             f"{late},NSC-{EDITION}-{late},2024-01-02,2024-01-22,,"]
    (data_copy / EDITION / "tracker.csv").write_text("\n".join(lines) + "\n")
    code, message = run(data_copy, capsys, "status", "--today", "2024-03-01")
    assert code == 0, message
    assert "Keyed in" in message
    assert ("Answers keyed in (foi_returns.csv): 2 of 43 forces answered; 1 keyed in as no "
            "response; 40 not yet.") in message
    assert f"Answered by the tracker but not keyed in (1): {names[late]}" in message
    assert f"Keyed in but with no date_received in tracker.csv (1): {names[kept[1]]}" in message
    row = next(line for line in message.splitlines() if line.startswith(names[late]))
    assert row.rstrip().endswith("not yet")


def test_status_before_any_answer(data_copy: Path, capsys):
    path = data_copy / EDITION / "foi_returns.csv"
    path.write_text(path.read_text().splitlines()[0] + "\n")
    (data_copy / EDITION / "tracker.csv").write_text(
        "force_code,reference,date_sent,date_received,internal_review,ico_complaint\n"
        f"CPS,NSC-{EDITION}-CPS,2024-01-02,,,\n")
    code, message = run(data_copy, capsys, "status", "--today", "2024-03-01")
    assert code == 0, message
    assert "No answers keyed in yet" in message


def test_check_lists_the_answers_not_yet_in(data_copy: Path, tmp_path: Path):
    from nsc_report.publishing.check import NOT_YET_IN, check, kind_words, summary

    book, _ = partly_filled(data_copy, tmp_path / "answers.xlsx", keep=42)
    import_workbook(book, data_copy, EDITION, as_of=DAY)
    problems = [p for p in check(ROOT, data_copy, EDITION) if p.kind == NOT_YET_IN]
    assert len(problems) == 1
    assert "1 force's answers are not yet in (14 answers; " in problems[0].what
    assert NOTE in problems[0].what
    lines = (data_copy / EDITION / "foi_returns.csv").read_text().splitlines()
    line, before = lines[problems[0].line - 1], lines[problems[0].line - 2]
    # The note column (a public answer's source_id, empty here, may follow it).
    def note(text: str) -> str:
        return next(csv.DictReader([lines[0], text]))["note"]

    assert note(line) == NOTE and note(before) != NOTE  # the force's first such row
    assert f"({line.split(',')[0]}, 14 from line {problems[0].line})" in problems[0].what
    assert f"{kind_words(NOT_YET_IN)} (1)" in summary(problems, EDITION)


def test_the_2024_answers_have_no_row_not_yet_in():
    from helpers import DATA

    ed = load_edition(DATA, EDITION)
    assert not any(not_yet(s, n) for s, n in zip(ed.returns["status"], ed.returns["note"],
                                                 strict=True))


@pytest.mark.parametrize("given,expected", [
    ("4,102", "did you mean 4102?"), ("1,234,567", "did you mean 1234567?"),
    ("12 345", "did you mean 12345?"), ("12.0", "did you mean 12?"), ("nil", "did you mean 0?"),
    ("n/a", "leave the value empty"), ("about forty", None), ("4,10", None)])
def test_value_suggestions(given: str, expected: str | None):
    found = slips.value(given)
    assert (found is None) if expected is None else (expected in (found or ""))


STATUSES = {"answered": ["answered in full"], "not_held": ["information not held"],
            "refused_s12": ["refused: cost limit (section 12)"],
            "refused_other": ["refused: other exemption"], "no_response": ["no response"]}


@pytest.mark.parametrize("given,expected", [
    ("Not held", "did you mean `not_held`?"), ("answerd", "did you mean `answered`?"),
    ("No response", "did you mean `no_response`?"),
    ("Refused: cost limit (section 12)", "did you mean `refused_s12`?"),
    ("refused", "did you mean `refused_s12` or `refused_other`?"), ("banana", None)])
def test_status_suggestions(given: str, expected: str | None):
    assert slips.choice(given, STATUSES) == expected


def test_a_force_keyed_in_part_is_counted_so():
    counted = keyed_in(["A", "B", "C"], [("A", True), ("A", True), ("B", True), ("B", False),
                                         ("C", False), ("X", True)])
    assert counted.summary() == ("2 of 3 forces answered; 1 not yet; 1 keyed in only in part "
                                 "(B: 1 of 2 rows)")
