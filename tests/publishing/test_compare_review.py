"""`figures --compare` says what changed: each changed value in full (a sentence is never cut at
the same point before and after), which builds it compared, and it refuses to compare notebooks
older than the data instead of reporting "No published figure changed"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import EDITION, ROOT, rewrite_csv, run_cli

from nsc_report import book
from nsc_report.publishing import review
from nsc_report.publishing.register import Change

BEFORE = ("Change in recorded stalking since YE Mar 2022: 117,672 offences then and 131,200 "
          "now, a rise of 11%.")
AFTER = BEFORE.replace("131,200", "131,300").replace("11%", "12%")


def test_a_long_value_is_shown_in_full_with_the_words_that_differ():
    """The tester's case: 5 of 6 figures read 'Change in recorded stalking since YE Mar 2022:
    ... -> ...', both sides cut at the same point."""
    text = review.table([Change("change/ch_q1_text", BEFORE, AFTER, ["change"]),
                         Change("spo/spo_band_low", "13", "12", ["spo"])])
    lines = text.splitlines()
    assert f"    before: {BEFORE}" in lines and f"    after:  {AFTER}" in lines
    assert "    changed: … “131,200 now, a rise of 11%.” -> … “131,300 now, a rise of 12%.”" \
        in lines
    assert "…" not in BEFORE and not any(line.endswith("…") for line in lines)
    assert any(line.startswith("spo/spo_band_low") and "13 -> 12" in line for line in lines)


def test_a_sentence_that_appeared_is_shown_in_full():
    text = review.table([Change("change/ch_new", None, AFTER, [])])
    assert f"    after:  {AFTER}" in text and "    before: (new)" in text


def test_the_reference_is_named():
    assert review.describe(ROOT, "HEAD").startswith("the notebooks committed at HEAD (")
    assert review.describe(ROOT, "book") == f"the executed notebooks in {ROOT / 'book'}"


def test_notebooks_older_than_the_data_are_not_compared(data_copy: Path, tmp_path: Path):
    """The tester's case: after a data edit, without a rebuild, --compare said 'No published
    figure changed.', having compared the old notebooks."""
    out = tmp_path / "out"
    shutil.copytree(ROOT / "book", out / "book")  # executed for other data: out of date
    rewrite_csv(data_copy / EDITION / "national.csv", lambda rows: [
        dict(r, value="2200") if r["measure"] == "convicted" else r for r in rows])
    project = book.Project(ROOT, data_copy, EDITION, out=out)
    with pytest.raises(book.StaleNotebooks, match=r"older than the data or code .* Build "
                                                  r"first \(`nsc-report build`\), or add "
                                                  r"--fresh"):
        book.figures(project, compare=str(ROOT / "book"))
    with pytest.raises(book.StaleNotebooks):
        book.figures(project, write=tmp_path / "record")  # nor recorded as published
    assert not (tmp_path / "record").exists()


def test_the_command_says_why_it_refuses(data_copy: Path, tmp_path: Path):
    result = run_cli("figures", "--data-dir", str(data_copy), "--out", str(tmp_path / "out"),
                     "--compare", "HEAD")
    assert result.returncode != 0
    assert "Build first" in result.stderr and "Nothing was compared or written." in result.stderr


def test_compared_with_a_recorded_version_it_lists_what_no_version_lists(capsys, monkeypatch):
    """The tester's case: `check` advised `figures --compare data/2024/revisions/v1.0`, which
    listed 279 figures and drafted a revisions.yml entry of 279 ids, every change versions 1.1
    to 1.3 had already recorded (2 were new). Compared with a recorded version it shows, and
    drafts, what `check` counts: the changes no later version lists."""
    from nsc_report.data import load_edition
    from nsc_report.publishing.check import check, recorded_version

    ed = load_edition(ROOT / "data", EDITION)
    folder = ed.directory / "revisions" / "v1.0"
    assert recorded_version(ed, folder) == "1.0"
    assert recorded_version(ed, ROOT / "book") is None
    problems = check(ROOT, ROOT / "data", EDITION, loaded=ed, notebooks=ROOT / "book")
    assert not [p for p in problems if "figures --compare" in p.what]  # all recorded
    # The committed notebooks are those of the last version (taken as up to date: a change of
    # package code on a branch makes them stale until they are executed again).
    monkeypatch.setattr(book, "out_of_date", lambda *args: [])
    book.figures(book.Project(ROOT, ROOT / "data", EDITION),
                 compare=str(folder.relative_to(ROOT)))
    said = capsys.readouterr().out
    assert "No published figure changed." in said and "Draft entry" not in said
    assert "already listed by a later version in revisions.yml" in said
