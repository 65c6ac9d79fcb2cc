"""The tests' scratch copies of the project see the committed edition only.

A new user follows the README: `new-edition 2025` writes data/2025 into their working tree. The
tests of the committed edition copy the tree's data folder, then run `new-edition 2025` in the
copy ("data/2025 exists already") or build it (2025 would become the landing page): 31 of them
failed for a reason the user could not see. Every helper that copies the tree's data (the
`data_copy` fixture, `copy_data`, `small_data`, `project_copy`) leaves such editions out.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import DATA, EDITION, ROOT, copy_data, project_copy, small_data

from nsc_report.cycle.new_edition import new_edition

NEW = str(int(EDITION) + 1)


def tree_with_next_edition(tmp_path: Path) -> Path:
    """A working tree as the README leaves it after `new-edition`: the committed edition, the
    shared folders and a new edition beside them (and a project file, to be a project)."""
    tree = tmp_path / "tree"
    tree.mkdir()
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    data = Path(shutil.copytree(DATA, tree / "data",
                                ignore=shutil.ignore_patterns(*(p.name for p in DATA.iterdir()
                                                                if p.name > EDITION
                                                                and p.name.isdigit()))))
    new_edition(data, NEW, EDITION)
    assert (data / NEW / "edition.yml").is_file()
    return tree


def editions(data: Path) -> list[str]:
    return sorted(p.name for p in data.iterdir() if p.is_dir())


def test_the_copies_of_a_tree_leave_out_the_editions_its_user_added(tmp_path: Path):
    tree = tree_with_next_edition(tmp_path)
    data = tree / "data"
    shared = sorted(p.name for p in DATA.iterdir() if p.is_dir() and not p.name.isdigit())
    committed = sorted([EDITION, *shared])

    assert editions(copy_data(tmp_path / "copy", data, tree=data)) == committed
    assert editions(small_data(data, tmp_path / "small", tree=data)) == committed
    assert editions(project_copy(tmp_path / "project", root=tree) / "data") == committed
    # What a test then does in its copy works, as on a fresh clone.
    new_edition(tmp_path / "copy", NEW, EDITION)
    # A data folder a test made itself keeps its later editions: they are the test's own.
    assert NEW in editions(copy_data(tmp_path / "own", data))
    assert NEW in editions(small_data(data, tmp_path / "own-small"))


def test_the_data_copy_fixture_holds_the_committed_edition(data_copy: Path):
    assert EDITION in editions(data_copy)
    assert all(not name.isdigit() or name <= EDITION for name in editions(data_copy))
