"""Section: stalking charged as another offence (Q2-Q5) and the CPS answer."""

from __future__ import annotations

import pandas as pd

from .. import fmt
from ..charts import AccessibleChart, bar_counts
from ..data import Edition
from ..measures.other_offences import (
    alternative_totals,
    breakdown_levels,
    level_counts,
    outcome_15b,
)
from . import foi_source, period


def figures(ed: Edition) -> dict[str, str]:
    levels = level_counts(ed)
    alts = alternative_totals(ed).set_index("question")
    o15 = outcome_15b(ed)
    values = {
        "oo_responding": fmt.count(int(levels.sum())),
        "oo_detailed": fmt.count(levels["detailed breakdown"]),
        "oo_partial": fmt.count(levels["partial data"]),
        "oo_none": fmt.count(levels["no data"]),
        "oo_15b_forces": fmt.count(o15.forces),
        "oo_15b_offences": fmt.count(o15.offences_15b),
        "oo_15b_share": fmt.pct(o15.share_15b, 1),
        "oo_cps_answer": ed.cps.answer,
        "oo_cps_collated": "no" if ed.cps.status == "not_collated" else "yes",
        "oo_period": period(ed),
    }
    for q, key in (("Q2", "harassment"), ("Q3", "malcomms"), ("Q4", "s2a")):
        values[f"oo_{key}"] = fmt.count(int(alts.at[q, "offences"]))
        values[f"oo_{key}_forces"] = fmt.count(int(alts.at[q, "forces"]))
    return values


def chart(ed: Edition) -> AccessibleChart:
    levels = level_counts(ed)
    total = int(levels.sum())
    data = pd.DataFrame({"answer": ["Detailed breakdown", "Partial data", "No data"],
                         "forces": levels.to_list()})
    table = breakdown_levels(ed).reset_index().drop(columns="force_code")
    readable = table.rename(columns={"force": "Force", "level": "Answer"})
    return AccessibleChart(
        name="other-offence-data",
        chart=bar_counts(data, "answer", "forces", "Data on stalking charged as another crime",
                         "Number of forces", sort=list(data["answer"])).properties(height=150),
        title=(f"Only {levels['detailed breakdown']} of {total} forces could say how often "
               f"stalking was charged as another crime"),
        caption=(f"Responding forces by how fully they answered Q2 to Q4 (stalking offences "
                 f"charged as harassment, malicious communications, or s2A instead of s4A "
                 f"stalking), {period(ed)}. {foi_source(ed)}"),
        alt_text=(f"Bar chart. Of {total} responding forces, {levels['detailed breakdown']} gave "
                  f"a detailed breakdown, {levels['partial data']} gave partial data and "
                  f"{levels['no data']} gave no data."),
        table=readable,
    )
