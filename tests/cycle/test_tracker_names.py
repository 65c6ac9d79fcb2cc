"""The requests' tracker names each authority beside its code, and the letters' files carry the
name (issue 31: a tracker of 44 codes and letters named `NSC-2025-E23000013.md` could be read
only beside reference/forces.csv). A tracker written before the names were kept is read as it
is, and gains them when the letters are written again; a name is checked against its code; a
name is text from outside, neutralised in the CSV and reduced to a safe slug in a file name."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers import EDITION

from nsc_report.cycle.letters import authorities, file_stem, load_for_letters, reference
from nsc_report.cycle.tracker import Request, merge, write_tracker
from nsc_report.data import DataValidationError, load_edition

SENT = dt.date(2024, 1, 2)
OLD_HEADER = "force_code,reference,date_sent,date_received,internal_review,ico_complaint"


def requests_of(data: Path) -> list[Request]:
    ed = load_edition(data, EDITION, lazy=True)
    return [Request(code, name, reference(ed, code)) for code, name in authorities(ed)]


def rows_of(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_the_tracker_names_each_authority(data_copy: Path):
    path = data_copy / EDITION / "tracker.csv"
    assert write_tracker(path, requests_of(data_copy), SENT) == 44
    rows = rows_of(path)
    assert list(rows[0]) == ["force_code", "force_name", "reference", "date_sent",
                             "date_received", "internal_review", "ico_complaint"]
    names = {r["force_code"]: r["force_name"] for r in rows}
    assert names["E23000008"] == "Durham" and names["CPS"] == "Crown Prosecution Service"
    tracked = load_edition(data_copy, EDITION, lazy=True).tracker
    assert tracked is not None and len(tracked) == 44
    assert dict(zip(tracked["force_code"], tracked["force_name"], strict=True)) == names


def test_an_old_tracker_without_names_is_read_and_gains_them(data_copy: Path):
    path = data_copy / EDITION / "tracker.csv"
    path.write_text(f"{OLD_HEADER}\nE23000008,NSC-2024-E23000008,2024-01-02,2024-01-20,,\n")
    tracked = load_edition(data_copy, EDITION, lazy=True).tracker  # read as it is
    assert tracked is not None and list(tracked["force_name"]) == [""]
    assert list(tracked["date_received"]) == ["2024-01-20"]
    assert write_tracker(path, requests_of(data_copy), dt.date(2024, 1, 9)) == 43
    rows = rows_of(path)
    durham = next(r for r in rows if r["force_code"] == "E23000008")
    assert durham == {"force_code": "E23000008", "force_name": "Durham",
                      "reference": "NSC-2024-E23000008", "date_sent": "2024-01-02",
                      "date_received": "2024-01-20", "internal_review": "",
                      "ico_complaint": ""}  # the answer and first date kept; the name added
    assert load_edition(data_copy, EDITION, lazy=True).tracker is not None


def test_an_old_tracker_with_nothing_to_add_gains_its_names():
    existing = f"{OLD_HEADER}\nA,NSC-2025-A,2025-01-02,,,\n"
    text, added = merge(existing, [Request("A", "Aye", "NSC-2025-A")], SENT)
    assert added == 0 and text.splitlines()[1] == "A,Aye,NSC-2025-A,2025-01-02,,,"


def test_a_name_that_is_not_the_codes_is_refused(data_copy: Path):
    path = data_copy / EDITION / "tracker.csv"
    path.write_text("force_code,force_name,reference,date_sent,date_received,internal_review,"
                    "ico_complaint\nE23000008,Cleveland,NSC-2024-E23000008,2024-01-02,,,\n"
                    "E23000013,,NSC-2024-E23000013,2024-01-02,,,\n")
    with pytest.raises(DataValidationError) as info:
        _ = load_edition(data_copy, EDITION, lazy=True).tracker
    message = str(info.value)
    assert "column 'force_name'" in message and "got 'Cleveland'" in message
    assert "'Durham', the name of E23000008 in reference/forces.csv" in message
    assert "E23000013" not in message  # an empty name is no mistake


def test_a_formula_like_name_is_neutralised_and_read_back(data_copy: Path):
    """A name is text from outside: in the CSV it is held as a string (the quote the other
    CSV files use), and the loader compares the name it stands for."""
    forces = data_copy / "reference" / "forces.csv"
    forces.write_text(forces.read_text().replace(",Durham,", ",=HYPERLINK(1),", 1))
    path = data_copy / EDITION / "tracker.csv"
    write_tracker(path, requests_of(data_copy), SENT)
    durham = next(r for r in rows_of(path) if r["force_code"] == "E23000008")
    assert durham["force_name"] == "'=HYPERLINK(1)"
    ed = load_edition(data_copy, EDITION, lazy=True)
    assert ed.tracker is not None  # the quoted name is the code's


def test_a_letters_file_is_named_by_its_reference_and_force(data_copy: Path, tmp_path: Path):
    from helpers import give_reply_address

    from nsc_report.cycle.letters import write_letters

    give_reply_address(data_copy)
    ed = load_for_letters(data_copy, EDITION)
    written = write_letters(ed, tmp_path, SENT, print_pdf=False)
    names = {p.name for p in written}
    assert "NSC-2024-E23000008-durham.md" in names
    assert "NSC-2024-E23000001-metropolitan-police.md" in names
    assert "NSC-2024-CPS-crown-prosecution-service.md" in names
    assert len(names) == 44


@pytest.mark.parametrize(("name", "stem"), [
    ("../../etc/passwd", "NSC-2025-X-etc-passwd"),
    ("=HYPERLINK(\"http://x\")", "NSC-2025-X-hyperlink-http-x"),
    ("Ynys Môn / Dyfed-Powys", "NSC-2025-X-ynys-mon-dyfed-powys"),
    ("東京", "NSC-2025-X"),  # nothing of it spells a file name: the reference alone
    ("A" * 300, "NSC-2025-X-" + "a" * 60),
])
def test_a_letters_file_name_is_safe_whatever_the_name(name: str, stem: str):
    edition = SimpleNamespace(meta=SimpleNamespace(edition="2025"))
    got = file_stem(edition, "X", name)  # type: ignore[arg-type]
    assert got == stem
    assert "/" not in got and "." not in got and " " not in got
