"""Section: from report to conviction (national figures).

The words are in `notebooks/attrition.ftl`, beside the template; this module computes the
values and picks the variants.
"""

from __future__ import annotations

from nsc_report.data import Edition, Source, provenance
from nsc_report.measures.attrition import attrition_table, conviction_rate
from nsc_report.measures.change import national_series
from nsc_report.present import fmt, labels, words
from nsc_report.present.chart_builders import funnel
from nsc_report.present.charts import AccessibleChart
from nsc_report.present.figures import Register
from nsc_report.present.tables import Table
from nsc_report.sections import counting_rules, published
from nsc_report.sections.change import series_table

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("attrition",)


def figures(ed: Edition) -> Register:
    w = words.of(ed, "attrition")
    c = conviction_rate(ed)
    table = attrition_table(ed).set_index("measure")
    jailed = table["count"]
    now, before = (c.period,), (c.previous_period,)
    r = Register(ed, periods=now, files=("national",), sources=(c.source_id,))
    r.count("att_recorded", c.recorded, w.text("attrition-def-recorded"))
    r.count("att_charged", c.charged, w.text("attrition-def-charged"))
    r.count("att_convicted", c.convicted, w.text("attrition-def-convicted"))
    if "jailed" in jailed:
        r.count("att_jailed", int(jailed["jailed"]), w.text("attrition-def-jailed", held=True))
    else:
        r.text("att_jailed", w.text("attrition-not-held"),
               w.text("attrition-def-jailed", held=False))
    if c.stated_rate is not None and c.stated_source_id is not None:
        # The headline cites the source that states it; the counts behind it keep their own
        # (weaker) status.
        r.value("att_rate", fmt.pct(c.stated_rate, 1), c.stated_rate,
                w.text("attrition-def-rate-stated"), periods=("unconfirmed",),
                sources=(c.stated_source_id,), finding=w.text("attrition-finding-rate-stated"))
        r.text("att_rate_source", ed.source(c.stated_source_id).citation,
               w.text("attrition-def-rate-source-stated"), files=("meta",),
               sources=(c.stated_source_id,))
    else:
        r.share("att_rate", c.convicted, c.recorded, w.text("attrition-def-rate"), places=1,
                finding=w.text("attrition-finding-rate"))
        r.text("att_rate_source", w.text("attrition-rate-arithmetic"),
               w.text("attrition-def-rate-source"), files=("meta",))
    r.share("att_rate_exact", c.convicted, c.recorded, w.text("attrition-def-rate-exact"),
            places=2)
    r.value("att_per_1000", fmt.count(round(10 * c.rate)), round(10 * c.rate),
            w.text("attrition-def-per-1000"), numerator=c.convicted, denominator=c.recorded)
    r.share("att_charge_rate", c.charged, c.recorded, w.text("attrition-def-charge-rate"),
            places=1)
    # The share the conviction chart draws: the report's own division of the counts, with
    # their status (the release's statement of the same rate is att_rate).
    r.share("att_conviction_share", c.convicted, c.recorded,
            w.text("attrition-def-conviction-share"), places=1)
    if "jailed" in jailed:
        r.share("att_jailed_rate", int(jailed["jailed"]), c.recorded,
                w.text("attrition-def-jailed-rate"), places=1)
    # Printed at the ends of the conviction chart's bars, and in its title.
    r.in_chart("att_charge_rate", "att_conviction_share",
               *(["att_jailed_rate"] if "jailed" in jailed else []))
    r.text("att_period", ed.period_label(c.period), w.text("attrition-def-period"))
    # Sentences about the sources, not figures from them: published, whatever their status.
    r.text("att_source", ed.source(c.source_id).citation, w.text("attrition-def-source"),
           files=("meta",), sources=())
    r.text("att_caveat", c.caveat or "", w.text("attrition-def-caveat"), files=("meta",),
           sources=())
    r.text("att_counts_caveat", _counts_caveat(ed, ed.source(c.source_id)),
           w.text("attrition-def-counts-caveat"), files=("meta",), sources=())
    r.value("att_prev_rate", fmt.pct(c.previous_rate, 1), c.previous_rate,
            w.text("attrition-def-prev-rate"), periods=before, sources=(c.previous_source_id,))
    r.value("att_prev_charge_rate", fmt.pct(c.previous_charge_rate, 1), c.previous_charge_rate,
            w.text("attrition-def-prev-charge-rate"), periods=before,
            sources=(c.previous_source_id,))
    r.text("att_prev_period", ed.period_label(c.previous_period),
           w.text("attrition-def-prev-period"), periods=before, files=("meta",), sources=())
    r.text("att_prev_source", ed.source(c.previous_source_id).citation,
           w.text("attrition-def-prev-source"), periods=before, files=("meta",), sources=())
    r.count("att_not_convicted", c.recorded - c.convicted, w.text("attrition-def-not-convicted"))
    r.text("att_comparison_caveat", w.text("attrition-comparison-caveat", verified=c.verified),
           w.text("attrition-def-comparison-caveat"), files=("meta",), sources=())
    series = national_series(ed)
    r.text("att_series_text", series_sentence(ed), w.text("attrition-def-series"),
           periods=tuple(series["period"]),
           sources=tuple(dict.fromkeys(x for ids in series["sources"] for x in ids)))
    held = series.loc[series["recorded_stalking"].notna(), "period"]
    r.text("att_series_rules_text", counting_rules.held_years_text(ed, held),
           w.text("attrition-def-series-rules"), periods=tuple(held),
           files=("national", counting_rules.FILE), sources=())
    published.add_national_figures(r, ed, "attrition")
    # Counts a chapter prints with a noun: glued with it, in its number (labels.ftl).
    for key, noun in (("att_recorded", "stalking-offences"),
                      ("att_recorded", "recorded-stalking-offences"),
                      ("att_charged", "cases")):
        r.counted(key, noun)
    return r


