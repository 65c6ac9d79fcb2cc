"""Plain, accessible HTML tables for notebook output (stable markup, no random ids).

A table of data that are not published says so in each cell that holds them: the cell carries
the mark of its status, as a figure in a sentence does (the page's note says what the mark
means, and that a figure without one is published), so a constructed value never reads as a
published one, whatever column or row a reader looks at."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from nsc_report.present import phrasing, words


@dataclass
class Table:
    name: str
    caption: str
    frame: pd.DataFrame
    links: Mapping[str, str] = field(default_factory=dict)  # first-column text -> href
    # The status of the data in the `marked` columns (provenance.py): each of their cells
    # that holds a value is marked, where the status is not published.
    status: str = "published"
    marked: tuple[str, ...] = ()
    # Columns whose text holds one paragraph per line (a version's changes): set as paragraphs.
    paragraphs: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        unknown = [c for c in self.marked if c not in self.frame.columns]
        if unknown:
            raise ValueError(f"table {self.name!r}: no column {unknown} to mark")

    def _cell(self, column: str, value: Any, target: str) -> str:
        text = str(value)
        if target == "html":
            text = html.escape(text)
        if column in self.marked and text.strip():
            text += words.provenance_mark(self.status, target)
        if column in self.paragraphs and target == "html" and "\n" in text:
            return "".join(f'<p class="nsc-cell-paragraph">{line}</p>'
                           for line in text.split("\n") if line.strip())
        return text

    def html(self) -> str:
        head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in self.frame.columns)
        columns = list(self.frame.columns)
        rows = []
        for row in self.frame.itertuples(index=False):
            cells = "".join(
                f'<th scope="row">{self._first(v)}</th>' if i == 0
                else f"<td>{self._cell(columns[i], v, 'html')}</td>" for i, v in enumerate(row))
            rows.append(f"<tr>{cells}</tr>")
        status = (f' data-nsc-status="{html.escape(self.status)}"'
                  if self.marked and words.provenance_mark(self.status, "text") else "")
        # A wide table scrolls inside its own box, which keyboard users must be able to reach.
        region = words.Words("charts").html("charts-table-region",
                                            caption=phrasing.spoken(self.caption))
        return (f'<div class="nsc-table-wrap" role="region" tabindex="0" aria-label="{region}">'
                f'<table class="nsc-table" id="nsc-table-{self.name}"{status}>'
                f"<caption>{html.escape(self.caption)}</caption><thead><tr>{head}</tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table></div>")

    def _first(self, value: Any) -> str:
        text = html.escape(str(value))
        href = self.links.get(str(value))
        return f'<a href="{html.escape(href)}">{text}</a>' if href else text

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/html": self.html(), "text/plain": self.text()}

    def text(self) -> str:
        """The table as plain text, each value of a marked column with its mark."""
        frame = self.frame.copy()
        for column in self.marked:
            frame[column] = [self._cell(column, v, "text") for v in frame[column]]
        return frame.to_string(index=False)


@dataclass
class HtmlBlock:
    """A small block of HTML for a page (a link, a map, a list) with a plain-text fallback."""

    markup: str
    text: str

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/html": self.markup, "text/plain": self.text}
