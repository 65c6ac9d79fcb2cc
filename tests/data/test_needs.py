"""`validate` means "this will build": what the templates read (the questions for their periods,
the national rows, the quotations, the sources named in the sections, who oversees each force
on the publication date) is checked with the data, naming file, row and what is missing, instead
of a KeyError minutes into the build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import DATA, EDITION, ROOT, copy_data, rewrite_csv

from nsc_report.data import DataValidationError, Edition, load_edition
from nsc_report.data.issues import Issue
from nsc_report.data.tables import _load_national
from nsc_report.sections import attrition

TEMPLATES = ROOT / "notebooks"
SYNTHETIC_2025 = ROOT / "tests" / "fixtures" / "editions" / "2025"


def problems(data: Path, edition: str = EDITION) -> str:
    with pytest.raises(DataValidationError) as info:
        load_edition(data, edition, templates=TEMPLATES)
    return str(info.value)


def test_the_committed_editions_and_the_synthetic_one_meet_every_need(tmp_path: Path):
    load_edition(DATA, EDITION, templates=TEMPLATES)
    data = tmp_path / "data"
    copy_data(data)
    shutil.copytree(SYNTHETIC_2025, data / "2025")
    load_edition(data, "2025", templates=TEMPLATES)


def test_a_missing_national_row_is_named_before_the_build(data_copy: Path):
    """The tester's case: the build stopped with KeyError: "national.csv has no
    'conviction_rate' for period ..." in cell 3 of attrition.md after 2 min 46 s."""
    rewrite_csv(data_copy / EDITION / "national.csv",
                lambda rows: [r for r in rows if r["measure"] != "conviction_rate"])
    found = problems(data_copy)
    assert ("data/2024/national.csv, column 'measure, period': expected a row "
            "'conviction_rate,ye_mar_2022,...'") in found
    assert "attrition.md prints it" in found


def test_a_stated_rate_the_counts_do_not_give_is_named(data_copy: Path):
    def edit(rows):
        next(r for r in rows if r["measure"] == "stated_conviction_rate")["value"] = "2.5"
    rewrite_csv(data_copy / EDITION / "national.csv", edit)
    found = problems(data_copy)
    assert "national.csv, row 9 (line 10), column 'value': got 2.5; expected 1.7" in found


def test_the_counts_from_report_to_conviction_are_needed(data_copy: Path):
    rewrite_csv(data_copy / EDITION / "national.csv",
                lambda rows: [r for r in rows if r["measure"] != "charged"])
    assert "rows recorded_stalking, charged, convicted for one period" in problems(data_copy)


def test_every_national_row_left_out_either_fails_validation_or_builds(data_copy: Path):
    """Property over the national table: leaving out any row, or any set of rows of one
    measure, gives an edition that validation refuses or whose national chapter computes."""
    ed = load_edition(DATA, EDITION, templates=TEMPLATES)
    path = data_copy / EDITION / "national.csv"
    original = path.read_text()
    lines = original.splitlines()
    header, rows = lines[0], lines[1:]
    cases = [[r for j, r in enumerate(rows) if j != i] for i in range(len(rows))]
    measures = {r.split(",")[0] for r in rows}
    cases += [[r for r in rows if not r.startswith(m + ",")] for m in sorted(measures)]
    refused = 0
    for kept in cases:
        path.write_text("\n".join([header, *kept]) + "\n")
        issues: list[Issue] = []
        table = _load_national(path, ed._ctx, issues)
        if issues:
            refused += 1
            continue
        mutated = Edition(ed._ctx, {**ed._tables, "national": table})
        attrition.figures(mutated)  # raises if validation let a needed row through
        attrition.chart(mutated)
        attrition.series(mutated)
    assert refused >= 4  # conviction_rate, charge_rate, charged, convicted at least


def test_the_questions_ask_for_the_editions_periods(data_copy: Path):
    """The tester's case: current_period moved to ye_mar_2024 while the codebook still asked
    for 2022 and 2023; validation passed and the letters asked for last year's data."""
    meta = data_copy / EDITION / "edition.yml"
    text = meta.read_text().replace(
        '  at_request:', '  ye_mar_2024: {label: "year ending March 2024", short: "YE Mar 2024"}'
        '\n  at_request:').replace("current_period: ye_mar_2023", "current_period: ye_mar_2024")
    meta.write_text(text.replace("previous_period: ye_mar_2022", "previous_period: ye_mar_2023"))
    found = problems(data_copy)
    assert ("data/2024/questions.yml, column 'questions.0.periods (Q1)': got ['ye_mar_2022', "
            "'ye_mar_2023']; expected ye_mar_2023 and ye_mar_2024") in found
    assert ("column 'questions.0.periods (Q1)': got 'ye_mar_2022'; expected the current period "
            "(ye_mar_2024) or the previous one (ye_mar_2023)") in found
    assert "column 'questions.1.periods (Q2)'" in found


def test_a_question_a_chapter_reads_must_be_asked(data_copy: Path):
    path = data_copy / EDITION / "questions.yml"
    text = path.read_text()
    start = text.index("  - id: Q8")
    path.write_text(text[:start] + text[text.index("  - id: Q9"):])
    assert ("questions.yml, column 'questions': got 'Q8'; expected a question Q8 asking for "
            "at_request: officers.md and the force pages read it") in problems(data_copy)


def test_a_quotation_a_chapter_or_template_prints_must_exist(data_copy: Path):
    path = data_copy / EDITION / "quotations.yml"
    text = path.read_text()
    path.write_text(text.replace("id: npcc-lead", "id: npcc-lead-old")
                    .replace("id: victim\n", "id: victim-old\n"))
    found = problems(data_copy)
    line = next(n for n, text in enumerate(
        (ROOT / "notebooks" / "attrition.md").read_text("utf-8").splitlines(), 1)
        if "nsc-quote} npcc-lead" in text)
    assert ("quotations.yml, column 'quotations': got 'npcc-lead'; expected a quotation "
            f"'npcc-lead': notebooks/attrition.md prints it (line {line})") in found
    assert "expected a quotation 'victim': chapters/victim-voice.md prints it" in found


def test_a_source_the_sections_cite_by_name_must_exist(data_copy: Path):
    meta = data_copy / EDITION / "edition.yml"
    meta.write_text(meta.read_text().replace("pcc_commitment_year: 2022",
                                             "pcc_commitment_year: 2023"))
    assert ("edition.yml, column 'sources': got 'pcc_pledge_2023'; expected a source "
            "'pcc_pledge_2023'") in problems(data_copy)


def test_every_force_is_overseen_on_the_publication_date(data_copy: Path):
    meta = data_copy / EDITION / "edition.yml"
    meta.write_text(meta.read_text().replace("publication_date: 2024-04-22",
                                             "publication_date: 2011-04-22"))
    assert ("reference/oversight.csv, column 'force_code': expected a row for force E23000001 "
            "covering 2011-04-22, the publication date") in problems(data_copy)
