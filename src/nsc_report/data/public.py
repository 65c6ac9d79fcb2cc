"""Published per-force statistics (data/public/): a tidy table of series that belongs to no
edition, validated as strictly as an edition's returns.

`series.csv` has one row per series, force (ONS code, or K04000001 for England and Wales),
period, measure and value, with a note wherever a value is missing or odd; `sources.yml` cites
each series (compiler, licence, date, status `published`) and says what each measure counts.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd
import pandera.pandas as pa
from pydantic import Field, model_validator

from nsc_report.data.core import _Context
from nsc_report.data.issues import DataValidationError, Issue, _once_per_cell
from nsc_report.data.models import _Strict
from nsc_report.data.paths import _label
from nsc_report.data.readers import (
    _isin,
    _read_csv,
    _read_yaml,
    _schema_issues,
    _text,
    _tidy,
    _to_number,
)

ENGLAND_AND_WALES = "K04000001"
# A year ending in a quarter, a calendar year, or a span from a month to a month or a day
# ('from_2020_01_to_2021_04_30': January 2020 to 30 April 2021).
PERIOD = re.compile(r"ye_(mar|jun|sep|dec)_\d{4}|cy_\d{4}"
                    r"|from_\d{4}_\d{2}_to_\d{4}_\d{2}(?:_\d{2})?")
SPAN = re.compile(r"from_(\d{4})_(\d{2})_to_(\d{4})_(\d{2})(?:_(\d{2}))?")
COLUMNS = ["series", "force_code", "period", "measure", "value", "note"]
# When a value was published: a year, a month or a day (as precise as the source says).
WHEN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def published_by(when: str) -> dt.date:
    """The last day a value published `when` ('2025', '2022-11', '2022-11-15') may have been
    published: an edition uses it only if that day is on or before its cut-off, so that a value
    of uncertain date is never taken as known earlier than it surely was."""
    found = WHEN.fullmatch(when)
    if found is None:
        raise ValueError(f"a date such as 2025, 2022-11 or 2022-11-15, not {when!r}")
    year, month, day = (int(g) if g else None for g in found.groups())
    if day is not None and month is not None:
        return dt.date(year, month, day)  # type: ignore[arg-type]
    if month is not None:
        return dt.date(year, month, calendar.monthrange(year, month)[1])  # type: ignore[arg-type]
    return dt.date(year, 12, 31)  # type: ignore[arg-type]


class PublicSource(_Strict):
    title: str = Field(min_length=1)
    citation: str = Field(min_length=1)
    compiler: str = Field(min_length=1)
    licence: str = Field(min_length=1)
    published: str = Field(min_length=1)  # as printed: "2022-11", "2020 and 2025"
    status: Literal["published"]
    file: str = Field(min_length=1)
    measures: dict[str, str] = Field(min_length=1)
    # When each period's values were published, where the series' periods were published at
    # different times (a table that gained a later year); otherwise `published`, a date.
    published_periods: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _dated(self) -> PublicSource:
        for when in (*self.published_periods.values(),
                     *(() if self.published_periods else (self.published,))):
            published_by(when)  # a date, or the error that says what is expected
        return self

    def published_on(self, period: str) -> dt.date:
        """The last day on which this period's values may have been published."""
        return published_by(self.published_periods.get(period, self.published))

    @property
    def credit(self) -> str:
        """Citation, compiler and licence in one line; a citation that already names its
        compiler ("as compiled by ...") is not followed by it again."""
        compiled = "" if self.compiler in self.citation else f"; compiled by {self.compiler}"
        return f"{self.citation}{compiled}; {self.licence}"


class PublicSources(_Strict):
    series: dict[str, PublicSource] = Field(min_length=1)


