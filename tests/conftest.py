"""Fixtures shared by the tests (scratch copies of the data, one full build) and the summary that
names the published figures that changed when a committed notebook no longer reproduces. What
the tests import is in helpers.py."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock
from helpers import ROOT, Built, copy_data, project_copy, run_cli, set_answer


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A scratch copy of data/ that a test may change."""
    target = tmp_path / "data"
    copy_data(target)
    return target


def shared_tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch folder shared by every test process of this run (pytest-xdist's workers each
    have their own base folder, under the run's)."""
    base = tmp_path_factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "shared"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The committed edition built as `make report` builds it on a fresh clone (HTML, and the
    PDF where Chromium exists), in a copy of the project so that the repository's book/ and
    _build/ are not touched.

    Built once per run: the first test process that needs it builds it while the others wait
    on a lock, then every process reads the same build (and its outcome, if it failed)."""
    shared = shared_tmp(tmp_path_factory)
    root, outcome = shared / "project", shared / "report.outcome.json"
    with FileLock(str(shared / "report.lock")):
        if not outcome.exists():
            shutil.rmtree(root, ignore_errors=True)
            project_copy(root)
            result = run_cli("report", "--root", str(root))
            outcome.write_text(json.dumps({"returncode": result.returncode,
                                           "output": result.stdout + result.stderr}))
    recorded = json.loads(outcome.read_text())
    assert recorded["returncode"] == 0, recorded["output"]
    return Built(root)


@pytest.fixture(scope="session")
def west_mercia_15(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's report of the committed edition, with one answer corrected (West Mercia
    made 15 SPO applications in the year ending March 2023, not none) and every notebook
    executed again for it: `data/` and `out/` in the folder returned. Shared, as `built` is,
    by the tests of a changed answer; each works on its own copy (`changed_copy`)."""
    shared = shared_tmp(tmp_path_factory) / "west-mercia-15"
    outcome = shared.with_name("west-mercia-15.outcome.json")
    with FileLock(str(shared.with_name("west-mercia-15.lock"))):
        if not outcome.exists():
            shutil.rmtree(shared, ignore_errors=True)
            data = copy_data(shared / "data")
            set_answer(data, "West Mercia", "Q9", "ye_mar_2023", value=15)
            shutil.copytree(built.out, shared / "out", symlinks=True)
            result = run_cli("execute", "--data-dir", str(data), "--out", str(shared / "out"))
            outcome.write_text(json.dumps({"returncode": result.returncode,
                                           "output": result.stdout + result.stderr}))
    recorded = json.loads(outcome.read_text())
    assert recorded["returncode"] == 0, recorded["output"]
    return shared


def pytest_itemcollected(item: pytest.Item) -> None:
    """A test that reads the built report is a build test, and one that needs Chromium (it is
    skipped without it) a browser test, whatever its module says: `make test-fast` (-m "not
    build and not browser") must not start the build or a browser for it."""
    if "built" in getattr(item, "fixturenames", ()):
        item.add_marker(pytest.mark.build)
    if any("Chromium" in str(mark.kwargs.get("reason", ""))
           for mark in item.iter_markers("skipif")):
        item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """When a committed notebook no longer reproduces (nbval), say which published figures the
    data and code now give differently, instead of leaving the reviewer a diff of JSON."""
    failed = [r for r in terminalreporter.stats.get("failed", [])
              if ".ipynb::" in getattr(r, "nodeid", "")]
    if not failed:
        return
    terminalreporter.section("published figures that changed")
    result = subprocess.run(
        [sys.executable, "-m", "nsc_report.cli", "figures", "--fresh", "--compare", "book"],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    terminalreporter.write_line(result.stdout.strip() or result.stderr.strip())
    terminalreporter.write_line("Re-execute with `nsc-report execute` (or `make report`) and "
                                "commit the notebooks if these changes are intended.")

