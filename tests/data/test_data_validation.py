"""Every validation rule, with at least one bad input each: the error names the file, the row,
the column, the bad value and what was expected; all problems are listed at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import EDITION, rewrite_csv, run_cli, set_answer

from nsc_report.data import DataValidationError, load_edition

RETURNS = f"data/{EDITION}/foi_returns.csv"


def issues_of(data_dir: Path) -> list[str]:
    with pytest.raises(DataValidationError) as info:
        load_edition(data_dir, EDITION)
    return [str(issue) for issue in info.value.issues]


def test_committed_data_is_valid():
    from helpers import DATA

    ed = load_edition(DATA, EDITION)
    assert len(ed.returns) == 602


def test_value_that_is_not_a_number(data_copy):
    set_answer(data_copy, "Durham", "Q1", "ye_mar_2022", value="12x3")
    (issue,) = issues_of(data_copy)
    assert issue == (f"{RETURNS}, row 15 (line 16), column 'value': got '12x3'; "
                     f"expected a whole number written in digits only (no commas, decimals, "
                     f"signs or exponents), or an empty cell")


def test_value_that_is_not_whole(data_copy):
    set_answer(data_copy, "Durham", "Q6", "at_request", value="1.5")
    assert "expected a whole number" in issues_of(data_copy)[0]


def test_negative_count(data_copy):
    set_answer(data_copy, "Durham", "Q6", "at_request", value="-2")
    (issue,) = issues_of(data_copy)
    assert "column 'value': got '-2'; expected a count of 0 or more" in issue


def test_unknown_force_code(data_copy):
    rewrite_csv(data_copy / EDITION / "foi_returns.csv",
                lambda rows: rows.__setitem__(29, {**rows[29], "force_code": "E99999999"}))
    found = issues_of(data_copy)
    assert any("row 30 (line 31), column 'force_code': got 'E99999999'; expected one of the "
               "43 force codes" in i for i in found)
    # The force whose row was changed is now missing that row.
    assert any("missing Q1 ye_mar_2023" in i for i in found)


def test_unknown_question_and_period_and_status(data_copy):
    def edit(rows):
        rows[0]["question_id"] = "Q99"
        rows[1]["period"] = "ye_mar_2030"
        rows[2]["status"] = "lost"
    rewrite_csv(data_copy / EDITION / "foi_returns.csv", edit)
    found = "\n".join(issues_of(data_copy))
    assert "row 1 (line 2), column 'question_id': got 'Q99'; expected question ids" in found
    assert "row 2 (line 3), column 'period': got 'ye_mar_2030'" in found
    assert "row 3 (line 4), column 'status': got 'lost'; expected a status" in found


def test_period_not_asked_for_that_question(data_copy):
    rewrite_csv(data_copy / EDITION / "foi_returns.csv",
                lambda rows: rows[2].__setitem__("period", "at_request"))  # Q2 is YE Mar 2023
    found = issues_of(data_copy)
    assert any("row 3 (line 4), column 'period': got 'at_request'; expected a period asked "
               "in Q2: ye_mar_2023" in i for i in found)


def test_answered_without_a_figure(data_copy):
    set_answer(data_copy, "Durham", "Q2", "ye_mar_2023", status="answered")
    (issue,) = issues_of(data_copy)
    assert "column 'value'" in issue and "since status is 'answered'" in issue


def test_figure_given_with_a_status_that_has_none(data_copy):
    set_answer(data_copy, "Durham", "Q1", "ye_mar_2022", status="not_held")
    (issue,) = issues_of(data_copy)
    assert "column 'value': got 1243" in issue and "expected an empty 'value'" in issue


def test_partial_answer_needs_a_note(data_copy):
    set_answer(data_copy, "Durham", "Q6", "at_request", status="partial", note="")
    (issue,) = issues_of(data_copy)
    assert "column 'note'" in issue and "a note saying what is missing" in issue


def test_duplicate_row(data_copy):
    rewrite_csv(data_copy / EDITION / "foi_returns.csv", lambda rows: rows + [rows[0]])
    (issue,) = issues_of(data_copy)
    assert "row 603 (line 604)" in issue and "one row per force_code x question_id x period" \
        in issue


def test_missing_row_for_a_force(data_copy):
    rewrite_csv(data_copy / EDITION / "foi_returns.csv", lambda rows: rows[1:])
    (issue,) = issues_of(data_copy)
    assert "expected rows for force E23000013: missing Q1 ye_mar_2022" in issue


def test_spo_outcomes_cannot_exceed_applications(data_copy):
    set_answer(data_copy, "Durham", "Q13", "ye_mar_2023", status="answered", value=40)
    (issue,) = issues_of(data_copy)
    assert "column 'value': got 40; expected at most 2, the force's SPO applications" in issue


def test_wrong_columns(data_copy):
    path = data_copy / EDITION / "foi_returns.csv"
    path.write_text(path.read_text().replace("force_code,", "force,", 1))
    (issue,) = issues_of(data_copy)
    assert "expected exactly the columns" in issue


def test_missing_file(data_copy):
    (data_copy / EDITION / "cps.yml").unlink()
    assert issues_of(data_copy) == [f"data/{EDITION}/cps.yml: expected the file to exist"]


def test_yaml_that_does_not_parse(data_copy):
    (data_copy / EDITION / "questions.yml").write_text("questions: [unclosed\n")
    assert "expected valid YAML" in issues_of(data_copy)[0]


def test_edition_metadata_schema(data_copy):
    path = data_copy / EDITION / "edition.yml"
    path.write_text(path.read_text().replace("illustrative: true", "illustrative: maybe"))
    (issue,) = issues_of(data_copy)
    assert issue.startswith(f"data/{EDITION}/edition.yml, column 'illustrative': got 'maybe'")


def test_unknown_source_in_national_figures_and_percent_range(data_copy):
    def edit(rows):
        rows[2]["source_id"] = "a_blog"
        rows[3]["value"] = "140"
    rewrite_csv(data_copy / EDITION / "national.csv", edit)
    found = "\n".join(issues_of(data_copy))
    assert "national.csv, row 3 (line 4), column 'source_id': got 'a_blog'" in found
    assert "national.csv, row 4 (line 5), column 'value'" in found
    assert "a percentage of at most 100" in found


def test_commitments_must_be_true_or_false_for_every_force(data_copy):
    def edit(rows):
        rows[0]["committed"] = "yes"
        return rows[:-1]
    rewrite_csv(data_copy / EDITION / "pcc_commitments.csv", edit)
    found = "\n".join(issues_of(data_copy))
    assert "pcc_commitments.csv, row 1 (line 2), column 'committed': got 'yes'; expected true " \
           "or false" in found
    assert "expected a row for force W15000003" in found


def test_reference_forces_codes_and_tiles(data_copy):
    def edit(rows):
        rows[0]["force_code"] = "X1"
        rows[1]["tile_x"], rows[1]["tile_y"] = rows[2]["tile_x"], rows[2]["tile_y"]
    rewrite_csv(data_copy / "reference" / "forces.csv", edit)
    found = "\n".join(issues_of(data_copy))
    assert "forces.csv, row 1 (line 2), column 'force_code': got 'X1'; expected an ONS code" \
        in found
    assert "forces.csv, row 3 (line 4)" in found and "one row per tile_x x tile_y" in found


def test_every_problem_is_listed_at_once(data_copy):
    set_answer(data_copy, "Durham", "Q1", "ye_mar_2022", value="abc")
    set_answer(data_copy, "Durham", "Q6", "at_request", value="-1")
    (data_copy / EDITION / "cps.yml").write_text("status: maybe\n")
    assert len(issues_of(data_copy)) >= 5


def test_cli_exits_non_zero_and_writes_nothing(data_copy, tmp_path):
    set_answer(data_copy, "Durham", "Q1", "ye_mar_2022", value="12x3")
    out = tmp_path / "out"
    result = run_cli("build", "--data-dir", str(data_copy), "--out", str(out))
    assert result.returncode == 1
    assert "foi_returns.csv, row 15 (line 16), column 'value': got '12x3'" in result.stderr
    assert "Nothing was written" in result.stderr
    assert not out.exists()
