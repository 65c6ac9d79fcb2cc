"""The book read as a fact-checker would: quotations verbatim, every figure's provenance shown
wherever a reader meets it, facts about organisations from reference data, and the edition's
publication blockers listed by `nsc-report check`."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from helpers import DATA, EDITION, ROOT, Built, chromium_path, run_cli

from nsc_report.data import DataValidationError, load_edition, provenance, verbatim
from nsc_report.measures.gaps import scorecard

RELEASE = (ROOT / "data" / EDITION / "sources" / "press-release-2024.txt").read_text("utf-8")


# --- quotations --------------------------------------------------------------------------------

def test_verbatim_allows_only_typography_and_ellipsis():
    source = "He said: “It took about 9 months.  It didn’t stop.”"
    assert verbatim.first_difference('It took about 9 months. It didn\'t stop.', source) is None
    assert verbatim.first_difference("It took about ... stop.", source) is None
    assert verbatim.first_difference("It took around 9 months.", source) == "around 9 months."
    assert verbatim.first_difference("stop. ... It took", source) == "It took"


def test_the_release_is_kept_with_the_edition_as_published():
    published = ROOT.parent / "shared" / "source" / "press-release-2024.txt"
    if not published.is_file():
        pytest.skip("the project's shared/ folder is not beside this clone")
    assert published.read_text("utf-8") == RELEASE


def test_every_quotation_is_a_verbatim_passage_of_the_release():
    ed = load_edition(DATA, EDITION)
    quotes = ed.quotations
    # The victim's account, the three quotations and the recommendations as the release words
    # them, with the lines a fact-check found missing or altered.
    assert {"victim", "interim-ceo", "shadow-attorney-general", "npcc-lead", "recommendations",
            "rec-plan", "rec-funding", "rec-training", "rec-data-standards"} <= set(quotes)
    assert "I don't have the energy to fight the police and the stalker at the same time" in \
        quotes["victim"].text
    assert "must undertake" in quotes["rec-training"].text
    assert quotes["recommendations"].text.endswith("including:")
    assert "HMICFRS" in quotes["interim-ceo"].text
    for q in quotes.values():
        assert verbatim.first_difference(q.text, RELEASE) is None, q.id
    assert verbatim.first_difference(ed.cps.quote, RELEASE) is None


def test_changing_one_word_of_a_quotation_fails_validation_naming_it(data_copy: Path):
    path = data_copy / EDITION / "quotations.yml"
    path.write_text(path.read_text("utf-8").replace("must undertake", "should complete"),
                    "utf-8")
    with pytest.raises(DataValidationError) as err:
        load_edition(data_copy, EDITION)
    message = str(err.value)
    assert "rec-training" in message and '"should complete independent specialist' in message


def test_a_cps_quote_not_in_the_source_fails_validation(data_copy: Path):
    path = data_copy / EDITION / "cps.yml"
    path.write_text(path.read_text("utf-8").replace("did not collate", "does not collate"),
                    "utf-8")
    with pytest.raises(DataValidationError, match="cps.yml, column 'quote'"):
        load_edition(data_copy, EDITION)


# --- provenance as data ------------------------------------------------------------------------

def test_a_figure_takes_the_weakest_status_of_its_inputs():
    ed = load_edition(DATA, EDITION)
    assert provenance.of(ed, ("national",), ("home_office_prc",)).status == "published"
    assert provenance.of(ed, ("national",), ("press_coverage_2024",)).status == "unverified"
    mixed = provenance.of(ed, ("returns", "national"), ("press_coverage_2024",))
    assert mixed.status == "illustrative" and "constructed" in mixed.caveat


def test_illustrative_must_agree_with_the_statuses(data_copy: Path):
    path = data_copy / EDITION / "edition.yml"
    path.write_text(path.read_text("utf-8").replace("illustrative: true", "illustrative: false"),
                    "utf-8")
    with pytest.raises(DataValidationError, match="'illustrative'.*a source or data file is "
                                                  "illustrative"):
        load_edition(data_copy, EDITION)


def test_a_status_that_is_not_published_needs_a_caveat(data_copy: Path):
    path = data_copy / EDITION / "edition.yml"
    text = path.read_text("utf-8").replace(
        '    caveat: "The reference period of these counts is not confirmed; treat them as '
        'unverified."\n', "")
    path.write_text(text, "utf-8")
    with pytest.raises(DataValidationError, match="press_coverage_2024.caveat"):
        load_edition(data_copy, EDITION)


# --- organisations -----------------------------------------------------------------------------

def test_each_force_is_addressed_to_the_body_that_oversees_it():
    ed = load_edition(DATA, EDITION)
    day = ed.meta.publication_date
    city = ed.overseer("E23000034")
    assert city["kind"] == "police_authority" and "Commissioner" not in city["body"]
    assert "Mayor's Office for Policing and Crime" in ed.overseer("E23000001")["body"]
    assert ed.overseer("E23000005")["body"] == "the Mayor of Greater Manchester"
    assert ed.overseer("E23000010")["body"] == "the Mayor of West Yorkshire"
    assert "Fire" in ed.overseer("E23000028")["body"]  # Essex
    # Published before the mayors of York and North Yorkshire and of South Yorkshire took over.
    assert "Commissioner" in ed.overseer("E23000009", day)["body"]
    assert "Mayor" in ed.overseer("E23000011", day.replace(month=6))["body"]
    for code in ed.forces["force_code"]:
        ed.overseer(code)  # one body for every force on the day of publication


def test_force_pages_name_the_body_that_oversees_the_force():
    for name, body in (("city-of-london", "the City of London Corporation"),
                       ("metropolitan-police", "the Mayor’s Office for Policing and Crime"),
                       ("greater-manchester", "the Mayor of Greater Manchester")):
        nb = (ROOT / "book" / "forces" / f"{name}.ipynb").read_text("utf-8")
        text = json.loads(nb)
        outputs = json.dumps(text["cells"])
        assert body.replace("’", "'") in outputs.replace("\\u2019", "'"), name
        assert "to send to its Police and Crime Commissioner" not in outputs


def test_commissioners_are_counted_as_commissioners_not_forces():
    record = _record("reports")
    assert record["reports_commissioners"]["raw"] == 42
    assert "of 43)" not in (ROOT / "notebooks" / "reports.md").read_text("utf-8")


def _record(notebook: str) -> dict:
    nb = json.loads((ROOT / "book" / f"{notebook}.ipynb").read_text("utf-8"))
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            if out.get("metadata", {}).get("scrapbook", {}).get("name") == "nsc_figures":
                return json.loads(out["data"]["application/papermill.record/text/plain"])[
                    "figures"]
    raise AssertionError(f"no register in {notebook}")


# --- claims the data can bear ------------------------------------------------------------------

CAUSAL = re.compile(r"not been enough|no more likely|led to|as a result|because|keeps rising|"
                    r"ever more|caused by|due to|thanks to", re.IGNORECASE)
ALLOWLIST = yaml.safe_load((Path(__file__).parent / "prose_allowlist.yml").read_text("utf-8"))


def _glued_sentences() -> list[tuple[str, str]]:
    """Every sentence the executed notebooks glue, as printed."""
    found = []
    for path in sorted((ROOT / "book").rglob("*.ipynb")):
        nb = json.loads(path.read_text("utf-8"))
        for cell in nb["cells"]:
            for out in cell.get("outputs", []):
                name = out.get("metadata", {}).get("scrapbook", {}).get("name")
                text = out.get("data", {}).get("application/papermill.record/text/plain")
                if name and name != "nsc_figures" and text:
                    found.append((f"{path.stem}/{name}", text))
    return found


def _prose() -> list[tuple[str, str]]:
    files = [*sorted((ROOT / "book").glob("*.md")), *sorted((ROOT / "notebooks").glob("*.md")),
             *sorted((ROOT / "data").glob("*/chapters/*.md")),
             *sorted((ROOT / "notebooks").glob("*.ftl"))]  # every variant, printed or not
    return [(p.relative_to(ROOT).as_posix(), p.read_text("utf-8")) for p in files]


def test_no_sentence_draws_a_cause_or_a_trend_unless_allowed():
    offending = []
    for where, text in [*_prose(), *_glued_sentences()]:
        for sentence in re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", text)):
            if CAUSAL.search(sentence) and not any(a["text"] in sentence for a in ALLOWLIST):
                offending.append(f"{where}: {sentence}")
    assert not offending, "\n".join(offending)


def test_the_allowlist_says_why():
    for entry in ALLOWLIST:
        assert entry["text"] and len(entry["why"]) > 20


def test_the_headline_rate_cites_the_release_and_the_counts_stay_unverified():
    figures = _record("attrition")
    assert figures["att_rate"]["status"] == "published"
    assert figures["att_rate"]["text"] == "1.7%"
    assert any("press release" in s for s in figures["att_rate"]["sources"])
    for key in ("att_recorded", "att_charged", "att_convicted", "att_rate_exact"):
        assert figures[key]["status"] == "unverified" and figures[key]["caveat"], key
    assert "att_rate_diff" not in figures  # two rates from different sources are not compared


# --- copy that can recur -----------------------------------------------------------------------

def test_questions_agree_with_the_glossary():
    glossary = (ROOT / "book" / "notes.md").read_text("utf-8")
    assert "Section 2A" in glossary and "section 4A" in glossary
    for q in yaml.safe_load((DATA / EDITION / "questions.yml").read_text("utf-8"))["questions"]:
        assert not re.search(r"\b(three|3) stalking offences\b", q["wording"]), q["id"]


def test_each_heatmap_cell_agrees_with_the_answers():
    ed = load_edition(DATA, EDITION)
    card = scorecard(ed).set_index(["force_code", "question_id"])["status"]
    given = ed.returns[ed.returns["value"].notna()]
    for key in set(zip(given["force_code"], given["question_id"], strict=True)):
        assert card[key] in ("answered", "partial"), key
    dyfed = card[("W15000004", "Q1")]
    assert dyfed == "partial"  # 834 for one year, not held for the other


def test_a_force_is_scored_on_the_same_questions_on_every_page(built: Built):
    """A fact-check found a force scored out of 14 on its page and the map (each question and
    year) and out of 13 in the data-gaps chapter: one definition (the scorecard) everywhere."""
    from bs4 import BeautifulSoup

    from nsc_report.layout import slug
    from nsc_report.measures.gaps import force_scores

    ed = load_edition(built.root / "data", EDITION)
    asked = len(ed.questions)
    scores = force_scores(ed).set_index("force")

    def text(page: Path) -> str:
        return re.sub(r"\s+", " ", BeautifulSoup(page.read_text("utf-8"), "html.parser")
                      .get_text(" "))

    for force, row in scores.iterrows():
        page = built.html / "book" / "forces" / f"{slug(str(force))}.html"
        said = text(page)
        counts = {int(n) for n in re.findall(r"\b(\d+) questions\b", said)}
        assert counts == {asked}, (page.name, counts)
        found = re.search(r"answered (\d+) of the (\d+) questions in full[^:]*?"
                          r"(?: and (\d+) in part)?:", said)
        if found:  # a force that gave figures
            assert (int(found.group(1)), int(found.group(3) or 0)) == (
                row["answered"], row["partial"]), page.name
    finder = built.page("find-your-force")
    shares = re.findall(r"\b(\d+)/(\d+)\b", text(built.html / "book" / "find-your-force.html"))
    assert shares and {int(d) for _, d in shares} == {asked}  # the map's labels and the table
    table = BeautifulSoup(finder, "html.parser").select_one("table")
    for mark in table.select("sup.nsc-mark"):  # each constructed cell's (finding 1 of the third)
        mark.decompose()
    for tr in table.select("tr")[1:]:
        cells = [c.get_text(" ", strip=True) for c in tr.select("td, th")]
        share = next(c for c in cells if re.fullmatch(r"\d+/\d+", c))
        assert share == f"{scores.at[cells[0], 'answered']}/{asked}", cells[0]


def named_acts(text: str) -> list[str]:
    """Sentences saying that a named Commissioner or Mayor made the commitment or did not (a
    sentence saying that whether one did is not published is not one)."""
    return [s for s in re.split(r"(?<=\.)[‡†]?\s+", text)
            if re.search(r"(made|did not make) the \d{4} commitment", s)
            and re.search(r"Commissioner|Mayor", s) and not s.startswith("Whether")]


def test_no_act_of_a_named_commissioner_is_printed_from_constructed_data(built: Built):
    """A fact-check found every force page and briefing saying whether its Commissioner made
    the 2022 commitment, from this edition's constructed list (fact-check finding 1)."""
    from bs4 import BeautifulSoup
    from helpers import pdf_pages
    from python_calamine import CalamineWorkbook

    # Only the public row (Nottinghamshire's, data/2024/README.md) is stated (fact-check 3,
    # finding 11): the rest are constructed.
    public = {"nottinghamshire": ["The Police and Crime Commissioner for Nottinghamshire made "
                                  "the 2022 commitment to increase reports of stalking."]}
    pages = sorted((built.html / "book" / "forces").glob("*.html"))
    assert len(pages) == 43
    for page in pages:
        text = " ".join(BeautifulSoup(page.read_text("utf-8"), "html.parser").get_text(" ")
                        .split())
        assert named_acts(text) == public.get(page.stem, []), page.name
    durham = " ".join(BeautifulSoup(built.page("forces/durham"), "html.parser").get_text(" ")
                      .split())
    assert "made the 2022 commitment to increase reports of stalking is not published" in durham
    for brief in sorted((built.out / "pdf" / "forces").glob("*.pdf")):
        text = " ".join(" ".join(pdf_pages(brief)).split())
        stem = brief.name.split(f"-{EDITION}-")[0]
        assert [a.rstrip("‡†") for a in named_acts(text)] == public.get(stem, []), brief.name
        # Nor is the sentence on the commitment marked: it rests on no constructed data.
        assert "in this edition.‡" not in text and "increase reports of stalking.‡" not in text
    finder = BeautifulSoup(built.page("find-your-force"), "html.parser")
    headers = [th.get_text(" ", strip=True) for th in finder.select("table th[scope=col]")]
    assert "Force" in headers and "PCC commitment" not in headers
    assert not any("commitment" in o.get_text() for o in finder.select("select option"))
    # Nor does the reports chapter's chart mark which named forces' PCCs made it.
    reports = built.page("reports")
    assert '"PCC committed"' not in reports and "triangles mark" not in reports  # its legend
    table = (built.html / "book" / "downloads" / "charts" / "reports-change-illustrative.csv")
    assert "PCC commitment" not in table.read_text("utf-8").splitlines()[0]
    # The workbook states no constructed row, marked or not (fact-check 3, finding 2): the
    # public row and "no Commissioner" (real reference data) are published and cited.
    book = CalamineWorkbook.from_path(str(built.html / "book" / "downloads" /
                                          "nsc-data-illustrative.xlsx"))
    rows = book.get_sheet_by_name("PCC_commitments").to_python()
    header = next(r for r in rows if "force_code" in r)
    table = [dict(zip(header, r, strict=True)) for r in rows[rows.index(header) + 1:]]
    assert {"data_status", "source", "force_name"} <= set(header)
    said = {r["force_name"]: (r["commitment"], r["data_status"]) for r in table}
    assert said.pop("City of London") == ("no Police and Crime Commissioner", "published")
    assert said.pop("Nottinghamshire") == ("made the commitment", "published")
    # A row not published in this edition states nothing, under the list's status (fact-check
    # 8, B8: the sheet gives every row's status and caveat).
    assert set(said.values()) == {("not published in this edition", "illustrative")}


