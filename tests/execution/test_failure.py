"""A failed notebook names where it failed in one numbering an author can count in the template:
the code cell's place among the template's code cells (and its line in the .md file), the same
numbering in the traceback's frames; then its first line, the package module and line, and the
last frames of the traceback. The executed notebook's cell index and the execution count (which
count cells nobody can count in a template) are not shown (issue 31)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from papermill.exceptions import PapermillExecutionError

from nsc_report.execution.engine import KernelLost
from nsc_report.execution.failure import TRACEBACK_LINES
from nsc_report.execution.run import describe_failure
from nsc_report.execution.templates import Job

TEMPLATE = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3 (ipykernel)
  language: python
  name: python3
---

# Stalking Protection Orders

```{code-cell}
:tags: [parameters]

edition = "2024"
```

Some words.

```{code-cell}
from nsc_report.sections import spo
```

More words.

```{code-cell}
figure = spo.outcomes(ed)
table = spo.outcome_table(ed)
figure
```
"""
FAILING = "figure = spo.outcomes(ed)\ntable = spo.outcome_table(ed)\nfigure"
MODULE = "/home/someone/nsc/src/nsc_report/sections/spo.py"


def red(text: str) -> str:
    return f"\x1b[31m{text}\x1b[39m"


def kernel_error(frames: int = 1, earlier: int | None = None) -> PapermillExecutionError:
    """The error papermill raises, with IPython's traceback as the kernel formats it: the
    executed notebook's cells are the heading, the parameters, the parameters papermill injects,
    words, the import, words and the failing cell (index 6, from 0); the kernel counted the
    parameters 1, the injected ones 2, the import 3 and the failing cell 4. `earlier`: a frame
    in the cell of that execution count (a function defined there) under the failing cell's."""
    traceback = [red("-" * 75), red("NameError") + "   Traceback (most recent call last)",
                 "\x1b[36mCell\x1b[39m \x1b[32mIn[4]\x1b[39m\x1b[32m, line 2\x1b[39m\n"
                 "\x1b[32m      1\x1b[39m figure = spo.outcomes(ed)\n"
                 "\x1b[32m----> \x1b[39m\x1b[32m2\x1b[39m table = spo.outcome_table(ed)\n"
                 "\x1b[32m      3\x1b[39m figure\n"]
    if earlier is not None:
        traceback.append(f"\x1b[36mCell\x1b[39m \x1b[32mIn[{earlier}]\x1b[39m\x1b[32m, line 1"
                         f"\x1b[39m, in \x1b[36mhelper\x1b[39m\x1b[34m()\x1b[39m\n"
                         f"\x1b[32m----> \x1b[39m\x1b[32m1\x1b[39m helper()\n")
    for depth in range(frames):
        line = 92 + depth
        traceback.append(f"\x1b[36mFile \x1b[39m\x1b[32m{MODULE}:{line}\x1b[39m, in "
                         f"\x1b[36mstep{depth}\x1b[39m\x1b[34m(ed)\x1b[39m\n"
                         f"\x1b[32m    {line - 1}\x1b[39m     rows = ed.returns\n"
                         f"\x1b[32m--> \x1b[39m\x1b[32m{line}\x1b[39m     return x{depth}\n")
    traceback.append(red("NameError") + ": name 'x' is not defined")
    return PapermillExecutionError(cell_index=6, exec_count=4, source=FAILING,
                                   ename="NameError", evalue="name 'x' is not defined",
                                   traceback=traceback)


@pytest.fixture
def job(tmp_path: Path) -> Job:
    template = tmp_path / "notebooks" / "spo.md"
    template.parent.mkdir()
    template.write_text(TEMPLATE, encoding="utf-8")
    return Job(template, tmp_path / "book" / "spo.ipynb", {"edition": "2024"}, "spo.ipynb")


def test_the_first_line_names_the_cell_in_one_numbering(job: Job):
    """The tester's failure read "failed in cell 5 (execution count 4) ... code cell 3 of 4 ...
    cell [4], line 2": three numberings of one cell. Now one: the template's code cells."""
    message = describe_failure(job, kernel_error())
    failing = TEMPLATE.splitlines().index("table = spo.outcome_table(ed)") + 1
    assert message.splitlines()[0] == (
        f"notebooks/spo.md failed in code cell 3 of 3, line 2 (line {failing} of the file): "
        "NameError: name 'x' is not defined")
    assert "execution count" not in message and "cell [" not in message
    assert "cell 6" not in message and "[4]" not in message


