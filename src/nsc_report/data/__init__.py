"""Load and validate one edition's data.

Every problem is collected before anything is reported, so that an author sees all of them at
once; each names the file, the row (1-based, header excluded, with its line in the file), the
column, the bad value and what was expected.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import difflib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd
import pandera.pandas as pa
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from nsc_report.data import verbatim
from nsc_report.errors import NscReportError
from nsc_report.infra import files

STATUSES = {
    "answered": "answered in full",
    "partial": "answered in part",
    "not_held": "information not held",
    "refused_s12": "refused: cost limit (section 12)",
    "refused_other": "refused: other exemption",
    "no_response": "no response",
}
# Statuses for which a figure is required, allowed, or must be absent.
VALUE_REQUIRED = {"answered"}
VALUE_OPTIONAL = {"partial"}
REGIONS = [
    "North East", "North West", "Yorkshire and The Humber", "East Midlands", "West Midlands",
    "East of England", "London", "South East", "South West", "Wales",
]
SECTIONS = ["reports", "other_offences", "officers", "spo"]
SPO_APPLICATIONS = ("Q9", "Q10")
SPO_OUTCOMES = ("Q11", "Q12", "Q13")


@dataclass(frozen=True)
class Issue:
    """One problem found in the data."""

    file: str
    row: int | None
    column: str | None
    value: Any
    expected: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row} (line {self.row + 1})"
        if self.column:
            where += f", column '{self.column}'"
        got = "" if self.value is None else f"got {self.value!r}; "
        return f"{where}: {got}expected {self.expected}"


class DataValidationError(NscReportError):
    """Raised with every issue found in an edition's data."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues
        lines = "\n".join(f"  - {issue}" for issue in issues)
        super().__init__(f"{len(issues)} problem(s) in the edition data:\n{lines}")


# --- YAML files -----------------------------------------------------------------------------

class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Period(_Strict):
    label: str = Field(min_length=1)
    short: str = Field(min_length=1)


# How far a figure can be trusted, strongest first: real and cited; real, with a caveat;
# constructed. A figure takes the weakest status of the sources and files it comes from.
STATUSES_OF_DATA = ("published", "unverified", "illustrative")
DataStatus = Literal["published", "unverified", "illustrative"]


class Source(_Strict):
    citation: str = Field(min_length=1)
    status: DataStatus
    caveat: str | None = None
    # A copy of the source document kept with the edition (sources/...), against which the
    # quotations taken from it are checked.
    document: str | None = None

    @property
    def verified(self) -> bool:
        return self.status == "published"


class DataFile(_Strict):
    """The status of one of the edition's data files (a file not listed is published)."""

    status: DataStatus
    caveat: str | None = None


class Help(_Strict):
    """Where a reader can find help and the report: printed on every page and briefing. A
    field no cited source gives stays empty; `nsc-report check` reports it."""

    helpline_name: str
    helpline_phone: str
    helpline_source: str
    website: str
    website_source: str
    site_url: str = ""        # the published web book's address
    press_contact: str = ""


class FundingAsk(_Strict):
    amount_gbp: int = Field(gt=0)
    as_printed: str
    source: str


class Organisation(_Strict):
    trust_founded_years_ago: int = Field(gt=0)
    helpline_started: int
    helpline_victims_supported: int = Field(gt=0)
    source: str


class EditionMeta(_Strict):
    edition: str = Field(pattern=r"^\d{4}$")
    slug: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str = Field(min_length=1)
    subtitle: str
    theme: str
    publisher: str
    publication_date: dt.date
    awareness_week: str
    language: str
    illustrative: bool
    forces_asked: int = Field(gt=0)
    periods: dict[str, Period]
    current_period: str
    previous_period: str
    # The edition this one is compared with (year on year); its questions are linked to this
    # one's by `same_as` in questions.yml.
    previous_edition: str | None = Field(default=None, pattern=r"^\d{4}$")
    pcc_commitment_year: int
    organisation: Organisation
    funding_ask: FundingAsk
    sources: dict[str, Source]
    # The status of the data files that are not simply published (see DataFile).
    data_files: dict[str, DataFile] = Field(default_factory=dict)
    help: Help | None = None


class Question(_Strict):
    id: str = Field(pattern=r"^Q\d+$")
    wording: str = Field(min_length=1)
    periods: list[str] = Field(min_length=1)
    unit: str
    section: Literal["reports", "other_offences", "officers", "spo"]
    # The id of the same question in the previous edition's codebook, when it is asked again.
    same_as: str | None = Field(default=None, pattern=r"^Q\d+$")
    # How the question differs from the previous edition's, in plain words (its figures are then
    # shown side by side but not compared).
    changed: str | None = Field(default=None, min_length=1)


