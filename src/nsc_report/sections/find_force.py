"""'Find your force': a tile map of the 43 forces and a list by region that filters as you type.

The map is plain HTML: one square per force at its tile position from reference/forces.csv,
each a link to the force's page. The reader chooses the measure that colours it (the site's
nsc-finder.js switches it; without scripts the first measure shows). Every square also prints
its value, so colour is never the only cue, and a table gives the same information as text.
The words are in `notebooks/find-your-force.ftl`, beside the template; the markup is here.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from nsc_report.data import REGIONS, Edition, provenance
from nsc_report.layout import slug
from nsc_report.measures import force as m
from nsc_report.measures.response import responding_forces
from nsc_report.measures.spo import BANDS
from nsc_report.present import fmt, labels, words
from nsc_report.present.figures import Register
from nsc_report.present.tables import HtmlBlock, Table
from nsc_report.sections import officers, period, spo
from nsc_report.sections.spo import band_labels

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("find-your-force", "annex-forces")

# A legend's count that is a chapter's figure (the release's 12, 8 and 3 forces in the bands of
# applications; its 12 forces with no dedicated officer) has that figure's status, as the
# chapter prints it: (measure, class) -> the figure's key in the chapter's register.
# The forces with no figure ("na") are a chapter's figure too where it works them out from
# published counts (the 43 asked less the release's 23 in its bands, or its 7 and 12).
CHAPTER_FIGURES: dict[tuple[str, int | str], str] = {
    ("spo", 0): "spo_band_low", ("spo", 1): "spo_band_mid", ("spo", 2): "spo_band_high",
    ("spo", "na"): "spo_forces_no_figure", ("officers", 0): "officers_none",
    ("officers", "na"): "officers_no_figure"}

# The classes are coloured in nsc.css with sequential blues (safe for colour-blind readers,
# with text contrast of 4.5:1 or more); the value printed in each square carries the
# information too. "na" (no figure) is hatched.


@dataclass(frozen=True)
class MapMeasure:
    key: str
    label: str                             # in the chooser and the legend's heading
    classes: list[str]                     # legend labels, lowest first
    classify: Callable[[pd.Series], int | None]   # a force's row -> class index, or no figure
    text: Callable[[pd.Series], str]       # what the square prints
    short: str = ""                        # the table's column heading


# The places a square prints a force's change to: as the reports chapter's table and the force
# pages print it, so that the map's "+10.3%" is theirs, and a change just over 10% does not
# read "+10%" in the class "more than 10%".
CHANGE_PLACES = 1


def printed_change(value: float) -> float | None:
    """A force's percentage change as the map prints it (None where it has none); never -0.0."""
    if pd.isna(value):
        return None
    return round(float(value), CHANGE_PLACES) + 0.0


def map_measures(ed: Edition) -> list[MapMeasure]:
    def spo_class(r: pd.Series) -> int | None:
        if pd.isna(r["spo_total"]):
            return None
        return next(i for i, (_, low, high) in enumerate(BANDS) if low <= r["spo_total"] <= high)

    def change_class(r: pd.Series) -> int | None:
        # Classed on the value as the square prints it, so that two squares that print the
        # same change are in one class (fact-check 8, B6: "+10%" was classed over 10%).
        c = printed_change(r["pct_change"])
        return None if c is None else (0 if c < 0 else 1 if c <= 10 else 2)

    def answered_class(r: pd.Series) -> int | None:
        share = r["answered_full"] / r["asked"]
        return 0 if share < 1 / 3 else 1 if share < 2 / 3 else 2

    def officers_class(r: pd.Series) -> int | None:
        v = r["officers"]
        return None if pd.isna(v) else min(int(v), 2)

    w = words.of(ed, "find-your-force")
    previous = ed.period_label(ed.meta.previous_period, short=True)

    def pcc_text(r: pd.Series) -> str:
        return w.text("find-your-force-pcc-value", case=r["commitment"])

    measures = [
        MapMeasure("spo", w.text("find-your-force-spo", period=period(ed)),
                   list(band_labels(ed).values()), spo_class,
                   lambda r: "–" if pd.isna(r["spo_total"]) else fmt.count(r["spo_total"]),
                   w.text("find-your-force-spo-short")),
        MapMeasure("change", w.text("find-your-force-change", previous=previous),
                   [w.text("find-your-force-change-class", level=c)
                    for c in ("fell", "up-to-10", "over-10")], change_class,
                   lambda r: "–" if pd.isna(r["pct_change"]) else
                   f"{printed_change(r['pct_change']):+.{CHANGE_PLACES}f}%",
                   w.text("find-your-force-change-short")),
        MapMeasure("answered", w.text("find-your-force-answered"),
                   [w.text("find-your-force-answered-class", level=c)
                    for c in ("low", "middle", "high")],
                   answered_class, lambda r: f"{r['answered_full']}/{r['asked']}",
                   w.text("find-your-force-answered-short")),
        MapMeasure("officers", w.text("find-your-force-officers"),
                   [w.text("find-your-force-officers-class", level=c)
                    for c in ("none", "one", "more")], officers_class,
                   lambda r: "–" if pd.isna(r["officers"]) else fmt.count(r["officers"]),
                   w.text("find-your-force-officers-short")),
        MapMeasure("pcc", w.text("find-your-force-pcc", year=str(ed.meta.pcc_commitment_year)),
                   [w.text("find-your-force-pcc-class", level=c)
                    for c in ("none", "committed")], lambda r: int(r["commitment"] == "made"),
                   pcc_text, w.text("find-your-force-pcc-short")),
    ]
    # Which named Commissioner made the commitment is not shown from constructed data.
    return measures if provenance.may_name_commitments(ed) else measures[:-1]


