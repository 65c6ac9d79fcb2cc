"""Section: from report to conviction (national figures)."""

from __future__ import annotations

from .. import fmt
from ..charts import AccessibleChart, funnel
from ..data import Edition, Source
from ..measures.attrition import attrition_table, conviction_rate, recorded_trend


def figures(ed: Edition) -> dict[str, str]:
    c = conviction_rate(ed)
    trend = recorded_trend(ed).set_index("period")["value"]
    jailed = attrition_table(ed).set_index("measure")["count"]
    diff = round(c.rate, 1) - c.previous_rate
    values = {
        "att_recorded": fmt.count(c.recorded),
        "att_charged": fmt.count(c.charged),
        "att_convicted": fmt.count(c.convicted),
        "att_jailed": fmt.count(int(jailed["jailed"])) if "jailed" in jailed else "n/a",
        "att_rate": fmt.pct(c.rate, 1),
        "att_rate_exact": fmt.pct(c.rate, 2),
        "att_per_1000": fmt.count(round(10 * c.rate)),
        "att_charge_rate": fmt.pct(c.charge_rate, 1),
        "att_period": ed.period_label(c.period),
        "att_source": ed.source(c.source_id).citation,
        "att_caveat": c.caveat or "",
        "att_counts_caveat": _counts_caveat(ed.source(c.source_id)),
        "att_verified": "verified" if c.verified else "not verified",
        "att_prev_rate": fmt.pct(c.previous_rate, 1),
        "att_prev_charge_rate": fmt.pct(c.previous_charge_rate, 1),
        "att_prev_period": ed.period_label(c.previous_period),
        "att_prev_source": ed.source(c.previous_source_id).citation,
        "att_rate_diff": f"{abs(diff):.1f} percentage points",
        "att_rate_direction": "higher than" if diff > 0 else ("lower than" if diff < 0
                                                              else "the same as"),
        "att_not_convicted": fmt.count(c.recorded - c.convicted),
        "att_comparison_caveat": (
            "Because the source does not confirm which period this year's counts cover, "
            "the two rates should not be read as a trend." if not c.verified else
            "Both rates divide convictions by police-recorded stalking offences."),
    }
    for pid, value in trend.items():
        values[f"att_recorded_{pid}"] = fmt.count(value)
        values[f"att_label_{pid}"] = ed.period_label(pid)
    return values


def chart(ed: Edition) -> AccessibleChart:
    c = conviction_rate(ed)
    data = attrition_table(ed)
    data["label"] = [f"{n:,} ({p:.1f}%)" if i else f"{n:,}"
                     for i, (n, p) in enumerate(zip(data["count"], data["pct_of_recorded"],
                                                    strict=True))]
    readable = data[["stage", "count", "pct_of_recorded"]].rename(columns={
        "stage": "Stage", "count": "Cases", "pct_of_recorded": "Share of recorded (%)"})
    source = ed.source(c.source_id)
    caveat = f" {source.caveat}" if source.caveat else ""
    return AccessibleChart(
        name="attrition",
        chart=funnel(data).properties(height=170),
        title=f"Only {fmt.pct(c.rate, 1)} of recorded stalking cases ended in a conviction",
        caption=(f"Stalking cases recorded by police in England and Wales, and those charged, "
                 f"convicted and jailed; {ed.period_label(c.period)}. Source: "
                 f"{source.citation}.{caveat}"),
        alt_text=(f"Bar chart of attrition. Of {c.recorded:,} recorded stalking cases, "
                  f"{c.charged:,} were charged ({c.charge_rate:.1f}%) and {c.convicted:,} ended "
                  f"in a conviction ({c.rate:.1f}%)."),
        table=readable,
    )


def _counts_caveat(source: Source) -> str:
    """Where the recorded, charged and convicted counts come from, with the source's caveat:
    said wherever the counts are given."""
    where = f"These counts come from {source.citation[0].lower()}{source.citation[1:]}."
    return f"{where} {source.caveat}" if source.caveat else where
