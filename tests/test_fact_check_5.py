"""What the fourth fact-check found left in the built 2024 edition (docs/reviews, B9 and B10):
each is tested on the built site, its downloads and its register, not on the templates."""
from __future__ import annotations

import csv
import html
import io
import json
import re
import zipfile

from helpers import Built


def _text(page: str) -> str:
    """A page's words, as a reader sees them."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def _rows(page: str, table: str) -> list[list[str]]:
    """The body rows of the table `nsc-table-<table>` of a page, each cell as text."""
    found = re.search(rf'<table[^>]*id="nsc-table-{table}".*?<tbody>(.*?)</tbody>', page, re.S)
    assert found, f"no table {table}"
    return [[_text(c).strip() for c in re.findall(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr\b[^>]*>(.*?)</tr>", found.group(1), re.S)]


def _force_pages(built: Built) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8")
            for p in sorted((built.html / "book" / "forces").glob("*.html"))}


def test_the_code_of_practice_counts_the_sources_the_methodology_lists(built: Built):
    """B9: it said 14 sources, and the methodology listed 8; a reader must find every one."""
    said = re.search(r"The report cites (\d+) sources", _text(built.page("code-of-practice")))
    assert said, "the Code of Practice no longer counts its sources"
    methodology = built.page("methodology")
    listed = _rows(methodology, "sources") + _rows(methodology, "public-sources")
    assert int(said.group(1)) == len(listed), (said.group(0), [r[0] for r in listed])
    assert len({r[0] for r in listed}) == len(listed), "a source is listed twice"


def test_a_part_answer_is_never_also_no_figure(built: Built):
    """B10: "no figure for dedicated stalking officers (answered in part)" said two things."""
    for force, page in _force_pages(built).items():
        text = _text(page)
        assert not re.search(r"no figure for [^.;()]*\(answered in part\)", text), force
        for row in _rows(page, f"answers-{force}") if f'"nsc-table-answers-{force}"' in page \
                else []:
            assert not any(cell.rstrip("‡†* ").strip() == "answered in part" for cell in row), \
                (force, row)


def test_each_force_page_counts_questions_and_its_table_has_a_row_per_period(built: Built):
    """B10: "the 13 questions and periods" sat over 14 rows (Q1 was asked for two years)."""
    checked = 0
    for force, page in _force_pages(built).items():
        text = _text(page)
        said = re.search(r"The answers of .+? to the (\d+) questions we asked, (one row for each "
                         r"question and each period it asked about)?", text)
        if f'"nsc-table-answers-{force}"' not in page:
            continue
        assert said, f"{force}: the answers table has no sentence saying what it holds"
        rows = _rows(page, f"answers-{force}")
        questions = {r[0] for r in rows}
        assert int(said.group(1)) == len(questions), (force, said.group(0), len(questions))
        if len(rows) > len(questions):
            assert said.group(2), f"{force}: {len(rows)} rows are said to be questions"
        checked += 1
    assert checked >= 30


def test_the_register_defines_each_count_in_words_not_codes(built: Built):
    """B10: "(detailed: all three in full; no data: no figure for any)" printed the coding."""
    register = next((built.html / "book" / "downloads").glob("figures*.csv"))
    with register.open(encoding="utf-8") as f:
        definitions = [row["definition"] for row in csv.DictReader(f)]
    glossed = [d for d in definitions if re.search(r"\(\w[\w ]*: [^)]*; \w[\w ]*: [^)]*\)", d)]
    assert glossed == []


def test_the_chart_zip_readme_names_only_columns_its_files_have(built: Built):
    """B10: its README pointed to a data_status column 'in the answers', which it does not
    hold; every table with data that are not published has the column the README names."""
    archive = next((built.html / "book" / "downloads").glob("chart-data*.zip"))
    with zipfile.ZipFile(archive) as z:
        readme = z.read("README.txt").decode("utf-8")
        tables = {n: next(csv.reader(io.StringIO(z.read(n).decode("utf-8"))))
                  for n in z.namelist() if n.endswith(".csv")}
    named = re.findall(r"'([^']+)' column", readme)
    assert named, readme
    for column in named:
        assert any(column in header for header in tables.values()), column
    assert "in the answers" not in readme
    register = json.loads(next((built.html / "book" / "downloads").glob(
        "figures*.json")).read_text(encoding="utf-8"))
    if any(f["status"] == "illustrative" for f in register["figures"]):
        assert any("Data status" in header for header in tables.values())


def test_each_page_notice_gives_every_caveat_of_the_figures_it_marks(built: Built):
    """B10: the reports page's notice gave only the commitments' caveat, though most of its
    marked figures are the constructed answers'."""
    register = json.loads(next((built.html / "book" / "downloads").glob(
        "figures*.json")).read_text(encoding="utf-8"))
    caveats: dict[str, set[str]] = {}
    for f in register["figures"]:
        if f["status"] == "illustrative" and f["caveat"]:
            assert " ".join(f["caveats"]) == f["caveat"], f["id"]  # each caveat, and only those
            for page in f["pages"]:
                caveats.setdefault(page, set()).update(f["caveats"])
    assert "reports" in caveats
    for page, said in caveats.items():
        notice = re.search(r'<p class="nsc-provenance-illustrative">(.*?)</p>',
                           built.page(page), re.S)
        assert notice, f"{page}: marked figures and no notice"
        text = _text(notice.group(1))
        missing = [c for c in said if _text(html.escape(c)) not in text]
        assert missing == [], (page, missing)


