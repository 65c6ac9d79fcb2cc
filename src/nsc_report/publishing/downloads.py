"""What readers download: the edition's data as CSV and XLSX, every chart's table, the executed
notebooks, each chart's files, and the site's own copy of Vega. In an illustrative edition every
file says so.
"""

from __future__ import annotations

import functools
import hashlib
import io
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd

from nsc_report.data import Edition, provenance
from nsc_report.data.public import ENGLAND_AND_WALES
from nsc_report.infra import files
from nsc_report.infra.files import FIXED_ZIP_TIME
from nsc_report.infra.kept import Outputs, code_version, digest, file_stamps
from nsc_report.infra.notebooks import read_notebook
from nsc_report.infra.untrusted import csv_frame, csv_text
from nsc_report.infra.user_cache import cache_key, kept_bytes, kept_text
from nsc_report.present import labels, words
from nsc_report.publishing import spreadsheets

VEGA_BUNDLE = "vendor/vega-embed-bundle.js"




def _write_if_changed(dst: Path, content: bytes) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    if not dst.exists() or dst.read_bytes() != content:
        dst.write_bytes(content)


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
    text = kept_text("vega-embed", cache_key(version), lambda: "(function () {\n"
                     + vlc.javascript_bundle("window.vegaEmbed = vegaEmbed;") + "\n})();\n",
                     suffix=".js")
    path.write_text(text, encoding="utf-8")
    stamp.write_text(version)


def chart_outputs(notebooks: list[Path]) -> list[tuple[dict[str, Any], dict[str, str]]]:
    """Every chart of the executed notebooks: its `nsc_chart` metadata (name, title, caption,
    CSV) and its output data (HTML, SVG, text), read once."""
    charts = []
    for path in notebooks:
        nb = read_notebook(path)
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
            files[f"{stem}.csv"] = csv_text(chart["csv"]).encode()
            files[f"{stem}.svg"] = data["image/svg+xml"].encode()
    return files


def chart_tables(charts: list[tuple[dict[str, Any], dict[str, str]]]) -> dict[str, bytes]:
    """Every chart's data table as CSV, as the chart wrote it (read back by pandas, a count
    with a gap in its column came out as 2.0): the same bytes as its own download."""
    # Named as each chart's own download is ('-illustrative' when drawn from constructed data).
    return dict(sorted((f"{chart.get('file', chart['name'])}.csv",
                        csv_text(chart["csv"]).encode()) for chart, _ in charts))


def _csv(frame: pd.DataFrame) -> bytes:
    """A table as a CSV download: no field of it runs as a formula (OWASP's rule)."""
    return csv_frame(frame).to_csv(index=False, lineterminator="\n").encode()


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in sorted(entries.items()):
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, content)
    return buffer.getvalue()


DOWNLOADS = ("foi-returns.csv", "nsc-data.xlsx", "chart-data.zip", "notebooks.zip",
             "published-statistics.csv", "nsc-data.ods", "figures.csv", "figures.json")
# Real figures whatever the edition's status: never named '-illustrative'.
PUBLISHED = provenance.PUBLISHED_DOWNLOAD


def download_names(edition: Edition) -> dict[str, str]:
    """Each download's file name for this edition ('-illustrative' where it must say so)."""
    return {name: name if name == PUBLISHED else provenance.download_name(edition, name)
            for name in DOWNLOADS}


def published_table(edition: Edition) -> pd.DataFrame:
    """The published series (data/public/), one row per series, force, period and measure,
    with the force's name, the period and the measure in words, and the source of each row."""
    pub = edition.public
    names = {**dict(zip(edition.forces["force_code"], edition.forces["force_name"],
                        strict=True)), ENGLAND_AND_WALES: labels.england_and_wales(edition)}
    t = pub.table
    src = pub.sources
    return pd.DataFrame({
        "series": t["series"], "force_code": t["force_code"],
        "area": t["force_code"].map(names), "period": t["period"],
        "period_label": t["period"].map(lambda p: labels.public_period(edition, p)),
        "measure": t["measure"],
        "measure_description": [src[s].measures[m] for s, m in zip(t["series"], t["measure"],
                                                                     strict=True)],
        "value": t["value"], "note": t["note"],
        "data_status": t["series"].map(lambda s: src[s].status),
        "source": t["series"].map(lambda s: src[s].citation),
        "compiler": t["series"].map(lambda s: src[s].compiler),
        "licence": t["series"].map(lambda s: src[s].licence),
    })


def data_notice(edition: Edition, content: str = "tables") -> str:
    """What every download of an edition with constructed data says about it; `content`:
    what the file holds, tables (rows with a status column) or notebooks (none: a fact-check
    found the notebooks ZIP's README pointing to columns it does not hold)."""
    if not edition.meta.illustrative:
        return ""
    w = words.of(edition, "downloads")
    return w.text("downloads-notice", caveat=provenance.illustrative_caveat(edition),
                  title=edition.meta.title, edition=edition.meta.edition, content=content)


