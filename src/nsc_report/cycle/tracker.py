"""The tracker `requests` implies: `data/<edition>/tracker.csv`, one row per letter with the
authority's code and name, its reference and the date it was sent, for `status` and the
methodology chapter.

A row already in the file is kept as it is (the answers, reviews and complaints recorded in it,
and the date it was first sent); only the authorities not in it yet are added. A tracker written
before the names were kept (no force_name column) gains the column, each row its name.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import NamedTuple

from nsc_report.data.models import TRACKER_COLUMNS, TRACKER_OPTIONAL
from nsc_report.infra import files
from nsc_report.infra.untrusted import csv_cell

# The columns of a tracker written before the optional ones were added.
OLD_COLUMNS = [c for c in TRACKER_COLUMNS if c not in TRACKER_OPTIONAL]


class Request(NamedTuple):
    code: str
    name: str          # from reference/forces.csv: text from outside, neutralised for CSV
    reference: str


def merge(existing: str | None, requests: list[Request], sent: dt.date) -> tuple[str, int]:
    """The tracker's text with a row for each request whose code is not yet in it, and how
    many rows were added. `existing`: the file's text, or None when there is none."""
    rows = list(csv.DictReader(io.StringIO(existing))) if existing else []
    names = {r.code: r.name for r in requests}
    for row in rows:
        if not row.get("force_name") and row.get("force_code", "") in names:
            # A tracker from before the names: each row gains its own.
            row["force_name"] = csv_cell(names[row["force_code"]])
    known = {row.get("force_code", "") for row in rows}
    added = [{"force_code": r.code, "force_name": csv_cell(r.name), "reference": r.reference,
              "date_sent": sent.isoformat()} for r in requests if r.code not in known]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=TRACKER_COLUMNS, lineterminator="\n",
                            restval="", extrasaction="ignore")
    writer.writeheader()
    writer.writerows([*rows, *added])
    return out.getvalue(), len(added)


def write_tracker(path: Path, requests: list[Request], sent: dt.date) -> int:
    """Add the requests not yet tracked to `path` (and the names a tracker from before them
    lacks); return how many rows were added."""
    existing = files.read_text(path) if path.exists() else None
    header: list[str] = []
    if existing is not None and existing.strip():
        header = next(csv.reader([existing.splitlines()[0]]), [])
        if header not in (TRACKER_COLUMNS, OLD_COLUMNS):
            raise files.UnreadableFile(path, f"its columns are {header}, not {TRACKER_COLUMNS}: "
                                             f"it was left as it is", "the requests' tracker")
    text, added = merge(existing, requests, sent)
    if added or header == OLD_COLUMNS:
        path.write_text(text, encoding="utf-8")
    return added
