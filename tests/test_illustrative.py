"""The committed illustrative dataset: reproducible, and equal to every published aggregate.

Expected values are computed here directly from the CSV files, not through nsc_report."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from helpers import DATA, EDITION

from nsc_report.cycle.illustrative import write


def read(name: str) -> list[dict[str, str]]:
    with (DATA / EDITION / name).open(newline="") as fh:
        return list(csv.DictReader(fh))


def test_generator_reproduces_the_committed_files(tmp_path: Path):
    (tmp_path / "reference").mkdir()
    (tmp_path / EDITION).mkdir()
    write(tmp_path / EDITION, DATA / "reference" / "forces.csv")
    for name in ("foi_returns.csv", "pcc_commitments.csv"):
        assert (tmp_path / EDITION / name).read_bytes() == (DATA / EDITION / name).read_bytes()


def test_aggregates_equal_the_published_figures():
    rows = read("foi_returns.csv")
    values: dict[tuple[str, str, str], int] = {}
    status: dict[tuple[str, str, str], str] = {}
    for r in rows:
        key = (r["force_code"], r["question_id"], r["period"])
        status[key] = r["status"]
        if r["value"]:
            values[key] = int(r["value"])
    responders = {k[0] for k in values}
    assert len(responders) == 27

    committed = {r["force_code"] for r in read("pcc_commitments.csv") if r["committed"] == "true"}
    assert len(committed) > 43 / 2
    moves = defaultdict(int)
    for code in responders & committed:
        prev = values.get((code, "Q1", "ye_mar_2022"))
        curr = values.get((code, "Q1", "ye_mar_2023"))
        if prev is not None and curr is not None:
            moves["down" if curr < prev else "up"] += 1
    assert moves["up"] == 5
    assert round(100 * moves["down"] / (moves["down"] + moves["up"])) == 67

    bands = defaultdict(int)
    for code in responders:
        interim = values.get((code, "Q9", "ye_mar_2023"))
        full = values.get((code, "Q10", "ye_mar_2023"))
        if interim is not None and full is not None:
            total = interim + full
            bands["low" if total <= 10 else "mid" if total <= 30 else "high"] += 1
    assert (bands["low"], bands["mid"], bands["high"]) == (12, 8, 3)

    officers = [values.get((code, "Q6", "at_request")) for code in responders]
    assert sum(1 for v in officers if v is not None and v >= 1) == 7
    assert sum(1 for v in officers if v == 0) == 12

    detailed = sum(all(status[(c, q, "ye_mar_2023")] == "answered" for q in ("Q2", "Q3", "Q4"))
                   for c in responders)
    none = sum(all((c, q, "ye_mar_2023") not in values for q in ("Q2", "Q3", "Q4"))
               for c in responders)
    assert (detailed, none) == (11, 11)


def test_known_public_facts_hold():
    forces = {r["force_name"]: r["force_code"] for r in csv.DictReader(
        (DATA / "reference" / "forces.csv").open(newline=""))}
    rows = {(r["force_code"], r["question_id"]): r for r in read("foi_returns.csv")}
    assert int(rows[(forces["South Yorkshire"], "Q6")]["value"]) >= 1
    commitments = {r["force_code"]: r["committed"] for r in read("pcc_commitments.csv")}
    assert commitments[forces["Nottinghamshire"]] == "true"
