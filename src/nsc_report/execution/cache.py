"""The cache of what each executed notebook used: its template, parameters, the data files it
opened and the package modules it imported, hashed; a notebook re-executes only when one of
those changed. Outputs are normalised so that the same inputs give the same notebook.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import os
from importlib import metadata
from pathlib import Path
from typing import Any

import nbformat

from nsc_report.execution.templates import Job, read_template
from nsc_report.infra.kept import file_stamps
from nsc_report.infra.notebooks import read_notebook

INPUTS_KEY = "nsc_report_recorded_inputs"  # moved into nsc_report metadata by clean_outputs()
PACKAGE_DIR = Path(__file__).resolve().parents[1]  # the nsc_report package


# Bump when the normalisation or the recording changes what an executed notebook looks like.
CACHE_VERSION = "3"  # 3: modules moved into subpackages (recorded paths changed)


# Libraries whose version can change a notebook's outputs.
LIBRARIES = ("altair", "vl-convert-python", "pandas", "numpy", "myst-nb", "pandera", "pydantic",
             "ipykernel", "nbformat", "papermill", "fluent.runtime", "babel")  # babel: CLDR


@functools.cache
def library_versions() -> dict[str, str]:
    return {name: metadata.version(name) for name in LIBRARIES}


def code_signature(template: Path) -> bytes:
    """What of a template decides its outputs: its metadata and its code cells, in order. The
    Markdown cells are left out: they are copied into the notebook, never run."""
    nb = read_template(template)
    code = [[cell.source, cell.metadata] for cell in nb.cells if cell.cell_type == "code"]
    return json.dumps([nb.metadata, code], sort_keys=True).encode()


def dependency_hash(job: Job, files: list[str], modules: list[str],
                    template: bytes | None = None) -> str:
    """Hash of everything the notebook used: `files` relative to the notebook's folder,
    `modules` relative to the package; `template` in place of the template's bytes (for the
    hash of its code alone)."""
    digest = hashlib.sha256()
    digest.update(f"nsc-report-cache-{CACHE_VERSION}\n".encode())
    digest.update(json.dumps(library_versions(), sort_keys=True).encode())
    digest.update(json.dumps(job.parameters, sort_keys=True).encode())

    def add(label: str, path: Path) -> None:
        digest.update(f"\n--{label}--\n".encode())
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")

    if template is None:
        add("template", job.template)
    else:
        digest.update(b"\n--template code--\n" + template)
    for rel in sorted(files):
        add(f"data:{rel}", job.output.parent / rel)
    for rel in sorted(modules):
        add(f"package:{rel}", PACKAGE_DIR / rel)
    return digest.hexdigest()


def recorded(path: Path) -> dict[str, Any] | None:
    """The cache record of an executed notebook, or None if there is none to trust."""
    try:
        nb = read_notebook(path)
    except (OSError, ValueError, json.JSONDecodeError):
        return None
    record = nb.metadata.get("nsc_report", {})
    if not {"input_hash", "inputs"} <= set(record):
        return None
    return copy.deepcopy(dict(record))


def state(job: Job) -> str:
    """"fresh" (up to date), "reworded" (only the template's Markdown changed since it ran) or
    "run" (it must execute)."""
    record = recorded(job.output) if job.output.exists() else None
    if record is None or record.get("parameters") != job.parameters:
        return "run"
    inputs = record["inputs"]
    # Hashing every input of every notebook reads them all; a long-lived build (the preview)
    # asks after each save, mostly with none of a notebook's files changed since it last asked.
    versions = file_stamps([job.output, job.template,
                            *(job.output.parent / rel for rel in inputs["data"]),
                            *(PACKAGE_DIR / rel for rel in inputs["modules"])])
    kept = _STATES.get(job.output)
    if kept is not None and kept[0] == versions:
        return kept[1]
    found = _state(job, record)
    _STATES[job.output] = (versions, found)
    return found


# The last answer of `state` per executed notebook, with the versions of its files then.
_STATES: dict[Path, tuple[str, str]] = {}


def _state(job: Job, record: dict[str, Any]) -> str:
    inputs = record["inputs"]
    if record["input_hash"] == dependency_hash(job, inputs["data"], inputs["modules"]):
        return "fresh"
    code = dependency_hash(job, inputs["data"], inputs["modules"], code_signature(job.template))
    return "reworded" if record.get("code_hash") == code else "run"


def is_fresh(job: Job) -> bool:
    return state(job) == "fresh"


def plan(jobs: list[Job], force: bool = False) -> tuple[list[Job], list[Job], list[Job]]:
    """Split jobs into (to run, up to date, to take the template's new Markdown only)."""
    groups: dict[str, list[Job]] = {"run": [], "fresh": [], "reworded": []}
    for job in jobs:
        groups["run" if force else state(job)].append(job)
    return groups["run"], groups["fresh"], groups["reworded"]


def reworded_notebook(job: Job) -> nbformat.NotebookNode:
    """The executed notebook with its template's new Markdown cells: what executing the
    template again would give, since its code, parameters and inputs are unchanged (the code
    cells keep their outputs; cells take the ids that the template's order gives them)."""
    template = read_template(job.template)
    executed = nbformat.read(job.output, as_version=4)
    injected = [c for c in executed.cells if c.get("id") == "injected-parameters"]
    code = iter([c for c in executed.cells
                 if c.cell_type == "code" and c.get("id") != "injected-parameters"])
    cells = []
    for cell in template.cells:
        if cell.cell_type == "code":
            ran = next(code)
            ran.id = cell.id
            cells.append(ran)
            if "parameters" in cell.metadata.get("tags", []):
                cells.extend(injected)
        else:
            cell.metadata.setdefault("tags", [])  # as papermill writes a Markdown cell
            cells.append(cell)
    executed.cells = cells
    record = executed.metadata["nsc_report"]
    inputs = record["inputs"]
    record["input_hash"] = dependency_hash(job, inputs["data"], inputs["modules"])
    return executed


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
        "input_hash": dependency_hash(job, files, modules),
        "code_hash": dependency_hash(job, files, modules, code_signature(job.template)),
        "parameters": job.parameters,
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
