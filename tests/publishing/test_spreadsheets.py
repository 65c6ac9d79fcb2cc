"""The workbook downloads meet the Analysis Function's standard for spreadsheets, point by
point where a program can check it, and the XLSX and the ODS hold the same cells, whose
values equal the CSV downloads."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest
from helpers import DATA, EDITION, copy_data
from python_calamine import CalamineWorkbook

from nsc_report.data import load_edition
from nsc_report.present import words
from nsc_report.publishing import spreadsheets
from nsc_report.publishing.downloads import published_table, returns_table

FIRST = ["Cover", "Contents", "Notes"]


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    ed = load_edition(DATA, EDITION)
    book = spreadsheets.workbook(ed, returns_table(ed), published_table(ed))
    folder = tmp_path_factory.mktemp("workbooks")
    paths = {"xlsx": folder / "data.xlsx", "ods": folder / "data.ods"}
    paths["xlsx"].write_bytes(spreadsheets.to_xlsx(book))
    paths["ods"].write_bytes(spreadsheets.to_ods(book))
    paths["returns.csv"] = folder / "returns.csv"
    paths["returns.csv"].write_text(returns_table(ed).to_csv(index=False), "utf-8")
    paths["published.csv"] = folder / "published.csv"
    paths["published.csv"].write_text(published_table(ed).to_csv(index=False), "utf-8")
    return paths


def cells(path: Path) -> dict[str, list[list[object]]]:
    book = CalamineWorkbook.from_path(str(path))
    return {name: [[c for c in row] for row in book.get_sheet_by_name(name).to_python()]
            for name in book.sheet_names}


def trimmed(rows: list[list[object]]) -> list[list[object]]:
    """Rows without the empty cells a reader pads them with."""
    out = []
    for row in rows:
        row = list(row)
        while row and row[-1] == "":
            row.pop()
        out.append(row)
    return out


@pytest.fixture(scope="module", params=["xlsx", "ods"])
def sheets(request, files) -> dict[str, list[list[object]]]:
    return {name: trimmed(rows) for name, rows in cells(files[request.param]).items()}


def tables(sheets):
    return {n: rows for n, rows in sheets.items() if n not in FIRST}


def test_both_formats_hold_the_same_cells(files):
    xlsx, ods = cells(files["xlsx"]), cells(files["ods"])
    assert list(xlsx) == list(ods)
    for name in xlsx:
        assert trimmed(xlsx[name]) == trimmed(ods[name]), name


def test_cover_contents_and_notes_come_first(sheets):
    assert list(sheets)[:3] == FIRST
    cover = "\n".join(str(r[0]) for r in sheets["Cover"] if r)
    for said in ("Joining forces", "2024", "National Stalking Consortium", "Period:",
                 "Source of the answers", "Contact", "illustrative data, not real answers"):
        assert said.lower() in cover.lower(), said


def test_the_contents_list_every_table(sheets):
    listed = [row[0] for row in sheets["Contents"][3:]]
    assert listed == list(tables(sheets))


def test_each_table_has_its_title_in_a1_and_one_table_per_sheet(sheets):
    for name, rows in tables(sheets).items():
        assert rows[0][0] and "$$" not in rows[0][0] and len(rows[0]) == 1, name
        assert rows[1] == [words.Words("spreadsheets").text(
            "spreadsheets-instructions", missing=spreadsheets.MISSING)], name
        assert rows[1][0].startswith("This worksheet contains one table."), name
        assert str(rows[2][0]).startswith("Source:"), name


def test_no_blank_rows_or_columns_inside_a_table(sheets):
    for name, rows in tables(sheets).items():
        header, body = rows[3], rows[4:]
        assert all(str(h).strip() for h in header), name
        assert body, name
        for i, row in enumerate(body):
            assert any(str(c).strip() for c in row), f"{name}: row {i + 5} is blank"
        for j, column in enumerate(header):
            assert any(j < len(r) and str(r[j]).strip() for r in body), f"{name}: {column}"


def test_no_merged_cells(files):
    with zipfile.ZipFile(files["xlsx"]) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<mergeCell" not in zf.read(name), name
    with zipfile.ZipFile(files["ods"]) as zf:
        content = zf.read("content.xml")
        assert b"number-columns-spanned" not in content
        assert b"number-rows-spanned" not in content


def test_every_note_is_referenced_and_every_reference_has_a_note(sheets):
    numbers = {int(row[0]) for row in sheets["Notes"][3:]}
    text = " ".join(str(c) for rows in tables(sheets).values() for row in rows[:4] for c in row)
    referenced = {int(n) for n in re.findall(r"\[note (\d+)\]", text)}
    assert referenced == numbers and numbers == set(range(1, len(numbers) + 1))
    notes = " ".join(str(row[1]) for row in sheets["Notes"][3:])
    assert "[x] marks a value that is not available" in notes  # the shorthand explained


def test_units_are_in_the_headers_and_numbers_are_numbers(sheets):
    for name in ("FOI_returns", "Published_statistics"):
        header = sheets[name][3]
        column = next(i for i, h in enumerate(header) if str(h).startswith("value"))
        assert "(count)" in header[column] and "[note" in header[column]
        values = [row[column] for row in sheets[name][4:]]
        assert all(isinstance(v, float) or v == spreadsheets.MISSING for v in values), name
        assert any(isinstance(v, float) for v in values)


@pytest.mark.parametrize("sheet,csv_name", [("FOI_returns", "returns.csv"),
                                            ("Published_statistics", "published.csv")])
def test_values_equal_the_csv(sheets, files, sheet, csv_name):
    expected = list(csv.reader(io.StringIO(files[csv_name].read_text("utf-8"))))
    rows = sheets[sheet]
    header = [str(h).split("\n")[0] for h in rows[3]]
    assert header == expected[0]
    assert len(rows) - 4 == len(expected) - 1
    for got, want in zip(rows[4:], expected[1:], strict=True):
        got = got + [""] * (len(want) - len(got))
        for g, w, column in zip(got, want, header, strict=True):
            if isinstance(g, float):
                assert g == float(w), (sheet, column, g, w)
            elif g == spreadsheets.MISSING:
                assert w == "", (sheet, column, w)
            else:
                assert str(g) == w, (sheet, column, g, w)


def test_the_same_data_give_the_same_files(files):
    ed = load_edition(DATA, EDITION)
    book = spreadsheets.workbook(ed, returns_table(ed), published_table(ed))
    assert spreadsheets.to_xlsx(book) == files["xlsx"].read_bytes()
    assert spreadsheets.to_ods(book) == files["ods"].read_bytes()


def test_a_kept_workbook_is_what_writing_it_gives(files, tmp_path: Path, monkeypatch):
    """Every build of the same data reads the workbook from the user's cache: the first write
    keeps it, another folder (a fresh copy of the project) gets the same bytes without writing
    it again, and a change of data is written anew."""
    from nsc_report.infra.user_cache import CACHE_ENV
    from nsc_report.publishing.downloads import download_names, write_downloads

    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    ed = load_edition(DATA, EDITION)
    names = download_names(ed)
    write_downloads(tmp_path / "a", ed, [], tmp_path)
    for kind in ("xlsx", "ods"):
        assert (tmp_path / "a" / names[f"nsc-data.{kind}"]).read_bytes() == \
            files[kind].read_bytes(), kind

    def written_again(book: object) -> bytes:
        raise AssertionError("a kept workbook was written again")

    with monkeypatch.context() as patched:
        patched.setattr(spreadsheets, "to_xlsx", written_again)
        patched.setattr(spreadsheets, "to_ods", written_again)
        write_downloads(tmp_path / "b", ed, [], tmp_path)
    for kind in ("xlsx", "ods"):
        name = names[f"nsc-data.{kind}"]
        assert (tmp_path / "b" / name).read_bytes() == (tmp_path / "a" / name).read_bytes()
    # Other data: another key, so the workbook is written again.

    data = copy_data(tmp_path / "data")
    meta = data / EDITION / "edition.yml"
    meta.write_text(meta.read_text("utf-8") + "\n# another comment\n", "utf-8")
    calls = []
    real = spreadsheets.to_ods
    monkeypatch.setattr(spreadsheets, "to_ods", lambda book: calls.append(1) or real(book))
    write_downloads(tmp_path / "c", load_edition(data, EDITION), [], tmp_path)
    assert calls == [1]


def test_the_zip_readme_names_the_status_columns_the_files_have():
    """A fact-check found the chart-data ZIP's README pointing to a data_status column that
    its chart tables do not have (theirs is 'Data status')."""
    import csv as csv_module

    from nsc_report.present.charts import AccessibleChart
    from nsc_report.publishing.downloads import data_notice

    ed = load_edition(DATA, EDITION)
    notice = data_notice(ed)
    # The answers (their own column, data_status) are not in the ZIP: its README names none
    # of their columns (fact-check 4, B10).
    assert "data_status" in returns_table(ed).columns and "data_status" not in notice
    from nsc_report.sections import officers
    chart = officers.chart(ed)
    assert isinstance(chart, AccessibleChart) and chart.notice
    header = next(csv_module.reader(io.StringIO(chart.csv())))
    status_columns = [c for c in header if "status" in c.lower()]
    assert status_columns and all(f"'{c}'" in notice for c in status_columns), (header, notice)
