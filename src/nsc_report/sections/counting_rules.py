"""The counting-rule changes in words: which changes fall within the figures a sentence, chart
or table shows, which came after them, and what each did.

Every mention of a change in the book comes from here, read from the one table of changes
(reference/counting_rules.csv, `Edition.counting_rules`): a change added to the table reaches
the force pages, the charts and their tables, the chapters and the methodology, and a sentence
says "after the period covered here" only of a change that is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from nsc_report.data import Edition
from nsc_report.data.rules import RuleChange
from nsc_report.measures import published as m
from nsc_report.present import fmt

FILE = "counting_rules"  # how a registered figure names the table among its files
NUMBERS = {3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}
TIMES = {1: "once", 2: "twice"}


def months(changes: list[RuleChange], again: bool = False) -> str:
    """'April 2018 and April 2020' ('... and again in April 2020' with `again`)."""
    names = [c.month for c in changes]
    if again and len(names) > 1:
        return f"{', '.join(names[:-1])} and again in {names[-1]}"
    return fmt.listing(names)


def times(n: int) -> str:
    """1 -> 'once', 2 -> 'twice', 3 -> 'three times'."""
    return TIMES.get(n, f"{NUMBERS.get(n, str(n))} times")


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

def breaks(periods: Iterable[str], rules: tuple[RuleChange, ...]) -> list[tuple[str, str]]:
    """The changes a chart of these periods marks: (day, what changed)."""
    return [(c.day.isoformat(), c.label) for c in m.breaks_within(periods, rules)]


def break_caption(periods: Iterable[str], rules: tuple[RuleChange, ...]) -> str:
    """The caption's words for the changes the chart marks ('' for none)."""
    found = m.breaks_within(periods, rules)
    if not found:
        return ""
    if len(found) == 1:
        return (f" A dashed vertical line marks the counting-rule change ({found[0].label}); "
                f"points are not joined across it.")
    return (" Dashed vertical lines mark the counting-rule changes ("
            + "; ".join(c.label for c in found) + "); points are not joined across them.")


def era_names(periods: list[str], rules: tuple[RuleChange, ...]) -> list[str]:
    """For a table's column: the counting rules each period's figure was recorded under. A
    change after the last of the periods is no part of the table: its last era is 'from'."""
    found = m.span(periods)
    known = tuple(c for c in rules if found is None or c.day <= found[1])
    return [era_name(p, known) for p in periods]


def era_name(period: str, rules: tuple[RuleChange, ...]) -> str:
    """The counting rules a period's figure was recorded under: 'before April 2018', 'April
    2018 to March 2020', 'from April 2020' (and '(partly before)' for a period that holds
    months under the older rules too)."""
    if not rules:
        return "the same throughout"
    n = m.era(period, rules)
    if n == 0:
        name = f"before {rules[0].month}"
    elif n == len(rules):
        name = f"from {rules[-1].month}"
    else:
        name = f"{rules[n - 1].month} to {rules[n].day - dt.timedelta(days=1):%B %Y}"
    return f"{name} (partly before)" if m.straddles(period, rules) else name


# --- sentences -------------------------------------------------------------------------------

def series_caveat(periods: Iterable[str], rules: tuple[RuleChange, ...]) -> str:
    """For a force's series and its chart: the changes within it, which the chart marks."""
    found = m.breaks_within(periods, rules)
    if not found:
        return ""
    if len(found) == 1:
        return (f"The counting rules changed in {found[0].month}, so figures either side of "
                f"that date cannot be compared: the chart marks the change and does not join "
                f"the points across it.")
    which = "both" if len(found) == 2 else f"the {NUMBERS.get(len(found), len(found))}"
    return (f"The counting rules changed in {months(found, again=True)}, so figures either "
            f"side of those dates cannot be compared: the chart marks {which} changes and "
            f"does not join the points across them.")


def years_caveat(periods: Iterable[str], rules: tuple[RuleChange, ...]) -> str:
    """For a chart's description: the changes within its years, in a sentence ('' for none)."""
    found = m.breaks_within(periods, rules)
    if not found:
        return ""
    return (f"The counting rules changed in {months(found)}, so the years either side are not "
            f"comparable.")


