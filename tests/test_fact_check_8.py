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
