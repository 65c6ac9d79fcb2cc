"""Execution: warm kernels give what fresh kernels give, and the cache re-executes exactly the
notebooks whose inputs changed. (Failures: test_execution_failures.py.)"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from helpers import (
    DATA,
    EDITION,
    ROOT,
    cells,
    copy_data,
    notebook_template,
    rewrite_csv,
    set_answer,
)
from nbformat.v4 import new_code_cell, new_notebook

from nsc_report.data import load_edition
from nsc_report.execution import cache, templates
from nsc_report.execution.cache import clean_outputs, plan
from nsc_report.execution.run import execute, execute_jobs, run_fresh
from nsc_report.execution.templates import Job, jobs_for

# The chapters of the committed edition (the comparison with a previous edition is tested with
# the synthetic edition that has one, in test_year_on_year.py).
_COMMITTED = load_edition(DATA, EDITION)  # once: the module is imported by every test process
SECTIONS = sorted(
    f"{p.stem}.ipynb" for p in templates.templates(ROOT / "notebooks")
    if templates.template_kind(p) is None
    and templates.applies_to(templates.template_settings(p), _COMMITTED))


def names(jobs: list[Job]) -> list[str]:
    return sorted(j.label for j in jobs)


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every section template executed once on warm kernels, with a scratch copy of data/."""
    root = tmp_path_factory.mktemp("project")
    copy_data(root / "data")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    for path in templates.templates(root / "notebooks"):
        if templates.template_kind(path) is not None:
            path.unlink()  # the per-force template is covered by its own tests
    execute(root / "notebooks", root / "book", load_edition(root / "data", EDITION))
    return root


def section_jobs(root: Path) -> list[Job]:
    return jobs_for(root / "notebooks", root / "book", load_edition(root / "data", EDITION))


# --- warm kernels give what fresh kernels give -------------------------------------------------

@pytest.mark.build  # a fresh kernel per notebook: the cost the warm route saves everywhere else
@pytest.mark.parametrize("name", SECTIONS)
def test_a_warm_kernel_gives_the_notebook_a_fresh_kernel_gives(executed, name):
    job = next(j for j in section_jobs(executed) if j.label == name)
    warm = nbformat.read(job.output, as_version=4)
    fresh = run_fresh(job)
    assert cells(warm) == cells(fresh)
    assert [c.execution_count for c in warm.cells if c.cell_type == "code"][0] == 1


def test_the_committed_notebooks_are_what_a_warm_kernel_gives(executed):
    for job in section_jobs(executed):
        committed = nbformat.read(ROOT / "book" / job.label, as_version=4)
        assert cells(nbformat.read(job.output, as_version=4)) == cells(committed), job.label


def test_nothing_leaks_from_one_notebook_to_the_next(data_copy, tmp_path):
    """A notebook that changes everything it can, then a probe, on one kernel: the probe sees
    what it sees on a fresh kernel."""
    notebooks, out = tmp_path / "notebooks", tmp_path / "book"
    notebooks.mkdir()
    notebook_template(notebooks / "a_dirty.ipynb",
             "import os, sys, warnings\nimport altair as alt\nimport pandas as pd\n"
             "leaked = 42\nos.chdir('/')\nsys.path.insert(0, '/nowhere')\n"
             "os.environ['NSC_LEAK'] = '1'\nwarnings.simplefilter('ignore')\n"
             "alt.theme.enable('dark')\nalt.data_transformers.disable_max_rows()\n"
             "pd.set_option('display.max_rows', 3)\n"
             "import nsc_report.present.fmt\nnsc_report.present.fmt.LEAK = True",
             "warnings.warn('first warning')")
    probe = ("import os, sys, warnings\nimport altair as alt\nimport pandas as pd\n"
             "import nsc_report.present.fmt\n"
             "print('leaked' in dir(), os.path.basename(os.getcwd()), '/nowhere' in sys.path,\n"
             "      os.environ.get('NSC_LEAK'), alt.theme.active,\n"
             "      alt.data_transformers.options, pd.get_option('display.max_rows'),\n"
             "      hasattr(nsc_report.present.fmt, 'LEAK'))")
    notebook_template(notebooks / "b_probe.ipynb", probe, "warnings.warn('first warning')",
             "print(len(In), sorted(Out), _i)")
    edition = load_edition(data_copy, EDITION)
    jobs = jobs_for(notebooks, out, edition)
    execute_jobs(jobs, workers=1)  # one kernel: the probe runs where the dirty notebook ran
    probe_job = next(j for j in jobs if j.label == "b_probe.ipynb")
    warm = nbformat.read(probe_job.output, as_version=4)
    assert cells(warm) == cells(run_fresh(probe_job))
    assert warm.cells[2].outputs[0]["text"].startswith("False book False None default")
    assert "first warning" in json.dumps(warm.cells[3].outputs)  # shown again, not swallowed


