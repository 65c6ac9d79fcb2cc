"""Section: stalking charged as another offence (Q2-Q5) and the CPS answer.

The words are in `notebooks/other-offences.ftl`, beside the template."""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from nsc_report.data import Edition, provenance
from nsc_report.measures import answer_values
from nsc_report.measures.other_offences import (
    ALTERNATIVES,
    OutcomeSummary,
    alternative_totals,
    breakdown_levels,
    level_counts,
    outcome_15b,
)
from nsc_report.present import fmt, labels, words
from nsc_report.present.chart_builders import bar_counts
from nsc_report.present.charts import AccessibleChart
from nsc_report.present.figures import Register
from nsc_report.present.tables import HtmlBlock, Table
from nsc_report.sections import foi_source, force_links, period

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("other-offences",)


def figures(ed: Edition) -> Register:
    levels = level_counts(ed)
    table = breakdown_levels(ed)
    alts = alternative_totals(ed).set_index("question")
    o15 = outcome_15b(ed)
    w = words.of(ed, "other-offences")
    r = Register(ed, questions=("Q2", "Q3", "Q4"), periods=(ed.meta.current_period,))
    r.count("oo_responding", int(levels.sum()), w.text("other-offences-def-responding"),
            forces=list(table.index), stated="forces_responding")
    for key in levels.index:
        these = list(table.index[table["level"] == key])
        r.count(f"oo_{key}", levels[key], w.text("other-offences-def-level", level=key,
                                                           data=provenance.returns(ed).status),
                forces=these, stated=None if key == "partial" else f"other_offences_{key}",
                # The rest of the responding forces: published where the three counts are.
                parts=("oo_responding", "oo_detailed", "oo_none") if key == "partial" else (),
                finding=w.text("other-offences-finding-detailed",
                               total=words.count(int(levels.sum())))
                if key == "detailed" else None)
    q5 = answer_values(ed, "Q5", ed.meta.current_period)
    counted = list(answer_values(ed, "Q1", ed.meta.current_period).reindex(q5.index).dropna().index)
    # Every force that gave the figure, and its total: the share needs Q1 as well, and a force
    # that refused Q1 still gave this figure (the third fact-check, finding 5).
    r.count("oo_15b_all_forces", int(q5.size), w.text("other-offences-def-15b-all-forces"),
            forces=list(q5.index), questions=("Q5",))
    r.count("oo_15b_all_offences", int(q5.sum()), w.text("other-offences-def-15b-all-offences"),
            questions=("Q5",))
    r.count("oo_15b_forces", o15.forces, w.text("other-offences-def-15b-forces"),
            forces=counted, questions=("Q5", "Q1"))
    r.count("oo_15b_offences", o15.offences_15b, w.text("other-offences-def-15b-offences"),
            questions=("Q5", "Q1"))
    r.share("oo_15b_share", o15.offences_15b, o15.recorded_in_those_forces,
            w.text("other-offences-def-15b-share"), places=1, questions=("Q5", "Q1"),
            empty=w.text("other-offences-15b-empty", forces=o15.forces))
    r.text("oo_15b_share_text",
           w.text("other-offences-15b-share-sentence", case=_share_case(int(q5.size), o15),
                  both=o15.forces,
                  offences=words.figure(o15.offences_15b, r["oo_15b_offences"]),
                  share=r["oo_15b_share"]),
           w.text("other-offences-def-15b-share-text"),
           forces=counted, questions=("Q5", "Q1"),
           parts=("oo_15b_forces", "oo_15b_offences", "oo_15b_share"))
    cps = ed.cps
    answer = w.text("other-offences-cps-answer", quoted=bool(cps.quote),
                    answer=cps.answer.rstrip(".") if cps.quote else cps.answer,
                    quote=cps.quote or "")
    r.text("oo_cps_answer", answer, w.text("other-offences-def-cps-answer"),
           questions=(), files=("cps",), sources=(ed.cps.source,))
    r.text("oo_cps_collated", "no" if ed.cps.status == "not_collated" else "yes",
           w.text("other-offences-def-cps-collated"), questions=(), files=("cps",),
           sources=(ed.cps.source,))
    r.text("oo_period", period(ed), w.text("other-offences-def-period"), questions=(),
           files=("meta",))
    for q, key in ALTERNATIVES.items():
        gave = answer_values(ed, q, ed.meta.current_period)
        r.count(f"oo_{key}", int(alts.at[q, "offences"]),
                w.text("other-offences-def-offences", offence=labels.offence(ed, key),
                       question=q),
                questions=(q,))
        r.count(f"oo_{key}_forces", int(alts.at[q, "forces"]),
                w.text("other-offences-def-forces", question=q), forces=list(gave.index),
                questions=(q,))
    # Counts a chapter prints with a noun: glued with it, in its number (labels.ftl).
    for key, noun in (("oo_responding", "forces"),
                      ("oo_harassment", "offences"),
                      ("oo_harassment_forces", "forces"),
                      ("oo_malcomms", "were"),
                      ("oo_malcomms_forces", "forces"),
                      ("oo_s2a", "offences"),
                      ("oo_s2a_forces", "forces"),
                      ("oo_15b_all_forces", "forces"),
                      ("oo_15b_all_offences", "offences")):
        r.counted(key, noun)
    # The chart's title (chart): the part breakdowns where there are any.
    r.in_chart("oo_detailed", "oo_responding", *(("oo_partial",) if levels["partial"] else ()))
    return r


