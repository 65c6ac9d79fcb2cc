"""Keying the answers in: a workbook out, the same workbook (or an .ods) back in.

`nsc-report intake workbook` writes one row per force, question and period with the question's
wording beside it, a drop-down list of statuses, whole-number validation on the value, a notes
column, frozen headers, and the codebook on a locked sheet; it is pre-filled with the edition's
answers so far. `nsc-report intake import` reads it back with python-calamine (.xlsx or .ods),
checks it with the same rules as foi_returns.csv, reports every problem row by row by sheet,
cell (A1 style), value, what was expected and what was probably meant (data/slips.py), under a
summary of how many forces are in, and only then replaces foi_returns.csv, atomically.

Answers arrive over weeks: a row left untouched (no status, value or note) is an answer not yet
in, written as no_response with a dated note (data.models.NOT_YET) and left blank again in the
next workbook, so that the workbook can be imported as often as answers come.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from nsc_report.cycle import workbook_check
from nsc_report.cycle.keyed import KeyedIn, keyed_in
from nsc_report.data import (
    NOT_YET,
    STATUSES,
    DataValidationError,
    Edition,
    Issue,
    _Context,
    _load_core,
    _load_returns,
    not_yet,
)
from nsc_report.data.issues import _once_per_cell
from nsc_report.errors import NscReportError
from nsc_report.infra import atomic, files
from nsc_report.infra.untrusted import formula_like
from nsc_report.present import labels

ANSWERS, CODEBOOK = "Answers", "Codebook"
COLUMNS = ["force_code", "force_name", "question_id", "question", "period", "period_label",
           "status", "value", "note"]
RETURNS = ["force_code", "question_id", "period", "status", "value", "note"]
MAX_ROWS = workbook_check.MAX_ROWS - 1  # answers below the header
MAX_WORKBOOK_BYTES = 20 * 2**20       # a workbook of every answer is well under 1 MB


class IntakeError(NscReportError):
    """The workbook could not be written (a folder in its place, a full disk)."""


def _letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def cell(column: str, row: int) -> str:
    """The A1 reference of a column of the Answers sheet on sheet row `row` (1 = header)."""
    return f"{_letter(COLUMNS.index(column))}{row}"


def answer_rows(edition: Edition) -> pd.DataFrame:
    """Every force x question x period, with the edition's answers where it has them."""
    periods = edition.meta.periods
    rows = [{"force_code": f.force_code, "force_name": f.force_name, "question_id": q.id,
             "question": q.wording, "period": p, "period_label": periods[p].label}
            for f in edition.forces.itertuples() for q in edition.questions.itertuples()
            for p in q.periods]
    frame = pd.DataFrame(rows, columns=COLUMNS[:6])
    try:
        known = edition.returns[RETURNS]
    except DataValidationError:
        known = pd.DataFrame(columns=RETURNS)  # no answers yet, or not valid yet: start blank
    merged = frame.merge(known, on=["force_code", "question_id", "period"], how="left")
    merged["status"] = merged["status"].fillna("")
    merged["note"] = merged["note"].fillna("")
    # An answer not yet in is left blank to be keyed in (and imported as not yet again).
    waiting = [not_yet(s, n) for s, n in zip(merged["status"], merged["note"], strict=True)]
    merged.loc[waiting, ["status", "note"]] = ""
    return merged[COLUMNS]


