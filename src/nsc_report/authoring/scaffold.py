"""`nsc-report new-section NAME --title "..."`: a new chapter that builds and passes its test.

A data chapter gets the five files a section needs, each with a working example to replace:
the template (notebooks/NAME.md), its words file beside it (notebooks/NAME.ftl: every sentence
the section module prints), a measures module and a sections module (one figure and one
accessible chart, from the edition's data), a unit test, and its entry in _toc.yml. A narrative
chapter (`--narrative`) gets a Markdown page and its entry.
"""

from __future__ import annotations

import re
from pathlib import Path
from string import Template

from nsc_report.errors import NscReportError

NAME = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")

TEMPLATE = Template('''---
jupytext:
  notebook_metadata_filter: nsc_report,-jupytext.text_representation.jupytext_version
  text_representation:
    extension: .md
    format_name: myst
    format_version: 0.13
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# $title

Replace this opening with what the chapter is about. Every number in the text is glued from the
data: {glue:text}`${module}_forces` forces gave at least one figure, in
{glue:text}`${module}_regions` regions.

```{code-cell}
:tags: [parameters, remove-cell]

# Parameters: papermill replaces these with the edition's values.
edition = "2024"
data_dir = "../data"
current_period = "ye_mar_2023"
previous_period = "ye_mar_2022"
```

```{code-cell}
:tags: [remove-input]

from nsc_report.notebook import glue_figures, open_edition
from nsc_report.sections import $module

ed = open_edition(data_dir, edition, current_period, previous_period)
glue_figures(${module}.figures(ed))
```

## A finding

Write the finding here, then show the chart that supports it.

```{code-cell}
:tags: [remove-input]

${module}.chart(ed)
```
''')

MEASURES = Template('''"""Measures for a chapter (pure functions of a validated edition):
$title.
"""

from __future__ import annotations

import pandas as pd

from nsc_report.data import Edition
from nsc_report.measures.response import responding_forces


def forces_by_region(edition: Edition) -> pd.DataFrame:
    """How many forces of each region gave at least one figure (an example to replace)."""
    answered = set(responding_forces(edition))
    forces = edition.forces.assign(answered=edition.forces["force_code"].isin(answered))
    table = forces.groupby("region", sort=False)["answered"].sum().astype(int)
    return table.rename("forces").reset_index()
''')

# The section's words (Project Fluent), beside its template: `$$name` is a value the code
# gives, a `->` block picks a variant by it ($$regions: one or other, by the plural rules of
# the edition's language).
WORDS = Template('''## The words of the chapter "$title" ($name.md): its chart's title, caption and
## description, and its register of figures. Project Fluent: see force.ftl for how to edit (keep
## the { $$names } and the [keys]); `nsc-report proof` prints every variant. The code is
## src/nsc_report/sections/$module.py.

### The chart

# $$region had the most forces that gave a figure ($$forces).
$name-chart-title = { $$region } had the most forces that gave a figure ({ $$forces })
# $$period: the year asked about; $$source: the source line.
$name-chart-caption = Police forces that gave at least one figure, by region, { $$period }. { $$source }
# $$regions: how many regions the chart shows.
$name-chart-alt = Bar chart of the forces that gave at least one figure in { $$regions ->
        [one] the one region
       *[other] each of { $$regions } regions
    }; { $$region } had the most, { $$forces }.
$name-chart-regions = Region
$name-chart-forces = Forces that gave a figure

### The register of figures: what each glued figure is (figures.csv, the register page)

$name-def-forces = forces that gave at least one figure in answer to the request
$name-def-regions = regions of England and Wales
''')  # noqa: E501 - a message is one line (a line break in it would be printed)

SECTIONS = Template('''"""Wording and charts for a chapter (its figures come from measures/):
$title.

The words are in its words file beside the template (notebooks/$name.ftl); this module
computes the values and picks the variants.
"""

from __future__ import annotations

from nsc_report.data import Edition, provenance
from nsc_report.measures.$module import forces_by_region, responding_forces
from nsc_report.present import words
from nsc_report.present.chart_builders import bar_counts
from nsc_report.present.charts import AccessibleChart
from nsc_report.present.figures import Register
from nsc_report.sections import foi_source, period

# The templates in notebooks/ this section serves (sections.registry() finds it by this).
TEMPLATES = ("$name",)


def figures(ed: Edition) -> Register:
    """Each figure with a one-line definition and what it is computed from: the register
    page "Where each figure comes from" lists them, and the prose links to them."""
    w = words.of(ed, "$name")
    table = forces_by_region(ed)
    answered = responding_forces(ed)
    every = tuple(ed.questions["id"])
    r = Register(ed, questions=every)
    # The forces that answered are counted on other pages too, and the release states their
    # number (stated.yml): naming that meaning gives this figure the same status and citation
    # everywhere (one status per figure). A figure of a meaning of its own names none.
    r.count("${module}_forces", int(table["forces"].sum()),
            w.text("$name-def-forces"), forces=answered, stated="forces_responding")
    r.count("${module}_regions", len(table),
            w.text("$name-def-regions"), questions=(), files=("forces",))
    return r


def chart(ed: Edition) -> AccessibleChart:
    w = words.of(ed, "$name")
    table = forces_by_region(ed)
    top = table.sort_values(["forces", "region"], ascending=[False, True]).iloc[0]
    # The status of the data drawn (the forces' answers): an illustrative or unverified
    # chart says so under its title, in its image and its downloads (named '-illustrative').
    prov = provenance.returns(ed)
    regions, forces = w.text("$name-chart-regions"), w.text("$name-chart-forces")
    return AccessibleChart(
        status=prov.status, caveat=prov.caveat,
        name="$name-by-region",
        chart=bar_counts(table, "region", "forces", regions, forces),
        title=w.text("$name-chart-title",
                     region=str(top["region"]), forces=int(top["forces"])),
        caption=w.text("$name-chart-caption",
                       period=period(ed), source=foi_source(ed)),
        alt_text=w.text("$name-chart-alt", regions=len(table),
                        region=str(top["region"]), forces=int(top["forces"])),
        table=table.rename(columns={"region": regions, "forces": forces}),
    )
''')

