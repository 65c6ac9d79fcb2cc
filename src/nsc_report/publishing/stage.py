"""Staging: the Sphinx source folder of one edition (for the web book, or for the single page the
PDF is printed from), with its table of contents, register of figures and downloads.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from nsc_report.data import Edition
from nsc_report.errors import EXIT_BUILD, NscReportError
from nsc_report.execution.templates import skipped_templates
from nsc_report.infra import files, yamlfile
from nsc_report.infra.kept import Outputs, code_version, digest, file_stamps
from nsc_report.infra.progress import PLAIN, Progress
from nsc_report.infra.untrusted import markdown_text
from nsc_report.layout import Layout
from nsc_report.present import words
from nsc_report.publishing import register
from nsc_report.publishing.archive import EDITIONS_PAGE, Site, editions_page
from nsc_report.publishing.cards import write_cards
from nsc_report.publishing.config import edition_chapters, staged_config
from nsc_report.publishing.downloads import (
    VEGA_BUNDLE,
    _write_if_changed,
    download_names,
    staged_downloads,
    write_downloads,
    write_vega_bundle,
)
from nsc_report.publishing.embargo import Embargo
from nsc_report.publishing.release_calendar import ics


class BuildError(NscReportError):
    """Sphinx reported an error or a warning (warnings are errors here)."""

    exit_code, unchanged = EXIT_BUILD, ""


def _sync_file(src: Path, dst: Path, mtime: float | None = None,
               content: bytes | None = None, within: Path | None = None) -> None:
    """Copy (or write `content` made from `src`) only when the content differs, so unchanged
    pages keep their timestamps. With `within` (the data folder), the file is read where it
    stands there, never through a link."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    if within is not None:
        content = files.read_bytes(src, "a chapter", within=within)
        if not dst.exists() or dst.read_bytes() != content:
            dst.write_bytes(content)
            os.utime(dst, (os.lstat(src).st_mtime,) * 2)
    elif content is not None:
        _write_if_changed(dst, content)
    elif not dst.exists() or dst.read_bytes() != src.read_bytes():
        shutil.copy2(src, dst)
    if mtime is not None and dst.stat().st_mtime < mtime:
        os.utime(dst, (mtime, mtime))


PRINT_ANNEX = "book/annex-forces"  # the printed report's one-row-per-force annex

LANDING = "index.md"  # the landing page, whose heading is the edition's title


def titled(page: Path, title: str) -> bytes:
    """The landing page with its heading set to the edition's title (edition.yml): typed in
    book/index.md, it stayed 2024's in the 2025 edition. The title is text, so every ASCII
    character that could open Markdown or MyST markup is escaped (`markdown_text`)."""
    text = page.read_text(encoding="utf-8")
    first, sep, rest = text.partition("\n")
    if not first.startswith("# "):
        return text.encode()
    return f"# {markdown_text(title)}{sep}{rest}".encode()


FORCE_PAGES = "forces"             # folder of the force pages, left out of the printed report


def _glued_from(page: Path, folder: Path, mtimes: dict[Path, float],
                newest: float) -> float | None:
    """When the newest notebook that a Markdown page glues figures from was written (`folder`
    is where the page's notebooks stand); None for a page that glues nothing. A page that names
    no notebook, or one not found, counts every notebook."""
    text = page.read_text(encoding="utf-8")
    found = register.GLUE_ROLE.findall(text)
    if not found:
        return None if "{glue" not in text else newest
    if len(found) != text.count("{glue"):
        return newest  # a glue directive as well as roles: assume it may paste anything
    times = []
    for doc, _ in found:
        notebook = (folder / f"{doc}.ipynb").resolve() if doc else None
        if notebook not in mtimes:
            return newest
        times.append(mtimes[notebook])
    return max(times)


