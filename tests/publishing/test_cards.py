"""The social cards: 1200 x 630 PNGs whose figures are the register's, as printed, with their
marks and caveats, alt text as the ONS asks (what it is, the finding, the source) and the text
to post, in a manifest. Built here from a small staged book, without a build."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from helpers import DATA, EDITION

from nsc_report.data import load_edition
from nsc_report.infra.user_cache import CACHE_ENV
from nsc_report.publishing import cards
from nsc_report.publishing.cardtext import Face, draw, text_width, wrap
from nsc_report.publishing.embargo import Embargo

TOC = {"root": "book/index", "parts": [{"caption": "Findings", "chapters": [
    {"file": "book/spo"}, {"file": "book/notes"}, {"file": "book/forces-list",
                                                   "sections": [{"glob": "book/forces/*"}]}]}]}


def _entry(fid: str, text: str, status: str = "published", kind: str = "figure",
           caveat: str | None = None, sources: list[str] | None = None) -> dict:
    notebook, key = fid.rsplit("/", 1)
    return {"id": fid, "notebook": notebook, "key": key, "kind": kind, "text": text,
            "status": status, "caveat": caveat, "definition": f"what {key} is",
            "finding": f"{key} found", "sources": ["A cited source, 2024"]
            if sources is None else sources, "pages": []}


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """A staged book: a landing page, a chapter and a page without figures, with the register
    the build would have written."""
    book = tmp_path / "book"
    (book / "downloads").mkdir(parents=True)
    (book / "index.md").write_text("# Typed title\n\nThe lede.\n\n"
                                   "**{glue:text}`attrition.ipynb::att_rate:s`** of cases.\n"
                                   "**{glue:text}`spo.ipynb::spo_band_low:s`** forces.\n")
    (book / "spo.md").write_text("# Stalking *Protection* Orders\n\n{glue:text}`spo_total` in "
                                 "all, {glue:text}`spo_band_low` applied for few.\n")
    (book / "notes.md").write_text("# Notes and definitions\n\nNo figures here.\n")
    figures = [_entry("attrition/att_rate", "1.7%", "unverified", caveat="Period unconfirmed."),
               _entry("spo/spo_total", "23", "illustrative", caveat="Constructed."),
               _entry("spo/spo_band_low", "12", "illustrative", caveat="Constructed.")]
    (book / "downloads" / "figures.json").write_text(json.dumps({"figures": figures}))
    return book


@pytest.fixture(scope="module")
def edition():
    return load_edition(DATA, EDITION, lazy=True)


def test_each_card_shows_a_figure_of_the_register_with_its_mark(book: Path, edition):
    planned = {c.name: c for c in cards.plan(book, TOC, edition)}
    assert list(planned) == ["index", "spo", "notes"]  # force pages show the default card
    assert planned["index"].title == edition.meta.title  # not the heading typed in index.md
    assert planned["index"].figure["id"] == "attrition/att_rate"
    # A chapter shows the edition's headline figure that it computes (the landing page's),
    # not merely the first figure it prints.
    assert planned["spo"].figure["id"] == "spo/spo_band_low"
    assert planned["spo"].title == "Stalking Protection Orders"
    assert planned["notes"].figure is None
    face = cards.face(planned["spo"], edition, None)
    assert (face.figure, face.mark) == ("12", "‡")
    assert face.caveat == "Illustrative data, not real answers."
    assert cards.face(planned["index"], edition, None).mark == "†"
    assert cards.face(planned["index"], edition, None).caveat == "Period unconfirmed."


def test_a_sentence_or_a_name_is_never_set_large(book: Path, edition):
    figures = json.loads((book / "downloads" / "figures.json").read_text())["figures"]
    figures[2] = _entry("spo/spo_band_low", "twelve forces in all", kind="text")
    figures[1] = _entry("spo/spo_total", "Durham", "illustrative")
    (book / "downloads" / "figures.json").write_text(json.dumps({"figures": figures}))
    planned = {c.name: c for c in cards.plan(book, TOC, edition)}
    assert planned["spo"].figure is None


def test_alt_text_says_what_it_is_the_finding_and_the_source(book: Path, edition):
    spo = next(c for c in cards.plan(book, TOC, edition) if c.name == "spo")
    alt = cards.alt_text(spo, edition, None)
    assert alt.startswith("Social media card for the chapter “Stalking Protection Orders” of "
                          "Joining forces against stalking (2024)")
    assert "It shows 12 spo_band_low found (illustrative)." in alt
    assert "Illustrative data, not real answers." in alt
    assert alt.endswith("Source: A cited source, 2024.")
    held = cards.alt_text(spo, edition, Embargo.parse("2024-04-22T00:01+01:00"))
    assert held.startswith("EMBARGOED UNTIL 00:01 BST 22 April 2024. ")


def test_the_post_keeps_the_caveat_and_fits_a_post(book: Path, edition):
    spo = next(c for c in cards.plan(book, TOC, edition) if c.name == "spo")
    long = dict(spo.figure, finding="a finding " * 30, sources=["a source " * 30])
    card = cards.Card(spo.name, spo.page, spo.title, long)
    url = "https://report.example.org/book/spo.html"
    post = cards.post_text(card, edition, url)
    assert post.startswith("12‡ a finding")
    assert "‡ Illustrative data, not real answers." in post and post.endswith(url)
    assert len(post) - len(url) + cards.LINK_LENGTH <= cards.POST_LIMIT
    # The source is not dropped: a citation too long to fit whole gives way to the report,
    # which cites it in full (never a citation cut mid-phrase, fact-check 5 B9).
    assert "Source: the report, which cites it in full." in post
    short = cards.post_text(spo, edition, None)
    assert short == ("12‡ spo_band_low found. ‡ Illustrative data, not real answers. "
                     "Source: A cited source, 2024.")


def test_the_cards_are_pngs_of_1200_by_630_listed_in_a_manifest(book: Path, edition,
                                                                tmp_path: Path, monkeypatch):
    from PIL import Image

    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    written = cards.write_cards(book, TOC, edition, "https://report.example.org/", None)
    folder = book / cards.FOLDER
    assert {p.name for p in written} == {"index.png", "spo.png", "notes.png", "cards.json"}
    for name in ("index.png", "spo.png", "notes.png"):
        with Image.open(io.BytesIO((folder / name).read_bytes())) as image:
            assert image.format == "PNG" and image.size == (1200, 630)
    manifest = json.loads((folder / "cards.json").read_text())
    assert manifest["default"] == "index.png" and manifest["embargo"] is None
    spo = next(c for c in manifest["cards"] if c["page"] == "book/spo")
    assert spo["figure"] == {"id": "spo/spo_band_low", "text": "12", "status": "illustrative",
                             "mark": "‡", "sources": ["A cited source, 2024"]}
    assert spo["url"] == "https://report.example.org/book/spo.html"
    assert spo["alt"] and spo["post"].endswith(spo["url"])
    # The same inputs give the same bytes; a card drawn once is not drawn again.
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    cached = sorted((tmp_path / "cache").rglob("*.png"))
    assert len(cached) == 3

    def drawn_again(svg: str) -> bytes:
        raise AssertionError("a kept card was drawn again")

    monkeypatch.setattr("vl_convert.svg_to_png", drawn_again)
    cards.write_cards(book, TOC, edition, "https://report.example.org/", None)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert sorted((tmp_path / "cache").rglob("*.png")) == cached


def test_the_svg_prints_what_the_face_holds_and_nothing_typed():
    face = Face("Kicker & co", "A <title>", figure="12", mark="‡", caption="what it is",
                caveat="Illustrative data, not real answers.", source="S", address="x.org",
                embargo="EMBARGOED UNTIL 00:01 BST 22 April 2024")
    svg = draw(face, 'alt "text"')
    assert ">12<" in svg and ">‡<" in svg and "EMBARGOED UNTIL" in svg
    assert "A &lt;title&gt;" in svg and "Kicker &amp; co" in svg  # text, not markup
    assert 'aria-label="alt &quot;text&quot;"' in svg
    assert "EMBARGOED" not in draw(Face("k", "t", figure="12"), "alt")


@pytest.mark.parametrize("text", ["Joining forces against stalking: how police forces and "
                                  "the CPS record and act on stalking, in every force area",
                                  "Supercalifragilisticexpialidocious " * 3, "Short"])
def test_lines_are_broken_within_the_width(text: str):
    lines = wrap(text, 50, 600, bold=True, lines=2)
    assert 1 <= len(lines) <= 2
    assert all(text_width(line, 50, bold=True) <= 600 for line in lines)
    if text_width(text, 50, bold=True) > 1200:
        assert lines[-1].endswith("…")


def test_widths_are_liberation_sans():
    # Liberation Sans is metrically compatible with Arial: 'W' is 0.944 em in bold, 'i' 0.222.
    assert text_width("W", 100, bold=True) == pytest.approx(94.4)
    assert text_width("iiii", 100) == pytest.approx(88.8)
