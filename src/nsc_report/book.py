"""The whole report, from an edition's data to the published site and its PDFs.

What the command line's book commands call: validate, execute the notebooks, build the site
with every earlier edition under editions/<year>/, print the PDF and the briefings, list the
register of figures, and say whether the edition can be published. Each function takes the
project and reports through one `Progress`. May import every layer below the command line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from nsc_report.data import Edition, load_edition, not_yet
from nsc_report.data.carried import markers
from nsc_report.data.needs import LATER
from nsc_report.errors import NscReportError
from nsc_report.execution.run import DEFAULT_TIMEOUT, WarmPool, execute, out_of_date
from nsc_report.execution.templates import (
    applies_to,
    section_calls,
    template_settings,
    templates,
)
from nsc_report.infra.files import UnreadableFile, read_text
from nsc_report.infra.lock import build_lock
from nsc_report.infra.progress import PLAIN, Progress
from nsc_report.layout import Layout, pdf_name
from nsc_report.publishing import check, register, review
from nsc_report.publishing.archive import Site, site_for
from nsc_report.publishing.embargo import Embargo
from nsc_report.publishing.site import build_html, copy_briefings

EXIT_PDF = 4


def default_edition(root: Path) -> str:
    """The edition whose executed notebooks are committed in book/ (pyproject.toml)."""
    path = root / "pyproject.toml"
    try:
        config = tomllib.loads(read_text(path, "the project's pyproject.toml (is --root the "
                                               "project folder?)"))
        return str(config["tool"]["nsc-report"]["edition"])
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise UnreadableFile(path, f"it has no [tool.nsc-report] edition ({exc})",
                             "the project's pyproject.toml") from None


def layout_for(root: Path, data_dir: Path, edition: str, out: Path | None) -> Layout:
    """The committed edition executes into book/ and publishes to _build/; anything else
    executes and publishes under its own folder and never touches book/."""
    committed = (data_dir.resolve() == (root / "data").resolve()
                 and edition == default_edition(root))
    if committed and out is None:
        return Layout(root=root, notebooks=root / "book", out=root / "_build",
                      work=root / "_build" / ".work" / edition)
    if out is None:
        key = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:8]
        out = root / "_build" / "editions" / f"{edition}-{key}"
    out = out.resolve()
    if out == (root / "_build").resolve() and not committed:
        raise SystemExit("--out _build is reserved for the committed edition")
    return Layout(root=root, notebooks=out / "book", out=out, work=out / ".work")


def archive_layout(layout: Layout, year: str, data_dir: Path | None = None,
                   older: Edition | None = None) -> Layout:
    """Where an earlier edition is executed and built for the site's editions/<year>/. The
    committed edition's executed notebooks (book/) are read where they stand when they are up
    to date for its data (it took a minute to execute them again for every later edition's
    build); otherwise they are executed into the archive, never into book/."""
    out = layout.work.parent / "archive" / year
    notebooks = out / "book"
    committed = layout.root / "book"
    if (data_dir is not None and older is not None
            and data_dir.resolve() == (layout.root / "data").resolve()
            and year == default_edition(layout.root) and committed.resolve() != out.resolve()
            and any(committed.glob("*.ipynb"))
            and not out_of_date(layout.root / "notebooks", committed, older)):
        notebooks = committed
    return Layout(root=layout.root, notebooks=notebooks, out=out, work=out / ".work")


@dataclass(frozen=True)
class Project:
    """One edition of the report in a project folder, and how to run its notebooks."""

    root: Path
    data_dir: Path
    edition: str
    out: Path | None = None
    force: bool = False
    workers: int | None = None
    timeout: float = DEFAULT_TIMEOUT
    progress: Progress = field(default=PLAIN, compare=False)
    pool: WarmPool | None = field(default=None, compare=False)  # a long-lived caller's kernels
    # Marks every page of the site, the PDF and the briefings until it lifts (--embargo).
    embargo: Embargo | None = None
    # Where the pages are served (the preview's http address), which is where to open them.
    served_at: str | None = field(default=None, compare=False)

    @property
    def layout(self) -> Layout:
        return layout_for(self.root, self.data_dir, self.edition, self.out)

    def log(self, text: str) -> None:
        self.progress.message(text)


def where_to_open(project: Project) -> str:
    """The address to open the built pages at: the preview's URL when they are served, else
    the landing page's file."""
    return project.served_at or str(project.layout.html / "index.html")


def _load(project: Project) -> Edition:
    """The edition, validated with everything its templates read (so that it builds)."""
    return load_edition(project.data_dir, project.edition, templates=project.root / "notebooks")


