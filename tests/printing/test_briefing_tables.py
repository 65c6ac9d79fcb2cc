"""A briefing's tables mark each constructed value with ‡, as its key says ("figures marked ‡
are constructed"): the force's answers and its comparison table (fact-check 3, finding 1); a
count glued with a word after it is marked on the number (finding 16: "1,294 were‡")."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from helpers import DATA, executed_notebook

from nsc_report.data import load_edition
from nsc_report.printing.briefing import _table, briefing_html
from nsc_report.publishing.register import marked
from nsc_report.publishing.sphinx_ext import count_and_rest
from nsc_report.sections import force, other_offences

ED = load_edition(DATA, "2024")
DYFED_POWYS = "W15000004"


def test_a_briefings_answers_table_marks_every_answer() -> None:
    figs = force.figures(ED, DYFED_POWYS).values
    page = briefing_html(ED, DYFED_POWYS, figs, [], [], "dyfed-powys.html", "")
    table = BeautifulSoup(page, "html.parser").select_one("table")
    rows = [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in table.select("tbody tr")]
    q1 = next(r for r in rows if r[0] == "Q1" and r[2] == "YE Mar 2023")
    assert q1[3] == "834‡"
    assert all(r[3].endswith("‡") for r in rows)  # the answers (a status too) are constructed
    assert not any(c.endswith("‡") for r in rows for c in r[:3])  # the questions are not


def test_a_briefings_comparison_table_marks_its_values_and_title() -> None:
    markup = _table("Metropolitan Police is highest of the 26‡ forces", ["Measure", "Met",
                    "Median"], [["Stalking offences recorded", "17,346", "2,526"],
                                ["Dedicated stalking officers", "", "0"]],
                    marked=range(1, 3), mark="‡")
    soup = BeautifulSoup(markup, "html.parser")
    rows = [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in soup.select("tbody tr")]
    assert rows == [["Stalking offences recorded", "17,346‡", "2,526‡"],
                    ["Dedicated stalking officers", "", "0‡"]]
    assert soup.select_one("caption sup.mark").get_text() == "‡"
    assert "‡" not in _table("T", ["A", "B"], [["x", "1"]], marked=(1,), mark="")


def test_a_count_glued_with_a_word_after_it_is_marked_on_the_number(tmp_path: Path) -> None:
    reg = other_offences.figures(ED)
    path = executed_notebook(tmp_path / "other-offences.ipynb", reg.values, reg.record())
    figs = marked(path)
    assert figs["oo_malcomms_were"] == "1,294‡ were"
    assert figs["oo_harassment_offences"] == "2,268‡ offences"
    assert figs["oo_malcomms"] == "1,294‡"
    # On the web, the same: the count is linked and marked, the word follows.
    count = {"id": "o/n", "kind": "figure", "text": "1,294"}
    were = {"id": "o/n_were", "kind": "text", "text": "1,294 were", "parts": ["n"]}
    assert count_and_rest(were, count, "1,294 were") == ("1,294", " were")
    assert count_and_rest(count, count, "1,294") == ("1,294", "")
    assert count_and_rest(were, None, "1,294 were") == ("1,294 were", "")
