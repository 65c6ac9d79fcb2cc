"""The next edition prepared, not copied: periods moved on, publication's facts marked for later
(not stopping the letters), the letters and the tracker they imply, and what the new edition
still needs listed by new-edition and by check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import EDITION, ROOT, give_reply_address

from nsc_report.cycle.letters import authorities, letter, load_for_letters, reference
from nsc_report.cycle.new_edition import new_edition, roll_periods
from nsc_report.cycle.tracker import Request, merge, write_tracker
from nsc_report.data import DataValidationError, load_edition
from nsc_report.data.carried import outstanding
from nsc_report.publishing.check import check, summary

SENT = dt.date(2025, 1, 6)


@pytest.fixture
def next_edition(data_copy: Path) -> Path:
    new_edition(data_copy, "2025", EDITION)
    give_reply_address(data_copy, "2025")  # marked FILL IN by new-edition: the team adds it
    return data_copy


def test_the_periods_move_on_a_year(next_edition: Path):
    """The tester's case: 2025's letters asked forces for the years ending March 2022 and 2023
    (the codebook's periods were copied), while the CPS letter asked for March 2024."""
    ed = load_for_letters(next_edition, "2025")
    assert ed.meta.current_period == "ye_mar_2024" and ed.meta.previous_period == "ye_mar_2023"
    periods = {q.id: q.periods for q in ed.questions.itertuples()}
    assert periods["Q1"] == ["ye_mar_2023", "ye_mar_2024"]
    assert periods["Q2"] == ["ye_mar_2024"] and periods["Q6"] == ["at_request"]
    # The earlier periods stay defined (the national series holds them), in order.
    assert list(ed.meta.periods)[:4] == ["ye_mar_2021", "ye_mar_2022", "ye_mar_2023",
                                         "ye_mar_2024"]
    assert ed.period_label("ye_mar_2024") == "year ending March 2024"
    assert ed.period_label("at_request") == "at the time of the request (early 2025)"
    assert "early 2025" in ed.source("foi_2025").citation


def test_a_current_period_without_a_year_is_marked_to_fill_in():
    text = "periods:\n  spring: {label: \"spring\", short: \"spring\"}\n" \
           "current_period: spring\nprevious_period: spring\n"
    rolled = roll_periods(text, 1)
    assert "current_period: spring  # FILL IN" in rolled
    assert "previous_period: spring  # FILL IN" in rolled


def test_the_data_cut_off_moves_on_and_is_marked_for_publication(next_edition: Path):
    """Copied as it was, 2024's cut-off would hide from the 2025 edition every statistic
    published after April 2024."""
    text = (next_edition / "2025" / "edition.yml").read_text("utf-8")
    line = next(x for x in text.splitlines() if x.startswith("data_cut_off:"))
    assert line.startswith("data_cut_off: 2025-04-22") and "BEFORE PUBLICATION" in line
    assert "moved on a year until then" in line
    ed = load_for_letters(next_edition, "2025")
    assert ed.meta.cut_off == dt.date(2025, 4, 22)


def test_the_letters_of_a_new_edition_ask_for_the_new_periods(next_edition: Path):
    ed = load_for_letters(next_edition, "2025")
    force = letter(ed, "E23000008", "Durham", SENT)
    cps = letter(ed, "CPS", "Crown Prosecution Service", SENT)
    assert "for the year ending March 2023 and the year ending March 2024." in force
    assert "March 2022" not in force and "March 2022" not in cps
    assert "figure for the year ending March 2024." in cps


def test_publication_facts_marked_for_later_do_not_stop_the_letters(next_edition: Path):
    """The tester's case: requests refused while the funding ask, the Helpline's total or the
    publication date were marked, so the user deleted the markers and kept last year's."""
    meta = (next_edition / "2025" / "edition.yml").read_text()
    assert "amount_gbp: 243810000  # BEFORE PUBLICATION" in meta
    assert "publication_date: 2024-04-22  # BEFORE PUBLICATION" in meta
    assert "FILL IN" not in meta
    load_for_letters(next_edition, "2025")  # no error


def test_letters_refuse_only_what_they_need(next_edition: Path):
    path = next_edition / "2025" / "edition.yml"
    text = path.read_text()
    path.write_text(text.replace('theme: "', 'theme: "FILL IN ', 1)
                    .replace("  # BEFORE PUBLICATION: this edition's theme",
                             "  # FILL IN: this edition's theme"))
    load_for_letters(next_edition, "2025")  # the letters do not print the theme
    with pytest.raises(DataValidationError, match="column 'theme'"):
        load_edition(next_edition, "2025", lazy=True)  # but the book does
    path.write_text(text.replace("current_period: ye_mar_2024",
                                 "current_period: ye_mar_2024  # FILL IN: the period", 1))
    with pytest.raises(DataValidationError, match="column 'current_period'"):
        load_for_letters(next_edition, "2025")  # the CPS letter prints it


def test_requests_writes_the_tracker_and_keeps_answers_recorded(next_edition: Path):
    ed = load_for_letters(next_edition, "2025")
    requests = [Request(code, name, reference(ed, code)) for code, name in authorities(ed)]
    path = next_edition / "2025" / "tracker.csv"
    assert write_tracker(path, requests, SENT) == 44
    tracked = load_edition(next_edition, "2025", lazy=True).tracker
    assert len(tracked) == 44 and set(tracked["date_sent"]) == {"2025-01-06"}
    assert set(tracked["reference"]) == {r.reference for r in requests}
    # An answer recorded, then the letters written again: the answer and first date stay.
    text = path.read_text().replace("E23000008,Durham,NSC-2025-E23000008,2025-01-06,,,",
                                    "E23000008,Durham,NSC-2025-E23000008,2025-01-06,2025-01-20,,")
    path.write_text(text.replace("CPS,Crown Prosecution Service,NSC-2025-CPS,2025-01-06,,,\n",
                                 ""))
    assert write_tracker(path, requests, dt.date(2025, 1, 9)) == 1
    again = path.read_text()
    assert "E23000008,Durham,NSC-2025-E23000008,2025-01-06,2025-01-20,," in again
    assert "CPS,Crown Prosecution Service,NSC-2025-CPS,2025-01-09,,," in again


def test_a_tracker_is_merged_not_overwritten():
    existing = ("force_code,reference,date_sent,date_received,internal_review,ico_complaint\n"
                "A,NSC-2025-A,2025-01-02,2025-01-10,,\n")
    text, added = merge(existing, [Request("A", "Aye", "NSC-2025-A"),
                                   Request("B", "Bee", "NSC-2025-B")], SENT)
    assert added == 1
    assert text.splitlines()[1:] == ["A,Aye,NSC-2025-A,2025-01-02,2025-01-10,,",
                                     "B,Bee,NSC-2025-B,2025-01-06,,,"]


def test_what_the_new_edition_needs_is_listed(next_edition: Path):
    listed = "\n".join(str(o) for o in outstanding(next_edition, "2025", ROOT / "notebooks"))
    assert "'conviction_rate,ye_mar_2023,...'" in listed
    assert "'charge_rate,ye_mar_2023,...'" in listed
    assert "header only" in listed  # the answers to come
    assert "amount_gbp still marked BEFORE PUBLICATION: this edition's funding ask" in listed
    assert "chapters/introduction.md: chapter carried over unchanged from the 2024" in listed
    assert "quotation 'npcc-lead' carried over unchanged" in listed
    assert "sources/press-release-2024.txt: source document carried over" in listed
    # The release pack's templates come along, as words to revise like the chapters.
    assert (next_edition / "2025" / "press" / "release.md").read_bytes() == \
        (next_edition / EDITION / "press" / "release.md").read_bytes()
    assert "press/release.md: release template carried over unchanged" in listed


def test_check_refuses_publication_facts_marked_for_later(next_edition: Path):
    """A synthetic, complete 2025 edition with one fact still marked for later, and its
    chapters carried over: check lists both; the build would run."""
    import shutil

    folder = next_edition / "2025"
    shutil.rmtree(folder)
    shutil.copytree(ROOT / "tests" / "fixtures" / "editions" / "2025", folder)
    meta = folder / "edition.yml"
    meta.write_text(meta.read_text().replace(
        "publication_date: 2025-04-21",
        "publication_date: 2025-04-21  # BEFORE PUBLICATION: the date of publication"))
    for chapter in (next_edition / EDITION / "chapters").glob("*.md"):
        shutil.copy(chapter, folder / "chapters" / chapter.name)
    load_edition(next_edition, "2025", templates=ROOT / "notebooks")  # it validates
    found = [str(p) for p in check(ROOT, next_edition, "2025")]
    assert any("edition.yml:8: publication_date still marked BEFORE PUBLICATION" in p
               for p in found), found
    assert any("chapters/summary.md: chapter carried over unchanged" in p for p in found)
    assert "marked BEFORE PUBLICATION (1)" in summary(check(ROOT, next_edition, "2025"), "2025")
