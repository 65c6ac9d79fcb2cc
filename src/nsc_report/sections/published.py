"""Published statistics on a force's page and in its briefing: real figures from official
sources (data/public/), set apart from the Freedom of Information answers.

Each sentence says what the figures are and what they cannot show; a missing figure or a known
oddity is said in words, never printed as a zero. The charts draw a line only within one
counting-rule era and mark each change (sections/counting_rules.py). No rate is computed without a
denominator the data hold: the charge rate is the only one.
"""

from __future__ import annotations

import html

import pandas as pd

from nsc_report.data import Edition
from nsc_report.data.public import ENGLAND_AND_WALES, PublicSource
from nsc_report.layout import slug
from nsc_report.measures import published as m
from nsc_report.present import fmt
from nsc_report.present.charts import AccessibleChart, lines_across_breaks
from nsc_report.present.figures import Register
from nsc_report.present.tables import HtmlBlock, Table
from nsc_report.sections import counting_rules as rules

EW = "England and Wales"
# The series each part of the section reads, in the order the sources are listed.
RECORDED, GROUP, OUTCOMES, COURT = ("recorded_offences_2017_18", "stalking_and_harassment",
                                    "stalking_outcomes", "proceedings_convictions")
ORDERS, ORDERS_2021 = "spo_applications", "spo_applications_2020_2021"
SERIES = (RECORDED, GROUP, OUTCOMES, COURT, ORDERS, ORDERS_2021)
SOURCE_ID = "public:{}"  # how a figure names a published series among its sources


def _who(ed: Edition, code: str) -> str:
    return str(ed.forces.set_index("force_code").at[code, "force_name"])


def _codes(ed: Edition) -> list[str]:
    return list(ed.forces["force_code"])


def _meta(series: str, *periods: str) -> dict[str, tuple[str, ...]]:
    return {"files": ("public",), "sources": (SOURCE_ID.format(series),), "periods": periods}


# --- the sentences -----------------------------------------------------------------------------

def recorded_sentence(ed: Edition, code: str) -> str:
    who = _who(ed, code)
    mine = m.values(ed.public, RECORDED, code, "stalking").get("ye_mar_2018")
    total = m.forces_total(ed.public, RECORDED, "stalking", _codes(ed)).get("ye_mar_2018")
    if mine is None or mine.value is None:
        why = f" ({mine.note.rstrip('.')})" if mine is not None and mine.note else ""
        return (f"The published figures give no count of stalking offences recorded by {who} "
                f"in the year ending March 2018{why}.")
    of_all = (f", of {fmt.count(total.value)} recorded by the {len(_codes(ed))} forces of "
              f"England and Wales" if total is not None and total.value is not None else "")
    return (f"In the year ending March 2018, {who} recorded {fmt.count(mine.value)} stalking "
            f"offences (offence code 8Q){of_all}. That is the one year in these published "
            f"figures that counts stalking alone, force by force. Recorded crime measures what "
            f"the police record, not how much stalking happens.")


def group_sentence(ed: Edition, code: str) -> str:
    who = _who(ed, code)
    given = m.values(ed.public, GROUP, code, "stalking_and_harassment")
    shown = {p: v for p, v in given.items() if v.value is not None}
    if not shown:
        return (f"The published figures give no count of stalking and harassment recorded by "
                f"{who}.")
    first, last = next(iter(shown)), list(shown)[-1]
    text = (f"Later figures count \"stalking and harassment\" as one group: stalking, "
            f"harassment, racially or religiously aggravated harassment and malicious "
            f"communications together, so they are not counts of stalking. {who} recorded "
            f"{fmt.count(shown[first].value)} offences in this group in the "
            f"{m.label(first, False)} and {fmt.count(shown[last].value)} in the "
            f"{m.label(last, False)}.")
    caveat = rules.series_caveat(ed, given)
    text += f" {caveat}" if caveat else ""
    notes: dict[str, list[str]] = {}
    for period, value in given.items():
        if value.note:
            notes.setdefault(value.note.rstrip("."), []).append(m.label(period, False))
    for note, labels in notes.items():
        text += f" For the {fmt.listing(labels)}: {note}."
    return text


