"""Year on year: this edition's answers beside the previous edition's.

A question is compared when the codebook links it to one of the previous edition's questions
(`same_as`). Each edition's figure is its answer for the latest period it asked about (the
current period when the question asks for it). A figure is compared only where the force
answered in full in both editions and the question did not change; everything else is shown
as it is, with the reason it is not compared.

A force may give the earlier period again in this edition (Q1 asks for two years) with a
different figure: a revision. The change is then measured from the revised figure, the force's
latest word on that year (so that it agrees with the change the force's page gives, which
reads both years from this edition), and the previous edition's figure is kept beside it
(`revised_from`) so that the page can say it was revised.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from nsc_report.data import Edition

DATED = lambda pid: pid not in ("unconfirmed", "at_request")  # noqa: E731 - periods with a year


@dataclass(frozen=True)
class Link:
    """One question asked in both editions."""

    qid: str
    previous_qid: str
    wording: str
    unit: str
    period: str              # the period compared, in this edition
    previous_period: str     # ... and in the previous one
    changed: str | None      # how the question changed, in the codebook's own words
    # Where the codebook does not say, how it changed: "wording" or "unit", with what it was
    # (notebooks/change.ftl says it in words); None if it did not change.
    how: str | None = None
    was: str | None = None

    @property
    def comparable(self) -> bool:
        return self.changed is None and self.how is None


def _compared_period(edition: Edition, periods: list[str]) -> str:
    return edition.meta.current_period if edition.meta.current_period in periods else periods[-1]


def links(edition: Edition) -> list[Link]:
    """The questions of this edition linked to the previous edition's, in codebook order."""
    previous = edition.previous
    if previous is None:
        return []
    earlier = previous.questions.set_index("id")
    found = []
    for q in edition.questions.itertuples():
        if not _text(q.same_as):
            continue
        before = earlier.loc[q.same_as]
        changed = _text(q.changed)
        how = was = None
        if changed is None and (before["wording"] != q.wording or before["unit"] != q.unit):
            how, was = (("wording", before["wording"]) if before["unit"] == q.unit
                        else ("unit", before["unit"]))
        found.append(Link(q.id, q.same_as, q.wording, q.unit,
                          _compared_period(edition, q.periods),
                          _compared_period(previous, list(before["periods"])), changed,
                          how, was))
    return found


def unlinked(edition: Edition) -> list[str]:
    """Questions of this edition not asked before (no `same_as`), when there is an edition to
    compare with."""
    if edition.previous is None:
        return []
    return [q.id for q in edition.questions.itertuples() if not _text(q.same_as)]


def _text(value: object) -> str | None:
    """An optional codebook field (empty cells of the questions' frame are NaN)."""
    return value if isinstance(value, str) and value else None


def _answers(edition: Edition, qid: str, period: str) -> pd.DataFrame:
    r = edition.returns
    rows = r[(r["question_id"] == qid) & (r["period"] == period)]
    return rows.set_index("force_code")[["status", "value", "note"]]


