"""Build the web book with Jupyter Book 1 (Sphinx), offline.

The build never works in place: the book's sources and the executed notebooks are copied into a
staging folder together with what is generated per edition (config, vega bundle, downloads),
Sphinx builds into a work folder that persists between builds (so rebuilds are incremental), and
only a successful build is copied over the published folder, by rename.
"""

from __future__ import annotations

import hashlib
import html
import io
import os
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat
import pandas as pd
import yaml

from nsc_report.data import Edition, provenance, verbatim
from nsc_report.errors import EXIT_BUILD, NscReportError
from nsc_report.execution.templates import skipped_templates
from nsc_report.infra.progress import PLAIN, Progress
from nsc_report.layout import Layout, pdf_name
from nsc_report.publishing import register
from nsc_report.publishing.archive import ARCHIVE, EDITIONS_PAGE, Site, editions_page, newer_notice

VEGA_BUNDLE = "vendor/vega-embed-bundle.js"
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)  # zip entries carry no build time: output is stable


class BuildError(NscReportError):
    """Sphinx reported an error or a warning (warnings are errors here)."""

    exit_code, unchanged = EXIT_BUILD, ""


# --- staging ---------------------------------------------------------------------------------

def _sync_file(src: Path, dst: Path, mtime: float | None = None) -> None:
    """Copy only when the content differs, so unchanged pages keep their timestamps."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    if not dst.exists() or dst.read_bytes() != src.read_bytes():
        shutil.copy2(src, dst)
    if mtime is not None and dst.stat().st_mtime < mtime:
        os.utime(dst, (mtime, mtime))


def _write_if_changed(dst: Path, content: bytes) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    if not dst.exists() or dst.read_bytes() != content:
        dst.write_bytes(content)


def staged_config(root: Path, edition: Edition, site: Site | None = None) -> dict[str, Any]:
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    meta = edition.meta
    config["title"] = f"{meta.title} ({meta.edition})"
    config["author"] = meta.publisher
    sphinx = config.setdefault("sphinx", {}).setdefault("config", {})
    theme = sphinx.setdefault("html_theme_options", {})
    notices = []
    if site is not None and site.this != site.current:
        notices.append(newer_notice(site))
    if meta.illustrative:
        # Shown at the top of every page while the edition's data are illustrative: in full,
        # or on a phone as one line whose link nsc-a11y.js points at the methodology (pages sit
        # at different depths, so the link is made from the page's own content root).
        notices.append(
            '<span class="nsc-banner-long">Illustrative data: the per-force figures in this '
            "edition are constructed to match the published national totals and are not the "
            "forces' real answers. The methodology explains which figures are real.</span>"
            '<span class="nsc-banner-short">Illustrative data, not real answers: '
            '<a class="nsc-banner-link" href="#">what this means</a></span>')
    if notices:
        theme["announcement"] = " ".join(notices)
    theme["extra_footer"] = help_footer(edition)
    sphinx["nsc_provenance"] = provenance_config(edition)
    sphinx["nsc_quotations"] = {
        q.id: {"text": verbatim.normalise(q.text), "who": q.who, "role": q.role,
               "citation": edition.source(q.source).citation}
        for q in edition.quotations.values()}
    name = pdf_name(edition)
    files = download_names(edition)
    sphinx["myst_substitutions"] = {
        "pdf_link": f'<a class="nsc-download-pdf" href="downloads/{name}" download="{name}">'
                    f"The full report as a PDF (A4)</a>",
        "edition": meta.edition,
        **{f"dl_{key.split('.')[0].replace('-', '_')}":
           f'<a class="nsc-download" href="downloads/{file}" download="{file}">{label}</a>'
           for (key, file), label in zip(files.items(), DOWNLOAD_LABELS, strict=True)},
        "illustrative_note": ("Every file below is made from this edition's illustrative "
                              "data: its name ends in -illustrative, and each says so inside "
                              "(a status column, a notes sheet or a README)."
                              if meta.illustrative else ""),
    }
    # The fingerprint of the code that shapes every page: when it changes, the config changes
    # and Sphinx rebuilds every page instead of only those whose sources changed.
    code = b"".join(p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py")))
    sphinx["html_context"] = {"default_mode": "light",
                              "nsc_build": hashlib.sha256(code).hexdigest()[:16]}
    sphinx["html_title"] = f"{meta.title} ({meta.edition})"
    theme["logo"] = {"alt_text": f"{meta.publisher}: {meta.title} - home"}
    return config


def provenance_config(edition: Edition) -> dict[str, Any]:
    """For the Sphinx extension: the status of each data file that is not published (by
    '<edition>/<file>', as the notebooks record what they read) and the caveat of each
    status, so that a page built from such a file says so."""
    meta, year = edition.meta, edition.meta.edition
    files = {f"{year}/{name}": f.status for name, f in meta.data_files.items()}
    caveats = {"illustrative": provenance.illustrative_caveat(edition),
               "unverified": " ".join(dict.fromkeys(
                   s.caveat for s in meta.sources.values()
                   if s.status == "unverified" and s.caveat))}
    return {"files": files, "caveats": caveats}


def help_footer(edition: Edition) -> str:
    """The footer of every page: where a reader finds help, and who publishes the report."""
    meta, h = edition.meta, edition.meta.help
    parts = []
    if h is not None:
        phone = re.sub(r"\s+", "", h.helpline_phone)
        parts.append(f'<p class="nsc-help"><strong>Worried about stalking?</strong> Call the '
                     f'{html.escape(h.helpline_name)} on <a href="tel:{phone}">'
                     f"{html.escape(h.helpline_phone)}</a>, or visit "
                     f'<a href="{html.escape(h.website)}">{html.escape(_bare(h.website))}</a>. '
                     f"In an emergency, call 999.</p>")
    parts.append(f'<p class="nsc-publisher">{html.escape(meta.publisher)}: '
                 f"{html.escape(meta.title)} ({meta.edition}).</p>")
    return "".join(parts)


def _bare(url: str) -> str:
    return re.sub(r"^https?://", "", url).rstrip("/")


CHAPTERS = "chapters"  # data/<edition>/chapters/: the narrative chapters each edition owns


def edition_chapters(edition: Edition) -> list[Path]:
    """The Markdown chapters an edition owns; each takes the place of book/<name>.md."""
    return sorted((edition.directory / CHAPTERS).glob("*.md"))


PRINT_ANNEX = "book/annex-forces"  # the printed report's one-row-per-force annex
FORCE_PAGES = "forces"             # folder of the force pages, left out of the printed report


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
    annex = {"caption": "Annex", "chapters": [{"file": PRINT_ANNEX},
                                              {"file": register.ANNEX_PAGE}]}
    return {**printed, "parts": [*printed["parts"], annex]}


def edition_toc(toc: dict[str, Any], root: Path, edition: Edition) -> dict[str, Any]:
    """The table of contents without the chapters whose templates are not part of this edition
    (the comparison with a previous edition, for an edition that has none)."""

    skipped = {f"book/{t.stem}" for t in skipped_templates(root / "notebooks", edition)}
    return _without(toc, lambda c: c.get("file") in skipped)


def stage(layout: Layout, edition: Edition, progress: Progress = PLAIN,
          for_print: bool = False, site: Site | None = None) -> Path:
    """Assemble the Sphinx source folder for this edition (for the web book, or for the
    single page the PDF is printed from); return it."""
    folder = layout.print_stage if for_print else layout.stage
    src_book, dst_book = layout.root / "book", folder / "book"
    notebooks = sorted(p for p in layout.notebooks.rglob("*.ipynb")
                       if not p.name.startswith(".") and ".ipynb_checkpoints" not in p.parts)
    if for_print:
        notebooks = [p for p in notebooks if p.parent == layout.notebooks]
    # Pages glue figures from the notebooks; Sphinx does not know that, so a page is treated as
    # changed whenever any notebook is newer than it.
    newest = max((p.stat().st_mtime for p in notebooks), default=0.0)
    expected: set[Path] = set()
    for src in src_book.rglob("*"):
        if src.is_file() and src.suffix != ".ipynb" and ".ipynb_checkpoints" not in src.parts:
            dst = dst_book / src.relative_to(src_book)
            _sync_file(src, dst, newest if src.suffix == ".md" else None)
            expected.add(dst)
    # The edition's own words (introduction, summary, recommendations, the victim's account).
    for src in sorted(edition_chapters(edition)):
        dst = dst_book / src.name
        _sync_file(src, dst, newest)
        expected.add(dst)
    for nb in notebooks:
        dst = dst_book / nb.relative_to(layout.notebooks)
        _sync_file(nb, dst)
        expected.add(dst)
    toc = edition_toc(yaml.safe_load((layout.root / "_toc.yml").read_bytes()), layout.root,
                      edition)
    if for_print:
        toc = print_toc(toc)
    elif EDITIONS_PAGE in _toc_files(toc):
        # Made from the data folder's editions, so written here rather than kept in book/.
        page = dst_book / f"{Path(EDITIONS_PAGE).name}.md"
        listing = site or Site.alone(edition)
        _write_if_changed(page, editions_page(listing).encode())
        expected.add(page)
    _write_if_changed(folder / "_toc.yml", yaml.safe_dump(toc, sort_keys=False).encode())
    expected |= write_register(dst_book, toc, for_print)
    config = yaml.safe_dump(staged_config(layout.root, edition, site), sort_keys=False)
    _write_if_changed(folder / "_config.yml", config.encode())
    expected |= {folder / "_toc.yml", folder / "_config.yml"}
    bundle, stamp = dst_book / "_static" / VEGA_BUNDLE, folder / ".vega-bundle-version"
    write_vega_bundle(bundle, stamp)
    expected |= {bundle, stamp}
    expected |= write_downloads(dst_book / "downloads", edition, notebooks, layout.notebooks)
    for stale in [p for p in folder.rglob("*") if p.is_file() and p not in expected]:
        stale.unlink()
    progress.message(f"  staged {len(notebooks)} notebooks and {len(expected)} files")
    return folder


def write_register(book: Path, toc: dict[str, Any], for_print: bool) -> set[Path]:
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
    reg = register.build(book, markdown, order)
    missing = register.unregistered(reg)
    if missing:
        raise BuildError(
            f"{len(missing)} glued figure(s) have no entry in the register of figures: "
            f"{', '.join(missing[:10])}. Return a Register from the section's figures() (see "
            f"nsc_report/figures.py) so that each figure says what it is and where it comes "
            f"from.")
    written = set()
    pages = ({register.ANNEX_PAGE: register.annex_page(reg)} if for_print else
             {register.REGISTER_PAGE: register.register_page(
                 reg, {f.removeprefix("book/") for f in files})})
    for name, text in pages.items():
        if name in files:
            path = book.parent / f"{name}.md"
            _write_if_changed(path, text.encode())
            written.add(path)
    # The printed book has no force pages, so its copies list the chapters' figures only (the
    # PDF only names these files).
    for name, text in (("figures.csv", register.to_csv(reg)),
                       ("figures.json", register.to_json(reg))):
        _write_if_changed(book / "downloads" / name, text.encode())
        written.add(book / "downloads" / name)
    return written


def _toc_files(toc: dict[str, Any]) -> set[str]:
    return {c.get("file") for p in toc.get("parts", []) for c in p.get("chapters", [])}


def _user_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "nsc-report"


def write_vega_bundle(path: Path, stamp: Path) -> None:
    """vega, vega-lite and vega-embed from vl-convert, so no page loads a script from a CDN.

    The bundle is wrapped in a function because its top-level `const _` would clash with the
    `_` that Sphinx's own scripts define. Bundling takes about a second and depends only on
    the vl-convert version, so one copy per version is kept in the user's cache folder too
    (as pip keeps wheels): a cold build of a fresh checkout does not bundle again.
    """
    import vl_convert as vlc

    version = f"vl-convert {vlc.get_vega_embed_version()} {vlc.get_vegalite_versions()[-1]}"
    if path.exists() and stamp.exists() and stamp.read_text() == version:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(version.encode()).hexdigest()[:16]
    cached = _user_cache() / f"vega-embed-bundle-{key}.js"
    if cached.is_file():
        shutil.copyfile(cached, path)
    else:
        bundle = vlc.javascript_bundle("window.vegaEmbed = vegaEmbed;")
        path.write_text(f"(function () {{\n{bundle}\n}})();\n", encoding="utf-8")
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(f".{os.getpid()}.tmp")
            shutil.copyfile(path, tmp)
            os.replace(tmp, cached)
        except OSError:
            pass  # no writable cache folder: bundle again next time
    stamp.write_text(version)


def chart_outputs(notebooks: list[Path]) -> list[tuple[dict[str, Any], dict[str, str]]]:
    """Every chart of the executed notebooks: its `nsc_chart` metadata (name, title, caption,
    CSV) and its output data (HTML, SVG, text), read once."""
    charts = []
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                chart = output.get("metadata", {}).get("nsc_chart")
                if chart:
                    charts.append((chart, output["data"]))
    return charts


def chart_files(charts: list[tuple[dict[str, Any], dict[str, str]]]) -> dict[str, bytes]:
    """The CSV and SVG that each chart's download links point to."""
    files: dict[str, bytes] = {}
    for chart, data in charts:
        if chart.get("downloads", True):
            stem = chart.get("file", chart["name"])
            files[f"{stem}.csv"] = chart["csv"].encode()
            files[f"{stem}.svg"] = data["image/svg+xml"].encode()
    return files