class Codebook(_Strict):
    questions: list[Question] = Field(min_length=1)


class CpsAnswer(_Strict):
    question: str
    status: Literal["answered", "partial", "not_collated", "not_held", "refused", "no_response"]
    answer: str
    source: str
    # The CPS's own words, as the source reports them (checked word for word against it).
    quote: str | None = None


class Quotation(_Strict):
    """A quotation printed in the book, checked against the source document it comes from."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    who: str = Field(min_length=1)             # as the source names the speaker
    role: str | None = None                    # as the source gives it, at that time
    source: str                                # a source id in edition.yml with a document
    text: str = Field(min_length=1)


class Quotations(_Strict):
    quotations: list[Quotation]


def _read_yaml(path: Path, model: type[BaseModel], issues: list[Issue], label: str,
               data_dir: Path | None = None) -> Any:
    text = _read_text(path, label, issues, data_dir)
    if text is None:
        return None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        issues.append(Issue(label, None, None, None, f"valid YAML ({problem}{where})"))
        return None
    for number, line in enumerate(text.splitlines(), 1):
        if FILL_IN in line:
            key = line.split(":")[0].strip() or None
            note = line.split(f"{FILL_IN}:", 1)[-1].strip(' "')
            issues.append(Issue(label, None, key, None, f"this edition's value at line "
                                f"{number}, still marked {FILL_IN} ({note or 'to be filled'})"))
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
            issues.append(Issue(label, None, key or None, err.get("input"), expected))
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


# --- CSV files ------------------------------------------------------------------------------

FILL_IN = "FILL IN"  # marks a value a new edition must still provide (see editions.py)
MAX_FILE_BYTES = 20 * 1024 * 1024   # no edition file comes near this; a bigger one is a mistake
MAX_COUNT = 10_000_000              # more than any force could record in a year
WHOLE = re.compile(r"^\d+$")
DECIMAL = re.compile(r"^\d+(\.\d+)?$")


def _read_text(path: Path, label: str, issues: list[Issue], data_dir: Path | None,
               utf8_hint: str = "") -> str | None:
    """The file's text, read through the one file reader; what stands at the path instead (a
    link out of the data folder, nothing, a folder, a device, too large a file, bytes that are
    not UTF-8) is an issue, never a traceback."""
    if data_dir is not None and path.exists() and \
            not path.resolve().is_relative_to(data_dir.resolve()):
        issues.append(Issue(label, None, None, str(path.resolve()),
                            f"a file inside {data_dir}, not a link to somewhere else"))
        return None
    try:
        return files.read_text(path, limit=MAX_FILE_BYTES)
    except files.UnreadableFile as exc:
        expected = {
            "missing": "the file to exist",
            "too_large": f"a file of at most {MAX_FILE_BYTES // 2**20} MB: is it the right "
                         f"file?",
            "not_utf8": f"a UTF-8 text file (byte {exc.detail} is not UTF-8{utf8_hint})",
        }.get(exc.kind, f"a readable file ({exc.found})")
        value = f"{exc.detail:,} bytes" if exc.kind == "too_large" else None
        issues.append(Issue(label, None, None, value, expected))
        return None


def _read_csv(path: Path, columns: list[str], issues: list[Issue], label: str,
              data_dir: Path | None = None) -> pd.DataFrame | None:
    """Read every cell as text, so that the schemas, not pandas, judge each value."""
    text = _read_text(path, label, issues, data_dir, ": save the file as CSV UTF-8")
    if text is None:
        return None
    lines = text.splitlines()
    if not text.strip():
        issues.append(Issue(label, None, None, None,
                            f"a header row with the columns {columns} (the file is empty)"))
        return None
    header = next(csv.reader([lines[0]]))
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
    missing = [c for c in columns if c not in header]
    extra = [c for c in header if c not in columns]
    if missing or extra:
        problem = "; ".join(filter(None, (
            f"missing {missing}" if missing else "", f"unexpected {extra}" if extra else "")))
        issues.append(Issue(label, None, None, header,
                            f"exactly the columns {columns} ({problem})"))
        return None
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.ParserError as exc:
        issues.append(Issue(label, None, None, None, f"a well-formed CSV file ({exc})"))
        return None
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


@dataclass(frozen=True)
class _Context:
    """What the core files define, against which the other files are checked. A reference set
    is None where the file defining it could not be read, so that one broken file is not
    reported again on every row that refers to it."""

    data_dir: Path
    meta: EditionMeta | None
    codebook: Codebook | None
    forces: pd.DataFrame | None
    question_periods: dict[str, list[str]]

    @property
    def periods(self) -> set[str] | None:
        return set(self.meta.periods) if self.meta else None

    @property
    def sources(self) -> set[str] | None:
        return set(self.meta.sources) if self.meta else None

    @property
    def codes(self) -> set[str] | None:
        return set(self.forces["force_code"]) if self.forces is not None else None

    @property
    def qids(self) -> set[str] | None:
        return set(self.question_periods) if self.codebook else None

    def label(self, path: Path) -> str:
        return _label(path, self.data_dir)


def _load_core(data_dir: Path, edition: str, issues: list[Issue]) -> _Context:
    """edition.yml, questions.yml and reference/forces.csv: what every other file refers to."""
    if not (data_dir / edition).is_dir():
        raise DataValidationError([Issue(_label(data_dir / edition, data_dir), None, None, None,
                                         f"a folder holding edition {edition}'s data")])
    paths = edition_paths(data_dir, edition)
    meta_path, questions_path, forces_path = paths["meta"], paths["questions"], paths["forces"]
    lab = {p: _label(p, data_dir) for p in (meta_path, questions_path, forces_path)}
    meta: EditionMeta | None = _read_yaml(meta_path, EditionMeta, issues, lab[meta_path],
                                          data_dir)
    codebook: Codebook | None = _read_yaml(questions_path, Codebook, issues, lab[questions_path],
                                           data_dir)
    periods = set(meta.periods) if meta else None
    if meta:
        for key in ("current_period", "previous_period"):
            if getattr(meta, key) not in meta.periods:
                issues.append(Issue(lab[meta_path], None, key, getattr(meta, key),
                                    "one of the periods defined under 'periods'"))
        if meta.edition != edition:
            issues.append(Issue(lab[meta_path], None, "edition", meta.edition,
                                f"'{edition}', the name of its folder"))
        if f"foi_{edition}" not in meta.sources:
            issues.append(Issue(lab[meta_path], None, "sources", f"foi_{edition}",
                                f"a source 'foi_{edition}' citing this edition's requests"))
        cited = [("funding_ask.source", meta.funding_ask.source),
                 ("organisation.source", meta.organisation.source)]
        if meta.help:
            cited += [("help.helpline_source", meta.help.helpline_source),
                      ("help.website_source", meta.help.website_source)]
        for key, source in cited:
            if source not in meta.sources:
                issues.append(Issue(lab[meta_path], None, key, source,
                                    "a source id listed under 'sources'"))
        _check_provenance(data_dir / edition, meta, issues, lab[meta_path])
    question_periods: dict[str, list[str]] = {}
    if codebook:
        for i, q in enumerate(codebook.questions):
            if q.id in question_periods:
                issues.append(Issue(lab[questions_path], None, f"questions.{i}.id", q.id,
                                    "each question id once"))
            question_periods[q.id] = q.periods
            for period in q.periods:
                if periods is not None and period not in periods:
                    issues.append(Issue(lab[questions_path], None, f"questions.{i}.periods",
                                        period, "a period defined in edition.yml"))

    if meta and codebook:
        _check_links(data_dir, meta, codebook, issues, lab[meta_path], lab[questions_path])

    forces = _read_csv(forces_path, ["force_code", "force_name", "short_name", "region",
                                     "tile_x", "tile_y"], issues, lab[forces_path], data_dir)
    if forces is not None:
        _tidy(forces, ["force_code", "short_name", "region"], issues, lab[forces_path])
        for col in ("tile_x", "tile_y"):
            _to_number(forces, col, issues, lab[forces_path], whole=True)
        _schema_issues(pa.DataFrameSchema({
            "force_code": _text("an ONS police force area code",
                                pa.Check.str_matches(r"^[EW]\d{8}$",
                                                     error="an ONS code such as E23000001"),
                                unique=True),
            "force_name": _text("a force name", unique=True),
            "short_name": _text("a short name for the map", pa.Check.str_matches(
                r"^[A-Z&]{2,4}$", error="2 to 4 capital letters, such as DUR"), unique=True),
            "region": _text("a region", _isin(REGIONS, "a region of England or Wales")),
            "tile_x": pa.Column("Int64", pa.Check.ge(0, error="a tile column of 0 or more")),
            "tile_y": pa.Column("Int64", pa.Check.ge(0, error="a tile row of 0 or more")),
        }, unique=["tile_x", "tile_y"], report_duplicates="exclude_first"),
            forces, issues, lab[forces_path])
    return _Context(data_dir, meta, codebook, forces, question_periods)


def _check_provenance(folder: Path, meta: EditionMeta, issues: list[Issue], label: str) -> None:
    """Every status that is not `published` says why (a caveat); `data_files` names the
    edition's own files; a source document is kept in the edition's folder; and
    `illustrative` says whether any source or file is constructed."""
    known = {p.name for key, p in edition_paths(folder.parent, meta.edition).items()
             if key not in ("forces", "oversight")}
    statuses = []
    for group, entries in (("sources", meta.sources), ("data_files", meta.data_files)):
        for key, entry in entries.items():
            statuses.append(entry.status)
            if entry.status != "published" and not (entry.caveat or "").strip():
                issues.append(Issue(label, None, f"{group}.{key}.caveat", None,
                                    f"a caveat saying why the status is {entry.status}"))
    for name in meta.data_files:
        if name not in known:
            issues.append(Issue(label, None, f"data_files.{name}", name,
                                f"one of this edition's files: {', '.join(sorted(known))}"))
    for key, source in meta.sources.items():
        if source.document is not None:
            path = folder / source.document
            if ".." in Path(source.document).parts or not path.is_file():
                issues.append(Issue(label, None, f"sources.{key}.document", source.document,
                                    f"a file in {folder.name}/sources/ holding the source"))
    constructed = "illustrative" in statuses
    if meta.illustrative != constructed:
        issues.append(Issue(label, None, "illustrative", meta.illustrative,
                            f"{str(constructed).lower()}, since "
                            + ("a source or data file is illustrative" if constructed else
                               "no source or data file is marked illustrative")))


def _check_links(data_dir: Path, meta: EditionMeta, codebook: Codebook, issues: list[Issue],
                 meta_label: str, questions_label: str) -> None:
    """`previous_edition` names an earlier edition that exists, and every `same_as` names one of
    its questions (each at most once)."""
    previous = meta.previous_edition
    linked = [(i, q) for i, q in enumerate(codebook.questions) if q.same_as or q.changed]
    if previous is None:
        for i, q in linked:
            issues.append(Issue(questions_label, None, f"questions.{i}.same_as", q.same_as,
                                "no link: edition.yml names no previous_edition to link to"))
        return
    if previous >= meta.edition:
        issues.append(Issue(meta_label, None, "previous_edition", previous,
                            f"an edition before {meta.edition}"))
        return
    path = data_dir / previous / "questions.yml"
    if not path.is_file():
        issues.append(Issue(meta_label, None, "previous_edition", previous,
                            f"an edition in {_label(data_dir, data_dir)} with a questions.yml"))
        return
    earlier: Codebook | None = _read_yaml(path, Codebook, issues, _label(path, data_dir), data_dir)
    if earlier is None:
        return
    ids = {q.id for q in earlier.questions}
    seen: set[str] = set()
    for i, q in linked:
        if q.same_as is None:
            issues.append(Issue(questions_label, None, f"questions.{i}.changed", q.changed,
                                "a 'same_as' link beside 'changed' (what it changed from)"))
        elif q.same_as not in ids:
            issues.append(Issue(questions_label, None, f"questions.{i}.same_as", q.same_as,
                                f"a question id of edition {previous} "
                                f"({', '.join(sorted(ids, key=lambda x: int(x[1:])))})"))
        elif q.same_as in seen:
            issues.append(Issue(questions_label, None, f"questions.{i}.same_as", q.same_as,
                                f"each question of edition {previous} linked once"))
        seen.add(q.same_as or "")


def _load_cps(path: Path, ctx: _Context, issues: list[Issue]) -> CpsAnswer | None:
    label = ctx.label(path)
    cps: CpsAnswer | None = _read_yaml(path, CpsAnswer, issues, label, ctx.data_dir)
    sources = ctx.sources
    if cps and sources is not None and cps.source not in sources:
        issues.append(Issue(label, None, "source", cps.source,
                            "a source id listed under 'sources' in edition.yml"))
    elif cps and cps.quote:
        _check_verbatim(label, "quote", cps.quote, cps.source, ctx, issues)
    return cps


def _load_returns(path: Path, ctx: _Context, issues: list[Issue]) -> pd.DataFrame | None:
    label = ctx.label(path)
    question_periods, codes, periods = ctx.question_periods, ctx.codes, ctx.periods
    returns = _read_csv(path, ["force_code", "question_id", "period", "status", "value",
                               "note"], issues, label, ctx.data_dir)
    if returns is None:
        return None
    _tidy(returns, ["force_code", "question_id", "period", "status"], issues, label)
    _to_number(returns, "value", issues, label, whole=True)
    allowed_pairs = {(q, p) for q, ps in question_periods.items() for p in ps}

    def period_fits(df: pd.DataFrame) -> pd.Series:
        known = df["question_id"].isin(question_periods)
        pairs = pd.Series(list(zip(df["question_id"], df["period"], strict=True)),
                          index=df.index)
        return ~known | pairs.isin(allowed_pairs)

    row_checks = {
        "a figure in 'value', since status is 'answered'": "value",
        "an empty 'value', since the status says no figure was given": "value",
        "a note saying what is missing, since status is 'partial'": "note",
    }
    rules = [
        lambda df: ~df["status"].isin(VALUE_REQUIRED) | df["value"].notna(),
        lambda df: df["status"].isin(VALUE_REQUIRED | VALUE_OPTIONAL)
        | ~df["status"].isin(STATUSES) | df["value"].isna(),
        lambda df: (df["status"] != "partial") | (df["note"] != ""),
    ]
    checks = [pa.Check(rule, error=error) for rule, error in zip(rules, row_checks, strict=True)]
    schema = pa.DataFrameSchema({
        "force_code": _text("a force code", _isin(codes, "force codes in reference/forces.csv")),
        "question_id": _text("a question id", _isin(ctx.qids, "question ids")),
        "period": _text("a period", _isin(periods, "periods in edition.yml")),
        "status": _text("a status", _isin(STATUSES, "a status")),
        "value": pa.Column("Int64", pa.Check.ge(0, error="a count of 0 or more"), nullable=True),
        "note": _text("", nullable=True),
    }, checks=checks, unique=["force_code", "question_id", "period"],
        report_duplicates="exclude_first")
    _schema_issues(schema, returns, issues, label, row_checks)
    for row in returns.index[~period_fits(returns)]:
        q = returns.at[row, "question_id"]
        issues.append(Issue(label, int(row), "period", returns.at[row, "period"],
                            f"a period asked in {q}: {', '.join(question_periods[q])}"))
    if codes is not None and ctx.codebook and returns.empty:
        issues.append(Issue(label, None, "force_code", None,
                            f"rows for all {len(codes)} forces: the file has its header only "
                            f"(key the answers in)"))
    elif codes is not None and ctx.codebook:
        _check_complete(returns, codes, question_periods, issues, label)
    _check_spo_outcomes(returns, issues, label)
    if ctx.forces is None:
        return returns
    return returns.merge(ctx.forces[["force_code", "force_name", "region"]], on="force_code")


def _load_commitments(path: Path, ctx: _Context, issues: list[Issue]) -> pd.DataFrame | None:
    label, codes = ctx.label(path), ctx.codes
    commitments = _read_csv(path, ["force_code", "committed", "source_id"], issues, label,
                            ctx.data_dir)
    if commitments is None:
        return None
    _tidy(commitments, ["force_code", "committed", "source_id"], issues, label)
    _schema_issues(pa.DataFrameSchema({
        "force_code": _text("a force code", _isin(codes, "force codes in reference/forces.csv"),
                            unique=True),
        "committed": _text("true or false", _isin(["true", "false"], "true or false")),
        "source_id": _text("a source id", _isin(ctx.sources, "source ids in edition.yml")),
    }), commitments, issues, label)
    for code in sorted((codes or set()) - set(commitments["force_code"])):
        issues.append(Issue(label, None, "force_code", None, f"a row for force {code}"))
    commitments["committed"] = commitments["committed"] == "true"
    return commitments


def _load_national(path: Path, ctx: _Context, issues: list[Issue]) -> pd.DataFrame | None:
    label = ctx.label(path)
    national = _read_csv(path, ["measure", "period", "value", "unit", "source_id", "note"],
                         issues, label, ctx.data_dir)
    if national is None:
        return None
    _tidy(national, ["measure", "period", "unit", "source_id"], issues, label)
    _to_number(national, "value", issues, label, whole=False)
    _schema_issues(pa.DataFrameSchema({
        "measure": _text("a measure name", pa.Check.str_matches(
            r"^[a-z_]+$", error="a measure name in lower_snake_case")),
        "period": _text("a period", _isin(ctx.periods, "periods in edition.yml")),
        "value": pa.Column("Float64", pa.Check.ge(0, error="a value of 0 or more")),
        "unit": _text("a unit", _isin(["offences", "cases", "percent"], "a unit")),
        "source_id": _text("a source id", _isin(ctx.sources, "source ids in edition.yml")),
        "note": _text("", nullable=True),
    }, checks=[pa.Check(lambda df: (df["unit"] != "percent") | (df["value"] <= 100),
                        error="a percentage of at most 100")],
        unique=["measure", "period"], report_duplicates="exclude_first"),
        national, issues, label, {"a percentage of at most 100": "value"})
    return national


TRACKER_COLUMNS = ["force_code", "reference", "date_sent", "date_received", "internal_review",
                   "ico_complaint"]
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _load_tracker(path: Path, ctx: _Context, issues: list[Issue]) -> pd.DataFrame | None:
    """tracker.csv (optional): one row per request, the CPS's with force_code 'CPS'."""
    if not path.exists():
        return None
    label = ctx.label(path)
    tracker = _read_csv(path, TRACKER_COLUMNS, issues, label, ctx.data_dir)
    if tracker is None:
        return None
    _tidy(tracker, ["force_code", "reference"], issues, label)
    codes = None if ctx.codes is None else sorted(ctx.codes | {"CPS"})
    edition = ctx.meta.edition if ctx.meta else None
    _schema_issues(pa.DataFrameSchema({
        "force_code": _text("a force code or CPS", _isin(codes, "force codes or CPS"),
                            unique=True),
        "reference": _text("a reference such as NSC-2025-E23000001"),
        **{c: _text("", nullable=True) for c in TRACKER_COLUMNS[2:]},
    }), tracker, issues, label)
    for row in tracker.index:
        code, ref = tracker.at[row, "force_code"], tracker.at[row, "reference"]
        if edition and ref and ref != f"NSC-{edition}-{code}":
            issues.append(Issue(label, int(row), "reference", ref, f"NSC-{edition}-{code}"))
        dates: dict[str, dt.date] = {}
        for column in TRACKER_COLUMNS[2:]:
            text = tracker.at[row, column]
            if not text:
                if column == "date_sent":
                    issues.append(Issue(label, int(row), column, None, "the date the request "
                                        "was sent, as YYYY-MM-DD"))
                continue
            try:
                if not DATE.fullmatch(text):
                    raise ValueError(text)
                dates[column] = dt.date.fromisoformat(text)
            except ValueError:
                issues.append(Issue(label, int(row), column, text, "a date as YYYY-MM-DD, or "
                                    "an empty cell"))
        sent = dates.get("date_sent")
        for column, when in dates.items():
            if sent and column != "date_sent" and when < sent:
                issues.append(Issue(label, int(row), column, tracker.at[row, column],
                                    f"a date on or after the request was sent ({sent})"))
    return tracker


