"""The PDF as readers download it: the headline figures and notes in its text, a sane length,
vector charts, embedded fonts, an outline of every chapter, and its document properties."""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from helpers import (
    DATA,
    EDITION,
    MM,
    ROOT,
    Built,
    font_families,
    page_fill,
    requires_chromium,
    small_text,
    unembedded_fonts,
)
from pypdf import PdfReader

pytestmark = [pytest.mark.build, requires_chromium]


@pytest.fixture(scope="module")
def pdf(built: Built) -> PdfReader:
    assert built.pdf.exists()
    return PdfReader(built.pdf)


@functools.cache  # one reader per module (the fixture): its pages are read once, not per test
def page_texts(pdf: PdfReader) -> list[str]:
    return [re.sub(r"\s+", " ", unicodedata.normalize("NFKC", p.extract_text() or ""))
            for p in pdf.pages]


def chapter_titles() -> list[str]:
    """The first heading of every chapter the PDF prints (_toc.yml, less the force pages,
    plus the annex), Markdown page or notebook."""
    import nbformat

    from nsc_report.data import load_edition
    from nsc_report.publishing.register import ANNEX_PAGE
    from nsc_report.publishing.stage import edition_toc, print_toc

    toc = print_toc(edition_toc(yaml.safe_load((ROOT / "_toc.yml").read_text()), ROOT,
                                load_edition(DATA, EDITION)))
    titles = []
    for part in toc["parts"]:
        for chapter in part["chapters"]:
            if chapter["file"] == ANNEX_PAGE:  # written by the build, from the register
                titles.append("Annex: where each figure comes from")
                continue
            md = ROOT / f"{chapter['file']}.md"
            own = ROOT / "data" / "2024" / "chapters" / f"{Path(chapter['file']).name}.md"
            md = own if own.exists() else md
            if md.exists():
                text = md.read_text(encoding="utf-8")
            else:
                nb = nbformat.read(ROOT / f"{chapter['file']}.ipynb", as_version=4)
                text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
            titles.append(re.search(r"^# (.+)$", text, re.MULTILINE).group(1).strip())
    return titles


def test_page_count_is_sane(pdf):
    assert 15 <= len(pdf.pages) <= 60


def test_cover_and_contents(pdf):
    texts = page_texts(pdf)
    meta = yaml.safe_load((DATA / EDITION / "edition.yml").read_text())
    assert meta["title"] in texts[0] and "Illustrative data" in texts[0]
    assert "22 April 2024" in texts[0]
    assert "Contents" in texts[1]
    for title in chapter_titles():
        assert re.search(re.escape(title.replace("’", "'")).replace("'", "['’]") + r" ?\d+",
                         texts[1]), title


def test_headline_figures_and_notes_in_the_text(pdf):
    # Read without the provenance marks (‡ illustrative, † unverified) beside the figures.
    text = re.sub(r"\s*[‡†]( \((illustrative|unverified)\))?", "", " ".join(page_texts(pdf)))
    for phrase in ["Only 1.7% of stalking cases result in a conviction, as the Trust’s release "
                   "states",
                   "27 of the 43 police forces gave us any figures",
                   "67% of the responding forces whose Commissioner made that commitment",
                   "only 5 recorded more",
                   "12 forces applied for Stalking Protection Orders in 10 or fewer cases, "
                   "counted by kind of order",
                   "A further 8 forces applied in 11 to 30 cases, and only 3 in more than 30",
                   "Only 7 forces said they had at least one dedicated stalking officer",
                   "only 11 could give a detailed breakdown",
                   "did not collate pre charge information for comparison",
                   "£243.8 million",
                   "how many stalking cases are dropped altogether"]:
        assert phrase in text, phrase


def test_no_code_or_web_controls(pdf):
    text = " ".join(page_texts(pdf))
    for control in ["Show code cell source", "glue_figures", "Search the report", "Ctrl+K",
                    "Skip to main content", "Download the data (CSV)"]:
        assert control not in text, control


