"""A paragraph of several sentences is a message of its own, whose optional parts are variants
(issue 32): the published statistics' paragraphs, a chart's description with its counting-rule
caveat, the printed report's legend of marks and the social cards' alt text and post were
joined in code with " ".join, so an author could neither reorder nor reword them. An edit to
the paragraph's message is what the report prints; with the committed words, the report prints
what it did before (compared in-process when the change was made)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import DATA, EDITION

from nsc_report.data import Edition, load_edition
from nsc_report.present import words
from nsc_report.printing import pdf
from nsc_report.publishing import cards
from nsc_report.sections.published import (
    charge_sentence,
    group_chart,
    group_sentence,
    national_orders_sentence,
    orders_sentence,
)

# The paragraphs, each with the words its message opens with.
PARAGRAPHS = {"published.ftl": ("published-charge-paragraph = ", "published-group-paragraph = ",
                                "published-orders-paragraph = ", "published-national-orders = ",
                                "published-group-chart-alt = "),
              "print.ftl": ("print-legend = ",),
              "cards.ftl": ("cards-alt = ", "cards-post = ", "cards-post-plain = ")}
MARK = "¶ "


@pytest.fixture(scope="module")
def ed() -> Edition:
    return load_edition(DATA, EDITION)


@pytest.fixture
def edited(tmp_path: Path) -> Path:
    """The project's words files with each paragraph's message opened by MARK."""
    for path in words.files(words.PROJECT_FOLDER):
        shutil.copy(path, tmp_path / path.name)
    for name, openings in PARAGRAPHS.items():
        text = (tmp_path / name).read_text("utf-8")
        for opening in openings:
            assert text.count(f"\n{opening}") == 1, (name, opening)
            text = text.replace(f"\n{opening}", f"\n{opening}{MARK}")
        (tmp_path / name).write_text(text, "utf-8")
    return tmp_path


def test_the_published_paragraphs_are_messages(ed: Edition, edited: Path) -> None:
    codes = list(ed.forces["force_code"])
    with words.reading_from(edited):
        for code in codes[:3]:
            for made in (charge_sentence, group_sentence, orders_sentence):
                assert made(ed, code).startswith(MARK), (made.__name__, code)
            chart = group_chart(ed, code)
            assert getattr(chart, "alt_text", MARK).startswith(MARK), code
        assert national_orders_sentence(ed).startswith(MARK)
        assert pdf._legend(ed).startswith(MARK)


def test_the_cards_words_are_messages(ed: Edition, edited: Path) -> None:
    entry = {"id": "spo/x", "notebook": "spo", "key": "x", "kind": "figure", "text": "12",
             "status": "unverified", "caveat": "Period unconfirmed.", "definition": "what x is",
             "finding": "x found", "sources": ["A cited source, 2024"], "pages": []}
    with words.reading_from(edited):
        card = cards.Card("spo", "book/spo", "Protection orders", entry)
        assert cards.alt_text(card, ed, None).startswith(MARK)
        assert cards.post_text(card, ed, "https://example.org/spo.html").startswith(MARK)
        plain = cards.Card("spo", "book/spo", "Protection orders", None)
        assert cards.post_text(plain, ed, None).startswith(MARK)


def test_a_paragraph_s_optional_parts_are_variants(ed: Edition) -> None:
    """The legend with neither kind of mark is the publisher; the post's link only where the
    page has an address; the notes only where the source gave them."""
    w = words.Words("print")
    values = {"illustrative_mark": "‡", "illustrative_caveat": "Made up.", "unverified_mark": "†",
              "unverified_caveat": "Not confirmed.", "publisher": "The Trust"}
    assert w.text("print-legend", illustrative=False, unverified=False, **values) == "The Trust"
    # With a mark, the rule of what a mark covers follows the caveats (print-legend-rule).
    rule = " " + w.text("print-legend-rule")
    assert w.text("print-legend", illustrative=True, unverified=True, **values) == (
        "‡ Illustrative: Made up. † Unverified: Not confirmed." + rule)
    assert w.text("print-legend", illustrative=False, unverified=True, **values) == (
        "† Unverified: Not confirmed." + rule)
    p = words.Words("published")
    assert p.text("published-orders-paragraph", orders="It applied.", noted=0, notes="",
                  early=False, early_text="", conflicted=0, conflicts="") == "It applied."
    assert p.text("published-orders-paragraph", orders="It applied.", noted=1, notes="A note.",
                  early=True, early_text="Earlier.", conflicted=1,
                  conflicts="They clash.") == "It applied. A note. Earlier. They clash."
