"""Section: the data gaps, a transparency scorecard of every force and question."""

from __future__ import annotations

from nsc_report.data import STATUSES, Edition, provenance
from nsc_report.measures.gaps import force_scores, least_answered, question_coverage, scorecard
from nsc_report.measures.response import responding_forces, response_summary
from nsc_report.present import fmt
from nsc_report.present.charts import AccessibleChart, status_heatmap
from nsc_report.present.figures import Register
from nsc_report.present.tables import Table
from nsc_report.sections import foi_source, force_links

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("data-gaps",)

# Symbols the report's one type family (Liberation Sans) has, so that print needs no other font.
GLYPHS = {"answered": "●", "partial": "½", "not_held": "–", "refused_s12": "£",
          "refused_other": "×", "no_response": "·"}


def figures(ed: Edition) -> Register:
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
    reg.count("gaps_asked", r.asked, "police forces sent the Freedom of Information request",
              questions=(), files=("meta",))
    reg.count("gaps_responded", r.responded, "forces that gave at least one figure in answer to "
              "the request", forces=responding)
    reg.count("gaps_not_responded", r.not_responded, "forces that gave no figure at all",
              forces=[c for c in codes if c not in set(responding)])
    for key, statuses, what in (("no_response", ("no_response",), "did not answer at all"),
                                ("refused_s12", ("refused_s12",), "refused on cost (section 12)"),
                                ("refused_other", ("refused_other", "not_held"),
                                 "refused under another exemption or held no information")):
        these = [c for c in main.index if main[c] in statuses]
        reg.count(f"gaps_{key}", len(these), f"forces that gave no figure and {what}, by the "
                  f"answer they gave most often", forces=these)
    reg.count("gaps_questions", len(coverage), "questions in the codebook", files=("questions",),
              questions=())
    reg.share("gaps_full_share", full_cells, len(card), "share of all force-and-question "
              "answers that were full answers (a question asked for two years counts once, by "
              "its weaker answer)")
    perfect = scores[scores["pct_answered"] == 100]
    reg.count("gaps_all_full", len(perfect), "forces that answered every question in full",
              forces=list(perfect["force_code"]))
    reg.text("gaps_all_full_words", "No force" if perfect.empty else
             f"{fmt.count(len(perfect))} of the forces", "forces that answered every question "
             "in full, in words", forces=list(perfect["force_code"]))
    over = scores[scores["pct_answered"] > 50]
    reg.count("gaps_over_half", len(over), "forces that answered more than half the questions "
              "in full", forces=list(over["force_code"]))
    reg.value("gaps_top_force", str(top["force"]), str(top["force"]), "the force that answered "
              "the most questions in full (ties broken alphabetically)",
              forces=[top["force_code"]])
    share = fmt.pct(top["pct_answered"])
    reg.text("gaps_top_text", f"the most complete, {top['force']}, answered {share} of them"
             if provenance.may_name_forces(ed) else
             f"the most complete force answered {share} of them", "the force that answered the "
             "most questions in full and its share (unnamed where the answers are "
             "illustrative)", forces=[top["force_code"]])
    reg.value("gaps_top_share", fmt.pct(top["pct_answered"]), top["pct_answered"],
              "share of the questions that force answered in full",
              numerator=int(top["answered"]), denominator=len(coverage))
    median = float(responders["pct_answered"].median()) if len(responders) else None
    reg.value("gaps_responder_median", "none of the questions (no force gave any figures)"
              if median is None else fmt.pct(median), median, "median share of questions "
              "answered in full, over the forces that gave at least one figure",
              forces=list(responders["force_code"]))
    reg.text("gaps_least_answered", fmt.listing(
        [f"{q} ({n} forces)" for q, n in zip(least["question_id"], least["answered"],
                                             strict=True)]),
        "the three questions the fewest forces answered in full, with how many did")
    reg.text("gaps_unanswerable",
             f"No force could answer {fmt.listing(list(unanswerable))}." if len(unanswerable)
             else "Every question was answered, in full or in part, by at least one force.",
             "the questions no force answered, even in part")
    return reg


def scores_table(ed: Edition) -> Table:
    scores = force_scores(ed)
    frame = scores[["force", *STATUSES, "pct_answered"]].astype(
        {"pct_answered": "Int64"}).rename(
        columns={"force": "Force", **STATUSES, "pct_answered": "Answered in full (%)"})
    return Table("force-scores", "Answers per force, out of the questions asked", frame)


def chart(ed: Edition) -> AccessibleChart:
    card = scorecard(ed)
    scores = force_scores(ed)
    order = list(STATUSES)
    qorder = list(ed.questions["id"])
    force_order = list(scores["force"])
    card = card.assign(force=card["force"].astype("category").cat.set_categories(force_order))
    card = card.sort_values(["force", "question_id"]).astype({"force": str})
    wide = card.pivot(index="force", columns="question_id", values="status_label")
    wide = wide.reindex(index=force_order, columns=qorder).reset_index().rename(
        columns={"force": "Force"})
    legend = "; ".join(f"{GLYPHS[s]} {STATUSES[s]}" for s in order)
    over_half = int((scores["pct_answered"] > 50).sum())
    r = response_summary(ed)
    return AccessibleChart(
        status=provenance.returns(ed).status,
        name="transparency-scorecard",
        chart=status_heatmap(card, order, STATUSES, GLYPHS, qorder),
        title=(f"Only {over_half} of {r.asked} forces answered more than half the questions "
               f"in full"),
        caption=(f"How each force answered each of the {len(qorder)} questions; forces ordered "
                 f"by the share answered in full. Symbols: {legend}. {foi_source(ed)}"),
        alt_text=(f"Grid of {r.asked} forces by {len(qorder)} questions showing each answer. "
                  f"{r.responded} forces gave at least one figure; {r.not_responded} gave none "
                  f"({r.no_response} did not respond, {r.refused_s12} refused on cost and "
                  f"{r.refused_other} under another exemption). {over_half} forces answered "
                  f"more than half of the questions in full."),
        table=wide,
        links=force_links(ed),
    )