def validate(project: Project) -> Edition:
    ed = _load(project)
    project.log(f"{project.data_dir / project.edition}: valid ({len(ed.returns)} answers from "
                f"{ed.returns['force_code'].nunique()} forces, {len(ed.questions)} questions)")
    waiting = ed.returns[[not_yet(s, n) for s, n in zip(ed.returns["status"],
                                                        ed.returns["note"], strict=True)]]
    if len(waiting):
        # They build, as no response; the report is a draft until they come or the deadline
        # passes (`check` lists them).
        project.log(f"{len(waiting)} answer(s) from {waiting['force_code'].nunique()} force(s) "
                    f"not yet in: coded no_response ('Not yet answered'); `nsc-report status` "
                    f"says who")
    later = markers([ed.directory / "edition.yml"], project.data_dir)
    if later:
        # They build (last year's values stand in), but cannot be published: say so now.
        project.log(f"{len(later)} value(s) still marked {LATER} (last year's, standing in; "
                    f"`nsc-report check` refuses to publish them):")
        for item in later:
            project.log(f"  - {item}")
    return ed


def validated(project: Project) -> tuple[Layout, Edition]:
    """The edition's layout and its data, validated before anything is written."""
    layout = project.layout
    project.log(f"Validating {project.data_dir / project.edition}")
    return layout, _load(project)


def _execute(project: Project, layout: Layout, ed: Edition) -> None:
    project.log(f"Executing notebooks into {layout.notebooks}")
    execute(project.root / "notebooks", layout.notebooks, ed, force=project.force,
            workers=project.workers, timeout=project.timeout, progress=project.progress,
            scratch=layout.work / "executing", pool=project.pool)


def execute_notebooks(project: Project) -> None:
    layout, ed = validated(project)
    with build_lock(layout.out):
        _execute(project, layout, ed)


def build_site(project: Project, with_pdf: bool = False) -> int:
    """Validate, execute and build the site (every earlier edition under editions/<year>/),
    and with `with_pdf` print the PDFs; end with whether the edition can be published."""
    start = time.perf_counter()
    layout, ed = validated(project)  # bad data stops here, before anything is written
    site = site_for(project.data_dir, ed.meta.edition)
    progress = project.progress
    with build_lock(layout.out):
        # Earlier editions first: the site holds each of them under editions/<year>/.
        archives, status = {}, 0
        for year in site.older:
            older = load_edition(project.data_dir, year, templates=project.root / "notebooks")
            archive = archive_layout(layout, year, project.data_dir, older)
            with progress.stage(f"Building the {year} edition for editions/{year}/"):
                if archive.notebooks == project.root / "book":
                    progress.message(f"  the {year} notebooks in book/ are up to date: "
                                     f"read where they stand, none executed")
                else:
                    _execute(project, archive, older)
                status = _build_one(project, archive, older, site.for_edition(year), {},
                                    with_pdf) or status
            archives[year] = archive.html
        _execute(project, layout, ed)
        status = _build_one(project, layout, ed, site, archives, with_pdf) or status
    problems = check.check(project.root, project.data_dir, project.edition, loaded=ed,
                           notebooks=layout.notebooks)
    project.log(check.summary(problems, project.edition))
    project.log(f"Done in {time.perf_counter() - start:.1f} s: open {where_to_open(project)}")
    return status


def _build_one(project: Project, layout: Layout, ed: Edition, site: Site,
               archives: dict[str, Path], with_pdf: bool) -> int:
    pdf_file = layout.pdf_dir / pdf_name(ed)
    with project.progress.stage("Building the HTML book with Jupyter Book"):
        build_html(layout, ed, progress=project.progress,
                   pdf_file=pdf_file if pdf_file.exists() else None, site=site,
                   archives=archives, embargo=project.embargo)
    return _print(project, layout, ed, required=False) if with_pdf else 0


def print_report(project: Project) -> int:
    """The PDF and the briefings of an edition already built."""
    layout, ed = validated(project)
    with build_lock(layout.out):
        return _print(project, layout, ed, required=True)


def _print(project: Project, layout: Layout, ed: Edition, required: bool) -> int:
    """Print the PDF and the briefings, unless nothing they are printed from changed since
    they were last printed (printing/printed.py; --force prints them again); without Chromium
    that is an error only when the PDF was asked for."""
    # Loaded only when printing: the briefings draw on the sections and their charts, which a
    # build that prints nothing need not import (start-up time of every rebuild).
    from nsc_report.printing import printed
    from nsc_report.printing.briefing import print_briefings
    from nsc_report.printing.pdf import ChromiumMissing, copy_to_site, print_pdf

    progress = project.progress
    inputs = printed.fingerprint(layout, ed, project.embargo)
    if not project.force and printed.up_to_date(layout, ed, inputs):
        path = layout.pdf_dir / pdf_name(ed)
        copy_to_site(layout, path, project.embargo)
        copy_briefings(layout)
        project.log(f"  PDF and {len(ed.forces)} force briefings in {layout.pdf_dir} are up to "
                    f"date: nothing they are printed from changed")
        return 0
    printed.forget(layout)
    try:
        with progress.stage("Printing the PDF with Chromium"):
            path = print_pdf(layout, ed, progress=progress, embargo=project.embargo)
        with progress.stage(f"Printing {len(ed.forces)} force briefings"):
            print_briefings(layout, ed, progress=progress, embargo=project.embargo)
            copy_briefings(layout)
    except ChromiumMissing as exc:
        project.log(f"PDF not written: {exc}")
        return EXIT_PDF if required else 0
    printed.remember(layout, inputs)
    project.log(f"  PDF written to {path}")
    return 0


