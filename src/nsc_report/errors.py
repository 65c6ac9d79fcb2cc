"""The parent of every error the command line reports, with the exit code it ends with.

Every layer raises its own subclass, named for what went wrong; `nsc-report` catches this one
class, prints the message (and what was left untouched) and exits with the error's code.
Imports nothing of the package.
"""

from __future__ import annotations

EXIT_DATA, EXIT_EXECUTE, EXIT_BUILD, EXIT_PDF, EXIT_LOCKED = 1, 2, 3, 4, 5


class NscReportError(Exception):
    """An error a reader of the terminal can act on: its message says what and where."""

    exit_code: int = EXIT_DATA
    # What the command line adds after the message: what this error left as it was.
    unchanged: str = "Nothing was written."

    def report(self) -> str:
        """The lines the command line prints on standard error."""
        return f"error: {self}" + (f"\n{self.unchanged}" if self.unchanged else "")


def shorten(value: object, limit: int = 200) -> object:
    """A value as a message may print it: text cut to `limit` characters on one line (the
    rest counted), so that no message prints more than a few lines of a value, whatever a
    file holds; a value whose text is short is left as it is."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) <= limit:
        return value
    suffix = f" ... ({len(text):,} characters)"
    return " ".join(text[:limit - len(suffix)].split()) + suffix  # itself within the limit
