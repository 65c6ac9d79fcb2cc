"""Unit tests of the section measures, on the committed data and on edited copies of it."""

from __future__ import annotations

import pytest
from helpers import DATA, EDITION, set_answer

from nsc_report.data import load_edition
from nsc_report.measures import answer_values
from nsc_report.measures.attrition import attrition_table, conviction_rate
from nsc_report.measures.gaps import force_scores, question_coverage, scorecard
from nsc_report.measures.officers import category_counts, spoc_summary
from nsc_report.measures.other_offences import breakdown_levels, level_counts
from nsc_report.measures.reports import change_table, commitment_summary
from nsc_report.measures.response import responding_forces, response_summary
from nsc_report.measures.spo import band_counts, band_of, spo_summary, spo_table


@pytest.fixture(scope="module")
def ed():
    return load_edition(DATA, EDITION)


def test_response_counts_forces_that_gave_any_figure(ed):
    summary = response_summary(ed)
    assert (summary.asked, summary.responded, summary.not_responded) == (43, 27, 16)
    assert summary.no_response + summary.refused_s12 + summary.refused_other == 16


def test_a_force_with_only_a_partial_figure_has_responded(data_copy):
    set_answer(data_copy, "Cleveland", "Q7", "at_request", status="partial", value=3,
               note="Only one division could answer")
    assert len(responding_forces(load_edition(data_copy, EDITION))) == 28


def test_commitment_shares_use_forces_with_both_years(ed):
    s = commitment_summary(ed)
    assert (s.responding_committed, s.comparable, s.decreased, s.increased) == (16, 15, 10, 5)
    assert round(s.share_decreased) == 67
    assert s.pccs_committed > s.forces / 2


def test_change_table_is_per_force_and_signed(ed):
    t = change_table(ed)
    assert len(t) == 25
    assert ((t["current"] - t["previous"]) == t["change"]).all()
    assert set(t.loc[t["change"] > 0, "direction"]) == {"increase"}


def test_a_force_moving_from_decrease_to_increase_changes_the_share(data_copy):
    set_answer(data_copy, "Cheshire", "Q1", "ye_mar_2023", value=99999)
    s = commitment_summary(load_edition(data_copy, EDITION))
    assert (s.decreased, s.increased) == (9, 6)


@pytest.mark.parametrize("total,band", [(0, "low"), (10, "low"), (11, "mid"), (30, "mid"),
                                        (31, "high")])
def test_band_edges(total, band):
    assert band_of(total) == band


def test_spo_bands_and_totals(ed):
    assert band_counts(ed).to_dict() == {"low": 12, "mid": 8, "high": 3}
    t = spo_table(ed)
    assert (t["total"] == t["interim"] + t["full"]).all()
    s = spo_summary(ed)
    assert s.total == s.interim + s.full == int(t["total"].sum())


def test_a_force_without_full_order_figures_is_not_banded(data_copy):
    set_answer(data_copy, "Sussex", "Q10", "ye_mar_2023", status="not_held", value="")
    for q in ("Q11", "Q12", "Q13"):
        set_answer(data_copy, "Sussex", q, "ye_mar_2023", status="not_held", value="")
    counts = band_counts(load_edition(data_copy, EDITION))
    assert counts.to_dict() == {"low": 12, "mid": 7, "high": 3}


def test_dedicated_officers_split_among_responders(ed):
    assert category_counts(ed).to_dict() == {"at least one": 7, "none": 12, "did not say": 8}
    spoc = spoc_summary(ed)
    assert spoc.spoc_zero <= spoc.spoc_forces


def test_breakdown_levels_need_all_three_answers_for_detailed(ed):
    assert level_counts(ed).to_dict() == {"detailed": 11, "partial": 5, "none": 11}
    levels = breakdown_levels(ed).set_index("force")["level"]
    assert levels["Leicestershire"] == "partial"  # a partial answer with a figure


def test_conviction_rate_from_numerator_and_denominator(ed):
    c = conviction_rate(ed)
    assert c.convicted / c.recorded * 100 == pytest.approx(c.rate)
    assert round(c.rate, 1) == 1.7
    assert not c.verified and c.caveat
    assert c.previous_rate == 1.4
    stages = attrition_table(ed)
    assert list(stages["count"]) == sorted(stages["count"], reverse=True)


def test_scorecard_has_one_status_per_force_and_question(ed):
    card = scorecard(ed)
    assert len(card) == 43 * 13
    # Q1 is asked for two years: a figure for one year and none for the other is an answer
    # in part (Dyfed-Powys gave 834 for one year and held nothing for the other).
    dyfed = card[(card["force"] == "Dyfed-Powys") & (card["question_id"] == "Q1")]
    assert dyfed["status"].item() == "partial"
    # Where neither year has a figure, the less complete answer stands for the question.
    both = ed.returns[ed.returns["question_id"] == "Q1"].groupby("force_code")["status"]
    silent = both.agg(set)
    for code, statuses in silent.items():
        if not statuses & {"answered", "partial"}:
            row = card[(card["force_code"] == code) & (card["question_id"] == "Q1")]
            assert row["status"].item() in statuses
    scores = force_scores(ed)
    assert scores["pct_answered"].between(0, 100).all()
    coverage = question_coverage(ed)
    assert (coverage.drop(columns=["question_id", "question", "no_figure"]).sum(axis=1)
            == 43).all()


def test_figures_refuses_ambiguous_periods(ed):
    with pytest.raises(ValueError, match="several periods"):
        answer_values(ed, "Q1")


def test_a_force_page_scores_questions_as_the_data_gaps_chapter_does(ed):
    """One definition of the questions a force answered: a question asked about two years is
    one question, answered in full only when both years were (Dyfed-Powys's Q1: in part)."""
    from nsc_report.measures.force import completeness, completeness_ranking, questions_asked

    scores = force_scores(ed).set_index("force_code")
    ranking, asked = completeness_ranking(ed), questions_asked(ed)
    for code in ed.forces["force_code"]:
        done = completeness(ed, code)
        assert done.asked == asked[code] == len(ed.questions)
        assert done.answered == ranking[code] == scores.at[code, "answered"]
        assert done.partial == scores.at[code, "partial"]
    dyfed = completeness(ed, "W15000004")
    assert dyfed.partial >= 1 and dyfed.asked < len(ed.returns.query(
        "force_code == 'W15000004'"))
