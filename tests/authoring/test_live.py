"""The preview's decisions, without building a book: what work a save needs (`plan_for`),
which Sphinx document a served path is, and the build thread's order (saves made during a
build wait and are taken together by the next; never two builds at once)."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from nsc_report.authoring.live import (
    EXECUTE,
    FULL,
    PAGES,
    RESTART,
    Outcome,
    Plan,
    _docname,
    _notebook,
    first_notebooks,
    plan_for,
)
from nsc_report.authoring.preview import Preview


def _project(tmp_path: Path) -> SimpleNamespace:
    for folder in ("book", "notebooks", "src/nsc_report/sections", "data/2024/chapters",
                   "data/2023", "data/reference", "data/public"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    return SimpleNamespace(root=tmp_path, data_dir=tmp_path / "data", edition="2024")


@pytest.mark.parametrize(("path", "kind"), [
    ("book/about.md", PAGES),
    ("data/2024/chapters/introduction.md", PAGES),
    ("notebooks/spo.md", EXECUTE),
    ("notebooks/force.ftl", EXECUTE),            # a section's words: the notebooks that use them
    ("data/2024/cps.yml", EXECUTE),
    ("data/reference/forces.csv", EXECUTE),      # every edition reads it
    ("data/public/series.csv", EXECUTE),
    ("src/nsc_report/sections/spo.py", EXECUTE),  # only the kernels import it
    ("_toc.yml", FULL),
    ("_config.yml", FULL),
    ("data/2023/edition.yml", FULL),             # an earlier edition: the editions page
    ("src/nsc_report/publishing/site.py", RESTART),  # imported by the preview itself
])
def test_each_kind_of_file_gets_the_least_work_that_brings_the_site_up_to_date(
        tmp_path: Path, path: str, kind: str) -> None:
    project = _project(tmp_path)
    loaded = {(tmp_path / "src/nsc_report/publishing/site.py").resolve()}
    plan = plan_for(project, [tmp_path / path], loaded=loaded)  # type: ignore[arg-type]
    assert plan.kind == kind
    # A full rebuild and a restart say why, in the file's own name.
    assert (path in plan.reason) == (kind in (FULL, RESTART))


def test_several_files_take_the_most_work_any_of_them_needs(tmp_path: Path) -> None:
    project = _project(tmp_path)
    files = [tmp_path / "book/about.md", tmp_path / "notebooks/spo.md"]
    assert plan_for(project, files, loaded=set()).kind == EXECUTE  # type: ignore[arg-type]
    files.append(tmp_path / "_toc.yml")
    plan = plan_for(project, files, loaded=set())  # type: ignore[arg-type]
    assert plan.kind == FULL and "_toc.yml" in plan.reason


def test_a_served_path_names_its_sphinx_document() -> None:
    assert _docname("book/spo.html") == "book/spo"
    assert _docname("/book/forces/durham.html") == "book/forces/durham"
    assert _docname("") == "index"
    assert _docname("/book/") == "book/index"
    assert _notebook("book/forces/durham.html") == "forces/durham.ipynb"
    assert _notebook("/book/spo.html") == "spo.ipynb"


class _SlowLive:
    """A build that takes a while and records what each build was given."""

    def __init__(self, root: Path):
        self.project = _project(root)
        self.served = root / "_build" / "html"
        self.builds: list[list[str]] = []
        self.running = 0
        self.most_at_once = 0
        self.started = threading.Event()
        self.lock = threading.Lock()

    def rebuild(self, changed, viewed, on_pages=None) -> Outcome:  # type: ignore[no-untyped-def]
        with self.lock:
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        self.builds.append(sorted(Path(p).name for p in changed))
        self.started.set()
        time.sleep(2.0)
        with self.lock:
            self.running -= 1
        return Outcome(Plan(PAGES), 2.0, [])


def test_saves_during_a_build_wait_and_are_taken_together_by_the_next(tmp_path: Path) -> None:
    live = _SlowLive(tmp_path)
    preview = Preview(live)  # type: ignore[arg-type]
    book = tmp_path / "book"

    def author() -> None:
        time.sleep(0.5)  # the watcher is watching
        (book / "one.md").write_text("first save\n")
        assert live.started.wait(30)
        time.sleep(0.3)  # the first build is running
        (book / "two.md").write_text("second save\n")
        time.sleep(0.3)
        (book / "three.md").write_text("third save\n")

    async def main() -> None:
        stop = asyncio.Event()
        watcher = asyncio.create_task(preview.watch(stop))
        writer = threading.Thread(target=author)
        writer.start()
        deadline = time.monotonic() + 60
        while len(live.builds) < 2 and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        while live.running and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        stop.set()
        await asyncio.wait_for(watcher, 30)
        writer.join()

    try:
        asyncio.run(main())
    finally:
        preview.builder.shutdown(wait=True)
    assert live.builds == [["one.md"], ["three.md", "two.md"]]
    assert live.most_at_once == 1


class _QuickLive:
    """A build that returns at once and records the files each build was given."""

    def __init__(self, root: Path, data_dir: Path):
        self.project = SimpleNamespace(root=root, data_dir=data_dir, edition="2024")
        self.served = root / "_build" / "html"
        self.builds: list[list[Path]] = []

    def rebuild(self, changed, viewed, on_pages=None) -> Outcome:  # type: ignore[no-untyped-def]
        self.builds.append(sorted(Path(p) for p in changed))
        return Outcome(Plan(PAGES), 0.0, [])


def _watch_until(preview: Preview, live: _QuickLive, save, builds: int = 1) -> None:
    """Run the watcher while `save()` runs on another thread, until `builds` builds."""

    async def main() -> None:
        stop = asyncio.Event()
        watcher = asyncio.create_task(preview.watch(stop))
        writer = threading.Thread(target=save)
        writer.start()
        deadline = time.monotonic() + 60
        while len(live.builds) < builds and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        stop.set()
        await asyncio.wait_for(watcher, 30)
        writer.join()

    try:
        asyncio.run(main())
    finally:
        preview.builder.shutdown(wait=True)


def test_a_data_folder_outside_the_root_is_watched(tmp_path: Path) -> None:
    """`--data-dir` elsewhere: a save there rebuilds (the watcher's filter used to fail on a
    path outside the root, which ended the watcher silently on the first save)."""
    root, data = tmp_path / "project", tmp_path / "elsewhere" / "data"
    (root / "book").mkdir(parents=True)
    (data / "2024").mkdir(parents=True)
    live = _QuickLive(root, data)
    preview = Preview(live)  # type: ignore[arg-type]
    assert data in preview.watched

    def save() -> None:
        time.sleep(0.5)  # the watcher is watching
        (data / "2024" / "cps.yml").write_text("answer: changed\n")
        time.sleep(1.0)
        (root / "book" / "about.md").write_text("still watching\n")

    _watch_until(preview, live, save, builds=2)
    built = [path for build in live.builds for path in build]
    assert data / "2024" / "cps.yml" in built
    assert root / "book" / "about.md" in built


def test_a_watcher_that_fails_says_so_and_watches_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    import nsc_report.authoring.preview as preview_module

    real, calls = preview_module.awatch, []

    def failing_once(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("inotify watch limit reached")
        return real(*args, **kwargs)

    monkeypatch.setattr(preview_module, "awatch", failing_once)
    monkeypatch.setattr(preview_module, "WATCH_RETRY", 0.1)
    (tmp_path / "book").mkdir()
    live = _QuickLive(tmp_path, tmp_path / "data")
    preview = Preview(live)  # type: ignore[arg-type]

    def save() -> None:
        time.sleep(1.0)  # failed, and watching again
        (tmp_path / "book" / "about.md").write_text("saved after the failure\n")

    _watch_until(preview, live, save)
    assert live.builds == [[tmp_path / "book" / "about.md"]]
    out = capsys.readouterr().out
    assert "the file watcher failed; watching again" in out
    assert "inotify watch limit reached" in out


class _FailsThenBuilds:
    """A build that fails (a NameError in a template), then succeeds with no page changed (the
    error undone: the pages are as they were before it)."""

    def __init__(self, root: Path):
        self.project = SimpleNamespace(root=root, data_dir=root / "data", edition="2024")
        self.served = root / "_build" / "html"
        self.builds: list[list[Path]] = []

    def rebuild(self, changed, viewed, on_pages=None) -> Outcome:  # type: ignore[no-untyped-def]
        from nsc_report.execution.run import ExecutionError

        self.builds.append(sorted(Path(p) for p in changed))
        if len(self.builds) == 1:
            raise ExecutionError("notebooks/spo.md failed in cell 5: NameError: name 'x' is "
                                 "not defined")
        return Outcome(Plan(EXECUTE), 0.0, [])


class _Page:
    """An open page's WebSocket: records what the server tells it."""

    def __init__(self) -> None:
        self.told: list[str] = []

    async def send_text(self, text: str) -> None:
        self.told.append(text)


