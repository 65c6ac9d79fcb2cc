"""Options are checked before any work starts (issue 30, item 8): a value out of range is a
usage message and exit 2, never a traceback; the commands that write (intake workbook,
requests) leave nothing behind when they fail."""

from __future__ import annotations

import errno
import socket
from pathlib import Path

import pytest
from helpers import EDITION, with_reply_address

from nsc_report.cli.main import main


@pytest.fixture(autouse=True)
def no_work(monkeypatch):
    """Any command that gets as far as its work fails the test at once (it must not start)."""
    from nsc_report import book
    from nsc_report.authoring import preview

    def started(*args, **kwargs):
        raise AssertionError("the command started its work")

    for module, name in ((book, "build_site"), (book, "execute_notebooks"), (preview, "run")):
        monkeypatch.setattr(module, name, started)


def usage_error(argv: list[str], capsys) -> str:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    message = capsys.readouterr().err
    assert exited.value.code == 2 and "Traceback" not in message
    return message


@pytest.mark.parametrize("argv, expected", [
    (["build", "--workers", "-3"], "--workers: '-3': expected a whole number of 1 or more"),
    (["build", "--workers", "0"], "expected a whole number of 1 or more"),
    (["execute", "--timeout", "0"], "--timeout: '0': expected a number of seconds above 0"),
    (["execute", "--timeout", "nan"], "expected a number of seconds above 0"),
    (["execute", "--timeout", "-1"], "expected a number of seconds above 0"),
    (["preview", "--port", "0"], "--port: '0': expected a port from 1 to 65535"),
    (["preview", "--port", "70000"], "expected a port from 1 to 65535"),
    (["intake", "workbook", "--out", "answers.csv"], "expected the name of the .xlsx file"),
])
def test_an_option_out_of_range_is_a_usage_message(argv, expected, capsys):
    assert expected in usage_error(argv, capsys)


def test_a_port_in_use_is_said_before_anything_is_built(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        number = taken.getsockname()[1]
        code = main(["preview", "--port", str(number)])
    message = capsys.readouterr().err
    assert code == 2 and f"--port {number}: something else is serving" in message


def test_intake_workbook_into_a_folder_is_refused_and_leaves_nothing(data_copy, tmp_path,
                                                                     capsys):
    folder = tmp_path / "out.xlsx"
    folder.mkdir()
    message = usage_error(["intake", "workbook", "--out", str(folder), "--data-dir",
                           str(data_copy), "--edition", EDITION], capsys)
    assert "expected the name of the .xlsx file" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "out.xlsx"]


def test_a_workbook_that_cannot_be_written_leaves_nothing(data_copy, tmp_path, monkeypatch):
    from openpyxl import Workbook

    from nsc_report.cycle.intake import IntakeError, write_workbook
    from nsc_report.data import load_edition

    def full(self, filename):
        Path(filename).write_bytes(b"PK half a workbook")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Workbook, "save", full)
    out = tmp_path / "out" / "answers.xlsx"
    with pytest.raises(IntakeError, match="No space left on device"):
        write_workbook(load_edition(data_copy, EDITION, lazy=True), out)
    assert list(out.parent.iterdir()) == []


def test_requests_that_fail_half_way_leave_the_folder_as_it_was(data_copy, tmp_path,
                                                                monkeypatch):
    import datetime as dt

    from nsc_report.cycle import letters
    from nsc_report.data import load_edition

    def half(edition, folder, sent, print_pdf=True, progress=None):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "NSC-2024-E23000001.md").write_text("the first letter")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(letters, "write_letters", half)
    out = tmp_path / "requests"
    out.mkdir()
    (out / "kept.txt").write_text("mine")
    with pytest.raises(letters.LettersError, match="No space left on device"):
        ed = with_reply_address(load_edition(data_copy, EDITION, lazy=True))
        letters.write_requests(ed, out, dt.date(2025, 1, 6), pdf=False)
    assert sorted(p.name for p in out.iterdir()) == ["kept.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "requests"]
