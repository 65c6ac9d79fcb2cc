"""The release pack on built output (`nsc-report press` on the session's report of the committed
edition, which it reuses: its notebooks are up to date, none is executed again): the release
carries every figure and the four quotations of the published 2024 release, each figure linked
to its register entry; Word, text, the key findings picture and the 43 local notes; and an
embargoed pack differs from the public one only by its marks."""

from __future__ import annotations

import html
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from helpers import chromium_path, run_cli

from nsc_report.publishing.embargo import Embargo
from nsc_report.publishing.register import anchor

WHEN = "2024-04-22T00:01+01:00"
LABEL = Embargo.parse(WHEN).label
# Each figure of the published release (../shared/source/press-release-2024.txt) as it
# printed it, and the register entry that holds it.
PUBLISHED = {
    "1.7%": "attrition/att_rate", "43": "data-gaps/gaps_asked",
    "2022": "reports/reports_commitment_year", "more than half": "reports/reports_pccs_share_words",
    "67%": "reports/reports_share_decreased", "5": "reports/reports_increased",
    "year ending March 2022": "reports/reports_period_previous",
    "year ending March 2023": "reports/reports_period_current",
    "12": "spo/spo_band_low", "10 or fewer": "spo/spo_band_low_label",
    "7": "officers/officers_at_least_one", "Twelve": "officers/officers_none",
    "27": "other-offences/oo_responding", "11": "other-offences/oo_detailed",
    "Eleven": "other-offences/oo_none", "Eight": "spo/spo_band_mid",
    "11 to 30": "spo/spo_band_mid_label", "3": "spo/spo_band_high",
    "more than 30": "spo/spo_band_high_label", "35": "methodology/org_years",
    "2010": "methodology/org_helpline_started", "75,000": "methodology/org_victims_supported",
    "22 April 2024": "methodology/meth_publication_date",
}
NUMBERS = {"Twelve": "12", "Eleven": "11", "Eight": "8"}
QUOTATIONS = ("victim", "interim-ceo", "shadow-attorney-general", "npcc-lead")

pytestmark = [pytest.mark.build,
              pytest.mark.skipif(chromium_path() is None, reason="Chromium is not installed "
                                 "(the pack's PDFs)")]


@pytest.fixture(scope="module")
def pack(built, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("press")
    found: dict[str, Path] = {}
    for name, extra in (("embargoed", ("--embargo", WHEN)), ("public", ())):
        result = run_cli("press", "--root", str(built.root), *extra)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "up to date: the pack is made from them" in result.stdout + result.stderr
        found[name] = Path(shutil.copytree(built.out / "press", tmp / name))
    return found


def test_the_release_carries_every_figure_and_quotation_of_the_published_release(pack, built):
    from nsc_report.publishing import review

    register = review.from_notebooks(built.notebooks, built.root / "data" / "2024" / "chapters")
    entries = register.by_id()
    record = json.loads((pack["public"] / "press.json").read_text(encoding="utf-8"))
    printed = {f["id"]: f for f in record["figures"]}
    text = (pack["public"] / "release.txt").read_text(encoding="utf-8")
    page = (pack["public"] / "release.html").read_text(encoding="utf-8")
    for published, fid in PUBLISHED.items():
        assert entries[fid]["text"] == NUMBERS.get(published, published), fid
        assert fid in printed, f"the release does not print {fid} ({published})"
        assert printed[fid]["text"] == entries[fid]["text"]
        assert printed[fid]["text"] + printed[fid]["mark"] in text
        # Each figure is tied to its register entry; with no web address yet it links nowhere
        # (a link to the build's folder became the print server's address in the PDF).
        assert f'<span class="nsc-fig" data-figure="{fid}">' in page, fid
        assert (built.html / "book" / "figures.html").read_text(encoding="utf-8").count(
            f'id="{anchor(fid)}"') == 1
    assert {q["id"] for q in record["quotations"]} >= set(QUOTATIONS)
    source = (built.root / "data" / "2024" / "sources" / "press-release-2024.txt").read_text(
        encoding="utf-8")
    for quoted in record["quotations"]:
        assert quoted["text"][:60] in source.replace("\n", " ")
    for pdf in ("release.pdf", "key-findings.pdf"):
        assert (pack["public"] / pdf).read_bytes().startswith(b"%PDF")


def test_the_word_document_and_the_text_for_email(pack):
    from docx import Document

    doc = Document(io.BytesIO((pack["public"] / "release.docx").read_bytes()))
    styles = {p.style.name for p in doc.paragraphs}
    assert {"Heading 1", "Heading 2", "Heading 3", "List Bullet", "Quote"} <= styles
    assert any(r.reltype.endswith("/footnotes") for r in doc.part.rels.values())
    text = (pack["public"] / "release.txt").read_text(encoding="utf-8")
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f]", text)  # no control character
    assert "<" not in text and text.rstrip().endswith("ENDS")


