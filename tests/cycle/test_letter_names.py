"""A request letter names its authority as words: the name (reference data) is escaped in the
letter's Markdown, which is printed through a CommonMark renderer that passes HTML through."""

from __future__ import annotations

import datetime as dt

from helpers import DATA, EDITION, with_reply_address
from markdown_it import MarkdownIt

from nsc_report.cycle.letters import letter
from nsc_report.data import load_edition


def test_a_name_that_looks_like_markup_is_printed_as_words():
    name = "Durham <script>alert(1)</script> [x](https://evil.example) *"
    ed = with_reply_address(load_edition(DATA, EDITION))
    text = letter(ed, "E23000008", name, dt.date(2024, 1, 2))
    html = MarkdownIt("commonmark").render(text)
    assert "<script>" not in html
    assert "<a " not in html
    assert ("To: the Freedom of Information officer, Durham &lt;script&gt;alert(1)&lt;/script&gt;"
            " [x](https://evil.example) *") in html
    plain = letter(ed, "E23000008", "Durham", dt.date(2024, 1, 2))
    assert "To: the Freedom of Information officer, Durham\n" in plain