OVERSIGHT_KINDS = {
    "pcc": "Police and Crime Commissioner",
    "pfcc": "Police, Fire and Crime Commissioner",
    "mayor": "mayor holding the powers of a Police and Crime Commissioner",
    "mopac": "Mayor's Office for Policing and Crime",
    "police_authority": "police authority",
}
# The bodies that hold a Police and Crime Commissioner's powers (all but a police authority).
COMMISSIONER_KINDS = ("pcc", "pfcc", "mayor", "mopac")


def _load_oversight(path: Path, ctx: _Context, issues: list[Issue]) -> pd.DataFrame | None:
    """reference/oversight.csv: who oversees each force, from when to when, with its source."""
    label = ctx.label(path)
    table = _read_csv(path, ["force_code", "kind", "body", "from", "until", "source", "checked",
                             "note"], issues, label, ctx.data_dir)
    if table is None:
        return None
    _tidy(table, ["force_code", "kind", "from", "until", "checked"], issues, label)
    _schema_issues(pa.DataFrameSchema({
        "force_code": _text("a force code", _isin(ctx.codes, "force codes in forces.csv")),
        "kind": _text("a kind of body", _isin(OVERSIGHT_KINDS, "a kind of body")),
        "body": _text("the body's name, as a sentence would name it"),
        "from": _text("a date as YYYY-MM-DD", pa.Check.str_matches(DATE.pattern,
                                                                   error="a date as YYYY-MM-DD")),
        "until": _text("", nullable=True),
        "source": _text("the source that confirms it"),
        "checked": _text("yes or no", _isin(["yes", "no"], "yes or no")),
        "note": _text("", nullable=True),
    }), table, issues, label)
    for row in table.index:
        for column in ("from", "until"):
            text = table.at[row, column]
            if text and (not DATE.fullmatch(text) or not _is_date(text)):
                issues.append(Issue(label, int(row), column, text, "a date as YYYY-MM-DD"))
        if table.at[row, "checked"] == "no" and not table.at[row, "note"]:
            issues.append(Issue(label, int(row), "note", None,
                                "a note saying what could not be checked"))
    for code in sorted(ctx.codes or ()):
        spans = sorted((r["from"], r["until"] or "9999-12-31")
                       for _, r in table[table["force_code"] == code].iterrows())
        if not spans:
            issues.append(Issue(label, None, "force_code", None, f"a row for force {code}"))
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            if start <= end:
                issues.append(Issue(label, None, "from", start, f"periods for force {code} "
                                    f"that do not overlap (the one before ends {end})"))
    return table


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _document(ctx: _Context, source_id: str) -> str | None:
    """The text of a source's document kept with the edition, or None."""
    source = ctx.meta.sources.get(source_id) if ctx.meta else None
    if source is None or source.document is None or ctx.meta is None:
        return None
    path = ctx.data_dir / ctx.meta.edition / source.document
    try:
        return files.read_text(path)
    except files.UnreadableFile:
        return None  # reported where edition.yml names the document


