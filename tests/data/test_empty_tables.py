"""A table with its header only (what `new-edition` writes for the returns) validates without
noise: what it lacks is said once, by its own loader, never as a column of the wrong type."""

from __future__ import annotations

from pathlib import Path

import pytest

from nsc_report.cycle.new_edition import new_edition
from nsc_report.data import DataValidationError, load_edition


def issues(data: Path, edition: str) -> list[str]:
    try:
        load_edition(data, edition)
    except DataValidationError as exc:
        return [str(i) for i in exc.issues]
    return []


def test_a_new_editions_returns_are_one_clear_line(data_copy: Path):
    """The tester's case: `new-edition 2025` then `validate --edition 2025` printed five lines
    of "got 'object'; expected dtype('string[python]')" for the header-only foi_returns.csv."""
    new_edition(data_copy, "2025", "2024")
    found = [i for i in issues(data_copy, "2025") if "foi_returns.csv" in i]
    assert found == ["data/2025/foi_returns.csv, column 'force_code': expected rows for all 43 "
                     "forces: the file has its header only (key the answers in)"]


@pytest.mark.parametrize("name", ["2024/pcc_commitments.csv", "2024/national.csv",
                                  "2024/tracker.csv", "reference/oversight.csv",
                                  "reference/counting_rules.csv", "public/series.csv"])
def test_no_header_only_table_is_reported_by_dtype(data_copy: Path, name: str):
    path = data_copy / name
    header = (path.read_text("utf-8").splitlines()[0] if path.exists() else
              "force_code,reference,date_sent,date_received,internal_review,ico_complaint")
    path.write_text(header + "\n", "utf-8")
    ed = load_edition(data_copy, "2024", lazy=True)
    attribute = {"pcc_commitments.csv": "commitments", "national.csv": "national",
                 "tracker.csv": "tracker", "oversight.csv": "oversight",
                 "counting_rules.csv": "counting_rules", "series.csv": "public"}[path.name]
    try:
        getattr(ed, attribute)
    except DataValidationError as exc:
        found = [str(i) for i in exc.issues]
        assert not [i for i in found if "dtype" in i or "'object'" in i], found
