"""Court figures: defendants proceeded against for stalking and convicted, for a force's police
force area (with England and Wales beside it) and for England and Wales in the chapter on
attrition. No conviction rate: a conviction can follow proceedings of an earlier year."""

from __future__ import annotations

import pandas as pd

from nsc_report.data import Edition
from nsc_report.data.public import ENGLAND_AND_WALES
from nsc_report.layout import slug
from nsc_report.measures import published as m
from nsc_report.present import fmt, words
from nsc_report.present.tables import Table
from nsc_report.sections import public_period
from nsc_report.sections.published.common import COURT, short, value_or, who


def court_sentence(ed: Edition, code: str) -> str:
    w = words.of(ed, "published")
    proceedings = m.values(ed.public, COURT, code, "proceedings")
    convicted = m.values(ed.public, COURT, code, "convicted")
    last = m.latest(proceedings)
    if last is None:
        # No row for the years the figures cover (and the table shows); a raw file may have
        # rows for the area from before the offences existed, which the series leaves out.
        years = m.periods(ed.public, COURT)
        return w.text("published-court", given=False, who=who(ed, code),
                      first=public_period(ed, years[0]), last=public_period(ed, years[-1]))
    period, p = last
    c = convicted.get(period, m.Value(None)).value
    ew_p = m.values(ed.public, COURT, ENGLAND_AND_WALES, "proceedings").get(period)
    ew_c = m.values(ed.public, COURT, ENGLAND_AND_WALES, "convicted").get(period)
    # Only the values the variant prints (the proof sheet shows the others by name).
    values = {"c": words.count(c)} if c is not None else {}
    if ew_p and ew_c and ew_p.value is not None and ew_c.value is not None:
        values.update(ew_p=words.count(ew_p.value), ew_c=words.count(ew_c.value))
    return w.text("published-court", given=True, who=who(ed, code),
                  period=public_period(ed, period),
                  proceedings=words.count(p.value or 0), convicted=c is not None,
                  national="ew_p" in values, **values)


def court_table(ed: Edition, code: str) -> Table:
    w = words.of(ed, "published")
    name, ew = who(ed, code), w.text("published-ew")
    pub = ed.public
    cols = {(name, "proceedings"): m.values(pub, COURT, code, "proceedings"),
            (name, "convicted"): m.values(pub, COURT, code, "convicted"),
            (ew, "proceedings"): m.values(pub, COURT, ENGLAND_AND_WALES, "proceedings"),
            (ew, "convicted"): m.values(pub, COURT, ENGLAND_AND_WALES, "convicted")}
    periods = m.periods(pub, COURT)
    frame = pd.DataFrame({w.text("published-col-year"): [public_period(ed, p) for p in periods], **{
        w.text("published-col-of", who=area, column=what): [value_or(ed, v.get(p))
                                                            for p in periods]
        for (area, what), v in cols.items()}})
    return Table(f"published-court-{slug(name)}",
                 w.text("published-court-caption", who=name,
                        source=short(pub.sources[COURT].citation)), frame)


# --- the chapter on attrition: England and Wales ------------------------------------------------

def national_court_sentence(ed: Edition) -> str:
    p = m.values(ed.public, COURT, ENGLAND_AND_WALES, "proceedings")
    c = m.values(ed.public, COURT, ENGLAND_AND_WALES, "convicted")
    first, last = next(iter(p)), list(p)[-1]
    return words.of(ed, "published").text(
        "published-national-court", first=public_period(ed, first), last=public_period(ed, last),
        first_p=words.count(p[first].value or 0), first_c=words.count(c[first].value or 0),
        last_p=words.count(p[last].value or 0), last_c=words.count(c[last].value or 0))


def national_court_table(ed: Edition) -> Table:
    w = words.of(ed, "published")
    pub = ed.public
    p = m.values(pub, COURT, ENGLAND_AND_WALES, "proceedings")
    c = m.values(pub, COURT, ENGLAND_AND_WALES, "convicted")
    frame = pd.DataFrame({
        w.text("published-col-year"): [public_period(ed, x) for x in p],
        w.text("published-col-proceedings"): [fmt.count(v.value or 0) for v in p.values()],
        w.text("published-col-convicted"): [value_or(ed, c.get(x)) for x in p]})
    return Table("published-court", w.text("published-national-court-caption",
                                           source=short(pub.sources[COURT].citation)), frame)
