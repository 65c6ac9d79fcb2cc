"""The cache of what each executed notebook used: its template, parameters, the data files it
opened and the package modules it imported, hashed; a notebook re-executes only when one of
those changed. Outputs are normalised so that the same inputs give the same notebook.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from importlib import metadata
from pathlib import Path
from typing import Any

import nbformat

from nsc_report.execution.templates import Job

INPUTS_KEY = "nsc_report_recorded_inputs"  # moved into nsc_report metadata by clean_outputs()
PACKAGE_DIR = Path(__file__).resolve().parents[1]  # the nsc_report package


# Bump when the normalisation or the recording changes what an executed notebook looks like.
CACHE_VERSION = "3"  # 3: modules moved into subpackages (recorded paths changed)


# Libraries whose version can change a notebook's outputs.
LIBRARIES = ("altair", "vl-convert-python", "pandas", "numpy", "myst-nb", "pandera", "pydantic",
             "ipykernel", "nbformat", "papermill")


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


def clean_outputs(nb: nbformat.NotebookNode, job: Job) -> nbformat.NotebookNode:
    """Drop what varies between runs or machines (timings, absolute paths); store the record
    of what the notebook used, with paths relative to the notebook and to the package."""

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
