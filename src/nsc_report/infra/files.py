"""One way to read a file: whatever stands at the path, the caller gets its text (or bytes) or
an `UnreadableFile` that says what was found on disk, never a traceback."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from nsc_report.errors import NscReportError

# Zip entries (downloads, workbooks) carry this time, not the build's: output is stable.
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)

MAX_BYTES = 20 * 1024 * 1024  # no file the project reads comes near this


class UnreadableFile(NscReportError):
    """The path holds nothing that can be read as the file expected."""

    def __init__(self, path: Path, found: str, what: str = "file", kind: str = "unreadable",
                 detail: int | None = None):
        # kind: missing, folder, special, unreadable, too_large (detail: its size) or
        # not_utf8 (detail: the first byte that is not UTF-8), for callers that word it.
        self.path, self.found, self.kind, self.detail = path, found, kind, detail
        super().__init__(f"{path}: expected {what}, but {found}")


def read_bytes(path: Path, what: str = "a file", limit: int = MAX_BYTES) -> bytes:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise UnreadableFile(path, "there is nothing there", what, "missing") from None
    except NotADirectoryError:
        raise UnreadableFile(path, "a folder on its path is a file", what, "missing") from None
    except OSError as exc:
        raise UnreadableFile(path, f"it cannot be looked at ({exc.strerror})", what) from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile(path, "it is a folder", what, "folder")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile(path, "it is not a regular file (a device, pipe or socket)", what,
                             "special")
    if info.st_size > limit:
        raise UnreadableFile(path, f"it holds {info.st_size:,} bytes, more than the "
                                   f"{limit // 2**20} MB such a file could need", what,
                             "too_large", info.st_size)
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableFile(path, f"it cannot be read ({exc.strerror})", what) from None


def read_text(path: Path, what: str = "a text file", limit: int = MAX_BYTES) -> str:
    """The file's text (UTF-8, a byte-order mark allowed)."""
    data = read_bytes(path, what, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(path, f"byte {exc.start} is not UTF-8 (save it as UTF-8)",
                             what, "not_utf8", exc.start) from None
