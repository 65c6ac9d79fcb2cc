"""`nsc-report status`: who has answered the requests, and who is overdue, as a table."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from nsc_report.data import Edition
from nsc_report.errors import NscReportError
from nsc_report.infra.progress import Progress
from nsc_report.measures.requests import RequestStatus


class NoTracker(NscReportError):
    """The edition keeps no tracker.csv, so there is nothing to report."""

    unchanged = ""


def tracker_of(ed: Edition) -> pd.DataFrame:
    if ed.tracker is None:
        raise NoTracker(f"{ed.directory / 'tracker.csv'} does not exist: `nsc-report "
                        f"requests` writes it with the letters (or add one row per request: "
                        f"force_code, reference, date_sent, date_received, internal_review, "
                        f"ico_complaint).")
    return ed.tracker


def names(ed: Edition) -> dict[str, str]:
    return dict(zip(ed.forces["force_code"], ed.forces["force_name"], strict=True))


def status_table(rows: list[RequestStatus], today: dt.date, progress: Progress) -> None:
    """Print the requests' states (tracker.RequestStatus), overdue first, then a summary."""
    order = {"overdue": 0, "waiting": 1, "answered late": 2, "answered on time": 3}
    rows = sorted(rows, key=lambda r: (order[r.state], -r.overdue_by, r.name))
    header = ("Authority", "Reference", "Sent", "Due", "Answered", "State", "Working days")
    lines = [(r.name, r.reference, f"{r.sent}", f"{r.due}", f"{r.answered or ''}",
              r.state + (f" by {r.overdue_by}" if r.overdue_by else "")
              + (" (internal review)" if r.internal_review else "")
              + (" (ICO complaint)" if r.ico_complaint else ""), str(r.working_days))
             for r in rows]
    if progress.live:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"Requests on {today}")
        for column in header:
            table.add_column(column, overflow="fold")  # wrap, never cut a date
        for line in lines:
            table.add_row(*line)
        Console(file=progress.stream).print(table)
    else:
        widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
        for line in (header, *lines):
            progress.message("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)))
    counts = {state: sum(1 for r in rows if r.state == state) for state in order}
    progress.message(
        f"{len(rows)} requests on {today}: {counts['answered on time']} answered on time, "
        f"{counts['answered late']} answered late, {counts['overdue']} overdue, "
        f"{counts['waiting']} waiting (deadline not yet passed).")