def chart_tables(charts: list[tuple[dict[str, Any], dict[str, str]]]) -> dict[str, pd.DataFrame]:
    """Every chart's data table."""
    tables = {chart["name"]: pd.read_csv(io.StringIO(chart["csv"])) for chart, _ in charts}
    return dict(sorted(tables.items()))


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in sorted(entries.items()):
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, content)
    return buffer.getvalue()


def _xlsx(sheets: dict[str, pd.DataFrame], edition: Edition) -> bytes:
    import datetime as dt

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name[:31], index=False)
        stamp = dt.datetime.combine(edition.meta.publication_date, dt.time())
        props = writer.book.properties
        props.created = props.modified = stamp
        props.creator = props.lastModifiedBy = edition.meta.publisher
        props.title = f"{edition.meta.title} ({edition.meta.edition}): data"
    # openpyxl stamps the workbook's "modified" property and its zip entries with the time of
    # saving; rewrite both with the publication date so that the same data give the same file.
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as zf:
        entries = {info.filename: zf.read(info) for info in zf.infolist()}
    fixed = f"{stamp:%Y-%m-%dT%H:%M:%SZ}".encode()
    entries["docProps/core.xml"] = re.sub(
        rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)", rb"\g<1>" + fixed + rb"\2",
        entries["docProps/core.xml"])
    return _zip(entries)


