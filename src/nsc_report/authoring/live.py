"""The preview's build, kept in one process between saves.

A one-shot `nsc-report build` starts Python, the package, a pool of warm kernels and Sphinx for
every save. Here they stay: the loaded edition (loaded again only when its data change), the
warm kernels, and one Sphinx application over the staged sources, whose own incremental build
reads again only the changed documents and those that depend on them. What a save touches
decides the work (`plan_for`):

- the book's prose (the edition's chapters, the pages in book/): staged and built by Sphinx;
  nothing executes;
- templates, the edition's data, or package modules that only the kernels import (sections,
  measures, charts): the execution cache decides which notebooks execute again, on the warm
  kernels (a template's Markdown alone executes nothing), then as above;
- the configuration, the table of contents or an earlier edition's data: a full rebuild, as
  `nsc-report build` does it (every edition, a new Sphinx application);
- a module of the package that this process runs (publishing, data, execution ...): nothing
  here can take the new code, so the preview starts again (`Plan.restart`).

The pages being viewed are written first, then the rest of the site; each file reaches the
served folder by rename, and only from a build that succeeded.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from nsc_report import book
from nsc_report.data import Edition, load_edition
from nsc_report.errors import EXIT_BUILD, NscReportError
from nsc_report.execution.run import WarmPool, execute
from nsc_report.infra.lock import build_lock
from nsc_report.publishing.archive import Site, site_for
from nsc_report.publishing.site import (
    copy_downloads,
    documents_key,
    documents_record,
    publish_changes,
    sphinx_overrides,
)
from nsc_report.publishing.stage import stage

PAGES, EXECUTE, FULL, RESTART = "pages", "execute", "full", "restart"
_ORDER = (PAGES, EXECUTE, FULL, RESTART)


@dataclass(frozen=True)
class Plan:
    """What a set of changed files needs, and why (the preview prints the reason)."""

    kind: str
    reason: str = ""

    @property
    def restart(self) -> bool:
        return self.kind == RESTART


def loaded_modules() -> set[Path]:
    """The package's modules that this process has imported (their code runs here)."""
    found = set()
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if name.startswith("nsc_report") and path:
            found.add(Path(path).resolve())
    return found


def plan_for(project: book.Project, changed: Iterable[Path],
             loaded: set[Path] | None = None) -> Plan:
    """The least work that brings the site up to date with these changed files."""
    loaded = loaded_modules() if loaded is None else loaded
    root, data = project.root.resolve(), project.data_dir.resolve()
    plans = []
    for path in (Path(p).resolve() for p in changed):
        name = os.path.relpath(path, root)
        if path.suffix == ".py" and path in loaded:
            plans.append(Plan(RESTART, f"{name} runs in the preview itself: starting again "
                                       f"with the new code"))
        elif path.parent == root and path.name in ("_config.yml", "_toc.yml", "pyproject.toml"):
            plans.append(Plan(FULL, f"{name} changed: a full rebuild"))
        elif path.is_relative_to(data):
            rel = path.relative_to(data).parts
            if rel[0] == project.edition and rel[1:2] == ("chapters",):
                plans.append(Plan(PAGES))
            elif rel[0] == project.edition or not rel[0].isdigit():
                plans.append(Plan(EXECUTE))  # the edition's data, or the series all read
            else:
                plans.append(Plan(FULL, f"{name} belongs to another edition: a full rebuild"))
        elif path.is_relative_to(root / "notebooks") or path.is_relative_to(root / "src"):
            plans.append(Plan(EXECUTE))
        else:
            plans.append(Plan(PAGES))
    if not plans:
        return Plan(PAGES)
    return max(plans, key=lambda p: _ORDER.index(p.kind))


class LiveBuildError(NscReportError):
    """Sphinx reported an error or a warning while the preview rebuilt the pages."""

    exit_code = EXIT_BUILD
    unchanged = "The pages served are the last good ones."


