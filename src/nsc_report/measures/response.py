"""Who answered the request: the denominator of most findings."""

from __future__ import annotations

from dataclasses import dataclass

from nsc_report.data import Edition
from nsc_report.measures import GIVES_FIGURE


def responding_forces(edition: Edition) -> list[str]:
    """Forces that gave at least one figure, in reference order."""
    r = edition.returns
    gave = set(r.loc[r["status"].isin(GIVES_FIGURE) & r["value"].notna(), "force_code"])
    return [code for code in edition.forces["force_code"] if code in gave]


@dataclass(frozen=True)
class ResponseSummary:
    asked: int
    responded: int
    not_responded: int
    no_response: int
    refused_s12: int
    refused_other: int
    # Held no information (to most questions): its own count, not one with the refusals, so that
    # the words say what each force did.
    not_held: int = 0


def response_summary(edition: Edition) -> ResponseSummary:
    """How many forces answered, and how the others dealt with the request as a whole."""
    responded = set(responding_forces(edition))
    r = edition.returns
    silent = r[~r["force_code"].isin(responded)]
    # A force that gave no figure is classed by the status it gave most often.
    main_status = silent.groupby("force_code")["status"].agg(lambda s: s.value_counts().index[0])
    kinds = main_status.value_counts()
    return ResponseSummary(
        asked=edition.meta.forces_asked,
        responded=len(responded),
        not_responded=len(main_status),
        no_response=int(kinds.get("no_response", 0)),
        refused_s12=int(kinds.get("refused_s12", 0)),
        refused_other=int(kinds.get("refused_other", 0)),
        not_held=int(kinds.get("not_held", 0)),
    )
