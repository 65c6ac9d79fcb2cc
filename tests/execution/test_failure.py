"""A failed notebook names where it failed: the template's cell by its line in the .md file, its
place and first line (the cell number of the first line counts cells nobody can count in a
template), the package module and line, and the last frames of the traceback. The first line
stays as it was (the build's and the preview's messages start with it)."""

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


def kernel_error(frames: int = 1) -> PapermillExecutionError:
    """The error papermill raises, with IPython's traceback as the kernel formats it."""
    traceback = [red("-" * 75), red("NameError") + "   Traceback (most recent call last)",
                 "\x1b[36mCell\x1b[39m \x1b[32mIn[7]\x1b[39m\x1b[32m, line 2\x1b[39m\n"
                 "\x1b[32m      1\x1b[39m figure = spo.outcomes(ed)\n"
                 "\x1b[32m----> \x1b[39m\x1b[32m2\x1b[39m table = spo.outcome_table(ed)\n"
                 "\x1b[32m      3\x1b[39m figure\n"]
    for depth in range(frames):
        line = 92 + depth
        traceback.append(f"\x1b[36mFile \x1b[39m\x1b[32m{MODULE}:{line}\x1b[39m, in "
                         f"\x1b[36mstep{depth}\x1b[39m\x1b[34m(ed)\x1b[39m\n"
                         f"\x1b[32m    {line - 1}\x1b[39m     rows = ed.returns\n"
                         f"\x1b[32m--> \x1b[39m\x1b[32m{line}\x1b[39m     return x{depth}\n")
    traceback.append(red("NameError") + ": name 'x' is not defined")
    return PapermillExecutionError(cell_index=5, exec_count=7, source=FAILING,
                                   ename="NameError", evalue="name 'x' is not defined",
                                   traceback=traceback)


@pytest.fixture
def job(tmp_path: Path) -> Job:
    template = tmp_path / "notebooks" / "spo.md"
    template.parent.mkdir()
    template.write_text(TEMPLATE, encoding="utf-8")
    return Job(template, tmp_path / "book" / "spo.ipynb", {"edition": "2024"}, "spo.ipynb")


def test_the_first_line_is_as_it_was(job: Job):
    message = describe_failure(job, kernel_error())
    assert message.splitlines()[0] == ("notebooks/spo.md failed in cell 5 (execution count 7): "
                                       "NameError: name 'x' is not defined")


def test_a_template_cell_is_named_by_its_line_place_and_first_line(job: Job):
    message = describe_failure(job, kernel_error())
    failing = TEMPLATE.splitlines().index("table = spo.outcome_table(ed)") + 1
    assert (f"in the template: notebooks/spo.md, line {failing}: code cell 3 of 3, line 2 of "
            f"it, which begins `figure = spo.outcomes(ed)`") in message


def test_a_failure_in_the_package_names_its_module_line_and_traceback(job: Job):
    message = describe_failure(job, kernel_error(frames=2))
    assert "in the package: src/nsc_report/sections/spo.py, line 93, in step1" in message
    lines = message.splitlines()
    start = lines.index("  traceback (innermost last):")
    assert lines[start + 1:] == [
        "    cell [7], line 2", "      table = spo.outcome_table(ed)",
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


def test_a_traceback_it_cannot_read_leaves_the_first_line(job: Job):
    error = PapermillExecutionError(cell_index=2, exec_count=3, source="not in the template",
                                    ename="ValueError", evalue="odd", traceback=["garbled"])
    message = describe_failure(job, error)
    assert message == "notebooks/spo.md failed in cell 2 (execution count 3): ValueError: odd"
