"""The kinds of chart the section notebooks draw (bars, dots, lines, a grid): Altair charts
that an `AccessibleChart` (charts.py) then gives its title, caption, text alternative and data
table. Colour is never the only way a value's group is shown."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from nsc_report.present import fmt, labels, words
from nsc_report.present.charts import INK, MUTED, PALETTE


def _room_for_labels(values: pd.Series, factor: float = 1.15) -> alt.Scale:
    """An x scale that leaves room after the longest bar for the label written there."""
    return alt.Scale(domain=[0, float(values.max()) * factor], nice=True)


def _marked_values(data: pd.DataFrame, value: str, marks: Sequence[str] | str
                   ) -> pd.DataFrame:
    """The data with the label each bar's end prints: its value and the mark of the figure it
    is (each row's, or one for all), as the title and the table print it: a constructed value
    is never printed bare, nor a published one marked."""
    each = [marks] * len(data) if isinstance(marks, str) else list(marks)
    if len(each) != len(data):
        raise ValueError(f"{len(each)} marks for {len(data)} bars")
    return data.assign(nsc_label=[f"{fmt.count(v)}{m}" if pd.notna(v) else ""
                                  for v, m in zip(data[value], each, strict=True)])


def bar_counts(data: pd.DataFrame, category: str, value: str, category_title: str,
               value_title: str, sort: list[str] | None = None,
               marks: Sequence[str] | str = "") -> alt.Chart:
    """Horizontal bars with the count written at the end of each bar, with its mark."""
    order = sort or list(data.sort_values(value, ascending=False)[category])
    data = _marked_values(data, value, marks)
    # A long title, turned along the axis, ran past a short chart's top: wrapped in lines.
    y = alt.Y(f"{category}:N", title=textwrap.wrap(category_title, 26) or None, sort=order)
    x = alt.X(f"{value}:Q", title=value_title, axis=alt.Axis(tickMinStep=1, format="d"),
              scale=_room_for_labels(data[value]))
    base = alt.Chart(data).encode(y=y, x=x, tooltip=[category, value])
    return (base.mark_bar(color=PALETTE[0])
            + base.mark_text(align="left", dx=4, fontWeight="bold").encode(text="nsc_label:N"))


def lollipop_change(data: pd.DataFrame, titles: Mapping[str, str], groups: list[str],
                    grouped: bool = True) -> alt.Chart:
    """Per-force % change: the group is shown by both colour and marker shape (`grouped`), or
    every force alike (where which group a named force is in may not be shown). `titles`
    names the axis (`axis`), the legend (`group`) and the tooltip's change (`tooltip`);
    `groups` are the group's two values as the data hold them, the committed first."""
    y = alt.Y("force:N", sort=list(data.sort_values("pct_change")["force"]), title=None)
    x = alt.X("pct_change:Q", title=titles["axis"])
    # One column, no label limit: side by side, the legend is cut off on a phone.
    legend = alt.Legend(orient="top", direction="vertical", labelLimit=0)
    group = alt.Color("group:N", title=titles["group"], legend=legend,
                      scale=alt.Scale(domain=groups,
                                      range=[PALETTE[5], PALETTE[0]]))
    shape = alt.Shape("group:N", title=titles["group"], legend=legend,
                      scale=alt.Scale(domain=groups,
                                      range=["triangle-up", "circle"]))
    tooltip = ["force", *(["group"] if grouped else []),
               alt.Tooltip("pct_change:Q", format=".1f", title=titles["tooltip"])]
    data = data.assign(zero=0)
    rule = alt.Chart(data).mark_rule(color=MUTED).encode(y=y, x=alt.X("zero:Q"),
                                                         x2="pct_change:Q")
    points = (alt.Chart(data).mark_point(size=90, filled=True, opacity=1).encode(
        y=y, x=x, color=group, shape=shape, tooltip=tooltip) if grouped else
        alt.Chart(data).mark_point(size=90, filled=True, opacity=1, color=PALETTE[0],
                                   shape="circle").encode(y=y, x=x, tooltip=tooltip))
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color=INK).encode(x="x:Q")
    return rule + points + zero


