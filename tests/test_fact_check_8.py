"""What the seventh fact-check left open in the built 2024 edition (docs/reviews): tested on the
built site and its register, not on the templates."""
from __future__ import annotations

import html
import json
import re

from helpers import Built

MARKS = {"illustrative": "‡", "unverified": "†"}


def _text(fragment: str) -> str:
    fragment = re.sub(r"<(script|style)\b.*?</\1>", " ", fragment, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)))


def _register(built: Built) -> dict[str, dict]:
    return {f["id"]: f for f in json.loads(next((built.html / "book" / "downloads").glob(
        "figures*.json")).read_text(encoding="utf-8"))["figures"]}


def test_a_force_that_placed_itself_in_a_list_is_named_there_without_the_mark(built: Built):
    """Fact-check 7: the register's list of the 7 forces with at least one dedicated officer
    read "the list of forces is constructed ‡ Northumbria, Cheshire, South Yorkshire, ...",
    though South Yorkshire has said so itself (a published source); the others' places in it
    are constructed and each keeps its mark."""
    register = _register(built)
    entry = register["officers/officers_at_least_one"]
    public = entry.get("public_forces") or []
    assert "South Yorkshire" in public and set(public) <= set(entry["forces"])
    page = built.page("figures")
    row = re.search(r'<tr id="fig-officers-officers_at_least_one">.*?</tr>', page, re.S)
    assert row, "the register has no row for the forces with at least one dedicated officer"
    listed = re.search(r"</summary>(.*?)</details>", row.group(0), re.S)
    assert listed
    mark = MARKS[entry["forces_status"]]
    names = [_text(n).strip() for n in listed.group(1).split(", ")]
    for name in entry["forces"]:
        shown = next(n for n in names if n.startswith(name))
        if name in public:
            assert shown == name, shown
        else:
            assert mark in shown and "illustrative" in shown, shown  # seen and heard


def test_no_published_series_note_chains_colons(built: Built):
    """Fact-check 7: "For 2021/22: no figure in the published file (an empty cell): not given,
    not zero." strung three clauses on colons."""
    for page in sorted((built.html / "book" / "forces").glob("*.html")):
        for sentence in re.split(r"(?<=[.!?])\s+", _text(page.read_text(encoding="utf-8"))):
            if sentence.startswith("For ") and "published file" in sentence:
                assert sentence.count(":") <= 1, (page.stem, sentence)


