"""Every force page shows its real published figures, equal to the published files.

The expected figures are read here straight from the files as published (data/public/raw/,
and ../shared/data/public/ where it is beside the project), by force code or by the force's
name as those files spell it, not through the project's own reading of them; they are compared
with what each force's executed notebook glued for its page and briefing."""

from __future__ import annotations

import csv
import json
import re

import nbformat
import pytest
from helpers import DATA, EDITION, ROOT

from nsc_report.data import load_edition
from nsc_report.layout import slug
from nsc_report.present import fmt
from nsc_report.publishing.downloads import chart_outputs
from nsc_report.publishing.register import _record, glued

RAW = DATA / "public" / "raw"
SHARED = ROOT.parent / "shared" / "data" / "public"
FORCES = list(csv.DictReader((DATA / "reference" / "forces.csv").open(encoding="utf-8")))


def rows(name: str) -> list[dict[str, str]]:
    with (RAW / name).open(encoding="utf-8-sig") as f:
        return [{k.strip(): (v or "").strip() for k, v in r.items()} for r in csv.DictReader(f)]


@pytest.fixture(scope="module")
def ed():
    return load_edition(DATA, EDITION)


def page(code_name: dict[str, str]) -> dict[str, str]:
    return glued(ROOT / "book" / "forces" / f"{slug(code_name['force_name'])}.ipynb")


