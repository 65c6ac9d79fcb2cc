"""The words the data's codes are printed as moved out of data/ and measures/ into
notebooks/labels.ftl (and the sentences that use them): the same words as before the move."""

from __future__ import annotations

import pytest

from nsc_report.measures.change import Link
from nsc_report.measures.spo import BANDS
from nsc_report.present import labels, words
from nsc_report.sections import change


def test_statuses_are_printed_as_they_were():
    assert labels.statuses(None, ["answered", "partial", "not_held", "refused_s12",
                                  "refused_other", "no_response"]) == {
        "answered": "answered in full", "partial": "answered in part",
        "not_held": "information not held", "refused_s12": "refused: cost limit (section 12)",
        "refused_other": "refused: other exemption", "no_response": "no response"}


def test_bands_offences_levels_and_provenance_are_printed_as_they_were():
    assert [labels.spo_band(None, *band) for band in BANDS] == [
        "10 or fewer", "11 to 30", "more than 30"]
    assert [labels.offence(None, c) for c in ("harassment", "malcomms", "s2a")] == [
        "harassment (s2 or s4)", "malicious communications", "s2A stalking instead of s4A"]
    assert [labels.breakdown_level(None, c) for c in ("detailed", "partial", "none")] == [
        "detailed breakdown", "partial data", "no data"]
    assert labels.breakdown_level(None, "partial", capital=True) == "Partial data"
    assert [labels.provenance(s) for s in ("published", "unverified", "illustrative")] == [
        "published", "unverified", "illustrative"]
    assert labels.illustrative_short() == "Illustrative data, not real answers"


def _link(**how: str | None) -> Link:
    return Link("Q6", "Q6", "How many officers?", "officers", "ye_mar_2023", "ye_mar_2022",
                **how)  # type: ignore[arg-type]


@pytest.mark.parametrize("link,national,force", [
    (_link(changed="it now counts officers who spend half their time"),
     "Not compared: it now counts officers who spend half their time.",
     "Not compared: the question changed (it now counts officers who spend half their time)"),
    (_link(changed=None, how="wording", was="How many officers"),
     'Not compared: the wording changed (it was: "How many officers").',
     'Not compared: the question changed (the wording changed (it was: "How many officers"))'),
    (_link(changed=None, how="unit", was="posts"),
     "Not compared: it now counts officers where it counted posts.",
     "Not compared: the question changed (it now counts officers where it counted posts)"),
])
def test_how_a_question_changed_is_said_as_it_was(link, national, force):
    """The measures give how a question changed as a code and a value; the words say it."""
    w = words.Words("change")
    assert not link.comparable
    assert w.text("change-national-note", **change._how(link)) == national
    assert w.text("change-force-reason", **change._how(link)) == force
