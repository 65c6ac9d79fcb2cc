"""Load and validate one edition's data.

Every problem is collected before anything is reported, so that an author sees all of them at
once; each names the file, the row (1-based, header excluded, with its line in the file), the
column, the bad value and what was expected.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from nsc_report.data.core import _Context, _load_core
from nsc_report.data.issues import DataValidationError, Issue, _once_per_cell
from nsc_report.data.models import (
    CpsAnswer,
    EditionMeta,
    PreRelease,
    Quotation,
    Source,
    StatedFigure,
    Version,
)
from nsc_report.data.needs import LATER
from nsc_report.data.paths import edition_files, edition_paths
from nsc_report.data.public import PublicSeries
from nsc_report.data.rules import RuleChange
from nsc_report.data.tables import _TABLE_LOADERS
from nsc_report.infra import files


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
        self._derived: dict[str, tuple[EditionMeta, Any]] = {}

    def derived(self, name: str, make: Callable[[], Any]) -> Any:
        """What `make` computes from this edition, computed once: its tables never change once
        read. Kept with the metadata it was computed under, so that an edition given other
        metadata (a test's, a draft's) computes it again."""
        kept = self._derived.get(name)
        if kept is None or kept[0] is not self.meta:
            kept = self._derived[name] = (self.meta, make())
        return kept[1]

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
    def draft(self) -> bool:
        """Whether the edition is a draft: its edition.yml still holds facts of publication
        marked BEFORE PUBLICATION (last year's title, date, funding ask... standing in), so
        its pages and PDF must say it is not published."""
        path = self.directory / "edition.yml"
        try:
            text = files.read_text(path, within=self._ctx.data_dir)
        except files.UnreadableFile:
            return False  # read and validated when the edition was opened
        return any(LATER in line.split("#", 1)[-1] for line in text.splitlines()
                   if "#" in line)

    @property
    def counting_rules(self) -> tuple[RuleChange, ...]:
        """The changes to the Home Office Counting Rules, in the order they took effect
        (reference/counting_rules.csv), shared by every edition."""
        return self._table("counting_rules")

    @property
    def versions(self) -> list[Version]:
        """Every published version of the edition, oldest first (revisions.yml)."""
        return list(self._table("revisions").versions)

    @property
    def version(self) -> Version:
        """The current version: the latest in revisions.yml."""
        return self.versions[-1]

    @property
    def pre_release(self) -> list[PreRelease] | None:
        """Who had the findings before publication (pre_release.yml); None where the edition
        keeps no record."""
        found = self._table("pre_release")
        return None if found is None else list(found.pre_release)

    @property
    def pre_release_complete(self) -> bool:
        """Whether pre_release.yml lists everyone who had the findings before publication
        (its `complete`), rather than only those its sources show; False without the file."""
        found = self._table("pre_release")
        return bool(found is not None and found.complete)

    @property
    def stated(self) -> dict[str, StatedFigure]:
        """The figures the edition's published sources state, by meaning (stated.yml)."""
        found: dict[str, StatedFigure] = self._table("stated")
        return found

    @property
    def public(self) -> PublicSeries:
        """Published per-force statistics (data/public/), shared by every edition, as they
        stood at the edition's data cut-off (values published later are not this edition's)."""
        found: PublicSeries = self.derived(
            "public", lambda: self._table("public").as_of(self.meta.cut_off))
        return found

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


def load_edition(data_dir: str | Path, edition: str, *, lazy: bool = False,
                 templates: Path | None = None,
                 unfinished_ok: Callable[[Issue], bool] | None = None) -> Edition:
    """Load and validate `data_dir/<edition>`; raise DataValidationError listing every issue.

    With `lazy`, only the core files are read now and each other file when it is first used
    (validated then): what notebooks do, after the command line has validated everything.
    `templates`: the section templates, whose quotations are then checked too.
    `unfinished_ok`: which values still marked FILL IN the caller can do without (the
    letters need the periods and questions, not the title).
    """
    data_dir = Path(data_dir)
    issues: list[Issue] = []
    ctx = dataclasses.replace(_load_core(data_dir, edition, issues), templates=templates)
    tables: dict[str, Any] = {}
    if not lazy:
        paths = edition_paths(data_dir, edition)
        tables = {name: loader(paths[name], ctx, issues)
                  for name, loader in _TABLE_LOADERS.items()}
    if unfinished_ok is not None:
        issues = [i for i in issues if i.marked_line is None or not unfinished_ok(i)]
    if issues:
        raise DataValidationError(_once_per_cell(issues))
    return Edition(ctx, tables)
