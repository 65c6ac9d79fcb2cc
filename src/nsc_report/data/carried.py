"""What a new edition still has to provide or revise: what `new-edition` prints when it has made
the edition, and what `check` lists before publication.

- values still marked `FILL IN` (needed before anything) or `BEFORE PUBLICATION` (last year's
  value, standing in until the edition is published);
- what validation finds missing: the national rows, quotations, sources and answers the
  templates read (data.needs);
- what is carried over unchanged from the previous edition: chapters, quotations and source
  documents that are word for word last year's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from nsc_report.data.edition import load_edition
from nsc_report.data.issues import DataValidationError
from nsc_report.data.needs import LATER
from nsc_report.data.paths import _label, edition_files
from nsc_report.data.readers import FILL_IN
from nsc_report.infra import files, yamlfile
from nsc_report.infra.untrusted import shortened


@dataclass(frozen=True)
class Outstanding:
    file: str
    line: int | None
    what: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.what}" if self.line else f"{self.file}: {self.what}"


def _text(path: Path, data_dir: Path) -> str | None:
    """The file's text, read where it stands in the data folder (never through a link)."""
    try:
        return files.read_text(path, within=data_dir)
    except files.UnreadableFile:
        return None


@dataclass(frozen=True)
class Marked:
    """A line still marked FILL IN or BEFORE PUBLICATION, read as its key, the value standing
    in and the marker's note (what to give), each shortened at a word boundary for a message;
    `key` is empty where the line is no `key: value` (a chapter's or a README's line)."""

    mark: str
    key: str
    value: str
    note: str
    line: str  # the line itself, shortened: for a line that is not a key's

    @classmethod
    def of(cls, line: str, mark: str) -> Marked:
        before, _, after = line.rpartition(mark)  # the marker's comment ends the line
        note = shortened(after.lstrip(":").strip(' "'), 120)
        key, value = "", ""
        if ":" in before and not before.lstrip().startswith(("#", "-", "<")):
            key, _, value = before.partition(":")
            value = value.split("  #", 1)[0].rstrip(" #").strip()
        return cls(mark, key.strip(), shortened(value, 60), note, shortened(line.strip(), 100))


def marked(text: str) -> list[tuple[int, Marked]]:
    """Every line of `text` still marked FILL IN or BEFORE PUBLICATION, with its number."""
    return [(number, Marked.of(line, mark))
            for number, line in enumerate(text.splitlines(), 1)
            for mark in (FILL_IN, LATER) if mark in line]


def markers(paths: list[Path], data_dir: Path) -> list[Outstanding]:
    """Every line still marked FILL IN or BEFORE PUBLICATION."""
    found = []
    for path in paths:
        for number, m in marked(_text(path, data_dir) or ""):
            found.append(Outstanding(_label(path, data_dir), number,
                                     f"{m.key + ' ' if m.key else ''}still marked {m.mark}: "
                                     f"{m.note}"))
    return found


def _quotations(path: Path, data_dir: Path) -> dict[str, tuple[str, str]]:
    try:
        raw = yamlfile.load(_text(path, data_dir) or "") or {}
    except (yaml.YAMLError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {str(q.get("id")): (str(q.get("text")), str(q.get("who")))
            for q in raw.get("quotations") or [] if isinstance(q, dict)}


def carried_over(data_dir: Path, edition: str, previous: str | None) -> list[Outstanding]:
    """Chapters, quotations, source documents and release templates that are word for word
    the previous edition's (to rewrite, or to keep knowingly)."""
    if previous is None:
        return []
    now, then = data_dir / edition, data_dir / previous
    found = []
    for folder, what in (("chapters", "chapter"), ("sources", "source document"),
                         ("press", "release template")):
        for path in sorted((now / folder).glob("*")):
            before = then / folder / path.name
            if path.is_file() and before.is_file() and (_text(path, data_dir)
                                                        == _text(before, data_dir)):
                found.append(Outstanding(_label(path, data_dir), None, f"{what} carried over "
                                         f"unchanged from the {previous} edition: revise it "
                                         f"for this one"))
    earlier = _quotations(then / "quotations.yml", data_dir)
    for ident, quote in _quotations(now / "quotations.yml", data_dir).items():
        if earlier.get(ident) == quote:
            found.append(Outstanding(_label(now / "quotations.yml", data_dir), None,
                                     f"quotation '{ident}' carried over unchanged from the "
                                     f"{previous} edition: is it still this edition's?"))
    return found


def outstanding(data_dir: Path, edition: str, templates: Path | None = None) -> list[Outstanding]:
    """Everything the edition still needs before it builds and before it is published."""
    data_dir = Path(data_dir)
    folder = data_dir / edition
    paths = [p for p in edition_files(data_dir, edition) if p.parent == folder]
    found = markers([*paths, folder / "README.md", *sorted((folder / "chapters").glob("*.md"))],
                    data_dir)
    previous = None
    try:
        ed = load_edition(data_dir, edition, templates=templates)
        previous = ed.meta.previous_edition
    except DataValidationError as exc:
        for issue in exc.issues:
            if issue.marked_line is None:  # a marked value is listed above, by its line
                found.append(Outstanding(issue.file, None, str(issue)[len(issue.file):]
                                         .lstrip(", :")))
        try:
            meta = yaml.safe_load(_text(folder / "edition.yml", data_dir) or "") or {}
        except yaml.YAMLError:
            meta = {}  # reported among the issues above
        previous = meta.get("previous_edition") if isinstance(meta, dict) else None
    return [*found, *carried_over(data_dir, edition, str(previous) if previous else None)]
