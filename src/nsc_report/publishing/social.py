"""Every page's OpenGraph and Twitter card metadata, and the embargo's marks, for the Sphinx
extension (sphinx_ext.py).

`sphinxext-opengraph` writes the tags (og:title, og:type, og:url, og:site_name,
og:description, og:image and og:image:alt); what it is given page by page comes from here:
the page's card (cards.py: its own, or the site's default), the card's alt text, and a
description of the page's own, its first paragraph with its figures (the extension leaves out
raw HTML, so a paragraph would lose every linked figure) or one its author set (`description`
or `og:description` in the page's front matter). Addresses are absolute once the edition has
a public address (help.site_url), relative to the page until then. An embargoed build adds
`noindex` to every page.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from nsc_report.publishing.cards import DEFAULT, FOLDER, MANIFEST
from nsc_report.publishing.cardtext import HEIGHT, WIDTH
from nsc_report.publishing.embargo import ROBOTS

DESCRIPTION_LENGTH = 200
_HIDDEN = re.compile(r'<span aria-hidden="true">.*?</span>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
TWITTER = '<meta name="twitter:card" content="summary_large_image" />'


def setup_opengraph(app: Sphinx) -> None:
    """Load sphinxext-opengraph, quietly: without matplotlib (its own cards, which the report
    draws itself) it prints a line on import that would stand in every build's output."""
    with contextlib.redirect_stdout(io.StringIO()):
        app.setup_extension("sphinxext.opengraph")


def _manifest(app: Sphinx) -> dict[str, Any]:
    path = Path(app.srcdir) / "book" / FOLDER / MANIFEST
    if not path.is_file():
        return {"cards": []}
    return json.loads(path.read_text(encoding="utf-8"))


def card_for(manifest: dict[str, Any], pagename: str) -> dict[str, Any] | None:
    """A page's own card, or the default card (the landing page's)."""
    cards = {c["page"]: c for c in manifest.get("cards", [])}
    return cards.get(pagename) or cards.get(f"book/{DEFAULT}")


def load_cards(app: Sphinx, env: Any, added: set[str], changed: set[str],
               removed: set[str]) -> list[str]:
    """At the start of each build (env-get-outdated): read the cards' manifest, and have the
    pages whose card changed written again (a page is otherwise written only when its own
    source changed, and would keep an old card's alt text)."""
    manifest = _manifest(app)
    app._nsc_cards = manifest  # type: ignore[attr-defined]
    before = getattr(env, "nsc_cards", None)
    env.nsc_cards = manifest
    if before is None:
        return []
    return sorted(doc for doc in env.found_docs - added - changed - removed
                  if card_for(before, doc) != card_for(manifest, doc))


def _raw_text(markup: str) -> str:
    """A linked figure's raw HTML as words: the figure, and its mark as a screen reader hears
    it ('12 (illustrative)'), without the symbol."""
    return html.unescape(_TAG.sub("", _HIDDEN.sub("", markup)))


def paragraph_text(paragraph: Any) -> str:
    from docutils import nodes

    parts = []
    for node in paragraph.findall(lambda n: isinstance(n, (nodes.Text, nodes.raw))):
        if isinstance(node, nodes.raw):
            parts.append(_raw_text(node.astext()))
        elif not any(isinstance(a, nodes.raw) for a in _ancestors(node, paragraph)):
            parts.append(node.astext())
    return " ".join("".join(parts).split())


def _ancestors(node: Any, stop: Any) -> list[Any]:
    found, parent = [], node.parent
    while parent is not None and parent is not stop:
        found.append(parent)
        parent = parent.parent
    return found


def first_paragraph(doctree: Any) -> str:
    """The page's first paragraph of body text (not a note, a caption or a table cell)."""
    from docutils import nodes

    skip = (nodes.Admonition, nodes.caption, nodes.table, nodes.footnote, nodes.citation,
            nodes.sidebar, nodes.topic, nodes.field_list)
    for paragraph in doctree.findall(nodes.paragraph):
        if any(isinstance(a, skip) for a in _ancestors(paragraph, None)):
            continue
        text = paragraph_text(paragraph)
        if len(text) >= 20:
            return text
    return ""