def charge_sentence(ed: Edition, code: str) -> str:
    who = _who(ed, code)
    years = m.charge_years(ed.public, code)
    national = {y.period: y for y in m.charge_years(ed.public, ENGLAND_AND_WALES)}
    rated = [y for y in years if y.rate is not None]
    parts = []
    if rated:
        y = rated[-1]
        assert y.charged is not None and y.outcomes is not None and y.rate is not None
        ew = national.get(y.period)
        against = (f", against {fmt.pct(ew.rate, 1)} in England and Wales"
                   if ew is not None and ew.rate is not None else "")
        parts.append(
            f"In {m.label(y.period)}, {fmt.count(y.charged)} of the {fmt.count(y.outcomes)} "
            f"outcomes {who} assigned to stalking offences were a charge or summons "
            f"({fmt.pct(y.rate, 1)}){against}.")
    else:
        parts.append(f"The published outcomes give no charge rate for {who} in any year.")
    parts.append("Outcomes assigned in a year are not the outcomes of that year's crimes: an "
                 "offence recorded in one year can be charged in a later one. The published "
                 "compilation has no figures for 2017/18.")
    missing = [y for y in years if y.rate is None]
    notes: dict[str, list[str]] = {}
    for y in missing:
        notes.setdefault(y.note.rstrip(".") or "no outcomes were assigned", []).append(
            m.label(y.period))
    for note, labels in notes.items():
        parts.append(f"There is no rate for {fmt.listing(labels)}. {note[0].upper()}{note[1:]}.")
    return " ".join(parts)


def court_sentence(ed: Edition, code: str) -> str:
    who = _who(ed, code)
    proceedings = m.values(ed.public, COURT, code, "proceedings")
    convicted = m.values(ed.public, COURT, code, "convicted")
    last = m.latest(proceedings)
    if last is None:
        return f"The published court figures have no row for the police force area of {who}."
    period, p = last
    c = convicted.get(period, m.Value(None))
    ew_p = m.values(ed.public, COURT, ENGLAND_AND_WALES, "proceedings").get(period)
    ew_c = m.values(ed.public, COURT, ENGLAND_AND_WALES, "convicted").get(period)
    national = (f" (England and Wales: {fmt.count(ew_p.value)} and {fmt.count(ew_c.value)})"
                if ew_p and ew_c and ew_p.value is not None and ew_c.value is not None else "")
    convictions = (f"{fmt.count(c.value)} were convicted" if c.value is not None
                   else "the published figures give no count of convictions")
    return (f"In {m.label(period)}, {fmt.count(p.value)} defendants were proceeded against for "
            f"stalking in the police force area of {who} and {convictions}{national}. A conviction "
            f"in one year can follow proceedings begun in an earlier one, so no conviction rate "
            f"is worked out from these counts. The stalking offences came into force on 25 "
            f"November 2012; the figures start in 2013.")


def orders_sentence(ed: Edition, code: str) -> str:
    who = _who(ed, code)
    applied = m.values(ed.public, ORDERS, code, "applied")
    granted = m.values(ed.public, ORDERS, code, "granted")
    parts = []
    given = [p for p, v in applied.items() if v.value is not None]
    if given:
        years = [f"{fmt.count(applied[p].value)}"
                 + (" Stalking Protection Orders" if i == 0 else "") + f" in {m.label(p)}"
                 + (f" ({fmt.count(granted[p].value)} granted in that year)"
                    if p in granted and granted[p].value is not None else "")
                 for i, p in enumerate(given)]
        parts.append(f"In answers to the BBC Shared Data Unit, {who} said it applied for "
                     f"{fmt.listing(years)}.")
        for p, v in applied.items():
            if v.value is None:
                parts.append(f"For {m.label(p)}: {v.note.rstrip('.')}.")
    elif applied:
        note = next(iter(applied.values())).note.rstrip(".")
        parts.append(f"{who} gave the BBC Shared Data Unit no figure for the orders it applied "
                     f"for in 2020/21 and 2021/22. {note}.")
    else:
        parts.append(f"{who} is not among the forces whose answers to the BBC Shared Data "
                     f"Unit on Stalking Protection Orders in 2020/21 and 2021/22 were "
                     f"published.")
    for p, value in granted.items():
        if value.value is not None and value.note:
            parts.append(f"For {m.label(p)}: {value.note.rstrip('.')}.")
    early = m.values(ed.public, ORDERS_2021, code, "applied").get("jan_2020_to_apr_2021")
    early_granted = m.values(ed.public, ORDERS_2021, code, "granted").get("jan_2020_to_apr_2021")
    if early is not None and early.value is not None:
        won = (f", and {fmt.count(early_granted.value)} were granted"
               if early_granted is not None and early_granted.value is not None else "")
        parts.append(f"From January 2020 to April 2021 it applied for {fmt.count(early.value)}"
                     f"{won} (answers to the BBC Data Unit, June 2021).")
    elif early is not None:
        parts.append(f"For January 2020 to April 2021 it gave the BBC Data Unit no figure. "
                     f"{early.note.rstrip('.')}.")
    return " ".join(parts)