# The charts whose bars end in a count that is a figure of the register, bar by bar.
BAR_FIGURES = {
    "dedicated-officers": ("officers/officers_at_least_one", "officers/officers_none",
                           "officers/officers_unstated"),
    "other-offence-data": ("other-offences/oo_detailed", "other-offences/oo_partial",
                           "other-offences/oo_none"),
}


def _bar_labels(svg: str) -> list[str]:
    """The counts written at the ends of a chart's bars (a number, with any mark; the axis
    ticks are numbers without one, so the labels are read from the text marks' layer)."""
    layer = re.search(r'class="mark-text role-mark[^"]*"(.*?)</g>', svg, re.S)
    assert layer, "the chart writes no counts at its bars' ends"
    return [html.unescape(t) for t in re.findall(r">([^<]+)</text>", layer.group(1))]


def test_each_bar_count_carries_the_mark_of_its_figure(built: Built):
    """Fact-check 5, B7: the chart titles marked "5‡" while the bar read "5"; a constructed
    count is never printed bare on a chart, and a published one (the release's 7 and 12) is
    not marked."""
    charts = built.html / "book" / "downloads" / "charts"
    register = {f["id"]: f for f in json.loads(next((built.html / "book" / "downloads").glob(
        "figures*.json")).read_text(encoding="utf-8"))["figures"]}
    marks = {"illustrative": "‡", "unverified": "†"}
    for chart, ids in BAR_FIGURES.items():
        svg = next(charts.glob(f"{chart}*.svg")).read_text(encoding="utf-8")
        expected = sorted(register[i]["text"] + marks.get(register[i]["status"], "")
                          for i in ids if register[i]["raw"])
        assert sorted(_bar_labels(svg)) == expected, chart
    # Fact-check 6, B1: the attrition chart's counts, unverified, were printed bare.
    attrition = _bar_labels((charts / "attrition.svg").read_text(encoding="utf-8"))
    stages = [register[f"attrition/att_{k}"] for k in ("recorded", "charged", "convicted")]
    for stage, label in zip(stages, attrition, strict=False):
        assert label.startswith(stage["text"] + marks.get(stage["status"], "")), label
    spo = next(charts.glob("spo-applications*.svg")).read_text(encoding="utf-8")
    status = register["spo/spo_band_low"]["forces_status"]
    labels = _bar_labels(spo)
    assert labels and all(label.endswith(marks.get(status, "")) for label in labels)


# A file of the project's data or code, by its name: no reader can open one.
PROJECT_FILE = re.compile(r"\b[\w.-]+\.(?:ya?ml|py|ftl|ipynb)\b")


def test_no_page_or_printed_page_names_a_file_of_the_project(built: Built):
    """Fact-check 6, B4: the record of changes printed "(pre_release.yml now says ...)"."""
    from helpers import pdf_pages

    printed = [(i + 1, PROJECT_FILE.findall(text)) for i, text in
               enumerate(pdf_pages(built.pdf))]
    assert [hit for hit in printed if hit[1]] == []
    pages = [*sorted((built.html / "book").rglob("*.html")), built.html / "index.html"]
    on_screen = {p.name: PROJECT_FILE.findall(_text(p.read_text(encoding="utf-8")))
                 for p in pages}
    assert {name: hits for name, hits in on_screen.items() if hits} == {}


def test_the_methodology_gives_each_source_the_status_the_code_of_practice_counts(built: Built):
    """Fact-check 6, B7: the Code of Practice counted 13 published and 1 unverified source,
    while the methodology said "Published: yes" of 14, the unverified press coverage too."""
    said = _text(built.page("code-of-practice"))
    counts = {kind: int(n) for n, kind in re.findall(
        r"(\d+) (published|not published|unverified)", said.split("The report cites", 1)[1][:300])}
    methodology = built.page("methodology")
    listed = {"published": 0, "not published": 0, "unverified": 0}
    for row in _rows(methodology, "sources"):
        published = row[1]
        kind = ("unverified" if "unverified" in published else
                "not published" if published.startswith("no") else "published")
        listed[kind] += 1
    listed["published"] += len(_rows(methodology, "public-sources"))
    assert {k: v for k, v in listed.items() if v} == counts, (counts, listed)


