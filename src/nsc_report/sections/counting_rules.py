"""The counting-rule changes in words: which changes fall within the figures a sentence, chart
or table shows, which came after them, and what each did.

Every mention of a change in the book comes from here, read from the one table of changes
(reference/counting_rules.csv, `Edition.counting_rules`): a change added to the table reaches
the force pages, the charts and their tables, the chapters and the methodology, and a sentence
says "after the period covered here" only of a change that is. The words are in
`notebooks/counting-rules.ftl`; this module finds the changes and picks the variants.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from nsc_report.data import Edition
from nsc_report.data.rules import RuleChange
from nsc_report.measures import published as m
from nsc_report.present import labels, phrasing, words
from nsc_report.sections import public_period

FILE = "counting_rules"  # how a registered figure names the table among its files


def month(ed: Edition, change: RuleChange) -> str:
    """'April 2020', as every sentence, cell and chart names the change: a change not yet
    checked against its source says so beside its month (labels.ftl, label-unchecked)."""
    return labels.unchecked(ed, labels.month(ed, change.day), change.checked)


def label(ed: Edition, change: RuleChange) -> str:
    """'April 2020: a course of conduct ... recorded as stalking', as a chart names it, with
    the words of a change not yet checked beside its month."""
    return f"{month(ed, change)}: {change.what}"


def change(ed: Edition, rule: RuleChange) -> str:
    """'April 2020 (a course of conduct ... recorded as stalking)', as a sentence names a
    change and what it did; a change not yet checked says so inside the same brackets."""
    return words.of(ed, "counting-rules").text(
        "counting-rules-change", month=labels.month(ed, rule.day), what=rule.what,
        checked=rule.checked)


def months(ed: Edition, changes: list[RuleChange], again: bool = False) -> str:
    """'April 2018 and April 2020' ('... and again in April 2020' with `again`)."""
    w = words.of(ed, "counting-rules")
    names = [month(ed, c) for c in changes]
    if again and len(names) > 1:
        return w.text("counting-rules-months-again", earlier=", ".join(names[:-1]),
                      last=names[-1])
    return w.listing(names)


def dated(periods: Iterable[str]) -> list[str]:
    """The periods with a first and last day (not 'at the time of the request')."""
    found = []
    for p in periods:
        try:
            m.period_end(p)
        except ValueError:
            continue
        found.append(p)
    return found


# --- charts and their tables -----------------------------------------------------------------

def breaks(ed: Edition, periods: Iterable[str], rules: tuple[RuleChange, ...]
           ) -> list[tuple[str, str]]:
    """The changes a chart of these periods marks: (day, what changed)."""
    return [(c.day.isoformat(), label(ed, c)) for c in m.breaks_within(periods, rules)]


def break_caption(ed: Edition, periods: Iterable[str]) -> str:
    """The caption's words for the changes the chart marks ('' for none)."""
    found = m.breaks_within(periods, ed.counting_rules)
    if not found:
        return ""
    # Set inside the caption's brackets: a label's own (a change not yet checked) a clause.
    return words.of(ed, "counting-rules").text(
        "counting-rules-break-caption", n=len(found),
        label=phrasing.parenthetical(label(ed, found[0])),
        labels="; ".join(phrasing.parenthetical(label(ed, c)) for c in found))


def era_names(ed: Edition, periods: list[str]) -> list[str]:
    """For a table's column: the counting rules each period's figure was recorded under. A
    change after the last of the periods is no part of the table: its last era is 'from'."""
    found = m.span(periods)
    known = tuple(c for c in ed.counting_rules if found is None or c.day <= found[1])
    return [era_name(ed, p, known) for p in periods]


def era_name(ed: Edition, period: str, rules: tuple[RuleChange, ...]) -> str:
    """The counting rules a period's figure was recorded under: 'before April 2018', 'April
    2018 to March 2020', 'from April 2020' (and '(partly before)' for a period that holds
    months under the older rules too)."""
    w = words.of(ed, "counting-rules")
    if not rules:
        return w.text("counting-rules-era", era="none", partly=False, bracketed=False)
    n = m.era(period, rules)
    partly = m.straddles(period, rules)
    if n == 0:
        return w.text("counting-rules-era", era="before", month=month(ed, rules[0]),
                      partly=partly, bracketed=not rules[0].checked)
    if n == len(rules):
        return w.text("counting-rules-era", era="from", month=month(ed, rules[-1]),
                      partly=partly, bracketed=not rules[-1].checked)
    return w.text("counting-rules-era", era="between", month=month(ed, rules[n - 1]),
                  until=labels.month(ed, rules[n].day - dt.timedelta(days=1)), partly=partly,
                  bracketed=False)


# --- sentences -------------------------------------------------------------------------------

