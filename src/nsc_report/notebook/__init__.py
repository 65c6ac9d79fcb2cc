"""What runs inside a notebook's kernel: opening the edition a template names, gluing its
figures, and the clean session the warm engine resets between notebooks. May import `data`
and `present`; the modules a notebook imports are what the execution cache records."""

from __future__ import annotations

import json
from collections.abc import Mapping

from nsc_report.data import DataValidationError, Edition, Issue, load_edition
from nsc_report.present.figures import RECORD, Register


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
