"""Q9-Q13: Stalking Protection Orders applied for, blocked, refused and granted."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from nsc_report.data import Edition
from nsc_report.measures import answer_values, force_names

# Bands of interim + full applications in a year, as the report groups forces: each band's
# code, first and last count (its words are in notebooks/labels.ftl, label-spo-band).
BANDS: list[tuple[str, int, float]] = [
    ("low", 0, 10),
    ("mid", 11, 30),
    ("high", 31, float("inf")),
]


def band_of(total: int) -> str:
    """The code of the band a total falls in ('low', 'mid' or 'high')."""
    for code, low, high in BANDS:
        if low <= total <= high:
            return code
    raise ValueError(f"no band for {total} applications")


def spo_table(edition: Edition) -> pd.DataFrame:
    """One row per force that gave both interim (Q9) and full (Q10) application figures."""
    period = edition.meta.current_period
    cols = {"Q9": "interim", "Q10": "full", "Q11": "not_authorised", "Q12": "refused_at_court",
            "Q13": "positive_requirements"}
    frame = pd.concat({name: answer_values(edition, q, period) for q, name in cols.items()}, axis=1)
    frame = frame.dropna(subset=["interim", "full"]).astype("Int64")
    frame["total"] = frame["interim"] + frame["full"]
    frame["band"] = frame["total"].map(band_of)
    recorded = answer_values(edition, "Q1", period).reindex(frame.index).astype("Int64")
    frame["recorded_stalking"] = recorded
    # A rate per recorded offence needs some recorded offences: none is no rate, not infinity.
    # Unrounded: a median or a ranking is of the rates, and only what is printed is rounded
    # (rounded first, a median of 3.946 printed 4.0, and 3.02 and 2.97 tied).
    frame["per_1000_recorded"] = 1000 * frame["total"] / recorded.where(recorded > 0)
    frame.insert(0, "force", force_names(edition).reindex(frame.index))
    return frame.sort_values(["total", "force"], ascending=[False, True]).rename_axis("force_code")


# A rate per 1,000 recorded offences is printed to two decimal places everywhere (its median
# too): to one, three pairs of the 2024 forces printed alike (2.9, 3.0, 5.9) and one force as the
# median, though each is ranked on its unrounded rate (fact-check 6).
PER_1000_PLACES = 2


def band_counts(edition: Edition) -> pd.Series:
    """Number of forces in each band (by code), in band order (empty bands count 0)."""
    counts = spo_table(edition)["band"].value_counts()
    return pd.Series({code: int(counts.get(code, 0)) for code, _, _ in BANDS}, name="forces")


@dataclass(frozen=True)
class SpoSummary:
    forces_with_figures: int
    total: int
    interim: int
    full: int
    median_per_force: float | None   # None where no force gave both figures
    median_per_1000: float | None    # ... or none of them a recorded count above zero
    not_authorised: int
    not_authorised_forces: int
    refused_at_court: int
    refused_at_court_forces: int
    positive_requirements: int
    positive_requirements_forces: int


def spo_summary(edition: Edition) -> SpoSummary:
    t = spo_table(edition)

    def answered(col: str) -> tuple[int, int]:
        col_values = t[col].dropna()
        return int(col_values.sum()), int(col_values.size)

    na, na_f = answered("not_authorised")
    rc, rc_f = answered("refused_at_court")
    pr, pr_f = answered("positive_requirements")
    return SpoSummary(
        forces_with_figures=len(t), total=int(t["total"].sum()),
        interim=int(t["interim"].sum()), full=int(t["full"].sum()),
        median_per_force=_median(t["total"]),
        median_per_1000=_median(t["per_1000_recorded"]),
        not_authorised=na, not_authorised_forces=na_f,
        refused_at_court=rc, refused_at_court_forces=rc_f,
        positive_requirements=pr, positive_requirements_forces=pr_f,
    )


def _median(values: pd.Series) -> float | None:
    """The median of the figures given, or None where there are none (never NaN or NA)."""
    given = values.dropna()
    return float(given.median()) if len(given) else None
