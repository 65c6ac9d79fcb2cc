"""A force's own page: its answers in words, its standing, and what it could not tell us.

Every sentence is built here from the data and glued into the template, so that a force that
did not answer gets sentences that say so, never a zero or a rank it has not earned.

Longer than most modules: every sentence of a force's page, kept together so that the page
reads as one text.
"""

from __future__ import annotations

import datetime as dt
import html

import altair as alt
import pandas as pd
from IPython.display import Markdown

from nsc_report.data import COMMISSIONER_KINDS, Edition, provenance
from nsc_report.infra.untrusted import markdown_text
from nsc_report.layout import slug
from nsc_report.measures import force as m
from nsc_report.measures.spo import BANDS, band_counts
from nsc_report.present import fmt
from nsc_report.present.charts import INK, MUTED, PALETTE, AccessibleChart
from nsc_report.present.figures import Register
from nsc_report.present.tables import HtmlBlock, Table
from nsc_report.sections import foi_source, period, published

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("force",)

# What a force that gave no figure did with the request, as the opening of its page says it.
NO_FIGURES = {
    "not_held": "said in reply to our Freedom of Information request that it does not hold "
                "the information",
    "refused_s12": "refused our Freedom of Information request, saying that finding the answer "
                   "would cost more than the legal limit (section 12 of the Freedom of "
                   "Information Act)",
    "refused_other": "refused our Freedom of Information request under another exemption",
    "no_response": "did not respond to our Freedom of Information request",
    "partial": "answered our Freedom of Information request only in part, without a figure",
}


# The questions behind each measure a force is ranked on (measures/force.py).
STANDING_QUESTIONS = {"recorded": ("Q1",), "pct_change": ("Q1",),
                      "spo_per_1000": ("Q1", "Q9", "Q10"), "officers": ("Q6",), "spocs": ("Q7",)}


def name(ed: Edition, code: str) -> str:
    return str(ed.forces.set_index("force_code").at[code, "force_name"])


def _value(s: m.Standing) -> str:
    assert s.value is not None
    if s.measure.key == "pct_change":
        return f"{s.value:+.1f}%"
    return fmt.number(s.value, s.measure.places)


def _median(s: m.Standing) -> str:
    assert s.median is not None  # the force's own figure is among those given
    if s.measure.key == "pct_change":
        return f"{s.median:+.1f}%"
    return fmt.number(s.median, s.measure.places)


def standing_sentence(ed: Edition, code: str, s: m.Standing) -> str:
    """'Stalking offences recorded: 1,389. Of the 26 forces that gave this figure, 23 had a
    higher one and 2 a lower one; the median force: 2,526.'"""
    who = name(ed, code)
    label = s.measure.label.replace(" (%)", "")
    if s.value is None:
        if s.of == 0:
            return f"{label}: no force has a figure for this, so there is no comparison."
        return (f"{label}: {who} gave no figure, so it has no place in this comparison "
                f"({s.of} force{'s' if s.of != 1 else ''} did).")
    if s.of == 1:
        return f"{label}: {_value(s)}. No other force gave this figure."
    assert s.rank is not None
    higher = s.rank - 1
    lower = s.of - 1 - higher - s.ties
    parts = [f"{higher} had a higher one" if higher else "none had a higher one",
             f"{lower} a lower one" if lower else "none a lower one"]
    if s.ties:
        parts.append(f"{s.ties} the same")
    return (f"{label}: {_value(s)}. Of the {s.of} forces that gave this figure, "
            f"{fmt.listing(parts)}; the median force: {_median(s)}.")