def test_the_workbooks_national_figures_carry_their_status(built: Built):
    """A fact-check found the unverified press-coverage counts in the workbook's national sheet
    with no status column, only a source id (fact-check finding 8)."""
    from python_calamine import CalamineWorkbook

    for name in ("nsc-data-illustrative.xlsx", "nsc-data-illustrative.ods"):
        book = CalamineWorkbook.from_path(str(built.html / "book" / "downloads" / name))
        rows = book.get_sheet_by_name("National_figures").to_python()
        header = next(r for r in rows if "measure" in r)
        table = [dict(zip(header, r, strict=True)) for r in rows[rows.index(header) + 1:]]
        press = [r for r in table if r["source_id"] == "press_coverage_2024"]
        assert len(press) == 4, name
        assert all(r["data_status"] == "unverified" and r["caveat"] for r in press), name
        assert {r["data_status"] for r in table} == {"published", "unverified"}, name


def test_no_table_column_prints_a_needless_decimal(built: Built):
    """A column of whole numbers (a percentage rounded to a whole) is printed without '.0'."""
    for page in (built.html / "book").rglob("*.html"):
        for table in re.findall(r"<table.*?</table>", page.read_text("utf-8"), flags=re.S):
            rows = [re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, flags=re.S)
                    for row in re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)[1:]]
            for column in zip(*(r for r in rows if r), strict=False):
                cells = [re.sub(r"<[^>]+>", "", c).strip() for c in column]
                assert not all(re.fullmatch(r"-?\d+\.0%?", c) for c in cells), \
                    f"{page.name}: {cells[:3]}"


