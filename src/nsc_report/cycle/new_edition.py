"""A new annual edition: `nsc-report new-edition 2025 --from 2024`.

It prepares the next year from the previous edition, it does not copy it: every period with a
year in it moves on by the years between the editions (the questions, the current and previous
periods, and the periods defined, so that the letters ask for the new years), the facts that
belong to publication (title, date, funding ask, the Helpline's total...) keep last year's
value marked `BEFORE PUBLICATION` (the letters and a draft build run, its pages and PDF saying
it is a draft; `check` refuses to publish), and what cannot be moved on is marked `# FILL IN`.
The returns start empty, for the forces' real answers: last year's status of that file
(illustrative, constructed) is not carried over. The codebook, the national series
and the PCC commitments are carried over, the returns file has its header only, the CPS answer
is to fill in, and the edition's own chapters, quotations and source documents are copied as a
starting point. Nothing of the previous edition is changed, and the section templates stay
shared. What the new edition still needs is listed by `data.carried.outstanding`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from nsc_report.data import FILL_IN
from nsc_report.data.carried import outstanding
from nsc_report.data.needs import LATER
from nsc_report.errors import NscReportError
from nsc_report.infra import atomic, files
from nsc_report.infra.progress import PLAIN, Progress

EDITION = re.compile(r"\d{4}")
YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
# edition.yml keys whose value belongs to publication, with what to put there: last year's
# value stands until then (the letters do not need them; `check` refuses to publish them).
TO_FILL = {
    "title": "this edition's title",
    "subtitle": "this edition's subtitle",
    "theme": "this edition's theme",
    "publication_date": "the date of publication",
    "awareness_week": "the awareness week this edition is published for",
    "trust_founded_years_ago": "the Trust's age this year",
    "helpline_victims_supported": "the Helpline's total this year",
    "amount_gbp": "this edition's funding ask",
    "as_printed": "the ask as the release prints it",
    "data_cut_off": "the day this edition's published statistics are taken as of",
}
# Of those, the ones moved on a year (not kept as they were) until then.
ROLLED = {"data_cut_off"}


class EditionError(NscReportError):
    """The new edition cannot be made (bad name, exists already, no previous edition)."""

    unchanged = ""


def _mark(text: str) -> str:
    """Append '# BEFORE PUBLICATION: ...' to each line that sets a key in TO_FILL."""
    out = []
    for line in text.splitlines():
        match = re.match(r"^\s*([a-z_]+):\s*\S", line)
        if match and match.group(1) in TO_FILL and LATER not in line:
            until = ("moved on a year" if match.group(1) in ROLLED
                     else "last year's value")
            line = (f"{line.split(' #')[0].rstrip()}  # {LATER}: {TO_FILL[match.group(1)]} "
                    f"({until} until then)")
        out.append(line)
    return "\n".join(out) + "\n"


REPLY_TO = (f"{FILL_IN}: the e-mail address the forces send their answers to (every letter "
            f"prints it)")


def reply_address(meta: str) -> str:
    """The metadata with the letters' reply address carried over (the team's address does not
    change with the year), or marked FILL IN where the previous edition has none: `requests`
    needs it before anything else."""
    if re.search(r"^requests:", meta, flags=re.MULTILINE) is None:
        return (meta.rstrip("\n") + "\n# What the request letters need besides the codebook.\n"
                f'requests:\n  reply_to: ""  # {REPLY_TO}\n')
    return re.sub(r"^(  reply_to:) *(\"\"|''|)? *(#.*)?$",
                  lambda m: f'{m.group(1)} ""  # {REPLY_TO}', meta, flags=re.MULTILINE)


RETURNS = "foi_returns.csv"


def real_answers(meta: str) -> str:
    """The metadata of an edition whose returns start empty and are filled with the forces'
    real answers: no status or caveat of last year's returns file (which described last year's
    file: "constructed to match the published totals"), and `illustrative` true only while a
    file carried over as it is (the PCC commitments) or a source still is. A comment above
    `illustrative` spoke of last year's returns, and goes with them."""
    out: list[str] = []
    skipping = False
    for line in meta.splitlines():
        if skipping and line.startswith("    "):
            continue
        skipping = line.strip() == f"{RETURNS}:" and line.startswith("  ")
        if not skipping:
            out.append(line)
    text = "\n".join(out) + "\n"
    # A data_files section left with no entry would read as null: dropped (none is the default).
    text = re.sub(r"^data_files:[ \t]*\n(?![ \t])", "", text, flags=re.MULTILINE)
    constructed = re.search(r"^\s+status: illustrative\b", text, flags=re.MULTILINE) is not None
    return re.sub(r"(?:^#.*\n)*^illustrative: .*$", f"illustrative: {str(constructed).lower()}  "
                  f"# whether a data file or source below is illustrative", text, count=1,
                  flags=re.MULTILINE)


