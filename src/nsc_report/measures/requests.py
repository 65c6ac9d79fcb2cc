"""Tracking the Freedom of Information requests of an edition against the statutory deadline.

`data/<edition>/tracker.csv` has one row per request (43 forces and the CPS): its reference,
when it was sent, when the answer came, and any internal review or complaint to the ICO. A
public authority must answer within 20 working days of receiving a request (Freedom of
Information Act 2000, section 10): the day after receipt is the first working day, and weekends
and bank holidays in England and Wales do not count. Bank holidays come from the `holidays`
package, not from a list kept here.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass
from functools import cache

import holidays
import pandas as pd

DEADLINE_WORKING_DAYS = 20
CPS = "CPS"


@cache
def _bank_holidays(year: int) -> holidays.HolidayBase:
    # England and Wales share their bank holidays; the package's subdivision for both is ENG.
    return holidays.country_holidays("GB", subdiv="ENG", years=range(year - 1, year + 3))


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date `days` working days after `start` (start itself not counted)."""
    day = start
    counted = 0
    while counted < days:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (0 if end is not after start)."""
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def deadline(received: dt.date) -> dt.date:
    return add_working_days(received, DEADLINE_WORKING_DAYS)


@dataclass(frozen=True)
class RequestStatus:
    code: str
    name: str
    reference: str
    sent: dt.date
    due: dt.date
    answered: dt.date | None
    working_days: int          # to the answer, or so far
    overdue_by: int            # working days past the deadline (0 if not)
    internal_review: dt.date | None
    ico_complaint: dt.date | None

    @property
    def state(self) -> str:
        if self.answered is not None:
            return "answered late" if self.overdue_by else "answered on time"
        return "overdue" if self.overdue_by else "waiting"


def _date(value: object) -> dt.date | None:
    return None if pd.isna(value) or value == "" else pd.Timestamp(value).date()


def statuses(tracker: pd.DataFrame, names: dict[str, str], today: dt.date) -> list[RequestStatus]:
    """Each request's state on `today` (the request is taken as received the day it was sent)."""
    result = []
    for row in tracker.itertuples(index=False):
        sent = _date(row.date_sent)
        assert sent is not None
        answered = _date(row.date_received)
        due = deadline(sent)
        until = answered or today
        taken = working_days_between(sent, until)
        result.append(RequestStatus(
            code=row.force_code, name=names.get(row.force_code, "Crown Prosecution Service"),
            reference=row.reference, sent=sent, due=due, answered=answered,
            working_days=taken, overdue_by=max(0, taken - DEADLINE_WORKING_DAYS),
            internal_review=_date(row.internal_review), ico_complaint=_date(row.ico_complaint)))
    return result


@dataclass(frozen=True)
class Timeliness:
    requests: int
    answered: int
    on_time: int
    median_working_days: float | None


def timeliness(tracker: pd.DataFrame, names: dict[str, str], today: dt.date) -> Timeliness:
    """How many forces (not the CPS) answered within the deadline, and the median time taken
    by those that answered."""
    forces = [s for s in statuses(tracker, names, today) if s.code != CPS]
    answered = [s for s in forces if s.answered is not None]
    return Timeliness(
        requests=len(forces), answered=len(answered),
        on_time=sum(1 for s in answered if not s.overdue_by),
        median_working_days=statistics.median(s.working_days for s in answered)
        if answered else None)
