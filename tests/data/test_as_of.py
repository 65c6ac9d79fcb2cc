"""An edition uses the published statistics as they stood at its data cut-off (issue 33): the
2024 edition, dated 22 April 2024, printed ONS figures for the year ending June 2025."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from helpers import DATA

from nsc_report.data import DataValidationError, load_edition
from nsc_report.data.public import published_by
from nsc_report.sections import force


def test_no_value_published_after_the_cut_off_reaches_the_edition() -> None:
    ed = load_edition(DATA, "2024")
    assert ed.meta.cut_off == dt.date(2024, 4, 22)
    public = ed.public
    for series, period in set(zip(public.table["series"], public.table["period"], strict=True)):
        assert public.sources[series].published_on(period) <= ed.meta.cut_off, (series, period)
    assert "ye_jun_2025" not in set(public.table["period"])
    # The citation says when the values it keeps were published, not a later table's date.
    assert public.sources["stalking_and_harassment"].published == "2020"


def test_the_force_pages_print_no_later_figure() -> None:
    ed = load_edition(DATA, "2024")
    for code in ed.forces["force_code"]:
        for key, figure in force.figures(ed, code).figures.items():
            years = [int(y) for y in re.findall(r"\b(20\d\d)\b", figure.text)]
            assert not [y for y in years if y > ed.meta.cut_off.year], (code, key, figure.text)


def test_a_later_cut_off_sees_the_later_values(data_copy: Path) -> None:
    meta = data_copy / "2024" / "edition.yml"
    meta.write_text(meta.read_text("utf-8").replace("data_cut_off: 2024-04-22",
                                                     "data_cut_off: 2025-12-31"), "utf-8")
    public = load_edition(data_copy, "2024").public
    assert "ye_jun_2025" in set(public.table["period"])
    assert public.sources["stalking_and_harassment"].published == "2020 and 2025"


def test_a_value_of_uncertain_date_counts_from_the_end_of_its_period() -> None:
    assert published_by("2025") == dt.date(2025, 12, 31)
    assert published_by("2024-02") == dt.date(2024, 2, 29)
    assert published_by("2022-11-15") == dt.date(2022, 11, 15)


def test_a_series_published_at_no_date_is_refused(data_copy: Path) -> None:
    sources = data_copy / "public" / "sources.yml"
    text = sources.read_text("utf-8")
    undated = text.replace('    published: "2022-11"\n', '    published: "late 2022"\n', 1)
    sources.write_text(undated, "utf-8")
    with pytest.raises(DataValidationError, match=r"sources\.yml.*2022"):
        load_edition(data_copy, "2024").public  # noqa: B018