def test_chart_captions_are_sentences(built: Built):
    for page in (built.html / "book").rglob("*.html"):
        for caption in re.findall(r'class="nsc-chart-caption">([^<]*)<', page.read_text("utf-8")):
            for sentence in re.split(r"(?<=[.!?])\s+", caption):
                assert not sentence[:1].islower(), f"{page.name}: {sentence}"


# --- what readers see --------------------------------------------------------------------------

def _illustrative_pages(built: Built) -> list[str]:
    pages = []
    for page in sorted((built.html / "book").rglob("*.html")):
        text = page.read_text("utf-8")
        if "nsc-mark-illustrative" in text or 'data-nsc-status="illustrative"' in text:
            pages.append(page.relative_to(built.html / "book").as_posix())
    return pages


def test_register_downloads_carry_status_and_caveat(built: Built):
    downloads = built.html / "book" / "downloads"
    # A register with constructed figures says so in its name, as every such download does.
    rows = list(csv.DictReader(io.StringIO((downloads / "figures-illustrative.csv")
                                           .read_text("utf-8"))))
    entries = json.loads((downloads / "figures-illustrative.json").read_text("utf-8"))["figures"]
    assert not (downloads / "figures.csv").exists() and not (downloads / "figures.json").exists()
    for row in [*rows, *entries]:
        assert row["status"] in ("published", "unverified", "illustrative"), row["id"]
        assert bool(row["caveat"]) == (row["status"] != "published"), row["id"]
    assert {r["status"] for r in rows} == {"published", "unverified", "illustrative"}
    page = built.page("figures")
    assert "illustrative" in page and "unverified" in page


