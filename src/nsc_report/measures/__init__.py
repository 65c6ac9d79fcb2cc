"""Pure functions from a validated edition to the figures of each report section."""

from __future__ import annotations

import pandas as pd

from nsc_report.data import Edition

GIVES_FIGURE = {"answered", "partial"}


def answer_values(edition: Edition, question: str, period: str | None = None) -> pd.Series:
    """The figures forces gave for one question (and period), indexed by force code.

    A partial answer with a figure counts; statuses without a figure are left out.
    """
    r = edition.returns
    rows = r[(r["question_id"] == question) & r["status"].isin(GIVES_FIGURE) & r["value"].notna()]
    if period is not None:
        rows = rows[rows["period"] == period]
    elif rows["period"].nunique() > 1:
        raise ValueError(f"{question} is asked for several periods; name one")
    return rows.set_index("force_code")["value"].astype("int64")


def statuses(edition: Edition, question: str, period: str) -> pd.Series:
    r = edition.returns
    rows = r[(r["question_id"] == question) & (r["period"] == period)]
    return rows.set_index("force_code")["status"]


def force_names(edition: Edition) -> pd.Series:
    return edition.forces.set_index("force_code")["force_name"]
