"""Constructed values in tables and chart titles carry their mark in the cell or title itself
(fact-check 3, findings 1 and 6): the page's key says a figure without a mark is published, so
an unmarked cell of constructed data read as published."""

from __future__ import annotations

import altair as alt
import pandas as pd
from bs4 import BeautifulSoup

from nsc_report.present import words
from nsc_report.present.charts import AccessibleChart
from nsc_report.present.tables import Table

MARK = words.provenance_mark("illustrative", "html")


def _cells(markup: str) -> list[list[str]]:
    """Each body row's cells as text, with the site's mark shown as its symbol."""
    soup = BeautifulSoup(markup, "html.parser")
    for sup in soup.select("sup.nsc-mark"):
        sup.replace_with(sup.select_one("[aria-hidden]").get_text())
    return [[c.get_text() for c in row.find_all(["th", "td"])]
            for row in soup.select("tbody tr")]


def test_the_mark_is_printed_in_each_target() -> None:
    assert words.provenance_mark("illustrative", "text") == "‡"
    assert words.provenance_mark("unverified", "markdown") == "†"
    assert words.provenance_mark("published", "html") == ""
    assert words.provenance_mark(None, "text") == ""
    assert 'class="nsc-mark nsc-mark-illustrative"' in MARK and "(illustrative)" in MARK
    # A placeholder that carries a status is printed with its mark, in the target's form.
    n = words.count(15, "illustrative")
    assert n.bound("text").format(None) == "15‡"
    assert n.bound("html").format(None) == "15" + MARK


def test_each_cell_of_a_marked_column_carries_the_mark() -> None:
    frame = pd.DataFrame({"Force": ["Durham", "Essex"], "Region": ["North East", "East"],
                          "Answer": ["834", ""], "Note": ["", "a note <b>"]})
    table = Table("t", "Caption", frame, status="illustrative", marked=("Answer", "Note"))
    html = table.html()
    assert _cells(html) == [["Durham", "North East", "834‡", ""],
                            ["Essex", "East", "", "a note <b>‡"]]  # still escaped
    assert "<b>" not in html
    # The page's note on the mark is shown where a table marks its cells (sphinx_ext).
    assert 'data-nsc-status="illustrative"' in html
    assert "834‡" in table.text() and "North East‡" not in table.text()
    published = Table("t", "Caption", frame, marked=("Answer",))
    assert "‡" not in published.html() + published.text()
    assert "data-nsc-status" not in published.html()


def test_a_charts_data_table_and_title_carry_the_mark() -> None:
    frame = pd.DataFrame({"Force": ["Durham", "Essex"], "Recorded": pd.array([834, None], "Int64"),
                          "Band": ["low", "high"]})
    chart = AccessibleChart(name="c", chart=alt.Chart(frame).mark_bar(),
                            title="10‡ of 15‡ forces recorded fewer", caption="Caption.",
                            alt_text="Alt.", table=frame, status="illustrative",
                            caveat="Constructed.")
    html = chart.table_html()
    assert _cells(html) == [["Durham", "834‡", "low‡"], ["Essex", "", "high‡"]]
    soup = BeautifulSoup(html, "html.parser")
    caption = soup.select_one("caption")
    assert len(caption.select("sup.nsc-mark")) == 2  # the title's figures, as the site marks
    assert "‡" not in soup.select_one("[aria-label]")["aria-label"]
    # The title above the chart: the site's mark element, not a bare symbol.
    figure = BeautifulSoup(chart.html(svg="<svg/>"), "html.parser")
    title = figure.select_one(".nsc-chart-title")
    assert len(title.select("sup.nsc-mark-illustrative")) == 2
    assert title.get_text().startswith("10‡ (illustrative) of 15‡")
    published = AccessibleChart(name="c", chart=alt.Chart(frame).mark_bar(), title="T",
                                caption="Caption.", alt_text="Alt.", table=frame)
    assert "nsc-mark" not in published.table_html()