def series_sentence(ed: Edition) -> str:
    """Recorded stalking in every year the edition holds, in words."""
    w = words.of(ed, "attrition")
    s = national_series(ed)
    held = s[s["recorded_stalking"].notna()]
    years = [w.text("attrition-series-year", count=words.count(v), first=i == 0,
                    period=ed.period_label(p))
             for i, (p, v) in enumerate(zip(held["period"], held["recorded_stalking"],
                                            strict=True))]
    if not years:
        return w.text("attrition-series", held=False)
    return w.text("attrition-series", held=True, years=w.listing(years))


def series(ed: Edition) -> Table:
    return series_table(ed)


# Each stage of the chart and its count in the register.
STAGE_FIGURES = {"recorded_stalking": "att_recorded", "charged": "att_charged",
                 "convicted": "att_convicted", "jailed": "att_jailed"}


def chart(ed: Edition) -> AccessibleChart:
    w = words.of(ed, "attrition")
    c = conviction_rate(ed)
    data = attrition_table(ed)
    # Each stage says what it counts: the police record offences, the courts deal with cases.
    data.insert(0, "stage", [labels.attrition_stage(ed, code, unit)
                             for code, unit in zip(data["measure"], data["unit"], strict=True)])
    # Each count at its bar's end, and its share, with the mark of its figure (fact-check 6).
    figs = figures(ed)
    marks = [figs.mark_of(STAGE_FIGURES[m])
             if STAGE_FIGURES.get(m) in figs else "" for m in data["measure"]]
    # A share the register holds carries its own mark; any other share is computed from its
    # count and carries the count's. The conviction share drawn is the report's own division of
    # the counts (1.7%† of unverified counts), not the release's statement of its rate.
    share_marks = [figs.mark_of(STAGE_SHARES[m]) if STAGE_SHARES.get(m) in figs else mark
                   for m, mark in zip(data["measure"], marks, strict=True)]
    data["label"] = [w.text("attrition-chart-bar", count=int(n), shared=i > 0,
                            share=words.pct(float(p), 1), mark=mark, share_mark=share_mark)
                     for i, (n, p, mark, share_mark) in enumerate(zip(
                         data["count"], data["pct_of_recorded"], marks, share_marks,
                         strict=True))]
    # Each share to one place, as the bars' labels and the prose print it.
    readable = data[["stage", "count", "pct_of_recorded"]].round({"pct_of_recorded": 1}).rename(
        columns={
        "stage": w.text("attrition-column", column="stage"),
        "count": w.text("attrition-column", column="count"),
        "pct_of_recorded": w.text("attrition-column", column="share")})
    source = ed.source(c.source_id)
    prov = provenance.of(ed, ("national",), (c.source_id,))
    stated = c.stated_rate is not None
    return AccessibleChart(
        status=prov.status, caveat=prov.caveat,
        name="attrition",
        chart=funnel(data, w.text("attrition-column", column="count")).properties(height=170),
        # The share it draws, with the counts' mark; the title says where the release states
        # the same rate (published, and printed unmarked as the release's elsewhere).
        title=w.text("attrition-chart-title", stated=stated,
                     rate=figs.marked("att_conviction_share")),
        caption=w.text("attrition-chart-caption", period=ed.period_label(c.period),
                       citation=source.citation, caveated=bool(source.caveat),
                       caveat=source.caveat or ""),
        # Every bar it draws (the jailed too), each count and share with its mark.
        alt_text=w.text("attrition-chart-alt", stages=w.sentences(
            _stage_words(ed, figs, m, n, p)
            for m, n, p in zip(data["measure"], data["count"], data["pct_of_recorded"],
                               strict=True))),
        table=readable,
    )


# Each stage's share of the recorded offences in the register, where it has one.
STAGE_SHARES = {"charged": "att_charge_rate", "convicted": "att_conviction_share",
                "jailed": "att_jailed_rate"}


def _stage_words(ed: Edition, figs: Register, measure: str, n: int, share: float) -> str:
    """One bar of the chart in words, its count and share marked as the register marks them
    (a share the register lacks, as its count)."""
    key = STAGE_FIGURES.get(measure)
    status = figs.status_of(key) if key in figs else None
    count = figs.marked(key) if key in figs and isinstance(figs.figures[key].raw, int) \
        else words.count(int(n), status)
    said = STAGE_SHARES.get(measure)
    return words.of(ed, "attrition").text(
        "attrition-chart-alt-stage", measure=measure, count=count,
        share=figs.marked(said) if said in figs else words.pct(float(share), 1, status))


def _counts_caveat(ed: Edition, source: Source) -> str:
    """Where the recorded, charged and convicted counts come from, with the source's caveat:
    said wherever the counts are given."""
    return words.of(ed, "attrition").text(
        "attrition-counts-caveat", citation=f"{source.citation[0].lower()}{source.citation[1:]}",
        caveated=bool(source.caveat), caveat=source.caveat or "")
