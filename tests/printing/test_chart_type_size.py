"""No chart prints text under 6 pt (fact-check 2026-12-07, finding 14): a chart is scaled to
the space print gives it, and its words with it. The data gaps' answers grid, capped in height
on the report's page, printed its force names at 4.2 pt and its legend at 2.3 pt; the
briefing's comparison chart, capped at 40 mm, printed at 2.9 to 4.2 pt. Printed here as they
are printed, and measured in the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import DATA, requires_chromium

from nsc_report.data import load_edition
from nsc_report.present.charts import static_svg
from nsc_report.printing import briefing, pdf
from nsc_report.sections import data_gaps, force

SMALLEST_PT = 6
# A line of known size: the PDF's font sizes are read relative to it (Chromium draws in CSS
# px under a scaling transform, and pdfium reports sizes before it).
RULE = '<p style="font-size: 10pt">Ten points</p>'


@pytest.fixture(scope="module")
def edition():  # type: ignore[no-untyped-def]
    return load_edition(DATA, "2024")


def report_page(edition) -> str:  # type: ignore[no-untyped-def]
    """The answers grid as the report's page draws it: the web spec at the column's width
    (vega-embed's SVG), in its figure, under the print stylesheet."""
    chart = data_gaps.chart(edition)
    spec = chart.web_spec()
    spec["width"] = pdf.PRINT_WIDTH_PX - 40
    figure = chart.html(svg="").replace('"></div>', f'">{static_svg(spec)}</div>', 1)
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><style>"
            f"{pdf._print_css(edition)}</style></head><body><main class=nsc-print>"
            f"<article class=bd-article>{RULE}<h2>Answers</h2>{figure}</article></main>"
            f"</body></html>")


def briefing_page(edition) -> str:  # type: ignore[no-untyped-def]
    """The comparison chart as a briefing prints it: its static SVG in the briefing's figure."""
    code = edition.forces.set_index("force_name").at["Dyfed-Powys", "force_code"]
    svg = force.standing_chart(edition, code).svg()
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><style>{briefing.STYLE}"
            f"</style></head><body>{RULE}<div class=page2><h2>Where it stands</h2>"
            f'<figure class="chart" role="img" aria-label="chart">{svg}</figure></div>'
            f"</body></html>")


def printed_sizes(path: Path) -> list[tuple[float, str]]:
    """Every printed character's size in points, with the character. pdfium's font size, not
    pdfplumber's `size` (a glyph's height from its font's box: a symbol at 6 pt from a font
    with a short box, such as the grid's "–", reads as 3.6)."""
    import pypdfium2
    import pypdfium2.raw as raw

    chars = []
    for page in pypdfium2.PdfDocument(path):
        text = page.get_textpage()
        for i in range(text.count_chars()):
            char = text.get_text_range(i, 1)
            if char.strip():
                chars.append((raw.FPDFText_GetFontSize(text.raw, i), char))
    ruler = next(size for size, char in chars if char == "T")  # "Ten points" comes first
    return [(round(size * 10 / ruler, 2), char) for size, char in chars]


@requires_chromium
@pytest.mark.parametrize("page", [report_page, briefing_page])
def test_no_chart_prints_text_under_6_pt(edition, page, tmp_path: Path):
    target = tmp_path / "printed.pdf"
    pdf.print_pages([(target, "Chart", page(edition))], edition, tmp_path / "scratch")
    sizes = printed_sizes(target)
    assert len(sizes) > 50  # the chart's words are text in the PDF
    small = sorted(s for s in sizes if s[0] < SMALLEST_PT - 0.05)
    assert not small, small[:20]
