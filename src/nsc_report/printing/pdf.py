"""Print the report to PDF with headless Chromium (Debian's package, driven by Playwright).

The single-page build of the book is opened offline, given a cover, a contents page and the
print stylesheet, and printed to A4 twice: the first pass finds the page on which each chapter
starts, the second prints the contents page with those numbers. The result is tagged, has an
outline of the headings, and carries the document's title, author and language.

Longer than most modules: printing, the PDF's metadata and its reproducibility belong to one
browser session and are kept together.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import os
import re
import shutil
import unicodedata
from pathlib import Path
from string import Template

from nsc_report.data import Edition, provenance
from nsc_report.errors import EXIT_PDF, NscReportError
from nsc_report.infra.progress import PLAIN, Progress
from nsc_report.infra.serve import serve
from nsc_report.infra.untrusted import css_string
from nsc_report.layout import Layout, pdf_name
from nsc_report.present import labels, words
from nsc_report.publishing.embargo import PRINTED, SITE, Embargo, label, record, recorded
from nsc_report.publishing.site import build_singlehtml

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
STATIC = Path(__file__).parent  # print.css
# Body text at 11 pt in a column of 140 mm: about 70 to 80 characters a line.
SIDE_MARGIN_MM = 35
CONTENT_WIDTH_MM = 210 - 2 * SIDE_MARGIN_MM  # A4 less the side margins
PRINT_WIDTH_PX = round(CONTENT_WIDTH_MM / 25.4 * 96)
INSTALL_HINT = ("install it with `sudo apt-get install chromium` (Debian or Ubuntu), or set "
                "NSC_CHROMIUM to the path of a Chromium or Chrome executable")


class ChromiumMissing(NscReportError):
    """No Chromium to print with; the HTML build is unaffected."""

    exit_code, unchanged = EXIT_PDF, ""


class PdfError(NscReportError):
    """Printing failed."""

    exit_code = EXIT_PDF

    def report(self) -> str:
        return f"error: the PDF could not be printed: {self}. The last PDF is unchanged."


def find_chromium() -> str:
    if explicit := os.environ.get("NSC_CHROMIUM"):
        if Path(explicit).is_file():
            return explicit
        raise ChromiumMissing(f"NSC_CHROMIUM={explicit} does not exist; {INSTALL_HINT}")
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if found := shutil.which(name):
            return found
    raise ChromiumMissing(f"Chromium was not found: {INSTALL_HINT}")


def _not_an_interrupt(record: logging.LogRecord) -> bool:
    """Ctrl+C while printing cancels Playwright's tasks and closes its page: asyncio's tracebacks
    of that are noise (a browser that fails raises in the print itself, which reports it)."""
    error = record.exc_info[1] if record.exc_info else None
    closed = type(error).__name__ == "TargetClosedError"  # Playwright's: the page was closed
    return not (isinstance(error, (asyncio.CancelledError, KeyboardInterrupt)) or closed
                or record.getMessage().startswith("Task was destroyed"))


@contextlib.contextmanager
def _quiet_on_interrupt():  # type: ignore[no-untyped-def]
    logger = logging.getLogger("asyncio")
    logger.addFilter(_not_an_interrupt)
    try:
        yield
    finally:  # only while printing
        logger.removeFilter(_not_an_interrupt)


def launch(playwright):  # type: ignore[no-untyped-def]
    """Headless Chromium that cannot reach the network (offline and quiet)."""
    return playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)


def _print_css(edition: Edition, embargo: Embargo | None = None) -> str:
    meta = edition.meta
    # The notice speaks of the per-force answers: only while those are constructed.
    answers_constructed = provenance.returns(edition).status == "illustrative"
    template = Template((STATIC / "print.css").read_text(encoding="utf-8"))
    return template.substitute(
        # Text inside CSS strings, not HTML (an '&' was printed as '&amp;'). Under embargo the
        # running head of every page is the embargo, in the embargo's red.
        running=css_string(embargo.label if embargo else words.of(edition, "print").text(
            "print-title", title=meta.title, edition=meta.edition)),
        runningstyle="font-weight: bold; color: #a4001d;" if embargo else "",
        notice=css_string(labels.illustrative_short(edition) if answers_constructed else ""),
        legend=css_string(_legend(edition)),
        box="font-family: 'Liberation Sans', Arial, sans-serif; font-size: 8.5pt; color: #4d5563;",
        width=CONTENT_WIDTH_MM, side=SIDE_MARGIN_MM)


def _legend(edition: Edition) -> str:
    """The marks of figures that are not published, with their caveats: in the margin of every
    printed page, so that a marked figure's caveat is on its page."""
    w = words.of(edition, "print")
    illustrative = provenance.illustrative_caveat(edition)
    unverified = w.sentences(dict.fromkeys(s.caveat for s in edition.meta.sources.values()
                                           if s.status == "unverified" and s.caveat))
    return w.text("print-legend", illustrative=bool(illustrative),
                  illustrative_mark=provenance.MARKS["illustrative"],
                  illustrative_caveat=illustrative or "", unverified=bool(unverified),
                  unverified_mark=provenance.MARKS["unverified"], unverified_caveat=unverified,
                  publisher=edition.meta.publisher)


