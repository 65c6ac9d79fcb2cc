"""A force without court figures is said to have none for the years the figures cover, not
none at all (fact-check 2026-12-07, finding 12: the raw file has City of London rows for 2010
and 2011, and none for 2013 to 2021, the years the report shows)."""

from __future__ import annotations

from helpers import DATA

from nsc_report.data import load_edition
from nsc_report.measures import published as m
from nsc_report.sections import public_period
from nsc_report.sections.published.common import COURT
from nsc_report.sections.published.court import court_sentence


def test_no_court_row_is_said_for_the_years_shown():
    ed = load_edition(DATA, "2024")
    code = ed.forces.set_index("force_name").at["City of London", "force_code"]
    assert m.latest(m.values(ed.public, COURT, code, "proceedings")) is None
    years = m.periods(ed.public, COURT)
    first, last = public_period(ed, years[0]), public_period(ed, years[-1])
    sentence = court_sentence(ed, code)
    assert "City of London" in sentence
    assert first in sentence and last in sentence, sentence
    assert (first, last) == ("2013", "2021")  # the committed edition's court years
