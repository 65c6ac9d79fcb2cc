"""Section: reports of stalking and the PCC commitment (Q1).

The words are in `notebooks/reports.ftl`, beside the template; this module computes the
values and picks the variants.
"""

from __future__ import annotations

import datetime as dt

from IPython.display import Markdown

from nsc_report.data import COMMISSIONER_KINDS, Edition, provenance
from nsc_report.measures.reports import change_table, commitment_summary
from nsc_report.measures.response import responding_forces
from nsc_report.present import fmt, labels, words
from nsc_report.present.chart_builders import lollipop_change
from nsc_report.present.charts import AccessibleChart
from nsc_report.present.figures import Register
from nsc_report.sections import counting_rules, foi_source, force_links, period

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("reports",)


def figures(ed: Edition) -> Register:
    w = words.of(ed, "reports")
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
    half = "more" if share_pccs > 50 else ("half" if share_pccs == 50 else "fewer")
    committed = table[table["committed"]]
    responding = responding_forces(ed)
    responding_pledged = [c for c in responding if c in set(pledged)]
    comparable = committed[committed.index.isin(responding_pledged)]
    years = (ed.meta.previous_period, ed.meta.current_period)
    r = Register(ed, questions=("Q1",), periods=years, files=("commitments",),
                 sources=(f"pcc_pledge_{ed.meta.pcc_commitment_year}",))
    r.count("reports_commissioners", len(commissioners),
            w.text("reports-def-commissioners", year=str(year)), questions=(), periods=(),
            files=("forces", "../reference/oversight.csv"), sources=(), forces=commissioners)
    r.count("reports_pccs_committed", s.pccs_committed,
            w.text("reports-def-pccs-committed", year=str(year)), forces=pledged,
            questions=(), periods=())
    r.count("reports_forces", s.forces, w.text("reports-def-forces"), questions=(),
            periods=(), files=("forces",), sources=(), forces=list(ed.forces["force_code"]))
    r.share("reports_pccs_share", s.pccs_committed, len(commissioners),
            w.text("reports-def-pccs-share", year=str(year)), questions=(), periods=(),
            forces=pledged)
    r.text("reports_pccs_share_words", w.text("reports-half", half=half),
           w.text("reports-def-pccs-share-words", year=str(year)), questions=(), periods=(),
           stated="pccs_committed_words")
    r.text("reports_commitment_year", str(year), w.text("reports-def-commitment-year"),
           questions=(), periods=(), files=("meta",))
    r.count("reports_responding", len(responding), w.text("reports-def-responding"),
            forces=responding, questions=tuple(ed.questions["id"]), periods=(), files=(),
            sources=(), stated="forces_responding")
    r.count("reports_responding_committed", s.responding_committed,
            w.text("reports-def-responding-committed"), forces=responding_pledged)
    r.count("reports_comparable", s.comparable, w.text("reports-def-comparable"),
            forces=list(comparable.index))
    r.count("reports_not_comparable", s.responding_committed - s.comparable,
            w.text("reports-def-not-comparable"),
            forces=[c for c in responding_pledged if c not in set(comparable.index)])
    down = comparable[comparable["direction"] == "decrease"]
    up = comparable[comparable["direction"] == "increase"]
    r.count("reports_decreased", s.decreased, w.text("reports-def-decreased"),
            forces=list(down.index))
    r.count("reports_increased", s.increased, w.text("reports-def-increased"),
            forces=list(up.index), stated="committed_increased")
    # The share printed is the release's, in the release's scope, where the data give its
    # value: the register defines it so, records the release's value (not the constructed
    # counts, which would say it was computed from them) and gives the report's own count
    # beside it, each constructed figure with its mark (fact-checks 7 and 8).
    release = ed.stated.get("committed_share_decreased")
    ours = fmt.pct(s.share_decreased, 0) if s.share_decreased is not None else None
    data = provenance.returns(ed).status
    as_released = release is not None and release.text == ours
    over_all = (words.pct(100 * s.decreased / s.responding_committed, 1, status=data)
                if s.responding_committed else "")
    definition = w.text(
        "reports-def-share-decreased", scope="release" if as_released else "report",
        data=data, decreased=words.count(s.decreased, data),
        comparable=words.count(s.comparable, data),
        responding=words.count(s.responding_committed, data),
        all=over_all, gaps="yes" if s.responding_committed > s.comparable else "no")
    finding = w.text("reports-finding-share-decreased", year=str(year), period=period(ed),
                     previous=period(ed, "previous"))
    if as_released:
        assert release is not None
        r.value("reports_share_decreased", release.text, _percent(release.text), definition,
                forces=list(down.index), stated="committed_share_decreased", finding=finding)
    else:
        r.share("reports_share_decreased", s.decreased, s.comparable, definition,
                forces=list(down.index), empty="none", stated="committed_share_decreased",
                finding=finding)
    # The report's own share, of the forces that gave both years: printed beside its own
    # counts in the chapter, with their status (the release's figure is another quantity).
    r.share("reports_share_decreased_own", s.decreased, s.comparable,
            w.text("reports-def-share-decreased-own"), forces=list(down.index), empty="none")
    r.text("reports_share_scope", w.text(
        "reports-share-scope", stated="yes" if as_released else "no",
        share=r["reports_share_decreased"]), w.text("reports-def-share-scope"), questions=(),
        periods=(), files=("meta",), sources=(),
        parts=("reports_share_decreased",) if as_released else ())
    # The finding in words that fit the counts (the summary's and the landing page's).
    pledge = {"case": s.pledge, "more": "some" if s.increased else "none",
              "share": r["reports_share_decreased"], "increased": words.count(s.increased),
              # numbers, not their printed text: a variant for one is chosen by the number
              "comparable": words.count(s.comparable)}
    # Each takes the status of the figures its words print (the release states the share and
    # the count that rose: printed in a sentence, they stay published).
    said = pledge_parts(s.pledge, bool(s.increased))
    r.text("reports_pledge_heading", w.text("reports-pledge-heading", case=s.pledge),
           w.text("reports-def-pledge-heading"), forces=list(comparable.index),
           parts=said[:1])
    r.text("reports_pledge_summary", w.text("reports-pledge-summary", period=period(ed),
                                            **pledge),
           w.text("reports-def-pledge-summary"), forces=list(comparable.index), parts=said)
    r.text("reports_pledge_key", w.text("reports-pledge-key", period=period(ed),
                                        previous=period(ed, "previous"), **pledge),
           w.text("reports-def-pledge-key"), forces=list(comparable.index),
           parts=("reports_share_decreased", *said[1:]))
    r.count("reports_forces_both_years", len(table), w.text("reports-def-forces-both-years"),
            forces=list(table.index), files=(), sources=())
    rose = table[table["change"] > 0]
    r.count("reports_forces_up_all", len(rose), w.text("reports-def-forces-up-all"),
            forces=list(rose.index), files=(), sources=())
    changes = committed["pct_change"].dropna()
    median = float(changes.median()) if len(changes) else None
    r.value("reports_committed_median_change", fmt.pct(median, 1) if median is not None else
            w.text("reports-median-unknown"), median,
            w.text("reports-def-committed-median-change"), forces=list(committed.index))
    r.text("reports_period_previous", period(ed, "previous"),
           w.text("reports-def-period-previous"), questions=(), periods=(), files=("meta",),
           sources=())
    r.text("reports_period_current", period(ed), w.text("reports-def-period-current"),
           questions=(), periods=(), files=("meta",), sources=())
    r.text("reports_counting_rules_text", counting_rules.period_text(ed, years),
           w.text("reports-def-counting-rules"), questions=(),
           files=("meta", counting_rules.FILE), sources=())
    # The chart's title and caption (chart): of the group, where it is shown, else of all.
    r.in_chart(*(("reports_decreased", "reports_comparable")
                 if provenance.may_name_commitments(ed) else ("reports_forces_up_all",)),
               "reports_forces_both_years")
    # Counts a chapter prints with a noun: glued with it, in its number (labels.ftl).
    for key, noun in (("reports_responding", "forces"),
                      ("reports_comparable", "forces"),
                      ("reports_forces_both_years", "forces")):
        r.counted(key, noun)
    return r


