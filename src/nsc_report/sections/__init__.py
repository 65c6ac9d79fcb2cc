"""What each section notebook shows: glued figures (formatted for prose) and charts.

`measures` computes; this layer words and draws. Every function takes a validated edition.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from ..data import DataValidationError, Edition, Issue, load_edition
from ..figures import RECORD, Register


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


def glue_figures(values: Register | Mapping[str, str]) -> None:
    """Glue each figure for the prose, without displaying it in the notebook, and the
    notebook's register of figures (what each is and what it was computed from)."""
    from myst_nb import glue

    texts = values.values if isinstance(values, Register) else values
    for key, value in texts.items():
        glue(key, value, display=False)
    if isinstance(values, Register):
        glue(RECORD, RecordText(values.record()), display=False)


class RecordText:
    """The register as its JSON text (a notebook's glued data is text; a JSON object would be
    refused under the glue's own mime type)."""

    def __init__(self, record: dict) -> None:
        self.text = json.dumps(record, ensure_ascii=False, sort_keys=False)

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict:
        return {"text/plain": self.text}


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