DOWNLOADS = ("foi-returns.csv", "nsc-data.xlsx", "chart-data.zip", "notebooks.zip")
DOWNLOAD_LABELS = ("FOI returns (CSV)", "The whole dataset as a workbook (XLSX)",
                   "The data table of every chart (ZIP of CSV files)",
                   "The executed notebooks that compute every figure (ZIP)")


def download_names(edition: Edition) -> dict[str, str]:
    """Each download's file name for this edition ('-illustrative' where it must say so)."""
    return {name: provenance.download_name(edition, name) for name in DOWNLOADS}


def data_notice(edition: Edition) -> str:
    """What every download of an edition with constructed data says about it."""
    if not edition.meta.illustrative:
        return ""
    return (f"ILLUSTRATIVE DATA, NOT REAL ANSWERS. {provenance.illustrative_caveat(edition)} "
            f"{edition.meta.title} ({edition.meta.edition}); rows marked 'illustrative' in the "
            f"data_status column are constructed.")


def _with_status(frame: pd.DataFrame, edition: Edition, file: str) -> pd.DataFrame:
    """The table with a status column (and the caveat) where its file is not published."""
    prov = provenance.of(edition, (file,))
    if prov.status == "published":
        return frame
    return frame.assign(data_status=prov.status, caveat=prov.caveat)


