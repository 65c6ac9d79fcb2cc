"""Staging again writes only what changed: the register and the downloads are kept, on disk,
with a record of what they were made from, so that neither the preview after each save nor a
new process redoes the workbook (seconds) or the register when their inputs did not change."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from nsc_report.data import load_edition
from nsc_report.layout import Layout
from nsc_report.publishing.downloads import download_names
from nsc_report.publishing.stage import stage

ROOT = Path(__file__).resolve().parents[2]


def _mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
            for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def staged(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("stage")
    notebooks = tmp / "book"
    shutil.copytree(ROOT / "book", notebooks,
                    ignore=lambda d, names: [n for n in names if not n.endswith(".ipynb")
                                             and not Path(d, n).is_dir()])
    layout = Layout(root=ROOT, notebooks=notebooks, out=tmp / "out", work=tmp / "work")
    edition = load_edition(ROOT / "data", "2024")
    stage(layout, edition)
    return layout, edition


def test_staging_again_with_nothing_changed_writes_nothing(staged) -> None:  # type: ignore[no-untyped-def]
    layout, edition = staged
    before = _mtimes(layout.stage)
    stage(layout, edition)
    assert _mtimes(layout.stage) == before


def test_a_reworded_notebook_rewrites_its_own_downloads_only(staged) -> None:  # type: ignore[no-untyped-def]
    layout, edition = staged
    downloads = layout.stage / "book" / "downloads"
    names = download_names(edition)
    path = layout.notebooks / "spo.ipynb"
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "markdown")
    cell.source += "\n\nA sentence that prints no figure."
    nbformat.write(nb, path)
    before = _mtimes(downloads)
    stage(layout, edition)
    after = _mtimes(downloads)
    # The notebooks' ZIP holds the reworded notebook ...
    assert after[names["notebooks.zip"]] != before[names["notebooks.zip"]]
    # ... no figure moved, so the register is not written again, and the workbook is made
    # from the data alone.
    for kept in (names["figures.csv"], names["figures.json"], names["nsc-data.xlsx"],
                 names["nsc-data.ods"]):
        assert after[kept] == before[kept], kept
    assert (layout.stage / "book" / "spo.ipynb").read_text().count("prints no figure") == 1


def test_a_figure_newly_printed_in_the_prose_rewrites_the_register(staged) -> None:  # type: ignore[no-untyped-def]
    layout, edition = staged
    downloads = layout.stage / "book" / "downloads"
    register_csv = downloads / download_names(edition)["figures.csv"]
    before = register_csv.read_text()
    first = before.splitlines()[1].split(",")[0]  # 'reports/reports_commissioners'
    notebook, key = first.split("/")
    path = layout.notebooks / "spo.ipynb"
    nb = nbformat.read(path, as_version=4)
    role = f"{{glue:text}}`{notebook}.ipynb::{key}`"
    nb.cells.append(nbformat.v4.new_markdown_cell(f"Again: {role}."))
    nbformat.write(nb, path)
    stage(layout, edition)
    after = register_csv.read_text()
    assert after != before  # the figure's row lists the SPO page among those that print it
    row = next(line for line in after.splitlines() if line.startswith(f"{first},"))
    assert row.endswith("spo") or "spo" in row.rsplit(",", 1)[-1]


def test_the_workbook_is_made_again_when_the_record_is_lost(staged) -> None:  # type: ignore[no-untyped-def]
    layout, edition = staged
    downloads = layout.stage / "book" / "downloads"
    xlsx = downloads / download_names(edition)["nsc-data.xlsx"]
    (downloads / ".workbook.json").unlink()
    xlsx.unlink()
    stage(layout, edition)
    assert xlsx.is_file()
