"""Published per-force statistics (data/public/): a tidy table of series that belongs to no
edition, validated as strictly as an edition's returns.

`series.csv` has one row per series, force (ONS code, or K04000001 for England and Wales),
period, measure and value, with a note wherever a value is missing or odd; `sources.yml` cites
each series (compiler, licence, date, status `published`) and says what each measure counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd
import pandera.pandas as pa
from pydantic import Field

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
PERIOD = re.compile(r"ye_(mar|jun|sep|dec)_\d{4}|cy_\d{4}|jan_2020_to_apr_2021")
MONTHS = {"mar": "March", "jun": "June", "sep": "September", "dec": "December"}
COLUMNS = ["series", "force_code", "period", "measure", "value", "note"]


class PublicSource(_Strict):
    title: str = Field(min_length=1)
    citation: str = Field(min_length=1)
    compiler: str = Field(min_length=1)
    licence: str = Field(min_length=1)
    published: str = Field(min_length=1)
    status: Literal["published"]
    file: str = Field(min_length=1)
    measures: dict[str, str] = Field(min_length=1)

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


def period_label(period: str) -> str:
    """'ye_jun_2018' -> 'year ending June 2018'; 'cy_2015' -> '2015'."""
    if period.startswith("ye_"):
        _, month, year = period.split("_")
        return f"year ending {MONTHS[month]} {year}"
    if period.startswith("cy_"):
        return period[3:]
    return {"jan_2020_to_apr_2021": "January 2020 to April 2021"}[period]


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
