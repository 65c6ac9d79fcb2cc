"""What the tests share: where the project and its data are, scratch-copy and CLI helpers, the
built report's layout and a PDF font check. Fixtures are in conftest.py."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from nsc_report.layout import Layout

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
# The edition whose executed notebooks are committed in book/ (pyproject's [tool.nsc-report]).
EDITION: str = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
    "tool"]["nsc-report"]["edition"]


def later_editions(source: Path, edition: str = EDITION):  # type: ignore[no-untyped-def]
    """A `shutil.copytree` ignore that leaves out, of the data folder `source`, the edition
    folders later than `edition`: those a user made in the working tree (`new-edition 2025`
    as the README walks it), which the tests of the committed edition must not see (a copy
    that already has data/2025 refuses `new-edition 2025`; a build makes it the landing page).
    The committed edition, the earlier ones its site archives, and the shared folders
    (reference/, public/) are kept."""
    top = Path(source).resolve()

    def ignore(folder: str, names: list[str]) -> set[str]:
        if Path(folder).resolve() != top:
            return set()
        return {n for n in names if n.isdigit() and len(n) == 4 and n > edition}

    return ignore


def copy_data(target: Path, source: Path = DATA, *, tree: Path = DATA) -> Path:
    """A scratch copy of a data folder. The working tree's (`tree`) is copied as the committed
    edition needs it, editions a user added to it left out (`later_editions`); a folder a test
    made itself is copied whole (its later editions are the test's own)."""
    import shutil

    mine = Path(source).resolve() == Path(tree).resolve()
    return Path(shutil.copytree(source, target, ignore=later_editions(source) if mine else None))


def chromium_path() -> str | None:
    from nsc_report.printing.pdf import ChromiumMissing, find_chromium

    try:
        return find_chromium()
    except ChromiumMissing:
        return None


requires_chromium = pytest.mark.skipif(
    chromium_path() is None,
    reason="Chromium is not installed (apt-get install chromium, or set NSC_CHROMIUM)")


def rewrite_csv(path: Path, edit) -> None:
    """Rewrite a CSV file through `edit(rows)`, which changes rows in place or returns new ones."""
    with path.open(newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    fields = list(reader.fieldnames or [])
    edited = edit(rows)
    rows = rows if edited is None else edited
    with path.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def set_answer(data_dir: Path, force_name: str, question: str, period: str, *,
               status: str | None = None, value: int | str | None = None,
               note: str | None = None) -> None:
    """Change one row of foi_returns.csv in a scratch data folder."""
    with (data_dir / "reference" / "forces.csv").open(newline="") as fh:
        code = next(r["force_code"] for r in csv.DictReader(fh) if r["force_name"] == force_name)

    def edit(rows: list[dict[str, str]]) -> None:
        row = next((r for r in rows if (r["force_code"], r["question_id"], r["period"])
                    == (code, question, period)), None)
        if row is None:
            raise KeyError((force_name, question, period))
        for column, new in (("status", status), ("value", value), ("note", note)):
            if new is not None:
                row[column] = str(new)

    rewrite_csv(data_dir / EDITION / "foi_returns.csv", edit)


# The letters' reply address of a scratch edition (edition.yml: requests.reply_to): `requests`
# refuses to write letters without one, and the committed 2024 edition predates the field.
REPLY_TO = "foi@nsc.example"


def give_reply_address(data_dir: Path, edition: str = EDITION, address: str = REPLY_TO) -> None:
    """Fill in the reply address of a scratch edition, as the team does before the letters."""
    path = data_dir / edition / "edition.yml"
    text = path.read_text(encoding="utf-8")
    if re.search(r"^requests:", text, flags=re.MULTILINE):
        text = re.sub(r"^  reply_to:.*$", f"  reply_to: {address}", text, flags=re.MULTILINE)
    else:
        text = text.rstrip("\n") + f"\nrequests:\n  reply_to: {address}\n"
    path.write_text(text, encoding="utf-8")


def with_reply_address(ed, address: str = REPLY_TO):  # type: ignore[no-untyped-def]
    """A loaded edition given a reply address (for letters written from the committed data)."""
    from nsc_report.data.models import Requests

    ed.meta = ed.meta.model_copy(update={"requests": Requests(reply_to=address)})
    return ed


# The forces of a small edition, for end-to-end tests whose behaviour does not depend on the
# number of forces (a build of 9 force pages costs a fifth of one of 43): one that answered
# most questions (Durham), one that did not respond (Cleveland), the largest (Metropolitan
# Police), one with no commissioner (City of London), two with a mayor (Greater Manchester and,
# from May 2024, North Yorkshire), the one whose commitment is public (Nottinghamshire), one
# that made no SPO applications (West Mercia) and Cheshire, whose answers the year-on-year
# tests read.
SMALL_FORCES = ("Durham", "Cleveland", "Metropolitan Police", "City of London",
                "Greater Manchester", "North Yorkshire", "Nottinghamshire", "West Mercia",
                "Cheshire")


def small_data(source: Path, target: Path, forces: tuple[str, ...] = SMALL_FORCES, *,
               tree: Path = DATA) -> Path:
    """A copy of a data folder (as `copy_data` copies it from `tree`) that
    keeps only `forces`: their rows of the reference tables, of every edition's answers and
    commitments and of the published series (whose national rows stay) and of the request
    trackers."""
    copy_data(target, source, tree=tree)
    with (source / "reference" / "forces.csv").open(newline="", encoding="utf-8") as fh:
        every = {r["force_code"]: r["force_name"] for r in csv.DictReader(fh)}
    unknown = set(forces) - set(every.values())
    assert not unknown, f"no such force: {sorted(unknown)}"
    drop = {code for code, name in every.items() if name not in forces}
    tables = [target / "reference" / "forces.csv", target / "reference" / "oversight.csv",
              target / "public" / "series.csv",
              *target.glob("*/foi_returns.csv"), *target.glob("*/pcc_commitments.csv"),
              *target.glob("*/tracker.csv")]
    for path in tables:
        rewrite_csv(path, lambda rows: [r for r in rows if r["force_code"] not in drop])
    return target


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "nsc_report.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=900)


# What a copy of the project leaves out: what a fresh clone does not have either.
PROJECT_IGNORE = ("_build", ".venv", ".git", "__pycache__", "*.egg-info", ".pytest_cache",
                  ".ruff_cache", ".hypothesis")


def project_copy(target: Path, data: Path | None = None, root: Path = ROOT) -> Path:
    """A copy of the project as a fresh clone has it (its committed executed notebooks in
    book/ included; editions a user added to data/ left out: `later_editions`), or with
    `data` in place of its data folder (and without the notebooks executed for the committed
    data)."""
    import shutil

    fresh = shutil.ignore_patterns(*PROJECT_IGNORE)
    added = later_editions(root / "data")

    def ignore(folder: str, names: list[str]) -> set[str]:
        return set(fresh(folder, names)) | added(folder, names)

    shutil.copytree(root, target, ignore=ignore)
    if data is not None:
        shutil.rmtree(target / "data")
        shutil.copytree(data, target / "data")
        for notebook in (target / "book").rglob("*.ipynb"):
            notebook.unlink()
    return target


def changed_copy(shared: Path, target: Path) -> tuple[Path, Path]:
    """A copy of a shared changed edition's `data/` and `out/`, side by side as they were (the
    executed notebooks name the data folder by relative path): (data, out)."""
    import shutil

    data = shutil.copytree(shared / "data", target / "data")
    out = shutil.copytree(shared / "out", target / "out", symlinks=True)
    return data, out


@dataclass(frozen=True)
class Built:
    """The committed edition built in a copy of the project as `make report` builds it on a
    fresh clone: the executed notebooks are the committed ones (up to date, so none is executed
    again; nbval proves they are what a fresh execution gives), the site and PDFs new."""

    root: Path

    @property
    def out(self) -> Path:
        return self.root / "_build"

    @property
    def notebooks(self) -> Path:
        return self.root / "book"

    @property
    def html(self) -> Path:
        return self.out / "html"

    @property
    def pdf(self) -> Path:
        return self.out / "pdf" / "nsc-stalking-report-2024.pdf"

    def page(self, name: str) -> str:
        return (self.html / "book" / f"{name}.html").read_text(encoding="utf-8")

    def sibling(self, prefix: str) -> Path:
        """A new empty folder beside the project copy, at the same depth (executed notebooks
        name the data folder by relative path), unique to the caller."""
        import tempfile

        return Path(tempfile.mkdtemp(prefix=f"{prefix}-", dir=self.root.parent))


def pdf_fonts(pdf):  # type: ignore[no-untyped-def]
    """Every font object used on a page of a PDF (pages repeat them)."""
    for page in pdf.pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            yield ref.get_object()


def unembedded_fonts(pdf) -> set[str]:
    """Fonts a PDF uses without carrying them (a reader's machine would substitute them)."""
    missing = set()
    for font in pdf_fonts(pdf):
        if font.get("/Subtype") == "/Type3":
            continue  # glyphs drawn by the PDF itself: embedded by definition
        if font.get("/Subtype") == "/Type0":
            font = font["/DescendantFonts"][0].get_object()
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:
            missing.add(str(font.get("/BaseFont")))
            continue
        descriptor = descriptor.get_object()
        if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            missing.add(str(font.get("/BaseFont")))
    return missing


def cells(nb) -> list[tuple]:
    """What a reader and nbval see of a notebook: sources, outputs and execution counts (a
    warning names the kernel's process in its file name: that differs between any two kernels)."""
    return [(c.cell_type, c.source, c.get("execution_count"),
             re.sub(r"ipykernel_\d+", "ipykernel_N", json.dumps(c.get("outputs", []),
                                                                sort_keys=True)))
            for c in nb.cells]


def font_families(pdf) -> set[str]:
    """The families of the fonts a PDF uses ('LiberationSans' for 'AAAAAA+LiberationSans-Bold'),
    Type 3 fonts (glyphs a printer drew itself, for a character its fonts lacked) included."""
    return {"Type3" if font.get("/Subtype") == "/Type3" else
            str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1].split("-")[0]
            for font in pdf_fonts(pdf)}


MM = 72 / 25.4


def pdf_pages(path) -> list[str]:  # type: ignore[no-untyped-def]
    """Each page's text as a reader meets it, read with pdfium (some thirty times faster than
    pypdf or pdfplumber, for tests that read words, not sizes or places). A raised mark (‡, †)
    follows its figure as in the HTML ("8‡"): pdfium starts a line of its own for it."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    marks = {ord(m) for m in "‡†"}
    pages = []
    document = pypdfium2.PdfDocument(str(path))
    try:
        for page in document:
            textpage = page.get_textpage()
            kept: list[tuple[int, bool]] = []
            last = None  # the box of the last character printed (not a space)
            for i in range(textpage.count_chars()):
                code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
                generated = bool(pdfium_c.FPDFText_IsGenerated(textpage.raw, i))
                if not code or (generated and not chr(code).isspace()):
                    continue
                if not chr(code).isspace():
                    box = textpage.get_charbox(i)  # (left, bottom, right, top)
                    # A mark raised above the line of the figure before it: the break pdfium
                    # made before it is not the page's.
                    if code in marks and last is not None and last[1] + 0.5 < box[1] < last[3]:
                        while kept and kept[-1][1] and chr(kept[-1][0]).isspace():
                            kept.pop()
                    last = box
                kept.append((code, generated))
            # pdfium writes a hyphen that ends a line as U+0002.
            pages.append("".join(chr(c) for c, _ in kept).replace("\r\n", "\n")
                         .replace("\x02", "-"))
    finally:
        document.close()
    return pages


def small_text(path, least: float = 6.0) -> list[tuple[int, float, str]]:
    """Printed text under `least` points, as (page, size, the words): upright characters only
    (a rotated axis title is measured along its line). A character's size is its font's size
    scaled by the matrix it is drawn with (a chart drawn smaller than its SVG prints smaller
    text), read with pdfium: pdfplumber gives the same sizes at twelve times the cost."""
    import ctypes

    import pypdfium2
    import pypdfium2.raw as pdfium_c

    found: dict[tuple[int, float], str] = {}
    document = pypdfium2.PdfDocument(str(path))
    matrix = pdfium_c.FS_MATRIX()
    try:
        for number, page in enumerate(document, 1):
            textpage = page.get_textpage()
            for i in range(textpage.count_chars()):
                code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
                if not code or pdfium_c.FPDFText_IsGenerated(textpage.raw, i) \
                        or not chr(code).strip():
                    continue
                pdfium_c.FPDFText_GetMatrix(textpage.raw, i, ctypes.byref(matrix))
                if abs(matrix.b) > 1e-6 or abs(matrix.c) > 1e-6 or min(matrix.a, matrix.d) <= 0:
                    continue  # not upright
                size = round(pdfium_c.FPDFText_GetFontSize(textpage.raw, i)
                             * (matrix.a * matrix.d) ** 0.5, 1)
                if size < least - 0.05:
                    found[(number, size)] = found.get((number, size), "") + chr(code)
    finally:
        document.close()
    return [(page, size, text[:40]) for (page, size), text in sorted(found.items())]


def page_fill(path, margin_mm: float = 20, body_size: float = 8.6) -> list[float]:
    """How full each page is: the height its content spans between the top and bottom page
    margins (the running head and the margin notes left out, as is the white of a page's
    background), as a share of that height. Measured with pdfplumber."""
    import pdfplumber

    white = ((1.0, 1.0, 1.0), (1.0,), (1,), [1.0, 1.0, 1.0], [1.0])
    fills = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            top, bottom = margin_mm * MM, page.height - margin_mm * MM
            objects = ([c for c in page.chars if c["size"] >= body_size] + page.rects
                       + page.curves + page.lines + page.images)
            inside = [o for o in objects if o["top"] >= top - 1 and o["bottom"] <= bottom + 1
                      and o.get("non_stroking_color") not in white]
            fills.append((max(o["bottom"] for o in inside) - min(o["top"] for o in inside))
                         / (bottom - top) if inside else 0.0)
    return fills


# The MyST the book's own Markdown is read with (_config.yml, plus dollarmath in case it is
# turned on), and the CommonMark-only parser myst-nb reads a notebook's Markdown outputs with.
MYST_CONFIGS = {
    "myst": {"myst_enable_extensions": ["colon_fence", "deflist", "substitution",
                                        "attrs_inline", "dollarmath"],
             "myst_substitutions": {"pdf_link": "<a href='x'>PDF</a>"}},
    "commonmark": {"myst_commonmark_only": True},
}


def myst_doctree(source: str, config: str):  # type: ignore[no-untyped-def]
    """Markdown as myst-parser reads it (docutils), errors kept quiet in the tree."""
    from docutils.core import publish_doctree
    from myst_parser.parsers.docutils_ import Parser

    return publish_doctree(source, parser=Parser(), settings_overrides={
        **MYST_CONFIGS[config], "report_level": 5, "halt_level": 5})


def myst_html(source: str, config: str) -> str:
    """Markdown as myst-parser renders it to HTML (docutils' writer): the page's body."""
    from docutils.core import publish_string
    from myst_parser.parsers.docutils_ import Parser

    out = publish_string(source, parser=Parser(), writer_name="html5", settings_overrides={
        **MYST_CONFIGS[config], "report_level": 5, "halt_level": 5, "output_encoding": "unicode"})
    return out[out.index("<main"):out.index("</main>")]


def notebook_template(path: Path, *sources: str) -> Path:
    """A template notebook of a parameters cell and `sources`, as the execution tests need."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    nb = new_notebook()
    params = new_code_cell('edition = "x"\ndata_dir = "x"\ncurrent_period = "x"\n'
                           'previous_period = "x"')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, *(new_code_cell(s) for s in sources)]
    for i, cell in enumerate(nb.cells):
        cell.id = f"c{i}"
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, path)
    return path


