"""A zero is said in words that cannot be misread (the fact-check's finding 17): a force that
applied for no order is not said to have applied 'in 0 cases'; a year whose outcome counts
are all 0 is not 'every outcome count is 0' beside the force's other years; a register line
does not say 'did not answer at all, by the answer they gave most often'."""

from __future__ import annotations

import pytest
from helpers import DATA

from nsc_report.cycle import public_series
from nsc_report.data import Edition, load_edition
from nsc_report.present import words
from nsc_report.sections import data_gaps, force
from nsc_report.sections.published import outcomes

WEST_MERCIA, DYFED_POWYS, CITY = "E23000016", "W15000004", "E23000034"


@pytest.fixture(scope="module")
def ed() -> Edition:
    return load_edition(DATA, "2024", lazy=True)


def test_no_order_applied_for_is_said_in_words(ed: Edition):
    text = force.figures(ed, WEST_MERCIA).figures["force_spo_text"].text
    assert "in 0 cases" not in text
    assert "did not apply for a Stalking Protection Order, interim or full, in any case" in text
    w = words.Words("force")
    # Each kind of application in its own number, and a kind with none said in words.
    for interim, full, said in ((1, 0, "Order in 1 case and for a full order in none: 1 "),
                                (2, 1, "Order in 2 cases and for a full order in 1: 3 "),
                                (0, 2, "Order in no case and for a full order in 2: 2 ")):
        assert said in w.text("force-spo", case="figure", who="X", period="p", interim=interim,
                              full=full, total=interim + full, band="b", lowest=True, same=3,
                              mark="")


@pytest.mark.parametrize("code", [DYFED_POWYS, CITY])
def test_a_year_of_zero_outcomes_says_whose_and_which(ed: Edition, code: str):
    """The tester's case: 'There is no rate for 2014/15. Every outcome count is 0 as
    published', on a page whose force assigned 1,190 outcomes in 2021/22."""
    text = outcomes.charge_sentence(ed, code)
    assert "Every outcome count is 0" not in text
    assert "Each of the force's outcome counts, not only its charges, is 0 as published for " \
           "that year" in text
    rows = public_series.read_all(DATA / "public" / "raw", DATA / "reference" / "forces.csv")
    assert not any(r.note.startswith("Every outcome count") for r in rows)


def test_the_register_does_not_say_no_answer_was_the_answer_given(ed: Edition):
    r = data_gaps.figures(ed)
    definition = r.figures["gaps_no_response"].definition
    assert "did not answer at all" not in definition and "answer they gave" not in definition
    assert definition == ("forces that gave no figure and, to every question or most of them, "
                          "sent no response")
