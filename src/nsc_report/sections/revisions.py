"""Section: the record of revisions and corrections (revisions.yml)."""

from __future__ import annotations

import pandas as pd

from nsc_report.data import Edition
from nsc_report.present.figures import Register
from nsc_report.present.tables import Table

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("revisions",)


def current_version(ed: Edition) -> str:
    """'1.0, dated 22 April 2024', for a sentence."""
    return f"{ed.version.version}, dated {ed.version.date:%-d %B %Y}"


def figures(ed: Edition) -> Register:
    r = Register(ed, files=("revisions",))
    corrections = [c for v in ed.versions for c in v.changes if c.kind == "correction"]
    revisions = [c for v in ed.versions for c in v.changes if c.kind == "revision"]
    r.text("rev_version", current_version(ed), "the current version of the edition and its date")
    r.count("rev_versions", len(ed.versions), "versions of the edition published")
    r.count("rev_corrections", len(corrections), "corrections made since publication")
    r.count("rev_revisions", len(revisions), "revisions made since publication")
    r.text("rev_summary", (
        "Nothing has been corrected or revised since this edition was published."
        if len(ed.versions) == 1 else
        f"Since it was published, this edition has been corrected {len(corrections)} "
        f"time{'s' if len(corrections) != 1 else ''} and revised {len(revisions)} "
        f"time{'s' if len(revisions) != 1 else ''}; each change is listed below with the "
        f"figures it touched."), "what has changed since publication")
    return r


def table(ed: Edition) -> Table:
    rows = []
    for v in ed.versions:
        changes = "; ".join(
            f"{c.kind.capitalize()}: {c.what} Why: {c.why}"
            + (f" Figures: {', '.join(c.figures)}." if c.figures else "") for c in v.changes)
        rows.append({"Release": f"Version {v.version}", "Date": f"{v.date:%-d %B %Y}",
                     "What it is": v.summary, "Changes": changes or "None"})
    return Table("revisions", f"Every version of {ed.meta.title} ({ed.meta.edition})",
                 pd.DataFrame(rows))
