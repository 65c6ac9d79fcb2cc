"""The PDF step keeps a fingerprint of what it prints from (issue 31: building 2025 printed the
2024 archive's PDF and its 43 briefings again, unchanged, 146 s of 377 s). An unchanged edition
is not printed again; a change to what it is printed from (an executed notebook, the print
stylesheet, the embargo, a file it wrote gone) prints it again. Chromium is not needed: the
printers are stood in for by ones that write the files and count their calls."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from helpers import EDITION

from nsc_report import book
from nsc_report.data import load_edition
from nsc_report.layout import Layout
from nsc_report.printing import briefing, pdf, printed
from nsc_report.publishing.embargo import Embargo


class Printers:
    """Stand-ins for print_pdf and print_briefings: they write what the real ones write."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def pdf(self, layout: Layout, ed, progress=None, embargo=None) -> Path:  # type: ignore[no-untyped-def]
        self.calls.append("pdf")
        target = printed.outputs(layout, ed)[0]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"%PDF report")
        return target

    def briefings(self, layout: Layout, ed, progress=None, embargo=None) -> list[Path]:  # type: ignore[no-untyped-def]
        self.calls.append("briefings")
        paths = printed.outputs(layout, ed)[1:]
        for path in paths:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"%PDF briefing")
        return paths


@pytest.fixture
def setup(tmp_path: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch):
    root = tmp_path / "project"
    (root / "book").mkdir(parents=True)
    (root / "book" / "intro.md").write_text("# Intro\n")
    notebooks = tmp_path / "out" / "book"
    notebooks.mkdir(parents=True)
    (notebooks / "spo.ipynb").write_text("{}")
    layout = Layout(root=root, notebooks=notebooks, out=tmp_path / "out",
                    work=tmp_path / "out" / ".work")
    project = book.Project(root, data_copy, EDITION, out=tmp_path / "out")
    printers = Printers()
    monkeypatch.setattr(pdf, "print_pdf", printers.pdf)
    monkeypatch.setattr(briefing, "print_briefings", printers.briefings)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return project, layout, load_edition(data_copy, EDITION, lazy=True), printers


def test_an_unchanged_edition_is_not_printed_again(setup):
    project, layout, ed, printers = setup
    assert book._print(project, layout, ed, required=True) == 0
    assert printers.calls == ["pdf", "briefings"]
    assert book._print(project, layout, ed, required=True) == 0
    assert printers.calls == ["pdf", "briefings"]  # the second build printed nothing
    forced = book.Project(project.root, project.data_dir, EDITION, out=project.out, force=True)
    book._print(forced, layout, ed, required=True)
    assert printers.calls == ["pdf", "briefings"] * 2  # --force prints it all the same


def test_a_changed_input_prints_again(setup, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    project, layout, ed, printers = setup
    book._print(project, layout, ed, required=True)
    (layout.notebooks / "spo.ipynb").write_text('{"changed": true}')  # a notebook executed again
    book._print(project, layout, ed, required=True)
    assert printers.calls == ["pdf", "briefings"] * 2
    # The print stylesheet changed (a copy of the package's printing folder stands in).
    own = tmp_path / "printing"
    shutil.copytree(Path(printed.__file__).parent, own)
    (own / "print.css").write_text((own / "print.css").read_text() + "\n/* changed */\n")
    monkeypatch.setattr(printed, "PRINTING", own)
    book._print(project, layout, ed, required=True)
    assert printers.calls == ["pdf", "briefings"] * 3
    # Printed under an embargo, then public: each its own print.
    held = Embargo(dt.datetime(2024, 4, 22, 0, 1, tzinfo=dt.UTC))
    embargoed = book.Project(project.root, project.data_dir, EDITION, out=project.out,
                             embargo=held)
    book._print(embargoed, layout, ed, required=True)
    assert printers.calls == ["pdf", "briefings"] * 4
    # A file it wrote is gone: printed again.
    book._print(embargoed, layout, ed, required=True)
    assert len(printers.calls) == 8
    printed.outputs(layout, ed)[-1].unlink()
    book._print(embargoed, layout, ed, required=True)
    assert printers.calls == ["pdf", "briefings"] * 5


def test_an_interrupted_print_is_not_taken_for_a_complete_one(setup, monkeypatch):
    project, layout, ed, printers = setup
    book._print(project, layout, ed, required=True)

    def fails(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    (layout.notebooks / "spo.ipynb").write_text('{"changed": true}')
    monkeypatch.setattr(briefing, "print_briefings", fails)
    with pytest.raises(KeyboardInterrupt):
        book._print(project, layout, ed, required=True)
    monkeypatch.setattr(briefing, "print_briefings", printers.briefings)
    book._print(project, layout, ed, required=True)
    assert printers.calls == ["pdf", "briefings", "pdf", "pdf", "briefings"]


def test_a_changed_words_file_prints_again(setup):
    """The cover, the running head and the briefings' sentences are words files' words."""
    project, layout, ed, printers = setup
    words = layout.root / "notebooks" / "print.ftl"
    words.parent.mkdir()
    words.write_text("print-title = A report\n")
    book._print(project, layout, ed, required=True)
    book._print(project, layout, ed, required=True)
    words.write_text("print-title = Another report\n")
    book._print(project, layout, ed, required=True)
    assert printers.calls == ["pdf", "briefings"] * 2
