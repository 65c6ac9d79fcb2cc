"""What the published statistics' parts share: the series they read, how a figure cites its
series, and the section's label and list of sources."""

from __future__ import annotations

from nsc_report.data import Edition
from nsc_report.measures import published as m
from nsc_report.present import fmt, words
from nsc_report.present.tables import HtmlBlock

# The series each part of the section reads, in the order the sources are listed.
RECORDED, GROUP, OUTCOMES, COURT = ("recorded_offences_2017_18", "stalking_and_harassment",
                                    "stalking_outcomes", "proceedings_convictions")
ORDERS, ORDERS_2021 = "spo_applications", "spo_applications_2020_2021"
SERIES = (RECORDED, GROUP, OUTCOMES, COURT, ORDERS, ORDERS_2021)
SOURCE_ID = "public:{}"  # how a figure names a published series among its sources


def who(ed: Edition, code: str) -> str:
    return str(ed.forces.set_index("force_code").at[code, "force_name"])


def codes(ed: Edition) -> list[str]:
    return list(ed.forces["force_code"])


def meta(series: str, *periods: str) -> dict[str, tuple[str, ...]]:
    return {"files": ("public",), "sources": (SOURCE_ID.format(series),), "periods": periods}


def value_or(ed: Edition, value: m.Value | None) -> str:
    """A figure for a table's cell, or that the source does not give it."""
    if value is None or value.value is None:
        return words.of(ed, "published").text("published-not-given")
    return fmt.count(value.value)


def short(citation: str) -> str:
    """For a table's caption: the citation's first part (the list of sources gives the rest)."""
    return citation.split(";")[0]


def notice(ed: Edition, code: str) -> HtmlBlock:
    """The label that opens the section: what these figures are, and that they are real."""
    w = words.of(ed, "published")
    text = w.text("published-notice", who=who(ed, code))
    return HtmlBlock(str(w.html("published-notice-html", text=text)),
                     w.text("published-notice-text", text=text))


def sources_list(ed: Edition) -> HtmlBlock:
    """Every published series the section reads, with its citation, compiler and licence."""
    w = words.of(ed, "published")
    items = [ed.public.sources[s] for s in SERIES]
    markup = "".join(w.html("published-source", title=s.title, citation=s.citation,
                            named=s.compiler in s.citation, compiler=s.compiler,
                            when=fmt.month(s.published), licence=s.licence)
                     for s in items)
    return HtmlBlock(str(w.html("published-sources", items=words.Rendered(markup, "html"))),
                     "\n".join(w.text("published-source-text", title=s.title,
                                      citation=s.citation) for s in items))
