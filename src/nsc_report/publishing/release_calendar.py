"""The release calendar: when the next edition is to be published, shown on the editions page
and offered as an iCalendar file (RFC 5545).

The date comes from the next edition's own edition.yml once it sets one that is not marked for
later (a new edition keeps last year's date, marked BEFORE PUBLICATION, until its date is
decided), or else from `next_edition` in the current edition's. The file is the same for the
same data: no time from the clock, and a fixed UID, so that a calendar that imported it once
updates the event rather than adding a second.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from nsc_report.data import FILL_IN, EditionMeta
from nsc_report.data.needs import LATER
from nsc_report.infra import files
from nsc_report.present import labels, words

PRODUCT = "-//National Stalking Consortium//nsc-report//EN"


@dataclass(frozen=True)
class Announced:
    """The next edition's announced publication date."""

    year: str
    date: dt.date
    slug: str          # the report's slug, for the file's name and the event's UID

    @property
    def file_name(self) -> str:
        return f"{self.slug}-{self.year}-publication.ics"


def _date_in(path: Path, data_dir: Path) -> dt.date | None:
    """The publication date an edition.yml sets, unless it is still marked for later (or the
    file cannot be read: an edition in preparation may be incomplete)."""
    try:
        text = files.read_text(path, within=data_dir)
    except files.UnreadableFile:
        return None
    for line in text.splitlines():
        found = re.match(r"^publication_date:\s*['\"]?(\d{4}-\d{2}-\d{2})", line)
        if found:
            if FILL_IN in line or LATER in line:
                return None
            try:
                return dt.date.fromisoformat(found.group(1))
            except ValueError:
                return None
    return None


def announced(data_dir: Path, meta: EditionMeta) -> Announced | None:
    """The next edition's date: from its own edition.yml, else from `next_edition` in this
    one's; None when neither announces one after this edition's publication."""
    year = str(int(meta.edition) + 1)
    own = data_dir / year / "edition.yml"
    dates = [_date_in(own, data_dir) if own.is_file() else None,
             meta.next_edition.publication_date if meta.next_edition else None]
    # Its own date first; one not after this edition's (last year's, unmarked) announces
    # nothing.
    date = next((d for d in dates if d is not None and d > meta.publication_date), None)
    return Announced(year, date, meta.slug) if date else None


def _escape(text: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11)."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def _fold(line: str) -> str:
    """A content line folded at 75 octets, never inside a character (RFC 5545, 3.1)."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not out else 74):
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)


def ics(next_edition: Announced, publisher: str, site_url: str, stamp: dt.date) -> str:
    """The calendar file: one all-day event on the announced date. `stamp` (DTSTAMP) is the
    current edition's publication date, when the announcement was published with it."""
    host = urlparse(site_url).hostname if site_url else None
    uid = f"{next_edition.slug}-{next_edition.year}-publication@{host or 'nsc-report'}"
    day = next_edition.date
    w = words.Words("site")
    summary = w.text("site-calendar-summary", year=str(next_edition.year), publisher=publisher)
    description = w.text("site-calendar-description", year=str(next_edition.year),
                         publisher=publisher, date=labels.date(None, day))
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", "BEGIN:VEVENT", f"UID:{_escape(uid)}",
             f"DTSTAMP:{stamp:%Y%m%d}T000000Z", f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
             f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}",
             f"SUMMARY:{_escape(summary)}", f"DESCRIPTION:{_escape(description)}",
             *([f"URL:{site_url}"] if site_url else []), "TRANSP:TRANSPARENT",
             "END:VEVENT", "END:VCALENDAR"]
    return "".join(_fold(line) + "\r\n" for line in lines)
