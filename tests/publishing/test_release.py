"""The press release's template, its writers and what `nsc-report check` asks of them, on
synthetic templates and registers (no build): references resolved with their marks and
lines, hostile values kept as text in HTML, Word and plain text, the Word document's real
structure, and each kind of problem named by file and line."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers import DATA, EDITION, ROOT, copy_data

from nsc_report.data import load_edition
from nsc_report.present import words
from nsc_report.publishing import check, press_check, release
from nsc_report.publishing.embargo import Embargo
from nsc_report.publishing.release_docx import document_docx
from nsc_report.publishing.release_render import body_html, document_text

HOSTILE = '<script>alert(1)</script>\x1b[31m & "x"\u202e\nFAKE HEADING'
TEMPLATE = """# Only {fig}`attrition/att_rate` end in a conviction

**London, {edition}`publication_date`.** Of the forces, {fig}`spo/spo_band_low` applied
rarely.[^bands] The force {fig}`spo/spo_top_force` made the most.

A victim said:

:::{nsc-quote} victim
:::

- {quote}`rec-plan`
- A second item

[^bands]: {fig}`spo/spo_band_mid` applied for more.
"""


def entry(fid: str, text: str, status: str = "published", caveat: str = "") -> dict:
    return {"id": fid, "text": text, "status": status, "caveat": caveat, "sources": ["FOI"]}


FIGURES = {e["id"]: e for e in (
    entry("attrition/att_rate", "1.7%"),
    entry("spo/spo_band_low", "12", "illustrative", "Constructed answers."),
    entry("spo/spo_band_mid", "8", "illustrative", "Constructed answers."),
    entry("spo/spo_top_force", HOSTILE, "illustrative", "Constructed answers."))}
QUOTES = {"victim": SimpleNamespace(who="A victim", role=None, text="It took about 9 months."),
          "rec-plan": SimpleNamespace(who="The Trust", role=None, text="A national plan.")}
FIELDS = {name: "" for name in release.FIELDS} | {"publication_date": "22 April 2024"}


def sources(figures: dict = FIGURES) -> release.Sources:
    return release.Sources(figures, QUOTES, FIELDS, lambda fid: f"../html/figures.html#{fid}")


def resolved(text: str = TEMPLATE) -> release.Document:
    return release.resolve(release.parse(text, Path("release.md")), sources(), lambda f: f)


@pytest.fixture
def w():
    return words.Words("press")


def test_every_reference_is_resolved_with_its_mark_link_and_line():
    doc = resolved()
    heading = doc.blocks[0]
    assert heading.kind == "heading" and release.plain(heading.inlines) == (
        "Only 1.7% end in a conviction")
    para = doc.blocks[1]
    figs = [i for i in para.inlines if i.kind == "fig"]
    assert [(f.text, f.mark) for f in figs][:1] == [("12", "‡")]
    assert figs[0].href == "../html/figures.html#spo/spo_band_low"
    assert [b.kind for b in doc.blocks] == ["heading", "para", "para", "quotation", "list"]
    assert doc.quotations == ["victim", "rec-plan"]
    assert release.plain(doc.notes[0]) == "8‡ applied for more."
    assert doc.legend == [("‡", "illustrative", "Constructed answers.")]
    refs = release.references(release.parse(TEMPLATE, Path("release.md")))
    assert ("fig", "spo/spo_band_low", 3) in {(r.role, r.name, r.line) for r in refs}
    assert ("quote", "victim", 8) in {(r.role, r.name, r.line) for r in refs}


def test_a_reference_to_nothing_stops_the_pack_naming_file_and_line():
    text = TEMPLATE.replace("spo/spo_band_low", "spo/no_such_figure")
    with pytest.raises(release.PressError, match=r"release.md:3: \{fig\}`spo/no_such_figure`"):
        resolved(text)


def test_hostile_values_stay_text_in_html(w):
    page = body_html(resolved(), "en-GB")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert 'data-figure="spo/spo_top_force"' in page


def test_hostile_values_are_neutralised_in_the_text_and_each_figure_has_its_line(w):
    text, placed = document_text(resolved(), "en-GB", None)
    assert "\x1b" not in text and "\u202e" not in text
    lines = text.splitlines()
    assert not any(line.startswith("FAKE HEADING") for line in lines)
    line = lines[placed["fig:spo/spo_band_low"][0] - 1]
    assert "12‡" in line and "(1)" in line
    assert placed["quote:victim"] and "“It took about 9 months.”" in text
    assert "- A national plan." in lines and lines[-1] == "ENDS"
    assert "(1) 8‡ applied for more." in text


def test_the_word_document_has_headings_lists_quotations_and_real_footnotes(w):
    from docx import Document

    data = document_docx(resolved(), "Title", "Publisher", "en-GB",
                         __import__("datetime").date(2024, 4, 22), None)
    doc = Document(io.BytesIO(data))
    styles = [(p.style.name, p.text) for p in doc.paragraphs]
    assert styles[0] == ("Heading 1", "Only 1.7% end in a conviction")
    assert ("List Bullet", "A national plan.") in styles
    assert ("Quote", "“It took about 9 months.”") in styles
    assert any("\x1b" not in t and "FAKE HEADING" in t for _, t in styles)  # one run, as text
    footnotes = [r for r in doc.part.rels.values() if r.reltype.endswith("/footnotes")]
    assert len(footnotes) == 1
    xml = footnotes[0].target_part.blob.decode()
    assert "8‡ applied for more." in "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml))
    assert b"footnoteReference" in doc.part.blob
    assert doc.core_properties.title == "Title"


def test_an_embargoed_document_differs_only_by_its_marks(w):
    when = Embargo.parse("2024-04-22T00:01+01:00")
    public, _ = document_text(resolved(), "en-GB", None)
    held, _ = document_text(resolved(), "en-GB", when)
    assert held.splitlines()[0].startswith(when.label)
    assert held.splitlines()[2:] == public.splitlines()


def test_typed_numbers_and_quotations_are_problems_with_their_lines():
    text = TEMPLATE.replace("applied\nrarely", "applied\n12 times, and \u201cthe police never "
                            "answered my calls at all\u201d")
    found = release.problems(release.parse(text, Path("release.md")), sources(),
                             {"press": "The police did not answer."})
    assert (4, "check-press-typed-number", {"number": "12"}) in found
    assert any(line == 4 and message == "check-press-typed-quote" for line, message, _ in found)
    verbatim_quote = text.replace("the police never answered my calls at all",
                                  "the police did not answer")
    found = release.problems(release.parse(verbatim_quote, Path("release.md")), sources(),
                             {"press": "She said the police did not answer."})
    assert not any(m == "check-press-typed-quote" for _, m, _ in found)


@pytest.fixture(scope="module")
def edition():
    return load_edition(DATA, EDITION)


def _pack(tmp_path: Path, figures: list[dict], text: str, quotations: list | None = None
          ) -> Path:
    pack = tmp_path / "press"
    pack.mkdir()
    (pack / "release.txt").write_text(text, encoding="utf-8")
    (pack / "press.json").write_text(json.dumps({
        "edition": EDITION, "text": "release.txt", "figures": figures,
        "quotations": quotations or []}), encoding="utf-8")
    return pack


def test_a_pack_whose_figures_differ_from_the_report_or_lack_their_mark_fails(tmp_path,
                                                                               edition):
    pack = _pack(tmp_path, [
        {"id": "spo/spo_band_low", "text": "12", "lines": [1]},
        {"id": "spo/spo_band_mid", "text": "9", "lines": [2]},
        {"id": "spo/gone", "text": "4", "lines": [2]},
        {"id": "attrition/att_rate", "text": "1.7%", "lines": [2]}],
        "Twelve: 12 forces\nOnly 1.7% convicted\n",
        [{"id": "victim", "text": "x", "lines": [2]}])
    found = {(p.name, line, message) for p, line, message, _ in press_check.pack_problems(
        edition, pack, {e["id"]: e for e in (
            entry("spo/spo_band_low", "12", "illustrative"),
            entry("spo/spo_band_mid", "8", "illustrative"),
            entry("attrition/att_rate", "1.7%"))})}
    assert found == {("release.txt", 1, "check-press-no-mark"),
                     ("press.json", None, "check-press-differs"),
                     ("press.json", None, "check-press-not-in-register"),
                     ("release.txt", 2, "check-press-quote-differs")}


def test_check_names_the_template_file_and_line(tmp_path):
    data = copy_data(tmp_path / "data")
    path = data / EDITION / "press" / "release.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[4] += " In 43 cases {fig}`spo/no_such_figure` and {quote}`no-such-quote`."
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = [str(p) for p in check.check(ROOT, data, EDITION, notebooks=ROOT / "book")
                if p.kind == check.PRESS]
    assert len(problems) == 3, problems
    assert all(p.split(": ", 1)[0].endswith("press/release.md:5") for p in problems)
    text = "\n".join(problems)
    assert "not in the register of figures: spo/no_such_figure" in text
    assert "quotations.yml does not hold: no-such-quote" in text
    assert "a number typed into the release's words: 43" in text


def test_the_committed_templates_pass_the_check():
    problems = [p for p in check.check(ROOT, DATA, EDITION, notebooks=ROOT / "book")
                if p.kind == check.PRESS]
    assert problems == []
