"""Build the web book with Jupyter Book 1 (Sphinx), offline.

The build never works in place: the book's sources and the executed notebooks are copied into a
staging folder together with what is generated per edition (config, vega bundle, downloads),
Sphinx builds into a work folder that persists between builds (so rebuilds are incremental), and
only a successful build is copied over the published folder, by rename.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import pandas as pd
import yaml

from .data import Edition

VEGA_BUNDLE = "vendor/vega-embed-bundle.js"
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)  # zip entries carry no build time: output is stable


class BuildError(Exception):
    """Sphinx reported an error or a warning (warnings are errors here)."""


@dataclass(frozen=True)
class Layout:
    """Where one edition's build reads and writes."""

    root: Path            # project root: _config.yml, _toc.yml, book/
    notebooks: Path       # executed notebooks (book/ for the committed edition)
    out: Path             # published output: <out>/html, <out>/pdf
    work: Path            # staging and Sphinx work folders, kept between builds

    @property
    def stage(self) -> Path:
        return self.work / "stage"

    @property
    def html(self) -> Path:
        return self.out / "html"

    @property
    def pdf_dir(self) -> Path:
        return self.out / "pdf"


def pdf_name(edition: Edition) -> str:
    return f"{edition.meta.slug}-{edition.meta.edition}.pdf"


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


def staged_config(root: Path, edition: Edition) -> dict[str, Any]:
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    meta = edition.meta
    config["title"] = f"{meta.title} ({meta.edition})"
    config["author"] = meta.publisher
    sphinx = config.setdefault("sphinx", {}).setdefault("config", {})
    theme = sphinx.setdefault("html_theme_options", {})
    if meta.illustrative:
        # Shown at the top of every page while the edition's data are illustrative.
        # Plain text: a relative link here would break on pages outside book/ (search).
        theme["announcement"] = (
            "Illustrative data: the per-force figures in this edition are constructed to match "
            "the published national totals and are not the forces' real answers. The "
            "methodology explains which figures are real.")
    name = pdf_name(edition)
    sphinx["myst_substitutions"] = {
        "pdf_link": f'<a class="nsc-download-pdf" href="downloads/{name}" download="{name}">'
                    f"The full report as a PDF (A4)</a>",
        "edition": meta.edition,
    }
    # The fingerprint of the code that shapes every page: when it changes, the config changes
    # and Sphinx rebuilds every page instead of only those whose sources changed.
    code = b"".join((Path(__file__).parent / n).read_bytes() for n in ("publish.py",
                                                                        "sphinx_ext.py"))
    sphinx["html_context"] = {"default_mode": "light",
                              "nsc_build": hashlib.sha256(code).hexdigest()[:16]}
    sphinx["html_title"] = f"{meta.title} ({meta.edition})"
    theme["logo"] = {"alt_text": f"{meta.publisher}: {meta.title} - home"}
    return config


def stage(layout: Layout, edition: Edition, progress: Callable[[str], None] = print) -> None:
    """Assemble the Sphinx source folder for this edition."""
    src_book, dst_book = layout.root / "book", layout.stage / "book"
    notebooks = sorted(layout.notebooks.glob("*.ipynb"))
    notebooks = [p for p in notebooks if not p.name.startswith(".")]
    # Pages glue figures from the notebooks; Sphinx does not know that, so a page is treated as
    # changed whenever any notebook is newer than it.
    newest = max((p.stat().st_mtime for p in notebooks), default=0.0)
    expected: set[Path] = set()
    for src in src_book.rglob("*"):
        if src.is_file() and src.suffix != ".ipynb" and ".ipynb_checkpoints" not in src.parts:
            dst = dst_book / src.relative_to(src_book)
            _sync_file(src, dst, newest if src.suffix == ".md" else None)
            expected.add(dst)
    for nb in notebooks:
        dst = dst_book / nb.name
        _sync_file(nb, dst)
        expected.add(dst)
    _sync_file(layout.root / "_toc.yml", layout.stage / "_toc.yml")
    config = yaml.safe_dump(staged_config(layout.root, edition), sort_keys=False)
    _write_if_changed(layout.stage / "_config.yml", config.encode())
    expected |= {layout.stage / "_toc.yml", layout.stage / "_config.yml"}
    bundle, stamp = dst_book / "_static" / VEGA_BUNDLE, layout.stage / ".vega-bundle-version"
    write_vega_bundle(bundle, stamp)
    expected |= {bundle, stamp}
    expected |= write_downloads(dst_book / "downloads", edition, notebooks)
    for stale in [p for p in layout.stage.rglob("*") if p.is_file() and p not in expected]:
        stale.unlink()
    progress(f"  staged {len(notebooks)} notebooks and {len(expected)} files")