def add_figures(r: Register, ed: Edition, code: str) -> None:
    """Register the section's sentences and key figures on the force's page, each citing the
    published series it comes from (status `published`)."""
    who = _who(ed, code)
    pub = ed.public
    group_periods = tuple(m.periods(pub, GROUP))
    r.text("pub_recorded_text", recorded_sentence(ed, code), f"stalking recorded by {who} in "
           f"the year ending March 2018, with the total of all forces",
           questions=(), forces=_codes(ed), **_meta(RECORDED, "ye_mar_2018"))
    r.text("pub_group_text", group_sentence(ed, code), f"stalking and harassment recorded by "
           f"{who}", questions=(), **{**_meta(GROUP, *group_periods),
                                      "files": ("public", rules.FILE)})
    r.text("pub_charge_text", charge_sentence(ed, code), f"the share of outcomes assigned to "
           f"stalking offences in {who} that were a charge or summons, with England and Wales",
           questions=(), **_meta(OUTCOMES, *m.periods(pub, OUTCOMES)))
    r.text("pub_court_text", court_sentence(ed, code), f"stalking prosecutions and convictions "
           f"in the {who} police force area", questions=(),
           **_meta(COURT, *m.periods(pub, COURT)))
    orders = (*_meta(ORDERS)["sources"], *_meta(ORDERS_2021)["sources"])
    r.text("pub_orders_text", orders_sentence(ed, code), f"Stalking Protection Orders {who} "
           f"applied for and was granted, as it told the BBC", questions=(), files=("public",),
           sources=orders, periods=(*m.periods(pub, ORDERS), "jan_2020_to_apr_2021"))
    # The key figures as numbers, for the register and its downloads.
    mine = m.values(pub, RECORDED, code, "stalking").get("ye_mar_2018")
    if mine is not None and mine.value is not None:
        r.count("pub_recorded_stalking", mine.value, f"stalking offences (8Q) recorded by {who}",
                questions=(), **_meta(RECORDED, "ye_mar_2018"))
    rated = [y for y in m.charge_years(pub, code) if y.rate is not None]
    if rated:
        y = rated[-1]
        assert y.charged is not None and y.outcomes is not None
        r.share("pub_charge_rate", y.charged, y.outcomes, f"outcomes assigned to stalking "
                f"offences in {who} that were a charge or summons", places=1, questions=(),
                **_meta(OUTCOMES, y.period))
    last = m.latest(m.values(pub, COURT, code, "proceedings"))
    if last is not None:
        r.count("pub_proceedings", last[1].value or 0, f"defendants proceeded against for "
                f"stalking in the police force area of {who}", questions=(),
                **_meta(COURT, last[0]))
        convicted = m.values(pub, COURT, code, "convicted").get(last[0])
        if convicted is not None and convicted.value is not None:
            r.count("pub_convicted", convicted.value, f"defendants convicted of stalking in "
                    f"the police force area of {who}", questions=(), **_meta(COURT, last[0]))


# --- what the page shows ----------------------------------------------------------------------

