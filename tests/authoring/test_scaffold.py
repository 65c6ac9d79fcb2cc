"""`nsc-report new-section`: a new chapter that builds at once and whose test passes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, project_copy

from nsc_report.authoring.scaffold import ScaffoldError, add_to_toc, new_section


def project(tmp_path: Path) -> Path:
    """A copy of the project as a fresh clone has it. (Not of a smaller edition: the new
    section's test runs the project's own prose tests, which read the committed data.)"""
    return project_copy(tmp_path / "project")


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A command in the copy, with the copy's own package first (kernels inherit it)."""
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    return subprocess.run([sys.executable, *args], cwd=root, env=env, capture_output=True,
                          text=True, timeout=900)


def test_names_that_cannot_be_files_or_modules_are_refused(tmp_path):
    root = project(tmp_path)
    for name in ("Victims", "victim support", "../x", "9lives", "spo"):
        with pytest.raises(ScaffoldError):
            new_section(root, name, "A title")
    assert (root / "_toc.yml").read_text() == (ROOT / "_toc.yml").read_text()


def last_chapter(toc: Path, part: str) -> str:
    """The file of the last chapter of a part, as _toc.yml lists it (a chapter a user added
    with `new-section` is the last of Findings in their tree: read, not assumed)."""
    parts = yaml.safe_load(toc.read_text(encoding="utf-8"))["parts"]
    return next(p for p in parts if p["caption"] == part)["chapters"][-1]["file"]


def test_the_toc_entry_goes_to_the_end_of_its_part(tmp_path):
    toc = tmp_path / "_toc.yml"
    shutil.copy(ROOT / "_toc.yml", toc)
    last = last_chapter(toc, "Findings")
    add_to_toc(toc, "book/new-page", "Findings")
    lines = toc.read_text().splitlines()
    index = lines.index("      - file: book/new-page")
    assert lines[index - 1].strip() == f"- file: {last}"  # after the last of Findings
    assert last_chapter(toc, "Findings") == "book/new-page"
    assert "# Table of contents" in lines[0]  # comments kept


def test_a_new_section_leaves_the_projects_own_tests_passing(tmp_path):
    """The tester's case: after `new-section helpline-calls`, with no change of theirs, the
    example's count of the forces that answered carried another status ('illustrative') than
    the same count on the reports and find-your-force pages ('published': the release states
    it), and the table of contents' test assumed the last chapter of Findings."""
    root = project(tmp_path)
    new_section(root, "helpline-calls", "Calls to the helpline")
    tested = run(root, "-m", "pytest", "-p", "no:cacheprovider", "-o", "addopts=", "-q",
                 "tests/sections/test_one_status.py",
                 "tests/authoring/test_scaffold.py::test_the_toc_entry_goes_to_the_end_of_its_part")
    assert tested.returncode == 0, tested.stdout + tested.stderr


@pytest.mark.build
def test_a_new_section_builds_and_its_test_passes(tmp_path):
    root = project(tmp_path)
    made = run(root, "-m", "nsc_report.cli", "new-section", "victim-support",
               "--title", "Support for victims")
    assert made.returncode == 0, made.stderr
    for rel in ("notebooks/victim-support.md", "src/nsc_report/measures/victim_support.py",
                "src/nsc_report/sections/victim_support.py",
                "tests/test_section_victim_support.py"):
        assert (root / rel).is_file(), rel
    assert "- file: book/victim-support" in (root / "_toc.yml").read_text()
    lint = run(root, "-m", "ruff", "check", "src", "tests")
    assert lint.returncode == 0, lint.stdout
    built = run(root, "-m", "nsc_report.cli", "build", "--root", str(root))
    assert built.returncode == 0, built.stdout + built.stderr
    page = (root / "_build" / "html" / "book" / "victim-support.html").read_text()
    assert "Support for victims" in page and "nsc-chart-victim-support-by-region" in page
    assert (root / "book" / "victim-support.ipynb").is_file()
    tested = run(root, "-m", "pytest", "-p", "no:cacheprovider", "-o", "addopts=", "-q",
                 "tests/test_section_victim_support.py", "tests/test_prose.py",
                 "--nbval", "book/victim-support.ipynb")
    assert tested.returncode == 0, tested.stdout + tested.stderr


