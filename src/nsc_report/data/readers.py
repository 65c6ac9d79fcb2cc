"""Reading a YAML or CSV file into a model or a table of text cells, and the checks every table
shares; every problem is collected as an Issue.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa
import yaml
from pydantic import BaseModel, ValidationError

from nsc_report.data.issues import Issue
from nsc_report.errors import shorten
from nsc_report.infra import files, yamlfile


def _read_yaml(path: Path, model: type[BaseModel], issues: list[Issue], label: str,
               data_dir: Path | None = None) -> Any:
    """A YAML file read by the one YAML reader (no aliases, bounded depth, each key once), then
    checked against its model; every problem is an issue."""
    text = _read_text(path, label, issues, data_dir, limit=yamlfile.MAX_YAML_BYTES)
    if text is None:
        return None
    try:
        raw = yamlfile.load(text)
    except yaml.YAMLError as exc:
        issues.append(Issue(label, None, None, None, f"valid YAML ({yamlfile.describe(exc)})"))
        return None
    for number, line in enumerate(text.splitlines(), 1):
        if FILL_IN in line:
            key = line.split(":")[0].strip() or None
            note = line.split(f"{FILL_IN}:", 1)[-1].strip(' "')
            issues.append(Issue(label, None, key, None, f"this edition's value at line "
                                f"{number}, still marked {FILL_IN} ({note or 'to be filled'})",
                                marked_line=number))
    if raw is None:
        issues.append(Issue(label, None, None, None, "the settings of the file (it is empty)"))
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors():
            key = ".".join(str(p) for p in err["loc"])
            expected = err["msg"].lower()
            if err["type"] == "extra_forbidden":
                expected = _unknown_key(model, err["loc"])
                issues.append(Issue(label, None, key or None, None, expected))
                continue
            # The value as given, cut short: a message never prints more than a line of it.
            issues.append(Issue(label, None, key or None, shorten(err.get("input")), expected))
        return None


def _unknown_key(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """'a known key: did you mean illustrative?' for a key the file's model does not have."""
    target: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(target, "model_fields", {}).get(part)
        annotation = field.annotation if field else None
        for candidate in (annotation, *getattr(annotation, "__args__", ())):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                target = candidate
                break
    known = sorted(getattr(target, "model_fields", {}))
    guess = difflib.get_close_matches(str(loc[-1]), known, n=1)
    hint = f"did you mean '{guess[0]}'?" if guess else f"known keys are {', '.join(known)}"
    return f"no such key ({hint})"


FILL_IN = "FILL IN"  # marks a value a new edition must still provide (see editions.py)


MAX_FILE_BYTES = 20 * 1024 * 1024   # no edition file comes near this; a bigger one is a mistake


MAX_COUNT = 10_000_000              # more than any force could record in a year


WHOLE = re.compile(r"^[0-9]+$")  # ASCII digits: \d would take ٢٦٥٦ and then fail to parse it


DECIMAL = re.compile(r"^[0-9]+(\.[0-9]+)?$")


def _read_text(path: Path, label: str, issues: list[Issue], data_dir: Path | None,
               utf8_hint: str = "", limit: int = MAX_FILE_BYTES) -> str | None:
    """The file's text, read through the one file reader; what stands at the path instead (a
    link, nothing, a folder, a device, too large a file, bytes that are not UTF-8) is an issue,
    never a traceback. With `data_dir`, the file must stand in it, with no link on the way."""
    try:
        return files.read_text(path, limit=limit, within=data_dir)
    except files.UnreadableFile as exc:
        if exc.kind in ("link", "outside"):
            target = exc.detail if exc.kind == "link" else exc.path
            issues.append(Issue(label, None, None, str(target),
                                f"a file inside {data_dir}, not a link to somewhere else"
                                + (f" ({exc.path} is a link)" if exc.path != path else "")))
            return None
        expected = {
            "missing": "the file to exist",
            "too_large": f"a file of at most {limit / 2**20:g} MB: is it the right file?",
            "not_utf8": f"a UTF-8 text file (byte {exc.detail} is not UTF-8{utf8_hint})",
        }.get(exc.kind, f"a readable file ({exc.found})")
        value = f"{exc.detail:,} bytes" if exc.kind == "too_large" else None
        issues.append(Issue(label, None, None, value, expected))
        return None


def _read_csv(path: Path, columns: list[str], issues: list[Issue], label: str,
              data_dir: Path | None = None, text: str | None = None,
              optional: frozenset[str] = frozenset()) -> pd.DataFrame | None:
    """Read every cell as text, so that the schemas, not pandas, judge each value. A row with
    more or fewer cells than the header is refused, naming it (pandas would fill the missing
    cells with empty ones, or take a first column without a header as the index). `text`, if
    given, is the file's content already in hand (a workbook being imported). A column in
    `optional` may be left out (a file written before it was added): it is read as empty."""
    if text is None:
        text = _read_text(path, label, issues, data_dir, ": save the file as CSV UTF-8")
    if text is None:
        return None
    lines = text.splitlines()
    if not text.strip():
        issues.append(Issue(label, None, None, None,
                            f"a header row with the columns {columns} (the file is empty)"))
        return None
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        issues.append(Issue(label, None, None, None, f"a well-formed CSV file ({exc})"))
        return None
    header = records[0]
    if len(header) == 1 and len(columns) > 1:
        for sep in (";", "\t", "|"):
            if sep in lines[0]:
                issues.append(Issue(label, 1, None, lines[0][:80],
                                    f"columns separated by commas, not {sep!r}"))
                return None
    repeated = sorted({c for c in header if header.count(c) > 1})
    if repeated:
        issues.append(Issue(label, None, ", ".join(repeated), header,
                            "each column name once"))
        return None
    missing = [c for c in columns if c not in header and c not in optional]
    extra = [c for c in header if c not in columns]
    if missing or extra:
        problem = "; ".join(filter(None, (
            f"missing {missing}" if missing else "", f"unexpected {extra}" if extra else "")))
        issues.append(Issue(label, None, None, header,
                            f"exactly the columns {columns} ({problem})"))
        return None
    rows = [r for r in records[1:] if r]  # a blank line is no row, as pandas counts them
    n = len(issues)
    for number, row in enumerate(rows, 1):
        if len(row) != len(header):
            issues.append(Issue(label, number, None, ",".join(row),
                                f"{len(header)} cells, one for each column of the header "
                                f"({len(row)} found: a comma missing, or one too many?)"))
    if len(issues) > n:
        return None
    frame = pd.DataFrame(rows, columns=header, dtype=object)
    absent = [c for c in columns if c not in header]
    if absent:
        frame = frame.assign(**{c: "" for c in absent})[columns]
    frame.index = pd.RangeIndex(1, len(frame) + 1)  # row numbers as an author counts them
    return frame


