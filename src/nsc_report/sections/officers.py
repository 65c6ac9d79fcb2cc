"""Section: specialist officers and single points of contact (Q6-Q8).

The words are in `notebooks/officers.ftl`, beside the template."""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from nsc_report.data import Edition, provenance
from nsc_report.measures import answer_values, force_names
from nsc_report.measures.officers import category_counts, dedicated_officers, spoc_summary
from nsc_report.present import labels, words
from nsc_report.present.chart_builders import bar_counts
from nsc_report.present.charts import AccessibleChart
from nsc_report.present.figures import Register
from nsc_report.sections import foi_source, force_links

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("officers",)
# The measure's categories (measures/officers.py) as officers.ftl selects them.
KEYS = {"at least one": "at-least-one", "none": "none", "did not say": "unstated"}
# Each category's count in the register (officers_<key>).
FIGURE_KEYS = {"at least one": "at_least_one", "none": "none", "did not say": "unstated"}


def gave_number(ed: Edition) -> tuple[int, str]:
    """How many forces gave a number of dedicated officers (at least one, or none), and the
    status the register gives that count: published where the release states both groups."""
    counts = category_counts(ed)
    r = Register(ed, questions=("Q6",), periods=("at_request",))
    keys = [f"officers_{FIGURE_KEYS[c]}" for c in ("at least one", "none")]
    for category, key in zip(("at least one", "none"), keys, strict=True):
        r.count(key, counts[category], "", stated=key)
    return (int(counts["at least one"] + counts["none"]),
            provenance.weakest(r.status_of(k) for k in keys))


def figures(ed: Edition) -> Register:
    counts = category_counts(ed)
    table = dedicated_officers(ed)
    spoc = spoc_summary(ed)
    w = words.of(ed, "officers")
    r = Register(ed, questions=("Q6",), periods=("at_request",))
    r.count("officers_responding", len(table), w.text("officers-def-responding"),
            forces=list(table.index), stated="forces_responding")
    public = _said_publicly(ed)
    for category, key in FIGURE_KEYS.items():
        said = KEYS[category]
        these = list(table.index[table["category"] == category])
        r.count(f"officers_{key}", counts[category],
                w.text("officers-def-category", category=said), forces=these,
                # A force that has said which group it is in (South Yorkshire: at least one).
                public_forces=[c for c in these if c in public],
                stated=None if key == "unstated" else f"officers_{key}",  # the release's two
                # The rest of the responding forces: published where the three counts are.
                parts=("officers_responding", "officers_at_least_one", "officers_none")
                if key == "unstated" else (),
                finding=w.text("officers-finding-at-least-one",
                               forces=words.count(int(counts[category])))
                if key == "at_least_one" else None)
    unstated = table[table["category"] == "did not say"]["status"]
    kinds = {"not_held": list(unstated.index[unstated == "not_held"]),
             "refused": list(unstated.index[unstated.str.startswith("refused")])}
    # Any other answer (a part answer, most often) is told in words: described.
    kinds["described"] = [f for f in unstated.index
                          if f not in kinds["not_held"] and f not in kinds["refused"]]
    for kind, these in kinds.items():
        r.count(f"officers_unstated_{kind}", len(these),
                w.text("officers-def-unstated-kind", kind=kind.replace("_", "-")), forces=these)
    # Its counts mark themselves where they stand: the published "other 8" begins it, which a
    # mark at its end would mark too.
    r.text("officers_unstated_text", w.text(
        "officers-unstated", unstated=r.marked("officers_unstated"),
        **{kind: r.marked(f"officers_unstated_{kind}") for kind in kinds}),
        w.text("officers-def-unstated-text"), forces=list(unstated.index),
        parts=("officers_unstated", *(f"officers_unstated_{kind}" for kind in kinds)),
        inline=True)
    r.in_chart("officers_at_least_one", "officers_responding")  # the chart's title
    # The forces the map shows with no figure: the 43 asked less the release's 7 and 12
    # (published where those are); the map's legend prints it on find-your-force.
    r.count("officers_asked", ed.meta.forces_asked, w.text("officers-def-asked"), questions=(),
            periods=(), files=("meta",), sources=(f"foi_{ed.meta.edition}",),
            stated="forces_asked")
    stated = set(r.figures["officers_at_least_one"].forces or ()) | set(
        r.figures["officers_none"].forces or ())
    rest = [c for c in ed.forces["force_code"] if c not in stated]
    no_figure = ed.meta.forces_asked - counts["at least one"] - counts["none"]
    r.count("officers_no_figure", no_figure, w.text("officers-def-no-figure"),
            forces=rest if len(rest) == no_figure else None,
            parts=("officers_asked", "officers_at_least_one", "officers_none"))
    r.in_chart("officers_none", "officers_no_figure", page="find-your-force")
    r.count("officers_dedicated_total", int(table["dedicated_officers"].sum()),
            w.text("officers-def-dedicated-total"))
    for prefix, q in (("spoc", "Q7"), ("spo_spoc", "Q8")):
        values = answer_values(ed, q, "at_request")
        summary = (spoc.spoc_forces, spoc.spoc_total, spoc.spoc_zero) if q == "Q7" else (
            spoc.spo_spoc_forces, spoc.spo_spoc_total, spoc.spo_spoc_zero)
        r.count(f"officers_{prefix}_forces", summary[0],
                w.text("officers-def-spoc-forces", question=q), forces=list(values.index),
                questions=(q,))
        r.count(f"officers_{prefix}_total", summary[1],
                w.text("officers-def-spoc-total", question=q), questions=(q,))
        r.count(f"officers_{prefix}_zero", summary[2],
                w.text("officers-def-spoc-zero", question=q),
                forces=list(values.index[values == 0]), questions=(q,))
    # Counts a chapter prints with a noun: glued with it, in its number (labels.ftl).
    for key, noun in (("officers_responding", "forces"),
                      ("officers_at_least_one", "forces"),
                      ("officers_dedicated_total", "officers"),
                      ("officers_spoc_forces", "forces"),
                      ("officers_spoc_zero", "forces"),
                      ("officers_spo_spoc_forces", "forces"),
                      ("officers_spo_spoc_zero", "forces")):
        r.counted(key, noun)
    return r


