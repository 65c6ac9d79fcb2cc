"""The press release as a Word document (python-docx), for a press office to paste from.

Real structure, not look-alikes: Word's heading styles, its bullet and numbered list styles,
its Quote style for quotations and real footnotes (a footnotes part, which python-docx does not
write itself: built here with its XML elements, never from strings). Every value from the data
goes through `plain_text` (no control character, which Word's XML could not hold either), and
into runs as text, never as markup. The document's dates are the edition's, so that the same
inputs give the same words.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

from nsc_report.infra.untrusted import plain_text
from nsc_report.present import words
from nsc_report.publishing.embargo import Embargo
from nsc_report.publishing.release import Document, Inline
from nsc_report.publishing.release_render import CLOSE_QUOTE, OPEN_QUOTE

EMBARGO_RED = (0xA4, 0x00, 0x1D)
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _runs(paragraph: Any, inlines: Iterable[Inline], bold: bool = False,
          italic: bool = False) -> None:
    for i in inlines:
        if i.kind in ("strong", "em", "link"):
            _runs(paragraph, i.children, bold or i.kind == "strong", italic or i.kind == "em")
        elif i.kind == "note":
            _footnote_reference(paragraph, int(i.ref))
        else:
            run = paragraph.add_run(plain_text(i.text) + i.mark)
            run.bold, run.italic = bold or None, italic or None


def _footnote_reference(paragraph: Any, number: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    props = OxmlElement("w:rPr")
    align = OxmlElement("w:vertAlign")
    align.set(qn("w:val"), "superscript")
    props.append(align)
    run._r.append(props)
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(number))
    run._r.append(ref)


def _footnotes_part(document: Any, notes: list[tuple[Inline, ...]]) -> None:
    """Word's footnotes part: the two separators Word expects, then one footnote per note."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from lxml import etree

    root = OxmlElement("w:footnotes")

    def note(number: int, kind: str | None) -> Any:
        element = OxmlElement("w:footnote")
        if kind:
            element.set(qn("w:type"), kind)
        element.set(qn("w:id"), str(number))
        root.append(element)
        return element

    for number, kind in ((-1, "separator"), (0, "continuationSeparator")):
        p, r = OxmlElement("w:p"), OxmlElement("w:r")
        r.append(OxmlElement(f"w:{kind}"))
        p.append(r)
        note(number, kind).append(p)
    for number, inlines in enumerate(notes, 1):
        p = OxmlElement("w:p")
        r, props, align = OxmlElement("w:r"), OxmlElement("w:rPr"), OxmlElement("w:vertAlign")
        align.set(qn("w:val"), "superscript")
        props.append(align)
        r.append(props)
        r.append(OxmlElement("w:footnoteRef"))
        p.append(r)
        for i in _flat_text(inlines):
            run, text = OxmlElement("w:r"), OxmlElement("w:t")
            text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            text.text = i
            run.append(text)
            p.append(run)
        note(number, None).append(p)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, blob, document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def _flat_text(inlines: Iterable[Inline]) -> list[str]:
    out = [" "]
    for i in inlines:
        if i.children:
            out.extend(_flat_text(i.children)[1:])
        elif i.kind != "note":
            out.append(plain_text(i.text) + i.mark)
    return out


def document_docx(doc: Document, title: str, author: str, language: str, date: dt.date,
                  embargo: Embargo | None) -> bytes:
    w = words.Words("press", language)
    from docx import Document as Word
    from docx.shared import RGBColor

    word = Word()
    props = word.core_properties
    props.title, props.author, props.language = plain_text(title), plain_text(author), language
    when = dt.datetime.combine(date, dt.time())
    props.created = props.modified = when
    props.last_modified_by, props.revision = plain_text(author), 1
    if embargo is not None:
        held = w.text("press-embargo", label=embargo.label)
        word.sections[0].header.paragraphs[0].add_run(held).bold = True
        run = word.add_paragraph().add_run(held)
        run.bold, run.font.color.rgb = True, RGBColor(*EMBARGO_RED)
    for b in doc.blocks:
        if b.kind == "heading":
            _runs(word.add_heading(level=min(b.level, 9)), b.inlines)
        elif b.kind == "list":
            style = "List Number" if b.ordered else "List Bullet"
            for item in b.items:
                _runs(word.add_paragraph(style=style), item)
        elif b.kind == "quotation":
            p = word.add_paragraph(style="Quote")
            _runs(p, (Inline("text", OPEN_QUOTE), *b.inlines, Inline("text", CLOSE_QUOTE)))
            word.add_paragraph(w.text("press-quote-who", who=plain_text(b.who),
                                      role=plain_text(b.role) or "none"))
        else:
            _runs(word.add_paragraph(), b.inlines)
    if doc.notes:
        _footnotes_part(word, doc.notes)
    if doc.legend:
        word.add_heading(w.text("press-marks-heading"), level=2)
        for m, s, c in doc.legend:
            word.add_paragraph(w.text("press-mark-line", mark=m, status=s, caveat=plain_text(c)),
                               style="List Bullet")
    word.add_paragraph(w.text("press-ends"))
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
