"""Fixtures shared by the tests (scratch copies of the data, one full build) and the summary that
names the published figures that changed when a committed notebook no longer reproduces. What
the tests import is in helpers.py."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import DATA, ROOT, Built, run_cli


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A scratch copy of data/ that a test may change."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The committed edition built from scratch (HTML, and the PDF where Chromium exists),
    in a scratch folder so that the repository's book/ and _build/ are not touched."""
    out = tmp_path_factory.mktemp("report")
    result = run_cli("report", "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return Built(out)


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
