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
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from nsc_report.data.provenance import MARKS
from nsc_report.present import labels, words
from nsc_report.publishing import spoken_marks
from nsc_report.publishing.printed import counted_figure
from nsc_report.publishing.register import REGISTER_PAGE, anchor, register_json
from nsc_report.publishing.social import load_cards, page_meta, setup_opengraph


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

REGISTER_FOLDER = "book/downloads"  # its figures JSON written into the staged sources (stage.py)


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
        path = register_json(Path(app.srcdir) / REGISTER_FOLDER)
        figures = json.loads(path.read_text(encoding="utf-8"))["figures"] if path.is_file() else []
        cached = {f"book/{f['id']}": f for f in figures}
        app._nsc_register = cached  # type: ignore[attr-defined]
    return cached


def mark_html(status: str) -> str:
    """The mark after a figure that is not published: a symbol for the eye, its name for a
    screen reader (the page's note says what it means)."""
    return words.provenance_mark(status, "html")


def notice_html(notes: dict[str, str]) -> str:
    """The note at the top of a page that shows unverified or illustrative figures: what each
    mark means and the caveat that goes with it."""
    w = words.Words("site")
    paragraphs = [w.html("site-provenance-paragraph", status=status,
                         short=labels.illustrative_short(), caveat=notes[status],
                         mark=MARKS[status])
                  for status in ("illustrative", "unverified") if status in notes]
    if paragraphs:
        paragraphs.append(w.html("site-provenance-published"))
    # (The paragraphs follow the message: Fluent refuses a value of over 2,500 characters.)
    return f'{w.html("site-provenance")}{"".join(paragraphs)}</aside>'


STATUS_ATTR = re.compile(r'data-nsc-status="(unverified|illustrative)"')


def _inputs_statuses(app: Sphinx, docname: str) -> set[str]:
    """The statuses of the data files the page's notebook read (from its execution record)."""
    files = app.config.nsc_provenance.get("files", {})
    path = Path(app.env.doc2path(docname))
    if path.suffix != ".ipynb" or not files or not path.is_file():
        return set()
    meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
    used = meta.get("nsc_report", {}).get("inputs", {}).get("data", [])
    return {files[key] for key in ("/".join(Path(p).parts[-2:]) for p in used) if key in files}


def _before_stop(markup: str, mark: str) -> str:
    """The mark after a sentence's last word, not after its full stop: a sentence assembled
    from the data reads "... none at all‡." rather than "... none at all.‡"."""
    if markup.endswith((".", "!", "?")):
        return markup[:-1] + mark + markup[-1]
    return markup + mark


def _linked(register: dict[str, dict[str, Any]], entry: dict[str, Any],
            text: str) -> dict[str, Any] | None:
    """The register entry a pasted figure links to: itself, where it is a figure printed as
    registered; for a count glued with its noun ("27 forces", a text made of that one figure),
    the count's own entry; otherwise none (a sentence is marked, not linked)."""
    if entry["kind"] == "figure":
        return entry if entry["text"] == text else None
    part = counted_figure(entry, lambda fid: register.get(f"book/{fid}"))
    return part if part is not None and text.startswith(part["text"]) else None


def count_and_rest(entry: dict[str, Any], linked: dict[str, Any] | None,
                   text: str) -> tuple[str, str]:
    """A count glued with its noun or verb ("1,294 were") is linked and marked as the count:
    ("1,294", " were"), so that the mark sits on the number, never on the word after it."""
    if linked is None or linked is entry:
        return text, ""
    return text[:len(linked["text"])], text[len(linked["text"]):]


class LinkFigures(SphinxPostTransform):
    """Each glued figure becomes a link to its entry on the register page, carrying its
    definition for the tooltip (nsc-figures.js). Sentences and labels assembled from the data,
    and the single page the PDF is printed from, keep their plain text. A figure that is not
    published is marked, and a web page that shows one opens with a note on what the mark
    means (the printed report carries it in the margin of every page)."""

    default_priority = 20  # after myst-nb has pasted figures from other notebooks (5)

    def run(self, **kwargs: Any) -> None:
        from docutils import nodes

        _output_marks(self.document)
        register = _register(self.app)
        web = self.app.builder.name == "html"
        linking = web and bool(register)
        # Every caveat of each status the page's figures carry, in order, each once: a page
        # of figures from the answers and from the commitments says what both are.
        said: dict[str, dict[str, None]] = {}
        for marked in list(self.document.findall(
                lambda n: isinstance(n, nodes.inline) and "nsc_figure" in n.attributes)):
            entry = register.get(marked["nsc_figure"])
            text = marked.astext()
            status = (entry or {}).get("status") or "published"
            if status in MARKS:
                said.setdefault(status, {})
                for caveat in entry.get("caveats") or ():
                    said[status][caveat] = None
            if entry is None:
                marked.replace_self(marked.children)
                continue
            linked = _linked(register, entry, text)
            head, rest = count_and_rest(entry, linked, text)
            if linking and linked is not None:
                href = self.app.builder.get_relative_uri(self.env.docname, REGISTER_PAGE)
                markup = (f'<a class="nsc-figure" href="{html.escape(href)}#'
                          f'{anchor(linked["id"])}" data-definition="'
                          f'{html.escape(linked["definition"])}">{html.escape(head)}</a>')
            elif status == "published":
                marked.replace_self(marked.children)  # as myst-nb pasted it (smart quotes too)
                continue
            elif entry.get("inline"):
                # A sentence that marks its own figures where they stand: each symbol in it
                # as the site's mark, and none at its end (it holds a published figure too).
                marked.replace_self(nodes.raw("", words.marks_html(text), format="html"))
                continue
            else:
                markup = html.escape(head)
            marked.replace_self(nodes.raw("", _before_stop(markup, mark_html(status))
                                          + html.escape(rest), format="html"))
        if not web:
            return
        notes = {status: " ".join(caveats) for status, caveats in said.items()}
        caveats = self.app.config.nsc_provenance.get("caveats", {})
        shown = set(STATUS_ATTR.findall("".join(
            n.astext() for n in self.document.findall(nodes.raw))))
        for status in shown | _inputs_statuses(self.app, self.env.docname):
            if status in MARKS and not notes.get(status):
                notes[status] = caveats.get(status, "")
        title = next(iter(self.document.findall(nodes.title)), None)
        if notes and title is not None:
            title.parent.insert(title.parent.index(title) + 1,
                                nodes.raw("", notice_html(notes), format="html"))


