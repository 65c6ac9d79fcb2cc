"""Where a force stands among the forces that gave the same figure: the sentences of its page
(each figure marked where it stands) and the chart that draws it among them, with its table."""

from __future__ import annotations

import altair as alt
import pandas as pd
from IPython.display import Markdown

from nsc_report.data import Edition, provenance
from nsc_report.layout import slug
from nsc_report.measures import force as m
from nsc_report.measures.officers import category_counts
from nsc_report.present import fmt, words
from nsc_report.present.charts import INK, MUTED, PALETTE, AccessibleChart
from nsc_report.sections import foi_source, officers, period


def name(ed: Edition, code: str) -> str:
    return str(ed.forces.set_index("force_code").at[code, "force_name"])


def _figure(value: float, s: m.Standing, status: str | None = None) -> words.Int | words.Float:
    if s.measure.key == "pct_change":
        return words.signed_pct(value, s.measure.places, status)
    return words.figure(value, _printed(value, s.measure), status)


def _printed(value: float, measure: m.Measure) -> str:
    """A value of a measure as every place prints it: a rate with its decimals always (4.0
    beside 3.9, not 4), a count whole, or with its half where it is a median of two."""
    if measure.places:
        return f"{value:,.{measure.places}f}"
    return fmt.number(value, 1)


def _value(s: m.Standing) -> str:
    assert s.value is not None
    return _figure(s.value, s).text


def _median(s: m.Standing) -> str:
    assert s.median is not None  # the force's own figure is among those given
    return _figure(s.median, s).text


def measure_label(ed: Edition, measure: m.Measure, form: str = "heading") -> str:
    """A measure's words (force.ftl, force-measure) in the `form` its place needs: heading,
    sentence, title or definition."""
    return words.of(ed, "force").text(
        "force-measure", measure=measure.key, form=form,
        previous=ed.period_label(ed.meta.previous_period, short=True))


def standing_sentence(ed: Edition, code: str, s: m.Standing) -> str:
    """'Stalking offences recorded: 1,389‡ (of the 26‡ forces that gave this figure, 23‡ had
    a higher one and 2‡ a lower one; the median: 2,525.5‡).' Each figure carries its own mark
    (registered `inline`): how many forces gave it may be published where the rest is not."""
    w = words.of(ed, "force")
    label = measure_label(ed, s.measure, "sentence")
    status = provenance.returns(ed).status
    mark = words.provenance_mark(status, "text")
    of = words.count(s.of, _of_status(ed, s))
    if s.value is None:
        case = "none-given" if s.of == 0 else "not-given"
        # A rate or a change it lacks says which of its inputs the force did not give.
        return w.text("force-standing", case=case, label=label, who=name(ed, code), of=of,
                      lacks=s.lacks or "figure", period=period(ed),
                      previous=period(ed, "previous"), mark=mark)
    if s.of == 1:
        return w.text("force-standing", case="alone", label=label,
                      value=_figure(s.value, s, status), mark=mark)
    assert s.rank is not None and s.median is not None
    higher = s.rank - 1
    return w.text("force-standing", case="ranked", label=label,
                  value=_figure(s.value, s, status), of=of,
                  higher=words.count(higher, status),
                  lower=words.count(s.of - 1 - higher - s.ties, status),
                  ties=words.count(s.ties, status),
                  median=_figure(s.median, s, _median_status(ed, s)),
                  mark=mark)


def _median_status(ed: Edition, s: m.Standing) -> str:
    """The status of the median: the answers', but for dedicated officers where the release's
    counts alone give it (more than half of the forces that gave a number had none: 0)."""
    if (s.measure.key == "officers" and s.median == 0 and _of_status(ed, s) == "published"
            and 2 * int(category_counts(ed)["none"]) > s.of):
        return "published"
    return provenance.returns(ed).status


def _of_status(ed: Edition, s: m.Standing) -> str:
    """The status of how many forces gave the figure: the answers', but for the forces that
    gave a number of dedicated officers, which the release states (its 7 and 12)."""
    status = provenance.returns(ed).status
    if s.measure.key == "officers":
        given, said = officers.gave_number(ed)
        return said if given == s.of else status
    return status


