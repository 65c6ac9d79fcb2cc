"""The press pack links only to the published site (fact-check 4, finding B3).

`release.pdf` and `key-findings.pdf` linked every figure to http://127.0.0.1:PORT/... (the
print server) and their HTML to ../html/book/... (a folder of the build): dead for everyone
who gets them. A figure links to its register entry on the site's public address when
edition.yml gives one, and prints with no link while it has none."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from helpers import DATA, ROOT

from nsc_report.data import load_edition
from nsc_report.printing import press
from nsc_report.publishing import release
from nsc_report.publishing.release_render import body_html

SITE = "https://report.example.org/2024/"


@pytest.fixture(scope="module")
def ed():
    return load_edition(DATA, "2024", lazy=True)


def _page(ed, base: str) -> str:
    entries = {"attrition/att_rate": {"id": "attrition/att_rate", "text": "1.7%",
                                      "status": "published", "caveat": "", "sources": ["x"]}}
    src = press.sources(ed, SimpleNamespace(by_id=lambda: entries), base)
    doc = release.resolve(release.parse("Only {fig}`attrition/att_rate` end well.[^a]\n\n"
                                        "[^a]: A note.\n", ROOT / "release.md"), src, str)
    return body_html(doc, "en-GB")


def test_without_a_site_address_no_figure_is_a_link(ed):
    assert not (ed.meta.help and ed.meta.help.site_url)  # the committed edition has none yet
    base = press._site_base(ed)
    assert base == ""
    page = _page(ed, base)
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs and all(h.startswith("#") for h in hrefs), hrefs  # only the notes' links
    assert 'data-figure="attrition/att_rate"' in page and "1.7%" in page


def test_with_a_site_address_each_figure_links_to_the_published_register(ed):
    help_ = ed.meta.help.model_copy(update={"site_url": SITE})
    published = SimpleNamespace(meta=ed.meta.model_copy(update={"help": help_}))
    base = press._site_base(published)  # type: ignore[arg-type]
    page = _page(ed, base)
    links = [h for h in re.findall(r'href="([^"]*)"', page) if not h.startswith("#")]
    assert links == [f"{SITE}book/figures.html#fig-attrition-att_rate"], links


def test_the_release_does_not_promise_links_or_marks_it_may_not_have():
    text = re.sub(r"\s+", " ", (ROOT / "data/2024/press/release.md").read_text("utf-8"))
    assert "links to the report's register" not in text and "same marks" not in text
    assert "{edition}`help.site_url`" in text  # the address, or words that it will follow


def test_every_printed_document_drops_links_to_the_print_server():
    script = (ROOT / "src/nsc_report/printing/local_links.js").read_text("utf-8")
    pdf = (ROOT / "src/nsc_report/printing/pdf.py").read_text("utf-8")
    assert "LOCAL_LINKS_JS" in pdf and "tab.evaluate(LOCAL_LINKS_JS)" in pdf
    assert "location.origin" in script and "replaceWith" in script
