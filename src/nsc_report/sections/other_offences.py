"""Section: stalking charged as another offence (Q2-Q5) and the CPS answer."""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from nsc_report.data import Edition, provenance
from nsc_report.measures import answer_values
from nsc_report.measures.other_offences import (
    ALTERNATIVES,
    alternative_totals,
    breakdown_levels,
    level_counts,
    outcome_15b,
)
from nsc_report.present.charts import AccessibleChart, bar_counts
from nsc_report.present.figures import Register
from nsc_report.sections import foi_source, period

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("other-offences",)


def figures(ed: Edition) -> Register:
    levels = level_counts(ed)
    table = breakdown_levels(ed)
    alts = alternative_totals(ed).set_index("question")
    o15 = outcome_15b(ed)
    r = Register(ed, questions=("Q2", "Q3", "Q4"), periods=(ed.meta.current_period,))
    r.count("oo_responding", int(levels.sum()), "forces that gave at least one figure to the "
            "request (those whose breakdown of Q2 to Q4 is classed)", forces=list(table.index))
    for key, level in (("detailed", "detailed breakdown"), ("partial", "partial data"),
                       ("none", "no data")):
        these = list(table.index[table["level"] == level])
        r.count(f"oo_{key}", levels[level], f"responding forces whose answers to Q2, Q3 and Q4 "
                f"gave {level} (detailed: all three in full; no data: no figure for any)",
                forces=these)
    q5 = answer_values(ed, "Q5", ed.meta.current_period)
    counted = list(answer_values(ed, "Q1", ed.meta.current_period).reindex(q5.index).dropna().index)
    r.count("oo_15b_forces", o15.forces, "forces that gave both outcome 15B (Q5) and recorded "
            "stalking (Q1)", forces=counted, questions=("Q5", "Q1"))
    r.count("oo_15b_offences", o15.offences_15b, "stalking offences closed with outcome 15B "
            "(Q5), summed over those forces", questions=("Q5", "Q1"))
    r.share("oo_15b_share", o15.offences_15b, o15.recorded_in_those_forces, "offences closed "
            "with outcome 15B (Q5) as a share of the stalking offences the same forces recorded "
            "(Q1)", places=1, questions=("Q5", "Q1"),
            empty="none" if o15.forces == 0 else "no share, since those forces recorded no "
            "stalking offences")
    cps = ed.cps
    answer = (f"{cps.answer.rstrip('.')}, stating that it \u201c{cps.quote}\u201d." if cps.quote
              else cps.answer)
    r.text("oo_cps_answer", answer, "the Crown Prosecution Service's answer, in its words as "
           "the source reports them",
           questions=(), files=("cps",), sources=(ed.cps.source,))
    r.text("oo_cps_collated", "no" if ed.cps.status == "not_collated" else "yes",
           "whether the CPS collates the figure", questions=(), files=("cps",),
           sources=(ed.cps.source,))
    r.text("oo_period", period(ed), "the period Q2 to Q5 asked about", questions=(),
           files=("meta",))
    for q, key in (("Q2", "harassment"), ("Q3", "malcomms"), ("Q4", "s2a")):
        gave = answer_values(ed, q, ed.meta.current_period)
        r.count(f"oo_{key}", int(alts.at[q, "offences"]), f"offences charged as "
                f"{ALTERNATIVES[q]} ({q}), summed over the forces that gave a figure",
                questions=(q,))
        r.count(f"oo_{key}_forces", int(alts.at[q, "forces"]), f"forces that gave a figure for "
                f"{q}", forces=list(gave.index), questions=(q,))
    return r


def chart(ed: Edition) -> AccessibleChart | Markdown:
    levels = level_counts(ed)
    total = int(levels.sum())
    if total == 0:
        return Markdown("No force gave any figure in answer to our request, so no force can be "
                        "classed by how fully it answered Q2 to Q4, and there is no chart.")
    data = pd.DataFrame({"answer": ["Detailed breakdown", "Partial data", "No data"],
                         "forces": levels.to_list()})
    table = breakdown_levels(ed).reset_index().drop(columns="force_code")
    readable = table.rename(columns={"force": "Force", "level": "Answer"})
    return AccessibleChart(
        status=provenance.returns(ed).status,
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
