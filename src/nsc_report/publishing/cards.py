"""Social cards: the picture a link to the report shows when it is shared.

A 1200 x 630 PNG for the landing page (the site's default card, with the edition's headline
figure) and one for each chapter (its title and the first figure it prints, where it prints
one). Every figure on a card is taken from the register of figures as printed, never typed,
with its provenance mark and caveat; every card has alt text written as the ONS asks (what it
is, the finding, the source) and the text to post with it. The cards and their manifest
(`cards.json`) are shipped with the site under `_static/cards/`; the pages' OpenGraph and
Twitter metadata point at them (social.py).
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nsc_report.data import Edition
from nsc_report.data.models import Help
from nsc_report.data.provenance import MARKS
from nsc_report.infra.user_cache import cache_key, kept_bytes
from nsc_report.present import labels, words
from nsc_report.publishing import cardtext, register
from nsc_report.publishing.cardtext import HEIGHT, WIDTH, Face, draw
from nsc_report.publishing.downloads import _write_if_changed
from nsc_report.publishing.embargo import Embargo

FOLDER = "_static/cards"     # under the staged book/: the site's _static/cards/
MANIFEST = "cards.json"
DEFAULT = "index"            # the landing page's card: every page without its own shows it
POST_LIMIT, LINK_LENGTH = 280, 23  # a post's length, a link counting as 23 characters
MAX_FIGURE = 12              # a figure longer than this (a name, a sentence) is not set large


@dataclass(frozen=True)
class Card:
    name: str                          # the file's stem, "index" or the chapter's page name
    page: str                          # its page, "book/spo"
    title: str
    figure: dict[str, Any] | None      # the register's entry of the figure it shows


def headline(text: str, page: str, entries: dict[str, dict[str, Any]],
             preferred: list[dict[str, Any]] | None = None) -> dict[str, Any] | None:
    """The figure a page's card shows: the first of the edition's headline figures (those the
    landing page prints, `preferred`) that the page's own notebook computes, else the first
    figure the page prints, in reading order; either way one that can be set large, a number
    or a share from the register (not a sentence or a name), with its finding in plain words
    (a card's reader has no register to look a definition up in)."""
    for entry in preferred or []:
        if entry["notebook"] == page:
            return entry
    folder = posixpath.dirname(page)
    for doc, key in register.GLUE_ROLE.findall(text):
        notebook = posixpath.normpath(posixpath.join(folder, doc)) if doc else page
        entry = entries.get(f"{notebook}/{key}")
        if entry and _large(entry):
            return entry
    return None


def _large(entry: dict[str, Any]) -> bool:
    return (entry["kind"] == "figure" and len(entry["text"]) <= MAX_FIGURE
            and any(ch.isdigit() for ch in entry["text"]) and bool(entry.get("finding")))


def headlines(text: str, entries: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The figures the landing page prints, in its order, that can be set large."""
    found = []
    for doc, key in register.GLUE_ROLE.findall(text):
        entry = entries.get(f"{doc or DEFAULT}/{key}")
        if entry and _large(entry) and entry not in found:
            found.append(entry)
    return found


def _source_text(path: Path) -> str:
    """A staged page's words: the Markdown, or a notebook's Markdown cells."""
    if path.suffix == ".ipynb":
        from nsc_report.infra.notebooks import read_notebook

        return "\n".join(c.source for c in read_notebook(path).cells
                         if c.cell_type == "markdown")
    return path.read_text(encoding="utf-8")


def plan(book: Path, toc: dict[str, Any], edition: Edition) -> list[Card]:
    """The landing page's card and one for each chapter of the table of contents (the force
    pages, sections of "Find your force", show the default card), from the staged sources and
    the register the build has just written (downloads/figures.json)."""
    entries = {e["id"]: e for e in json.loads(
        register.register_json(book / "downloads").read_text(encoding="utf-8"))["figures"]}
    pages = [toc.get("root", f"book/{DEFAULT}")] + [
        c["file"] for part in toc.get("parts", []) for c in part.get("chapters", [])
        if "file" in c]
    texts = {}
    for page in dict.fromkeys(pages):
        name = page.removeprefix("book/")
        source = next((p for p in (book / f"{name}.md", book / f"{name}.ipynb") if p.is_file()),
                      None)
        if source is not None:
            texts[name] = (page, _source_text(source))
    landing = headlines(texts[DEFAULT][1], entries) if DEFAULT in texts else []
    cards = []
    for name, (page, text) in texts.items():
        if name == DEFAULT:
            cards.append(Card(name, page, edition.meta.title, landing[0] if landing else None))
            continue
        title = register.heading(text, name).replace("*", "").replace("`", "")
        cards.append(Card(name, page, title, headline(text, name, entries, landing)))
    if cards and cards[0].name == DEFAULT and cards[0].figure is None:
        # A landing page without a figure of its own shows the first chapter's.
        first = next((c.figure for c in cards if c.figure), None)
        cards[0] = Card(DEFAULT, cards[0].page, cards[0].title, first)
    return cards


def _sources(entry: dict[str, Any], edition: Edition, keep: int | None = None) -> str:
    """The figure's sources as the register cites them; a figure computed from the report's
    own reference data cites the report. `keep`: cite only the first `keep` sources whole and
    say that the report cites the others (never a citation cut mid-phrase)."""
    meta = edition.meta
    cited = list(entry["sources"])
    if not cited:
        return words.of(edition, "cards").text(
            "cards-source-report", publisher=meta.publisher, title=meta.title,
            edition=meta.edition)
    if keep is None or keep >= len(cited):
        return "; ".join(cited)
    return words.of(edition, "cards").text("cards-source-fewer", kept=keep,
                                           sources="; ".join(cited[:keep]),
                                           others=len(cited) - keep)


def _fitted_sources(entry: dict[str, Any], edition: Edition,
                    fits: Callable[[str], bool]) -> str:
    """The longest citation of the figure's sources that `fits`: every source whole, else the
    first ones whole and the others left to the report, else the report alone (the fewest
    words: `fits` may not hold even for it, and the caller shortens something else)."""
    for keep in range(len(entry["sources"]), -1, -1):
        source = _sources(entry, edition, keep)
        if fits(source):
            return source
    return _sources(entry, edition, 0)


def _caveat(entry: dict[str, Any], edition: Edition) -> str:
    """The caveat that goes with a figure's mark: short for constructed data (the card and the
    post cannot hold the whole), in full for an unverified source."""
    status = entry.get("status") or "published"
    if status == "illustrative":
        return words.of(edition, "cards").text("cards-caveat-illustrative",
                                               short=labels.illustrative_short(edition))
    return (entry.get("caveat") or "").strip() if status in MARKS else ""


def face(card: Card, edition: Edition, embargo: Embargo | None) -> Face:
    meta = edition.meta
    kicker = (meta.publisher if card.name == DEFAULT else words.of(edition, "cards").text(
        "cards-kicker", title=meta.title, edition=meta.edition))
    address = Help.short(meta.help.site_url) if meta.help and meta.help.site_url else ""
    e = card.figure
    w = words.of(edition, "cards")
    if e is None:
        return Face(kicker, card.title, caption=meta.subtitle, address=address,
                    source=w.text("cards-face-source", figure=False, source=meta.publisher),
                    embargo=embargo.label if embargo else "")
    caveat = _caveat(e, edition)
    # The source line holds whole citations only: as many as fit its lines on the card.
    room = cardtext.SOURCE_LINES - (1 if caveat else 0)
    source = _fitted_sources(e, edition, lambda s: cardtext.fits(
        w.text("cards-face-source", figure=True, source=s), cardtext.SOURCE_SIZE,
        cardtext.WIDTH - 2 * cardtext.MARGIN, room))
    return Face(kicker, card.title, figure=e["text"], mark=MARKS.get(e.get("status") or "", ""),
                caption=e["finding"], caveat=caveat,
                source=w.text("cards-face-source", figure=True, source=source),
                address=address, embargo=embargo.label if embargo else "")


def alt_text(card: Card, edition: Edition, embargo: Embargo | None) -> str:
    """What the card is, the finding it shows and its source (the ONS's advice on alt text)."""
    meta = edition.meta
    said: dict[str, Any] = {
        "embargoed": embargo is not None, "label": embargo.label if embargo else "",
        "chapter": card.name != DEFAULT, "card": card.title, "title": meta.title,
        "edition": meta.edition, "publisher": meta.publisher, "figure": card.figure is not None}
    e = card.figure
    if e is None:
        return words.of(edition, "cards").text("cards-alt", subtitle=meta.subtitle, **said)
    status = e.get("status") or "published"
    caveat = _caveat(e, edition)
    return words.of(edition, "cards").text(
        "cards-alt", text=e["text"], marked=status in MARKS,
        status=labels.provenance(status, edition) if status in MARKS else "",
        finding=e["finding"], caveated=bool(caveat), caveat=caveat,
        source=_sources(e, edition), **said)


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:max(limit - 1, 0)].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def post_text(card: Card, edition: Edition, url: str | None) -> str:
    """The words to post with the card: the finding with its mark and caveat, the source and
    the page's address, within a post's 280 characters (the caveat and the address are never
    cut; the finding and the source are shortened first)."""
    meta = edition.meta
    w = words.of(edition, "cards")
    linked = {"linked": bool(url), "url": url or ""}
    room = POST_LIMIT - (LINK_LENGTH + 1 if url else 0)
    e = card.figure
    if e is None:
        return w.text("cards-post-link", post=_cut(w.text(
            "cards-post-plain", card=card.title, title=meta.title, edition=meta.edition,
            publisher=meta.publisher), room), **linked)
    caveat = _caveat(e, edition)
    fixed = {"text": e["text"], "mark": MARKS.get(e.get("status") or "", ""),
             "caveated": bool(caveat), "caveat": caveat}
    finding = w.text("cards-post-finding", finding=e["finding"])
    budget = room - len(w.text("cards-post", finding="", source="", **fixed))
    # The sources give way first, each whole (the page cites them in full): as many as fit
    # beside the whole finding, the others left to the report; a citation is never cut.
    source = w.text("cards-post-source", source=_fitted_sources(
        e, edition, lambda s: len(finding) + len(w.text("cards-post-source", source=s))
        <= budget))
    if len(finding) + len(source) > budget:
        # Not even the report alone fits beside it: the finding is shortened.
        finding = _cut(finding, budget - len(source))
    return w.text("cards-post-link", post=w.text("cards-post", finding=finding,
                                                  source=source, **fixed), **linked)


