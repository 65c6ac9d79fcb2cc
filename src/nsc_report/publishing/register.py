"""The register of figures: every glued value of the book, what it is and where it is printed.

Each executed notebook holds its figures' register (`nsc_figures`, glued by `glue_figures`).
This module gathers them, finds the pages on which each figure is printed (from the glue roles
in the chapters and notebooks), and writes the register as a page of the book ("Where each
figure comes from"), as `figures.csv` and `figures.json`, and as the printed report's annex. It
also compares two registers (`nsc-report figures --compare REF`).

Longer than most modules: gathering, writing (page, annex, CSV, JSON) and comparing the
register share one record format and are kept together.
"""

from __future__ import annotations

import ast
import csv
import html
import io
import json
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from nsc_report.data.provenance import MARKS, illustrative_name
from nsc_report.infra.notebooks import read_notebook
from nsc_report.infra.untrusted import csv_cell, html_in_markdown, markdown_text
from nsc_report.present import labels, words
from nsc_report.present.figures import RECORD, UNPUBLISHED
from nsc_report.publishing.printed import add_pages_of_parts

GLUE_MIME = "application/papermill.record/text/plain"
# {glue}`key`, {glue:text}`other.ipynb::key:s`, ... (the forms myst-nb accepts)
GLUE_ROLE = re.compile(r"\{glue(?::(?:text|any|md))?\}`(?:([^`:]+?)\.ipynb::)?([A-Za-z0-9_]+)"
                       r"(?::[^`]*)?`")
REGISTER_PAGE = "book/figures"
ANNEX_PAGE = "book/figures-annex"
COLUMNS = ["id", "notebook", "key", "kind", "text", "status", "caveat", "raw", "definition",
           "numerator", "denominator", "questions", "periods", "forces", "forces_status",
           "public_forces", "data", "sources", "pages"]
JSON_EXTRAS = ("parts", "caveats", "printed_within", "inline", "finding")  # where an entry has them


def notebook_id(path: Path, notebook_dir: Path) -> str:
    """'spo' for book/spo.ipynb, 'forces/durham' for book/forces/durham.ipynb."""
    return path.relative_to(notebook_dir).with_suffix("").as_posix()


def anchor(figure_id: str) -> str:
    """The register page's id for a figure: 'fig-spo-spo_band_low'."""
    return "fig-" + re.sub(r"[^A-Za-z0-9_]+", "-", figure_id)


def _notebooks(notebook_dir: Path) -> Iterator[tuple[str, nbformat.NotebookNode]]:
    """Each executed notebook under `notebook_dir`, read once, with its id."""
    for path in sorted(notebook_dir.rglob("*.ipynb")):
        if path.name.startswith(".") or ".ipynb_checkpoints" in path.parts:
            continue
        yield notebook_id(path, notebook_dir), read_notebook(path)


def _record(nb: nbformat.NotebookNode) -> dict[str, Any] | None:
    """The notebook's register, as `glue_figures` glued it."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            if name == RECORD and GLUE_MIME in output.get("data", {}):
                return json.loads(output["data"][GLUE_MIME])
    return None


def glued(path: Path) -> dict[str, str]:
    """Every value an executed notebook glued (its key -> the text as printed), so that what
    is printed elsewhere (a briefing) is what the notebook computed."""
    values = {}
    for cell in read_notebook(path).cells:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            if name and name != RECORD and GLUE_MIME in output.get("data", {}):
                values[name] = _unrepr(output["data"][GLUE_MIME])
    return values


def self_marked(path: Path) -> frozenset[str]:
    """The keys of the sentences an executed notebook glued that mark their own figures where
    they stand (`inline` in its register): printed elsewhere (a briefing) with no mark at
    their end either."""
    record = _record(read_notebook(path)) or {"figures": {}}
    return frozenset(k for k, e in record["figures"].items() if e.get("inline"))


def marked(path: Path) -> dict[str, str]:
    """Every value an executed notebook glued, followed by the mark of its status in the
    notebook's register (none for a published figure): for what prints glued figures outside
    the book (a briefing), so that each carries its own status, as on the web."""
    record = _record(read_notebook(path)) or {"figures": {}}
    figures = record["figures"]
    out = {}
    for key, text in glued(path).items():
        entry = figures.get(key) or {}
        # A sentence that marks its own figures carries no mark at its end.
        mark = "" if entry.get("inline") else MARKS.get(entry.get("status") or "", "")
        # A count glued with its noun or verb ("1,294 were"): the mark sits on the number.
        parts = entry.get("parts") or []
        count = (figures.get(parts[0]) or {}).get("text") if len(parts) == 1 else None
        at = len(count) if count and text.startswith(count) and text != count else len(text)
        out[key] = text[:at] + mark + text[at:]
    return out


def _unrepr(text: str) -> str:
    """A glued string is stored as its repr ('...'), as the kernel displays it."""
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text
    return value if isinstance(value, str) else text


def _markdown(nb: nbformat.NotebookNode) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def page_texts(notebook_dir: Path, markdown: Iterable[tuple[str, Path]]) -> dict[str, str]:
    """The text of each page that can glue a figure: the chapters' Markdown (page name and
    file) and the executed notebooks' Markdown cells."""
    pages = {name: path.read_text(encoding="utf-8") for name, path in markdown}
    pages.update({name: _markdown(nb) for name, nb in _notebooks(notebook_dir)})
    return pages