def _with_status(frame: pd.DataFrame, edition: Edition, file: str) -> pd.DataFrame:
    """The table with a status column (and the caveat) where its file is not published."""
    prov = provenance.of(edition, (file,))
    if prov.status == "published":
        return frame
    return frame.assign(data_status=prov.status, caveat=prov.caveat)


def returns_table(edition: Edition) -> pd.DataFrame:
    """The answers as the CSV download and the workbook give them, with the source a row
    cites where it has one (an answer the force made public itself: data/<edition>/README.md),
    so that a row resting on a published source says which."""
    columns = ["force_code", "force_name", "region", "question_id", "period", "status",
               "value", "note"]
    if "source_id" in edition.returns.columns:
        columns.append("source_id")
    return _with_status(edition.returns[columns], edition, "returns")


def _data_digest(edition: Edition) -> str:
    """A hash of every data file of the data folder (the chapters' prose aside)."""
    data_dir = edition.directory.parent
    digest = hashlib.sha256(edition.meta.edition.encode())
    # Read where each file stands: a link in the data folder is refused, not followed.
    for path in files.files_in(data_dir, data_dir, recursive=True, hidden=False):
        if "chapters" not in path.relative_to(data_dir).parts:
            digest.update(f"\n--{path.relative_to(data_dir).as_posix()}--\n".encode())
            digest.update(files.read_bytes(path, within=data_dir))
    return digest.hexdigest()


# Records beside the downloads of what they were made from: the workbook (seconds to write)
# from the data alone, the rest from the data and the executed notebooks.
DOWNLOADS_RECORD, WORKBOOK_RECORD = ".downloads.json", ".workbook.json"
WRITERS = ("pandas", "gptables", "XlsxWriter", "odfpy", "nbformat")
WORDS = ("downloads", "spreadsheets")  # the words files of the downloads


def staged_downloads(folder: Path) -> set[Path]:
    """The downloads that the last `write_downloads` into `folder` wrote, with its records."""
    return Outputs(folder / DOWNLOADS_RECORD).files() | Outputs(folder / WORKBOOK_RECORD).files()


def write_downloads(folder: Path, edition: Edition, notebooks: list[Path],
                    notebook_dir: Path) -> set[Path]:
    """The edition's data as CSV and as an accessible workbook (XLSX and ODS, see
    spreadsheets.py), every chapter chart's table, and the executed notebooks. In an
    illustrative edition every file says so: in its name, a status column and a notice (the
    workbook's cover and notes, a README). Nothing is written again whose inputs did not change
    since the last call (in this process or another). Returns the files, with the records."""
    # The words of the workbook and the notices are part of what it is made from.
    data_key = digest([_data_digest(edition), code_version(*WRITERS),
                       *(words.load(section).text for section in WORDS)])
    outputs, workbook = Outputs(folder / DOWNLOADS_RECORD), Outputs(folder / WORKBOOK_RECORD)
    inputs = digest([data_key, file_stamps(notebooks), str(notebook_dir)])
    kept, book_files = outputs.unchanged(inputs=inputs), workbook.unchanged(data=data_key)
    if kept is not None and book_files is not None:
        return kept | book_files
    returns = returns_table(edition)
    charts = chart_outputs([p for p in notebooks if p.parent == notebook_dir])
    tables = chart_tables(charts)
    notice, notebooks_notice = data_notice(edition), data_notice(edition, "notebooks")
    published = published_table(edition)
    readme = {"README.txt": (notice + "\n").encode()} if notice else {}
    notebooks_readme = ({"README.txt": (notebooks_notice + "\n").encode()} if notebooks_notice
                        else {})
    names = download_names(edition)
    # CSV has no types: a field a spreadsheet would run as a formula is quoted (csv_frame).
    files = {
        names["foi-returns.csv"]: _csv(returns),
        names[PUBLISHED]: _csv(published),
        names["chart-data.zip"]: _zip({**readme, **tables}),
        names["notebooks.zip"]: _zip({**notebooks_readme, **{
            p.relative_to(notebook_dir).as_posix(): p.read_bytes() for p in notebooks}}),
    }
    files.update({f"charts/{name}": content for name, content in chart_files(charts).items()})
    if book_files is None:
        book = spreadsheets.workbook(edition, returns, published)
        xlsx, ods = names["nsc-data.xlsx"], names["nsc-data.ods"]
        # The workbook is a function of `data_key` alone: kept in the user's cache too, as
        # every build of the same data (a fresh copy of the project, a test's) writes it.
        for name, write in ((xlsx, spreadsheets.to_xlsx), (ods, spreadsheets.to_ods)):
            _write_if_changed(folder / name, kept_bytes(
                "workbook", cache_key(data_key, name), functools.partial(write, book)))
        book_files = workbook.keep({folder / xlsx, folder / ods}, data=data_key)
    written = set()
    for name, content in files.items():
        _write_if_changed(folder / name, content)
        written.add(folder / name)
    return outputs.keep(written, inputs=inputs) | book_files
