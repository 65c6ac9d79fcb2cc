"""The other files of an edition, each read and checked when first used: the answers, the
commitments, the national figures, the CPS answer, the tracker, who oversees each force and the
quotations.

Longer than most modules: one loader per file of an edition, each short, kept together so
that the files are checked in one place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa

from nsc_report.data import needs, slips
from nsc_report.data.core import _Context
from nsc_report.data.issues import Issue
from nsc_report.data.models import (
    CPS_CODE,
    CPS_NAME,
    DATE,
    OVERSIGHT_KINDS,
    SPO_APPLICATIONS,
    SPO_OUTCOMES,
    STATUSES,
    STATUSES_OF_DATA,
    TRACKER_COLUMNS,
    TRACKER_DATES,
    TRACKER_OPTIONAL,
    VALUE_OPTIONAL,
    VALUE_REQUIRED,
    CpsAnswer,
    Quotations,
    Revisions,
    Version,
)
from nsc_report.data.public import _load_public
from nsc_report.data.readers import (
    _isin,
    _read_csv,
    _read_yaml,
    _schema_issues,
    _text,
    _tidy,
    _to_number,
)
from nsc_report.data.release import _check_verbatim, _load_pre_release, _load_stated
from nsc_report.data.rules import _load_counting_rules
from nsc_report.infra.untrusted import csv_original

Loader = Callable[[Path, _Context, list[Issue]], Any]


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


def _load_returns(path: Path, ctx: _Context, issues: list[Issue],
                  text: str | None = None) -> pd.DataFrame | None:
    """foi_returns.csv, or `text` to be written there (a workbook being imported, checked
    before anything is written)."""
    label = ctx.label(path)
    start = len(issues)
    returns = _checked_returns(path, ctx, issues, label, text)
    # What was probably meant, beside each cell that is not one of its allowed values.
    slips.with_hints(issues, start, label, ctx)
    return returns


def _checked_returns(path: Path, ctx: _Context, issues: list[Issue], label: str,
                     text: str | None) -> pd.DataFrame | None:
    question_periods, codes, periods = ctx.question_periods, ctx.codes, ctx.periods
    # `source_id`: where a row's answer is public though the file is not (a fact a force
    # published itself), the source it is published in; empty for every other row. Optional:
    # a file (or a workbook being imported) without the column has no such row.
    returns = _read_csv(path, ["force_code", "question_id", "period", "status", "value",
                               "note", "source_id"], issues, label, ctx.data_dir, text,
                        optional=frozenset({"source_id"}))
    if returns is None:
        return None
    _tidy(returns, ["force_code", "question_id", "period", "status", "source_id"], issues,
          label)
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
        "source_id": _text("a source id", [] if ctx.sources is None else [pa.Check(
            lambda s: (s == "") | s.isin(sorted(ctx.sources or ())),
            error=f"source ids in edition.yml: {', '.join(sorted(ctx.sources))}")],
            nullable=True),
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
    """Which Commissioners made the commitment, each row with its own status: a row is as
    real as the source it cites, or constructed (`status` illustrative, citing nothing real),
    so that a public row can be printed where the others are withheld. Without a `status`
    column (a file written before it was added) every row has the file's status."""
    label, codes = ctx.label(path), ctx.codes
    columns = ["force_code", "committed", "source_id", "status"]
    commitments = _read_csv(path, columns, issues, label, ctx.data_dir,
                            optional=frozenset({"status"}))
    if commitments is None:
        return None
    _tidy(commitments, columns, issues, label)
    meta = ctx.meta  # None where edition.yml could not be read: the file's status unknown
    entry = meta.data_files.get(path.name) if meta else None
    whole = entry.status if entry else "published" if meta else None
    commitments["status"] = commitments["status"].replace("", whole or "illustrative")
    sources = meta.sources if meta else {}
    cited = pa.Check(lambda df: (df["status"] == "illustrative") | (df["source_id"] != ""),
                     error="the source a real row's fact is from (only a constructed row, "
                           "status illustrative, cites none)")
    # A real row carries the status of its source, where the register finds it.
    as_source = pa.Check(lambda df: (df["status"] == "illustrative") | ~df["source_id"].isin(
        list(sources)) | (df["source_id"].map(lambda s: getattr(sources.get(s), "status", ""))
                          == df["status"]),
        error="the status of the source the row cites (edition.yml), or illustrative")
    known = [] if ctx.sources is None else [pa.Check(
        lambda s: (s == "") | s.isin(sorted(ctx.sources or ())),
        error=f"source ids in edition.yml: {', '.join(sorted(ctx.sources))}")]
    _schema_issues(pa.DataFrameSchema({
        "force_code": _text("a force code", _isin(codes, "force codes in reference/forces.csv"),
                            unique=True),
        "committed": _text("true or false", _isin(["true", "false"], "true or false")),
        "source_id": _text("a source id", known, nullable=True),
        "status": _text("a status", _isin(STATUSES_OF_DATA, "a status of data")),
    }, checks=[cited, as_source]), commitments, issues, label,
        {cited.error: "source_id", as_source.error: "status"})
    # The file's status (edition.yml) is what its totals are marked with: never stronger
    # than its weakest row.
    rank = STATUSES_OF_DATA.index
    for row in commitments.index[commitments["status"].map(
            lambda s: whole is not None and s in STATUSES_OF_DATA and rank(s) > rank(whole))]:
        issues.append(Issue(label, int(row), "status", commitments.at[row, "status"],
                            f"a status no weaker than the file's ({whole}): give "
                            f"{path.name} the status {commitments.at[row, 'status']} under "
                            f"data_files in edition.yml"))
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
    before = len(issues)
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
    if ctx.meta is not None and len(issues) == before:
        issues += needs.national_issues(ctx.meta, national, label)
    return national


