"""The measures a force is compared on are named in force.ftl (force-measure), in the form each
place needs, not made by reshaping one English label in code (.lower() printed "spo
applications" and "since ye mar 2022", and the chart's title "sPO applications")."""

from __future__ import annotations

import pytest
from helpers import DATA, EDITION

from nsc_report.data import Edition, load_edition
from nsc_report.measures import force as m
from nsc_report.sections import force


@pytest.fixture(scope="module")
def ed() -> Edition:
    return load_edition(DATA, EDITION, lazy=True)


def test_each_measure_has_its_words_in_each_form(ed: Edition) -> None:
    by_key = {x.key: x for x in m.measures(ed)}
    assert not hasattr(by_key["recorded"], "label")  # the measures layer keeps codes
    change, spo = by_key["pct_change"], by_key["spo_per_1000"]
    assert force.measure_label(ed, change) == "Change in recorded stalking since YE Mar 2022 (%)"
    assert force.measure_label(ed, change, "sentence") == (
        "Change in recorded stalking since YE Mar 2022")
    assert force.measure_label(ed, change, "definition") == (
        "change in recorded stalking since YE Mar 2022 (%)")
    assert force.measure_label(ed, spo, "title") == (
        "cases with an SPO application, counted by kind of order, per 1,000 recorded offences")
    assert force.measure_label(ed, spo, "definition").startswith(
        "cases with an SPO application")


def test_the_chart_title_and_the_register_name_the_measure_as_written(ed: Edition) -> None:
    """Sussex is highest for cases with an SPO application per 1,000 in the 2024 data."""
    title = force.standing_chart(ed, "E23000033").title
    # Of the forces that gave the figure, not of all forces (fact-check 3, finding 6), with
    # the mark of the answers on the count, as in the page's sentences.
    assert title == ("Sussex is highest‡ of the 22‡ forces that gave a figure for cases with an "
                     "SPO application, counted by kind of order, per 1,000 recorded offences")
    definitions = {k: f.definition for k, f in force.figures(ed, "E23000033").figures.items()}
    assert definitions["force_standing_spo_per_1000"].endswith(
        ": cases with an SPO application, counted by kind of order, per 1,000 recorded offences")
    assert "since YE Mar 2022 (%)" in definitions["force_standing_pct_change"]
