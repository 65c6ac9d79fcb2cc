"""The force pages, the 'Find your force' map and the briefings: every force has its page, every
answer appears on it, no comparison is made that the data cannot support."""

from __future__ import annotations

import csv
import json
import random
import re
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from helpers import DATA, EDITION, ROOT, Built, requires_chromium

from nsc_report.data import load_edition
from nsc_report.execution.templates import jobs_for
from nsc_report.layout import slug
from nsc_report.measures import force as m
from nsc_report.present.charts import AccessibleChart
from nsc_report.sections import find_force
from nsc_report.sections import force as section

# What each status is printed as (notebooks/labels.ftl), as a reader sees it.
STATUSES = {"answered": "answered in full", "partial": "answered in part",
            "not_held": "information not held", "refused_s12": "refused: cost limit (section 12)",
            "refused_other": "refused: other exemption", "no_response": "no response"}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


FORCES = read_csv(DATA / "reference" / "forces.csv")
RETURNS = read_csv(DATA / EDITION / "foi_returns.csv")
NAMES = {f["force_code"]: f["force_name"] for f in FORCES}
SILENT = sorted(code for code in NAMES if all(
    r["status"] == "no_response" for r in RETURNS if r["force_code"] == code))


@pytest.fixture(scope="module")
def ed():
    return load_edition(DATA, EDITION)


def sample(k: int = 5) -> list[str]:
    seed = random.randrange(10**6)
    print(f"force sample seed: {seed}")
    return random.Random(seed).sample(sorted(NAMES), k)


# --- measures and wording (no build) -------------------------------------------------------------

def test_one_job_per_force_with_a_page_each(ed):
    jobs = [j for j in jobs_for(ROOT / "notebooks", ROOT / "book", ed)
            if j.label.startswith("forces/")]
    assert len(jobs) == len(FORCES) == 43
    assert len({j.output for j in jobs}) == 43
    assert {j.parameters["force_code"] for j in jobs} == set(NAMES)


def test_ranks_count_only_the_forces_that_gave_the_figure(ed):
    q1 = {r["force_code"]: int(r["value"]) for r in RETURNS
          if r["question_id"] == "Q1" and r["period"] == ed.meta.current_period and r["value"]}
    for code in sample():
        recorded = next(s for s in m.standing(ed, code) if s.measure.key == "recorded")
        assert recorded.of == len(q1)
        if code in q1:
            assert recorded.rank == 1 + sum(v > q1[code] for v in q1.values())
            assert recorded.ties == sum(v == q1[code] for v in q1.values()) - 1
        else:
            assert recorded.rank is None and recorded.value is None


@pytest.mark.skipif(not SILENT, reason="every force answered something in this edition")
def test_a_force_that_did_not_respond_is_not_ranked_or_counted_as_zero(ed):
    code = SILENT[0]
    standing = m.standing(ed, code)
    assert all(s.rank is None and s.value is None for s in standing)
    figures = section.figures(ed, code)
    assert "did not respond" in figures["force_intro"]
    assert "do not count it as zero" in figures["force_intro"]
    for s in standing:
        assert "no place in this comparison" in figures[f"force_standing_{s.measure.key}"]
    chart = section.standing_chart(ed, code)
    assert not isinstance(chart, AccessibleChart)
    answers = section.answers_table(ed, code).frame
    assert not answers["Answer"].str.contains(r"\d").any()


def test_answers_table_has_every_row_of_the_force(ed):
    for code in sample():
        rows = [r for r in RETURNS if r["force_code"] == code]
        table = section.answers_table(ed, code).frame
        assert len(table) == len(rows)
        for r in rows:
            expected = (f"{int(r['value']):,}" if r["status"] == "answered" else
                        STATUSES[r["status"]].capitalize() if r["status"] != "partial"
                        else "answered in part")
            assert table["Answer"].str.contains(re.escape(expected)).any(), (code, r)


def test_map_measures_classify_every_force(ed):
    data = find_force.finder_table(ed)
    assert len(data) == 43
    for meas in find_force.map_measures(ed):
        classes = data.apply(meas.classify, axis=1)
        assert set(classes.dropna()) <= set(range(len(meas.classes))), meas.key
        assert data.apply(meas.text, axis=1).str.len().min() >= 1