def render(svg: str) -> bytes:
    """The PNG of a card's SVG, kept in the user's cache by the SVG and the Vega version (a
    rebuild, the preview and every other build draw again only the cards that changed)."""
    import vl_convert as vlc

    return kept_bytes("card", cache_key(vlc.get_vega_version(), svg),
                      lambda: vlc.svg_to_png(svg), ".png")


def page_url(base: str, page: str) -> str | None:
    """A page's public address, or None while the site has none (help.site_url)."""
    return f"{base}{page}.html" if base else None


def write_cards(book: Path, toc: dict[str, Any], edition: Edition, base: str,
                embargo: Embargo | None) -> set[Path]:
    """Draw the cards into the staged book/_static/cards/ with their manifest; return what was
    written. `base`: the public address of the edition's root ('' while it has none)."""
    folder = book / FOLDER
    written, listed = set(), []
    for card in plan(book, toc, edition):
        alt = alt_text(card, edition, embargo)
        png = render(draw(face(card, edition, embargo), alt))
        target = folder / f"{card.name}.png"
        _write_if_changed(target, png)
        written.add(target)
        e = card.figure
        url = page_url(base, card.page)
        listed.append({
            "file": f"{card.name}.png", "page": card.page, "title": card.title,
            "figure": None if e is None else {
                "id": e["id"], "text": e["text"], "status": e.get("status") or "published",
                "mark": MARKS.get(e.get("status") or "", ""), "sources": e["sources"]},
            "alt": alt, "post": post_text(card, edition, url), "url": url})
    manifest = {"edition": edition.meta.edition, "width": WIDTH, "height": HEIGHT,
                "embargo": embargo.label if embargo else None, "default": f"{DEFAULT}.png",
                "cards": listed}
    path = folder / MANIFEST
    _write_if_changed(path, (json.dumps(manifest, indent=1, ensure_ascii=False) + "\n").encode())
    written.add(path)
    return written
