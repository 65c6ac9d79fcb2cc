"""Section: the data gaps, a transparency scorecard of every force and question.

The words are in `notebooks/data-gaps.ftl`, beside the template (whose name it shares: the
section's words are `words.of(ed, "data-gaps")`); this module computes the values and picks
the variants.
"""

from __future__ import annotations

from nsc_report.data import STATUSES, Edition, provenance
from nsc_report.measures.gaps import force_scores, least_answered, question_coverage, scorecard
from nsc_report.measures.response import responding_forces, response_summary
from nsc_report.present import fmt, labels, words
from nsc_report.present.chart_builders import status_heatmap
from nsc_report.present.charts import AccessibleChart
from nsc_report.present.figures import Register
from nsc_report.present.tables import Table
from nsc_report.sections import foi_source, force_links

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("data-gaps",)

# Symbols the report's one type family (Liberation Sans) has, so that print needs no other font.
GLYPHS = {"answered": "●", "partial": "½", "not_held": "–", "refused_s12": "£",
          "refused_other": "×", "no_response": "·"}


def figures(ed: Edition) -> Register:
    w = words.of(ed, "data-gaps")
    r = response_summary(ed)
    card = scorecard(ed)
    scores = force_scores(ed)
    coverage = question_coverage(ed)
    least = least_answered(ed, 3)
    full_cells = int((card["status"] == "answered").sum())
    responding = responding_forces(ed)
    responders = scores[scores["force_code"].isin(set(
        card.loc[card["status"].isin(["answered", "partial"]), "force_code"]))]
    top = scores.iloc[0]
    unanswerable = coverage[coverage["answered"] + coverage["partial"] == 0]["question_id"]
    silent = card[~card["force_code"].isin(responding)]
    main = silent.groupby("force_code")["status"].agg(lambda x: x.value_counts().index[0])
    every = tuple(ed.questions["id"])
    reg = Register(ed, questions=every)
    codes = list(ed.forces["force_code"])
    reg.count("gaps_asked", ed.meta.forces_asked, w.text("data-gaps-def-asked"), questions=(),
              files=("meta",), sources=(f"foi_{ed.meta.edition}",), stated="forces_asked")
    reg.count("gaps_responded", r.responded, w.text("data-gaps-def-responded"),
              forces=responding, stated="forces_responding", finding=w.text(
                  "data-gaps-finding-responded", asked=words.count(ed.meta.forces_asked)))
    # The forces asked less those that answered: published where both are (fact-check 6, B5);
    # which forces they are is the answers'.
    reg.count("gaps_not_responded", r.not_responded, w.text("data-gaps-def-not-responded"),
              forces=[c for c in codes if c not in set(responding)],
              parts=("gaps_asked", "gaps_responded"))
    for key in ("no_response", "refused_s12", "refused_other", "not_held"):
        these = [c for c in main.index if main[c] == key]
        reg.count(f"gaps_{key}", len(these), w.text("data-gaps-def-silent", answer=key),
                  forces=these)
    # The last of the kinds, in words that follow the data: a force that held no information
    # is not said to have refused, nor one that refused to have held none.
    # Its counts mark themselves where they stand: it ends the sentence that begins with the
    # published "other 16", which a mark at its end would mark too (fact-check 7).
    reg.text("gaps_other_text", w.text("data-gaps-other",
                                       refused=reg.marked("gaps_refused_other"),
                                       not_held=reg.marked("gaps_not_held")),
             w.text("data-gaps-def-other-text"),
             forces=[c for c in main.index if main[c] in ("refused_other", "not_held")],
             parts=("gaps_refused_other", "gaps_not_held"), inline=True)
    reg.count("gaps_questions", len(coverage), w.text("data-gaps-def-questions"),
              files=("questions",), questions=())
    reg.share("gaps_full_share", full_cells, len(card), w.text("data-gaps-def-full-share"))
    perfect = scores[scores["pct_answered"] == 100]
    reg.count("gaps_all_full", len(perfect), w.text("data-gaps-def-all-full"),
              forces=list(perfect["force_code"]))
    reg.text("gaps_all_full_words", w.text("data-gaps-all-full-words", all_full=len(perfect)),
             w.text("data-gaps-def-all-full-words"), forces=list(perfect["force_code"]))
    over = scores[scores["pct_answered"] > 50]
    reg.count("gaps_over_half", len(over), w.text("data-gaps-def-over-half"),
              forces=list(over["force_code"]))
    reg.value("gaps_top_force", str(top["force"]), str(top["force"]),
              w.text("data-gaps-def-top-force"), forces=[top["force_code"]])
    reg.value("gaps_top_share", fmt.pct(top["pct_answered"]), top["pct_answered"],
              w.text("data-gaps-def-top-share"), numerator=int(top["answered"]),
              denominator=len(coverage))
    # Printed in the sentence that counts the questions asked (published): the share marks
    # itself where it stands, and the sentence carries no mark at its end.
    reg.text("gaps_top_text", w.text("data-gaps-top-text", named=provenance.may_name_forces(ed),
                                     force=str(top["force"]),
                                     share=words.pct(float(top["pct_answered"]), status=(
                                         provenance.returns(ed).status))),
             w.text("data-gaps-def-top-text"), forces=[top["force_code"]],
             parts=("gaps_top_force", "gaps_top_share"), inline=True)
    median = float(responders["pct_answered"].median()) if len(responders) else None
    reg.value("gaps_responder_median", w.text("data-gaps-responder-median-none")
              if median is None else fmt.pct(median), median,
              w.text("data-gaps-def-responder-median"), forces=list(responders["force_code"]))
    reg.text("gaps_least_answered", w.listing(
        [w.text("data-gaps-least-item", question=str(q), forces=n)
         for q, n in zip(least["question_id"], least["answered"], strict=True)]),
        w.text("data-gaps-def-least-answered"))
    reg.text("gaps_unanswerable",
             w.text("data-gaps-unanswerable", any=True,
                    questions=w.listing([str(q) for q in unanswerable]))
             if len(unanswerable) else w.text("data-gaps-unanswerable", any=False),
             w.text("data-gaps-def-unanswerable"))
    reg.in_chart("gaps_over_half", "gaps_asked")  # the scorecard's title (chart)
    # Counts a chapter prints with a noun: glued with it, in its number (labels.ftl).
    for key, noun in (("gaps_asked", "forces"),
                      ("gaps_asked", "police-forces"),
                      ("gaps_questions", "questions")):
        reg.counted(key, noun)
    return reg