def test_the_committed_files_are_the_published_ones():
    if not SHARED.is_dir():
        pytest.skip("../shared/data/public is not beside this checkout")
    for path in sorted(SHARED.glob("*")):
        if path.is_file():
            assert (RAW / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.parametrize("force", FORCES, ids=[f["force_name"] for f in FORCES])
def test_each_force_page_shows_its_published_figures(force):
    code, who = force["force_code"], force["force_name"]
    figs = page(force)
    record = _record(nbformat.read(
        ROOT / "book" / "forces" / f"{slug(who)}.ipynb", as_version=4))["figures"]

    recorded = {r["pfa_code"]: r for r in rows(
        "recorded-stalking-and-harassment-offences-by-force-2017-18.csv")}
    stalking = int(recorded[code]["stalking_8Q"])
    assert f"{who} recorded {fmt.count(stalking)} stalking offences" in figs["pub_recorded_text"]
    assert record["pub_recorded_stalking"]["raw"] == stalking

    outcomes = [r for r in rows("stalking-outcomes-by-force-2014-15-to-2021-22.csv")
                if r["pfa_code"] == code and r["financial_year"] == "2021/22"]
    total, charged = int(outcomes[0]["stalking_outcomes_total"]), int(
        outcomes[0]["charge_summons"])
    assert (f"{fmt.count(charged)} of the {fmt.count(total)} outcomes {who} assigned"
            in figs["pub_charge_text"])
    assert record["pub_charge_rate"]["raw"] == pytest.approx(100 * charged / total)

    court = [r for r in rows("stalking-proceedings-and-convictions-by-force-2010-to-2021.csv")
             if r["Police force name"] == who and r["Year"] == "2021"]
    if court:
        p, c = int(court[0]["Number of proceedings"]), int(court[0]["Number convicted"])
        assert f"In 2021, {fmt.count(p)} defendants" in figs["pub_court_text"]
        assert f"{fmt.count(c)} were convicted" in figs["pub_court_text"]
    else:  # said in words, not as a zero
        assert "have no row" in figs["pub_court_text"] and "pub_proceedings" not in record

    orders = [r for r in rows("spo-applications-by-force-foi-2020-21-and-2021-22.csv")
              if r["Force name"] == who]
    text = figs["pub_orders_text"]
    if not orders:
        assert "is not among the forces" in text
    else:
        applied = orders[0]["Applied for in 2021-2022"]
        if applied.isdigit():
            assert re.search(rf"\b{fmt.count(int(applied))}( Stalking Protection Orders)? in "
                             rf"2021/22", text), text
        else:  # no zero is printed for a missing answer
            assert "For 2021/22:" in text or "no figure" in text

    # Every published figure on the page is registered as published, with its source.
    for key, entry in record.items():
        if key.startswith("pub_"):
            assert entry["status"] == "published" and entry["sources"], key
            # The published series, and for the sentences that name counting-rule changes the
            # table of those changes; nothing of the FOI answers.
            assert "data/public/series.csv" in entry["files"], key
            assert set(entry["files"]) <= {"data/public/series.csv",
                                           "data/reference/counting_rules.csv"}, key


def test_a_missing_answer_is_said_in_words():
    gm = page({"force_name": "Greater Manchester"})
    assert "There is no rate for 2019/20. Greater Manchester supplied no outcomes data" \
        in gm["pub_charge_text"]
    met = page({"force_name": "Metropolitan Police"})
    assert "more orders granted than applied for" in met["pub_orders_text"]
    assert "337 granted" in met["pub_orders_text"]


def _spec(html: str) -> dict:
    found = re.search(r'<script type="application/json" id="[^"]+-spec">(.*?)</script>',
                      html, re.S)
    assert found
    return json.loads(found.group(1).replace("<\\/", "</"))


def test_every_chart_that_crosses_a_counting_rule_change_marks_it(ed):
    notebooks = sorted((ROOT / "book").rglob("*.ipynb"))
    crossing = 0
    for meta, data in chart_outputs(notebooks):
        table = meta["csv"].splitlines()
        header = next(csv.reader(table[:1]))
        if "Counting rules" not in header:
            continue
        column = header.index("Counting rules")
        eras = {row[column].split(" (")[0] for row in csv.reader(table[1:])}
        spec = _spec(data["text/html"])
        layers = spec.get("layer", [])
        rules = [layer for layer in layers if layer.get("mark", {}).get("type") == "rule"]
        if len(eras) > 1:
            crossing += 1
            assert rules, f"{meta['name']} crosses a counting-rule change without marking it"
            changes = spec["datasets"][rules[0]["data"]["name"]]
            # Two changes can fall between the same two points (no period between them), so
            # the marks are every change of the table between the first point and the last.
            assert len(changes) >= len(eras) - 1, meta["name"]
            points = [d["at"][:10] for data in spec["datasets"].values() for d in data
                      if "era" in d]
            within = [c.day.isoformat() for c in ed.counting_rules
                      if min(points) < c.day.isoformat() <= max(points)]
            assert sorted(d["at"][:10] for d in changes) == within, meta["name"]
            # Lines are drawn within one era: the line layer is split by era.
            line = next(layer for layer in layers if layer.get("mark", {}).get("type") == "line")
            assert line["encoding"]["detail"]["field"] == "segment", meta["name"]
    assert crossing >= 2 * 43 + 1  # two on every force page, one in the attrition chapter


def test_the_briefing_shows_the_published_figures_apart_from_the_answers(ed):
    from nsc_report.printing.briefing import published_html

    figs = page({"force_name": "Durham"})
    code = str(ed.forces.set_index("force_name").at["Durham", "force_code"])
    box = published_html(ed, figs, code)
    assert 'class="published"' in box and "not answers to our request" in box
    assert "‡" not in box  # real figures carry no mark
    for key in ("pub_recorded_text", "pub_charge_text", "pub_court_text", "pub_orders_text"):
        assert figs[key].replace("'", "&#x27;").replace('"', "&quot;") in box


def test_published_statistics_are_in_the_downloads(ed):
    from nsc_report.publishing.downloads import download_names, published_table

    assert download_names(ed)["published-statistics.csv"] == "published-statistics.csv"
    table = published_table(ed)
    assert set(table["data_status"]) == {"published"}
    assert table["source"].str.len().min() > 0 and table["licence"].str.len().min() > 0
    assert len(table) == len(ed.public.table)
