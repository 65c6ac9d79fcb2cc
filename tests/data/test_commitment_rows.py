"""Each row of pcc_commitments.csv has its own status (fact-check 3, findings 2 and 11): a public
row cites its source and can be printed where the constructed rows are withheld; what may be
said of a force and the commitment is one account (`provenance.commitment`)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from helpers import DATA, EDITION, rewrite_csv

from nsc_report.data import DataValidationError, load_edition, provenance

NOTTINGHAMSHIRE, CITY_OF_LONDON, GREATER_MANCHESTER = "E23000019", "E23000034", "E23000005"
FILE = "pcc_commitments.csv"


def issues_of(data_dir: Path) -> list[str]:
    with pytest.raises(DataValidationError) as info:
        load_edition(data_dir, EDITION)
    return [str(issue) for issue in info.value.issues]


def test_the_committed_rows_say_which_is_public():
    """Nottinghamshire's commitment is public (data/2024/README.md): its row is published and
    cites the 2022 pledge; every other row is constructed and cites no real source."""
    ed = load_edition(DATA, EDITION)
    rows = ed.commitments.set_index("force_code")
    assert rows.at[NOTTINGHAMSHIRE, "status"] == "published"
    assert rows.at[NOTTINGHAMSHIRE, "source_id"] == "pcc_pledge_2022"
    others = rows.drop(NOTTINGHAMSHIRE)
    assert set(others["status"]) == {"illustrative"} and set(others["source_id"]) == {""}


def test_one_account_of_each_force_and_the_commitment():
    ed = load_edition(DATA, EDITION)
    said = {c: provenance.commitment(ed, c) for c in ed.commitments["force_code"]}
    assert Counter(s.case for s in said.values()) == {"unpublished": 41, "made": 1, "none": 1}
    assert said[NOTTINGHAMSHIRE].case == "made"
    assert said[NOTTINGHAMSHIRE].sources == ("pcc_pledge_2022",)
    assert said[CITY_OF_LONDON].case == "none"  # from who oversees it: real reference data
    assert said[GREATER_MANCHESTER].case == "unpublished"
    # Nothing said rests on constructed data, so nothing said is marked.
    assert {s.provenance.status for s in said.values()} == {"published"}
    assert not provenance.may_name_commitments(ed)  # no map or grouped chart of them


def test_a_file_without_the_status_column_has_the_files_status(data_copy: Path):
    """A file written before the column: every row takes the status edition.yml gives it, so
    an illustrative file's rows are all withheld."""
    path = data_copy / EDITION / FILE
    rows = [line.split(",")[:2] for line in path.read_text("utf-8").splitlines()[1:]]
    path.write_text("force_code,committed,source_id\n" + "".join(
        f"{code},{committed},pcc_pledge_2022\n" for code, committed in rows), "utf-8")
    ed = load_edition(data_copy, EDITION)
    assert set(ed.commitments["status"]) == {"illustrative"}
    assert provenance.commitment(ed, NOTTINGHAMSHIRE).case == "unpublished"


def _set(path: Path, code: str, **values: str) -> None:
    def edit(rows: list[dict[str, str]]) -> None:
        for r in rows:
            if r["force_code"] == code:
                r.update(values)
    rewrite_csv(path, edit)


def test_a_real_row_must_cite_its_source(data_copy: Path):
    _set(data_copy / EDITION / FILE, NOTTINGHAMSHIRE, source_id="")
    found = issues_of(data_copy)
    assert any(FILE in i and "source_id" in i and "only a constructed row" in i for i in found)


def test_a_real_row_has_the_status_of_its_source(data_copy: Path):
    _set(data_copy / EDITION / FILE, NOTTINGHAMSHIRE, status="unverified")
    found = issues_of(data_copy)
    assert any(FILE in i and "status" in i and "the status of the source" in i for i in found)


def test_a_file_called_published_cannot_hold_constructed_rows(data_copy: Path):
    """Its totals are marked with the file's status: a constructed row under a published file
    would print them unmarked."""
    meta = data_copy / EDITION / "edition.yml"
    text = meta.read_text("utf-8")
    meta.write_text(text.replace("  pcc_commitments.csv:\n    status: illustrative\n",
                                 "  pcc_commitments.csv:\n    status: published\n"), "utf-8")
    found = issues_of(data_copy)
    assert any(FILE in i and "no weaker than the file's (published)" in i for i in found)


def test_a_status_must_be_a_status(data_copy: Path):
    _set(data_copy / EDITION / FILE, GREATER_MANCHESTER, status="constructed")
    assert any(FILE in i and "a status of data" in i for i in issues_of(data_copy))