# The charts whose every value drawn is a count a published source states (the release).
PUBLISHED_COUNT_CHARTS = ("other-offence-data",)


def test_every_download_says_it_is_illustrative(built: Built):
    from python_calamine import CalamineWorkbook

    downloads = built.html / "book" / "downloads"
    data_files = [p for p in downloads.rglob("*") if p.is_file()
                  and p.name != "published-statistics.csv" and p.suffix != ".pdf"]
    # The published statistics are real whatever the edition: named and marked so.
    published = (downloads / "published-statistics.csv").read_text("utf-8").splitlines()
    assert all(line.count(",published,") == 1 for line in published[1:2])
    assert len(data_files) > 10
    for path in data_files:
        if path.parent.name == "charts":
            # A chart's files are named illustrative where its data are (the attrition chart
            # is drawn from the national counts: unverified, and says so).
            text = path.read_text("utf-8")
            constructed = "Illustrative data, not real answers" in text
            assert constructed == ("-illustrative" in path.name), path.name
            # The published statistics' charts are real, and drawn from no edition's answers;
            # a chart of counts a published source states draws no constructed value, and
            # prints no mark (fact-check 8, B4: the other-offences chart's 11, 5 and 11).
            of_published_counts = path.stem in PUBLISHED_COUNT_CHARTS and not any(
                mark in text for mark in ("‡", "†"))
            assert (constructed or "Unverified" in text or path.name.startswith("published-")
                    or of_published_counts), path.name
            continue
        assert "-illustrative" in path.name, path.name
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as zf:
                assert "ILLUSTRATIVE" in zf.read("README.txt").decode(), path.name
                # Inside, each chart's table is named as its own download is (a fact-check
                # found them without '-illustrative').
                for name in (n for n in zf.namelist() if n.endswith(".csv")):
                    constructed = "Illustrative data, not real answers" in zf.read(name).decode()
                    assert constructed == ("-illustrative" in name), name
        if path.suffix in (".xlsx", ".ods"):
            book = CalamineWorkbook.from_path(str(path))
            assert book.sheet_names[0] == "Cover"
            cover = " ".join(str(r[0]) for r in book.get_sheet_by_name("Cover").to_python())
            assert "illustrative data, not real answers" in cover, path.name
    returns = next(downloads.glob("foi-returns*.csv")).read_text("utf-8")
    header = returns.splitlines()[0].split(",")
    assert "data_status" in header and "caveat" in header
    for brief in (built.out / "pdf" / "forces").glob("*.pdf"):
        assert brief.name.endswith("-briefing-illustrative.pdf")


