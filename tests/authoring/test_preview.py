"""`nsc-report preview`: serves the book, brings every kind of edit to the open page in a
browser, rebuilds in full or starts again where an edit needs it, shows a broken template's
error in the page (keeping the last good page), and stops cleanly on Ctrl+C. How fast is
measured in bench/preview.py, not here."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import chromium_path, project_copy, requires_chromium

pytestmark = pytest.mark.build

PATIENCE = 180  # seconds: a rebuild on a loaded two-core machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate: Callable[[], bool], what: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        if predicate():
            return
        assert proc.poll() is None, f"the preview server stopped while waiting for {what}"
        time.sleep(1)
    raise AssertionError(f"gave up waiting for {what}")


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> Iterator[tuple[Path, str, subprocess.Popen]]:
    root = tmp_path_factory.mktemp("preview") / "project"
    project_copy(root)
    port = free_port()
    log = (root.parent / "preview.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "nsc_report.cli", "preview", "--root",
                             str(root), "--port", str(port)], stdout=log,
                            stderr=subprocess.STDOUT, cwd=root,
                            # the copy's own package, so that editing one of its modules counts
                            env={**os.environ, "PYTHONPATH": str(root / "src")},
                            # Ctrl+C as from a terminal, even where this runs in the background
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: "Joining forces" in get(f"{base}/book/about.html"), "the first page",
                 proc)
        yield root, base, proc
    finally:
        if proc.poll() is None:
            proc.kill()
        log.close()


def test_the_preview_serves_pages_with_the_reload_script(preview):
    root, base, _ = preview
    page = get(f"{base}/book/about.html")
    assert re.search(r'<script src="/_nsc/reload.js" data-version="\d+"></script>', page)
    assert "WebSocket" in get(f"{base}/_nsc/reload.js")
    assert "nsc-preview-error" not in page


def test_an_edited_chapter_is_served_again(preview):
    root, base, proc = preview
    about = root / "book" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nA sentence added in preview.\n",
                     encoding="utf-8")
    wait_for(lambda: "A sentence added in preview." in get(f"{base}/book/about.html"),
             "the edited page", proc)


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Each kind of edit an author makes, and the page that shows it.
EDITS = {
    "chapter": ("book/introduction.html", lambda root, word: _append(
        root / "data" / "2024" / "chapters" / "introduction.md", f"\nThe word is {word}.\n")),
    "template Markdown": ("book/spo.html", lambda root, word: _replace(
        root / "notebooks" / "spo.md", "# Stalking Protection Orders\n",
        f"# Stalking Protection Orders\n\nThe word is {word}.\n")),
    "template code": ("book/spo.html", lambda root, word: _append(
        root / "notebooks" / "spo.md",
        f"\n```{{code-cell}}\n:tags: [remove-input]\n\nprint('The word is {word}.')\n```\n")),
    "section module": ("book/spo.html", lambda root, word: _replace(
        root / "src" / "nsc_report" / "sections" / "spo.py",
        'r.text("spo_top_sentence", w.text("spo-top-sentence", gave=True,',
        f'r.text("spo_top_sentence", "The word is {word}. " + w.text("spo-top-sentence", '
        f'gave=True,')),
    "data file": ("book/other-offences.html", lambda root, word: _replace(
        root / "data" / "2024" / "cps.yml", "could not provide this information either.",
        f"could not provide this information either. The word is {word}.")),
    # A chapter open while a notebook it pastes from executes again: that notebook first.
    "data file, chapter open": ("book/summary.html", lambda root, word: _replace(
        root / "data" / "2024" / "cps.yml", "could not provide this information either.",
        f"could not provide this information either. The word is {word}.")),
    # A words file that 43 notebooks read: the open force page first, then the others.
    "words file": ("book/forces/durham.html", lambda root, word: _replace_all(
        root / "notebooks" / "force.ftl", "we asked about stalking, in the",
        f"we asked about stalking (the word is {word}), in the")),
}


def _replace_all(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _builds_done(log: str) -> bool:
    """Every save the preview has taken is built (its log says so for each)."""
    return log.count("[preview] rebuilt in") + log.count("[preview] the build failed") >= \
        len(re.findall(r"^\[preview\] changed ", log, re.MULTILINE))


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=chromium_path(), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield chromium
        chromium.close()


def _page_shows(page, word: str) -> bool:
    try:
        return word in page.evaluate("document.body ? document.body.innerText : ''")
    except Exception:  # noqa: BLE001 - the page is reloading
        return False


@requires_chromium
@pytest.mark.parametrize("kind", list(EDITS))
def test_each_kind_of_edit_reaches_the_open_page(preview, browser, kind):
    """The page open in a browser reloads itself with the edit: nobody presses reload."""
    root, base, proc = preview
    url, edit = EDITS[kind]
    page = browser.new_page()
    failed: list[str] = []
    revalidated: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400
            else revalidated.append(r.url) if r.status == 304 else None)
    log_file = root.parent / "preview.log"
    # The last edit's build has finished (the rest of the site after its open page), so that
    # this page is open, and known to the server as open, before this edit is saved.
    wait_for(lambda: _builds_done(log_file.read_text(encoding="utf-8")), "the last build", proc)
    try:
        page.goto(f"{base}/{url}")
        time.sleep(1)  # its script has told the server which page it shows
        word = "edited" + re.sub(r"\W", "", kind)
        edit(root, word)
        wait_for(lambda: _page_shows(page, word), f"the {kind} edit in the open page", proc)
        page.wait_for_load_state("load")
    finally:
        page.close()
    assert not failed, failed
    # The reload kept the chart library: asked about, "not modified", not fetched again.
    assert any(u.endswith("/vega-embed-bundle.js") for u in revalidated), revalidated
    if kind == "words file":
        first = "showing the open pages first: book/forces/durham.html"

        def rebuilt() -> bool:
            text = log_file.read_text(encoding="utf-8")
            return first in text and "rebuilt in" in text[text.index(first):]

        wait_for(rebuilt, "the rest of the site", proc)
    log = log_file.read_text(encoding="utf-8")
    if kind == "template Markdown":
        assert "reworded spo.ipynb (Markdown only: not re-executed)" in log
    if kind == "words file":
        # The open page was shown before the other force pages executed.
        shown = log.index(first)
        assert log.index("executed forces/durham.ipynb") < shown
        assert re.search(r"executed forces/(?!durham)", log[shown:])
    if kind == "data file, chapter open":
        # The chapter was shown from the notebook it pastes from, not after every notebook.
        assert "showing the open pages first: book/summary.html" in log
    assert "starting again" not in log and "a full rebuild" not in log


def test_the_table_of_contents_gets_a_full_rebuild_and_says_so(preview):
    root, base, proc = preview
    _append(root / "_toc.yml", "\n# a comment\n")
    log = root.parent / "preview.log"
    wait_for(lambda: re.search(r"_toc.yml changed: a full rebuild[^\n]*\n(.*\n)*"
                               r"\[preview\] rebuilt", log.read_text()) is not None,
             "the full rebuild", proc)
    assert "Joining forces" in get(f"{base}/book/about.html")


def test_an_edit_to_the_preview_s_own_code_starts_it_again(preview):
    root, base, proc = preview
    _append(root / "src" / "nsc_report" / "publishing" / "register.py", "\n# an edit\n")
    log = root.parent / "preview.log"
    wait_for(lambda: "starting again with the new code" in log.read_text(), "the restart",
             proc)
    wait_for(lambda: log.read_text().count("[preview] serving") == 2, "serving again", proc)
    wait_for(lambda: "Joining forces" in get(f"{base}/book/about.html"), "the page again", proc)
    assert proc.poll() is None  # the same process, with the new code


def test_a_broken_template_shows_its_error_and_keeps_the_last_good_page(preview):
    root, base, proc = preview
    template = root / "notebooks" / "spo.md"
    good = template.read_text(encoding="utf-8")
    template.write_text(good + "\n```{code-cell}\nraise ValueError('broken on purpose')\n```\n",
                        encoding="utf-8")
    try:
        wait_for(lambda: "nsc-preview-error" in get(f"{base}/book/spo.html"), "the error",
                 proc)
        page = get(f"{base}/book/spo.html")
        assert "notebooks/spo.md" in page and "broken on purpose" in page and "cell" in page
        assert "Stalking Protection Orders" in page  # the last good page, under the error
    finally:
        template.write_text(good, encoding="utf-8")
    wait_for(lambda: "nsc-preview-error" not in get(f"{base}/book/spo.html"), "the fix", proc)


def test_ctrl_c_stops_the_server(preview):
    root, base, proc = preview
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=30) == 0
    assert get(f"{base}/book/about.html") == ""
    assert not (root / "_build" / ".nsc-build.lock").exists()
