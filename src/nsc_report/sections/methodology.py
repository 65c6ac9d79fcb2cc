"""Section: methodology tables (codebook and response coding), from the edition's files."""

from __future__ import annotations

import pandas as pd

from .. import fmt
from ..data import STATUSES, Edition
from ..tables import Table


def figures(ed: Edition) -> dict[str, str]:
    r = ed.returns
    return {
        "meth_questions": fmt.count(len(ed.questions)),
        "meth_forces": fmt.count(ed.meta.forces_asked),
        "meth_rows": fmt.count(len(r)),
        "meth_publication_date": f"{ed.meta.publication_date:%-d %B %Y}",
        "meth_edition": ed.meta.edition,
        "meth_title": ed.meta.title,
        "meth_theme": ed.meta.theme,
        "meth_awareness_week": ed.meta.awareness_week,
        "meth_illustrative": "yes" if ed.meta.illustrative else "no",
        "meth_illustrative_text": illustrative_text(ed),
        "org_years": fmt.count(ed.meta.organisation.trust_founded_years_ago),
        "org_helpline_started": str(ed.meta.organisation.helpline_started),
        "org_victims_supported": fmt.count(ed.meta.organisation.helpline_victims_supported),
        "period_current": ed.period_label(ed.meta.current_period),
        "period_previous": ed.period_label(ed.meta.previous_period),
        "funding_amount": fmt.gbp_millions(ed.meta.funding_ask.amount_gbp),
        "funding_exact": fmt.gbp(ed.meta.funding_ask.amount_gbp),
        "funding_as_printed": ed.meta.funding_ask.as_printed,
        "meth_timeliness_text": timeliness_text(ed),
    }


def timeliness_text(ed: Edition) -> str:
    """How promptly the forces answered, from the edition's tracker (as at publication)."""
    from ..tracker import DEADLINE_WORKING_DAYS, timeliness

    if ed.tracker is None:
        return ("No record was kept of when each answer arrived for this edition, so the report "
                "cannot say how many forces answered within the legal deadline.")
    names = dict(zip(ed.forces["force_code"], ed.forces["force_name"], strict=True))
    t = timeliness(ed.tracker, names, ed.meta.publication_date)
    if not t.answered:
        return (f"None of the {t.requests} forces had answered by the time of publication.")
    return (f"{t.on_time} of the {t.requests} forces answered within the legal deadline of "
            f"{DEADLINE_WORKING_DAYS} working days, and {t.answered - t.on_time} answered late; "
            f"{t.requests - t.answered} had not answered by publication. The median force that "
            f"answered took {fmt.number(t.median_working_days or 0)} working days.")


def illustrative_text(ed: Edition) -> str:
    if not ed.meta.illustrative:
        return (f"The per-force figures in this edition are the answers the forces gave to the "
                f"{ed.meta.edition} requests.")
    return (f"The per-force answers to the {ed.meta.edition} requests have not been published. "
            f"Until they are loaded, this edition uses a constructed dataset for all "
            f"{ed.meta.forces_asked} forces, built so that its totals equal every published "
            f"national figure. Which force falls in which group is made up, except where a fact "
            f"is public. The national counts, the published headline figures and the Crown "
            f"Prosecution Service answer are real and cited. The README in the edition's data "
            f"folder explains how the dataset was made.")


def questions_table(ed: Edition) -> Table:
    q = ed.questions
    frame = pd.DataFrame({
        "Question": q["id"],
        "What was asked": q["wording"],
        "Period": q["periods"].map(lambda ps: "; ".join(ed.period_label(p) for p in ps)),
        "Unit": q["unit"],
    })
    return Table("questions", "The questions sent to every police force", frame)


def status_table(ed: Edition) -> Table:
    counts = ed.returns["status"].value_counts()
    frame = pd.DataFrame({
        "Code": list(STATUSES),
        "Meaning": list(STATUSES.values()),
        "Answers coded so": [int(counts.get(s, 0)) for s in STATUSES],
    })
    return Table("response-coding", "How each answer was coded, with the number of answers "
                 "(force x question x period) given each code", frame)


def sources_table(ed: Edition) -> Table:
    frame = pd.DataFrame([
        {"Source": s.citation, "Verified": "yes" if s.verified else "no",
         "Caveat": s.caveat or ""}
        for s in ed.meta.sources.values()])
    return Table("sources", "Sources of the national figures", frame)
