"""Section: the data gaps, a transparency scorecard of every force and question."""

from __future__ import annotations

from .. import fmt
from ..charts import AccessibleChart, status_heatmap
from ..data import STATUSES, Edition
from ..measures.gaps import force_scores, least_answered, question_coverage, scorecard
from ..measures.response import response_summary
from ..tables import Table
from . import foi_source, force_links

GLYPHS = {"answered": "✓", "partial": "½", "not_held": "–", "refused_s12": "£",
          "refused_other": "✕", "no_response": "·"}


def figures(ed: Edition) -> dict[str, str]:
    r = response_summary(ed)
    card = scorecard(ed)
    scores = force_scores(ed)
    coverage = question_coverage(ed)
    least = least_answered(ed, 3)
    full_cells = int((card["status"] == "answered").sum())
    responders = scores[scores["force_code"].isin(set(
        card.loc[card["status"].isin(["answered", "partial"]), "force_code"]))]
    top = scores.iloc[0]
    unanswerable = coverage[coverage["answered"] + coverage["partial"] == 0]["question_id"]
    return {
        "gaps_asked": fmt.count(r.asked),
        "gaps_responded": fmt.count(r.responded),
        "gaps_not_responded": fmt.count(r.not_responded),
        "gaps_no_response": fmt.count(r.no_response),
        "gaps_refused_s12": fmt.count(r.refused_s12),
        "gaps_refused_other": fmt.count(r.refused_other),
        "gaps_questions": fmt.count(len(coverage)),
        "gaps_full_share": fmt.share(full_cells, len(card)),
        "gaps_all_full": fmt.count(int((scores["pct_answered"] == 100).sum())),
        "gaps_all_full_words": ("No force" if not (scores["pct_answered"] == 100).any()
                                else fmt.count(int((scores["pct_answered"] == 100).sum()))
                                + " of the forces"),
        "gaps_over_half": fmt.count(int((scores["pct_answered"] > 50).sum())),
        "gaps_top_force": str(top["force"]),
        "gaps_top_share": fmt.pct(top["pct_answered"]),
        "gaps_responder_median": fmt.pct(responders["pct_answered"].median()),
        "gaps_least_answered": fmt.listing(
            [f"{q} ({n} forces)" for q, n in zip(least["question_id"], least["answered"],
                                                 strict=True)]),
        "gaps_unanswerable": (
            f"No force could answer {fmt.listing(list(unanswerable))}." if len(unanswerable)
            else "Every question was answered, in full or in part, by at least one force."),
    }


def scores_table(ed: Edition) -> Table:
    scores = force_scores(ed)
    frame = scores[["force", *STATUSES, "pct_answered"]].rename(
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
