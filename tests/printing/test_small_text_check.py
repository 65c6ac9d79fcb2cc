"""The check the printed report and briefings are held to (helpers.small_text, no text under
6 pt) finds text set small, text a chart draws small because its SVG is printed smaller than
it is drawn, and leaves out a rotated axis title, which is measured along its line."""

from __future__ import annotations

from pathlib import Path

from helpers import requires_chromium, small_text

from nsc_report.printing.pdf import launch

PAGE = ("<!DOCTYPE html><html lang='en'><body style='font: 10pt sans-serif'>"
        "<p>Body text at ten points.</p>"
        "<p style='font-size: 4pt'>Tiny words</p>"
        # 12 px drawn, printed at a quarter of its width: about 2.3 pt.
        "<svg viewBox='0 0 400 100' style='width: 100px'>"
        "<text x='10' y='50' font-size='12'>Scaled</text>"
        "<text x='200' y='90' font-size='12' transform='rotate(-90 200 90)'>Rotated</text>"
        "</svg></body></html>")


@requires_chromium
def test_small_text_is_found_where_it_is_printed(tmp_path: Path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page()
            page.set_content(PAGE)
            (tmp_path / "small.pdf").write_bytes(page.pdf(format="A4"))
        finally:
            browser.close()
    found = small_text(tmp_path / "small.pdf")
    words = {text for _, _, text in found}
    assert words == {"Tinywords", "Scaled"}, found
    sizes = {text: size for _, size, text in found}
    assert sizes["Tinywords"] == 4.0 and 2.0 < sizes["Scaled"] < 2.6
    assert small_text(tmp_path / "small.pdf", least=11) != found  # the body text at 10 pt
