"""Where the register finds a figure printed beyond the glue roles of the pages: in a count
printed with its noun, and in a sentence made of figures (register.py builds the register)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def add_pages_of_parts(entries: list[dict[str, Any]]) -> None:
    """A count is printed wherever it is printed with its noun ("27 forces", a text made of
    that one figure, which the site links to the count): its pages include those. A sentence
    made of several figures has its own entry and pages, and is marked, not linked; each of
    its figures that it prints ("2‡ refused under another exemption") is printed on its pages
    too, and they are among the figure's."""
    by_id = {e["id"]: e for e in entries}
    for e in entries:
        if not e["pages"]:
            continue
        figure = counted_figure(e, by_id.get)
        made_of = [figure] if figure is not None else [
            part for key in e.get("parts") or []
            if (part := by_id.get(f'{e["notebook"]}/{key}')) is not None
            and part["kind"] == "figure" and part["text"] and part["text"] in e["text"]]
        for part in made_of:
            if figure is None:  # inside a sentence of several figures: marked there, not linked
                added = [page for page in e["pages"] if page not in part["pages"]]
                part["printed_within"] = list(dict.fromkeys(
                    [*(part.get("printed_within") or []), *added]))
            pages = set(part["pages"]) | set(e["pages"])
            part["pages"] = sorted(pages, key=lambda page: (page != part["notebook"], page))


def counted_figure(entry: dict[str, Any],
                   find: Callable[[str], dict[str, Any] | None]) -> dict[str, Any] | None:
    """The count that a text made of that one figure prints with its noun ("27 forces"): the
    count's entry, found by its id ('spo/spo_total'); None for any other entry."""
    parts = entry.get("parts") or []
    if len(parts) != 1:
        return None
    part = find(f'{entry["notebook"]}/{parts[0]}')
    return part if part is not None and part["kind"] == "figure" else None