def standing_chart(ed: Edition, code: str) -> AccessibleChart | Markdown:
    """A dot strip per measure: every force with a figure, this one a large labelled diamond.

    Each strip is scaled to its own range (0 to the largest value), so the strips share no
    axis; the table gives the figures."""
    w = words.of(ed, "force")
    who = name(ed, code)
    median = w.text("force-chart-median")
    table = m.comparison_table(ed)
    rows = []
    for meas in m.measures(ed):
        values = table[meas.key].dropna()
        if values.empty:
            continue
        low, high = min(0.0, float(values.min())), float(values.max())
        span = (high - low) or 1.0
        for force_code, value in values.items():
            rows.append({"measure": measure_label(ed, meas), "force": table.at[force_code, "force"],
                         "value": float(value), "position": (float(value) - low) / span,
                         "this": force_code == code})
        rows.append({"measure": measure_label(ed, meas), "force": median,
                     "value": float(values.median()),
                     "position": (float(values.median()) - low) / span, "this": None})
    data = pd.DataFrame(rows, columns=["measure", "force", "value", "position", "this"])
    mine = data[data["this"] == True]  # noqa: E712 - a column of True, False and None
    if mine.empty:
        return Markdown(w.markdown("force-chart-none", who=who))
    order = [measure_label(ed, meas) for meas in m.measures(ed)]
    # Each measure's name is written above its strip, not beside it, so that on a phone the
    # strips keep the width; values near either end are written inwards, never cut off.
    y = alt.Y("measure:N", sort=order, title=None, axis=None)
    x = alt.X("position:Q", title=w.text("force-chart-axis"),
              axis=alt.Axis(labels=False, ticks=False, grid=False), scale=alt.Scale(
                  domain=[-0.02, 1.02]))
    names = alt.Chart(pd.DataFrame({"measure": order, "position": -0.02})).mark_text(
        align="left", baseline="bottom", dy=-10, fontSize=12, color=INK).encode(
        x=x, y=y, text="measure:N")
    others = data[data["this"] == False]  # noqa: E712
    dots = alt.Chart(others).mark_circle(size=60, opacity=0.45, color=MUTED).encode(
        x=x, y=y, tooltip=["force", "measure", alt.Tooltip("value:Q", format=",.1f")])
    medians = alt.Chart(data[data["this"].isna()]).mark_tick(
        color=INK, thickness=2, size=22).encode(x=x, y=y, tooltip=[
            "measure", alt.Tooltip("value:Q", format=",.1f",
                                      title=w.text("force-chart-median-tooltip"))])
    me = alt.Chart(mine).mark_point(shape="diamond", size=220, filled=True, color=PALETTE[5],
                                    stroke=INK, strokeWidth=1.5, opacity=1).encode(
        x=x, y=y, tooltip=["force", "measure", alt.Tooltip("value:Q", format=",.1f")])
    by_label = {measure_label(ed, meas): meas for meas in m.measures(ed)}
    texts = mine.assign(text=[_label(v, by_label[label]) for v, label in zip(
        mine["value"], mine["measure"], strict=True)])
    labels = alt.layer(*(
        alt.Chart(texts[(texts["position"] >= low) & (texts["position"] < high)]).mark_text(
            dx=dx, dy=11, align=align, baseline="top", fontWeight="bold", color=INK).encode(
            x=x, y=y, text="text:N")
        for low, high, align, dx in ((-1, 0.5, "left", -6), (0.5, 2, "right", 6))))
    chart = (names + dots + medians + me + labels).properties(height=alt.Step(66))
    shown = [s for s in m.standing(ed, code) if s.value is not None]
    readable = pd.DataFrame({
        w.text("force-chart-column", column="measure"): [measure_label(ed, s.measure)
                                                         for s in shown],
        who: [_value(s) for s in shown],
        median: [_median(s) for s in shown],
        w.text("force-chart-column", column="rank"): [
            w.text("force-chart-rank", rank=s.rank, tied=bool(s.ties)) for s in shown],
        w.text("force-chart-column", column="of"): [s.of for s in shown],
    })
    # How many forces gave a figure, and their median, are unmarked where published sources
    # give them (the forces that gave a number of dedicated officers: the release's 7 and 12).
    stated = frozenset(
        [(measure_label(ed, s.measure), w.text("force-chart-column", column="of"))
         for s in shown if _of_status(ed, s) == "published"]
        + [(measure_label(ed, s.measure), median) for s in shown
           if _median_status(ed, s) == "published"])
    best = [s for s in shown if s.rank == 1]
    # Its counts are of the answers: each carries their mark, as in the page's sentences.
    status = provenance.returns(ed).status
    title = w.text("force-chart-title", who=who, best=bool(best),
                   shown=words.count(len(shown), status),
                   of=words.count(best[0].of, _of_status(ed, best[0])) if best else 0,
                   tied=bool(best and best[0].ties),
                   measure=measure_label(ed, best[0].measure, "title") if best else "",
                   # A named force's rank is a claim of the answers: their mark on it.
                   mark=words.provenance_mark(status, "text"))
    return AccessibleChart(
        status=provenance.returns(ed).status,
        name=f"standing-{slug(who)}",
        chart=chart,
        title=title,
        caption=w.text("force-chart-caption", who=who, period=fmt.capital(period(ed)),
                       source=foi_source(ed)),
        alt_text=w.sentences(standing_sentence(ed, code, s) for s in m.standing(ed, code)),
        table=readable,
        published_cells=stated,
        downloads=False,
    )


def _label(value: float, measure: m.Measure) -> str:
    """The force's value beside its diamond, printed as its page and the table print it."""
    if measure.key == "pct_change":
        return f"{value:+.{measure.places}f}%"
    return _printed(value, measure)