def scores_table(ed: Edition) -> Table:
    scores = force_scores(ed)
    # The share printed whole (as the prose prints it), rounded only here.
    frame = scores[["force", *STATUSES, "pct_answered"]].assign(
        pct_answered=lambda d: d["pct_answered"].round(0)).astype(
        {"pct_answered": "Int64"}).rename(
        columns={"force": labels.column(ed, "force"), **labels.statuses(ed, list(STATUSES)),
                 "pct_answered": words.of(ed, "data-gaps").text("data-gaps-column-answered")})
    # Every count and share is of the answers: each cell carries their mark.
    return Table("force-scores", words.of(ed, "data-gaps").text("data-gaps-scores-caption"),
                 frame, status=provenance.returns(ed).status, marked=tuple(frame.columns[1:]))


def chart(ed: Edition) -> AccessibleChart:
    w = words.of(ed, "data-gaps")
    card = scorecard(ed)
    scores = force_scores(ed)
    order = list(STATUSES)
    named = labels.statuses(ed, order)
    qorder = list(ed.questions["id"])
    force_order = list(scores["force"])
    card = card.assign(force=card["force"].astype("category").cat.set_categories(force_order))
    card = card.sort_values(["force", "question_id"]).astype({"force": str})
    card["status_label"] = card["status"].map(named)
    wide = card.pivot(index="force", columns="question_id", values="status_label")
    wide = wide.reindex(index=force_order, columns=qorder).reset_index().rename(
        columns={"force": labels.column(ed, "force")})
    # The key to the symbols, as the chart draws them: a list of labels, not a sentence.
    legend = "; ".join(f"{GLYPHS[s]} {named[s]}" for s in order)
    figs = figures(ed)
    return AccessibleChart(
        status=provenance.returns(ed).status,
        name="transparency-scorecard",
        chart=status_heatmap(card, order, named, GLYPHS, qorder),
        # Each figure in the title with the mark it carries in the prose (the register's).
        title=w.text("data-gaps-chart-title", over_half=figs.marked("gaps_over_half"),
                     asked=figs.marked("gaps_asked")),
        caption=w.text("data-gaps-chart-caption", questions=len(qorder), legend=legend,
                       source=foi_source(ed)),
        # Each count with the mark it carries in the prose (the register's).
        alt_text=w.text("data-gaps-chart-alt", asked=figs.marked("gaps_asked"),
                        questions=len(qorder), responded=figs.marked("gaps_responded"),
                        not_responded=figs.marked("gaps_not_responded"),
                        no_response=figs.marked("gaps_no_response"),
                        refused_s12=figs.marked("gaps_refused_s12"),
                        other=figs["gaps_other_text"], over_half=figs.marked("gaps_over_half")),
        table=wide,
        links=force_links(ed),
    )
