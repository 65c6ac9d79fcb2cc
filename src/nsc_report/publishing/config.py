"""The Sphinx configuration of one edition's build: its title, notices, footer, substitutions, the
status of its data files and its quotations, from the project's _config.yml and the edition.
"""

from __future__ import annotations

import hashlib
import html
from pathlib import Path
from typing import Any

from nsc_report.data import Edition, provenance, verbatim
from nsc_report.infra import files, yamlfile
from nsc_report.infra.untrusted import html_text, tel_href
from nsc_report.layout import pdf_name
from nsc_report.present import words
from nsc_report.publishing.archive import Site, newer_notice
from nsc_report.publishing.downloads import DOWNLOAD_LABELS, download_names


def staged_config(root: Path, edition: Edition, site: Site | None = None) -> dict[str, Any]:
    config = yamlfile.load_file(root / "_config.yml", "the book's _config.yml")
    meta = edition.meta
    config["title"] = f"{meta.title} ({meta.edition})"
    config["author"] = meta.publisher
    sphinx = config.setdefault("sphinx", {}).setdefault("config", {})
    theme = sphinx.setdefault("html_theme_options", {})
    notices = []
    if site is not None and site.this != site.current:
        notices.append(newer_notice(site))
    if provenance.returns(edition).status == "illustrative":
        # Shown at the top of every page while the edition's answers are illustrative: in full,
        # or on a phone as one line whose link nsc-a11y.js points at the methodology (pages sit
        # at different depths, so the link is made from the page's own content root).
        notices.append(
            '<span class="nsc-banner-long">Illustrative data: the per-force figures in this '
            "edition are constructed to match the published national totals and are not the "
            "forces' real answers. The methodology explains which figures are real.</span>"
            '<span class="nsc-banner-short">Illustrative data, not real answers: '
            '<a class="nsc-banner-link" href="#">what this means</a></span>')
    if edition.draft:
        notices.append(words.of(edition, "edition").html("edition-draft-banner"))
    if notices:
        theme["announcement"] = " ".join(notices)
    theme["extra_footer"] = help_footer(edition)
    sphinx["nsc_provenance"] = provenance_config(edition)
    sphinx["nsc_quotations"] = {
        q.id: {"text": verbatim.normalise(q.text), "who": q.who, "role": q.role,
               "citation": edition.source(q.source).citation}
        for q in edition.quotations.values()}
    name = pdf_name(edition)
    files = download_names(edition)
    sphinx["myst_substitutions"] = {
        "pdf_link": f'<a class="nsc-download-pdf" href="downloads/{name}" download="{name}">'
                    f"The full report as a PDF (A4)</a>",
        "edition": meta.edition,
        # dl_foi_returns, dl_nsc_data, ...; the ODS copy of the workbook is dl_nsc_data_ods.
        **{"dl_" + (key.replace(".ods", "_ods").split(".")[0]).replace("-", "_"):
           f'<a class="nsc-download" href="downloads/{file}" download="{file}">{label}</a>'
           for (key, file), label in zip(files.items(), DOWNLOAD_LABELS, strict=True)},
        "illustrative_note": ("Every file below is made from this edition's illustrative "
                              "data: its name ends in -illustrative, and each says so inside "
                              "(a status column, a notes sheet or a README)."
                              if meta.illustrative else ""),
    }
    # The fingerprint of the code that shapes every page: when it changes, the config changes
    # and Sphinx rebuilds every page instead of only those whose sources changed.
    code = b"".join(p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py")))
    sphinx["html_context"] = {"default_mode": "light",
                              "nsc_build": hashlib.sha256(code).hexdigest()[:16]}
    sphinx["html_title"] = f"{meta.title} ({meta.edition})"
    # The theme writes the logo's alt text into an attribute unescaped (its templates do not
    # escape): escaped here.
    theme["logo"] = {"alt_text": html_text(f"{meta.publisher}: {meta.title} - home")}
    return config


def provenance_config(edition: Edition) -> dict[str, Any]:
    """For the Sphinx extension: the status of each data file that is not published (by
    '<edition>/<file>', as the notebooks record what they read) and the caveat of each
    status, so that a page built from such a file says so."""
    meta, year = edition.meta, edition.meta.edition
    files = {f"{year}/{name}": f.status for name, f in meta.data_files.items()}
    caveats = {"illustrative": provenance.illustrative_caveat(edition),
               "unverified": " ".join(dict.fromkeys(
                   s.caveat for s in meta.sources.values()
                   if s.status == "unverified" and s.caveat))}
    return {"files": files, "caveats": caveats}


def help_footer(edition: Edition) -> str:
    """The footer of every page: where a reader finds help, and who publishes the report."""
    meta, h = edition.meta, edition.meta.help
    parts = []
    if h is not None:
        # The number and the address were checked when edition.yml was read (models.Help:
        # digits, or an http(s) address); escaped all the same, as every attribute is.
        phone = (f'<a href="{html_text(tel_href(h.helpline_phone))}">'
                 f"{html_text(h.helpline_phone)}</a>" if h.helpline_phone else "")
        site = (f'<a href="{html_text(h.website)}">{html_text(h.short(h.website))}</a>'
                if h.website else "")
        parts.append(f'<p class="nsc-help"><strong>Worried about stalking?</strong> Call the '
                     f"{html_text(h.helpline_name)}" + (f" on {phone}" if phone else "")
                     + (f", or visit {site}" if site else "") + ". In an emergency, call 999.</p>")
    v = edition.version
    parts.append(f'<p class="nsc-publisher">{html.escape(meta.publisher)}: '
                 f"{html.escape(meta.title)} ({meta.edition}). Version {v.version}, "
                 f"{v.date:%-d %B %Y} (every change is listed under Revisions and "
                 f"corrections).</p>")
    return "".join(parts)



CHAPTERS = "chapters"  # data/<edition>/chapters/: the narrative chapters each edition owns


def edition_chapters(edition: Edition) -> list[Path]:
    """The Markdown chapters an edition owns; each takes the place of book/<name>.md. A link
    among them (to a file anywhere else) is refused by name, never published."""
    return files.files_in(edition.directory / CHAPTERS, edition.directory.parent, ".md",
                          what="a chapter")
