"""Section: Stalking Protection Orders (Q9-Q13)."""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from nsc_report.data import Edition, provenance
from nsc_report.measures.response import responding_forces
from nsc_report.measures.spo import BANDS, band_counts, spo_summary, spo_table
from nsc_report.present import fmt
from nsc_report.present.charts import AccessibleChart, bars_with_thresholds
from nsc_report.present.figures import Register
from nsc_report.sections import foi_source, force_links, period, published

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("spo",)


def figures(ed: Edition) -> Register:
    s = spo_summary(ed)
    bands = band_counts(ed)
    table = spo_table(ed)
    zero = table[table["total"] == 0]
    apps = ("Q9", "Q10")
    r = Register(ed, questions=apps, periods=(ed.meta.current_period,))
    with_figures = list(table.index)
    r.count("spo_forces_with_figures", s.forces_with_figures,
            "forces that gave both their interim (Q9) and full (Q10) SPO application figures",
            forces=with_figures)
    r.count("spo_forces_without_figures", len(responding_forces(ed)) - s.forces_with_figures,
            "forces that gave some figure to the request but not both SPO application figures",
            forces=[c for c in responding_forces(ed) if c not in set(with_figures)])
    for i, (key, (label, _, _)) in enumerate(zip(("low", "mid", "high"), BANDS, strict=True)):
        in_band = list(table.index[table["band"] == label])
        r.count(f"spo_band_{key}", bands.iloc[i],
                f"forces whose interim plus full SPO applications in the {period(ed)} were "
                f"{label}", forces=in_band)
        r.text(f"spo_band_{key}_label", label, f"the label of SPO band {i + 1}: interim plus "
               f"full applications in a year", questions=())
    r.share("spo_band_low_share", bands.iloc[0], s.forces_with_figures,
            f"share of the forces that gave both SPO application figures that applied for "
            f"{BANDS[0][0]} in the {period(ed)}", forces=list(table.index[table["band"]
                                                                          == BANDS[0][0]]),
            empty="none")
    r.count("spo_total", s.total, "interim plus full SPO applications, summed over the forces "
            "that gave both figures")
    r.count("spo_interim", s.interim, "interim SPO applications (Q9), summed over the forces "
            "that gave both figures")
    r.count("spo_full", s.full, "full SPO applications (Q10), summed over the forces that gave "
            "both figures")
    # Where no force gave the figures, the median force's number is not known: said in words.
    unknown = "an unknown number"
    r.value("spo_median", unknown if s.median_per_force is None else
            fmt.count(s.median_per_force), s.median_per_force,
            "median of interim plus full SPO applications per force, over the forces that gave "
            "both figures", forces=with_figures)
    r.value("spo_median_per_1000", unknown if s.median_per_1000 is None else
            f"{s.median_per_1000:.1f}", s.median_per_1000,
            "median per force of SPO applications per 1,000 stalking offences it recorded (Q1), "
            "over the forces that gave both", questions=("Q1", *apps),
            forces=list(table.index[table["per_1000_recorded"].notna()]))
    _top_figures(r, ed, table)
    r.count("spo_zero_forces", len(zero), "forces that gave both SPO application figures and "
            "made no application", forces=list(zero.index))
    r.text("spo_zero_text", "Nor can we say whether any force made none." if table.empty else
           "Every force made at least one." if len(zero) == 0 else
           "One force made none at all." if len(zero) == 1 else
           f"{len(zero)} forces made none at all.",
           "how many of the forces that gave both SPO application figures made none",
           forces=list(zero.index))
    for key, col, q, what in (("not_authorised", "not_authorised", "Q11",
                               "applications stopped inside the force before court"),
                              ("refused", "refused_at_court", "Q12",
                               "applications refused by a court"),
                              ("positive", "positive_requirements", "Q13",
                               "orders granted with positive requirements")):
        gave = table[col].dropna()
        r.count(f"spo_{key}", int(gave.sum()), f"{what} ({q}), summed over the forces that "
                f"gave a figure and both application figures", questions=(q, *apps))
        r.count(f"spo_{key}_forces", len(gave), f"forces that gave a figure for {what} ({q}) "
                f"and both application figures", forces=list(gave.index), questions=(q, *apps))
    r.text("spo_period", period(ed), "the period the SPO questions asked about", questions=())
    published.add_national_figures(r, ed, "spo")
    return r


def _top_figures(r: Register, ed: Edition, table: pd.DataFrame) -> None:
    """The force that made the most applications, or words saying that none can be named."""
    what = "the force with the most interim plus full SPO applications"
    total = "interim plus full SPO applications of the force that made the most"
    which = ("which force made the most applications, and how many (unnamed where the answers "
             "are illustrative)")
    if table.empty:
        r.value("spo_top_force", "no force", None, f"{what}: no force gave both figures",
                forces=[])
        r.value("spo_top_total", "none", None, f"{total}: no force gave both figures")
        r.text("spo_top_sentence", "No force gave both figures, so we cannot say which made "
               "the most.", which, forces=[])
        return
    top = table.iloc[0]
    r.value("spo_top_force", str(top["force"]), str(top["force"]), what, forces=[top.name])
    r.count("spo_top_total", int(top["total"]), total)
    most = fmt.count(int(top["total"]))
    r.text("spo_top_sentence", f"{top['force']} made the most, with {most}."
           if provenance.may_name_forces(ed) else
           f"The force that made the most made {most}.", which, forces=[top.name])


def chart(ed: Edition) -> AccessibleChart | Markdown:
    s = spo_summary(ed)
    bands = band_counts(ed)
    table = spo_table(ed).reset_index()
    if table.empty:
        return Markdown(f"No force gave both its interim and its full application figures for "
                        f"the {period(ed)}, so there is no chart of applications.")
    edges = [int(high) for _, _, high in BANDS[:-1]]
    readable = table[["force", "interim", "full", "total", "band", "per_1000_recorded"]].rename(
        columns={"force": "Force", "interim": "Interim applications",
                 "full": "Full applications", "total": "Total", "band": "Band",
                 "per_1000_recorded": "Per 1,000 recorded stalking offences"})
    return AccessibleChart(
        status=provenance.returns(ed).status,
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
