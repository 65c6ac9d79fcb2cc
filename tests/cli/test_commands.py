"""The command line: every command documented, each option only where it is used, one error
path, and the whole-site build as a library call."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import DATA, EDITION, ROOT, small_data

from nsc_report import book
from nsc_report.cli.main import COMMANDS, main, parser
from nsc_report.cli.options import OPTIONS

README = (ROOT / "README.md").read_text("utf-8")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_in_the_readme_and_its_help(name: str, capsys):
    assert f"nsc-report {name}" in README, f"README.md does not show `nsc-report {name}`"
    with pytest.raises(SystemExit) as done:
        main([*name.split(), "--help"])
    assert done.value.code == 0
    shown = capsys.readouterr().out
    help_text, options, _ = COMMANDS[name]
    for option in options:
        flag = OPTIONS[option][0][0]
        assert flag in shown, f"{name} --help does not list {flag}"


def test_the_top_level_help_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = capsys.readouterr().out
    for name in {n.split()[0] for n in COMMANDS}:
        assert name in shown


@pytest.mark.parametrize("argv", [["validate", "--force"], ["check", "--workers", "2"],
                                  ["status", "--timeout", "9"], ["pdf", "--force"]])
def test_an_option_belongs_only_to_the_commands_that_use_it(argv):
    with pytest.raises(SystemExit) as done:
        parser().parse_args(argv)
    assert done.value.code == 2


def test_each_command_function_is_a_few_lines():
    source = (ROOT / "src" / "nsc_report" / "cli" / "main.py").read_text("utf-8")
    for name, body in re.findall(r"^def (cmd_\w+)\(.*?\n((?:    .*\n|\n)+)", source, re.M):
        lines = [x for x in body.splitlines() if x.strip()]
        assert len(lines) <= 12, f"{name} has {len(lines)} lines: move the work into the library"


def test_a_missing_project_is_an_error_not_a_traceback(tmp_path: Path, capsys):
    assert main(["validate", "--root", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "pyproject.toml" in err and "there is nothing there" in err
    assert "Traceback" not in err


@pytest.mark.build
def test_the_whole_site_builds_in_process(tmp_path: Path):
    """book.build_site, called as a library function: the site, its register and the line
    that says whether the edition can be published (an edition of nine forces: this is about
    the call, not the forces)."""
    from nsc_report.infra.progress import Progress

    data_copy = small_data(DATA, tmp_path / "data")
    lines: list[str] = []

    class Collect(Progress):
        def message(self, text: str) -> None:
            lines.append(text)

    project = book.Project(ROOT, data_copy, EDITION, out=tmp_path / "out",
                           progress=Collect(quiet=False, live=False))
    assert book.build_site(project) == 0
    html = tmp_path / "out" / "html" / "book"
    assert (html / "index.html").is_file() and (html / "figures.html").is_file()
    assert any("is not publishable" in line for line in lines)
    assert (ROOT / "book").resolve() != project.layout.notebooks.resolve()
    assert data_copy != DATA
