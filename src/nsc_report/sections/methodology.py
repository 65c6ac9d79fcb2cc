"""Section: methodology tables (codebook and response coding), from the edition's files.

The words are in `notebooks/methodology.ftl`, beside the template."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd

from nsc_report.data import STATUSES, Edition, provenance
from nsc_report.measures.requests import DEADLINE_WORKING_DAYS, timeliness
from nsc_report.present import fmt, labels, words
from nsc_report.present.figures import Register
from nsc_report.present.tables import Table
from nsc_report.sections import counting_rules, overseer

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("methodology",)


def figures(ed: Edition) -> Register:
    w = words.of(ed, "methodology")
    meta, org, ask = ed.meta, ed.meta.organisation, ed.meta.funding_ask
    r = Register(ed, files=("meta",))
    r.count("meth_questions", len(ed.questions), w.text("methodology-def-questions"),
            files=("questions",))
    r.count("meth_forces", meta.forces_asked, w.text("methodology-def-forces"),
            sources=(f"foi_{meta.edition}",), stated="forces_asked")
    # One row per force, question and period (the data are checked complete): a count of the
    # request's design, published whatever the status of the answers in the rows.
    rows = len(ed.forces) * sum(len(periods) for periods in ed.questions["periods"])
    r.count("meth_rows", rows, w.text("methodology-def-rows"), files=("forces", "questions"))
    r.text("meth_publication_date", labels.publication_day(ed),
           w.text("methodology-def-publication-date"))
    r.text("meth_edition", meta.edition, w.text("methodology-def-edition"))
    r.text("meth_title", meta.title, w.text("methodology-def-title"))
    r.text("meth_theme", meta.theme, w.text("methodology-def-theme"))
    r.text("meth_awareness_week", meta.awareness_week, w.text("methodology-def-awareness-week"))
    r.text("meth_illustrative", "yes" if meta.illustrative else "no",
           w.text("methodology-def-illustrative"))
    # The public facts it names rest on their sources (and on who oversees each force).
    r.text("meth_illustrative_text", illustrative_text(ed),
           w.text("methodology-def-illustrative-text"),
           files=("meta", "oversight") if public_facts(ed) else ("meta",),
           sources=public_sources(ed))
    r.count("org_years", org.trust_founded_years_ago, w.text("methodology-def-org-years"),
            sources=(org.source,))
    r.value("org_helpline_started", str(org.helpline_started), org.helpline_started,
            w.text("methodology-def-helpline-started"), sources=(org.source,))
    r.count("org_victims_supported", org.helpline_victims_supported,
            w.text("methodology-def-victims-supported"), sources=(org.source,))
    r.text("org_source", ed.source(org.source).citation, w.text("methodology-def-org-source"),
           sources=(org.source,))
    r.text("period_current", ed.period_label(meta.current_period),
           w.text("methodology-def-period-current"))
    r.text("period_previous", ed.period_label(meta.previous_period),
           w.text("methodology-def-period-previous"))
    r.value("funding_amount", fmt.gbp_millions(ask.amount_gbp), ask.amount_gbp,
            w.text("methodology-def-funding-amount"), sources=(ask.source,))
    r.value("funding_exact", fmt.gbp(ask.amount_gbp), ask.amount_gbp,
            w.text("methodology-def-funding-exact"), sources=(ask.source,),
            finding=w.text("methodology-finding-funding-exact", printed=ask.as_printed,
                           corrected=ask.as_printed != fmt.gbp(ask.amount_gbp)))
    r.text("funding_as_printed", ask.as_printed, w.text("methodology-def-funding-as-printed"),
           sources=(ask.source,))
    h = meta.help
    help_line = (w.text("methodology-help-line", known=True, name=h.helpline_name,
                        phone=h.helpline_phone, has_phone=bool(h.helpline_phone)) if h else
                 w.text("methodology-help-line", known=False))
    r.text("help_line", help_line, w.text("methodology-def-help-line"),
           sources=(h.helpline_source,) if h else ())
    r.text("help_website", h.short(h.website) if h else "",
           w.text("methodology-def-help-website"), sources=(h.website_source,) if h else ())
    r.text("meth_counting_rules_text", counting_rules.methodology_text(ed),
           w.text("methodology-def-counting-rules"),
           files=("meta", counting_rules.FILE, "public"))
    r.text("meth_timeliness_text", timeliness_text(ed), w.text("methodology-def-timeliness"),
           files=("meta", "tracker"))
    # Counts a chapter prints with a noun: glued with it, in its number (labels.ftl).
    for key, noun in (("meth_forces", "territorial-police-forces"),
                      ("meth_questions", "questions")):
        r.counted(key, noun)
    return r


def timeliness_text(ed: Edition) -> str:
    """How promptly the forces answered, from the edition's tracker (as at publication)."""
    w = words.of(ed, "methodology")
    if ed.tracker is None:
        return w.text("methodology-timeliness", case="no-record")
    names = dict(zip(ed.forces["force_code"], ed.forces["force_name"], strict=True))
    t = timeliness(ed.tracker, names, ed.meta.publication_date)
    if not t.answered:
        return w.text("methodology-timeliness", case="none-answered", requests=t.requests)
    return w.text("methodology-timeliness", case="answered", requests=t.requests,
                  on_time=t.on_time, deadline=DEADLINE_WORKING_DAYS,
                  late=t.answered - t.on_time, unanswered=t.requests - t.answered,
                  median=words.number(t.median_working_days or 0))