def force_changes(edition: Edition) -> pd.DataFrame:
    """One row per force and linked question: both editions' status and figure, the change
    where it can be compared, and why it cannot otherwise (`reason`: `changed`, the question
    changed; `neither`, no full answer in either edition; `before` or `now`, none in the
    previous or in this edition).

    `previous_value` is the figure the change is measured from: the previous edition's, or
    this edition's answer for the same period where the force revised it; `revised_from` is
    then the figure the previous edition printed (empty where nothing was revised)."""
    previous = edition.previous
    rows = []
    if previous is None:
        return pd.DataFrame(columns=["force_code", "qid", "previous_status", "previous_value",
                                     "revised_from", "status", "value", "change", "pct_change",
                                     "reason"])
    for link in links(edition):
        now = _answers(edition, link.qid, link.period)
        before = _answers(previous, link.previous_qid, link.previous_period)
        # The earlier period asked again in this edition (never the compared period itself,
        # as for questions about the time of the request).
        again = (_answers(edition, link.qid, link.previous_period)
                 if link.previous_period != link.period else before.iloc[0:0])
        for code in edition.forces["force_code"]:
            n = now.loc[code] if code in now.index else None
            b = before.loc[code] if code in before.index else None
            status = n["status"] if n is not None else "no_response"
            prev_status = b["status"] if b is not None else "no_response"
            value = n["value"] if n is not None and pd.notna(n["value"]) else None
            prev_value = b["value"] if b is not None and pd.notna(b["value"]) else None
            revised_from = _revision(prev_status, prev_value,
                                     again.loc[code] if code in again.index else None)
            if revised_from is not None:
                prev_value = float(again.at[code, "value"])
            reason = None
            if not link.comparable:
                reason = "changed"
            elif prev_status != "answered" and status != "answered":
                reason = "neither"
            elif prev_status != "answered":
                reason = "before"
            elif status != "answered":
                reason = "now"
            change = pct = None
            if reason is None and value is not None and prev_value is not None:
                change = int(value - prev_value)
                pct = 100 * change / prev_value if prev_value else None
            rows.append({"force_code": code, "qid": link.qid, "previous_status": prev_status,
                         "previous_value": prev_value, "revised_from": revised_from,
                         "status": status, "value": value,
                         "change": change, "pct_change": pct, "reason": reason})
    return pd.DataFrame(rows)


def _revision(prev_status: str, prev_value: float | None, again: pd.Series | None
              ) -> float | None:
    """The previous edition's figure, where this edition's full answer for the same period
    differs from it (a revision); None otherwise."""
    if (prev_status != "answered" or prev_value is None or again is None
            or again["status"] != "answered" or pd.isna(again["value"])):
        return None
    return prev_value if float(again["value"]) != float(prev_value) else None


@dataclass(frozen=True)
class NationalChange:
    """A linked question across the forces: totals over the forces that answered in full in
    both editions (like for like), and how many answered in each."""

    link: Link
    both: int                 # forces with a full answer in both editions
    only_now: int             # full answer this edition only
    only_before: int          # full answer in the previous edition only
    neither: int
    previous_total: int | None   # with the forces' revised figures, where they revised one
    total: int | None
    revised: int = 0             # forces in the totals whose earlier figure was revised ...
    printed_total: int | None = None  # ... and the earlier total with the figures first given

    @property
    def change(self) -> int | None:
        if self.total is None or self.previous_total is None:
            return None
        return self.total - self.previous_total

    @property
    def pct_change(self) -> float | None:
        if self.change is None or not self.previous_total:
            return None
        return 100 * self.change / self.previous_total


def national_changes(edition: Edition) -> list[NationalChange]:
    changes = force_changes(edition)
    result = []
    for link in links(edition):
        rows = changes[changes["qid"] == link.qid]
        now = rows["status"] == "answered"
        before = rows["previous_status"] == "answered"
        both = rows[now & before]
        compared = link.comparable and len(both) > 0
        result.append(NationalChange(
            link=link, both=int((now & before).sum()), only_now=int((now & ~before).sum()),
            only_before=int((~now & before).sum()), neither=int((~now & ~before).sum()),
            previous_total=int(both["previous_value"].sum()) if compared else None,
            total=int(both["value"].sum()) if compared else None,
            revised=int(both["revised_from"].notna().sum()) if compared else 0,
            printed_total=int(both["revised_from"].fillna(both["previous_value"]).sum())
            if compared else None))
    return result


def national_series(edition: Edition, measures: tuple[str, ...] = (
        "recorded_stalking", "conviction_rate")) -> pd.DataFrame:
    """Each measure of the national series for every dated period this edition holds, in the
    order of the edition's periods (one row per period; missing figures are empty)."""
    n = edition.national
    order = [p for p in edition.meta.periods if DATED(p)]
    rows = n[n["measure"].isin(measures) & n["period"].isin(order)]
    wide = rows.pivot(index="period", columns="measure", values="value")
    wide = wide.reindex([p for p in order if p in wide.index])
    for measure in measures:
        if measure not in wide:
            wide[measure] = float("nan")
    sources = rows.groupby("period")["source_id"].agg(lambda s: sorted(set(s)))
    wide["sources"] = sources.reindex(wide.index)
    return wide[[*measures, "sources"]].reset_index()
