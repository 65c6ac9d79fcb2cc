"""No figure from the data is typed into the prose: every one is glued from a notebook.

What is left after removing glue roles, link targets and an explicit list of fixed references
(statutes, outcome codes, list numbers, dates of other publications) must hold no digit."""

from __future__ import annotations

import re

import pytest
from helpers import ROOT

from nsc_report.execution.templates import read_template, templates

# Fixed references that are not data: names of laws and codes, numbering, a phone number.
ALLOWED = [
    r"Protection from Harassment Act 1997", r"Stalking Protection Act 2019",
    r"\b(?:section|s)\s?(?:2A|4A|2|4|12)\b", r"\(section [24]A\)", r"\bs[24]A?\b",
    r"\bOutcome (?:1A|15B)\b", r"\boutcome (?:1A|15B)\b", r"\bQ\d+\b", r"\b999\b",
    r"^#+ \d\. ", r"July 2021", r"Plan\s+of 2022",
    r"from 1 April to 31 March", r"(?:every|per) 1,000",
]
GLUE = re.compile(r"\{glue(?::\w+)?\}`[^`]*`")
LINK_TARGET = re.compile(r"\]\([^)]*\)|\{download\}`[^`]*`|\[\^\w+\]")


def prose_sources() -> list[tuple[str, str]]:
    pages = sorted((ROOT / "book").glob("*.md")) + sorted((ROOT / "data").glob("*/chapters/*.md"))
    sources = [(p.relative_to(ROOT).as_posix(), p.read_text(encoding="utf-8")) for p in pages]
    for path in templates(ROOT / "notebooks"):
        nb = read_template(path)
        text = "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        sources.append((f"notebooks/{path.name}", text))
    return sources


@pytest.mark.parametrize("name,text", prose_sources(), ids=lambda v: v if "/" in v or
                         v.endswith(".md") else "")
def test_no_typed_figures(name: str, text: str):
    text = GLUE.sub("", text)
    text = LINK_TARGET.sub("]", text)
    for pattern in ALLOWED:
        text = re.sub(pattern, "", text, flags=re.MULTILINE | re.IGNORECASE)
    typed = [line.strip() for line in text.splitlines() if re.search(r"\d", line)]
    assert not typed, f"{name} types figures instead of gluing them: {typed}"


def section_modules(nb) -> list[str]:
    """The section modules whose figures a template glues (`glue_figures(spo.figures(ed))`)."""
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    return re.findall(r"glue_figures\((\w+)\.figures\(", code)


def test_glue_keys_exist(tmp_path):
    """Every key a page glues is produced by that notebook's section module (a chapter that
    needs a previous edition is checked with the synthetic edition that has one)."""
    import importlib

    from test_year_on_year import two_editions

    from nsc_report.data import load_edition
    from nsc_report.execution.templates import applies_to, template_settings

    ed = load_edition(ROOT / "data", "2024")
    compared = load_edition(two_editions(tmp_path), "2025")
    first_force = str(ed.forces["force_code"].iloc[0])
    keys: dict[str, set[str]] = {}
    for path in templates(ROOT / "notebooks"):
        nb = read_template(path)
        this = ed if applies_to(template_settings(path), ed) else compared
        per_force = nb.metadata.get("nsc_report", {}).get("each") == "force"
        glued: set[str] = set()
        for mod in section_modules(nb):
            module = importlib.import_module(f"nsc_report.sections.{mod}")
            glued |= set(module.figures(this, first_force) if per_force
                         else module.figures(this))
        keys[path.stem] = glued
        text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        for key in re.findall(r"\{glue:text\}`(\w+)`", text):
            assert key in glued, f"notebooks/{path.name}: {key} is not glued"
    for page in sorted((ROOT / "book").glob("*.md")) + sorted(
            (ROOT / "data").glob("*/chapters/*.md")):
        for doc, key in re.findall(r"\{glue:text\}`([\w-]+)\.ipynb::(\w+):s`",
                                   page.read_text(encoding="utf-8")):
            assert key in keys[doc], f"{page.name}: {doc}::{key} is not glued"


def test_every_template_has_its_section_registered():
    """The sections are found, not listed: each template's section module declares it, and the
    module the template glues figures from is the one registered for it."""
    from nsc_report.sections import registry

    sections = registry()
    for path in templates(ROOT / "notebooks"):
        assert path.stem in sections, f"no section module declares TEMPLATES = ('{path.stem}',)"
        glued = section_modules(read_template(path))
        assert sections[path.stem].__name__.rsplit(".", 1)[1] in glued, path.stem