def test_the_key_findings_picture_is_an_a4_page(pack):
    from PIL import Image

    with Image.open(pack["public"] / "key-findings.png") as image:
        assert image.size == (1588, 2246)


def test_a_local_note_for_each_of_the_43_forces(pack):
    notes = sorted((pack["public"] / "notes").glob("*-2024-local-note.pdf"))
    assert len(notes) == 43
    assert len(list((pack["public"] / "notes").glob("*.html"))) == 43


def _unmarked(text: str) -> str:
    text = re.sub(r'<p class="embargo">.*?</p>\n?', "", text)
    text = text.replace('<meta name="robots" content="noindex">\n', "")
    return text.replace(f' --embargo: "{LABEL}";', "")


def test_an_embargoed_pack_differs_from_the_public_one_only_by_its_marks(pack):
    from docx import Document
    from pypdf import PdfReader

    public, held = pack["public"], pack["embargoed"]

    def files(pack: Path) -> list[str]:
        # The social cards come only from a site built under the same embargo (the next test).
        return sorted(n for n in (p.relative_to(pack).as_posix() for p in pack.rglob("*")
                                  if p.is_file()) if not n.startswith("cards/"))

    names = files(public)
    assert names == files(held)
    for name in (n for n in names if n.endswith(".html")):
        marked = (held / name).read_text(encoding="utf-8")
        assert LABEL in marked and 'content="noindex"' in marked, name
        assert _unmarked(marked) == (public / name).read_text(encoding="utf-8"), name
    lines = (held / "release.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith(LABEL)
    assert lines[2:] == (public / "release.txt").read_text(encoding="utf-8").splitlines()
    paragraphs = [p.text for p in Document(str(held / "release.docx")).paragraphs]
    assert paragraphs[0].startswith(LABEL)
    assert paragraphs[1:] == [p.text for p in Document(str(public / "release.docx")).paragraphs]
    record = json.loads((held / "press.json").read_text(encoding="utf-8"))
    assert record.pop("embargo") == LABEL
    for printed in (*record["figures"], *record["quotations"]):
        printed["lines"] = [n - 2 for n in printed["lines"]]  # below the embargo's two lines
    public_record = json.loads((public / "press.json").read_text(encoding="utf-8"))
    assert public_record.pop("embargo") == "" and record == public_record
    for pdf in ("release.pdf", "key-findings.pdf", "notes/durham-2024-local-note.pdf"):
        assert LABEL in (PdfReader(str(held / pdf)).pages[0].extract_text() or ""), pdf
        assert LABEL not in (PdfReader(str(public / pdf)).pages[0].extract_text() or ""), pdf


def test_the_pack_holds_the_sites_cards_only_under_the_same_embargo(pack, built):
    """The social cards and their manifest (alt text, text to post) go into the pack as the
    site drew them: the session's site is public, so the public pack has them and the
    embargoed one, whose cards would have to carry the embargo, does not."""
    from PIL import Image

    cards = pack["public"] / "cards"
    manifest = json.loads((cards / "cards.json").read_text(encoding="utf-8"))
    assert manifest["embargo"] is None and len(manifest["cards"]) > 5
    site = built.html / "_static" / "cards"
    for card in manifest["cards"]:
        assert card["alt"] and card["post"], card["file"]
        png = (cards / card["file"]).read_bytes()
        assert png == (site / card["file"]).read_bytes()
        with Image.open(io.BytesIO(png)) as image:
            assert image.size == (1200, 630)
    assert not (pack["embargoed"] / "cards").exists()


def test_the_pack_prints_no_return_arrow_cut_citation_or_unheld_source(pack):
    """Fact-check 5, B9 (a) and (b), B3 and B8 on the printed pack: release.pdf's notes ended
    with "↩" (a link that points nowhere on paper); the posts cut a citation mid-phrase ("...of
    England and..."); every local note credited the ONS and the BBC Data Unit, whose figures
    City of London's prints none of; the standfirst had the Consortium ask the forces."""
    from pypdf import PdfReader

    public = pack["public"]
    printed = "".join(p.extract_text() or "" for p in PdfReader(str(public / "release.pdf")).pages)
    assert "↩" not in printed and "Notes" in printed
    assert "↩" in (public / "release.html").read_text(encoding="utf-8")  # kept on screen
    text = (public / "release.txt").read_text(encoding="utf-8")
    assert "Consortium asked" not in text and "has run the" not in text
    manifest = json.loads((public / "cards" / "cards.json").read_text(encoding="utf-8"))
    for card in manifest["cards"]:
        source = card["post"].partition("Source: ")[2]
        assert "…" not in source, card["post"]
    note = (public / "notes" / "city-of-london-2024-local-note.html").read_text(encoding="utf-8")
    credit = re.search(r"Compiled by ([^;]+);", note)
    assert credit and "Office for National Statistics" not in credit.group(1)
    assert "BBC Data Unit" not in credit.group(1)


def test_the_key_findings_picture_has_the_pages_top_margin(pack):
    """Fact-check 5, B9 (c): the kicker sat against the top edge of the picture (a screenshot
    has no @page margins); the findings still fill the page (fact-check 4, B11)."""
    from PIL import Image

    with Image.open(pack["public"] / "key-findings.png") as image:
        rgb = image.convert("RGB")
        width, height = rgb.size
        # 16 mm of the page's 297 mm: no ink above the first 12 mm.
        band = rgb.crop((0, 0, width, round(height * 12 / 297)))
        assert band.getextrema() == ((255, 255), (255, 255), (255, 255)), "ink at the top edge"
        # The lowest ink is in the last fifth of the page: the findings fill it.
        white = ((255, 255), (255, 255), (255, 255))
        rows = [y for y in range(height - 1, 0, -8)
                if rgb.crop((0, y, width, y + 1)).getextrema() != white]
        assert rows and rows[0] > height * 0.8, rows[:1]


def test_a_local_note_states_what_is_on_the_public_record(pack):
    """Fact-check 6, B3: South Yorkshire's local note printed only its constructed count of
    officers, and Nottinghamshire's left out the commitment its page states; each now says
    what the force or its Commissioner made public, and a force with nothing public has none."""
    notes = pack["public"] / "notes"

    def words_of(name: str) -> str:
        page = (notes / f"{name}-2024-local-note.html").read_text(encoding="utf-8")
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())

    for force, said in (("south-yorkshire", "has said that it has at least one dedicated"),
                        ("nottinghamshire", "made the 2022 commitment")):
        note = words_of(force)
        assert "What is on the public record" in note and said in note, force
    assert "What is on the public record" not in words_of("durham")


def test_no_local_note_sets_a_bracket_beside_a_bracket(pack):
    """Fact-check 10, B4: "refused: cost limit (section 12) (8‡ of 13 questions)" and "no
    number (answered in part) (At request; ...)": a status's own brackets, set before a
    bracket, become a clause, as they do set inside one."""
    notes = sorted((pack["public"] / "notes").glob("*.html"))
    assert len(notes) == 43
    for note in notes:
        page = re.sub(r"<(script|style)\b.*?</\1>", " ", note.read_text(encoding="utf-8"),
                      flags=re.S)
        text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))
        assert not re.search(r"\)\s*\(", text), (note.name, re.findall(r".{60}\)\s*\(.{40}",
                                                                       text))
    herts = (pack["public"] / "notes" / "hertfordshire-2024-local-note.html").read_text(
        encoding="utf-8")
    assert "refused: cost limit, section 12 (" in html.unescape(herts)
    # Set after a colon or a comma and in brackets, no answer or period starts with a capital
    # (fact-check 11, B8: "(At request)" 104 times).
    assert "(At request" not in herts and "(at request" in herts
