"""Hostile inputs, as a new user or a careless export produces them: each one stops the build
with a non-zero exit and a message that names the file, where in it (row and line, or the YAML
key), the column and the value, with no traceback, and nothing is written."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import EDITION, ROOT

from nsc_report.cli.main import main

E = f"data/{EDITION}"
RETURNS, NATIONAL, PCC = f"{E}/foi_returns.csv", f"{E}/national.csv", f"{E}/pcc_commitments.csv"
META, QUESTIONS, CPS = f"{E}/edition.yml", f"{E}/questions.yml", f"{E}/cps.yml"
FORCES = "data/reference/forces.csv"


@dataclass(frozen=True)
class Case:
    id: str
    mutate: Callable[[Path], None]      # changes a scratch copy of data/
    expect: tuple[str, ...]             # fragments the message must hold
    args: tuple[str, ...] = ()


def text(rel: str, edit: Callable[[str], str]) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        path = data.parent / rel
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return apply


def line(rel: str, n: int, edit: Callable[[str], str]) -> Callable[[Path], None]:
    """Edit line n (1 = the header) of a file."""
    def change(content: str) -> str:
        lines = content.split("\n")
        lines[n - 1] = edit(lines[n - 1])
        return "\n".join(lines)
    return text(rel, change)


def cell(rel: str, n: int, column: str, value: str) -> Callable[[Path], None]:
    """Set one cell of line n of a simple CSV file (no quoted commas in that line)."""
    def apply(data: Path) -> None:
        path = data.parent / rel
        lines = path.read_text(encoding="utf-8").split("\n")
        header = lines[0].split(",")
        row = lines[n - 1].split(",")
        row[header.index(column)] = value
        lines[n - 1] = ",".join(row)
        path.write_text("\n".join(lines), encoding="utf-8")
    return apply


def answered_line(data: Path) -> int:
    lines = (data.parent / RETURNS).read_text(encoding="utf-8").split("\n")
    return next(i + 1 for i, ln in enumerate(lines) if ",Q1,ye_mar_2023,answered," in ln)


def count(value: str) -> Callable[[Path], None]:
    """Put `value` into the first answered Q1 count."""
    def apply(data: Path) -> None:
        cell(RETURNS, answered_line(data), "value", value)(data)
    return apply


def write(rel: str, content: bytes) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        (data.parent / rel).write_bytes(content)
    return apply


def yaml_replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(content: str) -> str:
        assert old in content, old
        return content.replace(old, new, 1)
    return text(rel, edit)


def link_outside(data: Path) -> None:
    outside = data.parent / "elsewhere.csv"
    target = data / EDITION / "national.csv"
    outside.write_bytes(target.read_bytes())
    target.unlink()
    target.symlink_to(outside)


def huge_returns(data: Path) -> None:
    path = data / EDITION / "foi_returns.csv"
    row = b"E23000008,Q1,ye_mar_2023,answered,1,\n"
    with path.open("ab") as fh:
        for _ in range(100 * 2**20 // (len(row) * 4096) + 1):
            fh.write(row * 4096)


CASES = [
    # foi_returns.csv: the file as a whole
    Case("returns-empty", write(RETURNS, b""), (RETURNS, "the file is empty", "force_code")),
    Case("returns-header-only", write(RETURNS, b"force_code,question_id,period,status,value,"
                                               b"note\n"), (RETURNS, "column 'force_code'",
                                                            "header only")),
    Case("returns-semicolons", text(RETURNS, lambda s: s.replace(",", ";")),
         (RETURNS, "row 1 (line 2)", "force_code;question_id", "separated by commas")),
    Case("returns-duplicate-column", line(RETURNS, 1, lambda h: h.replace("note", "value")),
         (RETURNS, "column 'value'", "each column name once")),
    Case("returns-missing-column", line(RETURNS, 1, lambda h: h.replace(",note", "")),
         (RETURNS, "missing ['note']")),
    Case("returns-extra-column", line(RETURNS, 1, lambda h: h + ",source"),
         (RETURNS, "unexpected ['source']")),
    Case("returns-latin1", write(RETURNS, "force_code,question_id,period,status,value,note\n"
                                          "E23000008,Q1,ye_mar_2023,answered,1,Café\n"
                                 .encode("latin-1")), (RETURNS, "not UTF-8", "byte")),
    Case("returns-100mb", huge_returns, (RETURNS, "bytes", "at most 20 MB")),
    # foi_returns.csv: counts
    Case("count-word", count("many"), (RETURNS, "column 'value'", "'many'", "digits")),
    Case("count-thousands-comma", count('"1,234"'), (RETURNS, "column 'value'", "'1,234'")),
    Case("count-nan", count("NaN"), (RETURNS, "column 'value'", "'NaN'")),
    Case("count-inf", count("inf"), (RETURNS, "column 'value'", "'inf'")),
    Case("count-1e9", count("1e9"), (RETURNS, "column 'value'", "'1e9'", "no commas, decimals")),
    Case("count-10-to-15", count("1000000000000000"),
         (RETURNS, "column 'value'", "'1000000000000000'", "at most 10,000,000")),
    Case("count-decimal", count("12.5"), (RETURNS, "column 'value'", "'12.5'")),
    Case("count-whole-decimal", count("12.0"), (RETURNS, "column 'value'", "'12.0'")),
    Case("count-date", count("2023-03-31"), (RETURNS, "column 'value'", "'2023-03-31'")),
    Case("count-negative", count("-3"), (RETURNS, "column 'value'", "'-3'")),
    # foi_returns.csv: codes and rules
    Case("code-whitespace", lambda d: cell(RETURNS, answered_line(d), "force_code",
                                           " E23000008 ")(d),
         (RETURNS, "column 'force_code'", "' E23000008 '", "without spaces")),
    Case("code-lower-case", lambda d: cell(RETURNS, answered_line(d), "force_code",
                                           "e23000008")(d),
         (RETURNS, "column 'force_code'", "'e23000008'", "force codes")),
    Case("unknown-status", lambda d: cell(RETURNS, answered_line(d), "status", "answerd")(d),
         (RETURNS, "column 'status'", "'answerd'", "answered")),
    Case("unknown-question", lambda d: cell(RETURNS, answered_line(d), "question_id", "Q99")(d),
         (RETURNS, "column 'question_id'", "'Q99'")),
    Case("undefined-period", lambda d: cell(RETURNS, answered_line(d), "period", "ye_mar_2030")(d),
         (RETURNS, "column 'period'", "'ye_mar_2030'", "periods in edition.yml")),
    Case("answered-without-value", count(""), (RETURNS, "column 'value'", "since status is")),
    Case("duplicate-row", lambda d: text(RETURNS, lambda s: s + s.split("\n")[1] + "\n")(d),
         (RETURNS, "column 'force_code, question_id, period'", "repeats")),
    # edition.yml
    Case("meta-invalid-yaml", text(META, lambda s: s + "\n  bad: [unclosed\n"),
         (META, "valid YAML", "line")),
    Case("meta-empty", write(META, b""), (META, "it is empty")),
    Case("meta-typo-key", yaml_replace(META, "illustrative:", "illustrtive:"),
         (META, "column 'illustrtive'", "did you mean 'illustrative'")),
    Case("meta-nested-typo-key", yaml_replace(META, "  amount_gbp:", "  amount_gpb:"),
         (META, "funding_ask.amount_gpb", "did you mean 'amount_gbp'")),
    Case("meta-wrong-type", yaml_replace(META, "forces_asked: 43", "forces_asked: many"),
         (META, "column 'forces_asked'", "'many'")),
    Case("meta-undefined-source", yaml_replace(
        META, 'million"\n  source: press_release_2024', 'million"\n  source: nowhere'),
         (META, "funding_ask.source", "'nowhere'", "source id")),
    Case("meta-undefined-period", yaml_replace(META, "current_period: ye_mar_2023",
                                               "current_period: ye_mar_2031"),
         (META, "column 'current_period'", "'ye_mar_2031'")),
    # questions.yml
    Case("question-section-without-template", yaml_replace(QUESTIONS, "section: spo",
                                                           "section: victims"),
         (QUESTIONS, "section", "'victims'")),
    Case("question-undefined-period", yaml_replace(QUESTIONS, "periods: [at_request]",
                                                   "periods: [at_requst]"),
         (QUESTIONS, "periods", "'at_requst'", "a period defined")),
    Case("question-duplicate-id", yaml_replace(QUESTIONS, "id: Q3", "id: Q2"),
         (QUESTIONS, "id", "'Q2'", "each question id once")),
    # pcc_commitments.csv
    Case("pcc-yes", cell(PCC, 2, "committed", "yes"), (PCC, "column 'committed'", "'yes'",
                                                       "true or false")),
    Case("pcc-missing-force", text(PCC, lambda s: "\n".join(
        ln for i, ln in enumerate(s.split("\n")) if i != 1)),
         (PCC, "column 'force_code'", "a row for force E23")),
    Case("pcc-unknown-source", cell(PCC, 3, "source_id", "rumour"),
         (PCC, "column 'source_id'", "'rumour'")),
    Case("pcc-missing-file", lambda d: (d / EDITION / "pcc_commitments.csv").unlink(),
         (PCC, "the file to exist")),
    # national.csv
    Case("national-empty", write(NATIONAL, b""), (NATIONAL, "the file is empty")),
    Case("national-percent-over-100", cell(NATIONAL, 4, "value", "140"),
         (NATIONAL, "column 'value'", "140", "at most 100")),
    Case("national-not-a-number", cell(NATIONAL, 2, "value", "n/a"),
         (NATIONAL, "column 'value'", "'n/a'")),
    Case("national-symlink-outside", link_outside,
         (NATIONAL, "elsewhere.csv", "not a link to somewhere else")),
    # cps.yml
    Case("cps-unknown-status", yaml_replace(CPS, "status: not_collated", "status: lost"),
         (CPS, "column 'status'", "'lost'")),
    # reference/forces.csv
    Case("forces-bad-code", cell(FORCES, 2, "force_code", "X123"),
         (FORCES, "row 1 (line 2)", "column 'force_code'", "'X123'")),
    Case("forces-same-tile", lambda d: (cell(FORCES, 3, "tile_x", "5")(d),
                                        cell(FORCES, 3, "tile_y", "1")(d)),
         (FORCES, "row 2 (line 3)", "tile_x x tile_y")),
    # the command line
    Case("edition-dot-dot", lambda d: None, ("--edition '../2024'", "no '/' or '..'"),
         ("--edition", "../2024")),
    Case("edition-slash", lambda d: None, ("--edition '2024/x'", "no '/' or '..'"),
         ("--edition", "2024/x")),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input_is_named_and_nothing_is_written(case: Case, data_copy: Path,
                                                       tmp_path: Path, capsys):
    case.mutate(data_copy)
    before = {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()
              and not p.is_symlink() and p.stat().st_size < 2**20}
    out = tmp_path / "out"
    args = ("build", "--root", str(ROOT), "--data-dir", str(data_copy), "--out", str(out))
    if not case.args:
        args += ("--edition", EDITION)
    start = time.perf_counter()
    code = main([*args, *case.args])
    seconds = time.perf_counter() - start
    captured = capsys.readouterr()
    message = captured.err + captured.out
    assert code == 1, message
    assert "Traceback" not in message
    for fragment in case.expect:
        assert fragment in message, f"{fragment!r} not in:\n{message}"
    assert "Nothing was written" in message
    assert not out.exists()
    after = {p: p.read_bytes() for p in before}
    assert after == before
    if case.id == "returns-100mb":
        print(f"100 MB returns file rejected in {seconds:.2f} s")
        assert seconds < 5


def test_the_corpus_is_large_and_covers_every_data_file():
    assert len(CASES) >= 40
    files = {f for c in CASES for f in c.expect if f.startswith("data/")}
    assert files == {RETURNS, NATIONAL, PCC, META, QUESTIONS, CPS, FORCES}


def test_a_bom_and_quoted_commas_in_a_note_are_fine(data_copy: Path):
    from nsc_report.data import load_edition

    path = data_copy / EDITION / "foi_returns.csv"
    content = path.read_text(encoding="utf-8").replace(
        "Information not held in a retrievable form",
        '"Not held, not retrievable, and not planned"', 1)
    path.write_bytes(b"\xef\xbb\xbf" + content.encode())
    ed = load_edition(data_copy, EDITION)
    assert (ed.returns["note"] == "Not held, not retrievable, and not planned").any()
    assert os.path.exists(path)