def references(pages: dict[str, str]) -> dict[str, list[str]]:
    """Figure id ('spo/spo_band_low') -> the pages that print it, in page order."""
    found: dict[str, list[str]] = {}
    for page, text in sorted(pages.items()):
        folder = posixpath.dirname(page)
        for doc, key in GLUE_ROLE.findall(text):
            notebook = posixpath.normpath(posixpath.join(folder, doc)) if doc else page
            where = found.setdefault(f"{notebook}/{key}", [])
            if page not in where:
                where.append(page)
    return found


@dataclass(frozen=True)
class BookRegister:
    entries: list[dict[str, Any]]     # COLUMNS, in notebook then glue order
    titles: dict[str, str]            # notebook id -> chapter title
    printed: dict[str, list[str]] = field(default_factory=dict)  # every glued id -> pages
    # Registered texts that print nothing (a sentence a page has only where it applies): no
    # entry, since nothing is printed, and not missing from the register either.
    silent: set[str] = field(default_factory=set)

    def by_id(self) -> dict[str, dict[str, Any]]:
        return {e["id"]: e for e in self.entries}


def heading(text: str, default: str) -> str:
    match = re.search(r"^# (.+)$", text, flags=re.MULTILINE)
    if not match:
        return default
    # A heading made of a glued value (a force page's name) reads as its page id.
    return default if "{glue" in match.group(1) else match.group(1).strip()


def build(notebook_dir: Path, markdown: Iterable[tuple[str, Path]],
          order: list[str] | None = None) -> BookRegister:
    """The register of the executed notebooks in `notebook_dir`, with the pages (among those
    notebooks and the Markdown chapters given) that print each figure; chapters in `order`
    (the table of contents) first, then the others, then the force pages. Each notebook is
    read once."""
    pages = {name: path.read_text(encoding="utf-8") for name, path in markdown}
    titles = {name: heading(text, name) for name, text in pages.items()}
    records = {}
    for notebook, nb in _notebooks(notebook_dir):
        pages[notebook] = _markdown(nb)
        record = _record(nb)
        if record is not None:
            records[notebook] = record
            titles[notebook] = heading(pages[notebook], notebook)
            if titles[notebook] == notebook and "force_name" in record["figures"]:
                titles[notebook] = record["figures"]["force_name"]["text"]  # a force page
    printed = references(pages)
    rank = {name: i for i, name in enumerate(order or [])}
    entries: list[dict[str, Any]] = []
    silent: set[str] = set()
    for notebook in sorted(records, key=lambda n: (n.startswith("forces/"),
                                                   rank.get(n, len(rank)), n)):
        for key, figure in records[notebook]["figures"].items():
            fid = f"{notebook}/{key}"
            if figure.get("kind") == "text" and figure.get("text") == "":
                silent.add(fid)  # a sentence a page prints only where it applies: here, none
                continue
            # The page that computes it first, then the others that print it.
            # Printed in a chart or a map, which no glue role finds ("" for its own chapter).
            charts = [page or notebook for page in figure.get("charted") or []]
            found = list(dict.fromkeys([*printed.get(fid, []), *charts]))
            pages_of = sorted(found, key=lambda page: (page != notebook, page))
            entry = {"id": fid, "notebook": notebook, "key": key, **figure, "pages": pages_of}
            if within := [page for page in charts if page not in printed.get(fid, [])]:
                entry["printed_within"] = within  # in a chart: marked there, not linked
            entries.append(entry)
    add_pages_of_parts(entries)
    return BookRegister(entries, titles, printed, silent)


def register_json(folder: Path) -> Path:
    """The register's JSON among the downloads in `folder`, under whichever name its edition
    gave it ('figures-illustrative.json' where it holds constructed figures)."""
    for name in ("figures.json", illustrative_name("figures.json")):
        if (folder / name).is_file():
            return folder / name
    return folder / "figures.json"


def unregistered(register: BookRegister) -> list[str]:
    """Figures printed somewhere that no notebook registered."""
    known = register.by_id()
    return sorted(fid for fid in register.printed
                  if fid not in known and fid not in register.silent)


# --- downloads -------------------------------------------------------------------------------

