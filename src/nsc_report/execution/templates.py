"""The templates in notebooks/ and the jobs they become: one notebook each, or one per force for a
template that says `each: force`, with the parameters papermill gives it.
"""

from __future__ import annotations

import ast
import copy
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from nsc_report.data import Edition
from nsc_report.infra.kept import parsed
from nsc_report.layout import slug


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


def templates(notebook_dir: Path) -> list[Path]:
    """The templates: MyST Markdown notebooks (`*.md`, what reviewers read and what runs). An
    `.ipynb` beside one is its Jupyter pair and is ignored; an `.ipynb` alone is a template."""
    found = sorted(p for p in notebook_dir.glob("*.md") if not p.name.startswith("."))
    stems = {p.stem for p in found}
    found += [p for p in notebook_dir.glob("*.ipynb")
              if not p.name.startswith(".") and p.stem not in stems]
    return sorted(found, key=lambda p: p.stem)


def read_template(path: Path) -> nbformat.NotebookNode:
    """A template as a notebook, with stable cell ids (the text form stores none). Each call
    gets its own copy; the parsed template is kept while the file is unchanged (a long-lived
    build, the preview, reads every template on each save)."""
    return copy.deepcopy(parsed(path, _parse_template))


def _parse_template(path: Path) -> nbformat.NotebookNode:
    if path.suffix == ".md":
        import jupytext

        nb = jupytext.read(path, fmt="md:myst")
        nb.metadata.pop("jupytext", None)
    else:
        nb = nbformat.read(path, as_version=4)
    for index, cell in enumerate(nb.cells):
        cell.id = f"cell-{index}"
    return nb


def section_calls(template: Path) -> list[str]:
    """Every call of a section function in a template's code cells, as Python source
    (`force.figures(ed, force_code)`): what the template asks of the sections."""
    trees = [ast.parse(cell.source) for cell in read_template(template).cells
             if cell.cell_type == "code" and "parameters" not in cell.metadata.get("tags", [])]
    names = {alias.asname or alias.name for tree in trees for node in ast.walk(tree)
             if isinstance(node, ast.ImportFrom) and node.module == "nsc_report.sections"
             for alias in node.names}
    return [ast.unparse(node) for tree in trees for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name) and node.func.value.id in names]


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
