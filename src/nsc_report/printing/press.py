"""The release pack (`nsc-report press`): what journalists receive on release day, written into
<out>/press/ from the same checked figures as the report.

- `release.html`, `.pdf`, `.docx`, `.txt`: the press release, from the edition's template
  (data/<edition>/press/release.md), each figure the register's (same text, mark and caveat;
  linked to its register entry in the HTML), each quotation word for word from quotations.yml;
- `key-findings.pdf` and `.png` (and `.html`): one page of headline figures with their sources;
- `notes/<force>-<edition>-local-note.pdf` (and `.html`): a local note for each force;
- `press.json`: every figure and quotation of the release as printed, with the lines of
  `release.txt` that print them, which `nsc-report check` compares with the report.

Every PDF is printed in one Chromium session (a page whose HTML has not changed since it was
last printed is kept); with an embargo every output is marked "EMBARGOED UNTIL ...".
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Any

from nsc_report.data import Edition
from nsc_report.infra.progress import PLAIN, Progress
from nsc_report.infra.serve import serve
from nsc_report.layout import Layout, slug
from nsc_report.present import words
from nsc_report.printing.pdf import PdfError, _quiet_on_interrupt, launch, print_pages
from nsc_report.printing.press_notes import note_body, note_name
from nsc_report.publishing import release
from nsc_report.publishing.embargo import SITE, Embargo, label, recorded
from nsc_report.publishing.register import BookRegister, anchor, glued
from nsc_report.publishing.release import Document, PressError
from nsc_report.publishing.release_docx import document_docx
from nsc_report.publishing.release_render import body_html, document_text, inline_html, page_html

STYLE = (Path(__file__).parent / "press.css").read_text(encoding="utf-8")
FOLDER = "press"
MANIFEST = "press.json"
# The key findings' picture: an A4 page at 96 px per inch, at twice the pixels.
PNG_VIEWPORT, PNG_SCALE = {"width": 794, "height": 1123}, 2


def pack_dir(layout: Layout) -> Path:
    return layout.out / FOLDER


def _site_base(ed: Edition) -> str:
    """Where the site's pages are, for a link in the pack: its public address once edition.yml
    gives it, else '' and no link at all. The pack is printed on a local server and sent by
    email: a path into the build (or the print server's address) would be a dead link."""
    h = ed.meta.help
    return h.site_url.rstrip("/") + "/" if h and h.site_url else ""


def sources(ed: Edition, figures: BookRegister, base: str) -> release.Sources:
    """`base`: the published site's address ('' for none: each figure prints without a link)."""
    return release.Sources(figures.by_id(), ed.quotations, release.fields(ed),
                           lambda fid: f"{base}book/figures.html#{anchor(fid)}" if base else "")


def _write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    if isinstance(data, str):
        tmp.write_text(data, encoding="utf-8")
    else:
        tmp.write_bytes(data)
    os.replace(tmp, path)


def _resolved(ed: Edition, name: str, src: release.Sources, w: words.Words) -> Document:
    template = release.read(ed, name)
    if template is None:
        raise PressError(f"{release.template_path(ed, name)} does not exist: write the "
                         f"edition's {name} (new-edition copies the last edition's; or copy "
                         f"data/<year>/press/ and edit it; data/2024/press/README.md says how)")
    # The words for an empty field name what is missing for the reader, not the field (its
    # last part, "press_contact", picks them).
    return release.resolve(template, src, lambda f: w.text("press-empty-field",
                                                           field=f.rpartition(".")[2]))


def findings_body(ed: Edition, doc: Document, entries: dict[str, dict[str, Any]],
                  w: words.Words) -> str:
    """The key findings: the template's heading, each finding with its figures' sources."""
    out = [f'<p class="kicker">{w.html("press-findings-kicker", week=ed.meta.awareness_week)}'
           f"</p>"]
    for block in doc.blocks:
        if block.kind == "heading":
            out.append(f"<h1>{inline_html(block.inlines)}</h1>")
        elif block.kind == "list":
            items = []
            for item in block.items:
                cited = dict.fromkeys(s for i in item if i.kind == "fig"
                                      for s in entries[i.ref].get("sources") or [])
                source = w.html("press-findings-sources", sources="; ".join(cited))
                items.append(f'<li>{inline_html(item)}<span class="source">{source}</span></li>')
            out.append(f"<ul>{''.join(items)}</ul>")
        else:
            out.append(f"<p>{inline_html(block.inlines)}</p>")
    for mark, status, caveat in doc.legend:
        line = w.html("press-mark-line", mark=mark, status=status, caveat=caveat)
        out.append(f'<p class="source">{line}</p>')
    out.append(f'<p class="source">{w.html("press-findings-more")}</p>')
    return f'<div class="findings">{"".join(out)}</div>'


def manifest(ed: Edition, doc: Document, placed: dict[str, list[int]],
             embargo: Embargo | None) -> str:
    """What the release prints, for `nsc-report check` to compare with the report."""
    figures = [{"id": e["id"], "text": e["text"], "status": e.get("status") or "published",
                "caveat": e.get("caveat") or "",
                "mark": release.MARKS.get(e.get("status") or "", ""),
                "lines": placed.get(f"fig:{e['id']}", [])} for e in doc.figures]
    quotations = [{"id": q, "text": ed.quotations[q].text, "lines": placed.get(f"quote:{q}", [])}
                  for q in dict.fromkeys(doc.quotations)]
    return json.dumps({"edition": ed.meta.edition, "embargo": label(embargo),
                       "text": "release.txt", "figures": figures, "quotations": quotations},
                      indent=1, ensure_ascii=False) + "\n"


def write_pack(layout: Layout, ed: Edition, figures: BookRegister,
               progress: Progress = PLAIN, embargo: Embargo | None = None) -> Path:
    """Write the release pack into <out>/press/ and return the folder."""
    with words.reading_from(layout.root / "notebooks"):
        return _write_pack(layout, ed, figures, progress, embargo)


def _write_pack(layout: Layout, ed: Edition, figures: BookRegister, progress: Progress,
                embargo: Embargo | None) -> Path:
    target = pack_dir(layout)
    meta = ed.meta
    w = words.of(ed, "press")
    src = sources(ed, figures, _site_base(ed))
    report = {"title": meta.title, "edition": str(meta.edition)}

    doc = _resolved(ed, "release", src, w)
    title = w.text("press-release-title", **report)
    pages = [(target / "release.pdf", title,
              page_html(title, body_html(doc, meta.language), STYLE, meta.language, embargo))]
    text, placed = document_text(doc, meta.language, embargo)
    _write(target / "release.txt", text)
    _write(target / "release.docx", document_docx(doc, title, meta.publisher, meta.language,
                                                  meta.publication_date, embargo))
    _write(target / MANIFEST, manifest(ed, doc, placed, embargo))

    findings = _resolved(ed, "key-findings", src, w)
    kf_title = w.text("press-findings-title", **report)
    pages.append((target / "key-findings.pdf", kf_title, page_html(
        kf_title, findings_body(ed, findings, dict(src.figures), w), STYLE, meta.language,
        embargo)))

    h = meta.help
    for code, who in ed.forces[["force_code", "force_name"]].itertuples(index=False):
        executed = layout.notebooks / "forces" / f"{slug(who)}.ipynb"
        if not executed.is_file():
            raise PdfError(f"{executed} has not been executed: run `nsc-report execute` first")
        # The page's address on the published site; none (no path) while it has none.
        where = f"{h.short(h.site_url)}/book/forces/{slug(who)}.html" if h and h.site_url else ""
        with words.context(who):
            body = note_body(ed, code, glued(executed), where)
        note_title = w.text("press-note-title", who=who, **report)
        pages.append((target / "notes" / f"{note_name(ed, code)}.pdf", note_title,
                      page_html(note_title, body, STYLE, meta.language, embargo)))
    for path, _, document in pages:
        _write(path.with_suffix(".html"), document)
    for stale in set((target / "notes").glob("*")) - {
            p.with_suffix(s) for p, _, _ in pages for s in (".pdf", ".html")}:
        stale.unlink()  # a note of a force no longer in the edition
    _print(layout, ed, pages, progress)
    _screenshot(target / "key-findings.html", target / "key-findings.png")
    _cards(layout, target, embargo, progress)
    progress.message(f"  the release pack is in {target}")
    return target


def _cards(layout: Layout, target: Path, embargo: Embargo | None, progress: Progress) -> None:
    """The social cards (1200x630 PNGs) with their manifest (alt text, text to post), as the
    site's build drew them from the same register: copied into the pack's cards/ when the site
    was built under the same embargo (or none), so that what is posted is what the pages show."""
    site_cards = layout.html / "_static" / "cards"
    folder = target / "cards"
    shutil.rmtree(folder, ignore_errors=True)  # never last build's cards beside this pack
    if site_cards.is_dir() and recorded(layout.work / SITE) == label(embargo):
        shutil.copytree(site_cards, folder)
        progress.message(f"  copied the site's social cards into {folder}")
    else:
        progress.message("  no social cards in the pack: build the site (nsc-report build) "
                         "with the same --embargo first, and run press again")


def _print(layout: Layout, ed: Edition, pages: list[tuple[Path, str, str]],
           progress: Progress) -> None:
    """Print the pages whose HTML changed since they were last printed, in one session."""
    scratch = layout.work / FOLDER
    scratch.mkdir(parents=True, exist_ok=True)
    code = hashlib.sha256(Path(__file__).read_bytes() + STYLE.encode()).hexdigest()
    todo, stamps = [], []
    for path, title, document in pages:
        digest = hashlib.sha256((code + title + document).encode()).hexdigest()
        stamp = scratch / f"{path.stem}.sha"
        if path.is_file() and stamp.is_file() and stamp.read_text() == digest:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        todo.append((path, title, document))
        stamps.append((stamp, digest))
    if todo:
        print_pages(todo, ed, scratch, subject=ed.meta.subtitle)
        for stamp, digest in stamps:
            stamp.write_text(digest)
    progress.message(f"  printed {len(todo)} of {len(pages)} PDF(s) of the pack "
                     f"({len(pages) - len(todo)} unchanged)")


def _screenshot(page: Path, png: Path) -> None:
    """The key findings as a picture (for a post or a slide), as printed on an A4 page."""
    from playwright.sync_api import sync_playwright

    with _quiet_on_interrupt(), sync_playwright() as pw, serve(page.parent) as base:
        browser = launch(pw)
        try:
            tab = browser.new_page(viewport=PNG_VIEWPORT, device_scale_factor=PNG_SCALE)
            tab.route("**/*", lambda route: route.continue_()
                      if route.request.url.startswith((base, "data:")) else route.abort())
            tab.emulate_media(media="print")
            tab.goto(f"{base}/{page.name}", wait_until="load")
            # The page's print margins, which a screenshot does not apply (press.css).
            tab.evaluate("document.documentElement.classList.add('picture')")
            tmp = png.with_name(f".{png.name}.tmp")
            tab.screenshot(path=str(tmp), type="png", full_page=False)
            os.replace(tmp, png)
        finally:
            browser.close()
