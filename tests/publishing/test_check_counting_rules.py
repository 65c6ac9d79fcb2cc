"""`nsc-report check` lists a counting-rule change the book can print that was not checked
against its source, as it lists unchecked facts about who oversees a force."""

from __future__ import annotations

from pathlib import Path

from nsc_report.data import load_edition
from nsc_report.publishing.check import _counting_rules, summary


def test_an_unchecked_change_is_listed_by_line(data_copy: Path):
    path = data_copy / "reference" / "counting_rules.csv"
    header, first, *rest = path.read_text("utf-8").splitlines(keepends=True)
    assert ",yes," in first
    path.write_text(header + first.replace(",yes,", ",no,").rstrip("\n")
                    + "the day is from memory\n" + "".join(rest), "utf-8")
    ed = load_edition(data_copy, "2024", lazy=True)
    found = list(_counting_rules(ed, data_copy.parent))
    assert ("data/reference/counting_rules.csv:2: not checked against a source: the "
            f"counting-rule change of {ed.counting_rules[0].month} (the day is from memory)"
            in [str(p) for p in found])
    unchecked = [c for c in ed.counting_rules if not c.checked]
    assert len(found) == len(unchecked)
    assert f"unchecked facts ({len(unchecked)})" in summary(found, "2024")


def test_a_change_after_publication_is_not_listed(data_copy: Path):
    path = data_copy / "reference" / "counting_rules.csv"
    path.write_text(path.read_text("utf-8") + "2099-01-01,later,later holds,more,S,"
                    "https://example.org,no,not yet in force\n", "utf-8")
    ed = load_edition(data_copy, "2024", lazy=True)
    assert not [p for p in _counting_rules(ed, data_copy.parent) if "2099" in str(p)]