def back_cover_html(edition: Edition) -> str:
    """Help for readers and the web report's address, on the last printed page."""
    meta, h = edition.meta, edition.meta.help
    w = words.of(edition, "print")
    lines = []
    if h is not None:
        lines.append(w.html("print-back-help", helpline=h.helpline_name, phone=h.helpline_phone,
                            has_phone=bool(h.helpline_phone), website=h.short(h.website),
                            has_site=bool(h.website)))
        if h.site_url:
            lines.append(w.html("print-back-site", site=h.short(h.site_url)))
    lines.append(w.html("print-back-publisher", publisher=meta.publisher, title=meta.title,
                        edition=meta.edition, published=_published(edition)))
    return str(w.html("print-back-cover", lines=words.Rendered("".join(lines), "html")))


def download_note(edition: Edition) -> list[str]:
    """[site address or '', a download link's note, that note within its bracket] (prepare.js)."""
    site, w = edition.meta.help.site_url if edition.meta.help else "", words.of(edition, "print")
    where = "site" if site else "none"  # the site's address is not decided yet
    return [site, w.text("print-download", where=where, file="\ue000"),
            w.text("print-download-within", where=where, file="\ue000")]


def _published(edition: Edition) -> words.Rendered:
    """'published 22 April 2024', or for a draft (whose date is last year's, standing in)
    that it is not published yet."""
    if edition.draft:
        return words.of(edition, "edition").html("edition-draft-published")
    return words.of(edition, "print").html(
        "print-published", date=labels.date(edition, edition.meta.publication_date))


def _cover_html(edition: Edition, embargo: Embargo | None = None) -> str:
    meta = edition.meta
    w = words.of(edition, "print")
    nothing = words.Rendered("", "html")
    notices = [words.of(edition, "edition").html("edition-draft-cover") if edition.draft
               else nothing,
               w.html("print-cover-notice") if provenance.returns(edition).status
               == "illustrative" else nothing]  # the answers' notice
    held = w.html("print-cover-embargo", label=embargo.label) if embargo else nothing
    # A draft's version is dated by last year's date, standing in: not printed.
    version = nothing if edition.draft else w.html("print-cover-version",
                                                  version=version_line(edition))
    return str(w.html("print-cover", kicker=meta.awareness_week, title=meta.title,
                      subtitle=meta.subtitle, publisher=meta.publisher, edition=meta.edition,
                      published=_published(edition), version=version,
                      notice=words.Rendered("".join(map(str, notices)), "html"), held=held))


# The script that lays the single page out for print (its leading comment lines dropped:
# Playwright takes the text as one function expression).
def _script(name: str) -> str:
    return "\n".join(line for line in (Path(__file__).parent / name).read_text(
        encoding="utf-8").splitlines() if not line.startswith("//"))


PREPARE_JS, FIT_TABLES_JS, LOCAL_LINKS_JS = (_script(f"{n}.js") for n in (
    "prepare", "fit_tables", "local_links"))