def finder_table(ed: Edition) -> pd.DataFrame:
    """Every force with the values the map can show (reference order)."""
    table = m.comparison_table(ed)
    forces = ed.forces.set_index("force_code")
    return table.assign(
        short_name=forces["short_name"], region=forces["region"],
        tile_x=forces["tile_x"].astype(int), tile_y=forces["tile_y"].astype(int),
        answered_full=m.completeness_ranking(ed),
        asked=m.questions_asked(ed).reindex(table.index),
        # What may be said of each force and the commitment: the one account (provenance).
        commitment=[provenance.commitment(ed, code).case for code in table.index],
        slug=table["force"].map(slug))


def tile_map(ed: Edition) -> HtmlBlock:
    w = words.of(ed, "find-your-force")
    data = finder_table(ed)
    measures = map_measures(ed)
    first = measures[0].key
    width = int(data["tile_x"].max()) + 1
    height = int(data["tile_y"].max()) + 1
    # Each value a square prints, and each count of forces in a legend, carries the mark of
    # the data it is from, as the prose does.
    status = _status(ed)
    mark = words.provenance_mark(status, "html")
    registers = {"spo": spo.figures(ed), "officers": officers.figures(ed)}
    tiles = []
    for row in data.itertuples():
        r = data.loc[row.Index]
        attrs, values = [], []
        for meas in measures:
            cls = meas.classify(r)
            name = "na" if cls is None else f"c{cls}"
            if meas.key == first:
                attrs.insert(0, f'data-class="{name}"')
            attrs.append(f'data-{meas.key}="{name}"')
            hidden = "" if meas.key == first else " hidden"
            values.append(f'<span class="nsc-tile-value" data-for="{meas.key}"{hidden}>'
                          f"{html.escape(meas.text(r))}{mark if cls is not None else ''}</span>")
        tiles.append(
            f'<a class="nsc-tile" href="forces/{row.slug}.html" '
            f'style="grid-column:{row.tile_x + 1};grid-row:{row.tile_y + 1}" {" ".join(attrs)}>'
            f'<span class="nsc-tile-code" aria-hidden="true">{html.escape(row.short_name)}</span>'
            f'<span class="nsc-visually-hidden">{html.escape(row.force)}: </span>'
            f"{''.join(values)}</a>")
    options = "".join(f'<option value="{x.key}">{html.escape(x.label)}</option>'
                      for x in measures)
    legends = []
    for meas in measures:
        classes = data.apply(meas.classify, axis=1)
        items = [(f"c{i}", label, int((classes == i).sum()))
                 for i, label in enumerate(meas.classes)]
        missing = int(classes.isna().sum())
        if missing:
            # A change lacks a figure where either year's offences recorded are missing.
            items.append(("na", w.text("find-your-force-legend-none",
                                       derived=meas.key == "change"), missing))
        said = [w.html("find-your-force-legend-item", label=label,
                       forces=_legend_count(registers, meas.key,
                                            "na" if c == "na" else i, n, status))
                for i, (c, label, n) in enumerate(items)]
        lis = "".join(f'<li><span class="nsc-swatch" data-class="{c}" aria-hidden="true">'
                      f"</span>{item}</li>" for (c, _, _), item in zip(items, said, strict=True))
        hidden = "" if meas.key == first else " hidden"
        legends.append(f'<div class="nsc-map-legend" data-for="{meas.key}"{hidden}>'
                       f'<p class="nsc-map-legend-title">{html.escape(meas.label)}</p>'
                       f"<ul>{lis}</ul></div>")
    markup = (
        f'<div class="nsc-finder" data-measure="{first}">'
        f'<div class="nsc-map-controls"><label for="nsc-map-measure">'
        f'{w.html("find-your-force-choose")}</label> '
        f'<select id="nsc-map-measure">{options}</select></div>'
        f'<nav class="nsc-map" aria-label="{w.html("find-your-force-map-label", forces=len(data))}"'
        f' style="grid-template-columns:repeat({width},1fr);'
        f'grid-template-rows:repeat({height},auto)">{"".join(tiles)}</nav>'
        f'{"".join(legends)}'
        f'<details class="nsc-map-as-table"><summary>{w.html("find-your-force-map-as-table")}'
        f"</summary>{map_table(ed).html()}</details></div>")
    return HtmlBlock(markup, w.text("find-your-force-map-text", forces=len(data)))


