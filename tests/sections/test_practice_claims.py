"""What the report says of its own practice is what its data record (fact-check 3, finding 10):
a source whose answers are unpublished is not counted as published; a source is called checked
only where a copy is kept (and every build checks it) or a check is recorded, with who and
what; the software is said to be published only at an address the edition gives; the
published statistics are those of the edition's cut-off; the register of an earlier version is
not said to be available where it is not; an edition with nothing to compare compares nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import DATA, EDITION, ROOT

from nsc_report.data import Edition, load_edition
from nsc_report.publishing.config import staged_config
from nsc_report.sections import methodology, practice, revisions

SOURCE = "https://code.example.org/nsc-report"


@pytest.fixture(scope="module")
def ed() -> Edition:
    return load_edition(DATA, EDITION, lazy=True)


def _sources(ed: Edition) -> dict[str, dict[str, str]]:
    frame = methodology.sources_table(ed).frame
    return {row["Source"]: row for row in frame.to_dict("records")}


def test_the_unpublished_answers_are_not_a_published_or_checked_source(ed: Edition):
    """The tester's case: 'The report cites 14 sources: 13 published and 1 unverified', with
    the FOI requests among the published and 'Verified: yes' in the methodology, though the
    forces' answers have not been published."""
    foi = _sources(ed)[ed.source("foi_2024").citation]
    assert foi["Published"].startswith("no: ")
    assert foi["Checked"] == "no check recorded"
    statuses = practice.figures(ed)["cop_source_statuses"]
    assert "1 not published" in statuses
    published = practice.cited_statuses(ed).count("published")
    assert f"{published} published" in statuses
    # The FOI requests not among them: the tester's count was one more than the published.
    assert f"{published + 1} published" not in statuses


def test_a_source_is_called_checked_only_as_the_data_record_it(ed: Edition, data_copy: Path):
    """The tester's case: 'Verified: yes' for the November 2023 release, Home Office recorded
    crime and Charity Today, of which the edition holds no copy."""
    rows = _sources(ed)
    for sid, source in ed.meta.sources.items():
        checked = rows[source.citation]["Checked"]
        if source.document:
            assert checked.startswith("yes: every build checks"), sid
        else:
            assert checked == "no check recorded", sid
    path = data_copy / EDITION / "edition.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        '    status: published\n  home_office_prc:',
        '    status: published\n    checked: {by: "A. Checker, 1 May 2024", what: "the release '
        'against the Trust\'s website"}\n  home_office_prc:', 1), encoding="utf-8")
    recorded = _sources(load_edition(data_copy, EDITION, lazy=True))
    nov = recorded[ed.source("slt_nov_2023").citation]["Checked"]
    assert nov == "yes: by A. Checker, 1 May 2024; the release against the Trust's website"


def _with_help(monkeypatch, ed: Edition, **fields: str) -> Edition:
    monkeypatch.setattr(ed.meta, "help", ed.meta.help.model_copy(update=fields))
    return ed


@pytest.mark.parametrize("address", ["", SOURCE])
def test_the_software_is_said_to_be_published_only_at_its_address(monkeypatch, address: str):
    """The tester's case: 'the software that computes every figure, and the data it reads, are
    published with the report', with no address and no package among the downloads; the
    downloads page sent readers to an unpublished README."""
    ed = _with_help(monkeypatch, load_edition(DATA, EDITION, lazy=True), source_url=address)
    figs = practice.figures(ed)
    said = " ".join((figs["cop_software"], figs["cop_built"], revisions.figures(ed)["rev_kept"],
                     staged_config(ROOT, ed)["sphinx"]["config"]["myst_substitutions"][
                         "software_note"]))
    if address:
        assert said.count("published at code.example.org/nsc-report") == 4
    else:
        assert "code.example.org" not in said and "README" not in said
        assert "are published" not in said and "published with" not in said
        assert "not yet published" in figs["cop_software"]
        assert "not yet published" in figs["cop_built"]
    for page in ("book/about.md", "book/downloads.md", "notebooks/code-of-practice.md"):
        text = (ROOT / page).read_text(encoding="utf-8")
        assert "published with it" not in text and "published\n  with the report" not in text
        assert "README" not in text


def test_the_published_statistics_are_those_of_the_cut_off(ed: Edition):
    """The tester's case: the downloads page said the published statistics 'are the same in
    every edition', while each edition reads them as of its data cut-off."""
    subs = staged_config(ROOT, ed)["sphinx"]["config"]["myst_substitutions"]
    assert subs["published_as_of"] == ("as they had been published by this edition's data "
                                       "cut-off, 22 April 2024")
    page = (ROOT / "book" / "downloads.md").read_text(encoding="utf-8")
    assert "same in every edition" not in page and "{{ published_as_of }}" in page


def test_an_edition_with_nothing_to_compare_does_not_say_it_compares(ed: Edition,
                                                                   monkeypatch):
    """The tester's case: 'Comparable over time. Where a question is asked in two editions, the
    report compares the answers', in the first edition, with nothing to compare."""
    assert ed.meta.previous_edition is None
    said = practice.figures(ed)["cop_comparable"]
    assert "compares the answers" not in said and "compares none" in said
    monkeypatch.setattr(ed.meta, "previous_edition", "2023")
    assert "asked in the 2023 edition too, the report compares the answers" in (
        practice.figures(ed)["cop_comparable"])
    assert "{glue:text}`cop_comparable`" in (ROOT / "notebooks" / "code-of-practice.md"
                                             ).read_text(encoding="utf-8")


def test_the_revisions_page_speaks_to_readers(ed: Edition):
    """The tester's case (finding 16): the revisions page printed "Why: Issue 32: ...", "A new
    user's review of the next edition found ...", register ids ("forces/avon-and-somerset/
    pub_group_text ... and 35 more"), a file of the repository ("(data/reference/
    counting_rules.csv)") and "every one is listed in the edition's data, revisions.yml"."""
    import re

    page = " ".join([*revisions.table(ed).frame["Changes"],
                     *revisions.table(ed).frame["What it is"],
                     *(revisions.figures(ed)[k] for k in ("rev_summary", "rev_kept"))])
    for internal in ("Issue 32", "new user's review", "revisions.yml", "edition.yml",
                     "data_cut_off", "pub_group_text", " more (every one"):
        assert internal not in page, internal
    assert not re.search(r"\b[\w/-]+\.(csv|yml|json|ipynb)\b", page)
    assert not re.search(r"\b[a-z-]+/[a-z_]+\b", page)  # a register id: notebook/key
