"""The words the data's codes are printed as (`notebooks/labels.ftl`).

The data and the measures keep codes (a status `refused_s12`, a band `low`, an offence `s2a`);
what a reader sees for each is in the words file, so that an author can reword it and a second
language can translate it. Each function renders one code as plain text (a table's cell, a
chart's label); a sentence that needs one takes the code as its selector instead.
"""

from __future__ import annotations

import datetime as dt
import math

from nsc_report.data import Edition, public
from nsc_report.present import words


def _locale(ed: Edition | None) -> str:
    """The edition's language (as `words.of` reads it), or the report's own without one."""
    return (getattr(ed.meta, "language", None) if ed else None) or words.DEFAULT_LOCALE


def status(ed: Edition | None, code: str) -> str:
    """An answer's status ('answered in full'), from its code in foi_returns.csv."""
    return words.Words("labels", _locale(ed)).text("label-status", status=code)


def statuses(ed: Edition | None, codes: list[str]) -> dict[str, str]:
    """Each status code with its words, in the order given."""
    w = words.Words("labels", _locale(ed))
    return {code: w.text("label-status", status=code) for code in codes}


def provenance(code: str, ed: Edition | None = None) -> str:
    """A figure's provenance in words ('unverified'), for a screen reader or a count."""
    return words.Words("labels", _locale(ed)).text("label-provenance", status=code)


def mark_html(status: str, mark: str, symbol_only: bool = False) -> str:
    """The mark of a figure that is not published, as HTML: the symbol for the eye, its word
    for a screen reader (words.provenance_mark prints it); `symbol_only`: those two alone,
    without the figure's mark around them (a name in a list, not a figure of the page)."""
    w = words.Words("labels")
    if symbol_only:
        return str(w.html("label-mark-symbol-html", status=status, mark=mark))
    return str(w.html("label-mark-html", status=status, mark=mark))


def unchecked(ed: Edition | None, text: str, checked: bool) -> str:
    """A fact of the reference data as printed: as it is when checked against its source, else
    with the words that say it is not yet (in the same sentence, cell or label)."""
    if checked:
        return text
    return words.Words("labels", _locale(ed)).text("label-unchecked", text=text)


def illustrative_short(ed: Edition | None = None) -> str:
    """What a chart's title, a card or a short notice says of constructed data."""
    return words.Words("labels", _locale(ed)).text("label-illustrative-short")


def public_period(ed: Edition | None, period: str) -> str:
    """A period of the published statistics in words ('year ending June 2018', '2015',
    'January 2020 to 30 April 2021')."""
    w = words.Words("labels", _locale(ed))
    parts = public.period_parts(period)
    if parts["kind"] != "span":
        return w.text("label-public-period", **parts)
    # A span from a month to a day (or a month): each end printed as the labels print them.
    first = w.text("label-month", month=int(parts["first_month"]), year=parts["first_year"])
    end = {"month": int(parts["last_month"]), "year": parts["last_year"]}
    last = (w.text("label-date", day=str(int(parts["last_day"])), **end) if parts["last_day"]
            else w.text("label-month", **end))
    return w.text("label-public-period", kind="span", first=first, last=last)


def spo_band(ed: Edition | None, code: str, low: int, high: float) -> str:
    """An SPO band's words ('11 to 30'), from its code and its first and last counts (the
    highest band has no last count: `high` is infinite)."""
    values: dict[str, object] = {"band": code, "low": low, "above": max(low - 1, 0)}
    if math.isfinite(high):
        values["high"] = int(high)
    return words.Words("labels", _locale(ed)).text("label-spo-band", **values)


def column(ed: Edition | None, key: str) -> str:
    """A column heading many tables share ('Force', 'Question'), by its key (labels.ftl)."""
    return words.Words("labels", _locale(ed)).text("label-column", column=key)


def offence(ed: Edition | None, code: str) -> str:
    """An offence stalking may be charged as instead ('malicious communications')."""
    return words.Words("labels", _locale(ed)).text("label-offence", offence=code)


def breakdown_level(ed: Edition | None, code: str, capital: bool = False) -> str:
    """How much of Q2 to Q4 a force could say ('partial data'; 'Partial data' for a bar)."""
    w = words.Words("labels", _locale(ed))
    return w.text("label-breakdown-level", level=code, capital=capital)


def publication_day(ed: Edition) -> str:
    """The edition's day of publication as printed ('22 April 2024'); a draft's (last year's,
    standing in until it is set) is not printed as if it were the day: it says it is a draft."""
    if ed.draft:
        return words.Words("edition", _locale(ed)).text("edition-draft-date")
    return date(ed, ed.meta.publication_date)


def england_and_wales(ed: Edition | None = None) -> str:
    """The two nations as a row of a table beside the forces."""
    return words.Words("labels", _locale(ed)).text("label-england-and-wales")


def data_status_column(ed: Edition | None = None) -> str:
    """The heading of the column a chart's data table adds when its data are not published."""
    return words.Words("labels", _locale(ed)).text("label-data-status")


def attrition_stage(ed: Edition | None, code: str, unit: str | None = None) -> str:
    """A stage of national attrition ('Recorded by police'), from its measure in national.csv;
    with the `unit` its count is in (national.csv's unit: offences or cases), said after it
    ('Recorded by police (offences)'), since the stages do not all count the same thing."""
    return words.Words("labels", _locale(ed)).text("label-attrition-stage", stage=code,
                                                   unit=unit or "none")


def date(ed: Edition | None, day: dt.date) -> str:
    """A day as printed ('22 April 2024'), in the edition's language."""
    return words.Words("labels", _locale(ed)).text("label-date", day=str(day.day),
                                                   month=day.month, year=str(day.year))


def month(ed: Edition | None, day: dt.date) -> str:
    """A month as printed ('April 2020'), in the edition's language."""
    return words.Words("labels", _locale(ed)).text("label-month", month=day.month,
                                                   year=str(day.year))