def write_workbook(edition: Edition, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    frame = answer_rows(edition)
    wb = Workbook()
    ws = wb.active
    ws.title = ANSWERS
    ws.append(COLUMNS)
    for row in frame.itertuples(index=False):
        values = list(row)
        value = values[COLUMNS.index("value")]
        values[COLUMNS.index("value")] = None if pd.isna(value) else int(value)
        ws.append(values)
    _as_text(ws)
    last = len(frame) + 1
    for c in ws[1]:
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="F3F0F8")
    ws.freeze_panes = "A2"
    for column, width in zip(COLUMNS, (12, 22, 10, 70, 14, 30, 16, 10, 50), strict=True):
        ws.column_dimensions[_letter(COLUMNS.index(column))].width = width
    for r in range(2, last + 1):
        ws[cell("question", r)].alignment = Alignment(wrap_text=True, vertical="top")
    status = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"',
                            allow_blank=True, showErrorMessage=True,
                            errorTitle="Status", error="Choose a status from the list.")
    status.add(f"{cell('status', 2)}:{cell('status', last)}")
    value = DataValidation(type="whole", operator="between", formula1="0",
                           formula2="10000000", allow_blank=True, showErrorMessage=True,
                           errorTitle="Value", error="A whole number of 0 or more, or empty.")
    value.add(f"{cell('value', 2)}:{cell('value', last)}")
    ws.add_data_validation(status)
    ws.add_data_validation(value)
    book = wb.create_sheet(CODEBOOK)
    book.append(["id", "wording", "periods", "unit", "section"])
    for q in edition.questions.itertuples():
        book.append([q.id, q.wording, "; ".join(edition.period_label(p) for p in q.periods),
                     q.unit, q.section])
    book.append([])
    book.append(["status", "meaning"])
    for key, meaning in labels.statuses(edition, list(STATUSES)).items():
        book.append([key, meaning])
    book.freeze_panes = "A2"
    book.column_dimensions["B"].width = 80
    book.protection.sheet = True  # the codebook is read, not edited, here
    try:
        with atomic.replacing(path) as tmp:  # whole, or not at all
            wb.save(tmp)
    except OSError as exc:
        raise IntakeError(f"{path}: the workbook could not be written "
                          f"({exc.strerror or exc})") from None
    return path


def _as_text(ws: Any) -> None:
    """A note (or any text) that a spreadsheet could run as a formula is written as a string
    cell, as Excel itself marks text typed after a quote: openpyxl would write '=...' as a
    formula, and a force editing the cell would turn '@...' into one. It reads back as the
    same text (see infra/untrusted.py)."""
    for row in ws.iter_rows():
        for c in row:
            if formula_like(c.value):
                c.data_type = "s"
                c.quotePrefix = True


def _text(value: object, sheet_cell: str, column: str, issues: list[Issue], label: str) -> str:
    """A cell as the CSV text it stands for; a date or a fraction where a count belongs is
    reported, not converted."""
    if value is None or value == "":
        return ""
    if isinstance(value, (dt.date, dt.datetime, dt.time, dt.timedelta)):
        issues.append(Issue(f"{label}, sheet '{ANSWERS}', cell {sheet_cell}", None, column,
                            str(value), "a whole number, not a date" if column == "value"
                            else "text, not a date"))
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() if isinstance(value, str) else str(value)


def _refused(label: str, expected: str) -> DataValidationError:
    return DataValidationError([Issue(label, None, None, None, expected)])


