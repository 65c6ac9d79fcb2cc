"""One error that stops many notebooks of one template is said once (issue 31: a typo in
force.ftl printed the same error for each of 23 forces, 325 lines in the terminal and a banner
that filled the preview's page)."""

from __future__ import annotations

from pathlib import Path

from nsc_report.execution.failure import grouped
from nsc_report.execution.run import ExecutionError

TYPO = ("failed in code cell 2 of 14, line 5 (line 34 of the file):\nWordsError: notebooks/"
        "force.ftl, line 101: message 'force-spo' cannot be rendered: Unknown external: totl\n"
        "  the cell begins `w = words.of(ed, \"force\")`")


def failure(label: str, text: str = TYPO) -> tuple[str, str]:
    return label, f"notebooks/force.md (as {label}) {text}"


def test_the_same_error_of_many_notebooks_is_said_once():
    forces = [f"forces/{name}.ipynb" for name in ("durham", "northumbria", "cumbria")]
    said = grouped([failure(label) for label in forces] + [
        ("spo.ipynb", "notebooks/spo.md failed in code cell 3 of 9: NameError: x")])
    assert said.count("Unknown external: totl") == 1
    assert said.count("the cell begins") == 1
    assert ("notebooks/force.md (as forces/durham.ipynb and 2 other notebooks of the same "
            "template, stopped by the same error) failed in code cell 2 of 14") in said
    assert "notebooks/spo.md failed in code cell 3 of 9: NameError: x" in said
    assert len(said.splitlines()) == len(TYPO.splitlines()) + 1
    assert str(ExecutionError(said)).count("totl") == 1


def test_different_errors_are_each_given():
    said = grouped([failure("forces/durham.ipynb", "failed: KeyError: 'Q1'"),
                    failure("forces/cumbria.ipynb", "failed: KeyError: 'Q2'"),
                    failure("forces/kent.ipynb", "failed: KeyError: 'Q2'")])
    assert "(as forces/durham.ipynb) failed: KeyError: 'Q1'" in said
    assert ("(as forces/cumbria.ipynb and 1 other notebook of the same template, stopped by the "
            "same error) failed: KeyError: 'Q2'") in said
    assert "kent" not in said


def test_a_run_of_one_template_reports_once(tmp_path: Path):  # starts a kernel
    """Through the runner: two notebooks of one template failing alike give one report."""
    from helpers import notebook_template

    from nsc_report.execution.run import execute_jobs
    from nsc_report.execution.templates import Job

    template = notebook_template(tmp_path / "force.ipynb", "raise ValueError('same for all')")
    jobs = [Job(template, tmp_path / "out" / "forces" / f"{n}.ipynb", {}, f"forces/{n}.ipynb")
            for n in ("a", "b", "c")]
    try:
        execute_jobs(jobs, workers=1)
    except ExecutionError as exc:
        said = str(exc)
    assert said.count("ValueError: same for all") == 1, said
    assert said.count("traceback") == 1, said
    assert "and 2 other notebooks of the same template" in said