def shorten(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    return text[:length - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def page_meta(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
              doctree: Any) -> None:
    """Before sphinxext-opengraph writes the tags (html-page-context): the page's card, its alt
    text and size, the page's description and address; `noindex` under embargo."""
    if app.builder.name != "html":
        return  # the single page the PDF is printed from is never shared
    if app.config.nsc_embargo:
        context["metatags"] = context.get("metatags", "") + ROBOTS + "\n"
    fields = dict(context.get("meta") or {})  # a copy: the environment's own is kept as it is
    # The extension escapes only '"' in what it is given: every value is escaped here (a
    # force's name, in its page's title, is the data's).
    title = html.unescape(_TAG.sub("", context.get("title") or ""))
    if title:
        fields["og:title"] = html.escape(title, quote=False)
    base = app.config.ogp_site_url
    card = card_for(getattr(app, "_nsc_cards", None) or _manifest(app), pagename)
    if card is not None:
        image = f"_static/cards/{card['file']}"
        fields["og:image"] = base + image if base else context["pathto"](image, 1)
        fields["og:image:alt"] = html.escape(card["alt"], quote=False)
        fields["og:image:width"], fields["og:image:height"] = str(WIDTH), str(HEIGHT)
        fields["og:image:type"] = "image/png"
    if not base:  # the extension would give an address relative to the root, not the page
        fields["og:url"] = context["pathto"](pagename)
    description = shorten(fields.get("og:description") or fields.get("description")
                          or (first_paragraph(doctree) if doctree is not None else "")
                          or app.config.nsc_site_description)
    if description:
        fields["og:description"] = html.escape(description, quote=False)
        context["metatags"] = (context.get("metatags", "") + '<meta name="description" '
                               f'content="{html.escape(description)}" />\n')
    context["meta"] = fields
    if doctree is None:
        # A page Sphinx makes itself (the search page, the index), which the extension leaves
        # without tags: given them here, from an empty document.
        from docutils.utils import new_document
        from sphinxext.opengraph import get_tags

        named = {**context, "title": context.get("title") or app.config.ogp_site_name}
        context["metatags"] += get_tags(named, new_document(pagename), srcdir=app.srcdir,
                                        outdir=app.outdir, config=app.config,
                                        builder=app.builder, env=app.env)


_ROOT_TAG = re.compile(r'<meta (?:property|name)="(?:og:[a-z:_]+|twitter:[a-z:_]+|description|'
                       r'robots)" content="[^"]*" />')


def root_page(built: Path, language: str, landing: str = "book/index.html") -> None:
    """The site's root index.html, which only redirects to the landing page, with the landing
    page's tags (a link to the bare address is the one most shared, and a service reading its
    card does not follow the redirect): addresses made from the root, not from book/."""
    page = built / landing
    if not page.is_file():
        return
    tags = _ROOT_TAG.findall(page.read_text(encoding="utf-8"))
    fixed = []
    for tag in tags:
        if 'property="og:url"' in tag:
            url = re.search(r'content="([^"]*)"', tag).group(1)  # type: ignore[union-attr]
            tag = tag.replace(url, url.removesuffix(landing) if url.startswith("http")
                              else "index.html")
        elif 'property="og:image"' in tag:
            tag = tag.replace('content="../', 'content="')
        fixed.append(tag)
    (built / "index.html").write_text(
        f'<!DOCTYPE html>\n<html lang="{html.escape(language)}"><head><meta charset="utf-8" />\n'
        f'<meta http-equiv="Refresh" content="0; url={landing}" />\n'
        + "".join(f"{tag}\n" for tag in fixed)
        + f'</head><body><a href="{landing}">The report</a></body></html>\n', encoding="utf-8")
