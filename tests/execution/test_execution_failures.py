"""Execution that fails: a failing notebook is named and nothing is replaced; a kernel that dies
is replaced once, then reported; a notebook that hangs is stopped at the timeout. (A module of
its own: each test starts kernels, and the test processes share modules out whole.)"""

from __future__ import annotations

import json

import nbformat
import pytest
from helpers import EDITION, notebook_template

from nsc_report.data import load_edition
from nsc_report.execution.run import ExecutionError, execute


def test_a_failing_notebook_is_named_and_nothing_is_replaced(data_copy, tmp_path):
    notebooks, out = tmp_path / "notebooks", tmp_path / "book"
    notebooks.mkdir()
    out.mkdir()
    notebook_template(notebooks / "good.ipynb", "x = 1")
    notebook_template(notebooks / "bad.ipynb", "y = 1", "raise ValueError('broken on purpose')")
    previous = {name: b"previous good copy" for name in ("good.ipynb", "bad.ipynb")}
    for name, content in previous.items():
        (out / name).write_bytes(content)
    with pytest.raises(ExecutionError) as info:
        execute(notebooks, out, load_edition(data_copy, EDITION))
    message = str(info.value)
    assert "notebooks/bad.ipynb failed in code cell 3 of 3, line 1:" in message
    assert "ValueError: broken on purpose" in message
    for name, content in previous.items():
        assert (out / name).read_bytes() == content
    assert sorted(p.name for p in out.iterdir()) == ["bad.ipynb", "good.ipynb"]


def test_a_kernel_that_dies_once_is_replaced_and_the_notebook_retried(data_copy, tmp_path):
    notebooks, out = tmp_path / "notebooks", tmp_path / "book"
    notebooks.mkdir()
    marker = tmp_path / "died-once"
    notebook_template(notebooks / "flaky.ipynb",
             f"import os, pathlib\nm = pathlib.Path({str(marker)!r})\n"
             "if not m.exists():\n    m.touch()\n    os._exit(1)\nprint('survived')")
    results = execute(notebooks, out, load_edition(data_copy, EDITION), workers=1)
    assert [r.status for r in results] == ["executed"]
    assert "survived" in json.dumps(nbformat.read(out / "flaky.ipynb", as_version=4).cells[2])


def test_a_kernel_that_always_dies_is_reported(data_copy, tmp_path):
    notebooks, out = tmp_path / "notebooks", tmp_path / "book"
    notebooks.mkdir()
    notebook_template(notebooks / "dies.ipynb", "import os\nos._exit(1)")
    notebook_template(notebooks / "fine.ipynb", "x = 1")
    with pytest.raises(ExecutionError) as info:
        execute(notebooks, out, load_edition(data_copy, EDITION), workers=1)
    assert "notebooks/dies.ipynb failed" in str(info.value)
    assert "kernel died" in str(info.value) and "tried twice" in str(info.value)
    assert not out.exists() or list(out.iterdir()) == []


def test_a_notebook_that_hangs_is_stopped_at_the_timeout(data_copy, tmp_path):
    notebooks, out = tmp_path / "notebooks", tmp_path / "book"
    notebooks.mkdir()
    notebook_template(notebooks / "hangs.ipynb", "import time\ntime.sleep(600)")
    with pytest.raises(ExecutionError) as info:
        execute(notebooks, out, load_edition(data_copy, EDITION), workers=1, timeout=3)
    assert "notebooks/hangs.ipynb failed" in str(info.value)
    assert "stopped after 3 s" in str(info.value)
