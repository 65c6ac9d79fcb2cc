"""Whether the PDF step has anything to do: a fingerprint of what it prints from.

Building the 2025 edition printed the 2024 archive's PDF and its 43 briefings again, unchanged
(146 s of a 377 s build): the HTML step kept a fingerprint of its inputs, the PDF step none.
The PDF and the briefings are printed from the staged book (its sources, the executed
notebooks, the configuration, the edition's data and chapters: `inputs_fingerprint`), with the
package's code, its print stylesheets and script, the libraries that write the pages, the
package's version, the embargo they are printed under and the date they carry. When none of
these changed since the last complete print and every file it wrote is there, the step is
skipped; the stamp is taken away before printing and written only when the PDF and every
briefing are printed.
"""

from __future__ import annotations

import hashlib
import os
from importlib import metadata
from pathlib import Path

from nsc_report.data import Edition
from nsc_report.layout import Layout, pdf_name
from nsc_report.publishing.embargo import Embargo
from nsc_report.publishing.site import inputs_fingerprint
from nsc_report.sections.force import briefing_name

STAMP = "pdf.inputs"  # in the layout's work folder
PRINTING = Path(__file__).parent  # print.css, briefing.css, prepare.js


def _version() -> str:
    try:
        return metadata.version("nsc-report")
    except metadata.PackageNotFoundError:  # run from a checkout that is not installed
        from nsc_report import __version__

        return __version__


def fingerprint(layout: Layout, edition: Edition, embargo: Embargo | None) -> str:
    """A hash of everything the report's PDF and the briefings are printed from."""
    own = sorted(p for p in PRINTING.iterdir() if p.suffix in (".css", ".js"))
    digest = hashlib.sha256(inputs_fingerprint(layout, edition, "pdf", own).encode())
    held = f"{embargo.label}|{embargo.iso}" if embargo else "public"
    # The PDF's dates are SOURCE_DATE_EPOCH's when it is set (printing/pdf.py pdf_date).
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    digest.update(f"\nnsc-report=={_version()}\nembargo={held}\nepoch={epoch}\n".encode())
    return digest.hexdigest()


def outputs(layout: Layout, edition: Edition) -> list[Path]:
    """The files the step writes: the report's PDF and a briefing per force."""
    forces = layout.pdf_dir / "forces"
    return [layout.pdf_dir / pdf_name(edition),
            *(forces / briefing_name(edition, code) for code in edition.forces["force_code"])]


def up_to_date(layout: Layout, edition: Edition, print_inputs: str) -> bool:
    stamp = layout.work / STAMP
    return (stamp.is_file() and stamp.read_text(encoding="utf-8") == print_inputs
            and all(p.is_file() for p in outputs(layout, edition)))


def forget(layout: Layout) -> None:
    """Before printing: until it completes, the last print is no longer known to be current."""
    (layout.work / STAMP).unlink(missing_ok=True)


def remember(layout: Layout, print_inputs: str) -> None:
    layout.work.mkdir(parents=True, exist_ok=True)
    (layout.work / STAMP).write_text(print_inputs, encoding="utf-8")