def write_downloads(folder: Path, edition: Edition, notebooks: list[Path],
                    notebook_dir: Path) -> set[Path]:
    """The edition's data as CSV and XLSX, every chapter chart's table, and the executed
    notebooks. The force pages' charts restate the chapters' data, so their tables are left
    out of the workbook (the notebooks themselves are in the zip). In an illustrative edition
    every file says so: in its name, a status column and a notice (a notes sheet, a README)."""
    returns = _with_status(edition.returns[["force_code", "force_name", "region",
                                            "question_id", "period", "status", "value", "note"]],
                           edition, "returns")
    charts = chart_outputs([p for p in notebooks if p.parent == notebook_dir])
    tables = chart_tables(charts)
    notice = data_notice(edition)
    notes = ({"notes": pd.DataFrame({"Notice": [notice]})} if notice else {})
    sheets = {**notes, "returns": returns, "forces": edition.forces,
              "questions": edition.questions.assign(
                  periods=edition.questions["periods"].map("; ".join)),
              "national": edition.national,
              "pcc_commitments": _with_status(edition.commitments, edition, "commitments"),
              **{f"chart {name}": frame for name, frame in tables.items()}}
    readme = {"README.txt": (notice + "\n").encode()} if notice else {}
    names = download_names(edition)
    files = {
        names["foi-returns.csv"]: returns.to_csv(index=False, lineterminator="\n").encode(),
        names["nsc-data.xlsx"]: _xlsx(sheets, edition),
        names["chart-data.zip"]: _zip({**readme, **{
            f"{name}.csv": frame.to_csv(index=False, lineterminator="\n").encode()
            for name, frame in tables.items()}}),
        names["notebooks.zip"]: _zip({**readme, **{
            p.relative_to(notebook_dir).as_posix(): p.read_bytes() for p in notebooks}}),
    }
    files.update({f"charts/{name}": content for name, content in chart_files(charts).items()})
    written = set()
    for name, content in files.items():
        _write_if_changed(folder / name, content)
        written.add(folder / name)
    return written