# --- a small book (Sphinx alone) ---------------------------------------------------------

SMALL_BOOK_CONFIG = """title: "A small book"
author: "Someone"
only_build_toc_files: true
execute:
  execute_notebooks: "off"
html:
  use_repository_button: false
  home_page_in_navbar: true
sphinx:
  config:
    language: en
    html_last_updated_fmt: null
"""


def toc(*chapters: str) -> str:
    return "format: jb-book\nroot: intro\nchapters:\n" + "".join(f"- file: {c}\n"
                                                                   for c in chapters)


def small_book(tmp_path: Path) -> Layout:
    """A staged Jupyter Book of two pages (the introduction and a chapter), built in seconds:
    what a test of how Sphinx writes pages needs, not the report."""
    from nsc_report.layout import Layout

    out = tmp_path / "out"
    layout = Layout(root=tmp_path, notebooks=out / "book", out=out, work=out / ".work")
    source = layout.stage
    source.mkdir(parents=True)
    (source / "_config.yml").write_text(SMALL_BOOK_CONFIG)
    (source / "_toc.yml").write_text(toc("first"))
    (source / "intro.md").write_text("# Introduction\n\nWords.\n")
    (source / "first.md").write_text("# The first chapter\n\nWords.\n")
    return layout


def add_chapter(layout: Layout) -> None:
    """A second chapter, in the table of contents."""
    (layout.stage / "second.md").write_text("# The second chapter\n\nMore words.\n")
    (layout.stage / "_toc.yml").write_text(toc("first", "second"))


def executed_notebook(path: Path, values: dict[str, str], record: dict) -> Path:
    """A notebook as `glue_figures` leaves it: each value glued, and the register (`record`)."""
    import nbformat

    from nsc_report.present.figures import RECORD
    from nsc_report.publishing.register import GLUE_MIME

    outputs = [nbformat.v4.new_output("display_data", data={GLUE_MIME: repr(text)},
                                      metadata={"scrapbook": {"name": key}})
               for key, text in values.items()]
    outputs.append(nbformat.v4.new_output("display_data", data={GLUE_MIME: json.dumps(record)},
                                          metadata={"scrapbook": {"name": RECORD}}))
    cell = nbformat.v4.new_code_cell("glue_figures(figures(ed))", outputs=outputs)
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), path)
    return path