def _check_verbatim(label: str, key: str, text: str, source_id: str, ctx: _Context,
                    issues: list[Issue]) -> None:
    sources = ctx.sources
    if sources is None:
        return  # edition.yml could not be read: it is reported on its own
    if source_id not in sources:
        issues.append(Issue(label, None, key.rsplit(".", 1)[0] + ".source", source_id,
                            "a source id listed under 'sources' in edition.yml"))
        return
    document = _document(ctx, source_id)
    if document is None:
        issues.append(Issue(label, None, key, None, f"a quotation from a source whose document "
                            f"is kept with the edition ('document:' of {source_id})"))
        return
    differs = verbatim.first_difference(text, document)
    if differs is not None:
        name = ctx.meta.sources[source_id].document if ctx.meta else source_id
        issues.append(Issue(label, None, key, verbatim.normalise(text)[:60] + "...",
                            f"a verbatim passage of {name}: the words from "
                            f"\"{differs}\" are not in the source"))


def _load_quotations(path: Path, ctx: _Context, issues: list[Issue]) -> Quotations | None:
    """quotations.yml: every quotation the book prints, each verbatim from its source."""
    label = ctx.label(path)
    quotes: Quotations | None = _read_yaml(path, Quotations, issues, label, ctx.data_dir)
    if quotes is None:
        return None
    seen: set[str] = set()
    for i, q in enumerate(quotes.quotations):
        if q.id in seen:
            issues.append(Issue(label, None, f"quotations.{i}.id", q.id, "each id once"))
        seen.add(q.id)
        _check_verbatim(label, f"quotations.{i} ({q.id}).text", q.text, q.source, ctx, issues)
    return quotes


