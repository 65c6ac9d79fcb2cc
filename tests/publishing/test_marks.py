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


def test_a_count_glued_with_its_noun_links_to_the_counts_entry():
    """'27 forces' is a text made of the count 27: on the web it links to the count's entry
    in the register, as the count alone did; a sentence made of figures is not linked."""
    from nsc_report.publishing.sphinx_ext import _linked

    count = {"id": "spo/n", "notebook": "spo", "kind": "figure", "text": "27",
             "definition": "forces"}
    counted = {"id": "spo/n_forces", "notebook": "spo", "kind": "text", "text": "27 forces",
               "parts": ["n"]}
    sentence = {"id": "spo/s", "notebook": "spo", "kind": "text", "text": "27 of 43.",
                "parts": ["n", "m"]}
    register = {"book/spo/n": count}
    assert _linked(register, count, "27") is count
    assert _linked(register, count, "28") is None
    assert _linked(register, counted, "27 forces") is count
    assert _linked(register, sentence, "27 of 43.") is None
