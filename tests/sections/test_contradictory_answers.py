"""Published answers that cannot both be right are flagged where they are printed, but only
answers that count alike are set against each other. The BBC Data Unit's answers of June 2021
count as "applied for" the orders granted, rejected or not yet heard (the sum, in every row of
the published file), which leaves out applications that ended otherwise; the BBC Shared Data
Unit's yearly answers count applications. So Surrey's 29 (January 2020 to 16 April 2021)
against its 64 in 2020/21 is no contradiction (the third fact-check, finding 7): the page says
that the two compilations count differently, and accuses no force. Each June 2021 answer's
period runs to the day it was correct to (finding 8: the Welsh forces' 30 December 2020)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from helpers import DATA

from nsc_report.data import Edition, load_edition
from nsc_report.measures import published as m
from nsc_report.present import words
from nsc_report.publishing.downloads import published_table
from nsc_report.sections.published import orders

SURREY, NORTHAMPTONSHIRE, HUMBERSIDE = "E23000031", "E23000022", "E23000012"
DYFED_POWYS, LINCOLNSHIRE = "W15000004", "E23000020"
WARNING = words.Words("published").text("published-orders-conflict", longer="L",
                                        shorter="S").split(":")[0]  # 'These answers cannot ...'
RAW = DATA / "public" / "raw" / "spo-applications-by-force-foi-2020-to-2021-04.csv"


@pytest.fixture(scope="module")
def ed() -> Edition:
    return load_edition(DATA, "2024", lazy=True)


def test_a_longer_period_with_the_smaller_count_is_a_conflict():
    v = m.Value
    answers = {"a": {"ye_mar_2021": v(64), "ye_mar_2022": v(42)},
               "b": {"from_2020_01_to_2021_04_16": v(29)}}
    assert m.fewer_over_longer(answers) == [("from_2020_01_to_2021_04_16", "ye_mar_2021")]
    answers["b"]["from_2020_01_to_2021_04_16"] = v(64)  # as many: may both be right
    assert m.fewer_over_longer(answers) == []
    answers["b"]["from_2020_01_to_2021_04_16"] = v(None, "not given")
    assert m.fewer_over_longer(answers) == []
    # An answer correct to 30 December 2020 does not hold the whole of 2020/21.
    assert m.fewer_over_longer({"a": {"ye_mar_2021": v(5)},
                                "b": {"from_2020_01_to_2020_12_30": v(1)}}) == []


def test_the_published_total_is_granted_rejected_and_not_heard():
    """What the finding rests on, checked on the published file itself."""
    for row in csv.DictReader(RAW.open(encoding="utf-8")):
        if row["foi_response"].strip() != "yes":
            continue
        parts = [int(row[c]) for c in ("SPOs granted", "SPOs rejected", "SPO not_heard")
                 if row[c].strip().isdigit()]
        assert sum(parts) == int(row["Total SPOs applied for"]), row["Police force"]


@pytest.mark.parametrize("code", [SURREY, NORTHAMPTONSHIRE, HUMBERSIDE])
def test_no_force_is_said_to_contradict_itself(ed: Edition, code: str):
    sentence = orders.orders_sentence(ed, code)
    assert WARNING not in sentence and "cannot" not in sentence
    assert "whose count of applications is the orders granted, rejected or not yet heard" \
        in sentence
    assert "The two compilations count applications differently" in sentence
    table = orders.orders_table(ed, code).frame
    assert not any("Cannot be reconciled" in note for note in table["Note"])
    early = table.iloc[0]
    assert early["Period"].startswith("January 2020 to ")
    assert "granted, rejected or not yet heard" in early["Note"]


def test_answers_that_count_alike_are_still_set_against_each_other(data_copy: Path):
    """Were the two compilations to count alike, Surrey's answers could not both be right."""
    sources = data_copy / "public" / "sources.yml"
    text = sources.read_text("utf-8")
    early = load_edition(data_copy, "2024", lazy=True).public.sources[orders.ORDERS_2021]
    described = next(line for line in text.splitlines()
                     if line.strip().startswith("applied:") and "granted, rejected" in line)
    assert early.measures["applied"] in described
    same = next(line for line in text.splitlines() if line.strip().startswith("applied:")
                and "in the year" in line)
    sources.write_text(text.replace(described, same), "utf-8")
    ed = load_edition(data_copy, "2024", lazy=True)
    assert orders.counted_alike(ed)
    assert orders.orders_sentence(ed, SURREY).count(WARNING) == 1


def _date_correct() -> dict[str, str]:
    return {row["Police force"].strip(): row["date_correct"].strip()
            for row in csv.DictReader(RAW.open(encoding="utf-8"))}


def test_each_answer_runs_to_the_day_it_was_correct_to(ed: Edition):
    """The tester's case: Dyfed-Powys's answer, correct to 30/12/20, labelled 'January 2020 to
    April 2021' on its page, briefing, local note and in published-statistics.csv."""
    assert _date_correct()["Dyfed Powys"] == "30/12/20"
    assert orders.early_period(ed, DYFED_POWYS) == "from_2020_01_to_2020_12_30"
    said = orders.orders_sentence(ed, DYFED_POWYS)
    assert "From January 2020 to 30 December 2020 it applied for 1" in said
    assert "April 2021" not in said
    assert orders.early_period(ed, LINCOLNSHIRE) == "from_2020_01_to_2021_04"  # no answer
    table = published_table(ed)
    rows = table[table["series"] == orders.ORDERS_2021]
    labels = set(rows.loc[rows["force_code"] == DYFED_POWYS, "period_label"])
    assert labels == {"January 2020 to 30 December 2020"}
    assert rows["period"].nunique() > 2  # one period per day of answer, not one for all
    assert not (rows["period"] == "jan_2020_to_apr_2021").any()


def test_the_periods_follow_the_published_days(ed: Edition):
    days = _date_correct()
    for code, name in ((DYFED_POWYS, "Dyfed Powys"), (SURREY, "Surrey"),
                       ("E23000016", "West Mercia")):
        day, month, year = days[name].split("/")
        assert m.period_end(orders.early_period(ed, code) or "").isoformat() \
            == f"20{year}-{month}-{day}", name


def test_a_span_to_a_month_ends_on_its_last_day():
    assert m.period_end("from_2020_01_to_2021_04") == m.period_end("from_2020_01_to_2021_04_30")
    assert m.period_start("from_2020_01_to_2021_04").isoformat() == "2020-01-01"
