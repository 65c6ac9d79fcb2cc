"""The tracker `requests` implies: `data/<edition>/tracker.csv`, one row per letter with its
reference and the date it was sent, for `status` and the methodology chapter.

A row already in the file is kept as it is (the answers, reviews and complaints recorded in it,
and the date it was first sent); only the authorities not in it yet are added.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from nsc_report.data.models import TRACKER_COLUMNS
from nsc_report.infra import files


def merge(existing: str | None, requests: list[tuple[str, str]], sent: dt.date) -> tuple[str, int]:
    """The tracker's text with a row for each (code, reference) not yet in it, and how many
    rows were added. `existing`: the file's text, or None when there is none."""
    rows = list(csv.DictReader(io.StringIO(existing))) if existing else []
    known = {row.get("force_code", "") for row in rows}
    added = [{"force_code": code, "reference": ref, "date_sent": sent.isoformat()}
             for code, ref in requests if code not in known]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=TRACKER_COLUMNS, lineterminator="\n",
                            restval="", extrasaction="ignore")
    writer.writeheader()
    writer.writerows([*rows, *added])
    return out.getvalue(), len(added)


def write_tracker(path: Path, requests: list[tuple[str, str]], sent: dt.date) -> int:
    """Add the requests not yet tracked to `path`; return how many rows were added."""
    existing = files.read_text(path) if path.exists() else None
    if existing is not None:
        header = next(csv.reader([existing.splitlines()[0]]), []) if existing.strip() else []
        if existing.strip() and header != TRACKER_COLUMNS:
            raise files.UnreadableFile(path, f"its columns are {header}, not {TRACKER_COLUMNS}: "
                                             f"it was left as it is", "the requests' tracker")
    text, added = merge(existing, requests, sent)
    if added:
        path.write_text(text, encoding="utf-8")
    return added