def test_print_does_not_promise_what_only_the_web_shows(pdf):
    """A fact-check found the PDF telling readers that each chart comes with its data table
    and has download links beneath it: print shows neither (print.css hides both)."""
    text = re.sub(r"\s+", " ", " ".join(page_texts(pdf)))
    assert "comes with its data table" not in text
    assert "links beneath it" not in text or "On the web report, each chart" in text


def test_no_text_is_printed_under_6_pt(built: Built):
    """A fact-check measured the scorecard's force names at 4 pt (fact-check finding 14)."""
    assert small_text(built.pdf) == []


def test_charts_are_vector_graphics(pdf):
    images = 0
    for page in pdf.pages:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        for ref in xobjects.values():
            images += ref.get_object().get("/Subtype") == "/Image"
    assert images == 0, "charts (or anything else) were printed as bitmaps"
    texts = page_texts(pdf)
    for title in ["12 of 23 forces applied for SPOs in 10 or fewer cases in a year",
                  # the chart's title with the notice under it (the summary has the title's
                  # words too)
                  "police recorded in these counts: the same figure as the rate the "
                  "Trust's release states Unverified figures"]:
        page = next(i for i, t in enumerate(texts) if title in t)
        content = pdf.pages[page].get_contents().get_data()
        assert len(re.findall(rb"\bre\b|\bl\b|\bc\b", content)) > 50, title


def test_fonts_are_embedded(pdf):
    assert not unembedded_fonts(pdf)


def test_one_type_family_and_no_monospace_or_icons(pdf):
    assert font_families(pdf) == {"LiberationSans"}


def chapter_starts(pdf: PdfReader) -> set[int]:
    """0-based page numbers where the outline's entries of the first two levels start: the
    cover, the contents and every chapter."""
    starts = set()

    def walk(entries, depth):  # type: ignore[no-untyped-def]
        for entry in entries:
            if isinstance(entry, list):
                if depth < 1:
                    walk(entry, depth + 1)
            else:
                starts.add(pdf.get_destination_page_number(entry))

    walk(pdf.outline, 0)
    return starts


def test_no_page_is_less_than_a_third_full(built: Built, pdf):
    """Except the cover, the back cover and the last page of a chapter."""
    starts = chapter_starts(pdf)
    last = len(pdf.pages) - 1
    exempt = {0, last} | {s - 1 for s in starts}
    fills = page_fill(built.pdf)
    thin = [(i + 1, round(f, 2)) for i, f in enumerate(fills) if i not in exempt and f < 1 / 3]
    assert thin == [], f"pages (number, share filled) less than a third full: {thin}"


