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

import functools
import hashlib
import json
import multiprocessing.util
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import nbformat

from .data import Edition
from .fmt import slug
from .progress import QUIET, Progress

PACKAGE_DIR = Path(__file__).resolve().parent
# Bump when the normalisation or the recording changes what an executed notebook looks like.
CACHE_VERSION = "2"
# Libraries whose version can change a notebook's outputs.
LIBRARIES = ("altair", "vl-convert-python", "pandas", "numpy", "myst-nb", "pandera", "pydantic",
             "ipykernel", "nbformat", "papermill")
DEFAULT_TIMEOUT = 300.0  # seconds one notebook may run before its kernel is replaced


@dataclass(frozen=True)
class Job:
    template: Path
    output: Path
    parameters: dict[str, Any]
    label: str                     # how people know it: "spo.ipynb", "forces/durham.ipynb"
    data_dir: Path = field(default=Path("data"))  # watched: files opened under it are recorded
    scratch: Path | None = None    # where it is written before being moved into place

    @property
    def temp(self) -> Path:
        """The executed notebook until every job has succeeded: outside the output folder, so
        that a build killed half-way leaves nothing beside the committed notebooks."""
        return (self.scratch or self.output.parent.parent / ".nsc-executing") / self.label


@dataclass(frozen=True)
class Result:
    name: str
    status: str           # "executed", "cached" or "failed"
    seconds: float = 0.0
    error: str = ""


class ExecutionError(Exception):
    """One or more notebooks failed; the message names each notebook and cell."""


# --- jobs ------------------------------------------------------------------------------------

def templates(notebook_dir: Path) -> list[Path]:
    """The templates: MyST Markdown notebooks (`*.md`, what reviewers read and what runs). An
    `.ipynb` beside one is its Jupyter pair and is ignored; an `.ipynb` alone is a template."""
    found = sorted(p for p in notebook_dir.glob("*.md") if not p.name.startswith("."))
    stems = {p.stem for p in found}
    found += [p for p in notebook_dir.glob("*.ipynb")
              if not p.name.startswith(".") and p.stem not in stems]
    return sorted(found, key=lambda p: p.stem)


def read_template(path: Path) -> nbformat.NotebookNode:
    """A template as a notebook, with stable cell ids (the text form stores none)."""
    if path.suffix == ".md":
        import jupytext

        nb = jupytext.read(path, fmt="md:myst")
        nb.metadata.pop("jupytext", None)
    else:
        nb = nbformat.read(path, as_version=4)
    for index, cell in enumerate(nb.cells):
        cell.id = f"cell-{index}"
    return nb


def parameters_for(output_dir: Path, edition: Edition) -> dict[str, Any]:
    """Parameters with the data folder relative to the notebook, so the copy runs anywhere."""
    meta = edition.meta
    rel = os.path.relpath(edition.directory.parent.resolve(), output_dir.resolve())
    return {"edition": meta.edition, "data_dir": Path(rel).as_posix(),
            "current_period": meta.current_period, "previous_period": meta.previous_period}


def template_settings(template: Path) -> dict[str, Any]:
    """The template's `nsc_report` metadata: `each: force` (one notebook per force) and
    `requires: previous_edition` (only for an edition compared with an earlier one)."""
    return dict(read_template(template).metadata.get("nsc_report", {}))


def template_kind(template: Path) -> str | None:
    return template_settings(template).get("each")


def applies_to(settings: dict[str, Any], edition: Edition) -> bool:
    """Whether a template with these settings is part of this edition."""
    return not (settings.get("requires") == "previous_edition"
                and edition.meta.previous_edition is None)


def skipped_templates(notebook_dir: Path, edition: Edition) -> list[Path]:
    """Templates that are not part of this edition (see `applies_to`)."""
    return [t for t in templates(notebook_dir) if not applies_to(template_settings(t), edition)]


