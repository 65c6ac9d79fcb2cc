"""The yearly cycle: a new edition from the last one, the request letters, and tracking the
answers against the statutory deadline (working days, England and Wales bank holidays)."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest
from helpers import EDITION, give_reply_address, requires_chromium, run_cli

from nsc_report.cycle.letters import authorities, letter
from nsc_report.cycle.new_edition import EditionError, new_edition
from nsc_report.data import DataValidationError, load_edition
from nsc_report.measures.requests import (
    add_working_days,
    deadline,
    is_working_day,
    statuses,
    timeliness,
    working_days_between,
)
from nsc_report.sections.methodology import timeliness_text

# --- working days -------------------------------------------------------------------------


def test_the_deadline_skips_weekends_and_bank_holidays():
    # Good Friday (29 March 2024) and Easter Monday (1 April 2024) do not count.
    assert deadline(dt.date(2024, 3, 28)) == dt.date(2024, 4, 29)
    # Christmas Day, Boxing Day and New Year's Day do not count.
    assert deadline(dt.date(2024, 12, 20)) == dt.date(2025, 1, 22)
    assert not is_working_day(dt.date(2025, 5, 5))  # early May bank holiday
    assert is_working_day(dt.date(2025, 3, 17))  # St Patrick's Day: not in England and Wales
    assert working_days_between(dt.date(2024, 3, 28), dt.date(2024, 4, 29)) == 20
    assert add_working_days(dt.date(2024, 6, 7), 1) == dt.date(2024, 6, 10)


# --- the tracker ----------------------------------------------------------------------------

def write_tracker(data: Path, rows: list[dict[str, str]]) -> None:
    with (data / EDITION / "tracker.csv").open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["force_code", "reference", "date_sent",
                                                "date_received", "internal_review",
                                                "ico_complaint"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def tracker_rows(data: Path) -> list[dict[str, str]]:
    with (data / "reference" / "forces.csv").open(newline="") as fh:
        codes = [r["force_code"] for r in csv.DictReader(fh)]
    rows = []
    for i, code in enumerate([*codes, "CPS"]):
        # The first ten answer in 10 working days, the next five late, the rest not at all.
        received = ("2024-01-15" if i < 10 else "2024-02-20" if i < 15 else "")
        rows.append({"force_code": code, "reference": f"NSC-{EDITION}-{code}",
                     "date_sent": "2024-01-02", "date_received": received,
                     "internal_review": "2024-02-05" if i == 20 else "",
                     "ico_complaint": "2024-03-01" if i == 21 else ""})
    return rows


def test_status_lists_who_answered_and_who_is_overdue(data_copy: Path):
    write_tracker(data_copy, tracker_rows(data_copy))
    result = run_cli("status", "--data-dir", str(data_copy), "--edition", EDITION,
                     "--today", "2024-03-04")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "44 requests on 2024-03-04: 10 answered on time, 5 answered late, 29 overdue" in out
    assert "overdue by 24" in out  # 2 January to 4 March 2024: 44 working days, 24 too many
    assert "(internal review)" in out and "(ICO complaint)" in out
    assert out.index("overdue") < out.index("answered on time")


def test_timeliness_for_the_methodology(data_copy: Path):
    write_tracker(data_copy, tracker_rows(data_copy))
    ed = load_edition(data_copy, EDITION)
    names = dict(zip(ed.forces["force_code"], ed.forces["force_name"], strict=True))
    t = timeliness(ed.tracker, names, dt.date(2024, 4, 22))
    assert (t.requests, t.answered, t.on_time) == (43, 15, 10)
    assert t.median_working_days == 9  # 10 forces took 9 working days, 5 took 35
    text = timeliness_text(ed)
    assert text.startswith("10 of the 43 forces answered within the legal deadline of 20")
    assert len(statuses(ed.tracker, names, dt.date(2024, 4, 22))) == 44


def test_an_edition_without_a_tracker_says_so():
    from helpers import DATA

    assert "No record was kept" in timeliness_text(load_edition(DATA, EDITION))


@pytest.mark.parametrize("column,value,expected", [
    ("date_sent", "2/1/2024", "a date as YYYY-MM-DD"),
    ("date_received", "2023-12-01", "on or after the request was sent"),
    ("reference", "NSC-2024-X", f"NSC-{EDITION}-E23"),
    ("force_code", "E99999999", "force codes or CPS"),
])
def test_a_bad_tracker_row_is_named(data_copy: Path, column, value, expected):
    rows = tracker_rows(data_copy)
    rows[3][column] = value
    write_tracker(data_copy, rows)
    with pytest.raises(DataValidationError) as info:
        load_edition(data_copy, EDITION)
    message = str(info.value)
    assert f"data/{EDITION}/tracker.csv, row 4 (line 5), column '{column}'" in message
    assert expected in message


# --- letters ----------------------------------------------------------------------------------

def test_a_letter_holds_the_reference_the_questions_and_the_deadline():
    from helpers import DATA, with_reply_address

    ed = with_reply_address(load_edition(DATA, EDITION, lazy=True))
    text = letter(ed, "E23000008", "Durham", dt.date(2024, 1, 2))
    assert "NSC-2024-E23000008" in text and "Durham" in text
    for q in ed.questions.itertuples():
        assert f"**{q.id}.** {q.wording}" in text
    assert "year ending March 2023" in text
    assert "from 1 April 2022 to 31 March 2023" in text  # a period's dates, with their years
    assert "30 January 2024" in text  # 20 working days after 2 January 2024
    assert len(authorities(ed)) == 44


def test_requests_writes_a_letter_per_authority(tmp_path: Path, data_copy: Path):
    # A scratch data folder: requests also writes the edition's tracker.csv.
    give_reply_address(data_copy)
    result = run_cli("requests", "--edition", EDITION, "--out", str(tmp_path), "--no-pdf",
                     "--sent", "2024-01-02", "--data-dir", str(data_copy))
    assert result.returncode == 0, result.stderr
    letters = sorted(tmp_path.glob("NSC-2024-*.md"))
    assert len(letters) == 44 and (tmp_path / "NSC-2024-CPS-crown-prosecution-service.md").exists()
    assert (tmp_path / "NSC-2024-E23000008-durham.md").exists()  # found by the force's name


@requires_chromium
def test_requests_prints_the_letters_to_pdf(tmp_path: Path, data_copy: Path):
    from pypdf import PdfReader

    give_reply_address(data_copy)
    result = run_cli("requests", "--edition", EDITION, "--out", str(tmp_path), "--sent",
                     "2024-01-02", "--data-dir", str(data_copy))
    assert result.returncode == 0, result.stderr
    pdfs = sorted(tmp_path.glob("NSC-2024-*.pdf"))
    assert len(pdfs) == 44
    reader = PdfReader(pdfs[0])
    assert "Freedom of Information request" in reader.pages[0].extract_text()
    assert reader.metadata.title.startswith("NSC-2024-")


# --- a new edition ------------------------------------------------------------------------

def test_new_edition_scaffolds_data_and_chapters(data_copy: Path):
    written = new_edition(data_copy, "2025", EDITION)
    folder = data_copy / "2025"
    assert {p.relative_to(folder).as_posix() for p in written} >= {
        "edition.yml", "questions.yml", "foi_returns.csv", "national.csv",
        "pcc_commitments.csv", "cps.yml", "README.md", "chapters/introduction.md",
        "chapters/summary.md", "chapters/recommendations.md", "chapters/victim-voice.md"}
    assert (folder / "foi_returns.csv").read_text().count("\n") == 1  # header only
    with pytest.raises(DataValidationError) as info:
        load_edition(data_copy, "2025")
    message = str(info.value)
    # Publication's facts keep last year's value, marked for later: they do not stop the
    # letters or validation (tests/cycle/test_next_edition.py); the answers still to come do.
    meta = (folder / "edition.yml").read_text()
    for key in ("title", "publication_date", "amount_gbp", "helpline_victims_supported"):
        assert re.search(rf"^\s*{key}: .*# BEFORE PUBLICATION", meta, re.MULTILINE), key
    assert "current_period: ye_mar_2024" in meta and "foi_2025:" in meta
    assert "header only" in message and "cps.yml" in message
    load_edition(data_copy, EDITION)  # the previous edition is untouched
    with pytest.raises(EditionError):
        new_edition(data_copy, "2025", EDITION)
    with pytest.raises(EditionError):
        new_edition(data_copy, "next", EDITION)


@pytest.mark.build
def test_the_2024_edition_builds_the_same_after_a_2025_one_exists(tmp_path: Path):
    """Each edition owns its words; starting the next one changes nothing in this one. (On an
    edition of a few forces: what is shown does not depend on their number.)"""
    import hashlib
    import shutil

    from bs4 import BeautifulSoup
    from helpers import DATA, project_copy, small_data

    root = project_copy(tmp_path / "project", data=small_data(DATA, tmp_path / "data"))

    def build(*extra: str) -> dict[str, str]:
        result = run_cli("build", "--root", str(root), *extra)
        assert result.returncode == 0, result.stdout + result.stderr
        state = {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                 for p in sorted((root / "book").rglob("*.ipynb"))}
        for page in sorted((root / "_build" / "html" / "book").rglob("*.html")):
            text = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text()
            state[page.relative_to(root).as_posix()] = hashlib.sha256(text.encode()).hexdigest()
        return state

    before = build()
    made = run_cli("new-edition", "2025", "--from", EDITION, "--root", str(root))
    assert made.returncode == 0, made.stderr
    assert (root / "data" / "2025" / "chapters" / "introduction.md").exists()
    shutil.rmtree(root / "_build")
    after = build("--force")
    assert after == before
