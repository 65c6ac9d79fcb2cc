"""Section: Stalking Protection Orders (Q9-Q13).

The words are in `notebooks/spo.ftl`, beside the template; this module computes the values
and picks the variants.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from nsc_report.data import Edition, provenance
from nsc_report.measures.response import responding_forces
from nsc_report.measures.spo import BANDS, PER_1000_PLACES, band_counts, spo_summary, spo_table
from nsc_report.present import fmt, labels, words
from nsc_report.present.chart_builders import bars_with_thresholds
from nsc_report.present.charts import AccessibleChart
from nsc_report.present.figures import Register
from nsc_report.sections import foi_source, force_links, period, published

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("spo",)


def band_labels(ed: Edition) -> dict[str, str]:
    """Each SPO band's code with its words ('low' -> '10 or fewer'), in band order."""
    return {code: labels.spo_band(ed, code, low, high) for code, low, high in BANDS}


def figures(ed: Edition) -> Register:
    w = words.of(ed, "spo")
    s = spo_summary(ed)
    bands = band_counts(ed)
    table = spo_table(ed)
    zero = table[table["total"] == 0]
    apps = ("Q9", "Q10")
    r = Register(ed, questions=apps, periods=(ed.meta.current_period,))
    with_figures = list(table.index)
    responding = responding_forces(ed)
    # The published counts the forces with SPO figures are worked out from: the forces asked
    # and those that answered (the release's 43 and 27), and its three bands.
    r.count("spo_asked", ed.meta.forces_asked, w.text("spo-def-asked"), questions=(),
            periods=(), files=("meta",), sources=(f"foi_{ed.meta.edition}",),
            stated="forces_asked")
    r.count("spo_responding", len(responding), w.text("spo-def-responding"), forces=responding,
            questions=tuple(ed.questions["id"]), periods=(), files=(), sources=(),
            stated="forces_responding")
    bands_of = tuple(f"spo_band_{key}" for key, _, _ in BANDS)
    # The release's three bands together (12 + 8 + 3): published where they are; that these
    # are the forces that gave both figures is the report's reading, said in words.
    r.count("spo_forces_with_figures", s.forces_with_figures,
            w.text("spo-def-forces-with-figures"), forces=with_figures, parts=bands_of)
    # The forces that answered, and those asked, less them (27 - 23, 43 - 23): published too.
    r.count("spo_forces_without_figures", len(responding) - s.forces_with_figures,
            w.text("spo-def-forces-without-figures"),
            forces=[c for c in responding if c not in set(with_figures)],
            parts=("spo_responding", "spo_forces_with_figures"))
    without = [c for c in ed.forces["force_code"] if c not in set(with_figures)]
    r.count("spo_forces_no_figure", ed.meta.forces_asked - s.forces_with_figures,
            w.text("spo-def-forces-no-figure"),
            # (the forces, where the edition's list of forces is of all those asked)
            forces=without if len(without) == ed.meta.forces_asked - s.forces_with_figures
            else None,
            parts=("spo_asked", "spo_forces_with_figures"))
    named = band_labels(ed)
    for i, (key, label) in enumerate(named.items()):
        in_band = list(table.index[table["band"] == key])
        r.count(f"spo_band_{key}", bands.iloc[i],
                w.text("spo-def-band", period=period(ed), label=label), forces=in_band,
                stated=f"spo_band_{key}", finding=w.text(
                    "spo-finding-band", forces=words.count(int(bands.iloc[i])), label=label,
                    period=period(ed)))
        r.text(f"spo_band_{key}_label", label, w.text("spo-def-band-label", band=i + 1),
               questions=())
    r.share("spo_band_low_share", bands.iloc[0], s.forces_with_figures,
            w.text("spo-def-band-low-share", label=named["low"], period=period(ed)),
            forces=list(table.index[table["band"] == "low"]), empty="none",
            parts=("spo_band_low", "spo_forces_with_figures"))  # published where both are
    r.count("spo_total", s.total, w.text("spo-def-total"))
    r.count("spo_interim", s.interim, w.text("spo-def-interim"))
    r.count("spo_full", s.full, w.text("spo-def-full"))
    # Where no force gave the figures, the median force's number is not known: said in words.
    unknown = w.text("spo-unknown")
    r.value("spo_median", unknown if s.median_per_force is None else
            fmt.count(s.median_per_force), s.median_per_force, w.text("spo-def-median"),
            forces=with_figures)
    rated = list(table.index[table["per_1000_recorded"].notna()])
    # The forces the median rate is over: those of the median count that recorded any offence
    # (a rate per 1,000 of none is no rate), said where the rate is printed and defined.
    r.count("spo_rate_forces", len(rated), w.text("spo-def-rate-forces"), forces=rated,
            questions=("Q1", *apps))
    r.value("spo_median_per_1000", unknown if s.median_per_1000 is None else
            f"{s.median_per_1000:.{PER_1000_PLACES}f}", s.median_per_1000,
            w.text("spo-def-median-per-1000", forces=r.marked("spo_rate_forces")),
            questions=("Q1", *apps), forces=rated)
    _top_figures(r, ed, table)
    r.count("spo_zero_forces", len(zero), w.text("spo-def-zero-forces"),
            forces=list(zero.index))
    r.text("spo_zero_text", w.text("spo-zero", gave=not table.empty, zero=len(zero)),
           w.text("spo-def-zero-text"), forces=list(zero.index))
    for key, col, q in (("not_authorised", "not_authorised", "Q11"),
                        ("refused", "refused_at_court", "Q12"),
                        ("positive", "positive_requirements", "Q13")):
        gave = table[col].dropna()
        outcome = {"outcome": key.replace("_", "-"), "question": q}
        r.count(f"spo_{key}", int(gave.sum()), w.text("spo-def-outcome", **outcome),
                questions=(q, *apps))
        r.count(f"spo_{key}_forces", len(gave), w.text("spo-def-outcome-forces", **outcome),
                forces=list(gave.index), questions=(q, *apps))
    r.in_chart("spo_band_low", "spo_forces_with_figures")  # the chart's title and caption
    # The map's legend on find-your-force: the bands, and the forces with no figure.
    r.in_chart("spo_band_low", "spo_band_mid", "spo_band_high", "spo_forces_no_figure",
               page="find-your-force")
    r.text("spo_period", period(ed), w.text("spo-def-period"), questions=())
    published.add_national_figures(r, ed, "spo")
    # Counts a chapter prints with a noun: glued with it, in its number (labels.ftl).
    for key, noun in (("spo_forces_with_figures", "forces"),
                      ("spo_band_low", "forces"),
                      ("spo_band_mid", "forces"),
                      ("spo_interim", "cases"),
                      ("spo_full", "cases"),
                      ("spo_total", "cases"),
                      ("spo_not_authorised_forces", "forces"),
                      ("spo_not_authorised", "applications"),
                      ("spo_refused_forces", "forces"),
                      ("spo_refused", "applications"),
                      ("spo_positive_forces", "forces"),
                      ("spo_positive", "orders")):
        r.counted(key, noun)
    return r


