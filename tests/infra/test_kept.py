"""Work kept between calls: files parsed once per version, outputs recorded with their keys."""

from __future__ import annotations

import os
from pathlib import Path

from nsc_report.infra.kept import Outputs, digest, file_stamps, parsed


def _bump(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_parsed_once_per_version_of_the_file(tmp_path: Path) -> None:
    calls: list[Path] = []

    def parse(path: Path) -> str:
        calls.append(path)
        return path.read_text()

    source = tmp_path / "a.txt"
    source.write_text("one")
    assert parsed(source, parse) == "one"
    assert parsed(source, parse) == "one"
    assert len(calls) == 1
    source.write_text("two!")
    assert parsed(source, parse) == "two!"
    assert len(calls) == 2


def test_parsed_keeps_one_copy_per_parser(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("abc")

    def upper(path: Path) -> str:
        return path.read_text().upper()

    def length(path: Path) -> int:
        return len(path.read_text())

    assert parsed(source, upper) == "ABC"
    assert parsed(source, length) == 3


def test_file_stamps_change_with_a_file_version(tmp_path: Path) -> None:
    files = [tmp_path / "a", tmp_path / "b"]
    for f in files:
        f.write_text("x")
    before = file_stamps(files)
    assert file_stamps(files) == before
    _bump(files[1])
    assert file_stamps(files) != before


def test_digest_is_independent_of_key_order() -> None:
    assert digest({"a": 1, "b": [1, 2]}) == digest({"b": [1, 2], "a": 1})
    assert digest({"a": 1}) != digest({"a": 2})


def test_outputs_unchanged_only_for_the_same_keys_and_files(tmp_path: Path) -> None:
    outputs = Outputs(tmp_path / "out" / ".record.json")
    made = tmp_path / "out" / "made.csv"
    assert outputs.unchanged(inputs="k1") is None  # nothing recorded yet
    made.parent.mkdir()
    made.write_text("a,b\n")
    assert outputs.keep({made}, inputs="k1", content="c1") == {made, outputs.record}
    # Another process (a new Outputs over the same record) sees the same.
    again = Outputs(tmp_path / "out" / ".record.json")
    assert again.unchanged(inputs="k1") == {made, again.record}
    assert again.unchanged(content="c1") == {made, again.record}
    assert again.unchanged(inputs="k2") is None
    assert again.unchanged(inputs="k1", content="c2") is None
    made.unlink()
    assert again.unchanged(inputs="k1") is None  # a file gone: made again
    assert again.files() == {again.record}


def test_outputs_record_survives_a_corrupt_file(tmp_path: Path) -> None:
    outputs = Outputs(tmp_path / ".record.json")
    outputs.record.write_text("{not json")
    assert outputs.unchanged(inputs="k") is None
    assert outputs.files() == {outputs.record}
