"""Section: from report to conviction (national figures)."""

from __future__ import annotations

from nsc_report.data import Edition, Source, provenance
from nsc_report.measures.attrition import attrition_table, conviction_rate
from nsc_report.measures.change import national_series
from nsc_report.present import fmt
from nsc_report.present.charts import AccessibleChart, funnel
from nsc_report.present.figures import Register
from nsc_report.present.tables import Table
from nsc_report.sections import counting_rules, published
from nsc_report.sections.change import series_table

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("attrition",)


def figures(ed: Edition) -> Register:
    c = conviction_rate(ed)
    table = attrition_table(ed).set_index("measure")
    jailed = table["count"]
    now, before = (c.period,), (c.previous_period,)
    r = Register(ed, periods=now, files=("national",), sources=(c.source_id,))
    r.count("att_recorded", c.recorded, "stalking offences recorded by police in England and "
            "Wales (the national count behind the conviction rate)")
    r.count("att_charged", c.charged, "stalking cases that led to a charge")
    r.count("att_convicted", c.convicted, "stalking cases that ended in a conviction")
    if "jailed" in jailed:
        r.count("att_jailed", int(jailed["jailed"]), "stalking cases that ended in a prison "
                "sentence")
    else:
        r.text("att_jailed", "n/a", "stalking cases that ended in a prison sentence (not held)")
    if c.stated_rate is not None and c.stated_source_id is not None:
        # The headline cites the source that states it; the counts behind it keep their own
        # (weaker) status.
        r.value("att_rate", fmt.pct(c.stated_rate, 1), c.stated_rate, "the report's headline "
                "conviction rate, as the edition's published source states it",
                periods=("unconfirmed",), sources=(c.stated_source_id,))
        r.text("att_rate_source", ed.source(c.stated_source_id).citation, "the source that "
               "states the headline conviction rate", files=("meta",),
               sources=(c.stated_source_id,))
    else:
        r.share("att_rate", c.convicted, c.recorded, "convictions as a share of stalking "
                "offences recorded by police: the report's headline conviction rate", places=1)
        r.text("att_rate_source", "our arithmetic on the counts below", "where the headline "
               "conviction rate comes from", files=("meta",))
    r.share("att_rate_exact", c.convicted, c.recorded, "the conviction rate to two decimal "
            "places", places=2)
    r.value("att_per_1000", fmt.count(round(10 * c.rate)), round(10 * c.rate), "convictions "
            "for every 1,000 recorded stalking offences", numerator=c.convicted,
            denominator=c.recorded)
    r.share("att_charge_rate", c.charged, c.recorded, "charges as a share of recorded stalking "
            "offences", places=1)
    r.text("att_period", ed.period_label(c.period), "the period of the national counts")
    # Sentences about the sources, not figures from them: published, whatever their status.
    r.text("att_source", ed.source(c.source_id).citation, "the source of the national counts",
           files=("meta",), sources=())
    r.text("att_caveat", c.caveat or "", "the source's caveat, if any", files=("meta",),
           sources=())
    r.text("att_counts_caveat", _counts_caveat(ed.source(c.source_id)), "what the caveat means "
           "for the counts", files=("meta",), sources=())
    r.value("att_prev_rate", fmt.pct(c.previous_rate, 1), c.previous_rate, "the conviction "
            "rate the previous report published", periods=before,
            sources=(c.previous_source_id,))
    r.value("att_prev_charge_rate", fmt.pct(c.previous_charge_rate, 1), c.previous_charge_rate,
            "the charge rate the previous report published", periods=before,
            sources=(c.previous_source_id,))
    r.text("att_prev_period", ed.period_label(c.previous_period), "the period of the previous "
           "report's rates", periods=before, files=("meta",), sources=())
    r.text("att_prev_source", ed.source(c.previous_source_id).citation, "the source of the "
           "previous report's rates", periods=before, files=("meta",), sources=())
    r.count("att_not_convicted", c.recorded - c.convicted, "recorded stalking offences that "
            "did not end in a conviction")
    r.text("att_comparison_caveat",
           "The two rates come from different sources, and the period of this year's counts "
           "is not confirmed, so they stand side by side here and no change between them is "
           "measured." if not c.verified else
           "The two rates come from different sources and periods, so they stand side by side "
           "here and no change between them is measured.",
           "why the two conviction rates are not compared", files=("meta",), sources=())
    series = national_series(ed)
    r.text("att_series_text", series_sentence(ed), "recorded stalking in every year the report "
           "holds", periods=tuple(series["period"]),
           sources=tuple(dict.fromkeys(x for ids in series["sources"] for x in ids)))
    held = series.loc[series["recorded_stalking"].notna(), "period"]
    r.text("att_series_rules_text", counting_rules.held_years_text(ed, held), "the counting "
           "rules the years of recorded stalking were counted under, and any change within them",
           periods=tuple(held), files=("national", counting_rules.FILE), sources=())
    published.add_national_figures(r, ed, "attrition")
    return r


def series_sentence(ed: Edition) -> str:
    """Recorded stalking in every year the edition holds, in words."""
    s = national_series(ed)
    held = s[s["recorded_stalking"].notna()]
    years = [f"{fmt.count(v)}{' stalking offences' if i == 0 else ''} in the "
             f"{ed.period_label(p)}" for i, (p, v) in enumerate(
                 zip(held["period"], held["recorded_stalking"], strict=True))]
    if not years:
        return "This edition holds no national count of recorded stalking offences."
    return f"Police in England and Wales recorded {fmt.listing(years)}."


def series(ed: Edition) -> Table:
    return series_table(ed)


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
    prov = provenance.of(ed, ("national",), (c.source_id,))
    return AccessibleChart(
        status=prov.status, caveat=prov.caveat,
        name="attrition",
        chart=funnel(data).properties(height=170),
        title=(f"Only {fmt.pct(c.stated_rate, 1)} of stalking cases result in a conviction"
               if c.stated_rate is not None else
               f"Only {fmt.pct(c.rate, 1)} of recorded stalking cases ended in a conviction"),
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
