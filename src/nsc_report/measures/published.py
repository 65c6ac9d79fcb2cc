"""Figures from the published statistics (data/public/), for one force and for England and Wales.

Pure functions of the validated `PublicSeries`: what each series says for a force, period by
period, with the note the data keep wherever a value is missing or odd. Nothing here invents a
denominator: the only rate is the charge rate, whose denominator (all outcomes assigned in the
year) is in the same table.

Police recorded crime and its outcomes follow the Home Office Counting Rules, whose changes are
listed in reference/counting_rules.csv (`Edition.counting_rules`); figures either side of a
change are not comparable, so every period carries the counting-rule era it falls in (`era`)
and charts never join values across eras.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from nsc_report.data.public import ENGLAND_AND_WALES, PublicSeries, period_parts
from nsc_report.data.rules import RuleChange

Rules = Sequence[RuleChange]  # the counting-rule changes, in the order they took effect
MONTH = {"mar": 3, "jun": 6, "sep": 9, "dec": 12}


def _span(period: str) -> tuple[dt.date, dt.date] | None:
    """A span's first and last day ('from_2020_01_to_2021_04_30'; a last month without its day
    ends on the month's last day), or None for a period that is not a span."""
    if not period.startswith("from_"):
        return None
    parts = period_parts(period)
    first = dt.date(int(parts["first_year"]), int(parts["first_month"]), 1)
    year, month = int(parts["last_year"]), int(parts["last_month"])
    day = int(parts["last_day"]) if parts["last_day"] else calendar.monthrange(year, month)[1]
    return first, dt.date(year, month, day)


