"""One build at a time per output folder.

A lock file in the output folder names the process that holds it. A second build of the same
folder stops with a message naming that process; a lock left by a process that no longer runs
(a build killed with SIGKILL) is taken over.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from nsc_report.errors import EXIT_LOCKED, NscReportError

LOCK_NAME = ".nsc-build.lock"


class BuildLocked(NscReportError):
    """Another running build holds the output folder."""

    exit_code = EXIT_LOCKED


def _start_time(pid: int) -> str | None:
    """When the process started (Linux), so that a reused process id is not mistaken for the
    build that wrote the lock."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]


def _running(info: dict[str, object]) -> bool:
    pid = info.get("pid")
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    started = info.get("process_start")
    return started is None or started == _start_time(pid)


@contextmanager
def build_lock(folder: Path, command: str | None = None) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    mine = {"pid": os.getpid(), "process_start": _start_time(os.getpid()),
            "command": command or " ".join(["nsc-report", *sys.argv[1:]]),
            "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    while True:
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            try:
                info = json.loads(path.read_text() or "{}")
            except (OSError, ValueError):
                info = {}
            if _running(info):
                raise BuildLocked(
                    f"another build is using {folder}: process {info['pid']} "
                    f"('{info.get('command', '?')}', started {info.get('started', '?')}). Wait "
                    f"for it to finish or stop it; if that process is not a build, delete "
                    f"{path}.") from None
            path.unlink(missing_ok=True)  # left by a build that no longer runs: take it over
            continue
        with os.fdopen(fd, "w") as fh:
            json.dump(mine, fh)
        break
    try:
        yield path
    finally:
        try:
            if json.loads(path.read_text()).get("pid") == os.getpid():
                path.unlink()
        except (OSError, ValueError):
            pass
