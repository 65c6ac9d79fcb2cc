"""Q1: recorded stalking per force, and the PCCs' commitment to increase reports."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from nsc_report.data import Edition
from nsc_report.measures import answer_values, force_names
from nsc_report.measures.response import responding_forces


def change_table(edition: Edition) -> pd.DataFrame:
    """Forces that gave both years' figures: previous, current, change, % change, commitment."""
    prev = answer_values(edition, "Q1", edition.meta.previous_period).rename("previous")
    curr = answer_values(edition, "Q1", edition.meta.current_period).rename("current")
    table = pd.concat([prev, curr], axis=1, join="inner")
    table["change"] = table["current"] - table["previous"]
    # A change from none recorded is no percentage (not infinity): the counts say it.
    table["pct_change"] = 100 * table["change"] / table["previous"].where(table["previous"] > 0)
    table["direction"] = table["change"].map(
        lambda c: "increase" if c > 0 else ("decrease" if c < 0 else "no change"))
    committed = edition.commitments.set_index("force_code")["committed"]
    table["committed"] = committed.reindex(table.index).fillna(False).astype(bool)
    table.insert(0, "force", force_names(edition).reindex(table.index))
    return table.sort_values(["pct_change", "force"]).rename_axis("force_code")


@dataclass(frozen=True)
class CommitmentSummary:
    pccs_committed: int          # all forces whose PCC made the commitment
    forces: int                  # forces in England and Wales (reference list)
    responding_committed: int    # of those, forces that answered the request
    comparable: int              # ... and gave both years' Q1 figures
    decreased: int
    increased: int
    unchanged: int

    @property
    def pledge(self) -> str:
        """What the pledged forces' counts say, as the words' selector: 'no-forces' (none gave
        both years), 'none-fewer', 'all-fewer', 'most-fewer' (more than half) or 'some-fewer'.
        A sentence written for one ("Yet 67% ... and only 5 recorded more") says the opposite
        of the counts for another ("Yet 0% ...")."""
        if not self.comparable:
            return "no-forces"
        if not self.decreased:
            return "none-fewer"
        if self.decreased == self.comparable:
            return "all-fewer"
        return "most-fewer" if 2 * self.decreased > self.comparable else "some-fewer"

    @property
    def share_decreased(self) -> float | None:
        """Percentage of comparable committed forces that recorded fewer offences (None where
        there are none to compare)."""
        return 100 * self.decreased / self.comparable if self.comparable else None


def commitment_summary(edition: Edition) -> CommitmentSummary:
    committed = set(edition.commitments.loc[edition.commitments["committed"], "force_code"])
    responding = set(responding_forces(edition)) & committed
    table = change_table(edition)
    comparable = table[table.index.isin(responding)]
    counts = comparable["direction"].value_counts()
    return CommitmentSummary(
        pccs_committed=len(committed),
        forces=len(edition.forces),
        responding_committed=len(responding),
        comparable=len(comparable),
        decreased=int(counts.get("decrease", 0)),
        increased=int(counts.get("increase", 0)),
        unchanged=int(counts.get("no change", 0)),
    )
