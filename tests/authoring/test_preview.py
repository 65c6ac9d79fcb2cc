"""`nsc-report preview`: serves the book, picks up an edit, shows a broken template's error in
the page (keeping the last good page), and stops cleanly on Ctrl+C."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import ROOT

pytestmark = pytest.mark.build

IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", "*.egg-info",
                                ".pytest_cache", ".ruff_cache")
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
    shutil.copytree(ROOT, root, ignore=IGNORE)
    port = free_port()
    log = (root.parent / "preview.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "nsc_report.cli", "preview", "--root",
                             str(root), "--port", str(port)], stdout=log,
                            stderr=subprocess.STDOUT, cwd=root,
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
    assert '<script src="/_nsc/reload.js"></script>' in page
    assert "WebSocket" in get(f"{base}/_nsc/reload.js")
    assert "nsc-preview-error" not in page


def test_an_edited_chapter_is_served_again(preview):
    root, base, proc = preview
    about = root / "book" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nA sentence added in preview.\n",
                     encoding="utf-8")
    wait_for(lambda: "A sentence added in preview." in get(f"{base}/book/about.html"),
             "the edited page", proc)


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
