"""The workbook's PCC_commitments and Forces sheets, read back from the written XLSX and ODS
(fact-check 3, findings 2 and 18): no act of a named office is given from constructed data,
marked or not; a real row (Nottinghamshire's commitment, City of London's having no
Commissioner) is given as published with its source; the Forces sheet does not credit the ONS
with the report's own columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import DATA, EDITION, ROOT
from python_calamine import CalamineWorkbook

from nsc_report.data import load_edition
from nsc_report.present import words
from nsc_report.publishing import spreadsheets
from nsc_report.publishing.downloads import published_table, returns_table

COMPLETE = ROOT / "tests" / "fixtures" / "complete"
MADE, NOT_MADE = "made the commitment", "did not make the commitment"
UNPUBLISHED, NONE = "not published in this edition", "no Police and Crime Commissioner"


def _written(data: Path, folder: Path) -> dict[str, dict[str, list[list[object]]]]:
    ed = load_edition(data, EDITION)
    with words.reading_from(ROOT / "notebooks"):
        book = spreadsheets.workbook(ed, returns_table(ed), published_table(ed))
        raw = {"xlsx": spreadsheets.to_xlsx(book), "ods": spreadsheets.to_ods(book)}
    out = {}
    for kind, content in raw.items():
        path = folder / f"data.{kind}"
        path.write_bytes(content)
        wb = CalamineWorkbook.from_path(str(path))
        out[kind] = {name: wb.get_sheet_by_name(name).to_python() for name in wb.sheet_names}
    return out


def _table(rows: list[list[object]], first: str) -> tuple[list[str], list[dict[str, object]]]:
    """The sheet's lines above its table, and the table's rows as dicts."""
    at = next(i for i, r in enumerate(rows) if first in r)
    header = [str(c) for c in rows[at]]
    above = [str(c) for r in rows[:at] for c in r if c != ""]
    return above, [dict(zip(header, r, strict=True)) for r in rows[at + 1:]]


@pytest.fixture(scope="module")
def committed(tmp_path_factory) -> dict[str, dict[str, list[list[object]]]]:
    return _written(DATA, tmp_path_factory.mktemp("committed"))


@pytest.fixture(scope="module")
def complete(tmp_path_factory) -> dict[str, dict[str, list[list[object]]]]:
    return _written(COMPLETE, tmp_path_factory.mktemp("complete"))


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_no_constructed_commitment_is_given_force_by_force(committed, kind):
    """The tester's case: 23 "made" and 19 "did not make" rows, each "illustrative", and
    Nottinghamshire's public commitment and City of London's real lack of a Commissioner both
    marked illustrative; the sheet cited the report as the source of its own list."""
    above, rows = _table(committed[kind]["PCC_commitments"], "force_code")
    by_name = {r["force_name"]: r for r in rows}
    assert len(rows) == 43
    notts, london = by_name.pop("Nottinghamshire"), by_name.pop("City of London")
    assert (notts["commitment"], notts["data_status"]) == (MADE, "published")
    assert "2022 commitment" in str(notts["source"])
    assert (london["commitment"], london["data_status"]) == (NONE, "published")
    assert "City of London Police Act 1839" in str(london["source"])
    # A row not published in this edition says nothing of the force and cites nothing; it has
    # the status of the constructed list it withholds, and a caveat that says why.
    for name, row in by_name.items():
        assert (row["commitment"], row["data_status"], row["source"]) == (
            UNPUBLISHED, "illustrative", ""), name
        assert "constructed" in str(row["caveat"]) and "named office" in str(row["caveat"]), name
    assert not any("Source: Joining forces against stalking" in line for line in above)


def test_the_complete_edition_gives_every_commitment(complete):
    _, rows = _table(complete["xlsx"]["PCC_commitments"], "force_code")
    said = [r["commitment"] for r in rows]
    assert (said.count(MADE), said.count(NOT_MADE), said.count(NONE)) == (23, 19, 1)
    assert {r["data_status"] for r in rows} == {"published"}
    assert all(r["source"] for r in rows)


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_the_forces_sheet_says_which_columns_are_ours(committed, kind):
    """"Source: Office for National Statistics police force area codes" over tile_x and
    tile_y, which are the project's own (data/2024/README.md)."""
    above, rows = _table(committed[kind]["Forces"], "force_code")
    assert {"tile_x", "tile_y", "short_name"} <= set(rows[0])
    source = next(line for line in above if line.startswith("Source:"))
    assert "short_name, tile_x, tile_y are the report's own" in source, source
