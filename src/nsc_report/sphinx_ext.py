"""Sphinx extension for the report's build: keep every page offline and error-free.

Jupyter Book always loads two extensions the report does not use, both of which point pages at
a CDN: MathJax (myst-nb sets the "always" asset policy, so every page would fetch it) and
thebe, the live-code launcher (its setup script is added once per read and then fails with
"THEBE_JS_URL has already been declared"). Their page hooks are disconnected here.
"""

from __future__ import annotations

import html
import json
import posixpath
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from .register import REGISTER_PAGE, anchor


def _disconnect(app: Sphinx, event: str, handlers: set[Any]) -> None:
    for listener in list(app.events.listeners.get(event, [])):
        if listener.handler in handlers:
            app.disconnect(listener.id)


def _drop_cdn_extensions(app: Sphinx) -> None:
    from sphinx.ext import mathjax

    _disconnect(app, "html-page-context", {mathjax.install_mathjax})
    try:
        import sphinx_thebe
    except ImportError:
        return
    _disconnect(app, "env-before-read-docs", {sphinx_thebe.init_thebe_core})
    _disconnect(app, "doctree-resolved", {sphinx_thebe.update_thebe_context})


def _no_asset_checksums() -> None:
    """Sphinx appends '?v=<checksum>' to a stylesheet or script link only when the file is
    already in the output folder as the page is written: a cold build's pages lack what an
    incremental build's pages have. Leave it off, so that a page depends on its sources only
    (the same inputs give the same bytes, however the build got there)."""
    import sphinx.builders.html as html_builder

    html_builder._file_checksum = lambda outdir, filename: ""


# --- glued figures link to the register ----------------------------------------------------

REGISTER_JSON = "book/downloads/figures.json"  # written into the staged sources by publish.py


def _glue_key(text: str) -> tuple[str | None, str]:
    """('attrition', 'att_rate') for 'attrition.ipynb::att_rate:s'; (None, key) if local."""
    key = text.rsplit(":", 1)[0] if text.count(":") % 2 else text
    doc, _, name = key.rpartition("::")
    return (doc[:-len(".ipynb")] if doc.endswith(".ipynb") else doc or None), name


def _linked_glue_domain() -> type:
    """myst-nb's glue domain, whose text role marks what it pastes with the figure's id (the
    notebook's docname and the key), so that a post-transform can link it to the register."""
    from docutils import nodes
    from myst_nb.ext.glue.domain import NbGlueDomain
    from myst_nb.ext.glue.roles import PasteTextRole

    class MarkedPasteText(PasteTextRole):
        def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
            result, messages = super().run()
            if not result:
                return result, messages
            doc, key = _glue_key(self.text)
            here = self.document.settings.env.docname
            notebook = (posixpath.normpath(posixpath.join(posixpath.dirname(here), doc))
                        if doc else here)
            marked = nodes.inline("", "", *result, classes=["nsc-glued"])
            marked["nsc_figure"] = f"{notebook}/{key}"
            return [marked], messages

    class LinkedGlueDomain(NbGlueDomain):
        roles = {**NbGlueDomain.roles, "text": MarkedPasteText()}

    return LinkedGlueDomain


def _register(app: Sphinx) -> dict[str, dict[str, Any]]:
    cached = getattr(app, "_nsc_register", None)
    if cached is None:
        path = Path(app.srcdir) / REGISTER_JSON
        figures = json.loads(path.read_text(encoding="utf-8"))["figures"] if path.is_file() else []
        cached = {f"book/{f['id']}": f for f in figures}
        app._nsc_register = cached  # type: ignore[attr-defined]
    return cached


class LinkFigures(SphinxPostTransform):
    """Each glued figure becomes a link to its entry on the register page, carrying its
    definition for the tooltip (nsc-figures.js). Sentences and labels assembled from the data,
    and the single page the PDF is printed from, keep their plain text."""

    default_priority = 20  # after myst-nb has pasted figures from other notebooks (5)

    def run(self, **kwargs: Any) -> None:
        from docutils import nodes

        register = _register(self.app)
        linking = self.app.builder.name == "html" and bool(register)
        for marked in list(self.document.findall(
                lambda n: isinstance(n, nodes.inline) and "nsc_figure" in n.attributes)):
            entry = register.get(marked["nsc_figure"]) if linking else None
            text = marked.astext()
            if entry is None or entry["kind"] != "figure" or entry["text"] != text:
                marked.replace_self(marked.children)
                continue
            href = self.app.builder.get_relative_uri(self.env.docname, REGISTER_PAGE)
            target = anchor(entry["id"])
            markup = (f'<a class="nsc-figure" href="{html.escape(href)}#{target}" '
                      f'data-definition="{html.escape(entry["definition"])}">'
                      f"{html.escape(text)}</a>")
            marked.replace_self(nodes.raw("", markup, format="html"))


def setup(app: Sphinx) -> dict[str, Any]:
    _no_asset_checksums()
    app.connect("builder-inited", _drop_cdn_extensions)
    app.add_domain(_linked_glue_domain(), override=True)
    app.add_post_transform(LinkFigures)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
