"""What a failed notebook says: where it failed and how it got there.

The first line is as it always was ("notebooks/spo.md failed in cell 5 (execution count 4):
NameError: ..."), and tests and people grep for it. The cell number there counts the executed
notebook's cells (Markdown and the parameters papermill injects included), which nobody can
count in a `.md` template, so the lines after it say:

- the template cell: its line in the `.md` file, its place among the template's code cells and
  its first line;
- the package module where it failed, if it did (the innermost frame under nsc_report/):
  file, line and function;
- the last frames of the traceback, one or two lines each, at most TRACEBACK_LINES.

The traceback comes from the kernel (papermill's PapermillExecutionError carries IPython's
formatted frames, colours and all) or, for an error in this process, from the exception itself.
Nothing here may fail: whatever cannot be found is left out, and the first line stays.
"""

from __future__ import annotations

import re
import traceback as tb
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TRACEBACK_LINES = 15
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# IPython's frames: "File /path/x.py:92, in name(args)" and "Cell In[5], line 2"; a plain
# Python traceback's: 'File "/path/x.py", line 92, in name'.
_FILE = re.compile(r"^\s*File (?P<path>\S.*?):(?P<line>\d+)(?:, in (?P<func>.+))?$")
_PLAIN = re.compile(r'^\s*File "(?P<path>[^"]+)", line (?P<line>\d+)(?:, in (?P<func>.+))?$')
_CELL = re.compile(r"^\s*Cell (?:In\s*)?\[(?P<count>\d+)\], line (?P<line>\d+)")
_ARROW = re.compile(r"^\s*-*>\s*(?P<line>\d+)\s?(?P<code>.*)$")
# A module of the package, wherever it is installed: 'src/nsc_report/...' in a checkout.
_PACKAGE = re.compile(r"(?:src/)?nsc_report/\S+\.py$")
_LIBRARY = re.compile(r"(?:site|dist)-packages/(\S+\.py)$")


@dataclass
class Frame:
    where: str                   # 'src/nsc_report/sections/spo.py' or 'cell [5]'
    line: int
    func: str = ""
    code: str = ""
    cell: int | None = None      # the execution count, for a frame in a notebook cell

    @property
    def in_package(self) -> bool:
        return self.cell is None and bool(_PACKAGE.search(self.where))

    def lines(self) -> list[str]:
        head = (f"cell [{self.cell}], line {self.line}" if self.cell is not None else
                f"{self.where}, line {self.line}" + (f", in {self.func}" if self.func else ""))
        return [head, *([f"  {_cut(self.code)}"] if self.code else [])]


def _clean(text: str) -> str:
    return _CONTROL.sub("", _ANSI.sub("", text))


def _cut(text: str, limit: int = 120) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _short_path(path: str) -> str:
    """A frame's file as a reader finds it: the package's from src/, a library's from its
    name; any other as given."""
    path = path.replace("\\", "/")
    for pattern in (_PACKAGE, _LIBRARY):
        found = pattern.search(path)
        if found:
            return found.group(1) if pattern is _LIBRARY else found.group(0)
    return path


def frames_of(exc: BaseException) -> list[Frame]:
    """The frames of a failure, outermost first: from the kernel's traceback if it has one,
    else from the exception's own."""
    lines = getattr(exc, "traceback", None)
    if isinstance(lines, (list, tuple)):
        lines = "\n".join(str(line) for line in lines)
    if isinstance(lines, str) and lines.strip():
        return _parse(_clean(lines).splitlines())
    return [Frame(_short_path(f.filename), f.lineno or 0, f.name, f.line or "")
            for f in tb.extract_tb(exc.__traceback__)]


def _parse(lines: list[str]) -> list[Frame]:
    """Frames from IPython's traceback (the failing line marked '---->', among lines of
    context) or a plain one (the failing line alone, under its 'File' line)."""
    frames: list[Frame] = []
    plain = False
    for line in lines:
        cell, file = _CELL.match(line), _FILE.match(line) or _PLAIN.match(line)
        if cell:
            frames.append(Frame("cell", int(cell["line"]), cell=int(cell["count"])))
            plain = False
        elif file:
            func = (file["func"] or "").split("(")[0].strip()
            frames.append(Frame(_short_path(file["path"]), int(file["line"]), func))
            plain = file.re is _PLAIN
        elif frames and not frames[-1].code:
            arrow = _ARROW.match(line)
            if arrow and not plain:
                frames[-1].code = arrow["code"]
            elif plain and line.strip():
                frames[-1].code = line
    return frames


def template_cell(template: Path, source: str, notebook: Any, line: int | None) -> str | None:
    """The template's cell whose code failed, `line` being the failing line of it: the line
    in a `.md` template, the cell's place among the code cells and its first line
    ('notebooks/spo.md, line 49: code cell 4 of 9, which begins `tables = spo.tables(ed)`')."""
    code = [c for c in notebook.cells if c.cell_type == "code"]
    index = next((i for i, c in enumerate(code) if c.source == source), None)
    if index is None:
        return None  # the parameters papermill injected, which the template does not hold
    first = next((text for text in source.splitlines() if text.strip()), "")
    where = f"notebooks/{template.name}"
    start = _line_in(template, source) if template.suffix == ".md" else None
    if start is not None:
        # The cell's line counts from its first line; blank lines at its top are not kept.
        where += f", line {start + line - 1 - _leading_blank(source) if line else start}"
    of_cell = f", line {line} of it" if line else ""
    return (f"{where}: code cell {index + 1} of {len(code)}{of_cell}, which begins "
            f"`{_cut(first, 80)}`")


def _leading_blank(source: str) -> int:
    lines = source.splitlines()
    return next((i for i, text in enumerate(lines) if text.strip()), 0)


def _line_in(template: Path, source: str) -> int | None:
    """The line of the template on which the cell's code begins."""
    text = template.read_text(encoding="utf-8").splitlines()
    wanted = source.splitlines()
    while wanted and not wanted[0].strip():
        wanted.pop(0)
    if not wanted:
        return None
    for number in range(len(text) - len(wanted) + 1):
        if text[number:number + len(wanted)] == wanted:
            return number + 1
    return next((n for n, line in enumerate(text, 1) if line == wanted[0]), None)


def details(template: Path, exc: BaseException, notebook: Any | None) -> list[str]:
    """The lines after a failure's first: the template cell, the package module, the last
    frames (each line indented by two spaces)."""
    out: list[str] = []
    frames = frames_of(exc)
    source = getattr(exc, "source", None)
    if isinstance(source, str) and notebook is not None:
        count = getattr(exc, "exec_count", None)
        own = next((f for f in frames if f.cell is not None and f.cell == count), None)
        cell = template_cell(template, source, notebook, own.line if own else None)
        if cell is not None:
            out.append(f"  in the template: {cell}")
    package = [f for f in frames if f.in_package]
    if package:
        inner = package[-1]
        func = f", in {inner.func}" if inner.func else ""
        out.append(f"  in the package: {inner.where}, line {inner.line}{func}")
    shown = [f"    {line}" for frame in frames for line in frame.lines()]
    if shown:
        room = TRACEBACK_LINES - 1  # under the heading
        if len(shown) > room:
            shown = ["    ...", *shown[-(room - 1):]]  # the innermost frames, where it failed
        out += ["  traceback (innermost last):", *shown]
    return out
