"""Each figure is named by what was counted (the fact-check's finding 11): Q9 and Q10 count
cases in which a force applied for one or more orders (questions.yml, `unit: cases`), not
applications or orders; the national count behind the conviction rate is of offences
(national.csv, `unit: offences`), the charges and convictions of cases."""

from __future__ import annotations

import re

import pytest
from helpers import DATA

from nsc_report.data import Edition, load_edition
from nsc_report.measures import force as force_measures
from nsc_report.sections import attrition, force, spo

WEST_MERCIA = "E23000016"


@pytest.fixture(scope="module")
def ed() -> Edition:
    return load_edition(DATA, "2024", lazy=True)


def _unit(ed: Edition, qid: str) -> str:
    return str(ed.questions.set_index("id").at[qid, "unit"])


def test_the_spo_figures_count_cases(ed: Edition):
    """The tester's case: 'made 375 applications', the axis 'SPO applications', '12 forces
    applied for 10 or fewer Stalking Protection Orders', over counts of cases."""
    assert _unit(ed, "Q9") == _unit(ed, "Q10") == "cases"
    r = spo.figures(ed)
    for key in ("spo_total", "spo_interim", "spo_full", "spo_median", "spo_band_low",
                "spo_top_total"):
        definition = r.figures[key].definition
        assert "cases" in definition and not re.search(r"SPO applications\b", definition), \
            (key, definition)
    chart = spo.chart(ed)
    assert "cases in a year, counted by kind of order" in chart.title and "SPOs in" in chart.title
    assert "applications" not in chart.caption.split(";")[1]  # 'dashed lines mark .. cases'
    assert "cases" in chart.alt_text and "SPO applications" not in chart.alt_text
    assert all("application" not in c or c.startswith("Cases with")
               for c in chart.table.columns)
    spec = str(chart.chart.to_dict())
    assert "SPO applications, interim and full" not in spec and "Cases with an SPO" in spec
    spo_measure = next(m for m in force_measures.measures(ed) if m.key == "spo_per_1000")
    # The strip's heading, short enough for a phone: the cases, counted by kind of order.
    assert force.measure_label(ed, spo_measure).startswith("SPO cases by kind of order")


def test_a_force_page_places_its_cases_in_a_band_of_cases(ed: Edition):
    text = force.figures(ed, WEST_MERCIA).figures["force_spo_text"].text
    assert re.search(r"band of [\w ]+ cases, counted by kind of order, with", text), text
    assert "applications" not in text


def test_the_rate_divides_convictions_by_recorded_offences(ed: Edition):
    """The tester's case: 131,200 'recorded stalking cases' in the text, 'offences' in the
    register and in national.csv."""
    units = dict(zip(ed.national["measure"], ed.national["unit"], strict=False))
    assert units["recorded_stalking"] == "offences" and units["convicted"] == "cases"
    chart = attrition.chart(ed)
    assert "recorded stalking cases" not in chart.alt_text + chart.caption + chart.title
    assert re.search(r"Police recorded [\d,]+\W? stalking offences\.", chart.alt_text)
    assert chart.caption.startswith("Stalking offences recorded by police")