# --- Sphinx ----------------------------------------------------------------------------------

def sphinx_build(layout: Layout, builder: str, source: Path | None = None) -> Path:
    """Build the staged sources with Jupyter Book's Sphinx configuration; return the output."""
    from jupyter_book.sphinx import build_sphinx

    source = source or layout.stage
    outdir = layout.work / builder
    status = build_sphinx(
        str(source), str(outdir), path_config=str(source / "_config.yml"),
        doctreedir=str(layout.work / f".doctrees-{builder}"), builder=builder,
        noconfig=True, warningiserror=True, keep_going=True, quiet=True,
        confoverrides={"latex_individualpages": False})
    if isinstance(status, Exception) or status:
        raise BuildError(f"Jupyter Book ({builder}) failed; the messages above say where. "
                         f"The last good build in {layout.out} is unchanged.")
    return outdir


def copy_briefings(layout: Layout, site: Path | None = None) -> None:
    """Put the force briefings (if printed) into the site's downloads/forces/."""
    site = site or layout.html
    briefings = sorted((layout.pdf_dir / "forces").glob("*.pdf"))
    if not briefings or not site.is_dir():
        return
    folder = site / "book" / "downloads" / "forces"
    folder.mkdir(parents=True, exist_ok=True)
    for pdf in briefings:
        _sync_file(pdf, folder / pdf.name)


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


def build_singlehtml(layout: Layout, edition: Edition,
                     progress: Progress = PLAIN) -> Path:
    """The whole book on one page: what the PDF is printed from."""
    source = stage(layout, edition, progress, for_print=True)
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
                   "pydata-sphinx-theme", "vl-convert-python", "pandas", "openpyxl")


