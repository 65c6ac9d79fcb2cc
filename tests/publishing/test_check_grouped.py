"""`check` says each instruction once and never cuts a value inside a word (issue 31, the
tester's `check --edition 2025`: 39 of its 67 lines repeated one 300-character instruction
force by force, in no useful order, and a marked line was cut at 80 characters, "...this
edition's t")."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import EDITION, ROOT, rewrite_csv

from nsc_report.data.carried import Marked, markers
from nsc_report.infra.untrusted import ELLIPSIS, shortened
from nsc_report.publishing.check import NOT_YET_IN, check, kind_words, summary

NOTE = "Not yet answered (as of import 2025-02-12)"


def test_answers_not_yet_in_are_one_problem_listing_the_forces(data_copy: Path):
    waiting = ("E23000001", "E23000002", "E23000013")  # the Met, Cumbria, Durham... by code

    def edit(rows):
        for r in rows:
            if r["force_code"] in waiting:
                r.update(status="no_response", value="", note=NOTE)
    rewrite_csv(data_copy / EDITION / "foi_returns.csv", edit)
    problems = [p for p in check(ROOT, data_copy, EDITION) if p.kind == NOT_YET_IN]
    assert len(problems) == 1, [str(p) for p in problems]
    said = str(problems[0])
    assert said.count("no_response") == 1 and said.count(NOTE) == 1
    assert "3 forces' answers are not yet in" in said
    # Each force once, in the order of the file (so that it can be walked line by line).
    lines = [int(said.split(f"({code}, ", 1)[1].split("from line ", 1)[1].split(")")[0])
             for code in waiting]
    positions = [said.index(f"({code}, ") for code in waiting]
    assert [p for _, p in sorted(zip(lines, positions, strict=True))] == sorted(positions)
    # The summary still counts the forces.
    assert f"{kind_words(NOT_YET_IN)} (3)" in summary(problems, EDITION)


def test_a_marked_line_is_its_key_note_and_value_never_cut_mid_word(data_copy: Path):
    # The tester's lines: last year's subtitle and title, marked as new-edition marks them, in
    # an edition that otherwise validates (the synthetic 2025 edition).
    folder = data_copy / "2025"
    shutil.copytree(ROOT / "tests" / "fixtures" / "editions" / "2025", folder)
    meta = folder / "edition.yml"
    subtitle = ("Police and Crown Prosecution Service transparency on stalking, England and "
                "Wales")
    meta.write_text(meta.read_text().replace(
        f'subtitle: "{subtitle}"', f'subtitle: "{subtitle}"  # BEFORE PUBLICATION: this '
        "edition's subtitle (last year's value until then)"))
    found = [str(p) for p in check(ROOT, data_copy, "2025") if "still marked" in p.what]
    said = next(p for p in found if "edition.yml:5:" in p)
    assert ("2025/edition.yml:5: subtitle still marked BEFORE PUBLICATION: this edition's "
            "subtitle (last year's value until then); now ") in said, said
    value = said.split("; now ", 1)[1]
    assert value.endswith(ELLIPSIS) and subtitle.startswith(value[:-1].strip('"'))
    assert subtitle[len(value[:-1].strip('"'))] in " ,"  # cut between words
    listed = [str(o) for o in markers([meta], data_copy)]
    assert any("subtitle still marked BEFORE PUBLICATION: this edition's subtitle (last "
               "year's value until then)" in o for o in listed), listed
    status = Marked.of('status: "FILL IN"  # FILL IN: the CPS answer this year', "FILL IN")
    assert (status.key, status.note) == ("status", "the CPS answer this year")


def test_a_long_value_is_shortened_at_a_word_boundary():
    text = "Police and Crown Prosecution Service transparency on stalking, England and Wales"
    short = shortened(text, 40)
    assert len(short) <= 40 and short.endswith(ELLIPSIS)
    assert text.startswith(short[:-1]) and text[len(short) - 1] == " "
    assert shortened("short", 40) == "short"
    assert shortened("x" * 50, 10) == "x" * 9 + ELLIPSIS  # one long word: cut, and marked
