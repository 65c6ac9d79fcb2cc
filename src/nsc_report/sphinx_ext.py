"""Sphinx extension for the report's build: keep every page offline and error-free.

Jupyter Book always loads two extensions the report does not use, both of which point pages at
a CDN: MathJax (myst-nb sets the "always" asset policy, so every page would fetch it) and
thebe, the live-code launcher (its setup script is added once per read and then fails with
"THEBE_JS_URL has already been declared"). Their page hooks are disconnected here.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx


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


def setup(app: Sphinx) -> dict[str, Any]:
    _no_asset_checksums()
    app.connect("builder-inited", _drop_cdn_extensions)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
