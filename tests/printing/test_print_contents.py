"""The printed report's contents list is made from the chapters' headings as text: a heading
whose words look like markup (a force's name from the data) is printed as those words, and no
script of it runs in the page Chromium prints from."""

from __future__ import annotations

from helpers import requires_chromium

from nsc_report.printing.pdf import PREPARE_JS, launch

HOSTILE = '<img src=x onerror="window.pwned=1"> & <b>bold</b>'
PAGE = ("<!DOCTYPE html><html><head></head><body><article class='bd-article'>"
        "<span id='document-a'></span><section id='a'><h1>Reports &lt;of&gt; stalking</h1>"
        "</section><span id='document-b'></span><section id='b'><h1>"
        + HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        + "</h1></section></article></body></html>")


@requires_chromium
def test_a_heading_that_looks_like_markup_is_listed_as_words():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page()
            page.set_content(PAGE)
            titles = page.evaluate(PREPARE_JS, ["<p>cover</p>", "", "<p>back</p>", ""])
            page.wait_for_timeout(200)  # an image's error handler would have run by now
            assert titles == ["Reports <of> stalking", HOSTILE]
            assert page.evaluate("() => window.pwned") is None
            links = page.eval_on_selector_all(
                ".nsc-contents a", "els => els.map(a => [a.getAttribute('href'), a.textContent])")
            assert links == [["#a", "Reports <of> stalking"], ["#b", HOSTILE]]
            assert page.eval_on_selector_all(".nsc-contents img, .nsc-contents b",
                                             "els => els.length") == 0
            assert page.eval_on_selector_all(".nsc-toc-page", "els => els.length") == 2
        finally:
            browser.close()


def test_the_running_header_is_the_title_as_words(data_copy):
    """The running header is a CSS string: an '&' in the title was printed as '&amp;', and a
    quote or a line break in it could end the rule."""
    from helpers import EDITION

    from nsc_report.data import load_edition
    from nsc_report.printing.pdf import _print_css

    path = data_copy / EDITION / "edition.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'title: "Joining forces against stalking"', 'title: "Forces & \\"friends\\""'),
        encoding="utf-8")
    css = _print_css(load_edition(data_copy, EDITION))
    assert '@top-left { content: "Forces & \\22 friends\\22  (2024)";' in css
