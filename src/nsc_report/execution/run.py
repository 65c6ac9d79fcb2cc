"""Execute the templates with papermill, on warm kernels, skipping what has not changed.

Each template in notebooks/ becomes one or more jobs (one per force for a template whose
metadata says `"nsc_report": {"each": "force"}`). Jobs run in a pool of worker processes, one
per core, each owning a kernel that has already imported the heavy libraries (`warm.py`); a
notebook gets a fresh kernel state, not a fresh process.

The cache: while a notebook runs, the kernel records the data files it opened and the package
modules it imported. Both lists go into the executed notebook's metadata beside a hash of the
template, the parameters, those files and those modules. Next time, the hash is recomputed from
the recorded lists: a notebook re-executes only when something it used changed (and then its
lists are recorded afresh, so a file it starts reading is picked up).

Outputs are normalised (no timings or absolute paths), written into a scratch folder outside the
output folder and moved into place only when every notebook succeeded: a failure, Ctrl+C or a
kill never damages the previous executed copies or leaves a file beside them.
"""

from __future__ import annotations

import multiprocessing.util
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor, as_completed, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from nsc_report.data import Edition
from nsc_report.errors import EXIT_EXECUTE, NscReportError
from nsc_report.execution import failure
from nsc_report.execution.cache import clean_outputs, plan, recorded, reworded_notebook
from nsc_report.execution.engine import KernelLost, WarmKernel
from nsc_report.execution.templates import Job, jobs_for, read_template, skipped_templates
from nsc_report.infra.progress import QUIET, Progress

DEFAULT_TIMEOUT = 300.0  # seconds one notebook may run before its kernel is replaced


@dataclass(frozen=True)
class Result:
    name: str
    status: str           # "executed", "reworded" (Markdown only), "cached" or "failed"
    seconds: float = 0.0
    error: str = ""


class ExecutionError(NscReportError):
    """One or more notebooks failed; the message names each notebook and cell."""

    exit_code = EXIT_EXECUTE
    unchanged = "The executed notebooks and the last build are unchanged."

    def report(self) -> str:
        return f"error: notebook execution failed:\n{self}\n{self.unchanged}"


def describe_failure(job: Job, exc: BaseException) -> str:
    """The failure: the template, its code cell as the template counts them, the error, then
    the package module and line and the last frames of the traceback (execution/failure.py)."""
    where = f"notebooks/{job.template.name}"
    if job.label != f"{job.template.stem}.ipynb":
        where += f" (as {job.label})"
    if isinstance(exc, KernelLost):
        return f"{where} failed: {type(exc).__name__}: {exc}"  # no frames to show
    try:
        notebook = read_template(job.template) if getattr(exc, "source", None) else None
    except Exception:  # noqa: BLE001 - the location is a help; the failure is reported anyway
        notebook = None
    return failure.describe(where, job.template, exc, notebook)


_kernel: Any = None  # the worker process's warm kernel


def _start_worker() -> None:
    """Start this worker's kernel at once, while the other workers start theirs.

    Kernels inherit the worker's stderr and chatter on it (transport warnings, shutdown
    notices); failures are reported from the exceptions instead. The kernel is shut down when
    the worker exits (multiprocessing runs its finalizers, not atexit). A kernel that fails to
    start here is started again, and its error reported, by the first job.
    """

    global _kernel
    _die_with_parent()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    multiprocessing.util.Finalize(None, _stop_kernel, exitpriority=10)
    try:
        _kernel = WarmKernel()
    except Exception:  # noqa: BLE001 - reported by _run, which tries again
        _kernel = None


