"""A value derived from an edition is computed once, and again when the edition's metadata is
replaced; the comparison table handed out is each caller's own."""

from __future__ import annotations

from helpers import DATA, EDITION

from nsc_report.data import load_edition
from nsc_report.measures.force import comparison_table


def test_derived_is_computed_once_per_metadata():
    ed = load_edition(DATA, EDITION)
    made = []
    assert ed.derived("x", lambda: made.append(1) or len(made)) == 1
    assert ed.derived("x", lambda: made.append(1) or len(made)) == 1
    ed.meta = ed.meta.model_copy(update={"current_period": ed.meta.previous_period})
    assert ed.derived("x", lambda: made.append(1) or len(made)) == 2


def test_the_comparison_table_follows_the_metadata_and_is_a_copy():
    ed = load_edition(DATA, EDITION)
    first = comparison_table(ed)
    first.loc[:, "recorded"] = -1
    assert (comparison_table(ed)["recorded"].dropna() >= 0).all()
    before = comparison_table(ed)
    ed.meta = ed.meta.model_copy(update={"current_period": ed.meta.previous_period})
    assert not comparison_table(ed)["recorded"].equals(before["recorded"])
