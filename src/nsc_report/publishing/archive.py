"""The published site keeps past editions.

The current edition is the site's landing page; each earlier edition in the data folder is
built from its own data and words into `editions/<year>/` of the same site, with a notice on
every page that a newer edition exists; a page "Editions" lists them all with their PDFs.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

from nsc_report.data import DataValidationError, Edition, load_edition
from nsc_report.layout import pdf_name
from nsc_report.present import words

ARCHIVE = "editions"      # the site's folder of earlier editions: editions/<year>/
EDITIONS_PAGE = "book/editions"
YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True)
class Entry:
    """One edition as the editions page lists it."""

    year: str
    title: str
    published: dt.date
    pdf: str            # the PDF's file name
    path: str           # where its pages sit, from the site's root: "" or "editions/2024/"
    draft: bool = False  # facts of publication still marked: no date of publication yet

    @classmethod
    def of(cls, edition: Edition, path: str) -> Entry:

        meta = edition.meta
        return cls(meta.edition, meta.title, meta.publication_date, pdf_name(edition), path,
                   edition.draft)


@dataclass(frozen=True)
class Site:
    """The editions of one site, and where the edition being built sits in it."""

    current: str              # the newest edition: the landing page
    entries: tuple[Entry, ...]
    this: str                 # the edition being built

    @property
    def to_root(self) -> str:
        """From the edition's own root to the site's root."""
        return "" if self.this == self.current else "../" * len(Path(ARCHIVE, self.this).parts)

    @property
    def older(self) -> list[str]:
        return [e.year for e in self.entries if e.year != self.current]

    def for_edition(self, year: str) -> Site:
        return Site(self.current, self.entries, year)

    @classmethod
    def alone(cls, edition: Edition) -> Site:
        """A site of this edition only (a build that was not given the others)."""
        return cls(edition.meta.edition, (Entry.of(edition, ""),), edition.meta.edition)


def site_for(data_dir: Path, current: str) -> Site:
    """The current edition and every earlier edition in `data_dir` whose core files are valid,
    newest first. An edition in preparation (a later year) is not listed."""
    entries = []
    for folder in sorted(data_dir.iterdir(), reverse=True):
        if not (YEAR.fullmatch(folder.name) and folder.name <= current
                and (folder / "edition.yml").is_file()):
            continue
        try:
            ed = load_edition(data_dir, folder.name, lazy=True)
        except DataValidationError:
            if folder.name == current:
                raise
            continue  # an earlier edition that no longer loads is left out, not fatal
        path = "" if folder.name == current else f"{ARCHIVE}/{folder.name}/"
        entries.append(Entry.of(ed, path))
    return Site(current, tuple(entries), current)


def _date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def editions_page(site: Site) -> str:
    """The Markdown of the editions page (a raw HTML table: its links point outside the
    edition's own pages, which Sphinx would not resolve)."""
    # The page is book/editions.html: one folder below its edition's root.
    up = "../" + site.to_root
    w = words.Words("edition")
    rows = []
    for e in site.entries:
        name = f"{e.year} (this edition)" if e.year == site.this else e.year
        note = " (current)" if e.year == site.current and e.year != site.this else ""
        when = w.html("edition-draft-date") if e.draft else _date(e.published)
        rows.append(
            f'<tr><th scope="row">{html.escape(name)}{note}</th>'
            f"<td>{html.escape(e.title)}</td><td>{when}</td>"
            f'<td><a href="{up}{e.path}index.html">Read the {e.year} report</a></td>'
            f'<td><a href="{up}{e.path}book/downloads/{e.pdf}">{e.year} report (PDF)</a></td>'
            "</tr>")
    newest = next(e for e in site.entries if e.year == site.current)
    lead = ("This is the current edition." if site.this == site.current else
            f"This is the {site.this} edition. The current edition is {site.current}: "
            f'<a href="{up}index.html">{html.escape(newest.title)}</a>.')
    return (
        "# Editions\n\n"
        "The report is published once a year, from that year's Freedom of Information requests. "
        "Each edition stays online with its own words and data, and its PDF. " + lead + "\n\n"
        '<div class="nsc-table-wrap" role="region" tabindex="0" aria-label="Table: editions of '
        'the report">\n<table class="nsc-table" id="nsc-table-editions"><caption>Editions of the '
        "report, newest first</caption><thead><tr><th scope=\"col\">Edition</th>"
        "<th scope=\"col\">Title</th><th scope=\"col\">Published</th><th scope=\"col\">Web</th>"
        f"<th scope=\"col\">PDF</th></tr></thead><tbody>{''.join(rows)}</tbody></table>\n"
        "</div>\n")


def newer_notice(site: Site) -> str:
    """The notice at the top of every page of an earlier edition (nsc-a11y.js points its link
    at the editions page, made from each page's own content root)."""
    return (f'<span class="nsc-newer"><strong>This is the {site.this} edition. A newer '
            f'edition, {site.current}, has been published:</strong> <a class="nsc-newer-link" '
            f'href="#" data-site-root="{site.to_root}">see every edition</a>.</span>')
