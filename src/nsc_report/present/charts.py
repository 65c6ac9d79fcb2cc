"""Accessible, offline charts.

A chart in the report is an `AccessibleChart`: an Altair chart plus an active title (the
finding), a caption (measure, source, period), a text alternative and its data table. In a
notebook it displays as one mime bundle:

- text/html: a figure with the title and caption, a container that the site's own copy of
  vega-embed (see publish.py) renders as SVG, the data table, and CSV/SVG downloads as data
  URIs. Ids come from the chart's name, never from random numbers, so output is stable.
- image/svg+xml: a static rendering by vl-convert (for other front ends and review).
- text/plain: the title and text alternative.
"""

from __future__ import annotations

import copy
import html
import json
import numbers
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import altair as alt
import pandas as pd
import vl_convert as vlc

from nsc_report.infra.user_cache import cache_key, kept_text
from nsc_report.present import fmt, labels, words

# Okabe-Ito: distinguishable with the common forms of colour blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000"]
INK = "#1f2430"
MUTED = "#5a6270"
FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
STATIC_WIDTH = 640
CHART_DOWNLOADS = "downloads/charts/"  # relative to a chapter's page; written by publish.py


def theme_config() -> dict[str, Any]:
    """Vega-Lite config shared by every chart: readable type, quiet axes, safe colours."""
    return {
        "font": FONT,
        "background": "white",
        "view": {"stroke": None},
        "range": {"category": PALETTE},
        "axis": {"labelFontSize": 13, "titleFontSize": 13, "labelColor": INK,
                 "titleColor": INK, "titleFontWeight": "normal", "gridColor": "#e3e6ea",
                 "domainColor": MUTED, "tickColor": MUTED, "labelLimit": 220},
        "legend": {"labelFontSize": 13, "titleFontSize": 13, "labelColor": INK,
                   "titleColor": INK, "orient": "top", "titleFontWeight": "normal"},
        "title": {"fontSize": 17, "anchor": "start", "color": INK, "subtitleColor": MUTED,
                  "subtitleFontSize": 13, "offset": 12},
        "text": {"fontSize": 13, "color": INK},
        "bar": {"color": PALETTE[0]},
    }


