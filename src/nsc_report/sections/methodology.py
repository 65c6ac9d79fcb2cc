"""Section: methodology tables (codebook and response coding), from the edition's files."""

from __future__ import annotations

import pandas as pd

from nsc_report.data import STATUSES, Edition
from nsc_report.measures.requests import DEADLINE_WORKING_DAYS, timeliness
from nsc_report.present import fmt
from nsc_report.present.figures import Register
from nsc_report.present.tables import Table
from nsc_report.sections import counting_rules

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("methodology",)


def figures(ed: Edition) -> Register:
    meta, org, ask = ed.meta, ed.meta.organisation, ed.meta.funding_ask
    r = Register(ed, files=("meta",))
    r.count("meth_questions", len(ed.questions), "questions in the codebook",
            files=("questions",))
    r.count("meth_forces", meta.forces_asked, "police forces sent the request")
    r.count("meth_rows", len(ed.returns), "rows of the answers file: one per force, question "
            "and period", files=("returns",))
    r.text("meth_publication_date", f"{meta.publication_date:%-d %B %Y}", "the date of "
           "publication")
    r.text("meth_edition", meta.edition, "the edition's year")
    r.text("meth_title", meta.title, "the edition's title")
    r.text("meth_theme", meta.theme, "the edition's theme")
    r.text("meth_awareness_week", meta.awareness_week, "the awareness week of publication")
    r.text("meth_illustrative", "yes" if meta.illustrative else "no", "whether the per-force "
           "data are illustrative")
    r.text("meth_illustrative_text", illustrative_text(ed), "what is real and what is "
           "illustrative in this edition's data")
    r.count("org_years", org.trust_founded_years_ago, "years since the Trust was founded",
            sources=(org.source,))
    r.value("org_helpline_started", str(org.helpline_started), org.helpline_started,
            "the year the Helpline started", sources=(org.source,))
    r.count("org_victims_supported", org.helpline_victims_supported, "victims the Helpline has "
            "supported", sources=(org.source,))
    r.text("org_source", ed.source(org.source).citation, "where the facts about the Trust come "
           "from", sources=(org.source,))
    r.text("period_current", ed.period_label(meta.current_period), "the period the requests "
           "asked about")
    r.text("period_previous", ed.period_label(meta.previous_period), "the year before it")
    r.value("funding_amount", fmt.gbp_millions(ask.amount_gbp), ask.amount_gbp, "the funding "
            "the report asks for, in millions of pounds", sources=(ask.source,))
    r.value("funding_exact", fmt.gbp(ask.amount_gbp), ask.amount_gbp, "the funding the report "
            "asks for, in pounds", sources=(ask.source,))
    r.text("funding_as_printed", ask.as_printed, "the funding ask as the press release printed "
           "it", sources=(ask.source,))
    h = meta.help
    r.text("help_line", f"{h.helpline_name} ({h.helpline_phone})" if h else
           "National Stalking Helpline", "where a reader can find help",
           sources=(h.helpline_source,) if h else ())
    r.text("help_website", h.short(h.website) if h else "",
           "the Trust's web address", sources=(h.website_source,) if h else ())
    r.text("meth_counting_rules_text", counting_rules.methodology_text(ed), "the counting "
           "rules the edition's own counts were recorded under, and the changes since, up to "
           "publication", files=("meta", counting_rules.FILE))
    r.text("meth_timeliness_text", timeliness_text(ed), "how many forces answered within the "
           "legal deadline, and the median time taken (from the tracker)",
           files=("meta", "tracker"))
    return r


def timeliness_text(ed: Edition) -> str:
    """How promptly the forces answered, from the edition's tracker (as at publication)."""

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
    return (f"The forces' answers to the {ed.meta.edition} requests have not been published, "
            f"so the per-force figures in this edition are illustrative: a constructed dataset "
            f"for all {ed.meta.forces_asked} forces, built so that its totals equal every "
            f"published national figure. Which force falls in which group is made up, except "
            f"where a fact is public, and no figure about a named force should be read as that "
            f"force's answer. Every figure computed from these data is marked ‡ where it is "
            f"printed. The national counts, the published headline figures and the Crown "
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
