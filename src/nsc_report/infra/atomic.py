"""All or nothing: a command that writes puts its result in a temporary place of its own and
renames it into place at the end, so that a failed or interrupted run leaves the target as it
was and can simply be run again.

The temporary place stands beside the target (a rename is atomic only within one file system),
under a hidden name that git ignores (`.<name>.nsc-tmp-<pid>-<random>`). A run killed outright
(`kill -9`, a power cut) cannot remove its own; the next run that writes to the same folder
removes every one whose process is gone (`sweep`).
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MARK = ".nsc-tmp-"  # in every temporary name (and in .gitignore)


def temporary_name(target: Path) -> Path:
    """A name beside `target` that no other process (or call) uses."""
    return target.with_name(f".{target.name}{MARK}{os.getpid()}-{secrets.token_hex(4)}")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def sweep(folder: Path) -> list[Path]:
    """Remove the temporary files and folders that runs no longer running left in `folder`."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not name.startswith(".") or MARK not in name:
            continue
        pid = name.rsplit(MARK, 1)[1].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            _remove(Path(folder) / name)
            removed.append(Path(folder) / name)
    return removed


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temporary path to write the file (or folder) `target` into; on leaving the block
    without an error it replaces `target` (a file by one rename; a folder by two, the old one
    removed after), and on an error it is removed and `target` is left as it was."""
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep(target.parent)
    tmp = temporary_name(target)
    try:
        yield tmp
        if tmp.is_dir() and target.is_dir() and not target.is_symlink():
            old = temporary_name(target)
            os.rename(target, old)
            os.rename(tmp, target)
            _remove(old)
        else:
            os.replace(tmp, target)
    except BaseException:
        _remove(tmp)
        raise


@contextmanager
def filling(folder: Path) -> Iterator[Path]:
    """A temporary folder to write files into; at the end each file is moved into `folder`
    (made if need be, and left otherwise as it was: other files in it stay), and the
    temporary folder, with anything hidden in it (a scratch folder), is removed."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    sweep(folder.parent)
    tmp = temporary_name(folder)
    tmp.mkdir()
    try:
        yield tmp
        folder.mkdir(exist_ok=True)
        for entry in sorted(tmp.iterdir()):
            if not entry.name.startswith("."):
                os.replace(entry, folder / entry.name)
    finally:
        _remove(tmp)


@contextmanager
def creating(folder: Path) -> Iterator[Path]:
    """A temporary folder to fill; renamed to `folder` (which must not exist) at the end, or
    removed on an error."""
    with replacing(folder) as tmp:
        tmp.mkdir()
        yield tmp
        if os.path.lexists(folder):
            raise FileExistsError(errno.EEXIST, "made by another run meanwhile", str(folder))
