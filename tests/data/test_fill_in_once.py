"""A setting still marked FILL IN is reported once (issue 31: `validate` of a new edition listed
cps.yml's `status: "FILL IN"` as still marked, then again as no valid status)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import EDITION

from nsc_report.cycle.new_edition import new_edition
from nsc_report.data import DataValidationError, load_edition
from nsc_report.data.carried import outstanding


def test_validate_lists_each_marked_setting_once(data_copy: Path):
    new_edition(data_copy, "2025", EDITION)
    with pytest.raises(DataValidationError) as info:
        load_edition(data_copy, "2025")
    cps = [str(i) for i in info.value.issues if i.file.endswith("cps.yml")]
    assert [c.split("column ")[1].split(":")[0] for c in cps] == ["'status'", "'answer'",
                                                                  "'source'"]
    assert all("still marked FILL IN" in c for c in cps)
    listed = [str(o) for o in outstanding(data_copy, "2025") if "cps.yml" in str(o)]
    assert len(listed) == 3 and not any("got 'FILL IN'" in line for line in listed)


def test_a_wrong_value_not_marked_is_still_reported(data_copy: Path):
    """Only the marked setting is spared the second report: the same file's other settings
    are checked as ever."""
    new_edition(data_copy, "2025", EDITION)
    path = data_copy / "2025" / "cps.yml"
    path.write_text(path.read_text().replace('answer: "FILL IN"  # FILL IN: the CPS answer '
                                             "this year", "answer: [1, 2]"))
    with pytest.raises(DataValidationError) as info:
        load_edition(data_copy, "2025")
    cps = [str(i) for i in info.value.issues if i.file.endswith("cps.yml")]
    assert any("column 'answer'" in c and "still marked" not in c for c in cps), cps
    assert sum("column 'status'" in c for c in cps) == 1
