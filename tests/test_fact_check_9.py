"""Fact-check 9 (docs/reviews/fact-check-9-2026-12-07.md), the two findings left open in part:
B3, the forces that gave a number of dedicated officers (the release's 7 and 12) still marked on
every force page and briefing, in sentences marked only at their end; B7, brackets set beside
brackets ("May 2023 (unverified ...) (where ...)", "harassment (s2 or s4) (Q2)", a question's
wording and its year each in brackets). Tested on the built site, the printed report and the
briefings."""
from __future__ import annotations

import csv
import html
import re

import pypdfium2
import pytest
from helpers import Built

BESIDE = re.compile(r"\)\s*\(")


def _text(fragment: str) -> str:
    fragment = re.sub(r"<(script|style)\b.*?</\1>", " ", fragment, flags=re.S)
    # A mark's word for a screen reader ("(illustrative)") is not printed text.
    fragment = re.sub(r'<span class="nsc-visually-hidden">.*?</span>', "", fragment, flags=re.S)
    text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)))
    # A mark stands in an element of its own: no space before it, nor between it and a stop.
    return re.sub(r"([‡†]) ([,.;)])", r"\1\2", re.sub(r" ([‡†])", r"\1", text))


def _pdf_text(path) -> str:
    """A PDF's text, page after page, in reading order (pdfium: a table's headings stay within
    their cells, where pdfplumber's layout runs them together across columns)."""
    document = pypdfium2.PdfDocument(str(path))
    try:
        text = " ".join(" ".join(page.get_textpage().get_text_range().split())
                        for page in document)
    finally:
        document.close()
    return re.sub(r" ([‡†])", r"\1", text)  # a raised mark is a run of its own


def _beside(text: str) -> list[str]:
    return [text[max(0, m.start() - 70):m.end() + 50] for m in BESIDE.finditer(text)]


def test_no_page_sets_a_bracket_beside_a_bracket(built: Built):
    pages = sorted((built.html / "book").rglob("*.html"))
    assert len(pages) > 43
    found = {str(p.relative_to(built.html)): _beside(_text(p.read_text(encoding="utf-8")))
             for p in pages}
    assert not {page: hits for page, hits in found.items() if hits}


def test_no_printed_page_sets_a_bracket_beside_a_bracket(built: Built):
    briefings = sorted((built.out / "pdf" / "forces").glob("*.pdf"))
    assert len(briefings) == 43
    for path in [built.pdf, *briefings]:
        assert not _beside(_pdf_text(path)), path.name


def _gave_a_number(built: Built) -> int:
    register = next((built.html / "book" / "downloads").glob("figures*.csv"))
    with register.open(encoding="utf-8") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    parts = [rows[f"officers/officers_{key}"] for key in ("at_least_one", "none")]
    assert {r["status"] for r in parts} == {"published"}
    return sum(int(r["raw"]) for r in parts)


@pytest.mark.parametrize("force", ["durham", "bedfordshire", "south-yorkshire", "gwent"])
def test_the_forces_that_gave_a_number_of_officers_are_unmarked_where_a_force_stands(
        built: Built, force: str):
    """B3: "(of the 19‡ forces that gave this figure ...)" and "(19‡ forces did)": the count is
    the release's 7 and 12; every other figure of the sentence keeps its own mark."""
    given = _gave_a_number(built)
    text = _text(built.page(f"forces/{force}"))
    sentence = re.search(r"Dedicated stalking officers: [^.]*?\)\.", text)
    assert sentence, force
    said = sentence.group(0)
    assert re.search(rf"(of the|\() ?{given} forces (that gave this figure|did)", said), said
    assert f"{given}‡" not in said
    # The force's own figure, or its want of one, stays marked.
    assert re.search(r"officers: (\d+‡ \(|.* gave no figure‡, )", said), said


def test_a_briefing_prints_the_forces_that_gave_a_number_of_officers_unmarked(built: Built):
    given = _gave_a_number(built)
    text = _pdf_text(next((built.out / "pdf" / "forces").glob("durham-*.pdf")))
    # The standing table's row: Durham's figure and its rank marked; the count of forces with
    # a figure (the last column) not, nor the median the release's counts give (fact-check 11).
    row = re.search(r"Dedicated stalking officers ([\d.]+‡) ([\d.]+‡?) (\d+(?: \(tied\))?‡) "
                    r"(\d+‡?) Stalking single", text)
    assert row, text
    assert row.group(4) == str(given) and row.group(2) == "0", row.group(0)
