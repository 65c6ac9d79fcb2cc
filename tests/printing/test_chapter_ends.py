"""A chapter's end does not spill a line or two onto a page of its own (fact-check 2026-12-07,
finding 14: a page holding one bullet, "A single force's change from one year to the next can
be large when its numbers are small.", and the chapter's note). Printed with the report's
stylesheet at many lengths of what comes before, so that the end falls at every point of a
page."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from helpers import DATA, requires_chromium

from nsc_report.data import load_edition
from nsc_report.printing import pdf

ITEMS = [f"Bullet number {n}, a line of a list that ends the chapter." for n in range(1, 5)]


def chapter(css: str, spacer_mm: int) -> str:
    items = "".join(f"<li>{item}</li>" for item in ITEMS)
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><style>{css}</style>"
            f"</head><body><main class=nsc-print><article class=bd-article><section>"
            f"<h2>A chapter</h2><p>Opening words.</p>"
            f'<div style="height: {spacer_mm}mm; background: #ccc"></div>'
            f"<p>What it found:</p><ul>{items}</ul>"
            f"<p>‡ Illustrative: the chapter's closing note.</p></section></article></main>"
            f"</body></html>")


@requires_chromium
def test_a_chapter_end_takes_more_than_its_last_bullet_over(tmp_path: Path):
    edition = load_edition(DATA, "2024")
    css = pdf._print_css(edition)
    spacers = list(range(180, 236, 3))
    pages = [(tmp_path / f"end-{mm}.pdf", "End", chapter(css, mm)) for mm in spacers]
    pdf.print_pages(pages, edition, tmp_path / "scratch")
    alone = []
    for (target, _, _), mm in zip(pages, spacers, strict=True):
        doc = pypdfium2.PdfDocument(target)
        if len(doc) < 2:
            continue
        last = doc[len(doc) - 1].get_textpage().get_text_range()
        # The last page holds the last bullet or the note: then two bullets at least.
        if ("closing note" in last or ITEMS[-1][:16] in last) and ITEMS[-2][:16] not in last:
            alone.append(mm)
    assert len(pages) > len(alone) and not alone, alone