def fit_tables(page, root: str = ".nsc-print") -> list[str]:  # type: ignore[no-untyped-def]
    """Set each table wider than the text block smaller until it fits (fit_tables.js): one
    too-wide table would make Chromium shrink every page. Returns the tables it changed."""
    return list(page.evaluate(FIT_TABLES_JS, root))


def _wait_for_charts(page) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_function(
        "() => [...document.querySelectorAll('.nsc-chart-canvas')].every("
        "el => el.classList.contains('nsc-chart-rendered') || "
        "el.classList.contains('nsc-chart-failed'))", timeout=60_000)
    failed = page.locator(".nsc-chart-failed").count()
    if failed:
        raise PdfError(f"{failed} chart(s) could not be drawn for the PDF")


def _letters_only(text: str) -> str:
    """Letters and digits only, ligatures undone: text extraction joins wrapped lines in
    different ways and keeps the font's ligatures (an "ffi" glyph for "ffi")."""
    return re.sub(r"\W+", "", unicodedata.normalize("NFKC", text)).lower()


def _outline(reader, items=None):  # type: ignore[no-untyped-def]
    """The PDF's bookmarks in reading order, each as (its letters, its 1-based page)."""
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            yield from _outline(reader, item)
        else:
            yield _letters_only(str(item.title)), reader.get_destination_page_number(item) + 1


def chapter_pages(pdf_bytes: bytes, titles: list[str], first_body_page: int) -> list[int]:
    """1-based page on which each chapter starts, from first_body_page on.

    Read from the outline Chromium makes from the headings: searching the pages' text found a
    title wherever its words stood near the top of an earlier page ("The executive summary sets
    out", "(see recommendations)"). Matched in order, each after the last, and whole.
    """
    from pypdf import PdfReader

    outline = list(_outline(PdfReader(io.BytesIO(pdf_bytes))))
    found, start = [], 0
    for title in titles:
        key = _letters_only(title)
        at = next((i for i in range(start, len(outline))
                   if outline[i][0] == key and outline[i][1] >= first_body_page), None)
        if at is None:
            raise PdfError(f"chapter '{title}' not found in the printed PDF's outline")
        found.append(outline[at][1])
        start = at + 1
    return found


def pdf_date(edition: Edition) -> str:
    """D:YYYYMMDDHHmmSS for the PDF's dates: SOURCE_DATE_EPOCH if set, else the edition's
    publication date (reproducible builds)."""
    import datetime as dt

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        when = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    else:
        when = dt.datetime.combine(edition.meta.publication_date, dt.time(), dt.UTC)
    return when.strftime("D:%Y%m%d%H%M%S+00'00'")


def version_line(edition: Edition) -> str:
    """'Version 1.0, 22 April 2024', as the cover and the properties give it."""
    v = edition.version
    return words.of(edition, "print").text("print-version", version=v.version,
                                           date=labels.date(edition, v.date), draft=edition.draft)


def version_pdf_name(edition: Edition, version: str) -> str:
    """The report's PDF of one version: 'nsc-stalking-report-2024-v1.0.pdf'."""
    stem, _, suffix = pdf_name(edition).rpartition(".")
    return f"{stem}-v{version}.{suffix}"