def test_committed_force_pages_name_their_force():
    pages = sorted((ROOT / "book" / "forces").glob("*.ipynb"))
    assert sorted(p.stem for p in pages) == sorted(slug(n) for n in NAMES.values())
    for path in pages:
        nb = nbformat.read(path, as_version=4)
        code = nb.metadata["nsc_report"]["parameters"]["force_code"]
        glued = {o["metadata"]["scrapbook"]["name"]:
                 o["data"][o["metadata"]["scrapbook"]["mime_prefix"] + "text/plain"]
                 for c in nb.cells for o in c.get("outputs", [])
                 if "scrapbook" in o.get("metadata", {})}
        assert glued["force_name"].strip("'\"") == NAMES[code], path.name


# --- the built site ----------------------------------------------------------------------------

def force_page(built: Built, name: str) -> BeautifulSoup:
    path = built.html / "book" / "forces" / f"{slug(name)}.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.build
def test_every_force_has_a_page_that_names_it(built: Built):
    for name in NAMES.values():
        soup = force_page(built, name)
        # The 2024 edition's per-force figures are constructed: its heading says so.
        heading = soup.select_one("article h1").get_text(strip=True).rstrip("#")
        assert heading == f"{name} (illustrative data)"


@pytest.mark.build
def test_every_answer_appears_on_the_force_page(built: Built, ed):
    for code in sample():
        soup = force_page(built, NAMES[code])
        table = soup.select_one(f"#nsc-table-answers-{slug(NAMES[code])}")
        rows = {}
        for tr in table.select("tbody tr"):
            # The answers are constructed: each answer (and note) carries the mark, in its
            # cell (fact-check 3, finding 1); the question and the period do not.
            answer = tr.select("td")[1]
            assert answer.select("sup.nsc-mark-illustrative"), (code, tr.get_text())
            assert not tr.select("th sup.nsc-mark, td:nth-of-type(1) sup.nsc-mark")
            for mark in tr.select("sup.nsc-mark"):
                mark.decompose()
            cells = [c.get_text(" ", strip=True) for c in tr.select("th, td")]
            qid = cells[0].split(":")[0]
            rows[(qid, cells[1])] = cells[2:]
        for r in (r for r in RETURNS if r["force_code"] == code):
            label = ("At request" if r["period"] == "at_request"
                     else ed.period_label(r["period"], short=True))
            answer, note = rows[(r["question_id"], label)]
            if r["status"] == "answered":
                assert answer == f"{int(r['value']):,}", (code, r)
            else:
                assert STATUSES[r["status"]].lower() in answer.lower() or (
                    r["status"] == "partial" and "in part" in answer), (code, r)
                assert note == r["note"], (code, r)


@pytest.mark.build
@pytest.mark.skipif(not SILENT, reason="every force answered something in this edition")
def test_a_force_that_did_not_respond_gets_a_page_that_says_so(built: Built):
    soup = force_page(built, NAMES[SILENT[0]])
    text = soup.select_one("article").get_text(" ", strip=True)
    assert "did not respond" in text and "cannot be ranked" in text
    answers = [td.get_text(strip=True) for td in soup.select(
        f"#nsc-table-answers-{slug(NAMES[SILENT[0]])} tbody td:nth-of-type(2)")]
    assert answers and not any(re.search(r"\d", a) for a in answers)
    # No strip that would place it among the forces; only the published statistics' charts.
    charts = [c["id"] for c in soup.select(".nsc-chart-canvas")]
    assert charts and all(c.startswith("nsc-chart-published-") for c in charts), charts


@pytest.mark.build
def test_the_map_has_a_link_to_every_force_page(built: Built):
    page = built.html / "book" / "find-your-force.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    tiles = soup.select(".nsc-map a.nsc-tile")
    assert len(tiles) == 43
    assert {(page.parent / a["href"]).resolve() for a in tiles} == {
        (built.html / "book" / "forces" / f"{slug(n)}.html").resolve() for n in NAMES.values()}
    assert all((page.parent / a["href"]).exists() for a in tiles)
    listed = soup.select(".nsc-force-list li a")
    assert len(listed) == 43 and all((page.parent / a["href"]).exists() for a in listed)
    assert soup.select(".nsc-map-as-table tbody tr") and len(
        soup.select(".nsc-map-as-table tbody tr")) == 43


