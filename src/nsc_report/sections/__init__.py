"""What each section notebook shows: glued figures (formatted for prose) and charts.

`measures` computes; this layer words and draws. Every function takes a validated edition.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..data import DataValidationError, Edition, Issue, load_edition


def open_edition(data_dir: str, edition: str, current_period: str | None = None,
                 previous_period: str | None = None) -> Edition:
    """Open an edition for a notebook, with the periods its parameters name.

    Lazily: a notebook reads only the data files it uses, so that editing one file re-executes
    only the notebooks that read it.
    """
    ed = load_edition(data_dir, edition, lazy=True)
    updates = {k: v for k, v in (("current_period", current_period),
                                 ("previous_period", previous_period)) if v}
    for key, value in updates.items():
        if value not in ed.meta.periods:
            raise DataValidationError([Issue("notebook parameters", None, key, value,
                                             "a period defined in edition.yml")])
    return ed.with_periods(**updates) if updates else ed


def glue_figures(values: Mapping[str, str]) -> None:
    """Glue each figure for the prose, without displaying it in the notebook."""
    from myst_nb import glue

    for key, value in values.items():
        glue(key, value, display=False)


def foi_source(edition: Edition) -> str:
    """The source line for figures from this edition's FOI returns."""
    note = " Illustrative data: see the methodology." if edition.meta.illustrative else ""
    return f"Source: {edition.source(f'foi_{edition.meta.edition}').citation}.{note}"


def period(edition: Edition, which: str = "current") -> str:
    pid = edition.meta.current_period if which == "current" else edition.meta.previous_period
    return edition.period_label(pid)


def force_links(edition: Edition, prefix: str = "forces/") -> dict[str, str]:
    """Each force's name to its page, for the first column of a chapter's tables."""
    from ..fmt import slug

    return {name: f"{prefix}{slug(name)}.html" for name in edition.forces["force_name"]}
