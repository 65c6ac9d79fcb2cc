"""Section: how the report applies the Code of Practice for Statistics voluntarily; its facts
(dates, response counts, sources, the current version) come from the data."""

from __future__ import annotations

from nsc_report.data import Edition, provenance
from nsc_report.data.models import PreRelease
from nsc_report.measures.response import response_summary
from nsc_report.present import fmt
from nsc_report.present.figures import Register
from nsc_report.sections.revisions import current_version

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("code-of-practice",)


def figures(ed: Edition) -> Register:
    r = Register(ed, files=("meta",))
    r.text("rev_version", current_version(ed), "the current version of the edition and its date",
           files=("revisions",))
    meta = ed.meta
    s = response_summary(ed)
    r.text("cop_publication", f"{meta.publication_date:%-d %B %Y}", "the date of publication",
           files=("meta",))
    r.text("cop_week", meta.awareness_week, "the awareness week of publication", files=("meta",))
    r.count("cop_asked", s.asked, "police forces sent the request", files=("returns",))
    r.count("cop_responded", s.responded, "forces that gave any figures",
            files=("returns",), questions=tuple(ed.questions["id"]))
    statuses = [src.status for src in meta.sources.values()]
    r.count("cop_sources", len(statuses), "sources the edition cites", files=("meta",))
    r.text("cop_source_statuses", fmt.listing(
        [f"{statuses.count(st)} {provenance.WORDS[st]}" for st in
         ("published", "unverified", "illustrative") if statuses.count(st)]),
        "the sources by status", files=("meta",))
    r.text("cop_illustrative", (
        "Its per-force figures are illustrative: constructed, not the forces' real answers, "
        "and marked as such wherever they are printed." if meta.illustrative else
        "Its figures are the answers as given, each marked with its status where it is not "
        "published."), "whether the edition's per-force figures are real", files=("meta",))
    r.text("cop_pre_release", pre_release_statement(ed.pre_release),
           "who outside the team had the findings before publication (pre_release.yml)",
           files=("pre_release",))
    return r


def _received(entry: PreRelease) -> str:
    return ("date not recorded" if entry.received == "not recorded"
            else f"on {entry.received:%-d %B %Y}")


def pre_release_statement(entries: list[PreRelease] | None) -> str:
    """The statement of pre-release access, from the edition's list: who had the findings
    before publication, what and when, or that nobody did; never a claim the list does not
    bear (an edition without a list says it keeps none)."""
    if entries is None:
        return ("This edition keeps no record of who outside the team that writes the report "
                "had its findings before publication.")
    if not entries:
        return ("Nobody outside the team that writes the report had its findings before "
                "publication.")
    people = [f"{e.who}" + (f", {e.role}" if e.role else "") + f" ({e.what}; {_received(e)})"
              for e in entries]
    many = "person" if len(entries) == 1 else "people"
    return (f"Before publication, {len(entries)} {many} outside the team that writes the "
            f"report had its findings: {fmt.listing(people)}.")