def period_end(period: str) -> dt.date:
    """The last day of a period: 'ye_mar_2015' -> 2015-03-31; 'cy_2015' -> 2015-12-31."""
    if period.startswith("ye_"):
        _, month, year = period.split("_")
        first_of_next = dt.date(int(year) + MONTH[month] // 12, MONTH[month] % 12 + 1, 1)
        return first_of_next - dt.timedelta(days=1)
    if period.startswith("cy_"):
        return dt.date(int(period[3:]), 12, 31)
    if (days := _span(period)) is not None:
        return days[1]
    raise ValueError(f"period {period!r} is not a known kind of period")


def period_start(period: str) -> dt.date:
    if (days := _span(period)) is not None:
        return days[0]
    after = period_end(period) + dt.timedelta(days=1)
    return after.replace(year=after.year - 1)


def period_point(period: str, financial: bool) -> dt.date:
    """Where a chart puts a period's point, so that a counting-rule change falls between the
    points of the periods either side of it: a financial year in its middle (the 15th of
    October), a rolling year in the month it ends (the 15th), since a rolling year that holds
    any month under new rules counts with them (see `era`)."""
    if financial:
        start = period_start(period)
        return dt.date(start.year, 10, 15)
    end = period_end(period)
    return end.replace(day=15)


def era(period: str, rules: Rules) -> int:
    """How many counting-rule changes came before the period's end: a period that holds any
    month under new rules counts with the new rules (and `straddles` says it holds both)."""
    end = period_end(period)
    return sum(1 for change in rules if change.day <= end)


def straddles(period: str, rules: Rules) -> bool:
    start, end = period_start(period), period_end(period)
    return any(start < change.day <= end for change in rules)


def span(periods: Iterable[str]) -> tuple[dt.date, dt.date] | None:
    """The first day of the earliest period and the last day of the latest, or None."""
    periods = list(periods)
    if not periods:
        return None
    return min(period_start(p) for p in periods), max(period_end(p) for p in periods)


def breaks_within(periods: Iterable[str], rules: Rules) -> list[RuleChange]:
    """The counting-rule changes that fall between the first and last of these periods: a
    change on a period's first day falls within, since the period before it counts under the
    older rules."""
    found = span(periods)
    if found is None:
        return []
    first, last = found
    return [change for change in rules if first < change.day <= last]


def in_force(rules: Rules, day: dt.date) -> RuleChange | None:
    """The last change that took effect on or before `day` (None: the rules before them all)."""
    before = [change for change in rules if change.day <= day]
    return before[-1] if before else None


def breaks_after(rules: Rules, end: dt.date, until: dt.date) -> list[RuleChange]:
    """The changes after `end` up to `until` (a publication date): later than the figures,
    known by the time they are published."""
    return [change for change in rules if end < change.day <= until]


def financial_year(period: str) -> str:
    """'ye_mar_2015' -> '2014/15' (the police's financial year, April to March)."""
    year = period_end(period).year
    return f"{year - 1}/{str(year)[2:]}"


def is_financial(period: str, financial: bool = True) -> bool:
    """Whether a period is printed as a financial year ('2014/15'): a year ending March, in a
    series of financial years (`financial`), not of rolling years. Others are printed in words
    (present/labels.public_period)."""
    return financial and period.startswith("ye_mar_")


@dataclass(frozen=True)
class Value:
    """One published figure: its count, or None with the note that says why it is missing."""

    value: int | None
    note: str = ""


def values(pub: PublicSeries, series: str, code: str, measure: str) -> dict[str, Value]:
    """A measure of one series for one force (or England and Wales), by period in order."""
    rows = pub.of(series, code)
    return _by_period(rows[rows["measure"] == measure])


def values_by_force(pub: PublicSeries, series: str, measure: str) -> dict[str, dict[str, Value]]:
    """`values` for every force (and England and Wales) at once: force code -> period -> value."""
    t = pub.table
    rows = t[(t["series"] == series) & (t["measure"] == measure)]
    return {str(code): _by_period(group) for code, group in rows.groupby("force_code", sort=True)}


def _by_period(rows: pd.DataFrame) -> dict[str, Value]:
    # Plain columns rather than itertuples, which builds a row class on every call.
    found = {str(period): Value(None if pd.isna(value) else int(value), str(note or ""))
             for period, value, note in zip(rows["period"], rows["value"], rows["note"],
                                            strict=True)}
    return dict(sorted(found.items(), key=lambda kv: period_end(kv[0])))


def periods(pub: PublicSeries, series: str) -> list[str]:
    found = pub.table.loc[pub.table["series"] == series, "period"].unique()
    return sorted(found, key=period_end)


def forces_total(pub: PublicSeries, series: str, measure: str, codes: list[str]
                 ) -> dict[str, Value]:
    """England and Wales as the sum of the forces, for a series published only per force: a
    period where any force's figure is missing has no total, and says which are missing."""
    rows = pub.table[(pub.table["series"] == series) & (pub.table["measure"] == measure)
                     & pub.table["force_code"].isin(codes)]
    totals = {}
    for period in periods(pub, series):
        these = rows[rows["period"] == period]
        if len(these) == len(codes) and these["value"].notna().all():
            totals[period] = Value(int(these["value"].sum()))
        else:
            missing = len(codes) - int(these["value"].notna().sum())
            totals[period] = Value(None, f"no total: {missing} of the {len(codes)} forces' "
                                         f"figures are missing")
    return totals


@dataclass(frozen=True)
class ChargeYear:
    period: str
    outcomes: int | None
    charged: int | None
    note: str

    @property
    def rate(self) -> float | None:
        """Charge or summons as a percentage of all outcomes assigned in the year."""
        if self.outcomes is None or self.charged is None or self.outcomes == 0:
            return None
        return 100 * self.charged / self.outcomes


def charge_years(pub: PublicSeries, code: str) -> list[ChargeYear]:
    """Outcomes assigned to stalking offences, year by year, with the charge rate where the
    counts allow one (a year whose counts are all 0 as published has none)."""
    total = values(pub, "stalking_outcomes", code, "stalking_outcomes_total")
    charged = values(pub, "stalking_outcomes", code, "charge_summons")
    years = []
    for period, t in total.items():
        c = charged.get(period, Value(None, "not in the published file"))
        years.append(ChargeYear(period, t.value, c.value, t.note or c.note))
    return years


def charge_rate(pub: PublicSeries, code: str, rules: Rules) -> pd.DataFrame:
    """For the force and England and Wales: period, era, outcomes, charged, rate, note; one row
    per year of the outcomes series, including years without a rate."""
    rows = []
    for who in (code, ENGLAND_AND_WALES):
        for y in charge_years(pub, who):
            rows.append({"force_code": who, "period": y.period,
                         "era": era(y.period, rules), "outcomes": y.outcomes, "charged": y.charged,
                         "rate": y.rate, "note": y.note})
    return pd.DataFrame(rows)


def latest(items: dict[str, Value]) -> tuple[str, Value] | None:
    """The latest period with a figure."""
    given = [(p, v) for p, v in items.items() if v.value is not None]
    return given[-1] if given else None


def contains(outer: str, inner: str) -> bool:
    """Whether every day of period `inner` falls within period `outer`."""
    return (period_start(outer) <= period_start(inner)
            and period_end(inner) <= period_end(outer))


def fewer_over_longer(answers: dict[str, dict[str, Value]]) -> list[tuple[str, str]]:
    """Counts of the same thing, given for periods of which one holds the other, that cannot
    both be right: (longer, shorter) where the longer period's count is the smaller. A count
    over a period can be no smaller than over any part of it (the BBC's answers of June 2021,
    January 2020 to April 2021, against the same forces' answers for 2020/21)."""
    given = [(p, v.value) for series in answers.values() for p, v in series.items()
             if v.value is not None]
    return [(outer, inner) for outer, big in given for inner, small in given
            if outer != inner and contains(outer, inner) and big < small]
