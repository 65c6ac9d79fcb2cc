"""One way to read a file: whatever stands at the path, the caller gets its text (or bytes) or
an `UnreadableFile` that says what was found on disk, never a traceback.

Files of the data folder are read with `within=` the data folder: then a symbolic link
anywhere on the way from that folder to the file, or a path that leaves it, is refused by name,
so that nothing outside the folder is read, validated, published or copied as if it were data.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from nsc_report.errors import NscReportError

# Zip entries (downloads, workbooks) carry this time, not the build's: output is stable.
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)

MAX_BYTES = 20 * 1024 * 1024  # no file the project reads comes near this

LINK = "it is a symbolic link"   # how a refused link is worded (callers match kind, not text)


class UnreadableFile(NscReportError):
    """The path holds nothing that can be read as the file expected."""

    def __init__(self, path: Path, found: str, what: str = "file", kind: str = "unreadable",
                 detail: int | str | None = None):
        # kind: missing, folder, special, unreadable, too_large (detail: its size), not_utf8
        # (detail: the first byte that is not UTF-8), link (detail: where it points) or
        # outside (a path that leaves the folder it must stay in), for callers that word it.
        self.path, self.found, self.kind, self.detail = path, found, kind, detail
        super().__init__(f"{path}: expected {what}, but {found}")


def inside(path: Path, folder: Path, what: str = "a file") -> Path:
    """The absolute path of `path` ('..' taken away), if it stands in `folder` with no
    symbolic link from the folder down to it (the folder itself may be one: it is where the
    caller was told to look). Open that path, not `path`: '..' after a link would climb
    from wherever the link points."""
    absolute, base = Path(os.path.abspath(path)), Path(os.path.abspath(folder))
    if not absolute.is_relative_to(base):
        raise UnreadableFile(Path(path), f"it is outside {folder}", what, "outside")
    current = base
    for part in absolute.relative_to(base).parts:
        current = current / part
        if current.is_symlink():
            target = os.readlink(current)
            raise UnreadableFile(current, f"{LINK} (to {target}); a file of {folder} is read "
                                          f"only where it stands", what, "link", target)
    return absolute


def regular_file(path: Path, within: Path, what: str = "a file") -> Path:
    """`path`, if a regular file stands there inside `within` (see `inside`), looked at without
    being opened (what a notebook opens is recorded as what its output depends on)."""
    try:
        info = os.lstat(inside(path, within, what))
    except FileNotFoundError:
        raise UnreadableFile(path, "there is nothing there", what, "missing") from None
    except OSError as exc:
        raise UnreadableFile(path, f"it cannot be looked at ({exc.strerror})", what) from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile(path, "it is a folder", what, "folder")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile(path, "it is not a regular file (a device, pipe or socket)", what,
                             "special")
    return path


def read_bytes(path: Path, what: str = "a file", limit: int = MAX_BYTES,
               within: Path | None = None) -> bytes:
    """The file's bytes. With `within`, the file must stand inside that folder (see `inside`)."""
    flags = os.O_RDONLY | os.O_NONBLOCK  # a pipe is refused, not waited on
    target = path
    if within is not None:
        target = inside(path, within, what)
        flags |= os.O_NOFOLLOW           # a link put there since `inside` looked
    try:
        fd = os.open(target, flags)
    except FileNotFoundError:
        raise UnreadableFile(path, "there is nothing there", what, "missing") from None
    except NotADirectoryError:
        raise UnreadableFile(path, "a folder on its path is a file", what, "missing") from None
    except IsADirectoryError:
        raise UnreadableFile(path, "it is a folder", what, "folder") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableFile(path, LINK, what, "link", str(path)) from None
        raise UnreadableFile(path, f"it cannot be read ({exc.strerror})", what) from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableFile(path, "it is a folder", what, "folder")
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(path, "it is not a regular file (a device, pipe or socket)",
                                 what, "special")
        if info.st_size > limit:
            raise UnreadableFile(path, f"it holds {info.st_size:,} bytes, more than the "
                                       f"{limit // 2**20} MB such a file could need", what,
                                 "too_large", info.st_size)
        try:
            data = fh.read(limit + 1)  # a file that grows while read is still bounded
        except OSError as exc:
            raise UnreadableFile(path, f"it cannot be read ({exc.strerror})", what) from None
    if len(data) > limit:
        raise UnreadableFile(path, f"it holds more than the {limit // 2**20} MB such a file "
                                   f"could need", what, "too_large", len(data))
    return data


def read_text(path: Path, what: str = "a text file", limit: int = MAX_BYTES,
              within: Path | None = None) -> str:
    """The file's text (UTF-8, a byte-order mark allowed)."""
    data = read_bytes(path, what, limit, within)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(path, f"byte {exc.start} is not UTF-8 (save it as UTF-8)",
                             what, "not_utf8", exc.start) from None


def files_in(folder: Path, within: Path, suffix: str = "", recursive: bool = False,
             what: str = "a file", hidden: bool = True) -> list[Path]:
    """The regular files in `folder` (a folder of the data folder `within`), sorted; nothing
    if the folder is not there. A link, a device or (unless `recursive`) a sub-folder among
    them is refused by name rather than left out, so that no file is silently skipped.
    Without `hidden`, names beginning with '.' (a file being written, see atomic.py) are
    passed over."""
    if not os.path.lexists(folder):
        return []
    where = inside(folder, within, "a folder")
    if not where.is_dir():
        raise UnreadableFile(folder, "it is not a folder", "a folder", "unreadable")
    found: list[Path] = []
    for entry in sorted(os.scandir(where), key=lambda e: e.name):
        if not hidden and entry.name.startswith("."):
            continue
        path = Path(folder) / entry.name
        if entry.is_symlink():
            target = os.readlink(path)
            raise UnreadableFile(path, f"{LINK} (to {target}); a file of {within} is read only "
                                       f"where it stands", what, "link", target)
        if entry.is_dir():
            if recursive:
                found += files_in(path, within, suffix, recursive, what, hidden)
                continue
            if not suffix or entry.name.endswith(suffix):
                raise UnreadableFile(path, "it is a folder", what, "folder")
            continue
        if not entry.is_file():
            raise UnreadableFile(path, "it is not a regular file (a device, pipe or socket)",
                                 what, "special")
        if entry.name.endswith(suffix):
            found.append(path)
    return found
