"""Fact-check 8 (docs/reviews/fact-check-8-2026-12-07.md), Part B: the record of changes (B5),
the downloads (B7, B8) and four minor items of B9 (the recommendations card, the printed opening
page, brackets inside brackets, the editions page). Tested on the built site, its downloads and
the printed report where they show it."""
from __future__ import annotations

import csv
import html
import io
import json
import re
import zipfile

import openpyxl
import pytest
from helpers import Built

from nsc_report.data import load_edition
from nsc_report.present import phrasing, words
from nsc_report.publishing import register
from nsc_report.publishing.check import recorded_since
from nsc_report.publishing.register import BookRegister


def _text(fragment: str) -> str:
    fragment = re.sub(r"<(script|style)\b.*?</\1>", " ", fragment, flags=re.S)
    # A mark's word for a screen reader ("(illustrative)") is not printed text.
    fragment = re.sub(r'<span class="nsc-visually-hidden">.*?</span>', "", fragment, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)))


def _downloads(built: Built):
    return built.html / "book" / "downloads"


def _figure(fid: str, text: str, status: str) -> dict:
    return {"id": fid, "text": text, "status": status, "pages": ["p"]}


# --- B5: the record of changes -------------------------------------------------------------

def test_a_figure_whose_mark_changed_is_a_changed_figure():
    """B5: `compare` counted only figures whose printed text changed, so the 5 and the 16
    that went from ‡ to unmarked were in no entry, and "it concerns N figures" understated."""
    before = BookRegister([_figure("a/five", "5", "illustrative"), _figure("a/same", "7", ""),
                           _figure("a/text", "1", "published")], {})
    after = BookRegister([_figure("a/five", "5", "published"), _figure("a/same", "7", None),
                          _figure("a/text", "2", "published")], {})
    changes = {c.id: c for c in register.compare(before, after)}
    assert set(changes) == {"a/five", "a/text"}  # an empty status is published
    five = changes["a/five"]
    assert five.status_changed and (five.old_status, five.new_status) == (
        "illustrative", "published")
    from nsc_report.publishing import review

    table = review.table(list(changes.values()), before)
    assert "5 [illustrative] -> 5 [published]" in table


def test_every_figure_whose_status_changed_since_1_0_is_listed(built: Built):
    """B5: every figure changed since version 1.0, in value or in status, is listed by a later
    version (what `nsc-report check` requires), among them the 5, the 16 and the 8."""
    ed = load_edition(built.root / "data", "2024")
    before = register.from_json((built.root / "data" / "2024" / "revisions" / "v1.0" /
                                 "figures.json").read_text(encoding="utf-8"))
    from nsc_report.publishing import review

    # As `check` reads it: from the executed notebooks, with the files each figure rests on.
    current = review.from_notebooks(built.notebooks, built.root / "data" / "2024" / "chapters")
    entries = current.by_id()
    changes = register.compare(before, current)
    status_only = {c.id for c in changes if c.status_changed and c.old == c.new}
    assert {"other-offences/oo_partial", "data-gaps/gaps_not_responded"} <= status_only
    missing = [c.id for c in changes if not recorded_since(ed, "1.0", entries.get(c.id), c.id)]
    assert not missing, missing


def _version_row(page: str, version: str) -> str:
    rows = re.findall(r"<tr\b.*?</tr>", page, re.S)
    return _text(next(r for r in rows if f"Version {version}" in _text(r)))


def test_version_1_3_states_one_print_of_the_spo_rates(built: Built):
    """B5: 1.3 said both that every rate prints "with one decimal place" (the median 3.9) and
    that rates are printed to two (the median 3.95); and "So are the 5" read as if the 5 were
    still marked."""
    row = _version_row(built.page("revisions"), "1.3")
    assert "prints with one decimal place" not in row and "give 3.9 (" not in row
    assert "printed to two decimal places, the median too (3.95‡)" in row
    assert "So are the 5" not in row and "Nor is the number" not in row
    assert "Three counts worked out from published figures are no longer marked" in row