def read_workbook(path: Path) -> tuple[list[list[object]], list[tuple[int | None, Issue]]]:
    """The Answers sheet's rows (header first), read only after the file has been checked for
    what it is and how large it would become (workbook_check), and the problems found in its
    cells on the way (a formula, an error value, a cell beyond the columns, an extra sheet),
    by sheet row, to be listed with those of the rows: nothing is imported while there is
    one, but every problem is found in one run. A sheet that cannot be read as answers (no
    Answers sheet, other columns) is refused at once. The file is read once: what is checked
    is what is read."""
    from python_calamine import CalamineWorkbook

    label = str(path)
    kind = path.suffix.lower().lstrip(".")
    if kind not in ("xlsx", "ods"):
        raise _refused(label, f"an .xlsx or .ods workbook (the file's name ends "
                              f"'{path.suffix or 'without an extension'}')")
    try:
        data = files.read_bytes(path, "a workbook", MAX_WORKBOOK_BYTES)
    except files.UnreadableFile as exc:
        raise _refused(label, f"an .xlsx or .ods workbook that can be read ({exc.found})"
                       ) from None
    try:
        findings = workbook_check.check(data, kind, ANSWERS)
    except workbook_check.WorkbookRefused as exc:
        raise _refused(label, f"an .xlsx or .ods workbook that can be read ({exc})") from None
    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - any unreadable file gets the same named error
        raise _refused(label, f"an .xlsx or .ods workbook that can be read ({exc})") from None
    found: list[tuple[int | None, Issue]] = [
        (_row_of(f.cell), Issue(f"{label}, sheet '{ANSWERS}', cell {f.cell}", None, None,
                                f.value, f.expected)) for f in findings]
    extra = [s for s in wb.sheet_names if s not in (ANSWERS, CODEBOOK)]
    if extra:
        found.append((None, Issue(label, None, None, extra, f"only the sheets '{ANSWERS}' and "
                                  f"'{CODEBOOK}' (remove the extra sheet)")))
    issues = [issue for _, issue in found]
    if ANSWERS not in wb.sheet_names:
        issues.append(Issue(label, None, None, wb.sheet_names, f"a sheet named '{ANSWERS}'"))
        raise DataValidationError(issues)
    rows = wb.get_sheet_by_name(ANSWERS).to_python(skip_empty_area=False)
    header = [str(c).strip() for c in rows[0]] if rows else []
    while header and header[-1] == "":
        header.pop()
    if header != COLUMNS:
        issues.append(Issue(f"{label}, sheet '{ANSWERS}', row 1", None, None, header,
                            f"the columns {COLUMNS}"))
        raise DataValidationError(issues)  # its rows cannot be read as answers
    # A cell beyond the columns would be dropped: say where it is instead.
    for number, row in enumerate(rows[1:], 2):
        for index in range(len(COLUMNS), len(row)):
            if row[index] not in ("", None):
                found.append((number, Issue(f"{label}, sheet '{ANSWERS}', cell "
                                            f"{_letter(index)}{number}", None, None, row[index],
                                            f"nothing beyond column "
                                            f"{_letter(len(COLUMNS) - 1)} ({COLUMNS[-1]}): "
                                            f"write it in the note")))
    return rows, found


def _row_of(reference: str) -> int | None:
    """The sheet row of an A1 reference ('H111' -> 111)."""
    digits = "".join(ch for ch in reference if ch.isdigit())
    return int(digits) if digits else None


def _shown(ctx: _Context) -> dict[str, dict[str, str]]:
    """What the workbook shows beside each key: the force's name, the question's wording and
    the period's label, by force code, question id and period."""
    forces = ctx.forces if ctx.forces is not None else pd.DataFrame(columns=["force_code",
                                                                               "force_name"])
    return {"force_name": dict(zip(forces["force_code"], forces["force_name"], strict=True)),
            "question": {q.id: q.wording for q in ctx.codebook.questions} if ctx.codebook
            else {},
            "period_label": {k: p.label for k, p in ctx.meta.periods.items()} if ctx.meta
            else {}}


def _check_shown(values: dict[str, object], shown: dict[str, dict[str, str]], number: int,
                 issues: list[Issue], label: str) -> None:
    """A name, wording or label that is not the one of its row's key is reported: it is not
    imported, so a row whose columns were sorted apart would otherwise go unnoticed."""
    for column, key in (("force_name", "force_code"), ("question", "question_id"),
                        ("period_label", "period")):
        given, expected = values[column], shown[column].get(str(values[key]).strip())
        if given in ("", None) or expected is None:
            continue
        if " ".join(str(given).split()) != " ".join(expected.split()):
            issues.append(Issue(f"{label}, sheet '{ANSWERS}', cell {cell(column, number)}",
                                None, column, given, f"{expected!r}, as for {key} "
                                f"{values[key]} (were the columns sorted apart?)"))


@dataclass(frozen=True)
class Imported:
    path: Path          # foi_returns.csv, replaced
    keyed: KeyedIn      # which forces are in
    note: str           # the note of the rows not yet answered


