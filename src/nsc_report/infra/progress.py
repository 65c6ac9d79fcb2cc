"""What a build tells the person running it.

On a terminal, a live `rich` display: a bar per stage (notebooks, Sphinx, PDF) with elapsed time,
and one line per notebook with its time as it finishes. Elsewhere (CI logs, a pipe, a test) the
same events as plain lines, so that a log reads top to bottom.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO


class Progress:
    """Stages with optional counted steps. `quiet` prints nothing (tests, library use)."""

    def __init__(self, stream: TextIO | None = None, *, quiet: bool = False,
                 live: bool | None = None):
        self._stream = stream
        self.quiet = quiet
        self.live = (not quiet) and (self.stream.isatty() if live is None else live)
        self._rich = None
        self._task = None

    @property
    def stream(self) -> TextIO:
        """The stream given, or standard output as it is when written to (so that a caller
        that captures it sees the lines)."""
        return self._stream or sys.stdout

    # --- plain messages ---------------------------------------------------------------------
    def message(self, text: str) -> None:
        if self.quiet:
            return
        if self._rich is not None:
            self._rich.console.print(text, markup=False, highlight=False)
        else:
            print(text, file=self.stream, flush=True)

    # --- stages -----------------------------------------------------------------------------
    @contextmanager
    def stage(self, title: str, total: int | None = None) -> Iterator[Progress]:
        """A stage of the build; `advance` inside it counts its steps (e.g. notebooks). A stage
        inside another is told as lines within it, and each says its own time (the time was
        kept on the object, so an outer stage reported only its last inner stage's)."""
        started = time.perf_counter()
        nested = self._rich is not None
        if self.live and not nested:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )
            from rich.progress import Progress as RichProgress

            columns = [SpinnerColumn(), TextColumn("{task.description}")]
            if total:
                columns += [BarColumn(), MofNCompleteColumn()]
            columns.append(TimeElapsedColumn())
            self._rich = RichProgress(*columns, console=Console(file=self.stream),
                                      transient=False)
            self._rich.start()
            self._task = self._rich.add_task(title, total=total)
        else:
            self.message(f"{title} ...")
        try:
            yield self
        finally:
            seconds = time.perf_counter() - started
            if self._rich is not None and not nested:
                self._rich.update(self._task, description=f"{title}: done in {seconds:.1f} s")
                self._rich.stop()
                self._rich = self._task = None
            else:
                self.message(f"  {title}: done in {seconds:.1f} s")

    def advance(self, line: str) -> None:
        """One step of the current stage is done; `line` says which and how long it took."""
        if self._rich is not None and self._task is not None:
            self._rich.advance(self._task)
        self.message(line)


QUIET = Progress(quiet=True)
PLAIN = Progress(live=False)  # plain lines on standard output: the default of library calls