def _share_case(gave: int, o15: OutcomeSummary) -> str:
    """Which of the outcome 15B share's sentences the data call for: the forces that gave the
    figure all gave their recorded offences too (all), some did (some), none did (none-gave);
    none-recorded where those that did recorded none; nothing where no force gave the figure."""
    if gave == 0:
        return "nothing"
    if o15.forces == 0:
        return "none-gave"
    if o15.share_15b is None:
        return "none-recorded"
    return "all" if o15.forces == gave else "some"


def chart(ed: Edition) -> AccessibleChart | Markdown:
    w = words.of(ed, "other-offences")
    levels = level_counts(ed)
    total = int(levels.sum())
    if total == 0:
        return Markdown(w.markdown("other-offences-chart-none"))
    data = pd.DataFrame({"answer": [labels.breakdown_level(ed, key, capital=True)
                                    for key in levels.index],
                         "forces": levels.to_list()})
    # The chart's data are the bars it draws (the counts of forces, each a figure of the
    # register); each force's answers, which the bars count, are in their own table below it
    # (forces_table), under the answers' status.
    readable = data.rename(columns={"answer": labels.column(ed, "answer"),
                                    "forces": labels.column(ed, "forces")})
    figs = figures(ed)
    bars = [f"oo_{key}" for key in levels.index]
    status = provenance.weakest(figs.status_of(key) for key in bars)
    said = ed.stated.get("other_offences_detailed")
    return AccessibleChart(
        # The weakest status of the figures it draws: the bars are counts the release states,
        # published though the answers they count are constructed (fact-check 8, B4).
        status=status,
        name="other-offence-data",
        # Each bar's count is a figure of the register, with its mark (the release states two).
        chart=bar_counts(data, "answer", "forces", w.text("other-offences-chart-bars"),
                         labels.column(ed, "forces"), sort=list(data["answer"]),
                         marks=[figs.mark_of(key) for key in bars]).properties(height=150),
        # Each figure in the title with the mark it carries in the prose (the register's).
        title=w.text("other-offences-chart-title", detailed=figs.marked("oo_detailed"),
                     total=figs.marked("oo_responding"), partial=figs.marked("oo_partial")),
        # Bars the release states are credited to it, with its meaning, not the answers'.
        caption=w.text("other-offences-chart-caption", period=period(ed), source=foi_source(ed),
                       stated="yes" if said is not None and status == "published" else "no",
                       citation=ed.source(said.source).citation if said is not None else ""),
        # Each count with the mark it carries in the prose (the register's).
        alt_text=w.text("other-offences-chart-alt", total=figs.marked("oo_responding"),
                        detailed=figs.marked("oo_detailed"), partial=figs.marked("oo_partial"),
                        none=figs.marked("oo_none")),
        table=readable,
    )


def forces_table(ed: Edition) -> HtmlBlock | Markdown:
    """Each responding force's answers to Q2 to Q4 and how fully it gave them (the chart counts
    them): every cell of the answers carries their mark. Shown on demand, under the chart, as a
    chart's data table is (and, like one, not printed on paper)."""
    table = breakdown_levels(ed).reset_index().drop(columns="force_code")
    if table.empty:
        return Markdown(words.of(ed, "other-offences").markdown("other-offences-forces-none"))
    table["level"] = table["level"].map(lambda key: labels.breakdown_level(ed, key))
    frame = table.rename(columns={"force": labels.column(ed, "force"),
                                  "level": labels.column(ed, "answer"), **{
        key: labels.offence(ed, key) for key in ALTERNATIVES.values()}})
    frame = frame.astype(object).where(frame.notna(), "")
    for column in (labels.offence(ed, key) for key in ALTERNATIVES.values()):
        frame[column] = [fmt.count(v) if v != "" else "" for v in frame[column]]
    w = words.of(ed, "other-offences")
    table = Table("other-offences-forces",
                  w.text("other-offences-forces-caption", period=period(ed)),
                  frame, links=force_links(ed), status=provenance.returns(ed).status,
                  marked=tuple(frame.columns[1:]))
    return HtmlBlock(f'<details class="nsc-chart-data"><summary>'
                     f'{w.html("other-offences-forces-show")}</summary>{table.html()}</details>',
                     table.text())
