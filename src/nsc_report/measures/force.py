"""One force: its answers, and where it stands among the forces that answered the same question.

A comparison is only made where the data support it: a force without a figure has no rank and
no place in a strip, and the reason (not held, refused, no response) is kept to be said instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from nsc_report.data import Edition
from nsc_report.measures import GIVES_FIGURE, answer_values, force_names
from nsc_report.measures.gaps import scorecard
from nsc_report.measures.reports import change_table
from nsc_report.measures.spo import PER_1000_PLACES, band_of


@dataclass(frozen=True)
class Measure:
    key: str          # its words are force.ftl's force-measure, chosen by this key
    places: int = 0   # decimals printed: a rate (places > 0) prints every value, its median
    #                   included, with this many (4.0 beside 3.9, never 4); a count (0) prints
    #                   whole, but a median between two counts with its half (2.5)


def measures(edition: Edition) -> list[Measure]:
    return [Measure("recorded"), Measure("pct_change", 1), Measure("spo_per_1000", PER_1000_PLACES),
            Measure("officers"), Measure("spocs")]


def comparison_table(edition: Edition) -> pd.DataFrame:
    """Every force (in reference order) with each measure, empty where it gave no figure.
    Computed once per edition (each force's figures, chart and standing read it); a copy is
    returned, so that no caller can change another's."""
    return edition.derived("comparison_table", lambda: _comparison_table(edition)).copy()


def _comparison_table(edition: Edition) -> pd.DataFrame:
    current = edition.meta.current_period
    codes = list(edition.forces["force_code"])
    recorded = answer_values(edition, "Q1", current).reindex(codes)
    change = change_table(edition)["pct_change"].reindex(codes)
    q9 = answer_values(edition, "Q9", current).reindex(codes)
    q10 = answer_values(edition, "Q10", current).reindex(codes)
    spo_total = q9 + q10
    table = pd.DataFrame({
        "force": force_names(edition).reindex(codes),
        "recorded": recorded,
        "pct_change": change,
        "spo_total": spo_total,
        # No recorded offences is no rate (not infinity), and the rate is unrounded: see
        # spo_table (a force is ranked, and the median taken, on the rates, not on their print).
        "spo_per_1000": 1000 * spo_total / recorded.where(recorded > 0),
        "officers": answer_values(edition, "Q6", "at_request").reindex(codes),
        "spocs": answer_values(edition, "Q7", "at_request").reindex(codes),
    }, index=pd.Index(codes, name="force_code"))
    return table.astype({c: "Float64" for c in table.columns if c != "force"})


@dataclass(frozen=True)
class Standing:
    measure: Measure
    value: float | None
    rank: int | None      # 1 = the highest among the forces with a figure
    of: int               # forces with a figure
    median: float | None  # None where no force gave the figure
    ties: int             # other forces with exactly the same value
    # Where it has no value, why (`lacking`): "figure" for a measure the force gives itself;
    # for a rate or a change, the input it did not give (or gave as none).
    lacks: str = ""


def lacking(edition: Edition, code: str, key: str) -> str:
    """Why the force has no value for the measure `key`, as force.ftl's force-standing words
    it: "figure" (it gave none) for a figure it gives itself; for a rate or a change made of
    its figures, which input is missing, so that a page never says that a force which gave
    its SPO figures "gave no figure" for a rate it lacks only for want of recorded offences.
    "spo" (no figure for either kind of order), "spo-interim" or "spo-full" (for one kind),
    "recorded" (no offences recorded given),
    "recorded-none" (none recorded: no rate), "spo-recorded" (neither); for the change
    "previous", "current", "both" (the year or years without a figure) or "previous-none"."""
    current, previous = edition.meta.current_period, edition.meta.previous_period
    if key == "spo_per_1000":
        lost = [q for q in ("Q9", "Q10") if code not in answer_values(edition, q, current).index]
        recorded = answer_values(edition, "Q1", current)
        if lost and code not in recorded.index:
            return "spo-recorded"
        if lost:
            return "spo" if len(lost) == 2 else "spo-interim" if lost == ["Q9"] else "spo-full"
        if code not in recorded.index:
            return "recorded"
        return "recorded-none" if int(recorded[code]) == 0 else ""
    if key == "pct_change":
        given = {p: answer_values(edition, "Q1", p) for p in (previous, current)}
        missing = [p for p in (previous, current) if code not in given[p].index]
        if len(missing) == 2:
            return "both"
        if missing:
            return "previous" if missing[0] == previous else "current"
        return "previous-none" if int(given[previous][code]) == 0 else ""
    return "figure"


def standing(edition: Edition, code: str) -> list[Standing]:
    table = comparison_table(edition)
    result = []
    for m in measures(edition):
        values = table[m.key].dropna()
        value = table.at[code, m.key]
        has = not pd.isna(value)
        rank = int(values.rank(method="min", ascending=False)[code]) if has else None
        result.append(Standing(m, float(value) if has else None, rank, len(values),
                               float(values.median()) if len(values) else None,
                               int((values == value).sum()) - 1 if has else 0,
                               "" if has else lacking(edition, code, m.key)))
    return result


def answers(edition: Edition, code: str) -> pd.DataFrame:
    """The force's row for every question and period, in codebook order, with its wording."""
    q = edition.questions.reset_index(drop=True)
    order = {qid: i for i, qid in enumerate(q["id"])}
    periods = {pid: i for i, pid in enumerate(edition.meta.periods)}
    r = edition.returns[edition.returns["force_code"] == code]
    frame = r.merge(q[["id", "wording", "unit", "section"]], left_on="question_id",
                    right_on="id").drop(columns="id")
    frame = frame.assign(_q=frame["question_id"].map(order), _p=frame["period"].map(periods))
    return frame.sort_values(["_q", "_p"]).drop(columns=["_q", "_p"]).reset_index(drop=True)


_WORD = r"[^\W_]+"  # a run of letters or digits, in any script


def beyond_label(label: str, note: str) -> tuple[str, str]:
    """(status, note) as a page prints an answer's status label and the report's coding note on
    the answer (the answers file's note, not the force's words), without
    saying the same thing twice: a note that only repeats the label (its words, whatever the
    case and punctuation) is left out; a note that begins with the label's words and goes on
    ('Information not held in a retrievable form' after 'information not held') is printed as
    the status, in the note's words (its first word cased as the label's); any other note is
    kept beside the label."""
    note = str(note or "")
    labelled = re.findall(_WORD, label)
    if not note or not labelled:
        return label, note
    start = re.match(r"[\W_]*" + r"[\W_]+".join(map(re.escape, labelled)) + r"(?![^\W_])",
                     note, re.IGNORECASE)
    if start is None:
        return label, note
    if not re.search(_WORD, note[start.end():]):
        return label, ""
    first = re.search(_WORD, note)
    assert first is not None  # the label's first word matched there
    return labelled[0] + note[first.end():].rstrip(), ""


@dataclass(frozen=True)
class Completeness:
    asked: int            # question x period rows the force was asked
    answered: int         # answered in full
    partial: int
    gave_figures: bool    # any figure at all


def completeness(edition: Edition, code: str) -> Completeness:
    """The force's questions answered in full and in part, counted as the data-gaps chapter
    counts them (one definition: `gaps.scorecard`, where a question asked about two years is
    answered in full only when both years were)."""
    card = scorecard(edition)
    status = card.loc[card["force_code"] == code, "status"]
    a = answers(edition, code)
    return Completeness(asked=len(status), answered=int((status == "answered").sum()),
                        partial=int((status == "partial").sum()),
                        gave_figures=bool((a["status"].isin(GIVES_FIGURE)
                                           & a["value"].notna()).any()))


def completeness_ranking(edition: Edition) -> pd.Series:
    """Questions answered in full by each force (reference order), counted as `completeness`
    counts them."""
    card = scorecard(edition)
    answered = card[card["status"] == "answered"].groupby("force_code").size()
    return answered.reindex(edition.forces["force_code"]).fillna(0).astype(int)


def questions_asked(edition: Edition) -> pd.Series:
    """The questions each force was asked (reference order), counted as `completeness` counts
    them: a question asked about two years is one question."""
    asked = scorecard(edition).groupby("force_code").size()
    return asked.reindex(edition.forces["force_code"]).fillna(0).astype(int)


def spo_band(edition: Edition, code: str) -> str | None:
    row = comparison_table(edition).loc[code]
    return None if pd.isna(row["spo_total"]) else band_of(int(row["spo_total"]))


def region_forces(edition: Edition, code: str) -> pd.DataFrame:
    """The other forces of the force's region, in reference order."""
    forces = edition.forces
    region = forces.set_index("force_code").at[code, "region"]
    return forces[(forces["region"] == region) & (forces["force_code"] != code)]
