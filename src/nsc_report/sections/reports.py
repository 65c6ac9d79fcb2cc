"""Section: reports of stalking and the PCC commitment (Q1)."""

from __future__ import annotations

import datetime as dt

from IPython.display import Markdown

from nsc_report.data import COMMISSIONER_KINDS, Edition, provenance
from nsc_report.measures.reports import change_table, commitment_summary
from nsc_report.measures.response import responding_forces
from nsc_report.present import fmt
from nsc_report.present.charts import AccessibleChart, lollipop_change
from nsc_report.present.figures import Register
from nsc_report.sections import counting_rules, foi_source, force_links, period

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("reports",)


def figures(ed: Edition) -> Register:
    s = commitment_summary(ed)
    table = change_table(ed)
    year = ed.meta.pcc_commitment_year
    commissioners = commissioner_forces(ed, dt.date(year, 6, 30))
    pledged = list(ed.commitments.loc[ed.commitments["committed"], "force_code"])
    stray = sorted(set(pledged) - set(commissioners))
    if stray:
        raise ValueError(f"pcc_commitments.csv: {', '.join(stray)} had no Police and Crime "
                         f"Commissioner (or mayor with a Commissioner's powers) in {year} "
                         f"(reference/oversight.csv), so none could make the commitment")
    share_pccs = 100 * s.pccs_committed / len(commissioners)
    half = "more than half" if share_pccs > 50 else ("half" if share_pccs == 50 else
                                                     "fewer than half")
    committed = table[table["committed"]]
    responding = responding_forces(ed)
    responding_pledged = [c for c in responding if c in set(pledged)]
    comparable = committed[committed.index.isin(responding_pledged)]
    years = (ed.meta.previous_period, ed.meta.current_period)
    r = Register(ed, questions=("Q1",), periods=years, files=("commitments",),
                 sources=(f"pcc_pledge_{ed.meta.pcc_commitment_year}",))
    r.count("reports_commissioners", len(commissioners), f"Police and Crime Commissioners in "
            f"{year}, with the mayors and the Mayor's Office that hold a Commissioner's powers "
            f"(one per force, except the City of London, which has a police authority)",
            questions=(), periods=(), files=("forces", "../reference/oversight.csv"),
            sources=(), forces=commissioners)
    r.count("reports_pccs_committed", s.pccs_committed, f"forces whose Police and Crime "
            f"Commissioner made the {year} commitment to increase reports of stalking",
            forces=pledged, questions=(), periods=())
    r.count("reports_forces", s.forces, "territorial police forces of England and Wales",
            questions=(), periods=(), files=("forces",), sources=(),
            forces=list(ed.forces["force_code"]))
    r.share("reports_pccs_share", s.pccs_committed, len(commissioners), f"share of the "
            f"Commissioners (and mayors with their powers) who made the {year} commitment",
            questions=(), periods=(), forces=pledged)
    r.text("reports_pccs_share_words", half, f"the share of PCCs who made the {year} "
           f"commitment, in words", questions=(), periods=())
    r.text("reports_commitment_year", str(year), "the year of the PCCs' commitment",
           questions=(), periods=(), files=("meta",))
    r.count("reports_responding", len(responding), "forces that gave at least one figure in "
            "answer to the request", forces=responding, questions=tuple(ed.questions["id"]),
            periods=(), files=(), sources=())
    r.count("reports_responding_committed", s.responding_committed, "forces that gave at "
            "least one figure and whose PCC made the commitment", forces=responding_pledged)
    r.count("reports_comparable", s.comparable, "forces whose PCC made the commitment that "
            "gave recorded stalking (Q1) for both years", forces=list(comparable.index))
    r.count("reports_not_comparable", s.responding_committed - s.comparable,
            "responding forces whose PCC made the commitment but that did not give Q1 for both "
            "years", forces=[c for c in responding_pledged if c not in set(comparable.index)])
    down = comparable[comparable["direction"] == "decrease"]
    up = comparable[comparable["direction"] == "increase"]
    r.count("reports_decreased", s.decreased, "forces whose PCC made the commitment that "
            "recorded fewer stalking offences (Q1) in the later year", forces=list(down.index))
    r.count("reports_increased", s.increased, "forces whose PCC made the commitment that "
            "recorded more stalking offences (Q1) in the later year", forces=list(up.index))
    r.share("reports_share_decreased", s.decreased, s.comparable, "share of the forces whose "
            "PCC made the commitment and that gave both years' Q1 that recorded fewer offences",
            forces=list(down.index), empty="none")
    r.count("reports_forces_both_years", len(table), "forces that gave recorded stalking (Q1) "
            "for both years", forces=list(table.index), files=(), sources=())
    rose = table[table["change"] > 0]
    r.count("reports_forces_up_all", len(rose), "forces, whatever their PCC did, that recorded "
            "more stalking offences (Q1) in the later year", forces=list(rose.index), files=(),
            sources=())
    changes = committed["pct_change"].dropna()
    median = float(changes.median()) if len(changes) else None
    r.value("reports_committed_median_change", fmt.pct(median, 1) if median is not None else
            "not known, since no percentage change can be worked out for any of them",
            median, "median percentage change in recorded stalking "
            "(Q1) over the forces whose PCC made the commitment and that gave both years",
            forces=list(committed.index))
    r.text("reports_period_previous", period(ed, "previous"), "the earlier year of Q1",
           questions=(), periods=(), files=("meta",), sources=())
    r.text("reports_period_current", period(ed), "the later year of Q1", questions=(),
           periods=(), files=("meta",), sources=())
    r.text("reports_counting_rules_text", counting_rules.period_text(ed, years), "the "
           "counting-rule changes within the years of Q1, and after them up to publication",
           questions=(), files=("meta", counting_rules.FILE), sources=())
    return r


def commissioner_forces(ed: Edition, on: dt.date) -> list[str]:
    """The forces overseen on a date by a Commissioner or a mayor with a Commissioner's
    powers (every force but one with a police authority)."""
    return [code for code in ed.forces["force_code"]
            if ed.overseer(code, on)["kind"] in COMMISSIONER_KINDS]


def chart(ed: Edition) -> AccessibleChart | Markdown:
    s = commitment_summary(ed)
    table = change_table(ed).assign(
        group=lambda d: d["committed"].map({True: "PCC committed", False: "No commitment"}))
    changes = table.dropna(subset=["pct_change"])
    if changes.empty:
        return Markdown(
            f"No force gave recorded stalking for both the {period(ed, 'previous')} and the "
            f"{period(ed)}, so there is no change to chart." if table.empty else
            f"Every force that gave recorded stalking for both years recorded none in the "
            f"{period(ed, 'previous')}, so no percentage change can be worked out, and there "
            f"is no chart.")
    low, high = changes.iloc[0], changes.iloc[-1]
    data = table.reset_index()[["force", "group", "previous", "current", "pct_change"]]
    readable = data.rename(columns={
        "force": "Force", "group": "PCC commitment",
        "previous": ed.period_label(ed.meta.previous_period, short=True),
        "current": ed.period_label(ed.meta.current_period, short=True),
        "pct_change": "Change (%)"}).assign(**{"Change (%)": lambda d: d["Change (%)"].round(1)})
    return AccessibleChart(
        status=provenance.returns(ed).status,
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
