import pytest

from nsc_report.present import fmt


def test_count_separates_thousands_and_rounds():
    assert fmt.count(131200) == "131,200"
    assert fmt.count(9.6) == "10"


def test_share_rounds_half_up_to_published_precision():
    assert fmt.share(10, 15) == "67%"
    assert fmt.share(2196, 131200, 1) == "1.7%"
    with pytest.raises(ZeroDivisionError):
        fmt.share(1, 0)


def test_money_in_millions():
    assert fmt.gbp_millions(243_810_000) == "£243.8 million"
    assert fmt.gbp(243_810_000) == "£243,810,000"


def test_listing():
    assert fmt.listing([]) == ""
    assert fmt.listing(["Q1"]) == "Q1"
    assert fmt.listing(["Q1", "Q2", "Q3"]) == "Q1, Q2 and Q3"


def test_a_year_and_month_is_written_in_words():
    assert fmt.month("2022-11") == "November 2022"
    assert fmt.month("2021-06") == "June 2021"
    assert fmt.month("2018") == "2018"
    assert fmt.month("2020 and 2025") == "2020 and 2025"
