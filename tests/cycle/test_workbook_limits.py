"""A returned workbook is untrusted (issue 30, item 4): what it is, how large it is and how large
it would unpack to are checked before any cell is read, in constant memory; a formula or an
error value in the answers is refused by cell, and so is a cell beyond the columns; nothing is
ever written into the data folder before the import is known to be valid."""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import EDITION
from openpyxl import load_workbook

from nsc_report.cli.main import main
from nsc_report.cycle.intake import ANSWERS, cell, write_workbook
from nsc_report.data import load_edition

MEMORY = 3 * 2**30  # the bombs asked for 512 GiB and 7.4 GB; a sound import needs far less


@pytest.fixture
def workbook(data_copy: Path, tmp_path: Path) -> Path:
    return write_workbook(load_edition(data_copy, EDITION, lazy=True), tmp_path / "answers.xlsx")


def rebuilt(source: Path, out: Path, replace: dict[str, Callable[[bytes], bytes]] | None = None,
            add: dict[str, bytes] | None = None) -> Path:
    """A copy of the workbook `source` with members changed or added, zipped by hand."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info.filename, (replace or {}).get(info.filename, lambda d: d)(data))
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return out


def sheet(edit: Callable[[bytes], bytes]) -> dict[str, Callable[[bytes], bytes]]:
    return {"xl/worksheets/sheet1.xml": edit}


def far_corner(xml: bytes) -> bytes:
    return xml.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr">'
                                        b"<is><t>x</t></is></c></row></sheetData>")


def import_(book: Path, data: Path, capsys) -> tuple[int, str]:
    code = main(["intake", "import", str(book), "--data-dir", str(data), "--edition", EDITION])
    out = capsys.readouterr()
    return code, out.err + out.out


def import_bounded(book: Path, data: Path) -> subprocess.CompletedProcess[str]:
    """The import in a process of its own with at most MEMORY of address space (a native
    crash or an allocation of gigabytes ends that process, not the tests)."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    return subprocess.run([sys.executable, "-m", "nsc_report.cli", "intake", "import", str(book),
                           "--data-dir", str(data), "--edition", EDITION],
                          capture_output=True, text=True, timeout=300, preexec_fn=limit)


def snapshot(data: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(data.rglob("*")) if p.is_file()}


def test_a_value_at_the_far_corner_is_refused_before_it_is_read(workbook, data_copy, tmp_path):
    # 32 KB that the reader would unfold into 17 billion cells (it aborted, allocating 512 GiB).
    bomb = rebuilt(workbook, tmp_path / "corner.xlsx", sheet(far_corner))
    assert bomb.stat().st_size < 64 * 1024
    before = snapshot(data_copy)
    result = import_bounded(bomb, data_copy)
    message = result.stderr + result.stdout
    assert result.returncode == 1, message
    assert str(bomb) in message and "XFD1048576" in message and "Traceback" not in message
    assert snapshot(data_copy) == before


