"""Fact-check 10 (docs/reviews/fact-check-10-2026-12-08.md), Part B, tested on the built site:
the record of changes quotes constructed and unverified figures with their marks (B1); the
conviction chart's share of unverified counts carries their mark (B2); a mark's word for a
screen reader makes no bracket inside a bracket (B3); the methodology does not call unverified
counts real (B5); a force's table of answers is not headed as answers it did not give (B6);
the report's names of published series are not set as titles (B7)."""
from __future__ import annotations

import csv
import html
import json
import re

from helpers import Built


def _text(page: str, heard: bool = False) -> str:
    """A page's text as it is seen (marks as their symbols), or as it is heard (`heard`: with
    each mark's word for a screen reader)."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    if not heard:
        page = re.sub(r'<span class="nsc-visually-hidden">.*?</span>', "", page, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page)))


def _register(built: Built) -> list[dict[str, str]]:
    path = next((built.html / "book" / "downloads").glob("figures*.csv"))
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_the_record_prints_no_constructed_or_unverified_figure_bare(built: Built):
    """B1: "15 forces and 4,129 offences", "the 131,200", "(2, 4, 0) beside 4.0": figures the
    register marks, bare under a key that calls unmarked figures published. Every figure of
    the register that is not published and is printed with a separator or a decimal (4,129;
    2,525.5; 3.95) carries its mark wherever the record quotes it."""
    record = _text(built.page("revisions"))
    register = _register(built)
    # (The release's 1.7% is published; the chart's own division, unverified, prints alike.)
    published = {r["text"] for r in register if r["status"] == "published"}
    distinctive = {r["text"] for r in register if r["status"] != "published"
                   and r["kind"] == "figure" and re.fullmatch(r"[+-]?\d[\d,]*[.,]\d+%?", r["text"])
                   and r["text"] not in published}
    assert {"4,129", "131,200", "11,039"} <= distinctive
    bare = sorted(t for t in distinctive
                  if re.search(rf"(?<![\d,.]){re.escape(t)}(?![\d‡†]|[.,]\d)", record))
    assert not bare, bare
    for quoted in ("15‡ forces and 4,129‡ offences", "the 131,200† are called", "(2‡, 4‡, 0‡)",
                   "the 22‡ force pages", "the 26‡ counts"):
        assert quoted in record, quoted


def test_the_conviction_chart_marks_its_share_of_unverified_counts(built: Built):
    """B2: the chart drew 2,196† ÷ 131,200† as "1.7%", bare, while its data file called the
    row unverified."""
    page = built.page("attrition")
    spec = next(json.loads(m.group(1)) for m in re.finditer(
        r'<script type="application/json" id="[^"]*attrition[^"]*-spec">(.*?)</script>', page,
        re.S))
    labels = [str(row.get("label", "")) for rows in spec.get("datasets", {}).values()
              for row in rows]
    assert any(re.fullmatch(r"2,196† \(1\.7%†\)", label) for label in labels), labels
    text = _text(page)
    assert "Convictions were only 1.7%† of the number of stalking offences police recorded" \
        in text
    assert "the same figure as the rate the Trust's release states" in text.replace("’", "'")
    # The headline itself, the release's statement, stays published and unmarked.
    assert "states that only 1.7% of stalking cases result in a conviction" in text


def test_no_mark_is_heard_as_a_bracket_inside_a_bracket(built: Built):
    """B3: "fell (15 (illustrative) forces)": each page's text as a screen reader meets it."""
    def nested(text: str) -> list[str]:
        found, depth = [], 0
        for i, ch in enumerate(text):
            depth += (ch == "(") - (ch == ")")
            depth = max(depth, 0)
            if ch == "(" and depth == 2:
                found.append(text[max(0, i - 50):i + 30])
        return found

    pages = sorted((built.html / "book").rglob("*.html"))
    heard = {p.name: nested(_text(p.read_text(encoding="utf-8"), heard=True)) for p in pages}
    assert not {name: hits for name, hits in heard.items() if hits}
    # Nor beside one (fact-check 11, B5: "3,276 (illustrative) (of the 26, illustrative, ..."):
    # a mark's word after a bracket, or before one, in the same paragraph or cell.
    beside = re.compile(r"\)[‡†]? \((?:illustrative|unverified)\)|"
                        r"[‡†] \((?:illustrative|unverified)\) ?\(")
    said = {p.name: beside.findall(_text(p.read_text(encoding="utf-8"), heard=True))
            for p in pages}
    assert not {name: hits for name, hits in said.items() if hits}
    legend = _text(built.page("find-your-force"), heard=True)
    assert re.search(r"\(\d+‡, illustrative, forces\)", legend), legend[:2000]


def test_the_methodology_says_which_national_counts_are_unverified(built: Built):
    """B5: "The national counts ... are real and cited", though four of them are unverified."""
    text = _text(built.page("methodology"))
    assert "The national counts, the published headline figures" not in text
    assert "except the 4 marked †, which are unverified: the reference period" in text


def test_a_forces_answers_are_headed_for_what_they_are(built: Built):
    """B6: "Every answer it gave" headed the table of the 16 forces that gave none."""
    for force in ("city-of-london", "gwent", "durham"):
        page = built.page(f"forces/{force}")
        assert "Every answer it gave" not in page
        assert re.search(r"<h2>Question by question", page), force


def test_the_reports_names_of_published_series_are_not_set_as_titles(built: Built):
    """B7: "Read, with no figure for City of London: “Stalking prosecutions and convictions by
    police force area”, ...": the report's own names, in quotation marks, read as files'."""
    text = _text(built.page("forces/city-of-london"))
    said = re.search(r"Read, with no figure for City of London: ([^.]*)\.", text)
    assert said, text
    assert "“" not in said.group(1) and "Stalking prosecutions and convictions" in said.group(1)
