"""Executed notebooks read once per version of the file.

A long-lived build (the preview) stages the site again after every save and reads the same
unchanged notebooks each time (the register, the chart downloads); parsing and validating them
is most of that time. One parsed copy is kept per path, replaced when the file changes, so the
memory held is bounded by the notebooks of the book. Callers must not modify what they get.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from nsc_report.infra.kept import parsed


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """The notebook at `path` (read-only: shared with every other caller)."""
    return parsed(path, _read)
