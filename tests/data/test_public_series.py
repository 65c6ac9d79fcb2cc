"""The published per-force statistics (data/public/): read from the published files row by row,
every name matched explicitly, every oddity kept as a note, and validated like the returns."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from helpers import DATA, EDITION, ROOT

from nsc_report.cycle import public_series
from nsc_report.data import DataValidationError, load_edition
from nsc_report.data.public import load_public, period_parts
from nsc_report.infra.files import UnreadableFile
from nsc_report.present.labels import public_period

PUBLIC = DATA / "public"


def series():
    return load_public(DATA, load_edition(DATA, EDITION)._ctx)


def test_series_csv_is_what_the_published_files_give():
    made = public_series.to_csv(public_series.read_all(PUBLIC / "raw",
                                                       DATA / "reference" / "forces.csv"))
    assert (PUBLIC / "series.csv").read_text("utf-8") == made, \
        "run python -m nsc_report.cycle.public_series data/public"


def test_the_raw_files_are_the_published_copies():
    shared = ROOT.parent / "shared" / "data" / "public"
    if not shared.is_dir():
        pytest.skip("the project's shared/ folder is not beside this clone")
    for path in sorted(shared.glob("*.csv")):
        assert (PUBLIC / "raw" / path.name).read_bytes() == path.read_bytes(), path.name


def test_every_force_has_the_figures_of_the_published_files():
    """For every force, each count of the published 2017/18 offences and the MoJ convictions
    equals the table (read here with the csv module, by the code the row gives or its name)."""
    s = series().table.set_index(["series", "force_code", "period", "measure"])["value"]
    forces = {r["force_name"]: r["force_code"] for r in csv.DictReader(
        (DATA / "reference" / "forces.csv").open(encoding="utf-8"))}
    checked = set()
    for r in csv.DictReader((PUBLIC / "raw" / public_series.FILES["recorded_offences_2017_18"])
                            .open(encoding="utf-8")):
        if r["pfa_code"]:
            assert s[("recorded_offences_2017_18", r["pfa_code"], "ye_mar_2018", "stalking")] \
                == int(r["stalking_8Q"]), r["force_name"]
            checked.add(r["pfa_code"])
    for r in csv.DictReader((PUBLIC / "raw" / public_series.FILES["proceedings_convictions"])
                            .open(encoding="utf-8")):
        code = forces.get(r["Police force name"].strip())
        if code and int(r["Year"]) >= 2013:
            key = ("proceedings_convictions", code, f"cy_{r['Year']}")
            assert s[(*key, "proceedings")] == int(r["Number of proceedings"]), key
            assert s[(*key, "convicted")] == int(r["Number convicted"]), key
    assert len(checked) == 43


def test_known_oddities_are_notes_not_zeros():
    t = series().table.set_index(["series", "force_code", "period", "measure"])
    gm = t.loc[("stalking_outcomes", "E23000005", "ye_mar_2020", "charge_summons")]
    assert pd_isna(gm["value"]) and "missing, not zero" in gm["note"]
    met = t.loc[("spo_applications", "E23000001", "ye_mar_2022", "granted")]
    assert met["value"] == 337 and "more orders granted than applied for" in met["note"]
    lincs = t.loc[("spo_applications_2020_2021", "E23000020", "from_2020_01_to_2021_04",
                   "applied")]
    assert pd_isna(lincs["value"]) and "did not answer" in lincs["note"]
    years = {p for (sr, _, p, _) in t.index if sr == "proceedings_convictions"}
    assert min(years) == "cy_2013"  # before the stalking offences came into force: left out


def pd_isna(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def test_a_name_that_matches_no_force_stops_the_conversion(tmp_path: Path):
    raw = tmp_path / "raw"
    shutil.copytree(PUBLIC / "raw", raw)
    path = raw / public_series.FILES["spo_applications"]
    path.write_text(path.read_text("utf-8").replace("Bedfordshire,", "Bedfordshire Police,"),
                    "utf-8")
    with pytest.raises(public_series.PublicSeriesError,
                       match=r"spo-applications-by-force-foi-2020-21-and-2021-22.csv, row 3: "
                             r"force name 'Bedfordshire Police'"):
        public_series.read_all(raw, DATA / "reference" / "forces.csv")


def test_a_raw_row_with_a_cell_missing_or_a_link_stops_the_conversion(tmp_path: Path):
    raw = tmp_path / "raw"
    shutil.copytree(PUBLIC / "raw", raw)
    path = raw / public_series.FILES["spo_applications"]
    lines = path.read_text("utf-8").split("\n")
    lines[2] = lines[2].rsplit(",", 1)[0]  # the last cell left out: it was read as missing
    path.write_text("\n".join(lines), "utf-8")
    with pytest.raises(public_series.PublicSeriesError, match=rf"{path.name}, row 3: "):
        public_series.read_all(raw, DATA / "reference" / "forces.csv")
    elsewhere = tmp_path / "elsewhere.csv"
    shutil.copy(PUBLIC / "raw" / path.name, elsewhere)
    path.unlink()
    path.symlink_to(elsewhere)
    with pytest.raises(UnreadableFile, match="symbolic link"):
        public_series.read_all(raw, DATA / "reference" / "forces.csv")


@pytest.mark.parametrize("column,value,expected", [
    ("value", "-1", "a count of 0 or more"),
    ("value", "1.5", "a whole number"),
    ("period", "2017-18", "a period such as"),
    ("series", "a_blog", "series in sources"),
    ("force_code", "E23999999", "force codes"),
])
def test_validation_names_the_row_and_what_was_expected(data_copy: Path, column: str,
                                                        value: str, expected: str):
    path = data_copy / "public" / "series.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    row = next(i for i, r in enumerate(rows) if r["series"] == "recorded_offences_2017_18")
    rows[row][column] = value
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(DataValidationError, match=expected) as err:
        load_public(data_copy, load_edition(data_copy, EDITION)._ctx)
    assert f"data/public/series.csv, row {row + 1} (line {row + 2}), column '{column}'" in \
        str(err.value)


def test_a_repeated_row_is_refused(data_copy: Path):
    path = data_copy / "public" / "series.csv"
    lines = path.read_text("utf-8").splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n", "utf-8")
    with pytest.raises(DataValidationError, match="repeats"):
        load_public(data_copy, load_edition(data_copy, EDITION)._ctx)


def test_periods_read_as_words():
    """The data say what a period's code means; its words are in labels.ftl."""
    assert period_parts("ye_jun_2018") == {"kind": "year-ending", "month": "jun", "year": "2018"}
    assert public_period(None, "ye_jun_2018") == "year ending June 2018"
    assert public_period(None, "ye_dec_2019") == "year ending December 2019"
    assert public_period(None, "cy_2015") == "2015"
    assert public_period(None, "from_2020_01_to_2021_04") == "January 2020 to April 2021"
    assert public_period(None, "from_2020_01_to_2020_12_30") == \
        "January 2020 to 30 December 2020"


def test_a_source_is_credited_once_with_its_compiler_and_licence():
    sources = load_edition(DATA, EDITION).public.sources
    outcomes = sources["stalking_outcomes"]  # "as compiled by the BBC Shared Data Unit"
    assert outcomes.credit.count("BBC Shared Data Unit") == 1
    assert outcomes.credit.endswith(outcomes.licence)
    recorded = sources["stalking_and_harassment"]  # cites "ONS"; compiled by the Office ...
    assert recorded.credit == (f"{recorded.citation}; compiled by {recorded.compiler}; "
                               f"{recorded.licence}")