def press(project: Project) -> int:
    """The release pack (<out>/press/): made from the executed notebooks of the last build when
    they are up to date for the data and code, else after executing what is out of date (the
    site itself is not needed: the register is read from the notebooks, as the build reads it)."""
    from nsc_report.printing.press import write_pack

    layout, ed = validated(project)
    with build_lock(layout.out):
        stale = out_of_date(project.root / "notebooks", layout.notebooks, ed)
        if stale:
            project.log(f"  {len(stale)} notebook(s) out of date for the data and code: "
                        f"executing them first")
            _execute(project, layout, ed)
        else:
            project.log(f"  the executed notebooks in {layout.notebooks} are up to date: "
                        f"the pack is made from them")
        figures = review.from_notebooks(layout.notebooks, ed.directory / "chapters")
        with project.progress.stage("Writing the release pack"):
            folder = write_pack(layout, ed, figures, project.progress, project.embargo)
    project.log(f"Done: open {folder / 'release.html'}")
    return 0


def revision_draft(ed: Edition, figure_ids: list[str]) -> str:
    """The entry to add to revisions.yml for these changed figures (what and why to write)."""
    major, minor = map(int, ed.version.version.split("."))
    listed = "\n".join(f"          - {fid}" for fid in figure_ids)
    return (f"\nDraft entry for {ed.directory.name}/revisions.yml (say what changed and why):\n"
            f"  - version: \"{major}.{minor + 1}\"\n    date: {dt.date.today():%Y-%m-%d}\n"
            f"    summary: \"\"\n    changes:\n      - kind: correction\n        what: \"\"\n"
            f"        why: \"\"\n        figures:\n{listed}")


class StaleNotebooks(NscReportError):
    """The executed notebooks are older than the data or code: their figures are not the
    edition's as it stands, so comparing or recording them would mislead."""

    unchanged = "Nothing was compared or written."


def figures(project: Project, compare: str | None = None, fresh: bool = False,
            write: Path | None = None) -> None:
    """The register of figures, or with `compare` the figures that changed since REF."""
    layout, ed = validated(project)
    chapters = ed.directory / "chapters"
    notebooks = layout.notebooks
    if not fresh and (compare or write):
        stale = out_of_date(project.root / "notebooks", notebooks, ed)
        if stale:
            shown = ", ".join(stale[:6]) + (f" and {len(stale) - 6} more" if len(stale) > 6
                                            else "")
            raise StaleNotebooks(
                f"{len(stale)} executed notebook(s) in {notebooks} are older than the data or "
                f"code they were computed from, or missing ({shown}): their figures are not "
                f"what the edition gives now. Build first (`nsc-report build`), or add --fresh "
                f"to execute them afresh for the comparison.")
    if fresh:
        # What the data and code give now, executed beside (never into) the committed book.
        notebooks = layout.work / "figures-fresh" / "book"
        project.log(f"Executing the notebooks afresh into {notebooks}")
        execute(project.root / "notebooks", notebooks, ed, workers=project.workers,
                timeout=project.timeout, progress=project.progress,
                scratch=notebooks.parent / "executing")
    current = review.from_notebooks(notebooks, chapters)
    if compare is None:
        linked = [e for e in current.entries if e["kind"] == "figure"]
        print(f"{len(current.entries)} registered values in {notebooks} "
              f"({len(linked)} figures linked from the text).")
        if write:
            write.mkdir(parents=True, exist_ok=True)
            (write / "figures.csv").write_text(register.to_csv(current), encoding="utf-8")
            (write / "figures.json").write_text(register.to_json(current), encoding="utf-8")
            print(f"Wrote figures.csv and figures.json to {write}")
        return
    before = review.load_reference(project.root, compare, ed.meta.edition, chapters)
    changes = register.compare(before, current)
    # Against a recorded version (revisions/v1.0, as `check` advises), changes later versions
    # list are history: left out as `check` leaves them (listed: a draft of 279 ids for 2).
    version = check.recorded_version(ed, review.reference_folder(project.root, compare))
    entries = current.by_id()
    known = [] if version is None else [
        c for c in changes if check.recorded_since(ed, version, entries.get(c.id), c.id)]
    changes = [c for c in changes if c not in known]
    now = (f"the notebooks executed afresh from the data and code as they are now, in "
           f"{notebooks}" if fresh else f"the executed notebooks in {notebooks} (up to date "
           f"with the data and code)")
    print(f"Compared {review.describe(project.root, compare)} (before) with {now} (after).")
    print(review.table(changes, before))
    if known:
        print(review.recorded_note(len(known), version or ""))
    if changes:
        print(revision_draft(ed, [c.id for c in changes]))


