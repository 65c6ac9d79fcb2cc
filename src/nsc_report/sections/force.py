"""A force's own page: its answers in words, its standing, and what it could not tell us.

The words are in `notebooks/force.ftl`, beside the template; this module computes the values
and picks the variants, so that a force that did not answer gets sentences that say so, never
a zero or a rank it has not earned.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from IPython.display import Markdown

from nsc_report.data import Edition, provenance
from nsc_report.layout import slug
from nsc_report.measures import answer_values
from nsc_report.measures import force as m
from nsc_report.measures.spo import band_counts
from nsc_report.present import fmt, labels, phrasing, words
from nsc_report.present.figures import Register
from nsc_report.present.tables import HtmlBlock, Table
from nsc_report.sections import overseer, period, published
from nsc_report.sections.force_standing import (  # noqa: F401 - the notebooks' names
    measure_label,
    name,
    standing_chart,
    standing_sentence,
)
from nsc_report.sections.spo import band_labels

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("force",)

# The questions behind each measure a force is ranked on (measures/force.py).
STANDING_QUESTIONS = {"recorded": ("Q1",), "pct_change": ("Q1",),
                      "spo_per_1000": ("Q1", "Q9", "Q10"), "officers": ("Q6",), "spocs": ("Q7",)}
OFFICER_QUESTIONS = ("Q6", "Q7", "Q8")  # dedicated officers, SPOCs, SPOCs for SPOs


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
               questions=STANDING_QUESTIONS[key], inline=True)
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
    said = [m.beyond_label(label, note) for label, note in
            zip(missing["status_label"], missing["note"].fillna(""), strict=True)]
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
