"""The words that were still typed in Python (issue 32): the charts' download links and the
words around every chart and table, the column headings tables share, and the request letters.
Each is now read from its words file, so that an author's edit there is what the reader sees,
and a value (an address, a name) enters the words escaped, never as markup."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest
from helpers import DATA, EDITION, with_reply_address

from nsc_report.cycle.letters import letter
from nsc_report.data import load_edition
from nsc_report.present import words
from nsc_report.present.chart_builders import bar_counts
from nsc_report.present.charts import AccessibleChart
from nsc_report.present.tables import Table
from nsc_report.sections import force

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def _edited(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A copy of the words files with one sentence of one file reworded, as an author would."""
    folder = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, folder, ignore=shutil.ignore_patterns("*.md", "*.ipynb"))
    path = folder / f"{name}.ftl"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")
    return folder


def _chart(name: str = "demo") -> AccessibleChart:
    data = pd.DataFrame({"answer": ["Yes", "No"], "forces": [7, 12]})
    return AccessibleChart(name=name, chart=bar_counts(data, "answer", "forces", "A", "F"),
                           title="Only 7 <b>forces</b> said yes", caption="Forces by answer.",
                           alt_text="Bar chart.", table=data)


@pytest.fixture(scope="module")
def edition():
    return load_edition(DATA, EDITION, lazy=True)


def test_a_charts_download_links_and_table_words_come_from_its_words_file(tmp_path):
    html = _chart().html(svg="")
    assert ('<a class="nsc-download" download="demo.csv" href="downloads/charts/demo.csv">'
            "Download the data (CSV)</a>") in html
    assert "<summary>Show the data table</summary>" in html
    assert "<caption>Data for: Only 7 &lt;b&gt;forces&lt;/b&gt; said yes</caption>" in html
    folder = _edited(tmp_path, "charts", "Download the data (CSV)", "Get the figures (CSV)")
    with words.reading_from(folder):
        assert ">Get the figures (CSV)</a>" in _chart().html(svg="")


def test_a_download_address_enters_the_link_escaped():
    html = _chart('x" onclick="alert(1)').html(svg="")
    links = html[html.index('<p class="nsc-chart-downloads">'):]
    assert 'onclick="alert' not in links
    assert 'href="downloads/charts/x&quot; onclick=&quot;alert(1).csv"' in links


def test_a_tables_region_is_named_from_the_words_file(tmp_path):
    table = Table("t", "Answers <by> force", pd.DataFrame({"a": [1]}))
    assert 'aria-label="Table: Answers &lt;by&gt; force"' in table.html()
    with words.reading_from(_edited(tmp_path, "charts", "Table: { $caption }",
                                    "Tabl: { $caption }")):
        assert 'aria-label="Tabl: Answers &lt;by&gt; force"' in table.html()


def test_the_column_headings_tables_share_come_from_labels_ftl(tmp_path, edition):
    code = str(edition.forces["force_code"].iloc[0])
    assert list(force.answers_table(edition, code).frame.columns) == [
        "Question", "Period", "Answer", "Note"]
    folder = _edited(tmp_path, "labels", "[question] Question", "[question] Cwestiwn")
    with words.reading_from(folder):
        assert list(force.answers_table(edition, code).frame.columns)[0] == "Cwestiwn"


def test_the_request_letters_sentences_come_from_letters_ftl(tmp_path, edition):
    ed = with_reply_address(edition)
    text = letter(ed, "E23000008", "Durham <b>", dt.date(2025, 1, 6))
    assert "Dear Freedom of Information officer," in text
    assert "To: the Freedom of Information officer, Durham \\<b\\>" in text  # a name is data
    folder = _edited(tmp_path, "letters", "letters-greeting = Dear Freedom of Information officer,",
                     "letters-greeting = Dear colleague,")
    with words.reading_from(folder):
        assert "\nDear colleague,\n" in letter(ed, "E23000008", "Durham", dt.date(2025, 1, 6))


def test_the_sites_and_the_printed_reports_headings_come_from_their_words_files(tmp_path):
    from nsc_report.publishing import register, stage
    toc = {"root": "book/index", "parts": [{"caption": "F", "chapters": [{"file": "book/a"}]}]}
    head = register._table("spo", "SPO", [], {}, None)
    assert '<th scope="col">As printed</th>' in head
    assert stage.print_toc(toc)["parts"][-1]["caption"] == "Annex"
    folder = _edited(tmp_path, "site", "[printed] As printed", "[printed] Printed as")
    folder = _edited(tmp_path / "again", "print", "print-annex-caption = Annex",
                     "print-annex-caption = Annexes")
    shutil.copy(tmp_path / "notebooks" / "site.ftl", folder / "site.ftl")
    with words.reading_from(folder):
        assert '<th scope="col">Printed as</th>' in register._table("spo", "SPO", [], {}, None)
        assert stage.print_toc(toc)["parts"][-1]["caption"] == "Annexes"


def test_a_cards_source_line_comes_from_cards_ftl(tmp_path, edition):
    from nsc_report.publishing import cards
    card = cards.Card("index", "book/index", "The report", None)
    assert cards.face(card, edition, None).source == f"Published by {edition.meta.publisher}"
    folder = _edited(tmp_path, "cards", "*[no] Published by { $source }",
                     "*[no] From { $source }")
    with words.reading_from(folder):
        assert cards.face(card, edition, None).source == f"From {edition.meta.publisher}"
