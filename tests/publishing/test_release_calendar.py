"""The release calendar: the next edition's announced date on the editions page, from its own
edition.yml (unless still marked for later) or from `next_edition` in the current one's, and
the same date as an iCalendar file (RFC 5545) that is the same for the same data."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from helpers import DATA, EDITION

from nsc_report.data import load_edition
from nsc_report.publishing.archive import Site, editions_page, site_for
from nsc_report.publishing.release_calendar import Announced, announced, ics


@pytest.fixture
def data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    for name in ("reference", "public", EDITION):
        shutil.copytree(DATA / name, data / name)
    return data


def _announce(data: Path, day: str) -> None:
    meta = data / EDITION / "edition.yml"
    meta.write_text(meta.read_text() + f"next_edition:\n  publication_date: {day}\n")


def test_no_date_is_announced_until_one_is(data: Path):
    assert announced(data, load_edition(data, EDITION).meta) is None
    site = site_for(data, EDITION)
    assert site.next is None
    assert "The date of the next edition has not been announced yet." in editions_page(site)


def test_the_current_edition_can_announce_the_next(data: Path):
    _announce(data, "2025-04-21")
    site = site_for(data, EDITION)
    assert site.next == Announced("2025", dt.date(2025, 4, 21), "nsc-stalking-report")
    page = editions_page(site)
    assert "the 2025 edition is to be published on 21 April 2025" in page
    assert 'href="downloads/nsc-stalking-report-2025-publication.ics"' in page
    # Every edition's editions page says the same (an earlier one's too).
    assert site.for_edition("2023").next == site.next


def test_the_next_editions_own_date_wins_unless_marked_for_later(data: Path):
    _announce(data, "2025-04-21")
    shutil.copytree(DATA / EDITION, data / "2025")
    meta = data / "2025" / "edition.yml"
    text = meta.read_text().replace('edition: "2024"', 'edition: "2025"')
    # A new edition keeps last year's date, marked, until its own is decided: not announced.
    meta.write_text(text.replace("publication_date: 2024-04-22",
                                 "publication_date: 2024-04-22  # BEFORE PUBLICATION: the "
                                 "date of publication"))
    assert announced(data, load_edition(data, EDITION).meta).date == dt.date(2025, 4, 21)
    meta.write_text(text.replace("publication_date: 2024-04-22", "publication_date: 2025-04-28"))
    assert announced(data, load_edition(data, EDITION).meta).date == dt.date(2025, 4, 28)
    # A date not after this edition's announces nothing.
    meta.write_text(text)
    assert announced(data, load_edition(data, EDITION).meta).date == dt.date(2025, 4, 21)


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_the_calendar_file_follows_rfc_5545():
    event = Announced("2025", dt.date(2025, 4, 21), "nsc-stalking-report")
    text = ics(event, "National Stalking Consortium, with Suzy Lamplugh Trust",
               "https://report.example.org/", dt.date(2024, 4, 22))
    assert text == ics(event, "National Stalking Consortium, with Suzy Lamplugh Trust",
                       "https://report.example.org/", dt.date(2024, 4, 22))  # no clock in it
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded at 75 octets
    lines = _unfold(text)
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"] and lines[-2:] == ["END:VCALENDAR",
                                                                              ""]
    props = dict(line.split(":", 1) for line in lines if ":" in line)
    assert props["UID"] == "nsc-stalking-report-2025-publication@report.example.org"
    assert props["DTSTAMP"] == "20240422T000000Z"
    assert props["DTSTART;VALUE=DATE"] == "20250421" and props["DTEND;VALUE=DATE"] == "20250422"
    assert "National Stalking Consortium\\, with Suzy Lamplugh Trust" in props["SUMMARY"]
    assert props["URL"] == "https://report.example.org/"


def test_a_calendar_reads_it():
    icalendar = pytest.importorskip("icalendar")
    event = Announced("2025", dt.date(2025, 4, 21), "nsc-stalking-report")
    calendar = icalendar.Calendar.from_ical(ics(event, "A; B, C", "", dt.date(2024, 4, 22)))
    [vevent] = calendar.walk("VEVENT")
    assert vevent.decoded("DTSTART") == dt.date(2025, 4, 21)
    assert str(vevent["SUMMARY"]).endswith("(A; B, C)")
    assert str(vevent["UID"]) == "nsc-stalking-report-2025-publication@nsc-report"


def test_a_site_alone_knows_its_address_and_the_next_date(data: Path):
    _announce(data, "2025-04-21")
    meta = data / EDITION / "edition.yml"
    meta.write_text(meta.read_text().replace(
        'site_url: ""       # the published web book\'s address: not decided yet',
        'site_url: "https://report.example.org"'))
    site = Site.alone(load_edition(data, EDITION))
    assert site.base == "https://report.example.org/" and site.next is not None
    full = site_for(data, EDITION)
    assert full.base == "https://report.example.org/"
    older = Site(EDITION, full.entries + (full.entries[0].__class__(
        "2023", "t", dt.date(2023, 4, 1), "x.pdf", "editions/2023/"),), "2023", full.url)
    assert older.base == "https://report.example.org/editions/2023/"
