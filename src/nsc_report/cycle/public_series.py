"""Published per-force statistics on stalking, read from the tables as published.

`data/public/raw/` keeps the published files as they were taken (with their README); this module
reads them row by row into one tidy table, `data/public/series.csv` (series, force_code, period,
measure, value, note), that every edition reads and none copies. Every force name is matched to
its ONS code by an explicit list (a name that does not match stops the conversion, naming the
file and row); periods are parsed; counts must be whole and not negative; a row repeated is
refused; and the files' known oddities are kept as notes rather than silently fixed: a zero
that stands for a missing answer becomes an empty value with a note saying so.

    python -m nsc_report.cycle.public_series data/public   # rewrite series.csv from raw/
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from nsc_report.data.public import ENGLAND_AND_WALES
from nsc_report.errors import NscReportError
from nsc_report.infra import atomic
from nsc_report.infra.files import read_text

COLUMNS = ["series", "force_code", "period", "measure", "value", "note"]

# Names as the published files write them, beyond the names in reference/forces.csv.
ALIASES = {"London, City of": "E23000034", "Metropolitan Police Service": "E23000001",
           "Metropolitan  Service": "E23000001",  # sic, in the 2021 compilation
           "Devon & Cornwall": "E23000035", "Dyfed Powys": "W15000004",
           "All forces": ENGLAND_AND_WALES}
# Names carrying a footnote number of the published table (ONS Table P1): the force, with a
# note that the table qualifies that row (the footnote's text is not in our copy).
FOOTNOTED = {"Lancashire 8": ("E23000003", 8), "Avon and Somerset 9": ("E23000036", 9)}
# Rows that are not one of the 43 territorial forces: left out, deliberately.
NOT_A_FORCE = {"British Transport Police", "total"}

FILES = {
    "recorded_offences_2017_18": "recorded-stalking-and-harassment-offences-by-force-2017-18.csv",
    "stalking_and_harassment": "recorded-stalking-and-harassment-by-force-ons-p1.csv",
    "stalking_outcomes": "stalking-outcomes-by-force-2014-15-to-2021-22.csv",
    "proceedings_convictions": "stalking-proceedings-and-convictions-by-force-2010-to-2021.csv",
    "spo_applications": "spo-applications-by-force-foi-2020-21-and-2021-22.csv",
    "spo_applications_2020_2021": "spo-applications-by-force-foi-2020-to-2021-04.csv",
}
# The stalking offences (sections 2A and 4A) came into force on 25 November 2012: a year
# before 2013 cannot count them (and 2012 would count five weeks), so those rows are left out.
FIRST_CONVICTIONS_YEAR = 2013


# Signs the published files use for a figure not given: kept as a missing value, with a note.
MISSING = {"..": "Not available ('..' in the published table)",
           "n/a": "Given as 'n/a' in the published answers"}


class PublicSeriesError(NscReportError):
    """A published file does not read as expected (its name, row and what was wrong)."""


@dataclass(frozen=True)
class Row:
    series: str
    force_code: str
    period: str
    measure: str
    value: int | None
    note: str = ""


def codes_by_name(forces_csv: Path) -> dict[str, str]:
    rows = csv.DictReader(io.StringIO(read_text(forces_csv)))
    footnoted = {name: code for name, (code, _) in FOOTNOTED.items()}
    return {r["force_name"]: r["force_code"] for r in rows} | ALIASES | footnoted


def _code(name: str, names: dict[str, str], file: str, row: int) -> str | None:
    name = name.strip()
    if name in NOT_A_FORCE:
        return None
    if name not in names:
        raise PublicSeriesError(f"{file}, row {row}: force name {name!r} is not one of the 43 "
                                f"forces or a known alias (add it to ALIASES or NOT_A_FORCE)")
    return names[name]


def _count(text: str, file: str, row: int, column: str) -> int | None:
    text = text.strip()
    if text == "" or text in MISSING:
        return None
    if not re.fullmatch(r"\d+", text):
        raise PublicSeriesError(f"{file}, row {row}, column {column!r}: {text!r} is not a "
                                f"whole number of 0 or more")
    return int(text)


def _financial_year(text: str, file: str, row: int) -> str:
    """'2017/18' -> 'ye_mar_2018'."""
    match = re.fullmatch(r"(\d{4})/(\d{2})", text.strip())
    if not match:
        raise PublicSeriesError(f"{file}, row {row}: period {text!r} is not a year such as "
                                f"2017/18")
    return f"ye_mar_{int(match.group(1)) + 1}"


MONTHS = {"March": "mar", "June": "jun", "September": "sep", "December": "dec"}


def _year_ending(text: str, file: str, row: int) -> str:
    """'year ending June 2018' -> 'ye_jun_2018'."""
    match = re.fullmatch(r"year ending (March|June|September|December) (\d{4})", text.strip())
    if not match:
        raise PublicSeriesError(f"{file}, row {row}: period {text!r} is not 'year ending "
                                f"<month> <year>'")
    return f"ye_{MONTHS[match.group(1)]}_{match.group(2)}"


# The BBC Data Unit's answers of June 2021 run from January 2020 (the month Stalking Protection
# Orders came in) to the day each force's answer was correct to (its `date_correct`: 30/12/20
# for the Welsh forces, April or May 2021 for the others); without that day, to April 2021, as
# the compilation is titled. The period follows each row, not the compilation's title.
SPO_2021_FROM = "2020_01"
SPO_2021_TO = "2021_04"


def _to_date_correct(text: str, file: str, row: int) -> str:
    """'30/12/20' -> 'from_2020_01_to_2020_12_30'; '' -> 'from_2020_01_to_2021_04'."""
    text = text.strip()
    if not text:
        return f"from_{SPO_2021_FROM}_to_{SPO_2021_TO}"
    match = re.fullmatch(r"(\d{2})/(\d{2})/(\d{2})", text)
    if not match:
        raise PublicSeriesError(f"{file}, row {row}, column 'date_correct': {text!r} is not a "
                                f"day such as 30/04/21")
    day, month, year = match.groups()
    return f"from_{SPO_2021_FROM}_to_20{year}_{month}_{day}"


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """The file's rows, read where it stands in raw/ (not through a link); a row with a cell
    too many or too few is refused (DictReader would fill or drop cells silently)."""
    rows = csv.DictReader(io.StringIO(read_text(path, within=path.parent)))
    for number, row in enumerate(rows, 2):
        if None in row or None in row.values():
            raise PublicSeriesError(f"{path.name}, row {number}: {len(rows.fieldnames or [])} "
                                    f"cells expected, as in the header")
        yield number, row


def read_all(raw: Path, forces_csv: Path) -> list[Row]:
    names = codes_by_name(forces_csv)
    out: list[Row] = []

    def add(series: str, file: str, number: int, name: str, period: str,
            values: dict[str, str], notes: dict[str, str] | None = None) -> None:
        code = _code(name, names, file, number)
        if code is None:
            return
        for measure, text in values.items():
            note = (notes or {}).get(measure, "")
            if text.strip() in MISSING:
                text, note = "", note or MISSING[text.strip()]
            value = _count(text, file, number, measure)
            if value is None and not note:
                note = ("No figure in the published file (the cell is empty, which means "
                        "not given, not zero)")
            out.append(Row(series, code, period, measure, value, note))

    series = "recorded_offences_2017_18"
    file = FILES[series]
    for n, r in _rows(raw / file):
        add(series, file, n, r["force_name"], _financial_year(r["financial_year"], file, n),
            {"stalking": r["stalking_8Q"], "harassment": r["harassment_8L"],
             "racially_religiously_aggravated_harassment":
                 r["racially_religiously_aggravated_harassment_8M"],
             "malicious_communications": r["malicious_communications_8R"]})

    series = "stalking_and_harassment"
    file = FILES[series]
    for n, r in _rows(raw / file):
        values = {"stalking_and_harassment": r["stalking_and_harassment"],
                  "total_recorded_crime_excl_fraud": r["total_recorded_crime_excl_fraud"]}
        marked = FOOTNOTED.get(r["force_name"].strip())
        # Printed to readers (force pages, downloads): what is known of the row, not a task.
        note = (f"The published table marks this force's row with its footnote {marked[1]}, "
                f"whose text our copy of the table does not include; the figure is shown as "
                f"published" if marked else "")
        if r["pfa_code"].strip() and r["pfa_code"].strip() != _code(r["force_name"], names,
                                                                      file, n):
            raise PublicSeriesError(f"{file}, row {n}: {r['force_name']!r} is "
                                    f"{_code(r['force_name'], names, file, n)}, but the row "
                                    f"says {r['pfa_code']!r}")
        add(series, file, n, r["force_name"], _year_ending(r["period"], file, n), values,
            dict.fromkeys(values, note) if note else None)

    series = "stalking_outcomes"
    file = FILES[series]
    measures = ("stalking_outcomes_total", "charge_summons",
                "evidential_difficulties_victim_supports",
                "evidential_difficulties_victim_does_not_support")
    for n, r in _rows(raw / file):
        period = _financial_year(r["financial_year"], file, n)
        values = {m: r[m] for m in measures}
        notes: dict[str, str] = {}
        if r["force_name"].strip() == "Greater Manchester" and period >= "ye_mar_2020" \
                and all(v.strip() == "0" for v in values.values()):
            # Greater Manchester supplied no outcomes data from 2019-20: missing, not zero.
            values = dict.fromkeys(values, "")
            notes = dict.fromkeys(values, "Greater Manchester supplied no outcomes data for "
                                          "this year, so its figures are missing, not zero")
        elif all(v.strip() == "0" for v in values.values()):
            # Printed after "There is no rate for <years>.": whose counts are 0, and which.
            notes = dict.fromkeys(values, "Each of the force's outcome counts, not only its "
                                          "charges, is 0 as published for that year; the "
                                          "compilation does not say whether this is a missing "
                                          "return")
        add(series, file, n, r["force_name"], period, values, notes)

    series = "proceedings_convictions"
    file = FILES[series]
    for n, r in _rows(raw / file):
        year = int(r["Year"])
        if year < FIRST_CONVICTIONS_YEAR:
            continue
        add(series, file, n, r["Police force name"], f"cy_{year}",
            {"proceedings": r["Number of proceedings"], "convicted": r["Number convicted"]})

    series = "spo_applications"
    file = FILES[series]
    for n, r in _rows(raw / file):
        name = r["Force name"].strip()
        if not name:
            continue  # the compilation's blank line before its totals
        granted_more = (_count(r["Granted 2021-2022"], file, n, "granted") or 0) > \
            (_count(r["Applied for in 2021-2022"], file, n, "applied") or 0)
        note = ("Reported as given: more orders granted than applied for in the year "
                "(orders granted can follow applications of an earlier year, or the answer "
                "is inconsistent)") if granted_more else ""
        add(series, file, n, name, "ye_mar_2021",
            {"applied": r["Applied for in 2020-2021"], "granted": r["Granted in 2020-2021"]})
        add(series, file, n, name, "ye_mar_2022",
            {"applied": r["Applied for in 2021-2022"], "granted": r["Granted 2021-2022"],
             "not_yet_heard": r["Not yet heard 2021-2022"]},
            {"granted": note} if note else None)

    series = "spo_applications_2020_2021"
    file = FILES[series]
    for n, r in _rows(raw / file):
        values = {"granted": r["SPOs granted"], "rejected": r["SPOs rejected"],
                  "not_heard": r["SPO not_heard"], "applied": r["Total SPOs applied for"]}
        notes = None
        if r["foi_response"].strip() == "no":
            values = dict.fromkeys(values, "")
            notes = dict.fromkeys(values, "The force did not answer this request")
        add(series, file, n, r["Police force"], _to_date_correct(r["date_correct"], file, n),
            values, notes)

    seen: set[tuple[str, str, str, str]] = set()
    for row in out:
        key = (row.series, row.force_code, row.period, row.measure)
        if key in seen:
            raise PublicSeriesError(f"{FILES[row.series]}: {row.force_code} {row.period} "
                                    f"{row.measure} appears twice")
        seen.add(key)
    return out


def to_csv(rows: list[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in sorted(rows, key=lambda r: (r.series, r.force_code, r.period, r.measure)):
        writer.writerow([r.series, r.force_code, r.period, r.measure,
                         "" if r.value is None else r.value, r.note])
    return buffer.getvalue()


def write(public: Path) -> Path:
    target = public / "series.csv"
    text = to_csv(read_all(public / "raw", public.parent / "reference" / "forces.csv"))
    with atomic.replacing(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return target


if __name__ == "__main__":
    print(write(Path(sys.argv[1] if len(sys.argv) > 1 else "data/public")))