def notice(ed: Edition, code: str) -> HtmlBlock:
    """The label that opens the section: what these figures are, and that they are real."""
    who = _who(ed, code)
    text = (f"Real figures about {who} from the Home Office, the Office for National "
            f"Statistics, the Ministry of Justice and answers the force gave to the BBC. They "
            f"are not answers to our Freedom of Information request, and carry no mark.")
    return HtmlBlock(f'<p class="nsc-published-label"><strong>Published statistics</strong> '
                     f"{html.escape(text)}</p>", f"Published statistics. {text}")


def _chart_frame(pub_values: dict[str, dict[str, m.Value]], financial: bool,
                 changes: m.Rules) -> pd.DataFrame:
    rows = []
    for who, found in pub_values.items():
        for period, value in found.items():
            rows.append({"who": who, "period": period,
                         "at": m.period_point(period, financial).isoformat(),
                         "label": m.label(period, financial), "era": m.era(period, changes),
                         "value": value.value,
                         "note": value.note})
    return pd.DataFrame(rows)


def group_chart(ed: Edition, code: str) -> AccessibleChart | HtmlBlock:
    who = _who(ed, code)
    src = ed.public.sources[GROUP]
    found = m.values(ed.public, GROUP, code, "stalking_and_harassment")
    changes = ed.counting_rules
    data = _chart_frame({who: found}, financial=False, changes=changes)
    shown = data[data["value"].notna()]
    if shown.empty:
        return HtmlBlock("", "")
    periods = list(data["period"])
    table = pd.DataFrame({
        "Period": list(data["label"]),
        "Stalking and harassment recorded": [fmt.count(v) if pd.notna(v) else "not given"
                                             for v in data["value"]],
        "Counting rules": rules.era_names(ed, periods),
        "Note": list(data["note"]),
    })
    first, last = shown.iloc[0], shown.iloc[-1]
    return AccessibleChart(
        name=f"published-group-{slug(who)}",
        chart=lines_across_breaks(data, "Offences recorded", rules.breaks(periods, changes),
                                  period_title="Year ending"),
        title=f"{who} recorded {fmt.count(int(last['value']))} stalking and harassment "
              f"offences in the {last['label']}",
        caption=(f"Stalking and harassment (stalking, harassment, racially or religiously "
                 f"aggravated harassment and malicious communications) recorded by {who}, "
                 f"rolling years. Source: {src.credit}."
                 f"{rules.break_caption(ed, periods)}"),
        alt_text=" ".join(filter(None, (
            f"{who} recorded {fmt.count(int(first['value']))} stalking and harassment "
            f"offences in the {first['label']} and {fmt.count(int(last['value']))} in "
            f"the {last['label']}.", rules.years_caveat(ed, periods)))),
        table=table, downloads=False)


def charge_chart(ed: Edition, code: str) -> AccessibleChart | HtmlBlock:
    who = _who(ed, code)
    src = ed.public.sources[OUTCOMES]
    changes = ed.counting_rules
    frame = m.charge_rate(ed.public, code, changes)
    frame = frame.assign(who=frame["force_code"].map({code: who, ENGLAND_AND_WALES: EW}),
                         at=[m.period_point(p, True).isoformat() for p in frame["period"]],
                         value=frame["rate"].astype("Float64").round(1))
    if frame.loc[frame["force_code"] == code, "rate"].isna().all():
        return HtmlBlock("", "")
    periods = list(dict.fromkeys(frame["period"]))
    mine = frame[frame["force_code"] == code].set_index("period")
    ew = frame[frame["force_code"] == ENGLAND_AND_WALES].set_index("period")
    table = pd.DataFrame({
        "Year": [m.label(p) for p in periods],
        f"{who}: charged or summonsed": [_count_or(mine, p, "charged") for p in periods],
        f"{who}: all outcomes": [_count_or(mine, p, "outcomes") for p in periods],
        f"{who}: charge rate": [_pct_or(mine, p) for p in periods],
        f"{EW}: charge rate": [_pct_or(ew, p) for p in periods],
        "Counting rules": rules.era_names(ed, periods),
    })
    rated = mine[mine["rate"].notna()]
    last = rated.index[-1]
    return AccessibleChart(
        name=f"published-charge-{slug(who)}",
        chart=lines_across_breaks(frame[["who", "at", "era", "value", "label"]],
                                  "Charge or summons (% of outcomes)",
                                  rules.breaks(periods, changes),
                                  value_format=".0f", financial_years=True,
                                  period_title="Financial year (April to March)"),
        title=(f"{fmt.pct(float(mine.at[last, 'rate']), 1)} of the outcomes {who} assigned to "
               f"stalking offences in {m.label(last)} were a charge or summons"),
        caption=(f"Outcomes of charge or summons as a share of all outcomes assigned to "
                 f"stalking offences (8Q) in each financial year, {who} and {EW}. Outcomes in "
                 f"a year are not the outcomes of that year's crimes. "
                 f"Source: {src.credit}.{rules.break_caption(ed, periods)}"),
        alt_text=charge_sentence(ed, code),
        table=table, downloads=False)