def publication_check(project: Project) -> bool:
    """Print everything that stands between the edition and its publication; True when
    nothing does."""
    problems = check.check(project.root, project.data_dir, project.edition,
                           notebooks=project.layout.notebooks,
                           pack=project.layout.out / "press")
    for problem in problems:
        print(problem)
    print(check.summary(problems, project.edition, elsewhere=False))
    sys.stdout.flush()
    return not problems


def proof(project: Project) -> int:
    """The proof sheet (`nsc-report proof`): every message of every words file with each of
    its variants, filled with the values the edition's sections give (every call the
    templates make, for every force), into <out>/proof/index.html; 1 when one fails."""
    import importlib
    import pkgutil

    from nsc_report import sections
    from nsc_report.infra.atomic import replacing
    from nsc_report.present import proof as sheet
    from nsc_report.present import words

    ed = _load(project)
    folder = project.root / "notebooks"
    # The section modules by the names the templates import them under.
    modules = {info.name: importlib.import_module(f"{sections.__name__}.{info.name}")
               for info in pkgutil.iter_modules(sections.__path__)}
    names = dict(zip(ed.forces["force_code"], ed.forces["force_name"], strict=True))
    with words.reading_from(folder), words.recording() as calls:
        for template in templates(folder):
            settings = template_settings(template)
            if not applies_to(settings, ed):
                continue
            codes = list(names) if settings.get("each") == "force" else [None]
            for code in codes:
                with words.context(names[code] if code else template.stem):
                    for call in section_calls(template):  # the templates' own code
                        eval(call, {**modules, "ed": ed, "force_code": code})
        _proof_briefings(project, ed)
        _proof_publishing(project, ed)
        found = sheet.sheet(folder, calls, ed.meta.language)
    target = project.layout.out / "proof" / "index.html"
    with replacing(target) as tmp:
        tmp.write_text(sheet.page(found, f"Proof sheet: every sentence of the {ed.meta.edition} "
                                         f"edition's words, with each variant"), "utf-8")
    print(sheet.summary(found, target))
    return 1 if any(s.errors for s in found) else 0


def _proof_briefings(project: Project, ed: Edition) -> None:
    """The briefings' words with their real values, where the notebooks have been executed
    (the briefings are made from them); otherwise the proof shows them with examples."""
    from nsc_report.printing.briefing import briefing_pages
    from nsc_report.printing.pdf import PdfError

    try:
        for _ in briefing_pages(project.layout.notebooks, ed):
            pass
    except (PdfError, OSError, KeyError) as exc:
        project.log(f"The briefings' words are shown with example values: {exc}")


def _proof_publishing(project: Project, ed: Edition) -> None:
    """The words the build, the PDF and `nsc-report check` add around the chapters, with the
    edition's values (the register's with the executed notebooks', where there are some)."""
    from nsc_report.present import words
    from nsc_report.printing import pdf
    from nsc_report.publishing import (
        archive,
        check,
        config,
        downloads,
        register,
        review,
        sphinx_ext,
        spreadsheets,
    )

    with words.context("nsc-report check"):
        check.summary(check.check(project.root, project.data_dir, project.edition, loaded=ed,
                                  notebooks=project.layout.notebooks), project.edition)
    with words.context("the downloads"):
        spreadsheets.workbook(ed, downloads.returns_table(ed), downloads.published_table(ed))
        downloads.data_notice(ed)
    with words.context("the site"):
        site = archive.site_for(project.data_dir, project.edition)
        config.help_footer(ed)
        if (project.root / "_config.yml").is_file():  # the banner and the downloads' links
            config.staged_config(project.root, ed, site)
        for year in (project.edition, *site.older):
            archive.editions_page(site.for_edition(year))
            if year != site.current:
                archive.newer_notice(site.for_edition(year))
        caveats = config.provenance_config(ed)["caveats"]
        sphinx_ext.notice_html({s: c for s, c in caveats.items() if c})
        if any(project.layout.notebooks.glob("*.ipynb")):
            figures = review.from_notebooks(project.layout.notebooks, ed.directory / "chapters")
            register.register_page(figures)
            register.annex_page(figures)
    with words.context("the PDF"):
        pdf.added_pages(ed)
        pdf.properties(ed, subject=pdf.report_subject(ed))
