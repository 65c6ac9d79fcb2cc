"""A new edition is the forces' real answers and a draft until published: new-edition does not
carry last year's "illustrative, constructed" status of the returns over (the new returns are
keyed in from the forces' replies), and an edition whose facts of publication are still marked
BEFORE PUBLICATION says it is a draft on every page, on the PDF's covers and on the editions
page, instead of printing last year's publication date as its own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import DATA, EDITION, ROOT

from nsc_report.cycle.new_edition import new_edition, real_answers
from nsc_report.data import load_edition, provenance
from nsc_report.publishing.check import check

DRAFT = "Draft, not published."


@pytest.fixture
def draft_2025(data_copy: Path) -> Path:
    """The synthetic, complete 2025 edition with its publication date still last year's,
    marked for later (as new-edition leaves it)."""
    folder = data_copy / "2025"
    shutil.copytree(ROOT / "tests" / "fixtures" / "editions" / "2025", folder)
    meta = folder / "edition.yml"
    meta.write_text(meta.read_text().replace(
        "publication_date: 2025-04-21",
        "publication_date: 2024-04-22  # BEFORE PUBLICATION: the date of publication"))
    return data_copy


def test_the_new_returns_are_not_called_constructed(data_copy: Path):
    """The tester's case: 2025 carried `foi_returns.csv: status: illustrative, caveat: ...
    constructed ...` over, so every page of the real answers said "Illustrative data"."""
    new_edition(data_copy, "2025", EDITION)
    ed = load_edition(data_copy, "2025", lazy=True, unfinished_ok=lambda i: True)
    meta = ed.meta
    assert "foi_returns.csv" not in meta.data_files
    assert provenance.returns(ed).status == "published"
    # Still an edition with constructed data: the PCC commitments are carried over as they are.
    assert meta.illustrative is True
    assert meta.data_files["pcc_commitments.csv"].status == "illustrative"  # carried as it is
    text = (data_copy / "2025" / "edition.yml").read_text()
    assert "constructed to match the published national totals" not in text
    assert "The per-force answers of the real 2024 requests" not in text


def test_no_data_files_section_is_left_empty():
    meta = ("# last year's returns were constructed\nillustrative: true\ndata_files:\n"
            "  foi_returns.csv:\n    status: illustrative\nhelp:\n  x: 1\n")
    assert real_answers(meta).splitlines() == [
        "illustrative: false  # whether a data file or source below is illustrative",
        "help:", "  x: 1"]


def test_check_does_not_call_a_new_editions_answers_illustrative(data_copy: Path):
    new_edition(data_copy, "2025", EDITION)
    found = [str(p) for p in check(ROOT, data_copy, "2025")]
    assert not [p for p in found if "foi_returns.csv is illustrative" in p], found


def test_an_edition_with_facts_marked_for_later_is_a_draft(draft_2025: Path):
    assert load_edition(draft_2025, "2025", lazy=True).draft
    assert not load_edition(DATA, EDITION, lazy=True).draft


def test_the_pages_of_real_answers_are_not_called_constructed(data_copy: Path):
    """The banner and the PDF's notice speak of the per-force answers: shown only while those
    are illustrative, not because another file (the PCC commitments) is."""
    from nsc_report.printing.pdf import _cover_html
    from nsc_report.publishing.config import staged_config

    meta = data_copy / EDITION / "edition.yml"
    text = meta.read_text()
    start = text.index("  foi_returns.csv:\n")
    meta.write_text(text[:start] + text[text.index("  pcc_commitments.csv:"):])
    ed = load_edition(data_copy, EDITION)
    assert ed.meta.illustrative and provenance.returns(ed).status == "published"
    assert "not real answers" not in str(staged_config(ROOT, ed))
    assert "not the forces' real answers" not in _cover_html(ed)
    original = load_edition(DATA, EDITION)  # the 2024 edition's notices are as they were
    assert "not real answers" in str(staged_config(ROOT, original))
    assert "not the forces' real answers" in _cover_html(original)


def test_every_page_of_a_draft_says_so(draft_2025: Path):
    from nsc_report.publishing.config import staged_config

    ed = load_edition(draft_2025, "2025")
    assert DRAFT in staged_config(ROOT, ed)["sphinx"]["config"]["html_theme_options"][
        "announcement"]
    published = load_edition(DATA, EDITION)
    assert DRAFT not in str(staged_config(ROOT, published))


def test_the_pdf_covers_of_a_draft_say_so_not_last_years_date(draft_2025: Path):
    """The tester's case: the draft PDF's cover read "Edition 2025, published 22 April
    2024"."""
    from nsc_report.printing.pdf import _cover_html, back_cover_html

    ed = load_edition(draft_2025, "2025")
    cover, back = _cover_html(ed), back_cover_html(ed)
    assert DRAFT in cover and "Edition 2025, a draft, not yet published" in cover
    assert "22 April 2024" not in cover and "22 April 2024" not in back
    assert "edition 2025, a draft, not yet published." in back
    published = _cover_html(load_edition(DATA, EDITION))
    assert "Edition 2024, published 22 April 2024" in published and DRAFT not in published


def test_the_editions_page_gives_a_draft_no_date(draft_2025: Path):
    """The tester's case: book/editions.html said "2025 (this edition) ... 22 April 2024"."""
    from nsc_report.publishing.archive import Entry, Site, editions_page

    entries = (Entry.of(load_edition(draft_2025, "2025"), ""),
               Entry.of(load_edition(draft_2025, EDITION), "editions/2024/"))
    page = editions_page(Site("2025", entries, "2025"))
    row = page.split("2025 (this edition)", 1)[1].split("</tr>", 1)[0]
    assert "draft, not yet published" in row and "2024" not in row.split("<a ")[0]
    assert "22 April 2024" in page.split("2025 (this edition)", 1)[1].split("</tr>", 1)[1]


def test_the_footer_and_version_of_a_draft_say_so_not_last_years_date(draft_2025: Path):
    """The tester's case: every page's footer of the 2025 draft read "Version 1.0, 22 April
    2024 (every change is listed ...)". The version is printed in the site's footer, the PDF's
    properties and the revisions and Code of Practice chapters (rev_version): none gives a
    draft last year's date."""
    from nsc_report.printing.pdf import properties, report_subject
    from nsc_report.publishing.config import help_footer
    from nsc_report.sections import practice, revisions

    ed = load_edition(draft_2025, "2025")
    printed = {"footer": help_footer(ed), "subject": report_subject(ed),
               **properties(ed, subject=report_subject(ed)),
               "revisions": revisions.figures(ed)["rev_version"],
               "practice": practice.figures(ed)["rev_version"]}
    for where, text in printed.items():
        assert "22 April 2024" not in text and "2024-04-22" not in text, (where, text)
    assert "A draft, not yet published." in printed["footer"]
    assert printed["revisions"] == "a draft, not yet published"
    published = load_edition(DATA, EDITION)
    assert f"Version {published.version.version}, " in help_footer(published)
    assert "draft" not in help_footer(published).lower()
    assert "draft" not in revisions.figures(published)["rev_version"]


def test_no_page_briefing_workbook_or_release_gives_a_draft_last_years_date(draft_2025: Path):
    """Beyond the version: the day of publication printed by the methodology, the Code of
    Practice, the briefings, the local notes, the workbook's cover and the release's fields is
    last year's in a draft (standing in, marked BEFORE PUBLICATION): each says it is a draft."""
    from nsc_report.present import labels
    from nsc_report.publishing import release, spreadsheets
    from nsc_report.publishing.downloads import published_table, returns_table
    from nsc_report.sections import methodology, practice

    ed = load_edition(draft_2025, "2025")
    assert ed.draft and f"{ed.meta.publication_date:%-d %B %Y}" == "22 April 2024"
    book = spreadsheets.workbook(ed, returns_table(ed), published_table(ed))
    printed = {"methodology": methodology.figures(ed)["meth_publication_date"],
               "practice": practice.figures(ed)["cop_publication"],
               "workbook": " ".join(book.intro + book.about),
               "release": release.fields(ed)["publication_date"],
               "briefing and notes": labels.publication_day(ed)}
    for where, text in printed.items():
        assert "22 April 2024" not in text, (where, text)
    assert printed["methodology"] == "draft, not yet published"
    published = load_edition(DATA, EDITION)
    assert methodology.figures(published)["meth_publication_date"] == "22 April 2024"
    assert labels.publication_day(published) == "22 April 2024"
