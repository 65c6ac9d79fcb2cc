"""Stalking Protection Orders as forces told the BBC: a force's applications and orders granted
(its answers of 2020/21 and 2021/22, and from January 2020 to its answer of 2021), and the
answers of all forces, year by year, in the chapter on protection orders. The forces that
answered differ from year to year: their totals are no national count."""

from __future__ import annotations

import pandas as pd

from nsc_report.data import Edition
from nsc_report.layout import slug
from nsc_report.measures import published as m
from nsc_report.present import fmt, words
from nsc_report.present.tables import HtmlBlock, Table
from nsc_report.sections import public_period
from nsc_report.sections.published.common import ORDERS, ORDERS_2021, codes, short, value_or, who


def early_period(ed: Edition, code: str) -> str | None:
    """The period of the force's answers to the BBC Data Unit of June 2021: from January 2020
    to the day its answer was correct to (series.csv keeps it per force, from the published
    file's `date_correct`), or None where the force is not in that file."""
    return next(iter(m.values(ed.public, ORDERS_2021, code, "applied")), None)


def counted_alike(ed: Edition) -> bool:
    """Whether the two compilations count applications the same way (sources.yml says what each
    measure counts): the June 2021 answers' 'applied for' is the sum of the orders granted,
    rejected and not yet heard, so their figures are not set against the yearly counts."""
    src = ed.public.sources
    return src[ORDERS].measures["applied"] == src[ORDERS_2021].measures["applied"]


def orders_sentence(ed: Edition, code: str) -> str:
    w = words.of(ed, "published")
    name = who(ed, code)
    applied = m.values(ed.public, ORDERS, code, "applied")
    granted = m.values(ed.public, ORDERS, code, "granted")
    notes: list[str] = []
    given = [p for p, v in applied.items() if v.value is not None]
    if given:
        years = []
        for i, p in enumerate(given):
            won = granted[p].value if p in granted else None
            years.append(w.text("published-orders-year", n=words.count(applied[p].value or 0),
                                first=i == 0, period=public_period(ed, p),
                                granted=won is not None,
                                **({"won": words.count(won)} if won is not None else {})))
        said = w.text("published-orders", case="given", who=name, years=w.listing(years))
        notes += [w.text("published-orders-note", period=public_period(ed, p),
                         note=_after_colon(v.note)) for p, v in applied.items() if v.value is None]
    elif applied:
        said = w.text("published-orders", case="no-figure", who=name,
                      note=next(iter(applied.values())).note.rstrip("."))
    else:
        said = w.text("published-orders", case="absent", who=name)
    notes += [w.text("published-orders-note", period=public_period(ed, p),
                     note=_after_colon(v.note))
              for p, v in granted.items() if v.value is not None and v.note]
    early_text = ""
    span = early_period(ed, code)
    if span is not None:
        early = m.values(ed.public, ORDERS_2021, code, "applied")[span]
        won = m.values(ed.public, ORDERS_2021, code, "granted").get(span)
        if early.value is not None:
            early_won = won.value if won is not None else None
            early_text = w.text("published-orders-early", given=True,
                                period=public_period(ed, span), n=words.count(early.value),
                                granted=early_won is not None,
                                apart=bool(given) and not counted_alike(ed),
                                **({"won": words.count(early_won)} if early_won is not None
                                   else {}))
        else:
            early_text = w.text("published-orders-early", given=False,
                                period=public_period(ed, span), note=early.note.rstrip("."))
    clashes = [w.text("published-orders-conflict", longer=public_period(ed, outer),
                      shorter=public_period(ed, inner)) for outer, inner in conflicts(ed, code)]
    return w.text("published-orders-paragraph", orders=said, noted=len(notes),
                  notes=w.sentences(notes), early=bool(early_text), early_text=early_text,
                  conflicted=len(clashes), conflicts=w.sentences(clashes))


def conflicts(ed: Edition, code: str) -> list[tuple[str, str]]:
    """The force's answers on orders applied for that cannot both be right: (the longer
    period, the shorter one it holds), where the longer has the smaller count. Only answers
    that count alike are set against each other (`counted_alike`)."""
    series = (ORDERS, ORDERS_2021) if counted_alike(ed) else (ORDERS,)
    return m.fewer_over_longer({s: m.values(ed.public, s, code, "applied") for s in series})


