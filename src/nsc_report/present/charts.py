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
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import altair as alt
import pandas as pd
import vl_convert as vlc

from nsc_report.infra.user_cache import cache_key, kept_text
from nsc_report.present import labels, phrasing, words

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
        return phrasing.spoken(after_notice(self.notice, self.alt_text))

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
                f'aria-label="{w.html("charts-data-region", title=phrasing.spoken(self.title))}">'
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
                                  "downloads": self.downloads,
                                  # [row, column] of each value a published source states.
                                  "published": sorted(map(list, self.published_cells))}}
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
