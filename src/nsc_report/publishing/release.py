"""The press release and the key findings: an edition's template, its references resolved.

An author writes `data/<edition>/press/release.md` (and `key-findings.md`) like a chapter, in
Markdown with footnotes, and refers to what must never be typed (data/2024/press/README.md):
``{fig}`spo/spo_band_low` `` a figure of the register, ``{quote}`rec-plan` `` a quotation of
quotations.yml word for word (or a block `:::{nsc-quote} victim` / `:::` with who said it) and
``{edition}`help.helpline_phone` `` a value of edition.yml. This module parses the template,
lists its references with their lines (for `nsc-report check`) and resolves them into a
`Document` that release_render.py and release_docx.py write as HTML, text and DOCX.

Values from the data (a figure's text, a quotation, a contact) enter the document as text
nodes: each writer escapes or neutralises them for its target.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.footnote import footnote_plugin

from nsc_report.data import Edition, verbatim
from nsc_report.data.provenance import MARKS
from nsc_report.errors import EXIT_DATA, NscReportError
from nsc_report.infra import files
from nsc_report.present import labels

FOLDER = "press"
TEMPLATES = ("release", "key-findings")
ROLES = ("fig", "quote", "edition")
ROLE = re.compile(r"\{(fig|quote|edition)\}`([^`]*)`")
BLOCK_QUOTE = "nsc-quote"
FIELDS = ("title", "subtitle", "publisher", "awareness_week", "publication_date",
          "help.helpline_name", "help.helpline_phone", "help.website", "help.site_url",
          "help.press_contact")
# A typed number: a digit in the words (outside a reference, a footnote label or a link).
TYPED_NUMBER = re.compile(r"[£$€]?\d[\d,.]*%?")
# A typed quotation: four words or more between quotation marks.
TYPED_QUOTE = re.compile(r"[“\"]([^”\"]*\s[^”\"]*\s[^”\"]*\s[^”\"]+)[”\"]")
_NOT_WORDS = re.compile(r"\[\^[^\]]*\]|\]\([^)]*\)|" + ROLE.pattern)


class PressError(NscReportError):
    """A release template that refers to what does not exist."""

    exit_code = EXIT_DATA


# --- the document ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Inline:
    kind: str                          # text, strong, em, link, fig, quote, field, note, space
    text: str = ""
    children: tuple[Inline, ...] = ()
    href: str = ""                     # link: the template's; fig: the register entry's page
    mark: str = ""                     # fig: its provenance mark ('' when published)
    ref: str = ""                      # fig: register id; quote: quotation id; note: number


@dataclass(frozen=True)
class Block:
    kind: str                          # heading, para, list, quotation
    inlines: tuple[Inline, ...] = ()
    level: int = 0                     # heading level
    items: tuple[tuple[Inline, ...], ...] = ()  # list items
    ordered: bool = False
    who: str = ""                      # quotation: who said it, and their role
    role: str = ""
    ref: str = ""                      # quotation id
    line: int = 0                      # in the template


@dataclass
class Document:
    blocks: list[Block]
    notes: list[tuple[Inline, ...]]    # footnotes, numbered from 1 in order of reference
    figures: list[dict[str, Any]] = field(default_factory=list)   # the register entries used
    quotations: list[str] = field(default_factory=list)           # quotation ids used

    @property
    def legend(self) -> list[tuple[str, str, str]]:
        """(mark, status, caveats) of each status other than published among its figures:
        every caveat of its figures, each once (a figure from two files carries both)."""
        seen: dict[tuple[str, str], list[str]] = {}
        for e in self.figures:
            status = e.get("status") or "published"
            if status != "published":
                caveats = seen.setdefault((MARKS.get(status, ""), status), [])
                if e.get("caveat") and e["caveat"] not in caveats:
                    caveats.append(e["caveat"])
        return [(mark, status, " ".join(c for c in caveats
                                        if not any(c != o and c in o for o in caveats)))
                for (mark, status), caveats in sorted(seen.items())]


@dataclass(frozen=True)
class Reference:
    role: str      # fig, quote, edition
    name: str
    line: int      # 1-based, in the template


@dataclass(frozen=True)
class Template:
    path: Path
    text: str
    tokens: list[Token]

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()


def parser() -> MarkdownIt:
    # Raw HTML is off: the template is Markdown, and every writer draws its own markup.
    return MarkdownIt("commonmark", {"html": False}).use(footnote_plugin).use(colon_fence_plugin)


def parse(text: str, path: Path) -> Template:
    return Template(path, text, parser().parse(text))


def template_path(ed: Edition, name: str = "release") -> Path:
    return ed.directory / FOLDER / f"{name}.md"


def read(ed: Edition, name: str = "release") -> Template | None:
    """The edition's template, or None where it has none."""
    path = template_path(ed, name)
    if not path.is_file():
        return None
    return parse(files.read_text(path, within=ed.directory), path)