def figures(ed: Edition, code: str) -> Register:
    who = name(ed, code)
    forces = ed.forces.set_index("force_code")
    region = str(forces.at[code, "region"])
    done = m.completeness(ed, code)
    ranking = m.completeness_ranking(ed)
    answers = m.answers(ed, code)
    missing = answers[~answers["status"].isin(["answered"])]
    standing = {s.measure.key: s for s in m.standing(ed, code)}
    table = m.comparison_table(ed)
    row = table.loc[code]
    every = tuple(ed.questions["id"])
    r = Register(ed, questions=every)
    r.text("force_name", who, "the force's name", questions=(), files=("forces",))
    illustrative = provenance.returns(ed).status == "illustrative"
    r.text("force_heading", f"{who} (illustrative data)" if illustrative else who,
           "the page's heading: the force's name, and whether its figures are illustrative",
           questions=(), files=("forces",))
    body = ed.overseer(code)
    r.text("force_overseer", body["body"], "the body that oversees the force at publication",
           questions=(), files=("../reference/oversight.csv",))
    r.text("force_region", region, "the force's region", questions=(), files=("forces",))
    r.text("force_period", period(ed), "the period most questions asked about", questions=(),
           files=("meta",))
    r.count("force_asked", done.asked, f"questions and periods {who} was asked about (a "
            f"question asked for two years counts twice)", questions=every)
    r.count("force_answered", done.answered, f"questions and periods {who} answered in full")
    if not done.gave_figures:
        main = missing["status"].value_counts().index[0]
        intro = (
            f"{who} is one of the {ed.meta.forces_asked} police forces of England and Wales we "
            f"asked about stalking, in the {region} region. "
            + ("In this edition's illustrative data, it " if illustrative else "It ")
            + f"{NO_FIGURES[main]}, so this page has no figures for it. It is in none of the "
            f"report's comparisons: a force without figures cannot be ranked, and we do not "
            f"count it as zero.")
    else:
        intro = (
            f"{who} is one of the {ed.meta.forces_asked} police forces of England and Wales we "
            f"asked about stalking, in the {region} region. "
            + ("In this edition's illustrative data, it answered " if illustrative else
               "It answered ")
            + f"{done.answered} of the {done.asked} questions in full (a question asked about "
            f"two years counts twice)"
            + (f" and {done.partial} in part" if done.partial else "")
            + f": {_completeness_place(int(ranking[code]), ranking)}.")
    r.text("force_intro", intro, f"how many questions {who} answered, and how that compares "
           f"with the other forces", forces=list(ranking.index))
    for key, s in standing.items():
        r.text(f"force_standing_{key}", standing_sentence(ed, code, s), f"where {who} stands "
               f"among the forces that gave the same figure: {s.measure.label.lower()}",
               questions=STANDING_QUESTIONS[key])
    r.text("force_spo_text", _spo_sentence(ed, code, row), f"{who}'s SPO applications (Q9 and "
           f"Q10) and their band", questions=("Q9", "Q10"), periods=(ed.meta.current_period,))
    r.text("force_pcc_text", _pcc_sentence(ed, code, row), f"whether {who}'s PCC made the "
           f"commitment, and the change in its recorded stalking (Q1)", questions=("Q1",),
           periods=(ed.meta.previous_period, ed.meta.current_period), files=("commitments",),
           sources=(f"pcc_pledge_{ed.meta.pcc_commitment_year}",))
    r.text("force_officers_text", _officers_sentence(ed, code, answers), f"{who}'s specialist "
           f"officers and single points of contact (Q6 to Q8)", questions=("Q6", "Q7", "Q8"),
           periods=("at_request",))
    r.text("force_gaps_text", (
        f"{who} answered every question in full." if missing.empty else
        f"{who} gave no figure in answer to any of the {done.asked} questions."
        if not done.gave_figures else
        f"{who} could not, or did not, give a full answer to {len(missing)} of the "
        f"{done.asked} questions. Each is listed here with what it said instead."),
        f"the questions {who} did not answer in full")
    published.add_figures(r, ed, code)
    return r