def _without(toc: dict[str, Any], drop: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    """The table of contents without the chapters `drop` selects (and parts left empty)."""
    parts = []
    for part in toc.get("parts", []):
        chapters = [c for c in part.get("chapters", []) if not drop(c)]
        if chapters:
            parts.append({**part, "chapters": chapters})
    return {**toc, "parts": parts}


def print_toc(toc: dict[str, Any]) -> dict[str, Any]:
    """The printed report's table of contents: the web book's, without the 43 force pages
    (the briefings print those) and the web-only pages, with the annexes at the end."""
    web_only = {EDITIONS_PAGE, register.REGISTER_PAGE}
    printed = _without(toc, lambda c: c.get("file") in web_only or any(
        s.get("glob", "").startswith(f"book/{FORCE_PAGES}/") for s in c.get("sections", [])))
    annex = {"caption": words.Words("print").text("print-annex-caption"),
             "chapters": [{"file": PRINT_ANNEX}, {"file": register.ANNEX_PAGE}]}
    return {**printed, "parts": [*printed["parts"], annex]}


def edition_toc(toc: dict[str, Any], root: Path, edition: Edition) -> dict[str, Any]:
    """The table of contents without the chapters whose templates are not part of this edition
    (the comparison with a previous edition, for an edition that has none)."""

    skipped = {f"book/{t.stem}" for t in skipped_templates(root / "notebooks", edition)}
    return _without(toc, lambda c: c.get("file") in skipped)


def stage(layout: Layout, edition: Edition, progress: Progress = PLAIN,
          for_print: bool = False, site: Site | None = None, downloads: bool = True,
          embargo: Embargo | None = None) -> Path:
    """Assemble the Sphinx source folder for this edition (for the web book, or for the
    single page the PDF is printed from); return it. With `downloads` False the downloads
    last staged are kept as they are (the preview writes the page being read first).
    `embargo` marks every page (and, for the web, every social card)."""
    folder = layout.print_stage if for_print else layout.stage
    src_book, dst_book = layout.root / "book", folder / "book"
    notebooks = sorted(p for p in layout.notebooks.rglob("*.ipynb")
                       if not p.name.startswith(".") and ".ipynb_checkpoints" not in p.parts)
    if for_print:
        notebooks = [p for p in notebooks if p.parent == layout.notebooks]
    # Pages glue figures from the notebooks; Sphinx does not know that, so a page is treated as
    # changed whenever a notebook it glues from is newer than it.
    mtimes = {p.resolve(): p.stat().st_mtime for p in notebooks}
    newest = max(mtimes.values(), default=0.0)
    expected: set[Path] = set()
    for src in src_book.rglob("*"):
        if src.is_file() and src.suffix != ".ipynb" and ".ipynb_checkpoints" not in src.parts:
            dst = dst_book / src.relative_to(src_book)
            glued = _glued_from(src, layout.notebooks / src.parent.relative_to(src_book),
                                mtimes, newest) if src.suffix == ".md" else None
            _sync_file(src, dst, glued, titled(src, edition.meta.title)
                       if src == src_book / LANDING else None)
            expected.add(dst)
    # The edition's own words (introduction, summary, recommendations, the victim's account).
    for src in sorted(edition_chapters(edition)):
        dst = dst_book / src.name
        _sync_file(src, dst, _glued_from(src, layout.notebooks, mtimes, newest),
                   within=edition.directory.parent)
        expected.add(dst)
    for nb in notebooks:
        dst = dst_book / nb.relative_to(layout.notebooks)
        _sync_file(nb, dst)
        expected.add(dst)
    toc = edition_toc(yamlfile.load_file(layout.root / "_toc.yml", "the book's _toc.yml"),
                      layout.root, edition)
    if for_print:
        toc = print_toc(toc)
    elif EDITIONS_PAGE in _toc_files(toc):
        # Made from the data folder's editions, so written here rather than kept in book/.
        page = dst_book / f"{Path(EDITIONS_PAGE).name}.md"
        listing = site or Site.alone(edition)
        _write_if_changed(page, editions_page(listing).encode())
        expected.add(page)
        if listing.next is not None:  # the release calendar's file, which the page offers
            first = next(e for e in listing.entries if e.year == listing.current)
            calendar = dst_book / "downloads" / listing.next.file_name
            _write_if_changed(calendar, ics(listing.next, edition.meta.publisher, listing.url,
                                            first.published).encode())
            expected.add(calendar)
    _write_if_changed(folder / "_toc.yml", yaml.safe_dump(toc, sort_keys=False).encode())
    names = download_names(edition)
    expected |= write_register(dst_book, toc, for_print,
                               (names["figures.csv"], names["figures.json"]))
    if not for_print:  # the social cards, from the register just written
        expected |= write_cards(dst_book, toc, edition, (site or Site.alone(edition)).base, embargo)
    config = yaml.safe_dump(staged_config(layout.root, edition, site, embargo),
                            sort_keys=False)
    _write_if_changed(folder / "_config.yml", config.encode())
    expected |= {folder / "_toc.yml", folder / "_config.yml"}
    bundle, stamp = dst_book / "_static" / VEGA_BUNDLE, folder / ".vega-bundle-version"
    write_vega_bundle(bundle, stamp)
    expected |= {bundle, stamp}
    if downloads:
        expected |= write_downloads(dst_book / "downloads", edition, notebooks,
                                    layout.notebooks)
    else:
        expected |= staged_downloads(dst_book / "downloads")
    for stale in [p for p in folder.rglob("*") if p.is_file() and p not in expected]:
        stale.unlink()
    progress.message(f"  staged {len(notebooks)} notebooks and {len(expected)} files")
    return folder


def write_register(book: Path, toc: dict[str, Any], for_print: bool,
                   names: tuple[str, str] = ("figures.csv", "figures.json")) -> set[Path]:
    """The register of figures, from the staged notebooks and chapters: the page "Where each
    figure comes from" and figures.csv/json for the web, the one-line-per-figure annex for
    print, and figures.csv/json beside the other downloads. A figure printed anywhere without a
    register entry stops the build."""
    files = set(_toc_files(toc))
    generated = {EDITIONS_PAGE, register.REGISTER_PAGE, register.ANNEX_PAGE}
    markdown = [(p.stem, p) for p in sorted(book.glob("*.md"))
                if f"book/{p.stem}" not in generated]
    order = [c["file"].removeprefix("book/") for part in toc.get("parts", [])
             for c in part.get("chapters", []) if "file" in c]
    outputs = Outputs(book.parent / REGISTER_RECORD)
    # Two keys: the versions of what the register is made from (no file read), then, when a
    # notebook changed, the register itself (a notebook reworded or executed again mostly
    # leaves every figure as it was, and nothing needs writing).
    inputs = digest([_register_inputs(book, markdown, order, files, for_print), *names])
    kept = outputs.unchanged(inputs=inputs)
    if kept is not None:
        return kept
    reg = register.build(book, markdown, order)
    missing = register.unregistered(reg)
    if missing:
        raise BuildError(
            f"{len(missing)} glued figure(s) have no entry in the register of figures: "
            f"{', '.join(missing[:10])}. Return a Register from the section's figures() (see "
            f"nsc_report/figures.py) so that each figure says what it is and where it comes "
            f"from.")
    content = digest([code_version(), for_print, sorted(f for f in files if f),
                      reg.entries, reg.titles, reg.printed, *names])
    kept = outputs.unchanged(content=content)
    if kept is not None:
        return outputs.keep(kept - {outputs.record}, inputs=inputs, content=content)
    written = set()
    pages = ({register.ANNEX_PAGE: register.annex_page(reg, names[0])} if for_print else
             {register.REGISTER_PAGE: register.register_page(
                 reg, {f.removeprefix("book/") for f in files}, names)})
    for name, text in pages.items():
        if name in files:
            path = book.parent / f"{name}.md"
            _write_if_changed(path, text.encode())
            written.add(path)
    # The printed book has no force pages, so its copies list the chapters' figures only (the
    # PDF only names these files).
    for name, text in ((names[0], register.to_csv(reg)), (names[1], register.to_json(reg))):
        _write_if_changed(book / "downloads" / name, text.encode())
        written.add(book / "downloads" / name)
    return outputs.keep(written, inputs=inputs, content=content)


# Beside the staged sources: what the register last written was made from.
REGISTER_RECORD = ".register.json"


def _register_inputs(book: Path, markdown: list[tuple[str, Path]], order: list[str],
                     files: set[str], for_print: bool) -> str:
    """All the register is made from: each notebook's version, and of each Markdown page its
    title and the figures it prints (not the rest of its prose), and the code."""
    notebooks = sorted(p for p in book.rglob("*.ipynb")
                       if not p.name.startswith(".") and ".ipynb_checkpoints" not in p.parts)
    pages = []
    for name, path in markdown:
        text = path.read_text(encoding="utf-8")
        pages.append((name, register.heading(text, name), register.GLUE_ROLE.findall(text)))
    return digest([code_version(), for_print, sorted(f for f in files if f), order, pages,
                   file_stamps(notebooks)])


def _toc_files(toc: dict[str, Any]) -> set[str]:
    return {c.get("file") for p in toc.get("parts", []) for c in p.get("chapters", [])}
