"""The provenance mark printed after a figure that is not published."""

from __future__ import annotations

from nsc_report.publishing.sphinx_ext import _before_stop, mark_html


def test_a_figure_is_marked_after_it_and_a_sentence_before_its_full_stop() -> None:
    mark = mark_html("illustrative")
    assert "‡" in mark and "illustrative" in mark
    assert _before_stop("23", mark) == "23" + mark
    assert _before_stop("4.0", mark) == "4.0" + mark
    assert _before_stop("One force made none at all.", mark) == (
        "One force made none at all" + mark + ".")
    assert mark_html("published") == ""
