"""Published answers that cannot both be right are flagged where they are printed, as the
report flags an answer with more orders granted than applied for: a force's count of
Stalking Protection Orders applied for from January 2020 to April 2021 (the BBC Data Unit,
June 2021) smaller than its count for 2020/21 (the BBC Shared Data Unit), a period the first
holds whole (the fact-check's finding 7: Surrey 64 against 29, Northamptonshire 7 against 1,
Humberside 2 against 0)."""

from __future__ import annotations

import pytest
from helpers import DATA

from nsc_report.data import Edition, load_edition
from nsc_report.measures import published as m
from nsc_report.present import words
from nsc_report.sections.published import orders

SURREY, NORTHAMPTONSHIRE, HUMBERSIDE = "E23000031", "E23000022", "E23000012"
WARNING = words.Words("published").text("published-orders-conflict", longer="L",
                                        shorter="S").split(":")[0]  # 'These answers cannot ...'


@pytest.fixture(scope="module")
def ed() -> Edition:
    return load_edition(DATA, "2024", lazy=True)


def test_a_longer_period_with_the_smaller_count_is_a_conflict():
    v = m.Value
    answers = {"a": {"ye_mar_2021": v(64), "ye_mar_2022": v(42)},
               "b": {"jan_2020_to_apr_2021": v(29)}}
    assert m.fewer_over_longer(answers) == [("jan_2020_to_apr_2021", "ye_mar_2021")]
    answers["b"]["jan_2020_to_apr_2021"] = v(64)  # as many: may both be right
    assert m.fewer_over_longer(answers) == []
    answers["b"]["jan_2020_to_apr_2021"] = v(None, "not given")
    assert m.fewer_over_longer(answers) == []


@pytest.mark.parametrize("code", [SURREY, NORTHAMPTONSHIRE, HUMBERSIDE])
def test_the_force_page_warns_beside_the_two_answers(ed: Edition, code: str):
    sentence = orders.orders_sentence(ed, code)
    assert sentence.count(WARNING) == 1, sentence
    # The warning follows both figures, in the same paragraph.
    assert sentence.index("From January 2020 to April 2021") < sentence.index(WARNING)
    table = orders.orders_table(ed, code).frame
    notes = dict(zip(table["Period"], table["Note"], strict=True))
    assert "2020/21" in notes["January 2020 to April 2021"]
    assert "January 2020 to April 2021" in notes["2020/21"]
    assert "January 2020" not in notes.get("2021/22", "")


def test_answers_that_can_both_be_right_carry_no_warning(ed: Edition):
    quiet = []
    for code in ed.forces["force_code"]:
        late = m.values(ed.public, orders.ORDERS, code, "applied").get("ye_mar_2021")
        early = m.values(ed.public, orders.ORDERS_2021, code, "applied").get(orders.EARLY)
        if late is None or early is None or late.value is None or early.value is None:
            continue
        warned = WARNING in orders.orders_sentence(ed, code)
        assert warned == (early.value < late.value), code
        quiet += [code] if not warned else []
    assert quiet  # the committed data hold both kinds
