"""Section: Stalking Protection Orders (Q9-Q13)."""

from __future__ import annotations

from .. import fmt
from ..charts import AccessibleChart, bars_with_thresholds
from ..data import Edition
from ..measures.response import responding_forces
from ..measures.spo import BANDS, band_counts, spo_summary, spo_table
from . import foi_source, force_links, period


def figures(ed: Edition) -> dict[str, str]:
    s = spo_summary(ed)
    bands = band_counts(ed)
    table = spo_table(ed)
    top = table.iloc[0]
    zero = int((table["total"] == 0).sum())
    return {
        "spo_forces_with_figures": fmt.count(s.forces_with_figures),
        "spo_forces_without_figures": fmt.count(
            len(responding_forces(ed)) - s.forces_with_figures),
        "spo_band_low": fmt.count(bands.iloc[0]),
        "spo_band_mid": fmt.count(bands.iloc[1]),
        "spo_band_high": fmt.count(bands.iloc[2]),
        "spo_band_low_label": BANDS[0][0],
        "spo_band_mid_label": BANDS[1][0],
        "spo_band_high_label": BANDS[2][0],
        "spo_band_low_share": fmt.share(bands.iloc[0], s.forces_with_figures),
        "spo_total": fmt.count(s.total),
        "spo_interim": fmt.count(s.interim),
        "spo_full": fmt.count(s.full),
        "spo_median": fmt.count(s.median_per_force),
        "spo_median_per_1000": f"{s.median_per_1000:.1f}",
        "spo_top_force": str(top["force"]),
        "spo_top_total": fmt.count(int(top["total"])),
        "spo_zero_forces": fmt.count(zero),
        "spo_zero_text": ("Every force made at least one." if zero == 0 else
                          "One force made none at all." if zero == 1 else
                          f"{zero} forces made none at all."),
        "spo_not_authorised": fmt.count(s.not_authorised),
        "spo_not_authorised_forces": fmt.count(s.not_authorised_forces),
        "spo_refused": fmt.count(s.refused_at_court),
        "spo_refused_forces": fmt.count(s.refused_at_court_forces),
        "spo_positive": fmt.count(s.positive_requirements),
        "spo_positive_forces": fmt.count(s.positive_requirements_forces),
        "spo_period": period(ed),
    }


def chart(ed: Edition) -> AccessibleChart:
    s = spo_summary(ed)
    bands = band_counts(ed)
    table = spo_table(ed).reset_index()
    edges = [int(high) for _, _, high in BANDS[:-1]]
    readable = table[["force", "interim", "full", "total", "band", "per_1000_recorded"]].rename(
        columns={"force": "Force", "interim": "Interim applications",
                 "full": "Full applications", "total": "Total", "band": "Band",
                 "per_1000_recorded": "Per 1,000 recorded stalking offences"})
    return AccessibleChart(
        name="spo-applications",
        chart=bars_with_thresholds(table[["force", "total", "band"]], edges).properties(
            height={"step": 18}),
        title=(f"{bands.iloc[0]} of {s.forces_with_figures} forces applied for "
               f"{BANDS[0][0]} SPOs in a year"),
        caption=(f"Cases in which each force applied for an interim or full Stalking "
                 f"Protection Order, {period(ed)}, for the {s.forces_with_figures} forces that "
                 f"gave both figures; dashed lines mark {edges[0]} and {edges[1]} applications. "
                 f"{foi_source(ed)}"),
        alt_text=(f"Bar chart of SPO applications per force. {bands.iloc[0]} forces applied for "
                  f"{BANDS[0][0]}, {bands.iloc[1]} for {BANDS[1][0]} and {bands.iloc[2]} for "
                  f"{BANDS[2][0]}. {table.iloc[0]['force']} made the most applications "
                  f"({int(table.iloc[0]['total'])}); the median force made "
                  f"{s.median_per_force:.0f}."),
        table=readable,
        links=force_links(ed),
    )