def roll(text: str, years: int) -> str:
    """Every year in `text` moved on by `years` ('ye_mar_2023' -> 'ye_mar_2024')."""
    return YEAR.sub(lambda m: str(int(m.group(1)) + years), text)


def roll_periods(meta: str, years: int) -> str:
    """The metadata with its periods moved on: each period with a year gains its successor
    (the earlier ones stay defined: the national series still holds them), each without a
    year gets this edition's label ('early 2024' -> 'early 2025'), and the current and
    previous periods move on; one without a year cannot be moved on and is marked FILL IN."""
    lines = meta.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("periods:")), None)
    if start is not None:
        end = start + 1
        while end < len(lines) and lines[end].startswith("  "):
            end += 1
        block = lines[start + 1:end]
        defined = {line.split(":")[0].strip() for line in block}
        dated = [line for line in block if YEAR.search(line.split(":")[0])]
        added = [roll(line, years) for line in dated
                 if roll(line.split(":")[0].strip(), years) not in defined]
        undated = [roll(line, years) for line in block if line not in dated]
        lines[start + 1:end] = [*dated, *added, *undated]
    out = []
    for line in lines:
        match = re.match(r"^(current_period|previous_period): *([A-Za-z0-9_]+)", line)
        if match and YEAR.search(match.group(2)):
            line = f"{match.group(1)}: {roll(match.group(2), years)}"
        elif match:
            line = (f"{line.split(' #')[0].rstrip()}  # {FILL_IN}: a period with a year, "
                    f"defined under periods, for this edition's requests")
        out.append(line)
    return "\n".join(out) + "\n"


def roll_questions(text: str, years: int) -> str:
    """The codebook with each question's dated periods moved on (`periods: [...]`)."""
    return re.sub(r"^(    periods: )(.*)$", lambda m: m.group(1) + roll(m.group(2), years),
                  text, flags=re.MULTILINE)


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


def cps_to_fill(text: str, new: str) -> str:
    """This year's CPS answer to fill in: the question kept, the status and answer marked
    FILL IN, last year's quotation of the CPS's words dropped (it was checked against last
    year's source; a new one may be added with its source), and the comments, which spoke of
    last year's request and sources, written for this year's."""
    out = [f"# The Crown Prosecution Service's answer to the {new} request."]
    for line in text.splitlines():
        if line.startswith("#") or re.match(r"^quote:", line):
            continue
        if re.match(r"^(status|answer):", line):
            line = f'{line.split(":")[0]}: "{FILL_IN}"  # {FILL_IN}: the CPS answer this year'
        elif re.match(r"^source:", line):
            line = (f"{line.split(' #')[0].rstrip()}  # {FILL_IN}: the source of this year's "
                    f"answer, listed under sources in edition.yml")
        out.append(line)
    out.append(f"# quote: the CPS's own words, if the source gives them (checked word for word "
               f"against its document in data/{new}/sources/)")
    return "\n".join(out) + "\n"