@pytest.mark.build
def test_the_landing_page_and_chapter_tables_lead_to_the_force_pages(built: Built):
    index = BeautifulSoup(built.page("index"), "html.parser")
    assert index.select_one(".nsc-find-force-cta a[href='find-your-force.html']")
    spo = BeautifulSoup(built.page("spo"), "html.parser")
    links = spo.select(".nsc-data-table tbody th a")
    assert len(links) >= 10
    assert all((built.html / "book" / a["href"]).exists() for a in links)


@pytest.mark.build
def test_force_pages_stay_light(built: Built):
    sizes = [p.stat().st_size for p in (built.html / "book" / "forces").glob("*.html")]
    assert len(sizes) == 43 and max(sizes) < 150_000, max(sizes)


# --- the briefings and the annex --------------------------------------------------------------

@pytest.mark.build
@requires_chromium
def test_every_force_has_a_two_page_briefing(built: Built):
    from helpers import font_families, pdf_pages, small_text, unembedded_fonts
    from pypdf import PdfReader

    folder = built.out / "pdf" / "forces"
    pdfs = sorted(folder.glob("*.pdf"))
    assert len(pdfs) == 43
    for path in pdfs:
        reader = PdfReader(path)
        assert len(reader.pages) == 2, path.name
        # Its standing chart too (drawn at 3 pt before: fact-check finding 14).
        assert small_text(path) == [], path.name
        assert font_families(reader) == {"LiberationSans"}, path.name
        text = " ".join(pdf_pages(path))
        assert "Illustrative data" in text and "What must change" in text, path.name
        assert reader.metadata.title.endswith(f"({EDITION})")
        assert reader.trailer["/Root"]["/Lang"] == "en-GB"
        assert reader.trailer["/Root"].get("/StructTreeRoot") is not None  # tagged
        assert reader.outline, path.name
        assert not unembedded_fonts(reader), path.name
    site = built.html / "book" / "downloads" / "forces"
    assert sorted(p.name for p in site.glob("*.pdf")) == [p.name for p in pdfs]


@pytest.mark.build
@requires_chromium
def test_the_report_pdf_has_the_annex_not_the_force_pages(built: Built):
    from helpers import pdf_pages

    pages = pdf_pages(built.pdf)
    text = "\n".join(pages)
    assert "Annex: every force at a glance" in text
    assert all(name in text for name in NAMES.values())
    assert "Where it stands among the forces" not in text  # no force page was printed
    assert len(pages) < 60  # 50 at 11 pt: the 43 force pages would add about 130


def test_the_finder_notebook_records_what_it_read():
    record = json.loads((ROOT / "book" / "find-your-force.ipynb").read_text())["metadata"]
    assert "sections/find_force.py" in record["nsc_report"]["inputs"]["modules"]


@pytest.mark.build
@pytest.mark.browser
@requires_chromium
def test_the_map_changes_measure_and_the_list_filters(built: Built):
    from playwright.sync_api import sync_playwright

    from nsc_report.infra.serve import serve
    from nsc_report.printing.pdf import launch

    with sync_playwright() as pw, serve(built.html) as base:
        browser = launch(pw)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}/book/find-your-force.html", wait_until="load")
        durham = page.locator('.nsc-tile[href="forces/durham.html"]')
        assert durham.get_attribute("data-class") == durham.get_attribute("data-spo")
        page.select_option("#nsc-map-measure", "change")
        assert durham.get_attribute("data-class") == durham.get_attribute("data-change")
        visible = durham.locator(".nsc-tile-value:not([hidden])")
        assert visible.count() == 1 and visible.get_attribute("data-for") == "change"
        # A figure carries the mark of the constructed answers, read out as "(illustrative)".
        assert re.fullmatch(r"[+-]\d+\.\d%‡\s*\(illustrative\)|–", visible.inner_text())
        assert page.locator('.nsc-map-legend[data-for="change"]').is_visible()
        assert not page.locator('.nsc-map-legend[data-for="spo"]').is_visible()
        page.fill("#nsc-force-filter", "york")  # a name or a region: Humberside is in Yorkshire
        assert page.locator("#nsc-force-count").inner_text() == "4 forces"
        shown = page.locator(".nsc-force-list li:not([hidden]) a").all_inner_texts()
        assert sorted(shown) == ["Humberside", "North Yorkshire", "South Yorkshire",
                                 "West Yorkshire"]
        page.fill("#nsc-force-filter", "wales south")
        assert page.locator(".nsc-force-list li:not([hidden]) a").all_inner_texts() == [
            "South Wales"]
        browser.close()
