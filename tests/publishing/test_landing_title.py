"""The landing page's heading is the edition's title (edition.yml): typed in book/index.md, the
2025 edition kept 2024's."""

from __future__ import annotations

from pathlib import Path

from helpers import ROOT

from nsc_report.publishing.stage import titled


def test_the_landing_page_takes_the_edition_title(tmp_path: Path):
    page = ROOT / "book" / "index.md"
    text = page.read_text(encoding="utf-8")
    assert titled(page, "Joining forces against stalking") == text.encode()  # 2024 unchanged
    new = titled(page, "Still unseen: stalking in 2025").decode()
    assert new.splitlines()[0] == "# Still unseen: stalking in 2025"
    assert new.splitlines()[1:] == text.splitlines()[1:]


def test_a_title_is_text_not_markup(tmp_path: Path):
    page = tmp_path / "index.md"
    page.write_text("# Old\n\nBody.\n", encoding="utf-8")
    heading = titled(page, "A *bold* {glue:text}`x` [link](https://example.org)").decode()
    # Escaped by the one function for text in Markdown (infra/untrusted.py, whose tests render
    # it through MyST): no emphasis, role or link survives.
    assert heading.splitlines()[0] == r"# A \*bold\* \{glue:text\}\`x\` \[link\](https://example.org)"
