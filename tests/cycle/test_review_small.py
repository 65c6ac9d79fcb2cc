"""Smaller findings of the new-user review of the yearly cycle (issue 31): a tracker date
written day first gets a suggestion, the landing page types no count of chapters, and a
build run by the preview says to open the address it serves, not a file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import EDITION, ROOT

from nsc_report import book
from nsc_report.data import DataValidationError, load_edition, slips


@pytest.mark.parametrize("given,expected", [
    ("28/01/2025", "did you mean 2025-01-28?"), ("3.2.2025", "did you mean 2025-02-03?"),
    ("28-01-25", "did you mean 2025-01-28?"), ("31/02/2025", None), ("January 28", None)])
def test_date_suggestions(given: str, expected: str | None):
    assert slips.date(given) == expected


def test_a_tracker_date_written_day_first_gets_a_suggestion(data_copy: Path):
    """The tester's case: '28/01/2025' in tracker.csv, and no 'did you mean 2025-01-28'."""
    path = data_copy / EDITION / "tracker.csv"
    path.write_text("force_code,reference,date_sent,date_received,internal_review,"
                    "ico_complaint\nE23000008,NSC-2024-E23000008,2024-01-06,28/01/2024,,\n")
    with pytest.raises(DataValidationError) as info:
        load_edition(data_copy, EDITION)
    assert "got '28/01/2024'" in str(info.value)
    assert "did you mean 2024-01-28?" in str(info.value)


NUMBER_WORDS = ("two|three|four|five|six|seven|eight|nine|ten|eleven|twelve")


def test_no_count_of_chapters_is_typed_in_prose():
    """The tester's case: book/index.md said "six chapters" while the sidebar showed 7 (2024)
    or 8 (2025): a count the table of contents decides is not typed by hand."""
    typed = []
    for path in [*(ROOT / "book").glob("*.md"), *(ROOT / "notebooks").glob("*.md"),
                 *(ROOT / "data").glob("*/chapters/*.md")]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(rf"\b({NUMBER_WORDS}|\d+) (chapters|sections)\b", line, re.I):
                typed.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not typed, "\n".join(typed)


def test_a_served_build_says_to_open_its_address(tmp_path: Path, monkeypatch):
    from nsc_report.authoring import preview

    project = book.Project(ROOT, ROOT / "data", EDITION, out=tmp_path)
    assert book.where_to_open(project).endswith("index.html")
    seen = {}

    class Stop(Exception):
        pass

    def live(project: book.Project):  # the preview's build, stopped before it starts
        seen["project"] = project
        raise Stop

    monkeypatch.setattr(preview, "LiveBuild", live)
    with pytest.raises(Stop):
        preview.run(project, "127.0.0.1", 8123)
    assert book.where_to_open(seen["project"]) == "http://127.0.0.1:8123/"


def test_the_new_cps_answer_speaks_of_this_year(data_copy: Path):
    """The tester's case: the 2025 cps.yml said "answer to the 2024 request" and "checked
    against data/2024/sources/", and kept last year's quotation of the CPS."""
    from nsc_report.cycle.new_edition import new_edition

    new_edition(data_copy, "2025", EDITION)
    text = (data_copy / "2025" / "cps.yml").read_text()
    assert "2024 request" not in text and "data/2024/" not in text
    assert "answer to the 2025 request" in text and "data/2025/sources/" in text
    assert not re.search(r"^quote:", text, re.MULTILINE)  # last year's words, dropped
    assert re.search(r"^source: .*# FILL IN", text, re.MULTILINE)
