"""Each page's own description for its OpenGraph tags (its first paragraph, with its figures:
sphinxext-opengraph leaves raw HTML out, and every linked figure is raw HTML), and the site's
root, which only redirects, carrying the landing page's card. The tags on built pages are
checked in tests/test_release_day.py."""

from __future__ import annotations

from pathlib import Path

from helpers import myst_doctree

from nsc_report.publishing.social import card_for, first_paragraph, root_page, shorten
from nsc_report.publishing.sphinx_ext import mark_html


def test_the_description_keeps_the_figures_and_says_their_marks_in_words():
    from docutils import nodes

    tree = myst_doctree("# Title\n\n```{note}\nA note first.\n```\n\nShort.\n\nForces applied "
                        "for few orders: most of them.\n", "myst")
    paragraph = next(p for p in tree.findall(nodes.paragraph) if "Forces" in p.astext())
    # As LinkFigures leaves a linked figure: raw HTML, with its mark.
    link = nodes.raw("", '<a class="nsc-figure" href="figures.html#x" data-definition="d">12'
                         f"</a>{mark_html('illustrative')}", format="html")
    paragraph.insert(0, link)
    paragraph.insert(1, nodes.Text(" "))
    assert first_paragraph(tree) == ("12 (illustrative) Forces applied for few orders: most of "
                                     "them.")


def test_a_long_description_is_cut_between_words():
    text = "word " * 100
    cut = shorten(text, 50)
    assert len(cut) <= 50 and cut.endswith("word…")
    assert shorten("A short one.") == "A short one."


def test_a_page_without_a_card_shows_the_default():
    manifest = {"cards": [{"page": "book/index", "file": "index.png"},
                          {"page": "book/spo", "file": "spo.png"}]}
    assert card_for(manifest, "book/spo")["file"] == "spo.png"
    assert card_for(manifest, "book/forces/durham")["file"] == "index.png"
    assert card_for({"cards": []}, "book/spo") is None


def test_the_root_carries_the_landing_pages_tags(tmp_path: Path):
    (tmp_path / "book").mkdir()
    tags = ['<meta name="description" content="The lede." />',
            '<meta property="og:url" content="https://r.example.org/book/index.html" />',
            '<meta property="og:image" content="https://r.example.org/_static/cards/index.png" />',
            '<meta name="twitter:card" content="summary_large_image" />',
            '<meta name="robots" content="noindex" />']
    (tmp_path / "book" / "index.html").write_text(
        "<html><head>" + "\n".join(tags) + '<meta name="viewport" content="x" /></head></html>')
    root_page(tmp_path, "en-GB")
    root = (tmp_path / "index.html").read_text()
    assert '<meta http-equiv="Refresh" content="0; url=book/index.html" />' in root
    assert '<meta property="og:url" content="https://r.example.org/" />' in root
    assert tags[2] in root and tags[3] in root and tags[4] in root and tags[0] in root
    assert "viewport" not in root and '<html lang="en-GB">' in root
    # Without a public address, the addresses are relative to the root, not to book/.
    (tmp_path / "book" / "index.html").write_text(
        '<meta property="og:url" content="index.html" />'
        '<meta property="og:image" content="../_static/cards/index.png" />')
    root_page(tmp_path, "en-GB")
    root = (tmp_path / "index.html").read_text()
    assert 'og:url" content="index.html"' in root
    assert 'og:image" content="_static/cards/index.png"' in root
