"""`check`'s one-line summary agrees with its own list: each problem is counted by the kind it
was found as, not guessed from its words (a line marked BEFORE PUBLICATION that says
"illustrative" was counted as illustrative data: 3 and 9 for a list of 2 and 10), and only a
summary printed by another command (the build) sends the reader to `nsc-report check`."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from helpers import ROOT

from nsc_report.data.needs import LATER
from nsc_report.publishing.check import (
    ILLUSTRATIVE,
    MARKED,
    Problem,
    check,
    kind_words,
    summary,
)


def counted(line: str) -> dict[str, int]:
    why = line.split(": ", 1)[1]
    return {k.strip(): int(n) for k, n in re.findall(r"([^:;]+?) \((\d+)\)", why)}


def test_the_summary_counts_what_the_list_lists():
    problems = [Problem("e.yml", 3, "foi_returns.csv is illustrative (constructed data)",
                        kind=ILLUSTRATIVE),
                Problem("e.yml", 13, f"still marked {LATER}: illustrative: true  # "
                        f"{LATER}: false once the real answers are in", kind=MARKED[LATER])]
    line = summary(problems, "2025")
    assert counted(line) == {kind_words(ILLUSTRATIVE): 1, kind_words(MARKED[LATER]): 1}


def test_a_drafts_summary_agrees_with_its_list(data_copy: Path):
    """A complete 2025 edition (illustrative data) with facts marked for later, one of them
    on its `illustrative` line, as new-edition marked it for the tester."""
    shutil.copytree(ROOT / "tests" / "fixtures" / "editions" / "2025", data_copy / "2025")
    path = data_copy / "2025" / "edition.yml"
    path.write_text(path.read_text().replace(
        "illustrative: true", f"illustrative: true  # {LATER}: false once the real answers "
                              f"are in").replace(
        "forces_asked: 43", f"forces_asked: 43  # {LATER}: the forces asked"))
    problems = check(ROOT, data_copy, "2025")
    listed = {}
    for p in problems:
        listed[p.kind] = listed.get(p.kind, 0) + 1
    assert counted(summary(problems, "2025")) == {kind_words(k): n for k, n in listed.items()}
    marked = sum(1 for p in problems if f"still marked {LATER}" in p.what)
    assert listed[MARKED[LATER]] == marked == 2
    assert listed[ILLUSTRATIVE] == sum(1 for p in problems if " is illustrative" in p.what)


def test_only_another_command_points_to_check():
    problems = [Problem("e.yml", 3, "x", kind=ILLUSTRATIVE)]
    assert "Run `nsc-report check --edition 2025`" in summary(problems, "2025")
    assert "nsc-report check" not in summary(problems, "2025", elsewhere=False)
