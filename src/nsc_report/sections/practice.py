"""Section: how the report applies the Code of Practice for Statistics voluntarily; its facts
(dates, response counts, sources, the current version) come from the data; its words are in
`notebooks/code-of-practice.ftl`, beside the template."""

from __future__ import annotations

from nsc_report.data import Edition
from nsc_report.data.models import PreRelease
from nsc_report.measures.response import response_summary
from nsc_report.present import labels, words
from nsc_report.present.figures import Register
from nsc_report.sections.revisions import current_version

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("code-of-practice",)


def figures(ed: Edition) -> Register:
    w = words.of(ed, "code-of-practice")
    r = Register(ed, files=("meta",))
    r.text("rev_version", current_version(ed), w.text("code-of-practice-def-version"),
           files=("revisions",))
    meta = ed.meta
    s = response_summary(ed)
    r.text("cop_publication", labels.publication_day(ed),
           w.text("code-of-practice-def-publication"), files=("meta",))
    r.text("cop_week", meta.awareness_week, w.text("code-of-practice-def-week"), files=("meta",))
    # The forces asked are a fact of the request (edition.yml), not of the answers.
    r.count("cop_asked", meta.forces_asked, w.text("code-of-practice-def-asked"),
            files=("meta",), sources=(f"foi_{meta.edition}",), stated="forces_asked")
    r.count("cop_responded", s.responded, w.text("code-of-practice-def-responded"),
            files=("returns",), questions=tuple(ed.questions["id"]), stated="forces_responding")
    statuses = cited_statuses(ed)
    r.count("cop_sources", len(statuses), w.text("code-of-practice-def-sources"),
            files=("meta", "public"))
    r.text("cop_source_statuses", w.listing(
        [w.text("code-of-practice-sources-item", n=statuses.count(st),
                status=st)
         for st in ("published", "unpublished", "unverified", "illustrative")
         if statuses.count(st)]),
        w.text("code-of-practice-def-source-statuses"), files=("meta", "public"))
    r.text("cop_illustrative", w.text("code-of-practice-illustrative",
                                      illustrative=meta.illustrative),
           w.text("code-of-practice-def-illustrative"), files=("meta",))
    r.text("cop_pre_release", pre_release_statement(ed),
           w.text("code-of-practice-def-pre-release"), files=("pre_release",))
    # Where the software is published, only as the edition records it (help.source_url).
    address = meta.help.short(meta.help.source_url) if meta.help and meta.help.source_url else ""
    for key, form in (("cop_software", "methods"), ("cop_built", "about")):
        r.text(key, w.text("code-of-practice-software", form=form, published=bool(address),
                           address=address), w.text("code-of-practice-def-software"))
    # Only an edition with an earlier one to compare with can say it compares the answers.
    r.text("cop_comparable", w.text("code-of-practice-comparable",
                                    compared=meta.previous_edition is not None,
                                    previous=meta.previous_edition or ""),
           w.text("code-of-practice-def-comparable"))
    # Counts a chapter prints with a noun: glued with it, in its number (labels.ftl).
    for key, noun in (("cop_asked", "police-forces"),
                      ("cop_sources", "sources")):
        r.counted(key, noun)
    return r


def cited_statuses(ed: Edition) -> list[str]:
    """The status of every source the report cites: the edition's own (edition.yml) and each
    published series it prints a value of (data/public/sources.yml, as of its cut-off). A
    source of which a part is not published (the forces' answers) is counted as unpublished,
    whatever the status of the figures taken from it."""
    return (["unpublished" if src.unpublished else src.status
             for src in ed.meta.sources.values()]
            + [s.status for s in ed.public.cited().values()])


def pre_release_statement(ed: Edition) -> str:
    """The statement of pre-release access, from the edition's list: who had the findings
    before publication, what and when, or that nobody did; never a claim the list does not
    bear (an edition without a list says it keeps none; a list that is not `complete` names
    those its sources show and says that whether anyone else had them is not recorded)."""
    w = words.of(ed, "code-of-practice")
    entries: list[PreRelease] | None = ed.pre_release
    if entries is None:
        return w.text("code-of-practice-pre-release-unrecorded")
    people = [w.text("code-of-practice-pre-release-person", who=e.who, role=e.role or "",
                     has_role=bool(e.role), what=e.what, dated=e.received != "not recorded",
                     date="" if e.received == "not recorded" else labels.date(ed, e.received))
              for e in entries]
    if not ed.pre_release_complete:
        # Only those the sources show: say so, and that whether anyone else had them is not
        # recorded (never "N people had them").
        if not entries:
            return w.text("code-of-practice-pre-release-unrecorded")
        return w.text("code-of-practice-pre-release-known", n=len(entries),
                      people=w.listing(people))
    return w.text("code-of-practice-pre-release", n=len(entries), people=w.listing(people))