@pytest.mark.browser
@pytest.mark.skipif(chromium_path() is None, reason="Chromium is not installed")
def test_the_notice_is_on_the_first_screen_of_every_illustrative_page(built: Built):
    """At 375 and 1280 px, every chapter and force page that shows an illustrative figure has
    the note on its first screen, below the heading and before the first figure."""
    from playwright.sync_api import sync_playwright

    from nsc_report.infra.serve import serve
    from nsc_report.printing.pdf import launch

    pages = _illustrative_pages(built)
    assert len([p for p in pages if p.startswith("forces/")]) == 43
    # The summary prints the release's figures (published) and the press counts (unverified):
    # no constructed figure, so no illustrative notice (issue 33, one status per figure).
    assert {"spo.html", "reports.html", "data-gaps.html", "officers.html"} <= set(pages)
    missing = []
    with sync_playwright() as pw, serve(built.html) as base:
        browser = launch(pw)
        try:
            for width in (375, 1280):
                tab = browser.new_page(viewport={"width": width, "height": 800})
                tab.route("**/*", lambda r: r.continue_() if r.request.url.startswith(
                    (base, "data:")) else r.abort())
                for name in pages:
                    tab.goto(f"{base}/book/{name}", wait_until="domcontentloaded")
                    box = tab.locator("article #nsc-provenance").bounding_box()
                    first = tab.locator("article .nsc-mark, article .nsc-chart-status").first
                    mark = first.bounding_box() if first.count() else None
                    if box is None or box["y"] + 40 > 800 or (mark and mark["y"] < box["y"]):
                        missing.append(f"{name} at {width} px")
                tab.close()
        finally:
            browser.close()
    assert not missing, missing