def _mend_outline(writer, headings: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Chromium names a bookmark after its heading as laid out, dropping the space where the
    heading wraps ('protectionorder'): give each bookmark its heading's own words."""
    from pypdf.generic import NameObject, TextStringObject

    spelled = {re.sub(r"\s+", "", h): h for h in headings}
    outlines = writer._root_object.get("/Outlines")
    stack = [outlines.get_object().get("/First")] if outlines is not None else []
    while stack:
        ref = stack.pop()
        if ref is None:
            continue
        item = ref.get_object()
        title = str(item.get("/Title", ""))
        mended = spelled.get(re.sub(r"\s+", "", title))
        if mended and mended != title:
            item[NameObject("/Title")] = TextStringObject(mended)
        stack += [item.get("/Next"), item.get("/First")]


def added_pages(edition: Edition, embargo: Embargo | None = None) -> list[str]:
    """What the print adds to the book's single page: the cover, the print style (with the
    running head and the legend of marks) and the back cover; `embargo` marks the first two."""
    return [_cover_html(edition, embargo), _print_css(edition, embargo), back_cover_html(edition)]


def report_subject(edition: Edition) -> str:
    """The report's PDF's subject: its subtitle and version."""
    return words.of(edition, "print").text("print-subject", subtitle=edition.meta.subtitle,
                                           version=version_line(edition))


def properties(edition: Edition, title: str | None = None, subject: str | None = None
               ) -> dict[str, str]:
    """The PDF's document properties (a briefing gives its own title and subject)."""
    meta = edition.meta
    w = words.of(edition, "print")
    return {
        "/Title": title or w.text("print-title", title=meta.title, edition=meta.edition),
        "/Author": meta.publisher,
        "/Subject": subject or meta.subtitle,
        "/Keywords": w.text("print-keywords"),
        "/Creator": "nsc-report (Jupyter Book and Chromium)",
        # The version (revisions.yml), where a reader's PDF viewer shows the properties.
        # A draft's version is dated by last year's date, standing in: it says it is a draft.
        "/Version": (version_line(edition) if edition.draft else
                     f"{edition.version.version} ({edition.version.date:%Y-%m-%d})"),
        # Dates from the edition (or SOURCE_DATE_EPOCH), not the clock: same inputs, same PDF.
        "/CreationDate": pdf_date(edition), "/ModDate": pdf_date(edition),
    }


def set_metadata(path: Path, edition: Edition, title: str | None = None,
                 subject: str | None = None, headings: list[str] | None = None) -> None:
    from pypdf import PdfWriter
    from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject

    meta = edition.meta
    writer = PdfWriter(clone_from=str(path))
    writer.add_metadata(properties(edition, title, subject))
    writer._root_object[NameObject("/Lang")] = TextStringObject(meta.language)
    if headings:
        _mend_outline(writer, headings)
    # Open with the bookmarks visible and the title (not the file name) in the window bar.
    writer._root_object[NameObject("/PageMode")] = NameObject("/UseOutlines")
    writer._root_object[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): BooleanObject(True)})
    tmp = path.with_name(f".{path.name}.tmp")
    buffer = io.BytesIO()
    writer.write(buffer)
    tmp.write_bytes(stable_struct_ids(buffer.getvalue()))
    os.replace(tmp, path)


def stable_struct_ids(pdf: bytes) -> bytes:
    """Chromium names the tagged structure's elements after its DOM nodes ('node00004056'),
    whose numbers depend on the order in which scripts ran. Renumber them 1, 2, 3... in their
    own order (so the ID tree stays sorted), keeping every byte offset: the same pages give the
    same PDF."""
    found = sorted({int(n) for n in re.findall(rb"\(node(\d{8})\)", pdf)})
    new = {old: i for i, old in enumerate(found, 1)}
    return re.sub(rb"\(node(\d{8})\)",
                  lambda m: b"(node%08d)" % new[int(m.group(1))], pdf)


