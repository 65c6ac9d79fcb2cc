"""The suite's promise about the committed executed notebooks: `make test` re-executes each one
(nbval, on the warm kernels of the project's conftest.py) and fails when a committed output no
longer matches a fresh execution."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import ROOT, copy_data

NOTEBOOK = "code-of-practice.ipynb"  # small, and its outputs are the glued figures


def alter_one_output(path: Path) -> str:
    """Change one figure the notebook recorded (as a hand edit or a stale commit would) and
    return it as it was."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            for mime, value in data.items():
                text = value if isinstance(value, str) else "".join(value)
                if mime.endswith("text/plain") and re.fullmatch(r"'\d+'", text):
                    data[mime] = f"'{int(text.strip(chr(39))) + 1}'"
                    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
                    return text
    raise AssertionError(f"{path.name} records no number to alter")


def test_a_committed_notebook_whose_outputs_were_altered_fails_the_suite(tmp_path: Path):
    project = tmp_path / "project"
    (project / "book").mkdir(parents=True)
    for name in ("pyproject.toml", "conftest.py"):
        shutil.copy2(ROOT / name, project / name)
    copy_data(project / "data")  # the notebooks read ../data
    shutil.copy2(ROOT / "book" / NOTEBOOK, project / "book" / NOTEBOOK)
    altered = project / "book" / "altered.ipynb"
    shutil.copy2(ROOT / "book" / NOTEBOOK, altered)
    before = alter_one_output(altered)

    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA", "book"],
        cwd=project, capture_output=True, text=True, timeout=600)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    failed = re.findall(r"^FAILED (\S+)", output, re.M)
    passed = re.findall(r"^PASSED (\S+)", output, re.M)
    # The altered copy fails where it was altered, and only there; the same notebook as
    # committed passes, so the failure is the alteration's, not the copy's.
    assert failed and all(name.startswith("book/altered.ipynb::") for name in failed), output
    assert any(name.startswith(f"book/{NOTEBOOK}::") for name in passed), output
    assert not any(name.startswith(f"book/{NOTEBOOK}::") for name in failed), output
    assert before in output, output
