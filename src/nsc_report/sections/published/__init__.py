"""Published statistics on a force's page and in its briefing: real figures from official
sources (data/public/), set apart from the Freedom of Information answers.

Each sentence says what the figures are and what they cannot show; a missing figure or a known
oddity is said in words, never printed as a zero. The charts draw a line only within one
counting-rule era and mark each change (sections/counting_rules.py). No rate is computed without a
denominator the data hold: the charge rate is the only one.

The words are in `notebooks/published.ftl`; the code is one module for each series it reads:
`recorded` (recorded crime), `outcomes` (the charge rate), `court` (proceedings and
convictions) and `orders` (Stalking Protection Orders, as forces told the BBC), each serving a
force's page and the chapters alike. This module registers their sentences and key figures.
"""

from __future__ import annotations

from nsc_report.data import Edition
from nsc_report.measures import published as m
from nsc_report.present import words
from nsc_report.present.figures import Register
from nsc_report.sections import counting_rules as rules
from nsc_report.sections.published.common import (
    COURT,
    GROUP,
    ORDERS,
    ORDERS_2021,
    OUTCOMES,
    RECORDED,
    SERIES,
    SOURCE_ID,
    codes,
    compilers,
    held,
    holds,
    meta,
    notice,
    sources_list,
    who,
)
from nsc_report.sections.published.court import (
    court_sentence,
    court_table,
    national_court_sentence,
    national_court_table,
)
from nsc_report.sections.published.orders import (
    early_period,
    national_orders,
    national_orders_sentence,
    national_orders_table,
    orders_sentence,
    orders_table,
)
from nsc_report.sections.published.outcomes import (
    charge_chart,
    charge_sentence,
    national_charge_chart,
    national_charge_sentence,
)
from nsc_report.sections.published.recorded import group_chart, group_sentence, recorded_sentence

__all__ = ["COURT", "GROUP", "ORDERS", "ORDERS_2021", "OUTCOMES", "RECORDED", "SERIES",
           "SOURCE_ID", "add_figures", "add_national_figures", "charge_chart", "charge_sentence",
           "compilers", "held", "holds",
           "court_sentence", "court_table", "group_chart", "group_sentence",
           "national_charge_chart", "national_charge_sentence", "national_court_sentence",
           "national_court_table", "national_orders", "national_orders_sentence",
           "national_orders_table", "notice", "orders_sentence", "orders_table",
           "recorded_sentence", "sources_list"]


def add_figures(r: Register, ed: Edition, code: str) -> None:
    """Register the section's sentences and key figures on the force's page, each citing the
    published series it comes from (status `published`)."""
    w = words.of(ed, "published")
    name = who(ed, code)
    pub = ed.public
    group_periods = tuple(m.periods(pub, GROUP))
    r.text("pub_recorded_text", recorded_sentence(ed, code),
           w.text("published-def-recorded-text", who=name), questions=(), forces=codes(ed),
           **meta(RECORDED, "ye_mar_2018"))
    r.text("pub_group_text", group_sentence(ed, code),
           w.text("published-def-group-text", who=name), questions=(),
           **{**meta(GROUP, *group_periods), "files": ("public", rules.FILE)})
    r.text("pub_charge_text", charge_sentence(ed, code),
           w.text("published-def-charge-text", who=name), questions=(),
           **meta(OUTCOMES, *m.periods(pub, OUTCOMES)))
    r.text("pub_court_text", court_sentence(ed, code),
           w.text("published-def-court-text", who=name), questions=(),
           **meta(COURT, *m.periods(pub, COURT)))
    orders = (*meta(ORDERS)["sources"], *meta(ORDERS_2021)["sources"])
    r.text("pub_orders_text", orders_sentence(ed, code),
           w.text("published-def-orders-text", who=name), questions=(), files=("public",),
           sources=orders, periods=(*m.periods(pub, ORDERS),
                                    *([early] if (early := early_period(ed, code)) else [])))
    # The key figures as numbers, for the register and its downloads.
    mine = m.values(pub, RECORDED, code, "stalking").get("ye_mar_2018")
    if mine is not None and mine.value is not None:
        r.count("pub_recorded_stalking", mine.value,
                w.text("published-def-recorded", who=name), questions=(),
                **meta(RECORDED, "ye_mar_2018"))
    rated = [y for y in m.charge_years(pub, code) if y.rate is not None]
    if rated:
        y = rated[-1]
        assert y.charged is not None and y.outcomes is not None
        r.share("pub_charge_rate", y.charged, y.outcomes,
                w.text("published-def-charge-rate", who=name), places=1, questions=(),
                **meta(OUTCOMES, y.period))
    last = m.latest(m.values(pub, COURT, code, "proceedings"))
    if last is not None:
        r.count("pub_proceedings", last[1].value or 0,
                w.text("published-def-proceedings", who=name), questions=(),
                **meta(COURT, last[0]))
        convicted = m.values(pub, COURT, code, "convicted").get(last[0])
        if convicted is not None and convicted.value is not None:
            r.count("pub_convicted", convicted.value,
                    w.text("published-def-convicted", who=name), questions=(),
                    **meta(COURT, last[0]))


def add_national_figures(r: Register, ed: Edition, which: str) -> None:
    """Register a chapter's published national sentences ('attrition' or 'spo')."""
    w = words.of(ed, "published")
    pub = ed.public
    if which == "attrition":
        r.text("pub_national_charge_text", national_charge_sentence(ed),
               w.text("published-def-national-charge"), questions=(),
               **{**meta(OUTCOMES, *m.periods(pub, OUTCOMES)), "files": ("public", rules.FILE)})
        r.text("pub_national_court_text", national_court_sentence(ed),
               w.text("published-def-national-court"), questions=(),
               **meta(COURT, *m.periods(pub, COURT)))
    elif which == "spo":
        r.text("pub_national_orders_text", national_orders_sentence(ed),
               w.text("published-def-national-orders"), questions=(),
               **meta(ORDERS, *m.periods(pub, ORDERS)))
    else:
        raise ValueError(f"no published national figures for {which!r}")
