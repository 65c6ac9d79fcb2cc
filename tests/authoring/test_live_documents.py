"""The preview writes every page when a chapter is added or removed (issue 31: a chapter added
while the preview ran never appeared in the other pages' navigation). The preview's own Sphinx
application, over a book of three small pages (staging and execution stood in for: the book is
staged by the test)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import add_chapter, small_book

from nsc_report import book
from nsc_report.authoring import live
from nsc_report.publishing.site import documents_key, documents_record, sphinx_build


@pytest.fixture
def preview(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    layout = small_book(tmp_path)
    # The preview's first build is a whole one (`nsc-report build`): Sphinx's, then published.
    live.publish_changes(sphinx_build(layout, "html"), layout.html)
    monkeypatch.setattr(live, "stage", lambda layout, *args, **kwargs: layout.stage)
    monkeypatch.setattr(live, "copy_downloads", lambda *args: None)
    project = book.Project(tmp_path, tmp_path / "no-data", "2024", out=layout.out, workers=1)
    build = live.LiveBuild(project)
    build.edition = object()  # type: ignore[assignment]  # loaded; the stand-ins ignore it
    yield build, layout
    build.close()


def test_a_chapter_added_while_the_preview_runs_is_in_every_pages_navigation(preview):
    build, layout = preview
    assert 'href="second.html"' not in (layout.html / "first.html").read_text()
    add_chapter(layout)
    outcome = build.rebuild([layout.stage / "second.md"], viewed=["first.html"])
    for page in ("intro.html", "first.html"):
        assert 'href="second.html"' in (layout.html / page).read_text(), page
    assert {"intro.html", "first.html", "second.html"} <= set(outcome.pages)  # reloaded
    # What the preview wrote is recorded: a later build need not write every page again.
    assert documents_record(layout, "html").read_text() == documents_key(layout.stage)


def test_an_edit_that_adds_no_document_writes_only_what_changed(preview):
    build, layout = preview
    (layout.stage / "first.md").write_text("# The first chapter\n\nOther words.\n")
    outcome = build.rebuild([layout.stage / "first.md"], viewed=["first.html"])
    assert "Other words" in (layout.html / "first.html").read_text()
    assert "second.html" not in outcome.pages
