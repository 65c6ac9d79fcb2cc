"""A force's note (and any other text from the data) reaches its page as words: the Markdown the
force page's sections print, read as myst-nb reads a notebook's Markdown output (CommonMark)
and as the book's MyST would, has no HTML, link, emphasis, role or directive of the note's, and
the list it stands in keeps its shape."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from docutils import nodes
from helpers import DATA, EDITION, MYST_CONFIGS, myst_doctree, myst_html, rewrite_csv, set_answer

from nsc_report.data import load_edition
from nsc_report.infra.untrusted import markdown_text
from nsc_report.printing.briefing import standing_html
from nsc_report.sections import change, force

FIXTURES = Path(__file__).parents[1] / "fixtures"

HOSTILE_NOTES = {
    "Q2": "<script>alert('note')</script>",
    "Q3": "<svg onload=alert(1)>",
    "Q4": "[click](javascript:alert(1)) and [here](https://evil.example/)",
    "Q12": "line\n\n```{raw} html\n<script>alert(2)</script>\n```\n\n# Heading from a note",
    "Q13": "{eval-rst}`.. raw:: html` **bold** <img src=x onerror=alert(3)>",
}
MARKUP = ("<script", "<svg", "<img", "<a ", "<h1", "<h2", "<pre", "<code", "<em>",
          "javascript:alert(1)\"")


def hostile_durham(data_dir: Path) -> None:
    """Durham did not hold five answers (Q2, Q3, Q4, Q12, Q13): give each a hostile note."""
    with (data_dir / EDITION / "foi_returns.csv").open(newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["force_code"] == "E23000008"]
    missing = [(r["question_id"], r["period"]) for r in rows if r["status"] != "answered"]
    assert sorted(q for q, _ in missing) == sorted(HOSTILE_NOTES)
    for qid, period in missing:
        set_answer(data_dir, "Durham", qid, period, note=HOSTILE_NOTES[qid])


def check_words_only(markdown: str, config: str, notes: list[str]) -> None:
    html = myst_html(markdown, config)
    for bad in MARKUP:
        assert bad not in html, (bad, html)
    tree = myst_doctree(markdown, config)
    assert not list(tree.findall(nodes.raw))
    assert not list(tree.findall(nodes.reference))
    assert not list(tree.findall(nodes.literal_block))
    assert not list(tree.findall(nodes.section))
    text = tree.astext()
    for note in notes:
        # The note follows the status after a semicolon, in no brackets: its own stand as written.
        assert " ".join(note.split()) in text


@pytest.mark.parametrize("config", MYST_CONFIGS)
def test_hostile_notes_in_the_missing_answers_list_are_words(data_copy, config):
    hostile_durham(data_copy)
    ed = load_edition(data_copy, EDITION)
    markdown = force.gaps_list(ed, "E23000008").data
    missing = ed.returns[(ed.returns["force_code"] == "E23000008")
                         & (ed.returns["status"] != "answered")]
    check_words_only(markdown, config, list(missing["note"]))
    tree = myst_doctree(markdown, config)
    items = list(tree.findall(nodes.list_item))
    assert len(items) == len(missing)  # the list keeps its shape: one item per answer
    for item in items:
        assert {type(n).__name__ for n in item.findall() if n is not item} <= {
            "paragraph", "strong", "Text"}


@pytest.mark.parametrize("config", MYST_CONFIGS)
def test_a_hostile_note_of_a_force_that_answered_nothing_is_words(data_copy, config):
    """Cleveland did not respond at all: its page says so in one sentence, with the note."""
    note = "x\n\n<script>alert(1)</script>\n\n- [a](https://evil.example)"

    def edit(rows):
        for r in rows:
            if r["force_code"] == "E23000013":
                r["note"] = note

    rewrite_csv(data_copy / EDITION / "foi_returns.csv", edit)
    ed = load_edition(data_copy, EDITION)
    markdown = force.gaps_list(ed, "E23000013").data
    assert markdown.startswith("Every question, as the report coded its answer: ")
    check_words_only(markdown, config, [note])
    assert len(list(myst_doctree(markdown, config).findall(nodes.paragraph))) == 1


def test_ordinary_notes_print_as_before():
    """The committed data's notes need no escape: the list reads as it did, but for a note
    that repeats its status (issue 31: "information not held. Information not held in a
    retrievable form", 113 rows of 2024), which is said once."""
    ed = load_edition(DATA, EDITION)
    markdown = force.gaps_list(ed, "E23000008").data
    assert markdown.startswith("- **Q2** Of offences recorded as stalking (section 2A, ")
    assert markdown.endswith(", year ending March 2023: information not held in a retrievable "
                             "form‡")
    assert "held. Information not held" not in markdown
    assert "\\" not in markdown
    said_more = force.gaps_list(ed, "E23000036").data  # Avon and Somerset: a note says more
    assert ("refused: other exemption; the report's note on it: Refused under section 31 (law "
            "enforcement)‡") in said_more
    every = force.gaps_list(ed, "E23000013").data  # Cleveland did not respond at all
    assert every == ("Every question, as the report coded its answer: no response received by "
                     "the report's deadline‡.")


def test_the_briefing_prints_the_words_of_a_page_markdown(tmp_path):
    """A force without figures: its page says so in Markdown, the briefing in words (without the
    backslashes that keep a name's punctuation from being read as Markdown)."""
    import nbformat

    said = f"{markdown_text('Avon & <Somerset> *')} gave none of these figures."
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "force.standing_chart(ed, code)", outputs=[nbformat.v4.new_output(
            "execute_result", data={"text/markdown": said}, execution_count=1)])])
    path = tmp_path / "force.ipynb"
    nbformat.write(nb, path)
    assert standing_html(path, "standing-x") == (
        "<p>Avon &amp; &lt;Somerset&gt; * gave none of these figures.</p>")


@pytest.mark.parametrize("config", MYST_CONFIGS)
def test_a_hostile_force_name_in_the_year_on_year_section_is_words(tmp_path, config):
    """The section since the previous edition is Markdown with an HTML table in it: neither
    the sentence nor a line break in a table cell lets a name become markup."""
    data = tmp_path / "data"
    for part in ("reference", "public", "2024"):
        shutil.copytree(DATA / part, data / part)
    shutil.copytree(FIXTURES / "editions" / "2025", data / "2025")
    name = "Cheshire [x](https://evil.example) <script>alert(1)</script>"

    def edit(rows):
        for r in rows:
            if r["force_code"] == "E23000006":
                r["force_name"] = name

    rewrite_csv(data / "reference" / "forces.csv", edit)
    ed = load_edition(data, "2025")
    markdown = change.force_section(ed, "E23000006").data
    html = myst_html(markdown, config)
    assert "<script>" not in html and 'href="https://evil.example"' not in html
    tree = myst_doctree(markdown, config)
    assert len(list(tree.findall(nodes.title))) == 1  # the heading, and no other
    assert len(list(tree.findall(nodes.raw))) == 1      # the table, one block
    assert name in tree.astext()
