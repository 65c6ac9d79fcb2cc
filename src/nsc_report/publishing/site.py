"""Build the web book with Jupyter Book 1 (Sphinx), offline.

The build never works in place: the book's sources and the executed notebooks are copied into a
staging folder together with what is generated per edition (config, vega bundle, downloads),
Sphinx builds into a work folder that persists between builds (so rebuilds are incremental), and
only a successful build is copied over the published folder, by rename.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from typing import Any

from nsc_report.data import Edition
from nsc_report.data.provenance import illustrative_name
from nsc_report.infra.progress import PLAIN, Progress
from nsc_report.layout import Layout
from nsc_report.publishing.archive import ARCHIVE, Site
from nsc_report.publishing.config import edition_chapters
from nsc_report.publishing.downloads import download_names
from nsc_report.publishing.embargo import PRINTED, SITE, Embargo, label, record, recorded
from nsc_report.publishing.social import root_page
from nsc_report.publishing.stage import BuildError, _sync_file, stage


def sphinx_overrides() -> dict[str, Any]:
    """What every Sphinx application of ours sets beyond the staged _config.yml.

    `templates_path` is a new list each time: the book themes append their folders to it, and
    without a value of its own every application in a process appends to Sphinx's one default
    list, so a second application (the preview's, after its first build) differs in
    configuration from the first and finds every page out of date."""
    return {"latex_individualpages": False, "templates_path": []}


DOCUMENT_SUFFIXES = (".md", ".ipynb", ".rst")


def documents_key(source: Path) -> str:
    """The staged book's documents and its table of contents, as a hash. Sphinx's incremental
    build writes only the documents that changed, but every page's navigation shows every
    document: when this key changes (a chapter added, removed or moved), every page is written
    again (a chapter added while the preview ran was missing from the other pages' navigation,
    and every later build found them up to date)."""
    digest = hashlib.sha256()
    toc = source / "_toc.yml"
    digest.update(toc.read_bytes() if toc.is_file() else b"<no toc>")
    for path in sorted(source.rglob("*")):
        if path.suffix in DOCUMENT_SUFFIXES and path.is_file():
            digest.update(f"\n{path.relative_to(source).as_posix()}".encode())
    return digest.hexdigest()


def documents_record(layout: Layout, builder: str) -> Path:
    """Where the key of the documents a builder last wrote every page for is kept."""
    return layout.work / f"{builder}.documents"


def sphinx_build(layout: Layout, builder: str, source: Path | None = None) -> Path:
    """Build the staged sources with Jupyter Book's Sphinx configuration; return the output.
    Every page is written when the documents or the table of contents changed since the last
    build into this output (documents_key); otherwise only what Sphinx finds outdated."""
    from jupyter_book.sphinx import build_sphinx

    source = source or layout.stage
    outdir = layout.work / builder
    record, key = documents_record(layout, builder), documents_key(source)
    every = not (outdir.is_dir() and record.is_file() and record.read_text() == key)
    record.unlink(missing_ok=True)  # written again only when this build succeeds
    status = build_sphinx(
        str(source), str(outdir), path_config=str(source / "_config.yml"),
        doctreedir=str(layout.work / f".doctrees-{builder}"), builder=builder,
        noconfig=True, warningiserror=True, keep_going=True, quiet=True,
        confoverrides=sphinx_overrides(), force_all=every)
    if isinstance(status, Exception) or status:
        raise BuildError(f"Jupyter Book ({builder}) failed; the messages above say where. "
                         f"The last good build in {layout.out} is unchanged.")
    record.write_text(key)
    return outdir


def copy_briefings(layout: Layout, site: Path | None = None,
                   embargo: str | None = None) -> None:
    """Put the force briefings (if printed, under the site's embargo or none as the site) into
    the site's downloads/forces/, and the PDF of every version of the report kept so far into
    downloads/versions/. `embargo`: the site's (by default, what it was last built under)."""
    site = site or layout.html
    if not site.is_dir():
        return
    if embargo is None:
        embargo = recorded(layout.work / SITE)
    same = recorded(layout.pdf_dir / PRINTED) == embargo
    for kind in ("forces", "versions"):
        # Briefings printed under another embargo than the site's are left out, and so is
        # any copy an earlier build left (the built site persists between builds).
        found = sorted((layout.pdf_dir / kind).glob("*.pdf")) if same or kind == "versions" \
            else []
        folder = site / "book" / "downloads" / kind
        for old in sorted(folder.glob("*.pdf")):
            if old.name not in {pdf.name for pdf in found}:
                old.unlink()
        if not found:
            continue
        folder.mkdir(parents=True, exist_ok=True)
        for pdf in found:
            _sync_file(pdf, folder / pdf.name)


def copy_downloads(layout: Layout, edition: Edition, built: Path) -> None:
    """Each chart's CSV and SVG, the register of figures and the data downloads, which the pages
    link to directly (not through Sphinx's download role, so copied into the built site); a
    file is written only when its content changed. What an earlier build left there under
    another name (a chart renamed, a download that lost or gained '-illustrative', a calendar
    no longer made) is removed: the built site persists between builds, and is published."""
    staged = layout.stage / "book" / "downloads"
    downloads = built / "book" / "downloads"
    calendars = sorted(p.name for p in staged.glob("*.ics"))  # the release calendar's file
    names = download_names(edition)
    kept: set[Path] = set()
    for name in ("charts", *names.values(), *calendars):
        src, dst = staged / name, downloads / name
        for file in sorted(src.rglob("*")) if src.is_dir() else [src]:
            if file.is_file():
                target = dst / file.relative_to(src) if src.is_dir() else dst
                _sync_file(file, target)
                kept.add(target)
    stale = [*(downloads / "charts").rglob("*"), *downloads.glob("*.ics"),
             *(downloads / n for d in names for n in {d, illustrative_name(d)})]
    for path in stale:
        if path.is_file() and path not in kept:
            path.unlink()


def publish_changes(built: Path, target: Path) -> list[Path]:
    """Bring the published folder up to date with the built one file by file, each by rename
    (a reader gets the old file or the new one, never half of one); return what changed,
    relative to the folder. Files are compared by size and time (a published copy keeps its
    source's), then by content, so a page Sphinx wrote again unchanged is not counted."""
    changed = []
    for src in sorted(built.rglob("*")):
        if not src.is_file() or src.name == ".buildinfo" or src.suffix == ".pickle":
            continue
        rel = src.relative_to(built)
        dst = target / rel
        stat = src.stat()
        if dst.is_file():
            old = dst.stat()
            if (old.st_size, old.st_mtime_ns) == (stat.st_size, stat.st_mtime_ns):
                continue
            if old.st_size == stat.st_size and dst.read_bytes() == src.read_bytes():
                os.utime(dst, ns=(stat.st_atime_ns, stat.st_mtime_ns))
                continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        tmp = dst.with_name(f".{dst.name}.new")
        shutil.copy2(src, tmp)
        os.replace(tmp, dst)
        changed.append(rel)
    return changed


def publish_dir(built: Path, target: Path) -> None:
    """Replace target with a copy of built, by rename, so readers never see half a site."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = target.with_name(f".{target.name}.new")
    old = target.with_name(f".{target.name}.old")
    for leftover in (fresh, old):
        if leftover.exists():
            shutil.rmtree(leftover)
    shutil.copytree(built, fresh, ignore=shutil.ignore_patterns(".buildinfo", "*.pickle"))
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    if old.exists():
        shutil.rmtree(old)


def build_singlehtml(layout: Layout, edition: Edition, progress: Progress = PLAIN,
                     embargo: Embargo | None = None) -> Path:
    """The whole book on one page: what the PDF is printed from."""
    source = stage(layout, edition, progress, for_print=True, embargo=embargo)
    progress.message("  building the single-page HTML for printing")
    built = sphinx_build(layout, "singlehtml", source)
    # Sphinx writes the single page to book/index.html with links written as if it stood at
    # the root; point book/ at the root's assets so those links resolve.
    for name in ("_static", "_downloads", "_images"):
        link = built / "book" / name
        if (built / name).exists() and not link.exists():
            link.symlink_to(Path("..") / name)
    return built


# Libraries whose version changes the pages Sphinx writes.
BUILD_LIBRARIES = ("jupyter-book", "sphinx", "myst-nb", "myst-parser", "sphinx-book-theme",
                   "pydata-sphinx-theme", "vl-convert-python", "pandas", "gptables", "odfpy")


def inputs_fingerprint(layout: Layout, edition: Edition, builder: str,
                       extra: list[Path] | None = None) -> str:
    """A hash of everything a build reads: the book's sources, the executed notebooks, the
    words files, the configuration, the edition's data, the code that stages and extends the
    build, and the versions of the libraries that write the pages."""
    from importlib import metadata

    digest = hashlib.sha256(builder.encode())
    for name in BUILD_LIBRARIES:
        digest.update(f"{name}=={metadata.version(name)}\n".encode())
    package = Path(__file__).parents[1]  # the whole nsc_report package
    files = [p for p in (layout.root / "book").rglob("*") if p.is_file()
             and ".ipynb_checkpoints" not in p.parts and not p.name.startswith(".")]
    files += [p for p in layout.notebooks.rglob("*.ipynb") if not p.name.startswith(".")]
    # The words files: the build writes some words itself (the editions page, the notices),
    # the PDF and the briefings more (their covers, running heads and pages).
    files += sorted((layout.root / "notebooks").glob("*.ftl"))
    files += [layout.root / "_toc.yml", layout.root / "_config.yml", *edition.files,
              *edition_chapters(edition),
              *sorted(package.rglob("*.py")), *sorted(package.glob("printing/*.css")),
              *(extra or [])]
    for path in sorted(set(files)):
        # Named relative to the project, so that a copy of a build is still up to date.
        name = os.path.relpath(path, layout.root)
        digest.update(f"\n--{Path(name).as_posix()}--\n".encode())
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")
    return digest.hexdigest()


def build_html(layout: Layout, edition: Edition, progress: Progress = PLAIN,
               pdf_file: Path | None = None, site: Site | None = None,
               archives: dict[str, Path] | None = None, embargo: Embargo | None = None) -> Path:
    """Stage and build the web book; nothing to do when none of its inputs changed since the
    last successful build (Sphinx alone needs a second to find that out).

    `site` places the edition among the others (the editions page, the notice on an earlier
    edition); `archives` are the built sites of the earlier editions, copied in under
    editions/<year>/ so that the published folder holds every edition. `embargo` marks every
    page and card (the same build without it is the public one)."""
    stamp = layout.work / "html.inputs"
    extra = [pdf_file] if pdf_file is not None else []
    archives = archives or {}
    for tree in archives.values():
        extra += sorted(p for p in tree.rglob("*") if p.is_file())
    fingerprint = inputs_fingerprint(layout, edition, "html",
                                     extra + sorted((layout.pdf_dir / "forces").glob("*.pdf"))
                                     + sorted((layout.pdf_dir / "versions").glob("*.pdf")))
    if site is not None or embargo is not None:
        fingerprint = hashlib.sha256(f"{fingerprint}{site}{embargo}".encode()).hexdigest()
    if layout.html.is_dir() and stamp.is_file() and stamp.read_text() == fingerprint:
        progress.message(f"  HTML in {layout.html} is up to date")
        return layout.html
    stamp.unlink(missing_ok=True)
    stage(layout, edition, progress, site=site, embargo=embargo)
    if embargo is not None:
        progress.message(f"  every page marked {embargo.label} (and noindex)")
    progress.message("  building HTML with Jupyter Book")
    built = sphinx_build(layout, "html")
    root_page(built, edition.meta.language)  # the root's redirect, with the landing's card
    printed = recorded(layout.pdf_dir / PRINTED)
    if pdf_file is not None and pdf_file.exists() and printed == label(embargo):
        (built / "book" / "downloads").mkdir(exist_ok=True)
        shutil.copy2(pdf_file, built / "book" / "downloads" / pdf_file.name)
    elif pdf_file is not None and pdf_file.exists():
        # Not the copy an earlier build put there either (the built site persists).
        (built / "book" / "downloads" / pdf_file.name).unlink(missing_ok=True)
        progress.message(f"  the PDF was printed {'under ' + printed if printed else 'public'}"
                         f", this site {'under ' + label(embargo) if embargo else 'is public'}:"
                         f" left out until `nsc-report pdf` prints it again")
    copy_briefings(layout, built, label(embargo))
    copy_downloads(layout, edition, built)
    # A stale copy of an earlier edition from the previous build must not survive.
    shutil.rmtree(built / ARCHIVE, ignore_errors=True)
    for year, tree in sorted(archives.items()):
        shutil.copytree(tree, built / ARCHIVE / year,
                        ignore=shutil.ignore_patterns(".buildinfo", "*.pickle"))
    publish_dir(built, layout.html)
    record(layout.work / SITE, embargo)
    stamp.write_text(fingerprint)
    progress.message(f"  HTML written to {layout.html}")
    return layout.html