def jobs_for(notebook_dir: Path, output_dir: Path, edition: Edition,
             scratch: Path | None = None) -> list[Job]:
    """Every notebook to execute for this edition (into `output_dir`, by way of `scratch`)."""
    data_dir = edition.directory.parent.resolve()
    scratch = scratch or output_dir.parent / f".nsc-executing-{output_dir.name}"
    jobs: list[Job] = []
    for template in templates(notebook_dir):
        settings = template_settings(template)
        if not applies_to(settings, edition):
            continue
        if settings.get("each") == "force":
            folder = output_dir / "forces"
            params = parameters_for(folder, edition)
            for code, name in edition.forces[["force_code", "force_name"]].itertuples(
                    index=False):
                out = folder / f"{slug(name)}.ipynb"
                jobs.append(Job(template, out, {**params, "force_code": code},
                                f"forces/{out.name}", data_dir, scratch))
        else:
            name = f"{template.stem}.ipynb"
            jobs.append(Job(template, output_dir / name, parameters_for(output_dir, edition),
                            name, data_dir, scratch))
    return jobs


# --- the cache -------------------------------------------------------------------------------

@functools.cache
def library_versions() -> dict[str, str]:
    return {name: metadata.version(name) for name in LIBRARIES}


def dependency_hash(job: Job, files: list[str], modules: list[str]) -> str:
    """Hash of everything the notebook used: `files` relative to the notebook's folder,
    `modules` relative to the package."""
    digest = hashlib.sha256()
    digest.update(f"nsc-report-cache-{CACHE_VERSION}\n".encode())
    digest.update(json.dumps(library_versions(), sort_keys=True).encode())
    digest.update(json.dumps(job.parameters, sort_keys=True).encode())

    def add(label: str, path: Path) -> None:
        digest.update(f"\n--{label}--\n".encode())
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")

    add("template", job.template)
    for rel in sorted(files):
        add(f"data:{rel}", job.output.parent / rel)
    for rel in sorted(modules):
        add(f"package:{rel}", PACKAGE_DIR / rel)
    return digest.hexdigest()


def recorded(path: Path) -> dict[str, Any] | None:
    """The cache record of an executed notebook, or None if there is none to trust."""
    try:
        nb = nbformat.read(path, as_version=4)
    except (OSError, ValueError, json.JSONDecodeError):
        return None
    record = nb.metadata.get("nsc_report", {})
    if not {"input_hash", "inputs"} <= set(record):
        return None
    return record


def is_fresh(job: Job) -> bool:
    record = recorded(job.output) if job.output.exists() else None
    if record is None or record.get("parameters") != job.parameters:
        return False
    inputs = record["inputs"]
    return record["input_hash"] == dependency_hash(job, inputs["data"], inputs["modules"])


def plan(jobs: list[Job], force: bool = False) -> tuple[list[Job], list[Job]]:
    """Split jobs into (to run, up to date)."""
    run, fresh = [], []
    for job in jobs:
        (fresh if not force and is_fresh(job) else run).append(job)
    return run, fresh


def normalise(nb: nbformat.NotebookNode, job: Job) -> nbformat.NotebookNode:
    """Drop what varies between runs or machines (timings, absolute paths); store the record
    of what the notebook used, with paths relative to the notebook and to the package."""
    from .warm import INPUTS_KEY

    nb.metadata.pop("papermill", None)
    raw = nb.metadata.pop(INPUTS_KEY, {"files": [], "modules": []})
    files = sorted(Path(os.path.relpath(f, job.output.parent.resolve())).as_posix()
                   for f in raw["files"])
    modules = sorted(Path(m).relative_to(PACKAGE_DIR).as_posix() for m in raw["modules"]
                     if Path(m).is_relative_to(PACKAGE_DIR))
    nb.metadata["nsc_report"] = {
        "input_hash": dependency_hash(job, files, modules), "parameters": job.parameters,
        "template": f"notebooks/{job.template.name}",
        "inputs": {"data": files, "modules": modules}}
    for index, cell in enumerate(nb.cells):
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        tags = cell.metadata.get("tags", [])
        if "injected-parameters" in tags:
            cell.id = "injected-parameters"
            cell.metadata["tags"] = [*tags, "remove-cell"]
        elif not cell.get("id"):
            cell.id = f"cell-{index}"
    return nb