@dataclass
class Outcome:
    plan: Plan
    seconds: float
    pages: list[str] = field(default_factory=list)  # served pages that changed ('book/x.html')
    assets: bool = False                            # ... and files every page loads (_static)


class LiveBuild:
    """One edition's build, with its kernels and Sphinx kept between rebuilds."""

    def __init__(self, project: book.Project):
        self.pool = WarmPool(project.workers)
        self.project = replace(project, pool=self.pool)
        self.layout = self.project.layout
        self.edition: Edition | None = None
        self.site: Site | None = None  # the editions beside this one (the editions page)
        self._app: Any = None
        self._contexts = contextlib.ExitStack()
        self._warnings = io.StringIO()
        self._read_last: set[str] = set()   # documents read by the last build
        self._reread: set[str] = set()      # ... to read again after a failed build
        self._assets: tuple[list[Any], ...] = ()

    @property
    def served(self) -> Path:
        return self.layout.html

    # --- the whole site ---------------------------------------------------------------------
    def start(self) -> None:
        """Warm the kernels and build the whole site once, as `nsc-report build` does."""
        self.pool.warm()
        self.full()

    def full(self) -> None:
        self._close_app()
        self.edition = None
        book.build_site(self.project)
        self.edition = load_edition(self.project.data_dir, self.project.edition)
        self.site = site_for(self.project.data_dir, self.edition.meta.edition)
        self._sphinx()  # loads Sphinx's environment now rather than on the next save
        _settle()

    def close(self) -> None:
        self._close_app()
        self.pool.close()

    # --- one save ---------------------------------------------------------------------------
    def rebuild(self, changed: Iterable[Path], viewed: Iterable[str] = (),
                on_pages: Callable[[list[str]], None] | None = None) -> Outcome:
        """Bring the served site up to date with `changed`; `viewed` are the served paths open
        in a browser ('book/spo.html'), written and published first (`on_pages` is told)."""
        start = time.perf_counter()
        changed = [Path(p).resolve() for p in changed]
        viewed = list(viewed)
        plan = plan_for(self.project, changed)
        if plan.restart:
            return Outcome(plan, 0.0)
        if plan.kind == FULL or self.edition is None:
            self.full()
            return Outcome(plan, time.perf_counter() - start, ["*"], assets=True)
        project, layout = self.project, self.layout
        with build_lock(layout.out):
            later = False  # notebooks left to execute once the open pages are shown
            if plan.kind == EXECUTE:
                data = project.data_dir.resolve()
                if any(path.is_relative_to(data) for path in changed):
                    self.edition = load_edition(project.data_dir, project.edition)
                    self.site = site_for(project.data_dir, self.edition.meta.edition)
                # The notebooks the open pages show first (a words file edit can reach 43
                # force pages): the open page shows the edit while the rest execute.
                opened = first_notebooks(layout.notebooks, layout.stage, viewed)
                later = opened is not None and bool(viewed)
                self._execute(only=opened if later else None)
            edition = self.edition
            app = self._sphinx()
            published: list[str] = []
            # The downloads (which pages link to but do not show) wait for the open pages.
            stage(layout, edition, project.progress, site=self.site, downloads=False)
            # A document added or removed, or the table of contents changed: every page's
            # navigation changed, and Sphinx would write only the new and outdated ones.
            record, key = documents_record(layout, "html"), documents_key(layout.stage)
            every = not record.is_file() or record.read_text() != key
            first = [] if every else self._changed_pages(app, viewed)
            if first:
                # The open pages alone: read what changed, write these pages, and no more.
                with _pages_only(app.builder):
                    self._build(app, first)
                published += self._publish()
                if on_pages and published:
                    on_pages([p for p in published if p.endswith(".html")])
            if later:
                self._execute()  # every other notebook the edit put out of date
            stage(layout, edition, project.progress, site=self.site)
            if every:
                record.unlink(missing_ok=True)  # written again once every page is
                self._build(app, [], every=True)
                record.write_text(key)
            elif first:
                # Then the rest: every page still older than its source, the pages whose
                # tables of contents show the changed ones, the index, search, static files.
                rest = [str(app.env.doc2path(d)) for d in app.builder.get_outdated_docs()]
                self._build(app, [*rest, str(app.env.doc2path(app.config.root_doc))])
            else:
                self._build(app, [])
            copy_downloads(layout, edition, Path(app.outdir))
            published += self._publish()
        if plan.kind == EXECUTE:
            _settle()  # an edition and notebooks replaced: let the collector see them again
        pages = [p for p in published if p.endswith(".html")]
        # Styles and scripts every page loads (not the downloads, which pages only link to).
        assets = any(p.startswith("_static/") for p in published)
        return Outcome(plan, time.perf_counter() - start, pages, assets=assets)

    def _execute(self, only: set[str] | None = None) -> None:
        project, layout = self.project, self.layout
        assert self.edition is not None
        project.log(f"Executing what changed into {layout.notebooks}"
                    + (" (the open pages first)" if only else ""))
        execute(project.root / "notebooks", layout.notebooks, self.edition,
                workers=project.workers, timeout=project.timeout, progress=project.progress,
                scratch=layout.work / "executing", pool=self.pool, only=only)

    def _changed_pages(self, app: Any, viewed: Iterable[str]) -> list[str]:
        """The sources of the viewed pages that changed since they were written."""
        sources = []
        for docname in sorted({_docname(p) for p in viewed}):
            if docname not in app.env.found_docs:
                continue
            source = Path(app.env.doc2path(docname))
            target = Path(app.builder.get_outfilename(docname))
            # A chapter's page is out of date too when a notebook it pastes from is newer.
            pasted = ([source.parent / label for label in pasted_from(source)]
                      if source.suffix == ".md" else [])
            newest = max(p.stat().st_mtime for p in (source, *pasted) if p.is_file())
            if not target.is_file() or newest > target.stat().st_mtime:
                sources.append(str(source))
        return sources

    def _publish(self) -> list[str]:
        """Publish what the build changed; the served paths of the files published."""
        changed = publish_changes(Path(self._app.outdir), self.served)
        return [p.as_posix() for p in changed]

    # --- Sphinx -----------------------------------------------------------------------------
    def _sphinx(self) -> Any:
        """The Sphinx application over the staged sources, configured as `sphinx_build`
        configures one (Jupyter Book's configuration from the staged _config.yml)."""
        if self._app is not None:
            return self._app
        from jupyter_book.config import get_final_config
        from sphinx.application import Sphinx
        from sphinx.util.docutils import docutils_namespace, patch_docutils

        layout = self.layout
        source = layout.stage
        config, _ = get_final_config(user_yaml=source / "_config.yml",
                                     cli_config=sphinx_overrides(),
                                     sourcedir=source, use_external_toc=True)
        # Sphinx registers roles and directives in docutils' globals for the application's
        # lifetime: the patches stay until the application is closed.
        self._contexts.enter_context(patch_docutils(None))
        self._contexts.enter_context(docutils_namespace())
        self._warnings = io.StringIO()
        app = Sphinx(srcdir=str(source), confdir=None, outdir=str(layout.work / "html"),
                     doctreedir=str(layout.work / ".doctrees-html"), buildername="html",
                     confoverrides=config, status=None, warning=self._warnings,
                     freshenv=False, warningiserror=True, keep_going=True, parallel=1)
        app.connect("env-before-read-docs", self._remember_read)
        app.connect("env-get-outdated", self._read_again)
        # Themes add a page's own scripts through the application while writing it, which also
        # registers them for every later build: each build starts from the assets as set up.
        self._assets = (list(app.registry.js_files), list(app.registry.css_files),
                        list(app.builder._js_files), list(app.builder._css_files))
        self._app = app
        return app

    def _remember_read(self, app: Any, env: Any, docnames: list[str]) -> None:
        self._read_last |= set(docnames)

    def _read_again(self, app: Any, env: Any, added: set[str], changed: set[str],
                    removed: set[str]) -> list[str]:
        """Documents whose warnings failed the last build: read them again, so that a build
        does not pass only because Sphinx thinks them up to date."""
        again, self._reread = sorted(self._reread & env.found_docs), set()
        return again

    def _build(self, app: Any, filenames: list[str], every: bool = False) -> None:
        """Read what changed and write `filenames` (and what Sphinx finds outdated), or with
        `every` every page."""
        (app.registry.js_files[:], app.registry.css_files[:], app.builder._js_files[:],
         app.builder._css_files[:]) = self._assets
        app._warncount, app.statuscode = 0, 0
        self._warnings.seek(0)
        self._warnings.truncate()
        self._read_last = set()
        try:
            app.build(every, filenames)
        except Exception as exc:
            self._close_app()  # its environment may be half-updated: start from the pickle
            raise LiveBuildError(f"Jupyter Book (html) failed: {type(exc).__name__}: {exc}. "
                                 f"{LiveBuildError.unchanged}") from exc
        if app.statuscode:
            self._reread |= self._read_last
            raise LiveBuildError(f"{self._warnings.getvalue().strip()}\nJupyter Book (html) "
                                 f"failed. {LiveBuildError.unchanged}")

    def _close_app(self) -> None:
        self._app = None
        self._contexts.close()
        self._contexts = contextlib.ExitStack()


