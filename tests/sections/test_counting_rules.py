"""Every mention of a counting-rule change comes from the one table
(reference/counting_rules.csv): the sentences place each change within or after the period
they cover, the charts mark the changes within their years, their tables name the rules each
year was counted under, and a change added to the table reaches every consumer."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from helpers import DATA
from test_year_on_year import two_editions

from nsc_report.data import Edition, load_edition
from nsc_report.measures.change import national_series
from nsc_report.present import labels, phrasing
from nsc_report.sections import attrition, methodology, published, reports
from nsc_report.sections import counting_rules as cr

DURHAM = "E23000008"
# The words beside a change not yet checked against its source (May 2023 and the changes these
# tests add are `checked: no`; tests/sections/test_unchecked_facts.py).
U = " (unverified: not yet checked against its source)"
UNCHECKED_WITHIN = "; unverified: not yet checked against its source)"


@pytest.fixture(scope="module")
def ed() -> Edition:
    return load_edition(DATA, "2024", lazy=True)


def add_change(data: Path, day: str, what: str) -> None:
    """A row added to the committed table, in its place among the others."""
    path = data / "reference" / "counting_rules.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    rows.append({**rows[-1], "from": day, "what": what, "since": "a test rule holds",
                 "checked": "no", "note": "made up for the test"})
    rows.sort(key=lambda r: r["from"])
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def later_cut_off(data: Path) -> None:
    """The 2024 edition with a data cut-off that admits the ONS values published in 2025, so
    that the force pages' series runs past the later changes (issue 33 cut them off at
    publication)."""
    meta = data / "2024" / "edition.yml"
    meta.write_text(meta.read_text("utf-8").replace("data_cut_off: 2024-04-22",
                                                     "data_cut_off: 2025-12-31"), "utf-8")


def held(ed: Edition) -> list[str]:
    s = national_series(ed)
    return list(s.loc[s["recorded_stalking"].notna(), "period"])


# --- the period a chapter covers ----------------------------------------------------------------

def test_a_2024_period_places_may_2023_after_it(ed: Edition):
    """The committed edition asks about the years ending March 2022 and 2023: the May 2023
    change came after them, and the words are those printed before the table existed."""
    text = cr.period_text(ed, (ed.meta.previous_period, ed.meta.current_period))
    assert text == (f"The Home Office Counting Rules changed in May 2023{U}, after the period "
                    "covered here; figures for later years are not directly comparable with "
                    "these.")


def test_a_2025_period_places_may_2023_inside_it(tmp_path: Path):
    """The tester's case: the 2025 chapter said May 2023 came "after the period covered here"
    although the period runs past it."""
    nxt = load_edition(two_editions(tmp_path), "2025", lazy=True)
    for periods in ((nxt.meta.previous_period, nxt.meta.current_period),  # to March 2024
                    ("ye_mar_2024", "ye_mar_2025")):                      # to March 2025
        text = cr.period_text(nxt, periods)
        assert f"changed in May 2023{U}, within the period covered here" in text, text
        assert "after the period" not in text
    # An unchecked change says so inside the brackets that say what it did (no bracket beside
    # a bracket).
    assert "April 2020 (a course of conduct between former partners recorded as stalking) " \
        "and May 2023 (" in cr.methodology_text(nxt)
    assert f"{UNCHECKED_WITHIN}. Counts either side" in cr.methodology_text(nxt)
    # What the 2025 reports chapter glues.
    glued = reports.figures(nxt).figures["reports_counting_rules_text"].text
    assert f"May 2023{U}, within the period covered here" in glued


def test_the_chapters_glue_the_sentences(ed: Edition):
    """The reports chapter, the methodology and the attrition chapter print the sentences
    (they were typed into the templates before)."""
    assert reports.figures(ed).figures["reports_counting_rules_text"].text == cr.period_text(
        ed, (ed.meta.previous_period, ed.meta.current_period))
    assert methodology.figures(ed).figures["meth_counting_rules_text"].text \
        == cr.methodology_text(ed)
    assert attrition.figures(ed).figures["att_series_rules_text"].text \
        == cr.held_years_text(ed, held(ed))


def test_a_change_after_publication_is_not_named(ed: Edition):
    text = cr.period_text(ed, ("ye_mar_2018", "ye_mar_2019"))
    assert "changed in April 2018, within the period covered here" in text
    # April 2020 and May 2023 came after these years and before publication.
    assert f"They changed again in April 2020 and May 2023{U}, after the period" in text
    early = ed.with_periods(publication_date=ed.meta.publication_date.replace(year=2019))
    assert "April 2020" not in cr.period_text(early, ("ye_mar_2018", "ye_mar_2019"))
    assert "May 2023" not in cr.methodology_text(early)


# --- the committed edition's words ---------------------------------------------------------------

def test_the_words_that_were_right_for_2024_stay_the_same(ed: Edition):
    """The methodology names every change over the years the report prints, the force pages'
    and the national published series with its own (fact-check 3, finding 18: it left out
    April 2018, which the force pages' series cross)."""
    assert cr.methodology_text(ed) == (
        "Police record crime under the Home Office Counting Rules. Since the first of the years "
        "this report covers, the rules have changed in April 2018 (stalking and harassment "
        "recorded beside the most serious offence), April 2020 (a course of conduct between "
        "former partners recorded as stalking) and May 2023 (where stalking or harassment "
        f"comes with other offences, the most serious offence alone recorded{UNCHECKED_WITHIN}. "
        "Counts either side of these changes are not comparable.")
    assert cr.held_years_text(ed, held(ed)) == (
        "Since April 2020 some courses of conduct are recorded as stalking that were recorded "
        "as other offences before, so the years either side of that change are not comparable.")
    assert ("The counting rules changed in April 2018 and April 2020, and each change added "
            "offences to the count, so the years either side are not comparable"
            in published.national_charge_sentence(ed))
    chart = published.national_charge_chart(ed)
    assert chart.title.endswith("under counting rules that changed twice since 2014/15")
    assert list(chart.table["Counting rules"]) == ["before April 2018"] * 3 + [
        "April 2018 to March 2020"] * 2 + ["from April 2020"] * 2
    charge = published.charge_chart(ed, DURHAM)
    assert "May 2023" not in charge.caption
    assert list(charge.table["Counting rules"])[-1] == "from April 2020"


# --- one table, every consumer ------------------------------------------------------------------

def test_a_change_added_to_the_table_reaches_every_consumer(data_copy: Path):
    add_change(data_copy, "2021-10-01", "a change made up for this test")
    later_cut_off(data_copy)
    ed = load_edition(data_copy, "2024", lazy=True)
    label = f"October 2021{U}: a change made up for this test"
    group = published.group_chart(ed, DURHAM)
    charge = published.charge_chart(ed, DURHAM)
    national = published.national_charge_chart(ed)
    assert "October 2021" in published.group_sentence(ed, DURHAM)
    # Set inside the caption's brackets, the label's own brackets are a clause.
    assert phrasing.parenthetical(label) in group.caption and "October 2021" in group.alt_text
    assert phrasing.parenthetical(label) in charge.caption
    assert f"from October 2021{U}, partly before" in list(charge.table["Counting rules"])
    assert "October 2021" in published.national_charge_sentence(ed)
    assert "three times" in national.title and phrasing.parenthetical(label) in national.caption
    assert "April 2020 (a course of conduct between former partners recorded as stalking), " \
        f"October 2021 (a change made up for this test{UNCHECKED_WITHIN} and May 2023 (" \
        in cr.methodology_text(ed)
    assert f"changed in October 2021{U}, within the period covered here" in cr.period_text(
        ed, (ed.meta.previous_period, ed.meta.current_period))
    assert f"changed again in October 2021 (a change made up for this test{UNCHECKED_WITHIN}" \
        in cr.held_years_text(ed, held(ed))
    # The chart marks it among the others.
    spec = group.chart.to_dict()
    marked = dict.fromkeys(d["what"] for data in spec["datasets"].values()
                           for d in data if "what" in d)
    assert list(marked) == [cr.label(ed, c) for c in ed.counting_rules]
    assert label in marked


def test_a_single_change_is_worded_as_one(data_copy: Path):
    path = data_copy / "reference" / "counting_rules.csv"
    header, first, *_ = path.read_text("utf-8").splitlines(keepends=True)
    path.write_text(header + first, "utf-8")
    ed = load_edition(data_copy, "2024", lazy=True)
    assert ("so figures either side of that date cannot be compared: the chart marks the "
            "change and does not join the points across it") in published.group_sentence(
                ed, DURHAM)
    assert "A dashed vertical line marks the counting-rule change (April 2018" \
        in published.group_chart(ed, DURHAM).caption
    assert "changed once since" in published.national_charge_chart(ed).title


def test_a_force_page_names_the_may_2023_change_its_series_crosses(data_copy: Path):
    """Force pages named only April 2018 and April 2020 and labelled the year ending June 2025
    "from April 2020", though the May 2023 change falls between it and the year before it
    (the reports chapter and the methodology named it). The 2024 edition's data cut-off now
    leaves the 2025 values out (issue 33): an edition whose cut-off admits them is used."""
    later_cut_off(data_copy)
    ed = load_edition(data_copy, "2024", lazy=True)
    sentence = published.group_sentence(ed, DURHAM)
    assert f"changed in April 2018, April 2020 and again in May 2023{U}" in sentence
    assert "the chart marks the three changes" in sentence
    chart = published.group_chart(ed, DURHAM)
    assert phrasing.parenthetical(f"May 2023{U}: where stalking or harassment comes with other "
                                  "offences") in chart.caption
    assert f"April 2018, April 2020 and May 2023{U}" in chart.alt_text
    eras = dict(zip(chart.table["Period"], chart.table["Counting rules"], strict=True))
    assert eras["year ending June 2025"] == f"from May 2023{U}"
    assert eras["year ending December 2019"] == "April 2018 to March 2020"
    spec = chart.chart.to_dict()
    marked = dict.fromkeys(d["at"] for data in spec["datasets"].values() for d in data
                           if "what" in d)
    assert list(marked) == ["2018-04-01", "2020-04-01", "2023-05-31"]


def test_the_methodology_names_every_change_the_printed_series_cross(ed: Edition):
    """Fact-check 3 (finding 18): the methodology named April 2020 and May 2023 but not April
    2018, though the force pages' series (years ending March 2018 to December 2019) cross it.
    Every change of the table from the first year the report prints to publication is named."""
    text = cr.methodology_text(ed)
    first = cr.m.span(cr.dated(set(ed.public.table["period"])))[0]
    for change in ed.counting_rules:
        if first < change.day <= ed.meta.publication_date:
            # Its month, then what it did in brackets (with "unverified" inside them where
            # the change is not yet checked).
            assert f"{labels.month(ed, change.day)} ({change.what}" in text, change.day
