"""Sphinx extension for the report's build: keep every page offline.

MathJax is configured by Jupyter Book and loaded from a CDN on every page (myst-nb sets the
"always" asset policy). The report has no mathematics, and no page may request anything from
outside the site, so the handler that adds the MathJax script is disconnected.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx


def _drop_mathjax(app: Sphinx) -> None:
    from sphinx.ext import mathjax

    listeners = app.events.listeners.get("html-page-context", [])
    for listener in list(listeners):
        if listener.handler is mathjax.install_mathjax:
            app.disconnect(listener.id)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", _drop_mathjax)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