def _count_or(frame: pd.DataFrame, period: str, column: str) -> str:
    if period not in frame.index or pd.isna(frame.at[period, column]):
        return "not given"
    return fmt.count(int(frame.at[period, column]))


def _pct_or(frame: pd.DataFrame, period: str) -> str:
    if period not in frame.index or pd.isna(frame.at[period, "rate"]):
        return "no rate"
    return fmt.pct(float(frame.at[period, "rate"]), 1)


def court_table(ed: Edition, code: str) -> Table:
    who = _who(ed, code)
    pub = ed.public
    cols = {(who, "proceedings"): m.values(pub, COURT, code, "proceedings"),
            (who, "convicted"): m.values(pub, COURT, code, "convicted"),
            (EW, "proceedings"): m.values(pub, COURT, ENGLAND_AND_WALES, "proceedings"),
            (EW, "convicted"): m.values(pub, COURT, ENGLAND_AND_WALES, "convicted")}
    periods = m.periods(pub, COURT)
    frame = pd.DataFrame({"Year": [m.label(p) for p in periods], **{
        f"{area}: {'proceeded against' if what == 'proceedings' else 'convicted'}": [
            fmt.count(v[p].value) if p in v and v[p].value is not None else "not given"
            for p in periods] for (area, what), v in cols.items()}})
    return Table(f"published-court-{slug(who)}",
                 f"Defendants proceeded against for stalking and convicted, in the police force "
                 f"area of {who} and in {EW}, by calendar year. "
                 f"Source: {_short(pub.sources[COURT])}.", frame)


def orders_table(ed: Edition, code: str) -> Table | HtmlBlock:
    who = _who(ed, code)
    pub = ed.public
    rows = []
    for series, period in ((ORDERS_2021, "jan_2020_to_apr_2021"), (ORDERS, "ye_mar_2021"),
                           (ORDERS, "ye_mar_2022")):
        applied = m.values(pub, series, code, "applied").get(period)
        granted = m.values(pub, series, code, "granted").get(period)
        if applied is None and granted is None:
            continue
        notes = dict.fromkeys(v.note for v in (applied, granted) if v is not None and v.note)
        rows.append({"Period": m.label(period),
                     "Applied for": _value_or(applied), "Granted": _value_or(granted),
                     "Answer given to": pub.sources[series].compiler,
                     "Note": " ".join(notes)})
    if not rows:
        return HtmlBlock("", "")
    return Table(f"published-orders-{slug(who)}",
                 f"Stalking Protection Orders {who} applied for and was granted, as it told "
                 f"the BBC", pd.DataFrame(rows))


def _value_or(value: m.Value | None) -> str:
    return "not given" if value is None or value.value is None else fmt.count(value.value)


def _compiled(src: PublicSource) -> str:
    """' Compiled by X (November 2022).', or ' Published November 2022.' where the citation
    already names its compiler."""
    when = fmt.month(src.published)
    if src.compiler in src.citation:
        return f" Published {when}."
    return f" Compiled by {src.compiler} ({when})."


