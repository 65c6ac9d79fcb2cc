"""The changes to the Home Office Counting Rules that break a series of police recorded crime
(reference/counting_rules.csv): when each took effect, what changed, what it did to the counts
and the source that says so.

The table belongs to no edition, as the forces do: every chart, sentence, table and chapter
that names a change reads it here (through `Edition.counting_rules`), so that a change added
to the table reaches all of them and no date is typed into the words. A change not yet checked
against its source says so in its note, and `nsc-report check` lists it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandera.pandas as pa

from nsc_report.data.core import _Context
from nsc_report.data.issues import Issue
from nsc_report.data.models import DATE
from nsc_report.data.readers import _isin, _read_csv, _schema_issues, _text, _tidy

COLUMNS = ["from", "what", "since", "effect", "source", "url", "checked", "note"]
# What a change was expected to do to the counts: record more offences, or fewer.
EFFECTS = ("more", "fewer")


@dataclass(frozen=True)
class RuleChange:
    """One change to the counting rules."""

    day: dt.date        # the day it took effect
    what: str           # what changed, as a caption names it: "a course of conduct ... as stalking"
    since: str          # what is so since then, as a sentence goes on: "Since April 2020 <since>"
    effect: str         # "more" or "fewer" offences recorded
    source: str
    url: str
    checked: bool
    note: str

    @property
    def month(self) -> str:
        """'April 2020': how the words name the change."""
        return f"{self.day:%B %Y}"

    @property
    def label(self) -> str:
        """'April 2020: a course of conduct ... recorded as stalking', as a chart names it."""
        return f"{self.month}: {self.what}"


def _load_counting_rules(path: Path, ctx: _Context, issues: list[Issue]
                         ) -> tuple[RuleChange, ...] | None:
    """reference/counting_rules.csv: one row per change, in the order they took effect, each
    with its source; a change not checked against it says what was not, in its note."""
    label = ctx.label(path)
    table = _read_csv(path, COLUMNS, issues, label, ctx.data_dir)
    if table is None:
        return None
    before = len(issues)
    _tidy(table, ["from", "effect", "checked"], issues, label)
    _schema_issues(pa.DataFrameSchema({
        "from": _text("a date as YYYY-MM-DD", pa.Check.str_matches(
            DATE.pattern, error="a date as YYYY-MM-DD"), unique=True),
        "what": _text("what changed, as a chart's caption names it"),
        "since": _text("what is so since the change, as a sentence says it"),
        "effect": _text("more or fewer", _isin(EFFECTS, "more or fewer offences recorded")),
        "source": _text("the source that says when and what changed"),
        "url": _text("the source's web address", pa.Check.str_startswith(
            "https://", error="a web address beginning https://")),
        "checked": _text("yes or no", _isin(["yes", "no"], "yes or no")),
        "note": _text("", nullable=True),
    }), table, issues, label)
    days: dict[int, dt.date] = {}
    for row in table.index:
        text = table.at[row, "from"]
        try:
            days[int(row)] = dt.date.fromisoformat(text)
        except ValueError:
            if DATE.fullmatch(text):  # shaped as a date, but no such day (reported otherwise)
                issues.append(Issue(label, int(row), "from", text, "a date as YYYY-MM-DD"))
        if table.at[row, "checked"] == "no" and not table.at[row, "note"]:
            issues.append(Issue(label, int(row), "note", None,
                                "a note saying what could not be checked"))
    ordered = sorted(days.items())
    for (_, earlier), (row, later) in zip(ordered, ordered[1:], strict=False):
        if later <= earlier:
            issues.append(Issue(label, row, "from", later.isoformat(),
                                f"a date after the row before ({earlier}): the changes in the "
                                f"order they took effect"))
    if len(issues) > before:
        return None
    return tuple(RuleChange(days[int(row)], r["what"], r["since"], r["effect"], r["source"],
                            r["url"], r["checked"] == "yes", r["note"])
                 for row, r in table.iterrows())
