"""Fact-check 5 (docs/reviews/fact-check-5-2026-12-07.md), B2, B6 and B8 (a, b), tested on the
built site: the median SPO rate and the force pages' rankings are of the unrounded rates, and
every rate prints with its decimal; South Yorkshire's public answer is stated with its source,
unmarked, and the methodology names the public facts; the SPO and officers chapters say no
more than their sources."""
from __future__ import annotations

import csv
import html
import re
import statistics

from helpers import Built

from nsc_report.measures.spo import PER_1000_PLACES as PLACES

MEDIAN = re.compile(r"offences: ([\d.]+)‡? \(of the (\d+)‡? forces that gave this figure, (\w+)‡? "
                    r"had a higher one(?:, (\w+)‡? a lower one and (\w+)‡? the same| and "
                    r"(\w+)‡? a lower one); the median: ([\d.]+)‡?\)")


def _text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))
    # Straight quotes for the typographer's (Sphinx's smart quotes), one mark per figure.
    text = text.translate(str.maketrans({"\u2019": "'", "\u201c": '"', "\u201d": '"'}))
    # A mark's word for a screen reader: in brackets, or after a comma inside brackets.
    text = re.sub(r"\s*‡\s*(?:\(illustrative\)|, illustrative,?)", "‡", text)
    return re.sub(r"‡ ([),.;])", r"‡\1", text)  # a mark stands in an element of its own


def _number(word: str | None) -> int:
    return 0 if word in (None, "none") else int(word)


def _spo_rates(built: Built) -> dict[str, float]:
    """The chart CSV's rates, unrounded: recomputed from the counts it gives beside them."""
    path = next((built.html / "book" / "downloads" / "charts").glob("spo-applications*.csv"))
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    recorded = next(c for c in rows[0] if c.startswith("Stalking offences recorded"))
    rates = {}
    for row in rows:
        if row[recorded]:
            rate = 1000 * int(row["Cases, counted by kind of order"]) / int(row[recorded])
            # A number in the CSV, as a program reads it: 4.5 for 4.50.
            assert float(row["Per 1,000 recorded stalking offences"]) == round(rate, PLACES), row
            rates[row["Force"]] = rate
    return rates


def test_the_printed_median_spo_rate_is_the_median_of_the_unrounded_rates(built: Built):
    """B2: the rates were rounded before the median was taken: 4.0 printed for 3.946."""
    rates = _spo_rates(built)
    assert len(rates) % 2 == 0
    median = f"{statistics.median(rates.values()):.{PLACES}f}"
    assert re.search(rf"the median rate, over the \d+‡? of them that recorded any stalking "
                     rf"offences, about {re.escape(median)}‡ for every 1,000",
                     _text(built.page("spo")))
    register = next((built.html / "book" / "downloads").glob("figures*.csv"))
    with register.open(encoding="utf-8") as f:
        row = next(r for r in csv.DictReader(f) if r["id"] == "spo/spo_median_per_1000")
    assert row["text"] == median
    assert abs(float(row["raw"]) - statistics.median(rates.values())) < 1e-9


def test_each_force_page_ranks_the_unrounded_spo_rate_and_prints_its_decimal(built: Built):
    """B2: a force printed equal to the median was ranked above it, 3.02 and 2.97 were a tie,
    and a whole rate printed "4" beside "4.0"."""
    rates = _spo_rates(built)
    median = f"{statistics.median(rates.values()):.{PLACES}f}"
    for force, rate in rates.items():
        slug = re.sub(r"[^a-z]+", "-", force.lower()).strip("-")
        page = (built.html / "book" / "forces" / f"{slug}.html").read_text(encoding="utf-8")
        text = _text(page)
        found = next(m for m in MEDIAN.finditer(text)
                     if "kind of order, per 1,000 recorded" in text[max(0, m.start() - 120):
                                                                     m.start() + 8])
        value, of, higher, lower, same, lower_only, printed_median = found.groups()
        assert value == f"{rate:.{PLACES}f}" and printed_median == median, (force, found.group(0))
        assert int(of) == len(rates)
        assert _number(higher) == sum(r > rate for r in rates.values()), force
        assert _number(lower or lower_only) == sum(r < rate for r in rates.values()), force
        assert _number(same) == sum(r == rate for r in rates.values()) - 1, force
        # The standing table (the page's and the briefing's) prints the same rate and median.
        table = re.search(r'nsc-chart-standing-.*?<table class="nsc-data-table"[^>]*>(.*?)'
                          r"</table>", page, re.S)
        assert table, force
        cells = [[_text(c).strip() for c in re.findall(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", r,
                                                          re.S)]
                 for r in re.findall(r"<tr\b[^>]*>(.*?)</tr>", table.group(1), re.S)]
        spo = next(r for r in cells if r and r[0].startswith("SPO cases"))
        assert [c.rstrip("‡") for c in spo[1:3]] == [f"{rate:.{PLACES}f}", median], (force, spo)


def test_south_yorkshires_public_answer_is_stated_with_its_source(built: Built):
    """B6: "South Yorkshire Police has a dedicated stalking officer" (South Yorkshire Police,
    April 2024) was printed only inside the constructed count, marked as constructed."""
    text = _text((built.html / "book" / "forces" / "south-yorkshire.html").read_text("utf-8"))
    said = ("South Yorkshire has said that it has at least one dedicated stalking officer. "
            "Source: South Yorkshire Police, April 2024. This is published; the figures this "
            "edition gives for the force's answers are constructed.")
    assert said in text  # unmarked: no ‡ in it
    after = text[text.index(said) + len(said):]
    assert re.match(r" At the time of our request South Yorkshire reported 2 dedicated stalking "
                    r"officers.*?‡", after), after[:200]
    # No other force's page claims a public answer.
    for page in (built.html / "book" / "forces").glob("*.html"):
        if page.stem != "south-yorkshire":
            assert "has said that it has" not in _text(page.read_text("utf-8")), page.stem


def test_the_methodology_names_the_public_facts(built: Built):
    """B6: "made up, except where a fact is public", and no page said which facts are."""
    text = _text(built.page("methodology"))
    assert "except where a fact is public" in text
    assert ("The facts that are public, each printed with its source on its force's page, are "
            "these: the Police and Crime Commissioner for Nottinghamshire made the 2022 "
            "commitment to increase reports of stalking and South Yorkshire has at least one "
            "dedicated stalking officer.") in text


def test_the_spo_and_officers_chapters_say_no_more_than_their_sources(built: Built):
    """B8: 'as the Trust's release does' (it counts orders, not cases); 'among other duties'
    (the note says only that they did not say whether any is dedicated)."""
    spo = _text(built.page("spo"))
    assert "as the Trust's release does" not in spo
    assert "The Trust's release counts the orders applied for, \"full and interim combined\"" \
        in spo
    assert "reads the release's bands as these cases, counted by kind of order" in spo
    officers = _text(built.page("officers"))
    assert "other duties" not in officers
    assert "described officers who work on stalking but not whether any is dedicated" in officers
