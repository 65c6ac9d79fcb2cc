"""What a failed notebook says: where it failed and how it got there.

One numbering of cells, the one an author can count in the template: the first line reads
"notebooks/spo.md failed in code cell 3 of 9, line 2 (line 49 of the file): NameError: ...",
the code cell counted among the template's code cells (the `.md` file's line beside it), and
the traceback's frames in notebook cells are numbered the same way. The executed notebook's
cell index and the kernel's execution count (which count Markdown and the parameters papermill
injects) are not shown. The lines after the first say:

- the cell's first line;
- the package module where it failed, if it did (the innermost frame under nsc_report/):
  file, line and function;
- the last frames of the traceback, one or two lines each, at most TRACEBACK_LINES.

The traceback comes from the kernel (papermill's PapermillExecutionError carries IPython's
formatted frames, colours and all) or, for an error in this process, from the exception itself.
Nothing here may fail: whatever cannot be found is left out, and the error is still named.
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
    where: str                   # 'src/nsc_report/sections/spo.py' or 'cell'
    line: int
    func: str = ""
    code: str = ""
    cell: int | None = None      # the execution count, for a frame in a notebook cell
    number: int | None = None    # ... and its place among the template's code cells

    @property
    def in_package(self) -> bool:
        return self.cell is None and bool(_PACKAGE.search(self.where))

    def lines(self) -> list[str]:
        if self.cell is not None:
            # A cell the template's numbering cannot place (the injected parameters) is
            # named without a number rather than by a count nobody can find.
            cell = f"code cell {self.number}" if self.number else "a notebook cell"
            head = f"{cell}, line {self.line}"
        else:
            head = f"{self.where}, line {self.line}" + (f", in {self.func}" if self.func else "")
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


@dataclass
class Cell:
    """The template's code cell that failed, in the one numbering an author can count: its
    place among the template's code cells (and, in a `.md` template, the file's line)."""

    number: int                  # 1-based, among the template's code cells
    of: int                      # how many code cells the template has
    first: str                   # its first line that is not blank
    line: int | None = None      # the failing line, counted within the cell
    file_line: int | None = None  # the failing line (or the cell's first) in a `.md` file

    def where(self) -> str:
        at = f"code cell {self.number} of {self.of}" + (f", line {self.line}" if self.line
                                                         else "")
        if self.file_line is not None:
            at += f" (line {self.file_line} of the file)"
        return at


def template_cell(template: Path, source: str, notebook: Any, line: int | None) -> Cell | None:
    """The template's cell whose code failed, `line` being the failing line of it; None for
    a cell the template does not hold (the parameters papermill injected)."""
    code = [c for c in notebook.cells if c.cell_type == "code"]
    index = next((i for i, c in enumerate(code) if c.source == source), None)
    if index is None:
        return None
    first = next((text for text in source.splitlines() if text.strip()), "")
    start = _line_in(template, source) if template.suffix == ".md" else None
    file_line = None
    if start is not None:
        # The cell's line counts from its first line; blank lines at its top are not kept.
        file_line = start + line - 1 - _leading_blank(source) if line else start
    return Cell(index + 1, len(code), _cut(first, 80), line, file_line)


def cell_numbers(notebook: Any, failed: Cell, count: int) -> dict[int, int]:
    """Execution count -> the template's code cell number, for the frames of a traceback.

    The kernel starts each notebook at count 1 and runs its code cells in order, the cell of
    parameters papermill injects (after the cell tagged `parameters`, else first) among them;
    the failing cell's count tells whether it was injected. A count that cannot be placed is
    left out (its frame is shown without a number)."""
    code = [c for c in notebook.cells if c.cell_type == "code"]
    numbers: list[int | None] = list(range(1, len(code) + 1))
    if count - failed.number == 1:
        tagged = next((i for i, c in enumerate(code)
                       if "parameters" in c.get("metadata", {}).get("tags", [])), -1)
        numbers.insert(tagged + 1, None)
    elif count != failed.number:
        return {count: failed.number}
    return {n: number for n, number in enumerate(numbers, 1) if number is not None}


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


def located(template: Path, exc: BaseException, notebook: Any | None
            ) -> tuple[Cell | None, list[Frame]]:
    """The template cell that failed (if it can be found) and the failure's frames, the
    frames in notebook cells numbered as the template's code cells."""
    frames = frames_of(exc)
    source = getattr(exc, "source", None)
    if not isinstance(source, str) or notebook is None:
        return None, frames
    count = getattr(exc, "exec_count", None)
    own = next((f for f in frames if f.cell is not None and f.cell == count), None)
    cell = template_cell(template, source, notebook, own.line if own else None)
    if cell is not None and isinstance(count, int):
        numbers = cell_numbers(notebook, cell, count)
        for frame in frames:
            if frame.cell is not None:
                frame.number = numbers.get(frame.cell)
    return cell, frames


def describe(where: str, template: Path, exc: BaseException, notebook: Any | None) -> str:
    """The failure: its first line names the template, the code cell (by its place among the
    template's code cells, and in a `.md` template the file's line) and the error; the lines
    after it the cell's first line, the package module and the last frames."""
    error = f"{getattr(exc, 'ename', type(exc).__name__)}: {getattr(exc, 'evalue', exc)}"
    index = getattr(exc, "cell_index", None)
    try:
        cell, frames = located(template, exc, notebook)
    except Exception:  # noqa: BLE001 - the location is a help; the failure is reported anyway
        cell, frames = None, []
    if cell is not None:
        first = f"{where} failed in {cell.where()}: {error}"
    elif index is not None:
        # Papermill counts the executed notebook's cells from 0, the injected ones included.
        first = (f"{where} failed in a cell the template does not hold (cell {index + 1} of "
                 f"the executed notebook): {error}")
    else:
        first = f"{where} failed: {type(exc).__name__}: {exc}"
    return "\n".join([first, *details(cell, frames)])


def details(cell: Cell | None, frames: list[Frame]) -> list[str]:
    """The lines after a failure's first: the cell's first line, the package module, the last
    frames (each line indented by two spaces)."""
    out: list[str] = []
    if cell is not None:
        out.append(f"  the cell begins `{cell.first}`")
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


def grouped(failed: list[tuple[str, str]]) -> str:
    """The failures of a run, `(label, description)` for each notebook, each said once: one
    typo in the force pages' words stopped 23 notebooks with the same error, printed 23 times
    (325 lines). An identical failure of several notebooks of one template is given once,
    naming the first and counting the others."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for label, text in failed:
        groups.setdefault(text.replace(f" (as {label})", "", 1), []).append((label, text))
    said = []
    for members in groups.values():
        label, text = members[0]
        others = len(members) - 1
        if others:
            text = text.replace(f" (as {label})", f" (as {label} and {others} other "
                                f"notebook{'s' if others > 1 else ''} of the same template, "
                                f"stopped by the same error)", 1)
        said.append(text)
    return "\n".join(said)
