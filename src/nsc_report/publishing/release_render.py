"""The press release (and the key findings) written as HTML and as plain text for email.

Every value from the data is escaped for HTML (`html_text`) or neutralised for plain text
(`plain_text`: no control character, no line break of its own); the words around them are the
template's and press.ftl's. In the text, one paragraph is one line (mail programs wrap), so
that `nsc-report check` can name the line on which each figure and quotation is printed.
"""

from __future__ import annotations

from collections.abc import Iterable

from nsc_report.infra.untrusted import html_text, plain_text, web_address
from nsc_report.present import words
from nsc_report.publishing.embargo import Embargo
from nsc_report.publishing.release import Block, Document, Inline

OPEN_QUOTE, CLOSE_QUOTE = "“", "”"


# --- HTML ------------------------------------------------------------------------------------

def inline_html(inlines: Iterable[Inline]) -> str:
    out = []
    for i in inlines:
        if i.kind == "fig":
            mark = f'<span class="mark">{html_text(i.mark)}</span>' if i.mark else ""
            # A link only to the published register (no address yet: the figure, no link).
            tag, href = ("a", f' href="{html_text(i.href)}"') if i.href else ("span", "")
            out.append(f'<{tag} class="nsc-fig"{href} data-figure="{html_text(i.ref)}">'
                       f"{html_text(i.text)}</{tag}>{mark}")
        elif i.kind in ("strong", "em"):
            out.append(f"<{i.kind}>{inline_html(i.children)}</{i.kind}>")
        elif i.kind == "link":
            href = i.href if web_address(i.href, mail=True) is None else ""
            inner = inline_html(i.children)
            out.append(f'<a href="{html_text(href)}">{inner}</a>' if href else inner)
        elif i.kind == "note":
            out.append(f'<sup class="note-ref"><a href="#note-{i.ref}" id="ref-{i.ref}">'
                       f"{i.ref}</a></sup>")
        elif i.kind == "quote":
            out.append(f'<span class="quoted" data-quotation="{html_text(i.ref)}">'
                       f"{html_text(i.text)}</span>")
        else:  # text, space, field
            out.append(html_text(i.text))
    return "".join(out)


def block_html(block: Block, locale: str) -> str:
    w = words.Words("press", locale)
    if block.kind == "heading":
        return f"<h{block.level}>{inline_html(block.inlines)}</h{block.level}>"
    if block.kind == "list":
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{inline_html(item)}</li>" for item in block.items)
        return f"<{tag}>{items}</{tag}>"
    if block.kind == "quotation":
        return (f'<blockquote data-quotation="{html_text(block.ref)}"><p>{OPEN_QUOTE}'
                f"{inline_html(block.inlines)}{CLOSE_QUOTE}</p><footer>"
                f"{w.html('press-quote-who', who=block.who, role=block.role or 'none')}"
                f"</footer></blockquote>")
    return f"<p>{inline_html(block.inlines)}</p>"


def body_html(doc: Document, locale: str) -> str:
    """The document's blocks, its footnotes and the legend of its marks."""
    w = words.Words("press", locale)
    out = [block_html(b, locale) for b in doc.blocks]
    if doc.notes:
        items = "".join(f'<li id="note-{n}">{inline_html(note)} <a class="back" '
                        f'href="#ref-{n}" aria-label="{w.html("press-note-back")}">↩</a></li>'
                        for n, note in enumerate(doc.notes, 1))
        out.append(f'<section class="notes"><h2>{w.html("press-notes-heading")}</h2>'
                   f"<ol>{items}</ol></section>")
    if doc.legend:
        lines = "".join(f"<li>{w.html('press-mark-line', mark=m, status=s, caveat=c)}</li>"
                        for m, s, c in doc.legend)
        out.append(f'<section class="legend"><h2>{w.html("press-marks-heading")}</h2>'
                   f"<ul>{lines}</ul></section>")
    out.append(f'<p class="ends">{w.html("press-ends")}</p>')
    return "\n".join(out)


def embargo_html(embargo: Embargo | None, locale: str) -> str:
    """The embargo's banner at the top of a page; nothing for a public one."""
    w = words.Words("press", locale)
    if embargo is None:
        return ""
    return f'<p class="embargo">{w.html("press-embargo", label=embargo.label)}</p>\n'


def page_html(title: str, body: str, style: str, language: str,
              embargo: Embargo | None) -> str:
    """A stand-alone page (the release, the key findings, a local note); `title` is text."""
    running = (f' --embargo: "{embargo.label}";' if embargo else "")  # our words: no quote
    robots = '<meta name="robots" content="noindex">\n' if embargo else ""
    return (f'<!DOCTYPE html>\n<html lang="{html_text(language)}"><head><meta charset="utf-8">\n'
            f"{robots}<title>{html_text(title)}</title>\n"
            f"<style>{style}\n:root {{{running} }}</style></head>\n<body><main>\n"
            f"{embargo_html(embargo, language)}{body}\n</main></body></html>\n")


# --- plain text ------------------------------------------------------------------------------

def inline_text(inlines: Iterable[Inline]) -> str:
    out = []
    for i in inlines:
        if i.kind in ("strong", "em", "link"):
            out.append(inline_text(i.children))
        elif i.kind == "note":
            out.append(f"({i.ref})")
        else:
            out.append(plain_text(i.text) + i.mark)
    return "".join(out)


def document_text(doc: Document, locale: str, embargo: Embargo | None
                  ) -> tuple[str, dict[str, list[int]]]:
    """The text for email, and the lines (1-based) on which each figure ('fig:<id>') and
    quotation ('quote:<id>') is printed."""
    w = words.Words("press", locale)
    lines: list[str] = []
    placed: dict[str, list[int]] = {}

    def add(text: str, inlines: Iterable[Inline] = ()) -> None:
        lines.append(text)
        for i in _flat(inlines):
            if i.kind in ("fig", "quote"):
                placed.setdefault(f"{i.kind}:{i.ref}", []).append(len(lines))

    if embargo is not None:
        add(w.text("press-embargo", label=embargo.label))
        add("")
    for b in doc.blocks:
        if b.kind == "heading":
            text = inline_text(b.inlines)
            add(text, b.inlines)
            if b.level <= 2:  # underlined, as plain-text mail sets a heading
                lines.append(("=" if b.level == 1 else "-") * min(len(text), 72))
        elif b.kind == "list":
            for n, item in enumerate(b.items, 1):
                add((f"{n}. " if b.ordered else "- ") + inline_text(item), item)
        elif b.kind == "quotation":
            add(f"{OPEN_QUOTE}{inline_text(b.inlines)}{CLOSE_QUOTE}", b.inlines)
            add(w.text("press-quote-who", who=plain_text(b.who), role=plain_text(b.role) or "none"))
        else:
            add(inline_text(b.inlines), b.inlines)
        lines.append("")
    if doc.notes:
        add(w.text("press-notes-heading"))
        lines.extend(["-" * len(w.text("press-notes-heading")), ""])
        for n, note in enumerate(doc.notes, 1):
            add(f"({n}) {inline_text(note)}", note)
            lines.append("")
    if doc.legend:
        add(w.text("press-marks-heading"))
        lines.extend(["-" * len(w.text("press-marks-heading")), ""])
        for m, s, c in doc.legend:
            add(w.text("press-mark-line", mark=m, status=s, caveat=plain_text(c)))
        lines.append("")
    add(w.text("press-ends"))
    return "\n".join(lines) + "\n", placed


def _flat(inlines: Iterable[Inline]) -> Iterable[Inline]:
    for i in inlines:
        yield i
        yield from _flat(i.children)
