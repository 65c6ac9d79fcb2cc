"""The local note of a force (no build: the force's executed notebook in book/ gives its
published statistics): its published statistics come first, then its answers grouped by what
it told us, and a force's own note is text in the page, never markup."""

from __future__ import annotations

from helpers import EDITION, ROOT, set_answer

from nsc_report.data import load_edition
from nsc_report.present import words
from nsc_report.printing.press_notes import answers_by_status, note_body
from nsc_report.publishing.register import glued

HOSTILE = '<img src=x onerror=alert(1)> & "quoted"'


def test_a_local_note_puts_published_statistics_first_and_escapes_the_forces_notes(data_copy):
    set_answer(data_copy, "Durham", "Q9", "ye_mar_2023", status="not_held", value="",
               note=HOSTILE)
    ed = load_edition(data_copy, EDITION)
    code = ed.forces.set_index("force_name").at["Durham", "force_code"]
    with words.reading_from(ROOT / "notebooks"):
        groups = answers_by_status(ed, code)
        page = note_body(ed, code, glued(ROOT / "book" / "forces" / "durham.ipynb"),
                         "book/forces/durham.html")
    labels = [label for label, _ in groups]
    assert "information not held" in labels
    held = dict(groups)["information not held"]
    assert any(q["question"] == "Q9" and q["answers"][0]["note"] == HOSTILE for q in held)
    # Set inside the answer's brackets, the note's own "(1)" is a clause (words.parenthetical).
    assert "<img" not in page and "&lt;img src=x onerror=alert, 1&gt;" in page
    assert page.index("published-heading") < page.index("information not held (")