@dataclass(frozen=True)
class PublicSeries:
    table: pd.DataFrame                  # COLUMNS; value is a nullable whole number
    sources: dict[str, PublicSource]

    def of(self, series: str, force_code: str) -> pd.DataFrame:
        t = self.table
        return t[(t["series"] == series) & (t["force_code"] == force_code)]

    def cited(self) -> dict[str, PublicSource]:
        """The series of which the report prints a value: the sources it cites."""
        shown = set(self.table["series"])
        return {sid: src for sid, src in self.sources.items() if sid in shown}

    def as_of(self, cut_off: dt.date) -> PublicSeries:
        """The series as they stood on `cut_off`: only the values published by then (an edition
        dated 22 April 2024 prints no figure published in 2025), each source saying when the
        values kept were published."""
        keep = pd.Series([self.sources[s].published_on(p) <= cut_off
                          for s, p in zip(self.table["series"], self.table["period"],
                                          strict=True)], index=self.table.index, dtype=bool)
        sources = {}
        for name, src in self.sources.items():
            kept = sorted({src.published_periods[p] for p in self.table.loc[
                keep & (self.table["series"] == name), "period"] if p in src.published_periods})
            sources[name] = src.model_copy(update={"published": " and ".join(kept)}) \
                if kept else src
        return PublicSeries(self.table[keep].reset_index(drop=True), sources)


def period_parts(period: str) -> dict[str, str]:
    """What a period's code says, for its words (labels.ftl, label-public-period): 'ye_jun_2018'
    -> year-ending, jun, 2018; 'cy_2015' -> calendar, 2015; a span 'from_2020_01_to_2021_04_30'
    -> span, its first month and year, and its last day (empty where only the month is said),
    month and year."""
    if period.startswith("ye_"):
        _, month, year = period.split("_")
        return {"kind": "year-ending", "month": month, "year": year}
    if period.startswith("cy_"):
        return {"kind": "calendar", "year": period[3:]}
    found = SPAN.fullmatch(period)
    if found is None:
        raise ValueError(f"period {period!r} is not a known kind of period")
    first_year, first_month, last_year, last_month, last_day = found.groups()
    return {"kind": "span", "first_year": first_year, "first_month": first_month,
            "last_year": last_year, "last_month": last_month, "last_day": last_day or ""}


def _load_public(path: Path, ctx: _Context, issues: list[Issue]) -> PublicSeries | None:
    """public/series.csv and the sources.yml beside it, checked against each other and the
    forces; every problem appended to `issues`."""
    data_dir = ctx.data_dir
    folder = path.parent
    n = len(issues)
    sources: PublicSources | None = _read_yaml(folder / "sources.yml", PublicSources, issues,
                                               _label(folder / "sources.yml", data_dir),
                                               data_dir)
    label = _label(path, data_dir)
    table = _read_csv(path, COLUMNS, issues, label, data_dir)
    if table is not None:
        _tidy(table, ["series", "force_code", "period", "measure"], issues, label)
        _to_number(table, "value", issues, label, whole=True)
        codes = None if ctx.codes is None else {*ctx.codes, ENGLAND_AND_WALES}
        known = sources.series if sources else None
        _schema_issues(pa.DataFrameSchema({
            "series": _text("a series", _isin(known, "series in sources.yml")),
            "force_code": _text("a force code", _isin(codes, "force codes")),
            "period": _text("a period", pa.Check.str_matches(
                PERIOD.pattern, error="a period such as ye_mar_2018, cy_2015")),
            "measure": _text("a measure", pa.Check.str_matches(
                r"^[a-z_]+$", error="a measure name in lower_snake_case")),
            "value": pa.Column("Int64", pa.Check.ge(0, error="a count of 0 or more"),
                               nullable=True),
            "note": _text("", nullable=True),
        }, checks=[pa.Check(lambda df: df["value"].notna() | (df["note"] != ""),
                            error="a note saying why the value is missing")],
            unique=["series", "force_code", "period", "measure"],
            report_duplicates="exclude_first"),
            table, issues, label, {"a note saying why the value is missing": "note"})
        if known is not None:
            # zip over the columns: a per-cell lookup cost a fifth of a second per load
            for row, series, measure in zip(table.index, table["series"], table["measure"],
                                            strict=True):
                if series in known and measure not in known[series].measures:
                    issues.append(Issue(label, int(row), "measure", measure,
                                        f"a measure of {series} described in sources.yml: "
                                        f"{', '.join(known[series].measures)}"))
    if len(issues) > n or table is None or sources is None:
        return None
    return PublicSeries(table, dict(sources.series))


def load_public(data_dir: Path, ctx: _Context) -> PublicSeries:
    """data/public/series.csv and sources.yml; raise DataValidationError listing every issue."""
    issues: list[Issue] = []
    found = _load_public(Path(data_dir) / "public" / "series.csv", ctx, issues)
    if issues or found is None:
        raise DataValidationError(_once_per_cell(issues))
    return found