def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def to_csv(register: BookRegister) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in register.entries:
        # A figure's text may be the data's (a force's name): no field runs as a formula.
        writer.writerow([csv_cell(_cell(e.get(c))) for c in COLUMNS])
    return buffer.getvalue()


def to_json(register: BookRegister) -> str:
    """The register as JSON: the CSV's columns, and for a sentence or a count with its noun
    made of other figures, those figures' keys (`parts`), which the site links it by; for a
    sentence that marks its own figures where they stand, `inline` (no mark at its end); for a
    figure a social card can show, its finding in plain words (`finding`); each caveat alone
    (`caveats`); pages that print a figure in a sentence or chart (`printed_within`)."""
    return json.dumps({"figures": [{**{c: e.get(c) for c in COLUMNS},
                                    **{k: e[k] for k in JSON_EXTRAS if e.get(k)}}
                                   for e in register.entries]},
                      indent=1, ensure_ascii=False, sort_keys=False) + "\n"


def from_json(text: str) -> BookRegister:
    data = json.loads(text)
    return BookRegister(list(data["figures"]), {})


# --- the register page and the printed annex --------------------------------------------------

def _page_link(page: str, titles: dict[str, str], web: set[str] | None) -> str:
    """A link from book/figures.html to a page that prints the figure (a page of the printed
    report only, such as its annex, is named without a link)."""
    label = html.escape(titles.get(page, page))
    if web is not None and page not in web and not page.startswith("forces/"):
        return str(words.Words("site").html("site-register-printed-only", page=titles.get(
            page, page)))
    return f'<a href="{html.escape(page)}.html">{label}</a>'


def _row(e: dict[str, Any], titles: dict[str, str], web: set[str] | None) -> str:
    site = words.Words("site")
    computed = []  # HTML, escaped here
    if e.get("numerator") is not None and e.get("denominator") is not None:
        computed.append(html.escape(f"{_cell(e['numerator'])} ÷ {_cell(e['denominator'])}"))
    if e.get("questions"):
        computed.append(str(site.html("site-register-questions",
                                      questions=", ".join(e["questions"]))))
    if e.get("periods"):
        computed.append(html.escape("; ".join(e["periods"])))
    if e.get("data"):  # the data in words a reader can find (a download), never a path
        computed.append(html.escape("; ".join(e["data"])))
    counted = _forces_cell(e)
    pages = (", ".join(_page_link(p, titles, web) for p in e["pages"])
             or str(site.html("site-register-not-printed")))
    return (f'<tr id="{anchor(e["id"])}"><th scope="row"><code>{html.escape(e["key"])}'
            f"</code></th><td>{html.escape(e['text'])}</td>"
            f"<td>{_status(e)}</td>"
            f"<td>{html.escape(e['definition'])}</td>"
            f"<td>{'; '.join(computed)}</td>"
            f"<td>{counted}</td><td>{html.escape('; '.join(e.get('sources') or []))}</td>"
            f"<td>{pages}</td></tr>")


def _forces_cell(e: dict[str, Any]) -> str:
    """The forces a figure counts, with the status of their list (the data it was computed
    from, which may be constructed where the figure's value is published); a list not printed
    (which Commissioners made the commitment, where constructed) says so."""
    site = words.Words("site")
    forces, status = e.get("forces"), e.get("forces_status")
    if status == UNPUBLISHED:
        return str(site.html("site-register-forces-unpublished"))
    if forces is None:
        return ""
    if not forces:
        return str(site.html("site-register-no-forces"))
    status = status or "published"
    mark = MARKS.get(status, "")
    shown = f' <span aria-hidden="true">{mark}</span>' if mark else ""
    public = set(e.get("public_forces") or ()) if mark else set()
    # A force a published source places in a constructed list is named without the mark, each
    # of the others with it.
    # Each name's mark as the summary's, with its word for a screen reader (the register page
    # says what statuses mean in its own columns, not in a page's note of marked figures).
    each = labels.mark_html(status, mark, symbol_only=True)
    names = ", ".join(html.escape(name) + ("" if name in public or not public else each)
                      for name in forces)
    summary = site.html("site-register-forces-counted", forces=len(forces), status=status,
                        public=len(public))
    return f"<details><summary>{summary}{shown}</summary>{names}</details>"


def _status(e: dict[str, Any]) -> str:
    """'published', or the status with its mark and caveat."""
    status = e.get("status") or "published"
    if status == "published":
        return status
    mark = MARKS.get(status, "")
    return (f"{html.escape(status)} <span aria-hidden=\"true\">{mark}</span>"
            f"<br><small>{html.escape(e.get('caveat') or '')}</small>")


