"""A mark's word for a screen reader inside a sentence's brackets is said after a comma
(fact-check 10, B3: "fell (15 (illustrative) forces)" was heard as a bracket in a bracket)."""

from __future__ import annotations

from nsc_report.present import labels
from nsc_report.publishing.spoken_marks import in_brackets

MARK = labels.mark_html("illustrative", "‡")
UNVERIFIED = labels.mark_html("unverified", "†")


def test_a_mark_inside_brackets_is_said_after_a_comma():
    page = f"<p>fell (15{MARK} forces) and (4{UNVERIFIED})</p>"
    said = in_brackets(page)
    assert ">, illustrative,</span></sup> forces)" in said
    assert ">, unverified</span></sup>)" in said  # before the bracket that closes: no comma
    assert said.count('aria-hidden="true">‡<') == 1  # what the eye sees is unchanged


def test_a_mark_outside_brackets_keeps_its_own():
    page = f"<p>rose 10{MARK} (x) and 3{MARK}.</p><p>4{MARK}</p>"
    assert in_brackets(page) == page


def test_an_open_bracket_does_not_reach_the_next_paragraph_nor_a_script():
    page = f"<p>a ( b</p><p>4{MARK}</p><script>var s = '(';</script><p>5{MARK}</p>"
    assert in_brackets(page) == page