def _legend_count(registers: dict[str, Register], measure: str, cls: int | str, n: int,
                  status: str) -> words.Int | words.Float:
    """A legend's count of forces, with the mark of the data it is from (see CHAPTER_FIGURES)."""
    key = CHAPTER_FIGURES.get((measure, cls))
    if key is not None and measure in registers and registers[measure].figures[key].raw == n:
        return registers[measure].marked(key)
    return words.count(n, status)


def map_table(ed: Edition, links: bool = True) -> Table:
    """The map's text equivalent, and the annex of the printed report: one row per force."""
    data = finder_table(ed)
    measures = map_measures(ed)
    frame = pd.DataFrame({labels.column(ed, "force"): data["force"],
                          labels.column(ed, "region"): data["region"]})
    for meas in measures:
        frame[meas.short or meas.label] = data.apply(meas.text, axis=1)
    caption = words.of(ed, "find-your-force").text(
        "find-your-force-table-caption", period=period(ed),
        previous=ed.period_label(ed.meta.previous_period, short=True),
        year=str(ed.meta.pcc_commitment_year), commitments=provenance.may_name_commitments(ed))
    # Each measure's column is of the answers (or the commitments): its cells carry the mark.
    return Table("forces", caption, frame.reset_index(drop=True), links={
                     n: f"forces/{slug(n)}.html" for n in data["force"]} if links else {},
                 status=_status(ed), marked=tuple(frame.columns[2:]))


def _status(ed: Edition) -> str:
    """The status of what the map shows: the answers' and, where it is shown, the
    commitments' (the weakest)."""
    files = ("returns", "commitments") if provenance.may_name_commitments(ed) else ("returns",)
    return provenance.of(ed, files, (f"foi_{ed.meta.edition}",)).status


def force_list(ed: Edition) -> HtmlBlock:
    w = words.of(ed, "find-your-force")
    data = finder_table(ed)
    groups = []
    for region in [r for r in REGIONS if r in set(data["region"])]:
        forces = data[data["region"] == region].sort_values("force")
        items = "".join(
            f'<li data-search="{html.escape((f.force + " " + region).lower())}">'
            f'<a href="forces/{f.slug}.html">{html.escape(f.force)}</a></li>'
            for f in forces.itertuples())
        groups.append(f'<section class="nsc-region" aria-label="{html.escape(region)}">'
                      f"<h3>{html.escape(region)}</h3><ul>{items}</ul></section>")
    markup = (
        f'<div class="nsc-force-list"><div class="nsc-force-filter">'
        f'<label for="nsc-force-filter">{w.html("find-your-force-filter")}</label>'
        f'<input id="nsc-force-filter" type="search" autocomplete="off" spellcheck="false" '
        f'aria-describedby="nsc-force-count"></div>'
        f'<p id="nsc-force-count" class="nsc-force-count" role="status">'
        f'{w.html("find-your-force-count", forces=len(data))}</p>'
        f'{"".join(groups)}</div>')
    return HtmlBlock(markup, w.text("find-your-force-list-text"))


def figures(ed: Edition) -> Register:
    w = words.of(ed, "find-your-force")
    data = finder_table(ed)
    r = Register(ed, files=("forces",))
    r.count("finder_forces", len(data), w.text("find-your-force-def-forces"),
            forces=list(ed.forces["force_code"]))
    r.count("finder_regions", data["region"].nunique(), w.text("find-your-force-def-regions"))
    answered = responding_forces(ed)
    r.count("finder_some_answer", len(answered), w.text("find-your-force-def-some-answer"),
            forces=answered, questions=tuple(ed.questions["id"]), stated="forces_responding")
    # Counts a chapter prints with a noun: glued with it, in its number (labels.ftl).
    r.counted("finder_forces", "police-forces")
    return r
