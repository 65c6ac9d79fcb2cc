"""Work done again only when what it is made from changed.

A long-lived build (the preview) stages the site after every save, mostly with nothing that
the register or the downloads are made from changed; a new process (the preview starting on an
up-to-date site) should not redo them either. Two kinds of keeping:

- `parsed`: a file parsed once per version (its size and modification time), in this process;
- `Outputs`: files written from some inputs, with a record beside them (JSON) of the keys they
  were made from and which files they are, so that any later call, in any process, can see
  that they are still what those inputs give.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

_PARSED: dict[tuple[str, Path], tuple[tuple[int, int], Any]] = {}
_LOCK = threading.Lock()


def parsed(path: Path, parse: Callable[[Path], T]) -> T:
    """`parse(path)`, kept while the file keeps its size and modification time: one copy per
    file and parser, shared by every caller (who must not modify it)."""
    stat = path.stat()
    stamp = (stat.st_mtime_ns, stat.st_size)
    key = (f"{parse.__module__}.{parse.__qualname__}", path.resolve())
    with _LOCK:
        kept = _PARSED.get(key)
    if kept is not None and kept[0] == stamp:
        return kept[1]  # type: ignore[no-any-return]
    value = parse(path)
    with _LOCK:
        _PARSED[key] = (stamp, value)
    return value


def file_stamps(paths: Iterable[Path]) -> str:
    """A hash of each file's path, modification time and size (its version, without reading
    it); a missing file counts as a version of its own."""
    stats = []
    for path in paths:
        try:
            stat = path.stat()
            stats.append((str(path), stat.st_mtime_ns, stat.st_size))
        except FileNotFoundError:
            stats.append((str(path), None, None))
    return hashlib.sha256(json.dumps(stats).encode()).hexdigest()


@functools.cache
def code_version(*libraries: str) -> str:
    """A hash of this package's code and of the named libraries' versions: part of every
    recorded key, so that outputs kept on disk are made again after the code that writes them
    changed."""
    from importlib import metadata

    hasher = hashlib.sha256()
    for name in libraries:
        hasher.update(f"{name}=={metadata.version(name)}\n".encode())
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        hasher.update(f"\n--{path.relative_to(package).as_posix()}--\n".encode())
        hasher.update(path.read_bytes())
    return hasher.hexdigest()


def digest(value: object) -> str:
    """A hash of a value made of JSON types."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


@dataclass(frozen=True)
class Outputs:
    """Files written by one step, and the record (`record`, a JSON file) of what they were
    made from. Paths are kept relative to the record's folder."""

    record: Path

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def files(self) -> set[Path]:
        """The files last recorded (those still there), with the record itself."""
        base = self.record.parent
        found = {base / rel for rel in self._read().get("files", [])}
        return {p for p in found if p.is_file()} | ({self.record} if self.record.is_file()
                                                   else set())

    def unchanged(self, **keys: str) -> set[Path] | None:
        """The files last recorded, with the record, if each key given equals the recorded
        one and every file is still there; else None."""
        data = self._read()
        if not data or any(data.get("keys", {}).get(k) != v for k, v in keys.items()):
            return None
        base = self.record.parent
        found = {base / rel for rel in data.get("files", [])}
        if not all(p.is_file() for p in found):
            return None
        return found | {self.record}

    def keep(self, files: Iterable[Path], **keys: str) -> set[Path]:
        """Record `files` as made from `keys`; the files with the record."""
        found = set(files)
        base = self.record.parent
        text = json.dumps({"keys": keys,
                           "files": sorted(os.path.relpath(p, base) for p in found)},
                          indent=1, sort_keys=True) + "\n"
        self.record.parent.mkdir(parents=True, exist_ok=True)
        if not self.record.is_file() or self.record.read_text(encoding="utf-8") != text:
            tmp = self.record.with_name(f".{self.record.name}.tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(self.record)
        return found | {self.record}
