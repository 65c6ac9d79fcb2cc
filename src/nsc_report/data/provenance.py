"""How far each figure can be trusted, and how readers are told.

Every source in `edition.yml` and every data file has a status: `published` (real and cited),
`unverified` (real, with a caveat) or `illustrative` (constructed). A figure takes the weakest
status of the sources and files it was computed from, with their caveats. What readers see
follows from that status, never from notices written by hand: a mark beside each figure that
is not published, a note on the same page that says what the mark means, the word
"illustrative" in every chart title, briefing and download made from constructed data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from nsc_report.data import COMMISSIONER_KINDS, STATUSES_OF_DATA, Edition

# Short names of an edition's files, as figures name them.
FILES = {"returns": "foi_returns.csv", "questions": "questions.yml", "meta": "edition.yml",
         "national": "national.csv", "commitments": "pcc_commitments.csv", "cps": "cps.yml",
         "tracker": "tracker.csv", "forces": "../reference/forces.csv",
         "public": "../public/series.csv", "revisions": "revisions.yml",
         "counting_rules": "../reference/counting_rules.csv",
         "pre_release": "pre_release.yml", "stated": "stated.yml",
         "oversight": "../reference/oversight.csv"}
PUBLIC = "public:"  # a source id naming a published series of data/public/sources.yml
# The published statistics' download: real figures whatever the edition, never '-illustrative'.
PUBLISHED_DOWNLOAD = "published-statistics.csv"
# The download that holds each file (its name before '-illustrative'): a reader is sent there,
# never to a path in the project's repository, which is not published (a fact-check found the
# register's "computed from" printing data/2024/foi_returns.csv). A file no download holds is
# named by what it is (labels.ftl, label-data-file).
HELD_IN = {"returns": "foi-returns.csv", "questions": "nsc-data.xlsx",
           "commitments": "nsc-data.xlsx", "forces": "nsc-data.xlsx",
           "national": "nsc-data.xlsx", "public": PUBLISHED_DOWNLOAD}

# The mark printed after a figure of each status (none for published). Its name in words, read
# by screen readers instead of the mark, and the mark's HTML, are in notebooks/labels.ftl
# (label-provenance, label-mark-html); what illustrative data are, in a few words, there too.
MARKS = {"unverified": "†", "illustrative": "‡"}


def weakest(statuses: Iterable[str]) -> str:
    found = [s for s in statuses if s in STATUSES_OF_DATA]
    return max(found, key=STATUSES_OF_DATA.index, default="published")


@dataclass(frozen=True)
class Provenance:
    status: str
    caveats: tuple[str, ...] = ()  # of the weakest inputs, each once; none when published

    @property
    def caveat(self) -> str:
        """The caveats as one text (a cell, a sentence)."""
        return " ".join(self.caveats)

    @property
    def mark(self) -> str:
        return MARKS.get(self.status, "")


def of(ed: Edition, files: Iterable[str] = (), sources: Iterable[str] = ()) -> Provenance:
    """The status of a figure computed from these files (short names, see FILES, or file
    names) and sources (ids in edition.yml), with the caveats of its weakest inputs."""
    inputs: list[tuple[str, str | None]] = []
    for name in files:
        entry = ed.meta.data_files.get(FILES.get(name, name))
        if entry is not None:
            inputs.append((entry.status, entry.caveat))
    for sid in sources:
        if sid.startswith(PUBLIC):
            series = ed.public.sources[sid[len(PUBLIC):]]
            inputs.append((series.status, None))
            continue
        source = ed.meta.sources.get(sid)
        if source is not None:
            inputs.append((source.status, source.caveat))
    status = weakest(s for s, _ in inputs)
    caveats = dict.fromkeys(c.strip() for s, c in inputs if s == status and c)
    return Provenance(status, tuple(caveats) if status != "published" else ())


def returns(ed: Edition) -> Provenance:
    """The status of the FOI answers (and of anything computed from them)."""
    return of(ed, ("returns",), (f"foi_{ed.meta.edition}",))


def illustrative_caveat(ed: Edition) -> str:
    """What an illustrative edition's notices say about its constructed data."""
    caveats = dict.fromkeys(f.caveat.strip() for f in ed.meta.data_files.values()
                            if f.status == "illustrative" and f.caveat)
    caveats.update(dict.fromkeys(s.caveat.strip() for s in ed.meta.sources.values()
                                 if s.status == "illustrative" and s.caveat))
    return " ".join(caveats)


