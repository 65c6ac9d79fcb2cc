"""Results kept in the user's cache folder (as pip keeps wheels), shared by every build, kernel
and checkout of the machine: what is kept there is a pure function of its key, so a kept copy
is exactly what making it again would give.

`NSC_REPORT_CACHE` names another folder, or turns the cache off (`off`); otherwise the folder is
`$XDG_CACHE_HOME/nsc-report` (`~/.cache/nsc-report`). A folder that cannot be written only costs
the time of making the result again.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

CACHE_ENV = "NSC_REPORT_CACHE"


def user_cache() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    named = os.environ.get(CACHE_ENV, "").strip()
    if named.lower() == "off":
        return None
    if named:
        return Path(named)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "nsc-report"


def cache_key(*parts: str) -> str:
    """A key for a result made from `parts` (what it is made of, and the versions of what
    makes it)."""
    digest = hashlib.sha256()
    for part in parts:
        encoded = part.encode("utf-8")
        digest.update(f"{len(encoded)}:".encode())  # lengths: no two lists hash alike
        digest.update(encoded)
    return digest.hexdigest()


def kept_bytes(kind: str, key: str, make: Callable[[], bytes], suffix: str = ".bin") -> bytes:
    """The bytes kept under `kind/key`, or `make()` kept there for next time."""
    folder = user_cache()
    path = None if folder is None else folder / kind / key[:2] / f"{key}{suffix}"
    if path is not None:
        try:
            return path.read_bytes()
        except OSError:
            pass  # not kept yet (or unreadable): make it
    made = make()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Written whole under a temporary name, then renamed: a reader in another process
            # sees the old state or the whole file, never half of it.
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(made)
            os.replace(tmp, path)
        except OSError:
            pass
    return made


def kept_text(kind: str, key: str, make: Callable[[], str], suffix: str = ".txt") -> str:
    """The text kept under `kind/key`, or `make()` kept there for next time (a kept copy that
    is not UTF-8 is made again)."""
    data = kept_bytes(kind, key, lambda: make().encode("utf-8"), suffix)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return make()