def _line_of(template: Template, span: list[int] | None, needle: str) -> int:
    """The first line of the block `span` holding `needle` (else the block's first line)."""
    start, end = span or (0, len(template.lines))
    for number in range(start, end):
        if needle in template.lines[number]:
            return number + 1
    return start + 1


def _roles(children: list[Token]) -> list[tuple[str, str, int]]:
    """(role, name, index of its code span) of each reference among an inline's tokens."""
    found = []
    for i, tok in enumerate(children):
        if tok.type == "code_inline" and i and children[i - 1].type == "text":
            match = re.search(r"\{(" + "|".join(ROLES) + r")\}$", children[i - 1].content)
            if match:
                found.append((match.group(1), tok.content.strip(), i))
    return found


def references(template: Template) -> list[Reference]:
    """Every reference of the template, with its line."""
    found = []
    for tok in template.tokens:
        if tok.type == "inline":
            for role, name, _ in _roles(tok.children or []):
                found.append(Reference(role, name, _line_of(template, tok.map,
                                                             f"{{{role}}}`{name}`")))
        elif tok.type == "colon_fence":
            directive, _, name = tok.info.strip().partition(" ")
            if directive == f"{{{BLOCK_QUOTE}}}":
                found.append(Reference("quote", name.strip(), (tok.map or [0])[0] + 1))
    return found


def typed(template: Template) -> list[tuple[str, str, int]]:
    """('number' or 'quotation', what was typed, line) in the template's own words."""
    found = []
    for tok in template.tokens:
        if tok.type != "inline":
            continue
        words = _NOT_WORDS.sub(" ", tok.content)
        for match in TYPED_NUMBER.finditer(words):
            found.append(("number", match.group(0), _line_of(template, tok.map, match.group(0))))
        for match in TYPED_QUOTE.finditer(words):
            # Its opening mark and first word: where it starts.
            first = match.group(0)[0] + match.group(1).split()[0]
            found.append(("quotation", match.group(1), _line_of(template, tok.map, first)))
    return found


# --- resolving the references -----------------------------------------------------------------

@dataclass(frozen=True)
class Sources:
    """What a template's references are resolved from."""

    figures: Mapping[str, dict[str, Any]]   # the register, by id
    quotations: Mapping[str, Any]           # quotations.yml, by id (who, role, text)
    fields: Mapping[str, str]               # FIELDS -> value
    link: Callable[[str], str]              # register id -> the address of its entry


def fields(ed: Edition) -> dict[str, str]:
    meta, h = ed.meta, ed.meta.help
    values = {"title": meta.title, "subtitle": meta.subtitle, "publisher": meta.publisher,
              "awareness_week": meta.awareness_week,
              "publication_date": labels.publication_day(ed)}
    for name in ("helpline_name", "helpline_phone", "website", "site_url", "press_contact"):
        values[f"help.{name}"] = str(getattr(h, name, "") or "") if h else ""
    return values


def unresolved(template: Template, sources: Sources) -> list[tuple[int, str, str]]:
    """(line, role, name) of each reference that names nothing."""
    known = {"fig": sources.figures, "quote": sources.quotations, "edition": FIELDS}
    return [(r.line, r.role, r.name) for r in references(template) if r.name not in known[r.role]]


