"""Outcomes assigned to stalking offences: the charge rate, for a force (with England and Wales
beside it) and for England and Wales in the chapter on attrition, with their charts. The only
rate the section computes: the data hold its denominator."""

from __future__ import annotations

import altair as alt
import pandas as pd

from nsc_report.data import Edition
from nsc_report.data.public import ENGLAND_AND_WALES
from nsc_report.layout import slug
from nsc_report.measures import published as m
from nsc_report.present import fmt, words
from nsc_report.present.chart_builders import lines_across_breaks
from nsc_report.present.charts import AccessibleChart
from nsc_report.present.tables import HtmlBlock
from nsc_report.sections import counting_rules as rules
from nsc_report.sections import public_period
from nsc_report.sections.published.common import OUTCOMES, who


def charge_sentence(ed: Edition, code: str) -> str:
    w = words.of(ed, "published")
    name = who(ed, code)
    years = m.charge_years(ed.public, code)
    national = {y.period: y for y in m.charge_years(ed.public, ENGLAND_AND_WALES)}
    rated = [y for y in years if y.rate is not None]
    if rated:
        y = rated[-1]
        assert y.charged is not None and y.outcomes is not None and y.rate is not None
        ew = national.get(y.period)
        against = ew.rate if ew is not None else None
        said = w.text("published-charge", rated=True, who=name, period=public_period(ed, y.period),
                      charged=y.charged, outcomes=y.outcomes, rate=words.pct(y.rate, 1),
                      national=against is not None,
                      **({"ew_rate": words.pct(against, 1)} if against is not None else {}))
    else:
        said = w.text("published-charge", rated=False, who=name)
    notes: dict[str, list[str]] = {}
    for y in years:
        if y.rate is None:
            notes.setdefault(y.note.rstrip(".") or w.text("published-charge-unassigned"),
                             []).append(public_period(ed, y.period))
    missing = [w.text("published-charge-missing", years=w.listing(labels),
                      note=f"{note[0].upper()}{note[1:]}") for note, labels in notes.items()]
    return w.text("published-charge-paragraph", rate=said, missing=len(missing),
                  notes=w.sentences(missing))


def _count_or(w: words.Words, frame: pd.DataFrame, period: str, column: str) -> str:
    if period not in frame.index or pd.isna(frame.at[period, column]):
        return w.text("published-not-given")
    return fmt.count(int(frame.at[period, column]))


def _pct_or(w: words.Words, frame: pd.DataFrame, period: str) -> str:
    if period not in frame.index or pd.isna(frame.at[period, "rate"]):
        return w.text("published-no-rate")
    return fmt.pct(float(frame.at[period, "rate"]), 1)


def _chart(w: words.Words, frame: pd.DataFrame, periods: list[str], ed: Edition) -> alt.Chart:
    return lines_across_breaks(frame[["who", "at", "era", "value", "label"]],
                               w.text("published-charge-axis"),
                               rules.breaks(ed, periods, ed.counting_rules),
                               value_format=".0f", financial_years=True,
                               period_title=w.text("published-charge-period-axis"))


def _charge_alt(ed: Edition, code: str, name: str, compared: bool) -> str:
    """What a chart of charge rates draws, in words: its line or lines, its years, the first
    and last rates, and that points are not joined across a counting-rule change."""
    rated = [y for y in m.charge_years(ed.public, code) if y.rate is not None]
    first, last = rated[0], rated[-1]
    assert first.rate is not None and last.rate is not None
    return words.of(ed, "published").text(
        "published-charge-chart-alt", who=name, compared="yes" if compared else "no",
        first=public_period(ed, first.period), first_rate=words.pct(first.rate, 1),
        last=public_period(ed, last.period), last_rate=words.pct(last.rate, 1))


