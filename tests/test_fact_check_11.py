"""Fact-check 11 (docs/reviews/fact-check-11-2026-12-08.md), Part B, tested on the built site:
the conviction chart's drawn share is in the register (B4); the median of the forces that gave a
number of dedicated officers, which the release's counts give, is unmarked (B7); a named force's
constructed rank in a chart title carries the mark (B6); the methodology gives the sources'
reason (B3); the record of changes keeps what each entry said (B1)."""
from __future__ import annotations

import csv
import html
import re

from helpers import Built


def _text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r'<span class="nsc-visually-hidden">.*?</span>', "", page, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page)))


def _register(built: Built) -> dict[str, dict[str, str]]:
    path = next((built.html / "book" / "downloads").glob("figures*.csv"))
    with path.open(encoding="utf-8") as f:
        return {r["id"]: r for r in csv.DictReader(f)}


def test_the_conviction_charts_share_is_in_the_register(built: Built):
    entry = _register(built)["attrition/att_conviction_share"]
    assert (entry["text"], entry["status"]) == ("1.7%", "unverified")
    assert "attrition" in entry["pages"]
    assert "Convictions were only 1.7%† of" in _text(built.page("attrition"))


def test_the_median_the_releases_counts_give_is_unmarked(built: Built):
    """B7: "(of the 19 forces ...; the median: 0‡)": 12 of the 19 had none, so it is 0."""
    checked = 0
    for page in sorted((built.html / "book" / "forces").glob("*.html")):
        said = re.search(r"Dedicated stalking officers: \d+‡ \(of the 19 forces[^)]*\)",
                         _text(page.read_text(encoding="utf-8")))
        if said:
            assert said.group(0).endswith("; the median: 0)"), said.group(0)
            checked += 1
    assert checked == 19


def test_a_named_forces_constructed_rank_is_marked_in_its_chart_title(built: Built):
    """B6: "Metropolitan Police is highest of the 26‡ forces ...": the claim bare."""
    text = _text(built.page("forces/metropolitan-police"))
    assert "Metropolitan Police is highest‡ of the 26‡ forces" in text
    assert "is highest of the" not in text


def test_the_methodology_gives_the_sources_reason(built: Built):
    text = _text(built.page("methodology"))
    assert ("except the 4 marked †, which are unverified: the reference period of these counts "
            "is not confirmed") in text


def test_the_record_keeps_what_each_entry_said(built: Built):
    """B1: an entry's "what" rewritten so that it contradicted its "why"; "10 ÷ 15" bare."""
    text = _text(built.page("revisions"))
    assert "On the conviction chart the release's 1.7% carries no mark, as elsewhere" in text
    assert "an earlier change of this version had taken its mark away" in text
    assert "10‡ ÷ 15‡" in text and "10 ÷ 15" not in text