# The files read on demand, by the Edition attribute that holds each.
_TABLE_LOADERS = {"returns": _load_returns, "commitments": _load_commitments,
                  "national": _load_national, "cps": _load_cps, "tracker": _load_tracker,
                  "oversight": _load_oversight, "quotations": _load_quotations}


class Edition:
    """One validated edition: its metadata and tidy tables.

    The core (edition.yml, questions.yml, reference/forces.csv) is read when the edition is
    opened; every other file is read and validated when its table is first used. A notebook
    therefore opens only the files it uses, which is what the execution cache records.
    """

    def __init__(self, ctx: _Context, tables: dict[str, Any] | None = None):
        assert ctx.meta is not None and ctx.codebook is not None and ctx.forces is not None
        self._ctx = ctx
        self._tables: dict[str, Any] = dict(tables or {})
        self.meta: EditionMeta = ctx.meta
        self.directory: Path = ctx.data_dir / ctx.meta.edition
        self.forces: pd.DataFrame = ctx.forces
        self.questions = pd.DataFrame([q.model_dump() for q in ctx.codebook.questions])
        self.files: list[Path] = edition_files(ctx.data_dir, ctx.meta.edition)

    def _table(self, name: str) -> Any:
        if name not in self._tables:
            issues: list[Issue] = []
            path = edition_paths(self._ctx.data_dir, self.meta.edition)[name]
            value = _TABLE_LOADERS[name](path, self._ctx, issues)
            if issues:
                raise DataValidationError(_once_per_cell(issues))
            self._tables[name] = value
        return self._tables[name]

    @property
    def returns(self) -> pd.DataFrame:
        return self._table("returns")

    @property
    def commitments(self) -> pd.DataFrame:
        return self._table("commitments")

    @property
    def national(self) -> pd.DataFrame:
        return self._table("national")

    @property
    def cps(self) -> CpsAnswer:
        return self._table("cps")

    @property
    def quotations(self) -> dict[str, Quotation]:
        """The quotations the book prints, by id, each checked against its source."""
        return {q.id: q for q in self._table("quotations").quotations}

    @property
    def oversight(self) -> pd.DataFrame:
        """Who oversees each force, with dates (reference/oversight.csv)."""
        return self._table("oversight")

    def overseer(self, code: str, on: dt.date | None = None) -> dict[str, str]:
        """The body that oversaw the force on a date (the publication date by default)."""
        day = (on or self.meta.publication_date).isoformat()
        rows = self.oversight[self.oversight["force_code"] == code]
        for _, row in rows.iterrows():
            if row["from"] <= day and (not row["until"] or day <= row["until"]):
                return dict(row)
        raise KeyError(f"no body oversees force {code} on {day} in reference/oversight.csv")

    @property
    def tracker(self) -> pd.DataFrame | None:
        """The requests' tracker (tracker.csv), or None for an edition without one."""
        return self._table("tracker")

    def with_periods(self, **periods: str) -> Edition:
        """The same edition with other current/previous periods (notebook parameters)."""
        ctx = dataclasses.replace(self._ctx, meta=self.meta.model_copy(update=periods))
        return Edition(ctx, self._tables)

    @property
    def previous(self) -> Edition | None:
        """The edition this one is compared with (`previous_edition`), opened lazily."""
        if self.meta.previous_edition is None:
            return None
        if "previous" not in self._tables:
            self._tables["previous"] = load_edition(self._ctx.data_dir,
                                                    self.meta.previous_edition, lazy=True)
        return self._tables["previous"]

    def period_label(self, period: str, short: bool = False) -> str:
        p = self.meta.periods[period]
        return p.short if short else p.label

    def source(self, source_id: str) -> Source:
        return self.meta.sources[source_id]