def download_name(ed: Edition, name: str) -> str:
    """'foi-returns.csv' -> 'foi-returns-illustrative.csv' in an illustrative edition."""
    return illustrative_name(name) if ed.meta.illustrative else name


def held_in(ed: Edition, name: str) -> tuple[str, str | None]:
    """A file as a figure names it (a short name of FILES, or a path from the edition's
    folder) -> its short name ('other' for a file FILES does not know) and the download that
    holds it, under this edition's name for it (None where no download does)."""
    short = name if name in FILES else {v: k for k, v in FILES.items()}.get(name, "other")
    download = HELD_IN.get(short)
    if download is None or download == PUBLISHED_DOWNLOAD:
        return short, download
    return short, download_name(ed, download)


def illustrative_name(name: str) -> str:
    """'foi-returns.csv' -> 'foi-returns-illustrative.csv'."""
    stem, dot, suffix = name.partition(".")
    return f"{stem}-illustrative{dot}{suffix}"


# What a page may say of a force's Commissioner and the commitment (see `commitment`).
COMMITMENT_CASES = ("none", "made", "not-made", "unpublished")
OVERSIGHT = FILES["oversight"]


@dataclass(frozen=True)
class Commitment:
    """What may be said of one force and the commitment, and what that statement rests on
    (`files`, `sources`, as a register records them, and their status)."""

    case: str                    # one of COMMITMENT_CASES
    files: tuple[str, ...]
    sources: tuple[str, ...]
    provenance: Provenance


def commitment(ed: Edition, code: str) -> Commitment:
    """The one account of a force and the commitment, read by its page, its briefing, the map
    and the workbook: `none` where no Commissioner oversaw it that year (said from who oversees
    it, real reference data), `unpublished` where its row is constructed (an act of a named
    office is never printed from constructed data: the page says it is not published in this
    edition), else `made` or `not-made`, resting on the source the row cites."""
    on = dt.date(ed.meta.pcc_commitment_year, 6, 30)
    files: tuple[str, ...] = (OVERSIGHT,)
    sources: tuple[str, ...] = ()
    rows = ed.commitments.set_index("force_code")
    if ed.overseer(code, on)["kind"] not in COMMISSIONER_KINDS:
        case = "none"
    elif code not in rows.index or rows.at[code, "status"] == "illustrative":
        case = "unpublished"
    else:
        case = "made" if bool(rows.at[code, "committed"]) else "not-made"
        sources = (str(rows.at[code, "source_id"]),)
        entry = ed.meta.data_files.get(FILES["commitments"])
        if rows.at[code, "status"] == (entry.status if entry else "published"):
            files += ("commitments",)  # its status is the file's, said there
    return Commitment(case, files, sources, of(ed, files, sources))


@dataclass(frozen=True)
class PublicAnswer:
    """An answer a force made public itself, in a file of answers that is otherwise
    constructed: its row of foi_returns.csv cites the source. What the source says is printed
    as a published fact, resting on the source alone; the row's figure keeps the file's status
    (a source that says a force has a dedicated officer gives no count)."""

    force_code: str
    question_id: str
    period: str
    value: int | None   # the row's figure: of the file's status, never printed as published
    source: str


def public_answers(ed: Edition, code: str | None = None) -> list[PublicAnswer]:
    """The answers (of one force, or of all) whose row cites a source, in file order."""
    r = ed.returns
    if "source_id" not in r.columns:
        return []
    rows = r[r["source_id"].fillna("") != ""]
    if code is not None:
        rows = rows[rows["force_code"] == code]
    return [PublicAnswer(str(f), str(q), str(p), None if pd.isna(v) else int(v), str(s))
            for f, q, p, v, s in zip(rows["force_code"], rows["question_id"], rows["period"],
                                     rows["value"].astype(object), rows["source_id"],
                                     strict=True)]


def public_commitments(ed: Edition) -> list[str]:
    """The forces whose row of the commitments is real (cites its source), in file order."""
    c = ed.commitments
    return list(c.loc[c["status"] != "illustrative", "force_code"])


def may_name_commitments(ed: Edition) -> bool:
    """Whether a page may say, force by force, which Commissioners made the commitment (a map,
    a grouped chart): only where no row is constructed. A single real row is still printed
    on its own force's page, briefing and workbook row (see `commitment`)."""
    return not (ed.commitments["status"] == "illustrative").any()


def may_name_forces(ed: Edition) -> bool:
    """Whether a chapter's sentence may single out a named force beside a figure computed from
    the answers: not in an illustrative edition, whose per-force figures are constructed
    (tables, the annex and the force pages keep names, under their notice)."""
    return returns(ed).status != "illustrative"
