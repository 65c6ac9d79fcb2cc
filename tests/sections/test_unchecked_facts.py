"""Facts of the reference data not yet checked against their source (a counting-rule change,
the body that oversees a force, `checked: no`; `nsc-report check` lists them) say so in the
sentence, cell or label that prints them, in the reader's words; a checked fact is printed as
it is. The published series' notes, printed on force pages and in the downloads, say what is
known of a figure, never an internal task ("check it before relying on the figure")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import DATA, rewrite_csv

from nsc_report.cycle import public_series
from nsc_report.data import Edition, load_edition
from nsc_report.present import words
from nsc_report.sections import counting_rules as cr
from nsc_report.sections import force, methodology, overseer, reports

NORTH_YORKSHIRE, CUMBRIA = "E23000009", "E23000002"
UNCHECKED = words.Words("labels").text("label-unchecked", text="")[1:]  # ' (unverified: ...)'


@pytest.fixture(scope="module")
def ed() -> Edition:
    return load_edition(DATA, "2024", lazy=True)


def test_the_words_say_unverified_as_the_legend_does():
    assert UNCHECKED.startswith("(unverified") and "checked" in UNCHECKED


def test_an_unchecked_counting_rule_change_says_so_beside_its_month(ed: Edition):
    """The tester's case: May 2023 (checked: no) was printed as plain fact by the methodology
    and the reports chapter; April 2020 (checked) is printed as it was."""
    texts = [methodology.figures(ed).figures["meth_counting_rules_text"].text,
             reports.figures(ed).figures["reports_counting_rules_text"].text,
             cr.period_text(ed, (ed.meta.previous_period, ed.meta.current_period))]
    for text in texts:
        # Beside its month, or inside the brackets that say what it did (no bracket beside a
        # bracket).
        assert f"May 2023 {UNCHECKED}" in text or re.search(
            rf"May 2023 \([^()]*; {re.escape(UNCHECKED[1:])}", text), text
    assert f"April 2020 {UNCHECKED}" not in texts[0] and "April 2020 (a course" in texts[0]
    # Every way a change is named: its month, its label (charts), an era (tables).
    may = ed.counting_rules[-1]
    assert cr.month(ed, may) == f"May 2023 {UNCHECKED}"
    assert cr.label(ed, may).startswith(f"May 2023 {UNCHECKED}: ")
    assert UNCHECKED in cr.era_name(ed, "ye_jun_2025", ed.counting_rules)
    assert UNCHECKED not in cr.era_name(ed, "ye_mar_2022", ed.counting_rules)


def test_a_change_once_checked_is_printed_plainly(data_copy: Path):
    def checked(rows: list[dict[str, str]]) -> None:
        for row in rows:
            row["checked"], row["note"] = "yes", ""

    rewrite_csv(data_copy / "reference" / "counting_rules.csv", checked)
    ed = load_edition(data_copy, "2024", lazy=True)
    text = methodology.figures(ed).figures["meth_counting_rules_text"].text
    assert "and May 2023 (where stalking" in text and "unverified" not in text


def test_an_unchecked_oversight_body_says_so_where_it_is_named(ed: Edition):
    """North Yorkshire's Police, Fire and Crime Commissioner (checked: no, 'from memory') was
    named as plain fact in the sentence on the 2022 commitment and in the briefing."""
    figs = force.figures(ed, NORTH_YORKSHIRE).figures
    assert f"North Yorkshire {UNCHECKED} made" in figs["force_pcc_text"].text \
        or f"North Yorkshire {UNCHECKED} did not" in figs["force_pcc_text"].text
    assert figs["force_overseer"].text.endswith(UNCHECKED)
    assert UNCHECKED in force.briefing_link(ed, NORTH_YORKSHIRE).markup
    assert overseer(ed, NORTH_YORKSHIRE, capital=True).startswith("The Police, Fire")
    # A body checked against its source is named as it is.
    cumbria = force.figures(ed, CUMBRIA).figures
    assert "unverified" not in cumbria["force_pcc_text"].text
    assert "unverified" not in cumbria["force_overseer"].text


def test_the_published_series_notes_set_readers_no_task():
    """The tester's case: Avon and Somerset's and Lancashire's pages printed 'check it before
    relying on the figure', a note written by the converter into series.csv."""
    rows = public_series.read_all(DATA / "public" / "raw", DATA / "reference" / "forces.csv")
    notes = {r.note for r in rows if r.note}
    footnoted = [n for n in notes if "footnote" in n]
    assert len(footnoted) == 2
    for note in notes:
        assert "check it" not in note.lower() and "before relying" not in note.lower(), note
