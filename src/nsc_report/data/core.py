"""The core of an edition: edition.yml, questions.yml and reference/forces.csv, which every other
file refers to, with the checks between them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from nsc_report.data import needs
from nsc_report.data.issues import DataValidationError, Issue
from nsc_report.data.models import REGIONS, Codebook, EditionMeta
from nsc_report.data.paths import _label, edition_paths
from nsc_report.data.readers import (
    _isin,
    _read_csv,
    _read_yaml,
    _schema_issues,
    _text,
    _tidy,
    _to_number,
)
from nsc_report.infra import files

CHAPTERS, SOURCES = "chapters", "sources"  # an edition's own words, and its source documents


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
    # The section templates (notebooks/), whose quotations are checked when it is given.
    templates: Path | None = None

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
        if meta.next_edition and meta.next_edition.publication_date <= meta.publication_date:
            issues.append(Issue(lab[meta_path], None, "next_edition.publication_date",
                                str(meta.next_edition.publication_date),
                                f"a date after this edition's publication, "
                                f"{meta.publication_date}"))
        _check_provenance(data_dir / edition, meta, issues, lab[meta_path])
    _check_files(data_dir / edition, issues, data_dir)
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
        if {meta.current_period, meta.previous_period} <= set(meta.periods):
            issues += needs.question_issues(meta, codebook, lab[questions_path])
    if meta:
        issues += needs.source_issues(meta, lab[meta_path])

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
             if key not in ("forces", "oversight", "counting_rules")}
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
            problem = _document_problem(folder, source.document)
            if problem:
                issues.append(Issue(label, None, f"sources.{key}.document", source.document,
                                    f"a file in {folder.name}/sources/ holding the source, "
                                    f"named relative to {folder.name}/ ({problem})"))
    constructed = "illustrative" in statuses
    if meta.illustrative != constructed:
        issues.append(Issue(label, None, "illustrative", meta.illustrative,
                            f"{str(constructed).lower()}, since "
                            + ("a source or data file is illustrative" if constructed else
                               "no source or data file is marked illustrative")))


def _document_problem(folder: Path, document: str) -> str | None:
    """Why `document` (a source's `document:`) is not a file kept in the edition's sources/,
    or None. An absolute path, a '..' or a link would make validation read, and new-edition
    copy, a file from outside the data folder."""
    name = Path(document)
    if name.is_absolute() or ".." in name.parts or name.parts[:1] != (SOURCES,):
        return "it is absolute, or leaves sources/"
    try:
        files.regular_file(folder / name, folder.parent)
    except files.UnreadableFile as exc:
        return exc.found
    return None


def _check_files(folder: Path, issues: list[Issue], data_dir: Path) -> None:
    """The edition's chapters and source documents are files that stand in its folder: a link
    (to a file anywhere else), a device or a folder among them is an issue naming it. (They are
    published and copied into the next edition.) They are listed, not opened: every notebook
    loads the edition, and what it opens is recorded as what its output depends on."""
    for sub, suffix in ((CHAPTERS, ".md"), (SOURCES, "")):
        try:
            files.files_in(folder / sub, data_dir, suffix, recursive=sub == SOURCES)
        except files.UnreadableFile as exc:
            where = _label(folder / sub, data_dir)
            if exc.kind == "link":
                issues.append(Issue(_label(exc.path, data_dir), None, None, str(exc.detail),
                                    f"a file that stands in {where}/, not a link to "
                                    f"somewhere else"))
            else:
                issues.append(Issue(_label(exc.path, data_dir), None, None, None,
                                    f"a readable file in {where}/ ({exc.found})"))


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
