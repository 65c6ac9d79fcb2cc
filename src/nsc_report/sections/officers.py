"""Section: specialist officers and single points of contact (Q6-Q8)."""

from __future__ import annotations

import pandas as pd

from .. import fmt
from ..charts import AccessibleChart, bar_counts
from ..data import Edition
from ..measures.officers import category_counts, dedicated_officers, spoc_summary
from . import foi_source, force_links


def figures(ed: Edition) -> dict[str, str]:
    counts = category_counts(ed)
    table = dedicated_officers(ed)
    spoc = spoc_summary(ed)
    return {
        "officers_responding": fmt.count(len(table)),
        "officers_at_least_one": fmt.count(counts["at least one"]),
        "officers_none": fmt.count(counts["none"]),
        "officers_unstated": fmt.count(counts["did not say"]),
        "officers_dedicated_total": fmt.count(int(table["dedicated_officers"].sum())),
        "officers_spoc_forces": fmt.count(spoc.spoc_forces),
        "officers_spoc_total": fmt.count(spoc.spoc_total),
        "officers_spoc_zero": fmt.count(spoc.spoc_zero),
        "officers_spo_spoc_forces": fmt.count(spoc.spo_spoc_forces),
        "officers_spo_spoc_total": fmt.count(spoc.spo_spoc_total),
        "officers_spo_spoc_zero": fmt.count(spoc.spo_spoc_zero),
    }


def chart(ed: Edition) -> AccessibleChart:
    counts = category_counts(ed)
    total = int(counts.sum())
    data = pd.DataFrame({"answer": ["At least one", "None", "Did not say"],
                         "forces": counts.to_list()})
    table = dedicated_officers(ed).reset_index()
    readable = table[["force", "dedicated_officers", "category"]].rename(columns={
        "force": "Force", "dedicated_officers": "Dedicated stalking officers",
        "category": "Answer"})
    return AccessibleChart(
        name="dedicated-officers",
        chart=bar_counts(data, "answer", "forces", "Dedicated stalking officer",
                         "Number of forces", sort=list(data["answer"])).properties(height=150),
        title=f"Only {counts['at least one']} of {total} forces said they had a dedicated "
              f"stalking officer",
        caption=(f"Responding forces by their answer on officers whose time is wholly reserved "
                 f"for stalking, at the time of the request (early 2024). {foi_source(ed)}"),
        alt_text=(f"Bar chart. Of {total} responding forces, {counts['at least one']} said "
                  f"they had at least one dedicated stalking officer, {counts['none']} said "
                  f"they had none and {counts['did not say']} did not say."),
        table=readable,
        links=force_links(ed),
    )
