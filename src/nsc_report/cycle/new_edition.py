"""A new annual edition: `nsc-report new-edition 2025 --from 2024`.

It scaffolds `data/<new>/` from the previous edition: the metadata with every field that must be
revised marked `# FILL IN` (validation names each marked key until it is done), the codebook to
edit, the national series and the PCC commitments carried over, a returns file with its header
only, the CPS answer to fill in, and the edition's own narrative chapters (introduction,
summary, recommendations, the victim's account) copied as a starting point. Nothing of the
previous edition is changed, and the section templates stay shared.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from nsc_report.data import FILL_IN
from nsc_report.errors import NscReportError
from nsc_report.infra import atomic, files

EDITION = re.compile(r"\d{4}")
# edition.yml keys whose value belongs to one edition, with what to put there.
TO_FILL = {
    "title": "this edition's title",
    "subtitle": "this edition's subtitle",
    "theme": "this edition's theme",
    "publication_date": "the date of publication",
    "awareness_week": "the awareness week this edition is published for",
    "illustrative": "false once the real answers are in",
    "current_period": "the period the new requests ask about (add it under periods)",
    "previous_period": "the period before it, for the change since then",
    "trust_founded_years_ago": "the Trust's age this year",
    "helpline_victims_supported": "the Helpline's total this year",
    "amount_gbp": "this edition's funding ask",
    "as_printed": "the ask as the release prints it",
}


class EditionError(NscReportError):
    """The new edition cannot be made (bad name, exists already, no previous edition)."""

    unchanged = ""


def _mark(text: str) -> str:
    """Append '# FILL IN: ...' to each line that sets a key in TO_FILL."""
    out = []
    for line in text.splitlines():
        match = re.match(r"^\s*([a-z_]+):\s*\S", line)
        if match and match.group(1) in TO_FILL and FILL_IN not in line:
            line = f"{line.split(' #')[0].rstrip()}  # {FILL_IN}: {TO_FILL[match.group(1)]}"
        out.append(line)
    return "\n".join(out) + "\n"


def link_questions(text: str) -> str:
    """The previous codebook with each question linked to itself (`same_as`), so that every
    question asked again is compared; the previous edition's own links and notes of change
    are dropped. Delete a link for a question that is not asked again in the same sense, or
    add a `changed:` note saying how it differs."""
    out = []
    for line in text.splitlines():
        if re.match(r"^    (same_as|changed):", line):
            continue
        out.append(line)
        match = re.match(r"^  - id: (Q\d+)\s*$", line)
        if match:
            out.append(f"    same_as: {match.group(1)}")
    return "\n".join(out) + "\n"


RETURNS_HEADER = "force_code,question_id,period,status,value,note"


def new_edition(data_dir: Path, new: str, previous: str) -> list[Path]:
    """Scaffold data/<new>/ from data/<previous>/ and return the files written. The edition is
    made in a temporary folder beside it and renamed into place at the end: a run that fails
    (a file it cannot read, a full disk) or is interrupted leaves nothing, and can be re-run."""
    if not EDITION.fullmatch(new):
        raise EditionError(f"'{new}': an edition is named by its year, such as 2025")
    if not NAME.fullmatch(previous):
        raise EditionError(f"--from {previous!r}: name an edition folder in {data_dir}, such "
                           f"as 2024 (no '/' or '..')")
    source, target = data_dir / previous, data_dir / new
    if not source.is_dir():
        raise EditionError(f"{source} does not exist: name an existing edition with --from")
    if os.path.lexists(target):
        raise EditionError(f"{target} exists already; nothing was changed")
    try:
        with atomic.creating(target) as folder:
            names = _scaffold(data_dir, source, folder, new, previous)
    except files.UnreadableFile as exc:
        raise EditionError(f"{exc}; {target} was not made") from None
    except OSError as exc:
        raise EditionError(f"{target} could not be written ({exc.strerror or exc}); nothing "
                           f"was left behind, and the command can be run again") from None
    return [target / name for name in names]


NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


def _scaffold(data_dir: Path, source: Path, folder: Path, new: str, previous: str) -> list[str]:
    """Write the new edition's files into `folder`; every file of the previous edition is read
    where it stands in the data folder (a link among them is refused, not followed)."""
    written: list[str] = []

    def read(name: str) -> str:
        return files.read_text(source / name, f"the {previous} edition's {name}",
                               within=data_dir)

    def write(name: str, content: str | bytes) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        written.append(name)

    meta = read("edition.yml")
    meta = re.sub(r'^edition: .*$', f'edition: "{new}"', meta, count=1, flags=re.MULTILINE)
    meta = meta.replace(f"foi_{previous}:", f"foi_{new}:  # {FILL_IN}: cite this year's requests")
    meta = re.sub(r"^previous_edition: .*\n", "", meta, flags=re.MULTILINE)
    link = f'previous_edition: "{previous}"  # compared with it (see same_as in questions.yml)'
    meta = re.sub(r"^(previous_period: .*\n)", lambda m: f"{m.group(1)}{link}\n", meta, count=1,
                  flags=re.MULTILINE)
    write("edition.yml", _mark(meta))
    write("questions.yml", link_questions(read("questions.yml")))
    # The answers start empty: the header is the file's, whatever the previous one holds.
    write("foi_returns.csv", RETURNS_HEADER + "\n")
    for name in ("national.csv", "pcc_commitments.csv"):
        write(name, read(name))
    cps = re.sub(r"^(status|answer): .*$",
                 lambda m: f'{m.group(1)}: "{FILL_IN}"  # {FILL_IN}: the CPS answer this year',
                 read("cps.yml"), flags=re.MULTILINE)
    write("cps.yml", cps)
    write("README.md", f"# The {new} edition's data\n\n{FILL_IN}: where each file comes from, "
                       f"what is verified, and what (if anything) is illustrative.\n")
    # The quotations and the source documents they are checked against (copied byte for byte:
    # a document may be a PDF), to revise with the chapters that print them.
    write("quotations.yml", read("quotations.yml"))
    for document in files.files_in(source / "sources", data_dir, recursive=True,
                                   what="a source document"):
        write(document.relative_to(source).as_posix(),
              files.read_bytes(document, "a source document", within=data_dir))
    for chapter in files.files_in(source / "chapters", data_dir, ".md", what="a chapter"):
        write(f"chapters/{chapter.name}", files.read_bytes(chapter, "a chapter", within=data_dir))
    return written