def charge_chart(ed: Edition, code: str) -> AccessibleChart | HtmlBlock:
    w = words.of(ed, "published")
    name, ew_name = who(ed, code), w.text("published-ew")
    src = ed.public.sources[OUTCOMES]
    frame = m.charge_rate(ed.public, code, ed.counting_rules)
    frame = frame.assign(who=frame["force_code"].map({code: name, ENGLAND_AND_WALES: ew_name}),
                         at=[m.period_point(p, True).isoformat() for p in frame["period"]],
                         label=[public_period(ed, p) for p in frame["period"]],
                         value=frame["rate"].astype("Float64").round(1))
    if frame.loc[frame["force_code"] == code, "rate"].isna().all():
        return HtmlBlock("", "")
    periods = list(dict.fromkeys(frame["period"]))
    mine = frame[frame["force_code"] == code].set_index("period")
    ew = frame[frame["force_code"] == ENGLAND_AND_WALES].set_index("period")

    def column(area: str, which: str) -> str:
        return w.text("published-col-of", who=area, column=which)

    table = pd.DataFrame({
        w.text("published-col-year"): [public_period(ed, p) for p in periods],
        column(name, "charged"): [_count_or(w, mine, p, "charged") for p in periods],
        column(name, "outcomes"): [_count_or(w, mine, p, "outcomes") for p in periods],
        column(name, "rate"): [_pct_or(w, mine, p) for p in periods],
        column(ew_name, "rate"): [_pct_or(w, ew, p) for p in periods],
        w.text("published-col-rules"): rules.era_names(ed, periods),
    })
    rated = mine[mine["rate"].notna()]
    last = rated.index[-1]
    return AccessibleChart(
        name=f"published-charge-{slug(name)}",
        chart=_chart(w, frame, periods, ed),
        title=w.text("published-charge-chart-title", who=name, period=public_period(ed, last),
                     rate=words.pct(float(mine.at[last, "rate"]), 1)),
        caption=w.text("published-charge-chart-caption", who=name, credit=src.credit,
                       breaks=rules.break_caption(ed, periods)),
        alt_text=_charge_alt(ed, code, name, compared=True),
        table=table, downloads=False)


# --- the chapter on attrition: England and Wales ------------------------------------------------

def national_charge_sentence(ed: Edition) -> str:
    every = m.charge_years(ed.public, ENGLAND_AND_WALES)
    years = [y for y in every if y.rate is not None]
    first, last = years[0], years[-1]
    assert first.rate is not None and last.rate is not None and last.charged is not None
    return words.of(ed, "published").text(
        "published-national-charge", first=public_period(ed, first.period),
        first_rate=words.pct(first.rate, 1), last=public_period(ed, last.period),
        last_rate=words.pct(last.rate, 1), charged=last.charged, outcomes=last.outcomes or 0,
        **rules.national_charge_values(ed, [y.period for y in every]))


def national_charge_chart(ed: Edition) -> AccessibleChart:
    w = words.of(ed, "published")
    frame = m.charge_rate(ed.public, ENGLAND_AND_WALES, ed.counting_rules)
    frame = frame[frame["force_code"] == ENGLAND_AND_WALES].drop_duplicates("period")
    frame = frame.assign(who=w.text("published-ew"),
                         at=[m.period_point(p, True).isoformat() for p in frame["period"]],
                         label=[public_period(ed, p) for p in frame["period"]],
                         value=frame["rate"].astype("Float64").round(1))
    periods = list(frame["period"])
    rated = frame[frame["rate"].notna()]
    last = rated.iloc[-1]
    table = pd.DataFrame({
        w.text("published-col-year"): [public_period(ed, p) for p in periods],
        # Numbers, not their printed text: the table is also the chart's CSV download.
        w.text("published-col-charged"): frame["charged"].astype("Int64").array,
        w.text("published-col-outcomes"): frame["outcomes"].astype("Int64").array,
        w.text("published-col-rate"): frame["rate"].astype("Float64").round(1).array,
        w.text("published-col-rules"): rules.era_names(ed, periods),
    })
    src = ed.public.sources[OUTCOMES]
    return AccessibleChart(
        name="published-charge-rate",
        chart=_chart(w, frame, periods, ed),
        title=w.text("published-national-charge-title", rate=words.pct(float(last["rate"]), 1),
                     period=last["label"],
                     **rules.since_values(ed, list(rated["period"]))),
        caption=w.text("published-national-charge-caption", credit=src.credit,
                       breaks=rules.break_caption(ed, periods)),
        alt_text=_charge_alt(ed, ENGLAND_AND_WALES, w.text("published-ew"), compared=False),
        table=table)
