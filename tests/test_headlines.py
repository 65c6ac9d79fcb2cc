"""Every headline figure of the published 2024 release, found in its sentence in the built book.

The expected values are recomputed here from the data files with the csv and yaml modules,
independently of nsc_report, so that an error in the package cannot hide itself."""

from __future__ import annotations

import csv
import re
from collections import defaultdict

import pytest
import yaml
from bs4 import BeautifulSoup
from helpers import DATA, EDITION, Built

pytestmark = pytest.mark.build


def sentences(built: Built, page: str) -> list[str]:
    soup = BeautifulSoup(built.page(page), "html.parser")
    for hidden in soup.select("script, style, .cell_input, details.hide, .nsc-mark"):
        hidden.decompose()
    text = re.sub(r"\s+", " ", (soup.select_one("article") or soup).get_text(" "))
    text = text.replace(" .", ".").replace(" ,", ",").replace(" :", ":")
    return re.split(r"(?<=[.!?])\s+(?=[A-Z0-9£])", text)


def find(sents: list[str], *parts: str) -> str:
    for s in sents:
        if all(p in s for p in parts):
            return s
    raise AssertionError(f"no sentence holds all of {parts}")


@pytest.fixture(scope="module")
def expected() -> dict[str, str]:
    with (DATA / EDITION / "foi_returns.csv").open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    with (DATA / EDITION / "pcc_commitments.csv").open(newline="") as fh:
        committed = {r["force_code"] for r in csv.DictReader(fh) if r["committed"] == "true"}
    with (DATA / EDITION / "national.csv").open(newline="") as fh:
        national = {(r["measure"], r["period"]): float(r["value"]) for r in csv.DictReader(fh)}
    meta = yaml.safe_load((DATA / EDITION / "edition.yml").read_text())
    cps = yaml.safe_load((DATA / EDITION / "cps.yml").read_text())

    value = {(r["force_code"], r["question_id"], r["period"]): int(r["value"])
             for r in rows if r["value"] and r["status"] in ("answered", "partial")}
    status = {(r["force_code"], r["question_id"], r["period"]): r["status"] for r in rows}
    responders = {k[0] for k in value}
    moves: dict[str, int] = defaultdict(int)
    for code in responders & committed:
        a, b = value.get((code, "Q1", "ye_mar_2022")), value.get((code, "Q1", "ye_mar_2023"))
        if a is not None and b is not None:
            moves["down" if b < a else "up"] += 1
    bands: dict[str, int] = defaultdict(int)
    for code in responders:
        i, f = value.get((code, "Q9", "ye_mar_2023")), value.get((code, "Q10", "ye_mar_2023"))
        if i is not None and f is not None:
            bands["low" if i + f <= 10 else "mid" if i + f <= 30 else "high"] += 1
    officers = [value.get((c, "Q6", "at_request")) for c in responders]
    detailed = sum(all(status[(c, q, "ye_mar_2023")] == "answered" for q in ("Q2", "Q3", "Q4"))
                   for c in responders)
    no_data = sum(all((c, q, "ye_mar_2023") not in value for q in ("Q2", "Q3", "Q4"))
                  for c in responders)
    rate = 100 * national[("convicted", "unconfirmed")] / national[("recorded_stalking",
                                                                      "unconfirmed")]
    return {
        "answered": str(len(responders)), "asked": str(meta["forces_asked"]),
        "share_down": f"{round(100 * moves['down'] / (moves['down'] + moves['up']))}%",
        "up": str(moves["up"]),
        "low": str(bands["low"]), "mid": str(bands["mid"]), "high": str(bands["high"]),
        "officers": str(sum(1 for v in officers if v is not None and v >= 1)),
        "no_officers": str(sum(1 for v in officers if v == 0)),
        "detailed": str(detailed), "no_data": str(no_data),
        "rate": f"{rate:.1f}%",
        "cps": cps["answer"],
        "funding": f"£{meta['funding_ask']['amount_gbp'] / 1e6:.1f} million",
        "misprint": meta["funding_ask"]["as_printed"],
    }


def test_summary_holds_every_headline_figure(built: Built, expected):
    s = sentences(built, "summary")
    e = expected
    find(s, "Only", e["rate"], "result in a conviction", "release states")
    find(s, f"{e['answered']} of the {e['asked']} police forces gave us any figures")
    find(s, e["share_down"], "recorded fewer stalking offences")
    find(s, f"only {e['up']} recorded more")
    find(s, f"{e['low']} forces applied for Stalking Protection Orders in 10 or fewer cases, "
            f"counted by kind of order")
    find(s, f"A further {e['mid']} forces applied in 11 to 30 cases", f"only {e['high']} in "
            f"more than 30")
    find(s, f"Only {e['officers']} forces said they had at least one dedicated stalking officer")
    find(s, f"{e['no_officers']} said they had none")
    find(s, f"only {e['detailed']} could give a detailed breakdown", "charged as a different "
            "crime")
    find(s, f"{e['no_data']} could give no figures at all")
    find(s, e["cps"].rstrip("."))
    find(s, e["funding"], "ring-fenced funding")


def test_notes_of_the_release_are_footnotes(built: Built):
    soup = BeautifulSoup(built.page("summary"), "html.parser")
    notes = soup.select("aside.footnote, .footnote-list .footnote, dl.footnote > dt")
    text = re.sub(r"\s+", " ", " ".join(n.get_text(" ") for n in soup.select("aside.footnote")))
    assert notes and "how many stalking cases are dropped altogether" in text
    assert soup.select('a.footnote-reference')


def test_funding_misprint_is_explained(built: Built, expected):
    s = sentences(built, "recommendations")
    find(s, expected["misprint"], "misprint", expected["funding"])


def test_conviction_rate_shows_its_working(built: Built, expected):
    s = sentences(built, "attrition")
    # The headline rate, said as what it is (convictions against recorded offences, a
    # fact-check's correction of "stalking cases result in a conviction"), and the arithmetic.
    find(s, "Convictions were only", expected["rate"], "stalking offences police recorded")
    find(s, "2,196 ÷ 131,200 = 1.67%", "agrees with the rate the release states")
    find(s, "not confirmed")


def test_landing_page_key_figures(built: Built, expected):
    soup = BeautifulSoup(built.page("index"), "html.parser")
    for mark in soup.select(".nsc-mark"):  # the provenance mark after an illustrative figure
        mark.decompose()
    figures = [f.get_text(" ", strip=True) for f in soup.select(".nsc-key-figure strong")]
    assert expected["rate"] in figures[0]
    assert f"{expected['answered']} of {expected['asked']}" in figures[1]
    assert expected["share_down"] in figures[2]
