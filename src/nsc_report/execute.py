"""Execute the section templates with papermill.

Each template in notebooks/ is run with the edition's parameters in a pool of processes sized
to the cores. A content hash of everything a notebook's outputs depend on (template,
parameters, data files, package source) is stored in the executed notebook's metadata; a
notebook whose hash is unchanged is not run again. Outputs are written to a temporary file and
renamed into place, so a failure never damages the previous executed copy.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from .data import Edition

PACKAGE_DIR = Path(__file__).resolve().parent
# Bump when the normalisation below changes what an executed notebook looks like.
CACHE_VERSION = "1"
KERNEL = "python3"


@dataclass(frozen=True)
class Job:
    template: Path
    output: Path
    parameters: dict[str, Any]
    input_hash: str


@dataclass(frozen=True)
class Result:
    name: str
    status: str           # "executed", "cached" or "failed"
    seconds: float = 0.0
    error: str = ""


class ExecutionError(Exception):
    """One or more notebooks failed; the message names each notebook and cell."""


def templates(notebook_dir: Path) -> list[Path]:
    return sorted(p for p in notebook_dir.glob("*.ipynb") if not p.name.startswith("."))


# Modules that build, print or serve the book; notebooks never import them, so a change to
# them cannot change an executed notebook (changes to `normalise` bump CACHE_VERSION instead).
BUILD_ONLY = {"cli.py", "execute.py", "publish.py", "pdf.py", "serve.py", "sphinx_ext.py",
              "illustrative.py"}


def package_files() -> list[Path]:
    """The package source that executed notebooks depend on."""
    return sorted(p for p in PACKAGE_DIR.rglob("*.py")
                  if "__pycache__" not in p.parts
                  and not (p.parent == PACKAGE_DIR and p.name in BUILD_ONLY))


def input_hash(template: Path, parameters: dict[str, Any], data_files: list[Path]) -> str:
    digest = hashlib.sha256()
    digest.update(f"nsc-report-cache-{CACHE_VERSION}\n".encode())
    digest.update(json.dumps(parameters, sort_keys=True).encode())

    def add(label: str, path: Path) -> None:
        digest.update(f"\n--{label}--\n".encode())
        digest.update(path.read_bytes())

    add("template", template)
    for path in data_files:
        add(f"data:{path.name}", path)
    for path in package_files():
        add(f"package:{path.relative_to(PACKAGE_DIR).as_posix()}", path)
    return digest.hexdigest()


def stored_hash(path: Path) -> str | None:
    try:
        nb = nbformat.read(path, as_version=4)
    except (OSError, ValueError, json.JSONDecodeError):
        return None
    return nb.metadata.get("nsc_report", {}).get("input_hash")


def parameters_for(output_dir: Path, edition: Edition) -> dict[str, Any]:
    """Parameters with the data folder relative to the notebook, so the copy runs anywhere."""
    meta = edition.meta
    rel = os.path.relpath(edition.directory.parent.resolve(), output_dir.resolve())
    return {"edition": meta.edition, "data_dir": Path(rel).as_posix(),
            "current_period": meta.current_period, "previous_period": meta.previous_period}


def normalise(nb: nbformat.NotebookNode, job: Job) -> nbformat.NotebookNode:
    """Drop what varies between runs or machines: timings, absolute paths, random ids."""
    nb.metadata.pop("papermill", None)
    nb.metadata["nsc_report"] = {"input_hash": job.input_hash, "parameters": job.parameters,
                                 "template": f"notebooks/{job.template.name}"}
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


def _quiet_worker() -> None:
    """Kernels inherit the worker's stderr and chatter on it (transport warnings, shutdown
    notices); failures are reported from papermill's exception instead."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)


def _temp_path(job: Job) -> Path:
    return job.output.with_name(f".nsc-tmp-{job.output.name}")


def _run(job: Job) -> Result:
    """Execute one template into its temporary file (moved into place by `execute`)."""
    import papermill as pm

    start = time.perf_counter()
    tmp = _temp_path(job)
    try:
        pm.execute_notebook(str(job.template), str(tmp), parameters=job.parameters,
                            kernel_name=KERNEL, cwd=str(job.output.parent), progress_bar=False,
                            log_output=False, report_mode=False)
        nbformat.write(normalise(nbformat.read(tmp, as_version=4), job), tmp)
    except Exception as exc:  # noqa: BLE001 - every failure is reported by notebook and cell
        tmp.unlink(missing_ok=True)
        return Result(job.template.name, "failed", time.perf_counter() - start,
                      describe_failure(job.template, exc))
    return Result(job.template.name, "executed", time.perf_counter() - start)


def describe_failure(template: Path, exc: Exception) -> str:
    cell = getattr(exc, "cell_index", None)
    if cell is not None:
        return (f"notebooks/{template.name} failed in cell {cell} (execution count "
                f"{getattr(exc, 'exec_count', '?')}): {getattr(exc, 'ename', type(exc).__name__)}"
                f": {getattr(exc, 'evalue', exc)}")
    return f"notebooks/{template.name} failed: {type(exc).__name__}: {exc}"


def plan(notebook_dir: Path, output_dir: Path, edition: Edition,
         force: bool = False) -> tuple[list[Job], list[Job]]:
    """Split the templates into (to run, up to date)."""
    params = parameters_for(output_dir, edition)
    run, fresh = [], []
    for template in templates(notebook_dir):
        job = Job(template, output_dir / template.name, params,
                  input_hash(template, params, edition.files))
        up_to_date = not force and job.output.exists() and stored_hash(job.output) == job.input_hash
        (fresh if up_to_date else run).append(job)
    return run, fresh


def execute(notebook_dir: Path, output_dir: Path, edition: Edition, *,
            force: bool = False, workers: int | None = None,
            progress: Callable[[str], None] = print) -> list[Result]:
    """Run every out-of-date template for a validated edition; raise ExecutionError if any
    fails."""
    output_dir.mkdir(parents=True, exist_ok=True)
    run, fresh = plan(notebook_dir, output_dir, edition, force)
    results = [Result(job.template.name, "cached") for job in fresh]
    for job in fresh:
        progress(f"  up to date  {job.template.name}")
    if run:
        workers = workers or min(len(run), os.cpu_count() or 1)
        progress(f"  executing {len(run)} notebook(s) with {workers} process(es)")
        with ProcessPoolExecutor(max_workers=workers, initializer=_quiet_worker) as pool:
            futures = [pool.submit(_run, job) for job in run]
            for done, future in enumerate(as_completed(futures), 1):
                result = future.result()
                results.append(result)
                progress(f"  [{done}/{len(run)}] {result.status:8} {result.name}"
                         f" ({result.seconds:.1f} s)")
    failures = [r for r in results if r.status == "failed"]
    # All or nothing: the executed notebooks only change when every one of them succeeded.
    for job in run:
        if failures:
            _temp_path(job).unlink(missing_ok=True)
        else:
            os.replace(_temp_path(job), job.output)
    if failures:
        raise ExecutionError("\n".join(r.error for r in failures))
    return sorted(results, key=lambda r: r.name)