# --- the cache ---------------------------------------------------------------------------------

def test_each_notebook_records_the_files_and_modules_it_used(executed):
    record = json.loads((executed / "book" / "reports.ipynb").read_text())["metadata"]
    inputs = record["nsc_report"]["inputs"]
    assert "../data/2024/pcc_commitments.csv" in inputs["data"]
    assert "sections/reports.py" in inputs["modules"]
    assert "sections/spo.py" not in inputs["modules"]
    attrition = json.loads((executed / "book" / "attrition.ipynb").read_text())["metadata"]
    assert "../data/2024/pcc_commitments.csv" not in attrition["nsc_report"]["inputs"]["data"]


def test_nothing_changed_nothing_runs(executed):
    run, fresh, _ = plan(section_jobs(executed))
    assert run == [] and names(fresh) == SECTIONS


def test_editing_a_section_module_reruns_only_its_notebooks(executed, tmp_path, monkeypatch):
    package = tmp_path / "nsc_report"
    shutil.copytree(cache.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE_DIR", package)
    assert plan(section_jobs(executed))[0] == []
    spo = package / "sections" / "spo.py"
    spo.write_text(spo.read_text() + "\n# an edit\n")
    # (the force finder and its annex print the SPO bands' labels, from spo.band_labels)
    assert names(plan(section_jobs(executed))[0]) == [
        "annex-forces.ipynb", "find-your-force.ipynb", "spo.ipynb"]
    shared = package / "measures" / "response.py"
    shared.write_text(shared.read_text() + "\n# an edit\n")
    # (the Code of Practice page counts the forces that answered, too)
    assert names(plan(section_jobs(executed))[0]) == [
        "annex-forces.ipynb", "code-of-practice.ipynb", "data-gaps.ipynb",
        "find-your-force.ipynb", "officers.ipynb", "other-offences.ipynb", "reports.ipynb",
        "spo.ipynb"]


def test_a_markdown_edit_rewords_the_notebook_without_running_it(executed):
    """A sentence added to a template's Markdown, and a new Markdown cell, reach the executed
    notebook without executing it, and give exactly what executing the template gives."""
    path = executed / "notebooks" / "spo.md"
    original = path.read_text(encoding="utf-8")
    try:
        edited = original.replace("# Stalking Protection Orders\n",
                                  "# Stalking Protection Orders\n\nA reworded opening.\n", 1)
        edited = edited.replace("## Applications remain rare",
                                "A new paragraph.\n\n+++\n\n## Applications remain rare", 1)
        assert edited.count("A reworded opening.") == 1 and "A new paragraph." in edited
        path.write_text(edited, encoding="utf-8")
        run, fresh, reworded = plan(section_jobs(executed))
        assert run == [] and names(reworded) == ["spo.ipynb"]
        results = execute_jobs(section_jobs(executed))
        assert {r.name: r.status for r in results}["spo.ipynb"] == "reworded"
        job = next(j for j in section_jobs(executed) if j.label == "spo.ipynb")
        reworded_nb = nbformat.read(job.output, as_version=4)
        assert "A reworded opening." in reworded_nb.cells[0].source
        ran = run_fresh(job)
        assert cells(reworded_nb) == cells(ran)
        assert ([(c.id, c.metadata) for c in reworded_nb.cells]
                == [(c.id, c.metadata) for c in ran.cells])
        run, _, reworded = plan(section_jobs(executed))
        assert run == reworded == []  # now up to date
        # A change to a code cell still runs it.
        path.write_text(edited.replace("spo.chart(ed)", "spo.chart(ed)  # edited"),
                        encoding="utf-8")
        assert names(plan(section_jobs(executed))[0]) == ["spo.ipynb"]
    finally:
        path.write_text(original, encoding="utf-8")
        execute_jobs(section_jobs(executed))


def test_editing_a_data_file_reruns_only_its_readers(executed):
    path = executed / "data" / EDITION / "pcc_commitments.csv"
    original = path.read_bytes()
    try:
        rewrite_csv(path, lambda rows: rows[::-1])
        # (The methodology reads the commitments too: it lists the public ones.)
        assert names(plan(section_jobs(executed))[0]) == [
            "annex-forces.ipynb", "find-your-force.ipynb", "methodology.ipynb", "reports.ipynb"]
    finally:
        path.write_bytes(original)
    assert plan(section_jobs(executed))[0] == []


def test_the_cache_hashes_a_notebooks_inputs_again_only_when_one_changed(executed,
                                                                          monkeypatch):
    """The preview asks after every save; unchanged notebooks are not read and hashed again."""
    calls = []
    real = cache.dependency_hash
    monkeypatch.setattr(cache, "dependency_hash", lambda *a, **k: calls.append(a) or real(*a, **k))
    plan(section_jobs(executed))  # whatever earlier tests left, now known
    calls.clear()
    assert plan(section_jobs(executed))[0] == [] and calls == []
    path = executed / "data" / EDITION / "pcc_commitments.csv"
    original = path.read_bytes()
    try:
        rewrite_csv(path, lambda rows: rows[::-1])
        # (The methodology reads the commitments too: it lists the public ones.)
        assert names(plan(section_jobs(executed))[0]) == [
            "annex-forces.ipynb", "find-your-force.ipynb", "methodology.ipynb", "reports.ipynb"]
        assert {job.label for job, *_ in calls} >= {"reports.ipynb"}
    finally:
        path.write_bytes(original)
    assert plan(section_jobs(executed))[0] == []


def test_a_file_a_notebook_starts_reading_is_picked_up(data_copy, tmp_path):
    notebooks, out = tmp_path / "notebooks", tmp_path / "book"
    notebooks.mkdir()
    extra = data_copy / EDITION / "extra.txt"
    extra.write_text("one")
    tpl = notebook_template(notebooks / "reader.ipynb", "print(len(edition))")
    edition = load_edition(data_copy, EDITION)
    execute(notebooks, out, edition)
    extra.write_text("two")
    assert plan(jobs_for(notebooks, out, edition))[0] == []  # not read: no reason to run
    notebook_template(
        tpl, "import os\nprint(open(os.path.join(data_dir, edition, 'extra.txt')).read())")
    assert [r.status for r in execute(notebooks, out, edition)] == ["executed"]
    record = json.loads((out / "reader.ipynb").read_text())["metadata"]["nsc_report"]
    assert "../data/2024/extra.txt" in record["inputs"]["data"]
    extra.write_text("three")
    assert names(plan(jobs_for(notebooks, out, edition))[0]) == ["reader.ipynb"]


def test_editing_a_words_file_reruns_exactly_the_notebooks_that_use_it(data_copy, tmp_path):
    """A section's words (notebooks/<section>.ftl) are read in the kernel from the templates'
    folder and recorded like a data file: an edit re-executes the notebooks that printed them
    (as the preview does after a save), and no other."""
    notebooks, out = tmp_path / "notebooks", tmp_path / "book"
    notebooks.mkdir()
    (notebooks / "alpha.ftl").write_text("hello = Hello from alpha\n")
    (notebooks / "beta.ftl").write_text("hello = Hello from beta\n")
    say = "from nsc_report.present import words\nprint(words.Words({!r}).text('hello'))"
    notebook_template(notebooks / "alpha.ipynb", say.format("alpha"))
    notebook_template(notebooks / "beta.ipynb", say.format("beta"))
    notebook_template(notebooks / "silent.ipynb", "print('no words')")
    edition = load_edition(data_copy, EDITION)
    execute(notebooks, out, edition)
    printed = nbformat.read(out / "alpha.ipynb", as_version=4).cells[2].outputs[0]["text"]
    assert printed == "Hello from alpha\n"  # from this folder, not the project's notebooks/
    record = json.loads((out / "alpha.ipynb").read_text())["metadata"]["nsc_report"]
    assert record["inputs"]["data"] == ["../notebooks/alpha.ftl"]
    (notebooks / "alpha.ftl").write_text("hello = Hello again from alpha\n")
    assert names(plan(jobs_for(notebooks, out, edition))[0]) == ["alpha.ipynb"]
    results = {r.name: r.status for r in execute(notebooks, out, edition)}
    assert results == {"alpha.ipynb": "executed", "beta.ipynb": "cached",
                       "silent.ipynb": "cached"}
    printed = nbformat.read(out / "alpha.ipynb", as_version=4).cells[2].outputs[0]["text"]
    assert printed == "Hello again from alpha\n"


def test_unchanged_inputs_are_not_executed_again(data_copy, tmp_path):
    notebooks, out = tmp_path / "notebooks", tmp_path / "book"
    notebooks.mkdir()
    notebook_template(notebooks / "ok.ipynb", "from nsc_report.notebook import open_edition\n"
             "ed = open_edition(data_dir, edition)\nprint(edition, len(ed.returns))")
    first = execute(notebooks, out, load_edition(data_copy, EDITION))
    second = execute(notebooks, out, load_edition(data_copy, EDITION))
    assert [r.status for r in first] == ["executed"]
    assert [r.status for r in second] == ["cached"]
    executed = nbformat.read(out / "ok.ipynb", as_version=4)
    assert executed.cells[2].outputs[0]["text"].startswith(f"{EDITION} ")
    assert "papermill" not in executed.metadata
    set_answer(data_copy, "Durham", "Q9", "ye_mar_2023", value=3)
    third = execute(notebooks, out, load_edition(data_copy, EDITION))
    assert [r.status for r in third] == ["executed"]


def test_normalise_drops_timings_and_paths(tmp_path):
    nb = new_notebook(metadata={"papermill": {"input_path": "/home/me/a.ipynb",
                                              "start_time": "2026-01-01T00:00:00"}})
    cell = new_code_cell("x = 1", metadata={"papermill": {"duration": 1.0},
                                            "execution": {"iopub.status.busy": "2026"}})
    nb.cells = [cell]
    tpl = notebook_template(tmp_path / "a.ipynb", "x = 1")
    job = Job(tpl, tmp_path / "book" / "a.ipynb", {"edition": "2024"}, "a.ipynb")
    out = json.dumps(clean_outputs(nb, job))
    assert "/home/me" not in out and "2026" not in out and "duration" not in out
    assert json.loads(out)["metadata"]["nsc_report"]["inputs"] == {"data": [], "modules": []}


def test_committed_executed_notebooks_are_portable():
    """No absolute paths, machine names or timestamps in what nbval and reviewers read."""
    import socket

    for path in sorted((ROOT / "book").rglob("*.ipynb")):
        text = path.read_text(encoding="utf-8")
        assert str(ROOT) not in text and "/home/" not in text and "/root/" not in text, path
        host = socket.gethostname()
        assert len(host) < 6 or host not in text, path
        assert not re.search(r"20\d\d-\d\d-\d\dT\d\d:\d\d", text), path
        nb = json.loads(text)
        depth = len(path.relative_to(ROOT / "book").parts) - 1
        assert nb["metadata"]["nsc_report"]["parameters"]["data_dir"] == "../" * depth + "../data"
        inputs = nb["metadata"]["nsc_report"]["inputs"]
        assert all(not Path(p).is_absolute() for p in inputs["data"] + inputs["modules"])