def _completeness_place(answered: int, ranking: pd.Series) -> str:
    better = int((ranking > answered).sum())
    same = int((ranking == answered).sum()) - 1
    if better == 0:
        lead = "no force answered more"
    else:
        lead = f"{better} force{'s' if better > 1 else ''} answered more"
    return lead + (f", and {same} answered the same number" if same else "")


def _spo_sentence(ed: Edition, code: str, row: pd.Series) -> str:
    who = name(ed, code)
    if pd.isna(row["spo_total"]):
        return (f"{who} did not tell us how many cases led to an application for a Stalking "
                f"Protection Order in the {period(ed)}, so we cannot place it in a band.")
    total = int(row["spo_total"])
    band = m.spo_band(ed, code)
    bands = band_counts(ed)
    same = int(bands[band]) - 1
    low = band == BANDS[0][0]
    others = (f"{same} other force{'s' if same != 1 else ''} made" if same else
              "no other force made")
    return (f"In the {period(ed)} {who} applied for Stalking Protection Orders, interim or full, "
            f"in {fmt.count(total)} case{'s' if total != 1 else ''}. That puts it in the "
            + ("lowest band" if low else "band")
            + f" of {band} applications, in which {others} theirs.")


def _pcc_sentence(ed: Edition, code: str, row: pd.Series) -> str:
    who = name(ed, code)
    year = ed.meta.pcc_commitment_year
    pledged = m.committed(ed, code)
    then = ed.overseer(code, dt.date(year, 6, 30))
    if then["kind"] not in COMMISSIONER_KINDS:
        intro = (f"It has no Police and Crime Commissioner ({then['body']} oversees it), so it "
                 f"was not part of the {year} commitment to increase reports of stalking.")
    else:
        body = then["body"][0].upper() + then["body"][1:]
        intro = (f"{body} made the {year} commitment to increase reports of stalking."
                 if pledged else
                 f"{body} did not make the {year} commitment to increase reports of "
                 f"stalking.")
    both = m.change_table(ed)
    if code in both.index and pd.isna(row["pct_change"]):  # none recorded the year before
        now = int(both.at[code, "current"])
        return (intro + f" It recorded no stalking offences in the {period(ed, 'previous')} "
                f"and {fmt.count(now)} in the {period(ed)}, so no percentage change can be "
                f"given.")
    if pd.isna(row["pct_change"]):
        return (intro + f" {who} did not give us recorded stalking for both "
                f"the {period(ed, 'previous')} and the {period(ed)}, so we cannot say whether "
                f"recorded stalking rose or fell.")
    change = float(row["pct_change"])
    direction = ("rose" if change > 0 else "fell") if change else "did not change"
    amount = f" by {abs(change):.1f}%" if change else ""
    return (intro + f" Between the {period(ed, 'previous')} and the {period(ed)}, the stalking "
            f"offences it recorded {direction}{amount}.")


def _officers_sentence(ed: Edition, code: str, answers: pd.DataFrame) -> str:
    who = name(ed, code)
    parts = []
    words = {"Q6": ("dedicated stalking officer", "dedicated stalking officers"),
             "Q7": ("stalking single point of contact", "stalking single points of contact"),
             "Q8": ("single point of contact for Stalking Protection Orders",
                    "single points of contact for Stalking Protection Orders")}
    for qid, (one, many) in words.items():
        rows = answers[answers["question_id"] == qid]
        if rows.empty:
            continue
        r = rows.iloc[0]
        if pd.isna(r["value"]):
            parts.append(f"no figure for {many} ({r['status_label']})")
        else:
            n = int(r["value"])
            parts.append(f"{'no' if n == 0 else fmt.count(n)} {one if n == 1 else many}")
    if not parts or all(p.startswith("no figure") for p in parts):
        return f"{who} gave no figures for its specialist officers or single points of contact."
    return f"At the time of our request {who} reported " + fmt.listing(parts) + "."


# --- tables and charts ---------------------------------------------------------------------------

