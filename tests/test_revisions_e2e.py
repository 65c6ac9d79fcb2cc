"""A correction to a figure of the 2024 edition: `check` refuses it until revisions.yml lists
it; then it is on the revisions page, in the PDF and in the new version's properties, and the
PDF of the first version is kept beside the new one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import EDITION, ROOT, Built, changed_copy, requires_chromium, run_cli
from pypdf import PdfReader

from nsc_report.data import load_edition
from nsc_report.publishing import check, register, review

pytestmark = [pytest.mark.build, requires_chromium]


def changed_figures(data: Path, notebooks: Path) -> list[str]:
    ed = load_edition(data, EDITION)
    before = register.from_json((data / EDITION / "revisions" / "v1.0" / "figures.json")
                                .read_text("utf-8"))
    return [c.id for c in register.compare(before, review.from_notebooks(
        notebooks, ed.directory / "chapters"))]


def test_a_correction_is_recorded_published_and_the_old_pdf_kept(built: Built,
                                                                  west_mercia_15: Path,
                                                                  tmp_path: Path):
    # The version as published is the session's report of the committed data; then West
    # Mercia's applications were found keyed in wrongly (15, not 0) and the notebooks executed
    # again for it: the shared fixture's state, copied.
    data_copy, out = changed_copy(west_mercia_15, tmp_path)
    pdf = out / "pdf" / "nsc-stalking-report-2024.pdf"
    assert pdf.read_bytes() == built.pdf.read_bytes()
    current = load_edition(data_copy, EDITION).version
    major, minor = current.version.split(".")
    new, date = f"{major}.{int(minor) + 1}", current.date + dt.timedelta(days=1)
    assert PdfReader(pdf).metadata["/Version"] == f"{current.version} ({current.date})"

    changed = changed_figures(data_copy, out / "book")
    assert "spo/spo_band_low" in changed, changed
    problems = [p.what for p in check.check(ROOT, data_copy, EDITION, notebooks=out / "book")]
    assert any("changed since version 1.0 was published" in p for p in problems), problems

    listed = "\n".join(f"          - {fid}" for fid in changed)
    with (data_copy / EDITION / "revisions.yml").open("a", encoding="utf-8") as f:
        f.write(f'  - version: "{new}"\n    date: {date}\n    summary: "A correction."\n'
                "    changes:\n      - kind: correction\n"
                '        what: "West Mercia\'s SPO applications in the year ending March 2023."\n'
                '        why: "The answer was keyed in as 0; the force said 15."\n'
                f"        figures:\n{listed}\n")
    problems = [p.what for p in check.check(ROOT, data_copy, EDITION, notebooks=out / "book")]
    assert not any("changed since version" in p for p in problems), problems

    second = run_cli("report", "--data-dir", str(data_copy), "--out", str(out))
    assert second.returncode == 0, second.stdout + second.stderr
    page = (out / "html" / "book" / "revisions.html").read_text("utf-8")
    assert "West Mercia" in page and "keyed in as 0" in page and new in page
    reader = PdfReader(pdf)
    assert reader.metadata["/Version"] == f"{new} ({date})"
    # Words as printed, whatever line they wrap onto.
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert f"Version {new}, {date:%-d %B %Y}" in reader.pages[0].extract_text()
    assert "Revisions and corrections" in text and "keyed in as 0" in text
    kept = {p.name for p in (out / "pdf" / "versions").glob("*.pdf")}
    assert kept == {f"nsc-stalking-report-2024-v{current.version}.pdf",
                    f"nsc-stalking-report-2024-v{new}.pdf"}
    site = {p.name for p in (out / "html" / "book" / "downloads" / "versions").glob("*.pdf")}
    assert site == kept
    old = PdfReader(out / "pdf" / "versions" / f"nsc-stalking-report-2024-v{current.version}.pdf")
    assert old.metadata["/Version"] == f"{current.version} ({current.date})"