@pytest.mark.build
def test_a_narrative_chapter_builds(tmp_path):
    root = project(tmp_path)
    made = run(root, "-m", "nsc_report.cli", "new-section", "next-steps", "--title",
               "Next steps", "--narrative", "--part", "What must change")
    assert made.returncode == 0, made.stderr
    assert not (root / "notebooks" / "next-steps.md").exists()
    built = run(root, "-m", "nsc_report.cli", "build", "--root", str(root))
    assert built.returncode == 0, built.stdout + built.stderr
    assert "Next steps" in (root / "_build" / "html" / "book" / "next-steps.html").read_text()


def test_the_example_chart_follows_the_provenance_rule(tmp_path):
    """The tester's case: the example drew a chart of the (illustrative) answers without their
    status, so its downloads had no '-illustrative' name or status column; newcomers copy it."""
    root = project(tmp_path)
    new_section(root, "victim-support", "Support for victims")
    checked = run(root, "-c", "import sys; sys.path.insert(0, 'tests')\n"
                  "from helpers import DATA, EDITION\n"
                  "from nsc_report.data import load_edition, provenance\n"
                  "from nsc_report.sections import victim_support\n"
                  "ed = load_edition(DATA, EDITION)\n"
                  "chart = victim_support.chart(ed)\n"
                  "assert chart.status == provenance.returns(ed).status == 'illustrative'\n"
                  "print(chart.file_stem, chart.notice[:40])")
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith("victim-support-by-region-illustrative Illustrative")
    generated_test = (root / "tests" / "test_section_victim_support.py").read_text()
    assert "chart.status == provenance.returns(ed).status" in generated_test
    lint = run(root, "-m", "ruff", "check", "src/nsc_report/sections/victim_support.py",
               "tests/test_section_victim_support.py")
    assert lint.returncode == 0, lint.stdout


def test_a_new_section_gets_its_words_file_beside_its_template(tmp_path):
    """Issue 32: every sentence of a section is in notebooks/<name>.ftl, beside its template;
    the scaffold wrote its example's sentences into the Python module. Now the module asks the
    words file for each, the words tests accept the pair, and the generated test passes."""
    root = project(tmp_path)
    written = new_section(root, "victim-support", "Support for victims")
    words_file = root / "notebooks" / "victim-support.ftl"
    assert words_file in written and words_file.is_file()
    module = (root / "src" / "nsc_report" / "sections" / "victim_support.py").read_text()
    assert 'words.of(ed, "victim-support")' in module
    assert "had the most forces" not in module and "regions of England" not in module
    checked = run(root, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:nbval", "-o",
                  "addopts=", "-q", "tests/test_section_victim_support.py",
                  "tests/present/test_words_files.py::"
                  "test_every_message_asked_for_exists_and_every_message_is_used",
                  "tests/present/test_words_files.py::"
                  "test_every_words_file_belongs_to_code_that_uses_it",
                  "tests/test_words_out_of_code.py")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    shown = run(root, "-c", "import sys; sys.path.insert(0, 'tests')\n"
                "from helpers import DATA, EDITION\n"
                "from nsc_report.data import load_edition\n"
                "from nsc_report.sections import victim_support\n"
                "chart = victim_support.chart(load_edition(DATA, EDITION))\n"
                "print(chart.title); print(chart.alt_text)")
    assert shown.returncode == 0, shown.stderr
    assert "had the most forces that gave a figure (" in shown.stdout
    assert "in each of 10 regions;" in shown.stdout
    lint = run(root, "-m", "ruff", "check", "src/nsc_report/sections/victim_support.py",
               "tests/test_section_victim_support.py")
    assert lint.returncode == 0, lint.stdout