def write_vega_bundle(path: Path, stamp: Path) -> None:
    """vega, vega-lite and vega-embed from vl-convert, so no page loads a script from a CDN.

    The bundle is wrapped in a function because its top-level `const _` would clash with the
    `_` that Sphinx's own scripts define.
    """
    import vl_convert as vlc

    # `stamp` records which vl-convert wrote the bundle: rebundling takes seconds.
    version = f"vl-convert {vlc.get_vega_embed_version()} {vlc.get_vegalite_versions()[-1]}"
    if path.exists() and stamp.exists() and stamp.read_text() == version:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    bundle = vlc.javascript_bundle("window.vegaEmbed = vegaEmbed;")
    path.write_text(f"(function () {{\n{bundle}\n}})();\n", encoding="utf-8")
    stamp.write_text(version)


def chart_tables(notebooks: list[Path]) -> dict[str, pd.DataFrame]:
    """Every chart's data table, read from the chart outputs of the executed notebooks."""
    tables: dict[str, pd.DataFrame] = {}
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                chart = output.get("metadata", {}).get("nsc_chart")
                if chart:
                    tables[chart["name"]] = pd.read_csv(io.StringIO(chart["csv"]))
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


def write_downloads(folder: Path, edition: Edition, notebooks: list[Path]) -> set[Path]:
    """The edition's data as CSV and XLSX, every chart's table, and the executed notebooks."""
    returns = edition.returns[["force_code", "force_name", "region", "question_id", "period",
                               "status", "value", "note"]]
    tables = chart_tables(notebooks)
    sheets = {"returns": returns, "forces": edition.forces, "questions": edition.questions.assign(
        periods=edition.questions["periods"].map("; ".join)),
        "national": edition.national, "pcc_commitments": edition.commitments,
        **{f"chart {name}": frame for name, frame in tables.items()}}
    files = {
        "foi-returns.csv": returns.to_csv(index=False, lineterminator="\n").encode(),
        "nsc-data.xlsx": _xlsx(sheets, edition),
        "chart-data.zip": _zip({f"{name}.csv": frame.to_csv(index=False, lineterminator="\n")
                                .encode() for name, frame in tables.items()}),
        "notebooks.zip": _zip({p.name: p.read_bytes() for p in notebooks}),
    }
    written = set()
    for name, content in files.items():
        _write_if_changed(folder / name, content)
        written.add(folder / name)
    return written


# --- Sphinx ----------------------------------------------------------------------------------

def sphinx_build(layout: Layout, builder: str) -> Path:
    """Build the staged sources with Jupyter Book's Sphinx configuration; return the output."""
    from jupyter_book.sphinx import build_sphinx

    outdir = layout.work / builder
    status = build_sphinx(
        str(layout.stage), str(outdir), path_config=str(layout.stage / "_config.yml"),
        doctreedir=str(layout.work / f".doctrees-{builder}"), builder=builder,
        noconfig=True, warningiserror=True, keep_going=True, quiet=True,
        confoverrides={"latex_individualpages": False})
    if isinstance(status, Exception) or status:
        raise BuildError(f"Jupyter Book ({builder}) failed; the messages above say where. "
                         f"The last good build in {layout.out} is unchanged.")
    return outdir


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
                     progress: Callable[[str], None] = print) -> Path:
    """The whole book on one page: what the PDF is printed from."""
    stage(layout, edition, progress)
    progress("  building the single-page HTML for printing")
    built = sphinx_build(layout, "singlehtml")
    # Sphinx writes the single page to book/index.html with links written as if it stood at
    # the root; point book/ at the root's assets so those links resolve.
    for name in ("_static", "_downloads", "_images"):
        link = built / "book" / name
        if (built / name).exists() and not link.exists():
            link.symlink_to(Path("..") / name)
    return built


def build_html(layout: Layout, edition: Edition, progress: Callable[[str], None] = print,
               pdf_file: Path | None = None) -> Path:
    stage(layout, edition, progress)
    progress("  building HTML with Jupyter Book")
    built = sphinx_build(layout, "html")
    if pdf_file is not None and pdf_file.exists():
        (built / "book" / "downloads").mkdir(exist_ok=True)
        shutil.copy2(pdf_file, built / "book" / "downloads" / pdf_file.name)
    publish_dir(built, layout.html)
    progress(f"  HTML written to {layout.html}")
    return layout.html
