"""The built web book: figures in the prose, charts, offline pages, and builds that never
damage the last good one."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import EDITION, ROOT, Built, changed_copy, project_copy, run_cli, set_answer

from nsc_report.data import load_edition
from nsc_report.infra.progress import QUIET
from nsc_report.layout import Layout
from nsc_report.publishing.site import build_html
from nsc_report.publishing.stage import BuildError

pytestmark = pytest.mark.build


def text_of(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.select("script, style, .cell_input, details.hide, .nsc-mark"):
        hidden.decompose()
    article = soup.select_one("article") or soup
    return re.sub(r"\s+", " ", article.get_text(" ")).replace(" .", ".").replace(" ,", ",")


def test_spo_page_holds_the_figures_and_a_chart(built: Built):
    page = built.page("spo")
    text = text_of(page)
    assert ("Of these forces, 12 applied in 10 or fewer cases in the whole year, counted by kind "
            "of order") in text
    assert "8 applied in 11 to 30, and only 3 in more than 30" in text
    assert "Every figure below counts these cases by kind of order" in text
    assert 'class="nsc-chart-canvas"' in page and 'data-spec="nsc-chart-spo-applications-spec"' \
        in page
    assert ("12 of 23 forces applied for SPOs in 10 or fewer cases in a year, counted by kind "
            "of order") in text


def test_every_page_is_offline(built: Built):
    assert (built.html / "_static" / "vendor" / "vega-embed-bundle.js").stat().st_size > 100_000
    for page in sorted(built.html.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        external = re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(https?:)?//',
                              html)
        assert not external, f"{page.name} loads something from another site"


def test_every_page_says_the_data_are_illustrative(built: Built):
    for page in sorted((built.html / "book").glob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        banner = soup.select_one(".bd-header-announcement")
        assert banner is not None and "Illustrative data" in banner.get_text(), page.name


def test_no_code_on_reader_pages_but_the_notebooks_are_downloadable(built: Built):
    for page in sorted((built.html / "book").rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert not soup.select(".cell_input, details.hide"), page.name
        assert "Show code cell source" not in soup.get_text(), page.name
    with zipfile.ZipFile(built.html / "book" / "downloads" / "notebooks-illustrative.zip") as zf:
        assert {"spo.ipynb", "forces/durham.ipynb"} <= set(zf.namelist())


def test_downloads_exist(built: Built):
    """Named as illustrative, since the 2024 edition's per-force data are constructed."""
    downloads = {p.name for p in (built.html / "book" / "downloads").iterdir() if p.is_file()}
    assert {"foi-returns-illustrative.csv", "nsc-data-illustrative.xlsx",
            "nsc-data-illustrative.ods", "chart-data-illustrative.zip",
            "notebooks-illustrative.zip", "published-statistics.csv",
            "figures-illustrative.csv", "figures-illustrative.json"} <= downloads
    page = built.page("downloads")
    for name in ("foi-returns-illustrative.csv", "nsc-data-illustrative.xlsx",
                 "nsc-data-illustrative.ods", "published-statistics.csv",
                 "figures-illustrative.csv", "figures-illustrative.json"):
        assert f'href="downloads/{name}"' in page


def test_changed_data_changes_the_published_figures(west_mercia_15: Path, tmp_path: Path):
    committed = {p.name: p.read_bytes() for p in (ROOT / "book").glob("*.ipynb")}
    # West Mercia made no applications; give it 15 (the shared fixture's change, its notebooks
    # executed) and it leaves the lowest band.
    data, out = changed_copy(west_mercia_15, tmp_path)
    result = run_cli("build", "--data-dir", str(data), "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "54 notebook(s) up to date" in result.stdout + result.stderr
    html = out / "html" / "book"
    spo = text_of((html / "spo.html").read_text(encoding="utf-8"))
    assert "Of these forces, 11 applied in 10 or fewer cases" in spo
    assert "9 applied in 11 to 30" in spo
    summary = text_of((html / "summary.html").read_text(encoding="utf-8"))
    assert "11 forces applied for Stalking Protection Orders in 10 or fewer cases, counted by " \
        "kind of order" in summary
    # The committed book is untouched by building other data.
    assert {p.name: p.read_bytes() for p in (ROOT / "book").glob("*.ipynb")} == committed


def test_bad_data_fails_and_keeps_the_last_build(built: Built, data_copy: Path):
    set_answer(data_copy, "Durham", "Q9", "ye_mar_2023", value="two")
    before = {p: p.stat().st_mtime_ns for p in built.html.rglob("*.html")}
    result = run_cli("report", "--data-dir", str(data_copy), "--out", str(built.out))
    assert result.returncode == 1
    assert "foi_returns.csv, row" in result.stderr and "column 'value': got 'two'" in result.stderr
    assert {p: p.stat().st_mtime_ns for p in built.html.rglob("*.html")} == before


def test_a_failed_sphinx_build_keeps_the_published_site(tmp_path: Path):
    root = tmp_path / "project"
    root.mkdir()
    for name in ("_config.yml", "_toc.yml", "pyproject.toml"):
        shutil.copy2(ROOT / name, root / name)
    shutil.copytree(ROOT / "book", root / "book")
    page = root / "book" / "notes.md"
    page.write_text(page.read_text() + "\n{glue:text}`spo.ipynb::no_such_key:s`\n")
    layout = Layout(root=root, notebooks=root / "book", out=tmp_path / "out",
                    work=tmp_path / "work")
    layout.html.mkdir(parents=True)
    (layout.html / "index.html").write_text("last good build")
    with pytest.raises(BuildError):
        build_html(layout, load_edition(ROOT / "data", EDITION), progress=QUIET)
    assert (layout.html / "index.html").read_text() == "last good build"


def test_two_cold_builds_are_byte_identical(built: Built):
    """A cold build that executes every notebook again gives byte-identical executed
    notebooks, pages, downloads and PDFs to the session's build (whose notebooks are the
    committed ones): the same inputs give the same outputs, whoever executed them."""
    import hashlib

    again = project_copy(built.sibling("again") / "project")
    result = run_cli("report", "--root", str(again), "--force")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Executing 54 notebook(s)" in result.stdout + result.stderr  # --force: all again

    def digests(folder: Path, pattern: str) -> dict[str, str]:
        return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(folder.rglob(pattern)) if p.is_file()}

    # Every download is in book/downloads (the register's files were also copied by Sphinx
    # into _downloads until the downloads page linked them as it links the others).
    for folder, pattern in (("book", "*.ipynb"), ("_build/html/book", "*.html"),
                            ("_build/html/book/downloads", "*"), ("_build/pdf", "*.pdf")):
        first, second = digests(built.root / folder, pattern), digests(again / folder, pattern)
        assert first, folder
        assert [k for k in first if first[k] != second.get(k)] == [], folder


def test_pdf_without_chromium_says_how_to_install_it(tmp_path: Path, monkeypatch):
    from nsc_report.printing.pdf import ChromiumMissing, find_chromium

    monkeypatch.setenv("NSC_CHROMIUM", str(tmp_path / "no-such-browser"))
    with pytest.raises(ChromiumMissing, match="apt-get install chromium"):
        find_chromium()
    result = run_cli("pdf", "--out", str(tmp_path / "out"))
    assert result.returncode == 4
    assert "apt-get install chromium" in result.stdout and "NSC_CHROMIUM" in result.stdout
    assert not (tmp_path / "out" / "pdf").exists()