def _output_marks(document: Any) -> None:
    """A section's Markdown output holds words only (a note in it is the data's, and no HTML
    of it may reach the page), so a statement of the answers in it carries its mark as the
    symbol (a force's list of missing answers): printed here as the site's mark, whose name
    a screen reader reads, as everywhere else."""
    from docutils import nodes

    glyphs = tuple(MARKS.values())
    for container in document.findall(
            lambda n: isinstance(n, nodes.container) and "cell_output" in n["classes"]):
        for text in list(container.findall(nodes.Text)):
            if isinstance(text.parent, nodes.raw | nodes.literal_block | nodes.literal):
                continue
            if any(g in text.astext() for g in glyphs):
                text.parent.replace(text, nodes.raw("", words.marks_html(text.astext()),
                                                    format="html"))


# --- quotations -------------------------------------------------------------------------------

def _quote_directive() -> type:
    """`nsc-quote ID`: a quotation of the edition (quotations.yml, checked word for word against
    its source when the data are validated), set as a block quote with its attribution."""
    from docutils import nodes
    from docutils.parsers.rst import Directive

    class QuoteDirective(Directive):
        required_arguments = 1
        has_content = False

        def run(self) -> list[nodes.Node]:
            env = self.state.document.settings.env
            quotes = env.config.nsc_quotations
            ident = self.arguments[0]
            if ident not in quotes:
                known = ", ".join(sorted(quotes)) or "none"
                raise self.error(f"no quotation '{ident}' in the edition's quotations.yml "
                                 f"(known: {known})")
            q = quotes[ident]
            quote = nodes.block_quote(classes=["nsc-quote"])
            quote += nodes.paragraph("", f"“{q['text']}”")
            who = ", ".join(filter(None, (q["who"], q.get("role"))))
            quote += nodes.attribution("", f"{who}. Source: {q['citation']}")
            return [quote]

    return QuoteDirective


def _no_figure_numbers(app: Sphinx, config: Any) -> None:
    """Jupyter Book's LaTeX extension turns figure numbering on for every builder; the book
    numbers no figure or table (it prints through HTML), and numbering walks every page's
    doctree on each rebuild, a second of the preview's every save."""
    config["numfig"] = False


def _spoken_marks(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                  doctree: Any) -> None:
    """A mark inside a sentence's brackets: its screen reader's word after a comma."""
    if context.get("body"):
        context["body"] = spoken_marks.in_brackets(context["body"])


def setup(app: Sphinx) -> dict[str, Any]:
    _no_asset_checksums()
    app.connect("config-inited", _no_figure_numbers, priority=900)
    app.connect("builder-inited", _drop_cdn_extensions)
    app.add_domain(_linked_glue_domain(), override=True)
    app.add_post_transform(LinkFigures)
    # The status of the edition's data files and the caveat of each status (publish.py).
    app.add_config_value("nsc_provenance", {}, "env")
    # The edition's quotations, by id, with their attribution (publish.py).
    app.add_config_value("nsc_quotations", {}, "env")
    app.add_directive("nsc-quote", _quote_directive())
    # Every page's OpenGraph and Twitter card metadata, with its social card (social.py), and
    # under embargo (`--embargo`, its words here) `noindex` on every page.
    app.add_config_value("nsc_embargo", "", "html")
    app.add_config_value("nsc_site_description", "", "html")  # of pages without a text
    setup_opengraph(app)
    app.connect("env-get-outdated", load_cards)
    app.connect("html-page-context", page_meta, priority=400)  # before the extension's (500)
    app.connect("html-page-context", _spoken_marks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
