"""The printed contents give the page on which each chapter starts. Fact-check 3 (finding 15)
read "Executive summary 6" over a chapter on page 7 and "Recommendations 28" over one on page
30: the pages' text was searched for the title, which was found where an earlier page began
with the same words ("The executive summary sets out ...", "(see recommendations)")."""

from __future__ import annotations

from helpers import requires_chromium

from nsc_report.printing.pdf import chapter_pages, launch

BREAK = "<div style='break-before: page'></div>"
# The first body page (3) begins with the words of the next chapter's title, and so does the
# page before the third chapter: the chapters start on pages 4, 5 and 7.
PAGE = ("<!DOCTYPE html><html lang='en'><body>"
        "<h1>Cover</h1>" + BREAK + "<h2>Contents</h2>" + BREAK
        + "<p>The executive summary sets out the main findings.</p>"
        + BREAK + "<section><h1>Executive summary</h1><p>What we found.</p></section>"
        + BREAK + "<section><h1>The data gaps</h1><p>Who answered.</p></section>"
        + BREAK + "<p>(see recommendations)</p><h2>Recommendations of others</h2>"
        + BREAK + "<section><h1>Recommendations</h1><p>A plan.</p></section>"
        + "</body></html>")


@requires_chromium
def test_each_chapter_is_found_on_the_page_where_its_heading_is():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page()
            page.set_content(PAGE)
            printed = page.pdf(format="A4", outline=True, tagged=True)
        finally:
            browser.close()
    titles = ["Executive summary", "The data gaps", "Recommendations"]
    assert chapter_pages(printed, titles, first_body_page=3) == [4, 5, 7]
