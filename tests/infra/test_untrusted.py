"""Untrusted text stays text: each escaping function against hostile strings, checked by what
the renderer or reader makes of its output (myst-parser through docutils, markupsafe, the csv
module), not by what the escaped string looks like."""

from __future__ import annotations

import csv
import io
import random
import string

import pytest
from docutils import nodes
from helpers import MYST_CONFIGS, myst_doctree, myst_html

from nsc_report.infra.untrusted import (
    css_string,
    csv_cell,
    csv_original,
    csv_text,
    formula_like,
    html_in_markdown,
    html_text,
    markdown_plain,
    markdown_text,
    phone_number,
    tel_href,
    web_address,
)

HOSTILE = [
    "<script>alert(1)</script>",
    "<svg onload=alert(1)>",
    '<img src=x onerror="alert(1)">',
    "[x](javascript:alert(1))",
    "[x](https://evil.example/)",
    "![x](https://evil.example/x.png)",
    "<https://evil.example/>",
    "```{raw} html\n<script>alert(1)</script>\n```",
    "x\n\n```{raw} html\n<script>alert(1)</script>\n```\n\nafter",
    ":::{raw} html\n<b>x</b>\n:::",
    "{eval-rst}`.. raw:: html`",
    "{raw}`<b>x</b>`",
    "{{ pdf_link }}",
    "**bold** and _emphasis_ and `code`",
    "[^1] and [ref]\n\n[ref]: javascript:alert(1)",
    "# A heading",
    "- a list",
    "1. an ordered list",
    "12) another",
    "123456789. nine digits",
    "1234567890. ten digits",
    "1.7%",
    "-7.0%",
    "+3 more",
    "-",
    "* star",
    "---",
    "***",
    "> a quote",
    "+++ a block break",
    "% a comment",
    "(target)=",
    "| a | table |\n|---|---|\n| 1 | 2 |",
    "term\n: definition",
    "Setext\n======",
    "&lt;script&gt; &#106;avascript:",
    "a \\ backslash \\* and \\",
    "$x^2$ and $$y$$",
    "~~struck~~",
    "line one  \nline two\r\nthree\u2028four\tfive",
    "=HYPERLINK(\"https://evil.example\",\"x\")",
    "@SUM(1)",
    "+1",
    "-1",
    "\t=1",
    "Refused under section 12: the cost of compliance exceeds the appropriate limit",
    "No response received by the report's deadline",
]

def doctree(source: str, config: str):  # type: ignore[no-untyped-def]
    return myst_doctree(source, config)


def to_html(source: str, config: str) -> str:
    return myst_html(source, config)


def plain_words(text: str) -> str:
    return " ".join(text.split())


def rendered_as_text(markdown: str, config: str) -> str:
    """The text of a one-paragraph document that holds nothing but text (anything else fails)."""
    tree = doctree(markdown, config)
    kinds = {type(n).__name__ for n in tree.findall() if n is not tree}
    assert kinds <= {"paragraph", "Text"}, (markdown, kinds)
    return tree.astext()


@pytest.mark.parametrize("config", MYST_CONFIGS)
@pytest.mark.parametrize("hostile", HOSTILE)
def test_markdown_text_renders_as_the_same_words_and_nothing_else(hostile, config):
    for before in ("", "Said: "):
        assert rendered_as_text(before + markdown_text(hostile), config) == plain_words(
            before + hostile)


@pytest.mark.parametrize("config", MYST_CONFIGS)
@pytest.mark.parametrize("hostile", HOSTILE)
def test_markdown_text_in_a_list_item_keeps_the_list_and_no_markup(hostile, config):
    """The shape of a force page's list of missing answers: every item stays one item."""
    source = "\n".join(f"- **Q{i}** (wording; period): Not held. {markdown_text(hostile)}"
                       for i in (1, 2))
    html = to_html(source, config)
    tree = doctree(source, config)
    items = list(tree.findall(nodes.list_item))
    assert len(items) == 2
    for item in items:
        assert item.astext().endswith(plain_words(hostile))
        kinds = {type(n).__name__ for n in item.findall() if n is not item}
        assert kinds <= {"paragraph", "strong", "Text"}, kinds
    for bad in ("<script", "<svg", "<img", "<a ", "<b>", "<em", "<code", "<table", "<h1"):
        assert bad not in html


@pytest.mark.parametrize("config", MYST_CONFIGS)
def test_markdown_text_holds_for_any_mix_of_punctuation(config):
    """A seeded random search over what Markdown reads specially: every string renders as the
    same words, with no markup."""
    rng = random.Random(30)
    alphabet = string.punctuation * 3 + string.ascii_letters + string.digits + " \n\t\r" + "é‘’"
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24)))
        assert rendered_as_text("Note: " + markdown_text(text), config) == plain_words(
            "Note: " + text), repr(text)


def test_markdown_text_leaves_ordinary_notes_as_they_are():
    """Notes as forces write them need no escape: the pages' Markdown does not change."""
    for note in ("Refused under section 31 (law enforcement)", "Information not held in a "
                 "retrievable form", "No response received by the report's deadline",
                 "Avon and Somerset", "Refused under section 12: the cost of compliance"):
        assert markdown_text(note) == note


