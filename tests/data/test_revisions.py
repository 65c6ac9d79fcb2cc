"""revisions.yml: every version of an edition, checked as strictly as the data."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import EDITION

from nsc_report.data import DataValidationError, load_edition

FIRST = '  - version: "1.0"\n    date: 2024-04-22\n    summary: "First publication."\n'
LATER = ('  - version: "{v}"\n    date: {d}\n    summary: "A correction."\n    changes:\n'
         '      - kind: correction\n        what: "The Q9 answer of Durham."\n'
         '        why: "It was keyed in wrongly."\n        figures: [spo/spo_total]\n')


def write(data: Path, *versions: str) -> None:
    (data / EDITION / "revisions.yml").write_text("versions:\n" + "".join(versions), "utf-8")


def test_the_current_version_is_the_last(data_copy: Path):
    write(data_copy, FIRST, LATER.format(v="1.1", d="2024-05-01"))
    ed = load_edition(data_copy, EDITION)
    assert ed.version.version == "1.1" and len(ed.versions) == 2
    assert ed.version.changes[0].figures == ["spo/spo_total"]


def test_an_edition_without_the_file_is_version_one(data_copy: Path):
    (data_copy / EDITION / "revisions.yml").unlink()
    ed = load_edition(data_copy, EDITION)
    assert ed.version.version == "1.0" and ed.version.date == ed.meta.publication_date


@pytest.mark.parametrize("versions,expected", [
    ((FIRST.replace("2024-04-22", "2024-04-01"),), "the edition's publication date"),
    ((FIRST, LATER.format(v="1.0", d="2024-05-01")), "a version after 1.0"),
    ((FIRST, LATER.format(v="1.1", d="2024-04-01")), "a date on or after 2024-04-22"),
    ((FIRST, LATER.format(v="1.1", d="2024-05-01").split("    changes:")[0]),
     "at least one change"),
    ((FIRST, LATER.format(v="1.1", d="2024-05-01").replace("correction", "fix")), "versions"),
])
def test_a_bad_record_is_named(data_copy: Path, versions, expected):
    write(data_copy, *versions)
    with pytest.raises(DataValidationError) as err:
        load_edition(data_copy, EDITION)
    assert "revisions.yml" in str(err.value) and expected in str(err.value)
