"""The published series' periods, counting-rule eras and derived figures."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from helpers import DATA

from nsc_report.data import load_edition
from nsc_report.data.public import ENGLAND_AND_WALES, PublicSeries
from nsc_report.measures import published as m

# The counting-rule changes as the committed table holds them (reference/counting_rules.csv).
RULES = load_edition(DATA, "2024", lazy=True).counting_rules


def series(rows: list[tuple[str, str, str, str, int | None, str]]) -> PublicSeries:
    table = pd.DataFrame(rows, columns=["series", "force_code", "period", "measure", "value",
                                        "note"]).astype({"value": "Int64"})
    return PublicSeries(table, {})


@pytest.mark.parametrize("period,start,end", [
    ("ye_mar_2018", dt.date(2017, 4, 1), dt.date(2018, 3, 31)),
    ("ye_dec_2018", dt.date(2018, 1, 1), dt.date(2018, 12, 31)),
    ("ye_jun_2025", dt.date(2024, 7, 1), dt.date(2025, 6, 30)),
    ("cy_2013", dt.date(2013, 1, 1), dt.date(2013, 12, 31)),
    ("from_2020_01_to_2021_04", dt.date(2020, 1, 1), dt.date(2021, 4, 30)),
    ("from_2020_01_to_2020_12_30", dt.date(2020, 1, 1), dt.date(2020, 12, 30)),
])
def test_periods_start_and_end(period, start, end):
    assert (m.period_start(period), m.period_end(period)) == (start, end)


def test_eras_follow_the_counting_rule_changes():
    assert [m.era(p, RULES) for p in ("ye_mar_2018", "ye_jun_2018", "ye_mar_2020",
                                      "ye_mar_2021")] == [0, 1, 1, 2]
    # A rolling year holding months under both rules counts with the new ones, and says so.
    assert m.straddles("ye_jun_2018", RULES) and not m.straddles("ye_mar_2019", RULES)
    assert m.financial_year("ye_mar_2015") == "2014/15"


def test_a_change_falls_between_the_points_of_the_periods_either_side():
    for before, after, financial in (("ye_mar_2018", "ye_jun_2018", False),
                                     ("ye_dec_2019", "ye_jun_2025", False),
                                     ("ye_mar_2017", "ye_mar_2019", True),
                                     ("ye_mar_2020", "ye_mar_2021", True)):
        found = m.breaks_within([before, after], RULES)
        assert found
        for change in found:
            assert m.period_point(before, financial) < change.day \
                <= m.period_point(after, financial)
    assert m.breaks_within(["ye_mar_2015", "ye_mar_2017"], RULES) == []


def test_missing_values_keep_their_note_and_totals_need_every_force():
    pub = series([("s", "A", "ye_mar_2018", "x", 3, ""), ("s", "B", "ye_mar_2018", "x", None,
                                                        "Not available"),
                  ("s", "A", "ye_mar_2019", "x", 4, ""), ("s", "B", "ye_mar_2019", "x", 5, "")])
    assert m.values(pub, "s", "B", "x")["ye_mar_2018"] == m.Value(None, "Not available")
    totals = m.forces_total(pub, "s", "x", ["A", "B"])
    assert totals["ye_mar_2019"] == m.Value(9)
    assert totals["ye_mar_2018"].value is None and "1 of the 2" in totals["ye_mar_2018"].note


def test_values_by_force_are_each_forces_values_in_period_order():
    pub = series([("s", "B", "ye_mar_2019", "x", 5, ""), ("s", "A", "ye_mar_2019", "x", 4, ""),
                  ("s", "A", "ye_mar_2018", "x", 3, ""), ("s", "B", "ye_mar_2018", "x", None,
                                                        "Not available"),
                  ("s", "A", "ye_mar_2018", "y", 9, ""), ("t", "A", "ye_mar_2018", "x", 7, "")])
    by_force = m.values_by_force(pub, "s", "x")
    assert by_force == {code: m.values(pub, "s", code, "x") for code in ("A", "B")}
    assert list(by_force["A"]) == ["ye_mar_2018", "ye_mar_2019"]  # in period order
    assert m.values_by_force(pub, "s", "z") == {}


def test_no_charge_rate_without_outcomes():
    rows = []
    for code, total, charged in ((ENGLAND_AND_WALES, 100, 20), ("A", 0, 0)):
        rows += [("stalking_outcomes", code, "ye_mar_2015", "stalking_outcomes_total", total,
                  "Every outcome count is 0 as published" if total == 0 else ""),
                 ("stalking_outcomes", code, "ye_mar_2015", "charge_summons", charged, "")]
    pub = series(rows)
    frame = m.charge_rate(pub, "A", RULES).set_index("force_code")
    assert pd.isna(frame.at["A", "rate"]) and frame.at[ENGLAND_AND_WALES, "rate"] == 20.0
    assert m.charge_years(pub, "A")[0].note.startswith("Every outcome")
