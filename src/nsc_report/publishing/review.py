"""Review: which published figures changed (`nsc-report figures --compare REF`).

The register of figures is read from executed notebooks: those committed in book/ (or, with
`--fresh`, the templates executed again from the data and code as they are now, into a scratch
folder) against REF: a git revision (its book/ and the edition's chapters), or a folder holding
a `figures.json` or executed notebooks. What a reviewer reads is one line per figure whose
printed value changed, appeared or vanished, with the pages that print it.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from nsc_report.errors import NscReportError
from nsc_report.infra import files
from nsc_report.present import words
from nsc_report.publishing import register
from nsc_report.publishing.register import BookRegister, Change


class ReviewError(NscReportError):
    """REF is neither a git revision nor a folder with a register or notebooks."""

    unchanged = ""


def markdown_pages(book: Path, chapters: Path) -> list[tuple[str, Path]]:
    """The Markdown chapters of the book: book/*.md, each replaced by the edition's own."""
    pages = {p.stem: p for p in sorted(book.glob("*.md"))}
    # The edition's chapters are read where they stand: a link among them is refused.
    pages.update({p.stem: p for p in files.files_in(chapters, chapters.parent, ".md",
                                                      what="a chapter")})
    return sorted(pages.items())


def from_notebooks(book: Path, chapters: Path) -> BookRegister:
    return register.build(book, markdown_pages(book, chapters))


def from_folder(folder: Path, chapters: Path) -> BookRegister:
    for candidate in (folder / "figures.json", register.register_json(folder / "downloads"),
                      register.register_json(folder / "book" / "downloads")):
        if candidate.is_file():
            return register.from_json(candidate.read_text(encoding="utf-8"))
    book = folder / "book" if (folder / "book").is_dir() else folder
    if not any(book.glob("*.ipynb")):
        raise ReviewError(f"{folder} holds neither a figures.json nor executed notebooks")
    return from_notebooks(book, chapters)


def from_git(root: Path, ref: str, edition: str) -> BookRegister:
    """The register of the notebooks committed at `ref`."""
    paths = ["book", f"data/{edition}/chapters"]
    listed = subprocess.run(["git", "-C", str(root), "ls-tree", "--name-only", ref, "--",
                             *paths], capture_output=True, text=True)
    if listed.returncode != 0:
        raise ReviewError(f"{ref!r} is not a git revision of {root} "
                          f"({listed.stderr.strip() or 'git failed'})")
    archive = subprocess.run(["git", "-C", str(root), "archive", "--format=tar", ref, "--",
                              *listed.stdout.split()], capture_output=True)
    if archive.returncode != 0:
        raise ReviewError(archive.stderr.decode(errors="replace").strip())
    with tempfile.TemporaryDirectory(prefix="nsc-figures-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(tmp, filter="data")
        return from_notebooks(Path(tmp) / "book", Path(tmp) / "data" / edition / "chapters")


def reference_folder(root: Path, ref: str) -> Path:
    """REF as a folder (beside the project, or as given): whether it is one is for the caller."""
    folder = Path(ref)
    if not folder.is_absolute():
        folder = root / ref if (root / ref).exists() else folder
    return folder


def describe(root: Path, ref: str) -> str:
    """Which build REF is, in words: 'the notebooks committed at HEAD (3f2a1b0, 2025-04-01)'."""
    folder = reference_folder(root, ref)
    if folder.is_dir():
        for candidate in (folder / "figures.json", register.register_json(folder / "downloads"),
                          register.register_json(folder / "book" / "downloads")):
            if candidate.is_file():
                return f"the register recorded in {candidate}"
        return f"the executed notebooks in {folder}"
    shown = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%h, %cs", ref, "--"],
                           capture_output=True, text=True)
    commit = f" ({shown.stdout.strip()})" if shown.returncode == 0 and shown.stdout else ""
    return f"the notebooks committed at {ref}{commit}"


def load_reference(root: Path, ref: str, edition: str, chapters: Path) -> BookRegister:
    folder = reference_folder(root, ref)
    try:
        if folder.is_dir():
            return from_folder(folder, chapters)
        return from_git(root, ref, edition)
    except ReviewError as exc:
        raise ReviewError(f"--compare {ref}: {exc}") from None


def plain_count(n: int) -> words.Int | words.Float:
    """A count as the report prints one (`fmt`: with a thousands separator)."""
    return words.count(n)


def recorded_note(count: int, version: str) -> str:
    """How many changes since a recorded version a comparison left out as already listed."""
    return words.Words("check").text("check-compare-recorded", count=plain_count(count),
                                     version=version)


SHORT = 48  # a value this long or shorter is shown on the figure's line


def table(changes: list[Change], before: BookRegister | None = None) -> str:
    """One line per changed figure: 'spo/spo_band_low  12 -> 11  (spo, summary, index)'; a
    longer value (a sentence) is never cut: both are given in full below the figure's line,
    with the words that differ."""
    w = words.Words("check")  # the tool's messages to authors
    if before is not None and not before.entries:
        return w.text("check-compare-no-register")
    if not changes:
        return w.text("check-compare-none")
    def side(text: str | None, status: str, c: Change, missing: str) -> str:
        if text is None:
            return missing
        # A change of status alone (a mark gained or lost) shows each side's status.
        return w.text("check-compare-status", text=text, status=status) if c.status_changed \
            else text

    rows = [(c.id, side(c.old, c.old_status, c, "(new)"), side(c.new, c.new_status, c, "(gone)"),
             ", ".join(c.pages) or "not printed") for c in changes]
    short = [r for r in rows if len(r[1]) <= SHORT and len(r[2]) <= SHORT]
    width = [max([len(r[i]) for r in short] or [len(h)]) for i, h in
             enumerate(("figure", "before", "after"))]
    lines = [w.text("check-compare-changed", count=plain_count(len(changes))),
             f"{'figure':<{width[0]}}  {'before':>{width[1]}}    {'after':<{width[2]}}  pages"]
    for fid, old, new, pages in rows:
        if len(old) <= SHORT and len(new) <= SHORT:
            lines.append(f"{fid:<{width[0]}}  {old:>{width[1]}} -> {new:<{width[2]}}  "
                         f"({pages})")
            continue
        lines += [f"{fid}  ({pages})", f"    before: {old}", f"    after:  {new}"]
        if not old.startswith("(") and not new.startswith("("):
            lines.append(f"    changed: {differing(old, new)}")
    return "\n".join(lines)


def differing(old: str, new: str) -> str:
    """The words that differ between two sentences: '“1.7%” -> “1.8%”' (… for the rest)."""
    a, b = old.split(), new.split()
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1

    def part(words: list[str]) -> str:
        middle = " ".join(words[start:len(words) - end])
        return (("… " if start else "") + f"“{middle}”" + (" …" if end else ""))

    return f"{part(a)} -> {part(b)}"
