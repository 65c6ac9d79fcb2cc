"""Papermill execution: content-hash cache, normalised outputs, failures that damage nothing."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from conftest import EDITION, ROOT, set_answer
from nbformat.v4 import new_code_cell, new_notebook

from nsc_report.data import edition_files, load_edition
from nsc_report.execute import ExecutionError, Job, execute, input_hash, normalise


def template(path: Path, *sources: str) -> Path:
    nb = new_notebook()
    params = new_code_cell('edition = "x"\ndata_dir = "x"\ncurrent_period = "x"\n'
                           'previous_period = "x"')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, *(new_code_cell(s) for s in sources)]
    for i, cell in enumerate(nb.cells):
        cell.id = f"c{i}"
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, path)
    return path


def test_hash_covers_template_parameters_and_data(data_copy, tmp_path):
    tpl = template(tmp_path / "a.ipynb", "x = 1")
    files = edition_files(data_copy, EDITION)
    params = {"edition": EDITION, "data_dir": "../data"}
    base = input_hash(tpl, params, files)
    assert input_hash(tpl, params, files) == base
    assert input_hash(tpl, {**params, "edition": "2025"}, files) != base
    set_answer(data_copy, "Durham", "Q9", "ye_mar_2023", value=3)
    assert input_hash(tpl, params, files) != base
    template(tpl, "x = 2")
    assert input_hash(tpl, params, edition_files(data_copy, EDITION)) != base


def test_normalise_drops_timings_and_paths():
    nb = new_notebook(metadata={"papermill": {"input_path": "/home/me/a.ipynb",
                                              "start_time": "2026-01-01T00:00:00"}})
    cell = new_code_cell("x = 1", metadata={"papermill": {"duration": 1.0},
                                            "execution": {"iopub.status.busy": "2026"}})
    nb.cells = [cell]
    job = Job(Path("notebooks/a.ipynb"), Path("book/a.ipynb"), {"edition": "2024"}, "abc")
    out = json.dumps(normalise(nb, job))
    assert "/home/me" not in out and "2026" not in out and "duration" not in out
    assert json.loads(out)["metadata"]["nsc_report"]["input_hash"] == "abc"


def test_unchanged_inputs_are_not_executed_again(data_copy, tmp_path):
    notebooks, out = tmp_path / "notebooks", tmp_path / "book"
    notebooks.mkdir()
    template(notebooks / "ok.ipynb", "print(edition)")
    first = execute(notebooks, out, load_edition(data_copy, EDITION), progress=lambda m: None)
    second = execute(notebooks, out, load_edition(data_copy, EDITION), progress=lambda m: None)
    assert [r.status for r in first] == ["executed"]
    assert [r.status for r in second] == ["cached"]
    executed = nbformat.read(out / "ok.ipynb", as_version=4)
    assert executed.cells[2].outputs[0]["text"] == f"{EDITION}\n"  # the injected parameter
    assert "papermill" not in executed.metadata
    set_answer(data_copy, "Durham", "Q9", "ye_mar_2023", value=3)
    third = execute(notebooks, out, load_edition(data_copy, EDITION), progress=lambda m: None)
    assert [r.status for r in third] == ["executed"]


def test_a_failing_notebook_is_named_and_nothing_is_replaced(data_copy, tmp_path):
    notebooks, out = tmp_path / "notebooks", tmp_path / "book"
    notebooks.mkdir()
    out.mkdir()
    template(notebooks / "good.ipynb", "x = 1")
    template(notebooks / "bad.ipynb", "y = 1", "raise ValueError('broken on purpose')")
    previous = {name: b"previous good copy" for name in ("good.ipynb", "bad.ipynb")}
    for name, content in previous.items():
        (out / name).write_bytes(content)
    with pytest.raises(ExecutionError) as info:
        execute(notebooks, out, load_edition(data_copy, EDITION), progress=lambda m: None)
    message = str(info.value)
    assert "notebooks/bad.ipynb failed in cell" in message
    assert "ValueError: broken on purpose" in message
    for name, content in previous.items():
        assert (out / name).read_bytes() == content
    assert sorted(p.name for p in out.iterdir()) == ["bad.ipynb", "good.ipynb"]


def test_committed_executed_notebooks_are_portable():
    """No absolute paths, machine names or timestamps in what nbval and reviewers read."""
    import re
    import socket

    for path in sorted((ROOT / "book").glob("*.ipynb")):
        text = path.read_text(encoding="utf-8")
        assert str(ROOT) not in text and "/home/" not in text and "/root/" not in text, path
        host = socket.gethostname()
        assert len(host) < 6 or host not in text, path
        assert not re.search(r"20\d\d-\d\d-\d\dT\d\d:\d\d", text), path
        nb = json.loads(text)
        assert nb["metadata"]["nsc_report"]["parameters"]["data_dir"] == "../data"
