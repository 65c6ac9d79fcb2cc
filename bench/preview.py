"""Preview benchmark: from a file's save to its new text on the page, in a real browser.

Six kinds of edit, each made five times with a new word: a chapter's wording, a template's
Markdown cell, a template's code cell, one section module, one data file, one words file. Each
is timed in `nsc-report preview` (the page open in Chromium reloads itself; the clock stops
when the page's text holds the new word; the next save waits until the preview has finished
that build) and, beside it, as a one-shot `nsc-report build` followed by loading
the page. A scratch copy of the project is edited (its own `src/` first on PYTHONPATH, so that
the kernels and the preview see the edited module). `--soak N` then saves a chapter N times in
the preview, each time waiting for the page, and prints the preview process's memory.

    python bench/preview.py [--repeat 5] [--soak 200]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", "*.egg-info",
                                ".pytest_cache", ".ruff_cache")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def _replace(path: Path, old: str, new: str) -> None:
    """Replace the first match of `old` (a regular expression) with `new`."""
    text = path.read_text(encoding="utf-8")
    edited, count = re.subn(old, lambda _: new, text, count=1)
    assert count, f"{old!r} is not in {path}"
    path.write_text(edited, encoding="utf-8")


def chapter(root: Path, word: str) -> None:
    path = root / "data" / "2024" / "chapters" / "introduction.md"
    path.write_text(path.read_text(encoding="utf-8") + f"\nThe word is {word}.\n",
                    encoding="utf-8")


def template_markdown(root: Path, word: str) -> None:
    _replace(root / "notebooks" / "spo.md", r"# Stalking Protection Orders\n",
             f"# Stalking Protection Orders\n\nThe word is {word}.\n")


def template_code(root: Path, word: str) -> None:
    path = root / "notebooks" / "spo.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n```{code-cell}\n:tags: [remove-input]"
                    f"\n\nprint('The word is {word}.')\n```\n", encoding="utf-8")


def section_module(root: Path, word: str) -> None:
    # The code, not its words (those are in spo.ftl): a sentence's value, changed in Python.
    _replace(root / "src" / "nsc_report" / "sections" / "spo.py",
             r'r\.text\("spo_top_sentence", ("The word is \w+\. " \+ )?'
             r'w\.text\("spo-top-sentence", gave=True,',
             f'r.text("spo_top_sentence", "The word is {word}. " + w.text("spo-top-sentence", '
             f'gave=True,')


def words_file(root: Path, word: str) -> None:
    # force.ftl: read by the 43 force notebooks; the open force page is executed first.
    _replace(root / "notebooks" / "force.ftl",
             r"\[yes\] In this edition's illustrative data( \(the word is \w+\))?, it answered",
             f"[yes] In this edition's illustrative data (the word is {word}), it answered")


def data_file(root: Path, word: str) -> None:
    _replace(root / "data" / "2024" / "cps.yml",
             r"could not provide this information either\.( The word is \w+\.)?",
             f"could not provide this information either. The word is {word}.")


# (label, edit, the page that shows it)
SCENARIOS: list[tuple[str, Callable[[Path, str], None], str]] = [
    ("a chapter's wording", chapter, "book/introduction.html"),
    ("a template's Markdown cell", template_markdown, "book/spo.html"),
    ("a template's code cell", template_code, "book/spo.html"),
    ("one section module (sections/spo.py)", section_module, "book/spo.html"),
    ("one data file (cps.yml)", data_file, "book/other-offences.html"),
    ("a words file that 43 notebooks read (force.ftl)", words_file,
     "book/forces/durham.html"),
]


def _env(root: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(root / "src")}


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_text(page, word: str, timeout: float = 300) -> None:  # type: ignore[no-untyped-def]
    """Until the page (which may be reloading) shows `word`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if word in page.evaluate("document.body ? document.body.innerText : ''"):
                return
        except Exception:  # noqa: BLE001 - the page is navigating (reloading)
            pass
        time.sleep(0.01)
    raise SystemExit(f"the page never showed {word!r}")


def _goto(page, url: str) -> None:  # type: ignore[no-untyped-def]
    """Open `url`, again if the preview reloaded the page meanwhile."""
    for attempt in range(5):
        try:
            page.goto(url)
            return
        except Exception:  # noqa: BLE001 - interrupted by a reload
            if attempt == 4:
                raise
            time.sleep(0.5)


def _builds_done(log: Path) -> int:
    text = log.read_text(encoding="utf-8", errors="replace")
    return text.count("[preview] rebuilt in") + text.count("[preview] the build failed")