def _die_with_parent() -> None:
    """If the build is killed (even with SIGKILL), its workers go too, and with them their
    kernels: nothing keeps running or writing after a build has gone (Linux only)."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _stop_kernel() -> None:
    global _kernel
    if _kernel is not None:
        _kernel.shutdown()
        _kernel = None


def _run(job: Job, timeout: float) -> Result:
    """Execute one job on this worker's warm kernel into its temporary file. A kernel that dies
    or runs past the timeout is replaced and the notebook tried once more."""

    global _kernel
    start = time.perf_counter()
    tmp = job.temp
    tmp.parent.mkdir(parents=True, exist_ok=True)
    folder = job.output.parent.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    for attempt in (1, 2):
        try:
            if _kernel is None or not _kernel.alive():
                _stop_kernel()
                _kernel = WarmKernel()
            nb = _kernel.run(job.template, job.parameters, folder, job.data_dir, timeout)
            nbformat.write(clean_outputs(nb, job), tmp)
            return Result(job.label, "executed", time.perf_counter() - start)
        except KernelLost as exc:
            _stop_kernel()
            if attempt == 2:
                return Result(job.label, "failed", time.perf_counter() - start,
                              describe_failure(job, exc) + " (tried twice)")
        except Exception as exc:  # noqa: BLE001 - every failure is reported by notebook and cell
            tmp.unlink(missing_ok=True)
            return Result(job.label, "failed", time.perf_counter() - start,
                          describe_failure(job, exc))
    raise AssertionError("unreachable")


def run_fresh(job: Job) -> nbformat.NotebookNode:
    """Execute one job the stock way, on a new kernel (papermill's default engine); what the
    warm route must reproduce."""
    import papermill as pm

    nb = pm.execute_notebook(read_template(job.template), None, parameters=job.parameters,
                             kernel_name="python3", cwd=str(job.output.parent),
                             progress_bar=False, log_output=False, report_mode=False)
    return clean_outputs(nb, job)


class WarmPool:
    """Worker processes with warm kernels, kept between builds by a long-lived caller (the
    preview): a notebook that re-executes there starts on a kernel that is already up."""

    def __init__(self, workers: int | None = None):
        self.workers = workers or os.cpu_count() or 1
        self.executor = ProcessPoolExecutor(max_workers=self.workers,
                                            initializer=_start_worker)

    def warm(self) -> None:
        """Start every worker and its kernel now rather than on the first edit."""
        wait([self.executor.submit(_ready) for _ in range(self.workers)])

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _ready() -> bool:
    return _kernel is not None


def execute_jobs(jobs: list[Job], *, force: bool = False, workers: int | None = None,
                 timeout: float = DEFAULT_TIMEOUT, progress: Progress = QUIET,
                 pool: WarmPool | None = None) -> list[Result]:
    """Run every out-of-date job; raise ExecutionError if any fails (replacing nothing).

    A job whose template changed only in its Markdown cells is not run: its executed notebook
    takes the new Markdown (what running it would give, as its code and inputs are the same).
    `pool` is a caller's pool of warm kernels to run on (kept open); without it one is started
    for this call and stopped after it."""
    run, fresh, reworded = plan(jobs, force)
    for scratch in {job.scratch for job in jobs if job.scratch is not None}:
        # What a killed build left there is never read: drop it (the build lock is held).
        shutil.rmtree(scratch, ignore_errors=True)
    results = [Result(job.label, "cached") for job in fresh]
    if fresh:
        progress.message(f"  {len(fresh)} notebook(s) up to date")
    for job in reworded:
        job.temp.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(reworded_notebook(job), job.temp)
        results.append(Result(job.label, "reworded"))
        progress.message(f"  reworded {job.label} (Markdown only: not re-executed)")
    if run:
        count = pool.workers if pool is not None else (workers or min(len(run),
                                                                      os.cpu_count() or 1))
        with progress.stage(f"Executing {len(run)} notebook(s) on {count} warm kernel(s)",
                            total=len(run)):
            own = pool is None
            executor = (ProcessPoolExecutor(max_workers=count, initializer=_start_worker)
                        if pool is None else pool.executor)
            futures = []
            try:
                futures = [executor.submit(_run, job, timeout) for job in run]
                for future in as_completed(futures):
                    result = future.result()
                    results.append(result)
                    progress.advance(f"  {result.status:8} {result.name} "
                                     f"({result.seconds:.1f} s)")
            except BaseException:
                # Interrupted (Ctrl+C): stop now rather than after the queued notebooks, and
                # leave nothing half-written (the executed notebooks are untouched).
                if own:
                    executor.shutdown(wait=True, cancel_futures=True)
                else:
                    for future in futures:
                        future.cancel()
                    wait(futures)
                for job in [*run, *reworded]:
                    job.temp.unlink(missing_ok=True)
                raise
            if own:
                executor.shutdown(wait=True)
    failures = [r for r in results if r.status == "failed"]
    # All or nothing: the executed notebooks only change when every one of them succeeded.
    for job in [*run, *reworded]:
        if failures:
            job.temp.unlink(missing_ok=True)
        else:
            job.output.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(job.temp, job.output)  # a rename on one file system
    if failures:
        raise ExecutionError(failure.grouped([(r.name, r.error) for r in failures]))
    return sorted(results, key=lambda r: r.name)


def out_of_date(notebook_dir: Path, output_dir: Path, edition: Edition) -> list[str]:
    """The notebooks of `output_dir` that would execute again (missing, or older than the data,
    code or parameters they were computed from), by name; a template reworded alone is not."""
    to_run, _, _ = plan(jobs_for(notebook_dir, output_dir, edition))
    return [job.label for job in to_run]


def execute(notebook_dir: Path, output_dir: Path, edition: Edition, *, force: bool = False,
            workers: int | None = None, timeout: float = DEFAULT_TIMEOUT,
            progress: Progress = QUIET, scratch: Path | None = None,
            pool: WarmPool | None = None, only: set[str] | None = None) -> list[Result]:
    """Run every out-of-date template for a validated edition into `output_dir`; with `only`,
    just the notebooks of those labels ('forces/durham.ipynb': the preview's open pages,
    executed before the rest)."""
    output_dir.mkdir(parents=True, exist_ok=True)
    # A notebook left from an edition that had a chapter this one does not (the comparison
    # with a previous edition) would otherwise be built into the book.
    for template in skipped_templates(notebook_dir, edition):
        stale = output_dir / f"{template.stem}.ipynb"
        if stale.is_file() and recorded(stale) is not None:
            stale.unlink()
    jobs = jobs_for(notebook_dir, output_dir, edition, scratch)
    if only is not None:
        jobs = [job for job in jobs if job.label in only]
    return execute_jobs(jobs, force=force, workers=workers, timeout=timeout, progress=progress,
                        pool=pool)