def answer_text(row: pd.Series) -> str:
    if row["status"] == "answered":
        return fmt.count(int(row["value"]))
    if row["status"] == "partial":
        figure = "" if pd.isna(row["value"]) else f"{fmt.count(int(row['value']))}, "
        return f"{figure}answered in part"
    return str(row["status_label"]).capitalize()


def answers_table(ed: Edition, code: str) -> Table:
    a = m.answers(ed, code)
    frame = pd.DataFrame({
        "Question": a["question_id"] + ": " + a["wording"],
        "Period": a["period"].map(lambda p: "At request" if p == "at_request"
                                  else ed.period_label(p, short=True)),
        "Answer": a.apply(answer_text, axis=1),
        "Note": a["note"].fillna(""),
    })
    return Table(f"answers-{slug(name(ed, code))}",
                 f"{name(ed, code)}: its answer to each question we asked", frame)


def gaps_list(ed: Edition, code: str) -> Markdown:
    """The answers that were not complete, one item each, with what the force said instead.

    Its note is the force's own text: `markdown_text` keeps it words (no HTML, link, role or
    directive of a note reaches the page, and a line break in it cannot end the list)."""
    a = m.answers(ed, code)
    missing = a[a["status"] != "answered"]
    kinds = missing[["status_label", "note"]].drop_duplicates()
    if len(missing) == len(a) and len(kinds) == 1:
        label, note = kinds.iloc[0]
        return Markdown(f"Every question: {markdown_text(label)}"
                        + (f". {markdown_text(note)}" if note else "") + ".")
    lines = [f"- **{markdown_text(r.question_id)}** ({markdown_text(r.wording)}; "
             f"{markdown_text(r.period_label)}): {markdown_text(r.status_label)}"
             + (f". {markdown_text(r.note)}" if r.note else "")
             for r in missing.itertuples()]
    return Markdown("\n".join(lines) if lines else "Nothing: every answer was complete.")


def region_links(ed: Edition, code: str) -> HtmlBlock:
    """Links to the other force pages of the region (pages beside this one)."""
    others = m.region_forces(ed, code)
    region = html.escape(_in_region(str(ed.forces.set_index("force_code").at[code, "region"])))
    if others.empty:
        text = f"{html.escape(name(ed, code))} is the only force {region}."
        return HtmlBlock(f"<p>{text}</p>", text)
    links = [f'<a href="{slug(n)}.html">{html.escape(n)}</a>' for n in others["force_name"]]
    names = fmt.listing(list(others["force_name"]))
    other = "The other force" if len(links) == 1 else "The other forces"
    return HtmlBlock(f"<p>{other} {region}: {fmt.listing(links)}.</p>",
                     f"{other} {region}: {names}.")


def _in_region(region: str) -> str:
    """'in the North East', 'in Yorkshire and the Humber', 'in London', 'in Wales'."""
    compass = region.split()[0] in ("North", "South", "East", "West")
    return f"in the {region}" if compass else f"in {region}"


