"""One way in for files (issue 30, items 3 and 5): a file of the data folder is read where it
stands, never through a link or from a path that leaves the folder; YAML is read within bounds
(no aliases, bounded depth, each key once); a message prints at most a line of any value; a
CSV row with a cell too many or too few is refused, not filled in."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import DATA, EDITION

from nsc_report.cli.main import main
from nsc_report.data import DataValidationError, load_edition
from nsc_report.infra import files
from nsc_report.publishing.config import edition_chapters


def problems(data: Path) -> str:
    with pytest.raises(DataValidationError) as caught:
        load_edition(data, EDITION)
    return str(caught.value)


def validate(data: Path, capsys) -> tuple[int, str]:
    code = main(["validate", "--data-dir", str(data), "--edition", EDITION])
    out = capsys.readouterr()
    return code, out.err + out.out


def outside(data: Path, name: str, content: str) -> Path:
    path = data.parent / name
    path.write_text(content, encoding="utf-8")
    return path


# --- links and paths out of the data folder ----------------------------------------------------

def test_a_chapter_that_links_elsewhere_is_refused_by_validate_and_the_build(data_copy, capsys):
    ed = load_edition(data_copy, EDITION, lazy=True)
    secret = outside(data_copy, "secret.md", "# Secret\n\nroot:x:0:0\n")
    chapter = data_copy / EDITION / "chapters" / "summary.md"
    chapter.unlink()
    chapter.symlink_to(secret)
    code, message = validate(data_copy, capsys)
    assert code == 1 and "Traceback" not in message
    assert f"data/{EDITION}/chapters/summary.md" in message
    assert "not a link to somewhere else" in message and str(secret) in message
    # What stages the chapters for the build refuses it too (a link made after validation).
    with pytest.raises(files.UnreadableFile, match="summary.md.*symbolic link"):
        edition_chapters(ed)


def test_a_chapters_folder_that_links_elsewhere_is_refused(data_copy, capsys):
    elsewhere = data_copy.parent / "elsewhere"
    (data_copy / EDITION / "chapters").rename(elsewhere)
    (data_copy / EDITION / "chapters").symlink_to(elsewhere)
    code, message = validate(data_copy, capsys)
    assert code == 1 and f"data/{EDITION}/chapters" in message and "not a link" in message


def test_a_source_document_that_links_elsewhere_is_refused(data_copy):
    document = data_copy / EDITION / "sources" / "press-release-2024.txt"
    copy = outside(data_copy, "passwd", document.read_text(encoding="utf-8"))
    document.unlink()
    document.symlink_to(copy)
    message = problems(data_copy)
    assert "sources/press-release-2024.txt" in message and "not a link" in message


def test_an_absolute_document_path_is_refused(data_copy):
    document = data_copy / EDITION / "sources" / "press-release-2024.txt"
    copy = outside(data_copy, "press.txt", document.read_text(encoding="utf-8"))
    meta = data_copy / EDITION / "edition.yml"
    text = meta.read_text(encoding="utf-8")
    assert "document: sources/press-release-2024.txt" in text
    meta.write_text(text.replace("document: sources/press-release-2024.txt",
                                 f"document: {copy}"), encoding="utf-8")
    message = problems(data_copy)
    assert "document" in message and str(copy) in message and "absolute" in message


def test_the_reader_refuses_a_link_on_the_way_and_a_path_that_leaves(tmp_path: Path,
                                                                     monkeypatch):
    data = tmp_path / "data"
    (data / "a").mkdir(parents=True)
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "f.txt").write_text("x")
    (data / "b").symlink_to(tmp_path / "real")
    with pytest.raises(files.UnreadableFile) as caught:
        files.read_text(data / "b" / "f.txt", within=data)
    assert caught.value.kind == "link" and caught.value.path == data / "b"
    with pytest.raises(files.UnreadableFile) as caught:
        files.read_text(data / "a" / ".." / ".." / "real" / "f.txt", within=data)
    assert caught.value.kind == "outside"
    # A notebook names the data folder relative to itself: '../data' is inside '../data'.
    (data / "a" / "g.txt").write_text("y")
    monkeypatch.chdir(data / "a")
    assert files.read_text(Path("../../data/a/g.txt"), within=Path("../../data")) == "y"
    os.mkfifo(data / "a" / "pipe")
    with pytest.raises(files.UnreadableFile) as caught:
        files.read_text(data / "a" / "pipe", within=data)  # refused, not waited on
    assert caught.value.kind == "special"


# --- YAML --------------------------------------------------------------------------------------

def edit_meta(data: Path, old: str, new: str) -> None:
    meta = data / EDITION / "edition.yml"
    text = meta.read_text(encoding="utf-8")
    assert old in text, old
    meta.write_text(text.replace(old, new, 1), encoding="utf-8")


def billion_laughs(levels: int) -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    return "\n".join(lines)


def test_an_alias_bomb_under_a_known_key_is_refused_in_a_line(data_copy, capsys):
    # Six levels expand to a million values; the message before printed all of them.
    bomb = billion_laughs(6).replace("\n", "\n  ")
    edit_meta(data_copy, "forces_asked: 43", f"forces_asked:\n  {bomb}\n  value: *a5")
    code, message = validate(data_copy, capsys)
    assert code == 1 and "Traceback" not in message
    assert f"data/{EDITION}/edition.yml" in message and "alias" in message
    assert len(message) < 2000


def test_deep_nesting_is_named_not_a_recursion_error(data_copy, capsys):
    edit_meta(data_copy, "forces_asked: 43", "forces_asked: " + "[" * 10_000 + "]" * 10_000)
    code, message = validate(data_copy, capsys)
    assert code == 1 and "Traceback" not in message and "RecursionError" not in message
    assert f"data/{EDITION}/edition.yml" in message and "nested more than" in message
    line = 1 + (DATA / EDITION / "edition.yml").read_text("utf-8").splitlines().index(
        "forces_asked: 43")
    assert f"line {line}," in message


def test_a_key_given_twice_is_named_with_its_line(data_copy, capsys):
    edit_meta(data_copy, "forces_asked: 43", "forces_asked: 43\nforces_asked: 44")
    code, message = validate(data_copy, capsys)
    assert code == 1
    assert f"data/{EDITION}/edition.yml" in message and "'forces_asked' once" in message
    line = 1 + (DATA / EDITION / "edition.yml").read_text("utf-8").splitlines().index(
        "forces_asked: 43")
    assert f"line {line + 1}" in message and f"first is at line {line}" in message


def test_a_long_value_is_printed_in_a_line(data_copy, capsys):
    edit_meta(data_copy, "forces_asked: 43", "forces_asked: " + "many " * 100_000)
    code, message = validate(data_copy, capsys)
    assert code == 1 and "forces_asked" in message and "499,999 characters" in message
    assert len(message) < 2000


def test_a_number_is_read_as_written_not_as_yaml_1_1_octal(data_copy):
    edit_meta(data_copy, "forces_asked: 43", "forces_asked: 043")
    assert load_edition(data_copy, EDITION, lazy=True).meta.forces_asked == 43  # not 35


def test_every_yaml_file_of_the_package_reads_as_before():
    import yaml
    from helpers import DATA, ROOT

    from nsc_report.infra import yamlfile

    for path in [ROOT / "_config.yml", ROOT / "_toc.yml", *DATA.rglob("*.yml")]:
        text = path.read_text(encoding="utf-8")
        assert yamlfile.load(text) == yaml.safe_load(text), path


# --- CSV ---------------------------------------------------------------------------------------

def test_a_row_with_a_cell_missing_is_refused_not_read_as_empty(data_copy):
    path = data_copy / EDITION / "national.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[1].count(",") == 5 and not lines[1].endswith(",")
    lines[1] = lines[1].rsplit(",", 1)[0]  # the note, and its comma, left out
    path.write_text("\n".join(lines), encoding="utf-8")
    message = problems(data_copy)
    assert f"data/{EDITION}/national.csv, row 1 (line 2)" in message
    assert "6 cells" in message and "5 found" in message


def test_an_explicit_tag_is_refused_not_decoded(data_copy, capsys):
    """`!!binary` decoded base64 into a value (a hostile review found it)."""
    edit_meta(data_copy, "forces_asked: 43", "forces_asked: !!binary NDM=")  # base64 of '43'
    code, message = validate(data_copy, capsys)
    assert code == 1 and "Traceback" not in message
    assert f"data/{EDITION}/edition.yml" in message and "a tag" in message


def test_a_count_in_other_digits_is_named_with_its_value(data_copy, capsys):
    """'٢٦٥٦' (Arabic-Indic digits) was reported as a missing figure, without its value."""
    path = data_copy / EDITION / "foi_returns.csv"
    text = path.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if ",answered," in line
                 and line.split(",")[4].isdigit())
    value = first.split(",")[4]
    arabic = "".join(chr(0x0660 + int(d)) for d in value)
    path.write_text(text.replace(first, first.replace(f",{value},", f",{arabic},", 1), 1),
                    encoding="utf-8")
    code, message = validate(data_copy, capsys)
    assert code == 1 and f"got '{arabic}'" in message and "digits only" in message
