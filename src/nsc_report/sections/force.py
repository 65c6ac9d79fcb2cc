"""A force's own page: its answers in words, its standing, and what it could not tell us.

The words are in `notebooks/force.ftl`, beside the template; this module computes the values
and picks the variants, so that a force that did not answer gets sentences that say so, never
a zero or a rank it has not earned.
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
from IPython.display import Markdown

from nsc_report.data import Edition, provenance
from nsc_report.layout import slug
from nsc_report.measures import answer_values
from nsc_report.measures import force as m
from nsc_report.measures.spo import band_counts
from nsc_report.present import fmt, labels, phrasing, words
from nsc_report.present.charts import INK, MUTED, PALETTE, AccessibleChart
from nsc_report.present.figures import Register
from nsc_report.present.tables import HtmlBlock, Table
from nsc_report.sections import foi_source, overseer, period, published
from nsc_report.sections.spo import band_labels

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("force",)

# The questions behind each measure a force is ranked on (measures/force.py).
STANDING_QUESTIONS = {"recorded": ("Q1",), "pct_change": ("Q1",),
                      "spo_per_1000": ("Q1", "Q9", "Q10"), "officers": ("Q6",), "spocs": ("Q7",)}
OFFICER_QUESTIONS = ("Q6", "Q7", "Q8")  # dedicated officers, SPOCs, SPOCs for SPOs


def name(ed: Edition, code: str) -> str:
    return str(ed.forces.set_index("force_code").at[code, "force_name"])


def _figure(value: float, s: m.Standing) -> words.Int | words.Float:
    if s.measure.key == "pct_change":
        return words.signed_pct(value, s.measure.places)
    return words.figure(value, _printed(value, s.measure))


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
    """'Stalking offences recorded: 1,389. Of the 26 forces that gave this figure, 23 had a
    higher one and 2 a lower one; the median: 2,525.5.'"""
    w = words.of(ed, "force")
    label = measure_label(ed, s.measure, "sentence")
    if s.value is None:
        case = "none-given" if s.of == 0 else "not-given"
        # A rate or a change it lacks says which of its inputs the force did not give.
        return w.text("force-standing", case=case, label=label, who=name(ed, code), of=s.of,
                      lacks=s.lacks or "figure", period=period(ed),
                      previous=period(ed, "previous"))
    if s.of == 1:
        return w.text("force-standing", case="alone", label=label, value=_figure(s.value, s))
    assert s.rank is not None and s.median is not None
    higher = s.rank - 1
    return w.text("force-standing", case="ranked", label=label, value=_figure(s.value, s),
                  of=s.of, higher=higher, lower=s.of - 1 - higher - s.ties, ties=s.ties,
                  median=_figure(s.median, s))


def _answers(ed: Edition, code: str) -> pd.DataFrame:
    """The force's answers (measures.force.answers), each with its status in words."""
    a = m.answers(ed, code)
    named = labels.statuses(ed, sorted(set(a["status"])))
    return a.assign(status_label=a["status"].map(named))


