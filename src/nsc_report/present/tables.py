"""Plain, accessible HTML tables for notebook output (stable markup, no random ids)."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from nsc_report.present import words


@dataclass
class Table:
    name: str
    caption: str
    frame: pd.DataFrame
    links: Mapping[str, str] = field(default_factory=dict)  # first-column text -> href

    def html(self) -> str:
        head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in self.frame.columns)
        rows = []
        for row in self.frame.itertuples(index=False):
            cells = "".join(
                f'<th scope="row">{self._first(v)}</th>' if i == 0
                else f"<td>{html.escape(str(v))}</td>" for i, v in enumerate(row))
            rows.append(f"<tr>{cells}</tr>")
        # A wide table scrolls inside its own box, which keyboard users must be able to reach.
        region = words.Words("charts").html("charts-table-region", caption=self.caption)
        return (f'<div class="nsc-table-wrap" role="region" tabindex="0" aria-label="{region}">'
                f'<table class="nsc-table" id="nsc-table-{self.name}">'
                f"<caption>{html.escape(self.caption)}</caption><thead><tr>{head}</tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table></div>")

    def _first(self, value: Any) -> str:
        text = html.escape(str(value))
        href = self.links.get(str(value))
        return f'<a href="{html.escape(href)}">{text}</a>' if href else text

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/html": self.html(), "text/plain": self.frame.to_string(index=False)}


@dataclass
class HtmlBlock:
    """A small block of HTML for a page (a link, a map, a list) with a plain-text fallback."""

    markup: str
    text: str

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/html": self.markup, "text/plain": self.text}