def test_a_template_cell_is_named_by_its_first_line(job: Job):
    message = describe_failure(job, kernel_error())
    assert message.splitlines()[1] == "  the cell begins `figure = spo.outcomes(ed)`"


def test_a_notebook_template_names_the_code_cell_without_a_file_line(tmp_path: Path):
    import jupytext

    template = tmp_path / "notebooks" / "spo.ipynb"
    template.parent.mkdir()
    jupytext.write(jupytext.reads(TEMPLATE, fmt="md:myst"), template)
    job = Job(template, tmp_path / "book" / "spo.ipynb", {"edition": "2024"}, "spo.ipynb")
    message = describe_failure(job, kernel_error())
    assert message.splitlines()[0] == ("notebooks/spo.ipynb failed in code cell 3 of 3, line 2: "
                                       "NameError: name 'x' is not defined")


def test_frames_in_earlier_cells_use_the_same_numbering(job: Job):
    """A function defined in an earlier cell (execution count 3: the import, code cell 2 of the
    template, the injected parameters counted 2) is named by the template's numbering."""
    lines = describe_failure(job, kernel_error(earlier=3)).splitlines()
    start = lines.index("  traceback (innermost last):")
    assert lines[start + 1:start + 5] == ["    code cell 3, line 2",
                                          "      table = spo.outcome_table(ed)",
                                          "    code cell 2, line 1", "      helper()"]
    # The cell papermill injected is in no template: it gets no number.
    lines = describe_failure(job, kernel_error(earlier=2)).splitlines()
    assert lines[lines.index("  traceback (innermost last):") + 3] == "    a notebook cell, line 1"


def test_a_failure_in_the_package_names_its_module_line_and_traceback(job: Job):
    message = describe_failure(job, kernel_error(frames=2))
    assert "in the package: src/nsc_report/sections/spo.py, line 93, in step1" in message
    lines = message.splitlines()
    start = lines.index("  traceback (innermost last):")
    assert lines[start + 1:] == [
        "    code cell 3, line 2", "      table = spo.outcome_table(ed)",
        "    src/nsc_report/sections/spo.py, line 92, in step0", "      return x0",
        "    src/nsc_report/sections/spo.py, line 93, in step1", "      return x1"]
    assert "\x1b" not in message and "/home/someone" not in message


def test_the_traceback_is_short(job: Job):
    message = describe_failure(job, kernel_error(frames=30))
    lines = message.splitlines()
    shown = lines[lines.index("  traceback (innermost last):"):]
    assert len(shown) <= TRACEBACK_LINES
    assert shown[-2:] == ["    src/nsc_report/sections/spo.py, line 121, in step29",
                          "      return x29"]  # the innermost frame, where it failed
    assert "in the package: src/nsc_report/sections/spo.py, line 121, in step29" in message


def test_an_error_raised_in_this_process_names_the_package_frame(job: Job, tmp_path: Path):
    from nsc_report.data import DataValidationError, load_edition

    with pytest.raises(DataValidationError) as info:
        load_edition(tmp_path / "nowhere", "2024")
    message = describe_failure(job, info.value)
    assert message.splitlines()[0].startswith("notebooks/spo.md failed: DataValidationError")
    assert re.search(r"in the package: src/nsc_report/data/core\.py, line \d+, in _load_core",
                     message), message


def test_a_kernel_lost_says_only_what_it_said(job: Job):
    message = describe_failure(job, KernelLost("the kernel died"))
    assert message == "notebooks/spo.md failed: KernelLost: the kernel died"


def test_a_cell_the_template_does_not_hold_is_named_once(job: Job):
    """The parameters papermill injected: no code cell of the template; the executed notebook's
    cell, counted from 1 as Jupyter shows them, is the one numbering left."""
    error = PapermillExecutionError(cell_index=2, exec_count=3, source="not in the template",
                                    ename="ValueError", evalue="odd", traceback=["garbled"])
    message = describe_failure(job, error)
    assert message == ("notebooks/spo.md failed in a cell the template does not hold (cell 3 of "
                       "the executed notebook): ValueError: odd")
