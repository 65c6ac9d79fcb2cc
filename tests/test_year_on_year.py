"""Year on year: the synthetic 2025 edition (tests/fixtures) compared with the 2024 data, and
the published site that keeps every edition."""

from __future__ import annotations

import csv
import re
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest
from helpers import DATA, ROOT, requires_chromium, run_cli, small_data

from nsc_report.data import DataValidationError, load_edition
from nsc_report.measures import change as m
from nsc_report.publishing.archive import site_for
from nsc_report.sections import change as section

FIXTURES = Path(__file__).parent / "fixtures"
sys.path.insert(0, str(FIXTURES))
import synthetic_2025  # noqa: E402


def two_editions(target: Path) -> Path:
    """A data folder with the real 2024 edition and the synthetic 2025 one."""
    data = target / "data"
    shutil.copytree(DATA / "reference", data / "reference")
    shutil.copytree(DATA / "public", data / "public")
    shutil.copytree(DATA / "2024", data / "2024")
    shutil.copytree(FIXTURES / "editions" / "2025", data / "2025")
    return data


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return two_editions(tmp_path)


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="") as fh:
        return list(csv.DictReader(fh))


def test_the_fixture_is_what_its_script_makes():
    made = synthetic_2025.build(DATA / "2024")
    committed = {p.relative_to(synthetic_2025.TARGET).as_posix(): p.read_text(encoding="utf-8")
                 for p in sorted(synthetic_2025.TARGET.rglob("*")) if p.is_file()}
    assert committed == made
    assert "not real" in made["edition.yml"] and "Synthetic" in made["chapters/summary.md"]


def test_links_name_the_compared_periods_and_the_changed_question(data: Path):
    ed = load_edition(data, "2025")
    found = {link.qid: link for link in m.links(ed)}
    assert "Q8" not in found and m.unlinked(ed) == ["Q8"]
    assert (found["Q1"].period, found["Q1"].previous_period) == ("ye_mar_2024", "ye_mar_2023")
    assert (found["Q6"].period, found["Q6"].previous_period) == ("at_request", "at_request")
    assert not found["Q6"].comparable and "half their time" in found["Q6"].changed
    assert all(link.comparable for q, link in found.items() if q != "Q6")
    # An edition without a previous one compares nothing.
    assert m.links(load_edition(data, "2024")) == []


def test_force_changes_follow_the_data(data: Path):
    ed = load_edition(data, "2025")
    now = {(r["force_code"], r["question_id"], r["period"]): r
           for r in rows(data / "2025" / "foi_returns.csv")}
    before = {(r["force_code"], r["question_id"], r["period"]): r
              for r in rows(data / "2024" / "foi_returns.csv")}
    changes = m.force_changes(ed).set_index(["force_code", "qid"])
    for code in ed.forces["force_code"]:
        n, b = now[(code, "Q1", "ye_mar_2024")], before[(code, "Q1", "ye_mar_2023")]
        row = changes.loc[(code, "Q1")]
        if n["status"] == "answered" and b["status"] == "answered":
            assert row["change"] == int(n["value"]) - int(b["value"])
            assert pd.isna(row["reason"])
        else:
            assert pd.isna(row["change"])
            assert row["reason"]
    cheshire, gwent = changes.loc[("E23000006", "Q1")], changes.loc[("W15000002", "Q1")]
    assert cheshire["reason"] == "now"      # no full answer in 2025
    assert gwent["reason"] == "before"      # ... in 2024
    assert changes.loc[("E23000008", "Q6")]["reason"] == "changed"


def test_national_totals_add_up_the_same_forces_both_years(data: Path):
    ed = load_edition(data, "2025")
    now = {r["force_code"]: r for r in rows(data / "2025" / "foi_returns.csv")
           if (r["question_id"], r["period"]) == ("Q1", "ye_mar_2024")}
    before = {r["force_code"]: r for r in rows(data / "2024" / "foi_returns.csv")
              if (r["question_id"], r["period"]) == ("Q1", "ye_mar_2023")}
    both = [c for c in now if now[c]["status"] == before[c]["status"] == "answered"]
    q1 = next(c for c in m.national_changes(ed) if c.link.qid == "Q1")
    assert q1.both == len(both)
    assert q1.total == sum(int(now[c]["value"]) for c in both)
    assert q1.previous_total == sum(int(before[c]["value"]) for c in both)
    assert (q1.only_now, q1.only_before) == (1, 1)  # Gwent now, Cheshire then
    q6 = next(c for c in m.national_changes(ed) if c.link.qid == "Q6")
    assert q6.change is None and q6.total is None


def test_a_force_page_says_plainly_what_cannot_be_compared(data: Path):
    ed = load_edition(data, "2025")
    cheshire = section.force_section(ed, "E23000006").data
    assert "## Since the 2024 edition" in cheshire
    assert "in full in 2024 but not in 2025" in cheshire
    assert "Not compared: no full answer in 2025" in cheshire
    assert "Not compared: the question changed (now counts officers" in cheshire
    gwent = section.force_section(ed, "W15000002").data
    assert "in full in 2025, which it had not in 2024" in gwent
    assert section.force_section(load_edition(data, "2024"), "E23000006") is None


def test_the_national_series_shows_every_year_held(data: Path):
    series = m.national_series(load_edition(data, "2025"))
    assert list(series["period"]) == ["ye_mar_2021", "ye_mar_2022", "ye_mar_2023"]
    assert list(series["recorded_stalking"]) == [98544, 117672, 125000]
    assert pd.isna(series["conviction_rate"].iloc[0])  # not held for that year
    assert list(series["conviction_rate"].iloc[1:]) == [1.4, 1.6]
    assert len(m.national_series(load_edition(data, "2024"))) == 2


