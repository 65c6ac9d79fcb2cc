"""The briefing's national picture marks each figure with its own status (issue 33): the
release's published 27 of 43 is not marked constructed, as a mark after the whole line made it."""

from __future__ import annotations

from pathlib import Path

from helpers import DATA, executed_notebook

from nsc_report.data import load_edition
from nsc_report.printing.briefing import national_figures
from nsc_report.sections import registry

ED = load_edition(DATA, "2024")


def test_each_national_figure_carries_its_own_mark(tmp_path: Path) -> None:
    sections = registry()
    for name in ("attrition", "data-gaps", "reports", "spo", "officers", "other-offences"):
        reg = sections[name].figures(ED)
        executed_notebook(tmp_path / f"{name}.ipynb", reg.values, reg.record())
    lines = national_figures(ED, tmp_path)
    responded = next(line for line in lines if "police forces gave any figures" in line)
    # 27 and 43 are the release's (published): no mark on either.
    assert responded.startswith("27 of 43 police forces"), responded
    assert "‡" not in responded
    # A line of published figures ends without the constructed data's mark.
    assert not any(line.endswith("‡") for line in lines), lines
