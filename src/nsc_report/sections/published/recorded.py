"""Recorded crime on a force's page: stalking alone in the year ending March 2018 (the one
year the published figures count it force by force) and the wider group of stalking and
harassment since, with its chart."""

from __future__ import annotations

import pandas as pd

from nsc_report.data import Edition
from nsc_report.layout import slug
from nsc_report.measures import published as m
from nsc_report.present import fmt, phrasing, words
from nsc_report.present.chart_builders import lines_across_breaks
from nsc_report.present.charts import AccessibleChart
from nsc_report.present.tables import HtmlBlock
from nsc_report.sections import counting_rules as rules
from nsc_report.sections import public_period
from nsc_report.sections.published.common import GROUP, RECORDED, codes, who


def recorded_sentence(ed: Edition, code: str) -> str:
    w = words.of(ed, "published")
    mine = m.values(ed.public, RECORDED, code, "stalking").get("ye_mar_2018")
    total = m.forces_total(ed.public, RECORDED, "stalking", codes(ed)).get("ye_mar_2018")
    if mine is None or mine.value is None:
        noted = mine is not None and bool(mine.note)
        # Set inside brackets: the note's own become a clause.
        note = ({"note": phrasing.parenthetical(mine.note.rstrip("."))}
                if mine is not None and noted else {})
        return w.text("published-recorded", case="none", who=who(ed, code), noted=noted,
                      **note)
    national = {"total": words.count(total.value), "forces": len(codes(ed))} if (
        total is not None and total.value is not None) else {}
    return w.text("published-recorded", case="given", who=who(ed, code),
                  n=words.count(mine.value), national=bool(national), **national)


def group_sentence(ed: Edition, code: str) -> str:
    w = words.of(ed, "published")
    given = m.values(ed.public, GROUP, code, "stalking_and_harassment")
    shown = {p: v for p, v in given.items() if v.value is not None}
    if not shown:
        return w.text("published-group", given=False, who=who(ed, code))
    first, last = next(iter(shown)), list(shown)[-1]
    group = w.text("published-group", given=True, who=who(ed, code),
                   first_n=words.count(shown[first].value), first=public_period(ed, first, False),
                   last_n=words.count(shown[last].value), last=public_period(ed, last, False))
    caveat = rules.series_caveat(ed, given)
    notes: dict[str, list[str]] = {}
    for period, value in given.items():
        if value.note:
            notes.setdefault(value.note.rstrip("."), []).append(public_period(ed, period, False))
    noted = [w.text("published-group-note", periods=w.listing(labels), note=note)
             for note, labels in notes.items()]
    return w.text("published-group-paragraph", group=group, caveated=bool(caveat),
                  caveat=caveat, noted=len(noted), notes=w.sentences(noted))


def _chart_frame(ed: Edition, pub_values: dict[str, dict[str, m.Value]], financial: bool,
                 changes: m.Rules) -> pd.DataFrame:
    rows = []
    for name, found in pub_values.items():
        for period, value in found.items():
            rows.append({"who": name, "period": period,
                         "at": m.period_point(period, financial).isoformat(),
                         "label": public_period(ed, period, financial),
                         "era": m.era(period, changes),
                         "value": value.value,
                         "note": value.note})
    return pd.DataFrame(rows)


def group_chart(ed: Edition, code: str) -> AccessibleChart | HtmlBlock:
    w = words.of(ed, "published")
    name = who(ed, code)
    src = ed.public.sources[GROUP]
    found = m.values(ed.public, GROUP, code, "stalking_and_harassment")
    changes = ed.counting_rules
    data = _chart_frame(ed, {name: found}, financial=False, changes=changes)
    shown = data[data["value"].notna()]
    if shown.empty:
        return HtmlBlock("", "")
    periods = list(data["period"])
    not_given = w.text("published-not-given")
    table = pd.DataFrame({
        w.text("published-col-period"): list(data["label"]),
        w.text("published-col-group"): [fmt.count(v) if pd.notna(v) else not_given
                                       for v in data["value"]],
        w.text("published-col-rules"): rules.era_names(ed, periods),
        w.text("published-col-note"): list(data["note"]),
    })
    first, last = shown.iloc[0], shown.iloc[-1]
    caveat = rules.years_caveat(ed, periods)
    return AccessibleChart(
        name=f"published-group-{slug(name)}",
        chart=lines_across_breaks(data, w.text("published-group-axis"),
                                  rules.breaks(ed, periods, changes),
                                  period_title=w.text("published-group-period-axis")),
        title=w.text("published-group-chart-title", who=name, n=int(last["value"]),
                     period=last["label"]),
        caption=w.text("published-group-chart-caption", who=name, credit=src.credit,
                       breaks=rules.break_caption(ed, periods)),
        alt_text=w.text("published-group-chart-alt", who=name, first_n=int(first["value"]),
                        first=first["label"], last_n=int(last["value"]), last=last["label"],
                        caveated=bool(caveat), caveat=caveat),
        table=table, downloads=False)
