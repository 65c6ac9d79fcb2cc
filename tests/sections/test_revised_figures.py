"""A force that gives the earlier year again with a different figure (a revision): its page
gives one change for the year, says what it is measured from, and names the figure the previous
edition printed (review 2, finding 5: Durham's 1,389 revised to 1,392 read "+0.7%" in one place
and "+13 (+1%)" in the other)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from helpers import DATA, rewrite_csv

from nsc_report.data import load_edition
from nsc_report.measures import change as m
from nsc_report.sections import change as section
from nsc_report.sections import force

FIXTURES = Path(__file__).parents[1] / "fixtures"
DURHAM = "E23000008"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """The 2024 data and the synthetic 2025 edition, in which Durham revises its figure for
    the year ending March 2023 from 1,389 (as the 2024 edition printed it) to 1,392."""
    data = tmp_path / "data"
    for name in ("reference", "public", "2024"):
        shutil.copytree(DATA / name, data / name)
    shutil.copytree(FIXTURES / "editions" / "2025", data / "2025")

    def revise(rows: list[dict[str, str]]) -> None:
        for row in rows:
            if (row["force_code"], row["question_id"]) == (DURHAM, "Q1"):
                assert row["status"] == "answered"
                if row["period"] == "ye_mar_2023":
                    assert row["value"] == "1389"  # what the 2024 edition printed
                    row["value"], row["note"] = "1392", "Revised figure"
                elif row["period"] == "ye_mar_2024":
                    row["value"] = "1402"

    rewrite_csv(data / "2025" / "foi_returns.csv", revise)
    return data


def test_the_change_is_measured_from_the_revised_figure(data: Path):
    ed = load_edition(data, "2025")
    changes = m.force_changes(ed).set_index(["force_code", "qid"])
    durham = changes.loc[(DURHAM, "Q1")]
    assert durham["previous_value"] == 1392 and durham["revised_from"] == 1389
    assert durham["change"] == 10 and round(durham["pct_change"], 1) == 0.7
    # Nothing else was revised: a figure given again unchanged is no revision.
    others = changes.drop(index=(DURHAM, "Q1"))
    assert others["revised_from"].isna().all()


def test_the_national_total_says_it_includes_a_revision(data: Path):
    ed = load_edition(data, "2025")
    q1 = next(c for c in m.national_changes(ed) if c.link.qid == "Q1")
    assert q1.revised == 1 and q1.printed_total == q1.previous_total - 3
    table = section.national_table(ed).frame.set_index("Question")
    cell = table.loc[next(i for i in table.index if i.startswith("Q1:")), "Change"]
    assert "one force's revised figure for YE Mar 2023" in cell
    assert f"the total was {q1.printed_total:,}" in cell
    # One column fewer than before: why a total is not compared is said in its Change cell.
    assert "Note" not in table.columns


def test_a_force_page_gives_one_change_and_names_the_revision(data: Path):
    ed = load_edition(data, "2025")
    register = force.figures(ed, DURHAM)
    assert "+0.7%" in register["force_standing_pct_change"]
    assert "rose by 0.7%" in register["force_change_text"]
    page = section.force_section(ed, DURHAM)
    assert page is not None
    text = page.data
    # The same change, with what it is measured from and what 2024 printed.
    assert ("+10 (+0.7%) from 1,392, its revised figure for YE Mar 2023 (the 2024 edition "
            "printed 1,389)") in text
    assert "1,389 (YE Mar 2023)" in text  # the 2024 edition's column: what it printed
    assert "+13" not in text and "+1%" not in text


def test_percentages_have_the_precision_of_the_force_page(data: Path):
    ed = load_edition(data, "2025")
    changes = m.force_changes(ed).set_index(["force_code", "qid"])
    code = "E23000007"  # an unrevised force (Cleveland) that answered both years
    row = changes.loc[(code, "Q1")]
    assert pd.notna(row["change"]) and pd.isna(row["revised_from"])
    page = section.force_section(ed, code)
    assert page is not None
    pct = row["pct_change"]
    sign = "+" if pct > 0 else "−"
    assert f"({sign}{abs(pct):.1f}%)" in page.data
    assert f"{pct:+.1f}%" in force.figures(ed, code)["force_standing_pct_change"]
