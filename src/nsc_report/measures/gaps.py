"""The transparency scorecard: what each force could and could not say."""

from __future__ import annotations

import pandas as pd

from nsc_report.data import STATUSES, Edition
from nsc_report.measures import force_names

# When a question spans several periods, the least complete answer stands for it.
STATUS_ORDER = list(STATUSES)


def scorecard(edition: Edition) -> pd.DataFrame:
    """Long table: one row per force x question with the status that stands for it."""
    r = edition.returns.copy()
    r["rank"] = r["status"].map(STATUS_ORDER.index)
    worst = r.sort_values("rank").groupby(["force_code", "question_id"], as_index=False).last()
    # A question asked about two periods and answered for one of them was answered in part:
    # its cell must not hide the figure that was given behind the other period's status.
    gave = r[r["status"].isin(["answered", "partial"])].groupby(
        ["force_code", "question_id"]).size()
    mixed = r.groupby(["force_code", "question_id"])["status"].nunique() > 1
    in_part = set(mixed[mixed].index) & set(gave.index)
    keys = list(zip(worst["force_code"], worst["question_id"], strict=True))
    worst.loc[[k in in_part for k in keys], "status"] = "partial"
    worst["force"] = worst["force_code"].map(force_names(edition))
    qorder = list(edition.questions["id"])
    worst["q_order"] = worst["question_id"].map(qorder.index)
    return worst.sort_values(["force", "q_order"])[
        ["force_code", "force", "question_id", "status"]].reset_index(drop=True)


def force_scores(edition: Edition) -> pd.DataFrame:
    """Per force: questions answered in full, in part, and the share answered in full."""
    card = scorecard(edition)
    n_questions = card["question_id"].nunique()
    table = card.pivot_table(index=["force_code", "force"], columns="status",
                             values="question_id", aggfunc="count", fill_value=0)
    table = table.reindex(columns=STATUS_ORDER, fill_value=0)
    # Unrounded: forces are sorted, compared with half and their median taken on the shares;
    # only what is printed is rounded (scores_table, fmt.pct).
    table["pct_answered"] = 100 * table["answered"] / n_questions
    return table.reset_index().sort_values(["pct_answered", "force"], ascending=[False, True])


def question_coverage(edition: Edition) -> pd.DataFrame:
    """Per question: forces answering in full, in part, or not at all."""
    card = scorecard(edition)
    counts = card.pivot_table(index="question_id", columns="status", values="force_code",
                              aggfunc="count", fill_value=0).reindex(columns=STATUS_ORDER,
                                                                     fill_value=0)
    q = edition.questions.set_index("id")
    counts = counts.reindex(q.index)
    counts.insert(0, "question", q["wording"])
    counts["no_figure"] = counts[[s for s in STATUS_ORDER if s not in ("answered", "partial")]].sum(
        axis=1)
    return counts.rename_axis("question_id").reset_index()


def least_answered(edition: Edition, n: int = 3) -> pd.DataFrame:
    cov = question_coverage(edition)
    return cov.sort_values(["answered", "question_id"]).head(n)
