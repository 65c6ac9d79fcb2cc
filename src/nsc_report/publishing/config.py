"""The Sphinx configuration of one edition's build: its title, notices, footer, substitutions, the
status of its data files and its quotations, from the project's _config.yml and the edition.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from nsc_report.data import Edition, provenance, verbatim
from nsc_report.infra import files, yamlfile
from nsc_report.infra.untrusted import html_text, tel_href
from nsc_report.layout import pdf_name
from nsc_report.present import labels, words
from nsc_report.publishing.archive import Site, newer_notice
from nsc_report.publishing.downloads import download_names
from nsc_report.publishing.embargo import Embargo, label
from nsc_report.publishing.social import DESCRIPTION_LENGTH, TWITTER


def _substitution(download: str) -> str:
    """A download's name in the pages' substitutions: 'foi-returns.csv' -> 'foi_returns'; a
    second format of the same stem keeps its extension ('nsc-data.ods' -> 'nsc_data_ods')."""
    stem, _, extension = download.partition(".")
    both = download in ("nsc-data.ods", "figures.csv", "figures.json")
    return stem.replace("-", "_") + (f"_{extension}" if both else "")


def staged_config(root: Path, edition: Edition, site: Site | None = None,
                  embargo: Embargo | None = None) -> dict[str, Any]:
    config = yamlfile.load_file(root / "_config.yml", "the book's _config.yml")
    meta = edition.meta
    w = words.of(edition, "site")
    dl = words.of(edition, "downloads")
    config["title"] = f"{meta.title} ({meta.edition})"
    config["author"] = meta.publisher
    sphinx = config.setdefault("sphinx", {}).setdefault("config", {})
    theme = sphinx.setdefault("html_theme_options", {})
    notices = [embargo.banner_html()] if embargo else []
    if site is not None and site.this != site.current:
        notices.append(newer_notice(site))
    if provenance.returns(edition).status == "illustrative":
        # Shown at the top of every page while the edition's answers are illustrative: in full,
        # or on a phone as one line whose link nsc-a11y.js points at the methodology (pages sit
        # at different depths, so the link is made from the page's own content root).
        notices.append(w.html("site-banner"))
    if edition.draft:
        notices.append(words.of(edition, "edition").html("edition-draft-banner"))
    if notices:  # each a notice of its own, in HTML already
        theme["announcement"] = str(w.sentences(
            (words.Rendered(n, "html") for n in notices), "html"))
    theme["extra_footer"] = help_footer(edition)
    sphinx.update(opengraph_config(edition, site))
    sphinx["nsc_embargo"] = label(embargo)  # noindex on every page while it is set
    sphinx["nsc_provenance"] = provenance_config(edition)
    sphinx["nsc_quotations"] = {
        q.id: {"text": verbatim.normalise(q.text), "who": q.who, "role": q.role,
               "citation": edition.source(q.source).citation}
        for q in edition.quotations.values()}
    name = pdf_name(edition)
    files = download_names(edition)
    sphinx["myst_substitutions"] = {
        "pdf_link": str(dl.html("downloads-pdf-link", file=name)),
        "edition": meta.edition,
        # dl_foi_returns, dl_nsc_data, ...; the ODS copy of the workbook is dl_nsc_data_ods,
        # the register's two files dl_figures_csv and dl_figures_json.
        **{f"dl_{download}": str(dl.html("downloads-link", file=file, download=download))
           for download, file in ((_substitution(key), file) for key, file in files.items())},
        "illustrative_note": (str(dl.markdown("downloads-illustrative-note"))
                              if meta.illustrative else ""),
        # The published statistics are those of the edition's cut-off, not of every edition.
        "published_as_of": str(dl.markdown("downloads-published-as-of",
                                           date=labels.date(edition, meta.cut_off))),
        "software_note": str(dl.markdown(
            "downloads-software", published=bool(meta.help and meta.help.source_url),
            address=meta.help.short(meta.help.source_url) if meta.help else "")),
    }
    # The fingerprint of the code that shapes every page: when it changes, the config changes
    # and Sphinx rebuilds every page instead of only those whose sources changed.
    code = b"".join(p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py")))
    code += w.resource.text.encode()  # the words the extension puts on every page
    sphinx["html_context"] = {"default_mode": "light",
                              "nsc_build": hashlib.sha256(code).hexdigest()[:16]}
    sphinx["html_title"] = f"{meta.title} ({meta.edition})"
    # The theme writes the logo's alt text into an attribute unescaped (its templates do not
    # escape): escaped here.
    theme["logo"] = {"alt_text": html_text(f"{meta.publisher}: {meta.title} - home")}
    return config


def opengraph_config(edition: Edition, site: Site | None) -> dict[str, Any]:
    """sphinxext-opengraph's settings: the edition's public address (help.site_url, and its
    place in the site), the site's name, no cards of its own (the report draws its cards:
    cards.py) and the large-image Twitter card; each page's image, alt text and description
    are set page by page (social.py)."""
    meta = edition.meta
    return {"ogp_site_url": (site or Site.alone(edition)).base,
            "ogp_site_name": f"{meta.title} ({meta.edition})",
            "ogp_type": "website", "ogp_social_cards": {"enable": False},
            "ogp_custom_meta_tags": [TWITTER], "ogp_description_length": DESCRIPTION_LENGTH,
            "ogp_enable_meta_description": True,
            "nsc_site_description": f"{meta.title} ({meta.edition}): {meta.subtitle}."}


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
    w = words.of(edition, "site")
    parts = []
    if h is not None:
        # The number and the address were checked when edition.yml was read (models.Help:
        # digits, or an http(s) address); escaped all the same, as every attribute is.
        phone = (f'<a href="{html_text(tel_href(h.helpline_phone))}">'
                 f"{html_text(h.helpline_phone)}</a>" if h.helpline_phone else "")
        site = (f'<a href="{html_text(h.website)}">{html_text(h.short(h.website))}</a>'
                if h.website else "")
        parts.append(w.html("site-help", helpline=_escaped(h.helpline_name),
                            phone=words.Rendered(phone, "html"), has_phone=bool(phone),
                            site=words.Rendered(site, "html"), has_site=bool(site)))
    v = edition.version
    parts.append(w.html("site-publisher", publisher=meta.publisher, title=meta.title,
                        edition=meta.edition, version=v.version, date=labels.date(edition, v.date),
                        draft=edition.draft))
    return "".join(parts)


def _escaped(text: str) -> words.Rendered:
    """Text escaped as every attribute and element of the page's own markup is (html_text)."""
    return words.Rendered(html_text(text), "html")



CHAPTERS = "chapters"  # data/<edition>/chapters/: the narrative chapters each edition owns


def edition_chapters(edition: Edition) -> list[Path]:
    """The Markdown chapters an edition owns; each takes the place of book/<name>.md. A link
    among them (to a file anywhere else) is refused by name, never published."""
    return files.files_in(edition.directory / CHAPTERS, edition.directory.parent, ".md",
                          what="a chapter")