def _table(name: str, caption: str, entries: list[dict[str, Any]],
           titles: dict[str, str], web: set[str] | None) -> str:
    w = words.Words("site")
    head = "".join(f'<th scope="col">{w.html("site-register-column", column=key)}</th>'
                   for key in ("key", "printed", "status", "definition", "computed", "forces",
                               "source", "pages"))
    rows = "".join(_row(e, titles, web) for e in entries)
    # An HTML block of the page's Markdown: a line break in a figure's text (a sentence made
    # from the data) must not end it.
    # (Its rows follow the message: Fluent refuses a value of more than 2,500 characters.)
    start = w.html("site-register-table", caption=caption, name=name)
    return html_in_markdown(f"{start}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody>"
                            f"</table></div>")


def register_page(register: BookRegister, web: set[str] | None = None,
                  files: tuple[str, str] = ("figures.csv", "figures.json")) -> str:
    """The page "Where each figure comes from", grouped by chapter; the force pages' figures
    are grouped by force, each folded away. `web`: the pages of the web book (others are
    named, not linked); `files`: the names of its CSV and JSON downloads."""
    titles = register.titles
    groups: dict[str, list[dict[str, Any]]] = {}
    for e in register.entries:
        groups.setdefault(e["notebook"], []).append(e)
    chapters = [n for n in groups if not n.startswith("forces/")]
    forces = [n for n in groups if n.startswith("forces/")]
    total = len(register.entries)
    linked = sum(1 for e in register.entries if e["kind"] == "figure")
    w = words.Words("site")
    out = [
        f"# {w.text('site-register-heading')}\n",
        w.markdown("site-register-intro", total=total, linked=linked,
                   unverified=MARKS["unverified"], illustrative=MARKS["illustrative"],
                   csv=files[0], json=files[1]) + "\n",
    ]
    for notebook in chapters:
        out.append(f"## {titles.get(notebook, notebook)}\n")
        out.append(_table(notebook, w.text("site-register-chapter",
                                           title=titles.get(notebook, notebook)),
                          groups[notebook], titles, web) + "\n")
    if forces:
        out.append(f"## {w.text('site-register-forces')}\n")
        out.append(w.markdown("site-register-forces-intro") + "\n")
        for notebook in forces:
            title = titles.get(notebook, notebook)
            table = _table(notebook.replace("/", "-"), w.text("site-register-page", title=title),
                           groups[notebook], titles, web)
            out.append(f'<details class="nsc-register-force"><summary>{html.escape(title)}'
                       f"</summary>\n\n{table}\n\n</details>\n")
    return "\n".join(out)


def annex_page(register: BookRegister, csv_file: str = "figures.csv") -> str:
    """The printed report's annex: one line per figure of the chapters (force pages are not
    printed); `csv_file`: the name of the register's CSV download, which holds all of it."""
    w = words.Words("site")
    out = [f"# {w.text('site-annex-heading')}\n",
           w.markdown("site-annex-intro", file=csv_file) + "\n"]
    groups: dict[str, list[dict[str, Any]]] = {}
    for e in register.entries:
        if e["kind"] == "figure" and e["pages"] and not e["notebook"].startswith("forces/"):
            groups.setdefault(e["notebook"], []).append(e)
    for notebook, entries in groups.items():
        out.append(f"## {register.titles.get(notebook, notebook)}\n")
        out.extend(f"- **{markdown_text(e['text'])}**"
                   f"{markdown_text(MARKS.get(e.get('status') or '', ''))}: "
                   f"{markdown_text(e['definition'])}" for e in entries)
        out.append("")
    return "\n".join(out)


# --- comparing two registers ----------------------------------------------------------------

@dataclass(frozen=True)
class Change:
    id: str
    old: str | None
    new: str | None
    pages: list[str]
    # The status each side printed the figure with (its mark): a figure that went from
    # constructed to published keeps its text and changes all the same.
    old_status: str = "published"
    new_status: str = "published"

    @property
    def kind(self) -> str:
        return "appeared" if self.old is None else "vanished" if self.new is None else "changed"

    @property
    def status_changed(self) -> bool:
        return self.old is not None and self.new is not None and self.old_status != self.new_status


def _status_of(entry: dict[str, Any] | None) -> str:
    return (entry or {}).get("status") or "published"


def compare(old: BookRegister, new: BookRegister) -> list[Change]:
    """Figures whose printed value or status (the mark it prints with) changed, appeared or
    vanished."""
    before, after = old.by_id(), new.by_id()
    changes = []
    for fid in sorted(set(before) | set(after)):
        a, b = before.get(fid), after.get(fid)
        if (a is not None and b is not None and a["text"] == b["text"]
                and _status_of(a) == _status_of(b)):
            continue
        pages = list(dict.fromkeys([*(b or {}).get("pages", []), *(a or {}).get("pages", [])]))
        changes.append(Change(fid, a["text"] if a else None, b["text"] if b else None, pages,
                              _status_of(a), _status_of(b)))
    return changes
