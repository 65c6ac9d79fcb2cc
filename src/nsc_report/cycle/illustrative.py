"""Build the illustrative 2024 per-force dataset.

The real per-force answers of the 2024 requests are not public; only national aggregates are.
This module writes a constructed dataset for all 43 forces whose aggregates equal every
published figure, so that the pipeline can be built and checked end to end. Which force falls
in which group is an arbitrary choice made here, apart from two public facts: South Yorkshire
has a dedicated stalking officer (its Q6 row cites the source; the count is constructed), and
Nottinghamshire's PCC made the 2022 commitment.

Run `python -m nsc_report.cycle.illustrative data/2024` to rewrite the files; the output is
deterministic and a test checks that the committed files equal it.
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

SEED = 2024

# Approximate resident population in millions; only used to give counts a plausible scale.
POPULATION_M = {
    "Cleveland": 0.57, "Durham": 0.64, "Northumbria": 1.48, "Cheshire": 1.08, "Cumbria": 0.5,
    "Greater Manchester": 2.87, "Lancashire": 1.53, "Merseyside": 1.43, "Humberside": 0.94,
    "North Yorkshire": 0.83, "South Yorkshire": 1.41, "West Yorkshire": 2.35,
    "Derbyshire": 1.06, "Leicestershire": 1.1, "Lincolnshire": 0.77, "Northamptonshire": 0.79,
    "Nottinghamshire": 1.16, "Staffordshire": 1.14, "Warwickshire": 0.6, "West Mercia": 1.3,
    "West Midlands": 2.94, "Bedfordshire": 0.7, "Cambridgeshire": 0.9, "Essex": 1.86,
    "Hertfordshire": 1.2, "Norfolk": 0.92, "Suffolk": 0.77, "City of London": 0.01,
    "Metropolitan Police": 8.8, "Hampshire": 2.0, "Kent": 1.87, "Surrey": 1.21, "Sussex": 1.7,
    "Thames Valley": 2.4, "Avon and Somerset": 1.73, "Devon and Cornwall": 1.8, "Dorset": 0.78,
    "Gloucestershire": 0.65, "Wiltshire": 0.73, "Dyfed-Powys": 0.52, "Gwent": 0.6,
    "North Wales": 0.7, "South Wales": 1.3,
}

# Forces that did not answer the request at all, and how.
WHOLE_REQUEST = {
    "no_response": ["Cleveland", "Cumbria", "Lincolnshire", "Bedfordshire", "City of London",
                    "Dorset", "Gwent", "Suffolk"],
    "refused_s12": ["Humberside", "Warwickshire", "Norfolk", "Kent", "Gloucestershire",
                    "North Wales"],
    "refused_other": ["Wiltshire", "Northamptonshire"],
}

COMMITTED = [
    # responding forces (Hertfordshire gave no comparable Q1 figures)
    "Durham", "Northumbria", "Cheshire", "Lancashire", "North Yorkshire", "South Yorkshire",
    "West Yorkshire", "Derbyshire", "Nottinghamshire", "Staffordshire", "West Midlands", "Essex",
    "Hertfordshire", "Sussex", "Avon and Somerset", "South Wales",
    # forces that did not respond
    "Cleveland", "Cumbria", "Humberside", "Kent", "Dorset", "Gwent", "North Wales",
]
# The commitments that are public (the rest are constructed): printed, with their source.
PUBLIC_COMMITMENTS = {"Nottinghamshire"}
Q1_INCREASE = {"Nottinghamshire", "South Yorkshire", "Sussex", "Durham", "Derbyshire",
               # not committed
               "Greater Manchester", "Leicestershire", "Metropolitan Police", "Hampshire",
               "Thames Valley"}
Q1_STATUS = {"Hertfordshire": ("refused_s12", "refused_s12"),
             "Dyfed-Powys": ("not_held", "answered")}

SPO_TOTALS = {  # interim + full applications, YE Mar 2023
    "Metropolitan Police": 78, "Greater Manchester": 41, "West Midlands": 36,
    "West Yorkshire": 27, "Thames Valley": 19, "Hampshire": 16, "Essex": 22, "Lancashire": 14,
    "Avon and Somerset": 13, "Northumbria": 11, "Sussex": 30,
    "Durham": 2, "Cheshire": 6, "North Yorkshire": 4, "South Yorkshire": 9, "Derbyshire": 5,
    "Leicestershire": 7, "Nottinghamshire": 8, "Staffordshire": 3, "West Mercia": 0,
    "Hertfordshire": 8, "Devon and Cornwall": 6, "South Wales": 10,
}
SPO_GAPS = {"Dyfed-Powys": ("not_held", "not_held"), "Merseyside": ("refused_s12", "refused_s12"),
            "Surrey": ("not_held", "not_held"), "Cambridgeshire": ("answered", "not_held")}

DEDICATED = {"South Yorkshire": 2, "Metropolitan Police": 6, "West Midlands": 3, "Northumbria": 1,
             "Essex": 2, "Hampshire": 1, "Cheshire": 1}
NO_DEDICATED = ["Durham", "Greater Manchester", "Lancashire", "Merseyside", "North Yorkshire",
                "Derbyshire", "Leicestershire", "Staffordshire", "West Mercia", "Sussex",
                "Devon and Cornwall", "Dyfed-Powys"]
DEDICATED_UNSTATED = {
    "West Yorkshire": "partial", "Nottinghamshire": "partial", "Thames Valley": "partial",
    "Cambridgeshire": "not_held", "Surrey": "not_held", "South Wales": "not_held",
    "Hertfordshire": "refused_s12", "Avon and Somerset": "refused_other",
}

OTHER_OFFENCE_DETAILED = ["Greater Manchester", "West Midlands", "Metropolitan Police",
                          "West Yorkshire", "Northumbria", "South Yorkshire", "Essex", "Hampshire",
                          "Thames Valley", "Lancashire", "Sussex"]
OTHER_OFFENCE_PARTIAL = {  # statuses of Q2, Q3, Q4
    "Cheshire": ("answered", "answered", "not_held"),
    "Derbyshire": ("answered", "not_held", "not_held"),
    "Leicestershire": ("partial", "not_held", "not_held"),
    "Avon and Somerset": ("not_held", "answered", "not_held"),
    "Staffordshire": ("answered", "not_held", "answered"),
}
# Every other responding force gave no data on Q2-Q4.
OTHER_OFFENCE_NONE_S12 = {"Merseyside", "Hertfordshire", "Devon and Cornwall"}

NOTES = {
    "no_response": "No response received by the report's deadline",
    "refused_s12": "Refused under section 12: the cost of compliance exceeds the appropriate limit",
    "refused_other": "Refused under section 31 (law enforcement)",
    "not_held": "Information not held in a retrievable form",
}
PARTIAL_NOTES = {
    "Q1": "Only one of the two years could be given",
    "Q2": "Figure covers only offences recorded on the force's current system",
    "Q6": "Described officers who work on stalking without saying whether any is dedicated",
}

# The answers that are public (the force said so itself), each with the source that says it:
# the row cites it, and the force's page states what the source says as a published fact.
# The source gives no number: the row's count stays constructed, as every other.
PUBLIC_ANSWERS = {("South Yorkshire", "Q6"): "south_yorkshire_police_2024"}

QUESTIONS = [f"Q{i}" for i in range(1, 14)]
QUESTION_PERIODS = {"Q1": ["ye_mar_2022", "ye_mar_2023"], "Q6": ["at_request"],
                    "Q7": ["at_request"], "Q8": ["at_request"]}
FIELDS = ["force_code", "question_id", "period", "status", "value", "note", "source_id"]


def _periods(question: str) -> list[str]:
    return QUESTION_PERIODS.get(question, ["ye_mar_2023"])


def _row(code: str, q: str, period: str, status: str, value: int | None = None,
         note: str = "") -> dict[str, object]:
    if not note and status in NOTES:
        note = NOTES[status]
    if not note and status == "partial":
        note = PARTIAL_NOTES.get(q, "Part of the figure could not be given")
    return {"force_code": code, "question_id": q, "period": period, "status": status,
            "value": "" if value is None else value, "note": note, "source_id": ""}


def _responder_rows(rng: random.Random, code: str, name: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    base = POPULATION_M[name] * 1960 * rng.uniform(0.85, 1.15)
    change = rng.uniform(0.03, 0.15) * (1 if name in Q1_INCREASE else -1)
    q1 = {"ye_mar_2022": round(base), "ye_mar_2023": round(base * (1 + change))}
    statuses = Q1_STATUS.get(name, ("answered", "answered"))
    for period, status in zip(["ye_mar_2022", "ye_mar_2023"], statuses, strict=True):
        rows.append(_row(code, "Q1", period, status, q1[period] if status == "answered" else None))
    recorded = q1["ye_mar_2023"]

    # Q2-Q4: stalking charged as another offence; Q5: outcome 15B.
    if name in OTHER_OFFENCE_DETAILED:
        q2_4 = ("answered", "answered", "answered")
    elif name in OTHER_OFFENCE_PARTIAL:
        q2_4 = OTHER_OFFENCE_PARTIAL[name]
    else:
        none_status = "refused_s12" if name in OTHER_OFFENCE_NONE_S12 else "not_held"
        q2_4 = (none_status,) * 3
    shares = {"Q2": (0.02, 0.06), "Q3": (0.01, 0.03), "Q4": (0.02, 0.08)}
    for q, status in zip(["Q2", "Q3", "Q4"], q2_4, strict=True):
        value = round(recorded * rng.uniform(*shares[q])) if status in ("answered", "partial") \
            else None
        rows.append(_row(code, q, "ye_mar_2023", status, value))
    if rng.random() < 0.58:
        rows.append(_row(code, "Q5", "ye_mar_2023", "answered",
                         round(recorded * rng.uniform(0.04, 0.10))))
    else:
        rows.append(_row(code, "Q5", "ye_mar_2023", "not_held"))

    # Q6-Q8: specialist officers and single points of contact.
    if name in DEDICATED:
        rows.append(_row(code, "Q6", "at_request", "answered", DEDICATED[name]))
    elif name in NO_DEDICATED:
        rows.append(_row(code, "Q6", "at_request", "answered", 0))
    else:
        rows.append(_row(code, "Q6", "at_request", DEDICATED_UNSTATED[name]))
    spoc_status = "answered" if rng.random() < 0.75 else "not_held"
    rows.append(_row(code, "Q7", "at_request", spoc_status,
                     rng.randint(0, 40) if spoc_status == "answered" else None))
    spo_spoc_status = "answered" if rng.random() < 0.65 else "not_held"
    rows.append(_row(code, "Q8", "at_request", spo_spoc_status,
                     rng.randint(0, 6) if spo_spoc_status == "answered" else None))

    # Q9-Q13: Stalking Protection Orders.
    if name in SPO_TOTALS:
        total = SPO_TOTALS[name]
        interim = rng.randint(0, total)
        rows.append(_row(code, "Q9", "ye_mar_2023", "answered", interim))
        rows.append(_row(code, "Q10", "ye_mar_2023", "answered", total - interim))
        for q, chance, high in (("Q11", 0.6, 3), ("Q12", 0.52, 2), ("Q13", 0.45, 15)):
            if rng.random() < chance:
                rows.append(_row(code, q, "ye_mar_2023", "answered",
                                 rng.randint(0, min(high, total))))
            else:
                rows.append(_row(code, q, "ye_mar_2023", "not_held"))
    else:
        q9_status, q10_status = SPO_GAPS[name]
        rows.append(_row(code, "Q9", "ye_mar_2023", q9_status,
                         rng.randint(1, 6) if q9_status == "answered" else None))
        rows.append(_row(code, "Q10", "ye_mar_2023", q10_status))
        for q in ("Q11", "Q12", "Q13"):
            rows.append(_row(code, q, "ye_mar_2023", q10_status))
    return rows


Rows = list[dict[str, object]]


def build_rows(forces: list[dict[str, str]]) -> tuple[Rows, Rows]:
    """Return (foi_returns rows, pcc_commitments rows) for the given forces, in file order."""
    rng = random.Random(SEED)
    whole = {name: status for status, names in WHOLE_REQUEST.items() for name in names}
    returns: list[dict[str, object]] = []
    for force in forces:
        code, name = force["force_code"], force["force_name"]
        if name in whole:
            for q in QUESTIONS:
                for period in _periods(q):
                    returns.append(_row(code, q, period, whole[name]))
        else:
            returns.extend(_responder_rows(rng, code, name))
    names = {f["force_code"]: f["force_name"] for f in forces}
    for row in returns:
        row["source_id"] = PUBLIC_ANSWERS.get((names[str(row["force_code"])],
                                               str(row["question_id"])), "")
    # A public row cites its source; a constructed one is marked so and cites nothing real.
    commitments = [
        {"force_code": f["force_code"],
         "committed": "true" if f["force_name"] in COMMITTED else "false",
         "source_id": "pcc_pledge_2022" if f["force_name"] in PUBLIC_COMMITMENTS else "",
         "status": "published" if f["force_name"] in PUBLIC_COMMITMENTS else "illustrative"}
        for f in forces
    ]
    return returns, commitments


def write(edition_dir: Path, reference_csv: Path) -> None:
    with reference_csv.open(newline="", encoding="utf-8") as fh:
        forces = list(csv.DictReader(fh))
    returns, commitments = build_rows(forces)
    for name, rows, fields in (
        ("foi_returns.csv", returns, FIELDS),
        ("pcc_commitments.csv", commitments,
         ["force_code", "committed", "source_id", "status"]),
    ):
        with (edition_dir / name).open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "data/2024")
    write(target, target.parent / "reference" / "forces.csv")
