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


def holds(ed: Edition, code: str, series: str) -> bool:
    """Whether the series holds a figure the force's page prints for it: the charge rate for
    the outcomes (a year whose outcomes are all zero has no rate), any value for the others.
    A source line names a series only where this is true: a series that holds nothing for a
    force is never cited as a source of its figures."""
    if series == OUTCOMES:
        return any(y.rate is not None for y in m.charge_years(ed.public, code))
    t = ed.public.table
    return bool(((t["series"] == series) & (t["force_code"] == code)
                 & t["value"].notna()).any())


def held(ed: Edition, code: str, series: tuple[str, ...] = SERIES) -> tuple[str, ...]:
    """Of `series`, those that hold a figure printed for the force (`holds`), in order."""
    return tuple(s for s in series if holds(ed, code, s))


def compilers(ed: Edition, series: tuple[str, ...]) -> str:
    """Who compiled the series, each once, in order: a credit line's names."""
    return ", ".join(dict.fromkeys(ed.public.sources[s].compiler for s in series))


def notice(ed: Edition, code: str) -> HtmlBlock:
    """The label that opens the section: what these figures are, that they are real, and where
    they come from: only the sources that hold a figure for the force."""
    w = words.of(ed, "published")
    mine = held(ed, code)
    origins = list(dict.fromkeys(w.text("published-origin", series=s) for s in mine))
    text = w.text("published-notice", who=who(ed, code), held=len(origins),
                  origins=w.listing(origins) if origins else "")
    return HtmlBlock(str(w.html("published-notice-html", text=text)),
                     w.text("published-notice-text", text=text))


def sources_list(ed: Edition, code: str) -> HtmlBlock:
    """The published series that hold a figure for the force, each with its citation, compiler
    and licence; then, by title alone, those the section read that hold none for it (so a
    citation's words about other forces, "Lincolnshire and North Yorkshire did not answer",
    never stand beside a force the source leaves out)."""
    w = words.of(ed, "published")
    mine = held(ed, code)
    items = [ed.public.sources[s] for s in mine]
    markup = "".join(w.html("published-source", title=s.title, citation=s.citation,
                            named=s.compiler in s.citation, compiler=s.compiler,
                            when=fmt.month(s.published), licence=s.licence)
                     for s in items)
    empty = [w.text("published-source-title", title=ed.public.sources[s].title)
             for s in SERIES if s not in mine]
    name = who(ed, code)
    if empty:
        markup += w.html("published-source-none", who=name, titles="; ".join(empty))
    return HtmlBlock(str(w.html("published-sources", items=words.Rendered(markup, "html"))),
                     "\n".join([*(w.text("published-source-text", title=s.title,
                                          citation=s.citation) for s in items),
                                *([w.text("published-source-none-text", who=name,
                                          titles="; ".join(empty))] if empty else [])]))