def bars_with_thresholds(data: pd.DataFrame, thresholds: list[int], value_title: str,
                         mark: str = "") -> alt.Chart:
    """Per-force totals with reference lines at the band edges, so bands need no colour; each
    total written at its bar's end with the data's `mark`."""
    data = _marked_values(data, "total", mark)
    y = alt.Y("force:N", sort=list(data.sort_values("total", ascending=False)["force"]),
              title=None)
    x = alt.X("total:Q", title=value_title,
              scale=_room_for_labels(data["total"]))
    base = alt.Chart(data).encode(y=y, x=x, tooltip=["force", "total", "band"])
    bars = base.mark_bar(color=PALETTE[0])
    counts = base.mark_text(align="left", dx=3).encode(text="nsc_label:N")
    lines = pd.DataFrame({"x": [t + 0.5 for t in thresholds],
                          "label": [f"{t}" for t in thresholds]})
    rules = alt.Chart(lines).mark_rule(color=PALETTE[5], strokeDash=[5, 3]).encode(x="x:Q")
    return bars + counts + rules


def status_heatmap(card: pd.DataFrame, order: list[str], statuses: dict[str, str],
                   glyphs: dict[str, str], question_order: list[str]) -> alt.Chart:
    """Force x question grid: colour and a printed glyph both give each cell's status."""
    named = [statuses[s] for s in order]
    colours = [PALETTE[0], PALETTE[4], PALETTE[1], PALETTE[5], PALETTE[3], "#bfc4cb"]
    data = card.assign(glyph=card["status"].map(glyphs), label=card["status"].map(statuses),
                       text_colour=card["status"].map(lambda s: "white" if s in (
                           "answered", "refused_s12") else INK))
    y = alt.Y("force:N", title=None, sort=list(dict.fromkeys(data["force"])))
    x = alt.X("question_id:N", title=labels.column(None, "question"), sort=question_order,
              axis=alt.Axis(orient="top", labelAngle=-90, labelAlign="left"))
    rect = alt.Chart(data).mark_rect(stroke="white", strokeWidth=1).encode(
        x=x, y=y,
        color=alt.Color("label:N", title=labels.column(None, "answer"), sort=named,
                        scale=alt.Scale(domain=named, range=colours),
                        legend=alt.Legend(orient="top", columns=1, labelLimit=0)),
        tooltip=["force", "question_id", alt.Tooltip("label:N", title=words.Words(
            "charts").text("charts-tooltip", field="answer"))])
    text = alt.Chart(data).mark_text(fontSize=12, fontWeight="bold").encode(
        x=x, y=y, text="glyph:N", color=alt.Color("text_colour:N", scale=None))
    return (rect + text).properties(height=alt.Step(16))


def funnel(data: pd.DataFrame, count_title: str) -> alt.Chart:
    """Attrition stages as bars on one scale, labelled with count and share; `count_title`
    names the axis of counts (whose unit each stage's label gives: they are not all cases)."""
    y = alt.Y("stage:N", sort=list(data["stage"]), title=None)
    x = alt.X("count:Q", title=count_title, axis=alt.Axis(format=",d"),
              scale=_room_for_labels(data["count"], 1.35))
    base = alt.Chart(data).encode(y=y, x=x, tooltip=["stage", alt.Tooltip("count:Q", format=",")])
    return (base.mark_bar(color=PALETTE[0])
            + base.mark_text(align="left", dx=4).encode(text="label:N"))