def edition_paths(data_dir: Path, edition: str) -> dict[str, Path]:
    folder = data_dir / edition
    return {"forces": data_dir / "reference" / "forces.csv", "meta": folder / "edition.yml",
            "questions": folder / "questions.yml", "returns": folder / "foi_returns.csv",
            "commitments": folder / "pcc_commitments.csv", "national": folder / "national.csv",
            "cps": folder / "cps.yml", "tracker": folder / "tracker.csv",
            "oversight": data_dir / "reference" / "oversight.csv",
            "quotations": folder / "quotations.yml"}


def edition_files(data_dir: Path, edition: str) -> list[Path]:
    """Every file an edition is built from, in a fixed order."""
    return list(edition_paths(Path(data_dir), edition).values())


def _label(path: Path, data_dir: Path) -> str:
    """Name files relative to the data folder's parent, e.g. 'data/2024/foi_returns.csv'."""
    try:
        return str(path.relative_to(data_dir.parent))
    except ValueError:
        return str(path)


def load_edition(data_dir: str | Path, edition: str, *, lazy: bool = False) -> Edition:
    """Load and validate `data_dir/<edition>`; raise DataValidationError listing every issue.

    With `lazy`, only the core files are read now and each other file when it is first used
    (validated then): what notebooks do, after the command line has validated everything.
    """
    data_dir = Path(data_dir)
    issues: list[Issue] = []
    ctx = _load_core(data_dir, edition, issues)
    tables: dict[str, Any] = {}
    if not lazy:
        paths = edition_paths(data_dir, edition)
        tables = {name: loader(paths[name], ctx, issues)
                  for name, loader in _TABLE_LOADERS.items()}
    if issues:
        raise DataValidationError(_once_per_cell(issues))
    return Edition(ctx, tables)


