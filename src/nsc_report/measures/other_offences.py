"""Q2-Q5: stalking charged as another offence, outcome 15B, and the CPS answer."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from nsc_report.data import Edition
from nsc_report.measures import GIVES_FIGURE, answer_values, force_names
from nsc_report.measures.response import responding_forces

BREAKDOWN = ["Q2", "Q3", "Q4"]
# The offence each question asks about, by its code (its words are in notebooks/labels.ftl,
# label-offence), and how much of them a force could say (label-breakdown-level).
ALTERNATIVES = {"Q2": "harassment", "Q3": "malcomms", "Q4": "s2a"}
LEVELS = ["detailed", "partial", "none"]


def breakdown_levels(edition: Edition) -> pd.DataFrame:
    """Each responding force's answer to Q2-Q4, classed as detailed, partial or none.

    Detailed: all three answered in full. None: no figure for any of them. Partial: the rest.
    """
    forces = responding_forces(edition)
    r = edition.returns
    rows = r[r["question_id"].isin(BREAKDOWN) & r["force_code"].isin(forces)]
    status = rows.pivot(index="force_code", columns="question_id", values="status")
    value = rows.pivot(index="force_code", columns="question_id", values="value")
    full = (status == "answered").all(axis=1)
    some = (status.isin(GIVES_FIGURE) & value.notna()).any(axis=1)
    level = pd.Series("partial", index=status.index)
    level[full] = "detailed"
    level[~some] = "none"
    table = value.reindex(forces).astype("Int64").rename(columns=ALTERNATIVES)
    table.insert(0, "force", force_names(edition).reindex(forces))
    table["level"] = level.reindex(forces)
    return table.rename_axis("force_code")


def level_counts(edition: Edition) -> pd.Series:
    counts = breakdown_levels(edition)["level"].value_counts()
    return pd.Series({lvl: int(counts.get(lvl, 0)) for lvl in LEVELS}, name="forces")


def alternative_totals(edition: Edition) -> pd.DataFrame:
    """Offences charged as each alternative, summed over the forces that gave a figure."""
    period = edition.meta.current_period
    rows = []
    for q, code in ALTERNATIVES.items():
        values = answer_values(edition, q, period)
        rows.append({"alternative": code, "question": q, "offences": int(values.sum()),
                     "forces": int(values.size)})
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class OutcomeSummary:
    forces: int
    offences_15b: int
    recorded_in_those_forces: int

    @property
    def share_15b(self) -> float | None:
        """None where those forces recorded no offences (or no force gave both figures)."""
        recorded = self.recorded_in_those_forces
        return 100 * self.offences_15b / recorded if recorded else None


def outcome_15b(edition: Edition) -> OutcomeSummary:
    period = edition.meta.current_period
    q5 = answer_values(edition, "Q5", period)
    recorded = answer_values(edition, "Q1", period).reindex(q5.index).dropna()
    q5 = q5.reindex(recorded.index)
    return OutcomeSummary(int(q5.size), int(q5.sum()), int(recorded.sum()))
