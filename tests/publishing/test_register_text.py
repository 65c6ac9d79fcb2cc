"""The register page and the printed annex hold the figures' texts, some of them sentences made
from the data: each stays words (one HTML block per table on the page; escaped Markdown in the
annex), whatever the text holds."""

from __future__ import annotations

import pytest
from docutils import nodes
from helpers import MYST_CONFIGS, myst_doctree

from nsc_report.publishing.register import BookRegister, annex_page, register_page

HOSTILE = "It said:\n\n```{raw} html\n<script>alert(1)</script>\n```\n\n[x](https://evil.example)"


def book() -> BookRegister:
    entry = {"id": "spo/x", "notebook": "spo", "key": "x", "kind": "figure",
             "text": HOSTILE, "status": "published", "caveat": "", "raw": None,
             "definition": "**bold** <b>and</b> {eval-rst}`x`", "numerator": None,
             "denominator": None, "questions": [], "periods": [], "forces": None,
             "files": [], "sources": [], "pages": ["spo"]}
    force = {**entry, "id": "forces/durham/x", "notebook": "forces/durham",
             "pages": ["forces/durham"]}
    return BookRegister([entry, force], {"spo": "Protection orders", "forces/durham": "Durham"})


@pytest.mark.parametrize("config", MYST_CONFIGS)
def test_the_register_page_keeps_each_table_one_block(config):
    tree = myst_doctree(register_page(book()), config)
    assert not list(tree.findall(nodes.reference))
    assert not list(tree.findall(nodes.literal_block))
    raws = [r.astext() for r in tree.findall(nodes.raw)]
    assert not any("<script>" in r for r in raws)
    assert sum("<table" in r for r in raws) == 2 and all(
        r.count("<table") == r.count("</table>") for r in raws)


@pytest.mark.parametrize("config", MYST_CONFIGS)
def test_the_annex_prints_a_figure_and_its_definition_as_words(config):
    tree = myst_doctree(annex_page(book()), config)
    [item] = tree.findall(nodes.list_item)
    assert {type(n).__name__ for n in item.findall() if n is not item} <= {
        "paragraph", "strong", "Text"}
    assert item.astext() == (" ".join(HOSTILE.split()) + ": **bold** <b>and</b> {eval-rst}`x`")


def test_the_forces_a_figure_counts_are_counted_in_words():
    """'1 force', '2 forces', '1,200 forces': from site.ftl, printed by fmt (the count was
    pluralised in code, an English rule, and printed without a thousands separator)."""
    entry = book().entries[0]
    for forces, summary in ((["Durham"], "<summary>1 force</summary>"),
                            (["Durham", "Kent"], "<summary>2 forces</summary>"),
                            ([f"F{i}" for i in range(1200)], "<summary>1,200 forces</summary>")):
        page = register_page(BookRegister([{**entry, "forces": forces}], book().titles))
        assert summary in page, forces


def test_the_annex_names_the_register_download_as_it_is_named():
    """Fact-check 3: the printed annex said `figures.csv` holds every figure, while an edition
    with constructed figures names it figures-illustrative.csv."""
    assert "figures-illustrative.csv, among its downloads" in annex_page(
        book(), "figures-illustrative.csv").replace("\\", "")
    assert "figures.csv" not in annex_page(book(), "figures-illustrative.csv")