def new_edition(data_dir: Path, new: str, previous: str) -> list[Path]:
    """Scaffold data/<new>/ from data/<previous>/ and return the files written. The edition is
    made in a temporary folder beside it and renamed into place at the end: a run that fails
    (a file it cannot read, a full disk) or is interrupted leaves nothing, and can be re-run."""
    if not EDITION.fullmatch(new):
        raise EditionError(f"'{new}': an edition is named by its year, such as 2025")
    if not EDITION.fullmatch(previous) or int(previous) >= int(new):
        raise EditionError(f"--from {previous!r}: name an earlier edition in {data_dir} by its "
                           f"year, such as 2024 (no '/' or '..')")
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

    years = int(new) - int(previous)
    meta = read("edition.yml")
    meta = re.sub(r'^edition: .*$', f'edition: "{new}"', meta, count=1, flags=re.MULTILINE)
    # This year's requests, cited as last year's were, a year on ("early 2024" -> "early 2025").
    meta, cited = re.subn(rf"^(  foi_){previous}:\n(    citation: .*)$",
                          lambda m: f"{m.group(1)}{new}:\n{roll(m.group(2), years)}", meta,
                          count=1, flags=re.MULTILINE)
    if not cited:
        meta = meta.replace(f"foi_{previous}:",
                            f"foi_{new}:  # {FILL_IN}: cite this year's requests")
    meta = roll_periods(meta, years)
    # Kept as it was, the cut-off would hide from the new edition every figure published since
    # the last one; moved on, the draft sees them (and `check` asks for the real day).
    meta = re.sub(r"^(data_cut_off: *)(\S+)", lambda m: m.group(1) + roll(m.group(2), years),
                  meta, count=1, flags=re.MULTILINE)
    meta = re.sub(r"^previous_edition: .*\n", "", meta, flags=re.MULTILINE)
    link = f'previous_edition: "{previous}"  # compared with it (see same_as in questions.yml)'
    meta = re.sub(r"^(previous_period: .*\n)", lambda m: f"{m.group(1)}{link}\n", meta, count=1,
                  flags=re.MULTILINE)
    write("edition.yml", _mark(reply_address(real_answers(meta))))
    write("questions.yml", roll_questions(link_questions(read("questions.yml")), years))
    # The answers start empty: the header is the file's, whatever the previous one holds.
    write("foi_returns.csv", RETURNS_HEADER + "\n")
    for name in ("national.csv", "pcc_commitments.csv"):
        write(name, read(name))
    write("cps.yml", cps_to_fill(read("cps.yml"), new))
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
    # The release pack's templates (press release, key findings) are words like the chapters:
    # copied as a starting point, listed by `check` until revised.
    if (source / "press").is_dir():
        for template in files.files_in(source / "press", data_dir, ".md",
                                       what="a release template"):
            write(f"press/{template.name}",
                  files.read_bytes(template, "a release template", within=data_dir))
    return written


def announce(written: list[Path], data_dir: Path, new: str, root: Path,
             progress: Progress = PLAIN) -> None:
    """What new-edition wrote, what the new edition still needs, and what to do next."""
    from nsc_report.cycle.letters import shown

    for path in written:
        progress.message(f"  wrote {shown(path, root)}")
    todo = outstanding(data_dir, new, root / "notebooks")
    progress.message(f"\nWhat the {new} edition still needs ({len(todo)}):")
    for item in todo:
        progress.message(f"  - {item}")
    progress.message(
        f"\nNext: check the codebook and the periods moved on a year, then send the letters "
        f"(`nsc-report requests --edition {new}`: values marked {LATER} do not stop them). "
        f"Add the national rows, revise the chapters, then key in the answers; `nsc-report "
        f"validate --edition {new}` lists what the build still needs and `nsc-report check "
        f"--edition {new}` what stands before publication.")