def _tidy(frame: pd.DataFrame, codes: list[str], issues: list[Issue], label: str) -> None:
    """Strip spaces around every cell; around a code they are reported, since a code is
    matched exactly and a stray space is often a sign of a pasted value."""
    for column in codes:
        text = frame[column]
        for row in frame.index[text != text.str.strip()]:
            issues.append(Issue(label, int(row), column, text[row],
                                f"{text[row].strip()!r} without spaces around it"))
    for column in frame.columns:
        frame[column] = frame[column].str.strip()


def _to_number(frame: pd.DataFrame, column: str, issues: list[Issue], label: str,
               whole: bool) -> None:
    """Parse a text column into numbers in place, reporting every cell that is not one.

    Counts are plain digits (no '1,234', '1e9', '12.0', dates or signs) and at most
    MAX_COUNT; other numbers may have decimals."""
    text = frame[column].str.strip()
    pattern = WHOLE if whole else DECIMAL
    shaped = text.str.fullmatch(pattern.pattern)
    parsed = pd.to_numeric(text.where(shaped & (text != "")), errors="coerce")
    too_big = whole & (parsed > MAX_COUNT)
    for row in frame.index[(text != "") & ~shaped]:
        kind = ("a whole number written in digits only (no commas, decimals, signs or "
                "exponents)" if whole else "a number written in digits, with a decimal point "
                "if needed")
        if re.fullmatch(r"-\d+(\.\d+)?", text[row]):
            kind = "a count of 0 or more" if whole else "a value of 0 or more"
        issues.append(Issue(label, int(row), column, frame[column][row],
                            f"{kind}, or an empty cell"))
    for row in frame.index[too_big.fillna(False)]:
        issues.append(Issue(label, int(row), column, frame[column][row],
                            f"a count of at most {MAX_COUNT:,}, or an empty cell"))
    parsed = parsed.where(~too_big.fillna(False))
    frame[column] = parsed.astype("Int64" if whole else "Float64")


def _schema_issues(schema: pa.DataFrameSchema, frame: pd.DataFrame, issues: list[Issue],
                   label: str, row_checks: dict[str, str] | None = None) -> None:
    """Run a pandera schema lazily and turn its failure cases into issues.

    `row_checks` maps the error text of each whole-row check to the column it is about, since
    pandera reports such a failure once for every column of the row.
    """
    row_checks = row_checks or {}
    if frame.empty:
        # A header-only table (a new edition's returns) has no cell for pandera to judge the
        # text columns by: it would report each as the wrong dtype. The columns are what they
        # would be with rows; what the table lacks is said by its own loader, in one line.
        frame = frame.astype({c: str for c in frame.columns if frame[c].dtype == object})
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases.sort_values("index", kind="stable", na_position="first")
        seen: set[tuple[object, str]] = set()
        for case in cases.itertuples():
            row = None if pd.isna(case.index) else int(case.index)
            check = str(case.check)
            column = row_checks.get(check, case.column if isinstance(case.column, str) else None)
            if check == "multiple_fields_uniqueness":
                column = ", ".join(schema.unique or [])
            if (row, check, column) in seen:
                continue
            seen.add((row, check, column))
            if row is not None and column in frame.columns:
                value = frame.at[row, column]
                value = None if pd.isna(value) else getattr(value, "item", lambda v=value: v)()
            elif check == "multiple_fields_uniqueness" and row is not None:
                value = " / ".join(str(frame.at[row, c]) for c in schema.unique or [])
            else:
                value = case.failure_case
            if check == "multiple_fields_uniqueness":
                check = f"one row per {' x '.join(schema.unique or [])}; this one repeats"
            issues.append(Issue(label, row, column, value, check))


def _text(expected: str, *checks: pa.Check | list[pa.Check], nullable: bool = False,
          unique: bool = False) -> pa.Column:
    flat = [c for check in checks for c in (check if isinstance(check, list) else [check])]
    non_empty = pa.Check(lambda s: s != "", element_wise=False, error=expected)
    return pa.Column(str, flat if nullable else [non_empty, *flat], unique=unique)


def _isin(values: Iterable[str] | None, what: str) -> list[pa.Check]:
    """A membership check, or none when the reference list itself could not be read."""
    if values is None:
        return []
    allowed = sorted(set(values))
    shown = ", ".join(allowed) if len(allowed) <= 14 else f"one of the {len(allowed)} {what}"
    return [pa.Check.isin(allowed, error=f"{what}: {shown}" if len(allowed) <= 14 else shown)]
