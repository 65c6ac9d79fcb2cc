"""Q6-Q8: dedicated stalking officers and single points of contact."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from nsc_report.data import Edition
from nsc_report.measures import answer_values, force_names, statuses
from nsc_report.measures.response import responding_forces

CATEGORIES = ["at least one", "none", "did not say"]


def dedicated_officers(edition: Edition) -> pd.DataFrame:
    """Each responding force: its Q6 figure (if any) and whether it has a dedicated officer."""
    forces = responding_forces(edition)
    values = answer_values(edition, "Q6", "at_request").reindex(forces)
    status = statuses(edition, "Q6", "at_request").reindex(forces)
    category = values.map(lambda v: "did not say" if pd.isna(v)
                          else ("at least one" if v >= 1 else "none"))
    return pd.DataFrame({"force": force_names(edition).reindex(forces),
                         "dedicated_officers": values.astype("Int64"),
                         "status": status, "category": category}).rename_axis("force_code")


def category_counts(edition: Edition) -> pd.Series:
    counts = dedicated_officers(edition)["category"].value_counts()
    return pd.Series({c: int(counts.get(c, 0)) for c in CATEGORIES}, name="forces")


@dataclass(frozen=True)
class SpocSummary:
    spoc_forces: int        # forces that gave a stalking SPOC figure (Q7)
    spoc_total: int
    spoc_zero: int          # ... of which said they had none
    spo_spoc_forces: int    # forces that gave an SPO SPOC figure (Q8)
    spo_spoc_total: int
    spo_spoc_zero: int


def spoc_summary(edition: Edition) -> SpocSummary:
    q7 = answer_values(edition, "Q7", "at_request")
    q8 = answer_values(edition, "Q8", "at_request")
    return SpocSummary(len(q7), int(q7.sum()), int((q7 == 0).sum()),
                       len(q8), int(q8.sum()), int((q8 == 0).sum()))
