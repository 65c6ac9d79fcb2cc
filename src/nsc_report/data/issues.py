"""A problem found in the data (file, row, column, value and what was expected), and the error that
lists them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nsc_report.errors import NscReportError, shorten


@dataclass(frozen=True)
class Issue:
    """One problem found in the data."""

    file: str
    row: int | None
    column: str | None
    value: Any
    expected: str
    # The line of a value still marked FILL IN in a YAML file (None for every other issue), so
    # that a command can tell which settings are unfinished (the letters need only some).
    marked_line: int | None = None
    # What was probably meant ("did you mean `not_held`?"), printed after what was expected.
    hint: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row} (line {self.row + 1})"
        if self.column:
            where += f", column '{self.column}'"
        got = "" if self.value is None else f"got {shorten(self.value)!r}; "
        hint = f"; {self.hint}" if self.hint else ""
        return f"{where}: {got}expected {self.expected}{hint}"


class DataValidationError(NscReportError):
    """Raised with every issue found in an edition's data."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues
        lines = "\n".join(f"  - {issue}" for issue in issues)
        super().__init__(f"{len(issues)} problem(s) in the edition data:\n{lines}")


def _once_per_cell(issues: list[Issue]) -> list[Issue]:
    """A cell that could not be read is reported for that alone, not again by the rules that
    then find it empty; a setting still marked FILL IN is reported as that alone, not again
    by its file's model, which finds the marker no valid value (cps.yml's `status: FILL IN`
    was listed twice)."""
    unreadable = {(i.file, i.row, i.column) for i in issues
                  if i.expected.endswith("or an empty cell")}
    marked = {(i.file, i.column) for i in issues if i.marked_line is not None and i.column}
    return [i for i in issues if ((i.file, i.row, i.column) not in unreadable
                                  or i.expected.endswith("or an empty cell"))
            and not (i.marked_line is None and i.row is None and i.column
                     and (i.file, i.column.rsplit(".", 1)[-1]) in marked)]
