"""`nsc-report check` lists a source not shown to be public by the edition's data cut-off
(fact-check 10, B8: South Yorkshire's statement, dated "April 2024" only, beside a cut-off of
22 April 2024), as it lists other facts not checked against their source."""

from __future__ import annotations

from pathlib import Path

import pytest

from nsc_report.data import load_edition
from nsc_report.publishing.check import _source_dates

SOURCE = "south_yorkshire_police_2024"


def _dated(data_copy: Path, when: str) -> list[str]:
    path = data_copy / "2024" / "edition.yml"
    text = path.read_text("utf-8")
    assert 'published: "2024-04"' in text
    path.write_text(text.replace('published: "2024-04"', f'published: "{when}"'), "utf-8")
    ed = load_edition(data_copy, "2024", lazy=True)
    return [str(p) for p in _source_dates(ed, path, data_copy.parent)]


def test_a_source_dated_to_the_month_of_the_cut_off_is_listed_at_its_line(data_copy: Path):
    ed = load_edition(data_copy, "2024", lazy=True)
    path = data_copy / "2024" / "edition.yml"
    found = next(str(p) for p in _source_dates(ed, path, data_copy.parent)
                 if "South Yorkshire Police" in str(p))
    line = next(n for n, text in enumerate(path.read_text("utf-8").splitlines(), 1)
                if text.strip() == f"{SOURCE}:")
    assert found.startswith(f"data/2024/edition.yml:{line}: not checked against a source: ")
    assert "“South Yorkshire Police, April 2024”" in found and "22 April 2024" in found
    # So is the press coverage of this edition (fact-check 11, B2), dated to April 2024 too.
    assert any("“Press coverage of the 2024 report" in str(p)
               for p in _source_dates(ed, path, data_copy.parent))


@pytest.mark.parametrize(("when", "listed"), [("2024-04-18", False), ("2024-03", False),
                                              ("2024-04-23", True), ("2024-05", True)])
def test_a_day_by_the_cut_off_is_not_listed_and_a_later_one_is(data_copy: Path, when: str,
                                                               listed: bool):
    found = [p for p in _dated(data_copy, when) if "South Yorkshire Police" in p]
    assert bool(found) == listed, found
    if when == "2024-04-23":
        assert "published after the data cut-off (22 April 2024)" in found[0]


def test_a_source_date_must_be_a_day_or_a_month(data_copy: Path):
    with pytest.raises(Exception, match="published"):
        _dated(data_copy, "April 2024")
