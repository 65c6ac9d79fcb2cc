"""The preview publishes a build file by file (`publish_changes`): only what changed, each file
by rename, so a reader gets the old page or the new one and never half of one."""

from __future__ import annotations

import os
from pathlib import Path

from nsc_report.publishing.site import publish_changes


def _built(tmp_path: Path) -> Path:
    built = tmp_path / "built"
    (built / "book").mkdir(parents=True)
    (built / "_static").mkdir()
    (built / "book" / "spo.html").write_text("<p>Stalking Protection Orders</p>")
    (built / "book" / "about.html").write_text("<p>About</p>")
    (built / "_static" / "nsc.css").write_text("p { color: black }")
    (built / ".buildinfo").write_text("config hash")
    (built / "environment.pickle").write_bytes(b"\x80")
    return built


def test_the_first_publish_copies_every_page_but_sphinx_s_own_records(tmp_path: Path) -> None:
    built, served = _built(tmp_path), tmp_path / "served"
    changed = publish_changes(built, served)
    assert sorted(p.as_posix() for p in changed) == [
        "_static/nsc.css", "book/about.html", "book/spo.html"]
    assert not (served / ".buildinfo").exists()
    assert not (served / "environment.pickle").exists()


def test_only_the_files_that_changed_are_published_each_by_rename(tmp_path: Path) -> None:
    built, served = _built(tmp_path), tmp_path / "served"
    publish_changes(built, served)
    assert publish_changes(built, served) == []
    about_inode = (served / "book" / "about.html").stat().st_ino

    # Sphinx writes a page again unchanged: not counted, not replaced.
    page = built / "book" / "about.html"
    page.write_text(page.read_text())
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))
    # ... and another with new words, while a reader has the old one open.
    reader = (served / "book" / "spo.html").open("rb")
    (built / "book" / "spo.html").write_text("<p>Stalking Protection Orders, reworded</p>")
    try:
        assert publish_changes(built, served) == [Path("book/spo.html")]
        assert reader.read() == b"<p>Stalking Protection Orders</p>"  # the old file, whole
    finally:
        reader.close()
    assert (served / "book" / "spo.html").read_text() == (
        "<p>Stalking Protection Orders, reworded</p>")
    assert (served / "book" / "about.html").stat().st_ino == about_inode
    assert not [p for p in served.rglob(".*.new")]  # no temporary file left behind
