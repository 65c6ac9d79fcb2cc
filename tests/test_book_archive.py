"""Building a later edition reads the committed edition's executed notebooks (book/) for its
archive when they are up to date, instead of executing its 54 notebooks again; otherwise they
are executed into the archive, never into book/."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import DATA, EDITION, ROOT

from nsc_report import book
from nsc_report.data import load_edition


@pytest.fixture(scope="module")
def committed():
    return load_edition(DATA, EDITION, lazy=True)


def test_fresh_committed_notebooks_are_read_where_they_stand(tmp_path: Path, committed,
                                                            monkeypatch):
    monkeypatch.setattr(book, "out_of_date", lambda *_: [])
    layout = book.layout_for(ROOT, DATA, "2025", tmp_path / "out")
    archive = book.archive_layout(layout, EDITION, DATA, committed)
    assert archive.notebooks == ROOT / "book"
    assert archive.out == layout.work.parent / "archive" / EDITION  # built apart from book/


def test_out_of_date_or_other_data_execute_into_the_archive(tmp_path: Path, committed,
                                                           data_copy: Path, monkeypatch):
    layout = book.layout_for(ROOT, DATA, "2025", tmp_path / "out")
    monkeypatch.setattr(book, "out_of_date", lambda *_: ["spo.ipynb"])
    assert book.archive_layout(layout, EDITION, DATA, committed).notebooks != ROOT / "book"
    monkeypatch.setattr(book, "out_of_date", lambda *_: [])
    other = book.layout_for(ROOT, data_copy, "2025", tmp_path / "other")
    assert book.archive_layout(other, EDITION, data_copy, committed).notebooks \
        == other.work.parent / "archive" / EDITION / "book"
