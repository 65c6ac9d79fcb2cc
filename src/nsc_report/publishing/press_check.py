"""What `nsc-report check` asks of the release pack (check.py lists what this finds).

Of the templates (data/<edition>/press/*.md): every figure referred to is in the register,
every quotation and field exists, no number is typed into the words and no passage in
quotation marks differs from the edition's source documents. Of a written pack (press.json
and release.txt in <out>/press/): every figure is printed as the report prints it now, with
its mark, on the line press.json gives, and every quotation word for word.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from nsc_report.data import Edition, verbatim
from nsc_report.data.provenance import MARKS
from nsc_report.infra import files
from nsc_report.publishing import release

# (file, line, check.ftl message id, values)
Found = tuple[Path, int | None, str, dict[str, Any]]


def documents(ed: Edition) -> dict[str, str]:
    """The text of each source document kept with the edition, by source id."""
    found = {}
    for sid, source in ed.meta.sources.items():
        if source.document:
            try:
                found[sid] = files.read_text(ed.directory / source.document,
                                             within=ed.directory / "sources")
            except files.UnreadableFile:
                continue  # reported where edition.yml names it
    return found


def template_problems(ed: Edition, entries: Mapping[str, dict[str, Any]] | None
                      ) -> Iterator[Found]:
    """The templates' problems; `entries` (the register, by id) None where the notebooks
    have not been executed, when references to figures cannot be checked yet."""
    sources = release.Sources(entries or {}, ed.quotations, release.fields(ed), lambda _: "")
    texts = documents(ed)
    for name in release.TEMPLATES:
        template = release.read(ed, name)
        if template is None:
            continue
        for line, message, values in release.problems(template, sources, texts):
            if entries is None and values.get("role") == "fig":
                continue
            yield template.path, line, message, values


def pack_problems(ed: Edition, pack: Path, entries: Mapping[str, dict[str, Any]]
                  ) -> Iterator[Found]:
    """A written pack whose figures or quotations are not the report's."""
    path = pack / "press.json"
    if not path.is_file():
        return
    record = json.loads(files.read_text(path, within=pack))
    if str(record.get("edition")) != str(ed.meta.edition):
        return  # another edition's pack
    text_path = pack / record.get("text", "release.txt")
    lines = files.read_text(text_path, within=pack).splitlines() if text_path.is_file() else []
    for figure in record.get("figures", []):
        fid, printed = figure["id"], figure["text"]
        entry = entries.get(fid)
        if entry is None:
            yield path, None, "check-press-not-in-register", {"id": fid, "text": printed}
            continue
        mark = MARKS.get(entry.get("status") or "", "")
        if printed != entry["text"]:
            yield path, None, "check-press-differs", {"id": fid, "printed": printed,
                                                      "text": entry["text"]}
            continue
        for number in figure.get("lines", []):
            line = lines[number - 1] if 0 < number <= len(lines) else ""
            if printed + mark not in line:
                yield text_path, number, "check-press-no-mark", {
                    "id": fid, "text": printed, "mark": mark or "-",
                    "status": entry.get("status") or "published"}
    quotations = ed.quotations
    for quoted in record.get("quotations", []):
        q = quotations.get(quoted["id"])
        for number in quoted.get("lines", []) or [None]:
            line = lines[number - 1] if number and 0 < number <= len(lines) else ""
            if q is None or verbatim.normalise(q.text) not in verbatim.normalise(line):
                yield text_path, number, "check-press-quote-differs", {"id": quoted["id"]}
