"""Release day, on built output: every page's OpenGraph and Twitter card metadata and its social
card, the embargo (an embargoed build and a public build differ only in the embargo's marks),
the pre-release access list in the Code of Practice statement and the release calendar.

One edition of nine forces (what is tested does not depend on how many), with a public address
and an announced next edition, built twice: public, then under embargo. Its PDFs are printed
both times where Chromium is installed."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from helpers import DATA, EDITION, chromium_path, run_cli, small_data

from nsc_report.data import load_edition
from nsc_report.publishing.embargo import Embargo
from nsc_report.publishing.register import register_json

BASE = "https://report.example.org/"
WHEN = "2024-04-22T00:01+01:00"
LABEL = Embargo.parse(WHEN).label  # EMBARGOED UNTIL 00:01 BST 22 April 2024
PDF = "nsc-stalking-report-2024.pdf"

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("release")
    data = small_data(DATA, tmp / "data")
    meta = data / EDITION / "edition.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace(
        'site_url: ""       # the published web book\'s address: not decided yet',
        f'site_url: "{BASE}"') + "next_edition:\n  publication_date: 2025-04-21\n",
        encoding="utf-8")
    out = tmp / "out"
    found = {}
    for name, extra in (("public", ()), ("embargoed", ("--embargo", WHEN))):
        result = run_cli("report", "--data-dir", str(data), "--edition", EDITION, "--out",
                         str(out), *extra)
        assert result.returncode == 0, result.stdout + result.stderr
        shutil.copytree(out / "html", tmp / name)
        if (out / "pdf" / PDF).is_file():
            shutil.copytree(out / "pdf", tmp / f"{name}-pdf")
        found[name] = tmp / name
    found["data"] = data
    return found


def pages(site: Path) -> list[Path]:
    """Every page of a site (not the theme's templates kept among the static files)."""
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts)


def tags(page: Path) -> dict[str, str]:
    """A page's OpenGraph, Twitter, description and robots tags."""
    import html

    return {m.group(1): html.unescape(m.group(2)) for m in re.finditer(
        r'<meta (?:property|name)="((?:og|twitter):[a-z:_]+|description|robots)" '
        r'content="([^"]*)" />', page.read_text(encoding="utf-8"))}


def test_every_page_carries_its_card_and_metadata(release):
    from PIL import Image

    site = release["public"]
    checked = 0
    for page in pages(site):
        found = tags(page)
        where = page.relative_to(site).as_posix()
        for key in ("og:title", "og:description", "og:image", "og:image:alt", "og:url",
                    "description"):
            assert found.get(key), f"{where}: no {key}"
        assert found["twitter:card"] == "summary_large_image", where
        assert found["og:url"] == BASE + ("" if where == "index.html" else where), where
        assert found["og:image"].startswith(BASE + "_static/cards/"), where
        card = site / found["og:image"].removeprefix(BASE)
        with Image.open(io.BytesIO(card.read_bytes())) as image:  # a file shipped with the site
            assert (image.format, image.size) == ("PNG", (1200, 630)), where
        assert (found["og:image:width"], found["og:image:height"]) == ("1200", "630")
        assert "robots" not in found, where  # the public build is indexed
        checked += 1
    assert checked > 30


def test_each_chapter_has_its_own_card_with_a_registered_figure(release):
    site = release["public"]
    register = {e["id"]: e for e in json.loads(
        register_json(site / "book" / "downloads").read_text())["figures"]}
    manifest = json.loads((site / "_static" / "cards" / "cards.json").read_text())
    assert manifest["embargo"] is None and manifest["default"] == "index.png"
    by_page = {c["page"]: c for c in manifest["cards"]}
    assert {"book/index", "book/spo", "book/reports", "book/attrition", "book/notes"} <= set(
        by_page)
    for card in manifest["cards"]:
        figure = card["figure"]
        if figure is not None:  # as printed in the register, with its status's mark
            entry = register[figure["id"]]
            assert figure["text"] == entry["text"]
            assert figure["mark"] == {"illustrative": "‡", "unverified": "†"}.get(
                entry["status"], "")
            # ... with its finding in plain words (a register definition is not for a card)
            assert f"It shows {figure['text']} {entry['finding']}" in card["alt"]
            said = f"{figure['text']}{figure['mark']} {entry['finding']}"
            assert card["post"].startswith(said)
            if figure["mark"]:
                assert f"{figure['mark']} " in card["post"][len(said):]
        assert len(card["post"]) - len(card["url"]) + 23 <= 280
        assert card["alt"].startswith("Social media card for")
        assert (site / "_static" / "cards" / card["file"]).is_file()
    spo = tags(site / "book" / "spo.html")
    assert spo["og:image"] == BASE + "_static/cards/spo.png"
    assert spo["og:image:alt"] == by_page["book/spo"]["alt"]
    assert "(illustrative)" in spo["og:image:alt"]
    # A force page shows the default card; its description is its own first paragraph.
    durham = tags(site / "book" / "forces" / "durham.html")
    assert durham["og:image"] == BASE + "_static/cards/index.png"
    assert durham["og:description"].startswith("Durham is one of the")
    # The landing page's description keeps its figures (raw HTML, which the extension drops).
    assert tags(site / "book" / "index.html")["og:description"].startswith("Police forces")


