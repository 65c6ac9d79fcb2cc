"""The request letters as a force receives them: an address to reply to (FOIA s.8(1)(b)), each
period asked for in words that read ("at the time of the request", not "for the at the time"),
each period's dates with their years, the CPS letter explaining only its own period, and a
heading kept with what follows it in the PDF. `requests` refuses to write letters without the
reply address, naming the file and field; new-edition carries it over or marks it FILL IN."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from helpers import DATA, EDITION, REPLY_TO, give_reply_address, run_cli, with_reply_address

from nsc_report.cycle.letters import STYLE, LettersError, letter, load_for_letters
from nsc_report.cycle.new_edition import new_edition
from nsc_report.data import DataValidationError, load_edition

SENT = dt.date(2025, 1, 6)


@pytest.fixture
def next_edition(data_copy: Path) -> Path:
    new_edition(data_copy, "2025", EDITION)
    return data_copy


def test_a_letter_gives_the_address_to_reply_to():
    ed = with_reply_address(load_edition(DATA, EDITION, lazy=True))
    text = letter(ed, "E23000008", "Durham", SENT)
    address = text.replace("\\", "")  # Markdown escapes, as printed
    assert f"Reply to: {REPLY_TO}" in address
    assert f"Please send your reply to **{REPLY_TO}**, quoting the reference" in address
    assert address.rstrip().endswith(REPLY_TO)  # under the signature too


def test_no_letter_without_a_reply_address():
    ed = load_edition(DATA, EDITION, lazy=True)  # the committed edition gives none
    with pytest.raises(LettersError, match=r"edition\.yml: 'requests: reply_to:' is empty"):
        letter(ed, "E23000008", "Durham", SENT)


def test_requests_refuses_without_a_reply_address(data_copy: Path, tmp_path: Path):
    out = tmp_path / "letters"
    result = run_cli("requests", "--edition", EDITION, "--out", str(out), "--no-pdf",
                     "--sent", "2025-01-06", "--data-dir", str(data_copy))
    assert result.returncode != 0
    assert f"{data_copy / EDITION / 'edition.yml'}: 'requests: reply_to:' is empty" \
        in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() and not (data_copy / EDITION / "tracker.csv").exists()


def test_a_reply_address_is_an_e_mail_address(data_copy: Path):
    give_reply_address(data_copy, address='"javascript:alert(1)"')
    with pytest.raises(DataValidationError, match="reply_to"):
        load_edition(data_copy, EDITION, lazy=True)
    give_reply_address(data_copy, address="foi@nsc.example")
    assert load_edition(data_copy, EDITION, lazy=True).meta.requests.reply_to == "foi@nsc.example"


def test_periods_read_as_english_and_carry_their_years(next_edition: Path):
    """The tester's case: 'for the at the time of the request (early 2025)', and 'year ending
    March 2023: from 1 April to 31 March' (no years)."""
    give_reply_address(next_edition, "2025")
    ed = load_for_letters(next_edition, "2025")
    text = letter(ed, "E23000006", "Cheshire", SENT)
    assert "for the at" not in text
    assert "(time wholly reserved for stalking): at the time of the request (early 2025)." \
        in text
    assert "- *year ending March 2023*: from 1 April 2022 to 31 March 2023" in text
    assert "- *year ending March 2024*: from 1 April 2023 to 31 March 2024" in text
    assert "- *at the time of the request (early 2025)*: the number on the day" in text


def test_the_cps_letter_explains_only_its_period(next_edition: Path):
    give_reply_address(next_edition, "2025")
    cps = letter(load_for_letters(next_edition, "2025"), "CPS", "Crown Prosecution Service",
                 SENT)
    meanings = cps.split("## What the periods mean", 1)[1].split("\n\n")[1]
    assert meanings == "- *year ending March 2024*: from 1 April 2023 to 31 March 2024"


def test_a_heading_stays_with_what_follows_in_print():
    rules = {m.group(1).strip(): m.group(2) for m in re.finditer(r"([^{}]+)\{([^}]*)\}", STYLE)}
    heading = next(body for sel, body in rules.items() if "h2" in sel.split(",")[-1]
                   and "break-after" in body)
    assert "break-after: avoid" in heading and "page-break-after: avoid" in heading


def test_new_edition_marks_a_missing_reply_address_to_fill_in(next_edition: Path):
    meta = (next_edition / "2025" / "edition.yml").read_text()
    assert re.search(r'^  reply_to: ""  # FILL IN: the e-mail address', meta, re.MULTILINE)
    with pytest.raises(DataValidationError, match="reply_to"):
        load_for_letters(next_edition, "2025")


def test_new_edition_carries_a_reply_address_over(data_copy: Path):
    give_reply_address(data_copy)
    new_edition(data_copy, "2025", EDITION)
    meta = (data_copy / "2025" / "edition.yml").read_text()
    assert f"  reply_to: {REPLY_TO}\n" in meta
    assert load_for_letters(data_copy, "2025").meta.requests.reply_to == REPLY_TO
