"""A build in place leaves no download an earlier build made under another name: the built
site persists between builds and is published whole, so a chart renamed, a download that
gained or lost '-illustrative', a calendar no longer made, briefings or a PDF printed under
another embargo would have been published beside the current files."""

from __future__ import annotations

from pathlib import Path

from helpers import DATA, EDITION

from nsc_report.data import load_edition
from nsc_report.layout import Layout
from nsc_report.publishing.embargo import PRINTED, SITE, record
from nsc_report.publishing.site import copy_briefings, copy_downloads


def _layout(tmp_path: Path) -> Layout:
    return Layout(root=tmp_path, notebooks=tmp_path / "book", out=tmp_path / "out",
                  work=tmp_path / "work")


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_a_download_an_earlier_build_named_otherwise_is_removed(tmp_path: Path):
    ed = load_edition(DATA, EDITION, lazy=True)
    assert ed.meta.illustrative
    layout = _layout(tmp_path)
    staged = layout.stage / "book" / "downloads"
    (staged / "charts").mkdir(parents=True)
    for name in ("charts/spo-illustrative.csv", "foi-returns-illustrative.csv",
                 "published-statistics.csv", "release.ics"):
        (staged / name).write_text(name)
    built = tmp_path / "built"
    old = built / "book" / "downloads"
    (old / "charts").mkdir(parents=True)
    for name in ("charts/spo.csv", "charts/spo-illustrative.csv", "foi-returns.csv",
                 "old-release.ics", "nsc-stalking-report-2024.pdf"):
        (old / name).write_text("an earlier build's")
    copy_downloads(layout, ed, built)
    assert _files(old) == {"charts/spo-illustrative.csv", "foi-returns-illustrative.csv",
                           "published-statistics.csv", "release.ics",
                           "nsc-stalking-report-2024.pdf"}  # the PDF is the build's to copy
    assert (old / "charts" / "spo-illustrative.csv").read_text() == "charts/spo-illustrative.csv"


def test_briefings_printed_under_another_embargo_are_removed_from_the_site(tmp_path: Path):
    layout = _layout(tmp_path)
    (layout.pdf_dir / "forces").mkdir(parents=True)
    (layout.pdf_dir / "forces" / "durham-2024-briefing.pdf").write_text("pdf")
    layout.work.mkdir(parents=True)
    record(layout.pdf_dir / PRINTED, None)
    site = tmp_path / "site"
    briefings = site / "book" / "downloads" / "forces"
    briefings.mkdir(parents=True)
    (briefings / "durham-2024-briefing-illustrative.pdf").write_text("an earlier build's")
    copy_briefings(layout, site, embargo="")  # the site public, as the briefings
    assert _files(briefings) == {"durham-2024-briefing.pdf"}
    record(layout.work / SITE, None)
    copy_briefings(layout, site, embargo="EMBARGOED")  # the site under embargo: none
    assert _files(briefings) == set()