def effect(found: list[RuleChange]) -> str:
    """What the changes did to the count: 'each change added offences to the count'."""
    effects = {c.effect for c in found}
    which = "the change" if len(found) == 1 else "each change"
    if effects == {"more"}:
        return f"{which} added offences to the count"
    if effects == {"fewer"}:
        return f"{which} took offences out of the count"
    return "the changes moved the count both ways"


def national_charge_caveat(periods: Iterable[str], rules: tuple[RuleChange, ...]) -> str:
    """For the national charge rate: the changes over its years and what they did to the
    count ('' when none fell within them)."""
    found = m.breaks_within(periods, rules)
    if not found:
        return ""
    return (f" The counting rules changed in {months(found)}, and {effect(found)}, so the "
            f"years either side are not comparable and the fall cannot be read as police "
            f"charging less often.")


def under_rules_since(periods: Iterable[str], rules: tuple[RuleChange, ...]) -> str:
    """For a chart title: ', under counting rules that changed twice since 2014/15' ('' when
    the rules did not change within the periods)."""
    periods = list(periods)
    found = m.breaks_within(periods, rules)
    if not found:
        return ""
    first = min(periods, key=m.period_end)
    return f", under counting rules that changed {times(len(found))} since {m.label(first)}"


def held_years_text(ed: Edition, periods: Iterable[str]) -> str:
    """For a national series of whole years: the rules the first year was counted under and
    any change within the years, so that the years either side are not compared."""
    periods = dated(periods)
    rules = ed.counting_rules
    span = m.span(periods)
    if span is None:
        return "No year of the series is dated, so no counting-rule change is placed in it."
    start, _ = span
    before, within = m.in_force(rules, start), m.breaks_within(periods, rules)
    that = "that change" if len([c for c in (before, *within) if c]) == 1 else "those changes"
    found = ", ".join(f"{c.month} ({c.what})" for c in within)
    if before is not None and within:
        return (f"Since {before.month} {before.since}, and the rules changed again in {found}, "
                f"so the years either side of {that} are not comparable.")
    if before is not None:
        return (f"Since {before.month} {before.since}, so the years either side of {that} are "
                f"not comparable.")
    if within:
        return (f"The counting rules changed in {found}, so the years either side of {that} "
                f"are not comparable.")
    return "The counting rules did not change over these years."


def methodology_text(ed: Edition) -> str:
    """The rules the edition's own counts (its answers and national figures) were recorded
    under, and every change since then known by its publication date."""
    periods = dated(ed.meta.periods)
    rules = ed.counting_rules
    span = m.span(periods)
    start = span[0] if span else ed.meta.publication_date
    before = m.in_force(rules, start)
    later = m.breaks_after(rules, start, ed.meta.publication_date)
    text = "Police record crime under the Home Office Counting Rules."
    if before is not None:
        text += f" From {before.month} {before.since}"
        if later:
            text += (f", and a further change took effect in {later[0].month}" if len(later) == 1
                     else f", and further changes took effect in {months(later)}")
        text += "."
    elif later:
        text += f" The rules changed in {months(later)}."
    if before is None and not later:
        return text + " They did not change over the years this report covers."
    n = len(later) + (before is not None)
    return text + (" Counts either side of these changes are not comparable." if n > 1 else
                   " Counts either side of that change are not comparable.")


def period_text(ed: Edition, periods: Iterable[str]) -> str:
    """For a chapter comparing these periods: the changes within them (figures either side
    not comparable) and those after them up to publication ('after the period covered
    here' only of a change that is)."""
    periods = dated(periods)
    rules = ed.counting_rules
    span = m.span(periods)
    if span is None:
        return "The periods covered here are not dated, so no counting-rule change is placed."
    within = m.breaks_within(periods, rules)
    after = m.breaks_after(rules, span[1], ed.meta.publication_date)
    said = []
    if within:
        that = "that change" if len(within) == 1 else "those changes"
        said.append(f"The Home Office Counting Rules changed in {months(within)}, within the "
                    f"period covered here; figures either side of {that} are not directly "
                    f"comparable.")
    if after:
        opening = ("They changed again" if within else
                   "The Home Office Counting Rules changed")
        said.append(f"{opening} in {months(after)}, after the period covered here; figures for "
                    f"later years are not directly comparable with these.")
    if not said:
        return ("The Home Office Counting Rules did not change within the period covered here "
                "or since, up to publication.")
    return " ".join(said)