def _wait_idle(log: Path, done_before: int, timeout: float = 300) -> None:
    """Until the preview has finished the build a save started (the page is shown before the
    rest of the site is built): the next save is timed from an idle preview, as an author's
    next edit usually is, not queued behind the last one's downloads."""
    deadline = time.monotonic() + timeout
    while _builds_done(log) <= done_before:
        if time.monotonic() > deadline:
            raise SystemExit("the preview never finished a build")
        time.sleep(0.05)


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run(repeat: int, soak: int, only: list[str] | None = None,
        oneshot_too: bool = True) -> list[tuple[str, float, float, float]]:
    """Each scenario's median seconds in the preview and as a one-shot build (NaN when
    `oneshot_too` is False); `only` picks scenarios by their edit's name ('chapter')."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "src"))
    from nsc_report.printing.pdf import find_chromium

    scratch = Path(tempfile.mkdtemp(prefix="nsc-bench-preview-"))
    root = scratch / "project"
    shutil.copytree(ROOT, root, ignore=IGNORE)
    build = [sys.executable, "-m", "nsc_report.cli", "build", "--root", str(root)]
    subprocess.run(build, env=_env(root), cwd=root, check=True, capture_output=True)
    scenarios = [s for s in SCENARIOS if not only or s[1].__name__ in only]
    rows: list[tuple[str, float, float, float]] = []
    count = 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_FLAGS)
        page = browser.new_page()
        # One-shot builds first, then the same edits in the preview.
        oneshot: dict[str, list[float]] = {}
        for label, edit, url in scenarios:
            for _ in range(repeat if oneshot_too else 0):
                count += 1
                word = f"oneshot{count}x"
                edit(root, word)
                start = time.perf_counter()
                subprocess.run(build, env=_env(root), cwd=root, check=True,
                               capture_output=True)
                page.goto((root / "_build" / "html" / url).as_uri())
                _wait_text(page, word)
                oneshot.setdefault(label, []).append(time.perf_counter() - start)
        port = _port()
        log_path = scratch / "preview.log"
        log = log_path.open("w")
        proc = subprocess.Popen([sys.executable, "-m", "nsc_report.cli", "preview", "--root",
                                 str(root), "--port", str(port)], env=_env(root), cwd=root,
                                stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 300
            while True:
                try:
                    page.goto(f"{base}/book/about.html")
                    break
                except Exception:  # noqa: BLE001 - not serving yet
                    if time.monotonic() > deadline or proc.poll() is not None:
                        raise SystemExit(f"the preview did not start: see {log.name}") from None
                    time.sleep(0.5)
            for label, edit, url in scenarios:
                _goto(page, f"{base}/{url}")
                time.sleep(1)  # the page's script has said which page it shows
                seconds: list[float] = []
                whole: list[float] = []  # ... to the whole site built
                for _ in range(repeat):
                    count += 1
                    word = f"preview{count}x"
                    done = _builds_done(log_path)
                    edit(root, word)
                    start = time.perf_counter()
                    _wait_text(page, word)
                    seconds.append(time.perf_counter() - start)
                    _wait_idle(log_path, done)
                    whole.append(time.perf_counter() - start)
                    time.sleep(0.5)
                once = oneshot.get(label, [])
                rows.append((label, statistics.median(seconds), statistics.median(whole),
                             statistics.median(once) if once else float("nan")))
                print(f"{label}: preview {[round(s, 2) for s in seconds]}, whole site "
                      f"{[round(s, 2) for s in whole]}, one-shot "
                      f"{[round(s, 2) for s in once]}", flush=True)
            if soak:
                _goto(page, f"{base}/book/introduction.html")
                time.sleep(1)
                before = _rss_mib(proc.pid)
                for i in range(soak):
                    word = f"soak{i}x"
                    done = _builds_done(log_path)
                    chapter(root, word)
                    _wait_text(page, word)
                    _wait_idle(log_path, done)
                    if i == 19:
                        after_20 = _rss_mib(proc.pid)
                print(f"preview process memory over {soak} saves: {before:.0f} MiB before, "
                      f"{after_20:.0f} MiB after 20, {_rss_mib(proc.pid):.0f} MiB after {soak}")
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
            log.close()
            browser.close()
    shutil.rmtree(scratch, ignore_errors=True)
    return rows


def table(rows: list[tuple[str, float, float, float]]) -> str:
    lines = ["| edit, from save to new text on the page | preview (s) | preview, whole site "
             "built (s) | one-shot build (s) |", "|---|---:|---:|---:|"]
    lines += [f"| {label} | {p:.2f} | {w:.2f} | {o:.2f} |" for label, p, w, o in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--soak", type=int, default=0)
    parser.add_argument("--only", nargs="*", metavar="EDIT",
                        help=f"these scenarios only: {', '.join(s[1].__name__ for s in SCENARIOS)}")
    parser.add_argument("--no-oneshot", action="store_true",
                        help="the preview alone (quicker, for work on the preview)")
    args = parser.parse_args()
    print(table(run(args.repeat, args.soak, args.only, not args.no_oneshot)))


if __name__ == "__main__":
    main()