@pytest.mark.build
@pytest.mark.skipif(chromium_path() is None, reason="Chromium is not installed")
def test_every_printed_page_carries_the_notice(built: Built):
    from helpers import pdf_pages

    def pages(path: Path) -> list[str]:
        return [re.sub(r"\s+", " ", text) for text in pdf_pages(path)]

    report = pages(built.pdf)
    for number, text in enumerate(report[1:], 2):  # the cover says it in full
        assert "Illustrative data, not real answers" in text, f"report page {number}"
        assert "‡ Illustrative:" in text, f"report page {number}"
    assert "Illustrative data" in report[0]
    assert "0808 802 0300" in report[-1]  # help for readers on the back cover
    for brief in sorted((built.out / "pdf" / "forces").glob("*.pdf")):
        texts = pages(brief)
        assert texts[0].count("Illustrative") >= 2, brief.name
        for number, text in enumerate(texts, 1):
            assert "Illustrative briefing" in text, f"{brief.name} page {number}"
        assert "0808 802 0300" in " ".join(texts), brief.name
        assert "What the force told" not in " ".join(texts), brief.name


def test_the_footer_of_every_page_gives_help(built: Built):
    for page in (built.html / "book").rglob("*.html"):
        assert "0808 802 0300" in page.read_text("utf-8"), page.name


# --- nsc-report check --------------------------------------------------------------------------

