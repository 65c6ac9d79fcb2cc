"""`new-edition` all or nothing (issue 30, items 3 and 8): the previous edition's files are read
where they stand (a link among them is refused, not followed), copied byte for byte, and the
new edition appears whole or not at all; a failed run leaves nothing and can be run again."""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import EDITION

from nsc_report.cli.main import main
from nsc_report.cycle.new_edition import EditionError, new_edition


def leftovers(data: Path) -> list[str]:
    return sorted(p.name for p in data.iterdir() if p.name not in (EDITION, "public",
                                                                   "reference"))


def test_a_binary_document_and_a_folder_in_sources_are_copied_as_they_are(data_copy: Path):
    sources = data_copy / EDITION / "sources"
    pdf = bytes(range(256)) * 4
    (sources / "letter.pdf").write_bytes(pdf)
    (sources / "annex").mkdir()
    (sources / "annex" / "table.txt").write_text("a table\n", encoding="utf-8")
    written = new_edition(data_copy, "2025", EDITION)
    copied = data_copy / "2025" / "sources"
    assert (copied / "letter.pdf").read_bytes() == pdf
    assert (copied / "annex" / "table.txt").read_text(encoding="utf-8") == "a table\n"
    assert copied / "annex" / "table.txt" in written


@pytest.mark.parametrize("where", ["sources/press-release-2024.txt", "chapters/summary.md"])
def test_a_link_out_of_the_data_folder_is_refused_not_copied(where, data_copy: Path):
    secret = data_copy.parent / "passwd"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    link = data_copy / EDITION / where
    link.unlink()
    link.symlink_to(secret)
    with pytest.raises(EditionError, match=f"{where}.*symbolic link"):
        new_edition(data_copy, "2025", EDITION)
    assert leftovers(data_copy) == []


def test_a_missing_file_is_named_and_nothing_is_left(data_copy: Path, capsys):
    cps = data_copy / EDITION / "cps.yml"
    kept = cps.read_bytes()
    cps.unlink()
    code = main(["new-edition", "2025", "--from", EDITION, "--data-dir", str(data_copy)])
    message = capsys.readouterr().err
    assert code == 1 and "Traceback" not in message
    assert f"{EDITION}/cps.yml" in message and "there is nothing there" in message
    assert leftovers(data_copy) == []
    cps.write_bytes(kept)  # put right, the same command now works
    assert main(["new-edition", "2025", "--from", EDITION, "--data-dir", str(data_copy)]) == 0
    assert (data_copy / "2025" / "cps.yml").exists()


def test_an_empty_returns_file_gives_the_header(data_copy: Path):
    (data_copy / EDITION / "foi_returns.csv").write_bytes(b"")
    new_edition(data_copy, "2025", EDITION)
    assert (data_copy / "2025" / "foi_returns.csv").read_text() == \
        "force_code,question_id,period,status,value,note\n"


def test_a_full_disk_leaves_nothing_and_the_run_can_be_repeated(data_copy: Path, monkeypatch):
    calls = {"n": 0}
    write_text, write_bytes = Path.write_text, Path.write_bytes

    def full(original):
        def write(self, *args, **kwargs):
            calls["n"] += 1
            if calls["n"] > 4:
                raise OSError(errno.ENOSPC, "No space left on device")
            return original(self, *args, **kwargs)
        return write

    monkeypatch.setattr(Path, "write_text", full(write_text))
    monkeypatch.setattr(Path, "write_bytes", full(write_bytes))
    with pytest.raises(EditionError, match="No space left on device"):
        new_edition(data_copy, "2025", EDITION)
    assert leftovers(data_copy) == []
    monkeypatch.undo()
    new_edition(data_copy, "2025", EDITION)  # not refused as existing already
    assert (data_copy / "2025" / "chapters" / "summary.md").exists()


def test_what_a_killed_run_left_is_removed_by_the_next(data_copy: Path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    half = data_copy / f".2025.nsc-tmp-{gone}-0123abcd"
    (half / "chapters").mkdir(parents=True)
    (half / "edition.yml").write_text("edition: half\n")
    new_edition(data_copy, "2025", EDITION)
    assert leftovers(data_copy) == ["2025"]


def test_from_a_path_that_leaves_the_data_folder_is_refused(data_copy: Path, capsys):
    code = main(["new-edition", "2025", "--from", "../etc", "--data-dir", str(data_copy)])
    message = capsys.readouterr().err
    assert code == 1 and "no '/' or '..'" in message and "Traceback" not in message