TEST = Template('''"""A chapter's measure, glued figures and chart:
$title.
"""

from __future__ import annotations

from helpers import DATA, EDITION

from nsc_report.data import load_edition, provenance
$measure_imports
from nsc_report.sections import $module


def test_forces_by_region_adds_up_to_the_responding_forces():
    ed = load_edition(DATA, EDITION)
    table = forces_by_region(ed)
    assert int(table["forces"].sum()) == len(responding_forces(ed))
    assert set(table["region"]) == set(ed.forces["region"])


def test_figures_and_chart():
    ed = load_edition(DATA, EDITION)
    figures = ${module}.figures(ed)
    assert figures["${module}_forces"] == str(len(responding_forces(ed)))
    chart = ${module}.chart(ed)
    assert chart.title and chart.caption and chart.alt_text and not chart.table.empty
    # The provenance rule: a chart drawn from the answers carries their status.
    assert chart.status == provenance.returns(ed).status
    if chart.status == "illustrative":
        assert chart.file_stem.endswith("-illustrative")
''')

NARRATIVE = Template('''# $title

Write this chapter here. A figure that comes from the data is never typed: compute it in a
section module and glue it, as the other chapters do.
''')


class ScaffoldError(NscReportError):
    """The name is not usable or a file it would write exists already."""


def add_to_toc(toc: Path, entry: str, part: str) -> None:
    """Add `- file: entry` as the last chapter of the part captioned `part`, keeping the file's
    comments and layout."""
    lines = toc.read_text(encoding="utf-8").splitlines()
    start = next((i for i, line in enumerate(lines)
                  if line.strip() == f"- caption: {part}"), None)
    if start is None:
        raise ScaffoldError(f"_toc.yml has no part captioned '{part}'")
    end = next((i for i in range(start + 1, len(lines))
                if lines[i].strip().startswith("- caption:")), len(lines))
    last = max(i for i in range(start, end) if lines[i].strip().startswith("- file:"))
    indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    lines.insert(last + 1, f"{indent}- file: {entry}")
    toc.write_text("\n".join(lines) + "\n", encoding="utf-8")


def new_section(root: Path, name: str, title: str, narrative: bool = False,
                part: str = "Findings") -> list[Path]:
    """Write the new chapter's files and its _toc.yml entry; return the files written."""
    if not NAME.fullmatch(name):
        raise ScaffoldError(f"'{name}': expected a name in lower case with hyphens, such as "
                            f"'victim-support'")
    if not title.strip():
        raise ScaffoldError("--title: the chapter needs a title")
    module = name.replace("-", "_")
    # Imports in the order ruff's isort keeps them, whatever the module's name.
    imports = sorted([f"from nsc_report.measures.{module} import forces_by_region",
                      "from nsc_report.measures.response import responding_forces"])
    values = {"name": name, "module": module, "title": title.strip(),
              "measure_imports": "\n".join(imports)}
    package = root / "src" / "nsc_report"
    if narrative:
        files = {root / "book" / f"{name}.md": NARRATIVE}
    else:
        files = {root / "notebooks" / f"{name}.md": TEMPLATE,
                 root / "notebooks" / f"{name}.ftl": WORDS,
                 package / "measures" / f"{module}.py": MEASURES,
                 package / "sections" / f"{module}.py": SECTIONS,
                 root / "tests" / f"test_section_{module}.py": TEST}
    taken = [p for p in [*files, root / "book" / f"{name}.md", root / "notebooks" / f"{name}.md",
                         root / "notebooks" / f"{name}.ftl"] if p.exists()]
    if taken:
        raise ScaffoldError(f"'{name}' exists already: {', '.join(map(str, taken))}")
    add_to_toc(root / "_toc.yml", f"book/{name}", part)
    for path, template in files.items():
        path.write_text(template.substitute(values), encoding="utf-8")
    return list(files)
