"""Every table, map and chart title made from the constructed answers of the 2024 edition
marks each constructed value where it is printed, and only those (fact-check 3, findings 1, 6,
16 and 18): the force's answers, the data-gaps table, the annex and the map, each chapter's
chart title and data table; the release's own figures and the request's design unmarked."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from helpers import DATA, EDITION

from nsc_report.data import Edition, load_edition
from nsc_report.measures import force as m
from nsc_report.sections import (
    data_gaps,
    find_force,
    force,
    methodology,
    officers,
    other_offences,
    reports,
    spo,
)

DYFED_POWYS, MET, SUSSEX = "W15000004", "E23000001", "E23000033"


@pytest.fixture(scope="module")
def ed() -> Edition:
    return load_edition(DATA, EDITION, lazy=True)


def _text(markup: str) -> BeautifulSoup:
    """The markup with each site mark shown as its symbol."""
    soup = BeautifulSoup(markup, "html.parser")
    for sup in soup.select("sup.nsc-mark"):
        sup.replace_with(sup.select_one("[aria-hidden]").get_text())
    return soup


def _rows(markup: str) -> list[list[str]]:
    return [[c.get_text() for c in row.find_all(["th", "td"])]
            for row in _text(markup).select("tbody tr")]


def test_a_forces_answers_are_marked_in_its_table(ed: Edition) -> None:
    rows = _rows(force.answers_table(ed, DYFED_POWYS).html())
    q1 = next(r for r in rows if r[0].startswith("Q1:") and r[1] == "YE Mar 2023")
    assert q1[2] == "834‡"
    # Every answer is the constructed data's, a status in words too; the question and the
    # period are the request's and carry no mark.
    assert all(r[2].endswith("‡") for r in rows)
    assert not any(r[0].endswith("‡") or r[1].endswith("‡") for r in rows)


def test_the_data_gaps_table_and_the_annex_mark_each_value(ed: Edition) -> None:
    for table in (data_gaps.scores_table(ed), find_force.map_table(ed)):
        rows = _rows(table.html())
        assert len(rows) == 43
        first = len(rows[0]) - len(table.marked)
        for row in rows:
            assert not row[0].endswith("‡")
            assert all(cell.endswith("‡") for cell in row[first:]), row
    annex = _rows(find_force.map_table(ed).html())
    durham = next(r for r in annex if r[0] == "Durham")
    assert durham[1] == "North East" and durham[2:] == ["2‡", "+11.7%‡", "8/13‡", "0‡"]


def test_the_maps_squares_and_legend_counts_carry_their_own_status(ed: Edition) -> None:
    soup = _text(find_force.tile_map(ed).markup)
    legend = {li.get_text() for li in soup.select(".nsc-map-legend li")}
    # Constructed counts are marked on the number ...
    assert {"fell (15‡ forces)", "rose by more than 10% (6‡ forces)", "one (3‡ forces)",
            "two or more (4‡ forces)"} <= legend
    # ... the release's 12, 8 and 3 forces in each band, and its 12 with no dedicated officer,
    # are published, as the chapters print them; so are the 20 with no SPO figure, the 43
    # asked less the 23 in the release's bands (fact-check 8).
    assert {"10 or fewer (12 forces)", "11 to 30 (8 forces)", "more than 30 (3 forces)",
            "none (12 forces)", "no figure given (20 forces)"} <= legend
    values = [v.get_text() for v in soup.select(".nsc-tile-value")]
    assert all(v.endswith("‡") for v in values if v != "–") and "–" in values


def test_chart_titles_mark_their_constructed_figures_only(ed: Edition) -> None:
    titles = {mod.__name__.rsplit(".", 1)[1]: mod.chart(ed).title
              for mod in (reports, spo, data_gaps, officers, other_offences)}
    # The reports chart draws every force alike (the commitments are constructed): its title
    # is of the forces drawn, not of the 15 whose Commissioner made the pledge.
    assert titles["reports"] == ("10‡ of the 25‡ forces that gave both years' figures recorded "
                                 "more stalking offences")
    # The release's 12, and its three bands together (12 + 8 + 3: published, fact-check 8).
    assert titles["spo"].startswith("12 of 23 forces")
    assert titles["data_gaps"].startswith("Only 19‡ of 43 forces")
    assert "‡" not in titles["officers"]  # the release's
    # The release's 11 of 27; the 5 that gave part of it are the rest of the release's 27,
    # less its 11 and 11 (fact-check 7): published too.
    assert titles["other_offences"].startswith("Only 11 of 27 forces could give a detailed")
    assert titles["other_offences"].endswith("; 5 gave part of it")


def test_a_forces_chart_title_ranks_it_among_the_forces_that_gave_the_figure(
        ed: Edition) -> None:
    for code in (MET, SUSSEX, DYFED_POWYS):
        title = force.standing_chart(ed, code).title
        assert "of all forces" not in title
        best = [s for s in m.standing(ed, code) if s.rank == 1]
        if best:
            # The claim of its rank is the answers' too (fact-check 11, B6).
            assert f"highest‡ of the {best[0].of}‡ forces that gave a figure for" in title
        else:
            assert re.search(r"on the \d+‡ measures? for which it gave a figure", title), title
    assert force.standing_chart(ed, MET).title == (
        "Metropolitan Police is highest‡ of the 26‡ forces that gave a figure for stalking "
        "offences recorded")


def test_counts_of_the_requests_design_are_published(ed: Edition) -> None:
    """'the 13 questions' and '602 rows in all' are the request's design, not constructed."""
    record = force.figures(ed, DYFED_POWYS).record()["figures"]
    assert record["force_asked"]["status"] == "published"
    assert record["force_asked_questions"]["status"] == "published"
    assert record["force_answered"]["status"] == "illustrative"  # its answers are
    rows = methodology.figures(ed).record()["figures"]["meth_rows"]
    assert (rows["raw"], rows["status"]) == (len(ed.returns), "published")


def test_the_comparison_of_two_editions_marks_each_compared_value(tmp_path) -> None:
    """The change chapter's tables compare two editions' answers: constructed in either, each
    compared cell carries the mark (the questions, periods and forces do not)."""
    import shutil
    from pathlib import Path

    from nsc_report.sections import change

    data = tmp_path / "data"
    for name in ("reference", "public", "2024"):
        shutil.copytree(DATA / name, data / name)
    shutil.copytree(Path(__file__).parents[1] / "fixtures" / "editions" / "2025", data / "2025")
    ed = load_edition(data, "2025")
    assert change.answers_status(ed) == "illustrative"
    national = _rows(change.national_table(ed).html())
    assert national and all(c.endswith("‡") for r in national for c in r[2:] if c)
    assert not any(r[0].endswith("‡") or r[1].endswith("‡") for r in national)
    forces = _rows(change.forces_table(ed).html())
    assert forces and all(c.endswith("‡") for r in forces for c in r[1:])
    section = BeautifulSoup(change.force_section(ed, "E23000008").data, "html.parser")
    durham = _rows(str(section.select_one("table")))
    assert durham and all(c.endswith("‡") for r in durham for c in r[1:])