def _short(src: PublicSource) -> str:
    """For a table's caption: the citation's first part (the list of sources gives the rest)."""
    return src.citation.split(";")[0]


def sources_list(ed: Edition) -> HtmlBlock:
    """Every published series the section reads, with its citation, compiler and licence."""
    items = [ed.public.sources[s] for s in SERIES]
    markup = "".join(f"<li>{html.escape(s.title)}: {html.escape(s.citation)}."
                     f"{html.escape(_compiled(s))} {html.escape(s.licence)}.</li>"
                     for s in items)
    return HtmlBlock(f'<ul class="nsc-published-sources">{markup}</ul>',
                     "\n".join(f"- {s.title}: {s.citation}" for s in items))


# --- the chapters: national series ------------------------------------------------------------

def national_charge_sentence(ed: Edition) -> str:
    every = m.charge_years(ed.public, ENGLAND_AND_WALES)
    years = [y for y in every if y.rate is not None]
    first, last = years[0], years[-1]
    assert first.rate is not None and last.rate is not None and last.charged is not None
    caveat = rules.national_charge_caveat(ed, [y.period for y in every])
    return (f"Published outcomes tell more than the counts above. In {m.label(first.period)}, "
            f"{fmt.pct(first.rate, 1)} of the outcomes police in England and Wales assigned to "
            f"stalking offences were a charge or summons; in {m.label(last.period)}, "
            f"{fmt.pct(last.rate, 1)} ({fmt.count(last.charged)} of "
            f"{fmt.count(last.outcomes or 0)}).{caveat} Outcomes assigned in a year are not "
            f"the outcomes of that year's crimes.")


def national_charge_chart(ed: Edition) -> AccessibleChart:
    changes = ed.counting_rules
    frame = m.charge_rate(ed.public, ENGLAND_AND_WALES, changes)
    frame = frame[frame["force_code"] == ENGLAND_AND_WALES].drop_duplicates("period")
    frame = frame.assign(who=EW, at=[m.period_point(p, True).isoformat()
                                     for p in frame["period"]],
                         value=frame["rate"].astype("Float64").round(1))
    periods = list(frame["period"])
    rated = frame[frame["rate"].notna()]
    last = rated.iloc[-1]
    table = pd.DataFrame({
        "Year": [m.label(p) for p in periods],
        "Charged or summonsed": [fmt.count(int(v)) for v in frame["charged"]],
        "All outcomes": [fmt.count(int(v)) for v in frame["outcomes"]],
        "Charge rate": [fmt.pct(float(v), 1) for v in frame["rate"]],
        "Counting rules": rules.era_names(ed, periods),
    })
    src = ed.public.sources[OUTCOMES]
    return AccessibleChart(
        name="published-charge-rate",
        chart=lines_across_breaks(frame[["who", "at", "era", "value", "label"]],
                                  "Charge or summons (% of outcomes)",
                                  rules.breaks(periods, changes),
                                  value_format=".0f", financial_years=True,
                                  period_title="Financial year (April to March)"),
        title=(f"A charge or summons was {fmt.pct(float(last['rate']), 1)} of stalking outcomes "
               f"in {last['label']}"
               f"{rules.under_rules_since(ed, list(rated['period']))}"),
        caption=(f"Outcomes of charge or summons as a share of all outcomes assigned to "
                 f"stalking offences (8Q) in each financial year, {EW}. Source: {src.credit}."
                 f"{rules.break_caption(ed, periods)}"),
        alt_text=national_charge_sentence(ed), table=table)


def national_court_sentence(ed: Edition) -> str:
    p = m.values(ed.public, COURT, ENGLAND_AND_WALES, "proceedings")
    c = m.values(ed.public, COURT, ENGLAND_AND_WALES, "convicted")
    first, last = next(iter(p)), list(p)[-1]
    return (f"Court figures run over the same decade. In {m.label(first)}, the first full year "
            f"of the stalking offences, {fmt.count(p[first].value or 0)} defendants in England "
            f"and Wales were proceeded against for stalking and {fmt.count(c[first].value or 0)} "
            f"convicted; in {m.label(last)}, {fmt.count(p[last].value or 0)} and "
            f"{fmt.count(c[last].value or 0)}. A conviction in one year can follow proceedings "
            f"begun in an earlier one, so the two counts are not divided here.")


