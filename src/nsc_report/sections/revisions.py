"""Section: the record of revisions and corrections (revisions.yml).

The words are in `notebooks/revisions.ftl`, beside the template."""

from __future__ import annotations

import pandas as pd

from nsc_report.data import Edition
from nsc_report.present import labels, words
from nsc_report.present.figures import Register
from nsc_report.present.tables import Table

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("revisions",)


def current_version(ed: Edition) -> str:
    """'1.0, dated 22 April 2024', for a sentence."""
    return words.of(ed, "revisions").text("revisions-version", version=ed.version.version,
                                          date=labels.date(ed, ed.version.date), draft=ed.draft)


def figures(ed: Edition) -> Register:
    w = words.of(ed, "revisions")
    r = Register(ed, files=("revisions",))
    corrections = [c for v in ed.versions for c in v.changes if c.kind == "correction"]
    revisions = [c for v in ed.versions for c in v.changes if c.kind == "revision"]
    r.text("rev_version", current_version(ed), w.text("revisions-def-version"))
    r.count("rev_versions", len(ed.versions), w.text("revisions-def-versions"))
    r.count("rev_corrections", len(corrections), w.text("revisions-def-corrections"))
    r.count("rev_revisions", len(revisions), w.text("revisions-def-revisions"))
    # Reissues are counted as versions, not as the changes each lists.
    r.text("rev_summary", w.text("revisions-summary", revised=len(ed.versions) != 1,
                                 reissues=len(ed.versions) - 1, corrections=len(corrections),
                                 revisions=len(revisions)),
           w.text("revisions-def-summary"))
    kept = kept_registers(ed)
    h = ed.meta.help
    address = h.short(h.source_url) if h and h.source_url else ""
    r.text("rev_kept", w.text("revisions-kept", earlier=len(kept), names=w.listing(kept),
                              published=bool(address), address=address)
           if kept else "", w.text("revisions-def-kept"))
    return r


def kept_registers(ed: Edition) -> list[str]:
    """The earlier versions whose register of figures is kept with the data
    (revisions/v<version>/figures.json): what the page may say is kept, and no more."""
    return [v.version for v in ed.versions[:-1]
            if (ed.directory / "revisions" / f"v{v.version}" / "figures.json").is_file()]


def table(ed: Edition) -> Table:
    w = words.of(ed, "revisions")
    rows = []
    for v in ed.versions:
        changes = "\n".join(  # one paragraph each (Table.paragraphs)
            # Counted, not listed: the figures' names ran to seven printed pages.
            w.text("revisions-change", kind=c.kind, what=c.what, why=c.why,
                   figures=words.count(len(c.figures)))
            for c in v.changes)
        col = {key: w.text("revisions-column", column=key)
               for key in ("release", "date", "summary", "changes")}
        rows.append({col["release"]: w.text("revisions-release", version=v.version),
                     col["date"]: labels.date(ed, v.date), col["summary"]: v.summary,
                     col["changes"]: changes or w.text("revisions-no-changes")})
    return Table("revisions", w.text("revisions-caption", title=ed.meta.title,
                                     edition=ed.meta.edition), pd.DataFrame(rows),
                 paragraphs=(w.text("revisions-column", column="changes"),))