def test_each_kind_of_change_is_what_the_page_defines(built: Built):
    """B5: the page defined a revision as a figure revised when its source publishes better
    data, but called changes of wording and of the page's format revisions. Corrections now
    cover wording and layout; the one revision published (1.1, sentences computed from one
    table, their words unchanged) is what the page now defines a revision to be."""
    page = built.page("revisions")
    text = _text(page)
    assert "or when we change how a figure or a sentence is made without changing what it says" \
        in text
    assert "We correct an error as soon as we find it, in a figure, its words, a chart" in text
    revisions = re.findall(r"Revision: (.*?) Why:", text)
    assert len(revisions) == 1, revisions
    assert "their words are unchanged" in revisions[0]
    assert "1 revision" in text


# --- B7 and B8: the downloads ----------------------------------------------------------------

def test_the_chart_data_say_which_cells_a_published_source_states(built: Built):
    """B7: the officers chart's data file marked South Yorkshire's public "at least one" as
    illustrative, though the web table leaves it unmarked; the README says what the column
    says."""
    archive = next(_downloads(built).glob("chart-data*.zip"))
    with zipfile.ZipFile(archive) as z:
        readme = z.read("README.txt").decode("utf-8")
        name = next(n for n in z.namelist() if n.startswith("dedicated-officers"))
        rows = list(csv.DictReader(io.StringIO(z.read(name).decode("utf-8"))))
    loose = (_downloads(built) / "charts" / name)
    if loose.exists():
        assert list(csv.DictReader(io.StringIO(loose.read_text(encoding="utf-8")))) == rows
    notice = "Illustrative data, not real answers"
    by_force = {r["Force"]: r["Data status"] for r in rows}
    assert by_force["South Yorkshire"] == (
        f"{notice}, except Answer (at least one), which a published source states")
    assert all(s == notice for f, s in by_force.items() if f != "South Yorkshire")
    assert "names any value of the row that a published source states" in readme


def test_the_answers_download_and_workbook_give_each_rows_source(built: Built):
    """B7: foi-returns*.csv and the workbook's FOI_returns sheet dropped source_id, so South
    Yorkshire's Q6 row carried no trace of the public source it cites."""
    path = next(_downloads(built).glob("foi-returns*.csv"))
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    south = [r for r in rows if r["force_name"] == "South Yorkshire" and r["question_id"] == "Q6"]
    assert [r["source_id"] for r in south] == ["south_yorkshire_police_2024"]
    assert sum(bool(r["source_id"]) for r in rows) == 1
    book = openpyxl.load_workbook(next(_downloads(built).glob("nsc-data*.xlsx")),
                                  read_only=True)
    sheet = [r for r in book["FOI_returns"].iter_rows(values_only=True)]
    header = next(r for r in sheet if r and r[0] == "force_code")
    column = next(i for i, h in enumerate(header) if str(h).startswith("source_id"))
    cited = [r for r in sheet if r and r[column] == "south_yorkshire_police_2024"]
    assert len(cited) == 1 and cited[0][1] == "South Yorkshire"
    notes = " ".join(str(c) for r in book["Notes"].iter_rows(values_only=True) for c in r if c)
    assert "south_yorkshire_police_2024: South Yorkshire Police" in notes


def test_the_commitments_sheet_gives_every_rows_status_and_caveat(built: Built):
    """B8: the record says the commitments sheet "gives each row's status and caveat"; it had
    no caveat column and 41 rows with an empty data_status."""
    book = openpyxl.load_workbook(next(_downloads(built).glob("nsc-data*.xlsx")),
                                  read_only=True)
    sheet = [r for r in book["PCC_commitments"].iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(sheet) if r and r[0] == "force_code")
    header, rows = sheet[start], [r for r in sheet[start + 1:] if r and r[0]]
    assert "caveat" in header and len(rows) == 43
    row = [dict(zip(header, r, strict=True)) for r in rows]
    assert all(r["data_status"] for r in row)
    withheld = [r for r in row if r["commitment"] == "not published in this edition"]
    assert len(withheld) == 41
    assert all(r["data_status"] == "illustrative" and "constructed" in r["caveat"]
               for r in withheld)
    revisions = _text(built.page("revisions"))
    assert "gives each row's status and caveat" in revisions