def test_check_lists_what_stands_in_the_way_and_exits_non_zero():
    result = run_cli("check")
    assert result.returncode == 1
    out = result.stdout
    assert "data/2024/edition.yml:" in out and "foi_returns.csv is illustrative" in out
    assert "help.site_url is empty" in out and "help.press_contact is empty" in out
    # The committed notebooks print the figures recorded for the current version.
    assert "changed since version" not in out
    assert "is not publishable" in out.splitlines()[-1]


def test_the_summary_names_each_kind_of_problem_once():
    from nsc_report.publishing.check import UNRECORDED, Problem, kind_words, summary

    line = summary([
        Problem("data/2024/edition.yml", 63, "foi_returns.csv is illustrative (constructed data)"),
        Problem("data/2024/revisions.yml", None, "2 figures changed since version 1.0 was "
                "published, and no later version lists them: revisions/cop_illustrative, x/y",
                kind=UNRECORDED),
    ], "2024")
    assert "illustrative data (1)" in line
    assert f"{kind_words(UNRECORDED)} (1)" in line


def test_check_finds_a_quotation_not_in_its_source_and_a_link_out(data_copy: Path,
                                                                  tmp_path: Path):
    root = tmp_path / "project"
    shutil.copytree(ROOT / "book", root / "book", ignore=shutil.ignore_patterns("*.ipynb"))
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    chapter = data_copy / EDITION / "chapters" / "summary.md"
    chapter.write_text(chapter.read_text("utf-8") + "\nSee [a page](https://example.org).\n",
                       "utf-8")
    from nsc_report.publishing.check import check

    problems = [str(p) for p in check(root, data_copy, EDITION)]
    assert any("leaves the site: https://example.org" in p and "summary.md:" in p
               for p in problems)
    quotes = data_copy / EDITION / "quotations.yml"
    quotes.write_text(quotes.read_text("utf-8").replace("insidious", "terrible"), "utf-8")
    problems = [str(p) for p in check(root, data_copy, EDITION)]
    assert any("npcc-lead" in p and "terrible" in p for p in problems)


# --- an edition ready to publish ---------------------------------------------------------------

COMPLETE = Path(__file__).parent / "fixtures" / "complete"


def test_the_complete_fixture_is_the_scripts_output():
    import sys

    sys.path.insert(0, str(COMPLETE.parent))
    import complete_edition

    expected = complete_edition.build(DATA)
    found = {p.relative_to(COMPLETE).as_posix(): p.read_text("utf-8")
             for p in COMPLETE.rglob("*") if p.is_file()}
    assert found == expected, "run python tests/fixtures/complete_edition.py"


def test_a_complete_edition_passes_the_check():
    result = run_cli("check", "--data-dir", str(COMPLETE), "--edition", EDITION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "can be published" in result.stdout


@pytest.mark.build
def test_a_complete_edition_shows_no_notice(tmp_path: Path):
    out = tmp_path / "out"
    result = run_cli("build", "--data-dir", str(COMPLETE), "--edition", EDITION,
                     "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "can be published" in result.stdout + result.stderr
    pages = sorted((out / "html" / "book").rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        text = page.read_text("utf-8")
        for sign in ("nsc-provenance", "nsc-mark", "data-nsc-status", "Illustrative data",
                     "(illustrative data)", "-illustrative."):
            assert sign not in text, f"{page.name}: {sign}"
    downloads = {p.name for p in (out / "html" / "book" / "downloads").iterdir()}
    assert {"foi-returns.csv", "nsc-data.xlsx", "chart-data.zip", "notebooks.zip",
            "figures.csv", "figures.json"} <= downloads
    durham = (out / "html" / "book" / "forces" / "durham.html").read_text("utf-8")
    assert "<h1>Durham" in durham and "It answered" in durham
    # Real commitments: the page says what the Commissioner did, and the map shows it.
    assert re.search(r"Commissioner for Durham (made|did not make) the \d{4} commitment", durham)
    assert '<th scope="col">PCC commitment</th>' in (
        out / "html" / "book" / "find-your-force.html").read_text("utf-8")
    assert '"PCC committed"' in (out / "html" / "book" / "reports.html").read_text("utf-8")