def test_a_chart_of_constructed_data_says_so_to_a_screen_reader(built: Built):
    """Fact-check 7: the data-gaps scorecard's text alternative gave its constructed counts
    ("8 did not respond, 6 refused on cost ...") with nothing to say they are made up, though
    the chart sits under the notice. Every chart's text alternative carries its notice."""
    checked = 0
    for path in sorted((built.html / "book").rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        for figure in re.findall(r'<figure class="nsc-chart".*?</figure>', page, re.S):
            status = re.search(r'class="nsc-chart-status" data-nsc-status="(\w+)">(.*?)</p>',
                               figure, re.S)
            label = re.search(r'role="img" aria-label="([^"]*)"', figure)
            assert label, path.name
            if status:
                notice = html.unescape(status.group(2)).strip()
                assert html.unescape(label.group(1)).startswith(notice), \
                    (path.name, label.group(1)[:120])
                checked += 1
    assert checked >= 5  # the chapters' charts of the constructed answers at least


# --- Fact-check 8 (docs/reviews/fact-check-8-2026-12-07.md), Part B -----------------------------

SPOKEN = {"illustrative": " (illustrative)", "unverified": " (unverified)"}


def _chart_labels(built: Built) -> dict[str, str]:
    """Each chart's text alternative (its aria-label), by the chart's name."""
    found = {}
    for path in sorted((built.html / "book").glob("*.html")):
        page = path.read_text(encoding="utf-8")
        for name, label in re.findall(r'<div class="nsc-chart-canvas" id="nsc-chart-([\w-]+)" '
                                      r'role="img" aria-label="([^"]*)"', page):
            found[name] = html.unescape(label)
    return found


def _said(register: dict[str, dict], key: str) -> str:
    """A figure as a text alternative says it: its text, and its status in words where the
    register marks it."""
    return register[key]["text"] + SPOKEN.get(register[key]["status"], "")


def test_chart_text_alternatives_say_what_is_drawn_with_each_figure_status(built: Built):
    """Fact-check 8, B1: the reports chart's text alternative described the commitment
    grouping the chart no longer draws and read as placing Merseyside and Greater Manchester
    among the committed forces; the SPO chart's named the force the chapter leaves unnamed;
    the attrition chart's left out the jailed bar; their counts carried no status."""
    labels, register = _chart_labels(built), _register(built)
    names = _force_names(built)
    reports = labels["reports-change"]
    assert "committed" not in reports and "PCC" not in reports, reports
    for key in ("reports/reports_forces_both_years", "reports/reports_forces_up_all"):
        assert _said(register, key) in reports, (key, reports)
    # No force named beside a constructed value where the chapter names none.
    for chart in ("reports-change", "spo-applications"):
        assert [n for n in names if n in labels[chart]] == [], labels[chart]
    spo = labels["spo-applications"]
    for key in ("spo/spo_band_low", "spo/spo_top_total", "spo/spo_median"):
        assert _said(register, key) in spo, (key, spo)
    attrition = labels["attrition"]
    for stage in ("recorded", "charged", "convicted", "jailed"):
        assert _said(register, f"attrition/att_{stage}") in attrition, (stage, attrition)
    assert ".." not in attrition  # a notice that ends its own sentence takes no second stop
    for chart, keys in (("dedicated-officers", ("officers_at_least_one", "officers_none")),
                        ("transparency-scorecard", ("gaps_over_half", "gaps_no_response"))):
        section = "officers" if chart == "dedicated-officers" else "data-gaps"
        for key in keys:
            assert _said(register, f"{section}/{key}") in labels[chart], (key, labels[chart])
    assert not any(m in label for label in labels.values() for m in MARKS.values())


def _force_names(built: Built) -> list[str]:
    """The names of the 43 forces (the reference data)."""
    import csv

    with (built.root / "data" / "reference" / "forces.csv").open(encoding="utf-8") as f:
        return [row["force_name"] for row in csv.DictReader(f)]


def test_a_chart_of_published_counts_is_not_labelled_illustrative(built: Built):
    """Fact-check 8, B4: the other-offences chart draws three counts the release states (11,
    5 and 11), yet carried the notice "Illustrative data" and files named -illustrative. Its
    data are the bars it draws; each force's answers, constructed, are a table of their own,
    every cell marked."""
    charts = built.html / "book" / "downloads" / "charts"
    assert (charts / "other-offence-data.csv").is_file()
    assert not list(charts.glob("other-offence-data-illustrative.*"))
    page = built.page("other-offences")
    figure = re.search(r'<figure class="nsc-chart" id="nsc-chart-other-offence-data-figure".*?'
                       r"</figure>", page, re.S)
    assert figure and "nsc-chart-status" not in figure.group(0)
    assert "Illustrative" not in (charts / "other-offence-data.csv").read_text(encoding="utf-8")
    forces = re.search(r'<table class="nsc-table" id="nsc-table-other-offences-forces"'
                       r' data-nsc-status="illustrative">(.*?)</table>', page, re.S)
    assert forces, "each force's answers are not in a table under the answers' status"
    cells = re.findall(r"<td>(.*?)</td>", forces.group(1), re.S)
    assert cells and all("nsc-mark-illustrative" in c for c in cells if _text(c).strip())


def test_the_map_classes_each_change_as_it_prints_it(built: Built):
    """Fact-check 8, B6: Derbyshire's square printed "+10%" in the class "rose by more than
    10%" (its change was 10.26%), beside "+9%" in "up to 10%"."""
    page = built.page("find-your-force")
    tiles = re.findall(r'<a class="nsc-tile"[^>]*data-change="(\w+)"[^>]*>(.*?)</a>', page, re.S)
    assert len(tiles) == 43
    seen = 0
    for cls, inner in tiles:
        value = re.search(r'data-for="change"[^>]*>([^<]*)', inner)
        assert value
        printed = value.group(1)
        if cls == "na":
            assert printed == "–"
            continue
        number = float(printed.rstrip("%"))
        assert cls == ("c0" if number < 0 else "c1" if number <= 10 else "c2"), (printed, cls)
        assert re.fullmatch(r"[+-]\d+\.\d%", printed), printed  # as the chapter prints it
        seen += 1
    assert seen >= 20


def test_a_chart_image_says_what_its_marks_mean(built: Built):
    """Fact-check 8, B9: attrition.svg printed † four times and the reports and scorecard
    images ‡ in their titles, with no key: a downloaded image is read without the page."""
    checked = 0
    for path in sorted((built.html / "book" / "downloads" / "charts").glob("*.svg")):
        # What the image prints: its text elements (a title's lines are tspans of one).
        text = " ".join(_text(t) for t in re.findall(r"<text\b[^>]*>(.*?)</text>",
                                                        path.read_text(encoding="utf-8"), re.S))
        for status, mark in MARKS.items():
            if mark in text.replace(f"{mark} marks", ""):
                assert f"{mark} marks" in text, (path.name, status)
                assert "Figures without a mark are published" in text, path.name
                checked += 1
    assert checked >= 3  # attrition, reports, the SPO chart and the scorecard at least
