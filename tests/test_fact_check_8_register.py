"""Fact-check 8's register findings (B2, B3, the text of B4 and B9's register gaps), tested on
the built site and its register, not on the templates."""
from __future__ import annotations

import re

from helpers import Built
from test_fact_check_8 import _register
from test_fact_check_8 import _text as _html_text


def _text(fragment: str) -> str:
    """The page's text as a reader reads it: each mark on its figure (the site's mark is the
    symbol and its name for a screen reader), straight apostrophes."""
    # A mark's word for a screen reader: in brackets, or after a comma inside brackets.
    text = re.sub(r"\s*‡\s*(?:\(illustrative\)|, illustrative,?)", "‡",
                  _html_text(fragment)).replace("’", "'")
    return re.sub(r"\(\s+", "(", re.sub(r"\s+([,.;:)])", r"\1", text))


def test_the_release_share_is_recorded_as_the_release_gives_it_and_our_own_is_marked(
        built: Built):
    """B2: the register's entry for the published 67% printed the constructed 10, 15, 16 and
    62.5% bare, and recorded 10 ÷ 15 as how the release's figure was computed; the chapter's
    "10‡ (67%)" printed the report's own share of constructed counts unmarked."""
    register = _register(built)
    entry = register["reports/reports_share_decreased"]
    assert entry["status"] == "published"
    assert entry["numerator"] is None and entry["denominator"] is None
    # Every figure the definition prints after "own count" carries its mark.
    own = entry["definition"].split("own count", 1)[1]
    numbers = re.findall(r"\d+(?:\.\d+)?%?.?", own)
    assert numbers and all(n.endswith("‡") for n in numbers), numbers
    ours = register["reports/reports_share_decreased_own"]
    assert ours["status"] == "illustrative" and (ours["numerator"], ours["denominator"]) == (
        10, 15)
    page = _text(built.page("reports"))
    sentence = re.search(r"Of these 15‡[^.]*? forces, 10‡[^(]*\((67%[^)]*)\) recorded fewer",
                         page)
    assert sentence and sentence.group(1).startswith("67%‡"), sentence
    # The release's 67% is given with its source, beside the report's own.
    assert "The Trust's release gives 67% of the responding forces" in page


def test_counts_worked_out_from_the_releases_bands_are_published(built: Built):
    """B3: 23 (the release's 12 + 8 + 3), 4 (27 - 23) and 20 (43 - 23) were marked."""
    register = _register(built)
    for key, text in (("spo_forces_with_figures", "23"), ("spo_forces_without_figures", "4"),
                      ("spo_forces_no_figure", "20")):
        entry = register[f"spo/{key}"]
        assert (entry["text"], entry["status"]) == (text, "published"), entry
        assert entry["pages"], key
    # The report's reading of the 23 is said to be its own.
    assert "this report reads them" in register["spo/spo_forces_with_figures"]["definition"]
    spo = _text(built.page("spo"))
    # (a force's own count of 23 in the data table keeps its mark)
    assert "23‡ forces" not in spo and "4‡ of the forces" not in spo
    assert "4 of the forces that answered our request could not give both" in spo
    assert "12 of 23 forces applied for SPOs" in spo
    assert "this report reads them as the forces that told us" in spo
    legend = _text(built.page("find-your-force"))
    assert "no figure given (20 forces)" in legend
    # The same class on the map's officers legend: the 43 asked less the release's 7 and 12.
    assert "no figure given (24 forces)" in legend
    entry = register["officers/officers_no_figure"]
    assert (entry["text"], entry["status"]) == ("24", "published")
    assert "find-your-force" in entry["pages"]


def test_the_releases_11_and_5_carry_the_releases_meaning(built: Built):
    """B4 (text): "only 11 gave a detailed breakdown across all three alternatives we asked
    about" and the register's "answered all three questions ... in full" gave the release's
    figure the report's coding as its meaning."""
    register = _register(built)
    detailed = register["other-offences/oo_detailed"]["definition"]
    assert detailed.startswith("responding forces that gave a detailed breakdown of stalking "
                               "cases charged as a different crime, as the Trust's release "
                               "states it;")
    assert "the report's coding of its constructed answers: Q2, Q3 and Q4 all" in detailed
    partial = register["other-offences/oo_partial"]["definition"]
    assert partial.startswith("the other responding forces, which gave part of such a breakdown")
    page = _text(built.page("other-offences"))
    assert "across all three alternatives" not in page
    assert "detailed breakdown of stalking cases charged as a different crime, in the Trust's " \
           "release's words" in page
    assert "We count a breakdown as detailed where all three alternatives" in page


def test_the_register_finds_every_figure_where_it_is_printed_and_says_what_it_is(
        built: Built):
    """B9: figures printed inside a sentence (2‡ refused under another exemption) or a chart's
    title (the scorecard's 19‡) had no pages; the median rate's definition did not say it is
    over 22 forces; officers_responding said only some were asked about officers; the jargon
    of oo_responding; "the funding the report asks for" (the Trust's release asks for it)."""
    register = _register(built)
    # (the printed annex lists each figure with pages: these were missing from it)
    for fid, page in (("data-gaps/gaps_refused_other", "data-gaps"),
                      ("data-gaps/gaps_over_half", "data-gaps"),
                      ("spo/spo_top_total", "spo")):
        assert page in register[fid]["pages"], (fid, register[fid]["pages"])
    rate = register["spo/spo_median_per_1000"]["definition"]
    assert "over the 22‡ forces" in rate
    assert "over the 22‡ of them that recorded" in _text(built.page("spo"))
    assert "those asked about" not in register["officers/officers_responding"]["definition"]
    assert "classed" not in register["other-offences/oo_responding"]["definition"]
    funding = [e["definition"] for fid, e in register.items()
               if fid.endswith(("/funding_amount", "/funding_exact"))]
    assert funding and all("the report asks" not in d and "release" in d for d in funding)
