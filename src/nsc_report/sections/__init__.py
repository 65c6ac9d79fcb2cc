"""What each section notebook shows: glued figures (formatted for prose) and charts.

`measures` computes; this layer words and draws. Every function takes a validated edition.
May import `data`, `layout`, `measures` and `present`. A template opens its edition and glues
its figures with `nsc_report.notebook`.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from types import ModuleType

from nsc_report.data import Edition
from nsc_report.layout import slug
from nsc_report.measures import published as public_measures
from nsc_report.present import fmt, labels, words


def foi_source(edition: Edition) -> str:
    """The source line for figures from this edition's FOI returns."""
    # Its words are the methodology's (notebooks/methodology.ftl), which the note points to.
    return words.of(edition, "methodology").text(
        "methodology-foi-source", citation=edition.source(f"foi_{edition.meta.edition}").citation,
        illustrative=edition.meta.illustrative)


def overseer(edition: Edition, code: str, on: dt.date | None = None,
             capital: bool = False) -> str:
    """The body that oversaw the force on a date (the publication date by default), as a
    sentence or a briefing names it: a body not yet checked against its source
    (reference/oversight.csv, `checked: no`) is named with the words that say so."""
    row = edition.overseer(code, on)
    body = fmt.capital(row["body"]) if capital else row["body"]
    return labels.unchecked(edition, body, row["checked"] == "yes")


def period(edition: Edition, which: str = "current") -> str:
    pid = edition.meta.current_period if which == "current" else edition.meta.previous_period
    return edition.period_label(pid)


def public_period(edition: Edition, pid: str, financial: bool = True) -> str:
    """How a period of the published statistics is printed: a financial year as '2014/15' (in a
    series of financial years, `financial`), others in words ('year ending June 2018')."""
    if public_measures.is_financial(pid, financial):
        return public_measures.financial_year(pid)
    return labels.public_period(edition, pid)


def force_links(edition: Edition, prefix: str = "forces/") -> dict[str, str]:
    """Each force's name to its page, for the first column of a chapter's tables."""

    return {name: f"{prefix}{slug(name)}.html" for name in edition.forces["force_name"]}


def registry() -> dict[str, ModuleType]:
    """Every section, found rather than listed: template name -> the module that computes,
    words and draws it (a module declares the templates it serves in `TEMPLATES` and gives
    `figures(ed, ...)`, the Register its template glues)."""
    found: dict[str, ModuleType] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for template in getattr(module, "TEMPLATES", ()):
            found[template] = module
    return dict(sorted(found.items()))