def _settle() -> None:
    """After a build, once its pages are out: collect what it left, then exempt what stays (the
    edition, Sphinx's environment, the parsed notebooks) from the collector, whose every full
    pass would otherwise walk it again (a third of a second, in the middle of the next save's
    rebuild). Done after every build that replaced the edition or notebooks, so what they
    replaced is collected and memory stays flat."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


@contextlib.contextmanager
def _pages_only(builder: Any) -> Iterator[None]:
    """A build that writes just the documents it is given: not the root document, the index,
    the search page or the static files, which the build after it writes (Sphinx's own
    `write` and `finish`, for that one build)."""

    def write(build_docnames: Iterable[str], updated_docnames: Iterable[str],
              method: str = "update") -> None:
        builder.events.emit("write-started", builder)
        docnames = sorted(set(build_docnames))
        builder.prepare_writing(set(docnames))
        builder._write_serial(docnames)

    builder.write, builder.finish = write, lambda: None
    try:
        yield
    finally:
        del builder.write, builder.finish  # the class's own again


# A figure a chapter pastes: {glue:text}`spo.ipynb::spo_total:s` names its notebook.
_GLUED = re.compile(r"\{glue(?::\w+)?\}`([\w./-]+\.ipynb)::")


def pasted_from(chapter: Path) -> list[str]:
    """The notebooks (relative to the chapter) whose figures a Markdown chapter pastes."""
    return _GLUED.findall(chapter.read_text(encoding="utf-8"))


def first_notebooks(notebooks: Path, staged: Path, viewed: Iterable[str]) -> set[str] | None:
    """The executed notebooks that the open pages show: a notebook's page its own, a chapter
    the notebooks whose figures it pastes (from its staged source). None where an open page's
    source cannot be read: then every notebook executes before any page is shown."""
    needed: set[str] = set()
    for served in viewed:
        label = _notebook(served)
        if (notebooks / label).is_file():
            needed.add(label)
            continue
        source = staged / f"{_docname(served)}.md"
        if not source.is_file():
            return None
        needed.update(pasted_from(source))
    return needed


def _notebook(served: str) -> str:
    """The executed notebook of a served page: 'book/forces/durham.html' ->
    'forces/durham.ipynb' (a page that is not a notebook names none that exists)."""
    return f"{_docname(served).removeprefix('book/')}.ipynb"


def _docname(served: str) -> str:
    """The Sphinx document of a served path: 'book/spo.html' -> 'book/spo', '' -> 'index'."""
    path = served.lstrip("/")
    if not path or path.endswith("/"):
        path += "index.html"
    return path.removesuffix(".html")