def chart(ed: Edition) -> AccessibleChart | Markdown:
    w = words.of(ed, "officers")
    counts = category_counts(ed)
    total = int(counts.sum())
    if total == 0:
        return Markdown(w.markdown("officers-chart-none"))
    data = pd.DataFrame({"answer": [w.text("officers-answer", category=KEYS[c], capital=True)
                                    for c in counts.index],
                         "forces": counts.to_list()})
    table = dedicated_officers(ed).reset_index()
    table["category"] = [w.text("officers-answer", category=KEYS[c], capital=False)
                         for c in table["category"]]
    readable = table[["force", "dedicated_officers", "category"]].rename(columns={
        "force": labels.column(ed, "force"),
        "dedicated_officers": w.text("officers-column-dedicated"),
        "category": labels.column(ed, "answer")})
    figs = figures(ed)
    names = force_names(ed)
    # Each bar's count is a figure of the register, with its mark (the release states two).
    marks = [figs.mark_of(f"officers_{FIGURE_KEYS[c]}")
             for c in counts.index]
    return AccessibleChart(
        status=provenance.returns(ed).status,
        name="dedicated-officers",
        chart=bar_counts(data, "answer", "forces", w.text("officers-chart-bars"),
                         labels.column(ed, "forces"), sort=list(data["answer"]), marks=marks
                         ).properties(height=150),
        # Each figure in the title with the mark it carries in the prose (the register's).
        title=w.text("officers-chart-title", some=figs.marked("officers_at_least_one"),
                     total=figs.marked("officers_responding")),
        caption=w.text("officers-chart-caption", period=ed.period_label("at_request"),
                       source=foi_source(ed)),
        # Each count with the mark it carries in the prose (the register's).
        alt_text=w.text("officers-chart-alt", total=figs.marked("officers_responding"),
                        some=figs.marked("officers_at_least_one"),
                        none=figs.marked("officers_none"),
                        unstated=figs.marked("officers_unstated")),
        table=readable,
        links=force_links(ed),
        # A force's answer that it made public itself (South Yorkshire has a dedicated
        # officer): its group is published, its count stays constructed.
        published_cells=frozenset((str(names[code]), labels.column(ed, "answer"))
                                  for code in _said_publicly(ed)),
    )


def _said_publicly(ed: Edition) -> list[str]:
    """The forces whose answer on dedicated officers (its group, not its count) a published
    source of their own states."""
    return [a.force_code for a in provenance.public_answers(ed) if a.question_id == "Q6"
            and provenance.of(ed, (), (a.source,)).status == "published"]