@dataclass
class AccessibleChart:
    """A chart with everything a reader needs to get its finding without seeing it."""

    name: str            # stable id, e.g. "spo-applications"
    chart: alt.TopLevelMixin
    title: str           # active title: states the finding
    caption: str         # measure, source, population, geography, period
    alt_text: str        # the finding and its key numbers in words
    table: pd.DataFrame  # display-ready data table (column names for readers)
    # Links for the table's first column (e.g. each force's name to its page).
    links: Mapping[str, str] = field(default_factory=dict)
    # Per-chart CSV and SVG downloads: the build writes both files into the site's
    # downloads/charts/ (publish.py); the links are relative to the chapter's page. Off where
    # a page has many small charts whose data are in the table anyway.
    downloads: bool = True
    # The weakest status of the data drawn (provenance.py): a chart of illustrative or
    # unverified data says so under its title, in its image, its text and its data file.
    status: str = "published"
    caveat: str = ""
    # Cells of the data table that a published source states, by (first column, column): no
    # mark, whatever the data's status (a force's public answer among constructed ones).
    published_cells: frozenset[tuple[str, str]] = frozenset()
    # Decimal places of a column of decimals, where not one: as the section rounded it and its
    # prose prints it (a rate per 1,000 to two).
    places: Mapping[str, int] = field(default_factory=dict)
    # The chart's Vega-Lite, made and validated once (`_spec`): both specs start from it.
    _made: dict[str, Any] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def notice(self) -> str:
        if self.status not in ("illustrative", "unverified"):
            return ""
        caveat = self.caveat.strip()
        return words.Words("labels").text("label-chart-notice", status=self.status,
                                          caveated=bool(caveat), caveat=caveat)

    @property
    def description(self) -> str:
        """The text alternative as a screen reader hears it: after the notice of the data's
        status where they are not published, which the counts it gives then share; each
        figure's mark said as the word the page's mark is read as ("10 (illustrative)")."""
        return words.spoken(after_notice(self.notice, self.alt_text))

    @property
    def file_stem(self) -> str:
        """The name of its download files: '-illustrative' when drawn from constructed data."""
        return f"{self.name}-illustrative" if self.status == "illustrative" else self.name

    def __post_init__(self) -> None:
        for attr in ("name", "title", "caption", "alt_text"):
            if not getattr(self, attr).strip():
                raise ValueError(f"chart {self.name!r} needs a {attr}")
        if self.table.empty:
            raise ValueError(f"chart {self.name!r} needs a data table")

    # --- specs ----------------------------------------------------------------------------
    def _spec(self) -> dict[str, Any]:
        """A copy of the chart's Vega-Lite, made and validated against the schema once: making
        it (Altair copies and serialises the chart and its data) was most of a force page's
        execution, and the page needs it twice, for the web and for the image."""
        if self._made is None:
            self._made = self.chart.to_dict()
        return copy.deepcopy(self._made)

    def web_spec(self) -> dict[str, Any]:
        """Vega-Lite for the page: fills its container; the title is in the HTML figure."""
        spec = self._spec()
        spec["width"] = "container"
        spec["config"] = theme_config()
        spec["description"] = self.description
        return spec

    def static_spec(self) -> dict[str, Any]:
        """Vega-Lite for a stand-alone image: fixed width, with its title and caption."""
        spec = self._spec()
        spec["width"] = STATIC_WIDTH
        subtitle = textwrap.wrap(after_notice(self.notice, self.caption), 100)
        spec["title"] = {"text": self.title, "subtitle": subtitle}
        # An image read on its own (a download, a front end) says what each mark it prints
        # means: the page's key is not there to say it.
        key = image_key(json.dumps(spec, ensure_ascii=False))
        if key:
            spec["title"]["subtitle"] = [*subtitle, *textwrap.wrap(key, 100)]
        spec["config"] = theme_config()
        spec["description"] = self.description
        return spec

    def svg(self) -> str:
        return static_svg(self.static_spec())

    def csv(self) -> str:
        """The data table, with a status column where the data are not published. Numbers
        are written as numbers, as a program reads them: a count as a whole number (not 2.0,
        as a column with a gap holds it) and never as text with thousands separators."""
        table = self.table.copy()
        for column in table.columns:
            values = table[column]
            if pd.api.types.is_float_dtype(values) and (values.dropna() % 1 == 0).all():
                table[column] = values.astype("Int64")
        if self.notice:
            table = table.assign(**{labels.data_status_column(): self._row_statuses()})
        return table.to_csv(index=False, lineterminator="\n")

    def _row_statuses(self) -> list[str]:
        """Each row's status, for the data file: the chart's notice, and the values of the row
        that a published source states (`published_cells`), which the web table leaves
        unmarked, named with their column."""
        said = words.Words("labels")
        out = []
        for row in self.table.itertuples(index=False):
            stated = [f"{column} ({value})" for column, value in zip(self.table.columns[1:],
                                                                      row[1:], strict=True)
                      if (str(row[0]), str(column)) in self.published_cells
                      and not pd.isna(value) and str(value).strip()]
            out.append(said.text("label-row-status", notice=self.notice, some=bool(stated),
                              columns="; ".join(stated)))
        return out

    # --- output ---------------------------------------------------------------------------
    @property
    def _status_attr(self) -> str:
        """The status of a table whose cells are marked, for the page's note (sphinx_ext)."""
        return f' data-nsc-status="{self.status}"' if self.notice else ""

    def table_html(self) -> str:
        head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in self.table.columns)
        numeric = [pd.api.types.is_numeric_dtype(t) and not pd.api.types.is_bool_dtype(t)
                   for t in self.table.dtypes]
        floats = [pd.api.types.is_float_dtype(t) for t in self.table.dtypes]
        # A column of decimals prints every value to its places (`places`; one by default), as
        # the prose does: a rate printed to two there is not shown to one here.
        places = [self.places.get(str(c), 1) for c in self.table.columns]
        # Each value drawn from data that are not published carries their mark, as in the
        # prose (the first column names the row: a force, a measure, a stage).
        mark = words.provenance_mark(self.status, "html")
        body = []
        for row in self.table.itertuples(index=False):
            cells = []
            for i, value in enumerate(row):
                text = "" if pd.isna(value) else html.escape(_cell(value, floats[i], places[i]))
                if i and text.strip() and (str(row[0]),
                                           str(self.table.columns[i])) not in self.published_cells:
                    text += mark
                if i == 0:
                    href = self.links.get(str(value))
                    if href:
                        text = f'<a href="{html.escape(href)}">{text}</a>'
                    cells.append(f'<th scope="row">{text}</th>')
                else:
                    cls = ' class="num"' if numeric[i] else ""
                    cells.append(f"<td{cls}>{text}</td>")
            body.append(f"<tr>{''.join(cells)}</tr>")
        w = words.Words("charts")
        marked = words.Rendered(words.marks_html(self.title), "html")  # the title's own marks
        return (f'<div class="nsc-table-wrap" role="region" tabindex="0" '
                f'aria-label="{w.html("charts-data-region", title=words.unmarked(self.title))}">'
                f'<table class="nsc-data-table"{self._status_attr}><caption>'
                f'{w.html("charts-data-caption", title=marked)}'
                f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
                f"</div>")

    def html(self, svg: str | None = None) -> str:
        svg = svg if svg is not None else self.svg()
        ident = f"nsc-chart-{self.name}"
        spec = json.dumps(self.web_spec(), sort_keys=True, separators=(",", ":"))
        # Data in the spec cannot close the script element early ("</") nor make the browser
        # read the rest of the page as script ("<!--" then "<script"); JSON reads both back.
        spec = spec.replace("</", "<\\/").replace("<!--", "\\u003c!--")
        w = words.Words("charts")
        downloads = ""
        if self.downloads:
            # Files, not data URIs: an inline SVG of a large chart would weigh more than the
            # rest of its page.
            files = {kind: f"{self.file_stem}.{kind}" for kind in ("csv", "svg")}
            downloads = w.html("charts-downloads", **{f"{k}-name": f for k, f in files.items()},
                               **{k: f"{CHART_DOWNLOADS}{f}" for k, f in files.items()})
        return (
            f'<figure class="nsc-chart" id="{ident}-figure" aria-labelledby="{ident}-title">'
            f'<figcaption><p class="nsc-chart-title" id="{ident}-title">'
            f"{words.marks_html(self.title)}</p>"
            + (f'<p class="nsc-chart-status" data-nsc-status="{self.status}">'
               f"{html.escape(self.notice)}</p>" if self.notice else "")
            + f'<p class="nsc-chart-caption">{html.escape(self.caption)}</p></figcaption>'
            f'<div class="nsc-chart-canvas" id="{ident}" role="img" '
            f'aria-label="{html.escape(self.description)}" data-spec="{ident}-spec"></div>'
            f'<script type="application/json" id="{ident}-spec">{spec}</script>'
            f'<details class="nsc-chart-data"><summary>{w.html("charts-show-data")}</summary>'
            f"{self.table_html()}</details>{downloads}</figure>"
        )

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None
                          ) -> tuple[dict[str, str], dict[str, Any]]:
        svg = self.svg()
        data = {
            "text/html": self.html(svg),
            "image/svg+xml": svg,
            "text/plain": "\n".join(filter(None, (self.title, self.notice, self.alt_text))),
        }
        # publish.py collects every chart's table for the downloads from this metadata.
        metadata = {"nsc_chart": {"name": self.name, "title": self.title,
                                  "caption": self.caption, "csv": self.csv(),
                                  "status": self.status, "file": self.file_stem,
                                  "downloads": self.downloads}}
        return data, metadata


