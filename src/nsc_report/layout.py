"""Where an edition's outputs go: the folders of a build, the PDF's name and the slugs that name
each force's page and briefing. May import `data` only."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from nsc_report.data import Edition


@dataclass(frozen=True)
class Layout:
    """Where one edition's build reads and writes."""

    root: Path            # project root: _config.yml, _toc.yml, book/
    notebooks: Path       # executed notebooks (book/ for the committed edition)
    out: Path             # published output: <out>/html, <out>/pdf
    work: Path            # staging and Sphinx work folders, kept between builds

    @property
    def stage(self) -> Path:
        return self.work / "stage"

    @property
    def print_stage(self) -> Path:
        return self.work / "stage-print"

    @property
    def html(self) -> Path:
        return self.out / "html"

    @property
    def pdf_dir(self) -> Path:
        return self.out / "pdf"


def pdf_name(edition: Edition) -> str:
    return f"{edition.meta.slug}-{edition.meta.edition}.pdf"


def slug(name: str) -> str:
    """'Avon and Somerset' -> 'avon-and-somerset': the file name of a force's page."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
