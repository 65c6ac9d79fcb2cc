"""National attrition: from recorded stalking to charge, conviction and prison."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from nsc_report.data import Edition

# The stages, in order, by their measure in national.csv (their words: labels.ftl).
STAGES = ["recorded_stalking", "charged", "convicted", "jailed"]


def national_value(edition: Edition, measure: str, period: str) -> float:
    n = edition.national
    row = n[(n["measure"] == measure) & (n["period"] == period)]
    if row.empty:
        raise KeyError(f"national.csv has no '{measure}' for period '{period}'")
    return float(row["value"].iloc[0])


def _row(edition: Edition, measure: str, period: str) -> pd.Series:
    n = edition.national
    return n[(n["measure"] == measure) & (n["period"] == period)].iloc[0]


def attrition_period(edition: Edition) -> str:
    """The period of the latest complete set of recorded/charged/convicted counts."""
    n = edition.national
    have = n.groupby("period")["measure"].apply(set)
    needed = {"recorded_stalking", "charged", "convicted"}
    periods = [p for p in edition.meta.periods if p in have.index and needed <= have[p]]
    if not periods:
        raise KeyError("national.csv has no period with recorded, charged and convicted counts")
    return periods[-1]


def attrition_table(edition: Edition) -> pd.DataFrame:
    """Each stage's count and its share of recorded stalking."""
    period = attrition_period(edition)
    recorded = national_value(edition, "recorded_stalking", period)
    rows = []
    n = edition.national
    for measure in STAGES:
        if ((n["measure"] == measure) & (n["period"] == period)).any():
            value = national_value(edition, measure, period)
            row = _row(edition, measure, period)
            rows.append({"measure": measure, "unit": str(row["unit"]), "count": int(value),
                         "pct_of_recorded": round(100 * value / recorded, 2),
                         "source_id": row["source_id"]})
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class ConvictionRate:
    period: str
    recorded: int
    charged: int
    convicted: int
    rate: float                 # convicted / recorded, in percent
    charge_rate: float
    source_id: str
    verified: bool
    caveat: str | None
    previous_period: str
    previous_rate: float
    previous_charge_rate: float
    previous_source_id: str
    # The rate as a published source states it (the release), where the edition holds one:
    # the headline cites it, and the counts above must give it when rounded.
    stated_rate: float | None = None
    stated_source_id: str | None = None


STATED = "stated_conviction_rate"


def conviction_rate(edition: Edition) -> ConvictionRate:
    period = attrition_period(edition)
    recorded = national_value(edition, "recorded_stalking", period)
    charged = national_value(edition, "charged", period)
    convicted = national_value(edition, "convicted", period)
    source_id = str(_row(edition, "convicted", period)["source_id"])
    source = edition.source(source_id)
    prev = edition.meta.previous_period
    n = edition.national
    stated = n[n["measure"] == STATED]
    stated_rate = float(stated["value"].iloc[0]) if len(stated) else None
    if stated_rate is not None and round(100 * convicted / recorded, 1) != stated_rate:
        raise ValueError(
            f"national.csv: the counts give a conviction rate of "
            f"{100 * convicted / recorded:.2f}%, but {STATED} is {stated_rate}%: one of them "
            f"is wrong")
    return ConvictionRate(
        period=period, recorded=int(recorded), charged=int(charged), convicted=int(convicted),
        rate=100 * convicted / recorded, charge_rate=100 * charged / recorded,
        source_id=source_id, verified=source.verified, caveat=source.caveat,
        previous_period=prev,
        previous_rate=national_value(edition, "conviction_rate", prev),
        previous_charge_rate=national_value(edition, "charge_rate", prev),
        previous_source_id=str(_row(edition, "conviction_rate", prev)["source_id"]),
        stated_rate=stated_rate,
        stated_source_id=str(stated["source_id"].iloc[0]) if len(stated) else None,
    )


def recorded_trend(edition: Edition) -> pd.DataFrame:
    n = edition.national
    rows = n[(n["measure"] == "recorded_stalking") & (n["period"] != "unconfirmed")]
    return rows[["period", "value", "source_id", "note"]].reset_index(drop=True)