def inputs_fingerprint(layout: Layout, edition: Edition, builder: str,
                       extra: list[Path] | None = None) -> str:
    """A hash of everything a build reads: the book's sources, the executed notebooks, the
    configuration, the edition's data, the code that stages and extends the build, and the
    versions of the libraries that write the pages."""
    from importlib import metadata

    digest = hashlib.sha256(builder.encode())
    for name in BUILD_LIBRARIES:
        digest.update(f"{name}=={metadata.version(name)}\n".encode())
    package = Path(__file__).parent
    files = [p for p in (layout.root / "book").rglob("*") if p.is_file()
             and ".ipynb_checkpoints" not in p.parts and not p.name.startswith(".")]
    files += [p for p in layout.notebooks.rglob("*.ipynb") if not p.name.startswith(".")]
    files += [layout.root / "_toc.yml", layout.root / "_config.yml", *edition.files,
              *edition_chapters(edition),
              *sorted(package.glob("*.py")), *sorted(package.parent.glob("printing/*.css")),
              *(extra or [])]
    for path in sorted(set(files)):
        # Named relative to the project, so that a copy of a build is still up to date.
        name = os.path.relpath(path, layout.root)
        digest.update(f"\n--{Path(name).as_posix()}--\n".encode())
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")
    return digest.hexdigest()


def build_html(layout: Layout, edition: Edition, progress: Progress = PLAIN,
               pdf_file: Path | None = None, site: Site | None = None,
               archives: dict[str, Path] | None = None) -> Path:
    """Stage and build the web book; nothing to do when none of its inputs changed since the
    last successful build (Sphinx alone needs a second to find that out).

    `site` places the edition among the others (the editions page, the notice on an earlier
    edition); `archives` are the built sites of the earlier editions, copied in under
    editions/<year>/ so that the published folder holds every edition."""
    stamp = layout.work / "html.inputs"
    extra = [pdf_file] if pdf_file is not None else []
    archives = archives or {}
    for tree in archives.values():
        extra += sorted(p for p in tree.rglob("*") if p.is_file())
    fingerprint = inputs_fingerprint(layout, edition, "html",
                                     extra + sorted((layout.pdf_dir / "forces").glob("*.pdf")))
    if site is not None:
        fingerprint = hashlib.sha256(f"{fingerprint}{site}".encode()).hexdigest()
    if layout.html.is_dir() and stamp.is_file() and stamp.read_text() == fingerprint:
        progress.message(f"  HTML in {layout.html} is up to date")
        return layout.html
    stamp.unlink(missing_ok=True)
    stage(layout, edition, progress, site=site)
    progress.message("  building HTML with Jupyter Book")
    built = sphinx_build(layout, "html")
    if pdf_file is not None and pdf_file.exists():
        (built / "book" / "downloads").mkdir(exist_ok=True)
        shutil.copy2(pdf_file, built / "book" / "downloads" / pdf_file.name)
    copy_briefings(layout, built)
    # Each chart's CSV and SVG, which its download links point to (not linked through
    # Sphinx's download role, so copied here).
    # Each chart's CSV and SVG and the register of figures, which their pages link to
    # directly (not through Sphinx's download role, so copied here).
    for name in ("charts", "figures.csv", "figures.json", *download_names(edition).values()):
        src, dst = layout.stage / "book" / "downloads" / name, built / "book" / "downloads" / name
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        elif src.is_file():
            shutil.copy2(src, dst)
    # A stale copy of an earlier edition from the previous build must not survive.
    shutil.rmtree(built / ARCHIVE, ignore_errors=True)
    for year, tree in sorted(archives.items()):
        shutil.copytree(tree, built / ARCHIVE / year,
                        ignore=shutil.ignore_patterns(".buildinfo", "*.pickle"))
    publish_dir(built, layout.html)
    stamp.write_text(fingerprint)
    progress.message(f"  HTML written to {layout.html}")
    return layout.html
