"""The project's pytest plugin for the committed executed notebooks (nbval), loaded for every
test run from this folder: `tests/` holds the fixtures of the other tests.

nbval re-executes each notebook in book/ and compares its outputs with the committed ones. Out
of the box it starts a new kernel per notebook, which then imports pandas, Altair and the
rest before its first cell: most of the six minutes nbval took. Here each test process keeps
one warm kernel and puts it back to a fresh kernel's state before every notebook, with the same
code the build's warm kernels use (`nsc_report.notebook.session.begin`): a new namespace and
execution count, the working directory, `sys.path`, environment, warnings, Altair, pandas and
matplotlib state, and this package's modules imported afresh. nbval itself still runs every
cell and compares every output; only the start of the kernel is shared.

With pytest-xdist (`--dist loadscope`, as the Makefile runs it), a notebook's cells run in
order on one worker, as a test module's tests do, so the notebooks spread over the workers.
`NSC_NBVAL_FRESH_KERNELS=1` gives each notebook a new kernel, as stock nbval does.

`--nbval-changed-only` (`make test-fast`) re-executes only the notebooks whose inputs changed
since they were executed, as the execution cache proves it: the hash of the template, the
parameters, every data file the notebook read, every package module it imported and the
libraries' versions equals the one recorded in the committed notebook. `make test` re-executes
every notebook.
"""

from __future__ import annotations

import os
from pathlib import Path
from queue import Empty

import pytest

try:
    from nbval import kernel as nbval_kernel
    from nbval import plugin as nbval_plugin
except ImportError:  # nbval not installed: nothing to warm
    nbval_kernel = nbval_plugin = None

SESSION = "__import__('nsc_report.notebook.session', fromlist=['_'])"


def _silent(kc, code: str, timeout: float) -> None:  # type: ignore[no-untyped-def]
    """Run set-up code in the kernel without an execution count or output; fail loudly."""
    msg_id = kc.execute(code, silent=True, store_history=False, allow_stdin=False)
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"warm nbval kernel: {code!r} failed: "
                           f"{reply['content'].get('ename')}: {reply['content'].get('evalue')}")


if nbval_kernel is not None:

    class WarmRunningKernel(nbval_kernel.RunningKernel):
        """nbval's kernel, kept between the notebooks of this process and reset before each."""

        _idle: dict[str, tuple] = {}  # kernel name -> (manager, client) of the kept kernel

        def __init__(self, kernel_name, cwd=None, startup_timeout=60):  # type: ignore[no-untyped-def]
            kept = self._idle.pop(kernel_name, None)
            if kept is not None and kept[0].is_alive():
                self.km, self.kc = kept
            else:
                self.km, self.kc = nbval_kernel.start_new_kernel(
                    startup_timeout=startup_timeout, kernel_name=kernel_name,
                    stderr=open(os.devnull, "w"), cwd=cwd)  # noqa: SIM115 - as nbval does
                _silent(self.kc, f"{SESSION}.install()", timeout=startup_timeout)
            self.kernel_name = kernel_name
            self._ensure_iopub_up()
            folder = os.path.abspath(cwd or os.getcwd())
            _silent(self.kc, f"{SESSION}.begin({folder!r}, {folder!r})", timeout=startup_timeout)

        def stop(self) -> None:
            """nbval stops the kernel after each notebook, and after a cell that timed out.
            A kernel that still answers at once is idle: keep it for the next notebook."""
            try:
                msg_id = self.kc.kernel_info()
                self.await_reply(msg_id, timeout=5)
            except (Empty, RuntimeError):
                super().stop()
                return
            self._idle[self.kernel_name] = (self.km, self.kc)
            del self.km

        @classmethod
        def shutdown_all(cls) -> None:
            for km, kc in cls._idle.values():
                kc.stop_channels()
                km.shutdown_kernel(now=True)
            cls._idle.clear()


_UNCHANGED = pytest.StashKey[set[Path]]()


def pytest_configure(config: pytest.Config) -> None:
    if nbval_plugin is None or not config.getoption("nbval", default=False):
        return
    if not os.environ.get("NSC_NBVAL_FRESH_KERNELS"):
        nbval_plugin.RunningKernel = WarmRunningKernel
    if config.getoption("nbval_changed_only"):
        config.stash[_UNCHANGED] = unchanged_notebooks(config.rootpath)


def pytest_unconfigure(config: pytest.Config) -> None:
    if nbval_plugin is not None:
        WarmRunningKernel.shutdown_all()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--nbval-changed-only", action="store_true",
                     help="nbval only on the executed notebooks whose recorded inputs changed")


def unchanged_notebooks(root: Path) -> set[Path]:
    """The committed executed notebooks whose inputs equal those recorded when they were
    executed (the execution cache's own test: `nsc-report execute` would skip them)."""
    import tomllib

    from nsc_report.data import load_edition
    from nsc_report.execution.cache import plan
    from nsc_report.execution.templates import jobs_for

    edition = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["nsc-report"]
    jobs = jobs_for(root / "notebooks", root / "book", load_edition(root / "data",
                                                                    edition["edition"]))
    _, fresh, _ = plan(jobs)
    return {job.output.resolve() for job in fresh}


# Within those groups, the modules that take longest (as `--durations` lists them) first: a
# long module started last leaves the other process idle until it ends. Self-contained ones
# come between those that use the shared build, so that one process is not left waiting for
# the build another makes.
LONGEST_FIRST = (
    "tests/test_browser.py",
    "tests/test_year_on_year.py",
    "tests/sections/test_degenerate_editions.py",
    "tests/cycle/test_next_edition_e2e.py",
    "tests/test_build.py",
    "tests/test_faults.py",
    "tests/execution/test_execute.py",
    "tests/test_factcheck.py",
    "tests/cycle/test_annual_cycle.py",
    "tests/execution/test_execution_failures.py",
    "tests/test_revisions_e2e.py",
    "tests/authoring/test_preview.py",
    "tests/test_release_day.py",
    "tests/authoring/test_scaffold.py",
    "tests/publishing/test_figures.py",
    "tests/publishing/test_formula_injection.py",
    "tests/publishing/test_stage_kept.py",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The modules that build first, the notebooks last, and the longest first within each:
    pytest-xdist hands out modules in this order, so the longest start while the other process
    works through the short ones (a stable sort: a module's tests keep their order). With
    --nbval-changed-only, leave out the notebooks whose inputs are unchanged."""
    builds = {item.path for item in items if item.get_closest_marker("build")}
    rank = {path: i for i, path in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: (
        0 if item.path in builds else 2 if item.path.suffix == ".ipynb" else 1,
        rank.get(item.nodeid.split("::")[0], len(rank))))
    if nbval_plugin is None:
        return
    cells = [item for item in items if isinstance(item, nbval_plugin.IPyNbCell)]
    unchanged = config.stash.get(_UNCHANGED, set())
    skipped = {item for item in cells if item.path.resolve() in unchanged}
    if skipped:
        config.hook.pytest_deselected(items=list(skipped))
        items[:] = [item for item in items if item not in skipped]


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # type: ignore[no-untyped-def]
    if _UNCHANGED in config.stash:
        total = len(list((config.rootpath / "book").rglob("*.ipynb")))
        unchanged = len(config.stash[_UNCHANGED])
        terminalreporter.write_line(
            f"nbval: {total - unchanged} of {total} executed notebooks re-executed; the inputs "
            f"of the other {unchanged} are unchanged since they were executed (execution cache)")
