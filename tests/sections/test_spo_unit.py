"""One unit for the SPO bands everywhere they are printed (fact-check 4, finding B2).

A force's banded number is the cases in which it applied for an interim order plus the cases in
which it applied for a full one (a case with both counts once for each kind): "cases counted by
kind of order". The chapter had said "10 or fewer cases" beside "375 counted by kind of order",
and the chart, the force pages, the briefings, the summary, the landing page, the release and the
key findings called the same sum plain "cases". Every place that prints a band, the sum or its
chart now names the one unit."""

from __future__ import annotations

import re

import pytest
from helpers import DATA, ROOT

from nsc_report.data import Edition, load_edition
from nsc_report.present import words
from nsc_report.sections import find_force, force, spo

UNIT = "counted by kind of order"
MET, WEST_MERCIA = "E23000001", "E23000016"


@pytest.fixture(scope="module")
def ed() -> Edition:
    return load_edition(DATA, "2024", lazy=True)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_chart_and_the_registers_band_entries_name_the_unit(ed: Edition):
    chart = spo.chart(ed)
    for name, text in (("title", chart.title), ("caption", chart.caption),
                       ("alt text", chart.alt_text), ("axis", str(chart.chart.to_dict()))):
        assert UNIT in text, (name, text)
    r = spo.figures(ed)
    for key in ("spo_band_low", "spo_band_mid", "spo_band_high", "spo_total", "spo_median",
                "spo_band_low_label", "spo_top_total"):
        assert "kind of order" in r.figures[key].definition, (key, r.figures[key].definition)
    for key in ("spo_band_low", "spo_band_mid", "spo_band_high"):
        finding = r.figures[key].finding or ""
        assert UNIT in finding, (key, finding)


def test_force_pages_briefings_and_the_map_name_the_unit(ed: Edition):
    for code in (MET, WEST_MERCIA):
        text = force.figures(ed, code).figures["force_spo_text"].text
        assert re.search(rf"band of [\w ]+ cases, {UNIT}", text), text
    briefing = words.of(ed, "briefing").text("briefing-national-spo", forces=12,
                                             band="10 or fewer")
    assert UNIT in briefing, briefing
    for label in (words.of(ed, "find-your-force").text("find-your-force-spo-short"),
                  words.of(ed, "find-your-force").text("find-your-force-spo", period="YE")):
        assert UNIT in label, label
    assert find_force  # the map's measure is labelled by the two messages above


@pytest.mark.parametrize("path", [
    "notebooks/spo.md", "data/2024/chapters/summary.md", "book/index.md",
    "data/2024/press/release.md", "data/2024/press/key-findings.md"])
def test_every_printed_band_sentence_names_the_unit(path: str):
    """Each paragraph (or footnote, or list item) that prints a band's label says what it
    counts, in the one unit."""
    text = (ROOT / path).read_text(encoding="utf-8")
    paragraphs = [_flat(p) for p in re.split(r"\n\s*\n|\n- ", text)
                  if re.search(r"spo_band_(low|mid|high)_label", p)]
    assert paragraphs, path
    for paragraph in paragraphs:
        assert "kind of order" in paragraph, (path, paragraph)
        assert "interim or full" not in paragraph, (path, paragraph)
