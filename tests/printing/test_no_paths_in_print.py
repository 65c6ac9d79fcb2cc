"""Print names a page of the web report in words while the edition gives no web address
(help.site_url), and never prints a path of the build: fact-check 3 (finding 14) read "(book/
forces/dyfed-powys.html of the web report)" in every briefing, "book/forces/city-of-london.html"
in the local notes and "(book/downloads/foi-returns-illustrative.csv on the web report)" in the
report's PDF. With an address, each gives the page's or the file's public address."""

from __future__ import annotations

import pytest
from helpers import DATA, EDITION, ROOT, requires_chromium

from nsc_report.data import load_edition
from nsc_report.present import words
from nsc_report.printing.briefing import briefing_html
from nsc_report.printing.pdf import PREPARE_JS, download_note, launch
from nsc_report.printing.press_notes import note_body
from nsc_report.publishing.register import glued

SITE = "https://report.example.org"
FIGURES = ("force_spo_text", "force_pcc_text", "force_officers_text", "force_intro",
           "pub_recorded_text", "pub_charge_text", "pub_court_text", "pub_orders_text")


def _edition(monkeypatch, site: str):  # type: ignore[no-untyped-def]
    ed = load_edition(DATA, EDITION, lazy=True)
    monkeypatch.setattr(ed.meta, "help", ed.meta.help.model_copy(update={"site_url": site}))
    return ed


@pytest.mark.parametrize("site", ["", SITE])
def test_a_briefing_names_the_force_page_without_a_path(monkeypatch, site: str):
    ed = _edition(monkeypatch, site)
    page = briefing_html(ed, "E23000008", dict.fromkeys(FIGURES, "x"), [], [],
                         "book/forces/durham.html", "")
    if site:
        assert "with this force's page at report.example.org/book/forces/durham.html" in page
    else:
        assert "book/forces" not in page and ".html" not in page.split("<footer>")[-1]
        assert ("The full report, with this force's page in the web report, explains"
                in " ".join(page.split()))


@pytest.mark.parametrize("site", ["", SITE])
def test_a_local_note_names_the_force_page_without_a_path(monkeypatch, site: str):
    ed = _edition(monkeypatch, site)
    code = ed.forces.set_index("force_name").at["Durham", "force_code"]
    address = "report.example.org/book/forces/durham.html" if site else ""
    with words.reading_from(ROOT / "notebooks"):
        page = note_body(ed, code, glued(ROOT / "book" / "forces" / "durham.ipynb"), address)
    if site:
        assert f"The report's page on Durham: {address}." in page
    else:
        assert "book/forces" not in page and "durham.html" not in page
        assert "The report's web version has a page on Durham" in page


PAGE = ("<!DOCTYPE html><html><head></head><body><article class='bd-article'>"
        "<span id='document-a'></span><section id='a'><h1>Data and downloads</h1><p>"
        "<a href='/book/downloads/foi-returns-illustrative.csv'>FOI returns (CSV)</a></p><p>"
        "<a href='/book/downloads/figures-illustrative.json'>The register as JSON</a></p>"
        "</section></article></body></html>")


@requires_chromium
@pytest.mark.parametrize("site", ["", SITE])
def test_the_printed_downloads_give_an_address_or_a_file_name_never_a_path(monkeypatch,
                                                                           tmp_path, site: str):
    from playwright.sync_api import sync_playwright

    from nsc_report.infra.serve import serve

    note = download_note(_edition(monkeypatch, site))
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "index.html").write_text(PAGE, encoding="utf-8")
    with sync_playwright() as p, serve(tmp_path) as base:
        browser = launch(p)
        try:
            page = browser.new_page()
            page.goto(f"{base}/book/index.html")
            page.evaluate(PREPARE_JS, ["<p>cover</p>", "", "<p>back</p>", *note])
            text = page.inner_text(".nsc-print")
        finally:
            browser.close()
    # Words that end in a bracket take the note inside it: no bracket beside a bracket.
    if site:
        assert f"FOI returns (CSV; {SITE}/book/downloads/foi-returns-illustrative.csv)" in text
        assert f"The register as JSON ({SITE}/book/downloads/figures-illustrative.json)" in text
    else:
        assert "book/downloads" not in text
        assert ("FOI returns (CSV; foi-returns-illustrative.csv, among the downloads of the "
                "web report)") in text
        assert ("The register as JSON (figures-illustrative.json, among the downloads of the "
                "web report)") in text
    assert ") (" not in text


def test_the_notes_name_no_file_of_the_repository():
    """'The body overseeing each force is named on its page, from `data/reference/
    oversight.csv`': a path in the repository, which readers of the web report or the PDF
    cannot open."""
    notes = (ROOT / "book" / "notes.md").read_text(encoding="utf-8")
    assert "data/" not in notes and ".csv" not in notes
