"""The third fact-check's findings on the chapters' sentences (findings 5, 13 and 18): each
sentence says what its count is of, and its variants follow the data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import DATA, EDITION, rewrite_csv

from nsc_report.data import Edition, load_edition, provenance
from nsc_report.measures import answer_values
from nsc_report.sections import attrition, data_gaps, force, other_offences, spo

HERTFORDSHIRE, WILTSHIRE, MET = "E23000027", "E23000038", "E23000001"


@pytest.fixture(scope="module")
def ed() -> Edition:
    return load_edition(DATA, EDITION, lazy=True)


def _chapter(name: str) -> str:
    return " ".join((DATA.parent / "notebooks" / f"{name}.md").read_text("utf-8").split())


def test_outcome_15b_counts_every_force_that_gave_it(ed: Edition):
    """The tester's case: '15 forces gave this figure: 4,129 offences' when 16 forces answered
    Q5 with 4,272 (Hertfordshire refused Q1, so it is not in the share)."""
    q5 = answer_values(ed, "Q5", ed.meta.current_period)
    assert HERTFORDSHIRE in q5.index
    r = other_offences.figures(ed)
    assert r["oo_15b_all_forces_forces"] == f"{q5.size} forces"
    assert r["oo_15b_all_offences_offences"] == f"{int(q5.sum()):,} offences"
    said = r["oo_15b_share_text"]
    assert said.startswith(f"For the {r['oo_15b_forces']} of them that also gave the number")
    assert f"the {r['oo_15b_offences']} offences closed with outcome 15B were" in said
    chapter = _chapter("other-offences")
    assert "`oo_15b_all_forces_forces` gave this figure" in chapter
    assert "`oo_15b_forces_forces` gave this figure" not in chapter


def test_outcome_15b_where_every_force_gave_both(data_copy: Path):
    def edit(rows: list[dict[str, str]]) -> None:
        for row in rows:
            if (row["force_code"], row["question_id"]) == (HERTFORDSHIRE, "Q5"):
                row.update(status="refused_s12", value="", note="Refused on cost")
    rewrite_csv(data_copy / EDITION / "foi_returns.csv", edit)
    r = other_offences.figures(load_edition(data_copy, EDITION))
    assert r["oo_15b_all_forces"] == r["oo_15b_forces"]
    assert r["oo_15b_share_text"].startswith("Those offences were")


@pytest.mark.parametrize(("make", "said"), [
    ((), "2 refused under another exemption"),
    ((WILTSHIRE,), "1 refused under another exemption and 1 held no information"),
])
def test_the_forces_that_gave_nothing_are_said_as_they_answered(data_copy: Path, make, said):
    """The tester's case: '2 refused under another exemption or held no information', when
    both refused (Northamptonshire and Wiltshire) and none held no information."""
    def edit(rows: list[dict[str, str]]) -> None:
        for row in rows:
            if row["force_code"] in make:
                row["status"], row["note"] = "not_held", "Information not held"
    rewrite_csv(data_copy / EDITION / "foi_returns.csv", edit)
    ed = load_edition(data_copy, EDITION)
    # Each count with its mark where it stands (fact-check 7: it ends a sentence that begins
    # with a published count, which a mark at its end would mark too).
    mark = provenance.returns(ed).mark
    assert data_gaps.figures(ed)["gaps_other_text"] == re.sub(r"(\d+)", rf"\g<1>{mark}", said)
    # The chart's description marks each count as the chapter does (fact-check 8, B1).
    marked = re.sub(r"(\d+)", rf"\g<1>{mark}", said)
    assert f"6{mark} refused on cost and {marked}." in data_gaps.chart(ed).alt_text


def test_the_spo_sum_is_said_to_count_each_kind(ed: Edition):
    """The tester's case: '375 such cases', a sum of cases with an interim and cases with a
    full application, in which a case with both counts twice."""
    r = spo.figures(ed)
    chapter = _chapter("spo")
    assert "such_cases" not in chapter and "such cases" not in chapter
    assert "`spo_interim_cases` in which they applied for an interim order" in chapter
    # The total is glued with its noun ("375 cases"), then said how it counts.
    assert "{glue:text}`spo_total_cases` counted by kind of order" in chapter
    assert r["spo_total_cases"].endswith(" cases")
    assert r["spo_interim_cases"].endswith(" cases") and r["spo_full_cases"].endswith(" cases")
    text = force.figures(ed, MET).figures["force_spo_text"].text
    q9, q10 = (int(answer_values(ed, q, ed.meta.current_period)[MET]) for q in ("Q9", "Q10"))
    # Each figure with its own mark where the answers are constructed (fact-check 5, B7).
    mark = provenance.returns(ed).mark
    assert (f"interim Stalking Protection Order in {q9}{mark} cases and for a full order in "
            f"{q10}{mark}: {q9 + q10}{mark} cases counted by kind of order") in text
    assert f"in {q9 + q10} cases" not in text


def test_the_attrition_stages_say_what_they_count(ed: Edition):
    """The tester's case: the table and axis headed 'Cases' over 131,200 recorded offences."""
    chart = attrition.chart(ed)
    assert "Cases" not in chart.table.columns
    stages = list(chart.table["Stage"])
    assert stages[0].endswith("(offences)") and all(s.endswith("(cases)") for s in stages[1:])
    spec = chart.chart.to_dict()
    titles = [layer["encoding"]["x"].get("title") for layer in spec["layer"]]
    assert "Cases" not in titles and "Number" in titles