def standing_chart(ed: Edition, code: str) -> AccessibleChart | Markdown:
    """A dot strip per measure: every force with a figure, this one a large labelled diamond.

    Each strip is scaled to its own range (0 to the largest value), so the strips share no
    axis; the table gives the figures."""
    who = name(ed, code)
    table = m.comparison_table(ed)
    rows = []
    for meas in m.measures(ed):
        values = table[meas.key].dropna()
        if values.empty:
            continue
        low, high = min(0.0, float(values.min())), float(values.max())
        span = (high - low) or 1.0
        for force_code, value in values.items():
            rows.append({"measure": meas.label, "force": table.at[force_code, "force"],
                         "value": float(value), "position": (float(value) - low) / span,
                         "this": force_code == code})
        rows.append({"measure": meas.label, "force": "Median force",
                     "value": float(values.median()),
                     "position": (float(values.median()) - low) / span, "this": None})
    data = pd.DataFrame(rows, columns=["measure", "force", "value", "position", "this"])
    mine = data[data["this"] == True]  # noqa: E712 - a column of True, False and None
    if mine.empty:
        return Markdown(f"{markdown_text(who)} gave none of these figures, so it is not shown "
                        f"against the other forces.")
    order = [meas.label for meas in m.measures(ed)]
    # Each measure's name is written above its strip, not beside it, so that on a phone the
    # strips keep the width; values near either end are written inwards, never cut off.
    y = alt.Y("measure:N", sort=order, title=None, axis=None)
    x = alt.X("position:Q", title="Lowest to highest among forces with a figure",
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
            "measure", alt.Tooltip("value:Q", format=",.1f", title="median")])
    me = alt.Chart(mine).mark_point(shape="diamond", size=220, filled=True, color=PALETTE[5],
                                    stroke=INK, strokeWidth=1.5, opacity=1).encode(
        x=x, y=y, tooltip=["force", "measure", alt.Tooltip("value:Q", format=",.1f")])
    texts = mine.assign(text=[_label(v, meas) for v, meas in zip(
        mine["value"], mine["measure"], strict=True)])
    labels = alt.layer(*(
        alt.Chart(texts[(texts["position"] >= low) & (texts["position"] < high)]).mark_text(
            dx=dx, dy=11, align=align, baseline="top", fontWeight="bold", color=INK).encode(
            x=x, y=y, text="text:N")
        for low, high, align, dx in ((-1, 0.5, "left", -6), (0.5, 2, "right", 6))))
    chart = (names + dots + medians + me + labels).properties(height=alt.Step(66))
    shown = [s for s in m.standing(ed, code) if s.value is not None]
    readable = pd.DataFrame({
        "Measure": [s.measure.label for s in shown],
        who: [_value(s) for s in shown],
        "Median force": [_median(s) for s in shown],
        "Rank (1 = highest)": [f"{s.rank} of {s.of}" + (" (tied)" if s.ties else "")
                               for s in shown],
    })
    best = [s for s in shown if s.rank == 1]
    title = (f"How {who} compares with the other forces on {len(shown)} measure"
             f"{'s' if len(shown) != 1 else ''}")
    if best:
        label = best[0].measure.label.replace(" (%)", "")
        title = f"{who} is highest of all forces for {label[0].lower()}{label[1:]}"
    return AccessibleChart(
        status=provenance.returns(ed).status,
        name=f"standing-{slug(who)}",
        chart=chart,
        title=title,
        caption=(f"Each row is one measure; each grey dot a force that gave the figure, the "
                 f"diamond {who} and the black tick the median force. Rows are scaled "
                 f"separately, from 0 to the largest value. {fmt.capital(period(ed))} (officers: "
                 f"at the time "
                 f"of the request). {foi_source(ed)}"),
        alt_text=" ".join(standing_sentence(ed, code, s) for s in m.standing(ed, code)),
        table=readable,
        downloads=False,
    )


def _label(value: float, measure: str) -> str:
    if "(%)" in measure:
        return f"{value:+.1f}%"
    return fmt.number(value, 1)


def briefing_name(ed: Edition, code: str) -> str:
    return provenance.download_name(
        ed, f"{slug(name(ed, code))}-{ed.meta.edition}-briefing.pdf")


def briefing_link(ed: Edition, code: str) -> HtmlBlock:
    """The force's two-page briefing (printed by `nsc-report pdf` into downloads/forces/)."""
    file = briefing_name(ed, code)
    who = html.escape(name(ed, code))
    return HtmlBlock(f'<p class="nsc-briefing-link"><a class="nsc-download" '
                 f'href="../downloads/forces/{file}" download="{file}">Download the two-page '
                 f'briefing on {who} (PDF, A4)</a>, to send to '
                 f'{html.escape(ed.overseer(code)["body"])} or to a local partner.</p>',
                 f"Briefing: downloads/forces/{file}")