def commissioner_forces(ed: Edition, on: dt.date) -> list[str]:
    """The forces overseen on a date by a Commissioner or a mayor with a Commissioner's
    powers (every force but one with a police authority)."""
    return [code for code in ed.forces["force_code"]
            if ed.overseer(code, on)["kind"] in COMMISSIONER_KINDS]


def chart(ed: Edition) -> AccessibleChart | Markdown:
    w = words.of(ed, "reports")
    groups = {True: w.text("reports-chart-group", committed=True),
              False: w.text("reports-chart-group", committed=False)}
    table = change_table(ed).assign(group=lambda d: d["committed"].map(groups))
    changes = table.dropna(subset=["pct_change"])
    years = {"previous": period(ed, "previous"), "period": period(ed)}
    if changes.empty:
        return Markdown(w.markdown("reports-chart-none", **years,
                                   case="no-forces" if table.empty else "none-before"))
    low, high = changes.iloc[0], changes.iloc[-1]
    figs = figures(ed)
    # Which named force's Commissioner made the commitment is not shown from constructed data.
    grouped = provenance.may_name_commitments(ed)
    data = table.reset_index()[["force", "group", "previous", "current", "pct_change"]]
    if not grouped:
        data = data.drop(columns="group")
    change = w.text("reports-chart-column", column="change")
    readable = data.rename(columns={
        "force": labels.column(ed, "force"),
        "group": w.text("reports-chart-column", column="group"),
        "previous": ed.period_label(ed.meta.previous_period, short=True),
        "current": ed.period_label(ed.meta.current_period, short=True),
        "pct_change": change}).assign(**{change: lambda d: d[change].round(1)})
    titles = {key: w.text("reports-chart-column", column=key)
              for key in ("group", "axis", "tooltip")}
    status = provenance.returns(ed).status  # of each force's change drawn
    return AccessibleChart(
        status=status,
        name="reports-change",
        chart=lollipop_change(data, titles, [groups[True], groups[False]], grouped
                              ).properties(height={"step": 18}),
        # Each figure in the title with the mark it carries in the prose (the register's).
        # Where every force is drawn alike, the title is of the forces drawn, not of a group
        # the chart cannot pick out.
        title=w.text("reports-chart-title", grouped=grouped,
                     decreased=figs.marked("reports_decreased"),
                     comparable=figs.marked("reports_comparable"),
                     increased=figs.marked("reports_forces_up_all"),
                     forces=figs.marked("reports_forces_both_years")),
        # The caption's count of forces with its mark, as the title prints it (fact-check 6).
        caption=w.text("reports-chart-caption", **years,
                       forces=figs.marked("reports_forces_both_years"),
                       year=str(ed.meta.pcc_commitment_year), source=foi_source(ed),
                       grouped=grouped),
        # What it draws, each figure with its mark (the register's where it has one, else
        # the answers'); no force named beside a constructed value, as in the chapter's prose.
        alt_text=w.text("reports-chart-alt", **years, grouped=grouped,
                        forces=figs.marked("reports_forces_both_years"),
                        year=str(ed.meta.pcc_commitment_year),
                        comparable=figs.marked("reports_comparable"),
                        decreased=figs.marked("reports_decreased"),
                        increased_committed=figs.marked("reports_increased"),
                        increased=figs.marked("reports_forces_up_all"),
                        fewer=words.count(int((table["change"] < 0).sum()), status),
                        same=words.count(int((table["change"] == 0).sum()), status),
                        low=words.signed_pct(float(low["pct_change"]), status=status),
                        high=words.signed_pct(float(high["pct_change"]), status=status),
                        named=provenance.may_name_forces(ed),
                        low_force=str(low["force"]), high_force=str(high["force"])),
        table=readable,
        links=force_links(ed),
    )


def _percent(text: str) -> float:
    """A published share's value as its source prints it ('67%' -> 67.0)."""
    return float(text.rstrip("%").replace(",", ""))


def pledge_parts(case: str, increased: bool) -> tuple[str, ...]:
    """The figures the pledge finding's words print in each case (reports.ftl), the one that
    decides the case first: the share that recorded fewer, or, where no share is printed, the
    count of forces compared; then the count that recorded more, where it is printed."""
    if case in ("no-forces", "all-fewer"):
        return ("reports_comparable",)
    if case == "none-fewer":
        return ("reports_comparable", "reports_increased")
    return ("reports_share_decreased", *(("reports_increased",) if increased else ()))