@pytest.mark.parametrize(("edit", "key", "expected"), [
    (lambda t: t.replace("same_as: Q2", "same_as: Q99"), "questions.1.same_as",
     "a question id of edition 2024"),
    (lambda t: t.replace("same_as: Q3", "same_as: Q2"), "questions.2.same_as",
     "each question of edition 2024 linked once"),
])
def test_a_bad_link_is_named(data: Path, edit, key, expected):
    path = data / "2025" / "questions.yml"
    path.write_text(edit(path.read_text()))
    with pytest.raises(DataValidationError) as err:
        load_edition(data, "2025")
    assert f"data/2025/questions.yml, column '{key}'" in str(err.value)
    assert expected in str(err.value)


def test_links_need_a_previous_edition_that_exists(data: Path):
    meta = data / "2025" / "edition.yml"
    meta.write_text(meta.read_text().replace('previous_edition: "2024"',
                                             'previous_edition: "2023"'))
    with pytest.raises(DataValidationError, match="previous_edition"):
        load_edition(data, "2025")
    meta.write_text(meta.read_text().replace('previous_edition: "2023"\n', ""))
    with pytest.raises(DataValidationError, match="names no previous_edition"):
        load_edition(data, "2025")


def test_new_edition_links_every_question_to_the_last(data: Path):
    shutil.rmtree(data / "2025")
    made = run_cli("new-edition", "2025", "--from", "2024", "--data-dir", str(data))
    assert made.returncode == 0, made.stderr
    text = (data / "2025" / "questions.yml").read_text()
    assert text.count("same_as:") == text.count("- id:") == 13
    assert 'previous_edition: "2024"' in (data / "2025" / "edition.yml").read_text()


def test_the_comparison_chapter_runs_the_same_on_a_warm_kernel(tmp_path: Path):
    import nbformat
    from helpers import cells

    from nsc_report.execution.run import execute, run_fresh
    from nsc_report.execution.templates import jobs_for

    data = two_editions(tmp_path)
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    # The template, its words and the words every section shares (labels, charts), beside it.
    for name in ("change.md", "change.ftl", "labels.ftl", "charts.ftl"):
        shutil.copy(ROOT / "notebooks" / name, notebooks)
    ed = load_edition(data, "2025")
    execute(notebooks, tmp_path / "book", ed)
    job = jobs_for(notebooks, tmp_path / "book", ed)[0]
    assert cells(nbformat.read(job.output, as_version=4)) == cells(run_fresh(job))
    # The 2024 edition has no chapter to run, and a leftover one is removed.
    execute(notebooks, tmp_path / "book", load_edition(data, "2024"))
    assert not job.output.exists()


def test_the_site_lists_published_editions_only(data: Path):
    site = site_for(data, "2024")  # 2025 is in preparation: not listed
    assert [e.year for e in site.entries] == ["2024"] and site.older == []
    site = site_for(data, "2025")
    assert [e.year for e in site.entries] == ["2025", "2024"] and site.older == ["2024"]
    assert site.for_edition("2024").to_root == "../../"


@pytest.mark.build
@requires_chromium
def test_the_2025_site_compares_and_keeps_2024(tmp_path: Path):
    from bs4 import BeautifulSoup

    # Both editions with nine forces: what is compared and kept does not depend on how many.
    data = small_data(two_editions(tmp_path / "full"), tmp_path / "data")
    out = tmp_path / "out"
    result = run_cli("report", "--data-dir", str(data), "--edition", "2025", "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    site = out / "html"

    def text(page: Path) -> str:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        return " ".join(soup.get_text(" ").split())

    change = text(site / "book" / "change.html")
    assert "Q6 changed between the editions" in change and "Q8 was not linked" in change
    assert "Since the 2024 edition" in text(site / "book" / "forces" / "cheshire.html")
    attrition = text(site / "book" / "attrition.html")
    assert "125,000" in attrition and "year ending March 2023" in attrition
    # The current edition is the landing page; 2024 sits under editions/2024/ with its PDF and
    # a notice on every page; the editions page links both, and every link resolves.
    assert "book/index.html" in (site / "index.html").read_text()  # the landing page
    assert "Synthetic test edition" in text(site / "book" / "index.html")
    archived = site / "editions" / "2024"
    assert (archived / "book" / "downloads" / "nsc-stalking-report-2024.pdf").is_file()
    for page in (archived / "book" / "index.html", archived / "book" / "spo.html"):
        assert "A newer edition, 2025, has been published" in text(page)
    assert "newer edition" not in text(site / "book" / "spo.html")
    assert not (archived / "book" / "change.html").exists()
    for editions in (site / "book" / "editions.html", archived / "book" / "editions.html"):
        soup = BeautifulSoup(editions.read_text(encoding="utf-8"), "html.parser")
        links = [a["href"] for a in soup.select("#nsc-table-editions a")]
        assert len(links) == 4
        for href in links:
            assert (editions.parent / href).resolve().is_file(), href
    assert "Synthetic" not in text(archived / "book" / "summary.html")
    assert ROOT.joinpath("book", "index.md").is_file()  # the project's own book is untouched
    # A period that holds the change of May 2023, not yet checked, sets no bracket beside a
    # bracket ("from May 2023 (unverified ...) (partly before)"; fact-check 9, B7).
    for page in sorted((site / "book").rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for hidden in soup.select(".nsc-visually-hidden, script, style"):
            hidden.decompose()
        assert not re.search(r"\)\s*\(", " ".join(soup.get_text(" ").split())), page.name