def figures(ed: Edition, code: str) -> Register:
    w = words.of(ed, "force")
    who = name(ed, code)
    forces = ed.forces.set_index("force_code")
    region = str(forces.at[code, "region"])
    done = m.completeness(ed, code)
    ranking = m.completeness_ranking(ed)
    answers = _answers(ed, code)
    missing = answers[~answers["status"].isin(["answered"])]
    standing = {s.measure.key: s for s in m.standing(ed, code)}
    table = m.comparison_table(ed)
    row = table.loc[code]
    every = tuple(ed.questions["id"])
    r = Register(ed, questions=every)
    r.text("force_name", who, w.text("force-def-name"), questions=(), files=("forces",))
    illustrative = provenance.returns(ed).status == "illustrative"
    r.text("force_heading", w.text("force-heading", who=who, illustrative=illustrative),
           w.text("force-def-heading"), questions=(), files=("forces",))
    r.text("force_overseer", overseer(ed, code), w.text("force-def-overseer"), questions=(),
           files=("../reference/oversight.csv",))
    r.text("force_region", region, w.text("force-def-region"), questions=(), files=("forces",))
    r.text("force_period", period(ed), w.text("force-def-period"), questions=(),
           files=("meta",))
    # How many questions it was asked is the request's design (the codebook), not an answer:
    # published, whatever the status of the answers.
    r.count("force_asked", done.asked, w.text("force-def-asked", who=who), questions=(),
            files=("questions",))
    r.count("force_answered", done.answered, w.text("force-def-answered", who=who))
    opening = {"who": who, "forces": ed.meta.forces_asked, "region": region,
               "illustrative": illustrative}
    # The forces asked and the questions asked are the request's design (published); what the
    # force answered, and how it compares, are of the answers: each of those carries their
    # mark where it stands, and the sentence none at its end (a mark there marks every figure
    # in the sentence, the 13 questions too).
    status = provenance.returns(ed).status
    if not done.gave_figures:
        intro = w.text("force-intro-no-figures", **opening,
                       status=missing["status"].value_counts().index[0],
                       mark=words.provenance_mark(status, "text"))
    else:
        answered = int(ranking[code])
        intro = w.text("force-intro-figures", **opening,
                       answered=words.count(done.answered, status),
                       asked=done.asked, partial=words.count(done.partial, status),
                       better=words.count(int((ranking > answered).sum()), status),
                       same=words.count(int((ranking == answered).sum()) - 1, status))
    r.text("force_intro", intro, w.text("force-def-intro", who=who), forces=list(ranking.index),
           inline=True)
    for key, s in standing.items():
        r.text(f"force_standing_{key}", standing_sentence(ed, code, s),
               w.text("force-def-standing", who=who,
                      measure=measure_label(ed, s.measure, "definition")),
               questions=STANDING_QUESTIONS[key])
    r.text("force_spo_text", _spo_sentence(ed, code, row), w.text("force-def-spo", who=who),
           questions=("Q9", "Q10"), periods=(ed.meta.current_period,), inline=True)
    # Said from the force's row where it is real (and resting on the source it cites); else
    # only who oversees the force (real reference data) and that it is not published here.
    pledge = provenance.commitment(ed, code)
    r.text("force_pcc_text", _pcc_sentence(ed, code), w.text("force-def-pcc", who=who),
           files=pledge.files, sources=pledge.sources, questions=())  # not of the answers
    r.text("force_change_text", _change_sentence(ed, code, row),
           w.text("force-def-change", who=who), questions=("Q1",),
           periods=(ed.meta.previous_period, ed.meta.current_period))
    # What the force made public itself: published, resting on its source alone (the row's
    # count stays constructed, in the sentence after it); empty where nothing is public.
    public = provenance.public_answers(ed, code)
    r.text("force_public_text", _public_sentence(ed, code, public, illustrative),
           w.text("force-def-public", who=who), questions=(), files=(),
           sources=tuple(dict.fromkeys(a.source for a in public)))
    r.text("force_officers_text", _officers_sentence(ed, code, answers),
           w.text("force-def-officers", who=who), questions=OFFICER_QUESTIONS,
           periods=("at_request",))
    gaps = ("complete" if missing.empty else "nothing" if not done.gave_figures else "some")
    # The questions it did not answer in full are of the answers (marked where the count
    # stands); the questions asked are the request's (published).
    r.text("force_gaps_text", w.text("force-gaps", case=gaps, who=who, asked=done.asked,
                                     missing=words.count(done.asked - done.answered, status),
                                     mark=words.provenance_mark(status, "text")),
           w.text("force-def-gaps", who=who), inline=True)
    published.add_figures(r, ed, code)
    # Counts a chapter prints with a noun: glued with it, in its number (labels.ftl).
    r.counted("force_asked", "questions")
    return r


def _spo_sentence(ed: Edition, code: str, row: pd.Series) -> str:
    """The force's SPO cases and its band. The band's limits are the release's (published), so
    each figure of the answers carries their mark where it stands (registered `inline`)."""
    w = words.of(ed, "force")
    who = name(ed, code)
    status = provenance.returns(ed).status
    mark = words.provenance_mark(status, "text")
    if pd.isna(row["spo_total"]):
        return w.text("force-spo", case="no-figure", who=who, period=period(ed), mark=mark)
    band = m.spo_band(ed, code)
    current = ed.meta.current_period
    interim, full = (int(answer_values(ed, q, current)[code]) for q in ("Q9", "Q10"))
    return w.text("force-spo", case="figure", who=who, period=period(ed),
                  interim=words.count(interim, status), full=words.count(full, status),
                  total=words.count(int(row["spo_total"]), status), band=band_labels(ed)[band],
                  lowest=band == "low", mark=mark,
                  same=words.count(int(band_counts(ed)[band]) - 1, status))