class IntakeProblems(DataValidationError):
    """Problems in a workbook, listed row by row under a summary of how many forces are in."""

    def __init__(self, issues: list[Issue], text: str):
        super().__init__(issues)
        self.args = (text,)  # the row-by-row listing instead of the flat one


def _blank(value: object) -> bool:
    return value is None or str(value).strip() == ""


def _no_answer(values: dict[str, object]) -> bool:
    """A row keyed in as no response: its status, or a note with no status and no figure
    (which the checks then ask to be given the status no_response)."""
    status = str(values["status"] or "").strip()
    return status == "no_response" or (status == "" and _blank(values["value"])
                                       and not _blank(values["note"]))


def _hint_no_response(issue: Issue, values: dict[str, object] | None) -> Issue:
    """A row with a note but no status and no figure (the tester followed `check`'s advice to
    note why there is no answer): what to put in its status."""
    if (values is None or issue.column != "status" or issue.value not in ("", None)
            or issue.hint is not None or not _blank(values["status"])
            or not _no_answer(values)):
        return issue
    return dataclasses.replace(issue, hint="did you mean `no_response`? A row with a note "
                                           "but no answer needs the status that says why")


def _untouched(values: dict[str, object]) -> bool:
    """A row nobody has keyed anything into: an answer still to come."""
    return all(values[c] is None or str(values[c]).strip() == ""  # a space is no answer
               for c in ("status", "value", "note"))


def _sources_kept(target: Path) -> tuple[dict[tuple[str, ...], tuple[tuple[str, ...], str]],
                                          bool]:
    """The sources the returns file cites for public answers, by force, question and period,
    each with the answer (status, value) it is the source of; and whether the file has the
    column. The workbook does not carry them: an import keeps each where the answer is
    unchanged (a changed answer is not the one the source gave)."""
    try:
        with target.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error):
        return {}, False
    if not rows or "source_id" not in rows[0]:
        return {}, False
    return {(r["force_code"], r["question_id"], r["period"]): ((r["status"], r["value"]),
                                                                r["source_id"])
            for r in rows if (r.get("source_id") or "").strip()}, True


def import_workbook(path: Path, data_dir: Path, edition: str,
                    as_of: dt.date | None = None) -> Imported:
    """Check a keyed-in workbook and write data/<edition>/foi_returns.csv from it; raise
    IntakeProblems (naming sheet and cell, with suggestions) and write nothing if anything is
    wrong. A row left untouched is an answer not yet in: written as no_response with the note
    NOT_YET of `as_of` (today), so that a workbook can be imported again as answers come."""
    rows, in_cells = read_workbook(path)
    label = str(path)
    core: list[Issue] = []
    ctx = _load_core(data_dir, edition, core)
    if core:
        raise DataValidationError(core)
    note = NOT_YET.format(day=(as_of or dt.date.today()).isoformat())
    numbered = [(n, dict(zip(COLUMNS, list(r) + [""] * (len(COLUMNS) - len(r)), strict=False)))
                for n, r in enumerate(rows[1:], 2) if any(v not in ("", None) for v in r)]
    sheet_rows = [n for n, _ in numbered]
    target = data_dir / edition / "foi_returns.csv"
    sourced, with_sources = _sources_kept(target)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(RETURNS + ["source_id"] * with_sources)
    shown = _shown(ctx)
    problems: list[tuple[int | None, Issue]] = list(in_cells)  # formulas & co., by row
    keyed: list[tuple[str, bool, bool]] = []
    for number, values in numbered:
        found: list[Issue] = []
        untouched = _untouched(values)
        keyed.append((str(values["force_code"]).strip(), not untouched, _no_answer(values)))
        if untouched:
            values = {**values, "status": "no_response", "note": note}
        written = [_text(values[c], cell(c, number), c, found, label) for c in RETURNS]
        if with_sources:  # a public answer keeps its source while it is the same answer
            key, answer = tuple(written[:3]), tuple(written[3:5])
            written.append(sourced[key][1] if sourced.get(key, ((), ""))[0] == answer else "")
        writer.writerow(written)
        _check_shown(values, shown, number, found, label)
        problems += [(number, i) for i in found]
    # Checked as the text it would be, so that nothing is written until it is valid.
    found = []
    _load_returns(target, ctx, found, buffer.getvalue())
    by_number = dict(numbered)
    named = {issue.file for _, issue in in_cells}  # the cells already reported
    for issue in _once_per_cell(found):
        number = sheet_rows[issue.row - 1] if issue.row is not None else None
        where = f"{label}, sheet '{ANSWERS}'"
        first = (issue.column or "").split(",")[0].strip()  # a repeated row names its key
        if number is not None and first in COLUMNS:
            where += f", cell {cell(first, number)}"
        elif number is not None:
            where += f", row {number}"
        # The returns' loader attached what was probably meant (data/slips.py), as validate
        # prints it.
        if where in named:
            continue  # a formula's cell: what it reads as is not what anyone typed
        found_issue = Issue(where, None, issue.column, issue.value, issue.expected,
                            hint=issue.hint)
        problems.append((number, _hint_no_response(found_issue, by_number.get(number))))
    counted = keyed_in(ctx.forces["force_code"] if ctx.forces is not None else [], keyed)
    if problems:
        raise _problems(label, counted, problems, dict(numbered), shown)
    files.inside(target, data_dir, "the returns file")  # replaced where it stands, no link
    with atomic.replacing(target) as tmp:
        tmp.write_text(buffer.getvalue(), encoding="utf-8")
    return Imported(target, counted, note)