def illustrative_text(ed: Edition) -> str:
    """What is constructed, and which facts among the constructed data are public (from the
    rows that cite their source: the commitments' and the answers')."""
    w = words.of(ed, "methodology")
    facts = public_facts(ed)
    # The national counts (not the rates the release and the Trust state) on a source not
    # confirmed: not "real and cited" like the rest.
    national = ed.national
    unverified = [source for unit, source in zip(national["unit"], national["source_id"],
                                                 strict=True)
                  if unit != "percent" and ed.source(str(source)).status == "unverified"]
    return w.text("methodology-illustrative", illustrative=ed.meta.illustrative,
                  edition=ed.meta.edition, forces=ed.meta.forces_asked, public=len(facts),
                  facts=w.listing(facts), unverified=len(unverified),
                  caveat=_after_colon(" ".join(dict.fromkeys(
                      ed.source(str(s)).caveat or "" for s in unverified))))


def _after_colon(text: str) -> str:
    """A sentence set after a colon: its first letter small ('unverified: the reference')."""
    return text[:1].lower() + text[1:]


def public_facts(ed: Edition) -> list[str]:
    """Each public fact in a file otherwise constructed, in words (its source is on the
    force's page): a Commissioner's commitment, then an answer a force made public."""
    w = words.of(ed, "methodology")
    on = dt.date(ed.meta.pcc_commitment_year, 6, 30)
    committed = ed.commitments.set_index("force_code")["committed"]
    names = ed.forces.set_index("force_code")["force_name"]
    return [*(w.text("methodology-public-commitment", body=overseer(ed, code, on),
                     made=bool(committed[code]), year=str(on.year))
              for code in provenance.public_commitments(ed)),
            *(w.text("methodology-public-answer", question=a.question_id,
                     who=str(names[a.force_code]), any=bool(a.value))
              for a in provenance.public_answers(ed))]


def public_sources(ed: Edition) -> tuple[str, ...]:
    """The sources the public facts rest on."""
    rows = ed.commitments.set_index("force_code")
    return tuple(dict.fromkeys(
        [str(rows.at[c, "source_id"]) for c in provenance.public_commitments(ed)]
        + [a.source for a in provenance.public_answers(ed)]))


def _columns(ed: Edition) -> Callable[[str], str]:
    """The tables' column headings (methodology.ftl), by key."""
    w = words.of(ed, "methodology")
    return lambda key: w.text("methodology-column", column=key)


def questions_table(ed: Edition) -> Table:
    q = ed.questions
    col = _columns(ed)
    frame = pd.DataFrame({
        col("question"): q["id"],
        col("wording"): q["wording"],
        col("period"): q["periods"].map(lambda ps: "; ".join(ed.period_label(p) for p in ps)),
        col("unit"): q["unit"],
    })
    return Table("questions", words.of(ed, "methodology").text("methodology-questions-caption"),
                 frame)


def status_table(ed: Edition) -> Table:
    counts = ed.returns["status"].value_counts()
    col = _columns(ed)
    frame = pd.DataFrame({
        col("code"): list(STATUSES),
        col("meaning"): list(labels.statuses(ed, list(STATUSES)).values()),
        col("coded"): [int(counts.get(s, 0)) for s in STATUSES],
    })
    caption = words.of(ed, "methodology").text("methodology-status-caption")
    return Table("response-coding", caption, frame)


def sources_table(ed: Edition) -> Table:
    """Every source the edition cites: whether it is published, and who checked it, as the
    data record it (a copy kept with the edition, which every build checks the quotations and
    stated figures against, or a recorded check); never a check the data do not record."""
    w = words.of(ed, "methodology")

    def column(name: str) -> str:
        return w.text("methodology-sources-column", column=name)

    frame = pd.DataFrame([{
        column("source"): s.citation,
        # As the Code of Practice counts them (practice.cited_statuses): unpublished in part,
        # unverified, or published.
        column("published"): w.text("methodology-source-published",
                                    published="no" if s.unpublished else
                                    "unverified" if s.status == "unverified" else "yes",
                                    unpublished=s.unpublished or ""),
        column("checked"): w.text(
            "methodology-source-checked",
            how="copy" if s.document else "recorded" if s.checked else "none",
            by=s.checked.by if s.checked else "", what=s.checked.what if s.checked else ""),
        column("caveat"): s.caveat or ""}
        for s in ed.meta.sources.values()])
    return Table("sources", w.text("methodology-sources-caption"), frame)


def public_sources_table(ed: Edition) -> Table:
    """The published statistics the force pages print, one row per series: with the national
    figures' sources, every source the report cites (the Code of Practice counts them)."""
    w = words.of(ed, "methodology")

    def column(name: str) -> str:
        return w.text("methodology-public-column", column=name)

    cited = ed.public.cited().values()
    frame = pd.DataFrame({
        column("source"): [s.citation for s in cited],
        column("compiler"): [s.compiler for s in cited],
        column("published"): [fmt.month(s.published) for s in cited],
        column("licence"): [s.licence for s in cited],
        column("checked"): [w.text("methodology-public-checked") for _ in cited]})
    return Table("public-sources", w.text("methodology-public-caption"), frame)