# --- running ---------------------------------------------------------------------------------

def describe_failure(job: Job, exc: BaseException) -> str:
    where = f"notebooks/{job.template.name}"
    if job.label != f"{job.template.stem}.ipynb":
        where += f" (as {job.label})"
    cell = getattr(exc, "cell_index", None)
    if cell is not None:
        return (f"{where} failed in cell {cell} (execution count "
                f"{getattr(exc, 'exec_count', '?')}): {getattr(exc, 'ename', type(exc).__name__)}"
                f": {getattr(exc, 'evalue', exc)}")
    return f"{where} failed: {type(exc).__name__}: {exc}"


_kernel: Any = None  # the worker process's warm kernel


def _start_worker() -> None:
    """Start this worker's kernel at once, while the other workers start theirs.

    Kernels inherit the worker's stderr and chatter on it (transport warnings, shutdown
    notices); failures are reported from the exceptions instead. The kernel is shut down when
    the worker exits (multiprocessing runs its finalizers, not atexit). A kernel that fails to
    start here is started again, and its error reported, by the first job.
    """
    from .warm import WarmKernel

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
    from .warm import KernelLost, WarmKernel

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
            nbformat.write(normalise(nb, job), tmp)
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
    return normalise(nb, job)


def execute_jobs(jobs: list[Job], *, force: bool = False, workers: int | None = None,
                 timeout: float = DEFAULT_TIMEOUT, progress: Progress = QUIET) -> list[Result]:
    """Run every out-of-date job; raise ExecutionError if any fails (replacing nothing)."""
    run, fresh = plan(jobs, force)
    for scratch in {job.scratch for job in jobs if job.scratch is not None}:
        # What a killed build left there is never read: drop it (the build lock is held).
        shutil.rmtree(scratch, ignore_errors=True)
    results = [Result(job.label, "cached") for job in fresh]
    if fresh:
        progress.message(f"  {len(fresh)} notebook(s) up to date")
    if run:
        from . import warm  # noqa: F401 - imported once here; forked workers inherit it

        workers = workers or min(len(run), os.cpu_count() or 1)
        with progress.stage(f"Executing {len(run)} notebook(s) on {workers} warm kernel(s)",
                            total=len(run)):
            pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker)
            try:
                futures = [pool.submit(_run, job, timeout) for job in run]
                for future in as_completed(futures):
                    result = future.result()
                    results.append(result)
                    progress.advance(f"  {result.status:8} {result.name} "
                                     f"({result.seconds:.1f} s)")
            except BaseException:
                # Interrupted (Ctrl+C): stop now rather than after the queued notebooks, and
                # leave nothing half-written (the executed notebooks are untouched).
                pool.shutdown(wait=True, cancel_futures=True)
                for job in run:
                    job.temp.unlink(missing_ok=True)
                raise
            pool.shutdown(wait=True)
    failures = [r for r in results if r.status == "failed"]
    # All or nothing: the executed notebooks only change when every one of them succeeded.
    for job in run:
        if failures:
            job.temp.unlink(missing_ok=True)
        else:
            job.output.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(job.temp, job.output)  # a rename on one file system
    if failures:
        raise ExecutionError("\n".join(r.error for r in failures))
    return sorted(results, key=lambda r: r.name)


def execute(notebook_dir: Path, output_dir: Path, edition: Edition, *, force: bool = False,
            workers: int | None = None, timeout: float = DEFAULT_TIMEOUT,
            progress: Progress = QUIET, scratch: Path | None = None) -> list[Result]:
    """Run every out-of-date template for a validated edition into `output_dir`."""
    output_dir.mkdir(parents=True, exist_ok=True)
    # A notebook left from an edition that had a chapter this one does not (the comparison
    # with a previous edition) would otherwise be built into the book.
    for template in skipped_templates(notebook_dir, edition):
        stale = output_dir / f"{template.stem}.ipynb"
        if stale.is_file() and recorded(stale) is not None:
            stale.unlink()
    return execute_jobs(jobs_for(notebook_dir, output_dir, edition, scratch), force=force,
                        workers=workers, timeout=timeout, progress=progress)