@pytest.mark.parametrize("hostile", HOSTILE)
def test_markdown_plain_gives_the_words_back(hostile):
    assert markdown_plain(markdown_text(hostile)) == plain_words(hostile)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_html_text_is_text_in_content_and_attributes(hostile):
    escaped = html_text(hostile)
    for raw in ("<", ">", '"', "'"):
        assert raw not in escaped
    source = f'<div title="{escaped}">{escaped}</div>'
    from html.parser import HTMLParser

    seen: list[tuple[str, object]] = []

    class Reader(HTMLParser):
        def handle_starttag(self, tag, attrs):
            seen.append(("tag", (tag, attrs)))

        def handle_data(self, data):
            seen.append(("data", data))

    Reader(convert_charrefs=True).feed(source)
    assert seen[0] == ("tag", ("div", [("title", hostile)]))
    assert "".join(d for k, d in seen[1:] if k == "data") == hostile
    assert [k for k, _ in seen].count("tag") == 1


@pytest.mark.parametrize("config", MYST_CONFIGS)
def test_an_html_block_in_markdown_stays_one_block(config):
    """A table cell with a blank line in it would end the HTML block; the rest would be read
    as Markdown."""
    cell = html_text("x\n\n```{raw} html\n<script>alert(1)</script>\n```\n\n[a](https://e.x)")
    source = f"Text.\n\n{html_in_markdown(f'<div><table><tr><td>{cell}</td></tr></table></div>')}\n"
    tree = doctree(source, config)
    raws = list(tree.findall(nodes.raw))
    assert len(raws) == 1
    assert not list(tree.findall(nodes.reference))
    assert "<script" not in raws[0].astext()


@pytest.mark.parametrize("text", ["=1+1", "=HYPERLINK(\"https://e.x\",\"x\")", "@SUM(1)",
                                  "+1+1", "-1+1", "+cmd|' /C calc'!A0", "\t=1", "\r=1",
                                  "＝1+1", "-", "+", "@", "=", "- a note that starts so"])
def test_a_formula_like_csv_field_is_quoted_and_read_back(text):
    assert formula_like(text)
    field = csv_cell(text)
    assert field == "'" + text
    assert csv_original(field) == text


@pytest.mark.parametrize("value", ["-1", "+1", "-4.1%", "+12.5%", "-1,234", "1", "a=b",
                                   "Information not held", "", None, 3, -2.5, "'quoted"])
def test_numbers_and_ordinary_text_are_left_alone(value):
    assert not formula_like(value)
    assert csv_cell(value) == value
    assert csv_original(value) == value


def test_csv_text_quotes_formulas_and_keeps_clean_text_byte_for_byte():
    clean = "a,b\n-4.1%,\"x, y\"\n"
    assert csv_text(clean) is clean
    hostile = 'name,note\nx,=HYPERLINK("https://e.x")\ny,"@SUM(1)"\n'
    rows = list(csv.reader(io.StringIO(csv_text(hostile))))
    assert rows == [["name", "note"], ["x", "'=HYPERLINK(\"https://e.x\")"], ["y", "'@SUM(1)"]]


@pytest.mark.parametrize("url", ["https://www.suzylamplugh.org", "http://example.org/a?b=1#c",
                                 "HTTPS://EXAMPLE.ORG/"])
def test_web_addresses_that_may_be_links(url):
    assert web_address(url) is None


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)",
                                 "data:text/html,<script>", "file:///etc/passwd",
                                 "vbscript:x", "https://e.x/\"onmouseover=\"alert(1)",
                                 "https://e.x/<script>", "https://", "www.example.org",
                                 "https://user@evil.example", "http://a b", "//evil.example",
                                 "mailto:a@b.org", ""])
def test_other_addresses_are_refused_with_a_reason(url):
    reason = web_address(url)
    assert reason and reason.startswith("a web address starting https:// or http://")
    if url.lower().startswith(("javascript", "data", "file", "vbscript", "mailto")):
        assert "is not allowed" in reason


def test_mailto_only_where_asked():
    assert web_address("mailto:press@example.org", mail=True) is None
    assert web_address("mailto:x@y.org?subject=<x>", mail=True)
    assert web_address("javascript:alert(1)", mail=True)


@pytest.mark.parametrize("phone", ["0808 802 0300", "+44 808 802 0300", "999"])
def test_telephone_numbers(phone):
    assert phone_number(phone) is None
    assert tel_href(phone) == "tel:" + phone.replace(" ", "")


@pytest.mark.parametrize("phone", ['0808"><script>alert(1)</script>', "0808-802", "call us",
                                   "+", "", "tel:0808", "0808\n802"])
def test_other_telephone_numbers_are_refused(phone):
    assert phone_number(phone)
    with pytest.raises(ValueError):
        tel_href(phone)


@pytest.mark.parametrize("text", ['Joining "forces" & <friends>', 'a\\"; } body { display: none',
                                  "line\nbreak</style><script>alert(1)</script>", "‡ † é"])
def test_css_string_is_one_string_token_with_the_same_text(text):
    tinycss2 = pytest.importorskip("tinycss2")
    escaped = css_string(text)
    assert '"' not in escaped and "\n" not in escaped and "<" not in escaped
    rules = tinycss2.parse_stylesheet(f'p {{ content: "{escaped}"; color: red }}')
    [rule] = rules
    tokens = [t for t in rule.content if t.type not in ("whitespace",)]
    strings = [t for t in tokens if t.type == "string"]
    assert [s.value for s in strings] == [text]
    assert [t.value for t in tokens if t.type == "ident"] == ["content", "color", "red"]