def after_notice(notice: str, text: str) -> str:
    """`text` after the data's notice (where there is one), as one run of sentences: a notice
    that ends a sentence of its own ("... treat them as unverified.") takes no second stop."""
    if not notice:
        return text
    return f"{notice} {text}" if notice.rstrip().endswith((".", "!", "?")) else \
        f"{notice}. {text}"


def image_key(printed: str) -> str:
    """What the marks that `printed` (an image's text) holds mean, in the words of the page's
    key; empty where it holds none."""
    found = {status: mark in printed for status, mark in words.MARKS.items()}
    if not any(found.values()):
        return ""
    return words.Words("charts").text(
        "charts-image-key", illustrative=found.get("illustrative", False),
        unverified=found.get("unverified", False),
        illustrative_mark=words.MARKS["illustrative"], unverified_mark=words.MARKS["unverified"])


def embedded_spec(page_html: str, name: str) -> dict[str, Any] | None:
    """The Vega-Lite spec that `Chart.html` embeds for the chart `name` (read back by the
    printed briefing, which draws it again for paper); None where the page embeds none."""
    found = re.search(rf'<script type="application/json" id="nsc-chart-{re.escape(name)}-spec">'
                      r"(.*?)</script>", page_html, flags=re.S)
    return None if found is None else json.loads(found.group(1))  # "<\/" reads back as "</"


def static_svg(spec: dict[str, Any]) -> str:
    """vl-convert's SVG of a spec, kept in the user's cache by the spec and the versions of
    vl-convert and Vega-Lite: drawing it is a third of a force page's execution, and every
    rebuild (and every test build) draws most charts exactly as before."""
    text = json.dumps(spec, sort_keys=True, separators=(",", ":"), default=str)
    key = cache_key(vlc.__version__, vlc.get_vegalite_versions()[-1], text)
    return kept_text("svg", key, lambda: vlc.vegalite_to_svg(spec), suffix=".svg")


def _cell(value: Any, is_float: bool, places: int = 1) -> str:
    if is_float:
        return f"{float(value):,.{places}f}"
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return f"{int(value):,}"
    return str(value)


# --- chart builders used by the section notebooks --------------------------------------------

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
