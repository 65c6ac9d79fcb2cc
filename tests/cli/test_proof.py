"""`nsc-report proof`: every message of every words file with each of its variants, on one
page an editor can read before publication, and a summary on the terminal."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import DATA, ROOT, set_answer, small_data

from nsc_report.cli.main import main
from nsc_report.present import proof, words

HOSTILE = "<script>alert('note')</script> [x](javascript:alert(1))"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = small_data(DATA, tmp_path_factory.mktemp("proof") / "data")
    set_answer(target, "Durham", "Q2", "ye_mar_2023", note=HOSTILE)
    return target


def test_the_proof_sheet_shows_every_variant_of_every_message(data, tmp_path, capsys):
    assert main(["proof", "--data-dir", str(data), "--out", str(tmp_path / "out")]) == 0
    said = capsys.readouterr().out
    page = (tmp_path / "out" / "proof" / "index.html").read_text("utf-8")
    assert f"The proof sheet: {tmp_path / 'out' / 'proof' / 'index.html'}" in said
    total = 0
    for path in words.files(words.PROJECT_FOLDER):  # force.ftl, briefing.ftl, ...
        resource = words.load(path.stem, words.PROJECT_FOLDER)
        variants = sum(len(proof.paths(m.value)) or 1 for m in resource.messages.values())
        assert re.search(rf"{path.name}: {len(resource.messages)} messages, {variants} "
                         rf"variants \((\d+) with real values, (\d+) with examples\)", said)
        for message in resource.messages:  # grouped by file, each message by its id
            assert f'<h3 id="{path.stem}-{message}">{message}</h3>' in page
        total += variants
    assert "every variant renders" in said
    assert page.count("<tr><td>") == total
    # Each variant says what selects it and where its values come from.
    assert "$case = ranked (otherwise)" in page and "$n = one (plural category one" in page
    assert "real values (Durham)" in page and "example $" in page
    # The words around the chapters, with the edition's own values.
    for where in ("nsc-report check", "the downloads", "the site", "the PDF"):
        assert f"real values ({where})" in page, where
    assert "Edition 2024 is not publishable: illustrative data (" in page
    # Escaped, self-contained: the HTML messages and the forces' notes show as text.
    assert "<script" not in page and 'href="../downloads' not in page
    assert "&lt;a href=&quot;durham.html&quot;&gt;" in page
    assert not re.search(r"(src|href)=\"(https?:)?//", page)


def test_a_variant_that_does_not_render_is_named_and_fails_the_command(data, tmp_path, capsys):
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(ROOT / "pyproject.toml", root)
    shutil.copytree(ROOT / "notebooks", root / "notebooks",
                    ignore=shutil.ignore_patterns("*.ipynb"))
    ftl = root / "notebooks" / "force.ftl"
    ftl.write_text(ftl.read_text("utf-8").replace(
        "[alone] { $label }: { $value };", "[alone] { $label }: { force-no-such-message };"),
        "utf-8")
    assert "force-no-such-message" in ftl.read_text("utf-8")  # the variant was broken
    code = main(["proof", "--root", str(root), "--data-dir", str(data),
                 "--out", str(tmp_path / "out")])
    said = capsys.readouterr().out
    assert code == 1
    assert re.search(r"error: force\.ftl: force-standing \[\$case = alone\]: .*force\.ftl, "
                     r"line \d+: .*Unknown message: force-no-such-message", said)
    page = (tmp_path / "out" / "proof" / "index.html").read_text("utf-8")
    assert "Unknown message: force-no-such-message" in page