def _pcc_sentence(ed: Edition, code: str) -> str:
    on = dt.date(ed.meta.pcc_commitment_year, 6, 30)
    pledge = provenance.commitment(ed, code)
    # A named office's act is printed with the source it rests on, in the same sentence.
    source = "; ".join(ed.source(s).citation for s in pledge.sources)
    return words.of(ed, "force").text(
        "force-pcc", year=str(on.year), commissioner=pledge.case, source=source,
        body=overseer(ed, code, on), body_capital=overseer(ed, code, on, capital=True))


def _change_sentence(ed: Edition, code: str, row: pd.Series) -> str:
    values: dict[str, object] = {"who": name(ed, code), "previous": period(ed, "previous"),
                                 "period": period(ed)}
    both = m.change_table(ed)
    if code in both.index and pd.isna(row["pct_change"]):  # none recorded the year before
        values.update(change="none-before", now=int(both.at[code, "current"]))
    elif pd.isna(row["pct_change"]):
        values.update(change="unknown")
    else:
        change = float(row["pct_change"])
        values.update(change="known", amount=words.pct(abs(change), 1),
                      direction="rose" if change > 0 else "fell" if change else "same")
    return words.of(ed, "force").text("force-change", **values)


def _public_sentence(ed: Edition, code: str, public: list[provenance.PublicAnswer],
                     constructed: bool) -> str:
    """Each answer the force made public, as its source states it ('' where none is)."""
    w = words.of(ed, "force")
    return " ".join(w.text("force-public", question=a.question_id, who=name(ed, code),
                           any=bool(a.value), source=ed.source(a.source).citation,
                           constructed=constructed) for a in public)


def _officers_sentence(ed: Edition, code: str, answers: pd.DataFrame) -> str:
    w = words.of(ed, "force")
    items, given = [], False
    for qid in OFFICER_QUESTIONS:
        rows = answers[answers["question_id"] == qid]
        if rows.empty:
            continue
        r = rows.iloc[0]
        if pd.isna(r["value"]):
            # A part answer without a number is not "no figure" beside "answered in part".
            kind = "partial" if r["status"] == "partial" else "no"
            # Set inside brackets: its own brackets ("(section 12)") become a clause.
            items.append(w.text("force-officers-item", question=qid, figure=kind,
                                status=phrasing.parenthetical(str(r["status_label"]))))
        else:
            given = True
            items.append(w.text("force-officers-item", question=qid, figure=True,
                                n=int(r["value"])))
    return w.text("force-officers", case="some" if given else "none", who=name(ed, code),
                  items=w.listing(items))


# --- tables and charts ---------------------------------------------------------------------------

def answer_text(row: pd.Series, w: words.Words | None = None) -> str:
    if row["status"] == "answered":
        return fmt.count(int(row["value"]))
    if row["status"] == "partial":
        w = w or words.Words("force")
        if pd.isna(row["value"]):
            return w.text("force-answers-partial", figure=False)
        return w.text("force-answers-partial", figure=True, value=int(row["value"]))
    return str(row["status_label"]).capitalize()


def answers_table(ed: Edition, code: str) -> Table:
    w = words.of(ed, "force")
    a = _answers(ed, code)
    at_request = w.text("force-answers-at-request")
    frame = pd.DataFrame({
        labels.column(ed, "question"): a["question_id"] + ": " + a["wording"],
        labels.column(ed, "period"): a["period"].map(lambda p: at_request if p == "at_request"
                                  else ed.period_label(p, short=True)),
        labels.column(ed, "answer"): a.apply(answer_text, axis=1, w=w),
        # A note that only repeats the answer's status is left out; one that says more is
        # kept whole (the table's Answer column holds the status alone).
        labels.column(ed, "note"): ["" if m.beyond_label(label, note) == (label, "") else note
                 for label, note in zip(a["status_label"], a["note"].fillna(""), strict=True)],
    })
    # The answer and the report's note on it are the answers' data: each cell carries their mark.
    return Table(f"answers-{slug(name(ed, code))}",
                 w.text("force-answers-caption", who=name(ed, code)), frame,
                 status=provenance.returns(ed).status,
                 marked=(labels.column(ed, "answer"), labels.column(ed, "note")))