# --- B9 ------------------------------------------------------------------------------------

def test_the_recommendations_card_says_the_release_misprints_the_amount(built: Built):
    """B9: the card and its post gave "£243,810,000 ... Source: press release", though the
    release prints "£243,810,000 million"."""
    manifest = json.loads((built.html / "_static" / "cards" / "cards.json").read_text(
        encoding="utf-8"))
    card = next(c for c in manifest["cards"] if c["figure"] and
                c["figure"]["id"] == "methodology/funding_exact")
    for said in (card["post"], card["alt"]):
        assert "“£243,810,000 million”" in said and "misprint" in said, said


def test_the_printed_opening_page_describes_the_printed_report(built: Built):
    """B9: PDF p. 4 said "every finding on one page" (the summary runs over two) and "a page
    for each police force" (the PDF has only the annex). The web page keeps its own words."""
    pdfplumber = pytest.importorskip("pdfplumber")
    if not built.pdf.exists():
        pytest.skip("no PDF (Chromium missing)")
    with pdfplumber.open(built.pdf) as pdf:
        opening = next(t for t in (p.extract_text() or "" for p in pdf.pages[:8])
                       if "Read the report" in t)
    flat = " ".join(opening.split())
    assert "every finding on one page" not in flat
    assert "a page for each police force" not in flat
    assert "the annex “Every force at a glance”" in flat
    web = built.page("index")
    assert "every finding on one page" in web and "nsc-screen-only" in web


def _nested(text: str) -> list[str]:
    found, depth = [], 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
            if depth == 2:
                found.append(text[max(0, i - 60):i + 40])
        elif ch == ")":
            depth = max(0, depth - 1)
    return found


def test_no_force_page_sets_brackets_inside_brackets(built: Built):
    """B9: "(refused: cost limit (section 12))" (Hertfordshire) and "(the report's note on it:
    Refused under section 31 (law enforcement))" (Wiltshire and others): an answer's status, a
    note or a question's wording with brackets of its own, set inside a sentence's brackets."""
    pages = sorted((built.html / "book" / "forces").glob("*.html"))
    assert len(pages) == 43
    for page in pages:
        assert not _nested(_text(page.read_text(encoding="utf-8"))), page.stem
    herts = _text(built.page("forces/hertfordshire"))
    assert "(refused: cost limit, section 12)" in herts


def test_brackets_set_inside_brackets_become_a_clause():
    assert phrasing.parenthetical("refused: cost limit (section 12)") == (
        "refused: cost limit, section 12")
    assert phrasing.parenthetical("Refused under section 31 (law enforcement)") == (
        "Refused under section 31, law enforcement")
    assert phrasing.parenthetical("a (b) c") == "a, b, c"
    assert phrasing.parenthetical("unpaired (") == "unpaired ("


def test_a_local_note_sets_no_brackets_inside_brackets():
    """B9, in the local notes: "Refused: other exemption (YE Mar 2023) (the report's note on
    it: Refused under section 31 (law enforcement))"."""
    from nsc_report.printing.press_notes import _period

    w = words.Words("press")
    said = _period(w, {"period": "YE Mar 2023", "answer": "Refused: other exemption",
                       "note": "Refused under section 31 (law enforcement)"})
    assert said == ("Refused: other exemption (YE Mar 2023; the report's note on it: Refused "
                    "under section 31, law enforcement)")
    assert _period(w, {"period": "YE Mar 2023", "answer": "12", "note": ""}) == "12 (YE Mar 2023)"


def test_the_editions_page_says_earlier_editions_are_outside_the_series(built: Built):
    """B9: the page listed only 2024 under "Editions of the report, newest first", though the
    report calls itself annual and cites its 2022 edition, "Bridging the Gap"."""
    text = _text(built.page("editions"))
    assert "published outside this series" in text
    assert "“Bridging the Gap”" in text and "which begins with 2024" in text