def _once_per_cell(issues: list[Issue]) -> list[Issue]:
    """A cell that could not be read is reported for that alone, not again by the rules that
    then find it empty."""
    unreadable = {(i.file, i.row, i.column) for i in issues
                  if i.expected.endswith("or an empty cell")}
    return [i for i in issues if (i.file, i.row, i.column) not in unreadable
            or i.expected.endswith("or an empty cell")]


def _check_complete(returns: pd.DataFrame, codes: set[str],
                    question_periods: dict[str, list[str]], issues: list[Issue],
                    label: str) -> None:
    """Every force must have one row for every question and period it was asked."""
    present = set(zip(returns["force_code"], returns["question_id"], returns["period"],
                      strict=True))
    for code in sorted(codes):
        missing = [f"{q} {p}" for q, ps in question_periods.items() for p in ps
                   if (code, q, p) not in present]
        if missing:
            issues.append(Issue(label, None, "force_code", None,
                                f"rows for force {code}: missing {', '.join(missing)}"))


def _check_spo_outcomes(returns: pd.DataFrame, issues: list[Issue], label: str) -> None:
    """Outcomes of SPO applications (Q11-Q13) cannot exceed the applications made (Q9+Q10)."""
    apps = returns[returns["question_id"].isin(SPO_APPLICATIONS) & returns["value"].notna()]
    complete = apps.groupby("force_code")["value"].agg(["sum", "count"])
    totals = complete.loc[complete["count"] == len(SPO_APPLICATIONS), "sum"]
    outcomes = returns[returns["question_id"].isin(SPO_OUTCOMES) & returns["value"].notna()]
    for row, out in outcomes.iterrows():
        total = totals.get(out["force_code"])
        if total is not None and out["value"] > total:
            issues.append(Issue(label, int(row), "value", int(out["value"]),
                                f"at most {int(total)}, the force's SPO applications (Q9 + Q10)"))