def test_a_public_answer_is_not_marked_in_a_chart_table(built: Built):
    """Fact-check 6, B3: South Yorkshire said itself that it has a dedicated stalking officer,
    but the officers chart's table marked "at least one‡" as constructed; its count stays."""
    page = built.page("officers")
    table = re.search(r'<table class="nsc-data-table".*?</table>', page, re.S)
    assert table, "the officers chart has no data table"
    rows = [[c for c in re.findall(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", r, re.S)]
            for r in re.findall(r"<tr\b[^>]*>(.*?)</tr>", table.group(0), re.S)]
    south = next(r for r in rows if "South Yorkshire" in _text(r[0]))
    count, answer = south[1], south[2]
    assert "nsc-mark" in count and "nsc-mark" not in answer, south
    assert _text(answer).strip() == "at least one"



def test_a_count_worked_out_from_published_figures_is_published(built: Built):
    """Fact-check 6, B5: "The other 16‡ gave none": 16 is the 43 forces asked less the 27 that
    answered, both published; which 16 they are is the constructed answers'."""
    register = {f["id"]: f for f in json.loads(next((built.html / "book" / "downloads").glob(
        "figures*.json")).read_text(encoding="utf-8"))["figures"]}
    asked, answered = register["data-gaps/gaps_asked"], register["data-gaps/gaps_responded"]
    others = register["data-gaps/gaps_not_responded"]
    assert others["raw"] == asked["raw"] - answered["raw"]
    if asked["status"] == answered["status"] == "published":
        assert others["status"] == "published"
    returns = register["data-gaps/gaps_no_response"]["forces_status"]
    assert others["forces_status"] == returns  # the list: the answers' status
    page = _text(built.page("data-gaps"))
    assert re.search(rf"The other {others['text']} gave none", page), page[:2000]


def test_the_spo_chapters_table_prints_rates_as_the_pages_do(built: Built):
    """Fact-check 7, B1: the SPO chart's table printed 3.9 and 4.0 beside the page's median of
    3.95, and pairs of forces alike that the force pages tell apart."""
    register = {f["id"]: f for f in json.loads(next((built.html / "book" / "downloads").glob(
        "figures*.json")).read_text(encoding="utf-8"))["figures"]}
    median = register["spo/spo_median_per_1000"]["text"]
    places = len(median.split(".")[1]) if "." in median else 0
    page = built.page("spo")
    table = re.search(r'<table class="nsc-data-table".*?</table>', page, re.S)
    assert table
    rates = [_text(re.sub(r"<sup.*?</sup>", "", row[-1])).strip() for row in (
        re.findall(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", r, re.S)
        for r in re.findall(r"<tr\b[^>]*>(.*?)</tr>", table.group(0), re.S)) if row]
    rates = [r for r in rates if re.fullmatch(r"[\d,]+(\.\d+)?", r)]
    assert len(rates) >= 10
    assert all(len(r.split(".")[1]) == places for r in rates if "." in r), rates
    assert len(set(rates)) == len(rates)  # no two forces print alike


def test_a_remainder_of_published_counts_is_published(built: Built):
    """Fact-check 7, B2: the 5 forces that gave part of the breakdown (27 - 11 - 11) were
    marked as made up, though all its parts are the release's; so were the 8 that did not say
    whether they have a dedicated officer (27 - 7 - 12), whose sentence then marks how they
    answered (constructed) where each count stands, not at its end."""
    register = {f["id"]: f for f in json.loads(next((built.html / "book" / "downloads").glob(
        "figures*.json")).read_text(encoding="utf-8"))["figures"]}
    for rest, whole, parts in (
            ("other-offences/oo_partial", "other-offences/oo_responding",
             ("other-offences/oo_detailed", "other-offences/oo_none")),
            ("officers/officers_unstated", "officers/officers_responding",
             ("officers/officers_at_least_one", "officers/officers_none"))):
        assert register[rest]["raw"] == register[whole]["raw"] - sum(
            register[p]["raw"] for p in parts)
        if all(register[k]["status"] == "published" for k in (whole, *parts)):
            assert register[rest]["status"] == "published", rest
    unstated = register["officers/officers_unstated"]
    # The page's words with each mark next to its figure (the words a screen reader hears
    # for it left out).
    page = re.sub(r'<span class="nsc-visually-hidden">.*?</span>', "", built.page("officers"))
    said = re.search(rf"The other {unstated['text']}(\S*) did not say either way: ([^.]+)\.",
                     re.sub(r"\s+([‡†])", r"\1", _text(page)))
    assert said, "the officers chapter no longer gives the forces that did not say"
    kinds = [register[f"officers/officers_unstated_{k}"]
             for k in ("described", "not_held", "refused")]
    marks = {"illustrative": "‡", "unverified": "†"}
    assert said.group(1) == marks.get(unstated["status"], "")
    for kind in kinds:  # each count of how they answered, with its mark where it stands
        if kind["raw"]:
            assert f"{kind['text']}{marks.get(kind['status'], '')} " in said.group(2) + " ", \
                (kind["id"], said.group(0))


def test_the_record_of_changes_cites_no_internal_review_codes(built: Built):
    """Fact-check 7: the printed record of changes gave reasons such as "(fact-check 5, B4)",
    codes of the team's own review notes that no reader has."""
    text = _text(built.page("revisions"))
    assert not re.search(r"fact-check \d+, [A-Z]\d+", text, re.I)