def lines_across_breaks(data: pd.DataFrame, value_title: str, breaks: list[tuple[str, str]],
                        value_format: str = ",d", financial_years: bool = False,
                        period_title: str | None = None) -> alt.Chart:
    """Lines over time that never join values across a counting-rule change: `data` has
    `at` (ISO date where the period's point goes: the 15th of October for a financial year,
    of the last month for a rolling year; see measures.published.period_point), `who` (the
    line's name), `era` (the counting-rule era), `value` and `label` (the period as printed).
    A line is drawn only within an era, and each change is a dashed rule labelled where it
    happened. The lines differ by dash and marker shape as well as colour."""
    names = list(dict.fromkeys(data["who"]))
    shapes, dashes = ["circle", "square", "triangle-up"], [[1, 0], [6, 3], [2, 2]]
    legend = alt.Legend(orient="top", direction="vertical", labelLimit=0, title=None)
    colour = alt.Color("who:N", sort=names, legend=legend,
                       scale=alt.Scale(domain=names, range=PALETTE[:len(names)]))
    shape = alt.Shape("who:N", sort=names, legend=legend,
                      scale=alt.Scale(domain=names, range=shapes[:len(names)]))
    dash = alt.StrokeDash("who:N", sort=names, legend=None,
                          scale=alt.Scale(domain=names, range=dashes[:len(names)]))
    ticks = sorted(data["at"].unique())
    # A tick names its period: a financial year '2014/15' (its point is in October), a
    # rolling year by the month it ends. UTC, so that no reader's time zone moves a label.
    label_expr = ("utcyear(datum.value) + '/' + slice(toString(utcyear(datum.value) + 1), 2)"
                  if financial_years else "utcFormat(datum.value, '%b %Y')")
    x = alt.X("at:T", title=period_title, axis=alt.Axis(
        values=ticks, labelExpr=label_expr, labelAngle=-45, labelOverlap=True, grid=False))
    y = alt.Y("value:Q", title=value_title, axis=alt.Axis(format=value_format),
              scale=alt.Scale(zero=True))
    given = data[data["value"].notna()].assign(
        segment=lambda d: d["who"] + " " + d["era"].astype(str))
    w = words.Words("charts")
    tooltip = [alt.Tooltip("who:N", title=w.text("charts-tooltip", field="area")),
               alt.Tooltip("label:N", title=w.text("charts-tooltip", field="period")),
               alt.Tooltip("value:Q", title=value_title, format=value_format)]
    base = alt.Chart(given).encode(x=x, y=y)
    lines = base.mark_line(strokeWidth=2).encode(color=colour, strokeDash=dash,
                                                 detail="segment:N")
    points = base.mark_point(size=70, filled=True, opacity=1).encode(
        color=colour, shape=shape, tooltip=tooltip)
    layers = [lines, points]
    if breaks:
        # Labels one under the other, so that two changes close together stay readable; a
        # change in the right half of the chart is labelled to the left of its rule, so that
        # its label is never cut off at the edge of a narrow screen.
        first, last = pd.Timestamp(min(data["at"])), pd.Timestamp(max(data["at"]))
        span = (last - first) or pd.Timedelta(days=1)
        marks = pd.DataFrame({"at": [day for day, _ in breaks],
                              "what": [what for _, what in breaks],
                              "y": [2 + 14 * (i % 2) for i in range(len(breaks))],
                              "label": [w.text("charts-rules-mark",
                                                month=f"{pd.Timestamp(day):%b %Y}")
                                        for day, _ in breaks],
                              "right": [(pd.Timestamp(day) - first) / span > 0.5
                                        for day, _ in breaks]})
        rule = alt.Chart(marks).mark_rule(color=INK, strokeDash=[4, 4]).encode(
            x="at:T", tooltip=alt.Tooltip("what:N", title=w.text("charts-tooltip",
                                                                  field="rules")))
        text = alt.layer(*(
            alt.Chart(marks[marks["right"] == right]).mark_text(
                align=align, baseline="top", dx=dx, fontSize=11, color=INK).encode(
                x="at:T", y=alt.Y("y:Q", scale=None), text="label:N")
            for right, align, dx in ((False, "left", 3), (True, "right", -3))))
        layers += [rule, text]
    return alt.layer(*layers)