def _load_tracker(path: Path, ctx: _Context, issues: list[Issue]) -> pd.DataFrame | None:
    """tracker.csv (optional): one row per request, the CPS's with force_code 'CPS'. Its
    force_name column (absent from a tracker written before it was kept) is for the people who
    read the file; a name given must be the code's, as reference/forces.csv has it."""
    if not path.exists():
        return None
    label = ctx.label(path)
    tracker = _read_csv(path, TRACKER_COLUMNS, issues, label, ctx.data_dir,
                        optional=TRACKER_OPTIONAL)
    if tracker is None:
        return None
    _tidy(tracker, ["force_code", "reference"], issues, label)
    codes = None if ctx.codes is None else sorted(ctx.codes | {CPS_CODE})
    edition = ctx.meta.edition if ctx.meta else None
    _schema_issues(pa.DataFrameSchema({
        "force_code": _text("a force code or CPS", _isin(codes, "force codes or CPS"),
                            unique=True),
        "force_name": _text("", nullable=True),
        "reference": _text("a reference such as NSC-2025-E23000001"),
        **{c: _text("", nullable=True) for c in TRACKER_DATES},
    }), tracker, issues, label)
    names = None if ctx.forces is None else {
        **dict(zip(ctx.forces["force_code"], ctx.forces["force_name"], strict=True)),
        CPS_CODE: CPS_NAME}
    for row in tracker.index:
        code, ref = tracker.at[row, "force_code"], tracker.at[row, "reference"]
        if edition and ref and ref != f"NSC-{edition}-{code}":
            issues.append(Issue(label, int(row), "reference", ref, f"NSC-{edition}-{code}"))
        _tracker_name(tracker.at[row, "force_name"], code, names, (label, int(row)), issues)
        dates: dict[str, dt.date] = {}
        for column in TRACKER_DATES:
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
                                    "an empty cell", hint=slips.date(text)))
        sent = dates.get("date_sent")
        for column, when in dates.items():
            if sent and column != "date_sent" and when < sent:
                issues.append(Issue(label, int(row), column, tracker.at[row, column],
                                    f"a date on or after the request was sent ({sent})"))
    return tracker


def _tracker_name(given: Any, code: Any, names: dict[str, str] | None,
                  where: tuple[str, int], issues: list[Issue]) -> None:
    """A tracker row's force_name, if given, is its code's (compared as the file holds it,
    after the quote a formula-like name is written with; an unknown code is reported
    already)."""
    if not isinstance(given, str) or not given or names is None or code not in names:
        return
    if csv_original(given) != names[code]:
        issues.append(Issue(where[0], where[1], "force_name", given,
                            f"{names[code]!r}, the name of {code} in reference/forces.csv "
                            f"(or an empty cell)"))


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
    if ctx.meta is not None and ctx.codes is not None:
        issues += needs.oversight_issues(ctx.meta, ctx.codes, table, label)
    return table


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


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
    if ctx.meta is not None:
        folders = [ctx.data_dir / ctx.meta.edition / "chapters",
                   *([ctx.templates] if ctx.templates else [])]
        issues += needs.quotation_issues(seen, folders, label)
    return quotes


def _load_revisions(path: Path, ctx: _Context, issues: list[Issue]) -> Revisions | None:
    """revisions.yml: every published version of the edition, oldest first, each after the
    last; the first is the edition's publication, without changes. An edition without the file
    has one version, 1.0, on its publication date."""
    if ctx.meta is None:
        return None  # edition.yml is invalid (reported): no publication date to check against
    if not path.exists():
        return Revisions(versions=[Version(version="1.0", date=ctx.meta.publication_date,
                                           summary="First publication.")])
    label = ctx.label(path)
    found: Revisions | None = _read_yaml(path, Revisions, issues, label, ctx.data_dir)
    if found is None:
        return None
    first = found.versions[0]
    if first.date != ctx.meta.publication_date:
        issues.append(Issue(label, None, "versions.0.date", str(first.date),
                            f"the edition's publication date, {ctx.meta.publication_date}"))
    if first.changes:
        issues.append(Issue(label, None, "versions.0.changes", None,
                            "no changes in the first version (it is the publication itself)"))
    for i, (a, b) in enumerate(zip(found.versions, found.versions[1:], strict=False), 1):
        if tuple(map(int, b.version.split("."))) <= tuple(map(int, a.version.split("."))):
            issues.append(Issue(label, None, f"versions.{i}.version", b.version,
                                f"a version after {a.version}"))
        if b.date < a.date:
            issues.append(Issue(label, None, f"versions.{i}.date", str(b.date),
                                f"a date on or after {a.date}"))
        if not b.changes:
            issues.append(Issue(label, None, f"versions.{i}.changes", None,
                                "at least one change: what changed, why, and which figures"))
    return found


def _hinted(loader: Loader) -> Loader:
    """The loader, with what was probably meant beside each cell of a code, period or count
    that is not one (as the returns have it)."""
    def load(path: Path, ctx: _Context, issues: list[Issue]) -> Any:
        start = len(issues)
        try:
            return loader(path, ctx, issues)
        finally:
            slips.with_hints(issues, start, ctx.label(path), ctx)
    return load


# The files read on demand, by the Edition attribute that holds each.
_TABLE_LOADERS = {"returns": _load_returns, "commitments": _hinted(_load_commitments),
                  "national": _hinted(_load_national), "cps": _load_cps,
                  "tracker": _hinted(_load_tracker),
                  "oversight": _load_oversight, "quotations": _load_quotations,
                  "public": _load_public, "revisions": _load_revisions,
                  "counting_rules": _load_counting_rules,
                  "pre_release": _load_pre_release, "stated": _load_stated}


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