def national_court_table(ed: Edition) -> Table:
    pub = ed.public
    p = m.values(pub, COURT, ENGLAND_AND_WALES, "proceedings")
    c = m.values(pub, COURT, ENGLAND_AND_WALES, "convicted")
    frame = pd.DataFrame({"Year": [m.label(x) for x in p],
                          "Proceeded against": [fmt.count(v.value or 0) for v in p.values()],
                          "Convicted": [_value_or(c.get(x)) for x in p]})
    return Table("published-court", f"Defendants proceeded against for stalking and convicted, "
                 f"{EW}, by calendar year. Source: {_short(pub.sources[COURT])}.", frame)


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
    n = national_orders(ed)
    parts = [f"{fmt.count(int(r.forces))} forces gave the number they applied for in "
             f"{m.label(str(r.period))} (together {fmt.count(int(r.applied))})"
             for r in n.itertuples()]
    return (f"Published answers to the BBC Shared Data Unit give a longer view than our "
            f"request. {fmt.capital(fmt.listing(parts))}. The forces that answered differ from "
            f"year to year, so the totals are not a national count and are not compared."
            + "".join(f" {o}" for o in _more_granted(ed)))


def _more_granted(ed: Edition) -> list[str]:
    """Answers that gave more orders granted than applied for in a year, as given."""
    said = []
    codes = _codes(ed)
    # Every force's series from one pass over the table (not one filter per force and year).
    applied = m.values_by_force(ed.public, ORDERS, "applied")
    granted = m.values_by_force(ed.public, ORDERS, "granted")
    for period in m.periods(ed.public, ORDERS):
        for code in codes:
            a, g = applied.get(code, {}).get(period), granted.get(code, {}).get(period)
            if a and g and a.value is not None and g.value is not None and g.value > a.value:
                said.append(f"{_who(ed, code)} reported {fmt.count(g.value)} orders granted "
                            f"in {m.label(period)} and {fmt.count(a.value)} applied for: "
                            f"orders granted can follow applications of an earlier year, or "
                            f"the answer is inconsistent; it is printed as given.")
    return said


def national_orders_table(ed: Edition) -> Table:
    n = national_orders(ed)
    frame = pd.DataFrame({
        "Year": [m.label(str(p)) for p in n["period"]],
        "Forces that gave a figure": [fmt.count(int(v)) for v in n["forces"]],
        "Orders applied for (those forces)": [fmt.count(int(v)) for v in n["applied"]],
        "Forces that gave orders granted": [fmt.count(int(v)) for v in n["granted_forces"]],
        "Orders granted (those forces)": [fmt.count(int(v)) for v in n["granted"]],
    })
    return Table("published-orders", f"Stalking Protection Orders applied for and granted, as "
                 f"forces told the BBC. Source: {_short(ed.public.sources[ORDERS])}.", frame)


def add_national_figures(r: Register, ed: Edition, which: str) -> None:
    """Register a chapter's published national sentences ('attrition' or 'spo')."""
    pub = ed.public
    if which == "attrition":
        r.text("pub_national_charge_text", national_charge_sentence(ed), "the share of "
               "outcomes assigned to stalking offences in England and Wales that were a charge "
               "or summons, first and last year published", questions=(),
               **{**_meta(OUTCOMES, *m.periods(pub, OUTCOMES)),
                  "files": ("public", rules.FILE)})
        r.text("pub_national_court_text", national_court_sentence(ed), "defendants proceeded "
               "against for stalking and convicted in England and Wales, first and last year "
               "published", questions=(), **_meta(COURT, *m.periods(pub, COURT)))
    elif which == "spo":
        r.text("pub_national_orders_text", national_orders_sentence(ed), "Stalking Protection "
               "Orders applied for by the forces that answered the BBC, by year", questions=(),
               **_meta(ORDERS, *m.periods(pub, ORDERS)))
    else:
        raise ValueError(f"no published national figures for {which!r}")
