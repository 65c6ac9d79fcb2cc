"""Section: specialist officers and single points of contact (Q6-Q8)."""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from nsc_report.data import Edition, provenance
from nsc_report.measures import answer_values
from nsc_report.measures.officers import category_counts, dedicated_officers, spoc_summary
from nsc_report.present.charts import AccessibleChart, bar_counts
from nsc_report.present.figures import Register
from nsc_report.sections import foi_source, force_links

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("officers",)


def figures(ed: Edition) -> Register:
    counts = category_counts(ed)
    table = dedicated_officers(ed)
    spoc = spoc_summary(ed)
    r = Register(ed, questions=("Q6",), periods=("at_request",))
    r.count("officers_responding", len(table), "forces that gave at least one figure to the "
            "request (those asked about dedicated officers, Q6)", forces=list(table.index))
    for key, category in (("at_least_one", "at least one"), ("none", "none"),
                          ("unstated", "did not say")):
        these = list(table.index[table["category"] == category])
        r.count(f"officers_{key}", counts[category], f"responding forces whose answer on "
                f"officers wholly dedicated to stalking (Q6) was: {category}", forces=these)
    r.count("officers_dedicated_total", int(table["dedicated_officers"].sum()),
            "officers wholly dedicated to stalking (Q6), summed over the forces that said")
    for prefix, q, what in (("spoc", "Q7", "stalking single points of contact"),
                            ("spo_spoc", "Q8", "single points of contact for SPOs")):
        values = answer_values(ed, q, "at_request")
        summary = (spoc.spoc_forces, spoc.spoc_total, spoc.spoc_zero) if q == "Q7" else (
            spoc.spo_spoc_forces, spoc.spo_spoc_total, spoc.spo_spoc_zero)
        r.count(f"officers_{prefix}_forces", summary[0], f"forces that gave the number of "
                f"{what} ({q})", forces=list(values.index), questions=(q,))
        r.count(f"officers_{prefix}_total", summary[1], f"{what} ({q}), summed over the forces "
                f"that gave a figure", questions=(q,))
        r.count(f"officers_{prefix}_zero", summary[2], f"forces that said they had no {what} "
                f"({q})", forces=list(values.index[values == 0]), questions=(q,))
    return r


def chart(ed: Edition) -> AccessibleChart | Markdown:
    counts = category_counts(ed)
    total = int(counts.sum())
    if total == 0:
        return Markdown("No force gave any figure in answer to our request, so none said "
                        "whether it had a dedicated stalking officer, and there is no chart.")
    data = pd.DataFrame({"answer": ["At least one", "None", "Did not say"],
                         "forces": counts.to_list()})
    table = dedicated_officers(ed).reset_index()
    readable = table[["force", "dedicated_officers", "category"]].rename(columns={
        "force": "Force", "dedicated_officers": "Dedicated stalking officers",
        "category": "Answer"})
    return AccessibleChart(
        status=provenance.returns(ed).status,
        name="dedicated-officers",
        chart=bar_counts(data, "answer", "forces", "Dedicated stalking officer",
                         "Number of forces", sort=list(data["answer"])).properties(height=150),
        title=f"Only {counts['at least one']} of {total} forces said they had a dedicated "
              f"stalking officer",
        caption=(f"Responding forces by their answer on officers whose time is wholly reserved "
                 f"for stalking, {ed.period_label('at_request')}. {foi_source(ed)}"),
        alt_text=(f"Bar chart. Of {total} responding forces, {counts['at least one']} said "
                  f"they had at least one dedicated stalking officer, {counts['none']} said "
                  f"they had none and {counts['did not say']} did not say."),
        table=readable,
        links=force_links(ed),
    )