def test_a_declared_dimension_beyond_the_limits_is_refused(workbook, data_copy, tmp_path,
                                                           capsys):
    bomb = rebuilt(workbook, tmp_path / "dimension.xlsx", sheet(
        lambda x: re.sub(rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="A1:XFD1048576"/>', x)))
    code, message = import_(bomb, data_copy, capsys)
    assert code == 1 and "declares cells up to XFD1048576" in message


def test_a_zip_bomb_is_refused_by_its_sizes_before_it_is_unpacked(workbook, data_copy, tmp_path):
    # A sheet of 80,000 rows with a long note each: 320 MB of XML packed into about 1 MB (the
    # tester's took 7.4 GB of memory and wrote a temporary file of 1 GB into data/2024/).
    bomb = tmp_path / "bomb.xlsx"
    note = b"A" * 4000
    with zipfile.ZipFile(workbook) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                zout.writestr(info.filename, zin.read(info.filename))
                continue
            head, _, tail = zin.read(info.filename).partition(b"<sheetData>")
            end = tail[tail.index(b"</sheetData>"):]
            with zout.open(info.filename, "w", force_zip64=True) as member:
                member.write(head + b"<sheetData>" + tail[:tail.index(b"</row>") + 6])
                for r in range(2, 80_002):
                    member.write(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>E23000013</t></is>'
                                 b'</c><c r="I%d" t="inlineStr"><is><t>%s</t></is></c></row>'
                                 % (r, r, r, note))
                member.write(end)
    assert bomb.stat().st_size < 2 * 2**20
    before = snapshot(data_copy)
    result = import_bounded(bomb, data_copy)
    message = result.stderr + result.stdout
    assert result.returncode == 1, message
    assert "unpacked" in message and "100 MB" in message
    assert snapshot(data_copy) == before  # and no temporary file in data/2024


def test_a_member_packed_a_thousand_times_is_refused(workbook, data_copy, tmp_path, capsys):
    bomb = rebuilt(workbook, tmp_path / "ratio.xlsx", add={"xl/media/zeros.bin": bytes(4 * 2**20)})
    code, message = import_(bomb, data_copy, capsys)
    assert code == 1 and "'xl/media/zeros.bin' unpacks to" in message and "zip bomb" in message


def test_a_member_that_holds_more_than_it_declares_is_refused(workbook, data_copy, tmp_path,
                                                              capsys):
    liar = rebuilt(workbook, tmp_path / "liar.xlsx")
    data = bytearray(liar.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(liar) as z:
        true_size = z.getinfo(name.decode()).file_size
    # Say 1,000 bytes, in the local header (offset 22) and the central directory (24).
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature + b"", 0)
        while at >= 0:
            end = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[end:end + len(name)] == name or data[end:end + 200].startswith(name):
                assert int.from_bytes(data[at + offset:at + offset + 4], "little") == true_size
                data[at + offset:at + offset + 4] = (1000).to_bytes(4, "little")
                break
            at = data.find(signature, at + 4)
    liar.write_bytes(bytes(data))
    code, message = import_(liar, data_copy, capsys)
    assert code == 1 and "holds more than the 1,000 bytes it declares" in message


def test_an_archive_of_thousands_of_files_is_refused(workbook, data_copy, tmp_path, capsys):
    many = rebuilt(workbook, tmp_path / "many.xlsx",
                   add={f"xl/media/{i}.txt": b"" for i in range(1000)})
    code, message = import_(many, data_copy, capsys)
    assert code == 1 and "an archive of 1,010 files" in message


@pytest.mark.parametrize("name, content, expected", [
    ("answers.xlsx", "ods", "not an Excel workbook (.xlsx), whatever its name says"),
    ("answers.ods", "xlsx", "not an OpenDocument spreadsheet (.ods), whatever its name says"),
    ("answers.csv", "xlsx", "the file's name ends '.csv'"),
])
def test_a_file_that_is_not_what_its_name_says_is_refused(name, content, expected, workbook,
                                                          data_copy, tmp_path, capsys):
    source = workbook
    if content == "ods":
        source = tmp_path / "made.ods"
        with zipfile.ZipFile(source, "w") as z:
            z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            z.writestr("content.xml", "<office:document-content/>")
    other = tmp_path / "named" / name
    other.parent.mkdir()
    other.write_bytes(source.read_bytes())
    code, message = import_(other, data_copy, capsys)
    assert code == 1 and str(other) in message and expected in message


def first_row(ws, column: str, value: str) -> int:
    index = ["force_code", "force_name", "question_id", "question", "period", "period_label",
             "status", "value", "note"].index(column)
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, index + 1).value == value)


def edited(workbook: Path, edit: Callable) -> str:
    wb = load_workbook(workbook)
    where = edit(wb[ANSWERS])
    wb.save(workbook)
    return where


@pytest.mark.parametrize("edit, expected", [
    # A formula with no value computed (the reader read it as an empty note, silently).
    (lambda ws: ws.__setitem__(cell("note", 2), "=1+1") or cell("note", 2),
     ("'=1+1'", "not a formula")),
    (lambda ws: ws.__setitem__(cell("value", first_row(ws, "status", "answered")),
                               "=SUM(1,2)") or cell("value", first_row(ws, "status", "answered")),
     ("'=SUM(1,2)'", "not a formula")),
    # Typed beyond the last column: it was dropped.
    (lambda ws: ws.__setitem__("J2", "the real note") or "J2",
     ("'the real note'", "nothing beyond column I")),
    # The rows' columns sorted apart: the name no longer belongs to the code.
    (lambda ws: ws.__setitem__(cell("force_name", 2), "Somewhere Else Police")
     or cell("force_name", 2), ("'Somewhere Else Police'", "sorted apart")),
], ids=["formula-in-note", "formula-in-value", "beyond-the-columns", "name-of-another-force"])
def test_a_cell_that_would_be_read_as_something_else_is_named(edit, expected, workbook,
                                                              data_copy, capsys):
    where = edited(workbook, edit)
    before = snapshot(data_copy)
    code, message = import_(workbook, data_copy, capsys)
    assert code == 1, message
    assert f"sheet '{ANSWERS}', cell {where}" in message
    for fragment in expected:
        assert fragment in message
    assert snapshot(data_copy) == before


def test_an_error_value_is_named(workbook, data_copy, tmp_path, capsys):
    error = rebuilt(workbook, tmp_path / "error.xlsx", sheet(lambda x: re.sub(
        rb'<c r="I2"( [^>]*)?>.*?</c>|<c r="I2"( [^>]*)?/>', b'<c r="I2" t="e"><v>#N/A</v></c>',
        x, count=1)))
    assert b't="e"' in zipfile.ZipFile(error).read("xl/worksheets/sheet1.xml")
    code, message = import_(error, data_copy, capsys)
    assert code == 1 and "cell I2" in message and "not a spreadsheet error" in message


def ods_of(workbook: Path, out: Path, inject: bytes = b"") -> Path:
    import pandas as pd

    sheets = pd.read_excel(workbook, sheet_name=None, dtype=object, engine="openpyxl")
    plain = out.with_name("plain.ods")
    with pd.ExcelWriter(plain, engine="odf") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "content.xml":
                data = data.replace(b"</table:table>", inject + b"</table:table>", 1)
            zout.writestr(info, data)
    return out


def test_an_ods_of_repeated_cells_is_refused(workbook, data_copy, tmp_path):
    bomb = ods_of(workbook, tmp_path / "repeated.ods", (
        b'<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
        b'table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p>'
        b"</table:table-cell></table:table-row>"))
    result = import_bounded(bomb, data_copy)
    message = result.stderr + result.stdout
    assert result.returncode == 1 and "sheet 'Answers' has a cell at XFD" in message, message


def test_an_ods_formula_is_named(workbook, data_copy, tmp_path, capsys):
    formula = ods_of(workbook, tmp_path / "formula.ods", (
        b'<table:table-row><table:table-cell table:formula="of:=1+1" office:value-type="float" '
        b'office:value="2"><text:p>2</text:p></table:table-cell></table:table-row>'))
    code, message = import_(formula, data_copy, capsys)
    assert code == 1 and "cell A604" in message and "not a formula" in message


def test_nothing_is_written_in_the_data_folder_until_the_import_is_valid(
        workbook, data_copy, monkeypatch, capsys):
    from nsc_report.cycle import intake

    folder = data_copy / EDITION
    before = sorted(p.name for p in folder.iterdir())
    seen = []
    check = intake._load_returns

    def watching(*args, **kwargs):
        seen.append(sorted(p.name for p in folder.iterdir()))
        return check(*args, **kwargs)

    monkeypatch.setattr(intake, "_load_returns", watching)
    code, message = import_(workbook, data_copy, capsys)
    assert code == 0, message
    assert seen == [before]  # no temporary file beside the returns while they are checked
    assert sorted(p.name for p in folder.iterdir()) == before


def test_what_a_killed_import_left_is_removed_by_the_next(workbook, data_copy, capsys):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    left = data_copy / EDITION / f".foi_returns.csv.nsc-tmp-{gone}-0123abcd"
    left.write_text("half of it")
    code, message = import_(workbook, data_copy, capsys)
    assert code == 0, message
    assert not left.exists()
    assert not [p for p in (data_copy / EDITION).iterdir() if p.name.startswith(".")]


def test_temporary_files_are_ignored_by_git():
    from helpers import ROOT

    result = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "-q",
                             "data/2024/.foi_returns.csv.nsc-tmp-12-0123abcd"])
    assert result.returncode == 0
    assert os.path.exists(ROOT / ".gitignore")