def print_pdf(layout: Layout, edition: Edition, progress: Progress = PLAIN,
              embargo: Embargo | None = None) -> Path:
    """Write <out>/pdf/<slug>-<edition>.pdf and a copy into the published site's downloads;
    `embargo` marks the cover and the head of every page."""
    find_chromium()  # fail early, before building anything, if there is nothing to print with
    from playwright.sync_api import sync_playwright

    built = build_singlehtml(layout, edition, progress, embargo)
    index = built / "book" / "index.html"  # the single page (the root index only redirects)
    layout.pdf_dir.mkdir(parents=True, exist_ok=True)
    target = layout.pdf_dir / pdf_name(edition)
    tmp = target.with_name(f".{target.name}.tmp")
    progress.message("  printing the PDF with Chromium")
    with _quiet_on_interrupt(), sync_playwright() as pw, serve(built) as base:
        browser = launch(pw)
        try:
            # Lay the page out at the printed width (A4 less margins, at 96 px per inch) so
            # that charts are drawn at the size they are printed.
            page = browser.new_page(viewport={"width": PRINT_WIDTH_PX, "height": 1100})
            # Nothing may come from outside the site; anything that tries is refused.
            page.route("**/*", lambda route: route.continue_()
                       if route.request.url.startswith((base, "data:")) else route.abort())
            page.emulate_media(media="print")
            page.goto(f"{base}/{index.relative_to(built).as_posix()}", wait_until="load")
            _wait_for_charts(page)
            titles = page.evaluate(PREPARE_JS, [*added_pages(edition, embargo),
                                                *download_note(edition)])
            # The report now fills the page's width: let the charts measure it again.
            page.evaluate("() => window.dispatchEvent(new Event('resize'))")
            page.wait_for_timeout(500)
            fitted = fit_tables(page)
            if fitted:
                progress.message(f"  set {len(fitted)} wide table(s) smaller to fit the page: "
                                 f"{', '.join(fitted)}")
            options = {"format": "A4", "print_background": True, "prefer_css_page_size": True,
                       "outline": True, "tagged": True}
            first = page.pdf(**options)
            numbers = chapter_pages(first, titles, first_body_page=3)
            page.evaluate("(numbers) => document.querySelectorAll('.nsc-toc-page').forEach("
                          "(el, i) => { el.textContent = numbers[i]; })", numbers)
            tmp.write_bytes(page.pdf(**options))
            headings = page.evaluate("() => [...document.querySelectorAll('h1, h2, h3, h4, h5, "
                                     "h6')].map(h => h.textContent.replace(/#$/, '').trim())")
        finally:
            browser.close()
    set_metadata(tmp, edition, subject=report_subject(edition), headings=headings)
    os.replace(tmp, target)
    record(layout.pdf_dir / PRINTED, embargo)
    # Every version's PDF is kept under its version's name; earlier ones are never deleted.
    # The kept copy is the public one: an embargoed print is not kept.
    versions = layout.pdf_dir / "versions"
    versions.mkdir(exist_ok=True)
    if embargo is None:
        shutil.copy2(target, versions / version_pdf_name(edition, edition.version.version))
    copy_to_site(layout, target, embargo)
    return target


def copy_to_site(layout: Layout, target: Path, embargo: Embargo | None) -> None:
    """The published site links to its own copy of the PDF, if the site was built under the
    same embargo (or none); the kept versions are copied with the briefings."""
    if target.is_file() and layout.html.is_dir() and recorded(layout.work / SITE) == label(
            embargo):
        site_copy = layout.html / "book" / "downloads"
        site_copy.mkdir(exist_ok=True)
        shutil.copy2(target, site_copy / target.name)


def print_pages(pages: list[tuple[Path, str, str]], edition: Edition, scratch: Path,
                subject: str | None = None) -> list[Path]:
    """Print stand-alone HTML documents (target, title, html) to A4 PDFs in one browser
    session: tagged, with an outline, the title and language set, dated like the report.
    Each PDF is written beside its target and renamed into place."""
    from playwright.sync_api import sync_playwright

    scratch.mkdir(parents=True, exist_ok=True)
    written = []
    with _quiet_on_interrupt(), sync_playwright() as pw, serve(scratch) as base:
        browser = launch(pw)
        try:
            tab = browser.new_page()
            tab.route("**/*", lambda route: route.continue_()
                      if route.request.url.startswith((base, "data:")) else route.abort())
            for target, title, document in pages:
                page = scratch / f"{target.stem}.html"
                page.write_text(document, encoding="utf-8")
                tab.goto(f"{base}/{page.name}", wait_until="load")
                tab.evaluate(LOCAL_LINKS_JS)  # no link to the print server (local_links.js)
                tmp = target.with_name(f".{target.name}.tmp")
                tmp.write_bytes(tab.pdf(format="A4", print_background=True,
                                        prefer_css_page_size=True, outline=True, tagged=True))
                set_metadata(tmp, edition, title=title, subject=subject)
                os.replace(tmp, target)
                written.append(target)
        finally:
            browser.close()
    return written
