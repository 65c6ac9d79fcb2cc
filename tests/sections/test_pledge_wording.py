"""The finding on the PCC pledge is said in words that fit its counts (issue 31: the 2025 draft's
summary read "A pledge, and fewer recorded offences. ... Yet 0%‡ of the responding forces ...
recorded fewer ..., and only 5‡ recorded more", the landing page "THE PCC PLEDGE 0%‡": words
written for last year's 67% said the opposite of the new counts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import EDITION, rewrite_csv

from nsc_report.data import load_edition
from nsc_report.measures.reports import CommitmentSummary, commitment_summary
from nsc_report.present import words
from nsc_report.sections import reports

FIGURES = ("reports_pledge_heading", "reports_pledge_summary", "reports_pledge_key")


def summary(comparable: int, decreased: int, increased: int) -> CommitmentSummary:
    return CommitmentSummary(pccs_committed=20, forces=43, responding_committed=15,
                             comparable=comparable, decreased=decreased, increased=increased,
                             unchanged=comparable - decreased - increased)


@pytest.mark.parametrize(("counts", "case"), [
    ((12, 8, 4), "most-fewer"), ((12, 6, 6), "some-fewer"), ((12, 0, 12), "none-fewer"),
    ((12, 12, 0), "all-fewer"), ((0, 0, 0), "no-forces"), ((12, 7, 0), "most-fewer")])
def test_each_case_reads_as_its_counts(counts, case):
    s = summary(*counts)
    assert s.pledge == case
    w = words.Words("reports")
    values = {"case": s.pledge, "more": "some" if s.increased else "none", "share": "S%",
              "increased": s.increased, "comparable": s.comparable, "period": "p",
              "previous": "q"}
    said = " ".join([w.text("reports-pledge-heading", case=s.pledge),
                     w.text("reports-pledge-summary", **values),
                     w.text("reports-pledge-key", **values),
                     words.Words("briefing").text("briefing-national-fewer", **values)])
    if case in ("none-fewer", "no-forces", "some-fewer"):
        assert "Yet" not in said and "only" not in said and "fewer recorded offences" not in said
    if case == "none-fewer":
        assert "Not one of the 12 responding forces" in said and "S%" not in said
    if case == "all-fewer":
        assert "every one of the 12" in said and "All 12" in said and "recorded more" not in said
    if counts == (12, 7, 0):
        assert "none recorded more" in said and "only 0" not in said


def test_the_2024_words_are_unchanged():
    ed = load_edition(Path(__file__).resolve().parents[2] / "data", EDITION)
    r = reports.figures(ed)
    assert r["reports_pledge_heading"] == "A pledge, and fewer recorded offences."
    assert r["reports_pledge_summary"].startswith(f"Yet {r['reports_share_decreased']} of the "
                                                  f"responding forces whose Commissioner")
    assert r["reports_pledge_summary"].endswith(
        f"and only {r['reports_increased']} recorded more.")
    # The release's scope (a third fact-check found two): how the share is counted is said once,
    # in the chapter (reports_share_scope).
    # With the two years it compares (fact-check 5, B5: "fewer" said nothing it was fewer than).
    assert r["reports_pledge_key"] == (
        "of responding forces whose Commissioner pledged more reports recorded fewer stalking "
        f"offences in the {r['reports_period_current']} than in the "
        f"{r['reports_period_previous']}; only {r['reports_increased']} recorded more.")


def test_an_edition_where_no_pledged_force_recorded_fewer(data_copy: Path):
    """The tester's 2025 case, rebuilt: every force's recorded stalking rose."""
    ed = load_edition(data_copy, EDITION)
    before, after = ed.meta.previous_period, ed.meta.current_period
    path = data_copy / EDITION / "foi_returns.csv"

    def rise(rows):
        earlier = {r["force_code"]: r["value"] for r in rows
                   if r["question_id"] == "Q1" and r["period"] == before}
        for r in rows:
            if (r["question_id"] == "Q1" and r["period"] == after and r["value"]
                    and earlier.get(r["force_code"])):
                r["value"] = str(int(earlier[r["force_code"]]) + 10)
    rewrite_csv(path, rise)
    ed = load_edition(data_copy, EDITION)
    assert commitment_summary(ed).pledge == "none-fewer"
    r = reports.figures(ed)
    said = " ".join(r[key] for key in FIGURES)
    assert "Yet" not in said and "only" not in said and "0%" not in said
    assert r["reports_share_decreased"] == "0%"  # the landing's bold share, then its words:
    assert r["reports_pledge_key"].endswith(
        f"recorded fewer stalking offences in the {r['reports_period_current']} than in the "
        f"{r['reports_period_previous']}; {r['reports_increased']} recorded more.")
    assert "Not one of the" in r["reports_pledge_summary"]
    assert r["reports_pledge_heading"] == "A pledge, and no fall in recorded offences."