def series_caveat(ed: Edition, periods: Iterable[str]) -> str:
    """For a force's series and its chart: the changes within it, which the chart marks."""
    found = m.breaks_within(periods, ed.counting_rules)
    if not found:
        return ""
    return words.of(ed, "counting-rules").text(
        "counting-rules-series-caveat", n=len(found), months=months(ed, found, again=True))


def years_caveat(ed: Edition, periods: Iterable[str]) -> str:
    """For a chart's description: the changes within its years, in a sentence ('' for none)."""
    found = m.breaks_within(periods, ed.counting_rules)
    if not found:
        return ""
    return words.of(ed, "counting-rules").text("counting-rules-years-caveat",
                                               months=months(ed, found))


def effect(found: list[RuleChange]) -> str:
    """What the changes did to the count: 'more', 'fewer', or 'both' ways."""
    effects = {c.effect for c in found}
    return effects.pop() if effects in ({"more"}, {"fewer"}) else "both"


def national_charge_values(ed: Edition, periods: Iterable[str]) -> dict[str, object]:
    """For the national charge rate's sentence (published-national-charge, whose variants say
    it): how many changes fell within its years ($changes), when ($months) and what they did
    to the count ($effect)."""
    found = m.breaks_within(periods, ed.counting_rules)
    if not found:
        return {"changes": 0}
    return {"changes": len(found), "months": months(ed, found), "effect": effect(found)}


def since_values(ed: Edition, periods: Iterable[str]) -> dict[str, object]:
    """For a chart title that says how often the rules changed since its first year ($first):
    $changes, and $times, the count in words ('twice')."""
    periods = list(periods)
    found = m.breaks_within(periods, ed.counting_rules)
    if not found:
        return {"changes": 0}
    first = min(periods, key=m.period_end)
    times = words.of(ed, "counting-rules").text("counting-rules-times", n=len(found))
    return {"changes": len(found), "times": times, "first": public_period(ed, first)}


def held_years_text(ed: Edition, periods: Iterable[str]) -> str:
    """For a national series of whole years: the rules the first year was counted under and
    any change within the years, so that the years either side are not compared."""
    w = words.of(ed, "counting-rules")
    periods = dated(periods)
    rules = ed.counting_rules
    span = m.span(periods)
    if span is None:
        return w.text("counting-rules-held", case="undated")
    start, _ = span
    before, within = m.in_force(rules, start), m.breaks_within(periods, rules)
    case = ("since-within" if before is not None and within else "since" if before is not None
            else "within" if within else "same")
    # Only the values the variant prints (the proof sheet shows the others by name).
    values: dict[str, str] = {}
    if within:
        values["found"] = ", ".join(change(ed, c) for c in within)
    if before is not None:
        values.update(month=month(ed, before), since=before.since)
    return w.text("counting-rules-held", case=case, **values,
                  changes=len(within) + (before is not None))


def methodology_text(ed: Edition) -> str:
    """The rules in force at the start of the years the report covers (its own counts and the
    published statistics it prints, as of its cut-off), and every change since, up to its
    publication: the force pages' series crossed April 2018, which a methodology reading only
    the edition's own periods left out (fact-check 3, finding 18)."""
    periods = dated([*ed.meta.periods, *sorted(set(ed.public.table["period"]))])
    rules = ed.counting_rules
    span = m.span(periods)
    start = span[0] if span else ed.meta.publication_date
    before = m.in_force(rules, start)
    later = m.breaks_after(rules, start, ed.meta.publication_date)
    values: dict[str, str | int] = {"later": len(later),
                                    "changes": len(later) + (before is not None)}
    if later:
        values["months"] = months(ed, later)
        values["found"] = words.of(ed, "counting-rules").listing(
            [change(ed, c) for c in later])
    if before is not None:
        values.update(case="since", month=month(ed, before), since=before.since)
    else:
        values.update(case="later" if later else "same")
    return words.of(ed, "counting-rules").text("counting-rules-methodology", **values)


def period_text(ed: Edition, periods: Iterable[str]) -> str:
    """For a chapter comparing these periods: the changes within them (figures either side
    not comparable) and those after them up to publication ('after the period covered
    here' only of a change that is)."""
    w = words.of(ed, "counting-rules")
    periods = dated(periods)
    rules = ed.counting_rules
    span = m.span(periods)
    if span is None:
        return w.text("counting-rules-period", case="undated")
    within = m.breaks_within(periods, rules)
    after = m.breaks_after(rules, span[1], ed.meta.publication_date)
    case = ("both" if within and after else "within" if within else "after" if after
            else "unchanged")
    values = {"within": months(ed, within)} if within else {}
    if after:
        values["after"] = months(ed, after)
    return w.text("counting-rules-period", case=case, changes=len(within), **values)