def gaps_list(ed: Edition, code: str) -> Markdown:
    """The answers that were not complete, one item each, with how the report coded each and
    its note on it.

    A note is the report's coding note on the answer (the answers file's), not the force's
    words, and is said to be ours; it is data all the same: the words layer escapes it for
    Markdown (no HTML, link, role or directive of a note reaches the page, and a line break
    in it cannot end the list). A note that says what the status says is not printed after
    it (m.beyond_label). Each item is a statement of the answers, so it carries their mark
    (the symbol: a Markdown output holds words only)."""
    w = words.of(ed, "force")
    a = _answers(ed, code)
    missing = a[a["status"] != "answered"]
    mark = words.provenance_mark(provenance.returns(ed).status, "text")
    # The note is set inside brackets: its own brackets become a clause (words.parenthetical).
    said = [(status, phrasing.parenthetical(note)) for status, note in (
        m.beyond_label(label, note) for label, note in
        zip(missing["status_label"], missing["note"].fillna(""), strict=True))]
    if len(missing) == len(a) and len(set(said)) == 1:
        status, note = said[0]
        return Markdown(w.markdown("force-gaps-every", status=status, noted=bool(note),
                                   note=note, mark=mark))
    lines = [w.markdown("force-gaps-item", question=r.question_id, wording=r.wording,
                        at_request=r.period == "at_request",
                        period="" if r.period == "at_request" else ed.period_label(r.period),
                        status=status, noted=bool(note), note=note, mark=mark)
             for r, (status, note) in zip(missing.itertuples(), said, strict=True)]
    return Markdown("\n".join(lines) if lines else w.markdown("force-gaps-nothing"))


def region_links(ed: Edition, code: str) -> HtmlBlock:
    """Links to the other force pages of the region (pages beside this one)."""
    w = words.of(ed, "force")
    others = m.region_forces(ed, code)
    region = str(ed.forces.set_index("force_code").at[code, "region"])
    # 'in the North East', 'in Yorkshire and the Humber', 'in London', 'in Wales'.
    where = {"region": region, "compass": region.split()[0] in ("North", "South", "East",
                                                                "West")}
    if others.empty:
        return HtmlBlock(f"<p>{w.html('force-region-only', who=name(ed, code), **where)}</p>",
                         w.text("force-region-only", who=name(ed, code), **where))
    names = list(others["force_name"])
    links = [w.html("force-region-link", page=f"{slug(n)}.html", name=n) for n in names]
    markup = w.html("force-region-others", others=len(names), links=w.listing(links, "html"),
                    **where)
    return HtmlBlock(f"<p>{markup}</p>",
                     w.text("force-region-others", others=len(names), links=w.listing(names),
                            **where))


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
            w.text("force-chart-rank", rank=s.rank, of=s.of, tied=bool(s.ties)) for s in shown],
    })
    best = [s for s in shown if s.rank == 1]
    # Its counts are of the answers: each carries their mark, as in the page's sentences.
    status = provenance.returns(ed).status
    title = w.text("force-chart-title", who=who, best=bool(best),
                   shown=words.count(len(shown), status),
                   of=words.count(best[0].of if best else 0, status),
                   tied=bool(best and best[0].ties),
                   measure=measure_label(ed, best[0].measure, "title") if best else "")
    return AccessibleChart(
        status=provenance.returns(ed).status,
        name=f"standing-{slug(who)}",
        chart=chart,
        title=title,
        caption=w.text("force-chart-caption", who=who, period=fmt.capital(period(ed)),
                       source=foi_source(ed)),
        alt_text=w.sentences(standing_sentence(ed, code, s) for s in m.standing(ed, code)),
        table=readable,
        downloads=False,
    )


def _label(value: float, measure: m.Measure) -> str:
    """The force's value beside its diamond, printed as its page and the table print it."""
    if measure.key == "pct_change":
        return f"{value:+.{measure.places}f}%"
    return _printed(value, measure)


def briefing_name(ed: Edition, code: str) -> str:
    return provenance.download_name(
        ed, f"{slug(name(ed, code))}-{ed.meta.edition}-briefing.pdf")


def briefing_link(ed: Edition, code: str) -> HtmlBlock:
    """The force's two-page briefing (printed by `nsc-report pdf` into downloads/forces/)."""
    w = words.of(ed, "force")
    file = briefing_name(ed, code)
    return HtmlBlock(w.html("force-briefing-link", file=file, who=name(ed, code),
                            body=overseer(ed, code)),
                     w.text("force-briefing-link-text", file=file))
