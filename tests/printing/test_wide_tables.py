"""Wide tables fit: in print, no table runs past the text block (one that did made Chromium
shrink every page of the 2025 PDF by about 2.3%, the cover no longer full-bleed); on the web a
wide table scrolls inside its frame and its caption is never cut off (review 2, finding 3: the
"Since the last edition" table, 701 px in a 688 px column, with a Note column)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pandas as pd
import pytest
from helpers import DATA, ROOT, requires_chromium

from nsc_report.data import load_edition
from nsc_report.present.tables import Table
from nsc_report.printing import pdf
from nsc_report.sections import change

FIXTURES = Path(__file__).parents[1] / "fixtures"
A4 = (595.28, 841.89)
RIGHT_EDGE_PT = A4[0] - pdf.SIDE_MARGIN_MM / 25.4 * 72  # the text block's right edge
MARGIN_PT = 20 / 25.4 * 72  # the top and bottom margins hold the running head and foot
WORDS = ("Not compared: no force answered in full in both editions, and Northamptonshire's "
         "answer was withheld under section 31 (law enforcement) of the Act")


def wide_table() -> Table:
    """Ten columns, long words and a long Note column: wider than the text block at 9 pt."""
    columns = {f"Answered in full in {year}": ["1,389", "Notcompared"] for year in range(
        2016, 2025)}
    columns["Note"] = [WORDS, "Information not held in a retrievable form (reasonable cost)"]
    return Table("too-wide", "A caption long enough to be cut off where the table scrolls, if "
                 "it were laid out as wide as the table rather than its frame: " + WORDS,
                 pd.DataFrame(columns))


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory):
    data = tmp_path_factory.mktemp("wide") / "data"
    for name in ("reference", "public", "2024"):
        shutil.copytree(DATA / name, data / name)
    shutil.copytree(FIXTURES / "editions" / "2025", data / "2025")
    return load_edition(data, "2025")


def tables_html(edition) -> str:  # type: ignore[no-untyped-def]
    return wide_table().html() + change.national_table(edition).html()


@requires_chromium
def test_no_printed_table_runs_past_the_text_block(edition, tmp_path: Path):
    import pypdfium2
    from playwright.sync_api import sync_playwright

    css = pdf._print_css(edition)
    # A full-width line of text ending at the right margin: where the page is shrunk to fit a
    # table, it ends short of it.
    ruler = '<p style="text-align: right; margin: 0">RULER</p>'
    document = (f"<!doctype html><html lang=en><head><meta charset=utf-8><style>{css}</style>"
                f"</head><body><main class=nsc-print><article class=bd-article>{ruler}"
                f"{tables_html(edition)}</article></main></body></html>")
    with sync_playwright() as pw:
        browser = pdf.launch(pw)
        try:
            page = browser.new_page(viewport={"width": pdf.PRINT_WIDTH_PX, "height": 1100})
            page.emulate_media(media="print")
            page.set_content(document, wait_until="load")
            fitted = pdf.fit_tables(page)
            rights = page.evaluate("() => [...document.querySelectorAll('table')].map("
                                   "t => t.getBoundingClientRect().right)")
            block = page.evaluate("() => document.querySelector('.nsc-print')"
                                  ".getBoundingClientRect().right")
            sizes = page.evaluate("() => [...document.querySelectorAll('td')].map("
                                  "c => parseFloat(getComputedStyle(c).fontSize))")
            printed = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
        finally:
            browser.close()
    assert "nsc-table-too-wide" in fitted
    assert all(right <= block + 0.5 for right in rights), (rights, block)
    assert min(sizes) >= 6 * 96 / 72 - 0.01  # never below 6 pt
    doc = pypdfium2.PdfDocument(io.BytesIO(printed))
    ruler_right, widest = None, 0.0
    for number in range(len(doc)):
        page = doc[number]
        width, height = page.get_size()
        assert abs(width - A4[0]) < 1 and abs(height - A4[1]) < 1, (width, height)
        text = page.get_textpage()
        for i in range(text.count_chars()):
            left, bottom, right, top = text.get_charbox(i)
            if text.get_text_range(i, 1).isspace():  # line ends, placed after the line
                continue
            if bottom > MARGIN_PT and top < height - MARGIN_PT:  # not the running head or foot
                widest = max(widest, right)
        found = text.search("RULER")
        hit = found.get_next()
        if hit is not None:
            start, count = hit
            ruler_right = text.get_charbox(start + count - 1)[2]
    assert widest <= RIGHT_EDGE_PT + 1, f"text at x={widest:.1f} pt, beyond {RIGHT_EDGE_PT:.1f}"
    # The page was not shrunk: the ruler ends at the text block's edge.
    assert ruler_right is not None and abs(ruler_right - RIGHT_EDGE_PT) < 2, ruler_right


@requires_chromium
def test_a_wide_table_scrolls_in_its_frame_and_its_caption_is_not_cut(edition):
    from playwright.sync_api import sync_playwright

    css = (ROOT / "book" / "_static" / "nsc.css").read_text(encoding="utf-8")
    # The reviewer's column: 688 px.
    document = (f"<!doctype html><html lang=en><head><meta charset=utf-8><style>{css}</style>"
                f"</head><body><article class=bd-article style='width: 688px'>"
                f"{tables_html(edition)}</article></body></html>")
    with sync_playwright() as pw:
        browser = pdf.launch(pw)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 800})
            page.set_content(document, wait_until="load")
            boxes = page.evaluate("""() => [...document.querySelectorAll('.nsc-table-wrap')].map(
                w => ({frame: w.getBoundingClientRect().toJSON(), scroll: w.scrollWidth,
                       client: w.clientWidth,
                       caption: w.querySelector('caption').getBoundingClientRect().toJSON(),
                       page: document.documentElement.scrollWidth}))""")
        finally:
            browser.close()
    for box in boxes:
        # The caption lies within the frame: nothing of it is hidden until one scrolls.
        assert box["caption"]["right"] <= box["frame"]["right"] + 0.5, box
        # The page itself never scrolls sideways: a table scrolls inside its own frame.
        assert box["page"] <= 1000, box
    # The "Since the last edition" table fits the column without scrolling.
    national = boxes[1]
    assert national["scroll"] <= national["client"], national
