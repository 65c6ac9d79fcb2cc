"""What the report says about itself is computed from what it is (the fact-check's finding 9):
the number of sources it cites counts every source it prints a value of, the published series
too; the record of revisions counts reissues as versions, not as the changes they list, and
says only what is kept of the earlier versions; the editions page makes no claim about the
method of every edition."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import DATA, EDITION, ROOT

from nsc_report.data import Edition, load_edition
from nsc_report.publishing.archive import editions_page, site_for
from nsc_report.sections import practice, revisions


@pytest.fixture(scope="module")
def ed() -> Edition:
    return load_edition(DATA, EDITION, lazy=True)


def test_the_sources_counted_are_every_source_cited(ed: Edition):
    """The tester's case: 'The report cites 8 sources' counted edition.yml's alone, while the
    force pages and chapters cite six published series of data/public/ too."""
    figs = practice.figures(ed)
    series = set(ed.public.table["series"])
    assert len(series) == 6
    n = len(ed.meta.sources) + len(series)
    assert figs["cop_sources"] == str(n)
    statuses = practice.cited_statuses(ed)
    assert figs["cop_source_statuses"] == (
        f"{statuses.count('published')} published, {statuses.count('unpublished')} not "
        f"published and {statuses.count('unverified')} unverified")


def test_the_summary_counts_reissues_as_versions(ed: Edition):
    """The tester's case: 'corrected 2 times and revised 1 time' counted the three changes of
    one reissue (version 1.1) as three times."""
    text = revisions.figures(ed)["rev_summary"]
    reissues = len(ed.versions) - 1
    assert reissues >= 1
    said = "once" if reissues == 1 else f"{reissues} times"
    assert f"this edition has been reissued {said}, with " in text
    changes = [c.kind for v in ed.versions for c in v.changes]
    n = changes.count("correction")
    assert f"{n} correction{'s' if n != 1 else ''}" in text
    assert "corrected" not in text and "time" not in text.replace(said, "")


def test_the_words_count_one_kind_of_change_alone():
    from nsc_report.present import words

    w = words.Words("revisions")
    text = w.text("revisions-summary", revised=True, reissues=1, corrections=0, revisions=2)
    assert text.startswith("Since it was published, this edition has been reissued once, "
                           "with 2 revisions;")
    text = w.text("revisions-summary", revised=True, reissues=3, corrections=1, revisions=0)
    assert "reissued 3 times, with 1 correction;" in text


def test_only_what_is_kept_of_earlier_versions_is_said_to_be(ed: Edition, data_copy: Path):
    """The tester's case: 'The PDF of every earlier version is kept and published beside the
    current one', though no earlier PDF is (downloads/versions/ holds the current one)."""
    template = (ROOT / "notebooks" / "revisions.md").read_text("utf-8")
    assert "PDF of every earlier" not in template and "{glue:text}`rev_kept`" in template
    kept = revisions.figures(ed)["rev_kept"]
    assert kept.startswith("The register of figures of version 1.0, as it stood, is kept "
                           "with the report's data; ")
    shutil.rmtree(data_copy / EDITION / "revisions" / "v1.0")
    assert revisions.figures(load_edition(data_copy, EDITION, lazy=True))["rev_kept"] == ""


def test_the_editions_page_claims_no_method_for_every_edition(data_copy: Path):
    """The tester's case: 'published once a year, from that year's Freedom of Information
    requests', though the 2021 to 2023 editions were surveys."""
    page = editions_page(site_for(data_copy, EDITION))
    assert "The report is published once a year" in page
    assert "Freedom of Information" not in page


def test_a_change_of_many_figures_counts_them():
    """Version 1.3 lists hundreds of register ids; printed whole they ran to ten pages, and a
    few of them with "and 35 more" still meant nothing to readers (fact-check 3, finding 16):
    the page counts the figures a change concerns and names none."""
    from helpers import DATA, EDITION

    from nsc_report.data import load_edition
    from nsc_report.sections import revisions

    ed = load_edition(DATA, EDITION)
    cells = list(revisions.table(ed).frame["Changes"])
    many = next(c for v, c in zip(ed.versions, cells, strict=True) if v.version == "1.3")
    first = next(ch for v in ed.versions if v.version == "1.3" for ch in v.changes
                 if len(ch.figures) > 8)
    assert f"It concerns {len(first.figures)} figures." in many
    assert not any(f in c for c in cells for v in ed.versions for ch in v.changes
                   for f in ch.figures)