def orders_table(ed: Edition, code: str) -> Table | HtmlBlock:
    w = words.of(ed, "published")
    name = who(ed, code)
    pub = ed.public
    # Each row of an answer that contradicts another says so in its note.
    clash: dict[str, list[str]] = {}
    for outer, inner in conflicts(ed, code):
        for period, other in ((outer, inner), (inner, outer)):
            clash.setdefault(period, []).append(w.text(
                "published-orders-conflict-note", other=public_period(ed, other)))
    # The June 2021 answers' row says what it counts where that is not what the others count.
    span = early_period(ed, code)
    if span is not None and not counted_alike(ed) \
            and m.values(pub, ORDERS_2021, code, "applied")[span].value is not None:
        clash.setdefault(span, []).append(w.text("published-orders-early-note"))
    rows = []
    for series, period in ((ORDERS_2021, span), (ORDERS, "ye_mar_2021"),
                           (ORDERS, "ye_mar_2022")):
        if period is None:
            continue
        applied = m.values(pub, series, code, "applied").get(period)
        granted = m.values(pub, series, code, "granted").get(period)
        if applied is None and granted is None:
            continue
        notes = dict.fromkeys([*(v.note for v in (applied, granted) if v is not None and v.note),
                               *clash.get(period, [])])
        rows.append({w.text("published-col-period"): public_period(ed, period),
                     w.text("published-col-applied"): value_or(ed, applied),
                     w.text("published-col-granted"): value_or(ed, granted),
                     w.text("published-col-answer-to"): pub.sources[series].compiler,
                     w.text("published-col-note"): w.sentences(notes)})
    if not rows:
        return HtmlBlock("", "")
    return Table(f"published-orders-{slug(name)}",
                 w.text("published-orders-caption", who=name), pd.DataFrame(rows))


# --- the chapter on protection orders: every force that answered --------------------------------

def national_orders(ed: Edition) -> pd.DataFrame:
    """For each year of the BBC's answers: how many forces gave a figure, and their totals."""
    rows = []
    for period in m.periods(ed.public, ORDERS):
        t = ed.public.table
        t = t[(t["series"] == ORDERS) & (t["period"] == period)]
        applied = t[(t["measure"] == "applied") & t["value"].notna()]
        granted = t[(t["measure"] == "granted") & t["value"].notna()]
        rows.append({"period": period, "forces": len(applied),
                     "applied": int(applied["value"].sum()),
                     "granted_forces": len(granted), "granted": int(granted["value"].sum())})
    return pd.DataFrame(rows)


def national_orders_sentence(ed: Edition) -> str:
    w = words.of(ed, "published")
    years = [w.text("published-national-orders-year", forces=int(r.forces),
                    period=public_period(ed, str(r.period)), applied=int(r.applied))
             for r in national_orders(ed).itertuples()]
    more = _more_granted(ed)
    return w.text("published-national-orders", years=fmt.capital(w.listing(years)),
                  more=len(more), answers=w.sentences(more))


def _more_granted(ed: Edition) -> list[str]:
    """Answers that gave more orders granted than applied for in a year, as given."""
    w = words.of(ed, "published")
    said = []
    # Every force's series from one pass over the table (not one filter per force and year).
    applied = m.values_by_force(ed.public, ORDERS, "applied")
    granted = m.values_by_force(ed.public, ORDERS, "granted")
    for period in m.periods(ed.public, ORDERS):
        for code in codes(ed):
            a, g = applied.get(code, {}).get(period), granted.get(code, {}).get(period)
            if a and g and a.value is not None and g.value is not None and g.value > a.value:
                said.append(w.text("published-national-orders-more", who=who(ed, code),
                                   granted=words.count(g.value), period=public_period(ed, period),
                                   applied=words.count(a.value)))
    return said


def national_orders_table(ed: Edition) -> Table:
    w = words.of(ed, "published")
    n = national_orders(ed)
    frame = pd.DataFrame({
        w.text("published-col-year"): [public_period(ed, str(p)) for p in n["period"]],
        w.text("published-col-forces"): [fmt.count(int(v)) for v in n["forces"]],
        w.text("published-col-forces-applied"): [fmt.count(int(v)) for v in n["applied"]],
        w.text("published-col-forces-granted"): [fmt.count(int(v))
                                                 for v in n["granted_forces"]],
        w.text("published-col-granted-total"): [fmt.count(int(v)) for v in n["granted"]],
    })
    return Table("published-orders", w.text("published-national-orders-caption",
                                             source=short(ed.public.sources[ORDERS].citation)),
                 frame)


def _after_colon(note: str) -> str:
    """A source's note as it reads after "For 2021/22:": its first word in lower case unless
    it is a name or an initialism ("No figure ..." -> "no figure ...", "BBC ..." kept)."""
    note = note.rstrip(".")
    first = note.split(" ", 1)[0]
    return note[0].lower() + note[1:] if first[:1].isupper() and first[1:].islower() else note
