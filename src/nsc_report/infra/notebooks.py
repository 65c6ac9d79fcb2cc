"""Executed notebooks read once per version of the file.

A long-lived build (the preview) stages the site again after every save and reads the same
unchanged notebooks each time (the register, the chart downloads); parsing and validating them
is most of that time. One parsed copy is kept per path, replaced when the file changes, so the
memory held is bounded by the notebooks of the book. Callers must not modify what they get.
"""

from __future__ import annotations

import threading
from pathlib import Path

import nbformat

_READ: dict[Path, tuple[tuple[int, int], nbformat.NotebookNode]] = {}
_LOCK = threading.Lock()


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """The notebook at `path` (read-only: shared with every other caller)."""
    stat = path.stat()
    stamp, key = (stat.st_mtime_ns, stat.st_size), path.resolve()
    with _LOCK:
        kept = _READ.get(key)
    if kept is not None and kept[0] == stamp:
        return kept[1]
    nb = nbformat.read(path, as_version=4)
    with _LOCK:
        _READ[key] = (stamp, nb)
    return nb
