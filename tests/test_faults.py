"""Faults lose nothing: a build killed (SIGINT or SIGKILL) while it executes notebooks, while
Sphinx builds and while it prints leaves the executed notebooks, the last site and the last PDF
byte-identical; the next build leaves no temporary file; one build at a time per folder."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import DATA, ROOT, Built, requires_chromium, run_cli, small_data

from nsc_report.infra.lock import LOCK_NAME, _start_time

pytestmark = pytest.mark.build


def snapshot(out: Path) -> dict[str, str]:
    """Every file a reader or reviewer relies on: executed notebooks, the site, the PDFs."""
    files = {}
    for folder in ("book", "html", "pdf"):
        for path in sorted((out / folder).rglob("*")):
            if path.is_file():
                files[path.relative_to(out).as_posix()] = hashlib.sha256(
                    path.read_bytes()).hexdigest()
    return files


def leftovers(out: Path) -> list[str]:
    """Temporary files and folders a build makes and must clean up."""
    names = []
    for path in out.rglob("*"):
        rel = path.relative_to(out).as_posix()
        if (path.name.endswith(".tmp") or path.name.startswith((".html.", ".nsc-tmp-"))
                or path.name == LOCK_NAME or ".nsc-executing" in rel
                or (rel.startswith(".work/") and "/executing/" in rel and path.is_file())):
            names.append(rel)
    return sorted(names)


def kill_during(out: Path, command: str, marker: str, sig: int, delay: float,
                *extra: str) -> str:
    """Start a build, wait for `marker` in its output, then `delay` seconds, then signal it."""
    # A shell without job control starts background jobs with SIGINT ignored, and Python
    # keeps it so: give the build the default disposition, as a terminal would.
    proc = subprocess.Popen([sys.executable, "-m", "nsc_report.cli", command, *where(out),
                             *extra], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    seen = []
    assert proc.stdout is not None
    for line in proc.stdout:
        seen.append(line)
        if marker in line:
            time.sleep(delay)
            proc.send_signal(sig)
            break
    rest, _ = proc.communicate(timeout=180)
    output = "".join(seen) + rest
    assert marker in output, output
    assert proc.returncode != 0, f"the build finished before it was killed:\n{output}"
    time.sleep(1.5)  # orphaned workers and kernels (SIGKILL) die with their parent
    return output


def where(out: Path) -> tuple[str, ...]:
    """The options that build the edition in `out` from its own data, `out`/data."""
    return ("--out", str(out), "--data-dir", str(out / "data"))


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """A complete report (notebooks, site, PDF and briefings) of an edition of nine forces, for
    builds to be killed in: what a killed build must leave alone does not depend on how many
    forces there are, and each build after a kill costs a fifth of one of 43."""
    target = tmp_path_factory.mktemp("faults")
    small_data(DATA, target / "data")
    result = run_cli("report", *where(target))
    assert result.returncode == 0, result.stdout + result.stderr
    return target


PHASES = [
    ("execute", "build", "notebook(s) on", 2.0, ("--force",)),
    ("sphinx", "build", "building HTML with Jupyter Book", 2.0, ()),
    ("print", "pdf", "printing the PDF with Chromium", 1.0, ()),
]


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
@pytest.mark.parametrize("phase,command,marker,delay,extra", PHASES,
                         ids=[p[0] for p in PHASES])
def test_a_killed_build_damages_nothing(out: Path, phase, command, marker, delay, extra, sig):
    if phase == "print":
        from helpers import chromium_path

        if chromium_path() is None:
            pytest.skip("Chromium is not installed")
    before = snapshot(out)
    if phase == "sphinx":  # make Sphinx read and write every page again
        (out / ".work" / "html.inputs").unlink(missing_ok=True)
        shutil.rmtree(out / ".work" / ".doctrees-html", ignore_errors=True)
    if phase == "print":  # the PDF is up to date: make the step print it again
        from nsc_report.printing.printed import STAMP

        (out / ".work" / STAMP).unlink()
    output = kill_during(out, command, marker, sig, delay, *extra)
    if sig == signal.SIGINT:
        assert "Interrupted" in output and "Traceback" not in output, output
    assert snapshot(out) == before
    # The next build finishes, changes nothing that was good, and leaves no temporary file.
    result = run_cli(command, *where(out))
    assert result.returncode == 0, result.stdout + result.stderr
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_a_second_build_of_the_same_folder_is_refused(out: Path):
    holder = subprocess.Popen(["sleep", "60"])
    try:
        lock = out / LOCK_NAME
        lock.write_text(json.dumps({"pid": holder.pid, "process_start": _start_time(holder.pid),
                                    "command": "nsc-report build", "started": "now"}))
        result = run_cli("execute", *where(out))
        assert result.returncode == 5
        assert f"process {holder.pid}" in result.stderr and "nsc-report build" in result.stderr
        assert lock.exists()
    finally:
        holder.kill()
        holder.wait()
    result = run_cli("execute", *where(out))  # the holder is gone: a stale lock
    assert result.returncode == 0, result.stderr
    assert not (out / LOCK_NAME).exists()


def test_a_lock_of_a_reused_process_id_is_stale(out: Path):
    (out / LOCK_NAME).write_text(json.dumps({"pid": os.getpid(), "process_start": "0",
                                             "command": "nsc-report build", "started": "x"}))
    result = run_cli("execute", *where(out))
    assert result.returncode == 0, result.stderr


@requires_chromium
def test_pdf_dates_come_from_the_edition_or_source_date_epoch(built: Built):
    from pypdf import PdfReader

    meta = PdfReader(built.pdf).metadata
    assert meta["/CreationDate"].startswith("D:20240422")  # the publication date
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    from nsc_report.data import load_edition
    from nsc_report.printing.pdf import pdf_date

    os.environ.update(env)
    try:
        assert pdf_date(load_edition(ROOT / "data", "2024")).startswith("D:20231114")
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


def test_a_browser_leaving_mid_download_prints_no_traceback(tmp_path: Path, capfd):
    """Ctrl+C during printing closes Chromium while the local server is still sending."""
    import socket
    import struct
    import time

    from nsc_report.infra.serve import serve

    (tmp_path / "big.bin").write_bytes(b"x" * 32_000_000)
    with serve(tmp_path) as base:
        port = int(base.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port)) as client:
            client.sendall(b"GET /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
            client.recv(1024)
            # Linger 0: the close resets the connection, as a killed browser's does.
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        time.sleep(0.5)
    assert "Traceback" not in capfd.readouterr().err