def _top_figures(r: Register, ed: Edition, table: pd.DataFrame) -> None:
    """The force that made the most applications, or words saying that none can be named."""
    w = words.of(ed, "spo")
    gave = not table.empty
    what = w.text("spo-def-top-force", gave=gave)
    total = w.text("spo-def-top-total", gave=gave)
    which = w.text("spo-def-top-sentence")
    if not gave:
        r.value("spo_top_force", w.text("spo-top-force-none"), None, what, forces=[])
        r.value("spo_top_total", w.text("spo-top-total-none"), None, total)
        r.text("spo_top_sentence", w.text("spo-top-sentence", gave=False), which, forces=[])
        return
    top = table.iloc[0]
    r.value("spo_top_force", str(top["force"]), str(top["force"]), what, forces=[top.name])
    r.count("spo_top_total", int(top["total"]), total)
    r.text("spo_top_sentence", w.text("spo-top-sentence", gave=True, force=str(top["force"]),
                                      named=provenance.may_name_forces(ed),
                                      most=int(top["total"])), which, forces=[top.name],
           parts=("spo_top_force", "spo_top_total"))


def chart(ed: Edition) -> AccessibleChart | Markdown:
    w = words.of(ed, "spo")
    s = spo_summary(ed)
    named = band_labels(ed)
    table = spo_table(ed).reset_index()
    table["band"] = table["band"].map(named)
    if table.empty:
        return Markdown(w.markdown("spo-chart-none", period=period(ed)))
    edges = [int(high) for _, _, high in BANDS[:-1]]
    # The rate rounded for print only (its median, in the prose, is of the unrounded rates),
    # beside the count it is of, so that a reader can recompute either.
    readable = table[["force", "interim", "full", "total", "band", "recorded_stalking",
                      "per_1000_recorded"]].assign(
        per_1000_recorded=lambda d: d["per_1000_recorded"].astype("Float64").round(
            PER_1000_PLACES)).rename(
        columns={"force": labels.column(ed, "force"),
                 **{kind: w.text("spo-chart-col", kind=kind)
                    for kind in ("interim", "full", "total", "band")},
                 "recorded_stalking": w.text("spo-chart-recorded", period=period(ed)),
                 "per_1000_recorded": w.text("spo-chart-per-1000")})
    top = table.iloc[0]
    figs = figures(ed)
    assert s.median_per_force is not None  # some force gave both figures
    status = provenance.returns(ed).status
    return AccessibleChart(
        status=status,
        name="spo-applications",
        # Each force's total is its answer: marked as the answers are.
        chart=bars_with_thresholds(table[["force", "total", "band"]], edges,
                                   w.text("spo-chart-axis"),
                                   mark=words.provenance_mark(status, "text")).properties(
            height={"step": 18}),
        # Each figure in the title with the mark it carries in the prose (the register's).
        title=w.text("spo-chart-title", low=figs.marked("spo_band_low"),
                     forces=figs.marked("spo_forces_with_figures"), label=named["low"]),
        caption=w.text("spo-chart-caption", period=period(ed),
                       forces=figs.marked("spo_forces_with_figures"),
                       first=edges[0], second=edges[1], source=foi_source(ed)),
        # The median printed as the register prints spo_median (a whole number).
        # Each figure with the mark it carries in the prose; the force that applied in the
        # most cases named only where the chapter's sentence names it (spo_top_sentence).
        alt_text=w.text("spo-chart-alt", low=figs.marked("spo_band_low"),
                        low_label=named["low"], mid=figs.marked("spo_band_mid"),
                        mid_label=named["mid"], high=figs.marked("spo_band_high"),
                        high_label=named["high"], top=str(top["force"]),
                        named=provenance.may_name_forces(ed),
                        most=figs.marked("spo_top_total"), median=figs.marked("spo_median")),
        table=readable,
        links=force_links(ed),
        places={w.text("spo-chart-per-1000"): PER_1000_PLACES},
    )
