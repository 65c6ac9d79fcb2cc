"""What the templates and chapters read from an edition, checked when the data are validated, so
that an edition that validates also builds (a missing national row used to surface as a
KeyError minutes into the build): the questions each chapter reads with their periods, the
national rows, the sources the sections cite by name, the quotations the templates and chapters
print, and who oversees each force on the publication date.

Also what a new edition still has to provide or revise (`outstanding`), which `new-edition`
prints and `check` lists: everything above that is missing, the values marked for later, and
what is carried over unchanged from the previous edition (chapters, quotations, source
documents). Kept beside the sections' code it describes by tests that run every section on
editions that validate.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from nsc_report.data.issues import Issue
from nsc_report.data.models import Codebook, EditionMeta
from nsc_report.infra import files

# A marker for a value that belongs to publication (the funding ask, the Helpline's total, the
# date): last year's value stands until then, so the letters and the build run, but `check`
# refuses to publish while one is left. `FILL IN` is for what must be done before anything.
LATER = "BEFORE PUBLICATION"

# A period with a year in it is a period of time the requests ask about; the others (at the
# time of the request, unconfirmed) are not rolled forward or compared.
DATED = re.compile(r"\d{4}")

# The questions the sections read, the periods they read them for (a key of edition.yml or a
# period id) and who reads them.
QUESTIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "Q1": (("previous_period", "current_period"), "reports.md, the force pages and the map"),
    **{q: (("current_period",), "other-offences.md") for q in ("Q2", "Q3", "Q4", "Q5")},
    **{q: (("at_request",), "officers.md and the force pages") for q in ("Q6", "Q7", "Q8")},
    **{q: (("current_period",), "spo.md and the force pages")
       for q in ("Q9", "Q10", "Q11", "Q12", "Q13")},
}

# The national rows attrition.md reads: the previous report's rates, for the previous period.
NATIONAL_PREVIOUS = {"conviction_rate": "the previous report's conviction rate",
                     "charge_rate": "the previous report's charge rate"}
COUNTS = ("recorded_stalking", "charged", "convicted")
STATED = "stated_conviction_rate"

QUOTE = re.compile(r"^:::\{nsc-quote\}\s+(\S+)", re.MULTILINE)


def _period(meta: EditionMeta, key: str) -> str:
    return str(getattr(meta, key)) if key.endswith("_period") else key


def question_issues(meta: EditionMeta, codebook: Codebook, label: str) -> list[Issue]:
    """Each question the sections read asks for the periods they read it for, and no question
    asks for a dated period other than the current or the previous one (the force letters
    would then ask for other years than the CPS letter and the report)."""
    issues = []
    asked = {q.id: (i, q) for i, q in enumerate(codebook.questions)}
    wanted = {meta.current_period, meta.previous_period}
    for qid, (keys, reader) in QUESTIONS.items():
        periods = [_period(meta, k) for k in keys]
        if qid not in asked:
            issues.append(Issue(label, None, "questions", qid, f"a question {qid} asking for "
                                f"{' and '.join(periods)}: {reader} read it"))
            continue
        i, q = asked[qid]
        missing = [p for p in periods if p not in q.periods]
        if missing:
            issues.append(Issue(label, None, f"questions.{i}.periods ({qid})", q.periods,
                                f"{' and '.join(periods)} (" + ", ".join(
                                    f"{k} in edition.yml" if k.endswith("_period") else k
                                    for k in keys) + f"): {reader} read {qid} for them"))
    for i, q in enumerate(codebook.questions):
        for p in q.periods:
            if DATED.search(p) and p not in wanted and p in meta.periods:
                issues.append(Issue(label, None, f"questions.{i}.periods ({q.id})", p,
                                    f"the current period ({meta.current_period}) or the "
                                    f"previous one ({meta.previous_period}), as edition.yml "
                                    f"sets them: the letters would ask for a year the report "
                                    f"does not cover"))
    return issues


def national_issues(meta: EditionMeta, national: pd.DataFrame, label: str) -> list[Issue]:
    """The rows attrition.md reads: the previous period's rates, a period with recorded,
    charged and convicted counts, and a stated rate that those counts give."""
    issues = []
    have = set(zip(national["measure"], national["period"], strict=True))
    previous = meta.previous_period
    for measure, what in NATIONAL_PREVIOUS.items():
        if (measure, previous) not in have:
            issues.append(Issue(label, None, "measure, period", None,
                                f"a row '{measure},{previous},...' ({what}, for the "
                                f"previous_period in edition.yml): attrition.md prints it"))
    complete = [p for p in meta.periods if all((m, p) in have for m in COUNTS)]
    if not complete:
        issues.append(Issue(label, None, "measure, period", None,
                            f"rows {', '.join(COUNTS)} for one period (the counts from "
                            f"report to conviction): attrition.md prints them"))
        return issues
    stated = national[national["measure"] == STATED]
    if len(stated) and stated["value"].notna().all():
        value = lambda m: float(national.loc[(national["measure"] == m)  # noqa: E731
                                             & (national["period"] == complete[-1]),
                                             "value"].iloc[0])
        rate = 100 * value("convicted") / value("recorded_stalking")
        if round(rate, 1) != float(stated["value"].iloc[0]):
            issues.append(Issue(label, int(stated.index[0]), "value",
                                float(stated["value"].iloc[0]),
                                f"{round(rate, 1)}, the rate the counts of {complete[-1]} give "
                                f"(convicted / recorded_stalking = {rate:.2f}%): one of them "
                                f"is wrong"))
    return issues


def source_issues(meta: EditionMeta, label: str) -> list[Issue]:
    """The sources the sections cite by name."""
    issues = []
    pledge = f"pcc_pledge_{meta.pcc_commitment_year}"
    if pledge not in meta.sources:
        issues.append(Issue(label, None, "sources", pledge, f"a source '{pledge}' citing the "
                            f"Commissioners' {meta.pcc_commitment_year} commitment "
                            f"(pcc_commitment_year): reports.md and the force pages cite it"))
    return issues


def quoted(folder: Path) -> dict[str, tuple[Path, int]]:
    """Each quotation id printed by the Markdown files of a folder, with where it is."""
    found: dict[str, tuple[Path, int]] = {}
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        if path.is_symlink():
            continue  # never read through a link; the chapters' own check names it
        text = files.read_text(path, "a chapter", within=folder)
        for match in QUOTE.finditer(text):
            found.setdefault(match.group(1), (path, text[:match.start()].count("\n") + 1))
    return found


def quotation_issues(ids: set[str], folders: list[Path], label: str) -> list[Issue]:
    """Every quotation a template or chapter prints is in quotations.yml."""
    issues = []
    for folder in folders:
        for ident, (path, line) in quoted(folder).items():
            if ident not in ids:
                issues.append(Issue(label, None, "quotations", ident,
                                    f"a quotation '{ident}': {folder.name}/{path.name} prints "
                                    f"it (line {line})"))
    return issues


def oversight_issues(meta: EditionMeta, codes: set[str], table: pd.DataFrame,
                     label: str) -> list[Issue]:
    """Every force has a body overseeing it on the publication date (the force pages name
    it)."""
    day = meta.publication_date.isoformat()
    current = table[(table["from"] <= day) & ((table["until"] == "") | (day <= table["until"]))]
    return [Issue(label, None, "force_code", None, f"a row for force {code} covering "
                  f"{day}, the publication date: its page names who oversees it")
            for code in sorted(codes - set(current["force_code"]))]
