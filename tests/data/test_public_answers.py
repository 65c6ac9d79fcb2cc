"""An answer a force made public cites its source in foi_returns.csv (`source_id`, optional):
the source must be one of edition.yml's; a file without the column has no public answer
(fact-check 5, B6)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from helpers import EDITION

from nsc_report.data import DataValidationError, load_edition, provenance

SOUTH_YORKSHIRE = "E23000011"


def test_the_2024_edition_has_one_public_answer(data_copy: Path):
    public = provenance.public_answers(load_edition(data_copy, EDITION))
    assert [(a.force_code, a.question_id, a.source) for a in public] == [
        (SOUTH_YORKSHIRE, "Q6", "south_yorkshire_police_2024")]
    assert public[0].value and public[0].value > 0  # "at least one", as the source says


def test_a_public_answer_cites_a_source_of_the_edition(data_copy: Path):
    path = data_copy / EDITION / "foi_returns.csv"
    path.write_text(path.read_text().replace("south_yorkshire_police_2024", "a_blog"))
    with pytest.raises(DataValidationError, match="source ids in edition.yml"):
        load_edition(data_copy, EDITION)


def test_a_file_without_the_column_has_no_public_answer(data_copy: Path):
    path = data_copy / EDITION / "foi_returns.csv"
    with path.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    fields = [f for f in rows[0] if f != "source_id"]
    with path.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore",
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    assert provenance.public_answers(load_edition(data_copy, EDITION)) == []
