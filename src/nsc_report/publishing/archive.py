"""The published site keeps past editions.

The current edition is the site's landing page; each earlier edition in the data folder is
built from its own data and words into `editions/<year>/` of the same site, with a notice on
every page that a newer edition exists; a page "Editions" lists them all with their PDFs.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from nsc_report.data import DataValidationError, Edition, load_edition
from nsc_report.layout import pdf_name
from nsc_report.present import labels, words
from nsc_report.publishing.release_calendar import Announced, announced

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
    url: str = ""             # the site's public address (the current edition's help.site_url)
    next: Announced | None = None  # the next edition's announced date, if any

    @property
    def to_root(self) -> str:
        """From the edition's own root to the site's root."""
        return "" if self.this == self.current else "../" * len(Path(ARCHIVE, self.this).parts)

    @property
    def older(self) -> list[str]:
        return [e.year for e in self.entries if e.year != self.current]

    def for_edition(self, year: str) -> Site:
        return Site(self.current, self.entries, year, self.url, self.next)

    @property
    def base(self) -> str:
        """The public address of the edition being built ('https://.../editions/2024/'), or ''
        while the site has none."""
        if not self.url:
            return ""
        path = next((e.path for e in self.entries if e.year == self.this), "")
        return f"{self.url.rstrip('/')}/{path}"

    @classmethod
    def alone(cls, edition: Edition) -> Site:
        """A site of this edition only (a build that was not given the others)."""
        meta = edition.meta
        return cls(meta.edition, (Entry.of(edition, ""),), meta.edition, _url(edition),
                   announced(edition.directory.parent, meta))


def _url(edition: Edition) -> str:
    return edition.meta.help.site_url if edition.meta.help else ""


def site_for(data_dir: Path, current: str) -> Site:
    """The current edition and every earlier edition in `data_dir` whose core files are valid,
    newest first. An edition in preparation (a later year) is not listed."""
    entries, url, next_edition = [], "", None
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
        if folder.name == current:
            url, next_edition = _url(ed), announced(data_dir, ed.meta)
    return Site(current, tuple(entries), current, url, next_edition)


def _date(day: dt.date) -> str:
    return labels.date(None, day)


def editions_page(site: Site) -> str:
    """The Markdown of the editions page (a raw HTML table: its links point outside the
    edition's own pages, which Sphinx would not resolve)."""
    # The page is book/editions.html: one folder below its edition's root.
    up = "../" + site.to_root
    w = words.Words("site")
    rows = [w.html("site-editions-row", year=e.year, this=e.year == site.this,
                   current=e.year == site.current and e.year != site.this, title=e.title,
                   date=(words.Words("edition").html("edition-draft-date") if e.draft
                         else _date(e.published)), up=up, path=e.path, pdf=e.pdf)
            for e in site.entries]
    newest = next(e for e in site.entries if e.year == site.current)
    first = min(e.year for e in site.entries)  # the series' first edition
    intro = w.html("site-editions-intro", current=site.this == site.current, this=site.this,
                   latest=site.current, up=up, newest=newest.title)
    head = "".join(f'<th scope="col">{w.html("site-editions-column", column=key)}</th>'
                   for key in ("edition", "title", "published", "web", "pdf"))
    return (
        f"# {w.text('site-editions-heading')}\n\n{intro}\n\n{w.html('site-editions-table')}\n"
        f'<table class="nsc-table" id="nsc-table-editions"><caption>'
        f"{w.html('site-editions-caption')}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>\n</div>\n\n"
        # The editions before the series began, which the report cites (its 2022 edition).
        f"{w.html('site-editions-earlier', first=first, since=f'y{first}')}\n\n"
        f"{next_edition_html(site)}\n")


def next_edition_html(site: Site) -> str:
    """The release calendar: the next edition's announced date, with its calendar file (written
    beside the downloads), or that none is announced yet."""
    w = words.Words("site")
    n = site.next
    if n is None:
        return str(w.html("site-next-edition-none"))
    return str(w.html("site-next-edition", year=n.year, date=_date(n.date), file=n.file_name))


def newer_notice(site: Site) -> str:
    """The notice at the top of every page of an earlier edition (nsc-a11y.js points its link
    at the editions page, made from each page's own content root)."""
    return str(words.Words("site").html("site-newer", this=site.this, current=site.current,
                                        root=site.to_root))