def _problems(label: str, counted: KeyedIn, problems: list[tuple[int | None, Issue]],
              rows: dict[int, dict[str, object]], shown: dict[str, dict[str, str]]
              ) -> IntakeProblems:
    """The problems row by row (a row's key beside its number), those of the sheet as a whole
    last, under a summary: '3 of 43 forces answered; 40 not yet; 2 problems in 2 rows'."""
    by_row: dict[int | None, list[Issue]] = {}
    for number, issue in _distinct(problems):
        by_row.setdefault(number, []).append(issue)
    in_rows = sorted(n for n in by_row if n is not None)
    count = sum(len(found) for found in by_row.values())
    headline = (f"{label}: {counted.summary()}; {count} problem{'s' * (count != 1)} in "
                f"{len(in_rows)} row{'s' * (len(in_rows) != 1)}")
    if None in by_row:
        headline += f" and {len(by_row[None])} in the sheet as a whole"
    lines = [headline + ":"]
    for number in [*in_rows, *([None] if None in by_row else [])]:
        if number is None:
            lines.append("  the sheet as a whole:")
        else:
            values = rows.get(number) or dict.fromkeys(COLUMNS, "")  # a formula giving ''
            code = str(values["force_code"]).strip()
            name = shown["force_name"].get(code)
            lines.append(f"  row {number} ({code}{f' {name}' if name else ''}, "
                         f"{values['question_id']}, {values['period']}):")
        # The workbook is named once, in the summary; each problem by sheet and cell.
        lines += [f"    - {str(issue).removeprefix(label + ', ')}" for issue in by_row[number]]
    return IntakeProblems([i for found in by_row.values() for i in found], "\n".join(lines))


def _distinct(problems: list[tuple[int | None, Issue]]) -> list[tuple[int | None, Issue]]:
    """Each problem once: a cell left empty is "a status" to one rule and "a status: answered,
    ..." to the next, and only the fuller is kept."""
    groups: dict[tuple[int | None, str, str | None, str], list[str]] = {}
    for number, issue in problems:
        groups.setdefault((number, issue.file, issue.column, repr(issue.value)),
                          []).append(issue.expected)
    return [(number, issue) for number, issue in problems
            if not any(other != issue.expected and other.startswith(issue.expected)
                       for other in groups[(number, issue.file, issue.column,
                                            repr(issue.value))])]