# --- the embargo ---------------------------------------------------------------------------

TEXT = {".html", ".json", ".js", ".css", ".txt", ".ics", ".csv", ".svg"}


def unmark(text: str) -> str:
    """An embargoed file less the embargo's marks: the noindex tag, the banner, the words on a
    card's alt text and the manifest's record of it."""
    text = text.replace('<meta name="robots" content="noindex" />\n', "")
    text = re.sub(r'<span class="nsc-embargo">.*?</span> ?', "", text)
    text = text.replace(f"{LABEL}. ", "")
    return text.replace(f'"embargo": "{LABEL}"', '"embargo": null')


def test_an_embargoed_build_differs_from_the_public_one_only_in_its_marks(release):
    public, held = release["public"], release["embargoed"]
    files = sorted(p.relative_to(public) for p in public.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(held) for p in held.rglob("*") if p.is_file())
    for rel in files:
        a, b = (public / rel).read_bytes(), (held / rel).read_bytes()
        if rel.suffix in TEXT:
            assert unmark(b.decode()) == a.decode(), rel
        elif rel.parts[:2] == ("_static", "cards") or rel.suffix == ".pdf":
            continue  # the cards carry the mark in the picture; the PDFs are compared below
        else:
            assert a == b, rel
    for page in pages(held):
        text = page.read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex" />' in text, page
        if page.name != "index.html" or page.parent != held:  # the root only redirects
            assert f'<span class="nsc-embargo"><strong>{LABEL}.</strong>' in text, page
    manifest = json.loads((held / "_static" / "cards" / "cards.json").read_text())
    assert manifest["embargo"] == LABEL
    assert all(c["alt"].startswith(f"{LABEL}. ") for c in manifest["cards"])
    assert not any(LABEL in c["post"] for c in manifest["cards"])  # what is posted after


@pytest.mark.skipif(chromium_path() is None, reason="Chromium is not installed")
def test_every_page_of_the_pdf_and_the_briefings_is_marked(release):
    from helpers import pdf_pages

    public, held = release["public"].parent / "public-pdf", release["embargoed"].parent / \
        "embargoed-pdf"
    briefings = sorted(p.name for p in (held / "forces").glob("*.pdf"))
    assert len(briefings) == 9
    for name in [PDF, *(f"forces/{b}" for b in briefings)]:
        marked, plain = pdf_pages(held / name), pdf_pages(public / name)
        assert len(marked) == len(plain), name  # the same pages, page for page
        assert all(LABEL in text for text in marked), name
        assert not any("EMBARGOED" in text for text in plain), name
    # Each site publishes its own print; the version kept is the public one.
    for site, pdfs in ((release["public"], public), (release["embargoed"], held)):
        assert (site / "book" / "downloads" / PDF).read_bytes() == (pdfs / PDF).read_bytes()
    version = load_edition(DATA, EDITION).version.version  # the version the build prints
    kept = held / "versions" / f"nsc-stalking-report-2024-v{version}.pdf"
    assert kept.read_bytes() == (public / PDF).read_bytes()


# --- what the release records ----------------------------------------------------------------

def _text(page: Path) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return " ".join(soup.get_text(" ").split())


def test_the_code_of_practice_prints_who_had_the_findings_before_publication(release):
    text = _text(release["public"] / "book" / "code-of-practice.html")
    # Those the release shows, and that whether anyone else had them is not recorded (the list
    # is not complete: fact-check 5, B4).
    assert ("Pre-release access. The release shows that before publication these 2 people "
            "outside the team") in text
    assert "Whether anyone else outside the team had them is not recorded." in text
    assert "Emily Thornberry" in text and "Deputy Chief Constable Paul Mills" in text
    assert "Nobody outside the team" not in text


def test_the_editions_page_offers_the_next_edition_as_a_calendar_file(release):
    import datetime as dt

    import icalendar

    site = release["public"]
    text = _text(site / "book" / "editions.html")
    assert "Next edition: the 2025 edition is to be published on 21 April 2025." in text
    calendar = site / "book" / "downloads" / "nsc-stalking-report-2025-publication.ics"
    assert 'href="downloads/nsc-stalking-report-2025-publication.ics"' in (
        site / "book" / "editions.html").read_text()
    [event] = icalendar.Calendar.from_ical(calendar.read_bytes()).walk("VEVENT")
    assert event.decoded("DTSTART") == dt.date(2025, 4, 21)
    assert str(event["UID"]) == "nsc-stalking-report-2025-publication@report.example.org"
