"""A chapter added to a built book appears in every page's navigation (issue 31: a chapter added
while the preview ran never appeared in the other pages' navigation, and a later build found
them up to date). Sphinx's incremental build writes only the new and outdated documents; when
the documents or the table of contents change, every page is written again. A book of three
small pages stands in for the report (a build of it takes seconds)."""

from __future__ import annotations

from pathlib import Path

from helpers import add_chapter, small_book, toc

from nsc_report.publishing.site import documents_key, documents_record, sphinx_build


def test_an_added_chapter_is_in_every_pages_navigation(tmp_path: Path):
    layout = small_book(tmp_path)
    built = sphinx_build(layout, "html")
    assert "second.html" not in (built / "first.html").read_text()
    add_chapter(layout)
    sphinx_build(layout, "html")
    for page in ("intro.html", "first.html"):
        assert 'href="second.html"' in (built / page).read_text(), page
    assert documents_record(layout, "html").read_text() == documents_key(layout.stage)


def test_a_removed_chapter_leaves_every_pages_navigation(tmp_path: Path):
    layout = small_book(tmp_path)
    add_chapter(layout)
    built = sphinx_build(layout, "html")
    assert 'href="second.html"' in (built / "first.html").read_text()
    (layout.stage / "second.md").unlink()
    (layout.stage / "_toc.yml").write_text(toc("first"))
    sphinx_build(layout, "html")
    assert 'href="second.html"' not in (built / "first.html").read_text()
    assert 'href="second.html"' not in (built / "intro.html").read_text()


def test_an_unchanged_set_of_documents_keeps_the_incremental_build(tmp_path: Path):
    """Nothing changed: nothing is written again (every page is written only when the
    documents or the table of contents change)."""
    layout = small_book(tmp_path)
    built = sphinx_build(layout, "html")
    before = {p.name: p.stat().st_mtime_ns for p in built.glob("*.html")}
    sphinx_build(layout, "html")
    assert {p.name: p.stat().st_mtime_ns for p in built.glob("*.html")} == before
