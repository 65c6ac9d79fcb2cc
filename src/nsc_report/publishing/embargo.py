"""The embargo of a release: until when the pack, the site and the PDFs may not be published.

`--embargo "2024-04-22T00:01+01:00"` on `build`, `report` and `pdf` marks every page of the
site (a banner, and `noindex` for search engines), every page of the PDF and of each briefing,
and every social card, "EMBARGOED UNTIL 00:01 BST 22 April 2024". The same build without it is
the public one, identical but for those marks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from nsc_report.present import words

UK = ZoneInfo("Europe/London")
ROBOTS = '<meta name="robots" content="noindex" />'
EXAMPLE = "2024-04-22T00:01+01:00"


class EmbargoError(ValueError):
    """An embargo that is not a date and time with its offset from UTC."""


@dataclass(frozen=True)
class Embargo:
    until: dt.datetime  # aware: the moment the embargo lifts

    @classmethod
    def parse(cls, text: str) -> Embargo:
        """'2024-04-22T00:01+01:00': a date, a time and an offset from UTC. A time without an
        offset is refused: 00:01 on the day means a different moment in summer and winter."""
        try:
            until = dt.datetime.fromisoformat(text.strip())
        except ValueError:
            raise EmbargoError(f"{text!r}: expected a date and time with its offset from UTC, "
                               f"such as {EXAMPLE}") from None
        if until.tzinfo is None or until.utcoffset() is None:
            raise EmbargoError(f"{text!r}: the time needs its offset from UTC (+01:00 in "
                               f"British Summer Time, +00:00 in winter), such as {EXAMPLE}")
        return cls(until)

    @property
    def local(self) -> tuple[dt.datetime, str]:
        """The moment as it is given, and the name of its zone: BST or GMT where the offset
        is the UK's on that day, 'UTC+05:30' otherwise."""
        uk = self.until.astimezone(UK)
        if uk.utcoffset() == self.until.utcoffset():
            return self.until, str(uk.tzname())
        offset = self.until.utcoffset() or dt.timedelta()
        minutes = int(offset.total_seconds() // 60)
        if minutes == 0:
            return self.until, "UTC"
        sign, minutes = ("+" if minutes >= 0 else "-"), abs(minutes)
        return self.until, f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"

    @property
    def label(self) -> str:
        """'EMBARGOED UNTIL 00:01 BST 22 April 2024'."""
        when, zone = self.local
        return words.Words("labels").text("label-embargo", time=f"{when:%H:%M}", zone=zone,
                                          day=str(when.day), month=when.month,
                                          year=str(when.year))  # labels.date's arguments

    @property
    def iso(self) -> str:
        return self.until.isoformat(timespec="minutes")

    def banner_html(self) -> str:
        """The site's banner (the top of every page), before any other notice."""
        return str(words.Words("site").html("site-embargo-banner", label=self.label))


def label(embargo: Embargo | None) -> str:
    """The embargo's words, or nothing for a public build."""
    return embargo.label if embargo else ""


# What each output was made under, so that an embargoed PDF never lands in a public site (nor a
# public one in an embargoed site) when a site and its PDFs are made by different commands.
PRINTED = ".embargo"            # in the PDF folder: the embargo its PDFs were printed under
SITE = "html.embargo"           # in the work folder: the embargo the site was built under


def recorded(path: Path) -> str:
    """The embargo an output was made under ('' for a public one, or one made before)."""
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def record(path: Path, embargo: Embargo | None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(label(embargo), encoding="utf-8")