def test_the_cover_is_full_bleed_and_the_body_is_set_for_reading(built: Built):
    import statistics

    import pdfplumber

    with pdfplumber.open(built.pdf) as doc:
        cover = doc.pages[0]
        brand = [r for r in cover.rects if r["width"] >= cover.width - 1
                 and r["height"] >= cover.height - 1
                 and r.get("non_stroking_color") not in ((1.0, 1.0, 1.0), (1,))]
        assert brand, "the cover's colour does not reach every edge of the page"
        assert "Theme:" not in (cover.extract_text() or "")
        sizes, lengths = [], []
        for page in doc.pages[4:12]:
            body = [c for c in page.chars if 20 * MM < c["top"] < page.height - 20 * MM]
            sizes += [round(c["size"], 1) for c in body]
            lines = page.extract_text_lines()
            lengths += [len(line["text"]) for line in lines
                        if line["chars"] and round(line["chars"][0]["size"], 1) == 11.0]
        assert 10.5 <= statistics.mode(sizes) <= 11.0
        # A full line of body text: the longest lines of each paragraph, 60 to 80 characters.
        full = sorted(lengths)[len(lengths) // 2:]
        assert 60 <= statistics.median(full) <= 80, statistics.median(full)


def test_data_and_downloads_in_plain_words_with_addresses(pdf):
    text = " ".join(page_texts(pdf))
    assert "Data and downloads" in text
    squashed = re.sub(r"[\s-]", "", text)  # words broken across lines
    # With no web address yet (help.site_url), each download is named by its file, in words,
    # never by a path of the build (fact-check 3, finding 14).
    for name in ("foi-returns-illustrative.csv", "published-statistics.csv",
                 "nsc-data-illustrative.ods"):
        assert re.sub("-", "", f"{name},amongthedownloadsofthewebreport") in squashed, name
    assert "book/" not in squashed



def test_outline_lists_every_chapter(pdf):
    def flatten(items):
        for item in items:
            if isinstance(item, list):
                yield from flatten(item)
            else:
                yield unicodedata.normalize("NFKC", item.title).replace("’", "'").strip()

    outline = list(flatten(pdf.outline))
    for title in chapter_titles():
        assert any(title.replace("’", "'") in entry for entry in outline), title


def test_contents_give_the_page_each_chapter_starts_on(pdf):
    """Fact-check 3 (finding 15): "Executive summary 6" over a chapter on page 7, and
    "Recommendations 28" over one on page 30. Each number is the page of the chapter's
    heading as the outline finds it."""
    def plain(text: str) -> str:  # the printed apostrophe is typographic: "A victim’s ..."
        return unicodedata.normalize("NFKC", text).replace("’", "'").strip()

    starts = {}

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                starts.setdefault(plain(item.title), pdf.get_destination_page_number(item) + 1)
    walk(pdf.outline)
    contents = plain(page_texts(pdf)[1].split("Contents", 1)[1])
    for title in map(plain, chapter_titles()):
        number = re.search(re.escape(title) + r" ?(\d+)", contents)
        assert number and int(number.group(1)) == starts[title], title


def test_document_properties(pdf):
    meta = pdf.metadata
    assert meta.title == "Joining forces against stalking (2024)"
    assert "National Stalking Consortium" in meta.author
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert root["/MarkInfo"]["/Marked"]  # tagged
    assert "/StructTreeRoot" in root


def test_the_web_book_links_to_the_pdf(built: Built):
    downloads = built.page("downloads")
    assert f'href="downloads/{built.pdf.name}"' in downloads
    assert (built.html / "book" / "downloads" / built.pdf.name).exists()


def test_an_interrupted_print_logs_no_traceback_but_real_errors_still_show():
    import asyncio
    import logging

    from nsc_report.printing.pdf import _quiet_on_interrupt

    def record(error: BaseException) -> logging.LogRecord:
        return logging.LogRecord("asyncio", logging.ERROR, __file__, 1, "Exception in callback",
                                 None, (type(error), error, None))

    class TargetClosedError(Exception):  # Playwright's, as it names it
        pass

    logger = logging.getLogger("asyncio")
    destroyed = logging.LogRecord("asyncio", logging.ERROR, __file__, 1,
                                  "Task was destroyed but it is pending!", None, None)
    with _quiet_on_interrupt():
        assert not logger.filter(record(asyncio.CancelledError()))
        assert not logger.filter(record(KeyboardInterrupt()))
        # The page closed under a pending call, and the task destroyed (a run in CI, 8 Dec).
        assert not logger.filter(record(TargetClosedError("Target page ... has been closed")))
        assert not logger.filter(destroyed)
        assert logger.filter(record(RuntimeError("the browser crashed")))
    assert logger.filter(record(asyncio.CancelledError()))  # only while printing


def test_table_cells_wrap_between_words_not_inside_them(built: Built):
    """A force's name in a narrow column is never split ("Lancas" / "hire"): a printed word
    that is the start of a word of a force's name, and no word of its own, is one cut off."""
    import csv

    import pdfplumber

    with (ROOT / "data" / "reference" / "forces.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with (ROOT / "data" / "reference" / "oversight.csv").open(encoding="utf-8") as f:
        offices = f.read()
    names = [w for row in rows for w in re.split(r"[\s-]+", row["force_name"])]
    whole = ({w for row in rows for w in row["region"].split()} | set(names)
             | set(re.findall(r"\w+", offices)))
    # Capitalised starts of five letters or more: no English word of the prose is among them.
    starts = {w[:k] for w in names for k in range(5, len(w))} - whole
    with pdfplumber.open(built.pdf) as pdf:
        cut = sorted({(i + 1, w["text"]) for i, page in enumerate(pdf.pages)
                      for w in page.extract_words() if w["text"].strip(".,;:()") in starts})
    assert cut == [], f"words cut inside (page, text): {cut}"
