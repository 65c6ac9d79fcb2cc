"""Medians and rankings are of the unrounded values; only what is printed is rounded, and a
measure's values all print with the same decimals (fact-check 5, B2: the median SPO rate was
taken of rates already rounded to one decimal, 3.95 for 3.946, and printed 4.0; two forces at
3.02 and 2.97 were ranked as tied; a rate of 4.0 printed "4" beside "4.0")."""

from __future__ import annotations

import statistics

import pytest
from helpers import DATA, EDITION, set_answer

from nsc_report.data import load_edition
from nsc_report.measures import force as m
from nsc_report.measures.gaps import force_scores
from nsc_report.measures.spo import spo_summary, spo_table
from nsc_report.sections import change, force

LEICESTERSHIRE, SOUTH_YORKSHIRE, DERBYSHIRE = "E23000021", "E23000011", "E23000018"
AVON_AND_SOMERSET = "E23000036"


@pytest.fixture(scope="module")
def ed():
    return load_edition(DATA, EDITION)


def _spo(ed, code: str) -> m.Standing:
    return next(s for s in m.standing(ed, code) if s.measure.key == "spo_per_1000")


def test_the_spo_rates_are_unrounded_and_their_median_is_of_them(ed):
    t = spo_table(ed).dropna(subset=["per_1000_recorded"])
    exact = [1000 * total / recorded
             for total, recorded in zip(t["total"], t["recorded_stalking"], strict=True)]
    assert list(t["per_1000_recorded"]) == exact
    assert len(exact) % 2 == 0  # an even count: the median is the mean of the middle pair
    median = spo_summary(ed).median_per_1000
    assert median == statistics.median(exact)
    assert f"{median:.1f}" == "3.9"  # the rounded rates' median (3.95) printed 4.0
    assert statistics.median(round(x, 1) for x in exact) != pytest.approx(median)
    # The force pages' comparison is of the same rates.
    assert m.comparison_table(ed)["spo_per_1000"].dropna().median() == median
    assert _spo(ed, AVON_AND_SOMERSET).median == median


def test_a_force_above_the_median_never_prints_equal_to_it(ed):
    """Avon and Somerset (3.968) printed "4 ... 10 had a higher one and 11 a lower one; the
    median: 4.0": ranked above the median and printed equal to it."""
    sentence = force.standing_sentence(ed, AVON_AND_SOMERSET, _spo(ed, AVON_AND_SOMERSET))
    assert sentence.endswith(": 3.97‡ (of the 22‡ forces that gave this figure, 10‡ had a "
                             "higher one and 11‡ a lower one; the median: 3.95‡)."), sentence


def test_no_two_rates_print_alike_unless_equal(ed):
    """Fact-check 6: to one decimal, Leicestershire and South Yorkshire both printed 3.0 and
    Hampshire 3.9 beside the median's 3.9, each ranked apart: the rates print to as many
    places as tell them apart, and no force prints as the median it is ranked beside."""
    rates = m.comparison_table(ed)["spo_per_1000"].dropna().astype(float)
    places = next(x.places for x in m.measures(ed) if x.key == "spo_per_1000")
    printed = rates.round(places)
    assert printed.nunique() == rates.nunique()
    assert round(float(rates.median()), places) not in set(printed)


def test_a_tie_only_where_the_unrounded_values_are_equal(ed):
    """Leicestershire (3.02) and South Yorkshire (2.97) both round to 3.0: not a tie."""
    leics, syorks = _spo(ed, LEICESTERSHIRE), _spo(ed, SOUTH_YORKSHIRE)
    assert (leics.ties, syorks.ties) == (0, 0)
    assert syorks.rank == leics.rank + 1
    assert "the same" not in force.standing_sentence(ed, LEICESTERSHIRE, leics)


def test_equal_unrounded_rates_are_a_tie(data_copy):
    # South Yorkshire: 14 cases in 4,632 offences, exactly Leicestershire's 7 in 2,316.
    set_answer(data_copy, "South Yorkshire", "Q1", "ye_mar_2023", value=4632)
    set_answer(data_copy, "South Yorkshire", "Q10", "ye_mar_2023", value=6)
    ed = load_edition(data_copy, EDITION)
    leics, syorks = _spo(ed, LEICESTERSHIRE), _spo(ed, SOUTH_YORKSHIRE)
    assert leics.value == syorks.value and (leics.ties, leics.rank) == (1, syorks.rank)
    assert "1‡ the same" in force.standing_sentence(ed, LEICESTERSHIRE, leics)


def test_a_rate_prints_its_decimal_even_when_whole(ed):
    """Derbyshire's 2.0 printed "2" beside the median's "3.9"; West Mercia's 0.0, "0" (both
    now to two places, as every rate per 1,000 is)."""
    for code, printed in ((DERBYSHIRE, "2.00"), ("E23000016", "0.00")):
        sentence = force.standing_sentence(ed, code, _spo(ed, code))
        assert f"offences: {printed}‡ (of the 22‡" in sentence, sentence
    # In the standing chart's table (the page's and the briefing's) too.
    chart = force.standing_chart(ed, DERBYSHIRE)
    row = chart.table[chart.table.iloc[:, 0].str.startswith("SPO cases")].iloc[0]
    assert list(row.iloc[1:3]) == ["2.00", "3.95"]


def test_a_count_median_between_two_counts_prints_its_half(ed):
    """26 forces gave recorded offences: the median is half-way between two counts, and a
    force printed equal to a rounded median could be ranked above it."""
    s = next(s for s in m.standing(ed, DERBYSHIRE) if s.measure.key == "recorded")
    assert s.median == 2525.5
    assert force.standing_sentence(ed, DERBYSHIRE, s).endswith("the median: 2,525.5‡).")


def test_a_change_prints_one_decimal_even_when_whole():
    assert change.change_words(12, 4.0) == "+12 (+4.0%)"
    assert change.change_words(-3, -4.04) == "−3 (−4.0%)"


def test_the_shares_answered_are_compared_unrounded(ed):
    """Sorted, compared with half and their median taken unrounded (12 of 13 is 92.3%)."""
    scores = force_scores(ed)
    assert list(scores["pct_answered"]) == list(100 * scores["answered"] / len(ed.questions))
    assert 100 * 12 / 13 in set(scores["pct_answered"])
