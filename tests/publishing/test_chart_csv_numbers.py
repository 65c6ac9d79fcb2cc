"""The chart-data downloads write numbers as numbers (fact-check 3, finding 18): the
`published-charge-rate.csv` file had "1,969" and "36.7%" as text, and counts of officers and
offences came out as 1.0 and 80.0 (a column with a gap, read back by pandas for the ZIP)."""

from __future__ import annotations

import csv
import io
import re

import pandas as pd
import pytest
from helpers import DATA, EDITION, ROOT

from nsc_report.data import Edition, load_edition
from nsc_report.present import words
from nsc_report.present.charts import AccessibleChart
from nsc_report.publishing.downloads import chart_files, chart_tables
from nsc_report.sections import attrition, data_gaps, officers, other_offences, reports, spo
from nsc_report.sections.published import outcomes

# Text a program would not read as a number: a thousands separator, a percent sign.
AS_TEXT = re.compile(r"^[-+]?\d{1,3}(,\d{3})+(\.\d+)?%?$|^[-+]?\d+(\.\d+)?%$")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


@pytest.fixture(scope="module")
def ed() -> Edition:
    return load_edition(DATA, EDITION, lazy=True)


@pytest.fixture(scope="module")
def charts(ed: Edition) -> dict[str, AccessibleChart]:
    """Every chart of the chapters (the ones the chart-data ZIP holds)."""
    with words.reading_from(ROOT / "notebooks"):
        made = [outcomes.national_charge_chart(ed)] + [
            m.chart(ed) for m in (attrition, data_gaps, officers, other_offences, reports, spo)]
    return {c.name: c for c in made if isinstance(c, AccessibleChart)}


def test_the_charge_rate_table_holds_numbers(charts):
    """The tester's case, and what the chart's HTML table still shows (with separators)."""
    chart = charts["published-charge-rate"]
    rows = list(csv.DictReader(io.StringIO(chart.csv())))
    first = rows[0]
    assert (first["All outcomes"], first["Charge rate (%)"]) == ("1969", "36.7")
    assert ">1,969<" in chart.table_html()


def test_no_chart_csv_writes_a_number_as_text(charts):
    assert len(charts) == 7
    for name, chart in charts.items():
        rows = list(csv.reader(io.StringIO(chart.csv())))
        header, body = rows[0], rows[1:]
        for row in body:
            for column, cell in zip(header, row, strict=True):
                assert not AS_TEXT.match(cell), (name, column, cell)
        # A column of counts is written as whole numbers, not 1.0, 2.0 ...
        for i, column in enumerate(header):
            cells = [r[i] for r in body if r[i] != ""]
            if cells and all(NUMBER.match(c) for c in cells):
                assert not all(c.endswith(".0") for c in cells), (name, column, cells[:5])


def test_the_zip_holds_each_charts_own_file(charts):
    """The ZIP's CSV is the chart's download byte for byte (it was read back through pandas
    and written again, turning whole numbers in a column with gaps into 1.0)."""
    outputs = [({"name": c.name, "file": c.file_stem, "csv": c.csv()},
                {"image/svg+xml": "<svg/>"}) for c in charts.values()]
    own = {n: b for n, b in chart_files(outputs).items() if n.endswith(".csv")}
    assert chart_tables(outputs) == own
    officers_csv = own["dedicated-officers-illustrative.csv"].decode()
    assert pd.read_csv(io.StringIO(officers_csv))["Dedicated stalking officers"].notna().any()
    assert ",1.0," not in officers_csv and ",0.0," not in officers_csv