def resolve(template: Template, sources: Sources, empty: Callable[[str], str]) -> Document:
    """The template as a document; `empty(field)` gives the words for an empty field."""
    missing = unresolved(template, sources)
    if missing:
        where = "; ".join(f"{template.path.name}:{line}: {{{role}}}`{name}`"
                          for line, role, name in missing)
        raise PressError(f"the release template refers to what does not exist ({where}): "
                         f"`nsc-report check` lists each; see data/<edition>/press/README.md")
    doc = Document([], [])
    used: dict[str, dict[str, Any]] = {}
    tokens = template.tokens
    notes: dict[int, tuple[Inline, ...]] = {}
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            doc.blocks.append(Block("heading", _inlines(tokens[i + 1], sources, used, empty, doc),
                                    level=int(tok.tag[1]), line=(tok.map or [0])[0] + 1))
            i += 3
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            close = tok.type.replace("_open", "_close")
            items, depth, j = [], 0, i
            while True:
                t = tokens[j]
                depth += t.nesting if t.type == tok.type or t.type == close else 0
                if t.type == "inline":
                    items.append(_inlines(t, sources, used, empty, doc))
                if t.type == close and depth == 0:
                    break
                j += 1
            doc.blocks.append(Block("list", items=tuple(items),
                                    ordered=tok.type.startswith("ordered"),
                                    line=(tok.map or [0])[0] + 1))
            i = j + 1
        elif tok.type == "paragraph_open":
            doc.blocks.append(Block("para", _inlines(tokens[i + 1], sources, used, empty, doc),
                                    line=(tok.map or [0])[0] + 1))
            i += 3
        elif tok.type == "colon_fence":
            name = tok.info.strip().partition(" ")[2].strip()
            q = sources.quotations[name]
            doc.quotations.append(name)
            doc.blocks.append(Block("quotation", (Inline("quote", q.text, ref=name),),
                                    who=q.who, role=q.role or "", ref=name,
                                    line=(tok.map or [0])[0] + 1))
            i += 1
        elif tok.type == "footnote_open":
            number = int(tok.meta["id"])
            j = i + 1
            parts: list[Inline] = []
            while tokens[j].type != "footnote_close":
                if tokens[j].type == "inline":
                    parts.extend(_inlines(tokens[j], sources, used, empty, doc))
                j += 1
            notes[number] = tuple(parts)
            i = j + 1
        else:
            i += 1
    doc.notes = [notes[n] for n in sorted(notes)]
    doc.figures = list(used.values())
    return doc


def _inlines(tok: Token, sources: Sources, used: dict[str, dict[str, Any]],
             empty: Callable[[str], str], doc: Document) -> tuple[Inline, ...]:
    children = list(tok.children or [])
    roles = {index: (role, name) for role, name, index in _roles(children)}
    stack: list[tuple[str, str, list[Inline]]] = [("", "", [])]
    for i, child in enumerate(children):
        out = stack[-1][2]
        if i in roles:
            role, name = roles[i]
            if role == "fig":
                entry = sources.figures[name]
                used.setdefault(name, entry)
                out.append(Inline("fig", entry["text"], href=sources.link(name), ref=name,
                                  mark=MARKS.get(entry.get("status") or "", "")))
            elif role == "quote":
                doc.quotations.append(name)
                out.append(Inline("quote", sources.quotations[name].text, ref=name))
            else:
                value = sources.fields[name]
                out.append(Inline("field", value or empty(name), ref=name))
        elif child.type == "text":
            text = child.content
            if i + 1 in roles:
                text = text[: text.rindex("{")]
            if text:
                out.append(Inline("text", text))
        elif child.type in ("softbreak", "hardbreak"):
            out.append(Inline("space", " "))
        elif child.type == "code_inline":
            out.append(Inline("text", child.content))
        elif child.type in ("strong_open", "em_open", "link_open"):
            stack.append((child.type[:-5], str(child.attrs.get("href", "")), []))
        elif child.type in ("strong_close", "em_close", "link_close"):
            kind, href, inner = stack.pop()
            stack[-1][2].append(Inline(kind, children=tuple(inner), href=href))
        elif child.type == "footnote_ref":
            out.append(Inline("note", ref=str(int(child.meta["id"]) + 1)))
    return tuple(stack[0][2])


def plain(inlines: tuple[Inline, ...]) -> str:
    """The words of a run of inlines, marks included."""
    return "".join(i.text + i.mark if not i.children else plain(i.children) for i in inlines
                   if i.kind != "note")


# --- what `nsc-report check` asks of a template ---------------------------------------------

def problems(template: Template, sources: Sources, documents: Mapping[str, str]
             ) -> list[tuple[int, str, dict[str, str]]]:
    """(line, check.ftl message id, values) of every problem of the template: a reference to
    nothing (a figure not in the register), a number typed in the words, a passage in
    quotation marks that is not word for word in a source document of the edition."""
    found = [(line, "check-press-unknown", {"role": role, "name": name})
             for line, role, name in unresolved(template, sources)]
    for kind, what, line in typed(template):
        if kind == "number":
            found.append((line, "check-press-typed-number", {"number": what}))
        elif all(verbatim.first_difference(what, d) is not None for d in documents.values()):
            found.append((line, "check-press-typed-quote", {"quotation": what[:60]}))
    return found
