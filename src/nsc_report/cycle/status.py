"""`nsc-report status`: who has answered the requests, and who is overdue, as a table; beside
each force, whether its answers are keyed in (foi_returns.csv, where a row not yet answered is
coded as data.models.NOT_YET), and where the tracker and the returns disagree."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from nsc_report.cycle.keyed import KeyedIn, keyed_in
from nsc_report.data import DataValidationError, Edition, not_yet
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


def keyed(ed: Edition) -> KeyedIn | str:
    """Which forces' answers are keyed in, or why that cannot be told."""
    path = ed.directory / "foi_returns.csv"
    try:
        returns = ed.returns
    except DataValidationError as exc:
        if any("header only" in i.expected for i in exc.issues):
            return f"No answers keyed in yet ({path} has its header only)."
        return (f"{path} does not validate (`nsc-report validate` says why): the answers "
                f"keyed in are not counted.")
    return keyed_in(ed.forces["force_code"], (
        (c, not not_yet(s, n), s == "no_response")
        for c, s, n in zip(returns["force_code"], returns["status"], returns["note"],
                           strict=True)))


def _keyed_cell(code: str, counted: KeyedIn | None) -> str:
    if counted is None or code not in (*counted.answered, *counted.partly, *counted.not_yet,
                                       *counted.silent):
        return ""  # the CPS, whose answer is cps.yml
    if code in counted.silent:
        return "no response"
    if code in counted.partly:
        done, rows = counted.partly[code]
        return f"{done} of {rows} rows"
    return "yes" if code in counted.answered else "not yet"


def status_table(rows: list[RequestStatus], today: dt.date, progress: Progress,
                 counted: KeyedIn | str | None = None) -> None:
    """Print the requests' states (tracker.RequestStatus), overdue first, then a summary;
    with `counted` (keyed), whether each force's answers are keyed in, and where the tracker
    and the returns disagree."""
    order = {"overdue": 0, "waiting": 1, "answered late": 2, "answered on time": 3}
    rows = sorted(rows, key=lambda r: (order[r.state], -r.overdue_by, r.name))
    known = counted if isinstance(counted, KeyedIn) else None
    header = ("Authority", "Reference", "Sent", "Due", "Answered", "State", "Working days",
              "Keyed in")
    lines = [(r.name, r.reference, f"{r.sent}", f"{r.due}", f"{r.answered or ''}",
              r.state + (f" by {r.overdue_by}" if r.overdue_by else "")
              + (" (internal review)" if r.internal_review else "")
              + (" (ICO complaint)" if r.ico_complaint else ""), str(r.working_days),
              _keyed_cell(r.code, known))
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
    if isinstance(counted, str):
        progress.message(counted)
    elif counted is not None:
        _agreement(rows, counted, progress)


def _agreement(rows: list[RequestStatus], counted: KeyedIn, progress: Progress) -> None:
    """How many forces are in by the returns, and each force the tracker and returns
    disagree on (an answer recorded but not keyed in, or keyed in with no date received)."""
    progress.message(f"Answers keyed in (foi_returns.csv): {counted.summary()}.")
    keyed_codes = {*counted.answered, *counted.partly}
    names = {r.code: r.name for r in rows}
    unkeyed = sorted(names[r.code] for r in rows
                     if r.answered is not None and r.code in counted.not_yet)
    undated = sorted(names[r.code] for r in rows if r.answered is None and r.code in keyed_codes)
    if unkeyed:
        progress.message(f"Answered by the tracker but not keyed in ({len(unkeyed)}): "
                         f"{', '.join(unkeyed)}: key them into the workbook and import it.")
    if undated:
        progress.message(f"Keyed in but with no date_received in tracker.csv ({len(undated)}): "
                         f"{', '.join(undated)}: add the date each answer came.")
