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
    page = f"<p>rose 10{MARK} and 3{MARK}.</p><p>4{MARK}</p>"
    assert in_brackets(page) == page


def test_a_mark_before_a_bracket_is_said_after_a_comma():
    """Fact-check 11, B5: "3,276 (illustrative) (of the 26 ..." was heard as a bracket beside
    a bracket."""
    said = in_brackets(f"<p>offences: 3,276{MARK} (of the 26{MARK} forces)</p>")
    assert ">, illustrative</span></sup> (of the 26" in said
    assert ">, illustrative,</span></sup> forces)" in said


def test_an_open_bracket_does_not_reach_the_next_paragraph_nor_a_script():
    page = f"<p>a ( b</p><p>4{MARK}</p><script>var s = '(';</script><p>5{MARK}</p>"
    assert in_brackets(page) == page


def test_a_mark_after_a_bracket_is_said_after_a_comma():
    cell = in_brackets(f"<table><tr><td>8 (tied){MARK}</td><td>19</td></tr></table>")
    assert ">, illustrative</span></sup></td>" in cell
