"""Section: reports of stalking and the PCC commitment (Q1)."""

from __future__ import annotations

from .. import fmt
from ..charts import AccessibleChart, lollipop_change
from ..data import Edition
from ..measures.reports import change_table, commitment_summary
from ..measures.response import responding_forces
from . import foi_source, force_links, period


def figures(ed: Edition) -> dict[str, str]:
    s = commitment_summary(ed)
    table = change_table(ed)
    share_pccs = 100 * s.pccs_committed / s.forces
    half = "more than half" if share_pccs > 50 else ("half" if share_pccs == 50 else
                                                     "fewer than half")
    committed = table[table["committed"]]
    return {
        "reports_pccs_committed": fmt.count(s.pccs_committed),
        "reports_forces": fmt.count(s.forces),
        "reports_pccs_share": fmt.pct(share_pccs),
        "reports_pccs_share_words": half,
        "reports_commitment_year": str(ed.meta.pcc_commitment_year),
        "reports_responding": fmt.count(len(responding_forces(ed))),
        "reports_responding_committed": fmt.count(s.responding_committed),
        "reports_comparable": fmt.count(s.comparable),
        "reports_not_comparable": fmt.count(s.responding_committed - s.comparable),
        "reports_decreased": fmt.count(s.decreased),
        "reports_increased": fmt.count(s.increased),
        "reports_share_decreased": fmt.pct(s.share_decreased),
        "reports_forces_both_years": fmt.count(len(table)),
        "reports_forces_up_all": fmt.count(int((table["change"] > 0).sum())),
        "reports_committed_median_change": fmt.pct(committed["pct_change"].median(), 1),
        "reports_period_previous": period(ed, "previous"),
        "reports_period_current": period(ed),
    }


def chart(ed: Edition) -> AccessibleChart:
    s = commitment_summary(ed)
    table = change_table(ed).assign(
        group=lambda d: d["committed"].map({True: "PCC committed", False: "No commitment"}))
    low, high = table.iloc[0], table.iloc[-1]
    data = table.reset_index()[["force", "group", "previous", "current", "pct_change"]]
    readable = data.rename(columns={
        "force": "Force", "group": "PCC commitment",
        "previous": ed.period_label(ed.meta.previous_period, short=True),
        "current": ed.period_label(ed.meta.current_period, short=True),
        "pct_change": "Change (%)"}).assign(**{"Change (%)": lambda d: d["Change (%)"].round(1)})
    return AccessibleChart(
        name="reports-change",
        chart=lollipop_change(data).properties(height={"step": 18}),
        title=(f"{s.decreased} of {s.comparable} forces whose PCC pledged more reports "
               f"recorded fewer"),
        caption=(f"Percentage change in police-recorded stalking offences from the "
                 f"{period(ed, 'previous')} to the {period(ed)}, for the {len(table)} forces "
                 f"that gave both years' figures; triangles mark forces whose Police and Crime "
                 f"Commissioner made the {ed.meta.pcc_commitment_year} commitment. "
                 f"{foi_source(ed)}"),
        alt_text=(f"Dot chart of the change in recorded stalking per force. Of the "
                  f"{s.comparable} responding forces whose PCC committed to increasing reports "
                  f"and gave both years' figures, {s.decreased} recorded a decrease and "
                  f"{s.increased} an increase. Changes ranged from "
                  f"{low['pct_change']:+.1f}% ({low['force']}) to "
                  f"{high['pct_change']:+.1f}% ({high['force']})."),
        table=readable,
        links=force_links(ed),
    )
