"""A new annual edition: `nsc-report new-edition 2025 --from 2024`.

It scaffolds `data/<new>/` from the previous edition: the metadata with every field that must be
revised marked `# FILL IN` (validation names each marked key until it is done), the codebook to
edit, the national series and the PCC commitments carried over, a returns file with its header
only, the CPS answer to fill in, and the edition's own narrative chapters (introduction,
summary, recommendations, the victim's account) copied as a starting point. Nothing of the
previous edition is changed, and the section templates stay shared.
"""

from __future__ import annotations

import re
from pathlib import Path

from nsc_report.data import FILL_IN
from nsc_report.errors import NscReportError

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


def new_edition(data_dir: Path, new: str, previous: str) -> list[Path]:
    if not EDITION.fullmatch(new):
        raise EditionError(f"'{new}': an edition is named by its year, such as 2025")
    source, target = data_dir / previous, data_dir / new
    if not source.is_dir():
        raise EditionError(f"{source} does not exist: name an existing edition with --from")
    if target.exists():
        raise EditionError(f"{target} exists already; nothing was changed")
    target.mkdir(parents=True)
    written = []

    def write(name: str, text: str) -> None:
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)

    meta = (source / "edition.yml").read_text(encoding="utf-8")
    meta = re.sub(r'^edition: .*$', f'edition: "{new}"', meta, count=1, flags=re.MULTILINE)
    meta = meta.replace(f"foi_{previous}:", f"foi_{new}:  # {FILL_IN}: cite this year's requests")
    meta = re.sub(r"^previous_edition: .*\n", "", meta, flags=re.MULTILINE)
    link = f'previous_edition: "{previous}"  # compared with it (see same_as in questions.yml)'
    meta = re.sub(r"^(previous_period: .*\n)", lambda m: f"{m.group(1)}{link}\n", meta, count=1,
                  flags=re.MULTILINE)
    write("edition.yml", _mark(meta))
    write("questions.yml", link_questions((source / "questions.yml").read_text(encoding="utf-8")))
    header = (source / "foi_returns.csv").read_text(encoding="utf-8").splitlines()[0]
    write("foi_returns.csv", header + "\n")
    for name in ("national.csv", "pcc_commitments.csv"):
        write(name, (source / name).read_text(encoding="utf-8"))
    cps = (source / "cps.yml").read_text(encoding="utf-8")
    cps = re.sub(r"^(status|answer): .*$",
                 lambda m: f'{m.group(1)}: "{FILL_IN}"  # {FILL_IN}: the CPS answer this year',
                 cps, flags=re.MULTILINE)
    write("cps.yml", cps)
    write("README.md", f"# The {new} edition's data\n\n{FILL_IN}: where each file comes from, "
                       f"what is verified, and what (if anything) is illustrative.\n")
    # The quotations and the source documents they are checked against, to revise with the
    # chapters that print them.
    write("quotations.yml", (source / "quotations.yml").read_text(encoding="utf-8"))
    for document in sorted((source / "sources").glob("*")):
        write(f"sources/{document.name}", document.read_text(encoding="utf-8"))
    for chapter in sorted((source / "chapters").glob("*.md")):
        write(f"chapters/{chapter.name}", chapter.read_text(encoding="utf-8"))
    return written