def test_a_build_that_clears_an_error_reloads_every_open_page(tmp_path: Path) -> None:
    """Undoing a NameError rebuilt ("0 page(s) changed") but the open page kept its red
    banner until reloaded by hand: only the pages whose HTML changed were told to reload."""
    (tmp_path / "notebooks").mkdir()
    live = _FailsThenBuilds(tmp_path)
    preview = Preview(live)  # type: ignore[arg-type]
    page, other = _Page(), _Page()
    preview.clients = {page: "/book/spo.html", other: "/book/about.html"}  # type: ignore[dict-item]
    template = tmp_path / "notebooks" / "spo.md"
    banners: list[bool] = []

    def save() -> None:
        time.sleep(0.5)  # the watcher is watching
        template.write_text("x\n")  # the error
        deadline = time.monotonic() + 30
        while not page.told and time.monotonic() < deadline:
            time.sleep(0.05)
        banners.append(preview.error is not None)
        template.write_text("1\n")  # undone

    _watch_until(preview, live, save, builds=2)
    assert banners == [True]
    assert preview.error is None
    assert page.told == ["reload", "reload"] and other.told == ["reload", "reload"]


def test_the_open_pages_notebooks_execute_first_a_chapters_those_it_pastes_from(tmp_path: Path):
    """A words file edit executes first what the open pages show: a notebook's page its own
    notebook, a chapter the notebooks whose figures it pastes; an open page whose source is
    not staged makes every notebook execute first."""
    notebooks, staged = tmp_path / "book", tmp_path / "stage"
    (notebooks / "forces").mkdir(parents=True)
    (staged / "book").mkdir(parents=True)
    for label in ("spo.ipynb", "reports.ipynb", "forces/durham.ipynb"):
        (notebooks / label).write_text("{}")
    (staged / "book" / "summary.md").write_text(
        "In all, {glue:text}`spo.ipynb::spo_total:s` cases; "
        "{glue:text}`reports.ipynb::reports_share:s` fewer.\n")
    (staged / "book" / "about.md").write_text("No figures here.\n")
    assert first_notebooks(notebooks, staged, ["book/forces/durham.html"]) == {
        "forces/durham.ipynb"}
    assert first_notebooks(notebooks, staged, ["book/summary.html"]) == {
        "spo.ipynb", "reports.ipynb"}
    assert first_notebooks(notebooks, staged, ["book/about.html", "book/spo.html"]) == {
        "spo.ipynb"}
    assert first_notebooks(notebooks, staged, ["book/no-such-page.html"]) is None
